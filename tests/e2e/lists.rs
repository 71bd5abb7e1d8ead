//! The Pipelines and Events pages in the real window: each list shows the store's members,
//! with their activity; the pipeline tabs switch between Unreviewed and In Pipeline, a name
//! opens the profile and Esc comes back to the list, a row's ⋯ menu runs an action on its
//! member, and an archived pipeline leaves the picker with its members kept. A pipeline is made
//! and edited in its editor, and a candidate leaves it from their profile.

use serde_json::json;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_e2e::{DemoDb, Session, admin, axe, err, keys, open_profile, pick_action, tick_tag};
use talentdesk_store::search::PageRequest;
use talentdesk_store::views::PipelineMemberRow;
use uuid::Uuid;

/// What a member's Activity cell says: their activity, and Ineligible beside it when they are.
fn activity_of(member: &PipelineMemberRow) -> (String, bool) {
    (member.candidate.activity.label().to_owned(), !member.candidate.eligible)
}

/// The Activity cells of the members table, read as `activity_of` says them.
fn activity_cells(session: &Session) -> Result<Vec<(String, bool)>, String> {
    let cells = session.texts("[data-testid=pipeline-members] tbody tr [data-testid=member-activity]")?;
    Ok(cells
        .iter()
        .map(|cell| {
            let first = cell.split_whitespace().next().unwrap_or_default().to_owned();
            (first, cell.contains("Ineligible"))
        })
        .collect())
}

#[test]
fn pipelines_and_events_list_their_members() -> Result<(), String> {
    let demo = DemoDb::new(600, 5)?;
    let store = demo.open()?;
    let admin = admin(&store)?;
    let pipeline = store.pipelines(&admin).map_err(err)?.into_iter().next().ok_or("no pipelines")?;
    let unreviewed = store.pipeline_members(&admin, pipeline.pipeline.id, false, 100, 0).map_err(err)?;
    let in_pipeline = store.pipeline_members(&admin, pipeline.pipeline.id, true, 100, 0).map_err(err)?;
    assert!(!unreviewed.is_empty() && !in_pipeline.is_empty(), "the demo's first pipeline has both tabs filled");
    let event = store.events().map_err(err)?.into_iter().next().ok_or("no events")?;
    let attendees = store.event_members(event.event.id, &Default::default(), 100, 0).map_err(err)?.rows;
    assert!(!attendees.is_empty(), "the demo's first event has people on its list");
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the candidates page", |s| s.text("[data-testid=result-count]"))?;

    session.click("[data-testid=rail-pipelines]")?;
    let heading = session.wait_for("the first pipeline", |s| s.text("[data-testid=pipelines-page] h1"))?;
    assert_eq!(heading, pipeline.pipeline.name);
    let first = |s: &Session, table: &str| s.text(&format!("[data-testid={table}] tbody tr td .open"));
    let shown = session.wait_for("the unreviewed members", |s| {
        Ok(first(s, "pipeline-members")?.filter(|n| *n == unreviewed[0].candidate.name))
    })?;
    assert_eq!(shown, unreviewed[0].candidate.name);
    // The seed's Activity column: each member's activity badge, as the store has it.
    let headings = session.texts("[data-testid=pipeline-members] thead th")?;
    assert!(headings.iter().any(|h| h == "Activity"), "an Activity column: {headings:?}");
    let cells = activity_cells(&session)?;
    let want: Vec<_> = unreviewed.iter().take(cells.len()).map(activity_of).collect();
    assert_eq!(cells, want, "each row's activity badge");
    session.screenshot("pipelines-unreviewed")?;

    session.click("[data-testid=pipeline-tabs] [data-tab=in_pipeline]")?;
    session.wait_for("the members in the pipeline", |s| {
        Ok(first(s, "pipeline-members")?.filter(|n| *n == in_pipeline[0].candidate.name))
    })?;
    let row = session.text("[data-testid=pipeline-members] tbody tr")?.unwrap_or_default();
    assert!(row.contains(in_pipeline[0].status.as_str()), "the workflow status shows: {row}");
    let cells = activity_cells(&session)?;
    let want: Vec<_> = in_pipeline.iter().take(cells.len()).map(activity_of).collect();
    assert_eq!(cells, want, "each row's activity badge on In Pipeline");
    session.screenshot("pipelines-in-pipeline")?;
    let found: Vec<String> = axe::check(&session)?.iter().map(ToString::to_string).collect();
    assert!(found.is_empty(), "axe finds nothing serious on the tab: {found:#?}");

    // A name opens the profile; Esc comes back to the pipeline as it was.
    session.click("[data-testid=pipeline-members] tbody tr td .open")?;
    let name = session.wait_for("the profile", |s| s.text("[data-testid=profile-page] [data-testid=profile-name]"))?;
    assert_eq!(name, in_pipeline[0].candidate.name);
    session.press(keys::ESCAPE)?;
    session.wait_for("the pipeline again", |s| {
        Ok(first(s, "pipeline-members")?.filter(|n| *n == in_pipeline[0].candidate.name))
    })?;

    // The first row's ⋯ menu: Manage Tags on that member alone, saved to the store.
    let member = &in_pipeline[0].candidate;
    let had = demo.open()?.tags_of(member.id).map_err(err)?;
    let tags = demo.open()?.tags().map_err(err)?;
    let tag = tags.into_iter().find(|t| t.listed && !had.contains(&t.name)).ok_or("no tag to add")?.name;
    session.click("[data-testid=pipeline-members] tbody tr:first-child [data-testid=row-actions]")?;
    let menu = "[data-testid=row-actions-list] [data-testid=action-manage_tags]";
    session.wait_for("the row's menu", |s| s.text(menu))?;
    session.click(menu)?;
    let dialog = session.wait_for("Manage Tags", |s| s.text("[role=dialog]"))?;
    assert!(dialog.contains(&member.name), "for the row's member: {dialog}");
    session.wait_for("the tags", |s| s.text("[data-testid=tags-list]"))?;
    tick_tag(&session, &tag)?;
    session.click("[data-testid=dialog-submit]")?;
    session.wait_for("the tag saved", |_| {
        Ok(demo.open()?.tags_of(member.id).map_err(err)?.contains(&tag).then_some(()))
    })?;

    // Archived, the pipeline leaves the picker once another is chosen; Show archived brings it
    // back, members and all.
    let entry = format!("[data-testid=pipelines-page] .picker button[data-id=\"{}\"]", pipeline.pipeline.id);
    session.click("[data-testid=pipeline-edit]")?;
    session.wait_for("the editor", |s| s.text("[data-testid=pipeline-archive]"))?;
    session.click("[data-testid=pipeline-archive]")?;
    session.wait_for("Unarchive offered", |s| {
        Ok(s.text("[data-testid=pipeline-archive]")?.filter(|t| t.contains("Unarchive")))
    })?;
    session.click("[data-testid=pipeline-done]")?;
    let other = demo.open()?.pipelines(&admin).map_err(err)?;
    let other = other.into_iter().find(|p| !p.pipeline.archived).ok_or("no pipeline left unarchived")?.pipeline;
    session.click(&format!("[data-testid=pipelines-page] .picker button[data-id=\"{}\"]", other.id))?;
    session.wait_for("the other pipeline", |s| {
        Ok(s.text("[data-testid=pipelines-page] h1")?.filter(|h| *h == other.name))
    })?;
    session.wait_for("the archived one gone from the picker", |s| Ok(s.text(&entry)?.is_none().then_some(())))?;
    session.click("[data-testid=pipelines-show-archived]")?;
    session.wait_for("the archived one listed on request", |s| s.text(&entry))?;
    session.click(&entry)?;
    session.click("[data-testid=pipeline-tabs] [data-tab=in_pipeline]")?;
    session.wait_for("its members kept", |s| {
        Ok(first(s, "pipeline-members")?.filter(|n| *n == in_pipeline[0].candidate.name))
    })?;
    let store = demo.open()?;
    let kept = store.pipeline_members(&admin, pipeline.pipeline.id, true, 100, 0).map_err(err)?;
    assert_eq!(kept.len(), in_pipeline.len(), "archiving keeps the members");

    session.click("[data-testid=rail-events]")?;
    let heading =
        session.wait_for("the first event", |s| s.text("[data-testid=events-page] [data-testid=event-name]"))?;
    assert_eq!(heading, event.event.name);
    session.wait_for("the event's list", |s| {
        Ok(first(s, "event-members")?.filter(|n| *n == attendees[0].candidate.name))
    })?;
    session.screenshot("events-first")?;
    Ok(())
}

/// The statuses the editor holds, in order (saved, for an existing pipeline), not what is being typed.
fn editor_statuses(session: &Session) -> Result<Vec<String>, String> {
    let values = session.script(
        "return [...document.querySelectorAll('[data-testid=pipeline-statuses] li[data-status]')].map(li => li.dataset.status)",
        json!([]),
    )?;
    serde_json::from_value(values).map_err(err)
}

/// Waits until the editor lists exactly `want`.
fn editor_shows(session: &Session, what: &str, want: &[&str]) -> Result<(), String> {
    session.wait_for(what, |s| Ok((editor_statuses(s)? == want).then_some(())))
}

/// Types a new name into a status's row and leaves it (the rename is saved on leaving).
fn rename_status(session: &Session, from: &str, to: &str) -> Result<(), String> {
    let input = format!("[data-testid=pipeline-statuses] li[data-status=\"{from}\"] input.status");
    session.type_into(&input, to)?;
    session.press(keys::TAB)
}

#[test]
fn a_pipeline_is_made_and_edited_in_the_editor_and_left_from_the_profile() -> Result<(), String> {
    let demo = DemoDb::new(300, 19)?;
    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the candidates page", |s| s.text("[data-testid=result-count]"))?;

    // New pipeline: a name, four statuses, Create.
    session.click("[data-testid=rail-pipelines]")?;
    session.wait_for("the pipelines", |s| s.text("[data-testid=pipelines-page] h1"))?;
    session.click("[data-testid=pipeline-new]")?;
    session.wait_for("the editor", |s| s.text("[data-testid=pipeline-editor]"))?;
    session.type_into("[data-testid=pipeline-name]", "Night shift")?;
    for status in ["Applied", "Screen", "Interview", "Offer"] {
        session.type_into("[data-testid=status-new]", status)?;
        session.press(keys::ENTER)?;
    }
    editor_shows(&session, "four statuses", &["Applied", "Screen", "Interview", "Offer"])?;
    session.screenshot("pipeline-editor-new")?;
    session.click("[data-testid=dialog-submit]")?;
    session.wait_for("the editor closed", |s| Ok(s.text("[data-testid=pipeline-editor]")?.is_none().then_some(())))?;

    // It is saved; two candidates at Screen, one at Applied (as Add to Pipeline would).
    let store = demo.open()?;
    let admin = admin(&store)?;
    let night = store.pipelines(&admin).map_err(err)?.into_iter().find(|p| p.pipeline.name == "Night shift");
    let night = night.ok_or("Night shift was not created")?.pipeline;
    assert_eq!(night.statuses, ["Applied", "Screen", "Interview", "Offer"]);
    let page = store.search(&Default::default(), &PageRequest { limit: 3, after: None }).map_err(err)?;
    let ids: Vec<Uuid> = page.rows.iter().map(|r| r.id).collect();
    drop(store);
    let mut store = demo.open()?;
    let add = |ids: &[Uuid], status: &str| Mutation::PipelineAdd {
        selection: Selection::ids(ids.iter().copied()),
        pipeline_id: night.id,
        status: Some(status.into()),
    };
    store.apply(&admin, add(&ids[..2], "Screen")).map_err(err)?;
    store.apply(&admin, add(&ids[2..], "Applied")).map_err(err)?;
    drop(store);

    // Edit: a rename, a clash refused, a move by keyboard, a removal whose members move on.
    session.click(&format!("[data-testid=pipelines-page] .picker button[data-id=\"{}\"]", night.id))?;
    session
        .wait_for("Night shift", |s| Ok(s.text("[data-testid=pipelines-page] h1")?.filter(|h| h == "Night shift")))?;
    session.click("[data-testid=pipeline-edit]")?;
    editor_shows(&session, "the statuses", &["Applied", "Screen", "Interview", "Offer"])?;
    rename_status(&session, "Screen", "Phone screen")?;
    editor_shows(&session, "the rename", &["Applied", "Phone screen", "Interview", "Offer"])?;
    rename_status(&session, "Applied", "offer")?;
    let clash = session.wait_for("the clash", |s| s.text("[data-testid=status-error]"))?;
    assert_eq!(clash, "The pipeline has this status already");
    rename_status(&session, "Applied", "Applied")?;
    session.wait_for("the clash gone once put back", |s| {
        Ok(s.text("[data-testid=status-error]")?.is_none().then_some(()))
    })?;
    session.click("[data-testid=pipeline-statuses] li[data-status=\"Offer\"] input.status")?;
    session.chord(&[keys::ALT, keys::ARROW_UP])?;
    editor_shows(&session, "Offer moved up by Alt+Up", &["Applied", "Phone screen", "Offer", "Interview"])?;
    session.click("[data-testid=pipeline-statuses] li[data-status=\"Phone screen\"] [data-testid=status-remove]")?;
    let asked = session.wait_for("where its members go", |s| s.text("[data-testid=status-move-members]"))?;
    assert!(asked.contains("2 candidates are at “Phone screen”"), "{asked}");
    session.select("[data-testid=status-move-to]", "Interview")?;
    session.screenshot("pipeline-editor-remove-status")?;
    session.click("[data-testid=status-remove-confirm]")?;
    editor_shows(&session, "the removal", &["Applied", "Offer", "Interview"])?;
    // Its name, then its privacy: each saved on its own (the admin may make it private).
    session.type_into("[data-testid=pipeline-name]", "Night shift 2027")?;
    session.press(keys::ENTER)?;
    session.wait_for("the new name", |s| {
        Ok(s.text("[data-testid=pipeline-editor] .subtitle")?.filter(|t| t == "Night shift 2027"))
    })?;
    session.click("[data-testid=pipeline-private]")?;
    session.wait_for("saved private", |_| {
        let store = demo.open()?;
        let all = store.pipelines(&admin).map_err(err)?;
        Ok(all.into_iter().find(|p| p.pipeline.id == night.id && p.pipeline.private).map(drop))
    })?;
    session.click("[data-testid=pipeline-done]")?;

    let store = demo.open()?;
    let edited = store.pipelines(&admin).map_err(err)?.into_iter().find(|p| p.pipeline.id == night.id);
    let edited = edited.ok_or("gone")?.pipeline;
    assert_eq!(edited.statuses, ["Applied", "Offer", "Interview"]);
    assert_eq!((edited.name.as_str(), edited.private), ("Night shift 2027", true));
    let moved = store.profile(&admin, ids[0]).map_err(err)?;
    let member = moved.pipelines.iter().find(|m| m.pipeline_id == night.id).ok_or("not a member")?;
    assert_eq!(member.status, "Interview", "the removed status's members moved where they were sent");
    let email = moved.candidate.profile.email.clone().ok_or("no email")?;
    drop(store);

    // The profile's Pipelines tab: the status, a link to the pipeline, Remove.
    session.click("[data-testid=rail-candidates]")?;
    open_profile(&session, ids[0], &email)?;
    session.click("[data-testid=background-tabs] [data-tab=pipelines]")?;
    let row = format!("[data-testid=profile-pipelines] tr[data-pipeline=\"{}\"]", night.id);
    let shown = session.wait_for("Night shift on the profile", |s| s.text(&row))?;
    assert!(shown.contains("Night shift") && shown.contains("Interview"), "{shown}");
    session.screenshot("profile-pipelines")?;
    session.click(&format!("{row} [data-testid=profile-pipeline-remove]"))?;
    session.wait_for("the row gone", |s| Ok(s.text(&row)?.is_none().then_some(())))?;
    let left = demo.open()?.profile(&admin, ids[0]).map_err(err)?;
    assert!(left.pipelines.iter().all(|m| m.pipeline_id != night.id), "removed from the pipeline");

    // Add to Pipeline takes one or more: back into Night shift and into a second one at once.
    let store = demo.open()?;
    let other = store
        .pipelines(&admin)
        .map_err(err)?
        .into_iter()
        .find(|p| p.pipeline.id != night.id && left.pipelines.iter().all(|m| m.pipeline_id != p.pipeline.id));
    let other = other.ok_or("a second pipeline she is not in")?.pipeline;
    drop(store);
    pick_action(&session, "add_pipeline")?;
    session.wait_for("the pipelines", |s| s.text("[data-testid=list-form]"))?;
    session.script(
        "const s = document.querySelector('[data-testid=list-choice]'); \
         for (const o of s.options) o.selected = arguments[0].includes(o.value); \
         s.dispatchEvent(new Event('change', { bubbles: true }));",
        json!([[night.id, other.id]]),
    )?;
    session.wait_for("the first status said", |s| s.text("[data-testid=list-form] .hint"))?;
    session.screenshot("add-to-pipelines")?;
    session.click("[data-testid=dialog-submit]")?;
    let said = session.wait_for("both added", |s| {
        Ok(s.text("[data-testid=run-outcome]")?.filter(|t| t.contains(&other.name) && t.contains("Night shift")))
    })?;
    assert!(said.contains("1 candidate added to Night shift"), "{said}");
    let both = session.wait_for("both on the profile", |s| {
        Ok(s.text("[data-testid=profile-pipelines]")?.filter(|t| t.contains("Night shift") && t.contains(&other.name)))
    })?;
    assert!(both.contains("Applied"), "Night shift took her at its first status: {both}");
    Ok(())
}
