//! A candidate's own preferences page and the one-click unsubscribe (RFC 8058), reached only
//! through the signed, expiring link every email carries ([`link`]). The person may change
//! their areas of interest, unsubscribe from campaign emails (the Candidate Opt-out
//! engagement) and ask to be forgotten (a request an admin decides in the app). Each change
//! is a mutation taken by [`crate::push::take_as`] as the org's self-service actor: the same
//! rules and history as a desktop's change, and it reaches every desktop by sync.
//!
//! `GET /preferences/{token}` shows the page; `POST` there takes one form (`action`). Mail
//! providers `POST` the `List-Unsubscribe` address, `/unsubscribe/{token}`, with no page in
//! between; a `GET` of it (a person following it) leads to the page.

mod link;
mod page;
mod texts;

use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use sqlx::PgConnection;
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_domain::candidate::FieldValue;
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::record::{AREAS_OF_INTEREST, SettingEntry};
use talentdesk_sync::wire::{PushOutcome, RecordKind};
use uuid::Uuid;

pub use self::link::{Holder, Purpose, Refused, Secret};
use self::page::{Notice, Shown};
use crate::ServerError;
use crate::app::AppState;
use crate::config::Config;
use crate::db::records::{self, Key};
use crate::public_page::{Lang, cross_site, from_own_page, respond};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/preferences/{token}", get(show).post(change))
        .route("/unsubscribe/{token}", get(to_page).post(one_click))
}

/// The addresses an email to the candidate carries: the preferences page (in its footer) and
/// the one-click unsubscribe (its `List-Unsubscribe` header).
pub struct Links {
    pub page: String,
    pub one_click: String,
}

/// The candidate's links, valid for `preference_link_days` from now.
pub async fn links(conn: &mut PgConnection, config: &Config, org: Uuid, candidate: Uuid) -> sqlx::Result<Links> {
    let secret = Secret::get(conn, config).await?;
    let until = chrono::Utc::now() + chrono::Duration::days(i64::from(config.preference_link_days));
    let token = secret.sign(Holder { org, candidate, purpose: Purpose::Preferences }, until);
    let base = config.public_url.trim_end_matches('/');
    Ok(Links { page: format!("{base}/preferences/{token}"), one_click: format!("{base}/unsubscribe/{token}") })
}

/// The address of the candidate's preferences page (for a confirmation email's text).
pub async fn link(conn: &mut PgConnection, config: &Config, org: Uuid, candidate: Uuid) -> sqlx::Result<String> {
    Ok(links(conn, config, org, candidate).await?.page)
}

#[derive(Deserialize)]
struct After {
    done: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(after): Query<After>,
    headers: HeaderMap,
) -> Response {
    let lang = Lang::of(&headers);
    let notice = match after.done.as_deref() {
        Some("interests") => Notice::Saved(texts::of(lang).interests_saved),
        _ => Notice::None,
    };
    answer(lang, serve(&state, lang, &token, notice).await)
}

async fn to_page(Path(token): Path<String>) -> Response {
    see_other(&format!("/preferences/{token}"))
}

/// A page to answer with, or the failure of something the page needed (the database).
type Answer = Result<Response, ServerError>;

fn answer(lang: Lang, answer: Answer) -> Response {
    answer.unwrap_or_else(|e| {
        tracing::error!(error = %e, "the preferences page failed");
        let t = texts::of(lang);
        respond(StatusCode::SERVICE_UNAVAILABLE, page::message(lang, "", t.unavailable_title, t.unavailable))
    })
}

fn see_other(location: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, location.to_owned())]).into_response()
}

/// The person the link is for, with their organisation's name, or the page saying why not.
struct Visit {
    org: Uuid,
    org_name: String,
    candidate: CandidateAggregate,
}

async fn visit(state: &AppState, lang: Lang, token: &str) -> Result<Result<Visit, Response>, ServerError> {
    let t = texts::of(lang);
    let mut conn = state.pool.acquire().await?;
    let secret = Secret::get(&mut conn, &state.config).await?;
    let holder = match secret.check(token, chrono::Utc::now()) {
        Ok(holder) => holder,
        Err(refused) => {
            tracing::info!(?refused, "a preferences link was refused");
            let (status, title, said) = match refused {
                Refused::Forged => (StatusCode::NOT_FOUND, t.forged_title, t.forged),
                Refused::Expired => (StatusCode::GONE, t.expired_title, t.expired),
            };
            return Ok(Err(respond(status, page::message(lang, "", title, said))));
        }
    };
    let org_name: String =
        sqlx::query_scalar("SELECT name FROM orgs WHERE id = $1").bind(holder.org).fetch_one(&mut *conn).await?;
    let Some(candidate) = candidate_or_survivor(&mut conn, holder.org, holder.candidate).await? else {
        // Erased (or merged into someone since deleted): nothing of theirs is left to show.
        return Ok(Err(respond(StatusCode::GONE, page::message(lang, &org_name, t.gone_title, t.gone))));
    };
    Ok(Ok(Visit { org: holder.org, org_name, candidate }))
}

/// The link's candidate, or, when a merge took them, the candidate they were merged into (who
/// has their address and what they asked for): a link in an email sent before the merge
/// still works.
async fn candidate_or_survivor(
    conn: &mut PgConnection,
    org: Uuid,
    id: Uuid,
) -> sqlx::Result<Option<CandidateAggregate>> {
    if let Some(found) = records::get(&mut *conn, org, Key { kind: RecordKind::Candidate, id: &id.to_string() }).await?
    {
        return Ok(Some(found));
    }
    let Some(survivor) = crate::db::merge::survivors(&mut *conn, org, &[id]).await?.remove(&id) else {
        return Ok(None);
    };
    records::get(conn, org, Key { kind: RecordKind::Candidate, id: &survivor.to_string() }).await
}

async fn areas(conn: &mut PgConnection, org: Uuid) -> sqlx::Result<Vec<String>> {
    let entry: Option<SettingEntry> =
        records::get(conn, org, Key { kind: RecordKind::Setting, id: AREAS_OF_INTEREST }).await?;
    Ok(entry.and_then(|e| serde_json::from_value(e.value).ok()).unwrap_or_default())
}

async fn serve(state: &AppState, lang: Lang, token: &str, notice: Notice) -> Answer {
    let visit = match visit(state, lang, token).await? {
        Ok(visit) => visit,
        Err(refused) => return Ok(refused),
    };
    let status = if matches!(notice, Notice::Problem(_)) { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    Ok(respond(status, render(state, lang, token, &visit, notice).await?))
}

async fn render(
    state: &AppState,
    lang: Lang,
    token: &str,
    visit: &Visit,
    notice: Notice,
) -> Result<String, ServerError> {
    let areas = areas(&mut *state.pool.acquire().await?, visit.org).await?;
    let address = format!("/preferences/{token}");
    let shown = Shown { org: &visit.org_name, address: &address, candidate: &visit.candidate, areas: &areas, notice };
    Ok(page::preferences(lang, texts::of(lang), &shown))
}

/// A sent form: `action` says which, the rest are its fields (`interest` as often as chosen).
async fn change(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let lang = Lang::of(&headers);
    if !from_own_page(&headers, &state.config.public_url) {
        tracing::info!("refused a preferences form sent from another site");
        return cross_site(lang);
    }
    answer(lang, take(&state, lang, &token, &fields).await)
}

async fn take(state: &AppState, lang: Lang, token: &str, fields: &[(String, String)]) -> Answer {
    let t = texts::of(lang);
    let visit = match visit(state, lang, token).await? {
        Ok(visit) => visit,
        Err(refused) => return Ok(refused),
    };
    let field = |name| values(fields, name);
    let candidate_id = visit.candidate.id();
    let (mutation, done) = match field("action").next() {
        Some("interests") => {
            let had = visit.candidate.candidate.profile.interests.clone();
            let chosen = field("interest").map(str::to_owned).collect();
            let change = FieldChange { from: FieldValue::Interests(had), to: FieldValue::Interests(chosen) };
            (Mutation::CandidateUpdate { candidate_id, changes: vec![change] }, "interests")
        }
        Some("unsubscribe") => (Mutation::CandidateOptOut { candidate_id }, ""),
        Some("forget") if field("confirm").any(|v| v == "yes") => (Mutation::RequestErasure { candidate_id }, ""),
        Some("forget") => {
            let notice = Notice::Problem(t.forget_unconfirmed.into());
            return Ok(respond(StatusCode::UNPROCESSABLE_ENTITY, render(state, lang, token, &visit, notice).await?));
        }
        _ => return Ok(respond(StatusCode::BAD_REQUEST, render(state, lang, token, &visit, Notice::None).await?)),
    };
    match on_their_behalf(state, visit.org, mutation).await? {
        // Back to the page as it is now: a reload sends nothing again.
        Ok(()) if done.is_empty() => Ok(see_other(&format!("/preferences/{token}"))),
        Ok(()) => Ok(see_other(&format!("/preferences/{token}?done={done}"))),
        Err(reason) => {
            let notice = Notice::Problem(t.not_saved.replace("{reason}", &reason));
            Ok(respond(StatusCode::UNPROCESSABLE_ENTITY, render(state, lang, token, &visit, notice).await?))
        }
    }
}

/// The values sent under `name`, in order.
fn values<'a>(fields: &'a [(String, String)], name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    fields.iter().filter(move |(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// RFC 8058: the mail provider's `POST` unsubscribes, whatever its body; the answer is a page
/// for those who show it. It is not asked where it comes from: providers send it from their
/// own servers, and it only ever does what the link's holder asked by following it.
async fn one_click(State(state): State<AppState>, Path(token): Path<String>, headers: HeaderMap) -> Response {
    let lang = Lang::of(&headers);
    answer(lang, unsubscribe(&state, lang, &token).await)
}

async fn unsubscribe(state: &AppState, lang: Lang, token: &str) -> Answer {
    let t = texts::of(lang);
    let visit = match visit(state, lang, token).await? {
        Ok(visit) => visit,
        Err(refused) => return Ok(refused),
    };
    match on_their_behalf(state, visit.org, Mutation::CandidateOptOut { candidate_id: visit.candidate.id() }).await? {
        Ok(()) => Ok(respond(StatusCode::OK, page::message(lang, &visit.org_name, t.one_click_title, t.one_click))),
        Err(reason) => {
            let said = t.not_saved.replace("{reason}", &reason);
            Ok(respond(StatusCode::UNPROCESSABLE_ENTITY, page::message(lang, &visit.org_name, t.title, &said)))
        }
    }
}

/// Takes the mutation as the org's self-service actor; `Err` is the rules' refusal in words.
async fn on_their_behalf(state: &AppState, org: Uuid, mutation: Mutation) -> Result<Result<(), String>, ServerError> {
    let actor = crate::actors::self_service(&mut *state.pool.acquire().await?, org).await?;
    let name = mutation.name();
    match crate::push::take_as(&state.pool, org, &actor, vec![mutation]).await?.into_iter().next() {
        Some(PushOutcome::Applied { .. }) => {
            tracing::info!(%org, mutation = %name, "a candidate changed their preferences");
            Ok(Ok(()))
        }
        Some(PushOutcome::Rejected { reason }) => {
            tracing::info!(%org, mutation = %name, %reason, "a candidate's change was refused");
            Ok(Err(reason.to_string()))
        }
        None => Err(ServerError::Corrupt("a change was taken without an outcome".into())),
    }
}
