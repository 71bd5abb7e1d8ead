//! What a partner reads (scope `candidates:read`): a candidate by id, or the few candidates
//! with an email. A partner sees what anyone in the organisation may see and no more: no
//! private note, no private pipeline, nobody erased (an erased candidate is as unknown as an
//! id never used).

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::Deserialize;
use sqlx::PgConnection;
use sqlx::types::Json as Jsonb;
use talentdesk_domain::DomainError;
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_domain::document::Document;
use talentdesk_domain::note::Note;
use talentdesk_sync::partner::{PartnerCandidate, PartnerMatch, PartnerMatches, PartnerScope};
use talentdesk_sync::wire::{ErrorBody, RecordKind};
use uuid::Uuid;

use super::Partner;
use crate::ServerError;
use crate::app::AppState;
use crate::auth::email_key;
use crate::db::records;

/// `GET /v1/partner/candidates/{id}`.
#[utoipa::path(
    get,
    path = "/v1/partner/candidates/{id}",
    tag = "partner",
    security(("partner_key" = [])),
    params(("id" = Uuid, Path, description = "The candidate's id")),
    responses(
        (status = 200, description = "The candidate with their public notes and documents", body = PartnerCandidate),
        (status = 401, description = "No partner key, an unknown one, or a revoked one", body = ErrorBody),
        (status = 403, description = "The key lacks the scope candidates:read", body = ErrorBody),
        (status = 404, description = "No such candidate (or erased)", body = ErrorBody),
        (status = 429, description = "The key sent more requests than it may; `Retry-After` says when to try again", body = ErrorBody),
    )
)]
pub async fn candidate(
    State(state): State<AppState>,
    partner: Partner,
    Path(id): Path<Uuid>,
) -> Result<Json<PartnerCandidate>, ServerError> {
    partner.require(PartnerScope::CandidatesRead)?;
    let mut conn = state.pool.acquire().await?;
    let mut aggregate = existing(&mut conn, partner.org, id).await?;
    // Without recruiters' own pipelines and the team's internal word.
    let private = records::private_pipelines(&mut conn, partner.org, None).await?;
    crate::visibility::for_outside(&mut aggregate, &private);
    let notes: Vec<Note> = shared_of(&mut conn, partner.org, RecordKind::Note, id).await?;
    let documents: Vec<Document> = shared_of(&mut conn, partner.org, RecordKind::Document, id).await?;
    let notes = notes.into_iter().filter(|n| !n.private).collect();
    Ok(Json(PartnerCandidate { candidate: serde_json::to_value(&aggregate)?, notes, documents }))
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct ByEmail {
    /// The email, in any case.
    email: String,
}

/// `GET /v1/partner/candidates?email=`.
#[utoipa::path(
    get,
    path = "/v1/partner/candidates",
    tag = "partner",
    security(("partner_key" = [])),
    params(ByEmail),
    responses(
        (status = 200, description = "The candidates with this email (at most 20), oldest first", body = PartnerMatches),
        (status = 400, description = "No email given", body = ErrorBody),
        (status = 401, description = "No partner key, an unknown one, or a revoked one", body = ErrorBody),
        (status = 403, description = "The key lacks the scope candidates:read", body = ErrorBody),
        (status = 429, description = "The key sent more requests than it may", body = ErrorBody),
    )
)]
pub async fn by_email(
    State(state): State<AppState>,
    partner: Partner,
    query: Result<Query<ByEmail>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<PartnerMatches>, ServerError> {
    partner.require(PartnerScope::CandidatesRead)?;
    let Ok(Query(ByEmail { email })) = query else {
        return Err(ServerError::BadRequest("find candidates by email: ?email=someone@example.com".into()));
    };
    let email = email_key(&email);
    if email.is_empty() {
        return Err(ServerError::BadRequest("the email is empty".into()));
    }
    let mut conn = state.pool.acquire().await?;
    let found: Vec<CandidateAggregate> =
        records::candidates_with_email(&mut conn, partner.org, &email, PartnerMatches::LIMIT as i64).await?;
    let candidates = found
        .into_iter()
        .map(|a| {
            let p = a.candidate.profile;
            PartnerMatch { id: a.candidate.id, first_name: p.first_name, last_name: p.last_name, email: p.email }
        })
        .collect();
    Ok(Json(PartnerMatches { candidates }))
}

/// The live candidate `id` of the org, or a 404 naming the id.
pub(super) async fn existing(conn: &mut PgConnection, org: Uuid, id: Uuid) -> Result<CandidateAggregate, ServerError> {
    let key = records::Key { kind: RecordKind::Candidate, id: &id.to_string() };
    records::get(conn, org, key).await?.ok_or_else(|| DomainError::not_found("candidate", id).into())
}

/// The candidate's records of a kind that everyone in the organisation may see.
async fn shared_of<T: serde::de::DeserializeOwned + Send + Unpin + 'static>(
    conn: &mut PgConnection,
    org: Uuid,
    kind: RecordKind,
    candidate: Uuid,
) -> sqlx::Result<Vec<T>> {
    let rows: Vec<Jsonb<T>> = sqlx::query_scalar(
        "SELECT data FROM records WHERE org_id = $1 AND kind = $2 AND candidate_id = $3
           AND data IS NOT NULL AND visible_to IS NULL ORDER BY id",
    )
    .bind(org)
    .bind(kind.code())
    .bind(candidate)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|Jsonb(t)| t).collect())
}
