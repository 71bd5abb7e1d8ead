//! Starting the server as an admin's machine does: before its database is up (it waits, saying
//! why, and serves once PostgreSQL answers), over a database an older server migrated (it
//! migrates forward, saying from which version to which) or a newer one did (refused), and with
//! a document folder it cannot write (alive, but not ready). Each with the real binary or server
//! on the tests' PostgreSQL.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::StatusCode;

/// A `talentdesk-server serve` process whose log is collected; killed when dropped.
struct Process {
    child: Child,
    log: Arc<Mutex<String>>,
    _blobs: tempfile::TempDir,
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

impl Process {
    fn serve(database_url: &str, port: u16) -> Self {
        let blobs = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_talentdesk-server"))
            .arg("serve")
            .env("TALENTDESK_DATABASE_URL", database_url)
            .env("TALENTDESK_LISTEN", format!("127.0.0.1:{port}"))
            .env("TALENTDESK_BLOB_DIR", blobs.path())
            .env("RUST_LOG", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start talentdesk-server");
        let log = Arc::new(Mutex::new(String::new()));
        let (stderr, lines) = (child.stderr.take().unwrap(), log.clone());
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                lines.lock().unwrap().push_str(&(line + "\n"));
            }
        });
        Self { child, log, _blobs: blobs }
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Waits until the log has `text`.
    async fn said(&self, text: &str, within: Duration) {
        let deadline = Instant::now() + within;
        while !self.log().contains(text) {
            assert!(Instant::now() < deadline, "the server did not say {text:?} within {within:?}:\n{}", self.log());
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// PostgreSQL "coming up" on `port`: every connection is passed on to the tests' cluster.
async fn forward(port: u16, to: String) {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.unwrap();
    tokio::spawn(async move {
        while let Ok((mut client, _)) = listener.accept().await {
            let to = to.clone();
            tokio::spawn(async move {
                if let Ok(mut server) = tokio::net::TcpStream::connect(to).await {
                    let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                }
            });
        }
    });
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_started_before_its_database_waits_saying_why_then_serves() {
    let database_url = talentdesk_server::testing::postgres::new_database().await;
    let (cluster, name) = database_url.rsplit_once('/').unwrap();
    let cluster_address = cluster.rsplit_once('@').unwrap().1.to_owned();
    let (db_port, port) = (free_port(), free_port());
    let server = Process::serve(&format!("postgres://postgres@127.0.0.1:{db_port}/{name}"), port);

    let why = format!("database at 127.0.0.1:{db_port} unreachable: connection refused; retrying in 1 s");
    server.said(&why, Duration::from_secs(10)).await;
    let http = reqwest::Client::new();
    let ready = format!("http://127.0.0.1:{port}/ready");
    assert!(http.get(&ready).send().await.is_err(), "nothing is served before the database answers");

    forward(db_port, cluster_address).await;
    server.said("migrating an empty database to version", Duration::from_secs(10)).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Ok(response) = http.get(&ready).send().await
            && response.status() == StatusCode::OK
        {
            break;
        }
        assert!(Instant::now() < deadline, "not ready after the database came up:\n{}", server.log());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(server.log().contains("retrying in 1 s"), "{}", server.log());
}

fn admin(database_url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_talentdesk-server"))
        .arg("admin")
        .args(args)
        .env("TALENTDESK_DATABASE_URL", database_url)
        .output()
        .expect("run talentdesk-server admin")
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

#[tokio::test(flavor = "multi_thread")]
async fn an_older_database_is_migrated_forward_and_a_newer_one_refused() {
    use sqlx::Connection;
    let database_url = talentdesk_server::testing::postgres::new_database().await;
    let migrator = sqlx::migrate!("./migrations");
    let latest = migrator.iter().map(|m| m.version).max().unwrap();
    let mut db = sqlx::PgConnection::connect(&database_url).await.unwrap();
    // As an older server left it, with an org in it.
    migrator.run_to(latest - 1, &mut db).await.unwrap();
    sqlx::query("INSERT INTO orgs (id, name) VALUES ($1, 'Acme')")
        .bind(uuid::Uuid::now_v7())
        .execute(&mut db)
        .await
        .unwrap();

    let upgraded = admin(&database_url, &["create-org", "--name", "Globex"]);
    assert!(upgraded.status.success(), "{}", text(&upgraded));
    let said = format!("migrating the database from version {} to {latest}", latest - 1);
    assert!(text(&upgraded).contains(&said), "{}", text(&upgraded));
    let orgs: Vec<String> = sqlx::query_scalar("SELECT name FROM orgs ORDER BY name").fetch_all(&mut db).await.unwrap();
    assert_eq!(orgs, ["Acme", "Globex"], "the data is kept");

    // A newer server migrated it since: this one does not know the schema and stops.
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES ($1, 'from a newer server', true, '\\x00', 0)",
    )
    .bind(latest + 1)
    .execute(&mut db)
    .await
    .unwrap();
    let refused = admin(&database_url, &["create-org", "--name", "Initech"]);
    assert!(!refused.status.success());
    let said = format!("the database is at schema version {}, newer than this server's {latest}", latest + 1);
    assert!(text(&refused).contains(&said), "{}", text(&refused));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_document_folder_it_cannot_write_leaves_it_alive_but_not_ready() {
    let database_url = talentdesk_server::testing::postgres::new_database().await;
    let dir = tempfile::tempdir().unwrap();
    // A file where the folder should be: nothing can be stored below it.
    let blob_dir = dir.path().join("blobs");
    std::fs::write(&blob_dir, b"not a folder").unwrap();
    let config = talentdesk_server::config::Config {
        listen: "127.0.0.1:0".parse().unwrap(),
        database_url,
        blob_dir,
        ..Default::default()
    };
    let running = talentdesk_server::app::start(config).await.unwrap();
    let http = reqwest::Client::new();
    let health = http.get(format!("http://{}/health", running.addr)).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    let ready = http.get(format!("http://{}/ready", running.addr)).send().await.unwrap();
    assert_eq!(ready.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: serde_json::Value = ready.json().await.unwrap();
    assert_eq!((&body["database"], &body["blob_store"]), (&"ok".into(), &"unavailable".into()), "{body}");
    running.stop().await.unwrap();
}

#[test]
fn the_packaged_settings_file_shows_the_defaults() {
    // Every top-level "# key = value" line of debian/server.toml taken in: what the file says is
    // the default must be the server's default. (Tables such as [s3] are examples, not defaults.)
    let shipped = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/debian/server.toml")).unwrap();
    let is_setting = |text: &str| {
        text.split_once(" = ").is_some_and(|(key, _)| key.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
    };
    let mut uncommented = String::new();
    for line in shipped.lines().take_while(|line| !line.starts_with("# [")) {
        let line = match line.strip_prefix("# ") {
            Some(setting) if is_setting(setting) => setting,
            _ => line,
        };
        let line = if line == "database_url = \"\"" { "database_url = \"postgres://db/talentdesk\"" } else { line };
        uncommented.push_str(line);
        uncommented.push('\n');
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("server.toml");
    std::fs::write(&path, &uncommented).unwrap();
    let read = talentdesk_server::config::Config::load(Some(&path)).expect("the settings file reads");
    let expected = talentdesk_server::config::Config {
        database_url: "postgres://db/talentdesk".into(),
        blob_dir: "/var/lib/talentdesk/blobs".into(),
        // Examples, not defaults: no relay and no secrets unless set.
        smtp_url: Some("smtp://127.0.0.1:25".into()),
        link_secret: Some("...".into()),
        ..Default::default()
    };
    assert_eq!(format!("{read:?}"), format!("{expected:?}"), "{uncommented}");
}
