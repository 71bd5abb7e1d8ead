//! Text messages in the real window against real servers. With a provider (a receiver on this
//! machine in the shape of Twilio's API): the Messages tab's Text list shows one text Delivered
//! and one Failed with the provider's reason. Without a provider: the Send Text dialog says the
//! server cannot send texts and offers no Send. Screenshots: profile-texts, texts-no-provider.

use talentdesk_domain::candidate::{FieldValue, Profile, ProfileType};
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::Selection;
use talentdesk_domain::user::Role;
use talentdesk_e2e::{Session, err, open_profile, sign_in, sign_out, synced, workspace};
use talentdesk_server::testing::text_provider::{TextProvider, UNREACHABLE};
use talentdesk_server::testing::{Instance, PASSWORD};
use talentdesk_sync::client::Client;
use talentdesk_sync::wire::{PushOutcome, PushedMutation};

const ANA_EMAIL: &str = "ana.texts@example.com";

/// A server on a port chosen first, so that its public URL (where the provider calls back) is
/// known before it starts.
async fn server(provider: Option<&TextProvider>) -> Instance {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let sms = provider.map(TextProvider::settings);
    Instance::start_with(move |c| talentdesk_server::config::Config {
        listen: format!("127.0.0.1:{port}").parse().unwrap(),
        public_url: format!("http://127.0.0.1:{port}"),
        delivery_interval_ms: 50,
        sms,
        ..c
    })
    .await
}

/// Ana, with a phone number the provider delivers to.
fn ana(id: uuid::Uuid) -> Mutation {
    let profile = Profile {
        first_name: "Ana".into(),
        last_name: "Souza".into(),
        email: Some(ANA_EMAIL.into()),
        phone: Some("+1 415 555 0101".into()),
        ..Profile::default()
    };
    Mutation::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::RecruiterGenerated }
}

fn text(id: uuid::Uuid, body: &str) -> Mutation {
    Mutation::TextSend { send_id: new_id(), selection: Selection::ids([id]), body: body.into() }
}

/// Pushes as `client` under the client id `me`, numbered from `first`; every mutation must be
/// applied.
async fn push(client: &Client, me: uuid::Uuid, first: i64, mutations: Vec<Mutation>) -> Result<(), String> {
    let now = chrono::Utc::now();
    let numbered =
        mutations.into_iter().enumerate().map(|(i, m)| PushedMutation::new(first + i as i64, m, now)).collect();
    let pushed = client.push(me, numbered).await.map_err(err)?;
    match pushed.results.iter().find(|r| !matches!(r.outcome, PushOutcome::Applied { .. })) {
        Some(refused) => Err(format!("refused: {:?}", refused.outcome)),
        None => Ok(()),
    }
}

#[test]
fn texts_show_what_the_provider_said_and_a_server_without_one_says_texts_cannot_be_sent() -> Result<(), String> {
    let runtime = tokio::runtime::Runtime::new().map_err(err)?;
    let provider = runtime.block_on(TextProvider::start());
    let texting = runtime.block_on(server(Some(&provider)));
    let admin = runtime.block_on(texting.add_user("ada@acme.test", Role::RecruiterAdmin));
    let id = new_id();
    runtime.block_on(async {
        let (client, _) = Client::login(&texting.url, &admin.email, PASSWORD).await.map_err(err)?;
        let me = new_id();
        push(&client, me, 1, vec![ana(id), text(id, "Hi Ana, are you free for a call on Thursday?")]).await?;
        // A text goes to the number the candidate has when it is sent: the first goes out first.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while provider.received().is_empty() && std::time::Instant::now() < deadline {
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        // Her number changes to one the carrier cannot reach: the next text fails.
        let change = FieldChange {
            from: FieldValue::Phone(Some("+1 415 555 0101".into())),
            to: FieldValue::Phone(Some(UNREACHABLE.into())),
        };
        let update = Mutation::CandidateUpdate { candidate_id: id, changes: vec![change] };
        push(&client, me, 3, vec![update, text(id, "Hi Ana, here is the address of the office.")]).await
    })?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while provider.received().len() < 2 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }

    let data = tempfile::tempdir().map_err(err)?;
    let data_dir = data.path().to_str().ok_or("the temporary path is not UTF-8")?;
    let session = Session::start_with_env(&[], &[("TALENTDESK_DATA_DIR", data_dir)])?;
    sign_in(&session, &texting.url, &admin.email, PASSWORD)?;
    synced(&session)?;
    open_profile(&session, id, ANA_EMAIL)?;
    session.click("[data-testid=profile-tabs] [data-tab=messages]")?;
    session.click("[data-testid=message-tabs] [data-tab=text]")?;
    // The states arrive by sync as the provider reports them.
    let states = session.wait_for("both texts' states", |s| {
        let rows = s.texts("[data-testid=messages-text] [data-testid=message-row] .state")?;
        Ok((rows.len() == 2 && rows.iter().all(|r| r != "Queued" && r != "Sent")).then_some(rows))
    })?;
    assert_eq!(states, ["Failed", "Delivered"], "newest first");
    session.click("[data-testid=messages-text] [data-testid=message-row]")?;
    let failure = session.wait_for("the reason", |s| s.text("[data-testid=message-failure]"))?;
    assert_eq!(failure, "Not delivered: 30003: Unreachable destination handset");
    let shot = session.screenshot("profile-texts")?;
    std::fs::copy(&shot, workspace().join("docs/screenshots/profile-texts.png")).map_err(err)?;

    // Another server, without a provider: the dialog says so instead of queueing the text.
    let silent = runtime.block_on(server(None));
    let other = runtime.block_on(silent.add_user("ada@acme.test", Role::RecruiterAdmin));
    runtime.block_on(async {
        let (client, _) = Client::login(&silent.url, &other.email, PASSWORD).await.map_err(err)?;
        push(&client, new_id(), 1, vec![ana(id)]).await
    })?;
    sign_out(&session)?;
    sign_in(&session, &silent.url, &other.email, PASSWORD)?;
    synced(&session)?;
    // The window opens where it was left (Ana's profile): back to the search.
    session.click("[data-testid=profile-back]")?;
    session.wait_for("the results", |s| Ok(s.text("[data-testid=result-count]")?.filter(|t| !t.is_empty())))?;
    session.click("[data-testid=select-page]")?;
    session.click("[data-testid=bulk-text]")?;
    let said = session.wait_for("the dialog's word", |s| s.text("[data-testid=no-text-provider]"))?;
    assert_eq!(said, "This server cannot send text messages: no provider is configured");
    let disabled = session.attribute("[data-testid=dialog-submit]", "disabled")?;
    assert!(disabled.is_some(), "no Send");
    let shot = session.screenshot("texts-no-provider")?;
    std::fs::copy(&shot, workspace().join("docs/screenshots/texts-no-provider.png")).map_err(err)?;
    Ok(())
}
