//! Validation of the values people type. Each check returns the cleaned value (trimmed,
//! normalised) or an error naming the field and the problem.

use unicode_normalization::UnicodeNormalization;

use crate::DomainError;
use crate::error::{EmailProblem, PhoneProblem};

/// Longest values we accept, in characters. Generous, but bounded: a pasted novel in a name
/// field is a mistake, and unbounded text slows every screen that shows it.
pub mod limits {
    pub const NAME: usize = 100;
    pub const SHORT_TEXT: usize = 200;
    pub const EMAIL: usize = 254;
    pub const TAG: usize = 64;
    pub const SUBJECT: usize = 200;
    pub const NOTE: usize = 10_000;
    /// Descriptions (of an event, say).
    pub const LONG_TEXT: usize = 10_000;
    pub const MESSAGE_BODY: usize = 100_000;
    pub const TEXT_MESSAGE: usize = 1_600;
    pub const URL: usize = 2_000;
    pub const LIST_ITEMS: usize = 500;
}

/// Trims and NFC-normalises `value`, and refuses control characters and over-long text.
pub fn text(field: &str, value: &str, max_chars: usize) -> Result<String, DomainError> {
    let cleaned: String = value.trim().nfc().collect();
    if let Some(c) = cleaned.chars().find(|c| c.is_control() && *c != '\n' && *c != '\t') {
        return Err(DomainError::ControlCharacter { field: field.into(), code: c as u32 });
    }
    let chars = cleaned.chars().count();
    if chars > max_chars {
        return Err(DomainError::TooLong { field: field.into(), length: count(chars), limit: count(max_chars) });
    }
    Ok(cleaned)
}

/// A length for an error: lengths here are bounded far below `u32::MAX`.
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Like [`text`] but the value may not be empty.
pub fn required(field: &str, value: &str, max_chars: usize) -> Result<String, DomainError> {
    let cleaned = text(field, value, max_chars)?;
    if cleaned.is_empty() {
        return Err(DomainError::Required { field: field.into() });
    }
    Ok(cleaned)
}

/// A single line: like [`text`] but line breaks and tabs are refused too.
pub fn line(field: &str, value: &str, max_chars: usize) -> Result<String, DomainError> {
    let cleaned = text(field, value, max_chars)?;
    if cleaned.contains(['\n', '\t']) {
        return Err(DomainError::NotOneLine { field: field.into() });
    }
    Ok(cleaned)
}

/// An email address, including internationalised ones (RFC 6531: UTF-8 in the local part,
/// IDN domains such as `münchen.de`), which many CRMs wrongly refuse.
///
/// Returns the address with the domain lowercased (local parts are case-sensitive in theory,
/// so they are kept as typed).
pub fn email(value: &str) -> Result<String, DomainError> {
    const FIELD: &str = "email";
    let value = line(FIELD, value, limits::EMAIL)?;
    // Reasons never quote the value: they are stored with a rejected mutation's outcome, and
    // the field is shown beside the value anyway.
    let bad = |problem: EmailProblem| Err(DomainError::NotAnEmail { field: FIELD.into(), problem });
    let Some((local, domain)) = value.rsplit_once('@') else {
        return bad(EmailProblem::NoAt);
    };
    if local.is_empty() {
        return bad(EmailProblem::NothingBeforeAt);
    }
    if local.len() > 64 {
        return bad(EmailProblem::LocalPartTooLong);
    }
    if local.contains('@') && !(local.starts_with('"') && local.ends_with('"')) {
        return bad(EmailProblem::MoreThanOneAt);
    }
    if local
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | ',' | ';' | ':' | '\\' | '[' | ']'))
    {
        return bad(EmailProblem::BadCharacter);
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return bad(EmailProblem::MisplacedDot);
    }
    if domain.is_empty() {
        return bad(EmailProblem::NothingAfterAt);
    }
    let Ok(ascii) = idna::domain_to_ascii(domain) else {
        return bad(EmailProblem::BadDomainName);
    };
    let labels: Vec<&str> = ascii.split('.').collect();
    if labels.len() < 2 {
        return bad(EmailProblem::DomainWithoutDot);
    }
    for label in &labels {
        let ok_chars = label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if label.is_empty() || label.len() > 63 || !ok_chars || label.starts_with('-') || label.ends_with('-') {
            return bad(EmailProblem::InvalidDomain);
        }
    }
    if labels.last().is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_digit())) {
        return bad(EmailProblem::NumericTopLevel);
    }
    let domain: String = domain.nfc().collect::<String>().to_lowercase();
    Ok(format!("{local}@{domain}"))
}

/// A phone number as people write them: digits with spaces, dots, dashes, parentheses, a
/// leading +, and an optional extension ("x123", "ext. 123"). 7 to 15 digits (E.164).
fn not_a_phone(problem: PhoneProblem) -> DomainError {
    DomainError::NotAPhone { field: "phone".into(), problem }
}

pub fn phone(value: &str) -> Result<String, DomainError> {
    const FIELD: &str = "phone";
    let value = line(FIELD, value, 40)?;
    let lower = value.to_lowercase();
    let (number, extension) = match lower.find("ext").or_else(|| lower.find('x')) {
        Some(at) => (&lower[..at], Some(&lower[at..])),
        None => (lower.as_str(), None),
    };
    if let Some(ext) = extension {
        let digits = ext.trim_start_matches("extension").trim_start_matches("ext").trim_start_matches('x');
        let digits = digits.trim_start_matches(['.', ' ', ':']);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 6 {
            return Err(not_a_phone(PhoneProblem::BadExtension));
        }
    }
    if let Some(c) = number.chars().find(|c| !(c.is_ascii_digit() || " .-()/+".contains(*c))) {
        return Err(not_a_phone(PhoneProblem::BadCharacter { character: c.to_string() }));
    }
    if number.trim_start().get(1..).is_some_and(|rest| rest.contains('+')) {
        return Err(not_a_phone(PhoneProblem::PlusNotAtStart));
    }
    let digits = number.bytes().filter(u8::is_ascii_digit).count();
    if !(7..=15).contains(&digits) {
        return Err(not_a_phone(PhoneProblem::DigitCount { digits: count(digits) }));
    }
    Ok(value)
}

/// An http(s) URL without spaces.
pub fn url(field: &str, value: &str) -> Result<String, DomainError> {
    let value = line(field, value, limits::URL)?;
    let lower = value.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.starts_with('/') && !value.contains(char::is_whitespace) => Ok(value),
        _ => Err(DomainError::NotAWebAddress { field: field.into() }),
    }
}

/// A year or year and month, as résumés give them: `2019` or `2019-04`.
pub fn partial_date(field: &str, value: &str) -> Result<String, DomainError> {
    let value = value.trim();
    let bad = || DomainError::NotAYearMonth { field: field.into() };
    let (year, month) = match value.split_once('-') {
        Some((y, m)) => (y, Some(m)),
        None => (value, None),
    };
    let year: u16 = year.parse().map_err(|_| bad())?;
    if !(1900..=2100).contains(&year) || value.len() < 4 {
        return Err(bad());
    }
    if let Some(month) = month {
        let m: u8 = month.parse().map_err(|_| bad())?;
        if month.len() != 2 || !(1..=12).contains(&m) {
            return Err(bad());
        }
    }
    Ok(value.to_owned())
}

/// A star rating from 1 to 5.
pub fn rating(value: u8) -> Result<u8, DomainError> {
    if (1..=5).contains(&value) { Ok(value) } else { Err(DomainError::NotARating { field: "rating".into(), value }) }
}

/// A tag name: one line, at most [`limits::TAG`] characters, not empty.
pub fn tag(value: &str) -> Result<String, DomainError> {
    let tag = line("tag", value, limits::TAG)?;
    if tag.is_empty() {
        return Err(DomainError::Required { field: "tag".into() });
    }
    Ok(tag)
}

/// Most digits an ATS ID has: iCIMS's System IDs are 64-bit whole numbers, and 18 digits
/// always fit one.
pub const ATS_ID_DIGITS: usize = 18;

/// A teammate's ATS ID, as Submit to Job sends it to iCIMS: the System ID iCIMS gives each of
/// its users, a whole number (what its API calls a user's `userId`). Spaces around it are
/// dropped, and so are leading zeros (`0042` is user 42); empty means none. Letters, signs,
/// separators and zero are refused: they are a name, an email or a job's number pasted in the
/// wrong box, which iCIMS would not take.
pub fn ats_id(value: &str) -> Result<Option<String>, DomainError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let bad = || DomainError::NotAnAtsId { field: "ats_id".into() };
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let number = value.trim_start_matches('0');
    if number.is_empty() || number.len() > ATS_ID_DIGITS {
        return Err(bad());
    }
    Ok(Some(number.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ats_id_is_an_icims_system_id() {
        assert_eq!(ats_id(" 4711 "), Ok(Some("4711".into())));
        assert_eq!(ats_id("0042"), Ok(Some("42".into())), "leading zeros name the same user");
        assert_eq!(ats_id(&"9".repeat(ATS_ID_DIGITS)), Ok(Some("9".repeat(ATS_ID_DIGITS))));
        assert_eq!(ats_id("  "), Ok(None), "empty is none");
        for bad in
            ["R-1", "ATS-nia", "nia@acme.test", "12 34", "1,234", "+12", "-3", "0", "000", "١٢٣", "1234567890123456789"]
        {
            assert_eq!(ats_id(bad), Err(DomainError::NotAnAtsId { field: "ats_id".into() }), "{bad}");
        }
    }

    #[test]
    fn accepts_ordinary_and_international_emails() {
        for ok in [
            "ana.souza@example.com",
            "o'brien+jobs@mail.example.co.uk",
            "josé.garcía@correo.es",
            "用户@例子.广告",
            "info@münchen.de",
            "Δοκιμή@παράδειγμα.δοκιμή",
            "x@xn--mnchen-3ya.de",
        ] {
            assert!(email(ok).is_ok(), "{ok} should be accepted: {:?}", email(ok));
        }
        assert_eq!(email("  Ana@Example.COM ").unwrap(), "Ana@example.com");
    }

    #[test]
    fn refuses_malformed_emails_with_the_reason() {
        for (bad, reason) in [
            ("ana.example.com", "has no @"),
            ("@example.com", "nothing before the @"),
            ("ana@", "nothing after the @"),
            ("ana@localhost", "without a dot"),
            ("ana smith@example.com", "not allowed"),
            ("ana..smith@example.com", "misplaced dot"),
            ("ana@exa_mple.com", "invalid domain"),
            ("ana@example.123", "numeric top-level"),
            ("ana@-example.com", "invalid domain"),
        ] {
            let err = email(bad).unwrap_err().to_string();
            assert!(err.contains(reason), "{bad}: {err}");
            assert!(err.starts_with("email:"), "{err}");
        }
    }

    #[test]
    fn phones_as_people_write_them() {
        for ok in ["+351 912 345 678", "(415) 555-0132", "415.555.0132", "+44 20 7946 0958 ext. 12", "030 1234567x9"] {
            assert!(phone(ok).is_ok(), "{ok}: {:?}", phone(ok));
        }
        for (bad, reason) in [
            ("555-12", "has 5 digits"),
            ("call me", "contains"),
            ("12+3456789", "+ that is not at the start"),
            ("+1 415 555 0132 ext", "extension"),
            ("1234567890123456", "has 16 digits"),
        ] {
            let err = phone(bad).unwrap_err().to_string();
            assert!(err.contains(reason), "{bad}: {err}");
        }
    }

    #[test]
    fn text_limits_and_control_characters() {
        assert_eq!(required("first_name", "  Zoë ", limits::NAME).unwrap(), "Zoë");
        assert_eq!(required("first_name", "   ", limits::NAME).unwrap_err().to_string(), "first_name: is required");
        let long = "a".repeat(101);
        assert!(required("first_name", &long, limits::NAME).unwrap_err().to_string().contains("101 characters"));
        assert!(text("note", "bell\u{7}", 100).unwrap_err().to_string().contains("U+0007"));
        assert!(line("title", "two\nlines", 100).is_err());
        // NFC: a decomposed é is stored composed, so search and dedupe see one spelling.
        assert_eq!(text("name", "Jose\u{301}", 10).unwrap(), "José");
    }

    #[test]
    fn urls_dates_ratings_tags() {
        assert!(url("link", "https://www.linkedin.com/in/ana").is_ok());
        assert!(url("link", "javascript:alert(1)").is_err());
        assert!(url("link", "https://").is_err());
        assert!(partial_date("start", "2019").is_ok());
        assert!(partial_date("start", "2019-04").is_ok());
        for bad in ["19", "2019-13", "2019-4", "April 2019", "1850"] {
            assert!(partial_date("start", bad).is_err(), "{bad}");
        }
        assert!(rating(5).is_ok());
        assert!(rating(0).is_err());
        assert!(rating(6).is_err());
        assert!(tag(" Veteran ").is_ok());
        assert!(tag("").is_err());
    }
}
