//! `blob_orphans`: hashes of document bytes whose document was deleted, to be removed from the
//! documents folder once the deletion has committed (files are not part of a transaction).

use rusqlite::Connection;

use crate::StoreError;

pub(crate) fn add(conn: &Connection, sha256: &str) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT OR IGNORE INTO blob_orphans (sha256) VALUES (?1)")?.execute([sha256])?;
    Ok(())
}

pub(crate) fn all(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT sha256 FROM blob_orphans")?;
    let hashes = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(hashes)
}

pub(crate) fn remove(conn: &Connection, sha256: &str) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM blob_orphans WHERE sha256 = ?1")?.execute([sha256])?;
    Ok(())
}
