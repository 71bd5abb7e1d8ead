//! The position after the last row of a page, for keyset pagination: the sort key and the
//! row number, as an opaque string the UI hands back.

use talentdesk_domain::DomainError;

use crate::StoreError;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cursor {
    Rank { rank: f64, cand: i64 },
    Name { key: String, cand: i64 },
    Updated { at: i64, cand: i64 },
}

pub(crate) fn mismatch() -> StoreError {
    DomainError::invalid("after", "this page cursor belongs to a different sort order; start from the first page")
        .into()
}

impl Cursor {
    pub(crate) fn encode(&self) -> String {
        match self {
            Cursor::Rank { rank, cand } => format!("r:{cand}:{:x}", rank.to_bits()),
            Cursor::Name { key, cand } => format!("n:{cand}:{key}"),
            Cursor::Updated { at, cand } => format!("u:{cand}:{at}"),
        }
    }

    pub(crate) fn parse(text: &str) -> Result<Self, StoreError> {
        let bad = || StoreError::from(DomainError::invalid("after", format!("\"{text}\" is not a page cursor")));
        let mut parts = text.splitn(3, ':');
        let (Some(kind), Some(cand), Some(value)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        let cand: i64 = cand.parse().map_err(|_| bad())?;
        Ok(match kind {
            "r" => Cursor::Rank { rank: f64::from_bits(u64::from_str_radix(value, 16).map_err(|_| bad())?), cand },
            "n" => Cursor::Name { key: value.to_owned(), cand },
            "u" => Cursor::Updated { at: value.parse().map_err(|_| bad())?, cand },
            _ => return Err(bad()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        for c in [
            Cursor::Rank { rank: -3.25, cand: 7 },
            Cursor::Name { key: "souza\u{1f}ana:x".into(), cand: 9 },
            Cursor::Updated { at: 1_700_000_000_000, cand: 1 },
        ] {
            assert_eq!(Cursor::parse(&c.encode()).unwrap(), c);
        }
        for bad in ["", "x", "u:1", "u:one:2", "q:1:2", "r:1:zz"] {
            assert!(Cursor::parse(bad).is_err(), "{bad}");
        }
    }
}
