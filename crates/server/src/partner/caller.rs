//! The partner behind a request: the extractor every partner route takes. It checks the key
//! (unknown or revoked: 401), its rate (429 with `Retry-After`), and notes that it was used;
//! each route then asks for its scope (403 naming the scope the key lacks).

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use talentdesk_domain::user::User;
use talentdesk_sync::partner::PartnerScope;
use uuid::Uuid;

use super::table;
use crate::ServerError;
use crate::app::AppState;
use crate::auth::token_hash;

/// How stale `last_used_at` may be: written at most this often per key, not on every request.
const LAST_USED_GRANULARITY: chrono::Duration = chrono::Duration::minutes(1);

pub struct Partner {
    pub key: Uuid,
    pub org: Uuid,
    /// The user the key's writes are attributed to.
    pub actor: User,
    scopes: Vec<PartnerScope>,
}

impl Partner {
    /// Refuses the request unless the key has `scope`.
    pub fn require(&self, scope: PartnerScope) -> Result<(), ServerError> {
        if self.scopes.contains(&scope) {
            return Ok(());
        }
        tracing::info!(key = %self.key, %scope, "partner request refused: the key lacks the scope");
        Err(ServerError::Forbidden(format!(
            "this partner key lacks the scope {scope}; an admin can create a key that has it"
        )))
    }
}

impl FromRequestParts<AppState> for Partner {
    type Rejection = ServerError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let secret = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|h| h.to_str().ok())
            .and_then(|h| h.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or(ServerError::Unauthorized(
                "send the partner key as \"Authorization: Bearer <key>\" (an admin creates keys in Settings)",
            ))?;
        let mut conn = state.pool.acquire().await?;
        let presented = table::by_secret(&mut conn, &token_hash(secret))
            .await?
            .ok_or(ServerError::Unauthorized("this partner key is not valid"))?;
        if presented.revoked {
            tracing::info!(key = %presented.id, "partner request refused: the key was revoked");
            return Err(ServerError::Unauthorized("this partner key was revoked; ask the organisation for a new one"));
        }
        if let Err(wait) = state.partner_rate.take(&mut conn, presented.id).await? {
            let secs = wait.as_millis().max(1).div_ceil(1000) as u64;
            tracing::warn!(key = %presented.id, retry_after_secs = secs, "partner request throttled");
            return Err(ServerError::Throttled {
                message: format!(
                    "this partner key sent more requests than it may ({} a minute); try again in {secs} s",
                    state.config.partner_requests_per_minute
                ),
                retry_after_secs: secs,
            });
        }
        let now = chrono::Utc::now();
        if presented.last_used_at.is_none_or(|at| now - at >= LAST_USED_GRANULARITY) {
            table::used(&mut conn, presented.id, now).await?;
        }
        Ok(Partner { key: presented.id, org: presented.org, actor: presented.actor, scopes: presented.scopes })
    }
}
