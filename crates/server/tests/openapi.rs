//! The OpenAPI description lists exactly the routes the server answers, each reachable.

mod support;

use std::collections::BTreeSet;

use reqwest::{Method, StatusCode};
use support::TestServer;

#[tokio::test(flavor = "multi_thread")]
async fn the_description_matches_the_routes() {
    let server = TestServer::start().await;
    let doc: serde_json::Value =
        server.http.get(format!("{}/v1/openapi.json", server.url)).send().await.unwrap().json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with('3'));
    let operations: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| item.as_object().unwrap().keys().map(move |method| (method.clone(), path.clone())))
        .collect();
    let expected: BTreeSet<(String, String)> = [
        ("get", "/health"),
        ("get", "/ready"),
        ("get", "/metrics"),
        ("post", "/v1/auth/login"),
        ("post", "/v1/auth/logout"),
        ("post", "/v1/sync/push"),
        ("get", "/v1/sync/pull"),
        ("get", "/v1/sync/live"),
        ("get", "/v1/sync/snapshot"),
        ("put", "/v1/blobs/{sha256}"),
        ("get", "/v1/blobs/{sha256}"),
        ("get", "/t/o/{token}"),
        ("get", "/t/c/{token}/{link}"),
        ("get", "/v1/features"),
        ("post", "/v1/sms/status"),
        ("post", "/v1/sms/inbound"),
        ("get", "/v1/team"),
        ("post", "/v1/team/invitations"),
        ("put", "/v1/team/{id}/role"),
        ("put", "/v1/team/{id}/ats-id"),
        ("put", "/v1/team/{id}/active"),
        ("post", "/v1/team/{id}/password"),
        ("delete", "/v1/team/{id}/sign-ins"),
        ("get", "/v1/sign-up-page"),
        ("get", "/v1/partner-keys"),
        ("post", "/v1/partner-keys"),
        ("delete", "/v1/partner-keys/{id}"),
        ("get", "/v1/partner/candidates"),
        ("get", "/v1/partner/candidates/{id}"),
        ("post", "/v1/partner/candidates/{id}/notes"),
        ("post", "/v1/partner/candidates/{id}/documents"),
        ("put", "/v1/partner/candidates/{id}/custom-fields"),
        ("put", "/v1/partner/candidates/{id}/pipelines/{pipeline_id}/status"),
        ("get", "/v1/webhooks"),
        ("post", "/v1/webhooks"),
        ("put", "/v1/webhooks/{id}"),
        ("delete", "/v1/webhooks/{id}"),
        ("get", "/v1/webhooks/{id}/deliveries"),
        ("post", "/v1/webhooks/{id}/deliveries/{delivery}/resend"),
        ("get", "/v1/desktop-updates/{platform}/{current_version}"),
        ("get", "/v1/desktop-updates/{platform}/{version}/package"),
    ]
    .into_iter()
    .map(|(m, p)| (m.to_owned(), p.to_owned()))
    .collect();
    assert_eq!(operations, expected);
    for schema in
        ["PushRequest", "PushResponse", "PullResponse", "ErrorBody", "LoginRequest", "Invitation", "AtsIdChange"]
    {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema} is described");
    }
    let invitation = &doc["components"]["schemas"]["Invitation"]["properties"];
    assert!(invitation["ats_id"].is_object(), "an invitation may carry the ATS ID: {invitation}");

    // Every documented operation is served: without a token it is refused, not unknown.
    for (method, path) in &operations {
        let url = format!(
            "{}{}",
            server.url,
            path.replace("{sha256}", &"a".repeat(64)).replace("{token}", "unknown").replace("{link}", "0")
        );
        let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        let response = server.http.request(method.clone(), url).send().await.unwrap();
        let status = response.status();
        let body: serde_json::Value = response.json().await.unwrap_or_default();
        let unknown =
            status == StatusCode::NOT_FOUND && body["error"]["message"].as_str().is_some_and(|m| m.contains("route"));
        assert!(!unknown, "{method} {path} is documented but not served");
        // Tracking links are opened by email clients, without a token.
        // Health and readiness are for anyone's probes; the metrics for this machine (the test).
        let open = ["/health", "/ready", "/metrics", "/v1/auth/login"];
        // Desktop updates are asked for by the updater, which may have no live sign-in.
        if !open.contains(&path.as_str()) && !path.starts_with("/t/") && !path.starts_with("/v1/desktop-updates/") {
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{method} {path}");
        }
    }
    let unknown = server.http.get(format!("{}/v1/nowhere", server.url)).send().await.unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}
