//! Records as the server sends them, read from and written to the local tables. A record is
//! one (kind, id) with its JSON (see `talentdesk_domain::record`); a candidate's is the
//! aggregate, spread here over `candidates`, `engagements`, `candidate_tags` and the
//! membership tables.

use rusqlite::Connection;
use talentdesk_domain::DomainError;
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_domain::document::Document;
use talentdesk_domain::event::Event;
use talentdesk_domain::history::HistoryEntry;
use talentdesk_domain::job::Job;
use talentdesk_domain::message::Message;
use talentdesk_domain::note::Note;
use talentdesk_domain::pipeline::Pipeline;
use talentdesk_domain::record::{RecordKind, SettingEntry, TagEntry};
use talentdesk_domain::saved_search::SavedSearch;
use talentdesk_domain::settings::CustomFieldDef;
use talentdesk_domain::user::User;
use uuid::Uuid;

use crate::StoreError;
use crate::codec::uuid;
use crate::erasure;
use crate::replica::early;
use crate::tables::{
    candidates, documents, engagements, events, history, jobs, messages, notes, pipelines, saved_searches, settings,
    tags, users,
};

/// The order in which a batch of upserts is written: what others refer to comes first
/// (deletions go in the reverse order).
pub(crate) const WRITE_ORDER: [RecordKind; 13] = [
    RecordKind::User,
    RecordKind::Tag,
    RecordKind::CustomField,
    RecordKind::Setting,
    RecordKind::Pipeline,
    RecordKind::Event,
    RecordKind::Job,
    RecordKind::Candidate,
    RecordKind::Note,
    RecordKind::Message,
    RecordKind::Document,
    RecordKind::History,
    RecordKind::SavedSearch,
];

pub(crate) fn write_rank(kind: RecordKind) -> usize {
    WRITE_ORDER.iter().position(|k| *k == kind).unwrap_or(WRITE_ORDER.len())
}

/// The record's JSON as the server would send it, or `None` when it is not here.
pub(crate) fn read(conn: &Connection, kind: RecordKind, id: &str) -> Result<Option<String>, StoreError> {
    let json = match kind {
        RecordKind::Candidate => match candidates::find(conn, key(id)?)? {
            Some(cand) => Some(serde_json::to_string(&aggregate(conn, cand)?)?),
            None => None,
        },
        RecordKind::Note => found(notes::get(conn, key(id)?))?.map(|n| serde_json::to_string(&n)).transpose()?,
        RecordKind::Message => message(conn, id)?.map(|m| serde_json::to_string(&m)).transpose()?,
        RecordKind::Document => document(conn, key(id)?)?.map(|d| serde_json::to_string(&d)).transpose()?,
        RecordKind::History => history_entry(conn, history_key(id)?)?.map(|h| serde_json::to_string(&h)).transpose()?,
        RecordKind::Pipeline => {
            found(pipelines::get(conn, key(id)?))?.map(|p| serde_json::to_string(&p)).transpose()?
        }
        RecordKind::Event => found(events::get(conn, key(id)?))?.map(|e| serde_json::to_string(&e)).transpose()?,
        RecordKind::Job => found(jobs::get(conn, key(id)?))?.map(|j| serde_json::to_string(&j)).transpose()?,
        RecordKind::Tag => tags::find_listed(conn, id)?
            .map(|(_, listed)| serde_json::to_string(&TagEntry { name: id.to_owned(), listed }))
            .transpose()?,
        RecordKind::CustomField => settings::custom_fields(conn)?
            .into_iter()
            .find(|f| f.key == id)
            .map(|f| serde_json::to_string(&f))
            .transpose()?,
        RecordKind::Setting => settings::raw(conn, id)?
            .map(|value| {
                serde_json::to_string(&SettingEntry { key: id.to_owned(), value: serde_json::from_str(&value)? })
            })
            .transpose()?,
        RecordKind::User => users::by_id(conn, id)?.map(|u| serde_json::to_string(&u)).transpose()?,
        RecordKind::SavedSearch => saved_searches::raw(conn, id)?,
    };
    Ok(json)
}

/// Writes the record over whatever is here. Returns the candidate row it changed, if any.
/// A record that refers to a candidate (or a list) this client does not hold yet waits for it
/// (see [`early`]).
pub(crate) fn write(conn: &Connection, kind: RecordKind, id: &str, data: &str) -> Result<Option<i64>, StoreError> {
    let attach = |candidate_id: Uuid, write: &dyn Fn(i64) -> Result<(), StoreError>| {
        attached(conn, kind, id, data, candidate_id, write)
    };
    Ok(match kind {
        RecordKind::Candidate => Some(write_candidate(conn, &serde_json::from_str(data)?, data)?),
        RecordKind::Note => {
            let note: Note = serde_json::from_str(data)?;
            attach(note.candidate_id, &|cand| notes::insert(conn, &note, cand))?
        }
        RecordKind::Message => {
            let m: Message = serde_json::from_str(data)?;
            attach(m.candidate_id, &|cand| messages::insert(conn, &m, cand))?
        }
        RecordKind::Document => {
            let d: Document = serde_json::from_str(data)?;
            attach(d.candidate_id, &|cand| documents::insert(conn, &d, cand))?
        }
        RecordKind::History => {
            let h: HistoryEntry = serde_json::from_str(data)?;
            attach(h.candidate_id, &|cand| history::put(conn, &h, cand))?
        }
        RecordKind::Pipeline => none(pipelines::put(conn, &serde_json::from_str::<Pipeline>(data)?))?,
        RecordKind::Event => none(events::put(conn, &serde_json::from_str::<Event>(data)?))?,
        RecordKind::Job => none(jobs::put(conn, &serde_json::from_str::<Job>(data)?))?,
        RecordKind::Tag => {
            let entry: TagEntry = serde_json::from_str(data)?;
            none(tags::set_listed(conn, tags::ensure(conn, &entry.name)?, entry.listed))?
        }
        RecordKind::CustomField => {
            none(settings::put_custom_field(conn, &serde_json::from_str::<CustomFieldDef>(data)?))?
        }
        RecordKind::Setting => {
            let entry: SettingEntry = serde_json::from_str(data)?;
            none(settings::put(conn, &entry.key, &entry.value))?
        }
        RecordKind::User => none(users::put(conn, &serde_json::from_str::<User>(data)?))?,
        RecordKind::SavedSearch => none(saved_searches::put(conn, &serde_json::from_str::<SavedSearch>(data)?))?,
    })
}

/// Removes the record (a tombstone: deleted, or no longer visible to this user). Returns the
/// candidate row it changed, if any.
pub(crate) fn remove(conn: &Connection, kind: RecordKind, id: &str) -> Result<Option<i64>, StoreError> {
    early::forget(conn, kind, id)?;
    if kind == RecordKind::Candidate {
        early::forget_attached(conn, id)?;
    }
    Ok(match kind {
        RecordKind::Candidate => erasure::removed_on_server(conn, key(id)?)?,
        RecordKind::Note => none(notes::delete(conn, key(id)?))?,
        RecordKind::Message => {
            let (send_id, candidate_id) = message_key(id)?;
            none(messages::delete(conn, send_id, candidate_id))?
        }
        RecordKind::Document => match document(conn, key(id)?)? {
            Some(_) => Some(documents::delete(conn, key(id)?)?),
            None => None,
        },
        RecordKind::History => none(history::delete(conn, history_key(id)?))?,
        RecordKind::Pipeline => none(pipelines::delete(conn, key(id)?))?,
        RecordKind::Event => none(events::delete(conn, key(id)?))?,
        RecordKind::Job => none(jobs::delete(conn, key(id)?))?,
        RecordKind::Tag => match tags::find(conn, id)? {
            Some(tag) => none(tags::delete(conn, tag))?,
            None => None,
        },
        RecordKind::CustomField => none(settings::delete_custom_field(conn, id).map(|_| ()))?,
        RecordKind::Setting => none(settings::delete(conn, id))?,
        RecordKind::User => none(users::delete(conn, id))?,
        RecordKind::SavedSearch => none(saved_searches::delete(conn, id))?,
    })
}

/// The ids of every record of `kind` here.
pub(crate) fn ids(conn: &Connection, kind: RecordKind) -> Result<Vec<String>, StoreError> {
    let sql = match kind {
        RecordKind::Candidate => "SELECT id FROM candidates",
        RecordKind::Note => "SELECT id FROM notes",
        RecordKind::Message => "SELECT m.send_id || ':' || c.id FROM messages m JOIN candidates c ON c.cand = m.cand",
        RecordKind::Document => "SELECT id FROM documents",
        RecordKind::History => "SELECT CAST(id AS TEXT) FROM history WHERE id > 0",
        RecordKind::Pipeline => "SELECT id FROM pipelines",
        RecordKind::Event => "SELECT id FROM events",
        RecordKind::Job => "SELECT id FROM jobs",
        RecordKind::Tag => "SELECT name FROM tags",
        RecordKind::CustomField => "SELECT key FROM custom_fields",
        RecordKind::Setting => "SELECT key FROM settings",
        RecordKind::User => "SELECT id FROM users",
        RecordKind::SavedSearch => return saved_searches::ids(conn),
    };
    let mut stmt = conn.prepare(sql)?;
    Ok(stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?)
}

/// A candidate with everything that syncs with them, as the server holds it.
pub(crate) fn aggregate(conn: &Connection, cand: i64) -> Result<CandidateAggregate, StoreError> {
    let candidate = candidates::get(conn, cand)?;
    let applications = jobs::of(conn, cand, candidate.id)?;
    Ok(CandidateAggregate {
        candidate,
        engagement_times: engagements::of(conn, cand)?.into_iter().collect(),
        tags: tags::of(conn, cand)?.into_iter().collect(),
        pipelines: pipelines::of(conn, cand)?,
        events: events::of(conn, cand)?,
        applications,
        erasure_request: crate::tables::erasure_requests::of(conn, cand)?,
    })
}

/// Writes a candidate and what hangs off them over the local copy, keeping the local row
/// number (notes, messages and documents refer to it). Memberships of pipelines, events or
/// jobs this client does not hold yet are left out for now, and the candidate waits to be
/// written again when they come (`data`, the record as pulled, is what waits).
fn write_candidate(conn: &Connection, a: &CandidateAggregate, data: &str) -> Result<i64, StoreError> {
    let id = a.id().to_string();
    early::forget(conn, RecordKind::Candidate, &id)?;
    if !early::lists_here(conn, a)? {
        early::wait_for_lists(conn, a.id(), data)?;
    }
    match candidates::find(conn, a.id())? {
        Some(cand) => {
            overwrite_aggregate(conn, cand, a)?;
            Ok(cand)
        }
        None => {
            let cand = candidates::insert(conn, &a.candidate, None)?;
            candidates::index(conn, &[cand])?;
            write_parts(conn, cand, a)?;
            Ok(cand)
        }
    }
}

/// Writes the aggregate over the candidate at `cand` (their row number, and so what is
/// attached to them, stays).
pub(crate) fn overwrite_aggregate(conn: &Connection, cand: i64, a: &CandidateAggregate) -> Result<(), StoreError> {
    candidates::overwrite(conn, cand, &a.candidate)?;
    engagements::clear_of(conn, cand)?;
    tags::clear_of(conn, cand)?;
    pipelines::clear_of(conn, cand)?;
    events::clear_of(conn, cand)?;
    jobs::clear_of(conn, cand)?;
    write_parts(conn, cand, a)
}

/// The aggregate's engagements, tags, memberships and applications, for a candidate who has
/// none stored: those of lists this client does not hold are left out (see [`write_candidate`]).
fn write_parts(conn: &Connection, cand: i64, a: &CandidateAggregate) -> Result<(), StoreError> {
    engagements::insert_of(conn, cand, &a.engagement_times)?;
    crate::tables::erasure_requests::put(conn, cand, a.erasure_request.as_ref())?;
    for name in &a.tags {
        tags::add(conn, tags::ensure(conn, name)?, &[cand])?;
    }
    let known = |exists: Result<bool, StoreError>| exists.unwrap_or(false);
    let in_pipelines: Vec<_> =
        a.pipelines.iter().filter(|m| known(pipelines::exists(conn, m.pipeline_id))).cloned().collect();
    pipelines::insert_of(conn, cand, &in_pipelines)?;
    let at_events: Vec<_> = a.events.iter().filter(|m| known(events::exists(conn, m.event_id))).cloned().collect();
    events::insert_of(conn, cand, a.id(), &at_events)?;
    let applications: Vec<_> =
        a.applications.iter().filter(|app| known(jobs::exists(conn, app.job_id))).cloned().collect();
    jobs::insert_of(conn, cand, &applications)
}

/// Runs `write` with the row of the candidate a record belongs to, if the candidate is here.
/// Writes a record attached to a candidate, or keeps it waiting for them.
fn attached(
    conn: &Connection,
    kind: RecordKind,
    id: &str,
    data: &str,
    candidate_id: Uuid,
    write: &dyn Fn(i64) -> Result<(), StoreError>,
) -> Result<Option<i64>, StoreError> {
    match candidates::find(conn, candidate_id)? {
        Some(cand) => write(cand).map(|()| Some(cand)),
        None => early::wait_for_candidate(conn, kind, id, candidate_id, data).map(|()| None),
    }
}

fn none(result: Result<(), StoreError>) -> Result<Option<i64>, StoreError> {
    result.map(|()| None)
}

/// A read's value, with "not found" as `None`.
fn found<T>(result: Result<T, StoreError>) -> Result<Option<T>, StoreError> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(StoreError::Domain(DomainError::NotFound { .. })) => Ok(None),
        Err(e) => Err(e),
    }
}

fn key(id: &str) -> Result<Uuid, StoreError> {
    uuid(id)
}

fn history_key(id: &str) -> Result<i64, StoreError> {
    id.parse().map_err(|_| StoreError::Corrupt(format!("history entry id {id}")))
}

/// A message's id is `send_id:candidate_id` (one send reaches many candidates).
pub(crate) fn message_key(id: &str) -> Result<(Uuid, Uuid), StoreError> {
    let (send, candidate) = id.split_once(':').ok_or_else(|| StoreError::Corrupt(format!("message id {id}")))?;
    Ok((uuid(send)?, uuid(candidate)?))
}

fn message(conn: &Connection, id: &str) -> Result<Option<Message>, StoreError> {
    let (send_id, candidate_id) = message_key(id)?;
    let Some(cand) = candidates::find(conn, candidate_id)? else { return Ok(None) };
    Ok(messages::of(conn, cand, candidate_id)?.into_iter().find(|m| m.send_id == send_id))
}

fn document(conn: &Connection, id: Uuid) -> Result<Option<Document>, StoreError> {
    let Some(cand) = documents::cand_of(conn, id)? else { return Ok(None) };
    Ok(documents::of(conn, cand, candidates::id_of(conn, cand)?)?.into_iter().find(|d| d.id == id))
}

fn history_entry(conn: &Connection, id: i64) -> Result<Option<HistoryEntry>, StoreError> {
    let Some(cand) = history::cand_of(conn, id)? else { return Ok(None) };
    Ok(history::of(conn, cand, candidates::id_of(conn, cand)?)?.into_iter().find(|h| h.id == id))
}
