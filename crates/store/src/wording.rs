//! Rejections name candidates by id (the domain's `NamedCandidate`, `candidate_ref` in English reasons), because the reason is
//! stored with the mutation's outcome on the server and may travel further. For this
//! desktop's own user the name is put back when the candidate is here, at the moment the
//! reason is shown, never in what is stored.

use rusqlite::Connection;
use talentdesk_domain::DomainError;
use talentdesk_domain::error::NamedCandidate;
use uuid::Uuid;

use crate::StoreError;
use crate::tables::candidates;

const PREFIX: &str = "candidate ";
const UUID_LEN: usize = 36;

/// The error with each candidate it names by id named by name, where the candidate is here:
/// a [`NamedCandidate`] gets its name, and an English reason (a rule without a kind of its
/// own, or one stored by an older version) has "candidate <id>" replaced.
pub(crate) fn with_names(conn: &Connection, error: DomainError) -> Result<DomainError, StoreError> {
    Ok(match error {
        DomainError::Invalid { field, reason } => DomainError::Invalid { field, reason: named(conn, &reason)? },
        DomainError::Forbidden { reason } => DomainError::Forbidden { reason: named(conn, &reason)? },
        DomainError::NoAddress { candidate, email } => {
            DomainError::NoAddress { candidate: name(conn, candidate)?, email }
        }
        DomainError::Deactivated { candidate } => DomainError::Deactivated { candidate: name(conn, candidate)? },
        other => other,
    })
}

fn name(conn: &Connection, candidate: NamedCandidate) -> Result<NamedCandidate, StoreError> {
    Ok(NamedCandidate { name: name_of(conn, candidate.id)?, ..candidate })
}

fn named(conn: &Connection, reason: &str) -> Result<String, StoreError> {
    let mut out = String::with_capacity(reason.len());
    let mut rest = reason;
    while let Some(at) = rest.find(PREFIX) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let id = from.get(PREFIX.len()..PREFIX.len() + UUID_LEN).and_then(|text| text.parse::<Uuid>().ok());
        match id.map(|id| name_of(conn, id)).transpose()?.flatten() {
            Some(name) => {
                out.push_str(&name);
                rest = &from[PREFIX.len() + UUID_LEN..];
            }
            None => {
                out.push_str(PREFIX);
                rest = &from[PREFIX.len()..];
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn name_of(conn: &Connection, id: Uuid) -> Result<Option<String>, StoreError> {
    let Some(cand) = candidates::find(conn, id)? else { return Ok(None) };
    let name = candidates::get(conn, cand)?.profile.full_name();
    Ok((!name.is_empty()).then_some(name))
}
