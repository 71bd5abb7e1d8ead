//! The talent-community sign-up page (`/join/{org-slug}`, and an event's,
//! `/join/{org-slug}/events/{event}`): a public form, served as plain HTML, whose sending
//! creates or updates the candidate through the one write path — `candidate.sign_up`, taken by
//! [`crate::push::take_as`] as the org's self-service actor, so the candidate, their resume,
//! their registration and the confirmation email reach every desktop by sync like any change.
//! The page checks the form and reads its resume, keeps it ([`queue`]) and thanks the person;
//! the [`worker`] applies it moments later.
//!
//! Against abuse: sign-ups per client address and per email address are counted
//! ([`limits`]), a honeypot field catches form-filling robots, bodies and resumes have size
//! limits, resumes are read in an isolated child ([`reading`]), and the page answers the same
//! whether or not the address is known — the known person gets an email, never a page with
//! their data (what a sign-up may change of a known candidate: [`talentdesk_domain::signup`]).

mod form;
mod limits;
mod lookup;
mod page;
mod queue;
mod reading;
mod texts;
pub mod worker;

/// The channel a taken form's commit wakes the sign-up workers on.
pub use queue::CHANNEL;

use std::path::PathBuf;

use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use talentdesk_domain::candidate::Profile;
use talentdesk_domain::event::Event;
use talentdesk_sync::signup_page::SignUpPage;
use uuid::Uuid;

use self::form::{Problem, Sent, Unreadable, Upload, field};
use self::lookup::Org;
use self::page::{Shown, Target};
use self::queue::Submission;
pub use self::reading::Reader;
use self::texts::Texts;
use crate::ServerError;
use crate::app::AppState;
use crate::auth::{Caller, Source};
use crate::public_page::{Lang, cross_site, from_own_page, respond};

/// The `[signup]` settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// Sign-ups taken from one client address (an IPv6 /64) per hour, per organisation.
    pub per_address_per_hour: u32,
    /// Sign-ups with one email address per hour; further ones are thanked and dropped (no
    /// confirmation is sent), so nobody can flood an inbox through the page.
    pub per_email_per_hour: u32,
    /// The largest resume taken, in bytes.
    pub max_resume_bytes: usize,
    /// Resumes read at once (each by a child process).
    pub concurrent_reads: usize,
    /// How long reading one resume may take, in milliseconds.
    pub read_time_limit_ms: u64,
    /// The program that reads resumes, run as `PROGRAM extract-text`: this server's own binary
    /// when unset (tests name it, being another program).
    pub resume_reader: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            per_address_per_hour: 20,
            per_email_per_hour: 3,
            max_resume_bytes: 5 * 1024 * 1024,
            concurrent_reads: 4,
            read_time_limit_ms: 5_000,
            resume_reader: None,
        }
    }
}

/// `GET /v1/sign-up-page`: the address of the caller's organisation's sign-up page.
#[utoipa::path(
    get,
    path = "/v1/sign-up-page",
    tag = "sign-up",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The page's address; `/events/{event id}` after it is an event's page", body = SignUpPage),
        (status = 401, description = "No live sign-in", body = talentdesk_sync::wire::ErrorBody),
    )
)]
pub async fn address(State(state): State<AppState>, caller: Caller) -> Result<Json<SignUpPage>, ServerError> {
    let mut conn = state.pool.acquire().await?;
    let slug = lookup::slug(&mut conn, caller.org).await?;
    let url = format!("{}/join/{slug}", state.config.public_url.trim_end_matches('/'));
    Ok(Json(SignUpPage { url, slug }))
}

/// The sign-up pages, each reading at most a resume and the fields around it.
pub fn routes(config: &crate::config::Config) -> Router<AppState> {
    let body_limit = config.signup.max_resume_bytes.saturating_mul(2).saturating_add(64 * 1024);
    Router::new()
        .route("/join/{slug}", get(show).post(send))
        .route("/join/{slug}/events/{event}", get(show_event).post(send_event))
        .layer(DefaultBodyLimit::max(body_limit))
}

async fn show(State(state): State<AppState>, Path(slug): Path<String>, headers: HeaderMap) -> Response {
    let lang = Lang::of(&headers);
    answer(lang, serve_form(&state, lang, &slug, None).await)
}

async fn show_event(
    State(state): State<AppState>,
    Path((slug, event)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let lang = Lang::of(&headers);
    answer(lang, serve_form(&state, lang, &slug, Some(&event)).await)
}

async fn send(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Source(source): Source,
    headers: HeaderMap,
    body: Result<Multipart, MultipartRejection>,
) -> Response {
    let lang = Lang::of(&headers);
    if !from_own_page(&headers, &state.config.public_url) {
        tracing::info!(%slug, "refused a sign-up form sent from another site");
        return cross_site(lang);
    }
    answer(lang, take(&state, lang, &slug, None, source, body).await)
}

async fn send_event(
    State(state): State<AppState>,
    Path((slug, event)): Path<(String, String)>,
    Source(source): Source,
    headers: HeaderMap,
    body: Result<Multipart, MultipartRejection>,
) -> Response {
    let lang = Lang::of(&headers);
    if !from_own_page(&headers, &state.config.public_url) {
        tracing::info!(%slug, "refused a sign-up form sent from another site");
        return cross_site(lang);
    }
    answer(lang, take(&state, lang, &slug, Some(&event), source, body).await)
}

/// A page to answer with, or the failure of something the page needed (the database).
type Answer = Result<Response, ServerError>;

fn answer(lang: Lang, answer: Answer) -> Response {
    answer.unwrap_or_else(|e| {
        tracing::error!(error = %e, "the sign-up page failed");
        let t = texts::of(lang);
        respond(StatusCode::SERVICE_UNAVAILABLE, page::message(lang, "", t.limited_title, t.unavailable))
    })
}

/// Where a page is: its organisation and event, with what the form offers.
struct Place {
    org: Org,
    event: Option<Event>,
    areas: Vec<String>,
    consent: Option<String>,
    max_resume_mb: u64,
}

impl Place {
    fn target(&self) -> Target<'_> {
        Target {
            org: &self.org.name,
            event: self.event.as_ref(),
            areas: &self.areas,
            consent: self.consent.as_deref(),
            max_resume_mb: self.max_resume_mb,
        }
    }
}

/// The page's organisation and event, or the not-found page.
async fn place(
    state: &AppState,
    lang: Lang,
    slug: &str,
    event: Option<&str>,
) -> Result<Result<Place, Response>, ServerError> {
    let not_found = || {
        let t = texts::of(lang);
        Ok(Err(respond(StatusCode::NOT_FOUND, page::message(lang, "", t.not_found_title, t.not_found))))
    };
    let mut conn = state.pool.acquire().await?;
    let Some(org) = lookup::org(&mut conn, slug).await? else {
        return not_found();
    };
    let event = match event {
        None => None,
        Some(id) => match id.parse::<Uuid>() {
            Ok(id) => match lookup::open_event(&mut conn, org.id, id).await? {
                Some(event) => Some(event),
                None => return not_found(),
            },
            Err(_) => return not_found(),
        },
    };
    let settings = lookup::page_settings(&mut conn, org.id).await?;
    let max_resume_mb = (state.config.signup.max_resume_bytes as u64).div_ceil(1024 * 1024);
    Ok(Ok(Place { org, event, areas: settings.areas, consent: settings.consent, max_resume_mb }))
}

async fn serve_form(state: &AppState, lang: Lang, slug: &str, event: Option<&str>) -> Answer {
    let place = match place(state, lang, slug, event).await? {
        Ok(place) => place,
        Err(not_found) => return Ok(not_found),
    };
    Ok(respond(StatusCode::OK, page::form(lang, texts::of(lang), &place.target(), &Shown::default())))
}

/// A sent form: counted, read, checked and its resume read, then kept for the worker to apply.
async fn take(
    state: &AppState,
    lang: Lang,
    slug: &str,
    event: Option<&str>,
    source: Option<std::net::IpAddr>,
    body: Result<Multipart, MultipartRejection>,
) -> Answer {
    let t = texts::of(lang);
    let place = match place(state, lang, slug, event).await? {
        Ok(place) => place,
        Err(not_found) => return Ok(not_found),
    };
    let settings = &state.config.signup;
    if !limits::address_within(&state.pool, place.org.id, source, settings.per_address_per_hour).await? {
        tracing::info!(org = %place.org.id, "refused a sign-up: too many from its address");
        let html = page::message(lang, &place.org.name, t.limited_title, t.limited);
        return Ok(respond(StatusCode::TOO_MANY_REQUESTS, html));
    }
    let again = |status, shown: Shown<'_>| Ok(respond(status, page::form(lang, t, &place.target(), &shown)));
    let sent = match body.map_err(|e| Unreadable::Malformed(e.body_text())) {
        Ok(multipart) => form::read(multipart, settings.max_resume_bytes).await,
        Err(e) => Err(e),
    };
    let sent = match sent {
        Ok(sent) => sent,
        Err(Unreadable::TooLarge) => {
            let general = t.resume_too_large.replace("{mb}", &place.max_resume_mb.to_string());
            return again(StatusCode::PAYLOAD_TOO_LARGE, Shown { general: Some(general), ..Shown::default() });
        }
        Err(Unreadable::Malformed(why)) => {
            tracing::info!(%why, "refused a sign-up form that could not be read");
            return again(StatusCode::BAD_REQUEST, Shown::default());
        }
    };
    if !sent.typed.honeypot.is_empty() {
        // A robot: thanked like anyone, so it learns nothing, and nothing is kept.
        tracing::info!(org = %place.org.id, "dropped a sign-up that filled in the honeypot");
        return Ok(respond(StatusCode::OK, page::thanks(lang, t, &place.org.name, place.event.as_ref())));
    }
    let mut problems = Vec::new();
    let checked = form::check(&sent.typed, &place.areas, t).map_err(|p| problems = p).ok();
    // The resume is read whether or not the address is known, so the answer (and the time it
    // takes) never tells which it was.
    let resume = read_resume(state, t, &sent, &place, &mut problems).await;
    let (Some(checked), true) = (checked, problems.is_empty()) else {
        let status =
            if sent.resume_too_large { StatusCode::PAYLOAD_TOO_LARGE } else { StatusCode::UNPROCESSABLE_ENTITY };
        return again(status, Shown { typed: Some(&sent.typed), problems: &problems, general: None });
    };
    if !limits::email_within(&state.pool, place.org.id, &checked.email, settings.per_email_per_hour).await? {
        tracing::info!(org = %place.org.id, "dropped a sign-up: its email address was given too often");
        return Ok(respond(StatusCode::OK, page::thanks(lang, t, &place.org.name, place.event.as_ref())));
    }
    // Whether the address is known is looked up after the answer, by the worker: the page
    // says and takes the same for everyone.
    let (resume_profile, resume) = resume.unzip();
    let submission = Submission { checked, resume_profile };
    queue::submit(&state.pool, place.org.id, lang, place.event.as_ref().map(|e| e.id), &submission, resume).await?;
    Ok(respond(StatusCode::OK, page::thanks(lang, t, &place.org.name, place.event.as_ref())))
}

async fn read_resume(
    state: &AppState,
    t: &Texts,
    sent: &Sent,
    place: &Place,
    problems: &mut Vec<Problem>,
) -> Option<(Profile, Upload)> {
    if sent.resume_too_large {
        let message = t.resume_too_large.replace("{mb}", &place.max_resume_mb.to_string());
        problems.push(Problem { field: field::RESUME, message });
        return None;
    }
    let upload = sent.resume.as_ref()?;
    match state.resume_reader.profile_of(upload.bytes.clone()).await {
        Ok(profile) => Some((profile, Upload { file_name: upload.file_name.clone(), bytes: upload.bytes.clone() })),
        Err(e) => {
            tracing::info!(error = %e, "a sign-up's resume could not be read");
            problems.push(Problem {
                field: field::RESUME,
                message: t.resume_unreadable.replace("{reason}", &e.to_string()),
            });
            None
        }
    }
}
