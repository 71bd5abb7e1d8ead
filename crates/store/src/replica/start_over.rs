//! Starting over: the server's database went back in time (restored from a backup), so what
//! this replica pulled from it may be more than the server now has. Everything the server sent
//! is forgotten and the next sync loads its snapshot again; only what was made here and not yet
//! accepted by the server (the outbox) is kept, to be sent after the load.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::replica::{CURSOR, LAST_SYNC, restart_with_waiting, snapshot};
use crate::tables::outbox;
use crate::{Store, StoreError};

/// Tables that hold this replica's own state, not the server's data: its identity and
/// counters, its waiting mutations, the notices its user has not read, the bytes to remove
/// from the documents folder, and the users (the authors of waiting mutations, which the
/// rebase replays; the snapshot writes them again).
const KEPT: [&str; 5] = ["client_state", "outbox", "sync_notices", "blob_orphans", "users"];

impl Store {
    /// Forgets every record the server sent, with what was derived from them (keyword index,
    /// search facts, the server's copies kept for the rebase, the pull cursor), and keeps the
    /// waiting mutations. They go out under a new client id: the restored server may have lost
    /// mutations this replica sent under the old one, and would wait for them forever. Returns
    /// how many mutations wait. The next sync is a first sync.
    pub fn start_over(&mut self) -> Result<u64, StoreError> {
        let tx = Transaction::new(&mut self.conn, TransactionBehavior::Immediate)?;
        // Rows point at each other; all of them go, so the order does not matter.
        tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        let (tables, keyword_indexes) = server_tables(&tx)?;
        // Deleting a candidate writes to logs through triggers: a second pass empties those.
        for _ in 0..2 {
            for table in &tables {
                tx.execute(&format!("DELETE FROM \"{table}\""), [])?;
            }
        }
        for index in &keyword_indexes {
            tx.execute(&format!("INSERT INTO \"{index}\" (\"{index}\") VALUES ('delete-all')"), [])?;
        }
        for key in [CURSOR, LAST_SYNC, snapshot::SNAPSHOT] {
            tx.execute("DELETE FROM client_state WHERE key = ?1", [key])?;
        }
        let (client_id, _) = restart_with_waiting(&tx)?;
        let waiting = outbox::count(&tx)?;
        tx.commit()?;
        self.engine.get_mut().reset();
        tracing::warn!(%client_id, waiting, "the server went back in time: loading its data again");
        Ok(waiting)
    }
}

/// The plain tables holding server data, and the keyword indexes (virtual tables emptied by
/// their own command; their shadow tables are theirs to keep).
fn server_tables(conn: &Connection) -> Result<(Vec<String>, Vec<String>), StoreError> {
    let mut stmt =
        conn.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")?;
    let all: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get::<_, Option<String>>(1)?.unwrap_or_default())))?
        .collect::<Result<_, _>>()?;
    let virtual_tables: Vec<String> =
        all.iter().filter(|(_, sql)| sql.starts_with("CREATE VIRTUAL TABLE")).map(|(name, _)| name.clone()).collect();
    let shadow = |name: &str| virtual_tables.iter().any(|v| name.starts_with(&format!("{v}_")));
    let plain = all
        .into_iter()
        .map(|(name, _)| name)
        .filter(|name| !KEPT.contains(&name.as_str()) && !virtual_tables.contains(name) && !shadow(name))
        .collect();
    Ok((plain, virtual_tables))
}
