//! The desktop's local SQLite cache.
//!
//! One [`Store`] owns one database file. Every write goes through [`Store::apply`], which
//! validates a [`Mutation`], changes the tables, records history and appends to the outbox in
//! one transaction. Reads return the view models the UI and the CLI show.

mod alerts;
mod apply;
mod attach;
pub mod blobs;
pub mod bulk;
pub mod bulk_load;
pub mod checkin;
mod codec;
pub mod duplicates;
mod erasure;
mod error;
pub mod export;
mod identities;
mod merge;
mod migrations;
mod records;
pub mod replica;
mod resume_zip;
mod resumes;
mod saved_searches;
pub use resume_zip::ResumesZip;
pub mod search;
mod tables;
mod tokens;
pub mod views;
mod wording;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::user::User;

pub use alerts::{AlertCheck, NewMatches};
pub use apply::Applied;
pub use attach::NewDocument;
pub use error::{AppError, SessionProblem, StoreError};
pub use identities::KeyIndex;
pub use migrations::SCHEMA_VERSION;
pub use saved_searches::{OpenedSearch, SavedSearchEntry};
pub use tables::outbox::OutboxEntry;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Search's in-memory side; behind a RefCell because reads fill its caches.
    engine: std::cell::RefCell<search::Engine>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// Refuses a file that is not a Talentdesk database or was written by a newer version.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref().to_path_buf();
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| StoreError::open(&path, e))?;
        // Reading the header fails here on a file that is not SQLite at all.
        conn.query_row("PRAGMA schema_version", [], |_| Ok(())).map_err(|e| StoreError::open(&path, e))?;
        // Check before changing anything (WAL mode rewrites the header of a foreign file).
        migrations::check(&conn, &path)?;
        Self::configure(&conn).map_err(|e| StoreError::open(&path, e))?;
        let mut store = Self { conn, path, engine: Default::default() };
        migrations::migrate(&mut store.conn)?;
        search::FrequentTerms::fold_if_long(&mut store.conn)?;
        // An erasure interrupted after its commit (a crash, a file in use) finishes now.
        if let Err(e) = store.finish_erasure() {
            tracing::warn!("{e}");
        }
        Ok(store)
    }

    /// Opens a second, read-only connection to the database a [`Store::open`] already brought
    /// up to date, for long whole-database reads (duplicates, import plans): in WAL mode it
    /// reads the last commit while the writer works, so those reads need not hold the writer.
    /// It runs no migrations and refuses every write ("attempt to write a readonly database").
    pub fn open_reader(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref().to_path_buf();
        let conn =
            Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
                .map_err(|e| StoreError::open(&path, e))?;
        migrations::check(&conn, &path)?;
        Self::configure_reads(&conn).map_err(|e| StoreError::open(&path, e))?;
        Ok(Self { conn, path, engine: Default::default() })
    }

    // No memory map: loading search's facts reads the whole candidates table, and every mapped
    // page of it would count as the app's own memory (+256 MB at a million candidates). Reads
    // through SQLite's page cache measured as fast (BENCHMARKS.md, 2026-12-02).
    // The WAL is cut back to 64 MB after a checkpoint: saving search's facts writes ~60 MB
    // twice (the old blob zeroed, the new one), which would otherwise stay on disk for good.
    fn configure(conn: &Connection) -> rusqlite::Result<()> {
        Self::configure_reads(conn)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA secure_delete = ON;
             PRAGMA journal_size_limit = 67108864;",
        )
    }

    fn configure_reads(conn: &Connection) -> rusqlite::Result<()> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(
            "PRAGMA temp_store = MEMORY;
             PRAGMA cache_size = -65536;
             PRAGMA mmap_size = 0;",
        )
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Applies `mutation` as `actor`: the one write path. See [`apply`].
    pub fn apply(&mut self, actor: &User, mutation: Mutation) -> Result<Applied, StoreError> {
        self.apply_batch(actor, mutation, true)
    }

    /// [`Self::apply`], reading what would undo it only when `undoable`: a batch of a bulk run
    /// too large to undo skips those reads.
    pub fn apply_batch(&mut self, actor: &User, mutation: Mutation, undoable: bool) -> Result<Applied, StoreError> {
        let mut applied = self.apply_mutations(actor, vec![mutation], undoable)?;
        Ok(applied.remove(0))
    }

    /// Applies mutations that belong together in order, in one transaction: all or none.
    pub(crate) fn apply_together(
        &mut self,
        actor: &User,
        mutations: Vec<Mutation>,
    ) -> Result<Vec<Applied>, StoreError> {
        self.apply_mutations(actor, mutations, false)
    }

    fn apply_mutations(
        &mut self,
        actor: &User,
        mutations: Vec<Mutation>,
        undoable: bool,
    ) -> Result<Vec<Applied>, StoreError> {
        let erases =
            mutations.iter().any(|m| matches!(m, Mutation::CandidateDelete { .. } | Mutation::DocumentDelete { .. }));
        let (applied, touched) = apply::apply(&mut self.conn, self.engine.get_mut(), actor, mutations, undoable)?;
        self.after_bulk_write(&touched);
        if erases {
            self.finish_erasure()?;
        }
        Ok(applied)
    }

    /// Brings search's in-memory facts up to date with committed changes to `touched`.
    fn after_bulk_write(&mut self, touched: &[i64]) {
        // Past this many, reloading everything on the next search is cheaper than patching.
        const PATCH_AT_MOST: usize = 50_000;
        let engine = self.engine.get_mut();
        // If refreshing fails, the facts reload on the next search.
        if touched.len() > PATCH_AT_MOST || engine.after_write(&self.conn, touched).is_err() {
            engine.reset();
        }
    }

    /// Rebuilds the keyword index's vocabulary and term bitmaps, giving a bitmap to every term
    /// in at least `frequent_from` candidates, and a set to every prefix of up to three
    /// characters over more than `broad_prefix` terms (bulk loads use
    /// [`search::FREQUENT_TERM`] and [`search::BROAD_PREFIX`]).
    pub fn rebuild_term_index(&mut self, frequent_from: u64, broad_prefix: usize) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tables::search_terms::rebuild(&tx, frequent_from)?;
        search::rebuild_prefixes(&tx, broad_prefix)?;
        tx.commit()?;
        self.engine.get_mut().reset();
        Ok(())
    }

    /// Loads what search keeps in memory now rather than on the first search: an app calls it
    /// as it starts, so the loading overlaps the window's own start. From then on the
    /// database logs the candidates that change, so the app can save what it loaded as a
    /// snapshot ([`Store::save_search_snapshot`]) that its next start reads instead of every
    /// candidate's row.
    pub fn warm_search(&self) -> Result<search::FactsSource, StoreError> {
        tables::search_facts::keep(&self.conn)?;
        let mut engine = self.engine.borrow_mut();
        engine.forget_if_untracked();
        engine.ensure_loaded(&self.conn)
    }

    /// Saves search's in-memory facts when the saved ones are missing or far behind; returns
    /// whether it wrote. Takes a few hundred milliseconds at a million candidates, so an app
    /// calls it when the window is idle, not on its way to the first page.
    pub fn save_search_snapshot(&mut self) -> Result<bool, StoreError> {
        let engine = self.engine.get_mut();
        if !engine.snapshot_due(&self.conn)? {
            return Ok(false);
        }
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        engine.save_snapshot(&tx)?;
        tx.commit()?;
        Ok(true)
    }

    /// Forgets search's cached sets, so the next search reads from SQLite again (benchmarks
    /// use it to time cold searches).
    pub fn clear_search_cache(&self) {
        self.engine.borrow_mut().clear_cache();
    }

    /// The user with this email, as signed in on this client.
    pub fn user_by_email(&self, email: &str) -> Result<User, StoreError> {
        tables::users::by_email(&self.conn, email)
    }

    pub fn users(&self) -> Result<Vec<User>, StoreError> {
        tables::users::all(&self.conn)
    }

    /// Adds or replaces a user (users arrive from the server; the demo writes its own).
    pub fn put_user(&mut self, user: &User) -> Result<(), StoreError> {
        tables::users::put(&self.conn, user)
    }

    /// The id this client pushes its mutations under.
    pub fn client_id(&mut self) -> Result<uuid::Uuid, StoreError> {
        tables::client_state::client_id(&self.conn)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

#[cfg(test)]
mod tests {
    /// The app keeps the store behind a mutex shared with worker threads.
    #[test]
    fn a_store_can_move_between_threads() {
        fn send<T: Send>() {}
        send::<super::Store>();
    }
}
