//! Message templates and a note's privacy in the real window: an admin's template with an
//! unknown merge field is refused naming it; fixed, it previews filled for a candidate, saves,
//! and Compose offers it, the queued email carrying the candidate's name and the sender's. On
//! the profile a note is made private and shared again, each with its History entry.

use serde_json::json;
use talentdesk_domain::activity::ActivityStatus;
use talentdesk_domain::history::HistoryDetail;
use talentdesk_domain::search::SearchRequest;
use talentdesk_e2e::{DemoDb, Session, admin, err, open_profile, pick_action};
use talentdesk_store::search::PageRequest;

const NAME: &str = "Fair follow-up";
const SUBJECT: &str = "Great to meet you, {{first_name}}";
const BODY: &str = "Hi {{first_name}}, thanks for stopping by our stand. {{sender_name}}";

fn status(session: &Session, starts: &str) -> Result<String, String> {
    session.wait_for(starts, |s| Ok(s.text("[data-testid=template-status]")?.filter(|t| t.starts_with(starts))))
}

/// The text of the first note's line of author, time and privacy.
fn note_meta(session: &Session) -> Result<String, String> {
    Ok(session.text("[data-testid=notes] li:first-child .muted")?.unwrap_or_default())
}

#[test]
fn an_admin_writes_a_template_compose_sends_it_and_a_note_turns_private_and_back() -> Result<(), String> {
    let demo = DemoDb::new(200, 41)?;
    let store = demo.open()?;
    let me = admin(&store)?;
    let page = store.search(&SearchRequest::default(), &PageRequest { limit: 200, after: None }).map_err(err)?;
    let row = page
        .rows
        .iter()
        .find(|r| r.email.is_some() && r.activity != ActivityStatus::Hired)
        .ok_or("no candidate with an email")?;
    let (id, email) = (row.id, row.email.clone().unwrap_or_default());
    let first = store.profile(&me, id).map_err(err)?.candidate.profile.first_name;
    drop(store);

    let session = Session::start(&["--db", demo.arg()?, "--as", &demo.summary.admin_email])?;
    session.wait_for("the results", |s| s.text("[data-testid=result-count]"))?;
    session.click("[data-testid=rail-settings]")?;
    let card = session.wait_for("the defaults", |s| {
        Ok(s.text("[data-testid=template-settings]")?.filter(|t| t.contains("Introduction")))
    })?;
    assert!(card.contains("Quick check-in") && card.contains("Invite to apply"), "{card}");

    // A merge field the domain does not know is refused, naming it; nothing is saved.
    session.click("[data-testid=template-new]")?;
    session.type_into("[data-testid=template-name]", NAME)?;
    session.type_into("[data-testid=template-subject]", SUBJECT)?;
    session.type_into("[data-testid=template-body]", "Hi {{nickname}}")?;
    session.click("[data-testid=template-save]")?;
    let refusal = status(&session, "")?;
    assert!(refusal.contains("{{nickname}}"), "{refusal}");
    assert!(!session.texts("[data-testid=template-row]")?.iter().any(|r| r.contains(NAME)));

    // Fixed, it is previewed filled for a candidate found by their address, then saved.
    session.type_into("[data-testid=template-body]", BODY)?;
    session.type_into("[data-testid=template-preview-query]", &format!("\"{email}\""))?;
    session.click("[data-testid=template-preview] form button")?;
    let subject = format!("Great to meet you, {first}");
    session
        .wait_for("the preview", |s| Ok(s.text("[data-testid=template-preview-subject]")?.filter(|t| *t == subject)))?;
    let body = session.text("[data-testid=template-preview-body]")?.unwrap_or_default();
    assert!(body.starts_with(&format!("Hi {first},")) && body.ends_with(&me.name), "{body}");
    session.script(
        "document.querySelector('[data-testid=template-preview]').scrollIntoView({ block: 'end' })",
        json!([]),
    )?;
    session.screenshot("settings-templates")?;
    session.click("[data-testid=template-save]")?;
    status(&session, &format!("Saved the template {NAME}."))?;

    // Compose offers it; the queued email is filled for the candidate.
    session.click("[data-testid=rail-candidates]")?;
    open_profile(&session, id, &email)?;
    pick_action(&session, "email")?;
    session.wait_for("the compose form", |s| s.text("[data-testid=compose]"))?;
    let offered = session.script(
        "return [...document.querySelectorAll('[data-testid=compose-template] option')].map(o => [o.value, o.textContent]);",
        json!([]),
    )?;
    let value = offered
        .as_array()
        .and_then(|all| all.iter().find(|o| o[1] == NAME))
        .and_then(|o| o[0].as_str().map(str::to_owned))
        .ok_or(format!("{NAME} not offered: {offered}"))?;
    session.select("[data-testid=compose-template]", &value)?;
    session.wait_for("the template's subject", |s| {
        let typed = s.script("return document.querySelector('[data-testid=compose-subject]').value", json!([]))?;
        Ok((typed == SUBJECT).then_some(()))
    })?;
    session.click("[data-testid=dialog-submit]")?;
    session.wait_for("the email queued", |s| {
        Ok(s.text("[data-testid=run-outcome]")?.filter(|t| t.starts_with("Email queued for")))
    })?;

    // A note made private, then shared again (Background › Activity holds the notes).
    session.click("[data-testid=background-tabs] [data-tab=activity]")?;
    session.wait_for("the note box", |s| s.text("[data-testid=note-add]"))?;
    session.type_into("[data-testid=note-draft]", "Keen on the Lisbon office")?;
    session.click("[data-testid=note-save]")?;
    session.wait_for("the note", |s| {
        Ok(s.text("[data-testid=notes] li:first-child")?.filter(|t| t.contains("Keen on the Lisbon office")))
    })?;
    assert!(!note_meta(&session)?.contains("Private"), "a new note is shared unless chosen private");
    session.click("[data-testid=notes] li:first-child [data-testid=note-privacy]")?;
    session.wait_for("the note private", |s| Ok(note_meta(s)?.contains("Private").then_some(())))?;
    session.screenshot("profile-note-private")?;
    session.click("[data-testid=notes] li:first-child [data-testid=note-privacy]")?;
    session.wait_for("the note shared", |s| {
        Ok((!note_meta(s)?.contains("Private")).then_some(()).filter(|_| {
            s.text("[data-testid=notes] li:first-child [data-testid=note-privacy]").ok().flatten().as_deref()
                == Some("Make private")
        }))
    })?;
    drop(session);

    let store = demo.open()?;
    let profile = store.profile(&me, id).map_err(err)?;
    let sent = profile.emails.iter().find(|m| m.message.subject == subject).ok_or("the email is not on the profile")?;
    assert!(sent.message.body.starts_with(&format!("Hi {first},")) && sent.message.body.ends_with(&me.name));
    let privacy: Vec<HistoryDetail> = profile
        .history
        .into_iter()
        .filter_map(|h| h.detail)
        .filter(|d| matches!(d, HistoryDetail::NotePrivacy { .. }))
        .collect();
    assert_eq!(privacy.len(), 2, "made private and shared: {privacy:?}");
    Ok(())
}
