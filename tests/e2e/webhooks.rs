//! Settings › Webhooks in the real window against a real server and a real receiver (a small
//! HTTP server in the test): an admin adds a webhook with two events and is shown its signing
//! secret once; a candidate made on the server reaches the receiver and the delivery log says
//! Delivered with the answer; a receiver that fails is retried, then the server turns the
//! webhook off and the card says why; turned on again with the receiver answering, a re-send
//! goes through. A recruiter is not offered the card. Screenshots: settings-webhooks (the
//! secret and the list), settings-webhooks-log (turned off, with the delivery log).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde_json::json;
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::user::Role;
use talentdesk_e2e::{Session, axe, err, sign_in, sign_out, synced, workspace};
use talentdesk_server::config::Config;
use talentdesk_server::testing::{Instance, PASSWORD};
use talentdesk_sync::client::Client;
use talentdesk_sync::wire::PushedMutation;
use uuid::Uuid;

/// A receiver on this machine that answers 204, or 500 while `failing`; counts requests.
struct Receiver {
    url: String,
    failing: Arc<AtomicBool>,
    received: Arc<AtomicUsize>,
}

fn receiver() -> Receiver {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let (failing, received) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicUsize::new(0)));
    let (fail, count) = (failing.clone(), received.clone());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream);
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = value.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            count.fetch_add(1, Ordering::SeqCst);
            let status = if fail.load(Ordering::SeqCst) { "500 Internal Server Error" } else { "204 No Content" };
            let answer = format!("HTTP/1.1 {status}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
            let _ = reader.get_mut().write_all(answer.as_bytes());
        }
    });
    Receiver { url, failing, received }
}

fn open_settings(session: &Session) -> Result<(), String> {
    session.click("[data-testid=rail-settings]")?;
    session.wait_for("the settings", |s| s.text("[data-testid=settings-page]")).map(|_| ())
}

fn show_card(session: &Session) -> Result<(), String> {
    let script = "document.querySelector('[data-testid=webhook-settings]').scrollIntoView({ block: 'end' });";
    session.script(script, json!([])).map(|_| ())
}

/// Makes a candidate on the server, as a teammate's desktop would.
fn create_candidate(runtime: &tokio::runtime::Runtime, server: &str, email: &str, seq: i64, first: &str) {
    runtime.block_on(async {
        let (client, _) = Client::login(server, email, PASSWORD).await.unwrap();
        let profile = Profile { first_name: first.into(), last_name: "Lovelace".into(), ..Profile::default() };
        let mutation = Mutation::CandidateCreate {
            candidate_id: Uuid::now_v7(),
            profile,
            profile_type: ProfileType::RecruiterGenerated,
        };
        let client_id = Uuid::from_u128(0x5eed);
        client.push(client_id, vec![PushedMutation::new(seq, mutation, chrono::Utc::now())]).await.unwrap();
    });
}

#[test]
fn an_admin_adds_a_webhook_reads_its_delivery_log_and_sees_why_it_was_turned_off() -> Result<(), String> {
    let runtime = tokio::runtime::Runtime::new().map_err(err)?;
    let server = runtime.block_on(Instance::start_with(|c| Config {
        webhooks_allow_private: true,
        webhook_timeout_ms: 1_000,
        webhook_retry_base_ms: 300,
        webhook_retry_window_ms: 2_500,
        webhook_poll_ms: 100,
        ..c
    }));
    let admin = runtime.block_on(server.add_user("ada@acme.test", Role::RecruiterAdmin));
    let rita = runtime.block_on(server.add_user("rita@acme.test", Role::Recruiter));
    let receiver = receiver();
    let data = tempfile::tempdir().map_err(err)?;
    let data_dir = data.path().to_str().ok_or("the temporary path is not UTF-8")?;
    let session = Session::start_with_env(&[], &[("TALENTDESK_DATA_DIR", data_dir)])?;
    sign_in(&session, &server.url, &admin.email, PASSWORD)?;
    synced(&session)?;
    open_settings(&session)?;
    let card = "[data-testid=webhook-settings]";
    session.wait_for("no webhooks yet", |s| Ok(s.text(card)?.filter(|t| t.contains("No webhooks yet"))))?;

    // Add: the URL and two events; the button waits for an event.
    let save = "[data-testid=webhook-form] [data-testid=webhook-save]";
    session.type_into("[data-testid=webhook-form] [data-testid=webhook-url]", &receiver.url)?;
    assert_eq!(session.attribute(save, "disabled")?.as_deref(), Some(""), "no event ticked yet");
    session.click("[data-testid=webhook-event][data-event='candidate.created']")?;
    session.click("[data-testid=webhook-event][data-event='pipeline.status_changed']")?;
    session.click(save)?;
    let read_secret =
        "const e = document.querySelector('[data-testid=webhook-secret-value]'); return e ? e.value : null;";
    let secret =
        session.wait_for("the secret", |s| Ok(s.script(read_secret, json!([]))?.as_str().map(str::to_owned)))?;
    assert!(secret.starts_with("whsec_"), "{secret}");
    // The list is read again after the save: the new row may come a moment after the secret.
    let chips = session.wait_for("the new webhook's row", |s| {
        let chips = s.texts("[data-testid=webhook-row] .chips li")?;
        Ok((!chips.is_empty()).then_some(chips))
    })?;
    assert_eq!(chips, ["Candidate created", "Workflow status changed"]);
    assert_eq!(session.texts("[data-testid=webhook-state]")?, ["On"]);
    let found: Vec<String> = axe::check(&session)?.iter().map(ToString::to_string).collect();
    assert!(found.is_empty(), "axe finds nothing serious with the secret shown: {found:#?}");
    show_card(&session)?;
    let shot = session.screenshot("settings-webhooks")?;
    std::fs::copy(&shot, workspace().join("docs/screenshots/settings-webhooks.png")).map_err(err)?;
    session.click("[data-testid=webhook-secret-done]")?;

    // A candidate made on the server reaches the receiver; the log says so.
    create_candidate(&runtime, &server.url, &admin.email, 1, "Ada");
    session.click("[data-testid=webhook-log-toggle]")?;
    session.wait_for("a delivery", |s| {
        s.click("[data-testid=webhook-log-refresh]")?;
        Ok(s.texts("[data-testid=webhook-delivery][data-status=delivered]")?.into_iter().next())
    })?;
    assert_eq!(receiver.received.load(Ordering::SeqCst), 1);

    // The receiver fails: retried, then the server turns the webhook off and the card says why.
    receiver.failing.store(true, Ordering::SeqCst);
    create_candidate(&runtime, &server.url, &admin.email, 2, "Grace");
    let reason = session.wait_for("the webhook turned off", |s| {
        s.click("[data-testid=webhook-log-refresh]")?;
        if s.texts("[data-testid=webhook-delivery][data-status=failed]")?.is_empty() {
            return Ok(None);
        }
        s.click("[data-testid=rail-candidates]")?;
        open_settings(s)?;
        s.wait_for("the card", |s| s.text("[data-testid=webhook-table]"))?;
        s.text("[data-testid=webhook-reason]")
    })?;
    assert!(reason.contains("every try failed") && reason.contains("500"), "{reason}");
    assert!(receiver.received.load(Ordering::SeqCst) >= 3, "retried before giving up");
    let state = session.texts("[data-testid=webhook-state]")?;
    assert!(state[0].starts_with("Off since"), "{state:?}");
    session.click("[data-testid=webhook-log-toggle]")?;
    session.wait_for("the log", |s| Ok(s.texts("[data-testid=webhook-delivery]")?.len().eq(&2).then_some(())))?;
    let found: Vec<String> = axe::check(&session)?.iter().map(ToString::to_string).collect();
    assert!(found.is_empty(), "axe finds nothing serious in the turned-off webhook and its log: {found:#?}");
    show_card(&session)?;
    let shot = session.screenshot("settings-webhooks-log")?;
    std::fs::copy(&shot, workspace().join("docs/screenshots/settings-webhooks-log.png")).map_err(err)?;

    // On again with the receiver answering: the failed delivery is re-sent and goes through.
    receiver.failing.store(false, Ordering::SeqCst);
    session.click("[data-testid=webhook-toggle]")?;
    session.wait_for("on again", |s| {
        Ok(s.texts("[data-testid=webhook-state]")?.first().filter(|t| *t == "On").cloned())
    })?;
    session.wait_for("the failed delivery", |s| {
        s.click("[data-testid=webhook-log-refresh]")?;
        s.text("[data-testid=webhook-delivery][data-status=failed]")
    })?;
    session.click("[data-testid=webhook-delivery][data-status=failed] [data-testid=webhook-resend]")?;
    session.wait_for("the re-send delivered", |s| {
        s.click("[data-testid=webhook-log-refresh]")?;
        Ok((s.texts("[data-testid=webhook-delivery][data-status=delivered]")?.len() == 2).then_some(()))
    })?;

    // A recruiter is not offered the card.
    sign_out(&session)?;
    sign_in(&session, &server.url, &rita.email, PASSWORD)?;
    synced(&session)?;
    open_settings(&session)?;
    assert_eq!(session.text(card)?, None);
    Ok(())
}
