//! Email delivery through a real SMTP server (aiosmtpd): queued emails are sent once with
//! tracked links and a pixel; Sent, Delivered, Bounced, Opened and Clicked reach the message
//! records that sync to desktops; a registration confirmation carries the QR image of its
//! check-in code.

mod support;

use std::time::{Duration, Instant};

use base64::Engine;
use reqwest::StatusCode;
use support::smtp::{received, sending_to, smtp_sink, unfold};
use support::{TestServer, create_candidate, numbered};
use talentdesk_domain::event::{self, Event, EventCategory};
use talentdesk_domain::message::Message;
use talentdesk_domain::mutation::{Confirmation, Mutation};
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
    let server = TestServer::start_with(sending_to(&sink)).await;
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
    let metrics = server.http.get(format!("{}/metrics", server.url)).send().await.unwrap().text().await.unwrap();
    // At least: under `cargo test` the other tests of this file count in the same registry.
    let counted = |series: &str| {
        metrics.lines().find_map(|l| l.strip_prefix(series)?.trim().parse::<f64>().ok()).unwrap_or_default()
    };
    assert!(counted(r#"talentdesk_email_attempts_total{outcome="delivered"}"#) >= 1.0, "{metrics}");
    assert!(counted(r#"talentdesk_email_attempts_total{outcome="bounced"}"#) >= 1.0, "{metrics}");
    assert_eq!(counted("talentdesk_email_queue_length"), 0.0, "{metrics}");

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
    assert!(!eml.contains("multipart/related") && !eml.contains("cid:"), "no image in an ordinary email");

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

/// The body of the MIME part whose headers include `header`, base64-decoded.
fn part_body(eml: &str, header: &str) -> (String, Vec<u8>) {
    let part = eml.split("\r\n--").find(|p| p.contains(header)).unwrap_or_else(|| panic!("no part with {header}"));
    let (headers, body) = part.split_once("\r\n\r\n").expect("headers, then the body");
    let base64: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    (headers.to_owned(), base64::engine::general_purpose::STANDARD.decode(base64).expect("a base64 body"))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_registration_confirmation_shows_the_check_in_code_and_its_qr_image() {
    let sink = smtp_sink();
    let server = TestServer::start_with(sending_to(&sink)).await;
    let ana = Uuid::now_v7();
    let fair = Event::new(Uuid::now_v7(), "Lisbon Career Fair", EventCategory::CareerFair, chrono::Utc::now(), "FIL");
    let confirmation = Confirmation {
        send_id: Uuid::now_v7(),
        subject: "You are registered for {{event_name}}".into(),
        body: "See you there, {{first_name}}!".into(),
    };
    server
        .push(
            &server.recruiter,
            &numbered(
                1,
                [
                    create_candidate(ana, "Ana", "Souza", Some("ana@example.com")),
                    Mutation::EventCreate { event: fair.clone() },
                    Mutation::EventAdd {
                        selection: Selection::ids([ana]),
                        event_id: fair.id,
                        attended: false,
                        confirmation: Some(confirmation),
                    },
                ],
            ),
        )
        .await;

    let code = event::check_in_code(&fair, ana);
    let deadline = Instant::now() + Duration::from_secs(20);
    while received(&sink).is_empty() {
        assert!(Instant::now() < deadline, "the confirmation was not sent: {:#?}", messages(&server).await);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let message = messages(&server).await.into_iter().find(|m| m.candidate_id == ana).unwrap();
    assert_eq!(message.check_in_code.as_deref(), Some(code.as_str()));

    let raw = received(&sink).remove(0);
    let eml = unfold(&raw);
    assert!(eml.contains("Subject: You are registered for Lisbon Career Fair"), "{eml}");
    assert!(eml.contains("Content-Type: multipart/alternative"), "{eml}");
    assert!(eml.contains("Content-Type: multipart/related"), "the HTML and its image travel together: {eml}");
    assert!(eml.contains("See you there, Ana!"));
    assert!(eml.contains(&format!("Your check-in code: {code}")), "the text part says the code: {eml}");
    assert!(eml.contains("src=\"cid:check-in-qr@talentdesk\""), "the HTML shows the image by its Content-ID");

    let (headers, png) = part_body(&raw, "Content-Type: image/png");
    assert!(headers.contains("Content-ID: <check-in-qr@talentdesk>"), "{headers}");
    assert!(headers.contains("Content-Disposition: inline"), "{headers}");
    // The very image that scans as TD:<code> (talentdesk-badges' tests scan it).
    assert_eq!(png, talentdesk_badges::qr_png(&code).unwrap());
}
