//! Mutations applied locally and waiting for the server, in sequence order.

use rusqlite::{Connection, params};
use serde::Serialize;
use talentdesk_domain::Timestamp;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::user::User;
use ts_rs::TS;

use crate::StoreError;
use crate::codec::{millis, time};
use crate::tables::client_state;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct OutboxEntry {
    #[ts(type = "number")]
    pub seq: i64,
    pub mutation: Mutation,
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

pub(crate) fn pending(conn: &Connection) -> Result<Vec<OutboxEntry>, StoreError> {
    let mut stmt = conn.prepare("SELECT seq, name, args, created_at FROM outbox ORDER BY seq")?;
    let rows = stmt
        .query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(seq, name, args, at)| {
            let args: serde_json::Value = serde_json::from_str(&args)?;
            let mutation = serde_json::from_value(serde_json::json!({ "name": name, "args": args }))?;
            Ok(OutboxEntry { seq, mutation, created_at: time(at) })
        })
        .collect()
}
