//! The position after the last row of a page, for keyset pagination: the sort key and the
//! row number, as an opaque string the UI hands back.

use talentdesk_domain::DomainError;

use crate::StoreError;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cursor {
    Rank { score: u32, at: i64, cand: u32 },
    Name { key: String, cand: u32 },
    Updated { at: i64, cand: u32 },
    Experience { months: u32, cand: u32 },
}

pub(crate) fn mismatch() -> StoreError {
    DomainError::invalid("after", "this page cursor belongs to a different sort order; start from the first page")
        .into()
}

impl Cursor {
    pub(crate) fn cand(&self) -> u32 {
        match self {
            Cursor::Rank { cand, .. }
            | Cursor::Name { cand, .. }
            | Cursor::Updated { cand, .. }
            | Cursor::Experience { cand, .. } => *cand,
        }
    }

    pub(crate) fn encode(&self) -> String {
        match self {
            Cursor::Rank { score, at, cand } => format!("r:{cand}:{score}.{at}"),
            Cursor::Name { key, cand } => format!("n:{cand}:{key}"),
            Cursor::Updated { at, cand } => format!("u:{cand}:{at}"),
            Cursor::Experience { months, cand } => format!("x:{cand}:{months}"),
        }
    }

    pub(crate) fn parse(text: &str) -> Result<Self, StoreError> {
        let bad = || StoreError::from(DomainError::invalid("after", format!("\"{text}\" is not a page cursor")));
        let mut parts = text.splitn(3, ':');
        let (Some(kind), Some(cand), Some(value)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        let cand: u32 = cand.parse().map_err(|_| bad())?;
        Ok(match kind {
            "r" => {
                let (score, at) = value.split_once('.').ok_or_else(bad)?;
                Cursor::Rank { score: score.parse().map_err(|_| bad())?, at: at.parse().map_err(|_| bad())?, cand }
            }
            "n" => Cursor::Name { key: value.to_owned(), cand },
            "u" => Cursor::Updated { at: value.parse().map_err(|_| bad())?, cand },
            "x" => Cursor::Experience { months: value.parse().map_err(|_| bad())?, cand },
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
            Cursor::Rank { score: 5, at: -3, cand: 7 },
            Cursor::Name { key: "souza\u{1f}ana:x".into(), cand: 9 },
            Cursor::Updated { at: 1_700_000_000_000, cand: 1 },
            Cursor::Experience { months: 125, cand: 3 },
        ] {
            assert_eq!(Cursor::parse(&c.encode()).unwrap(), c);
        }
        for bad in ["", "x", "u:1", "u:one:2", "q:1:2", "r:1:zz", "r:1:2", "u:-1:5", "x:1:-2"] {
            assert!(Cursor::parse(bad).is_err(), "{bad}");
        }
    }
}
