//! The webhook tables (migration 0012): the webhooks admins set up, the outbox of events, and
//! the deliveries that are both the work queue and the delivery log.

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::PgConnection;
use sqlx::types::Json;
use talentdesk_domain::Timestamp;
use talentdesk_sync::webhooks::{DeliveryStatus, Webhook, WebhookDelivery, WebhookEvent, WebhookSettings};
use uuid::Uuid;

/// An enabled webhook, as much of it as deciding what it takes needs.
pub struct Listening {
    pub id: Uuid,
    pub events: Vec<WebhookEvent>,
    pub pipeline_id: Option<Uuid>,
    pub status: Option<String>,
}

/// An event about to be written to the outbox.
pub struct NewEvent {
    pub id: Uuid,
    pub kind: WebhookEvent,
    pub time: Timestamp,
    pub candidate_id: Option<Uuid>,
    /// What the filters look at.
    pub pipeline_id: Option<Uuid>,
    pub status: Option<String>,
    pub payload: Value,
}

fn kinds(codes: &[String]) -> Vec<WebhookEvent> {
    // A type this server no longer knows (a newer server wrote it) is left out.
    codes.iter().filter_map(|c| WebhookEvent::from_code(c)).collect()
}

fn codes(events: &[WebhookEvent]) -> Vec<&'static str> {
    events.iter().map(|e| e.code()).collect()
}

#[derive(sqlx::FromRow)]
struct ListeningRow {
    id: Uuid,
    events: Vec<String>,
    pipeline_id: Option<Uuid>,
    status: Option<String>,
}

pub async fn listening(conn: &mut PgConnection, org: Uuid) -> sqlx::Result<Vec<Listening>> {
    let rows: Vec<ListeningRow> =
        sqlx::query_as("SELECT id, events, pipeline_id, status FROM webhooks WHERE org_id = $1 AND enabled")
            .bind(org)
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .map(|r| Listening { id: r.id, events: kinds(&r.events), pipeline_id: r.pipeline_id, status: r.status })
        .collect())
}

/// The event and one pending delivery, due now, to each webhook in `to`.
pub async fn insert_event(conn: &mut PgConnection, org: Uuid, event: &NewEvent, to: &[Uuid]) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO webhook_events (id, org_id, type, time, payload, candidate_id) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(event.id)
    .bind(org)
    .bind(event.kind.code())
    .bind(event.time)
    .bind(Json(&event.payload))
    .bind(event.candidate_id)
    .execute(&mut *conn)
    .await?;
    let ids: Vec<Uuid> = to.iter().map(|_| Uuid::now_v7()).collect();
    sqlx::query(
        "INSERT INTO webhook_deliveries (id, webhook_id, event_id, created_at, next_attempt_at)
         SELECT id, hook, $1, $2, $2 FROM unnest($3::uuid[], $4::uuid[]) AS t (id, hook)",
    )
    .bind(event.id)
    .bind(event.time)
    .bind(ids)
    .bind(to)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct WebhookRow {
    id: Uuid,
    url: String,
    events: Vec<String>,
    pipeline_id: Option<Uuid>,
    status: Option<String>,
    enabled: bool,
    disabled_at: Option<DateTime<Utc>>,
    disabled_reason: Option<String>,
    created_at: DateTime<Utc>,
}

impl From<WebhookRow> for Webhook {
    fn from(r: WebhookRow) -> Self {
        Webhook {
            id: r.id,
            url: r.url,
            events: kinds(&r.events),
            pipeline_id: r.pipeline_id,
            status: r.status,
            enabled: r.enabled,
            disabled_at: r.disabled_at,
            disabled_reason: r.disabled_reason,
            created_at: r.created_at,
        }
    }
}

/// The columns of a [`WebhookRow`], written into each query (sqlx takes only literal SQL).
macro_rules! webhook_columns {
    () => {
        "id, url, events, pipeline_id, status, enabled, disabled_at, disabled_reason, created_at"
    };
}

pub async fn list(conn: &mut PgConnection, org: Uuid) -> sqlx::Result<Vec<Webhook>> {
    let sql = concat!("SELECT ", webhook_columns!(), " FROM webhooks WHERE org_id = $1 ORDER BY created_at, id");
    let rows: Vec<WebhookRow> = sqlx::query_as(sql).bind(org).fetch_all(conn).await?;
    Ok(rows.into_iter().map(Webhook::from).collect())
}

pub async fn get(conn: &mut PgConnection, org: Uuid, id: Uuid) -> sqlx::Result<Option<Webhook>> {
    let sql = concat!("SELECT ", webhook_columns!(), " FROM webhooks WHERE org_id = $1 AND id = $2");
    let row: Option<WebhookRow> = sqlx::query_as(sql).bind(org).bind(id).fetch_optional(conn).await?;
    Ok(row.map(Webhook::from))
}

pub async fn insert(
    conn: &mut PgConnection,
    org: Uuid,
    id: Uuid,
    settings: &WebhookSettings,
    secret: &str,
    created_by: Uuid,
) -> sqlx::Result<()> {
    let now = Utc::now();
    sqlx::query(
        "INSERT INTO webhooks (id, org_id, url, secret, events, pipeline_id, status, enabled, disabled_at,
                               disabled_reason, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $8 THEN NULL ELSE $10 END,
                 CASE WHEN $8 THEN NULL ELSE 'turned off by an admin' END, $9, $10)",
    )
    .bind(id)
    .bind(org)
    .bind(&settings.url)
    .bind(secret)
    .bind(codes(&settings.events))
    .bind(settings.pipeline_id)
    .bind(&settings.status)
    .bind(settings.enabled)
    .bind(created_by)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Changes a webhook's settings; turning it on clears why it was off. False when it is not
/// the org's.
pub async fn update(conn: &mut PgConnection, org: Uuid, id: Uuid, settings: &WebhookSettings) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE webhooks SET url = $3, events = $4, pipeline_id = $5, status = $6, enabled = $7,
             disabled_at = CASE WHEN $7 THEN NULL WHEN enabled THEN now() ELSE disabled_at END,
             disabled_reason = CASE WHEN $7 THEN NULL WHEN enabled THEN 'turned off by an admin' ELSE disabled_reason END
         WHERE org_id = $1 AND id = $2",
    )
    .bind(org)
    .bind(id)
    .bind(&settings.url)
    .bind(codes(&settings.events))
    .bind(settings.pipeline_id)
    .bind(&settings.status)
    .bind(settings.enabled)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes a webhook with its delivery log. False when it is not the org's.
pub async fn delete(conn: &mut PgConnection, org: Uuid, id: Uuid) -> sqlx::Result<bool> {
    let done =
        sqlx::query("DELETE FROM webhooks WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(conn).await?;
    Ok(done.rows_affected() == 1)
}

fn status(code: &str) -> DeliveryStatus {
    match code {
        "delivered" => DeliveryStatus::Delivered,
        "failed" => DeliveryStatus::Failed,
        "cancelled" => DeliveryStatus::Cancelled,
        _ => DeliveryStatus::Pending,
    }
}

#[derive(sqlx::FromRow)]
struct DeliveryRow {
    id: Uuid,
    event_id: Uuid,
    kind: String,
    status: String,
    attempts: i32,
    response_code: Option<i32>,
    error: Option<String>,
    created_at: DateTime<Utc>,
    last_attempt_at: Option<DateTime<Utc>>,
    next_attempt_at: Option<DateTime<Utc>>,
}

/// The webhook's latest deliveries, newest first.
pub async fn deliveries(conn: &mut PgConnection, webhook: Uuid, limit: i64) -> sqlx::Result<Vec<WebhookDelivery>> {
    let rows: Vec<DeliveryRow> = sqlx::query_as(
        "SELECT d.id, d.event_id, e.type AS kind, d.status, d.attempts, d.response_code, d.error, d.created_at,
                d.last_attempt_at, d.next_attempt_at
         FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
         WHERE d.webhook_id = $1 ORDER BY d.created_at DESC, d.id DESC LIMIT $2",
    )
    .bind(webhook)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(WebhookDelivery {
                id: r.id,
                event_id: r.event_id,
                event: WebhookEvent::from_code(&r.kind)?,
                status: status(&r.status),
                attempts: r.attempts,
                response_code: r.response_code,
                error: r.error,
                created_at: r.created_at,
                last_attempt_at: r.last_attempt_at,
                next_attempt_at: r.next_attempt_at.filter(|_| r.status == "pending"),
            })
        })
        .collect())
}

/// Queues the delivery's event again to its webhook, due now, as a new line of the log.
/// `None` when the delivery is not one of the org's webhook's, or its candidate was erased.
pub async fn resend(conn: &mut PgConnection, org: Uuid, webhook: Uuid, delivery: Uuid) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar(
        "INSERT INTO webhook_deliveries (id, webhook_id, event_id, created_at, next_attempt_at)
         SELECT $4, d.webhook_id, d.event_id, now(), now()
         FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
         WHERE w.org_id = $1 AND w.id = $2 AND d.id = $3 AND d.status <> 'cancelled'
         RETURNING id",
    )
    .bind(org)
    .bind(webhook)
    .bind(delivery)
    .bind(Uuid::now_v7())
    .fetch_optional(conn)
    .await
}

/// A delivery taken by a worker: where to send what.
#[derive(sqlx::FromRow)]
pub struct Claimed {
    pub id: Uuid,
    pub org_id: Uuid,
    pub webhook_id: Uuid,
    pub event_id: Uuid,
    pub url: String,
    pub secret: String,
    pub attempts: i32,
    pub created_at: DateTime<Utc>,
    pub payload: Json<Value>,
}

/// Takes up to `limit` due deliveries of enabled webhooks for `claim_secs`; another worker
/// skips them meanwhile (and takes them again if this one dies).
pub async fn claim(conn: &mut PgConnection, limit: i64, claim_secs: f64) -> sqlx::Result<Vec<Claimed>> {
    sqlx::query_as(
        "WITH due AS (
             SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
             WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND w.enabled
               AND (d.claimed_until IS NULL OR d.claimed_until < now())
             ORDER BY d.next_attempt_at LIMIT $1 FOR UPDATE OF d SKIP LOCKED)
         UPDATE webhook_deliveries d SET claimed_until = now() + make_interval(secs => $2)
         FROM due, webhooks w, webhook_events e
         WHERE d.id = due.id AND w.id = d.webhook_id AND e.id = d.event_id
         RETURNING d.id, w.org_id, d.webhook_id, d.event_id, w.url, w.secret, d.attempts, d.created_at, e.payload",
    )
    .bind(limit)
    .bind(claim_secs)
    .fetch_all(conn)
    .await
}

/// How one try went.
pub struct Tried<'a> {
    pub response_code: Option<i32>,
    pub error: Option<&'a str>,
    pub at: DateTime<Utc>,
}

pub async fn delivered(conn: &mut PgConnection, id: Uuid, tried: Tried<'_>) -> sqlx::Result<()> {
    set_fate(conn, id, "delivered", None, tried).await
}

pub async fn retry_at(conn: &mut PgConnection, id: Uuid, next: DateTime<Utc>, tried: Tried<'_>) -> sqlx::Result<()> {
    set_fate(conn, id, "pending", Some(next), tried).await
}

pub async fn failed(conn: &mut PgConnection, id: Uuid, tried: Tried<'_>) -> sqlx::Result<()> {
    set_fate(conn, id, "failed", None, tried).await
}

async fn set_fate(
    conn: &mut PgConnection,
    id: Uuid,
    status: &str,
    next: Option<DateTime<Utc>>,
    tried: Tried<'_>,
) -> sqlx::Result<()> {
    // An erasure may have cancelled it while it was on its way: that stays.
    sqlx::query(
        "UPDATE webhook_deliveries SET status = $2, next_attempt_at = $3, attempts = attempts + 1,
             last_attempt_at = $4, response_code = $5, error = $6, claimed_until = NULL
         WHERE id = $1 AND status = 'pending'",
    )
    .bind(id)
    .bind(status)
    .bind(next)
    .bind(tried.at)
    .bind(tried.response_code)
    .bind(tried.error)
    .execute(conn)
    .await?;
    Ok(())
}

/// Turns the webhook off with the reason; true when this call did (it was on).
pub async fn disable(conn: &mut PgConnection, webhook: Uuid, reason: &str) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE webhooks SET enabled = false, disabled_at = now(), disabled_reason = $2 WHERE id = $1 AND enabled",
    )
    .bind(webhook)
    .bind(reason)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Takes erased candidates out of the outbox: what waits for them is cancelled, and every
/// event about them keeps its id and type but not their data.
pub async fn forget_candidates(conn: &mut PgConnection, org: Uuid, candidates: &[Uuid]) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE webhook_deliveries d SET status = 'cancelled', next_attempt_at = NULL,
             error = 'not sent: the candidate was erased'
         FROM webhook_events e
         WHERE e.id = d.event_id AND e.org_id = $1 AND e.candidate_id = ANY($2) AND d.status = 'pending'",
    )
    .bind(org)
    .bind(candidates)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE webhook_events SET payload = jsonb_set(payload, '{data}', jsonb_build_object('id', candidate_id))
         WHERE org_id = $1 AND candidate_id = ANY($2)",
    )
    .bind(org)
    .bind(candidates)
    .execute(conn)
    .await?;
    Ok(())
}
