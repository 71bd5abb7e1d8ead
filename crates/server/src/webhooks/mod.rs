//! Outbound webhooks (issue 22 item 5): an admin points a URL at the events they want
//! (candidate created, updated, deleted; a workflow status reached in a pipeline; an
//! application's hiring status; hired; a check-in; a note), optionally only one pipeline's or
//! one status's, and the server POSTs each event as signed JSON.
//!
//! - [`events`]: which events an applied mutation makes, written to the outbox in the push's
//!   own transaction ([`Outbox::add`], called by `push::take` for each mutation it applies).
//! - [`delivery`]: the worker that sends them, retries with backoff, turns a webhook off that
//!   failed for a day and emails the admins.
//! - [`guard`]: no webhook reaches this machine or a private network (unless allowed).
//! - [`signature`]: `Talentdesk-Signature`, HMAC-SHA256 over the time and the body.
//! - [`routes`]: the admins' REST API; [`store`]: the tables.

pub mod delivery;
mod events;
mod guard;
pub mod routes;
mod signature;
mod store;

/// The channel an event's commit wakes the delivery workers on.
pub use events::CHANNEL;

use sqlx::PgConnection;
use talentdesk_sync::wire::{PushOutcome, Pushed, PushedMutation};
use uuid::Uuid;

use crate::ServerError;

/// The webhook events of one push transaction, written to its outbox as each mutation is
/// applied: an event carries the records as that mutation left them (a candidate added to a
/// pipeline and moved on in the same push makes two events, each with its own status).
pub struct Outbox {
    org: Uuid,
    /// The org's enabled webhooks, read at the first applied mutation.
    hooks: Option<Vec<store::Listening>>,
}

impl Outbox {
    pub fn of(org: Uuid) -> Self {
        Self { org, hooks: None }
    }

    /// The events of `pushed` if it was applied, in the transaction that applied it. Costs one
    /// indexed query a transaction when no enabled webhook listens.
    pub async fn add(
        &mut self,
        conn: &mut PgConnection,
        pushed: &PushedMutation,
        outcome: &PushOutcome,
    ) -> Result<(), ServerError> {
        let (Pushed::Known(mutation), PushOutcome::Applied { .. }) = (&pushed.mutation, outcome) else {
            return Ok(());
        };
        if self.hooks.is_none() {
            self.hooks = Some(store::listening(&mut *conn, self.org).await?);
        }
        match self.hooks.as_deref() {
            Some(hooks) if !hooks.is_empty() => events::enqueue(conn, self.org, hooks, mutation).await,
            _ => Ok(()),
        }
    }
}

/// What an erasure removes here: the candidates' data from events, and what waits for them.
pub async fn forget_candidates(conn: &mut PgConnection, org: Uuid, candidates: &[Uuid]) -> sqlx::Result<()> {
    store::forget_candidates(conn, org, candidates).await
}
