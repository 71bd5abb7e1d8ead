//! The profile values the insights charts count, per candidate, as small codes in memory:
//! counting a chart over 300,000 candidates then reads a few arrays instead of their rows and
//! details JSON. Loaded on the first chart (or the first search filtering on a chart's value),
//! refreshed for the candidates each write touches, like search's facts.

use std::collections::HashMap;

use roaring::RoaringBitmap;
use rusqlite::{Connection, Row};
use talentdesk_domain::search::Facet;

use crate::StoreError;
use crate::tables::insight_values;

/// The facets with one value per candidate, kept in `candidates`, in code order.
pub(crate) const SINGLE: [Facet; 4] = [Facet::Country, Facet::City, Facet::Company, Facet::Title];
/// The facets with a list of values per candidate, kept in `insight_values`, in code order.
pub(crate) const LISTED: [Facet; 5] = [Facet::Skill, Facet::Interest, Facet::School, Facet::Degree, Facet::Major];

/// Where a text facet's codes live: its index in [`SINGLE`] or [`LISTED`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    Single(usize),
    Listed(usize),
}

impl Slot {
    pub(crate) fn of(facet: Facet) -> Option<Self> {
        if let Some(i) = SINGLE.iter().position(|f| *f == facet) {
            return Some(Slot::Single(i));
        }
        LISTED.iter().position(|f| *f == facet).map(Slot::Listed)
    }

    /// Index into [`Values::dictionaries`]: the single facets first.
    pub(crate) fn index(self) -> usize {
        match self {
            Slot::Single(i) => i,
            Slot::Listed(i) => SINGLE.len() + i,
        }
    }
}

const SELECT: &str = "SELECT c.cand, c.country, c.city, c.current_employer, c.current_title,
        v.skills, v.interests, v.schools, v.degrees, v.majors
    FROM candidates c LEFT JOIN insight_values v ON v.cand = c.cand";

/// One facet's values: code 0 is "not known", codes from 1 name a value.
#[derive(Debug)]
pub(crate) struct Dictionary {
    /// Each value's label: how it was first spelled.
    labels: Vec<String>,
    /// Every spelling seen -> its code, so most lookups need no lower-casing.
    spellings: HashMap<String, u32>,
    /// Trimmed, lower-cased value -> its code: spellings that differ by case are one value.
    keys: HashMap<String, u32>,
}

impl Default for Dictionary {
    fn default() -> Self {
        Self { labels: vec![String::new()], spellings: HashMap::new(), keys: HashMap::new() }
    }
}

impl Dictionary {
    fn code_or_insert(&mut self, spelling: &str) -> u32 {
        if let Some(code) = self.spellings.get(spelling) {
            return *code;
        }
        let label = spelling.trim();
        let code = if label.is_empty() {
            0
        } else {
            let key = label.to_lowercase();
            let next = self.labels.len() as u32;
            let code = *self.keys.entry(key).or_insert(next);
            if code == next {
                self.labels.push(label.to_owned());
            }
            code
        };
        self.spellings.insert(spelling.to_owned(), code);
        code
    }

    /// The code of a value as a filter names it (any case; empty for "not known"), if any
    /// candidate ever had it.
    pub(crate) fn code(&self, value: &str) -> Option<u32> {
        let value = value.trim();
        if value.is_empty() {
            return Some(0);
        }
        self.keys.get(&value.to_lowercase()).copied()
    }

    pub(crate) fn label(&self, code: u32) -> &str {
        &self.labels[code as usize]
    }

    /// How many codes there are, "not known" included.
    pub(crate) fn len(&self) -> usize {
        self.labels.len()
    }
}

#[derive(Debug, Default)]
pub(crate) struct Values {
    /// By [`Slot::index`].
    pub dictionaries: [Dictionary; SINGLE.len() + LISTED.len()],
    /// By [`SINGLE`] index, then `cand`: the value's code, 0 when not known.
    singles: [Vec<u32>; SINGLE.len()],
    /// By `cand`: where its listed codes lie in `listed`.
    spans: Vec<(u32, u32)>,
    /// Listed codes, each `code << 2 | LISTED index`, each once per candidate. A candidate's
    /// replaced codes stay behind until the next full load.
    listed: Vec<u32>,
}

/// Bits of a listed entry that say which [`LISTED`] facet it is of.
const LISTED_BITS: u32 = 3;
const _: () = assert!(LISTED.len() <= 1 << LISTED_BITS);

impl Values {
    pub(crate) fn load(conn: &Connection) -> Result<Self, StoreError> {
        let mut values = Self::default();
        let mut stmt = conn.prepare(SELECT)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            values.read(r)?;
        }
        Ok(values)
    }

    /// Re-reads these candidates after a write; those no longer there have no values.
    pub(crate) fn refresh(&mut self, conn: &Connection, cands: &[i64]) -> Result<(), StoreError> {
        let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE c.cand = ?1"))?;
        for cand in cands {
            let mut rows = stmt.query([cand])?;
            match rows.next()? {
                Some(r) => self.read(r)?,
                None => {
                    if let Ok(cand) = u32::try_from(*cand) {
                        self.forget(cand);
                    }
                }
            }
        }
        Ok(())
    }

    fn forget(&mut self, cand: u32) {
        let at = cand as usize;
        for codes in &mut self.singles {
            if let Some(code) = codes.get_mut(at) {
                *code = 0;
            }
        }
        if let Some(span) = self.spans.get_mut(at) {
            *span = (0, 0);
        }
    }

    /// Takes in one row of [`SELECT`].
    fn read(&mut self, r: &Row) -> Result<(), StoreError> {
        let cand: i64 = r.get(0)?;
        let cand = u32::try_from(cand).map_err(|_| StoreError::Corrupt(format!("candidate row {cand} out of range")))?
            as usize;
        if self.spans.len() <= cand {
            let size = cand + 1;
            self.spans.resize(size, (0, 0));
            for codes in &mut self.singles {
                codes.resize(size, 0);
            }
        }
        for (i, codes) in self.singles.iter_mut().enumerate() {
            let text = text(r, 1 + i)?.unwrap_or_default();
            codes[cand] = self.dictionaries[Slot::Single(i).index()].code_or_insert(text);
        }
        let start = self.listed.len();
        for i in 0..LISTED.len() {
            let list = text(r, 1 + SINGLE.len() + i)?;
            let dictionary = &mut self.dictionaries[Slot::Listed(i).index()];
            let from = self.listed.len();
            for value in insight_values::split(list.unwrap_or_default()) {
                let code = dictionary.code_or_insert(value);
                let entry = code << LISTED_BITS | i as u32;
                // A value listed twice (two degrees from one school) counts once.
                if code != 0 && !self.listed[from..].contains(&entry) {
                    self.listed.push(entry);
                }
            }
        }
        self.spans[cand] = (start as u32, self.listed.len() as u32);
        Ok(())
    }

    /// The code of candidate `cand`'s value of the single facet `i` (0 when not known).
    pub(crate) fn single(&self, i: usize, cand: u32) -> u32 {
        self.singles[i].get(cand as usize).copied().unwrap_or(0)
    }

    /// Candidate `cand`'s listed values, as (LISTED index, code).
    pub(crate) fn listed(&self, cand: u32) -> impl Iterator<Item = (usize, u32)> + '_ {
        let (start, end) = self.spans.get(cand as usize).copied().unwrap_or_default();
        self.listed[start as usize..end as usize]
            .iter()
            .map(|e| ((e & ((1 << LISTED_BITS) - 1)) as usize, e >> LISTED_BITS))
    }

    /// The candidates among `among` whose `slot` facet has any of `codes` (0: none known).
    pub(crate) fn having(&self, slot: Slot, codes: &[u32], among: &RoaringBitmap) -> RoaringBitmap {
        let size = self.dictionaries[slot.index()].len();
        let mut wanted = vec![false; size];
        codes.iter().filter(|c| (**c as usize) < size).for_each(|c| wanted[*c as usize] = true);
        match slot {
            Slot::Single(i) => among.iter().filter(|c| wanted[self.single(i, *c) as usize]).collect(),
            Slot::Listed(i) => among
                .iter()
                .filter(|c| {
                    let mut none = true;
                    for (f, code) in self.listed(*c) {
                        if f == i {
                            if wanted[code as usize] {
                                return true;
                            }
                            none = false;
                        }
                    }
                    // Code 0 stands for "none known": a candidate listing none of this facet.
                    none && wanted[0]
                })
                .collect(),
        }
    }
}

/// Column `i` as text read in place; NULL is `None`.
fn text<'r>(r: &'r Row, i: usize) -> rusqlite::Result<Option<&'r str>> {
    r.get_ref(i)?
        .as_str_or_null()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}
