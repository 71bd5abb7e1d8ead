//! Who is the same person: the keys two profiles are compared by, computed once here for every
//! place that looks for duplicates (imports, new-from-resume, walk-ins, the Duplicates page).
//!
//! Two profiles are likely one person when they share any key: the same email (case- and
//! IDN-normalised), the same LinkedIn profile, the same phone number (E.164 with the
//! organisation's default country), or the same name with the same employer or phone.

use serde::Serialize;
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;

use crate::candidate::{LinkKind, Profile};

/// One piece of evidence that two profiles are one person, strongest first.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DedupeKey {
    Email(String),
    LinkedIn(String),
    Phone(String),
    NameAndEmployer(String),
    NameAndPhone(String),
}

impl DedupeKey {
    /// What kind of evidence the key is, for a person deciding.
    pub fn kind(&self) -> DedupeKind {
        match self {
            DedupeKey::Email(_) => DedupeKind::Email,
            DedupeKey::LinkedIn(_) => DedupeKind::LinkedIn,
            DedupeKey::Phone(_) => DedupeKind::Phone,
            DedupeKey::NameAndEmployer(_) => DedupeKind::NameEmployer,
            DedupeKey::NameAndPhone(_) => DedupeKind::NamePhone,
        }
    }
}

/// Why two profiles are taken for one person; the window words it in the user's language,
/// `Display` in English (the CLI, the error file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DedupeKind {
    Email,
    #[serde(rename = "linkedin")]
    LinkedIn,
    Phone,
    NameEmployer,
    NamePhone,
}

impl std::fmt::Display for DedupeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DedupeKind::Email => "same email",
            DedupeKind::LinkedIn => "same LinkedIn profile",
            DedupeKind::Phone => "same phone",
            DedupeKind::NameEmployer => "same name and employer",
            DedupeKind::NamePhone => "same name and phone",
        })
    }
}

impl DedupeKey {
    /// The key as made with `country` (the calling code, "44") from the key made without one:
    /// a national phone number, kept as its bare digits, in E.164. So a store keeps each
    /// candidate's keys once, made without a country, and reads them in any country:
    /// `keys(p, country)` is `keys(p, None)` read in `country`, key by key.
    pub fn in_country(self, country: Option<&str>) -> DedupeKey {
        let Some(code) = country else { return self };
        match self {
            DedupeKey::Phone(phone) if is_national(&phone) => DedupeKey::Phone(national_in(&phone, code)),
            DedupeKey::NameAndPhone(key) => match key.rsplit_once('|') {
                Some((name, phone)) if is_national(phone) => {
                    DedupeKey::NameAndPhone(format!("{name}|{}", national_in(phone, code)))
                }
                _ => DedupeKey::NameAndPhone(key),
            },
            key => key,
        }
    }

    /// The keys made without a country that read as this key in `country` (see
    /// [`DedupeKey::in_country`]): itself and, for a number of that country, the national forms
    /// it may have been written in ("+14155550132" in "1": "4155550132" and "14155550132").
    pub fn stored_forms(&self, country: Option<&str>) -> Vec<DedupeKey> {
        let mut forms = vec![self.clone()];
        let Some(code) = country else { return forms };
        let (name, phone) = match self {
            DedupeKey::Phone(phone) => (None, phone.as_str()),
            DedupeKey::NameAndPhone(key) => match key.rsplit_once('|') {
                Some((name, phone)) => (Some(name), phone),
                None => return forms,
            },
            _ => return forms,
        };
        let Some(rest) = phone.strip_prefix('+').and_then(|p| p.strip_prefix(code)) else { return forms };
        for national in [rest.to_owned(), format!("0{rest}"), format!("1{rest}")] {
            // Only what `phone_key` makes without a country: 7 digits or more, no "00" (that
            // is an international number).
            if national.len() < 7 || national.starts_with("00") || national_in(&national, code) != phone {
                continue;
            }
            forms.push(match name {
                Some(name) => DedupeKey::NameAndPhone(format!("{name}|{national}")),
                None => DedupeKey::Phone(national),
            });
        }
        forms
    }
}

/// The keys of `profile`, strongest first. `country` is the calling code ("44") national
/// numbers are read in; without it they are compared by their digits alone.
pub fn keys(profile: &Profile, country: Option<&str>) -> Vec<DedupeKey> {
    let keys = keys_without_country(profile);
    match country {
        None => keys,
        Some(_) => keys.into_iter().map(|k| k.in_country(country)).collect(),
    }
}

/// The keys of `profile` with national numbers as their digits.
fn keys_without_country(profile: &Profile) -> Vec<DedupeKey> {
    let mut keys = Vec::new();
    if let Some(email) = profile.email.as_deref().and_then(email_key) {
        keys.push(DedupeKey::Email(email));
    }
    for link in &profile.links {
        if let Some(slug) =
            linkedin_key(&link.url).filter(|_| matches!(link.kind, LinkKind::LinkedIn | LinkKind::Other))
        {
            keys.push(DedupeKey::LinkedIn(slug));
        }
    }
    let phone = profile.phone.as_deref().and_then(|p| phone_key(p, None));
    if let Some(phone) = &phone {
        keys.push(DedupeKey::Phone(phone.clone()));
    }
    let name = name_key(&profile.first_name, &profile.last_name);
    if let Some(name) = &name {
        let employer = simple(&profile.current_employer);
        if !employer.is_empty() {
            keys.push(DedupeKey::NameAndEmployer(format!("{name}|{employer}")));
        }
        if let Some(phone) = &phone {
            keys.push(DedupeKey::NameAndPhone(format!("{name}|{phone}")));
        }
    }
    keys
}

/// Lowercased, NFKC, whitespace collapsed: "  Zoë   SMITH " and "zoë smith" are one.
fn simple(text: &str) -> String {
    text.nfkc().collect::<String>().to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The name both parts present, or none.
fn name_key(first: &str, last: &str) -> Option<String> {
    let (first, last) = (simple(first), simple(last));
    (!first.is_empty() && !last.is_empty()).then(|| format!("{first} {last}"))
}

/// An email compared without case, its domain in ASCII (`münchen.de` and `xn--mnchen-3ya.de`
/// are one domain).
pub fn email_key(email: &str) -> Option<String> {
    let email: String = email.trim().nfc().collect();
    let (local, domain) = email.rsplit_once('@')?;
    if local.is_empty() || domain.is_empty() {
        return None;
    }
    let domain = idna::domain_to_ascii(domain).ok()?;
    Some(format!("{}@{domain}", local.to_lowercase()))
}

/// The profile name of a LinkedIn address (`linkedin.com/in/<name>`), whatever the scheme,
/// subdomain (`www.`, `de.`), trailing slash, query or case.
pub fn linkedin_key(url: &str) -> Option<String> {
    let lower = url.trim().to_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")).unwrap_or(&lower);
    let (host, path) = rest.split_once('/')?;
    if host != "linkedin.com" && !host.ends_with(".linkedin.com") {
        return None;
    }
    let slug = path.strip_prefix("in/")?.split(['/', '?', '#']).next()?;
    (!slug.is_empty()).then(|| slug.to_owned())
}

/// A phone number in E.164 (`+351912345678`) when its country is known: written with `+` or
/// `00`, or national with the default country's calling code (`country`, "351"). A label
/// before the number ("Tel:", "Phone") and an extension after it (`x`, `ext`, `#`) are left
/// out. Without a country, a national number is its digits.
pub fn phone_key(phone: &str, country: Option<&str>) -> Option<String> {
    let lower = phone.to_lowercase();
    let start = lower.find(|c: char| c == '+' || c.is_ascii_digit())?;
    // `x` also ends "ext" and "extension": the letters before it are no digits.
    let number = lower[start..].split(['x', '#']).next().unwrap_or_default().trim();
    let number = without_trunk_prefix(number);
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 7 {
        return None;
    }
    if number.starts_with('+') {
        return Some(format!("+{digits}"));
    }
    if let Some(international) = digits.strip_prefix("00") {
        return Some(format!("+{international}"));
    }
    Some(match country {
        Some(code) => national_in(&digits, code),
        None => digits,
    })
}

/// Whether a phone key is a national number's digits (made without a country).
fn is_national(phone: &str) -> bool {
    !phone.starts_with('+')
}

/// A national number's digits in E.164 with the calling code `code`.
fn national_in(digits: &str, code: &str) -> String {
    // A trunk prefix is dialled only inside the country: 0 in most, 1 in the NANP ("1 415 ...").
    let national = match code {
        "1" if digits.len() == 11 => digits.strip_prefix('1').unwrap_or(digits),
        // Italy keeps its leading 0 in international form.
        "39" => digits,
        _ => digits.strip_prefix('0').unwrap_or(digits),
    };
    format!("+{code}{national}")
}

/// "+44 (0)20 ..." as "+44 20 ...": a bracketed 0 right after the country code is the trunk
/// prefix, dialled only from inside the country.
fn without_trunk_prefix(number: &str) -> String {
    match number.split_once("(0)") {
        Some((code, rest)) if is_country_code(code.trim()) => format!("{code}{rest}"),
        _ => number.to_owned(),
    }
}

/// "+44" or "0044": one to three digits after `+` or `00`.
fn is_country_code(text: &str) -> bool {
    let digits = text.strip_prefix('+').or_else(|| text.strip_prefix("00"));
    digits.is_some_and(|d| (1..=3).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
}

/// The calling code of a country by its ISO 3166 code ("DE" -> "49"), for the countries a
/// default is most often set to; `None` for others.
pub fn calling_code(iso: &str) -> Option<&'static str> {
    let iso = iso.trim().to_ascii_uppercase();
    CALLING_CODES.iter().find(|(c, _)| *c == iso).map(|(_, code)| *code)
}

/// The countries whose national numbers can be read, by ISO 3166 code, with their calling
/// codes (a default phone country is one of these).
pub const CALLING_CODES: [(&str, &str); 32] = [
    ("US", "1"),
    ("CA", "1"),
    ("GB", "44"),
    ("IE", "353"),
    ("DE", "49"),
    ("AT", "43"),
    ("CH", "41"),
    ("FR", "33"),
    ("BE", "32"),
    ("NL", "31"),
    ("LU", "352"),
    ("ES", "34"),
    ("PT", "351"),
    ("IT", "39"),
    ("DK", "45"),
    ("SE", "46"),
    ("NO", "47"),
    ("FI", "358"),
    ("PL", "48"),
    ("CZ", "420"),
    ("GR", "30"),
    ("TR", "90"),
    ("IL", "972"),
    ("IN", "91"),
    ("CN", "86"),
    ("JP", "81"),
    ("KR", "82"),
    ("SG", "65"),
    ("AU", "61"),
    ("NZ", "64"),
    ("BR", "55"),
    ("MX", "52"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidate::Link;

    fn person(first: &str, last: &str) -> Profile {
        Profile { first_name: first.into(), last_name: last.into(), ..Profile::default() }
    }

    fn shares_a_key(a: &Profile, b: &Profile, country: Option<&str>) -> bool {
        let theirs = keys(b, country);
        keys(a, country).iter().any(|k| theirs.contains(k))
    }

    fn with(mut p: Profile, edit: impl FnOnce(&mut Profile)) -> Profile {
        edit(&mut p);
        p
    }

    fn linkedin(url: &str) -> Vec<Link> {
        vec![Link { kind: LinkKind::LinkedIn, url: url.into() }]
    }

    /// Pairs that must be found as one person, and pairs that must not, with why.
    #[test]
    fn pairs_that_must_and_must_not_match() {
        let ana = person("Ana", "Souza");
        let bob = person("Bob", "Stone");
        let must = [
            (
                "email differing in case",
                with(ana.clone(), |p| p.email = Some("Ana.Souza@Example.COM".into())),
                with(bob.clone(), |p| p.email = Some("ana.souza@example.com".into())),
            ),
            (
                "email with an IDN domain, Unicode and ASCII",
                with(ana.clone(), |p| p.email = Some("ana@münchen.de".into())),
                with(ana.clone(), |p| p.email = Some("ANA@xn--mnchen-3ya.de".into())),
            ),
            (
                "LinkedIn with and without www, slash and query",
                with(ana.clone(), |p| p.links = linkedin("https://www.linkedin.com/in/ana-souza/")),
                with(bob.clone(), |p| p.links = linkedin("http://de.linkedin.com/in/Ana-Souza?trk=x")),
            ),
            (
                "phone national and international, default country PT",
                with(ana.clone(), |p| p.phone = Some("912 345 678".into())),
                with(bob.clone(), |p| p.phone = Some("+351 912-345-678".into())),
            ),
            (
                "phone with 00 and with +",
                with(ana.clone(), |p| p.phone = Some("0044 20 7946 0958".into())),
                with(bob.clone(), |p| p.phone = Some("+44 (20) 7946 0958 ext. 12".into())),
            ),
            (
                "a \"(0)\" trunk prefix after the country code",
                with(ana.clone(), |p| p.phone = Some("+44 (0)20 7946 0958".into())),
                with(bob.clone(), |p| p.phone = Some("+44 20 7946 0958".into())),
            ),
            (
                "a label before the number",
                with(ana.clone(), |p| p.phone = Some("Tel: +44 20 7946 0958".into())),
                with(bob.clone(), |p| p.phone = Some("0044 20 7946 0958".into())),
            ),
            (
                "a label and extensions written as x and #",
                with(ana.clone(), |p| p.phone = Some("Phone +49 30 1234567 x 12".into())),
                with(bob.clone(), |p| p.phone = Some("+49 30 1234567 #34".into())),
            ),
            (
                "same name and employer, spacing and case aside",
                with(ana.clone(), |p| p.current_employer = "Acme GmbH".into()),
                with(person(" ana ", "SOUZA"), |p| p.current_employer = "acme  gmbh".into()),
            ),
        ];
        for (why, a, b) in &must {
            assert!(shares_a_key(a, b, Some("351")), "must match: {why}");
        }
        let must_not = [
            ("same name, nothing else", ana.clone(), ana.clone()),
            (
                "same name, different employers",
                with(ana.clone(), |p| p.current_employer = "Acme".into()),
                with(ana.clone(), |p| p.current_employer = "Globex".into()),
            ),
            (
                "same employer, different names",
                with(ana.clone(), |p| p.current_employer = "Acme".into()),
                with(bob.clone(), |p| p.current_employer = "Acme".into()),
            ),
            (
                "different emails at one domain",
                with(ana.clone(), |p| p.email = Some("ana@example.com".into())),
                with(ana.clone(), |p| p.email = Some("ana.s@example.com".into())),
            ),
            (
                "different LinkedIn profiles",
                with(ana.clone(), |p| p.links = linkedin("https://linkedin.com/in/ana-souza")),
                with(ana.clone(), |p| p.links = linkedin("https://linkedin.com/in/ana-souza-2")),
            ),
            (
                "a LinkedIn company page is no person",
                with(ana.clone(), |p| p.links = linkedin("https://linkedin.com/company/acme")),
                with(bob.clone(), |p| p.links = linkedin("https://linkedin.com/company/acme")),
            ),
            (
                "same national digits in different countries",
                with(ana.clone(), |p| p.phone = Some("+44 912 345 678".into())),
                with(bob.clone(), |p| p.phone = Some("+351 912 345 678".into())),
            ),
            (
                "labelled numbers that differ",
                with(ana.clone(), |p| p.phone = Some("Phone +49 30 1234567".into())),
                with(bob.clone(), |p| p.phone = Some("Phone +49 30 7654321".into())),
            ),
            (
                "a \"(0)\" that is not a trunk prefix",
                with(ana.clone(), |p| p.phone = Some("+44 20 (0)7946 0958".into())),
                with(bob.clone(), |p| p.phone = Some("+44 20 7946 0958".into())),
            ),
            (
                "too few digits to be a phone",
                with(ana.clone(), |p| p.phone = Some("12345".into())),
                with(bob.clone(), |p| p.phone = Some("12345".into())),
            ),
        ];
        for (why, a, b) in &must_not {
            assert!(!shares_a_key(a, b, Some("351")), "must not match: {why}");
        }
    }

    #[test]
    fn phones_in_e164() {
        assert_eq!(phone_key("(415) 555-0132", Some("1")).as_deref(), Some("+14155550132"));
        assert_eq!(phone_key("1 415 555 0132", Some("1")).as_deref(), Some("+14155550132"));
        assert_eq!(phone_key("030 1234567", Some("49")).as_deref(), Some("+49301234567"));
        assert_eq!(phone_key("06 1234 5678", Some("39")).as_deref(), Some("+390612345678"));
        assert_eq!(phone_key("030 1234567", None).as_deref(), Some("0301234567"));
        assert_eq!(phone_key("Tel: +44 (0)20 7946 0958 ext. 5", None).as_deref(), Some("+442079460958"));
        assert_eq!(phone_key("Phone +49 30 1234567", None).as_deref(), Some("+49301234567"));
        assert_eq!(phone_key("Phone", None), None);
        assert_eq!(calling_code("de"), Some("49"));
        assert_eq!(calling_code("ZZ"), None);
    }

    /// Keys stored without a country read in one: a national number gets the country's code
    /// (NANP's trunk 1, Italy's kept 0, elsewhere trunk 0 dropped), an international one
    /// stays; and every stored form of a key reads as that key.
    #[test]
    fn keys_made_without_a_country_read_in_any() {
        let cases = [
            ("(415) 555-0132", "1", "+14155550132"),
            ("1 415 555 0132", "1", "+14155550132"),
            ("555 0132 99", "1", "+1555013299"),
            ("06 1234 5678", "39", "+390612345678"),
            ("333 123 4567", "39", "+393331234567"),
            ("030 1234567", "49", "+49301234567"),
            ("30 1234567", "49", "+49301234567"),
            ("912 345 678", "351", "+351912345678"),
            ("+44 20 7946 0958", "49", "+442079460958"),
            ("0044 20 7946 0958", "1", "+442079460958"),
        ];
        for (written, code, e164) in cases {
            let stored = phone_key(written, None).unwrap();
            assert_eq!(phone_key(written, Some(code)).as_deref(), Some(e164), "{written} in {code}");
            assert_eq!(DedupeKey::Phone(stored.clone()).in_country(Some(code)), DedupeKey::Phone(e164.into()));
            let forms = DedupeKey::Phone(e164.into()).stored_forms(Some(code));
            assert!(forms.contains(&DedupeKey::Phone(stored.clone())), "{written}: {stored} among {forms:?}");
            for form in forms {
                assert_eq!(form.in_country(Some(code)), DedupeKey::Phone(e164.into()), "{written}");
            }
        }
        // The forms are exactly those, so a lookup finds nobody else.
        let forms = |e164: &str, code| DedupeKey::Phone(e164.into()).stored_forms(Some(code));
        let phones = |list: &[&str]| list.iter().map(|p| DedupeKey::Phone((*p).into())).collect::<Vec<_>>();
        assert_eq!(forms("+14155550132", "1"), phones(&["+14155550132", "4155550132", "14155550132"]));
        assert_eq!(forms("+390612345678", "39"), phones(&["+390612345678", "0612345678"]));
        assert_eq!(forms("+49301234567", "49"), phones(&["+49301234567", "301234567", "0301234567"]));
        assert_eq!(forms("+49301234567", "1"), phones(&["+49301234567"]), "not a number of that country");
        assert_eq!(forms("+49301234567", "4"), phones(&["+49301234567", "9301234567", "09301234567"]));

        let ana = Profile {
            first_name: "Ana".into(),
            last_name: "Souza".into(),
            email: Some("ana@example.com".into()),
            phone: Some("030 1234567".into()),
            current_employer: "Acme".into(),
            ..Profile::default()
        };
        for code in [None, Some("49"), Some("1"), Some("39")] {
            let read: Vec<DedupeKey> = keys(&ana, None).into_iter().map(|k| k.in_country(code)).collect();
            assert_eq!(read, keys(&ana, code), "{code:?}");
        }
        let name_and_phone = DedupeKey::NameAndPhone("ana souza|+49301234567".into());
        assert!(keys(&ana, Some("49")).contains(&name_and_phone));
        assert!(
            name_and_phone.stored_forms(Some("49")).contains(&DedupeKey::NameAndPhone("ana souza|0301234567".into()))
        );
        // Nothing else changes with the country.
        let email = DedupeKey::Email("ana@example.com".into());
        assert_eq!(email.clone().in_country(Some("49")), email);
        assert_eq!(email.stored_forms(Some("49")), [email]);
    }
}
