//! Acting on candidates in the real window: an admin works through a profile's Actions menu
//! (edit with a refused value first, email, tags, pipeline, Talent Matches, export, ineligible,
//! delete); a recruiter gets the recruiter's menus and the bulk bar with its limits; a bulk run
//! over many batches shows its progress and stops when cancelled, keeping whole batches.

use serde_json::json;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::{SearchFilters, SearchRequest};
use talentdesk_e2e::{
    DemoDb, Session, admin, err, keys, number, open_profile, pick_action as pick, shows_count, tick_tag,
};
use talentdesk_store::Store;
use talentdesk_store::search::PageRequest;

/// What the default search finds (deactivated candidates are not searchable).
fn searchable(store: &Store) -> Result<u64, String> {
    Ok(store.search(&SearchRequest::default(), &PageRequest::default()).map_err(err)?.total)
}

fn tagged(store: &Store, tag: &str) -> Result<u64, String> {
    let request =
        SearchRequest { filters: SearchFilters { tags: vec![tag.into()], ..Default::default() }, ..Default::default() };
    Ok(store.search(&request, &PageRequest::default()).map_err(err)?.total)
}

fn outcome(session: &Session, starts: &str) -> Result<String, String> {
    session.wait_for(starts, |s| {
        Ok(s.text("[data-testid=run-outcome]")?.map(|t| t.trim().to_owned()).filter(|t| t.starts_with(starts)))
    })
}

fn dialog_closed(session: &Session) -> Result<(), String> {
    session.wait_for("the dialog to close", |s| Ok(s.text("[data-testid=action-dialog]")?.is_none().then_some(())))
}

#[test]
fn an_admin_works_through_a_profiles_actions() -> Result<(), String> {
    let demo = DemoDb::new(300, 21)?;
    let store = demo.open()?;
    let admin_user = admin(&store)?;
    let page = store.search(&SearchRequest::default(), &PageRequest { limit: 300, after: None }).map_err(err)?;
    let row = page
        .rows
        .iter()
        .find(|r| r.email.is_some() && r.activity.label() != "Hired")
        .ok_or("no candidate with email")?;
    let (id, email) = (row.id, row.email.clone().unwrap_or_default());
    let tag = store.tags().map_err(err)?.into_iter().find(|t| t.listed).ok_or("no listed tag")?.name;
    let has_resume = store.newest_resume(id).map_err(err)?.is_some();
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    open_profile(&session, id, &email)?;

    // The admin's Actions menu has the admin-only entries.
    session.click("[data-testid=profile-page] [data-testid=profile-actions]")?;
    let entries = session.wait_for("the Actions menu", |s| {
        Ok(Some(s.texts("[data-testid=profile-page] [data-testid=profile-actions-list] [role=menuitem]")?)
            .filter(|e| !e.is_empty()))
    })?;
    for wanted in [
        "Edit Profile",
        "Email",
        "Invite to Apply",
        "Submit to Job",
        "Add to Pipeline",
        "View Talent Matches",
        "Export Full Profile",
        "Deactivate",
        "Delete Candidate",
        "Unsubscribe",
    ] {
        assert!(entries.iter().any(|e| e == wanted), "{wanted} in {entries:?}");
    }
    assert_eq!(entries.iter().any(|e| e == "Parse Resume"), has_resume, "offered with a resume on file: {entries:?}");
    session.screenshot("actions-profile-menu-admin")?;
    session.press(keys::ESCAPE)?;

    // Edit Profile: a bad email is refused at the field and nothing is saved; then a good edit.
    pick(&session, "edit_profile")?;
    session.wait_for("the edit form", |s| s.text("[data-testid=edit-profile]"))?;
    session.type_into("[data-testid=edit-email]", "not an email")?;
    session.click("[data-testid=dialog-submit]")?;
    let refusal = session.wait_for("the refusal", |s| s.text("[data-testid=dialog-error]"))?;
    assert!(refusal.starts_with("Email is not an email address"), "{refusal}");
    assert_eq!(session.attribute("[data-testid=edit-email]", "aria-invalid")?.as_deref(), Some("true"));
    session.screenshot("actions-edit-refused")?;
    session.type_into("[data-testid=edit-email]", "ana.new@example.org")?;
    session.type_into("[data-testid=edit-current_title]", "Chief Glassblower")?;
    session.click("[data-testid=dialog-submit]")?;
    dialog_closed(&session)?;
    session.wait_for("the new title", |s| {
        Ok(s.text("[data-testid=profile-header]")?.filter(|t| t.contains("Chief Glassblower")))
    })?;

    // Email from a template: queued in Messages, Contacted.
    pick(&session, "email")?;
    session.wait_for("the compose form", |s| s.text("[data-testid=compose]"))?;
    session.click("[data-testid=dialog-submit]")?;
    outcome(&session, "Email queued for")?;
    session
        .wait_for("Contacted", |s| Ok(s.text("[data-testid=profile-status]")?.filter(|t| t.contains("Contacted"))))?;

    // A tag from the list, and a pipeline.
    pick(&session, "manage_tags")?;
    session.wait_for("the tags", |s| s.text("[data-testid=tags-list]"))?;
    tick_tag(&session, &tag)?;
    session.click("[data-testid=dialog-submit]")?;
    session.wait_for("the tag on the profile", |s| {
        Ok(s.text("[data-testid=profile-header] [aria-label=Tags]")?.filter(|t| t.contains(&tag)))
    })?;
    pick(&session, "add_pipeline")?;
    session.wait_for("the pipelines", |s| s.text("[data-testid=list-form]"))?;
    session.click("[data-testid=dialog-submit]")?;
    outcome(&session, "1 candidate added to")?;

    // Talent Matches, each with why.
    pick(&session, "talent_matches")?;
    let matches =
        session.wait_for("matches", |s| Ok(Some(s.texts("[data-testid=matches] li")?).filter(|m| !m.is_empty())))?;
    assert!(matches.len() <= 20 && !matches.is_empty());
    session.screenshot("actions-talent-matches")?;
    session.press(keys::ESCAPE)?;
    dialog_closed(&session)?;

    // Export Full Profile as text, by name to the exports folder (any other place is chosen in
    // the Save dialog).
    pick(&session, "export")?;
    session.wait_for("the export form", |s| s.text("[data-testid=export-form]"))?;
    let folder = session.script("return document.querySelector('[data-testid=export-folder]').value", json!([]))?;
    let name = format!("profile-{}.txt", uuid::Uuid::now_v7());
    let exported = std::path::Path::new(folder.as_str().ok_or("no export folder shown")?).join(&name);
    session.type_into("[data-testid=export-name]", &name)?;
    session.screenshot("actions-export")?;
    session.click("[data-testid=dialog-submit]")?;
    outcome(&session, "Exported 1 candidate")?;
    let exported = std::fs::read_to_string(exported).map_err(err)?;
    assert!(exported.contains("Email: ana.new@example.org") && exported.contains("Chief Glassblower"), "{exported}");

    // Mark Ineligible shows on the badge.
    pick(&session, "mark_ineligible")?;
    session
        .wait_for("Ineligible", |s| Ok(s.text("[data-testid=profile-status]")?.filter(|t| t.contains("Ineligible"))))?;
    session.screenshot("actions-profile-after")?;

    // Delete asks first, then erases and goes back to the search.
    pick(&session, "delete")?;
    let ask = session.wait_for("the confirmation", |s| s.text("[data-testid=confirm-form]"))?;
    assert!(ask.contains("cannot be undone"), "{ask}");
    session.screenshot("actions-delete-confirm")?;
    session.click("[data-testid=dialog-submit]")?;
    session.wait_for("the search page", |s| Ok(s.text("[data-testid=profile-page]")?.is_none().then_some(())))?;
    outcome(&session, "Deleted")?;
    session.wait_for("no result", |s| Ok(s.text("[data-testid=result-count]")?.filter(|t| t == "0 results")))?;
    drop(session);

    let store = demo.open()?;
    assert!(store.profile(&admin_user, id).is_err(), "erased");
    let outbox = store.outbox().map_err(err)?;
    let waiting: Vec<String> = outbox.iter().map(|e| e.mutation.name()).collect();
    for name in ["email.send", "tags.add", "pipeline.add", "candidate.set_eligible", "candidate.delete"] {
        assert!(waiting.iter().any(|w| w == name), "{name} waits for the server: {waiting:?}");
    }
    // The edit still waits too, rewritten without the erased person's data.
    assert!(!format!("{outbox:?}").contains("ana.new@example.org"), "{waiting:?}");
    Ok(())
}

#[test]
fn a_recruiter_gets_the_recruiter_menus_and_the_bulk_limits() -> Result<(), String> {
    let demo = DemoDb::new(300, 22)?;
    let recruiter = demo.summary.recruiter_emails.first().ok_or("no recruiter")?.clone();
    let store = demo.open()?;
    let tag = store.tags().map_err(err)?.into_iter().find(|t| t.listed).ok_or("no listed tag")?.name;
    let total = searchable(&store)?;
    drop(store);

    let session = Session::start(&["--db", demo.arg()?, "--as", &recruiter])?;
    shows_count(&session, "[data-testid=result-count]", total)?;

    // A row's ⋯ menu: the row subset.
    session.click("[data-testid=results] tbody tr[data-id] [data-testid=row-actions]")?;
    let row_menu = session.wait_for("the row menu", |s| {
        Ok(Some(s.texts("[data-testid=row-actions-list] [role=menuitem]")?).filter(|e| !e.is_empty()))
    })?;
    assert_eq!(
        row_menu,
        ["Email", "Invite to Apply", "Add to Pipeline", "Add to Event", "Manage Tags", "View Talent Matches"]
    );
    session.screenshot("actions-row-menu")?;
    // Rows are reused from one search to the next; a menu left open must not pass to whoever
    // the row shows next. A search for the last row's name puts someone else first.
    let first_row = "[data-testid=results] tbody tr[data-id]";
    let first_id = session.attribute(first_row, "data-id")?;
    let last_name = session.script(
        "const names = document.querySelectorAll('[data-testid=results] tr[data-id] td.name .open');
         return names[names.length - 1].textContent;",
        json!([]),
    )?;
    let last_name = last_name.as_str().ok_or("no last row")?.to_owned();
    // Typed by script: WebDriver's typing may click the box, and a click elsewhere closes a
    // menu anyway.
    session.paste_search(&format!("\"{last_name}\""))?;
    session.wait_for("other results", |s| Ok((s.attribute(first_row, "data-id")? != first_id).then_some(())))?;
    assert_eq!(session.text("[data-testid=row-actions-list]")?, None, "the open menu closed with its candidate");
    session.script(
        "const box = document.querySelector('[data-testid=search-input]');
         box.value = ''; box.dispatchEvent(new Event('input', { bubbles: true }));",
        json!([]),
    )?;
    shows_count(&session, "[data-testid=result-count]", total)?;

    // Two ticked: the page box is partly ticked.
    session.click("[data-testid=results] tbody tr[data-id]:nth-of-type(2) [data-testid=select-row]")?;
    session.click("[data-testid=results] tbody tr[data-id]:nth-of-type(3) [data-testid=select-row]")?;
    session.wait_for("2 selected", |s| Ok(s.text("[data-testid=bulk-count]")?.filter(|t| t == "2 selected")))?;
    let partial =
        session.script("return document.querySelector('[data-testid=select-page]').indeterminate", json!([]))?;
    assert_eq!(partial, json!(true));
    let bulk = session.texts("[data-testid=bulk-bar] .actions button")?;
    assert!(!bulk.iter().any(|b| b == "Purge" || b == "Subscribe"), "admin-only: {bulk:?}");

    // The whole page, then all 300 of the search: Email is over its limit and says so.
    session.click("[data-testid=select-page]")?;
    shows_count(&session, "[data-testid=bulk-count]", 200)?;
    session.click("[data-testid=select-all-search]")?;
    shows_count(&session, "[data-testid=bulk-count]", total)?;
    assert_eq!(session.attribute("[data-testid=bulk-email]", "disabled")?.as_deref(), Some(""));
    assert_eq!(
        session.attribute("[data-testid=bulk-email]", "title")?.as_deref(),
        Some(format!("Email works on at most 50 candidates at once; {total} are selected").as_str())
    );
    assert_eq!(session.attribute("[data-testid=bulk-manage_tags]", "disabled")?, None);
    session.screenshot("actions-bulk-bar-recruiter")?;

    // Tag all 300.
    session.click("[data-testid=bulk-manage_tags]")?;
    session.wait_for("the tags", |s| s.text("[data-testid=tags-list]"))?;
    tick_tag(&session, &tag)?;
    session.click("[data-testid=dialog-submit]")?;
    outcome(&session, &format!("Added the tag {tag} to {total} candidates"))?;
    drop(session);

    let store = demo.open()?;
    assert_eq!(tagged(&store, &tag)?, total, "every candidate of the search");
    Ok(())
}

#[test]
fn a_long_bulk_run_shows_progress_and_a_cancel_keeps_whole_batches() -> Result<(), String> {
    let demo = DemoDb::new(30_000, 23)?;
    let mut store = demo.open()?;
    let admin_user = admin(&store)?;
    store.apply(&admin_user, Mutation::TagDefine { name: "Cancel Test".into() }).map_err(err)?;
    let total = searchable(&store)?;
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    shows_count(&session, "[data-testid=result-count]", total)?;
    session.click("[data-testid=select-page]")?;
    session.click("[data-testid=select-all-search]")?;
    shows_count(&session, "[data-testid=bulk-count]", total)?;
    session.click("[data-testid=bulk-manage_tags]")?;
    // Over 1,000 candidates the bar asks first.
    session.wait_for("the question", |s| s.text("[data-testid=bulk-confirm-go]"))?;
    session.click("[data-testid=bulk-confirm-go]")?;
    session.wait_for("the tags", |s| s.text("[data-testid=tags-list]"))?;
    tick_tag(&session, "Cancel Test")?;
    // Another writer holds the database from before the run starts until after Cancel is
    // pressed, so on a fast machine too the run is under way when it is pressed. It holds it
    // for longer than SQLite's busy timeout (5 s): the first batch gives up waiting and is
    // tried again (a slow machine's long wait must not fail the run), and Cancel then stops it
    // with whole batches only, whether the batch got through after the release or not.
    let other_writer = rusqlite::Connection::open(&demo.path).map_err(err)?;
    other_writer.execute_batch("BEGIN IMMEDIATE").map_err(err)?;
    session.click("[data-testid=dialog-submit]")?;
    session.wait_for("the progress bar", |s| s.text("[data-testid=run-progress]"))?;
    session.screenshot("actions-bulk-progress")?;
    std::thread::sleep(std::time::Duration::from_secs(6));
    session.click("[data-testid=run-cancel]")?;
    drop(other_writer);
    let said = outcome(&session, "Cancelled:")?;
    let (done, of) = said
        .trim_start_matches("Cancelled: ")
        .split_once(" of ")
        .and_then(|(done, rest)| Some((number(done)?, number(rest)?)))
        .ok_or(format!("no counts in {said:?}"))?;
    assert!(said.ends_with("were done and stay done."), "{said}");
    assert_eq!(of, total);
    assert!(done < total && done % 1_000 == 0, "whole batches only: {said}");
    drop(session);

    let store = demo.open()?;
    assert_eq!(tagged(&store, "Cancel Test")?, done, "exactly the batches it said");
    Ok(())
}

#[test]
fn an_admin_invites_submits_and_manages_a_candidates_lists_and_state() -> Result<(), String> {
    let demo = DemoDb::new(300, 24)?;
    let store = demo.open()?;
    let admin_user = admin(&store)?;
    let page = store.search(&SearchRequest::default(), &PageRequest { limit: 300, after: None }).map_err(err)?;
    // Someone with an email who can be subscribed off and on.
    let view = page
        .rows
        .iter()
        .filter(|r| r.email.is_some())
        .map(|r| store.profile(&admin_user, r.id))
        .find_map(|v| v.ok().filter(|v| v.candidate.subscribed))
        .ok_or("no subscribed candidate with an email")?;
    let (id, email) = (view.candidate.id, view.candidate.profile.email.clone().unwrap_or_default());
    let job = store.jobs().map_err(err)?.into_iter().find(|j| j.open).ok_or("no open job")?;
    let event = store.events().map_err(err)?.into_iter().next().ok_or("no event")?.event;
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    open_profile(&session, id, &email)?;

    // Edit Profile fills a custom field; Additional Information shows it.
    pick(&session, "edit_profile")?;
    session.wait_for("the custom field", |s| s.text("[data-testid=edit-profile]"))?;
    session.type_into("[data-testid=edit-custom-visa_status]", "EU Blue Card")?;
    session.click("[data-testid=dialog-submit]")?;
    dialog_closed(&session)?;
    session.click("[data-testid=background-tabs] [data-tab=additional]")?;
    session.wait_for("the custom field's value", |s| {
        Ok(s.text("[data-testid=background-additional]")?.filter(|t| t.contains("EU Blue Card")))
    })?;

    // Invite to Apply: the job's title merged into the subject, queued in Messages.
    pick(&session, "invite")?;
    session.wait_for("the compose form", |s| s.text("[data-testid=compose]"))?;
    session.select("[data-testid=compose-job]", &job.id.to_string())?;
    session.click("[data-testid=dialog-submit]")?;
    outcome(&session, "Invite to apply queued for")?;
    session.click("[data-testid=profile-tabs] [data-tab=messages]")?;
    let messages = session.wait_for("the invite", |s| {
        Ok(s.text("[data-testid=messages-email]")?.filter(|t| t.contains(&format!("{}: would you apply?", job.title))))
    })?;
    assert!(!messages.contains("{{"), "merge fields filled: {messages}");
    session.screenshot("actions-invite-queued")?;

    // Submit to Job and Add to Event (attended) show on the Activity sub-tab.
    pick(&session, "submit_job")?;
    session.wait_for("the jobs", |s| s.text("[data-testid=list-form]"))?;
    session.select("[data-testid=list-choice]", &job.id.to_string())?;
    session.click("[data-testid=dialog-submit]")?;
    dialog_closed(&session)?;
    pick(&session, "add_event")?;
    session.wait_for("the events", |s| s.text("[data-testid=add-to-event-form]"))?;
    session.select("[data-testid=list-choice]", &event.id.to_string())?;
    session.click("[data-testid=add-attended]")?;
    session.click("[data-testid=dialog-submit]")?;
    outcome(&session, "1 candidate marked attended at")?;
    session.click("[data-testid=profile-tabs] [data-tab=background]")?;
    session.click("[data-testid=background-tabs] [data-tab=activity]")?;
    session.wait_for("the application and the event", |s| {
        Ok(s.text("[data-testid=background-activity]")?.filter(|t| t.contains(&job.title) && t.contains(&event.name)))
    })?;

    // Add to a pipeline, then Remove from Pipeline offers it and takes it away.
    pick(&session, "add_pipeline")?;
    session.wait_for("the pipelines", |s| s.text("[data-testid=list-form]"))?;
    let pipeline = session
        .script("return document.querySelector('[data-testid=list-choice]').selectedOptions[0].text", json!([]))?
        .as_str()
        .unwrap_or_default()
        .to_owned();
    session.click("[data-testid=dialog-submit]")?;
    dialog_closed(&session)?;
    pick(&session, "remove_pipeline")?;
    session.wait_for("the candidate's pipelines", |s| s.text("[data-testid=list-form]"))?;
    session.script(
        "const s = document.querySelector('[data-testid=list-choice]'); \
         s.value = [...s.options].find(o => o.text === arguments[0]).value; s.dispatchEvent(new Event('change'));",
        json!([pipeline]),
    )?;
    session.click("[data-testid=dialog-submit]")?;
    outcome(&session, &format!("1 candidate removed from {pipeline}"))?;
    session.click("[data-testid=background-tabs] [data-tab=pipelines]")?;
    session.wait_for("the pipeline gone", |s| {
        Ok(s.text("[data-testid=background-pipelines]")?.filter(|t| !t.contains(&pipeline)))
    })?;

    // Unsubscribe at once; the menu then offers Subscribe.
    pick(&session, "unsubscribe")?;
    outcome(&session, "")?;
    session.click("[data-testid=profile-page] [data-testid=profile-actions]")?;
    session.wait_for("Subscribe offered", |s| s.text("[data-testid=profile-page] [data-testid=action-subscribe]"))?;
    session.press(keys::ESCAPE)?;

    // Deactivated: outreach is refused in the form, saying why; reactivated, it works again.
    pick(&session, "deactivate")?;
    session.wait_for("the confirmation", |s| s.text("[data-testid=confirm-form]"))?;
    session.click("[data-testid=dialog-submit]")?;
    session.wait_for("Deactivated", |s| s.text("[data-testid=profile-inactive]"))?;
    pick(&session, "email")?;
    session.wait_for("the compose form", |s| s.text("[data-testid=compose]"))?;
    session.click("[data-testid=dialog-submit]")?;
    let refusal = session.wait_for("the refusal", |s| s.text("[data-testid=dialog-error]"))?;
    assert!(refusal.contains("is deactivated; an admin reactivates them first"), "{refusal}");
    session.screenshot("actions-deactivated-refusal")?;
    session.press(keys::ESCAPE)?;
    dialog_closed(&session)?;
    pick(&session, "reactivate")?;
    session.wait_for("active again", |s| Ok(s.text("[data-testid=profile-inactive]")?.is_none().then_some(())))?;
    drop(session);

    let store = demo.open()?;
    let view = store.profile(&admin_user, id).map_err(err)?;
    assert!(view.candidate.active && !view.candidate.subscribed);
    assert_eq!(view.candidate.profile.custom_fields.get("visa_status").map(String::as_str), Some("EU Blue Card"));
    assert!(view.applications.iter().any(|a| a.application.job_id == job.id));
    assert!(view.events.iter().any(|e| e.event.id == event.id && e.member.attended));
    assert!(view.emails.iter().any(|m| m.message.job_id == Some(job.id) && m.message.sent_at.is_none()), "queued");
    Ok(())
}
