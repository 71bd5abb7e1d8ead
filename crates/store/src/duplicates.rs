//! The Duplicates page's finder: every candidate compared with every other by their dedupe
//! keys (crates/domain/src/dedupe.rs), grouped by the union of the keys they share.
//!
//! A million candidates in seconds: one pass over the stored keys in their order
//! (tables/dedupe_keys.rs: no candidate row, no JSON) keeps a 64-bit hash of each key as read
//! in the country asked for, and the text of those that may be shared; equal hashes are found
//! by sorting. Only the candidates that turn out to share a key are read, for what the page
//! shows of them.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use serde::Serialize;
use talentdesk_domain::dedupe::{DedupeKey, DedupeKind};
use ts_rs::TS;
use uuid::Uuid;

use crate::tables::dedupe_keys;
use crate::{Store, StoreError};

/// A key shared by more candidates than this is not one person's (a switchboard number, a
/// recruiting agency's inbox): it is counted in [`Duplicates::crowded_keys`], not used.
pub const CROWDED: usize = 25;

/// Candidates who are likely one person, with why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DuplicateGroup {
    /// The strongest evidence among the group's keys.
    pub strongest: DedupeKind,
    pub members: Vec<DuplicateMember>,
    /// Each key shared inside the group, strongest first.
    pub evidence: Vec<Evidence>,
}

impl DuplicateGroup {
    /// The group's members' ids, sorted: the same set of people whatever order they were found in.
    pub fn ids(&self) -> Vec<Uuid> {
        let mut ids: Vec<Uuid> = self.members.iter().map(|m| m.id).collect();
        ids.sort();
        ids
    }
}

/// What the page shows of a member, enough to tell them apart.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DuplicateMember {
    pub id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub current_employer: String,
}

/// One key the members in `members` share: its kind and its normalised value ("+351912345678").
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Evidence {
    pub kind: DedupeKind,
    pub value: String,
    pub members: Vec<Uuid>,
}

/// The whole database's likely duplicates, strongest evidence first.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Duplicates {
    pub groups: Vec<DuplicateGroup>,
    /// Keys left out as shared by more than [`CROWDED`] candidates.
    pub crowded_keys: u64,
}

/// A scan's findings in numbers, for the window (which then reads the groups a page at a time).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DuplicateScan {
    pub groups: u32,
    /// Keys left out as shared by too many candidates to be one person's.
    pub crowded_keys: u32,
}

impl Duplicates {
    pub fn scan(&self) -> DuplicateScan {
        DuplicateScan { groups: self.groups.len() as u32, crowded_keys: self.crowded_keys as u32 }
    }
}

impl Store {
    /// Finds every group of candidates sharing a dedupe key. `country` is the calling code
    /// ("351") national phone numbers are read in (see [`talentdesk_domain::dedupe::phone_key`]).
    pub fn find_duplicates(&self, country: Option<&str>) -> Result<Duplicates, StoreError> {
        // One read transaction: every read below sees the pass's data, and SQLite takes its
        // file locks once instead of at each statement.
        let read = self.conn().unchecked_transaction()?;
        let Pass { keys, texts } = self.pass(country)?;
        let (shared, crowded_keys) = shared_keys(&keys);
        drop(keys);
        // The candidates who share a key, by row number, and the groups they join into.
        let mut cands: Vec<i64> = shared.values().flatten().copied().collect();
        cands.sort_unstable();
        cands.dedup();
        let index = |cand: i64| cands.binary_search(&cand).expect("a sharing candidate") as u32;
        let mut sets = Sets::new(cands.len());
        for members in shared.values() {
            for m in &members[1..] {
                sets.join(index(members[0]), index(*m));
            }
        }
        let mut ids = Vec::with_capacity(cands.len());
        let mut groups: HashMap<u32, DuplicateGroup> = HashMap::new();
        members_of(self.conn(), &cands, |i, member| {
            ids.push(member.id);
            groups.entry(sets.root(i as u32)).or_insert_with(DuplicateGroup::empty).members.push(member);
        })?;
        read.finish()?;
        for (h, members) in &shared {
            let (Some(text), Some(group)) = (texts.get(h), groups.get_mut(&sets.root(index(members[0])))) else {
                continue;
            };
            let key = dedupe_keys::key_of(text)?;
            let members = members.iter().map(|cand| ids[index(*cand) as usize]).collect();
            group.evidence.push(Evidence { kind: key.kind(), value: value_of(key), members });
        }
        let mut groups: Vec<DuplicateGroup> = groups.into_values().map(DuplicateGroup::settled).collect();
        groups.sort_by_cached_key(DuplicateGroup::rank);
        Ok(Duplicates { groups, crowded_keys })
    }

    /// One pass over the stored keys in their order: each key as read in `country`, hashed,
    /// with its candidate. It also keeps the text of every key that may be shared: each that
    /// more than one candidate has as stored (they come one after another), and each read
    /// otherwise than stored (a national number read in the country), which is how one stored
    /// once can still be shared.
    fn pass(&self, country: Option<&str>) -> Result<Pass, StoreError> {
        let mut pass = Pass { keys: Vec::new(), texts: HashMap::new() };
        let mut previous = String::new();
        dedupe_keys::scan(self.conn(), |code, cand| {
            let read = dedupe_keys::read_in(code, country)?;
            let h = hash(&read);
            pass.keys.push((h, cand));
            match read {
                Cow::Owned(text) => {
                    pass.texts.entry(h).or_insert(text);
                }
                Cow::Borrowed(code) if code == previous => {
                    pass.texts.entry(h).or_insert_with(|| code.to_owned());
                }
                Cow::Borrowed(code) => code.clone_into(&mut previous),
            }
            Ok(())
        })?;
        pass.keys.sort_unstable();
        Ok(pass)
    }
}

/// The first pass: every key's hash with its candidate, sorted; the text of the keys that may
/// be shared, by hash.
struct Pass {
    keys: Vec<(u64, i64)>,
    texts: HashMap<u64, String>,
}

/// Calls `each` with what the page shows of each candidate of `cands` (row numbers, sorted)
/// and their place in it, in order. Many are read in one pass over the candidates table
/// rather than one by one.
fn members_of(
    conn: &rusqlite::Connection,
    cands: &[i64],
    each: impl FnMut(usize, DuplicateMember),
) -> Result<(), StoreError> {
    members_read(conn, cands, 100_000, each)
}

/// [`members_of`], reading them one by one when there are at most `one_by_one_at_most`.
fn members_read(
    conn: &rusqlite::Connection,
    cands: &[i64],
    one_by_one_at_most: usize,
    mut each: impl FnMut(usize, DuplicateMember),
) -> Result<(), StoreError> {
    const COLUMNS: &str = "SELECT cand, id, first_name, last_name, email, phone, current_employer FROM candidates";
    let member = |r: &rusqlite::Row| -> Result<DuplicateMember, StoreError> {
        Ok(DuplicateMember {
            id: crate::codec::uuid(&r.get::<_, String>(1)?)?,
            first_name: r.get(2)?,
            last_name: r.get(3)?,
            email: r.get(4)?,
            phone: r.get(5)?,
            current_employer: r.get(6)?,
        })
    };
    if cands.len() <= one_by_one_at_most {
        let mut stmt = conn.prepare_cached(&format!("{COLUMNS} WHERE cand = ?1"))?;
        for (i, cand) in cands.iter().enumerate() {
            let mut rows = stmt.query([cand])?;
            let r = rows.next()?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
            each(i, member(r)?);
        }
        return Ok(());
    }
    let mut stmt = conn.prepare(&format!("{COLUMNS} WHERE cand >= ?1 ORDER BY cand"))?;
    let mut rows = stmt.query([cands[0]])?;
    let mut at = 0;
    while at < cands.len()
        && let Some(r) = rows.next()?
    {
        if r.get::<_, i64>(0)? == cands[at] {
            each(at, member(r)?);
            at += 1;
        }
    }
    match cands.get(at) {
        None => Ok(()),
        Some(cand) => Err(StoreError::Corrupt(format!("candidate row {cand} has keys but no row"))),
    }
}

impl DuplicateGroup {
    fn empty() -> Self {
        DuplicateGroup { strongest: DedupeKind::NamePhone, members: Vec::new(), evidence: Vec::new() }
    }

    /// Evidence in order, strongest first; the group's strongest kind; members by name.
    fn settled(mut self) -> Self {
        self.evidence.sort_by(|a, b| (rank(a.kind), &a.value).cmp(&(rank(b.kind), &b.value)));
        self.strongest = self.evidence.first().map_or(DedupeKind::NamePhone, |e| e.kind);
        self.members.sort_by(|a, b| (&a.last_name, &a.first_name, a.id).cmp(&(&b.last_name, &b.first_name, b.id)));
        self
    }

    /// Strongest first; then more kinds of evidence first; then by name, for a stable page.
    fn rank(&self) -> (u8, std::cmp::Reverse<usize>, String, String, Uuid) {
        let mut kinds: Vec<u8> = self.evidence.iter().map(|e| rank(e.kind)).collect();
        kinds.dedup();
        let first = &self.members[0];
        (
            rank(self.strongest),
            std::cmp::Reverse(kinds.len()),
            first.last_name.clone(),
            first.first_name.clone(),
            first.id,
        )
    }
}

/// The kind's place in the order of strength (email first).
fn rank(kind: DedupeKind) -> u8 {
    match kind {
        DedupeKind::Email => 0,
        DedupeKind::LinkedIn => 1,
        DedupeKind::Phone => 2,
        DedupeKind::NameEmployer => 3,
        DedupeKind::NamePhone => 4,
    }
}

fn value_of(key: DedupeKey) -> String {
    match key {
        DedupeKey::Email(v)
        | DedupeKey::LinkedIn(v)
        | DedupeKey::Phone(v)
        | DedupeKey::NameAndEmployer(v)
        | DedupeKey::NameAndPhone(v) => v,
    }
}

/// A stored key's code (as read in a country) in 64 bits (DefaultHasher's keys are fixed: the
/// same in every pass). Two different keys colliding is about one in 10^12 at a million
/// candidates' keys.
pub(crate) fn hash(code: &str) -> u64 {
    let mut h = DefaultHasher::new();
    code.hash(&mut h);
    h.finish()
}

/// The keys more than one candidate has (by hash, sorted `hashed`), with their candidates in
/// row order; and how many were left out as crowded. A candidate with two stored keys that
/// read as one (a number stored national and international) counts once.
fn shared_keys(hashed: &[(u64, i64)]) -> (HashMap<u64, Vec<i64>>, u64) {
    let mut shared = HashMap::new();
    let mut crowded = 0;
    for run in hashed.chunk_by(|a, b| a.0 == b.0) {
        let mut members: Vec<i64> = run.iter().map(|(_, i)| *i).collect();
        members.dedup();
        match members.len() {
            1 => {}
            n if n > CROWDED => crowded += 1,
            _ => {
                shared.insert(run[0].0, members);
            }
        }
    }
    (shared, crowded)
}

/// Union-find over candidate indices: which candidates are linked through shared keys.
struct Sets {
    parent: Vec<u32>,
}

impl Sets {
    fn new(n: usize) -> Self {
        Sets { parent: (0..n as u32).collect() }
    }

    fn root(&self, mut i: u32) -> u32 {
        while self.parent[i as usize] != i {
            i = self.parent[i as usize];
        }
        i
    }

    fn join(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb) as usize] = ra.min(rb);
        }
    }

    /// The root, halving the path on the way (keeps later lookups short).
    fn find(&mut self, mut i: u32) -> u32 {
        while self.parent[i as usize] != i {
            let up = self.parent[self.parent[i as usize] as usize];
            self.parent[i as usize] = up;
            i = up;
        }
        i
    }
}

#[cfg(test)]
mod tests {
    use talentdesk_domain::candidate::{Profile, ProfileType};
    use talentdesk_domain::mutation::Mutation;
    use talentdesk_domain::user::{Role, User};

    use super::*;

    /// Many members are read in one pass over the candidates table, a few one by one: the
    /// same members either way, in order, and a row missing is an error, not a shorter list.
    #[test]
    fn members_read_one_by_one_or_in_one_pass_are_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("t.db")).unwrap();
        let admin = User {
            id: Uuid::from_u128(1),
            email: "rita@acme.test".into(),
            name: "Rita".into(),
            role: Role::RecruiterAdmin,
            ats_id: None,
        };
        store.put_user(&admin).unwrap();
        for i in 0..6 {
            let profile = Profile { first_name: format!("Ana{i}"), last_name: "Souza".into(), ..Profile::default() };
            let m = Mutation::CandidateCreate {
                candidate_id: talentdesk_domain::new_id(),
                profile,
                profile_type: ProfileType::Applicant,
            };
            store.apply(&admin, m).unwrap();
        }
        let cands: Vec<i64> = store
            .conn()
            .prepare("SELECT cand FROM candidates ORDER BY cand")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let some = [cands[1], cands[2], cands[4]];
        let read = |at_most| {
            let mut out = Vec::new();
            members_read(store.conn(), &some, at_most, |i, m| out.push((i, m.first_name))).map(|()| out)
        };
        let expected = vec![(0, "Ana1".to_owned()), (1, "Ana2".to_owned()), (2, "Ana4".to_owned())];
        assert_eq!(read(10).unwrap(), expected);
        assert_eq!(read(0).unwrap(), expected);
        let missing = [cands[1], cands[5] + 1];
        assert!(members_read(store.conn(), &missing, 0, |_, _| {}).is_err());
        assert!(members_read(store.conn(), &missing, 10, |_, _| {}).is_err());
    }
}
