//! The Duplicates page's finder: every candidate compared with every other by their dedupe
//! keys (crates/domain/src/dedupe.rs), grouped by the union of the keys they share.
//!
//! A million candidates in seconds: the first pass keeps a 64-bit hash of each key, not its
//! text; equal hashes are found by sorting. Only the candidates that turn out to share a key
//! are read a second time, for the keys' text and what the page shows of them.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use serde::Serialize;
use talentdesk_domain::candidate::Profile;
use talentdesk_domain::dedupe::{self, DedupeKey, DedupeKind};
use ts_rs::TS;
use uuid::Uuid;

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
    /// ("351") national phone numbers are read in (see [`dedupe::phone_key`]).
    pub fn find_duplicates(&self, country: Option<&str>) -> Result<Duplicates, StoreError> {
        let Hashed { ids, mut keys, linkedin } = self.hashed_keys(country)?;
        keys.sort_unstable();
        let (shared, crowded_keys) = shared_keys(&keys);
        drop(keys);
        let mut sets = Sets::new(ids.len());
        for members in shared.values() {
            for m in &members[1..] {
                sets.join(members[0], *m);
            }
        }
        let index_of: HashMap<Uuid, u32> = shared.values().flatten().map(|&i| (ids[i as usize], i)).collect();
        // The shared keys' text: LinkedIn's from the first pass (links live in the details),
        // the others from the second, which reads the candidates table alone.
        let mut values: HashMap<u64, (DedupeKind, String)> = linkedin
            .into_iter()
            .filter(|(h, _)| shared.contains_key(h))
            .map(|(h, slug)| (h, (DedupeKind::LinkedIn, slug)))
            .collect();
        let mut groups: HashMap<u32, DuplicateGroup> = HashMap::new();
        self.contact_fields(|id, profile| {
            let Some(&index) = index_of.get(&id) else { return };
            for key in dedupe::keys(&profile, country) {
                let h = hash(&key);
                if shared.contains_key(&h) {
                    values.entry(h).or_insert_with(|| (key.kind(), value_of(key)));
                }
            }
            groups.entry(sets.root(index)).or_insert_with(DuplicateGroup::empty).members.push(member(id, profile));
        })?;
        for (h, members) in &shared {
            let (Some((kind, value)), Some(group)) = (values.get(h), groups.get_mut(&sets.root(members[0]))) else {
                continue;
            };
            let members = members.iter().map(|&i| ids[i as usize]).collect();
            group.evidence.push(Evidence { kind: *kind, value: value.clone(), members });
        }
        let mut groups: Vec<DuplicateGroup> = groups.into_values().map(DuplicateGroup::settled).collect();
        groups.sort_by_cached_key(DuplicateGroup::rank);
        Ok(Duplicates { groups, crowded_keys })
    }

    /// Every candidate's keys as hashes with the candidate's index in `ids`. SQLite reads on
    /// this thread while another computes the keys (the two take about as long).
    pub(crate) fn hashed_keys(&self, country: Option<&str>) -> Result<Hashed, StoreError> {
        const BATCH: usize = 4096;
        let (send, receive) = std::sync::mpsc::sync_channel::<(u32, Vec<Profile>)>(4);
        std::thread::scope(|scope| {
            let worker = scope.spawn(move || {
                let (mut keys, mut linkedin) = (Vec::new(), HashMap::new());
                for (first, batch) in receive {
                    for (i, profile) in batch.iter().enumerate() {
                        for key in dedupe::keys(profile, country) {
                            let h = hash(&key);
                            if let DedupeKey::LinkedIn(slug) = key {
                                linkedin.entry(h).or_insert(slug);
                            }
                            keys.push((h, first + i as u32));
                        }
                    }
                }
                (keys, linkedin)
            });
            let mut ids = Vec::new();
            let mut batch = Vec::with_capacity(BATCH);
            let read = self.identities(|id, profile| {
                ids.push(id);
                batch.push(profile);
                if batch.len() == BATCH {
                    let first = (ids.len() - BATCH) as u32;
                    // The worker only stops early by panicking, which the join below reports.
                    let _ = send.send((first, std::mem::replace(&mut batch, Vec::with_capacity(BATCH))));
                }
            });
            let _ = send.send(((ids.len() - batch.len()) as u32, batch));
            drop(send);
            let (keys, linkedin) = worker.join().expect("computing dedupe keys panicked");
            read.map(|()| Hashed { ids, keys, linkedin })
        })
    }

    /// Each candidate's id, name, email, phone and employer, from the candidates table alone.
    fn contact_fields(&self, mut each: impl FnMut(Uuid, Profile)) -> Result<(), StoreError> {
        let mut stmt =
            self.conn().prepare("SELECT id, first_name, last_name, email, phone, current_employer FROM candidates")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let profile = Profile {
                first_name: r.get(1)?,
                last_name: r.get(2)?,
                email: r.get(3)?,
                phone: r.get(4)?,
                current_employer: r.get(5)?,
                ..Profile::default()
            };
            each(crate::codec::uuid(&r.get::<_, String>(0)?)?, profile);
        }
        Ok(())
    }
}

/// The first pass: candidates by index, their keys' hashes, and LinkedIn keys' text by hash.
pub(crate) struct Hashed {
    pub(crate) ids: Vec<Uuid>,
    pub(crate) keys: Vec<(u64, u32)>,
    linkedin: HashMap<u64, String>,
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

fn member(id: Uuid, p: Profile) -> DuplicateMember {
    DuplicateMember {
        id,
        first_name: p.first_name,
        last_name: p.last_name,
        email: p.email,
        phone: p.phone,
        current_employer: p.current_employer,
    }
}

/// The key's kind and text in 64 bits (DefaultHasher's keys are fixed: the same in both passes).
/// Two different keys colliding is about one in 10^12 at a million candidates' keys.
pub(crate) fn hash(key: &DedupeKey) -> u64 {
    let mut h = DefaultHasher::new();
    key.hash(&mut h);
    h.finish()
}

/// The keys more than one candidate has (by hash, sorted `hashed`), with their candidates; and
/// how many were left out as crowded. A candidate listing one key twice counts once.
fn shared_keys(hashed: &[(u64, u32)]) -> (HashMap<u64, Vec<u32>>, u64) {
    let mut shared = HashMap::new();
    let mut crowded = 0;
    for run in hashed.chunk_by(|a, b| a.0 == b.0) {
        let mut members: Vec<u32> = run.iter().map(|(_, i)| *i).collect();
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
