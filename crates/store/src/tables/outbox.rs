//! Mutations applied locally and waiting for the server, in sequence order.

use rusqlite::{Connection, params};
use serde::Serialize;
use talentdesk_domain::Timestamp;
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
}

/// Appends `mutation` with this client's next sequence number and returns the number.
pub(crate) fn append(conn: &Connection, actor: &User, mutation: &Mutation, at: Timestamp) -> Result<i64, StoreError> {
    let seq = client_state::take_seq(conn)?;
    let wire = serde_json::to_value(mutation)?;
    conn.execute(
        "INSERT INTO outbox (seq, name, args, actor_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![seq, wire["name"].as_str(), wire["args"].to_string(), actor.id.to_string(), millis(at)],
    )?;
    Ok(seq)
}

/// Waiting mutations in sequence order, at most `limit` of them.
pub(crate) fn pending(conn: &Connection, limit: u32) -> Result<Vec<OutboxEntry>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT seq, name, args, actor_id, created_at FROM outbox ORDER BY seq LIMIT ?1")?;
    let rows = stmt
        .query_map([limit], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(seq, name, args, actor, at)| {
            let args: serde_json::Value = serde_json::from_str(&args)?;
            let mutation = serde_json::from_value(serde_json::json!({ "name": name, "args": args }))?;
            Ok(OutboxEntry { seq, mutation, actor_id: uuid(&actor)?, created_at: time(at) })
        })
        .collect()
}

pub(crate) fn count(conn: &Connection) -> Result<u64, StoreError> {
    Ok(conn.prepare_cached("SELECT count(*) FROM outbox")?.query_row([], |r| r.get(0))?)
}

/// Forgets the mutations the server has taken (sequence numbers up to `last_seq`).
pub(crate) fn drop_through(conn: &Connection, last_seq: i64) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM outbox WHERE seq <= ?1")?.execute([last_seq])?;
    Ok(())
}
