//! The per-candidate facts every search filters on, kept in memory: flags, activity,
//! engagements, profile type, owner and dates, plus the candidates in name and update order.
//!
//! Counting a million rows in SQLite takes hundreds of milliseconds; testing a million of these
//! small records takes a few. Loaded on the first search, refreshed for the candidates each
//! write touches.

use std::collections::HashMap;

use roaring::RoaringBitmap;
use rusqlite::Connection;
use talentdesk_domain::candidate::ProfileType;

use crate::StoreError;

#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Fact {
    pub active: bool,
    pub eligible: bool,
    pub activity: u8,
    pub profile_type: u8,
    pub engagements: u32,
    /// Interned owner (see [`Facts::owner_code`]); 0 when nobody owns the candidate.
    pub owner: u32,
    pub created: i64,
    pub updated: i64,
}

#[derive(Debug, Default)]
pub(crate) struct Facts {
    /// Indexed by `cand`; meaningful only where `present` has the candidate.
    facts: Vec<Fact>,
    name_keys: Vec<Box<str>>,
    pub present: RoaringBitmap,
    /// Candidates by (name key, cand), ascending.
    pub by_name: Vec<u32>,
    /// Candidates by (updated, cand), ascending.
    pub by_updated: Vec<u32>,
    owners: HashMap<String, u32>,
}

const COLUMNS: &str =
    "cand, active, eligible, activity, engagements, profile_type, owner_id, created_at, updated_at, name_key";

/// Above this many changed candidates, re-sorting everything beats moving them one by one.
const RESORT_AFTER: usize = 2_000;

impl Facts {
    pub(crate) fn load(conn: &Connection) -> Result<Self, StoreError> {
        let mut facts = Facts::default();
        let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM candidates"))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (cand, fact, key) = facts.decode(r)?;
            facts.put(cand, fact, key);
        }
        facts.resort();
        Ok(facts)
    }

    fn decode(&mut self, r: &rusqlite::Row) -> Result<(u32, Fact, Box<str>), StoreError> {
        let cand: i64 = r.get(0)?;
        let profile_type: String = r.get(5)?;
        let owner: Option<String> = r.get(6)?;
        let fact = Fact {
            active: r.get(1)?,
            eligible: r.get(2)?,
            activity: r.get::<_, i64>(3)? as u8,
            engagements: r.get(4)?,
            profile_type: profile_type_code(ProfileType::parse(&profile_type)),
            owner: owner.map_or(0, |o| self.owner_code_or_insert(o)),
            created: r.get(7)?,
            updated: r.get(8)?,
        };
        let key: String = r.get(9)?;
        let cand =
            u32::try_from(cand).map_err(|_| StoreError::Corrupt(format!("candidate row {cand} out of range")))?;
        Ok((cand, fact, key.into_boxed_str()))
    }

    fn put(&mut self, cand: u32, fact: Fact, key: Box<str>) {
        let at = cand as usize;
        if self.facts.len() <= at {
            self.facts.resize(at + 1, Fact::default());
            self.name_keys.resize(at + 1, Box::from(""));
        }
        self.facts[at] = fact;
        self.name_keys[at] = key;
        self.present.insert(cand);
    }

    fn resort(&mut self) {
        let mut by_name: Vec<u32> = self.present.iter().collect();
        by_name.sort_unstable_by(|a, b| self.name_order(*a, *b));
        let mut by_updated: Vec<u32> = self.present.iter().collect();
        by_updated.sort_unstable_by_key(|c| (self.facts[*c as usize].updated, *c));
        self.by_name = by_name;
        self.by_updated = by_updated;
    }

    fn name_order(&self, a: u32, b: u32) -> std::cmp::Ordering {
        (self.name_key(a), a).cmp(&(self.name_key(b), b))
    }

    fn owner_code_or_insert(&mut self, owner: String) -> u32 {
        let next = self.owners.len() as u32 + 1;
        *self.owners.entry(owner).or_insert(next)
    }

    /// The code of an owner id, if any candidate has that owner.
    pub(crate) fn owner_code(&self, owner: &str) -> Option<u32> {
        self.owners.get(owner).copied()
    }

    pub(crate) fn get(&self, cand: u32) -> &Fact {
        &self.facts[cand as usize]
    }

    pub(crate) fn name_key(&self, cand: u32) -> &str {
        &self.name_keys[cand as usize]
    }

    /// Re-reads these candidates after a write (dropping the ones that no longer exist).
    pub(crate) fn refresh(&mut self, conn: &Connection, cands: &[i64]) -> Result<(), StoreError> {
        let moved: Vec<u32> = cands.iter().filter_map(|c| u32::try_from(*c).ok()).collect();
        let incremental = moved.len() <= RESORT_AFTER;
        if incremental {
            for cand in &moved {
                self.unlink(*cand);
            }
        }
        let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM candidates WHERE cand = ?1"))?;
        for cand in &moved {
            self.present.remove(*cand);
            let mut rows = stmt.query([cand])?;
            if let Some(r) = rows.next()? {
                let (cand, fact, key) = self.decode(r)?;
                self.put(cand, fact, key);
                if incremental {
                    self.link(cand);
                }
            }
        }
        if !incremental {
            self.resort();
        }
        Ok(())
    }

    /// Removes a candidate from both orders (using its current keys).
    fn unlink(&mut self, cand: u32) {
        if !self.present.contains(cand) {
            return;
        }
        let at = self.by_name.partition_point(|x| self.name_order(*x, cand).is_lt());
        if self.by_name.get(at) == Some(&cand) {
            self.by_name.remove(at);
        }
        let key = (self.facts[cand as usize].updated, cand);
        let at = self.by_updated.partition_point(|x| (self.facts[*x as usize].updated, *x) < key);
        if self.by_updated.get(at) == Some(&cand) {
            self.by_updated.remove(at);
        }
    }

    fn link(&mut self, cand: u32) {
        let at = self.by_name.partition_point(|x| self.name_order(*x, cand).is_lt());
        self.by_name.insert(at, cand);
        let key = (self.facts[cand as usize].updated, cand);
        let at = self.by_updated.partition_point(|x| (self.facts[*x as usize].updated, *x) < key);
        self.by_updated.insert(at, cand);
    }
}

/// A small number per profile type, for a bit mask.
pub(crate) fn profile_type_code(t: Option<ProfileType>) -> u8 {
    t.and_then(|t| ProfileType::ALL.iter().position(|x| *x == t)).map_or(u8::MAX, |i| i as u8)
}
