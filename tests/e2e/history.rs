//! History in the real window: a recruiter reviews a candidate, tags them, writes a note, adds
//! them to a pipeline and moves them on; the History tab lists each change, newest first, with
//! who did it and when, and only the entries that changed the profile open it as it was.

use chrono::{DateTime, Utc};
use serde_json::json;
use talentdesk_domain::activity::ActivityStatus;
use talentdesk_domain::search::{SearchFilters, SearchRequest};
use talentdesk_e2e::{DemoDb, Session, admin, err, keys, open_profile, pick_action as pick, tick_tag};
use talentdesk_store::search::PageRequest;

fn dialog_closed(session: &Session) -> Result<(), String> {
    session.wait_for("the dialog to close", |s| Ok(s.text("[data-testid=action-dialog]")?.is_none().then_some(())))
}

/// One line of the History tab as it reads.
#[derive(Debug)]
struct Line {
    summary: String,
    who: String,
    when: DateTime<Utc>,
    when_shown: String,
    opens_profile: bool,
}

fn lines(session: &Session) -> Result<Vec<Line>, String> {
    let rows = session.script(
        "return [...document.querySelectorAll('[data-testid=history-entry]')].map(li => ({
            summary: li.querySelector('[data-testid=history-summary]').innerText,
            who: li.querySelector('[data-testid=history-who]').innerText,
            at: li.querySelector('[data-testid=history-when]').getAttribute('datetime'),
            shown: li.querySelector('[data-testid=history-when]').innerText,
            button: li.querySelector('button') !== null,
        }))",
        json!([]),
    )?;
    let rows = rows.as_array().ok_or("no history rows")?;
    rows.iter()
        .map(|r| {
            let text = |key: &str| r[key].as_str().unwrap_or_default().to_owned();
            Ok(Line {
                summary: text("summary"),
                who: text("who"),
                when: text("at").parse().map_err(err)?,
                when_shown: text("shown"),
                opens_profile: r["button"].as_bool().unwrap_or(false),
            })
        })
        .collect()
}

#[test]
fn history_lists_each_change_with_who_and_when() -> Result<(), String> {
    let demo = DemoDb::new(300, 27)?;
    let store = demo.open()?;
    let admin_user = admin(&store)?;
    let request = SearchRequest {
        filters: SearchFilters { activity: vec![ActivityStatus::Unreviewed], ..Default::default() },
        ..Default::default()
    };
    let page = store.search(&request, &PageRequest { limit: 300, after: None }).map_err(err)?;
    let row = page.rows.iter().find(|r| r.email.is_some()).ok_or("no unreviewed candidate with email")?;
    let (id, email) = (row.id, row.email.clone().unwrap_or_default());
    let tags = store.profile(&admin_user, id).map_err(err)?.tags;
    let tag = store
        .tags()
        .map_err(err)?
        .into_iter()
        .find(|t| t.listed && !tags.contains(&t.name))
        .ok_or("no listed tag to add")?
        .name;
    let pipeline = store
        .pipelines(&admin_user)
        .map_err(err)?
        .into_iter()
        .map(|p| p.pipeline)
        .find(|p| p.statuses.len() > 1)
        .ok_or("no pipeline with two statuses")?;
    let already_in =
        store.profile(&admin_user, id).map_err(err)?.pipelines.iter().any(|m| m.pipeline_id == pipeline.id);
    if already_in {
        return Err(format!("the candidate is already in {}", pipeline.name));
    }
    drop(store);
    let started = Utc::now();

    let session = Session::start(&["--db", demo.arg()?])?;
    // Opening the profile reviews them: Unreviewed → Reviewed.
    open_profile(&session, id, &email)?;
    session.wait_for("Reviewed", |s| Ok(s.text("[data-testid=profile-status]")?.filter(|t| t.contains("Reviewed"))))?;

    // A tag.
    pick(&session, "manage_tags")?;
    session.wait_for("the tags", |s| s.text("[data-testid=tags-list]"))?;
    tick_tag(&session, &tag)?;
    session.click("[data-testid=dialog-submit]")?;
    dialog_closed(&session)?;

    // A note, on Background > Activity.
    session.click("[data-testid=background-tabs] [data-tab=activity]")?;
    session.wait_for("the note box", |s| Ok(s.text("[data-testid=note-draft]")?.map(|_| ())))?;
    session.type_into("[data-testid=note-draft]", "Strong systems background")?;
    session.click("[data-testid=note-save]")?;
    session.wait_for("the note", |s| Ok(s.text("[data-testid=notes]")?.filter(|t| t.contains("Strong systems"))))?;

    // Into the pipeline at its first status.
    pick(&session, "add_pipeline")?;
    session.wait_for("the pipelines", |s| s.text("[data-testid=list-form]"))?;
    session.select("[data-testid=list-choice]", &pipeline.id.to_string())?;
    session.select("[data-testid=list-status]", &pipeline.statuses[0])?;
    session.click("[data-testid=dialog-submit]")?;
    dialog_closed(&session)?;

    // Moved on to the next status. The window has no control for this yet, so the test asks
    // the app to apply the mutation, as a control would.
    let (from, to) = (&pipeline.statuses[0], &pipeline.statuses[1]);
    let mutation =
        json!({"name": "pipeline.set_status", "args": {"candidate_id": id, "pipeline_id": pipeline.id, "status": to}});
    session
        .script("return window.__TAURI_INTERNALS__.invoke('apply', { mutation: arguments[0] })", json!([mutation]))?;

    // Back to the search and into the profile again (a second look is no news), then History.
    session.press(keys::ESCAPE)?;
    session.wait_for("the search page", |s| Ok(s.text("[data-testid=profile-page]")?.is_none().then_some(())))?;
    session.click(&format!("[data-testid=results] tr[data-id=\"{id}\"] td.name .open"))?;
    session.wait_for("the profile", |s| s.text("[data-testid=profile-status]"))?;
    session.click("[data-testid=profile-tabs] [data-tab=history]")?;
    let moved = format!("Moved in {}: {from} → {to}", pipeline.name);
    session.wait_for("the move in History", |s| {
        Ok(s.texts("[data-testid=history-summary]")?.contains(&moved).then_some(()))
    })?;

    let shown = lines(&session)?;
    let summaries: Vec<&str> = shown.iter().map(|l| l.summary.as_str()).collect();
    let ours = [
        moved.clone(),
        format!("Added to {} ({from})", pipeline.name),
        "Note added".to_owned(),
        format!("Tagged {tag}"),
        "Reviewed: Unreviewed → Reviewed".to_owned(),
    ];
    assert_eq!(summaries[..ours.len()], ours.iter().map(String::as_str).collect::<Vec<_>>(), "newest first");
    for line in &shown[..ours.len()] {
        assert_eq!(line.who, admin_user.email, "{line:?}");
        assert!(line.when >= started - chrono::Duration::seconds(1) && line.when <= Utc::now(), "{line:?}");
        assert!(!line.when_shown.is_empty(), "a time is shown: {line:?}");
        assert!(!line.opens_profile, "no profile field changed: {line:?}");
    }
    assert!(shown.windows(2).all(|w| w[0].when >= w[1].when), "newest first: {shown:?}");
    session.screenshot("history")?;

    // The creation opens the profile as it was; the tag's entry has nothing to open.
    let created = shown.iter().position(|l| l.summary == "Created").ok_or("no Created entry")?;
    assert!(shown[created].opens_profile);
    session.click(&format!("[data-testid=history-entry]:nth-child({}) button", created + 1))?;
    session.wait_for("the profile as it was", |s| {
        Ok(s.text("[data-testid=history-profile]")?.filter(|t| t.contains("The profile right after this change")))
    })?;
    session.screenshot("history-profile-as-it-was")?;
    Ok(())
}
