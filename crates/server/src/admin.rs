//! What `talentdesk-server admin ...` does: orgs, users, passwords and sign-ins. Also how the
//! tests and the demo set up their orgs.

use sqlx::PgPool;
use talentdesk_domain::DomainError;
use talentdesk_domain::error::Thing;
use talentdesk_domain::record::SettingEntry;
use talentdesk_domain::template;
use talentdesk_domain::user::{Role, User};
use talentdesk_domain::validation;
use talentdesk_sync::wire::RecordKind;
use uuid::Uuid;

use crate::ServerError;
use crate::auth::{email_key, hash_password};
use crate::db::records::{self, Key, Scope};
use crate::db::users::Account;
use crate::db::{orgs, tokens, users};

/// Passwords shorter than this are refused.
pub const MIN_PASSWORD: usize = 10;

pub async fn create_org(pool: &PgPool, name: &str) -> Result<Uuid, ServerError> {
    let name = validation::required("org", name, validation::limits::SHORT_TEXT)?;
    let mut tx = pool.begin().await?;
    if orgs::by_name(&mut tx, &name).await?.is_some() {
        return Err(DomainError::invalid("org", format!("an org called \"{name}\" exists already")).into());
    }
    let id = talentdesk_domain::new_id();
    orgs::insert(&mut tx, id, &name).await?;
    // A new organisation starts with the default message templates, which its admins edit.
    let version = orgs::next_version(&mut tx, id).await?;
    for t in template::defaults() {
        let entry = SettingEntry { key: template::setting_key(t.id), value: serde_json::to_value(&t)? };
        let key = Key { kind: RecordKind::Setting, id: &entry.key };
        records::put(&mut tx, id, version, key, &entry, Scope::default()).await?;
    }
    tx.commit().await?;
    Ok(id)
}

pub struct NewUser<'a> {
    pub org: &'a str,
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub ats_id: Option<&'a str>,
    pub password: &'a str,
}

/// Creates the user in the org named `new.org` (see [`add_user`]).
pub async fn create_user(pool: &PgPool, new: NewUser<'_>) -> Result<User, ServerError> {
    let org = {
        let mut conn = pool.acquire().await?;
        orgs::by_name(&mut conn, new.org).await?.ok_or_else(|| DomainError::not_found("org", new.org))?
    };
    let person = Person { email: new.email, name: new.name, role: new.role, ats_id: new.ats_id };
    add_user(pool, org, person, new.password).await
}

/// Who a new user is, in an org known already.
pub(crate) struct Person<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub ats_id: Option<&'a str>,
}

/// Creates the user in `org` and announces them to the org's clients (users sync, without
/// secrets). An email with an account anywhere is refused without saying in which org.
pub(crate) async fn add_user(pool: &PgPool, org: Uuid, new: Person<'_>, password: &str) -> Result<User, ServerError> {
    let email = email_key(&validation::email(new.email)?);
    let user = User {
        id: talentdesk_domain::new_id(),
        email,
        name: validation::required("name", new.name, validation::limits::NAME)?,
        role: new.role,
        ats_id: validation::ats_id(new.ats_id.unwrap_or_default())?,
    };
    let password_hash = hash_password(checked_password(password)?)?;
    let mut tx = pool.begin().await?;
    let account = Account { user: user.clone(), org_id: org, password_hash, active: true };
    // The email's uniqueness is the database's to keep: an invite of the same email committed
    // by a teammate a moment ago is refused the same way as one from last week.
    match users::insert(&mut tx, &account).await {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(DomainError::AlreadyExists { field: "email".into(), what: Thing::User, id: user.email }.into());
        }
        inserted => inserted?,
    }
    ats_id_free(&mut tx, org, user.ats_id.as_deref(), user.id).await?;
    announce_user(&mut tx, org, &user).await?;
    tx.commit().await?;
    Ok(user)
}

/// Refuses `ats_id` (already validated) when another user of the org has it: each teammate's
/// submissions go to iCIMS under their own ID. Called after the user's own row is written:
/// the org's row is locked from here to the commit, so two teammates given the same ID at
/// once take turns and the second is refused. (Rows first, then the org, as a role change
/// does too: the other order could deadlock with it.)
pub(crate) async fn ats_id_free(
    tx: &mut sqlx::PgConnection,
    org: Uuid,
    ats_id: Option<&str>,
    user: Uuid,
) -> Result<(), ServerError> {
    let Some(ats_id) = ats_id else { return Ok(()) };
    orgs::lock(tx, org).await?;
    match users::ats_id_holder(tx, org, ats_id, user).await? {
        Some(holder) => Err(DomainError::AtsIdTaken { id: ats_id.to_owned(), user: holder }.into()),
        None => Ok(()),
    }
}

/// Puts the user's record (what the org's clients know of them) under the org's next version.
pub(crate) async fn announce_user(tx: &mut sqlx::PgConnection, org: Uuid, user: &User) -> Result<(), ServerError> {
    let version = orgs::next_version(tx, org).await?;
    let id = user.id.to_string();
    records::put(tx, org, version, Key { kind: RecordKind::User, id: &id }, user, Scope::default()).await?;
    orgs::announce(tx, org, version).await?;
    Ok(())
}

/// Sets a new password and ends every sign-in of the user.
pub async fn reset_password(pool: &PgPool, email: &str, password: &str) -> Result<u64, ServerError> {
    let mut conn = pool.acquire().await?;
    let account = account(&mut conn, email).await?;
    drop(conn);
    set_password(pool, &account, password).await
}

/// Sets the account's password, forgets its failed sign-ins and ends its sign-ins; returns
/// how many were live.
pub(crate) async fn set_password(pool: &PgPool, account: &Account, password: &str) -> Result<u64, ServerError> {
    let hash = hash_password(checked_password(password)?)?;
    let mut tx = pool.begin().await?;
    users::set_password_hash(&mut tx, account.user.id, &hash).await?;
    crate::throttle::forget_account(&mut tx, &account.user.email).await?;
    let revoked = tokens::revoke_all(&mut tx, account.user.id, chrono::Utc::now()).await?;
    tx.commit().await?;
    Ok(revoked)
}

/// Ends every sign-in of the user; returns how many were live.
pub async fn revoke_tokens(pool: &PgPool, email: &str) -> Result<u64, ServerError> {
    let mut conn = pool.acquire().await?;
    let account = account(&mut conn, email).await?;
    Ok(tokens::revoke_all(&mut conn, account.user.id, chrono::Utc::now()).await?)
}

async fn account(conn: &mut sqlx::PgConnection, email: &str) -> Result<Account, ServerError> {
    let key = email_key(email);
    users::by_email(conn, &key).await?.ok_or_else(|| DomainError::not_found("user", key).into())
}

fn checked_password(password: &str) -> Result<&str, DomainError> {
    if password.chars().count() < MIN_PASSWORD {
        return Err(DomainError::invalid("password", format!("needs at least {MIN_PASSWORD} characters")));
    }
    Ok(password)
}
