//! Sign-in and sign-out: throttling that cannot be raced or sprayed and slows rather than
//! locks out, and a sign-out that ends the token on the server.

use std::net::IpAddr;

use reqwest::StatusCode;

use crate::support::{PASSWORD, TestServer};

/// A client whose requests come from another loopback address, as a second machine would.
fn from(address: &str) -> reqwest::Client {
    let ip: IpAddr = address.parse().unwrap();
    reqwest::Client::builder().local_address(ip).build().unwrap()
}

async fn sign_in(server: &TestServer, http: &reqwest::Client, email: &str, password: &str) -> reqwest::Response {
    http.post(format!("{}/v1/auth/login", server.url))
        .json(&serde_json::json!({"email": email, "password": password}))
        .send()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn parallel_guesses_are_counted_before_any_is_judged() {
    let server = TestServer::start().await;
    let attacker = from("127.0.0.2");
    let guesses = (0..40).map(|i| {
        let (server, attacker) = (&server, &attacker);
        async move { sign_in(server, attacker, "rita@acme.test", &format!("guess number {i}")).await.status() }
    });
    let statuses = futures_util::future::join_all(guesses).await;
    let judged = statuses.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
    let throttled = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!(judged + throttled, 40, "{statuses:?}");
    assert!(judged <= 5, "40 guesses at once: {judged} had their password checked; at most 5 may");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_guesser_is_slowed_without_locking_the_real_user_out() {
    let server = TestServer::start().await;
    let attacker = from("127.0.0.3");
    for _ in 0..5 {
        let refused = sign_in(&server, &attacker, "omar@acme.test", "not the password").await;
        assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    }
    let throttled = sign_in(&server, &attacker, "omar@acme.test", PASSWORD).await;
    assert_eq!(throttled.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = throttled.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=2).contains(&retry_after), "the first wait is short: {retry_after}");
    let body: serde_json::Value = throttled.json().await.unwrap();
    assert!(body["error"]["message"].as_str().unwrap().contains("try again in"), "{body}");

    // Omar at his own desk is not held up by the guesser.
    let omar = sign_in(&server, &server.http, "omar@acme.test", PASSWORD).await;
    assert_eq!(omar.status(), StatusCode::OK);

    // The guesser's wait ends (a slowdown, not a lock-out), and doubles after the next failure.
    tokio::time::sleep(std::time::Duration::from_millis(1_100 * retry_after)).await;
    assert_eq!(
        sign_in(&server, &attacker, "omar@acme.test", "still guessing").await.status(),
        StatusCode::UNAUTHORIZED
    );
    let again = sign_in(&server, &attacker, "omar@acme.test", "still guessing").await;
    assert_eq!(again.status(), StatusCode::TOO_MANY_REQUESTS);
    let longer: u64 = again.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(longer >= 2, "the wait doubles: {longer}");
}

#[tokio::test(flavor = "multi_thread")]
async fn spraying_one_password_across_accounts_is_slowed_per_address() {
    let server = TestServer::start().await;
    let sprayer = from("127.0.0.4");
    let mut statuses = Vec::new();
    for i in 0..25 {
        statuses.push(sign_in(&server, &sprayer, &format!("person{i}@acme.test"), "Summer2026!").await.status());
    }
    assert!(statuses[..20].iter().all(|s| *s == StatusCode::UNAUTHORIZED), "{statuses:?}");
    assert!(statuses[20..].iter().all(|s| *s == StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");
    // The real accounts still sign in from their own addresses.
    assert_eq!(sign_in(&server, &server.http, "rita@acme.test", PASSWORD).await.status(), StatusCode::OK);
    // The throttle's table holds no email address, not even the ones strangers typed.
    let keys: Vec<String> =
        sqlx::query_scalar("SELECT key FROM login_throttle").fetch_all(&server.server.pool).await.unwrap();
    assert!(!keys.is_empty());
    assert!(keys.iter().all(|k| !k.contains('@')), "{keys:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn signing_out_ends_the_token_on_the_server() {
    let server = TestServer::start().await;
    let session = server.login("rita@acme.test", PASSWORD).await;
    let logout = || server.http.post(format!("{}/v1/auth/logout", server.url)).bearer_auth(&session.token).send();
    assert_eq!(logout().await.unwrap().status(), StatusCode::NO_CONTENT);
    let pull =
        server.http.get(format!("{}/v1/sync/pull", server.url)).bearer_auth(&session.token).send().await.unwrap();
    assert_eq!(pull.status(), StatusCode::UNAUTHORIZED);
    let body: serde_json::Value = pull.json().await.unwrap();
    assert!(body["error"]["message"].as_str().unwrap().contains("revoked"), "{body}");
    assert_eq!(logout().await.unwrap().status(), StatusCode::UNAUTHORIZED, "a token ends once");
    // Her other sign-in lives on (the helper asserts the pull is answered).
    server.pull(&server.recruiter, "").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn guessing_from_many_addresses_slows_the_account_but_not_at_its_own_desk() {
    let server = TestServer::start().await;
    // Rita signed in from 127.0.0.1 when the server started; 100 strangers' addresses guess once each.
    for i in 0..100 {
        let guesser = from(&format!("127.0.{}.{}", 10 + i / 200, 2 + i % 200));
        let status = sign_in(&server, &guesser, "rita@acme.test", &format!("guess {i}")).await.status();
        assert_eq!(status, StatusCode::UNAUTHORIZED, "guess {i}");
    }
    let stranger = sign_in(&server, &from("127.0.99.1"), "rita@acme.test", PASSWORD).await;
    assert_eq!(stranger.status(), StatusCode::TOO_MANY_REQUESTS, "a new address waits for this account");
    let body: serde_json::Value = stranger.json().await.unwrap();
    assert!(body["error"]["message"].as_str().unwrap().contains("for this account"), "{body}");
    let at_her_desk = sign_in(&server, &server.http, "rita@acme.test", PASSWORD).await;
    assert_eq!(at_her_desk.status(), StatusCode::OK, "where she signed in before, she is let in");
}

#[tokio::test(flavor = "multi_thread")]
async fn behind_a_trusted_proxy_each_client_is_counted_not_the_proxy() {
    let proxy: IpAddr = "127.0.0.5".parse().unwrap();
    let server =
        TestServer::start_with(|c| talentdesk_server::config::Config { trusted_proxies: vec![proxy], ..c }).await;
    let via_proxy = from("127.0.0.5");
    let forwarded = |client: &str, email: &str, password: &str| {
        via_proxy
            .post(format!("{}/v1/auth/login", server.url))
            .header("x-forwarded-for", client)
            .json(&serde_json::json!({"email": email, "password": password}))
            .send()
    };
    // A sprayer behind the proxy is slowed after 20 guesses...
    for i in 0..20 {
        let status = forwarded("198.51.100.7", &format!("p{i}@acme.test"), "Summer2026!").await.unwrap().status();
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let slowed = forwarded("198.51.100.7", "p21@acme.test", "Summer2026!").await.unwrap();
    assert_eq!(slowed.status(), StatusCode::TOO_MANY_REQUESTS);
    // ...a forged first entry does not hide it...
    let forged = forwarded("1.2.3.4, 198.51.100.7", "p22@acme.test", "Summer2026!").await.unwrap();
    assert_eq!(forged.status(), StatusCode::TOO_MANY_REQUESTS);
    // ...and a teammate behind the same proxy is not.
    let teammate = forwarded("203.0.113.20", "omar@acme.test", PASSWORD).await.unwrap();
    assert_eq!(teammate.status(), StatusCode::OK);
}
