//! How to reach the person: email, phone, location, links (the name is in `name`).

use talentdesk_domain::validation;

use super::name::could_be_a_name;
use super::sections::Section;

/// The first email address in the text, as the domain's rules clean it. An address is read
/// outwards from its `@` over the characters an address may hold, letters of any script
/// included (RFC 6531), so a label glued to it ("Mail:łukasz@…", "mailto:") stays out and a
/// non-ASCII first letter stays in.
pub fn email(text: &str) -> Option<String> {
    text.match_indices('@').find_map(|(at, _)| {
        let local_start =
            text[..at].char_indices().rev().take_while(|&(_, c)| in_local_part(c)).last().map_or(at, |(i, _)| i);
        let domain_len: usize =
            text[at + 1..].chars().take_while(|&c| c.is_alphanumeric() || ".-".contains(c)).map(char::len_utf8).sum();
        let local = text[local_start..at].trim_start_matches('.');
        let local = format!("{}{local}", local_wrapped(&text[..local_start]));
        let domain = text[at + 1..at + 1 + domain_len].trim_end_matches(['.', '-']);
        let domain = format!("{domain}{}", domain_wrapped(domain, &text[at + 1 + domain_len..]));
        validation::email(&format!("{local}@{domain}")).ok()
    })
}

/// The start of an address's local part that a narrow column wrapped onto the line before
/// (`before` ends with it): after a hyphen, a dot or an underscore ("k.mueller-" over
/// "luedenscheidt@example.de"), or anywhere when the line is a mail icon's or label's alone
/// ("✉ joseantonio.ruizcam" over "pos@hotmail.es"); not a name's line ("Anna Weber" over
/// "anna@example.de").
fn local_wrapped(before: &str) -> &str {
    let Some(line) = before.strip_suffix('\n').map(|b| b.rsplit('\n').next().unwrap_or(b)) else { return "" };
    let cut = line.rsplit(char::is_whitespace).next().unwrap_or_default();
    if cut.is_empty() || !cut.chars().all(in_local_part) {
        return "";
    }
    // A mail icon or a one-word mail label, not a phone's ("Tel.: 0151…" over an address).
    let lead = line[..line.len() - cut.len()].trim().to_lowercase();
    let icon = ["✉", "📧", "🖂", "📨"].iter().any(|i| lead.trim_end_matches('\u{fe0f}') == *i);
    let label = lead.strip_suffix(':').is_some_and(|word| MAIL_LABELS.iter().any(|l| word.contains(l)));
    let mailed = (icon || label) && cut.contains(char::is_alphabetic) && !cut.contains(char::is_uppercase);
    if cut.ends_with(['-', '.', '_']) || mailed { cut } else { "" }
}

/// Words of a label before an e-mail address, in the languages the sections are read in.
const MAIL_LABELS: [&str; 5] = ["mail", "correo", "courriel", "posta", "poczta"];

/// The rest of an address's domain that a narrow column wrapped onto the next line (`after`
/// follows the domain read so far): "joseantonio.ruizcampos@ho" over "tmail.es". Only a
/// domain without its dot yet, no address as it stands, goes on.
fn domain_wrapped<'a>(domain: &str, after: &'a str) -> &'a str {
    let Some(next) = after.strip_prefix('\n') else { return "" };
    // "mdelacroix.welds@example.c" over "om", as a LinkedIn export wraps its contact column:
    // a line of a letter or three alone that makes the last label a common top-level domain.
    // So is a country's code after it ("darren@example.c" over "o.uk").
    let alone = next.split('\n').next().unwrap_or_default().trim_end();
    let last = domain.rsplit('.').next().unwrap_or_default();
    let (label, country) = alone.split_once('.').unwrap_or((alone, ""));
    let letters = |s: &str| s.chars().all(|c| c.is_ascii_lowercase());
    let tail = (1..=3).contains(&label.len())
        && letters(label)
        && (country.is_empty() || (country.len() == 2 && letters(country)));
    if domain.contains('.') && tail && WRAPPED_DOMAINS.contains(&format!("{last}{label}").as_str()) {
        return alone;
    }
    let len: usize = next.chars().take_while(|&c| c.is_alphanumeric() || ".-".contains(c)).map(char::len_utf8).sum();
    let rest = next[..len].trim_end_matches(['.', '-']);
    if domain.contains('.') || !rest.contains('.') || rest.starts_with('.') { "" } else { rest }
}

/// Top-level domains long enough to be wrapped, as an address's last label.
const WRAPPED_DOMAINS: &[&str] = &["com", "org", "net", "edu", "gov", "info", "co", "ac"];

/// Letters and digits of any script and the ASCII marks RFC 5322 allows in a local part, less
/// the slash and colon that labels put before an address ("Tel/Mail:").
fn in_local_part(c: char) -> bool {
    c.is_alphanumeric() || "._%+-!#$&'*=?^`{}~".contains(c)
}

/// Links to profiles and portfolios, with `https://` added where the resume left it out.
pub fn links(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || "|,;<>()[]".contains(c)) {
        let word = word.trim_end_matches(['.', ',', ')']);
        let lower = word.to_lowercase();
        let is_link = lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.")
            || lower.contains("linkedin.com/")
            || lower.contains("github.com/")
            || lower.contains("gitlab.com/");
        if !is_link || lower.contains('@') {
            continue;
        }
        let link = if lower.starts_with("http") { word.to_owned() } else { format!("https://{word}") };
        if !out.iter().any(|l| l.eq_ignore_ascii_case(&link)) {
            out.push(link);
        }
    }
    out
}

/// Words that label a phone number, in lower case ("Tel.:", "Mobil", "Móvil", "Telefone",
/// "Telemóvel", "Cellulare", "kom."); "tel" is in most of them.
const PHONE_LABELS: &[&str] =
    &["phone", "tel", "mobil", "móvil", "movil", "cell", "celular", "handy", "gsm", "kom.", "tlf", "puhelin"];

/// Short labels that end other words too ("Excel:", "marcel.dupont@…"): a label only as a word
/// of its own ("Cel. 442 187 6350").
const SHORT_PHONE_LABELS: &[&str] = &["cel.", "cel:"];

/// Labels of an identity's or a professional licence's number, lower case and without their
/// stops ("Cédula Profesional 10458273", "C.C. 1.036.642.118", "DNI 12345678Z", "PESEL
/// 90010112345"): no phone number follows them. Not "licence": "Full UK driving licence |
/// 07700 900123" has the phone after it.
const IDENTITY_LABELS: &[&str] = &[
    "cédula",
    "cedula",
    "cc",
    "dni",
    "nie",
    "nif",
    "curp",
    "rfc",
    "rut",
    "pesel",
    "nip",
    "bsn",
    "cpf",
    "rg",
    "matrícula",
    "matricula",
    "colegiado",
    "colegiada",
    "ssn",
    // Registers of health professions ("NMC PIN 09I4572E", "GMC 7012345"; the Dutch BIG
    // register is told by its capitals, below).
    "pin",
    "nmc",
    "gmc",
    "hcpc",
    "gphc",
    "agb",
    // A job board's or an agency's reference for the candidate or the offer ("Réf. candidat :
    // 4512987A", "ID oferty: 1009876543", "Numer CV: 8841-2290", "Profil-ID"; "Candidate ID"
    // is read apart, see [`is_identity`]).
    "ref",
    "réf",
    "referenz",
    "referenznummer",
    "código",
    "codigo",
    "codice",
    "candidat",
    "candidato",
    "kandydata",
    "oferty",
    "kandidaatnummer",
    "cv",
    "profilid",
];

/// The first phone number: a run of 7 to 15 digits with the usual separators, which is not a
/// range of years, a date or a postcode.
pub fn phone(lines: &[&str]) -> Option<String> {
    let lines = numbers_whole(lines);
    // A labelled number first ("Phone:", "Tel", "Mobile"), else the first that looks like one.
    let labelled = lines.iter().filter(|l| has_phone_label(l));
    labelled.chain(lines.iter()).find_map(|line| number_in(line))
}

/// The lines with a labelled number a narrow column broke at its hyphen joined again
/// ("Cel./WhatsApp: (11) 98765-" over "4321"; not a postcode's "CEP 01310-" over "100"), and a
/// number under its label joined to it: a form's label over its value ("Teléfono" over "+34
/// 633 48 21 90", "ID kandydata:" over "55120398"), or a row of labels over a row of values
/// ("Tél. portable :  Tél. fixe :" over "06 12 34 56 78  04 78 62 15 30").
fn numbers_whole(lines: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        let numbered = line.trim_start().starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '(');
        let broken = out.last().is_some_and(|l| {
            let l = l.trim_end();
            l.strip_suffix(['-', '‐', '\u{ad}']).is_some_and(|l| l.ends_with(|c: char| c.is_ascii_digit()))
                && has_phone_label(l)
                && line.trim_start().starts_with(|c: char| c.is_ascii_digit())
        });
        let labelled = out.last().filter(|l| numbered && ends_on_a_label(l)).and_then(|l| under_labels(l, line));
        match (out.last_mut(), labelled) {
            (Some(last), _) if broken => {
                last.truncate(last.trim_end().len());
                last.push_str(line.trim_start());
            }
            (Some(last), Some(pairs)) => *last = pairs,
            _ => out.push((*line).to_owned()),
        }
    }
    out
}

/// Whether a line ends on a label with no value after it: a colon, or a phone's or an
/// identity's label word ("Teléfono", "Handy", "PESEL"). An identity's word of three or four
/// letters is one in capitals only: "12 chemin du Pin" ends on a street's name.
fn ends_on_a_label(line: &str) -> bool {
    let line = line.trim_end();
    let last = line.split_whitespace().next_back().unwrap_or_default();
    let letters: String = last.chars().filter(|c| c.is_alphabetic()).collect();
    let word = letters.to_lowercase();
    let labels_a_phone = PHONE_LABELS.iter().any(|k| word.starts_with(k.trim_end_matches('.')));
    let shouted = letters.chars().all(char::is_uppercase);
    let identity = IDENTITY_LABELS.contains(&word.as_str()) && (shouted || letters.chars().count() > 4);
    !line.is_empty()
        && !line.ends_with(|c: char| c.is_ascii_digit())
        && (line.ends_with(':') || labels_a_phone || identity)
}

/// The line of labels `labels` with the values under them beside each: one label before the
/// whole line, or a row of labels over a row of as many values, cell by cell ("Teléfono:
/// DNI:" over "+34 612 345 678  12345678Z" is "Teléfono: +34 612 345 678  DNI: 12345678Z").
/// None where the cells do not pair.
fn under_labels(labels: &str, values: &str) -> Option<String> {
    let cells = |l: &str| l.split("  ").map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned).collect::<Vec<_>>();
    let (labels, values) = (cells(labels), cells(values));
    match labels.len() {
        1 => Some(format!("{} {}", labels[0], values.join("  "))),
        n if n == values.len() => {
            Some(labels.iter().zip(&values).map(|(l, v)| format!("{l} {v}")).collect::<Vec<_>>().join("  "))
        }
        _ => None,
    }
}

/// Whether a line has a phone's label ("Phone:", "Tel", "Cel."). A short label before a
/// capitalised word is a title in a street's name ("Rua Cel. Irineu Castro", the colonel's).
fn has_phone_label(line: &str) -> bool {
    let l = line.to_lowercase();
    // A capitalised word after the label that labels nothing itself ("Irineu", not "Personal:"
    // or "WhatsApp:"). Read on the line as written where lower case kept its length.
    let named = |at: usize| {
        let after = if l.len() == line.len() { line.get(at..) } else { None };
        let next = after.and_then(|a| a.split_whitespace().next()).unwrap_or_default();
        next.starts_with(char::is_uppercase) && !next.ends_with(':') && !next.contains(|c: char| c.is_ascii_digit())
    };
    let word =
        |k: &str| l.match_indices(k).any(|(at, _)| !l[..at].ends_with(char::is_alphabetic) && !named(at + k.len()));
    PHONE_LABELS.iter().any(|k| l.contains(k)) || SHORT_PHONE_LABELS.iter().any(|k| word(k))
}

/// The first number in a line that is a phone number, with its extension ("ext. 12").
fn number_in(line: &str) -> Option<String> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c == '+' || c.is_ascii_digit() || c == '(' {
            let mut j = i;
            let mut digits = 0;
            let mut end = start;
            while j < chars.len() {
                let (at, d) = chars[j];
                // Two spaces are a gap between cells: "06 12 34 56 78    04 78 90 12 34" is
                // two numbers, not one of twenty digits.
                let gap = d == ' ' && chars.get(j + 1).is_some_and(|(_, n)| n.is_whitespace());
                if d.is_ascii_digit() {
                    digits += 1;
                    end = at + 1;
                } else if gap || !(" -.()/+".contains(d)) || (d == '+' && j != i) {
                    break;
                }
                j += 1;
            }
            let mut candidate = line[start..end].trim();
            // "963 45 67 89 / 654 98 76 54": two numbers set apart by a slash (a slash inside
            // one, "0221 / 987 65 43", leaves it at 15 digits or fewer).
            if digits > 15
                && let Some((first, _)) = candidate.split_once(" / ")
            {
                candidate = first.trim();
                end = start + candidate.len();
                digits = candidate.chars().filter(char::is_ascii_digit).count();
            }
            // "Quimper (29) - 07 68 14 52 09": a French department's number after the town,
            // then the phone after a dash.
            if let Some(rest) = department_before(candidate) {
                candidate = rest;
                digits = candidate.chars().filter(char::is_ascii_digit).count();
            }
            if (7..=15).contains(&digits)
                && !looks_like_years(candidate)
                && !is_a_citation(candidate)
                && !is_postcode(candidate, &line[end..])
                && !is_registration(&line[end..])
                && !is_identity(&line[..start])
                && !is_glued_to_letters(&line[..start], &line[end..])
                && !is_house_number(&line[..start], digits)
            {
                let number = format!("{candidate}{}", extension(&line[end..]));
                if validation::phone(&number).is_ok() {
                    return Some(number);
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// The extension written after a number (" ext. 12", " x12", " extension 4"), or nothing.
fn extension(after: &str) -> &str {
    let lower = after.to_lowercase();
    let Some(word) = ["extension", "ext.", "ext", "x"].iter().find(|w| lower.trim_start().starts_with(**w)) else {
        return "";
    };
    let lead = lower.len() - lower.trim_start().len();
    let digits_from = lead + word.len();
    let rest = &after[digits_from..];
    let skipped = rest.len() - rest.trim_start_matches([' ', ':', '.']).len();
    let digits = rest[skipped..].chars().take_while(char::is_ascii_digit).count();
    if (1..=6).contains(&digits) { &after[..digits_from + skipped + digits] } else { "" }
}

/// "COREN-RJ 1.234.567-TE": a number with letters glued to its end by a hyphen is a
/// registration's, not a phone's.
fn is_registration(after: &str) -> bool {
    after.strip_prefix('-').and_then(|a| a.chars().next()).is_some_and(char::is_alphabetic)
}

/// Whether the text before a number ends on an identity's or a licence's label (one of its
/// last two words, "Cédula Profesional", "C.C.", "Nº colegiado:"). The label of a number
/// before it is not this one's ("Candidate ID: 4471-0932  +1 918 555 0136").
fn is_identity(before: &str) -> bool {
    // A reference right before it ("Candidate ID 4471-0932"), but not Idaho after its town
    // ("Boise, ID (208) 555-0147").
    let mut words = before.split_whitespace().rev();
    let reference = words.next().is_some_and(|w| w.trim_end_matches([':', '.', '#']) == "ID")
        && words.next().is_none_or(|w| !w.ends_with(','));
    let label = before.split_whitespace().rev().take(2).take_while(|w| !w.contains(|c: char| c.is_ascii_digit()));
    reference
        || label.into_iter().any(|word| {
            let word: String = word.chars().filter(|c| c.is_alphabetic()).collect();
            // "BIG 59034712817", "BIG-nummer": the Dutch register of health professions, in
            // capitals, where "Big Data Engineer" is no label.
            IDENTITY_LABELS.contains(&word.to_lowercase().as_str()) || word.starts_with("BIG")
        })
}

/// A reference's number with letters glued to it ("CND-77812054", "IT-5582014", "4512987A"):
/// a phone's number is set apart from words.
fn is_glued_to_letters(before: &str, after: &str) -> bool {
    let prefixed = before.strip_suffix('-').is_some_and(|b| b.ends_with(char::is_alphabetic));
    // A check letter alone ("12345678Z"), not a word run on where cells met ("900123London").
    let mut letters = after.chars();
    let suffixed = letters.next().is_some_and(char::is_alphabetic)
        && !letters.next().is_some_and(char::is_alphabetic)
        && extension(after).is_empty();
    prefixed || suffixed
}

/// Labels of a postcode, lower case without their stops ("CEP 29162-000", "Código postal
/// 4000-442"): a postcode of seven or eight figures is shaped like a phone number.
const POSTCODE_LABELS: &[&str] = &["cep", "postal", "cp", "zip", "postcode"];

/// Words of a street's name, lower case: a number right after one is the street's or the
/// house's ("Boulevard 1945 288").
#[rustfmt::skip]
const STREET_WORDS: &[&str] = &[
    "boulevard", "avenue", "avenida", "rua", "calle", "via", "viale", "ulica", "rue", "chemin", "road", "street",
    "lane", "piazza", "praça", "plaza",
];

/// How the words of a street's name end where a language writes them as one word with the
/// name ("Kerkstraat", "Hauptstraße", "Dorpsplein").
const STREET_ENDINGS: &[&str] = &["straat", "weg", "laan", "plein", "straße", "strasse", "gasse", "platz"];

/// Whether the number after `before` is a house's or a postcode's: right after a word of a
/// street's name ("Boulevard 1945 288  ·  7511 AE Enschede"), or after a postcode's label
/// ("CEP 29162-000"). Seven or eight figures only, as a phone may have.
fn is_house_number(before: &str, digits: usize) -> bool {
    let Some(word) = before.split_whitespace().next_back() else { return false };
    let bare: String = word.chars().filter(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    let named = STREET_WORDS.contains(&bare.as_str()) || STREET_ENDINGS.iter().any(|s| bare.ends_with(s));
    let street = before.trim_end().ends_with(char::is_alphabetic) && named;
    digits <= 8 && (street || POSTCODE_LABELS.contains(&bare.as_str()))
}

/// "4000-442 Porto": two groups of digits joined by a hyphen with a town's name right after
/// them are a postcode and its town, not a phone number.
fn is_postcode(candidate: &str, after: &str) -> bool {
    let groups = candidate.split('-').count();
    let town_follows = after.strip_prefix(' ').and_then(|a| a.chars().next()).is_some_and(char::is_uppercase);
    groups == 2 && candidate.chars().all(|c| c.is_ascii_digit() || c == '-') && town_follows
}

/// "2015 - 2019", "2019.04 2021.06": years, not a phone number ("0157 3381 2046" is one: its
/// groups of four are not all years).
fn looks_like_years(s: &str) -> bool {
    let groups: Vec<&str> = s.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty()).collect();
    let year = |g: &&str| g.starts_with("19") || g.starts_with("20");
    groups.iter().any(|g| g.len() == 4)
        && groups.iter().all(|g| (g.len() == 4 && year(g)) || g.len() <= 2)
        && !s.starts_with('+')
}

/// The number after a bracketed département's of one to three figures and a dash ("(29) -
/// 07 68 14 52 09"), whole without it (where "(555) - 123-4567" is an area code and its number).
fn department_before(s: &str) -> Option<&str> {
    let close = s.find(") - ")?;
    let inner = s.strip_prefix('(')?.get(..close - 1)?;
    let rest = s[close + 4..].trim();
    let whole = rest.chars().filter(char::is_ascii_digit).count() >= 9;
    ((1..=3).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_digit()) && whole).then_some(rest)
}

/// "196/2003", "2016/679": a law's or a regulation's number and its year, cited in a consent
/// clause, not a phone number (a slash inside one has more digits after it: "0221/9876543").
fn is_a_citation(s: &str) -> bool {
    let Some((a, b)) = s.split_once('/') else { return false };
    let digits = |g: &str| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit());
    let year = |g: &str| g.len() == 4 && (g.starts_with("19") || g.starts_with("20"));
    // "14.523/2016": a register's number with its thousands set apart, and its year.
    let thousands = |g: &str| {
        let mut groups = g.split('.');
        groups.next().is_some_and(|head| digits(head) && head.len() <= 3)
            && g.contains('.')
            && groups.all(|group| group.len() == 3 && digits(group))
    };
    (digits(a) && digits(b) && (year(a) || year(b)) && a.len() + b.len() <= 8) || (thousands(a) && year(b))
}

/// Where a second person's resume starts in the same file (two resumes saved as one PDF): the
/// name line before an email address that is not the top's, in a section of this resume's own
/// (a referee's address under References is no second resume), with a work history or
/// education after it as well as before (a second address in a sidebar starts nothing).
/// `sections` gives each line's section; None when there is one resume, or no address at the
/// top to tell them apart by.
pub fn another_resume(lines: &[&str], sections: &[(Section, usize)]) -> Option<usize> {
    let top: Vec<&str> = sections.iter().filter(|(s, _)| *s == Section::Top).map(|(_, i)| lines[*i]).collect();
    let own = email(&top.join("\n"))?;
    let (_, at) = sections.iter().find(|(s, i)| {
        !matches!(s, Section::Top | Section::Other) && email(lines[*i]).is_some_and(|e| !e.eq_ignore_ascii_case(&own))
    })?;
    let again = [Section::Experience, Section::Education].into_iter().any(|wanted| {
        let has = |before: bool| sections.iter().any(|(s, i)| *s == wanted && (*i < *at) == before);
        has(true) && has(false)
    });
    if !again {
        return None;
    }
    // The name is set a line or two above the contact line.
    let name = (at.saturating_sub(3)..*at).rev().find(|i| could_be_a_name(lines[*i]));
    Some(name.unwrap_or(*at))
}

/// "City, Country" (or "City, Region, Country") near the top, or after "Location:".
pub fn location(top: &[&str], name: Option<&str>) -> Option<String> {
    for line in top.iter().take(10) {
        for part in line.split(['|', '•', '·']).flat_map(|p| p.split("  ")).map(str::trim) {
            let part = part
                .strip_prefix("Location:")
                .or_else(|| part.strip_prefix("Address:"))
                .or_else(|| part.strip_prefix("Based in"))
                .unwrap_or(part)
                .trim();
            let pieces: Vec<&str> = part.split(',').map(str::trim).collect();
            let place_like = (2..=3).contains(&pieces.len())
                && pieces.iter().all(|p| {
                    !p.is_empty()
                        && p.chars().count() <= 40
                        && p.chars().all(|c| c.is_alphabetic() || " .'-".contains(c))
                        && p.chars().next().is_some_and(char::is_uppercase)
                });
            if place_like && Some(part) != name {
                return Some(part.to_owned());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_keeps_its_non_ascii_letters_and_leaves_a_glued_label_out() {
        let cases = [
            ("Email: łukasz.kamińska36589@inbox.example.org", "łukasz.kamińska36589@inbox.example.org"),
            ("Tel/Mail:Łukasz.Kaminska@inbox.example.org | +48 501 234 567", "Łukasz.Kaminska@inbox.example.org"),
            ("Tel/Mail:Łukasz, lukasz.kaminska@inbox.example.org", "lukasz.kaminska@inbox.example.org"),
            ("(mailto:ana@example.pt).", "ana@example.pt"),
            ("用户@例子.广告", "用户@例子.广告"),
            ("Ölçüm: jörg.müller@beispiel.de.", "jörg.müller@beispiel.de"),
            // Wrapped after a hyphen in a narrow column; a whole address under a name stays whole.
            ("✉ k.mueller-\nluedenscheidt@example.de", "k.mueller-luedenscheidt@example.de"),
            ("Anna Weber\nanna@example.de", "anna@example.de"),
            // Wrapped anywhere in a narrow column: in the domain, or in the local part after
            // a mail icon or label; a heading or a label alone over an address stays apart.
            ("✉ joseantonio.ruizcampos@ho\ntmail.es\n⌂ Alcalá", "joseantonio.ruizcampos@hotmail.es"),
            ("ana.lopez@\ngmail.com", "ana.lopez@gmail.com"),
            ("✉ joseantonio.ruizcam\npos@hotmail.es", "joseantonio.ruizcampos@hotmail.es"),
            ("E-mail: jan.kowal\nski@wp.pl", "jan.kowalski@wp.pl"),
            ("Kontakt\nanna@example.de", "anna@example.de"),
            ("E-mail:\nanna@example.de", "anna@example.de"),
            ("Tel.: 01512345678\nanna@example.de", "anna@example.de"),
            ("⌂ sevilla\nanna@example.de", "anna@example.de"),
            ("anna@example.de\nwww.anna.de", "anna@example.de"),
            // A LinkedIn export's contact column wraps the top-level domain; "co" is one too.
            ("mdelacroix.welds@example.c\nom\nwww.linkedin.com/in/marcus", "mdelacroix.welds@example.com"),
            ("darren.oc@example.c\no.uk\nwww.linkedin.com/in/darren-", "darren.oc@example.co.uk"),
            ("ana@example.co\nBogotá", "ana@example.co"),
        ];
        for (text, want) in cases {
            let got = email(text).map(|e| e.to_lowercase());
            assert_eq!(got.as_deref(), Some(want.to_lowercase().as_str()), "{text}");
        }
        assert_eq!(email("@ handle and name@ with no address"), None);
    }

    #[test]
    fn contact_details_in_a_header() {
        let top = [
            "RESUME",
            "JOSÉ GARCÍA LÓPEZ",
            "Madrid, Spain | jose.garcia@example.es | +34 612 345 678",
            "linkedin.com/in/josegarcia",
        ];
        assert_eq!(email(&top.join("\n")).as_deref(), Some("jose.garcia@example.es"));
        assert_eq!(phone(&top).as_deref(), Some("+34 612 345 678"));
        assert_eq!(location(&top, Some("José García López")).as_deref(), Some("Madrid, Spain"));
        assert_eq!(links(&top.join("\n")), ["https://linkedin.com/in/josegarcia"]);
    }

    #[test]
    fn years_are_not_a_phone_number() {
        assert_eq!(phone(&["Acme 2015 - 2019"]), None);
        assert_eq!(phone(&["Tel: (415) 555-2671"]).as_deref(), Some("(415) 555-2671"));
        // Groups of four that are not all years are a number.
        let line = "Berufskraftfahrer CE | Hafenstr. 88, 68159 Mannheim | Mobil 0157 3381 2046 | d.p@gmx.de";
        assert_eq!(phone(&[line]).as_deref(), Some("0157 3381 2046"));
    }

    #[test]
    fn a_reference_is_no_phone_and_a_number_broken_at_its_hyphen_is_whole() {
        let top = ["JobHarbor — Candidate Resume  Candidate ID 4471-0932", "Tulsa, OK 74104", "+1 918 555 0136"];
        assert_eq!(phone(&top).as_deref(), Some("+1 918 555 0136"));
        let sidebar = ["CONTATO", "✆ Cel./WhatsApp: (11) 98765-", "4321", "☎ Tel. recado: (11) 3456-7890"];
        assert_eq!(phone(&sidebar).as_deref(), Some("(11) 98765-4321"));
        let sidebar = ["Cel. WhatsApp: (11) 98765-", "4321"];
        assert_eq!(phone(&sidebar).as_deref(), Some("(11) 98765-4321"));
        // A reference beside the phone on one line; a postcode broken at its hyphen.
        assert_eq!(phone(&["Candidate ID: 4471-0932  +1 918 555 0136"]).as_deref(), Some("+1 918 555 0136"));
        assert_eq!(phone(&["Av. Paulista 1000, CEP 01310-", "100 – São Paulo/SP"]), None);
        // A colonel in a street's name labels no phone; a postcode is none, labelled or after
        // a street's name.
        let top = ["Endereço: Rua Cel. Irineu Castro, 450 – Serra/ES – CEP 29162-000", "Recado: (27) 3251-7719"];
        assert_eq!(phone(&top).as_deref(), Some("(27) 3251-7719"));
        let top = ["Boulevard 1945 288  ·  7511 AE Enschede  ·  06 41 73 20 95  ·  r.tenbrinke@example.nl"];
        assert_eq!(phone(&top).as_deref(), Some("06 41 73 20 95"));
    }

    #[test]
    fn a_job_boards_reference_is_no_phone_and_a_number_under_its_label_is_labelled() {
        let top = ["Código de candidato", "CND-77812054", "Teléfono", "+34 633 48 21 90"];
        assert_eq!(phone(&top).as_deref(), Some("+34 633 48 21 90"));
        let top = [
            "emploi-sante.example.fr · CV en ligne  Réf. candidat : 4512987A · mis à jour le 30/09/2024",
            "Tél. portable :  Tél. fixe :  E-mail :",
            "06 12 34 56 78  04 78 62 15 30  samira@example.fr",
        ];
        assert_eq!(phone(&top).as_deref(), Some("06 12 34 56 78"));
        let top = ["Chiara Bellandi  Codice candidato: IT-5582014", "chiara@example.it|347 123 4567|Bologna (BO)"];
        assert_eq!(phone(&top).as_deref(), Some("347 123 4567"));
        let top = ["Aplikacja: Operator (ID oferty: 1009876543) · ID kandydata:", "55120398", "Numer CV: 8841-2290"];
        assert_eq!(phone(&top), None);
        // A row of labels pairs with its row of values, cell by cell.
        let top = ["Teléfono:  DNI:", "+34 612 345 678  12345678Z"];
        assert_eq!(phone(&top).as_deref(), Some("+34 612 345 678"));
        // Idaho after its town is no reference; a street's name at a line's end is no label.
        let top = ["Boise, ID | (208) 555-0147 | jane@example.com"];
        assert_eq!(phone(&top).as_deref(), Some("(208) 555-0147"));
        assert_eq!(phone(&["Boise, ID", "(208) 555-0147"]).as_deref(), Some("(208) 555-0147"));
        assert_eq!(phone(&["12 chemin du Pin", "+33 6 12 34 56 78"]).as_deref(), Some("+33 6 12 34 56 78"));
        // Eight figures after a name or a word that labels nothing are a phone (Denmark,
        // Singapore); a word run on where cells met is no check letter.
        let top = ["Mette Nielsen  22 33 44 55  mette@example.dk"];
        assert_eq!(phone(&top).as_deref(), Some("22 33 44 55"));
        assert_eq!(phone(&["Mobile No 9123 4567"]).as_deref(), Some("9123 4567"));
        assert_eq!(phone(&["+44 7700 900123London"]).as_deref(), Some("+44 7700 900123"));
        // Under a label of something else, a number is still a phone.
        assert_eq!(phone(&["Geburtsdatum:", "0171 2345678"]).as_deref(), Some("0171 2345678"));
    }

    #[test]
    fn a_registration_number_is_not_a_phone_number() {
        let lines = ["Técnica de Enfermagem • COREN-RJ 1.234.567-TE", "Rio de Janeiro – RJ • (21) 99384-5127"];
        assert_eq!(phone(&lines).as_deref(), Some("(21) 99384-5127"));
        // An identity's or a licence's number labelled before it; "Cel." labels a phone.
        let lines =
            ["Contadora Pública • Cédula Profesional 10458273", "Querétaro, Qro., C.P. 76000", "Cel. 442 187 6350"];
        assert_eq!(phone(&lines).as_deref(), Some("442 187 6350"));
        let lines = ["C.C. 1.036.642.118 de Itagüí", "Calle 48 Sur # 52-31, Itagüí", "312 745 8890"];
        assert_eq!(phone(&lines).as_deref(), Some("312 745 8890"));
        assert_eq!(phone(&["Tel. 0151 2345 6789"]).as_deref(), Some("0151 2345 6789"));
        // A driving licence beside the phone; "Excel:" labels nothing.
        let lines = ["Full UK driving licence | 07700 900123"];
        assert_eq!(phone(&lines).as_deref(), Some("07700 900123"));
        let lines = ["Excel: 2019 – 2021 reports 123456789", "Mobile 0612 345 678"];
        assert_eq!(phone(&lines).as_deref(), Some("0612 345 678"));
    }

    #[test]
    fn phone_numbers_as_people_in_many_countries_write_them() {
        let cases = [
            (&["06 12 34 56 78    04 78 90 12 34"][..], "06 12 34 56 78"),
            (&["Phone: (555) 123-4567 ext. 12 (work) / (555) 987-6543 (cell)"][..], "(555) 123-4567 ext. 12"),
            (&["Cell (312) 555-0148 · Work (312) 555-0190 x12"][..], "(312) 555-0148"),
            (&["Work (312) 555-0190 x12"][..], "(312) 555-0190 x12"),
            (&["Rua das Flores 7", "4000-442 Porto", "+351 912 876 543"][..], "+351 912 876 543"),
            (&["Telefon +49 (0)30 1234 5678  Mobil: +49 (0)171 234 5678"][..], "+49 (0)30 1234 5678"),
            (&["Telefono(i) 0039 081 552 3344"][..], "0039 081 552 3344"),
            (&["Calle Feria 45, 41003 Sevilla", "Móvil: +34 654 321 987"][..], "+34 654 321 987"),
            (&["Telefon +48 600-123-456"][..], "+48 600-123-456"),
            (&["Tel.: 0221 / 987 65 43     Mobil: 0157 123 456 78"][..], "0221 / 987 65 43"),
            (&["Valencia · Tlf.: 963 45 67 89 / 654 98 76 54 · s@example.es"][..], "963 45 67 89"),
            (&["Tel. 0171/5832904"][..], "0171/5832904"),
            (&["Quimper (29) - 07 68 14 52 09 - kevin.legoff29@example.fr"][..], "07 68 14 52 09"),
            (&["Phone (555) 123-4567"][..], "(555) 123-4567"),
            (&["Phone (555) - 123-4567"][..], "(555) - 123-4567"),
            // A word of a degree or a title is no register's label.
            (&["BA (Hons) Fine Art  |  07700 900123"][..], "07700 900123"),
            (&["Big Data Engineer  |  +44 7700 900123"][..], "+44 7700 900123"),
            (&["Verpleegkundige, BIG-nummer 19054378230", "Tel. 06 1234 5678"][..], "06 1234 5678"),
            // A register's number before the phone, and a consent clause's laws before it.
            (&["Openbaar apotheker • BIG 59034712817", "Kerkrade • 045 - 535 71 20"][..], "045 - 535 71 20"),
            (
                &["ai sensi del D. Lgs. 196/2003 e del Regolamento UE 2016/679.", "+39 340 718 2256"][..],
                "+39 340 718 2256",
            ),
            // A professional licence's number and year, wrapped under its label.
            (
                &["Técnico Superior de Segurança no Trabalho · CAP n.º", "14.523/2016", "+351 913 807 224"][..],
                "+351 913 807 224",
            ),
        ];
        for (lines, want) in cases {
            assert_eq!(phone(lines).as_deref(), Some(want), "{lines:?}");
        }
    }
}
