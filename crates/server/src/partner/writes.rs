//! What a partner writes back: a note, a document, custom field values, a workflow status.
//! Each is a mutation taken as the key's actor through the one write path (`push::take_as`):
//! the same rules as a recruiter's change, history naming the key, and every desktop hears of
//! it on its next pull. The rules' refusal comes back as the error it is (404 for an unknown
//! candidate, 422 for a value the rules refuse).

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use talentdesk_domain::DomainError;
use talentdesk_domain::candidate::FieldValue;
use talentdesk_domain::document::{self, Document, DocumentKind};
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::settings::CustomFieldDef;
use talentdesk_sync::partner::{PartnerCustomFields, PartnerNote, PartnerScope, PartnerStatus, PartnerWritten};
use talentdesk_sync::wire::{ErrorBody, PushOutcome, RecordKind};
use uuid::Uuid;

use super::Partner;
use super::reads::existing;
use crate::ServerError;
use crate::app::AppState;
use crate::extract::ApiJson;

/// `POST /v1/partner/candidates/{id}/notes`.
#[utoipa::path(
    post,
    path = "/v1/partner/candidates/{id}/notes",
    tag = "partner",
    security(("partner_key" = [])),
    params(("id" = Uuid, Path, description = "The candidate's id")),
    request_body = PartnerNote,
    responses(
        (status = 201, description = "The note is on the candidate, public, written by the key", body = PartnerWritten),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No partner key, an unknown one, or a revoked one", body = ErrorBody),
        (status = 403, description = "The key lacks the scope notes:write", body = ErrorBody),
        (status = 404, description = "No such candidate (or erased)", body = ErrorBody),
        (status = 422, description = "An empty or too long note", body = ErrorBody),
        (status = 429, description = "The key sent more requests than it may", body = ErrorBody),
    )
)]
pub async fn note(
    State(state): State<AppState>,
    partner: Partner,
    Path(candidate_id): Path<Uuid>,
    ApiJson(note): ApiJson<PartnerNote>,
) -> Result<(StatusCode, Json<PartnerWritten>), ServerError> {
    partner.require(PartnerScope::NotesWrite)?;
    let note_id = Uuid::now_v7();
    let mutation = Mutation::NoteAdd { note_id, candidate_id, body: note.body, private: false };
    let version = take(&state, &partner, mutation).await?;
    Ok((StatusCode::CREATED, Json(PartnerWritten { id: Some(note_id), version })))
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct DocumentName {
    /// The file's name ("reference-report.pdf"); path parts and control characters are taken out.
    name: String,
    /// `resume`, `cover_letter` or `additional_document` (the default).
    #[serde(default)]
    #[param(value_type = Option<String>)]
    kind: Option<DocumentKind>,
}

/// `POST /v1/partner/candidates/{id}/documents?name=`.
#[utoipa::path(
    post,
    path = "/v1/partner/candidates/{id}/documents",
    tag = "partner",
    security(("partner_key" = [])),
    params(("id" = Uuid, Path, description = "The candidate's id"), DocumentName),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file's bytes"),
    responses(
        (status = 201, description = "The document is attached to the candidate, uploaded by the key", body = PartnerWritten),
        (status = 400, description = "No name, or a kind that is not one", body = ErrorBody),
        (status = 401, description = "No partner key, an unknown one, or a revoked one", body = ErrorBody),
        (status = 403, description = "The key lacks the scope documents:write", body = ErrorBody),
        (status = 404, description = "No such candidate (or erased)", body = ErrorBody),
        (status = 413, description = "Larger than the server takes (`max_blob_bytes`)", body = ErrorBody),
        (status = 422, description = "An empty file or an unusable name", body = ErrorBody),
        (status = 429, description = "The key sent more requests than it may", body = ErrorBody),
        (status = 503, description = "The document storage cannot be reached; nothing was attached", body = ErrorBody),
        (status = 507, description = "The organisation's documents would pass its quota", body = ErrorBody),
    )
)]
pub async fn document(
    State(state): State<AppState>,
    partner: Partner,
    Path(candidate_id): Path<Uuid>,
    query: Result<Query<DocumentName>, axum::extract::rejection::QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<PartnerWritten>), ServerError> {
    partner.require(PartnerScope::DocumentsWrite)?;
    let Query(DocumentName { name, kind }) = query.map_err(|e| {
        ServerError::BadRequest(format!(
            "name the document: ?name=report.pdf, and optionally &kind=resume, cover_letter or additional_document \
             ({})",
            e.body_text()
        ))
    })?;
    let bytes = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => {
            ServerError::TooLarge(format!("a document may be at most {} bytes", state.config.max_blob_bytes))
        }
        _ => ServerError::BadRequest(rejection.body_text()),
    })?;
    let name = document::sanitize_name(&name)?;
    if bytes.is_empty() {
        return Err(DomainError::invalid("document", "the file is empty").into());
    }
    // Before the bytes are kept: an unknown candidate leaves nothing behind.
    existing(&mut *state.pool.acquire().await?, partner.org, candidate_id).await?;
    let sha256 = hex::encode(Sha256::digest(&bytes));
    crate::blobs::keep(&state, partner.org, &sha256, &bytes).await?;
    let id = Uuid::now_v7();
    let document = Document {
        id,
        candidate_id,
        name,
        kind: kind.unwrap_or(DocumentKind::AdditionalDocument),
        sha256,
        size: bytes.len() as u64,
        uploaded_at: chrono::Utc::now(),
    };
    let version = take(&state, &partner, Mutation::DocumentAttach { document }).await?;
    Ok((StatusCode::CREATED, Json(PartnerWritten { id: Some(id), version })))
}

/// `PUT /v1/partner/candidates/{id}/custom-fields`.
#[utoipa::path(
    put,
    path = "/v1/partner/candidates/{id}/custom-fields",
    tag = "partner",
    security(("partner_key" = [])),
    params(("id" = Uuid, Path, description = "The candidate's id")),
    request_body = PartnerCustomFields,
    responses(
        (status = 200, description = "The values are set (history shows each change, by the key)", body = PartnerWritten),
        (status = 400, description = "Malformed JSON, no values, or a key that is no custom field of the organisation (named, with the defined ones)", body = ErrorBody),
        (status = 401, description = "No partner key, an unknown one, or a revoked one", body = ErrorBody),
        (status = 403, description = "The key lacks the scope custom_fields:write", body = ErrorBody),
        (status = 404, description = "No such candidate (or erased)", body = ErrorBody),
        (status = 422, description = "A value the field does not take", body = ErrorBody),
        (status = 429, description = "The key sent more requests than it may", body = ErrorBody),
    )
)]
pub async fn custom_fields(
    State(state): State<AppState>,
    partner: Partner,
    Path(candidate_id): Path<Uuid>,
    ApiJson(fields): ApiJson<PartnerCustomFields>,
) -> Result<Json<PartnerWritten>, ServerError> {
    partner.require(PartnerScope::CustomFieldsWrite)?;
    if fields.values.is_empty() {
        return Err(ServerError::BadRequest("no values: send {\"values\": {\"<field key>\": \"<value>\"}}".into()));
    }
    let mut conn = state.pool.acquire().await?;
    let defined: Vec<CustomFieldDef> = crate::db::records::all(&mut conn, partner.org, RecordKind::CustomField).await?;
    if let Some(unknown) = fields.values.keys().find(|key| !defined.iter().any(|d| &d.key == *key)) {
        let mut keys: Vec<&str> = defined.iter().map(|d| d.key.as_str()).collect();
        keys.sort_unstable();
        let known =
            if keys.is_empty() { "none is defined".to_owned() } else { format!("defined: {}", keys.join(", ")) };
        return Err(ServerError::BadRequest(format!(
            "\"{unknown}\" is not a custom field of this organisation ({known}); an admin defines custom fields"
        )));
    }
    let profile = existing(&mut conn, partner.org, candidate_id).await?.candidate.profile;
    drop(conn);
    let changes = fields
        .values
        .into_iter()
        .map(|(key, value)| {
            let to = FieldValue::CustomField { key, value };
            FieldChange { from: profile.get(&to), to }
        })
        .collect();
    let version = take(&state, &partner, Mutation::CandidateUpdate { candidate_id, changes }).await?;
    Ok(Json(PartnerWritten { id: None, version }))
}

/// `PUT /v1/partner/candidates/{id}/pipelines/{pipeline_id}/status`.
#[utoipa::path(
    put,
    path = "/v1/partner/candidates/{id}/pipelines/{pipeline_id}/status",
    tag = "partner",
    security(("partner_key" = [])),
    params(
        ("id" = Uuid, Path, description = "The candidate's id"),
        ("pipeline_id" = Uuid, Path, description = "A pipeline the candidate is in"),
    ),
    request_body = PartnerStatus,
    responses(
        (status = 200, description = "The candidate's workflow status in the pipeline is set", body = PartnerWritten),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No partner key, an unknown one, or a revoked one", body = ErrorBody),
        (status = 403, description = "The key lacks the scope workflow:write, or the pipeline is someone's private one", body = ErrorBody),
        (status = 404, description = "No such candidate or pipeline", body = ErrorBody),
        (status = 422, description = "Not a status of the pipeline, or the candidate is not in it", body = ErrorBody),
        (status = 429, description = "The key sent more requests than it may", body = ErrorBody),
    )
)]
pub async fn workflow_status(
    State(state): State<AppState>,
    partner: Partner,
    Path((candidate_id, pipeline_id)): Path<(Uuid, Uuid)>,
    ApiJson(status): ApiJson<PartnerStatus>,
) -> Result<Json<PartnerWritten>, ServerError> {
    partner.require(PartnerScope::WorkflowWrite)?;
    let mutation = Mutation::PipelineSetStatus { candidate_id, pipeline_id, status: status.status };
    let version = take(&state, &partner, mutation).await?;
    Ok(Json(PartnerWritten { id: None, version }))
}

/// Takes one mutation as the key's actor; its version, or the rules' refusal as the error.
async fn take(state: &AppState, partner: &Partner, mutation: Mutation) -> Result<i64, ServerError> {
    let name = mutation.name();
    let outcomes = crate::push::take_as(&state.pool, partner.org, &partner.actor, vec![mutation]).await?;
    match outcomes.into_iter().next() {
        Some(PushOutcome::Applied { version, .. }) => {
            tracing::info!(key = %partner.key, mutation = %name, version, "a partner wrote");
            Ok(version)
        }
        Some(PushOutcome::Rejected { reason }) => {
            tracing::info!(key = %partner.key, mutation = %name, %reason, "a partner's write was refused");
            Err(reason.into())
        }
        None => Err(ServerError::Corrupt(format!("{name} taken for a partner had no outcome"))),
    }
}
