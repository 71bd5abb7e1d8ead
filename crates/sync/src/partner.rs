//! What travels on the partner surfaces: the admin's partner API keys (`/v1/partner-keys`, from
//! the desktop) and the routes a partner calls with such a key (`/v1/partner/...`).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use talentdesk_domain::Timestamp;
use talentdesk_domain::document::Document;
use talentdesk_domain::note::Note;
use ts_rs::TS;
use uuid::Uuid;

/// What a partner key may do. Each partner route needs one; a key without it is refused
/// with a 403 naming the scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub enum PartnerScope {
    /// Read candidates (their profile, public notes and documents) and find them by email.
    #[serde(rename = "candidates:read")]
    CandidatesRead,
    /// Add notes to candidates.
    #[serde(rename = "notes:write")]
    NotesWrite,
    /// Attach documents to candidates.
    #[serde(rename = "documents:write")]
    DocumentsWrite,
    /// Set candidates' values of the custom fields an admin defined.
    #[serde(rename = "custom_fields:write")]
    CustomFieldsWrite,
    /// Set a candidate's workflow status in a pipeline.
    #[serde(rename = "workflow:write")]
    WorkflowWrite,
}

impl PartnerScope {
    pub const ALL: [PartnerScope; 5] = [
        PartnerScope::CandidatesRead,
        PartnerScope::NotesWrite,
        PartnerScope::DocumentsWrite,
        PartnerScope::CustomFieldsWrite,
        PartnerScope::WorkflowWrite,
    ];

    /// The scope's name on the wire and in the database: `notes:write`.
    pub fn code(self) -> &'static str {
        match self {
            PartnerScope::CandidatesRead => "candidates:read",
            PartnerScope::NotesWrite => "notes:write",
            PartnerScope::DocumentsWrite => "documents:write",
            PartnerScope::CustomFieldsWrite => "custom_fields:write",
            PartnerScope::WorkflowWrite => "workflow:write",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|scope| scope.code() == code)
    }
}

impl fmt::Display for PartnerScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// `POST /v1/partner-keys`: a key for a partner.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct NewPartnerKey {
    /// Who holds it ("Crosschq reference checks"): history shows its writes as "<name> (partner)".
    pub name: String,
    pub scopes: Vec<PartnerScope>,
}

/// A partner key as the admin's list shows it: never its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct PartnerKey {
    pub id: Uuid,
    pub name: String,
    pub scopes: Vec<PartnerScope>,
    /// The user the key's writes are attributed to (its history entries name it).
    pub actor_id: Uuid,
    /// The admin who made it.
    pub created_by: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    #[ts(type = "string")]
    pub created_at: Timestamp,
    /// The last request made with it, to the minute.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    #[ts(type = "string | null")]
    pub last_used_at: Option<Timestamp>,
    /// Revoked keys are refused (401) and stay listed, with what they wrote still theirs.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    #[ts(type = "string | null")]
    pub revoked_at: Option<Timestamp>,
}

/// The answer to creating a key: the only time its secret is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct CreatedPartnerKey {
    pub key: PartnerKey,
    /// The bearer token the partner sends (`Authorization: Bearer <secret>`).
    pub secret: String,
}

/// `GET /v1/partner/candidates/{id}`: a candidate as a partner sees them: the profile and
/// what anyone in the organisation may read (no private notes, no private pipelines).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerCandidate {
    /// The candidate record as the desktops sync it (profile, engagements, pipelines, ...).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub candidate: serde_json::Value,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub notes: Vec<Note>,
    /// The documents' names, kinds and hashes (the bytes are not served here).
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub documents: Vec<Document>,
}

/// `GET /v1/partner/candidates?email=`: the candidates with that email (few: at most
/// [`PartnerMatches::LIMIT`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerMatches {
    /// Each match's id, name and email: read a candidate whole by its id.
    pub candidates: Vec<PartnerMatch>,
}

impl PartnerMatches {
    pub const LIMIT: usize = 20;
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerMatch {
    pub id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
}

/// `POST /v1/partner/candidates/{id}/notes`: a public note, written as the key.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerNote {
    pub body: String,
}

/// `PUT /v1/partner/candidates/{id}/custom-fields`: values of defined custom fields; `null`
/// or empty clears one. A key no field of the organisation has is refused, naming it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerCustomFields {
    pub values: BTreeMap<String, Option<String>>,
}

/// `PUT /v1/partner/candidates/{id}/pipelines/{pipeline_id}/status`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerStatus {
    /// One of the pipeline's workflow statuses.
    pub status: String,
}

/// What a partner write made: the new record's id (a note, a document) and the organisation's
/// version that holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerWritten {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Uuid>,
    pub version: i64,
}
