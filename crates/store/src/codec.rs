//! How domain values are stored in columns: times as epoch milliseconds, ids as text,
//! enums by their snake_case names, and the folded keys used for sorting.

use chrono::{TimeZone, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use talentdesk_domain::Timestamp;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use uuid::Uuid;

use crate::StoreError;

pub(crate) fn millis(t: Timestamp) -> i64 {
    t.timestamp_millis()
}

pub(crate) fn time(ms: i64) -> Timestamp {
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}

pub(crate) fn uuid(text: &str) -> Result<Uuid, StoreError> {
    Uuid::parse_str(text).map_err(|e| StoreError::Corrupt(format!("bad id {text:?}: {e}")))
}

/// The snake_case name serde gives a unit enum variant.
pub(crate) fn name_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

pub(crate) fn from_name<T: DeserializeOwned>(name: &str) -> Result<T, StoreError> {
    serde_json::from_value(serde_json::Value::String(name.to_owned()))
        .map_err(|e| StoreError::Corrupt(format!("unknown value {name:?}: {e}")))
}

/// Lowercase, without accents: "Ñúñez" and "nunez" sort and match together.
pub(crate) fn fold(text: &str) -> String {
    text.nfkd().filter(|c| !is_combining_mark(*c)).collect::<String>().to_lowercase()
}

/// The key names sort by: family name, then given name.
pub(crate) fn name_key(first: &str, last: &str) -> String {
    format!("{}\u{1f}{}", fold(last.trim()), fold(first.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Ñúñez Ørsted"), "nunez ørsted");
        assert!(name_key("Ana", "Álvarez") < name_key("Ana", "Bauer"));
        assert!(name_key("Zoë", "Smith") > name_key("Adam", "Smith"));
    }

    #[test]
    fn times_round_trip_to_the_millisecond() {
        let t = time(1_700_000_000_123);
        assert_eq!(millis(t), 1_700_000_000_123);
    }
}
