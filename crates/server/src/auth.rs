//! Sign-in: argon2 password hashes, random bearer tokens kept only as their SHA-256, and the
//! extractor every protected route takes, which checks the token and yields the user and org.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use rand::RngCore;
use sha2::{Digest, Sha256};
use talentdesk_domain::user::User;
use talentdesk_sync::wire::{LoginRequest, LoginResponse};
use uuid::Uuid;

use crate::ServerError;
use crate::app::AppState;
use crate::db::{login_failures, tokens, users};

/// Failed sign-ins for one email within [`LOGIN_WINDOW_SECS`] before sign-in is refused.
const MAX_LOGIN_FAILURES: i32 = 10;
const LOGIN_WINDOW_SECS: f64 = 15.0 * 60.0;
use crate::extract::ApiJson;

pub fn hash_password(password: &str) -> Result<String, ServerError> {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    let salt = SaltString::encode_b64(&bytes).map_err(|e| ServerError::Corrupt(format!("making a salt: {e}")))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| ServerError::Corrupt(format!("hashing a password: {e}")))
}

fn password_matches(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A new bearer token: 32 random bytes, hex.
fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Emails are matched without regard to case or surrounding spaces.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// `POST /v1/auth/login`.
#[utoipa::path(
    post,
    path = "/v1/auth/login",
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = LoginResponse),
        (status = 401, description = "Wrong email or password", body = talentdesk_sync::wire::ErrorBody),
        (status = 429, description = "Too many failed sign-ins for this email lately", body = talentdesk_sync::wire::ErrorBody),
    )
)]
pub async fn login(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<LoginRequest>,
) -> Result<Json<LoginResponse>, ServerError> {
    const REFUSED: &str = "the email or password is wrong";
    let email = email_key(&request.email);
    let now = chrono::Utc::now();
    let mut conn = state.pool.acquire().await?;
    if login_failures::recent(&mut conn, &email, now, LOGIN_WINDOW_SECS).await? >= MAX_LOGIN_FAILURES {
        return Err(ServerError::TooManyAttempts(format!(
            "too many failed sign-ins for {email}; wait {} minutes or ask an admin to reset the password",
            LOGIN_WINDOW_SECS as i64 / 60
        )));
    }
    let account = users::by_email(&mut conn, &email).await?;
    let Some(account) = account else {
        // Spend the time a check takes, so a wrong email is not told apart from a wrong password.
        let _ = hash_password(&request.password);
        login_failures::record(&mut conn, &email, now, LOGIN_WINDOW_SECS).await?;
        return Err(ServerError::Unauthorized(REFUSED));
    };
    let hash = account.password_hash.clone();
    let password = request.password.clone();
    let matches = tokio::task::spawn_blocking(move || password_matches(&password, &hash))
        .await
        .map_err(|e| ServerError::Corrupt(format!("checking a password: {e}")))?;
    if !matches {
        login_failures::record(&mut conn, &email, now, LOGIN_WINDOW_SECS).await?;
        return Err(ServerError::Unauthorized(REFUSED));
    }
    login_failures::clear(&mut conn, &email).await?;
    tokens::forget_old(&mut conn, account.user.id, now).await?;
    let token = new_token();
    let expires_at = now + chrono::Duration::days(state.config.token_days);
    tokens::insert(&mut conn, &token_hash(&token), account.user.id, now, expires_at).await?;
    tracing::info!(user = %account.user.id, org = %account.org_id, "signed in");
    Ok(Json(LoginResponse { token, user: account.user, org_id: account.org_id }))
}

/// The signed-in user of a request; a route that takes it refuses requests without a live token.
pub struct Caller {
    pub user: User,
    pub org: Uuid,
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ServerError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let header = parts
            .headers
            .get(AUTHORIZATION)
            .ok_or(ServerError::Unauthorized("sign in first: the request has no Authorization header"))?;
        let token = header
            .to_str()
            .ok()
            .and_then(|h| h.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or(ServerError::Unauthorized("the Authorization header must be \"Bearer <token>\""))?;
        let mut conn = state.pool.acquire().await?;
        let account = match tokens::check(&mut conn, &token_hash(token), chrono::Utc::now()).await? {
            tokens::TokenState::Valid(account) => account,
            tokens::TokenState::Expired => {
                return Err(ServerError::Unauthorized("the sign-in has expired; sign in again"));
            }
            tokens::TokenState::Revoked => {
                return Err(ServerError::Unauthorized("the sign-in was revoked; sign in again"));
            }
            tokens::TokenState::Unknown => {
                return Err(ServerError::Unauthorized("the token is not valid; sign in again"));
            }
        };
        Ok(Caller { user: account.user, org: account.org_id })
    }
}
