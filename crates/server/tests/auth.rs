//! Sign-in and tokens: wrong passwords, missing, garbage, revoked and expired tokens are all
//! refused with 401 and a JSON error; the health endpoint answers without a token.

mod support;

use reqwest::StatusCode;
use support::{PASSWORD, TestServer};
use talentdesk_server::admin;

async fn pull_status(server: &TestServer, token: Option<&str>) -> (StatusCode, serde_json::Value) {
    let mut request = server.http.get(format!("{}/v1/sync/pull", server.url));
    if let Some(token) = token {
        request = request.header("authorization", token);
    }
    let response = request.send().await.unwrap();
    (response.status(), response.json().await.unwrap())
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_in_takes_the_right_password_only() {
    let server = TestServer::start().await;
    let session = server.login("  RITA@acme.test ", PASSWORD).await;
    assert_eq!(session.user.email, "rita@acme.test");
    for (email, password) in [("rita@acme.test", "wrong password!"), ("nobody@acme.test", PASSWORD)] {
        let response = server
            .http
            .post(format!("{}/v1/auth/login", server.url))
            .json(&serde_json::json!({"email": email, "password": password}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["error"]["message"], "the email or password is wrong");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn requests_without_a_live_token_are_refused() {
    let server = TestServer::start().await;
    let good = format!("Bearer {}", server.recruiter.token);
    assert_eq!(pull_status(&server, Some(&good)).await.0, StatusCode::OK);
    for token in [None, Some("Basic abc"), Some("Bearer "), Some("Bearer 0123456789abcdef")] {
        let (status, body) = pull_status(&server, token).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{token:?}");
        assert_eq!(body["error"]["code"], "unauthorized");
    }

    admin::revoke_tokens(&server.server.pool, "rita@acme.test").await.unwrap();
    let (status, body) = pull_status(&server, Some(&good)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(body["error"]["message"].as_str().unwrap().contains("revoked"));

    // A reset password ends sign-ins and the old password stops working.
    let omar = format!("Bearer {}", server.other_recruiter.token);
    admin::reset_password(&server.server.pool, "omar@acme.test", "a brand new password").await.unwrap();
    assert_eq!(pull_status(&server, Some(&omar)).await.0, StatusCode::UNAUTHORIZED);
    server.login("omar@acme.test", "a brand new password").await;
    let short = admin::reset_password(&server.server.pool, "omar@acme.test", "short").await.unwrap_err();
    assert!(short.to_string().contains("at least 10 characters"));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_expired_sign_in_is_refused() {
    let server = TestServer::start_with(|c| talentdesk_server::config::Config { token_days: 0, ..c }).await;
    let (status, body) = pull_status(&server, Some(&format!("Bearer {}", server.admin.token))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(body["error"]["message"].as_str().unwrap().contains("expired"));
}

#[tokio::test(flavor = "multi_thread")]
async fn ready_reports_the_database_and_the_document_store() {
    let server = TestServer::start().await;
    let response = server.http.get(format!("{}/ready", server.url)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!((&body["database"], &body["blob_store"]), (&"ok".into(), &"ok".into()), "{body}");
    let missing = server.http.get(format!("{}/v1/nothing", server.url)).send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread")]
async fn password_guessing_is_slowed_until_the_wait_passes_or_an_admin_resets() {
    let server = TestServer::start().await;
    let attempt = |password: &'static str| {
        let request = server
            .http
            .post(format!("{}/v1/auth/login", server.url))
            .json(&serde_json::json!({"email": "omar@acme.test", "password": password}));
        async move { request.send().await.unwrap() }
    };
    for _ in 0..5 {
        assert_eq!(attempt("guess guess guess").await.status(), StatusCode::UNAUTHORIZED);
    }
    // Now even the right password waits, from this address.
    let blocked = attempt(PASSWORD).await;
    assert_eq!(blocked.status(), StatusCode::TOO_MANY_REQUESTS);
    let body: serde_json::Value = blocked.json().await.unwrap();
    assert!(body["error"]["message"].as_str().unwrap().contains("too many failed sign-ins"));
    // Other people are not affected.
    server.login("rita@acme.test", PASSWORD).await;

    admin::reset_password(&server.server.pool, "omar@acme.test", "a fresh long password").await.unwrap();
    server.login("omar@acme.test", "a fresh long password").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn signing_in_forgets_tokens_long_dead_and_keeps_recent_ones() {
    let server = TestServer::start().await;
    let pool = &server.server.pool;
    let user = server.recruiter.user.id;
    for (hash, days) in [(vec![1u8], 40), (vec![2u8], 10)] {
        sqlx::query(
            "INSERT INTO tokens (hash, user_id, created_at, expires_at)
             VALUES ($1, $2, now() - make_interval(days => 100), now() - make_interval(days => $3))",
        )
        .bind(hash)
        .bind(user)
        .bind(days)
        .execute(pool)
        .await
        .unwrap();
    }
    server.login("rita@acme.test", PASSWORD).await;
    let left: Vec<Vec<u8>> = sqlx::query_scalar("SELECT hash FROM tokens WHERE user_id = $1 AND length(hash) = 1")
        .bind(user)
        .fetch_all(pool)
        .await
        .unwrap();
    assert_eq!(left, [vec![2u8]], "expired 40 days ago: gone; 10 days ago: still explains itself");
}
