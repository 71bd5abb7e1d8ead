//! Versioned, forward-only schema migrations.
//!
//! The file's `application_id` marks it as ours; `user_version` is the schema version. A
//! migration runs in one transaction with the version bump, so a crash leaves the old schema.

use std::path::Path;

use rusqlite::Connection;

use crate::StoreError;

/// "TDSK": marks a SQLite file as a Talentdesk store.
pub const APPLICATION_ID: i64 = 0x5444_534B;

/// Each entry upgrades from the version before it; the index + 1 is the version it produces.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_search_terms.sql"),
    include_str!("../migrations/0003_drop_search_indexes.sql"),
    include_str!("../migrations/0004_replica.sql"),
    include_str!("../migrations/0005_erasure.sql"),
    include_str!("../migrations/0006_search_facts.sql"),
    include_str!("../migrations/0007_search_text_left_join.sql"),
    include_str!("../migrations/0008_outbox_digest.sql"),
    include_str!("../migrations/0009_events.sql"),
    include_str!("../migrations/0010_check_in_lookup.sql"),
    include_str!("../migrations/0011_check_in_people.sql"),
    include_str!("../migrations/0012_history_detail.sql"),
    include_str!("../migrations/0013_search_prefixes.sql"),
    include_str!("../migrations/0014_pipeline_board.sql"),
    include_str!("../migrations/0015_pipeline_archived.sql"),
    include_str!("../migrations/0016_sync_early.sql"),
    include_str!("../migrations/0017_merged_into.sql"),
    include_str!("../migrations/0018_dedupe_keys.sql"),
    include_str!("../migrations/0019_experience.sql"),
    include_str!("../migrations/0020_insight_values.sql"),
    include_str!("../migrations/0021_job_skills.sql"),
    include_str!("../migrations/0022_texts.sql"),
    include_str!("../migrations/0023_erasure_requests.sql"),
    include_str!("../migrations/0024_saved_searches.sql"),
    include_str!("../migrations/0025_interest_values.sql"),
];

/// Work a migration's SQL cannot do, run in its transaction.
type Step = fn(&Connection) -> Result<(), StoreError>;

/// (the version a step belongs to, the step).
const STEPS: &[(usize, Step)] = &[
    (2, |conn| crate::tables::search_terms::rebuild(conn, crate::search::FREQUENT_TERM)),
    (5, crate::tables::candidates::index_all),
    (8, crate::tables::outbox::fill_digests),
    (9, crate::tables::events::fill_codes),
    (11, crate::tables::checkin_keys::fill),
    (13, |conn| crate::search::rebuild_prefixes(conn, crate::search::BROAD_PREFIX)),
    (18, crate::tables::dedupe_keys::fill),
    (19, crate::tables::candidates::fill_experience),
    (21, add_job_columns),
    (22, add_text_columns),
    (25, crate::tables::insight_values::add_interests),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Migration 21: a job's skills (a JSON array) and description, what candidates for it are
/// ranked on.
fn add_job_columns(conn: &Connection) -> Result<(), StoreError> {
    add_missing_columns(
        conn,
        &[("jobs", "skills", "TEXT NOT NULL DEFAULT '[]'"), ("jobs", "description", "TEXT NOT NULL DEFAULT ''")],
    )
}

/// Migration 22: whether a candidate opted out of texts, and why a message was not delivered.
fn add_text_columns(conn: &Connection) -> Result<(), StoreError> {
    add_missing_columns(
        conn,
        &[("candidates", "texts_opted_out", "INTEGER NOT NULL DEFAULT 0"), ("messages", "failure", "TEXT")],
    )
}

/// Adds each (table, column, definition) only when missing: a file set back to an older
/// version (as tests do) has them already.
fn add_missing_columns(conn: &Connection, columns: &[(&str, &str, &str)]) -> Result<(), StoreError> {
    for (table, column, definition) in columns {
        let has: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2)",
            [table, column],
            |r| r.get(0),
        )?;
        if !has {
            conn.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column} {definition}"))?;
        }
    }
    Ok(())
}

/// Refuses a file that is not ours or is newer than this code, before anything is written.
pub(crate) fn check(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let display = path.display().to_string();
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let has_tables: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table')", [], |r| r.get(0))?;
    if app_id != APPLICATION_ID && (app_id != 0 || has_tables) {
        return Err(StoreError::NotOurs {
            path: display,
            detail: if app_id == 0 {
                "it holds tables of another program".into()
            } else {
                format!("its application id is {app_id:#x}")
            },
        });
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew { path: display, found: version, supported: SCHEMA_VERSION });
    }
    Ok(())
}

pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        for (_, step) in STEPS.iter().filter(|(version, _)| *version == index + 1) {
            step(&tx)?;
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn a_new_file_gets_the_latest_schema() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("t.db")).unwrap();
        let v: i64 = store.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        let mode: String = store.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
    }

    /// The name index's bulk build reads names and emails through the keyword text's view;
    /// the profile details, most of the file, must stay out of that query.
    #[test]
    fn names_and_emails_are_read_without_the_profile_details() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("t.db")).unwrap();
        let plan = |sql: &str| -> Vec<String> {
            let mut stmt = store.conn().prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            stmt.query_map([], |r| r.get(3)).unwrap().collect::<Result<_, _>>().unwrap()
        };
        assert_eq!(plan("SELECT cand, name, email FROM candidate_search_text"), ["SCAN c"]);
        assert_eq!(plan("SELECT * FROM candidate_search_text").len(), 2, "the full text joins the details");
    }

    #[test]
    fn every_earlier_version_upgrades_to_the_latest() {
        for from in 0..SCHEMA_VERSION {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("old.db");
            {
                let mut conn = Connection::open(&path).unwrap();
                for (i, sql) in MIGRATIONS.iter().enumerate().take(from as usize) {
                    let tx = conn.transaction().unwrap();
                    tx.execute_batch(sql).unwrap();
                    tx.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
                    tx.pragma_update(None, "user_version", i as i64 + 1).unwrap();
                    tx.commit().unwrap();
                }
            }
            let store = Store::open(&path).unwrap();
            let v: i64 = store.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
            assert_eq!(v, SCHEMA_VERSION, "from version {from}");
            // Reopening is a no-op.
            drop(store);
            Store::open(&path).unwrap();
        }
    }

    /// Memberships written before check-in codes existed get theirs from the upgrade's step.
    #[test]
    fn the_events_upgrade_works_out_every_members_code() {
        use talentdesk_domain::event::{self, Event, EventCategory};
        use talentdesk_domain::mutation::Mutation;
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("t.db")).unwrap();
        let user = talentdesk_domain::user::User {
            id: uuid::Uuid::from_u128(1),
            email: "rita@acme.test".into(),
            name: "Rita".into(),
            role: talentdesk_domain::user::Role::RecruiterAdmin,
            ats_id: None,
        };
        store.put_user(&user).unwrap();
        let (ana, fair) = (
            talentdesk_domain::new_id(),
            Event::new(uuid::Uuid::from_u128(9), "Fair", EventCategory::Meetup, chrono::Utc::now(), ""),
        );
        let profile = talentdesk_domain::candidate::Profile {
            first_name: "Ana".into(),
            last_name: "Souza".into(),
            ..Default::default()
        };
        let profile_type = talentdesk_domain::candidate::ProfileType::RecruiterGenerated;
        store.apply(&user, Mutation::CandidateCreate { candidate_id: ana, profile, profile_type }).unwrap();
        // An event from before keys: its codes derive from its id.
        store.apply(&user, Mutation::EventCreate { event: fair.clone() }).unwrap();
        store
            .apply(&user, Mutation::EventCheckIn { event_id: fair.id, candidate_id: ana, at: None, kiosk: false })
            .unwrap();
        store.conn().execute_batch("UPDATE events SET code_key = ''; UPDATE event_members SET code = '';").unwrap();
        crate::tables::events::fill_codes(store.conn()).unwrap();
        let code: String = store.conn().query_row("SELECT code FROM event_members", [], |r| r.get(0)).unwrap();
        assert_eq!(code, event::check_in_code(&Event { code_key: String::new(), ..fair }, ana));
    }

    #[test]
    fn a_file_from_a_newer_version_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        drop(Store::open(&path).unwrap());
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
        }
        let err = Store::open(&path).err().unwrap();
        assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
        assert!(err.to_string().contains("newer Talentdesk"), "{err}");
        let conn = Connection::open(&path).unwrap();
        let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, SCHEMA_VERSION + 1);
    }

    #[test]
    fn another_programs_database_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');").unwrap();
        }
        let err = Store::open(&path).err().unwrap();
        assert!(err.to_string().contains("is not a Talentdesk database"), "{err}");
        let conn = Connection::open(&path).unwrap();
        let n: i64 = conn.query_row("SELECT count(*) FROM recipes", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 1);
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0)).unwrap();
        assert_eq!(tables, 1, "nothing was added to the other program's file");
    }

    #[test]
    fn a_file_that_is_not_sqlite_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        let text = "Shopping list: milk, eggs, and a very long line to pass the SQLite header size.\n".repeat(20);
        std::fs::write(&path, &text).unwrap();
        let err = Store::open(&path).err().unwrap();
        assert!(err.to_string().contains("is not a Talentdesk database"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }
}
