//! A real server on a fresh database of the throwaway cluster, with an org, an admin and two
//! recruiters signed in, and helpers that speak the sync API over HTTP.

#![allow(dead_code)] // Each test file uses its own part of the helpers.

pub mod browser;
pub mod silent_network;
pub mod smtp;

use reqwest::StatusCode;
use serde_json::Value;
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::user::{Role, User};
use talentdesk_server::admin::{self, NewUser};
use talentdesk_server::app::{self, Running};
use talentdesk_server::config::Config;
use talentdesk_server::testing::{Backend, TestStore, postgres};
use talentdesk_sync::wire::{LoginResponse, PullResponse, PushResponse, PushedMutation};
use uuid::Uuid;

pub use talentdesk_server::testing::PASSWORD;

pub struct TestServer {
    pub server: Running,
    pub url: String,
    pub database_url: String,
    pub http: reqwest::Client,
    pub admin: Session,
    pub recruiter: Session,
    pub other_recruiter: Session,
    /// Where this server keeps documents; removed with it.
    pub blobs: TestStore,
}

/// A signed-in user with one desktop client.
#[derive(Clone)]
pub struct Session {
    pub user: User,
    pub token: String,
    pub client_id: Uuid,
}

/// Runs each named test body, an `async fn(Backend)`, once on each kind of document store:
/// as the tests `NAME::folder` and `NAME::s3`.
#[allow(unused_macros)] // As the other helpers: each test file uses its own part.
macro_rules! on_each_backend {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread")]
            async fn folder() {
                super::$name(talentdesk_server::testing::Backend::Folder).await
            }

            #[tokio::test(flavor = "multi_thread")]
            async fn s3() {
                super::$name(talentdesk_server::testing::Backend::S3).await
            }
        }
    )+};
}
#[allow(unused_imports)]
pub(crate) use on_each_backend;

/// The id of the org named so.
pub async fn org_id(server: &TestServer, name: &str) -> Uuid {
    sqlx::query_scalar("SELECT id FROM orgs WHERE name = $1").bind(name).fetch_one(&server.server.pool).await.unwrap()
}

pub fn config(database_url: &str) -> Config {
    Config {
        listen: "127.0.0.1:0".parse().unwrap(),
        database_url: database_url.to_owned(),
        max_body_bytes: 1024 * 1024,
        ..Config::default()
    }
}

impl TestServer {
    pub async fn start() -> Self {
        Self::start_with(|c| c).await
    }

    pub async fn start_with(adjust: impl FnOnce(Config) -> Config) -> Self {
        Self::start_on(Backend::Folder, adjust).await
    }

    /// A server keeping documents in a store of the kind given.
    pub async fn start_on(backend: Backend, adjust: impl FnOnce(Config) -> Config) -> Self {
        let database_url = postgres::new_database().await;
        let blobs = TestStore::new(backend).await;
        let config = blobs.configure(config(&database_url));
        let server = app::start(adjust(config)).await.expect("start the server");
        let url = format!("http://{}", server.addr);
        admin::create_org(&server.pool, "Acme").await.unwrap();
        let http = reqwest::Client::new();
        // Each with an ATS ID (their System ID in iCIMS) of their own, so Submit to Job is theirs.
        let this_user = |email: &'static str, role, ats_id: &'static str| {
            let pool = server.pool.clone();
            let http = http.clone();
            let url = url.clone();
            async move {
                let new = NewUser { org: "Acme", email, name: email, role, ats_id: Some(ats_id), password: PASSWORD };
                admin::create_user(&pool, new).await.unwrap();
                login(&http, &url, email, PASSWORD).await
            }
        };
        let admin = this_user("admin@acme.test", Role::RecruiterAdmin, "101").await;
        let recruiter = this_user("rita@acme.test", Role::Recruiter, "102").await;
        let other_recruiter = this_user("omar@acme.test", Role::Recruiter, "103").await;
        Self { server, url, database_url, http, admin, recruiter, other_recruiter, blobs }
    }

    /// A live stream opened as `session`, read raw with [`next_live_version`].
    pub async fn open_live(&self, session: &Session) -> reqwest::Response {
        let url = format!("{}/v1/sync/live", self.url);
        self.http.get(url).bearer_auth(&session.token).send().await.unwrap()
    }

    pub async fn login(&self, email: &str, password: &str) -> Session {
        login(&self.http, &self.url, email, password).await
    }

    /// A second org, Globex, with its admin Hank signed in: to check that orgs stay apart.
    pub async fn other_org_admin(&self) -> Session {
        admin::create_org(&self.server.pool, "Globex").await.unwrap();
        let new = NewUser {
            org: "Globex",
            email: "hank@globex.test",
            name: "Hank",
            role: Role::RecruiterAdmin,
            // Another iCIMS customer: the same number as Acme's admin is another user there.
            ats_id: Some("101"),
            password: PASSWORD,
        };
        admin::create_user(&self.server.pool, new).await.unwrap();
        self.login("hank@globex.test", PASSWORD).await
    }

    /// Pushes and returns the status with the body as JSON.
    pub async fn push_raw(&self, session: &Session, mutations: &[PushedMutation]) -> (StatusCode, Value) {
        let body = serde_json::json!({"client_id": session.client_id, "mutations": mutations});
        let response = self
            .http
            .post(format!("{}/v1/sync/push", self.url))
            .bearer_auth(&session.token)
            .json(&body)
            .send()
            .await
            .unwrap();
        (response.status(), response.json().await.unwrap())
    }

    pub async fn push(&self, session: &Session, mutations: &[PushedMutation]) -> PushResponse {
        let (status, body) = self.push_raw(session, mutations).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        serde_json::from_value(body).unwrap()
    }

    pub async fn pull(&self, session: &Session, cursor: &str) -> PullResponse {
        self.pull_page(session, cursor, 1000).await
    }

    pub async fn pull_page(&self, session: &Session, cursor: &str, limit: i64) -> PullResponse {
        let response = self
            .http
            .get(format!("{}/v1/sync/pull", self.url))
            .query(&[("cursor", cursor), ("client_id", &session.client_id.to_string()), ("limit", &limit.to_string())])
            .bearer_auth(&session.token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }

    /// Every record of `kind` the admin pulls, decoded.
    pub async fn records<T: serde::de::DeserializeOwned>(&self, kind: talentdesk_sync::wire::RecordKind) -> Vec<T> {
        let (changes, _) = self.pull_all(&self.admin, String::new()).await;
        changes
            .into_iter()
            .filter(|c| c.kind == kind)
            .filter_map(|c| c.data.map(|d| serde_json::from_str(d.get()).unwrap()))
            .collect()
    }

    /// Waits until the sign-up worker applied every form the page took (the page answers
    /// before that); panics after 30 s with what still waits.
    pub async fn sign_ups_applied(&self) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            let waiting: i64 = sqlx::query_scalar("SELECT count(*) FROM signup_submissions WHERE refused IS NULL")
                .fetch_one(&self.server.pool)
                .await
                .unwrap();
            if waiting == 0 {
                return;
            }
            assert!(std::time::Instant::now() < deadline, "{waiting} sign-ups still wait after 30 s");
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    /// The candidate as the admin pulls them (their latest version).
    pub async fn candidate(&self, id: Uuid) -> talentdesk_domain::aggregate::CandidateAggregate {
        let all: Vec<talentdesk_domain::aggregate::CandidateAggregate> =
            self.records(talentdesk_sync::wire::RecordKind::Candidate).await;
        all.into_iter().rev().find(|a| a.id() == id).expect("the candidate was pulled")
    }

    /// Pulls until up to date; returns every change in order and the final cursor.
    pub async fn pull_all(
        &self,
        session: &Session,
        mut cursor: String,
    ) -> (Vec<talentdesk_sync::wire::Change>, String) {
        let mut changes = Vec::new();
        loop {
            let page = self.pull(session, &cursor).await;
            changes.extend(page.changes);
            cursor = page.cursor;
            if !page.more {
                return (changes, cursor);
            }
        }
    }
}

async fn login(http: &reqwest::Client, url: &str, email: &str, password: &str) -> Session {
    let response = http
        .post(format!("{url}/v1/auth/login"))
        .json(&serde_json::json!({"email": email, "password": password}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let login: LoginResponse = response.json().await.unwrap();
    Session { user: login.user, token: login.token, client_id: Uuid::now_v7() }
}

/// Mutations numbered from `first`.
pub fn numbered(first: i64, mutations: impl IntoIterator<Item = Mutation>) -> Vec<PushedMutation> {
    mutations
        .into_iter()
        .enumerate()
        .map(|(i, mutation)| PushedMutation::new(first + i as i64, mutation, chrono::Utc::now()))
        .collect()
}

pub fn create_candidate(id: Uuid, first: &str, last: &str, email: Option<&str>) -> Mutation {
    let profile = Profile {
        first_name: first.into(),
        last_name: last.into(),
        email: email.map(str::to_owned),
        ..Profile::default()
    };
    Mutation::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::RecruiterGenerated }
}

/// Sends a request whose body the server may refuse before reading it all (too large). The
/// server then answers and closes; the client can see the connection reset before it reads
/// the answer. Real clients retry such a send; so does this, a few times. The connection is
/// not kept for later requests: the server may have closed it.
pub async fn send_racing_early_refusal(request: reqwest::RequestBuilder) -> reqwest::Response {
    let request = request.header(reqwest::header::CONNECTION, "close");
    let mut last_error = None;
    for _ in 0..5 {
        match request.try_clone().expect("a buffered body").send().await {
            Ok(response) => return response,
            Err(e) => last_error = Some(e),
        }
    }
    panic!("no answer after 5 tries: {last_error:?}")
}

/// A desktop's own database in `dir`, bound to `user`'s account on this server, as a window
/// signed in to it has (empty until it pulls: [`TestServer::pull_into`]).
pub fn desktop(dir: &std::path::Path, user: &User) -> talentdesk_store::Store {
    let mut store = talentdesk_store::Store::open(dir.join("desk.db")).unwrap();
    let account = talentdesk_store::replica::Account {
        server: "https://crm.example".into(),
        org_id: Uuid::nil(),
        user_id: user.id,
        email: user.email.clone(),
    };
    store.bind(&account, user).unwrap();
    store
}

impl TestServer {
    /// Applies to `desk` what `session` pulls from `cursor` on; the next cursor.
    pub async fn pull_into(&self, session: &Session, desk: &mut talentdesk_store::Store, cursor: String) -> String {
        let (changes, next) = self.pull_all(session, cursor).await;
        let changes: Vec<_> = changes
            .iter()
            .map(|c| talentdesk_store::replica::ServerChange {
                kind: c.kind,
                id: &c.id,
                data: c.data.as_deref().map(|d| d.get()),
            })
            .collect();
        desk.apply_pull(&changes, &next, 0, true).unwrap();
        next
    }
}

/// The next `version` event of a live stream; `seen` holds what was read after it.
pub async fn next_live_version(stream: &mut reqwest::Response, seen: &mut String) -> i64 {
    loop {
        if let Some(end) = seen.find("\n\n") {
            let event: String = seen.drain(..end + 2).collect();
            if let Some(data) = event.lines().find_map(|l| l.strip_prefix("data: ")) {
                let data: serde_json::Value = serde_json::from_str(data).unwrap();
                return data["version"].as_i64().unwrap();
            }
            continue;
        }
        let chunk = stream.chunk().await.unwrap().expect("the live stream ended");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
}
