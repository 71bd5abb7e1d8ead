//! The sign-up page in a real browser (headless Chromium over WebDriver): a person fills in
//! the form with the keyboard's way of typing, ticks an area of interest and the consent,
//! chooses their resume file and sends it; they see the thank-you page, and the candidate
//! reaches a recruiter's desktop with their next sync. The page is photographed at a phone's
//! and a laptop's width into tests/artifacts, like the window's screens (docs/screenshots has
//! copies).

mod support;

use std::path::{Path, PathBuf};

use support::browser::Browser;
use support::{TestServer, desktop, numbered};
use talentdesk_domain::activity::Engagement;
use talentdesk_domain::candidate::ProfileType;
use talentdesk_domain::mutation::Mutation;
use talentdesk_server::config::Config;

const RESUME: &str = "en-accountant-table.pdf";

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_person_signs_up_in_a_browser_and_reaches_a_recruiters_desktop() {
    let server = TestServer::start_with(|c| {
        let signup = talentdesk_server::signup::Settings {
            resume_reader: Some(env!("CARGO_BIN_EXE_talentdesk-server").into()),
            ..c.signup.clone()
        };
        Config { signup, ..c }
    })
    .await;
    let interests = ["Data Science", "Finance", "Engineering", "Sales"].map(str::to_owned).to_vec();
    server.push(&server.admin, &numbered(1, [Mutation::SetInterests { interests }])).await;
    let screenshots = repository().join("tests/artifacts");
    std::fs::create_dir_all(&screenshots).unwrap();

    let browser = Browser::start(1280, 900).await;
    browser.goto(&format!("{}/join/acme", server.url)).await;
    browser.wait_for_text("Join our talent community").await;
    browser.screenshot_whole(1280, &screenshots.join("signup-page-1280.png")).await;
    browser.screenshot_whole(390, &screenshots.join("signup-page-390.png")).await;
    // On a phone the fields stand in one column: the email field is below the name, not beside it.
    let stacked = "const n = document.getElementById('name').getBoundingClientRect(); \
                   const e = document.getElementById('email').getBoundingClientRect(); return e.top > n.bottom";
    assert_eq!(browser.run(stacked).await, true);

    browser.type_into("#name", "Priya Raghunathan").await;
    browser.type_into("#email", "priya.raghunathan@example.co.uk").await;
    browser.type_into("#phone", "+44 161 496 0735").await;
    browser.type_into("#location", "Manchester, United Kingdom").await;
    browser.type_into("#linkedin", "https://www.linkedin.com/in/priya-r").await;
    browser.click("label[for=area-1]").await;
    let resume = repository().join("tests/resumes/files").join(RESUME).canonicalize().unwrap();
    browser.type_into("#resume", &resume.display().to_string()).await;
    browser.click("label[for=consent]").await;
    browser.click("button[type=submit]").await;
    browser.wait_for_text("Thank you!").await;
    assert!(browser.text().await.contains("A confirmation is on its way"));
    browser.screenshot_whole(390, &screenshots.join("signup-thanks-390.png")).await;
    browser.close().await;
    server.sign_ups_applied().await;

    // A recruiter's desktop syncs and has her, as she told it and as her resume says.
    let dir = tempfile::tempdir().unwrap();
    let rita = &server.recruiter;
    let mut desk = desktop(dir.path(), &rita.user);
    server.pull_into(rita, &mut desk, String::new()).await;
    let signed_up = server
        .records::<talentdesk_domain::aggregate::CandidateAggregate>(talentdesk_sync::wire::RecordKind::Candidate)
        .await;
    let id = signed_up.last().expect("a candidate").id();
    let view = desk.profile(&rita.user, id).unwrap();
    let c = &view.candidate;
    assert_eq!(c.profile.full_name(), "Priya Raghunathan");
    assert_eq!(c.profile_type, ProfileType::CandidateAuthenticated);
    assert!(c.engagements.contains(Engagement::CandidateOptIn));
    assert_eq!(c.profile.interests, ["Finance"]);
    assert!(c.profile.skills.iter().any(|s| s == "IFRS"), "{:?}", c.profile.skills);
    assert!(view.documents.iter().any(|d| d.name == RESUME), "{:?}", view.documents);
}
