//! `POST /v1/sync/push`: each mutation's effects in the same transaction as the client's
//! sequence number and its outcome, so a replay is answered from the record and never applied
//! twice. A mutation the rules refuse still takes its number: its rejection is the outcome.
//! Consecutive mutations of one push share a transaction (up to [`PER_TRANSACTION`], and up
//! to [`CANDIDATES_PER_TRANSACTION`] candidates of their selections): a
//! commit per mutation capped one desktop's offline backlog at ~200 a second.

use axum::Json;
use axum::extract::State;
use sqlx::{Postgres, Transaction};
use talentdesk_domain::effects::Outcome;
use talentdesk_domain::error::Thing;
use talentdesk_domain::merge::redirect;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::permission;
use talentdesk_domain::search::Selection;
use talentdesk_domain::undo;
use talentdesk_domain::user::User;
use talentdesk_domain::{DomainError, Timestamp};
use talentdesk_sync::wire::{PushOutcome, PushRequest, PushResponse, PushResult, Pushed, PushedMutation};
use tokio::runtime::Handle;
use uuid::Uuid;

use crate::ServerError;
use crate::app::AppState;
use crate::auth::Caller;
use crate::db::mutations::Taken;
use crate::db::{clients, mutations, orgs};
use crate::extract::ApiJson;
use crate::records::PgRecords;

/// Mutations applied in one transaction. Small enough that the org's version lock (which every
/// writer of the org waits on) is held briefly.
const PER_TRANSACTION: usize = 100;
/// Candidates selected by the mutations of one transaction, at most (a single mutation may
/// select more). A bulk run's batches of 1,000 would otherwise make one transaction of 100,000
/// candidates, and every teammate's push would wait for the org's version lock behind it
/// (seen in `bench abuse`: a one-candidate push waited 30 s and more).
const CANDIDATES_PER_TRANSACTION: usize = 500;

#[utoipa::path(
    post,
    path = "/v1/sync/push",
    tag = "sync",
    security(("bearer" = [])),
    request_body = PushRequest,
    responses(
        (status = 200, description = "Each mutation applied, rejected with its reason (`unknown_change` for one this server does not know: a newer desktop's), or a replay's first outcome", body = PushResponse),
        (status = 400, description = "Malformed body or numbering", body = talentdesk_sync::wire::ErrorBody),
        (status = 401, description = "No live sign-in", body = talentdesk_sync::wire::ErrorBody),
        (status = 409, description = "A sequence gap (`sequence_gap`): resend from `expected_seq`; or (`client_reused`) mutation `expected_seq` was taken with other content from another replica under this client id: push what waits from there under a new client id", body = talentdesk_sync::wire::ErrorBody),
        (status = 413, description = "Body too large", body = talentdesk_sync::wire::ErrorBody),
        (status = 503, description = "Database unavailable: retry", body = talentdesk_sync::wire::ErrorBody),
    )
)]
pub async fn push(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(mut request): ApiJson<PushRequest>,
) -> Result<Json<PushResponse>, ServerError> {
    check_order(&request.mutations)?;
    // A sign-up, or a STOP to texts taken back, is the candidate's own, taken from the
    // server's pages as the org's self-service actor: no desktop may claim it, also not inside
    // an undo. Refused as a change the server does not take from it.
    for pushed in &mut request.mutations {
        if let Pushed::Known(mutation) = &pushed.mutation
            && mutation.is_self_service_only()
        {
            let problem = "only the candidate makes this change, on the organisation's own pages".to_owned();
            pushed.mutation = Pushed::Unknown { name: pushed.mutation.name(), args: serde_json::Value::Null, problem };
        }
    }
    let mut results = Vec::with_capacity(request.mutations.len());
    let mut last_seq = {
        let mut conn = state.pool.acquire().await?;
        clients::last_seq(&mut conn, request.client_id, caller.user.id).await?
    };
    let taken_before = last_seq;
    let mut pending = request.mutations.into_iter().peekable();
    while pending.peek().is_some() {
        let chunk = next_chunk(&mut pending);
        let pool = state.pool.clone();
        let (user, org, client) = (caller.user.clone(), caller.org, request.client_id);
        let rt = Handle::current();
        let can_text = state.config.sms.is_some();
        let (taken, seq) = tokio::task::spawn_blocking(move || {
            take(&rt, &pool, &user, org, client, Numbered::Pushed(chunk), can_text)
        })
        .await
        .map_err(|e| ServerError::Corrupt(format!("applying mutations: {e}")))??;
        last_seq = last_seq.max(seq);
        results.extend(taken);
    }
    let fresh = results.iter().filter(|r| r.seq > taken_before);
    let applied = fresh.clone().filter(|r| matches!(r.outcome, PushOutcome::Applied { .. })).count() as u64;
    crate::metrics::pushed(applied, fresh.count() as u64 - applied);
    Ok(Json(PushResponse { last_seq, results }))
}

/// The next mutations to apply in one transaction: at least one, then as many as fit.
fn next_chunk(pending: &mut std::iter::Peekable<std::vec::IntoIter<PushedMutation>>) -> Vec<PushedMutation> {
    let weight = |m: &PushedMutation| match &m.mutation {
        Pushed::Known(mutation) => undo::candidates_named(mutation),
        Pushed::Unknown { .. } => 1,
    };
    let mut chunk = Vec::new();
    let mut selected = 0;
    while let Some(next) = pending.peek() {
        let w = weight(next);
        if !chunk.is_empty() && (chunk.len() == PER_TRANSACTION || selected + w > CANDIDATES_PER_TRANSACTION) {
            break;
        }
        selected += w;
        chunk.extend(pending.next());
    }
    chunk
}

/// A batch must be numbered 1, 2, 3, ... without holes, like the outbox it comes from.
fn check_order(mutations: &[PushedMutation]) -> Result<(), ServerError> {
    for pair in mutations.windows(2) {
        if pair[1].seq != pair[0].seq + 1 {
            return Err(ServerError::BadRequest(format!(
                "mutations must be numbered consecutively: {} follows {}",
                pair[1].seq, pair[0].seq
            )));
        }
    }
    match mutations.first() {
        Some(m) if m.seq < 1 => Err(ServerError::BadRequest("sequence numbers start at 1".into())),
        _ => Ok(()),
    }
}

/// Applies `mutations` on behalf of a server-side actor (`crate::actors`: the candidates' own
/// pages, a partner's key) as a desktop's push would be: the same rules, effects and history,
/// numbered on the actor's own client after what it took before, in one transaction. Returns
/// each one's outcome; a rejection is the rules' answer, for the caller to put in words.
pub async fn take_as(
    pool: &sqlx::PgPool,
    org: Uuid,
    actor: &User,
    mutations: Vec<Mutation>,
) -> Result<Vec<PushOutcome>, ServerError> {
    let (pool, actor, rt) = (pool.clone(), actor.clone(), Handle::current());
    // One client per actor: its id is the actor's, so no row has to be looked up first.
    let client = actor.id;
    // The server's own actors send no texts (no partner scope offers it): one would be refused
    // rather than queued without anyone asking whether a provider is there.
    let (taken, _) =
        tokio::task::spawn_blocking(move || take(&rt, &pool, &actor, org, client, Numbered::Next(mutations), false))
            .await
            .map_err(|e| ServerError::Corrupt(format!("applying mutations: {e}")))??;
    Ok(taken.into_iter().map(|t| t.outcome).collect())
}

/// Mutations to take: numbered by the desktop that pushed them, or to be numbered after the
/// client's last (the server's own actors, whose numbers are only known under the client's lock).
enum Numbered {
    Pushed(Vec<PushedMutation>),
    Next(Vec<Mutation>),
}

impl Numbered {
    fn after(self, last_seq: i64) -> Vec<PushedMutation> {
        match self {
            Numbered::Pushed(pushed) => pushed,
            Numbered::Next(mutations) => {
                let now = chrono::Utc::now();
                (last_seq + 1..)
                    .zip(mutations)
                    .map(|(seq, m)| PushedMutation { seq, mutation: Pushed::Known(m), created_at: now, digest: None })
                    .collect()
            }
        }
    }
}

/// Takes consecutive mutations in one transaction (on a blocking thread: the domain's rules
/// are synchronous), each inside a savepoint so a refused one leaves no trace but its outcome.
/// They share one version: a pull sees all of them or none. Returns their results and the
/// client's `last_seq` after them.
fn take(
    rt: &Handle,
    pool: &sqlx::PgPool,
    user: &User,
    org: Uuid,
    client: Uuid,
    chunk: Numbered,
    can_text: bool,
) -> Result<(Vec<PushResult>, i64), ServerError> {
    let mut tx = rt.block_on(pool.begin())?;
    let (owner, mut last_seq) = rt.block_on(clients::lock(&mut tx, client, org, user.id))?;
    if owner != user.id {
        return Err(DomainError::NotYours { what: Thing::Client, id: client.to_string() }.into());
    }
    let chunk = chunk.after(last_seq);
    let (mut results, mut version, mut applied) = (Vec::with_capacity(chunk.len()), None, false);
    let mut webhooks = crate::webhooks::Outbox::of(org);
    for pushed in &chunk {
        let seq = pushed.seq;
        if seq <= last_seq {
            let (outcome, digest) = rt
                .block_on(mutations::taken(&mut tx, client, seq))?
                .ok_or_else(|| ServerError::Corrupt(format!("mutation {seq} of client {client} has no outcome")))?;
            if let (Some(taken), Some(sent)) = (&digest, &pushed.digest)
                && taken != sent
            {
                // Not a retry: another replica under this client id took the number first.
                return Err(ServerError::ClientReused { seq });
            }
            results.push(PushResult { seq, outcome });
            continue;
        }
        if seq > last_seq + 1 {
            return Err(ServerError::SequenceGap { expected: last_seq + 1, got: seq });
        }
        let version = match version {
            Some(v) => v,
            None => *version.insert(rt.block_on(orgs::next_version(&mut tx, org))?),
        };
        let outcome;
        (tx, outcome) = apply(rt, tx, user, org, version, pushed, can_text)?;
        // In this transaction: an event exists exactly when its change does.
        rt.block_on(webhooks.add(&mut tx, pushed, &outcome))?;
        applied |= matches!(outcome, PushOutcome::Applied { .. });
        let taken = Taken {
            client,
            seq,
            org,
            user: user.id,
            name: &pushed.mutation.name(),
            created_at: pushed.created_at,
            outcome: &outcome,
            digest: pushed.digest.as_deref(),
        };
        rt.block_on(mutations::insert(&mut tx, taken))?;
        results.push(PushResult { seq, outcome });
        last_seq = seq;
    }
    rt.block_on(clients::set_last_seq(&mut tx, client, last_seq))?;
    if let (true, Some(version)) = (applied, version) {
        rt.block_on(orgs::announce(&mut tx, org, version))?;
    }
    rt.block_on(tx.commit())?;
    Ok((results, last_seq))
}

/// One mutation's effects at `version`, or its rejection with nothing changed (also of one
/// this server does not know: a newer desktop's).
fn apply(
    rt: &Handle,
    tx: Transaction<'static, Postgres>,
    user: &User,
    org: Uuid,
    version: i64,
    pushed: &PushedMutation,
    can_text: bool,
) -> Result<(Transaction<'static, Postgres>, PushOutcome), ServerError> {
    let mutation = match &pushed.mutation {
        Pushed::Known(mutation) => mutation,
        Pushed::Unknown { name, problem, .. } => {
            tracing::warn!(mutation = %name, %problem, "refused a change this server does not know: update the server");
            return Ok((tx, PushOutcome::Rejected { reason: DomainError::UnknownChange { name: name.clone() } }));
        }
    };
    // Without a text message provider a text would wait in a queue nobody empties.
    if !can_text && matches!(mutation, Mutation::TextSend { .. }) {
        return Ok((tx, PushOutcome::Rejected { reason: DomainError::NoTextProvider }));
    }
    let mut tx = tx;
    rt.block_on(sqlx::query("SAVEPOINT effects").execute(&mut *tx))?;
    // The moment the recruiter acted, unless their clock runs ahead of the server's.
    let at = pushed.created_at.min(chrono::Utc::now());
    let records = PgRecords::new(rt.clone(), tx, org, version);
    match effects_of(&records, user, at, mutation) {
        Ok(Outcome { affected, conflicts }) => {
            Ok((records.finish()?, PushOutcome::Applied { version, affected, conflicts }))
        }
        Err(ServerError::Domain(reason)) => Ok((undo(rt, records.abandon())?, PushOutcome::Rejected { reason })),
        Err(other) => Err(other),
    }
}

fn undo(rt: &Handle, mut tx: Transaction<'static, Postgres>) -> Result<Transaction<'static, Postgres>, ServerError> {
    rt.block_on(sqlx::query("ROLLBACK TO SAVEPOINT effects").execute(&mut *tx))?;
    Ok(tx)
}

/// The same checks and effects the desktop's store runs: permission, the bulk limit, then the
/// domain's effects. A selection arrives as ids (the desktop pins a search to the candidates it
/// matched); candidates deleted meanwhile drop out of it. A change to someone a merge took
/// meanwhile goes to the survivor, whose history says so.
fn effects_of(records: &PgRecords, actor: &User, at: Timestamp, mutation: &Mutation) -> Result<Outcome, ServerError> {
    permission::authorize(actor, mutation.capability())?;
    let redirected = records.redirect(mutation)?;
    let mutation = &redirected.mutation;
    let cands = match (mutation.selection(), mutation.bulk_action()) {
        (Some(Selection::Ids { ids }), Some(action)) => {
            action.check_ids(actor.role, ids)?;
            let existing = records.existing(ids)?;
            if existing.is_empty() {
                // Deleted meanwhile, or never this org's: say so rather than do nothing.
                return Err(DomainError::not_found("candidate", ids[0]).into());
            }
            existing
        }
        (Some(Selection::Search { .. }), _) => {
            let reason = "a search selection is resolved to candidates on the desktop before it is pushed";
            return Err(DomainError::invalid("selection", reason).into());
        }
        _ => Vec::new(),
    };
    let outcome = redirect::apply(records, actor, at, &redirected, &cands)?;
    if let Mutation::CandidateMerge { survivor_id, merged_ids, .. } = mutation {
        records.point_to_survivor(merged_ids, *survivor_id)?;
    }
    Ok(outcome)
}
