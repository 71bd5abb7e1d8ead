//! What duplicate finders compare against: every candidate's identity fields (name, email,
//! phone, employer, links), read in one pass; who has a dedupe key, read from the stored keys
//! (tables/dedupe_keys.rs); and the batched write an import makes.

use talentdesk_domain::candidate::Profile;
use talentdesk_domain::dedupe::DedupeKey;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::user::User;
use uuid::Uuid;

use crate::tables::{candidates, dedupe_keys};
use crate::{Applied, Store, StoreError};

/// Who has a dedupe key, in the country an import reads national numbers in: what an import
/// looks each row's keys up in. Point lookups in the stored keys (tables/dedupe_keys.rs): at
/// 100,000 rows against a million candidates as fast as one pass over every key (BENCHMARKS.md,
/// 2026-12-05), and far faster for the usual small file.
pub struct KeyIndex {
    country: Option<String>,
}

impl KeyIndex {
    /// The first candidate (the longest here) with `key`, made in the index's country.
    pub fn get(&self, store: &Store, key: &DedupeKey) -> Result<Option<Uuid>, StoreError> {
        let mut first: Option<i64> = None;
        for form in key.stored_forms(self.country.as_deref()) {
            if let Some(cand) = dedupe_keys::first_holder(store.conn(), &dedupe_keys::code(&form))? {
                first = Some(first.map_or(cand, |f| f.min(cand)));
            }
        }
        first.map(|cand| candidates::id_of(store.conn(), cand)).transpose()
    }
}

impl Store {
    /// The [`KeyIndex`] of every candidate, `country` the calling code national numbers are
    /// read in.
    pub fn key_index(&self, country: Option<&str>) -> Result<KeyIndex, StoreError> {
        Ok(KeyIndex { country: country.map(str::to_owned) })
    }

    /// Who has each of `keys` (made with `country`, the calling code national numbers are
    /// read in): (the key's index in `keys`, the candidate), a candidate once a key, in the
    /// order candidates were added here. Point lookups in the stored keys.
    pub fn holders(&self, keys: &[DedupeKey], country: Option<&str>) -> Result<Vec<(usize, Uuid)>, StoreError> {
        let mut found = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            for form in key.stored_forms(country) {
                found.extend(dedupe_keys::holders(self.conn(), &dedupe_keys::code(&form))?.into_iter().map(|c| (c, i)));
            }
        }
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|(cand, i)| Ok((i, candidates::id_of(self.conn(), cand)?))).collect()
    }

    /// Calls `each` with every candidate's id and a profile holding only the fields dedupe
    /// keys are made of. One scan, no JSON parsed for candidates without links.
    pub fn identities(&self, mut each: impl FnMut(Uuid, Profile)) -> Result<(), StoreError> {
        let mut stmt = self.conn().prepare(&format!("SELECT c.id, {}", dedupe_keys::IDENTITIES))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            each(crate::codec::uuid(&r.get::<_, String>(0)?)?, dedupe_keys::identity(r)?);
        }
        Ok(())
    }

    /// The candidate's profile as stored (what an import's row is merged into).
    pub fn stored_profile(&self, id: Uuid) -> Result<Profile, StoreError> {
        let cand = crate::tables::candidates::cand_of(self.conn(), id)?;
        Ok(crate::tables::candidates::get(self.conn(), cand)?.profile)
    }

    /// The candidate's tags.
    pub fn tags_of(&self, id: Uuid) -> Result<Vec<String>, StoreError> {
        let cand = crate::tables::candidates::cand_of(self.conn(), id)?;
        crate::tables::tags::of(self.conn(), cand)
    }

    /// Whether the candidate has a note with exactly this text (an import adds a row's note
    /// once, however often the file is imported).
    pub fn has_note(&self, id: Uuid, body: &str) -> Result<bool, StoreError> {
        let cand = crate::tables::candidates::cand_of(self.conn(), id)?;
        let mut stmt =
            self.conn().prepare_cached("SELECT EXISTS (SELECT 1 FROM notes WHERE cand = ?1 AND body = ?2)")?;
        Ok(stmt.query_row(rusqlite::params![cand, body], |r| r.get(0))?)
    }

    /// Applies `mutations` in order in one transaction, all or none, each with its own outbox
    /// entry (an import's batch: one commit for a thousand rows instead of a thousand).
    pub fn apply_all(&mut self, actor: &User, mutations: Vec<Mutation>) -> Result<Vec<Applied>, StoreError> {
        self.apply_together(actor, mutations)
    }
}
