//! The Pipelines and Events pages in the real window: each list shows the store's members,
//! the pipeline tabs switch between Unreviewed and In Pipeline, a name opens the profile and
//! Esc comes back to the list.

use talentdesk_e2e::{DemoDb, Session, admin, err, keys};

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
    session.screenshot("pipelines-unreviewed")?;

    session.click("[data-testid=pipeline-tabs] [data-tab=in_pipeline]")?;
    session.wait_for("the members in the pipeline", |s| {
        Ok(first(s, "pipeline-members")?.filter(|n| *n == in_pipeline[0].candidate.name))
    })?;
    let row = session.text("[data-testid=pipeline-members] tbody tr")?.unwrap_or_default();
    assert!(row.contains(in_pipeline[0].status.as_str()), "the workflow status shows: {row}");
    session.screenshot("pipelines-in-pipeline")?;

    // A name opens the profile; Esc comes back to the pipeline as it was.
    session.click("[data-testid=pipeline-members] tbody tr td .open")?;
    let name = session.wait_for("the profile", |s| s.text("[data-testid=profile-page] [data-testid=profile-name]"))?;
    assert_eq!(name, in_pipeline[0].candidate.name);
    session.press(keys::ESCAPE)?;
    session.wait_for("the pipeline again", |s| {
        Ok(first(s, "pipeline-members")?.filter(|n| *n == in_pipeline[0].candidate.name))
    })?;

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
