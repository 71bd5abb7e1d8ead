//! Who the people of a queue of resumes may already be: each resume's profile keyed by the
//! domain's dedupe rules (email, LinkedIn, phone, name with employer or phone) and looked up
//! in the candidates' stored keys, and compared with the queue's earlier resumes.
//!
//! Here, beside the spreadsheet import's deduplication, because both answer the same question
//! for many people at once with the same keys; the resume crate reads files and knows no
//! database.

use std::collections::HashMap;

use serde::Serialize;
use talentdesk_domain::candidate::Profile;
use talentdesk_domain::dedupe::{self, DedupeKey, DedupeKind};
use talentdesk_store::{Store, StoreError};
use ts_rs::TS;
use uuid::Uuid;

/// The most candidates offered for one resume (the strongest evidence first).
pub const MAX_MATCHES: usize = 5;

/// A candidate a resume may be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "ResumeDuplicate")]
pub struct Match {
    pub candidate_id: Uuid,
    pub name: String,
    pub email: Option<String>,
    pub employer: String,
    pub evidence: DedupeKind,
}

/// What is known of one resume's person before it is filed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "ResumeMatches")]
pub struct Matches {
    /// Candidates in the database, strongest evidence first.
    pub stored: Vec<Match>,
    /// An earlier resume of the queue that is the same person (its index), and why.
    pub earlier: Option<(u32, DedupeKind)>,
}

/// For each profile (None: a resume that gave none), its likely duplicates. `country` is the
/// calling code national phone numbers are read in (see [`dedupe::keys`]).
pub fn matches(store: &Store, profiles: &[Option<Profile>], country: Option<&str>) -> Result<Vec<Matches>, StoreError> {
    let keys: Vec<Vec<DedupeKey>> =
        profiles.iter().map(|p| p.as_ref().map(|p| dedupe::keys(p, country)).unwrap_or_default()).collect();
    let mut wanted: HashMap<&DedupeKey, Vec<usize>> = HashMap::new();
    let mut out: Vec<Matches> = profiles.iter().map(|_| Matches::default()).collect();
    for (i, row) in keys.iter().enumerate() {
        for key in row {
            let seen = wanted.entry(key).or_default();
            if let (Some(&first), None) = (seen.first(), &out[i].earlier) {
                out[i].earlier = Some((first as u32, key.kind()));
            }
            seen.push(i);
        }
    }
    if wanted.is_empty() {
        return Ok(out);
    }
    // Point lookups in the stored keys, candidates in the order they were added.
    let asked: Vec<DedupeKey> = wanted.keys().map(|k| (*k).clone()).collect();
    let mut read: HashMap<Uuid, Profile> = HashMap::new();
    for (k, id) in store.holders(&asked, country)? {
        let profile = match read.entry(id) {
            std::collections::hash_map::Entry::Occupied(known) => known.into_mut(),
            std::collections::hash_map::Entry::Vacant(new) => new.insert(store.stored_profile(id)?),
        };
        for &i in &wanted[&asked[k]] {
            offer(&mut out[i].stored, id, profile, asked[k].kind());
        }
    }
    for m in &mut out {
        m.stored.sort_by_key(|d| strength(d.evidence));
        m.stored.truncate(MAX_MATCHES);
    }
    Ok(out)
}

/// Adds the candidate to a resume's matches, once, with the strongest evidence found.
fn offer(found: &mut Vec<Match>, id: Uuid, profile: &Profile, evidence: DedupeKind) {
    if let Some(known) = found.iter_mut().find(|m| m.candidate_id == id) {
        if strength(evidence) < strength(known.evidence) {
            known.evidence = evidence;
        }
        return;
    }
    found.push(Match {
        candidate_id: id,
        name: format!("{} {}", profile.first_name, profile.last_name).trim().to_owned(),
        email: profile.email.clone(),
        employer: profile.current_employer.clone(),
        evidence,
    });
}

/// Evidence kinds in their order of strength (the domain lists them strongest first).
fn strength(kind: DedupeKind) -> u8 {
    kind as u8
}
