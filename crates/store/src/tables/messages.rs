//! Emails and texts sent to candidates.

use rusqlite::{Connection, params};
use talentdesk_domain::message::Message;
use uuid::Uuid;

use crate::StoreError;
use crate::codec::{from_name, millis, name_of, time, uuid};

pub(crate) fn insert(conn: &Connection, m: &Message, cand: i64) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO messages (send_id, cand, channel, kind, sender_id, campaign_id, job_id, subject, body,
             queued_at, sent_at, delivered_at, opened_at, clicked_at, bounced_at, check_in_code, failure)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        m.send_id.to_string(),
        cand,
        name_of(&m.channel),
        name_of(&m.kind),
        m.sender_id.to_string(),
        m.campaign_id.map(|u| u.to_string()),
        m.job_id.map(|u| u.to_string()),
        m.subject,
        m.body,
        millis(m.queued_at),
        m.sent_at.map(millis),
        m.delivered_at.map(millis),
        m.opened_at.map(millis),
        m.clicked_at.map(millis),
        m.bounced_at.map(millis),
        m.check_in_code,
        m.failure,
    ])?;
    Ok(())
}

/// A candidate's messages, newest first.
pub(crate) fn of(conn: &Connection, cand: i64, candidate_id: Uuid) -> Result<Vec<Message>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT send_id, channel, kind, sender_id, campaign_id, job_id, subject, body, queued_at, sent_at,
             delivered_at, opened_at, clicked_at, bounced_at, check_in_code, failure
         FROM messages WHERE cand = ?1 ORDER BY queued_at DESC",
    )?;
    let mut rows = stmt.query([cand])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let opt_id = |i: usize| -> Result<Option<Uuid>, StoreError> {
            r.get::<_, Option<String>>(i)?.as_deref().map(uuid).transpose()
        };
        let opt_time = |i: usize| -> rusqlite::Result<_> { Ok(r.get::<_, Option<i64>>(i)?.map(time)) };
        out.push(Message {
            send_id: uuid(&r.get::<_, String>(0)?)?,
            candidate_id,
            channel: from_name(&r.get::<_, String>(1)?)?,
            kind: from_name(&r.get::<_, String>(2)?)?,
            sender_id: uuid(&r.get::<_, String>(3)?)?,
            campaign_id: opt_id(4)?,
            job_id: opt_id(5)?,
            subject: r.get(6)?,
            body: r.get(7)?,
            queued_at: time(r.get(8)?),
            sent_at: opt_time(9)?,
            delivered_at: opt_time(10)?,
            opened_at: opt_time(11)?,
            clicked_at: opt_time(12)?,
            bounced_at: opt_time(13)?,
            check_in_code: r.get(14)?,
            failure: r.get(15)?,
        });
    }
    Ok(out)
}

pub(crate) fn send_exists(conn: &Connection, send_id: Uuid) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM messages WHERE send_id = ?1)")?
        .query_row([send_id.to_string()], |r| r.get(0))?)
}

pub(crate) fn delete(conn: &Connection, send_id: Uuid, candidate_id: Uuid) -> Result<(), StoreError> {
    conn.prepare_cached(
        "DELETE FROM messages WHERE send_id = ?1 AND cand = (SELECT cand FROM candidates WHERE id = ?2)",
    )?
    .execute([send_id.to_string(), candidate_id.to_string()])?;
    Ok(())
}
