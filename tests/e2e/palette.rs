//! The command palette and Undo in the real window: Ctrl+K and part of an event's name, Enter
//! jumps to the event; on a profile, Ctrl+K and "add tag" runs Manage Tags on that candidate;
//! the tag it added goes again with the toast's Undo (a new mutation, queued for the server);
//! Mark Ineligible from the palette is undone with Ctrl+Z. A candidate's name opens their
//! profile, a pipeline's and a job's names their pages, all by keyboard.

use serde_json::json;
use talentdesk_domain::search::SearchRequest;
use talentdesk_e2e::{DemoDb, Session, admin, err, keys, open_profile};
use talentdesk_store::search::PageRequest;

/// Opens the palette and types `text`; waits until the first option says `first`.
fn ask(session: &Session, text: &str, first: &str) -> Result<(), String> {
    session.chord(&[keys::CONTROL, "k"])?;
    session.wait_for("the palette", |s| s.text("[data-testid=palette-input]").map(|t| t.map(|_| ())))?;
    session.type_into("[data-testid=palette-input]", text)?;
    session.wait_for(&format!("{first} first"), |s| {
        let active = s.text("[data-testid=palette-option][aria-selected=true] .label")?;
        Ok(active.filter(|label| label == first))
    })?;
    Ok(())
}

/// Opens the palette, types `text` and runs the option of `group` labelled `label`, going down
/// to it with the arrow keys (the search's candidates come in after the other entries).
fn choose(session: &Session, text: &str, group: &str, label: &str) -> Result<(), String> {
    session.chord(&[keys::CONTROL, "k"])?;
    session.wait_for("the palette", |s| s.text("[data-testid=palette-input]").map(|t| t.map(|_| ())))?;
    session.type_into("[data-testid=palette-input]", text)?;
    let place = "const options = [...document.querySelectorAll('[data-testid=palette-option]')]; \
                 return [options.findIndex(o => o.dataset.group === arguments[0] && o.querySelector('.label').innerText === arguments[1]), \
                         options.findIndex(o => o.getAttribute('aria-selected') === 'true')];";
    session.wait_for(&format!("{label} chosen"), |s| {
        let [wanted, active]: [i64; 2] =
            serde_json::from_value(s.script(place, json!([group, label]))?).map_err(err)?;
        if wanted >= 0 && wanted == active {
            return Ok(Some(()));
        }
        if wanted >= 0 {
            s.press(keys::ARROW_DOWN)?;
        }
        Ok(None)
    })?;
    session.press(keys::ENTER)
}

#[test]
fn the_palette_opens_a_candidate_and_jumps_to_a_pipeline_and_a_job() -> Result<(), String> {
    let demo = DemoDb::new(200, 43)?;
    let store = demo.open()?;
    let admin_user = admin(&store)?;
    let pipeline = store.pipelines(&admin_user).map_err(err)?.into_iter().find(|p| !p.pipeline.archived);
    let pipeline = pipeline.ok_or("no pipeline")?.pipeline;
    let job = store.jobs().map_err(err)?.into_iter().next().ok_or("no job")?;
    let page = store.search(&SearchRequest::default(), &PageRequest { limit: 200, after: None }).map_err(err)?;
    let once = |name: &str| page.rows.iter().filter(|r| r.name == name).count() == 1;
    let person = page.rows.iter().rev().find(|r| once(&r.name)).ok_or("no one with a name of their own")?;
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the results", |s| Ok(s.text("[data-testid=result-count]")?.filter(|t| !t.is_empty())))?;

    // A candidate by name: Enter opens their profile.
    choose(&session, &person.name, "candidate", &person.name)?;
    session.wait_for("their profile", |s| {
        Ok(s.text("[data-testid=profile-page] [data-testid=profile-name]")?.filter(|n| *n == person.name))
    })?;
    // A pipeline by name, from the profile: its page.
    choose(&session, &pipeline.name, "pipeline", &pipeline.name)?;
    session.wait_for("the pipeline's page", |s| {
        Ok(s.text("[data-testid=pipelines-page] h1")?.filter(|h| *h == pipeline.name))
    })?;
    // A job by name, from the pipeline: its page.
    choose(&session, &job.title, "job", &job.title)?;
    session.wait_for("the job's page", |s| Ok(s.text("[data-testid=job-name]")?.filter(|t| *t == job.title)))?;
    assert!(session.text("[data-testid=palette]")?.is_none(), "Enter closed the palette");
    Ok(())
}

#[test]
fn the_palette_jumps_and_runs_actions_and_undo_puts_a_tag_back() -> Result<(), String> {
    let demo = DemoDb::new(300, 41)?;
    let store = demo.open()?;
    let admin_user = admin(&store)?;
    let event = store.events().map_err(err)?.into_iter().find(|e| !e.event.archived).ok_or("no event")?.event;
    let page = store.search(&SearchRequest::default(), &PageRequest { limit: 300, after: None }).map_err(err)?;
    let row = page.rows.iter().find(|r| r.email.is_some()).ok_or("no candidate with email")?;
    let (id, email) = (row.id, row.email.clone().unwrap_or_default());
    let had = store.profile(&admin_user, id).map_err(err)?.tags;
    let tag = store.tags().map_err(err)?.into_iter().find(|t| t.listed && !had.contains(&t.name)).ok_or("no tag")?.name;
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the results", |s| Ok(s.text("[data-testid=result-count]")?.filter(|t| !t.is_empty())))?;

    // Part of the event's name finds it; Enter opens its page.
    let part: String = event.name.chars().take(6).collect();
    ask(&session, &part, &event.name)?;
    session.screenshot("palette")?;
    session.press(keys::ENTER)?;
    session.wait_for("the event's page", |s| {
        Ok(s.text("[data-testid=event-header]")?.filter(|t| t.contains(&event.name)))
    })?;
    assert!(session.text("[data-testid=palette]")?.is_none(), "Enter closes the palette");

    // Esc closes it and gives the focus back.
    session.chord(&[keys::CONTROL, "k"])?;
    session.wait_for("the palette", |s| s.text("[data-testid=palette-input]").map(|t| t.map(|_| ())))?;
    session.press(keys::ESCAPE)?;
    session.wait_for("the palette to close", |s| Ok(s.text("[data-testid=palette]")?.is_none().then_some(())))?;

    // On a profile, "add tag" finds Manage Tags and runs it on this candidate.
    session.click("[data-testid=rail-candidates]")?;
    open_profile(&session, id, &email)?;
    ask(&session, "add tag", "Manage Tags")?;
    session.screenshot("palette-action")?;
    session.press(keys::ENTER)?;
    session.wait_for("the tags", |s| s.text("[data-testid=tags-list]"))?;
    session.script(
        "[...document.querySelectorAll('[data-testid=tags-list] label')].find(l => l.innerText.trim().startsWith(arguments[0])).querySelector('input').click()",
        json!([tag]),
    )?;
    session.click("[data-testid=dialog-submit]")?;
    let tags = "[data-testid=profile-header] [aria-label=Tags]";
    session.wait_for("the tag on the profile", |s| Ok(s.text(tags)?.filter(|t| t.contains(&tag))))?;

    // The toast offers Undo; taking it takes the tag off again, as a new change.
    session.wait_for("the Undo offer", |s| s.text("[data-testid=undo-toast]"))?;
    session.screenshot("palette-undo")?;
    session.click("[data-testid=undo-button]")?;
    session.wait_for("the tag gone", |s| Ok((!s.text(tags)?.unwrap_or_default().contains(&tag)).then_some(())))?;
    let outcome =
        session.wait_for("Undone", |s| Ok(s.text("[data-testid=run-outcome]")?.filter(|t| t.starts_with("Undone"))))?;
    assert_eq!(outcome.trim(), "Undone: Tag added");
    let store = demo.open()?;
    assert_eq!(store.profile(&admin_user, id).map_err(err)?.tags, had, "the candidate's tags are as before");
    drop(store);

    // An action that runs at once, undone with Ctrl+Z (no text field has the focus).
    ask(&session, "ineligible", "Mark Ineligible")?;
    session.press(keys::ENTER)?;
    let status = "[data-testid=profile-status]";
    session.wait_for("Ineligible", |s| Ok(s.text(status)?.filter(|t| t.contains("Ineligible"))))?;
    session.wait_for("the Undo offer", |s| s.text("[data-testid=undo-toast]"))?;
    session.chord(&[keys::CONTROL, "z"])?;
    session.wait_for("eligible again", |s| Ok(s.text(status)?.filter(|t| !t.contains("Ineligible"))))?;
    assert!(demo.open()?.profile(&admin_user, id).map_err(err)?.candidate.eligible);

    // From a profile, "add candidate" starts a new candidate by hand on the Candidates page.
    ask(&session, "add candidate", "New candidate")?;
    session.press(keys::ENTER)?;
    session.wait_for("the new candidate's form", |s| s.text("[data-testid=new-candidate-form]"))?;
    Ok(())
}
