//! What a sign-up page reads: the organisation its address names, its event, its settings,
//! and the candidate an email address belongs to.

use sqlx::PgConnection;
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_domain::event::Event;
use talentdesk_domain::record::{AREAS_OF_INTEREST, CONSENT_TEXT, SettingEntry};
use talentdesk_sync::wire::RecordKind;
use uuid::Uuid;

use crate::db::records::{self, Key};

/// The organisation a page's slug names.
pub struct Org {
    pub id: Uuid,
    pub name: String,
}

pub async fn org(conn: &mut PgConnection, slug: &str) -> sqlx::Result<Option<Org>> {
    let row: Option<(Uuid, String)> =
        sqlx::query_as("SELECT id, name FROM orgs WHERE slug = $1").bind(slug).fetch_optional(conn).await?;
    Ok(row.map(|(id, name)| Org { id, name }))
}

/// The org's slug (every org has one: the migration and a trigger make it).
pub async fn slug(conn: &mut PgConnection, org: Uuid) -> sqlx::Result<String> {
    sqlx::query_scalar("SELECT slug FROM orgs WHERE id = $1").bind(org).fetch_one(conn).await
}

/// The org's name.
pub async fn org_name(conn: &mut PgConnection, org: Uuid) -> sqlx::Result<String> {
    sqlx::query_scalar("SELECT name FROM orgs WHERE id = $1").bind(org).fetch_one(conn).await
}

/// The org's event, archived or not.
pub async fn event(conn: &mut PgConnection, org: Uuid, id: Uuid) -> sqlx::Result<Option<Event>> {
    records::get(conn, org, Key { kind: RecordKind::Event, id: &id.to_string() }).await
}

/// The org's event, unless it is unknown or archived (no longer open for registration).
pub async fn open_event(conn: &mut PgConnection, org: Uuid, id: Uuid) -> sqlx::Result<Option<Event>> {
    Ok(event(conn, org, id).await?.filter(|e| !e.archived))
}

/// What the page shows from the org's settings.
pub struct PageSettings {
    pub areas: Vec<String>,
    pub consent: Option<String>,
}

pub async fn page_settings(conn: &mut PgConnection, org: Uuid) -> sqlx::Result<PageSettings> {
    Ok(PageSettings {
        areas: setting(conn, org, AREAS_OF_INTEREST).await?,
        consent: setting(conn, org, CONSENT_TEXT).await?,
    })
}

/// A setting's value, or its default when unset (or unreadable: the page still shows).
async fn setting<T: serde::de::DeserializeOwned + Default>(
    conn: &mut PgConnection,
    org: Uuid,
    key: &str,
) -> sqlx::Result<T> {
    let entry: Option<SettingEntry> = records::get(conn, org, Key { kind: RecordKind::Setting, id: key }).await?;
    Ok(entry.and_then(|e| serde_json::from_value(e.value).ok()).unwrap_or_default())
}

/// The live candidate whose email address is `email` (compared without regard to case), the
/// earliest when several share it.
pub async fn candidate_with_email(conn: &mut PgConnection, org: Uuid, email: &str) -> sqlx::Result<Option<Uuid>> {
    let found: Vec<CandidateAggregate> =
        records::candidates_with_email(conn, org, &crate::auth::email_key(email), 1).await?;
    Ok(found.first().map(|a| a.candidate.id))
}
