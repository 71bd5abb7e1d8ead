//! Requests to be forgotten in the real window: two candidates asked (on their preferences
//! page; here taken down in the store as the server's sync would bring them), the profile
//! says so, an admin declines one with a reason and approves the other in Settings › Privacy
//! requests, which erases that candidate; a recruiter is not offered the card.

use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::SearchRequest;
use talentdesk_e2e::{DemoDb, Session, admin, err, open_profile};
use talentdesk_store::search::PageRequest;

#[test]
fn an_admin_declines_one_request_and_approves_the_other_which_erases_them() -> Result<(), String> {
    let db = DemoDb::new(60, 17)?;
    let demo = &db.summary;
    let (keep, erase) = {
        let mut store = db.open()?;
        let admin = admin(&store)?;
        let page = store.search(&SearchRequest::default(), &PageRequest { limit: 60, after: None }).map_err(err)?;
        let mut people = Vec::new();
        for row in page.rows {
            let view = store.profile(&admin, row.id).map_err(err)?;
            if let Some(email) = view.candidate.profile.email.clone() {
                people.push((row.id, email, view.candidate.profile.full_name()));
            }
        }
        let [keep, erase, ..] = &people[..] else { return Err("the demo has too few candidates with email".into()) };
        for (id, _, _) in [keep, erase] {
            store.apply(&admin, Mutation::RequestErasure { candidate_id: *id }).map_err(err)?;
        }
        (keep.clone(), erase.clone())
    };

    {
        let session = Session::start(&["--db", db.arg()?, "--as", &demo.admin_email])?;
        // The profile says it.
        open_profile(&session, keep.0, &keep.1)?;
        let mark = session.wait_for("the mark", |s| s.text("[data-testid=profile-erasure-requested]"))?;
        assert_eq!(mark, "Asked to be forgotten");
        session.screenshot("privacy-profile-mark")?;

        session.click("[data-testid=rail-settings]")?;
        let card = "[data-testid=privacy-requests]";
        let listed = session.wait_for("both requests", |s| {
            Ok(Some(s.texts(&format!("{card} [data-testid=privacy-request]"))?).filter(|l| l.len() == 2))
        })?;
        assert!(
            listed.iter().any(|l| l.contains(&keep.2)) && listed.iter().any(|l| l.contains(&erase.2)),
            "{listed:?}"
        );
        session.screenshot("privacy-requests")?;

        // Declining needs a reason; the request leaves the list.
        session.script(
            "const li = [...document.querySelectorAll(arguments[0])].find(l => l.innerText.includes(arguments[1]));
             li.querySelector('[data-testid=privacy-decline]').click();",
            serde_json::json!([format!("{card} [data-testid=privacy-request]"), keep.2]),
        )?;
        session.type_into("[data-testid=privacy-reason]", "Her application is under a legal hold until June")?;
        session.click("[data-testid=privacy-decline-send]")?;
        session.wait_for("one request left", |s| {
            Ok(Some(s.texts(&format!("{card} [data-testid=privacy-request]"))?).filter(|l| l.len() == 1))
        })?;

        // Approving asks first, then erases.
        session.click(&format!("{card} [data-testid=privacy-approve]"))?;
        let asked = session.wait_for("the question", |s| s.text(&format!("{card} .decide[role=group]")))?;
        assert!(asked.contains(&format!("Erase {} and everything about them?", erase.2)), "{asked}");
        session.screenshot("privacy-approve")?;
        session.click("[data-testid=privacy-erase]")?;
        session.wait_for("no request left", |s| s.text("[data-testid=privacy-none]"))?;
    }

    let store = db.open()?;
    let admin = admin(&store)?;
    assert!(store.profile(&admin, erase.0).is_err(), "the approved request erased the candidate");
    let kept = store.profile(&admin, keep.0).map_err(err)?;
    let declined = kept.erasure_request.and_then(|r| r.declined).ok_or("the declined request is kept")?;
    assert_eq!(declined.reason, "Her application is under a legal hold until June");
    assert!(store.open_erasure_requests().map_err(err)?.is_empty());
    drop(store);

    // A recruiter is not offered the card.
    let recruiter = demo.recruiter_emails.first().ok_or("no recruiter")?;
    let session = Session::start(&["--db", db.arg()?, "--as", recruiter])?;
    // The first page drawn: the rail no longer moves under the pointer as the window fills in.
    session.wait_for("the first page", |s| s.text("[data-testid=result-count]"))?;
    session.click("[data-testid=rail-settings]")?;
    session.wait_for("the settings", |s| s.text("[data-testid=column-settings]"))?;
    assert_eq!(session.text("[data-testid=privacy-requests]")?, None);
    Ok(())
}
