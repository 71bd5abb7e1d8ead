//! Preview and full profile in the real window: a click previews a row, Enter opens the
//! profile (which records the review), every tab and sub-tab shows the store's data, History
//! shows the profile as it was, Esc goes back to the search as it was left.

use talentdesk_domain::activity::Engagement;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::{SearchFilters, SearchRequest};
use talentdesk_e2e::{DemoDb, Session, admin, err, keys};
use talentdesk_store::Store;
use talentdesk_store::search::PageRequest;
use talentdesk_store::views::ProfileView;

/// Whether on-screen text shows `words`; block headings are set in capitals, and innerText
/// reports text as displayed.
fn shows(text: &str, words: &str) -> bool {
    text.to_lowercase().contains(&words.to_lowercase())
}

/// A candidate no recruiter has reviewed yet, with emails and work history: every tab has
/// something to show.
fn subject(store: &Store) -> Result<ProfileView, String> {
    let admin = admin(store)?;
    let request = SearchRequest {
        filters: SearchFilters { engagements_none: vec![Engagement::RecruiterReviewed], ..Default::default() },
        ..Default::default()
    };
    let page = store.search(&request, &PageRequest { limit: 500, after: None }).map_err(err)?;
    for row in page.rows {
        let view = store.profile(&admin, row.id).map_err(err)?;
        let p = &view.candidate.profile;
        if !view.emails.is_empty() && !p.employment.is_empty() && p.email.is_some() {
            return Ok(view);
        }
    }
    Err("the demo has no candidate with emails that no recruiter reviewed".into())
}

#[test]
fn preview_open_every_tab_and_back() -> Result<(), String> {
    let demo = DemoDb::new(400, 11)?;
    let store = demo.open()?;
    let view = subject(&store)?;
    let name = format!("{} {}", view.candidate.profile.first_name, view.candidate.profile.last_name);
    let email = view.candidate.profile.email.clone().ok_or("no email")?;
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the first results", |s| Ok(s.text("[data-testid=result-count]")?.filter(|t| !t.is_empty())))?;
    session.type_into("[data-testid=search-input]", &format!("\"{email}\""))?;
    // The whole address finds exactly this candidate (a key at a time, shorter states may
    // briefly show others).
    let row = format!("[data-testid=results] tbody tr[data-id=\"{}\"]", view.candidate.id);
    session.wait_for("the candidate found by email", |s| {
        let one = s.text("[data-testid=result-count]")?.is_some_and(|t| t == "1 result");
        Ok(s.text(&row)?.filter(|_| one))
    })?;

    // A click on the row previews it without leaving the page.
    session.click(&format!("{row} td.location"))?;
    let preview = session.wait_for("the preview", |s| {
        Ok(s.text("[data-testid=preview] [data-testid=profile-name]")?.filter(|t| !t.is_empty()))
    })?;
    assert_eq!(preview, name);
    assert!(shows(&session.text("[data-testid=preview]")?.unwrap_or_default(), "Work history"));
    session.screenshot("profile-preview")?;

    // Enter opens the full profile (which records the review, checked below).
    session.press(keys::ENTER)?;
    let status = session.wait_for("the profile's status", |s| s.text("[data-testid=profile-status]"))?;
    assert!(status.contains("Contacted"), "emailed candidates are Contacted: {status}");
    assert_eq!(session.text("[data-testid=profile-page] [data-testid=profile-name]")?.as_deref(), Some(name.as_str()));
    let employer = &view.candidate.profile.employment[0].employer;
    assert!(session.text("[data-testid=background-profile]")?.unwrap_or_default().contains(employer.as_str()));
    session.screenshot("profile-background")?;

    for (sub, expect) in [("additional", "Source"), ("activity", "Engagements"), ("pipelines", "Pipelines")] {
        session.click(&format!("[data-testid=background-tabs] [data-tab={sub}]"))?;
        let text = session.wait_for(sub, |s| s.text(&format!("[data-testid=background-{sub}]")))?;
        assert!(shows(&text, expect), "Background > {sub} shows {expect:?}: {text}");
        session.screenshot(&format!("profile-background-{sub}"))?;
    }
    let activity = {
        session.click("[data-testid=background-tabs] [data-tab=activity]")?;
        session.wait_for("activity", |s| s.text("[data-testid=background-activity]"))?
    };
    assert!(activity.contains("Recruiter Reviewed"), "the review is listed among the engagements");

    // Notes: add one, edit it, delete it; each a mutation waiting for the server.
    session.type_into("[data-testid=note-draft]", "Called back: interested in the Lisbon role")?;
    session.click("[data-testid=note-save]")?;
    session.wait_for("the new note", |s| {
        Ok(s.text("[data-testid=notes]")?.filter(|t| t.contains("interested in the Lisbon role")))
    })?;
    session.screenshot("profile-notes")?;
    // Each change reloads the profile: wait for the control before using it.
    let control = |css: &'static str| move |s: &Session| s.text(css);
    session.wait_for("Edit", control("[data-testid=notes] li:first-child [data-testid=note-edit]"))?;
    session.click("[data-testid=notes] li:first-child [data-testid=note-edit]")?;
    session.wait_for("the edit box", control("[data-testid=note-edit-text]"))?;
    session.type_into("[data-testid=note-edit-text]", "Called back: prefers Porto")?;
    session.click("[data-testid=note-edit-save]")?;
    session
        .wait_for("the edited note", |s| Ok(s.text("[data-testid=notes]")?.filter(|t| t.contains("prefers Porto"))))?;
    session.wait_for("Delete", control("[data-testid=notes] li:first-child [data-testid=note-delete]"))?;
    session.click("[data-testid=notes] li:first-child [data-testid=note-delete]")?;
    session.wait_for("the note gone", |s| {
        let notes = s.text("[data-testid=notes]")?.unwrap_or_default();
        Ok((!notes.contains("prefers Porto")).then_some(()))
    })?;

    session.click("[data-testid=profile-tabs] [data-tab=documents]")?;
    session.wait_for("documents", |s| s.text("[data-testid=documents]"))?;
    session.screenshot("profile-documents")?;

    session.click("[data-testid=profile-tabs] [data-tab=messages]")?;
    session.wait_for("emails", |s| s.text("[data-testid=messages-email]"))?;
    session.click("[data-testid=message-row]")?;
    let subject = view.emails[0].message.subject.clone();
    let shown = session.wait_for("the email preview", |s| {
        Ok(s.text("[data-testid=message-preview]")?.filter(|t| t.contains("Delivered")))
    })?;
    assert!(shown.contains(subject.as_str()), "the preview shows the subject {subject:?}: {shown}");
    session.screenshot("profile-messages")?;
    session.click("[data-testid=message-tabs] [data-tab=text]")?;
    session.wait_for("texts", |s| s.text("[data-testid=messages-text]"))?;

    session.click("[data-testid=profile-tabs] [data-tab=history]")?;
    session.click("[data-testid=history-entry] button")?;
    let then = session.wait_for("the profile as it was", |s| {
        Ok(s.text("[data-testid=history-profile]")?.filter(|t| t.contains("The profile right after this change")))
    })?;
    assert!(shows(&then, "Work history"), "{then}");
    session.screenshot("profile-history")?;

    // Esc goes back to the search as it was left.
    session.press(keys::ESCAPE)?;
    session
        .wait_for("the candidates page", |s| Ok(s.text("[data-testid=result-count]")?.filter(|t| t == "1 result")))?;
    drop(session);

    let store = demo.open()?;
    let reviews = store
        .outbox()
        .map_err(err)?
        .into_iter()
        .filter(
            |e| matches!(e.mutation, Mutation::CandidateReview { candidate_id } if candidate_id == view.candidate.id),
        )
        .count();
    assert_eq!(reviews, 1, "one review waits to be pushed to the server");
    let note_changes: Vec<String> = store
        .outbox()
        .map_err(err)?
        .into_iter()
        .map(|e| e.mutation.name())
        .filter(|name| name.starts_with("note."))
        .collect();
    assert_eq!(note_changes, ["note.add", "note.edit", "note.delete"]);
    Ok(())
}
