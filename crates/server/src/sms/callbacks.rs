//! What the provider posts back: a text's later states (`POST /v1/sms/status`, the
//! `StatusCallback` each text names) and the texts people send to the organisation's number
//! (`POST /v1/sms/inbound`, set as the number's incoming-message webhook at the provider).
//! Both are signed by the provider ([`super::signature`]); an unsigned or forged one is
//! refused (401) and changes nothing, as is every one on a server without a provider. Also `GET /v1/features`, which tells desktops whether texts
//! can be sent at all.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use talentdesk_domain::DomainError;
use talentdesk_domain::message::Message;
use talentdesk_domain::mutation::Mutation;
use talentdesk_sync::wire::{ErrorBody, PushOutcome, ServerFeatures};

use super::keywords::{self, Reply};
use super::{phones, sent, signature};
use crate::ServerError;
use crate::app::AppState;
use crate::auth::Caller;
use crate::email::update_message;
use crate::{actors, push};

pub const STATUS_PATH: &str = "/v1/sms/status";
pub const INBOUND_PATH: &str = "/v1/sms/inbound";

/// The form fields of a callback, in the order sent.
type Params = Vec<(String, String)>;

/// `GET /v1/features`.
#[utoipa::path(
    get,
    path = "/v1/features",
    tag = "sync",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "What this server does beyond sync: `texts` when a text message provider is configured (without one, `text.send` is refused)", body = ServerFeatures),
        (status = 401, description = "No live sign-in", body = ErrorBody),
    )
)]
pub async fn features(State(state): State<AppState>, _caller: Caller) -> Json<ServerFeatures> {
    Json(ServerFeatures { texts: state.config.sms.is_some() })
}

/// `POST /v1/sms/status`.
#[utoipa::path(
    post,
    path = "/v1/sms/status",
    tag = "sms",
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "Twilio's status callback: `MessageSid`, `MessageStatus` (queued, sent, delivered, undelivered, failed), `ErrorCode`"),
    params(("X-Twilio-Signature" = String, Header, description = "The provider's signature of the URL and the form")),
    responses(
        (status = 204, description = "Recorded on the message (or nothing new)"),
        (status = 401, description = "Not signed by the provider (or no provider is configured)", body = ErrorBody),
        (status = 404, description = "No text of this server has this `MessageSid`", body = ErrorBody),
    )
)]
pub async fn status(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Result<StatusCode, ServerError> {
    let params = signed(&state, STATUS_PATH, &headers, &body)?;
    let sid = param(&params, "MessageSid").or_else(|| param(&params, "SmsSid")).unwrap_or_default();
    let state_name = param(&params, "MessageStatus").or_else(|| param(&params, "SmsStatus")).unwrap_or_default();
    let mut conn = state.pool.acquire().await?;
    let (org, message_id) =
        sent::find(&mut conn, sid).await?.ok_or_else(|| DomainError::not_found("text message", sid))?;
    drop(conn);
    let now = chrono::Utc::now();
    let change: Box<dyn Fn(&mut Message) -> bool + Send + Sync> = match state_name {
        "sent" => Box::new(move |m: &mut Message| {
            let first = m.sent_at.is_none();
            m.sent_at.get_or_insert(now);
            first
        }),
        "delivered" => Box::new(move |m: &mut Message| {
            let first = m.delivered_at.is_none();
            m.sent_at.get_or_insert(now);
            m.delivered_at.get_or_insert(now);
            // A carrier's late failure report does not outlive the handset's receipt.
            m.bounced_at = None;
            m.failure = None;
            first
        }),
        "failed" | "undelivered" => {
            let reason = failure(&params);
            Box::new(move |m: &mut Message| {
                if m.delivered_at.is_some() || m.bounced_at.is_some() {
                    return false;
                }
                m.sent_at.get_or_insert(now);
                m.bounced_at = Some(now);
                m.failure = Some(reason.clone());
                true
            })
        }
        // queued, accepted, sending, scheduled: nothing the message does not say already.
        _ => return Ok(StatusCode::NO_CONTENT),
    };
    update_message(&state.pool, org, &message_id, change).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /v1/sms/inbound`.
#[utoipa::path(
    post,
    path = "/v1/sms/inbound",
    tag = "sms",
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "Twilio's incoming message webhook: `From`, `To`, `Body`"),
    params(("X-Twilio-Signature" = String, Header, description = "The provider's signature of the URL and the form")),
    responses(
        (status = 200, description = "An empty TwiML answer (the provider sends its own opt-out confirmation). STOP, STOPALL, UNSUBSCRIBE, CANCEL, END or QUIT sent to this server's sending number (`sms.from`, or a number of its messaging service) opts the sender's candidates out of texts; START or UNSTOP back in; any other text, or one to another number, changes nothing", content_type = "text/xml"),
        (status = 401, description = "Not signed by the provider (or no provider is configured)", body = ErrorBody),
    )
)]
pub async fn inbound(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Result<Response, ServerError> {
    let params = signed(&state, INBOUND_PATH, &headers, &body)?;
    let from = param(&params, "From").unwrap_or_default();
    let to = param(&params, "To").unwrap_or_default();
    let ours = state.config.sms.as_ref().is_some_and(|s| s.is_ours(to, param(&params, "MessagingServiceSid")));
    let reply = param(&params, "Body").and_then(keywords::reply);
    if reply.is_some() && !ours {
        // Another number of the same provider account (its webhook pointed here by mistake):
        // its STOP is not about our texts. Answered 200 all the same, so it is not sent again.
        tracing::warn!(%to, "ignored an opt-out keyword sent to a number that is not this server's sending number");
    }
    if let Some(reply) = reply.filter(|_| ours) {
        let opted_out = reply == Reply::OptOut;
        let mut conn = state.pool.acquire().await?;
        let people = phones::candidates_with(&mut conn, from).await?;
        drop(conn);
        // As the candidates themselves, through the one write path: history names them.
        for (org, candidate_id) in people {
            let mut conn = state.pool.acquire().await?;
            let actor = actors::self_service(&mut conn, org).await?;
            drop(conn);
            let change = Mutation::SetTextsOptedOut { candidate_id, opted_out };
            for outcome in push::take_as(&state.pool, org, &actor, vec![change]).await? {
                if let PushOutcome::Rejected { reason } = outcome {
                    tracing::warn!(%org, %candidate_id, %reason, "a reply to a text could not be recorded");
                }
            }
        }
    }
    let twiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";
    Ok(([(header::CONTENT_TYPE, "text/xml")], twiml).into_response())
}

/// The form of a request the provider signed for the URL it called; anything else is refused
/// before it is read. Without a provider nothing can be signed by one.
fn signed(state: &AppState, path: &str, headers: &HeaderMap, body: &[u8]) -> Result<Params, ServerError> {
    const UNSIGNED: ServerError = ServerError::Unauthorized("the request is not signed by the text message provider");
    let settings = state.config.sms.as_ref().ok_or(UNSIGNED)?;
    let given = headers.get(signature::HEADER).and_then(|v| v.to_str().ok()).ok_or(UNSIGNED)?;
    let params: Params = form_urlencoded::parse(body).into_owned().collect();
    let url = format!("{}{path}", state.config.public_url.trim_end_matches('/'));
    if !signature::verify(&settings.auth_token, &url, &params, given) {
        tracing::warn!(%path, "refused a text message callback without the provider's signature");
        return Err(UNSIGNED);
    }
    Ok(params)
}

fn param<'a>(params: &'a Params, name: &str) -> Option<&'a str> {
    params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// The provider's reason for a failed text: its error code, with what the code means.
fn failure(params: &Params) -> String {
    let code = param(params, "ErrorCode").filter(|c| !c.is_empty());
    let words = param(params, "ErrorMessage").filter(|w| !w.is_empty()).or_else(|| code.and_then(meaning));
    match (code, words) {
        (Some(code), Some(words)) => format!("{code}: {words}"),
        (Some(code), None) => format!("error {code}"),
        (None, Some(words)) => words.to_owned(),
        (None, None) => "the carrier did not deliver it".to_owned(),
    }
}

/// Twilio's most common delivery errors, in its words.
fn meaning(code: &str) -> Option<&'static str> {
    Some(match code {
        "30003" => "Unreachable destination handset",
        "30004" => "Message blocked",
        "30005" => "Unknown destination handset",
        "30006" => "Landline or unreachable carrier",
        "30007" => "Message filtered by the carrier",
        "30008" => "Unknown error",
        "21610" => "The recipient has opted out (replied STOP)",
        _ => return None,
    })
}
