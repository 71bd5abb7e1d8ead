//! What erasing candidates removes besides their records (which go as tombstones): every
//! trace of them the server kept about its own work. Runs in the deleting transaction, before
//! the records go (their values are what it looks for):
//! - stored outcomes: rejections that name them are rewritten (and conflicts about them lose
//!   their values), so a replay still gets its answer, without the person in it;
//! - their data in webhook events, and the deliveries still waiting for them;
//! - the delivery state of their emails (a relay's error quotes the address);
//! - their emails' tracking, so the links and the pixel lead nowhere;
//! - their documents' bytes: the deleted documents release them, and they are removed right
//!   after the commit when nothing else refers to them (`blobs::sweep`).

use sqlx::PgConnection;
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_domain::erasure::Mentions;
use talentdesk_domain::history::HistoryEntry;
use talentdesk_sync::wire::{PushOutcome, RecordKind};
use uuid::Uuid;

use crate::ServerError;
use crate::db::{deliveries, mutations, records, tracking};

pub async fn erase_traces(conn: &mut PgConnection, org: Uuid, candidates: &[Uuid]) -> Result<(), ServerError> {
    let mentions = mentions_of(conn, org, candidates).await?;
    for stored in mutations::rejections_mentioning(conn, org, mentions.telling()).await? {
        if let PushOutcome::Rejected { reason } = &stored.outcome
            && let Some(reason) = mentions.redact_error(reason)
        {
            mutations::set_outcome(conn, stored.client, stored.seq, &PushOutcome::Rejected { reason }).await?;
        }
    }
    // Their messages first: a delivery under way then finishes before, or finds them gone.
    records::lock_of_candidates(conn, org, RecordKind::Message, candidates).await?;
    deliveries::forget_candidates(conn, org, candidates).await?;
    tracking::forget_candidates(conn, org, candidates).await?;
    crate::webhooks::forget_candidates(conn, org, candidates).await?;
    Ok(())
}

/// How texts may name the candidates: their profiles now and every value their history had.
async fn mentions_of(conn: &mut PgConnection, org: Uuid, candidates: &[Uuid]) -> Result<Mentions, ServerError> {
    let keys: Vec<String> = candidates.iter().map(Uuid::to_string).collect();
    let mut mentions = Mentions::default();
    for (_, aggregate) in records::get_many::<CandidateAggregate>(conn, org, RecordKind::Candidate, &keys).await? {
        mentions.add_profile(&aggregate.candidate.profile);
    }
    mentions.add_history(&records::of_candidates::<HistoryEntry>(conn, org, RecordKind::History, candidates).await?);
    Ok(mentions)
}
