//! `talentdesk-server admin backup` and `restore` as an operator runs them, with desktop
//! replicas (the sync engine on real SQLite files) on either side of the restore: a desktop the
//! backup covers pulls on, one that saw later changes loads the restored server's data again
//! and sends its unsent work, and a folder, a database or a backup that is not fit is refused
//! before anything is changed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sha2::{Digest, Sha256};
use sqlx::Connection;
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::document::{Document, DocumentKind};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::user::{Role, User};
use talentdesk_server::admin::{self, NewUser};
use talentdesk_server::app::{self, Running};
use talentdesk_server::backup;
use talentdesk_server::config::Config;
use talentdesk_server::testing::{PASSWORD, postgres};
use talentdesk_sync::client::ClientError;
use talentdesk_sync::engine::Replica;
use uuid::Uuid;

/// A server's database and document folder, and the server while it runs.
struct Site {
    config: Config,
    blobs: tempfile::TempDir,
    running: Option<Running>,
}

impl Site {
    /// A fresh, empty database (not migrated) and document folder.
    async fn empty() -> Self {
        let blobs = tempfile::tempdir().unwrap();
        let config = Config {
            listen: "127.0.0.1:0".parse().unwrap(),
            database_url: postgres::new_database().await,
            blob_dir: blobs.path().to_owned(),
            ..Config::default()
        };
        Self { config, blobs, running: None }
    }

    /// A running server with the org Acme and its admin Ana.
    async fn with_org() -> (Self, User) {
        Self::empty().await.started_with_org().await
    }

    /// Starts this server and adds the org Acme and its admin Ana.
    async fn started_with_org(mut self) -> (Self, User) {
        self.start().await;
        let ana = acme_and_ana(&self.running.as_ref().unwrap().pool).await;
        (self, ana)
    }

    async fn start(&mut self) {
        let running = app::start(self.config.clone()).await.expect("start the server");
        // Later starts (on another database, after a restore) take the same address, so the
        // desktops find the server where it was.
        self.config.listen = running.addr;
        self.running = Some(running);
    }

    async fn stop(&mut self) {
        if let Some(running) = self.running.take() {
            running.stop().await.unwrap();
        }
    }

    fn url(&self) -> String {
        format!("http://{}", self.config.listen)
    }

    /// `talentdesk-server admin ARGS` on this site's database and document folder.
    fn admin(&self, args: &[&str]) -> Output {
        self.admin_command(args).output().expect("run talentdesk-server")
    }

    fn admin_command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_talentdesk-server"));
        command
            .arg("admin")
            .args(args)
            .env("TALENTDESK_DATABASE_URL", &self.config.database_url)
            .env("TALENTDESK_BLOB_DIR", self.blobs.path());
        command
    }

    /// How many tables the database holds as a restore counts them (0: nothing was restored
    /// into it).
    async fn tables(&self) -> i64 {
        let mut conn = sqlx::PgConnection::connect(&self.config.database_url).await.unwrap();
        let tables = backup::tables_outside_marker(&mut conn).await.unwrap();
        conn.close().await.unwrap();
        tables
    }

    /// The file in the document folder holding the bytes of `sha256`, if any.
    fn stored(&self, sha256: &str) -> Option<PathBuf> {
        fn find(dir: &Path, name: &str) -> Option<PathBuf> {
            std::fs::read_dir(dir).unwrap().flatten().find_map(|entry| match entry.file_type().unwrap().is_dir() {
                true => find(&entry.path(), name),
                false => (entry.file_name() == name).then(|| entry.path()),
            })
        }
        find(self.blobs.path(), sha256)
    }
}

/// The org Acme and its admin Ana, whom the desktops sign in as.
async fn acme_and_ana(pool: &sqlx::PgPool) -> User {
    admin::create_org(pool, "Acme").await.unwrap();
    let ana = NewUser {
        org: "Acme",
        email: "ana@acme.test",
        name: "Ana",
        role: Role::RecruiterAdmin,
        ats_id: None,
        password: PASSWORD,
    };
    admin::create_user(pool, ana).await.unwrap()
}

/// Waits (10 s at most) until `count_sql` counts a row: another session reached a point.
async fn until_counted(pool: &sqlx::PgPool, what: &str, count_sql: &'static str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let count: i64 = sqlx::query_scalar(count_sql).fetch_one(pool).await.unwrap();
        if count > 0 {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "waited 10 s for {what}");
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// A desktop of Ana's: its own replica file, signed in and through its first sync.
async fn desktop(dir: &Path, name: &str, server: &str) -> Replica {
    let replica = Replica::sign_in(&dir.join(format!("{name}.db")), server, "ana@acme.test", PASSWORD).await.unwrap();
    replica.engine.sync_once().await.unwrap();
    replica
}

/// Adds a candidate on the desktop and syncs it to the server; returns the candidate's id.
async fn add_candidate(desk: &Replica, first_name: &str) -> Uuid {
    let id = Uuid::now_v7();
    let profile = Profile { first_name: first_name.into(), last_name: "Test".into(), ..Profile::default() };
    let create = Mutation::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::RecruiterGenerated };
    desk.store.lock().unwrap().apply(&desk.user, create).unwrap();
    desk.engine.sync_once().await.unwrap();
    id
}

/// Attaches a resume with `bytes` to the candidate (uploaded, then the document synced).
async fn attach(desk: &Replica, candidate_id: Uuid, bytes: &[u8]) -> String {
    let sha256 = hex::encode(Sha256::digest(bytes));
    desk.engine.client().put_blob(&sha256, bytes.to_vec()).await.unwrap();
    let document = Document {
        id: Uuid::now_v7(),
        candidate_id,
        name: "cv.pdf".into(),
        kind: DocumentKind::Resume,
        sha256: sha256.clone(),
        size: bytes.len() as u64,
        uploaded_at: chrono::Utc::now(),
    };
    desk.store.lock().unwrap().apply(&desk.user, Mutation::DocumentAttach { document }).unwrap();
    desk.engine.sync_once().await.unwrap();
    sha256
}

fn has(desk: &Replica, candidate: Uuid) -> bool {
    desk.store.lock().unwrap().profile(&desk.user, candidate).is_ok()
}

fn cursor(desk: &Replica) -> String {
    desk.store.lock().unwrap().cursor().unwrap().unwrap()
}

/// A copy of the backup in `from`, to damage without spoiling the original.
fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn blob_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for org in std::fs::read_dir(dir.join("blobs")).unwrap() {
        for file in std::fs::read_dir(org.unwrap().path()).unwrap() {
            files.push(file.unwrap().path());
        }
    }
    files
}

#[tokio::test(flavor = "multi_thread")]
async fn a_restored_server_keeps_its_desktops_syncing_and_sends_those_ahead_of_it_to_load_afresh() {
    let (mut old, _) = Site::with_org().await;
    let desks = tempfile::tempdir().unwrap();
    let before = desktop(desks.path(), "before", &old.url()).await;
    // Signed in before the backup too (a sign-in after it would be unknown to the restored server).
    let ahead = desktop(desks.path(), "ahead", &old.url()).await;
    let ada = add_candidate(&before, "Ada").await;
    let resume = b"%PDF-1.4 Ada Test, nurse".to_vec();
    let sha256 = attach(&before, ada, &resume).await;

    // Backed up while the server runs.
    let folder = tempfile::tempdir().unwrap();
    let to = folder.path().join("nightly");
    let backed_up = old.admin(&["backup", "--to", to.to_str().unwrap()]);
    assert!(backed_up.status.success(), "{}", text(&backed_up));
    assert!(text(&backed_up).contains("1 orgs"), "{}", text(&backed_up));
    assert!(text(&backed_up).contains("1 documents"), "{}", text(&backed_up));
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(to.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["counts"]["blobs"], 1);
    assert_eq!(blob_files(&to).len(), 1);

    // Another desktop syncs a change the backup does not have, then makes one it cannot send
    // before the server is lost.
    let lost = add_candidate(&ahead, "Lost").await;
    old.stop().await;
    let dora = Uuid::now_v7();
    let profile = Profile { first_name: "Dora".into(), last_name: "Test".into(), ..Profile::default() };
    let create =
        Mutation::CandidateCreate { candidate_id: dora, profile, profile_type: ProfileType::RecruiterGenerated };
    ahead.store.lock().unwrap().apply(&ahead.user, create).unwrap();

    let mut new = Site::empty().await;
    new.config.listen = old.config.listen;
    let restored = new.admin(&["restore", "--from", to.to_str().unwrap()]);
    assert!(restored.status.success(), "{}", text(&restored));
    assert!(text(&restored).contains("restored the backup"), "{}", text(&restored));
    new.start().await;

    // Someone works on the restored server: its next version is the one "Lost" had.
    let fresh = desktop(desks.path(), "fresh", &new.url()).await;
    assert!(cursor(&fresh).contains(':'), "a restored server's cursors name its history: {}", cursor(&fresh));
    let bea = add_candidate(&fresh, "Bea").await;

    // The desktop synced before the backup pulls on, without a new first sync.
    let round = before.engine.sync_once().await.unwrap();
    assert!(round.pulled > 0);
    assert!(has(&before, ada) && has(&before, bea));
    assert_eq!(before.engine.client().get_blob(&sha256).await.unwrap(), resume, "the document's bytes came back");

    // The one that saw "Lost" (the server lacks a change it accepted from it, and its cursor is
    // ahead) loads the restored server's data again instead of missing Bea and keeping Lost,
    // and sends Dora, which waited.
    let round = ahead.engine.sync_once().await.unwrap();
    let started_over = round.started_over.expect("the desktop started over");
    assert_eq!(started_over.kept, 1);
    assert_eq!(
        started_over.to_string(),
        "The server was restored from a backup; this computer loaded its data again. 1 change made here was kept and sent."
    );
    assert_eq!(round.pushed, 1);
    assert!(!has(&ahead, lost) && has(&ahead, ada) && has(&ahead, bea) && has(&ahead, dora));
    assert_eq!(ahead.store.lock().unwrap().pending_count().unwrap(), 0);
    // Exactly the restored server's data plus Dora, sent once: a desktop loaded from it agrees.
    fresh.engine.sync_once().await.unwrap();
    let records = |desk: &Replica| desk.store.lock().unwrap().export_records().unwrap();
    assert_eq!(records(&ahead), records(&fresh));
    let again = ahead.engine.sync_once().await.unwrap();
    assert!(again.started_over.is_none() && again.pushed == 0, "{again:?}");
    assert_eq!(records(&ahead), records(&fresh));

    // A desktop loaded from the restored server syncs on like any other.
    let cleo = add_candidate(&before, "Cleo").await;
    fresh.engine.sync_once().await.unwrap();
    assert!(has(&fresh, cleo));

    // Cursors from no history of this server, or beyond its versions (a database put back by
    // other means), are refused the same way.
    let client = fresh.engine.client();
    let history = cursor(&fresh).split(':').next().unwrap().to_owned();
    for elsewhere in [format!("{history}:999999"), format!("{}:1", Uuid::now_v7()), "999999".to_owned()] {
        let refused = client.pull(Uuid::now_v7(), &elsewhere).await.unwrap_err();
        assert!(matches!(refused, ClientError::ResyncNeeded(_)), "{elsewhere}: {refused:?}");
    }
    new.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_goes_only_into_a_new_or_empty_folder_it_can_write() {
    let (site, _) = Site::with_org().await;
    let folder = tempfile::tempdir().unwrap();

    let used = folder.path().join("used");
    std::fs::create_dir(&used).unwrap();
    std::fs::write(used.join("last-week.dump"), b"keep me").unwrap();
    let refused = backup::backup(&site.config, &used, false).await.unwrap_err().to_string();
    assert!(refused.contains("is not empty"), "{refused}");
    assert_eq!(std::fs::read_dir(&used).unwrap().count(), 1, "nothing was added");
    assert_eq!(std::fs::read(used.join("last-week.dump")).unwrap(), b"keep me");

    let file = folder.path().join("a-file");
    std::fs::write(&file, b"").unwrap();
    let refused = backup::backup(&site.config, &file.join("backup"), false).await.unwrap_err().to_string();
    assert!(refused.contains("cannot use") && refused.contains("Not a directory"), "{refused}");

    // Root writes anywhere, whatever the folder's mode says.
    if !postgres::running_as_root() {
        use std::os::unix::fs::PermissionsExt;
        let locked = folder.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o500)).unwrap();
        let refused = backup::backup(&site.config, &locked, false).await.unwrap_err().to_string();
        assert!(refused.contains("is not writable"), "{refused}");
    }

    let empty = folder.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let manifest = backup::backup(&site.config, &empty, false).await.unwrap();
    assert_eq!((manifest.counts.orgs, manifest.counts.blobs), (1, 0));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_restore_refuses_a_damaged_or_newer_backup_and_a_database_in_use() {
    let (site, _) = Site::with_org().await;
    let desks = tempfile::tempdir().unwrap();
    let desk = desktop(desks.path(), "desk", &site.url()).await;
    let ada = add_candidate(&desk, "Ada").await;
    attach(&desk, ada, b"%PDF-1.4 Ada's resume").await;
    let folder = tempfile::tempdir().unwrap();
    let good = folder.path().join("good");
    backup::backup(&site.config, &good, false).await.unwrap();
    let target = Site::empty().await;

    let tampered = folder.path().join("tampered");
    copy(&good, &tampered);
    std::fs::write(&blob_files(&tampered)[0], b"%PDF-1.4 someone else's resume").unwrap();
    let refused = backup::restore(&target.config, &tampered).await.unwrap_err().to_string();
    assert!(refused.contains("is damaged or was changed"), "{refused}");
    assert_eq!(target.tables().await, 0, "nothing was restored");
    assert_eq!(std::fs::read_dir(target.blobs.path()).unwrap().count(), 0, "no document was stored");

    let newer = folder.path().join("newer");
    copy(&good, &newer);
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(newer.join("manifest.json")).unwrap()).unwrap();
    manifest["schema_version"] = 9999.into();
    manifest["server_version"] = "9.0.0".into();
    std::fs::write(newer.join("manifest.json"), serde_json::to_vec(&manifest).unwrap()).unwrap();
    let refused = target.admin(&["restore", "--from", newer.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(
        text(&refused).contains("made by a newer Talentdesk server (9.0.0, schema version 9999)"),
        "{}",
        text(&refused)
    );
    assert_eq!(target.tables().await, 0);

    let not_a_backup = backup::restore(&target.config, desks.path()).await.unwrap_err().to_string();
    assert!(not_a_backup.contains("is not a Talentdesk backup"), "{not_a_backup}");

    // The database the server uses is not empty: refused, nothing in it touched.
    let refused = backup::restore(&site.config, &good).await.unwrap_err().to_string();
    assert!(refused.contains("is not empty"), "{refused}");
    assert!(desk.engine.sync_once().await.is_ok());

    backup::restore(&target.config, &good).await.unwrap();
    assert!(target.tables().await > 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_of_an_older_server_restores_and_is_migrated_forward() {
    // A database as a server before sync histories (migration 10) left it.
    let old = Site::empty().await;
    let pool = sqlx::PgPool::connect(&old.config.database_url).await.unwrap();
    let all = sqlx::migrate!("./migrations");
    let older = sqlx::migrate::Migrator::with_migrations(all.iter().filter(|m| m.version < 10).cloned().collect());
    older.run(&pool).await.unwrap();
    acme_and_ana(&pool).await;
    pool.close().await;
    let folder = tempfile::tempdir().unwrap();
    let manifest = backup::backup(&old.config, &folder.path().join("old"), false).await.unwrap();
    assert_eq!(manifest.schema_version, 9);

    let mut new = Site::empty().await;
    backup::restore(&new.config, &folder.path().join("old")).await.unwrap();
    new.start().await;
    let desks = tempfile::tempdir().unwrap();
    let desk = desktop(desks.path(), "desk", &new.url()).await;
    let ada = add_candidate(&desk, "Ada").await;
    assert!(has(&desk, ada));
    assert!(cursor(&desk).contains(':'), "the restore started a history of its own: {}", cursor(&desk));
    new.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_document_deleted_while_the_backup_runs_is_backed_up_with_its_bytes() {
    let mut site = Site::empty().await;
    // Bytes no document holds are removed at once, not a day after their upload.
    site.config.blob_upload_expiry_secs = 0;
    let (site, _) = site.started_with_org().await;
    let desks = tempfile::tempdir().unwrap();
    let desk = desktop(desks.path(), "desk", &site.url()).await;
    let ada = add_candidate(&desk, "Ada").await;
    let resume = b"%PDF-1.4 Ada Test, deleted during the backup".to_vec();
    let sha256 = attach(&desk, ada, &resume).await;
    let pool = site.running.as_ref().unwrap().pool.clone();
    let document: String =
        sqlx::query_scalar("SELECT id FROM records WHERE kind = 'document'").fetch_one(&pool).await.unwrap();

    // pg_dump is held up (after the snapshot) by a table the deletion does not touch.
    let mut stall = pool.begin().await.unwrap();
    sqlx::query("LOCK TABLE login_known_sources IN ACCESS EXCLUSIVE MODE").execute(&mut *stall).await.unwrap();
    let folder = tempfile::tempdir().unwrap();
    let to = folder.path().join("nightly");
    let (config, into) = (site.config.clone(), to.clone());
    let backing_up = tokio::spawn(async move { backup::backup(&config, &into, false).await });
    let dumping =
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pg_dump' AND wait_event_type = 'Lock'";
    until_counted(&pool, "pg_dump to wait", dumping).await;

    // The document is deleted meanwhile; the server's removal of its bytes waits for the backup.
    let delete = Mutation::DocumentDelete { document_id: document.parse().unwrap() };
    desk.store.lock().unwrap().apply(&desk.user, delete).unwrap();
    desk.engine.sync_once().await.unwrap();
    let removing = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'";
    until_counted(&pool, "the removal to wait", removing).await;
    assert!(site.stored(&sha256).is_some());
    stall.commit().await.unwrap();

    let manifest = backing_up.await.unwrap().unwrap();
    assert!(manifest.missing_blobs.is_empty(), "{:?}", manifest.missing_blobs);
    assert_eq!(manifest.counts.blobs, 1);
    assert_eq!(std::fs::read(&blob_files(&to)[0]).unwrap(), resume, "the backup has the deleted document's bytes");
    // Then the removal goes ahead.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while site.stored(&sha256).is_some() {
        assert!(std::time::Instant::now() < deadline, "the deleted document's bytes were never removed");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_missing_a_documents_bytes_fails_and_leaves_no_partial_backup() {
    let (site, _) = Site::with_org().await;
    let desks = tempfile::tempdir().unwrap();
    let desk = desktop(desks.path(), "desk", &site.url()).await;
    let ada = add_candidate(&desk, "Ada").await;
    let sha256 = attach(&desk, ada, b"%PDF-1.4 Ada's resume, lost from the disk").await;
    std::fs::remove_file(site.stored(&sha256).unwrap()).unwrap();
    let folder = tempfile::tempdir().unwrap();

    let to = folder.path().join("nightly");
    let failed = site.admin(&["backup", "--to", to.to_str().unwrap()]);
    assert!(!failed.status.success(), "{}", text(&failed));
    assert!(text(&failed).contains("1 documents counted in the database have no bytes"), "{}", text(&failed));
    assert!(text(&failed).contains("--allow-missing-blobs"), "{}", text(&failed));
    assert!(!to.exists(), "the folder the backup made is gone");
    // A folder that was there empty is left empty, ready for the next attempt.
    let empty = folder.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    assert!(!site.admin(&["backup", "--to", empty.to_str().unwrap()]).status.success());
    assert_eq!(std::fs::read_dir(&empty).unwrap().count(), 0);

    let allowed = site.admin(&["backup", "--to", empty.to_str().unwrap(), "--allow-missing-blobs"]);
    assert!(allowed.status.success(), "{}", text(&allowed));
    assert!(text(&allowed).contains("1 documents had no bytes in the storage"), "{}", text(&allowed));
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(empty.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["missing_blobs"].as_array().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_restore_stopped_halfway_keeps_the_server_off_until_run_again() {
    let (mut old, _) = Site::with_org().await;
    let desks = tempfile::tempdir().unwrap();
    let desk = desktop(desks.path(), "desk", &old.url()).await;
    let ada = add_candidate(&desk, "Ada").await;
    let folder = tempfile::tempdir().unwrap();
    let to = folder.path().join("nightly");
    backup::backup(&old.config, &to, false).await.unwrap();
    old.stop().await;

    // The restore is stopped in its last step: the database restored and migrated, its new
    // history not yet started (it waits for the marker, held here, and is killed there).
    let mut new = Site::empty().await;
    let watcher = sqlx::PgPool::connect(&new.config.database_url).await.unwrap();
    let mut restoring = new.admin_command(&["restore", "--from", to.to_str().unwrap()]).spawn().unwrap();
    let marked = "SELECT count(*) FROM pg_class WHERE oid = to_regclass('talentdesk_restore.marker')";
    until_counted(&watcher, "the restore's marker", marked).await;
    let mut hold = watcher.begin().await.unwrap();
    sqlx::query("LOCK TABLE talentdesk_restore.marker IN ACCESS SHARE MODE").execute(&mut *hold).await.unwrap();
    let finishing =
        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'DROP SCHEMA%'";
    until_counted(&watcher, "the restore's last step", finishing).await;
    restoring.kill().unwrap();
    restoring.wait().unwrap();
    hold.rollback().await.unwrap();
    watcher.close().await;
    assert!(new.tables().await > 0, "pg_restore had committed");

    let refused = app::start(new.config.clone()).await.err().expect("the server refuses to start").to_string();
    assert!(refused.contains("restore that did not finish"), "{refused}");
    let backup_refused = backup::backup(&new.config, &folder.path().join("half"), false).await.unwrap_err();
    assert!(backup_refused.to_string().contains("restore that did not finish"), "{backup_refused}");

    // Run again, it finishes instead of calling the database "not empty".
    let finished = new.admin(&["restore", "--from", to.to_str().unwrap()]);
    assert!(finished.status.success(), "{}", text(&finished));
    new.start().await;
    let fresh = desktop(desks.path(), "fresh", &new.url()).await;
    assert!(has(&fresh, ada));
    assert!(cursor(&fresh).contains(':'), "the restore started a history of its own: {}", cursor(&fresh));
    new.stop().await;
}
