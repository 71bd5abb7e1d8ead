//! Against real PostgreSQL: the organisation's default phone country, set from an admin's
//! desktop, reaches a teammate's desktop with the next pull, and so does clearing it; a
//! recruiter may not set it.

mod support;

use support::{TestServer, desktop, numbered};
use talentdesk_domain::mutation::Mutation;
use talentdesk_sync::wire::PushOutcome;

fn set(country: Option<&str>) -> Mutation {
    Mutation::SetPhoneCountry { country: country.map(str::to_owned) }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_admins_phone_country_reaches_a_teammates_desktop() {
    let server = TestServer::start().await;
    let refused = server.push(&server.recruiter, &numbered(1, [set(Some("DE"))])).await;
    match &refused.results[0].outcome {
        PushOutcome::Rejected { reason } => {
            assert_eq!(reason.to_string(), "only recruiter admins may set the default phone country")
        }
        other => panic!("{other:?}"),
    }

    let dir = tempfile::tempdir().unwrap();
    let (rita, mut desk) = (&server.recruiter, desktop(dir.path(), &server.recruiter.user));
    let cursor = server.pull_into(rita, &mut desk, String::new()).await;
    assert_eq!(desk.phone_country().unwrap(), None);

    let pushed = server.push(&server.admin, &numbered(1, [set(Some("pt"))])).await;
    assert!(matches!(pushed.results[0].outcome, PushOutcome::Applied { .. }), "{pushed:?}");
    let cursor = server.pull_into(rita, &mut desk, cursor).await;
    assert_eq!(desk.phone_country().unwrap().as_deref(), Some("PT"), "as the server stored it");
    assert_eq!(desk.phone_calling_code().unwrap(), Some("351"));

    let cleared = server.push(&server.admin, &numbered(2, [set(None)])).await;
    assert!(matches!(cleared.results[0].outcome, PushOutcome::Applied { .. }), "{cleared:?}");
    server.pull_into(rita, &mut desk, cursor).await;
    assert_eq!(desk.phone_country().unwrap(), None);
}
