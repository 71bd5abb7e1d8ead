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
    /// Deactivated by an admin: no sign-in, no token works.
    pub active: bool,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    org_id: Uuid,
    email: String,
    name: String,
    role: String,
    ats_id: Option<String>,
    password_hash: String,
    deactivated_at: Option<DateTime<Utc>>,
}

/// The columns of [`Row`], which every query reads.
macro_rules! columns {
    () => {
        "users.id, org_id, email, name, role, ats_id, password_hash, deactivated_at"
    };
}

impl From<Row> for Account {
    fn from(r: Row) -> Self {
        Account {
            // The CHECK constraint admits only the two codes.
            user: User {
                id: r.id,
                email: r.email,
                name: r.name,
                role: Role::parse(&r.role).unwrap_or(Role::Recruiter),
                ats_id: r.ats_id,
            },
            org_id: r.org_id,
            password_hash: r.password_hash,
            active: r.deactivated_at.is_none(),
        }
    }
}

pub async fn insert(conn: &mut PgConnection, account: &Account) -> sqlx::Result<()> {
    let u = &account.user;
    sqlx::query(
        "INSERT INTO users (id, org_id, email, name, role, ats_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
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
    let row: Option<Row> =
        sqlx::query_as(concat!("SELECT ", columns!(), " FROM users WHERE email = $1 AND kind = 'person'"))
            .bind(email)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(Account::from))
}

pub async fn by_id(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Account>> {
    let row: Option<Row> = sqlx::query_as(concat!("SELECT ", columns!(), " FROM users WHERE id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(Account::from))
}

pub async fn set_password_hash(conn: &mut PgConnection, id: Uuid, hash: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET password_hash = $2 WHERE id = $1").bind(id).bind(hash).execute(conn).await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct TokenRow {
    #[sqlx(flatten)]
    user: Row,
    expires_at: DateTime<Utc>,
    revoked_at: Option<DateTime<Utc>>,
}

/// The account a bearer token belongs to, with the token's expiry and revocation time.
pub async fn by_token(
    conn: &mut PgConnection,
    hash: &[u8],
) -> sqlx::Result<Option<(Account, DateTime<Utc>, Option<DateTime<Utc>>)>> {
    let row: Option<TokenRow> = sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        ", expires_at, revoked_at FROM tokens JOIN users ON users.id = tokens.user_id WHERE hash = $1"
    ))
    .bind(hash)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| (r.user.into(), r.expires_at, r.revoked_at)))
}

/// A member of an org's team as its list shows them.
pub struct Member {
    pub account: Account,
    /// When they last signed in (`None`: never, or so long ago the sign-in was forgotten).
    pub last_sign_in: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    #[sqlx(flatten)]
    user: Row,
    last_sign_in: Option<DateTime<Utc>>,
}

/// Everyone in the org who signs in, active or not, by name; or `only` that one of them.
pub async fn members(conn: &mut PgConnection, org: Uuid, only: Option<Uuid>) -> sqlx::Result<Vec<Member>> {
    let rows: Vec<MemberRow> = sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        ", (SELECT max(created_at) FROM tokens WHERE tokens.user_id = users.id) AS last_sign_in
         FROM users WHERE org_id = $1 AND kind = 'person' AND ($2::uuid IS NULL OR users.id = $2)
         ORDER BY lower(name), email"
    ))
    .bind(org)
    .bind(only)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| Member { account: r.user.into(), last_sign_in: r.last_sign_in }).collect())
}

pub async fn set_role(conn: &mut PgConnection, id: Uuid, role: Role) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET role = $2 WHERE id = $1").bind(id).bind(role.code()).execute(conn).await?;
    Ok(())
}

pub async fn set_ats_id(conn: &mut PgConnection, id: Uuid, ats_id: Option<&str>) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET ats_id = $2 WHERE id = $1").bind(id).bind(ats_id).execute(conn).await?;
    Ok(())
}

/// The name of the org's user other than `except` who has `ats_id`, if anyone does.
pub async fn ats_id_holder(
    conn: &mut PgConnection,
    org: Uuid,
    ats_id: &str,
    except: Uuid,
) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT name FROM users WHERE org_id = $1 AND ats_id = $2 AND id <> $3 ORDER BY id LIMIT 1")
        .bind(org)
        .bind(ats_id)
        .bind(except)
        .fetch_optional(conn)
        .await
}

/// Deactivates the user as of `at`, or (`None`) reactivates them.
pub async fn set_deactivated(conn: &mut PgConnection, id: Uuid, at: Option<DateTime<Utc>>) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET deactivated_at = $2 WHERE id = $1").bind(id).bind(at).execute(conn).await?;
    Ok(())
}

/// The org's active admins, their rows locked until the transaction ends: two admins demoting
/// or deactivating each other at once are taken one after the other, and the second sees the
/// first's change (so the org is never left without one).
pub async fn lock_active_admins(conn: &mut PgConnection, org: Uuid) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar(
        "SELECT id FROM users WHERE org_id = $1 AND role = 'recruiter_admin' AND deactivated_at IS NULL
         ORDER BY id FOR UPDATE",
    )
    .bind(org)
    .fetch_all(conn)
    .await
}

/// The org's self-service actor (named `label` when it is made, on first use). Two
/// first uses at once make one: the second waits on the unique index and reads the first's.
pub async fn self_service_actor(conn: &mut PgConnection, org: Uuid, label: &str) -> sqlx::Result<User> {
    sqlx::query(
        "INSERT INTO users (id, org_id, email, name, role, password_hash, kind)
         VALUES ($1, $2, $3, $3, 'recruiter', '!', 'self_service')
         ON CONFLICT (org_id) WHERE kind = 'self_service' DO NOTHING",
    )
    .bind(talentdesk_domain::new_id())
    .bind(org)
    .bind(label)
    .execute(&mut *conn)
    .await?;
    let row: Row =
        sqlx::query_as(concat!("SELECT ", columns!(), " FROM users WHERE org_id = $1 AND kind = 'self_service'"))
            .bind(org)
            .fetch_one(conn)
            .await?;
    Ok(Account::from(row).user)
}

/// A new partner actor named `label`.
pub async fn insert_partner_actor(conn: &mut PgConnection, org: Uuid, label: &str) -> sqlx::Result<User> {
    let user = User {
        id: talentdesk_domain::new_id(),
        email: label.into(),
        name: label.into(),
        role: Role::Recruiter,
        ats_id: None,
    };
    sqlx::query(
        "INSERT INTO users (id, org_id, email, name, role, password_hash, kind)
         VALUES ($1, $2, $3, $3, 'recruiter', '!', 'partner')",
    )
    .bind(user.id)
    .bind(org)
    .bind(label)
    .execute(conn)
    .await?;
    Ok(user)
}
