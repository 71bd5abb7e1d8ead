use rusqlite::{Connection, OptionalExtension, Row, params};
use talentdesk_domain::DomainError;
use talentdesk_domain::user::{Role, User};

use crate::StoreError;
use crate::codec::uuid;

fn from_row(row: &Row) -> rusqlite::Result<(String, String, String, String, Option<String>)> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?))
}

fn to_user(
    (id, email, name, role, ats_id): (String, String, String, String, Option<String>),
) -> Result<User, StoreError> {
    let role = Role::parse(&role).ok_or_else(|| StoreError::Corrupt(format!("unknown role {role:?}")))?;
    Ok(User { id: uuid(&id)?, email, name, role, ats_id })
}

const COLUMNS: &str = "id, email, name, role, ats_id";

pub(crate) fn by_email(conn: &Connection, email: &str) -> Result<User, StoreError> {
    let row = conn
        .query_row(&format!("SELECT {COLUMNS} FROM users WHERE email = ?1"), [email.trim()], from_row)
        .optional()?;
    to_user(row.ok_or_else(|| DomainError::not_found("user", email))?)
}

pub(crate) fn by_id(conn: &Connection, id: &str) -> Result<Option<User>, StoreError> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM users WHERE id = ?1"), [id], from_row)
        .optional()?
        .map(to_user)
        .transpose()
}

pub(crate) fn all(conn: &Connection) -> Result<Vec<User>, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM users ORDER BY name"))?;
    let rows = stmt.query_map([], from_row)?.collect::<Result<Vec<_>, _>>()?;
    rows.into_iter().map(to_user).collect()
}

pub(crate) fn put(conn: &Connection, user: &User) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO users (id, email, name, role, ats_id) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET email = ?2, name = ?3, role = ?4, ats_id = ?5",
        params![user.id.to_string(), user.email, user.name, user.role.code(), user.ats_id],
    )?;
    Ok(())
}

pub(crate) fn delete(conn: &Connection, id: &str) -> Result<(), StoreError> {
    conn.execute("DELETE FROM users WHERE id = ?1", [id])?;
    Ok(())
}
