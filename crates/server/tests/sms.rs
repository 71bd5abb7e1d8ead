//! Text messages through a provider: a receiver on this machine speaks Twilio's Messages API
//! (form-encoded POSTs with basic auth; `talentdesk_server::testing::text_provider`), records
//! what it is sent, and posts signed status callbacks back to the server, as Twilio does. Queued texts become Sent, then Delivered or
//! Failed with the provider's reason; a 500 is tried again, a 400 is not; STOP opts a person
//! out of texts (later sends skip them) and START back in; a forged callback changes nothing;
//! a server without a provider refuses texts and says why.

mod support;

use std::time::{Duration, Instant};

use base64::Engine;
use reqwest::StatusCode;
use support::{Session, TestServer, numbered};
use talentdesk_domain::DomainError;
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::history::HistoryEntry;
use talentdesk_domain::message::{Channel, Message};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_server::config::Config;
use talentdesk_server::sms::settings::SmsSettings;
use talentdesk_server::sms::signature;
use talentdesk_server::testing::text_provider::{
    ACCOUNT_SID, AUTH_TOKEN, FLAKY, FROM, INVALID, TextProvider, UNREACHABLE, post_signed,
};
use talentdesk_sync::client::Client;
use talentdesk_sync::engine::Replica;
use talentdesk_sync::wire::{PushOutcome, RecordKind, ServerFeatures};
use uuid::Uuid;

/// Sent and delivered.
const DELIVERED: &str = "+14155550101";
/// Delivered too: someone who never answers STOP.
const BO: &str = "+14155550199";

/// Posts `form` to `url` as the provider would (signed with `key`), or unsigned; the status.
async fn post_form(url: &str, form: &[(&str, String)], key: Option<&str>) -> StatusCode {
    StatusCode::from_u16(post_signed(url, form, key).await).unwrap()
}

/// A server whose texts go to `provider`. It listens on a port chosen first, so its public URL
/// (where the provider calls back) is known before it starts.
async fn server_texting(provider: Option<&TextProvider>) -> TestServer {
    let sms: Option<SmsSettings> = provider.map(TextProvider::settings);
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    TestServer::start_with(move |c| Config {
        listen: format!("127.0.0.1:{port}").parse().unwrap(),
        public_url: format!("http://127.0.0.1:{port}"),
        delivery_interval_ms: 50,
        sms,
        ..c
    })
    .await
}

fn candidate(id: Uuid, first: &str, phone: &str) -> Mutation {
    let profile =
        Profile { first_name: first.into(), last_name: "Test".into(), phone: Some(phone.into()), ..Profile::default() };
    Mutation::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::RecruiterGenerated }
}

fn text(ids: &[Uuid], body: &str) -> Mutation {
    Mutation::TextSend { send_id: Uuid::now_v7(), selection: Selection::ids(ids.iter().copied()), body: body.into() }
}

/// The latest state of every text message.
async fn texts(server: &TestServer) -> Vec<Message> {
    let all: Vec<Message> = server.records(RecordKind::Message).await;
    let mut latest = std::collections::BTreeMap::new();
    for m in all.into_iter().filter(|m| m.channel == Channel::Text) {
        latest.insert(m.id(), m);
    }
    latest.into_values().collect()
}

/// Waits until `done` holds for the texts; fails showing them after 20 s.
async fn texts_until(server: &TestServer, done: impl Fn(&[Message]) -> bool) -> Vec<Message> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let all = texts(server).await;
        if done(&all) {
            return all;
        }
        assert!(Instant::now() < deadline, "the texts did not settle: {all:#?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The outcomes of pushing `mutations` as `session`, numbered from `first`.
async fn push(server: &TestServer, session: &Session, first: i64, mutations: Vec<Mutation>) -> Vec<PushOutcome> {
    server.push(session, &numbered(first, mutations)).await.results.into_iter().map(|r| r.outcome).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn texts_are_sent_and_delivered_failed_or_retried_as_the_provider_says() {
    let recorder = TextProvider::start().await;
    let server = server_texting(Some(&recorder)).await;
    let [ana, bo, cy, di] = [(); 4].map(|_| Uuid::now_v7());
    let outcomes = push(
        &server,
        &server.recruiter,
        1,
        vec![
            candidate(ana, "Ana", DELIVERED),
            // Written as people write them: the provider is given E.164.
            candidate(bo, "Bo", "+1 (415) 555-0102"),
            candidate(cy, "Cy", FLAKY),
            candidate(di, "Di", INVALID),
            text(&[ana, bo, cy, di], "Hi {{first_name}}, are you free for a call?"),
        ],
    )
    .await;
    assert!(outcomes.iter().all(|o| matches!(o, PushOutcome::Applied { .. })), "{outcomes:?}");

    let settled = |m: &Message| m.delivered_at.is_some() || m.bounced_at.is_some();
    let all = texts_until(&server, |all| all.len() == 4 && all.iter().all(settled)).await;
    let of = |id: Uuid| all.iter().find(|m| m.candidate_id == id).unwrap();
    let delivered = of(ana);
    assert!(delivered.sent_at.is_some() && delivered.delivered_at.is_some(), "{delivered:?}");
    assert_eq!((delivered.bounced_at, &delivered.failure), (None, &None));
    let unreachable = of(bo);
    assert!(unreachable.sent_at.is_some() && unreachable.bounced_at.is_some() && unreachable.delivered_at.is_none());
    assert_eq!(unreachable.failure.as_deref(), Some("30003: Unreachable destination handset"));
    let retried = of(cy);
    assert!(retried.delivered_at.is_some() && retried.failure.is_none(), "{retried:?}");
    let invalid = of(di);
    assert!(invalid.sent_at.is_none() && invalid.bounced_at.is_some(), "{invalid:?}");
    assert_eq!(invalid.failure.as_deref(), Some("21211: The 'To' number +14155550104 is not a valid phone number."));

    // What the provider was sent: one request each, two for the one that failed with a 500
    // first, and none again for the one refused with a 400.
    assert_eq!(recorder.to(DELIVERED).len(), 1);
    assert_eq!(recorder.to(UNREACHABLE).len(), 1, "the number was sent in E.164");
    assert_eq!(recorder.to(FLAKY).len(), 2, "a 500 is tried again");
    assert_eq!(recorder.to(INVALID).len(), 1, "a 400 is not");
    let to_ana = recorder.to(DELIVERED);
    let first = &to_ana[0];
    assert_eq!(first.path, format!("/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"));
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{ACCOUNT_SID}:{AUTH_TOKEN}"));
    assert_eq!(first.authorization, format!("Basic {basic}"));
    assert_eq!(first.field("From"), FROM);
    assert_eq!(first.field("Body"), "Hi Ana, are you free for a call?");
    assert_eq!(first.field("StatusCallback"), format!("{}/v1/sms/status", server.url));

    // Nothing is sent twice, however long the worker keeps looking.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(recorder.received().len(), 5);

    // A desktop is told texts can be sent, and its Messages tab shows each text's state.
    let folder = tempfile::tempdir().unwrap();
    let desk = Replica::sign_in(&folder.path().join("desk.db"), &server.url, "rita@acme.test", support::PASSWORD)
        .await
        .unwrap();
    assert!(Client::with_token(&server.url, &desk.token).unwrap().features().await.unwrap().texts);
    desk.engine.sync_once().await.unwrap();
    let store = desk.store.lock().unwrap();
    let shown = |id: Uuid| store.profile(&desk.user, id).unwrap().texts.remove(0).message;
    assert!(shown(ana).delivered_at.is_some());
    let failed = shown(di);
    assert!(failed.bounced_at.is_some() && failed.sent_at.is_none());
    assert_eq!(failed.failure, invalid.failure, "the provider's reason reaches the desktop");
    assert_eq!(shown(bo).failure.as_deref(), Some("30003: Unreachable destination handset"));
}

/// An answer from `from` to the organisation's number, as the provider posts it.
async fn answer(server: &TestServer, from: &str, body: &str) -> StatusCode {
    answer_to(server, from, FROM, body).await
}

/// A text from `from` to the number `to`, as the provider posts it.
async fn answer_to(server: &TestServer, from: &str, to: &str, body: &str) -> StatusCode {
    let url = format!("{}/v1/sms/inbound", server.url);
    let form = [
        ("MessageSid", format!("SM{}", Uuid::now_v7().simple())),
        ("From", from.into()),
        ("To", to.into()),
        ("Body", body.into()),
    ];
    post_form(&url, &form, Some(AUTH_TOKEN)).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stop_sent_to_another_number_of_the_account_changes_nothing_and_is_not_retried() {
    let recorder = TextProvider::start().await;
    let server = server_texting(Some(&recorder)).await;
    let ana = Uuid::now_v7();
    push(&server, &server.admin, 1, vec![candidate(ana, "Ana", DELIVERED)]).await;
    // Signed by the provider, but sent to a number this server does not text from.
    assert_eq!(answer_to(&server, DELIVERED, "+14155550777", "STOP").await, StatusCode::OK);
    assert!(!server.candidate(ana).await.candidate.texts_opted_out, "not a STOP to our texts");
    // The same to our number opts her out.
    assert_eq!(answer(&server, DELIVERED, "STOP").await, StatusCode::OK);
    assert!(server.candidate(ana).await.candidate.texts_opted_out);
    assert_eq!(answer_to(&server, DELIVERED, "+14155550777", "START").await, StatusCode::OK);
    assert!(server.candidate(ana).await.candidate.texts_opted_out, "nor is a START to another number");
}

#[tokio::test(flavor = "multi_thread")]
async fn stop_opts_the_person_out_of_texts_and_start_back_in() {
    let recorder = TextProvider::start().await;
    let server = server_texting(Some(&recorder)).await;
    let (ana, bo) = (Uuid::now_v7(), Uuid::now_v7());
    let admin = &server.admin;
    // Ana's number is written nationally: the org's default country makes it +1 415 555 0101.
    let setup = vec![
        Mutation::SetPhoneCountry { country: Some("US".into()) },
        candidate(ana, "Ana", "(415) 555-0101"),
        candidate(bo, "Bo", BO),
    ];
    push(&server, admin, 1, setup).await;

    assert_eq!(answer(&server, DELIVERED, "  Stop \n").await, StatusCode::OK);
    assert!(server.candidate(ana).await.candidate.texts_opted_out, "STOP opts Ana out");
    assert!(!server.candidate(bo).await.candidate.texts_opted_out, "and nobody else");
    let history: Vec<HistoryEntry> = server.records(RecordKind::History).await;
    let entry = history.iter().rev().find(|h| h.candidate_id == ana).expect("a history entry");
    assert_eq!(entry.summary.as_deref(), Some("Opted out of text messages"));
    assert_eq!(entry.actor_email, "Candidate (self-service)", "history names the candidate as who did it");

    // A text to both goes to Bo alone; one to Ana alone is refused, saying why.
    let outcomes = push(&server, &server.recruiter, 1, vec![text(&[ana, bo], "Hi {{first_name}}")]).await;
    assert!(matches!(outcomes[0], PushOutcome::Applied { affected: 1, .. }), "{outcomes:?}");
    let outcomes = push(&server, &server.recruiter, 2, vec![text(&[ana], "Hi")]).await;
    match &outcomes[0] {
        PushOutcome::Rejected { reason: reason @ DomainError::TextsOptedOut { count: 1 } } => {
            assert_eq!(reason.to_string(), "the 1 chosen opted out of texts; nothing was sent");
        }
        other => panic!("expected a refusal: {other:?}"),
    }
    texts_until(&server, |all| all.len() == 1 && all[0].delivered_at.is_some()).await;
    assert_eq!(recorder.received().len(), 1);
    assert_eq!(recorder.received()[0].field("To"), BO);

    // Other words change nothing; START opts back in, and texts reach Ana again.
    assert_eq!(answer(&server, DELIVERED, "please stop calling me at work").await, StatusCode::OK);
    assert!(server.candidate(ana).await.candidate.texts_opted_out);
    // A desktop learns it by sync: its own texts to Ana and Bo go to Bo alone.
    let folder = tempfile::tempdir().unwrap();
    let desk = Replica::sign_in(&folder.path().join("desk.db"), &server.url, "omar@acme.test", support::PASSWORD)
        .await
        .unwrap();
    desk.engine.sync_once().await.unwrap();
    {
        let mut store = desk.store.lock().unwrap();
        assert!(store.profile(&desk.user, ana).unwrap().candidate.texts_opted_out);
        let applied = store.apply(&desk.user, text(&[ana, bo], "From the desktop")).unwrap();
        assert_eq!(applied.affected, 1, "queued for Bo only");
        assert!(store.profile(&desk.user, ana).unwrap().texts.is_empty());
    }
    desk.engine.sync_once().await.unwrap();
    texts_until(&server, |all| all.len() == 2 && all.iter().all(|m| m.delivered_at.is_some())).await;

    assert_eq!(answer(&server, DELIVERED, "START").await, StatusCode::OK);
    assert!(!server.candidate(ana).await.candidate.texts_opted_out, "START opts Ana back in");
    push(&server, &server.recruiter, 3, vec![text(&[ana], "Welcome back")]).await;
    texts_until(&server, |all| all.len() == 3 && all.iter().all(|m| m.delivered_at.is_some())).await;
    assert_eq!(recorder.to(DELIVERED).len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn forged_callbacks_change_nothing() {
    let recorder = TextProvider::start().await;
    let server = server_texting(Some(&recorder)).await;
    let ana = Uuid::now_v7();
    push(&server, &server.admin, 1, vec![candidate(ana, "Ana", INVALID)]).await;
    push(&server, &server.admin, 2, vec![text(&[ana], "Hi")]).await;
    texts_until(&server, |all| all.len() == 1 && all[0].bounced_at.is_some()).await;

    let url = format!("{}/v1/sms/inbound", server.url);
    let stop = [("From", INVALID.to_owned()), ("Body", "STOP".to_owned())];
    assert_eq!(post_form(&url, &stop, None).await, StatusCode::UNAUTHORIZED, "unsigned");
    assert_eq!(
        post_form(&url, &stop, Some("a guessed token")).await,
        StatusCode::UNAUTHORIZED,
        "signed by someone else"
    );
    assert!(!server.candidate(ana).await.candidate.texts_opted_out);

    // A forger cannot mark a text delivered either, even naming a real one.
    let sid = "SM00000000000000000000000000000042";
    sqlx::query("INSERT INTO sms_sent (provider_id, org_id, message_id) SELECT $1, org_id, id FROM records WHERE kind = 'message'")
        .bind(sid)
        .execute(&server.server.pool)
        .await
        .unwrap();
    let url = format!("{}/v1/sms/status", server.url);
    let delivered = [("MessageSid", sid.to_owned()), ("MessageStatus", "delivered".to_owned())];
    assert_eq!(post_form(&url, &delivered, Some("a guessed token")).await, StatusCode::UNAUTHORIZED);
    // The signature covers the URL: one made for another address does not pass here.
    let pairs: Vec<(String, String)> = delivered.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
    let elsewhere = signature::sign(AUTH_TOKEN, "https://attacker.example/v1/sms/status", &pairs);
    let response =
        reqwest::Client::new().post(&url).form(&pairs).header(signature::HEADER, elsewhere).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 401);
    let message = &texts(&server).await[0];
    assert!(message.delivered_at.is_none() && message.bounced_at.is_some(), "{message:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_provider_texts_are_refused_and_desktops_are_told() {
    let server = server_texting(None).await;
    let ana = Uuid::now_v7();
    let outcomes =
        push(&server, &server.recruiter, 1, vec![candidate(ana, "Ana", DELIVERED), text(&[ana], "Hi")]).await;
    match &outcomes[1] {
        PushOutcome::Rejected { reason: reason @ DomainError::NoTextProvider } => {
            assert_eq!(reason.to_string(), "This server cannot send text messages: no provider is configured");
        }
        other => panic!("expected a refusal: {other:?}"),
    }
    assert!(texts(&server).await.is_empty(), "nothing waits in a queue nobody empties");
    let features: ServerFeatures = server
        .http
        .get(format!("{}/v1/features", server.url))
        .bearer_auth(&server.recruiter.token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(!features.texts);
    // Nothing can be signed by a provider the server does not have.
    let stop = [("From", DELIVERED.to_owned()), ("Body", "STOP".to_owned())];
    let url = format!("{}/v1/sms/inbound", server.url);
    assert_eq!(post_form(&url, &stop, Some(AUTH_TOKEN)).await, StatusCode::UNAUTHORIZED);
}
