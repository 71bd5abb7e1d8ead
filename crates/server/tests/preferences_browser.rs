//! The preferences page in a real browser (headless Chromium over WebDriver), reached as a
//! person reaches it: by the link in the footer of an email a recruiter sent, read from the
//! test SMTP server. They choose an area of interest, unsubscribe and ask to be forgotten; the
//! admin's desktop has the request with its next sync, and once approved the link shows
//! nothing of them. The page is photographed at a phone's and a laptop's width
//! (docs/screenshots).

mod support;

use std::path::{Path, PathBuf};

use support::browser::Browser;
use support::smtp::{first_email, sending_to, smtp_sink};
use support::{TestServer, create_candidate, desktop, numbered};
use talentdesk_domain::activity::Engagement;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use uuid::Uuid;

fn screenshots() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test(flavor = "multi_thread")]
async fn a_person_manages_their_preferences_from_an_emails_link_in_a_browser() {
    let sink = smtp_sink();
    let server = TestServer::start_with(sending_to(&sink)).await;
    let areas = ["Data Science", "Finance", "Engineering", "Sales"].map(str::to_owned).to_vec();
    server.push(&server.admin, &numbered(1, [Mutation::SetInterests { interests: areas }])).await;
    let priya = Uuid::now_v7();
    let email = Mutation::EmailSend {
        send_id: Uuid::now_v7(),
        selection: Selection::ids([priya]),
        subject: "Data roles in Manchester".into(),
        body: "Hi Priya, two data roles opened this week.".into(),
    };
    let created = create_candidate(priya, "Priya", "Raghunathan", Some("priya@example.co.uk"));
    server.push(&server.recruiter, &numbered(1, [created, email])).await;

    // The footer's link, as her mail program shows it, pointed at this test's server.
    let eml = first_email(&sink).await;
    let link = eml
        .lines()
        .find_map(|l| l.strip_prefix("Unsubscribe or manage your preferences: "))
        .expect("the footer's link")
        .trim()
        .replace("http://crm.example", &server.url);

    let browser = Browser::start(1280, 900).await;
    browser.goto(&link).await;
    browser.wait_for_text("Your preferences").await;
    assert!(browser.text().await.contains("Hello Priya"));
    browser.screenshot_whole(1280, &screenshots().join("preferences-page-1280.png")).await;
    browser.screenshot_whole(390, &screenshots().join("preferences-page-390.png")).await;

    browser.click("#interests-form input[value='Data Science']").await;
    browser.click("#interests-form button").await;
    browser.wait_for_text("Your areas of interest are saved.").await;

    browser.click("#unsubscribe-form button").await;
    browser.wait_for_text("You are unsubscribed").await;

    // Asking to be forgotten takes a tick that says what it means.
    browser.click("#forget-form input[name=confirm]").await;
    browser.click("#forget-form button").await;
    browser.wait_for_text("You asked to be forgotten on").await;
    browser.screenshot_whole(390, &screenshots().join("preferences-forget-390.png")).await;

    let after = server.candidate(priya).await;
    assert_eq!(after.candidate.profile.interests, ["Data Science"]);
    assert!(!after.candidate.subscribed);
    assert!(after.engagement_times.contains_key(&Engagement::CandidateOptOut));
    assert!(after.erasure_request.is_some_and(|r| r.is_open()));

    // The admin's desktop lists the request; approving it erases her, and her link then shows
    // nothing of her.
    let dir = tempfile::tempdir().unwrap();
    let mut desk = desktop(dir.path(), &server.admin.user);
    server.pull_into(&server.admin, &mut desk, String::new()).await;
    let open = desk.open_erasure_requests().unwrap();
    assert_eq!(open.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["Priya Raghunathan"]);
    let approve = Mutation::CandidateDelete { selection: Selection::ids([priya]) };
    server.push(&server.admin, &numbered(2, [approve])).await;
    browser.goto(&link).await;
    browser.wait_for_text("Nothing to manage").await;
    assert!(!browser.text().await.contains("Priya"));
    browser.close().await;
}
