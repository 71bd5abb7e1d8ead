//! The `sync_base` table: the server's copy of each record that waiting mutations changed
//! here. A rebase writes these back, then applies the waiting mutations again on top.

use rusqlite::{Connection, params};
use talentdesk_domain::record::RecordKind;

use crate::StoreError;
use crate::replica::records;
use crate::tables::{candidates, documents, history, messages, notes};

/// Keeps the server's copy of a record about to change here. Only the first change counts:
/// later ones start from what is already a local edit.
pub(crate) fn keep(conn: &Connection, kind: RecordKind, id: &str) -> Result<(), StoreError> {
    let kept = conn.prepare_cached("SELECT 1 FROM sync_base WHERE kind = ?1 AND id = ?2")?.exists([kind.code(), id])?;
    if !kept {
        let data = records::read(conn, kind, id)?;
        conn.prepare_cached("INSERT INTO sync_base (kind, id, data) VALUES (?1, ?2, ?3)")?.execute(params![
            kind.code(),
            id,
            data
        ])?;
    }
    Ok(())
}

/// Keeps a candidate's own record.
pub(crate) fn keep_candidate(conn: &Connection, cand: i64) -> Result<(), StoreError> {
    keep(conn, RecordKind::Candidate, &candidates::id_of(conn, cand)?.to_string())
}

/// Drops the kept copies of a candidate and of everything attached to them: an erased
/// candidate's data must not outlive them here. (Should the server refuse the deletion, the
/// candidate stays gone on this computer until the server sends them again.)
pub(crate) fn forget_candidate(conn: &Connection, cand: i64) -> Result<(), StoreError> {
    let id = candidates::id_of(conn, cand)?;
    let mut keys = vec![(RecordKind::Candidate, id.to_string())];
    keys.extend(notes::of(conn, cand)?.into_iter().map(|n| (RecordKind::Note, n.id.to_string())));
    keys.extend(
        messages::of(conn, cand, id)?.into_iter().map(|m| (RecordKind::Message, format!("{}:{id}", m.send_id))),
    );
    keys.extend(documents::of(conn, cand, id)?.into_iter().map(|d| (RecordKind::Document, d.id.to_string())));
    keys.extend(history::server_ids_of(conn, cand)?.into_iter().map(|h| (RecordKind::History, h.to_string())));
    let mut forget = conn.prepare_cached("DELETE FROM sync_base WHERE kind = ?1 AND id = ?2")?;
    for (kind, key) in keys {
        forget.execute(params![kind.code(), key])?;
    }
    Ok(())
}

/// A pulled record: when a copy is kept for it, the copy takes the new server state (and the
/// local tables wait for the rebase). Returns whether it did.
pub(crate) fn refresh(conn: &Connection, kind: RecordKind, id: &str, data: Option<&str>) -> Result<bool, StoreError> {
    let changed = conn
        .prepare_cached("UPDATE sync_base SET data = ?3 WHERE kind = ?1 AND id = ?2")?
        .execute(params![kind.code(), id, data])?;
    Ok(changed > 0)
}

/// Every kept copy, removed from the table.
pub(crate) fn take(conn: &Connection) -> Result<Vec<(RecordKind, String, Option<String>)>, StoreError> {
    let rows: Vec<(String, String, Option<String>)> = conn
        .prepare_cached("SELECT kind, id, data FROM sync_base")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    conn.prepare_cached("DELETE FROM sync_base")?.execute([])?;
    rows.into_iter()
        .map(|(kind, id, data)| {
            let kind = RecordKind::parse(&kind).ok_or_else(|| StoreError::Corrupt(format!("record kind {kind}")))?;
            Ok((kind, id, data))
        })
        .collect()
}
