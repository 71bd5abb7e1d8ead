//! Organisation settings (JSON values by key) and custom field definitions.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde::de::DeserializeOwned;
use talentdesk_domain::import_mapping::{self, SavedMapping};
use talentdesk_domain::settings::CustomFieldDef;
use talentdesk_domain::template::{self, Template};

use crate::StoreError;
use crate::codec::{from_name, name_of};

pub(crate) use talentdesk_domain::record::{AREAS_OF_INTEREST, COLUMNS, HIRED_ACTIONS, PHONE_COUNTRY};

pub(crate) fn get<T: DeserializeOwned + Default>(conn: &Connection, key: &str) -> Result<T, StoreError> {
    Ok(raw(conn, key)?.map(|v| serde_json::from_str(&v)).transpose()?.unwrap_or_default())
}

/// A setting's stored JSON, if it was ever set.
pub(crate) fn raw(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn.prepare_cached("SELECT value FROM settings WHERE key = ?1")?.query_row([key], |r| r.get(0)).optional()?)
}

pub(crate) fn delete(conn: &Connection, key: &str) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM settings WHERE key = ?1")?.execute([key])?;
    Ok(())
}

pub(crate) fn put<T: Serialize>(conn: &Connection, key: &str, value: &T) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
    )?
    .execute(params![key, serde_json::to_string(value)?])?;
    Ok(())
}

pub(crate) fn put_custom_field(conn: &Connection, def: &CustomFieldDef) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO custom_fields (key, label, kind, position)
         VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM custom_fields))
         ON CONFLICT (key) DO UPDATE SET label = ?2, kind = ?3",
    )?
    .execute(params![def.key, def.label, name_of(&def.kind)])?;
    Ok(())
}

pub(crate) fn delete_custom_field(conn: &Connection, key: &str) -> Result<bool, StoreError> {
    Ok(conn.prepare_cached("DELETE FROM custom_fields WHERE key = ?1")?.execute([key])? > 0)
}

pub(crate) fn custom_fields(conn: &Connection) -> Result<Vec<CustomFieldDef>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT key, label, kind FROM custom_fields ORDER BY position")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter().map(|(key, label, kind)| Ok(CustomFieldDef { key, label, kind: from_name(&kind)? })).collect()
}

/// The organisation's message templates, each a setting of its own.
pub(crate) fn templates(conn: &Connection) -> Result<Vec<Template>, StoreError> {
    prefixed(conn, template::SETTING_PREFIX)
}

/// The column mappings saved for imports, each a setting of its own, by name.
pub(crate) fn import_mappings(conn: &Connection) -> Result<Vec<SavedMapping>, StoreError> {
    let mut mappings: Vec<SavedMapping> = prefixed(conn, import_mapping::SETTING_PREFIX)?;
    mappings.sort_by_cached_key(|m| m.name.to_lowercase());
    Ok(mappings)
}

/// Every setting whose key starts with `prefix`.
fn prefixed<T: DeserializeOwned>(conn: &Connection, prefix: &str) -> Result<Vec<T>, StoreError> {
    let pattern = format!("{prefix}%");
    let mut stmt = conn.prepare_cached("SELECT value FROM settings WHERE key LIKE ?1")?;
    let rows = stmt.query_map([pattern], |r| r.get::<_, String>(0))?.collect::<Result<Vec<_>, _>>()?;
    rows.iter().map(|json| Ok(serde_json::from_str(json)?)).collect()
}
