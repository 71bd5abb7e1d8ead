//! What duplicate finders compare against: every candidate's identity fields (name, email,
//! phone, employer, links), read in one pass, and the batched write an import makes.

use talentdesk_domain::candidate::{Link, Profile};
use talentdesk_domain::dedupe::DedupeKey;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::user::User;
use uuid::Uuid;

use crate::duplicates::{Hashed, hash};
use crate::{Applied, Store, StoreError};

/// Every candidate's dedupe keys, as 64-bit hashes sorted: what an import looks each row's
/// keys up in. A hash names a candidate who very likely has the key; whoever acts on a match
/// confirms it with the candidate's own keys.
pub struct KeyIndex {
    ids: Vec<Uuid>,
    /// (hash, index in `ids`), sorted: of the candidates sharing a key, the first read comes first.
    keys: Vec<(u64, u32)>,
}

impl KeyIndex {
    /// The first candidate whose keys hash as `key` does.
    pub fn get(&self, key: &DedupeKey) -> Option<Uuid> {
        let h = hash(key);
        let at = self.keys.partition_point(|(k, _)| *k < h);
        self.keys.get(at).filter(|(k, _)| *k == h).map(|(_, i)| self.ids[*i as usize])
    }
}

impl Store {
    /// The [`KeyIndex`] of every candidate, `country` the calling code national numbers are
    /// read in. One pass, the keys computed on a second thread while SQLite reads.
    pub fn key_index(&self, country: Option<&str>) -> Result<KeyIndex, StoreError> {
        let Hashed { ids, mut keys, .. } = self.hashed_keys(country)?;
        keys.sort_unstable();
        Ok(KeyIndex { ids, keys })
    }

    /// Calls `each` with every candidate's id and a profile holding only the fields dedupe
    /// keys are made of. One scan, no JSON parsed for candidates without links.
    pub fn identities(&self, mut each: impl FnMut(Uuid, Profile)) -> Result<(), StoreError> {
        let mut stmt = self.conn().prepare(
            "SELECT c.id, c.first_name, c.last_name, c.email, c.phone, c.current_employer,
                    CASE WHEN instr(d.details, 'linkedin') > 0 THEN json_extract(d.details, '$.links') END
             FROM candidates c JOIN candidate_details d ON d.cand = c.cand",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let links: Option<String> = r.get(6)?;
            let profile = Profile {
                first_name: r.get(1)?,
                last_name: r.get(2)?,
                email: r.get(3)?,
                phone: r.get(4)?,
                current_employer: r.get(5)?,
                links: links.map(|l| serde_json::from_str::<Vec<Link>>(&l)).transpose()?.unwrap_or_default(),
                ..Profile::default()
            };
            each(crate::codec::uuid(&r.get::<_, String>(0)?)?, profile);
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
