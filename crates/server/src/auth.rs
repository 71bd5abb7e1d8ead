//! Sign-in: argon2 password hashes, random bearer tokens kept only as their SHA-256, and the
//! extractor every protected route takes, which checks the token and yields the user and org.

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, OnceLock};

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::Json;
use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::StatusCode;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use rand::RngCore;
use sha2::{Digest, Sha256};
use talentdesk_domain::user::User;
use talentdesk_sync::wire::{LoginRequest, LoginResponse};
use tokio::sync::Semaphore;
use uuid::Uuid;

use crate::ServerError;
use crate::app::AppState;
use crate::db::{tokens, users};
use crate::extract::ApiJson;
use crate::throttle;

/// A password for someone else to type once: 16 letters and digits without look-alikes (no
/// 0/O, 1/l/I), in groups of four, about 80 bits.
pub fn one_time_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    let letters: Vec<char> =
        (0..16).map(|_| char::from(ALPHABET[rand::Rng::random_range(&mut rng, 0..ALPHABET.len())])).collect();
    letters.chunks(4).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

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

/// A hash no password matches, checked for unknown emails so that a wrong email takes as long
/// as a wrong password and cannot be told apart from it.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| hash_password("no password matches this decoy").unwrap_or_default())
}

/// Password checks run on blocking threads, a few at a time: each takes ~19 MiB and a core
/// for tens of milliseconds, so a flood of sign-ins must queue here instead of taking the
/// machine's memory and both cores from the team's syncs. No database connection is held
/// while waiting or hashing.
pub struct PasswordChecks {
    permits: Semaphore,
}

impl PasswordChecks {
    pub fn new() -> Arc<Self> {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Arc::new(Self { permits: Semaphore::new(cores) })
    }

    async fn matches(&self, password: String, hash: Option<String>) -> Result<bool, ServerError> {
        let _permit =
            self.permits.acquire().await.map_err(|e| ServerError::Corrupt(format!("password checks: {e}")))?;
        tokio::task::spawn_blocking(move || match hash {
            Some(hash) => password_matches(&password, &hash),
            None => {
                password_matches(&password, decoy_hash());
                false
            }
        })
        .await
        .map_err(|e| ServerError::Corrupt(format!("checking a password: {e}")))
    }
}

/// A new bearer token: 32 random bytes, hex. Also the body of the other secrets the server
/// hands out once (partner keys, webhook signing secrets), behind a prefix of their own.
pub(crate) fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// What is kept of a token or a partner key: its SHA-256 (each is random and long, so a slow
/// hash would add nothing but cost on every request).
pub(crate) fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Emails are matched without regard to case or surrounding spaces.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// The address a request came from: the connection's peer, or behind a trusted proxy the
/// client the proxy names (`None` when the server was started without connection info).
pub struct Source(pub Option<IpAddr>);

impl FromRequestParts<AppState> for Source {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip());
        let forwarded = parts.headers.get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok());
        Ok(Source(peer.map(|peer| client_address(peer, forwarded, &state.config.trusted_proxies))))
    }
}

/// The client behind any trusted proxies: each proxy appends the address it heard from, so
/// the list is read from its end, skipping trusted proxies. What a client wrote itself sits at
/// the start and is never believed.
fn client_address<'a>(peer: IpAddr, forwarded: impl Iterator<Item = &'a str>, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let hops: Vec<&str> = forwarded.flat_map(|header| header.split(',')).map(str::trim).collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        match hop.parse::<IpAddr>() {
            Ok(ip) if trusted.contains(&ip) => client = ip,
            Ok(ip) => return ip,
            Err(_) => break,
        }
    }
    client
}

const DEACTIVATED: &str = "this account is deactivated; an admin of your organisation can reactivate it";

/// `POST /v1/auth/login`.
#[utoipa::path(
    post,
    path = "/v1/auth/login",
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = LoginResponse),
        (status = 401, description = "Wrong email or password, or a deactivated user", body = talentdesk_sync::wire::ErrorBody),
        (status = 429, description = "Too many failed sign-ins for this account or from this address lately; `Retry-After` says how long to wait", body = talentdesk_sync::wire::ErrorBody),
    )
)]
pub async fn login(
    State(state): State<AppState>,
    Source(source): Source,
    ApiJson(request): ApiJson<LoginRequest>,
) -> Result<Json<LoginResponse>, ServerError> {
    const REFUSED: &str = "the email or password is wrong";
    let email = email_key(&request.email);
    let now = chrono::Utc::now();
    let keys = throttle::Keys::new(&email, source);
    throttle::attempt(&state.pool, &keys, now).await?;
    let account = {
        let mut conn = state.pool.acquire().await?;
        users::by_email(&mut conn, &email).await?
    };
    let hash = account.as_ref().map(|a| a.password_hash.clone());
    let matches = state.password_checks.matches(request.password, hash).await?;
    let Some(account) = account.filter(|_| matches) else {
        tracing::info!(source = ?source, "sign-in refused: wrong email or password");
        return Err(ServerError::Unauthorized(REFUSED));
    };
    // Told only to whoever knows the password: it says the account exists.
    if !account.active {
        tracing::info!(user = %account.user.id, "sign-in refused: the user is deactivated");
        return Err(ServerError::Unauthorized(DEACTIVATED));
    }
    let mut tx = state.pool.begin().await?;
    throttle::succeeded(&mut tx, &keys, now).await?;
    tokens::forget_old(&mut tx, account.user.id, now).await?;
    let token = new_token();
    let expires_at = now + chrono::Duration::days(state.config.token_days);
    tokens::insert(&mut tx, &token_hash(&token), account.user.id, now, expires_at).await?;
    tx.commit().await?;
    tracing::info!(user = %account.user.id, org = %account.org_id, "signed in");
    Ok(Json(LoginResponse { token, user: account.user, org_id: account.org_id }))
}

/// `POST /v1/auth/logout`: ends the sign-in whose token the request carries.
#[utoipa::path(
    post,
    path = "/v1/auth/logout",
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Signed out: the token no longer lets anyone in"),
        (status = 401, description = "No live sign-in", body = talentdesk_sync::wire::ErrorBody),
    )
)]
pub async fn logout(State(state): State<AppState>, caller: Caller) -> Result<StatusCode, ServerError> {
    let mut conn = state.pool.acquire().await?;
    tokens::revoke(&mut conn, &caller.token_hash, chrono::Utc::now()).await?;
    tracing::info!(user = %caller.user.id, "signed out");
    Ok(StatusCode::NO_CONTENT)
}

/// The signed-in user of a request; a route that takes it refuses requests without a live token.
pub struct Caller {
    pub user: User,
    pub org: Uuid,
    /// The SHA-256 of the token it came with: to end it, or to check it again later.
    pub token_hash: Vec<u8>,
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
        let hash = token_hash(token);
        let mut conn = state.pool.acquire().await?;
        let account = match tokens::check(&mut conn, &hash, chrono::Utc::now()).await? {
            tokens::TokenState::Valid(account) => account,
            tokens::TokenState::Expired => {
                return Err(ServerError::Unauthorized("the sign-in has expired; sign in again"));
            }
            tokens::TokenState::Revoked => {
                return Err(ServerError::Unauthorized("the sign-in was revoked; sign in again"));
            }
            tokens::TokenState::Deactivated => return Err(ServerError::Unauthorized(DEACTIVATED)),
            tokens::TokenState::Unknown => {
                return Err(ServerError::Unauthorized("the token is not valid; sign in again"));
            }
        };
        Ok(Caller { user: account.user, org: account.org_id, token_hash: hash })
    }
}

#[cfg(test)]
mod tests {
    use super::client_address;

    #[test]
    fn the_client_is_read_from_the_trusted_end_of_x_forwarded_for() {
        let ip = |s: &str| s.parse().unwrap();
        let proxies = [ip("10.0.0.5"), ip("10.0.0.6")];
        let at = |peer: &str, header: &[&str]| client_address(ip(peer), header.iter().copied(), &proxies);
        // Not from a proxy: the header is the client's own words.
        assert_eq!(at("203.0.113.9", &["1.2.3.4"]), ip("203.0.113.9"));
        // From a proxy: the last address it appended.
        assert_eq!(at("10.0.0.5", &["198.51.100.7"]), ip("198.51.100.7"));
        // A forged entry at the start is skipped; two proxies in a row are walked through.
        assert_eq!(at("10.0.0.5", &["6.6.6.6, 198.51.100.7, 10.0.0.6"]), ip("198.51.100.7"));
        assert_eq!(at("10.0.0.5", &["6.6.6.6", "198.51.100.7"]), ip("198.51.100.7"));
        // Nothing usable: the proxy itself.
        assert_eq!(at("10.0.0.5", &[]), ip("10.0.0.5"));
        assert_eq!(at("10.0.0.5", &["garbage"]), ip("10.0.0.5"));
    }
}
