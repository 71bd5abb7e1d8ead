//! Email delivery through a real SMTP server (aiosmtpd): queued emails are sent once with
//! tracked links and a pixel; Sent, Delivered, Bounced, Opened and Clicked reach the message
//! records that sync to desktops.

mod support;

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use support::smtp::{received, smtp_sink, unfold};
use support::{TestServer, create_candidate, numbered};
use talentdesk_domain::message::Message;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_sync::wire::RecordKind;
use uuid::Uuid;

async fn messages(server: &TestServer) -> Vec<Message> {
    let (changes, _) = server.pull_all(&server.admin, String::new()).await;
    let mut latest = std::collections::BTreeMap::new();
    for c in changes.iter().filter(|c| c.kind == RecordKind::Message) {
        latest.insert(c.id.clone(), c.data.as_ref().map(|d| serde_json::from_str::<Message>(d.get()).unwrap()));
    }
    latest.into_values().flatten().collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn queued_email_is_sent_once_and_its_fate_syncs() {
    let sink = smtp_sink();
    let server = TestServer::start_with(|c| talentdesk_server::config::Config {
        smtp_url: Some(format!("smtp://127.0.0.1:{}", sink.port)),
        delivery_interval_ms: 50,
        public_url: "http://crm.example".into(),
        ..c
    })
    .await;
    let rita = &server.recruiter;
    let (ana, gone) = (Uuid::now_v7(), Uuid::now_v7());
    let body = "Hi Ana,\nsee https://acme.example/jobs/1 <script>alert(1)</script>";
    server
        .push(
            rita,
            &numbered(
                1,
                [
                    create_candidate(ana, "Ana", "Souza", Some("ana@example.com")),
                    create_candidate(gone, "Bo", "Unce", Some("bounce@example.com")),
                    Mutation::EmailSend {
                        send_id: Uuid::now_v7(),
                        selection: Selection::ids([ana, gone]),
                        subject: "A role for you".into(),
                        body: body.into(),
                    },
                ],
            ),
        )
        .await;

    let deadline = Instant::now() + Duration::from_secs(20);
    let (sent, bounced) = loop {
        let all = messages(&server).await;
        let sent = all.iter().find(|m| m.candidate_id == ana && m.delivered_at.is_some()).cloned();
        let bounced = all.iter().find(|m| m.candidate_id == gone && m.bounced_at.is_some()).cloned();
        if let (Some(s), Some(b)) = (sent, bounced) {
            break (s, b);
        }
        assert!(Instant::now() < deadline, "delivery did not finish: {all:#?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(sent.sent_at.is_some() && sent.bounced_at.is_none());
    assert!(bounced.sent_at.is_some() && bounced.delivered_at.is_none());

    let mail = received(&sink);
    assert_eq!(mail.len(), 1, "one email reached the relay");
    let eml = unfold(&mail[0]);
    assert!(eml.contains("To: ana@example.com"), "{eml}");
    assert!(eml.contains("Subject: A role for you"));
    let reply_to = eml.lines().find(|l| l.starts_with("Reply-To: ")).expect("a Reply-To");
    assert!(reply_to.ends_with("<rita@acme.test>"), "replies go to the recruiter: {reply_to}");
    assert!(eml.contains("&lt;script&gt;"), "user text is escaped in the HTML part");
    let token = eml.split("http://crm.example/t/o/").nth(1).expect("a pixel").chars().take(32).collect::<String>();
    assert!(eml.contains(&format!("http://crm.example/t/c/{token}/0")), "the link is tracked");
    assert!(!eml.contains("href=\"https://acme.example"), "no untracked link");

    // The recipient opens the email and clicks the link.
    let plain = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let pixel = plain.get(format!("{}/t/o/{token}", server.url)).send().await.unwrap();
    assert_eq!(pixel.status(), StatusCode::OK);
    assert_eq!(pixel.headers()["content-type"], "image/gif");
    let click = plain.get(format!("{}/t/c/{token}/0", server.url)).send().await.unwrap();
    assert_eq!(click.status(), StatusCode::FOUND);
    assert_eq!(click.headers()["location"], "https://acme.example/jobs/1");
    assert_eq!(
        plain.get(format!("{}/t/c/{token}/7", server.url)).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(plain.get(format!("{}/t/o/nope", server.url)).send().await.unwrap().status(), StatusCode::NOT_FOUND);

    let tracked = messages(&server).await.into_iter().find(|m| m.candidate_id == ana).unwrap();
    assert!(tracked.opened_at.is_some() && tracked.clicked_at.is_some());
    // Nothing is sent twice, however long the worker keeps looking.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(received(&sink).len(), 1);
}
