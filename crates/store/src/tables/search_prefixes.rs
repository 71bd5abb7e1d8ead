//! `search_prefixes`: for each keyword index, the candidates under each broad short prefix
//! (see migrations/0013_search_prefixes.sql and search/prefixes.rs).

use std::collections::HashMap;

use roaring::RoaringBitmap;
use rusqlite::{Connection, params};

use super::search_terms::{deserialize, serialize};
use crate::StoreError;

/// Replaces the sets of index `idx`.
pub(crate) fn write(conn: &Connection, idx: &str, sets: &HashMap<String, RoaringBitmap>) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM search_prefixes WHERE idx = ?1")?.execute([idx])?;
    let mut insert = conn.prepare_cached("INSERT INTO search_prefixes (idx, prefix, cands) VALUES (?1, ?2, ?3)")?;
    for (prefix, set) in sets {
        insert.execute(params![idx, prefix, serialize(set)?])?;
    }
    Ok(())
}

/// The sets of index `idx` as written (not yet brought up to date with the log).
pub(crate) fn read(conn: &Connection, idx: &str) -> Result<HashMap<String, RoaringBitmap>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT prefix, cands FROM search_prefixes WHERE idx = ?1")?;
    let mut rows = stmt.query([idx])?;
    let mut out = HashMap::new();
    while let Some(r) = rows.next()? {
        let prefix: String = r.get(0)?;
        let set = deserialize(r.get_ref(1)?, &format!("search prefix {prefix:?}"))?;
        out.insert(prefix, set);
    }
    Ok(out)
}
