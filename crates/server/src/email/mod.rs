//! Email delivery: queued Email and Invite to Apply messages go out through an SMTP relay,
//! and their Sent, Delivered, Bounced, Opened and Clicked times come back to the message
//! record, which syncs to every desktop's Messages tab.

mod compose;
pub mod delivery;
pub mod notices;
pub mod tracking;

use talentdesk_domain::message::Message;
use talentdesk_sync::wire::RecordKind;
use uuid::Uuid;

use crate::ServerError;
use crate::db::orgs;
use crate::db::records::{self, Key};

/// Changes a message record under a new version, if it still exists and `change` changed it.
/// The org's counter is taken first, in the same order as a push, so the two never deadlock.
/// A change that would change nothing is found out before, without taking the counter: every
/// writer of the org waits for it, and a long push holds it until it commits.
pub async fn update_message(
    pool: &sqlx::PgPool,
    org: Uuid,
    id: &str,
    change: impl Fn(&mut Message) -> bool,
) -> Result<bool, ServerError> {
    if !would_change(pool, org, id, &change).await? {
        return Ok(false);
    }
    let mut tx = pool.begin().await?;
    let version = orgs::next_version(&mut tx, org).await?;
    let key = Key { kind: RecordKind::Message, id };
    let Some(mut message) = records::lock::<Message>(&mut tx, org, key).await? else {
        return Ok(false);
    };
    // Checked again under the lock: another request may have made the change meanwhile.
    if !change(&mut message) {
        return Ok(false);
    }
    records::replace_data(&mut tx, org, version, key, &message).await?;
    orgs::announce(&mut tx, org, version).await?;
    tx.commit().await?;
    Ok(true)
}

/// Whether `change` would change the message as it is now (read without any lock).
pub async fn would_change(
    pool: &sqlx::PgPool,
    org: Uuid,
    id: &str,
    change: impl Fn(&mut Message) -> bool,
) -> Result<bool, ServerError> {
    let mut conn = pool.acquire().await?;
    let key = Key { kind: RecordKind::Message, id };
    Ok(records::get::<Message>(&mut conn, org, key).await?.is_some_and(|mut message| change(&mut message)))
}
