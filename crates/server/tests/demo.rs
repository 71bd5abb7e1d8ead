//! `talentdesk-server demo`: the desktop's demo generator fills an org, whose demo users can
//! then sign in and sync it.

mod support;

use support::TestServer;
use talentdesk_demo::DemoOptions;
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_sync::wire::RecordKind;

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_fills_an_org_with_the_desktops_data_and_its_users_sign_in() {
    let server = TestServer::start().await;
    let pool = &server.server.pool;
    let options = || DemoOptions { candidates: 300, seed: 7 };
    let summary =
        talentdesk_server::demo::fill_org(pool, "Acme", options(), "demo password 1".into(), |_| {}).await.unwrap();
    assert_eq!(summary.candidates, 300);

    let admin = server.login(&summary.admin_email, "demo password 1").await;
    let (changes, _) = server.pull_all(&admin, String::new()).await;
    let mut stored: Vec<CandidateAggregate> = changes
        .iter()
        .filter(|c| c.kind == RecordKind::Candidate)
        .map(|c| serde_json::from_str(c.data.as_ref().unwrap().get()).unwrap())
        .collect();
    stored.sort_by_key(|a| a.id());

    let generated = talentdesk_demo::candidates(&options()).unwrap();
    let mut expected: Vec<CandidateAggregate> = generated.iter().map(|c| c.aggregate()).collect();
    expected.sort_by_key(|a| a.id());
    assert_eq!(stored, expected, "the same seed gives the desktop's candidates");
    assert!(changes.iter().any(|c| c.kind == RecordKind::History));
    assert!(changes.iter().any(|c| c.kind == RecordKind::Pipeline));

    let again = talentdesk_server::demo::fill_org(pool, "Acme", options(), "demo password 1".into(), |_| {}).await;
    assert!(again.unwrap_err().to_string().contains("holds candidates already"));
}
