//! `users`: who signs in, their org, role and password hash.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use talentdesk_domain::user::{Role, User};
use uuid::Uuid;

/// A user as the server knows them.
#[derive(Debug, Clone)]
pub struct Account {
    pub user: User,
    pub org_id: Uuid,
    pub password_hash: String,
}

type Row = (Uuid, Uuid, String, String, String, Option<String>, String);

/// The columns every query reads, in the order of [`Row`].
macro_rules! columns {
    () => {
        "id, org_id, email, name, role, ats_id, password_hash"
    };
}

fn account((id, org_id, email, name, role, ats_id, password_hash): Row) -> Account {
    Account {
        // The CHECK constraint admits only the two codes.
        user: User { id, email, name, role: Role::parse(&role).unwrap_or(Role::Recruiter), ats_id },
        org_id,
        password_hash,
    }
}

pub async fn insert(conn: &mut PgConnection, account: &Account) -> sqlx::Result<()> {
    let u = &account.user;
    sqlx::query(concat!("INSERT INTO users (", columns!(), ") VALUES ($1, $2, $3, $4, $5, $6, $7)"))
        .bind(u.id)
        .bind(account.org_id)
        .bind(&u.email)
        .bind(&u.name)
        .bind(u.role.code())
        .bind(&u.ats_id)
        .bind(&account.password_hash)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn by_email(conn: &mut PgConnection, email: &str) -> sqlx::Result<Option<Account>> {
    let row: Option<Row> = sqlx::query_as(concat!("SELECT ", columns!(), " FROM users WHERE email = $1"))
        .bind(email)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(account))
}

pub async fn by_id(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Account>> {
    let row: Option<Row> = sqlx::query_as(concat!("SELECT ", columns!(), " FROM users WHERE id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(account))
}

pub async fn set_password_hash(conn: &mut PgConnection, id: Uuid, hash: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET password_hash = $2 WHERE id = $1").bind(id).bind(hash).execute(conn).await?;
    Ok(())
}

/// The account a bearer token belongs to, with the token's expiry and revocation time.
pub async fn by_token(
    conn: &mut PgConnection,
    hash: &[u8],
) -> sqlx::Result<Option<(Account, DateTime<Utc>, Option<DateTime<Utc>>)>> {
    type WithToken = (Uuid, Uuid, String, String, String, Option<String>, String, DateTime<Utc>, Option<DateTime<Utc>>);
    let row: Option<WithToken> = sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        ", expires_at, revoked_at FROM tokens JOIN users ON users.id = tokens.user_id WHERE hash = $1"
    ))
    .bind(hash)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id, org, email, name, role, ats_id, password_hash, expires_at, revoked_at)| {
        (account((id, org, email, name, role, ats_id, password_hash)), expires_at, revoked_at)
    }))
}
