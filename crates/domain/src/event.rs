//! Recruiting events (career fairs, info sessions) and the check-in codes of their members.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;
use uuid::Uuid;

use crate::validation::{self, limits};
use crate::{DomainError, Timestamp};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EventCategory {
    CareerFair,
    InfoSession,
    Webinar,
    Meetup,
    Conference,
}

impl EventCategory {
    pub fn label(self) -> &'static str {
        match self {
            EventCategory::CareerFair => "Career Fair",
            EventCategory::InfoSession => "Info Session",
            EventCategory::Webinar => "Webinar",
            EventCategory::Meetup => "Meetup",
            EventCategory::Conference => "Conference",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Event {
    pub id: Uuid,
    pub name: String,
    pub category: EventCategory,
    pub starts_at: Timestamp,
    pub location: String,
    /// How many people the venue takes; informational (nobody is turned away at the door).
    #[serde(default)]
    pub capacity: Option<u32>,
    #[serde(default)]
    pub description: String,
    /// Archived events leave the lists; check-ins made offline still land on them.
    #[serde(default)]
    pub archived: bool,
    /// The secret the event's check-in codes derive from ([`Event::new_code_key`]). It stays
    /// with recruiters and the server: whoever holds it can work out anyone's code.
    #[serde(default)]
    pub code_key: String,
}

impl Event {
    /// A new event with a fresh code key, no capacity and no description.
    pub fn new(
        id: Uuid,
        name: impl Into<String>,
        category: EventCategory,
        starts_at: Timestamp,
        location: impl Into<String>,
    ) -> Self {
        Self {
            id,
            name: name.into(),
            category,
            starts_at,
            location: location.into(),
            capacity: None,
            description: String::new(),
            archived: false,
            code_key: Self::new_code_key(),
        }
    }

    /// A new random code key: 32 lowercase hex characters (128 bits).
    pub fn new_code_key() -> String {
        rand::random::<[u8; 16]>().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The event's details checked and cleaned: name, location, capacity, description.
    pub fn validated(self) -> Result<Self, DomainError> {
        if self.capacity == Some(0) {
            return Err(DomainError::invalid("capacity", "must be at least 1 when it is set"));
        }
        Ok(Self {
            name: validation::required("name", &self.name, limits::SHORT_TEXT)?,
            location: validation::line("location", &self.location, limits::SHORT_TEXT)?,
            description: validation::text("description", &self.description, limits::LONG_TEXT)?,
            ..self
        })
    }

    /// A new event's key must be one [`Event::new_code_key`] makes: a weak key would make
    /// its check-in codes guessable.
    pub fn check_code_key(&self) -> Result<(), DomainError> {
        let hex = self.code_key.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if self.code_key.len() != 32 || !hex {
            return Err(DomainError::invalid("code_key", "is not 32 lowercase hex characters (Event::new_code_key)"));
        }
        Ok(())
    }
}

/// Which part of an event's list a search filter asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Participation {
    /// Pre-registered through the event's page.
    Registered,
    /// Came, registered or not.
    Attended,
    /// Either.
    Any,
}

/// What a QR code on a badge or in a confirmation email carries before the code.
pub const QR_PREFIX: &str = "TD:";

/// Crockford's base32: no I, L, O or U, so nothing reads as another symbol or a word.
const ANY: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LETTER: &[u8] = b"ABCDEFGHJKMNPQRSTVWXYZ";
const DIGIT: &[u8] = b"0123456789";
/// The symbols each position of a code draws from. A letter first and a digit second (in
/// both halves) makes a code never a name (names have no digits) nor a phone number, so the
/// check-in screen tells a scanned or typed code from a search at once.
const SHAPE: [&[u8]; 8] = [LETTER, DIGIT, ANY, ANY, LETTER, DIGIT, ANY, ANY];

/// The check-in code of `candidate_id` at `event`, like `K7QX-M2PA`: derived from the event's
/// secret key, so it is the same on every desktop and the server, and unguessable without it.
pub fn check_in_code(event: &Event, candidate_id: Uuid) -> String {
    // Events made before keys existed fall back to their id.
    let key = if event.code_key.is_empty() { event.id.to_string() } else { event.code_key.clone() };
    let digest = Sha256::new().chain_update(key.as_bytes()).chain_update(candidate_id.as_bytes()).finalize();
    let mut n = u128::from_be_bytes(digest[..16].try_into().expect("a SHA-256 digest has 32 bytes"));
    let mut code = String::with_capacity(9);
    for (i, symbols) in SHAPE.iter().enumerate() {
        if i == 4 {
            code.push('-');
        }
        let len = symbols.len() as u128;
        code.push(symbols[(n % len) as usize] as char);
        n /= len;
    }
    code
}

/// The QR payload of a code: `TD:K7QX-M2PA`.
pub fn qr_payload(code: &str) -> String {
    format!("{QR_PREFIX}{code}")
}

/// The canonical code (`K7QX-M2PA`) if `input` looks like one: case, spaces and hyphens do
/// not matter, O reads as 0 and I or L as 1 (people copy codes by hand), and the `TD:` of a
/// scanned QR payload is dropped. Anything else (a name, an email, a phone number, a partial
/// code) is `None`.
pub fn parse_code(input: &str) -> Option<String> {
    let input = input.trim();
    let body = match input.get(..QR_PREFIX.len()) {
        Some(prefix) if prefix.eq_ignore_ascii_case(QR_PREFIX) => &input[QR_PREFIX.len()..],
        _ => input,
    };
    let mut symbols = Vec::with_capacity(SHAPE.len());
    for c in body.chars().filter(|c| !matches!(c, ' ' | '-')) {
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        let allowed = SHAPE.get(symbols.len())?;
        if !c.is_ascii() || !allowed.contains(&(c as u8)) {
            return None;
        }
        symbols.push(c);
    }
    if symbols.len() != SHAPE.len() {
        return None;
    }
    let (first, second) = symbols.split_at(4);
    Some(format!("{}-{}", first.iter().collect::<String>(), second.iter().collect::<String>()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fair(key: &str) -> Event {
        let event = Event::new(
            Uuid::from_u128(1),
            "Spring Career Fair",
            EventCategory::CareerFair,
            chrono::Utc::now(),
            "Hall A",
        );
        Event { code_key: key.into(), ..event }
    }

    #[test]
    fn codes_are_stable_per_event_and_person_and_shaped_to_stand_out() {
        let event = fair(&Event::new_code_key());
        let ana = Uuid::from_u128(7);
        let code = check_in_code(&event, ana);
        assert_eq!(code, check_in_code(&event.clone(), ana), "the same on every desktop");
        assert_eq!(code.len(), 9);
        assert_eq!(parse_code(&code).as_deref(), Some(code.as_str()));
        let chars: Vec<char> = code.chars().collect();
        for (i, c) in [(0, 'L'), (1, 'D'), (5, 'L'), (6, 'D')] {
            let ok = if c == 'L' { chars[i].is_ascii_uppercase() } else { chars[i].is_ascii_digit() };
            assert!(ok, "{code}: position {i}");
        }
        assert_ne!(code, check_in_code(&event, Uuid::from_u128(8)), "another person");
        assert_ne!(code, check_in_code(&fair(&Event::new_code_key()), ana), "another event");
    }

    #[test]
    fn codes_are_spread_over_many_values() {
        let event = fair(&Event::new_code_key());
        let codes: std::collections::HashSet<String> =
            (0..5_000u128).map(|i| check_in_code(&event, Uuid::from_u128(i))).collect();
        assert!(codes.len() >= 4_999, "{} distinct of 5000", codes.len());
    }

    #[test]
    fn old_events_without_a_key_use_their_id() {
        let code = check_in_code(&fair(""), Uuid::from_u128(7));
        assert!(parse_code(&code).is_some());
        assert_eq!(code, check_in_code(&fair(""), Uuid::from_u128(7)));
    }

    #[test]
    fn codes_are_read_leniently_and_everything_else_is_not_a_code() {
        assert_eq!(parse_code("k7qx m2pa").as_deref(), Some("K7QX-M2PA"));
        assert_eq!(parse_code(" TD:K7QX-M2PA\n").as_deref(), Some("K7QX-M2PA"));
        assert_eq!(parse_code("td:k7qxm2pa").as_deref(), Some("K7QX-M2PA"));
        // O for 0 and I or L for 1, where a digit belongs.
        assert_eq!(parse_code("KOQX-MIPA").as_deref(), Some("K0QX-M1PA"));
        assert_eq!(parse_code("KLQX-M2PA").as_deref(), Some("K1QX-M2PA"));
        for not_a_code in [
            "Annalise",
            "ANNALISE",
            "Ana Souza",
            "K7QX",
            "K7QX-M2PA-X",
            "K7QX-M2P",
            "415 555 0132",
            "4155550132",
            "ana@example.com",
            "7KQX-M2PA",
            "K7QX-2MPA",
            "K7QU-M2PA",
            "K7QX-M2PÄ",
            "",
        ] {
            assert_eq!(parse_code(not_a_code), None, "{not_a_code}");
        }
    }

    #[test]
    fn events_are_checked_before_they_are_stored() {
        let ok = fair(&Event::new_code_key());
        assert!(ok.clone().validated().is_ok());
        assert!(ok.check_code_key().is_ok());
        for key in [String::new(), "A".repeat(32), "0".repeat(31)] {
            let err = Event { code_key: key, ..ok.clone() }.check_code_key().unwrap_err().to_string();
            assert!(err.starts_with("code_key"), "{err}");
        }
        let bad = [
            (Event { name: " ".into(), ..ok.clone() }, "name: is required"),
            (Event { capacity: Some(0), ..ok.clone() }, "capacity"),
            (Event { location: "two\nlines".into(), ..ok.clone() }, "location"),
            (Event { description: "x".repeat(limits::LONG_TEXT + 1), ..ok.clone() }, "description"),
        ];
        for (event, field) in bad {
            let err = event.validated().unwrap_err().to_string();
            assert!(err.starts_with(field), "{err}");
        }
        let described = Event { description: "  Bring CVs.\nFree coffee. ".into(), ..ok }.validated().unwrap();
        assert_eq!(described.description, "Bring CVs.\nFree coffee.");
    }
}
