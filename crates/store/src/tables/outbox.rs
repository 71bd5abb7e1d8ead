//! Mutations applied locally and waiting for the server, in sequence order.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use talentdesk_domain::Timestamp;
use talentdesk_domain::erasure::Erasure;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::user::User;
use ts_rs::TS;
use uuid::Uuid;

use crate::StoreError;
use crate::codec::{millis, time, uuid};
use crate::tables::client_state;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct OutboxEntry {
    #[ts(type = "number")]
    pub seq: i64,
    pub mutation: Mutation,
    /// Who made the change (the user signed in then).
    pub actor_id: Uuid,
    pub created_at: Timestamp,
    /// The mutation's fingerprint as it was made ([`talentdesk_domain::mutation::digest`]).
    pub digest: String,
}

/// Appends `mutation` with this client's next sequence number and returns the number.
pub(crate) fn append(conn: &Connection, actor: &User, mutation: &Mutation, at: Timestamp) -> Result<i64, StoreError> {
    let seq = client_state::take_seq(conn)?;
    let wire = serde_json::to_value(mutation)?;
    let digest = talentdesk_domain::mutation::digest(mutation, at);
    conn.execute(
        "INSERT INTO outbox (seq, name, args, actor_id, created_at, digest) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![seq, wire["name"].as_str(), wire["args"].to_string(), actor.id.to_string(), millis(at), digest],
    )?;
    Ok(seq)
}

/// Waiting mutations in sequence order, at most `limit` of them.
pub(crate) fn pending(conn: &Connection, limit: u32) -> Result<Vec<OutboxEntry>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT seq, name, args, actor_id, created_at, digest FROM outbox ORDER BY seq LIMIT ?1")?;
    let rows = stmt.query_map([limit], Row::read)?.collect::<Result<Vec<_>, _>>()?;
    rows.into_iter().map(Row::decode).collect()
}

fn get(conn: &Connection, seq: i64) -> Result<OutboxEntry, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT seq, name, args, actor_id, created_at, digest FROM outbox WHERE seq = ?1")?;
    stmt.query_row([seq], Row::read)?.decode()
}

/// An outbox row as stored.
struct Row {
    seq: i64,
    name: String,
    args: String,
    actor_id: String,
    created_at: i64,
    digest: Option<String>,
}

impl Row {
    fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Ok(Row {
            seq: r.get(0)?,
            name: r.get(1)?,
            args: r.get(2)?,
            actor_id: r.get(3)?,
            created_at: r.get(4)?,
            digest: r.get(5)?,
        })
    }

    fn decode(self) -> Result<OutboxEntry, StoreError> {
        let args: serde_json::Value = serde_json::from_str(&self.args)?;
        let mutation = serde_json::from_value(serde_json::json!({ "name": self.name, "args": args }))?;
        let created_at = time(self.created_at);
        // Every row has one since migration 8 filled the older rows'.
        let digest = self.digest.unwrap_or_else(|| talentdesk_domain::mutation::digest(&mutation, created_at));
        Ok(OutboxEntry { seq: self.seq, mutation, actor_id: uuid(&self.actor_id)?, created_at, digest })
    }
}

/// Rewrites the waiting mutations that carry an erased candidate's data. Only entries whose
/// stored arguments mention one of the erased ids are read back.
pub(crate) fn redact(conn: &Connection, erasure: &Erasure) -> Result<(), StoreError> {
    let ids = std::iter::once(&erasure.candidate_id).chain(&erasure.notes).chain(&erasure.documents);
    let mut seqs = Vec::new();
    let mut mentioning = conn.prepare_cached("SELECT seq FROM outbox WHERE instr(args, ?1) > 0")?;
    for id in ids {
        seqs.extend(mentioning.query_map([id.to_string()], |r| r.get::<_, i64>(0))?.collect::<Result<Vec<_>, _>>()?);
    }
    seqs.sort_unstable();
    seqs.dedup();
    let mut replace = conn.prepare_cached("UPDATE outbox SET name = ?2, args = ?3 WHERE seq = ?1")?;
    for seq in seqs {
        let entry = get(conn, seq)?;
        if let Some(redacted) = erasure.redact(&entry.mutation) {
            let wire = serde_json::to_value(&redacted)?;
            replace.execute(params![seq, wire["name"].as_str(), wire["args"].to_string()])?;
        }
    }
    Ok(())
}

/// Gives the rows waiting from before digests theirs, once, as their arguments are now: an
/// erasure may rewrite the arguments later, and a retry must still carry the same digest.
pub(crate) fn fill_digests(conn: &Connection) -> Result<(), StoreError> {
    let rows = conn
        .prepare("SELECT seq, name, args, actor_id, created_at, digest FROM outbox WHERE digest IS NULL")?
        .query_map([], Row::read)?
        .collect::<Result<Vec<_>, _>>()?;
    let mut set = conn.prepare("UPDATE outbox SET digest = ?2 WHERE seq = ?1")?;
    for row in rows {
        let entry = row.decode()?;
        set.execute(params![entry.seq, entry.digest])?;
    }
    Ok(())
}

/// The lowest waiting sequence number, if any waits.
pub(crate) fn first_seq(conn: &Connection) -> Result<Option<i64>, StoreError> {
    Ok(conn.prepare_cached("SELECT min(seq) FROM outbox")?.query_row([], |r| r.get(0))?)
}

/// The waiting mutation with this number, if it still waits.
pub(crate) fn find(conn: &Connection, seq: i64) -> Result<Option<OutboxEntry>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT seq, name, args, actor_id, created_at, digest FROM outbox WHERE seq = ?1")?;
    stmt.query_row([seq], Row::read).optional()?.map(Row::decode).transpose()
}

pub(crate) fn count(conn: &Connection) -> Result<u64, StoreError> {
    Ok(conn.prepare_cached("SELECT count(*) FROM outbox")?.query_row([], |r| r.get(0))?)
}

/// Forgets the mutations the server has taken (sequence numbers up to `last_seq`).
pub(crate) fn drop_through(conn: &Connection, last_seq: i64) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM outbox WHERE seq <= ?1")?.execute([last_seq])?;
    Ok(())
}
