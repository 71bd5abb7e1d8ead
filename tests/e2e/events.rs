//! The Events page in the real window: an admin creates an event (a missing name refused in
//! its field first) and edits it, registers candidates for it from the search's bulk bar with a
//! confirmation email carrying their check-in code, sees the tabs' counts, marks one attended
//! from a row's ⋯ menu, searches the list, reads the summary, hands the attendees to a bulk
//! action, exports the list as CSV and badges as PDF, follows a profile's event link back,
//! sets the areas of interest, and archives the event.

use serde_json::json;
use talentdesk_e2e::{DemoDb, Session, admin, err, keys};
use talentdesk_store::views::{EventSummary, MemberQuery};
use uuid::Uuid;

const NAME: &str = "Spring Career Fair 2027";

/// Clicks `css` once it is on the page (pages and dialogs draw after their data arrives).
fn click(session: &Session, css: &str) -> Result<(), String> {
    session.wait_for(css, |s| {
        let there = s.script("return document.querySelector(arguments[0]) !== null", json!([css]))?;
        Ok(there.as_bool().filter(|b| *b).map(|_| ()))
    })?;
    session.click(css)
}

fn outcome(session: &Session, starts: &str) -> Result<String, String> {
    session.wait_for(starts, |s| {
        Ok(s.text("[data-testid=run-outcome]")?.map(|t| t.trim().to_owned()).filter(|t| t.starts_with(starts)))
    })
}

/// Waits until the element's text is exactly `text`.
fn shows(session: &Session, css: &str, text: &str) -> Result<(), String> {
    session.wait_for(&format!("{text:?} in {css}"), |s| Ok(s.text(css)?.filter(|t| t.trim() == text).map(|_| ())))
}

/// Waits until the event's list shows `n` rows.
fn rows(session: &Session, n: usize) -> Result<Vec<String>, String> {
    session.wait_for(&format!("{n} rows"), |s| {
        let names = s.texts("[data-testid=event-members] tbody tr td.name .open")?;
        Ok((names.len() == n && s.text("[data-testid=event-members][aria-busy=true]")?.is_none()).then_some(names))
    })
}

fn tab(session: &Session, id: &str, label: &str) -> Result<(), String> {
    shows(session, &format!("[data-testid=event-filters] [data-tab={id}]"), label)
}

fn choose_event(session: &Session, id: Uuid) -> Result<(), String> {
    click(session, &format!("[data-testid=events-page] button[data-id=\"{id}\"]"))?;
    session.wait_for("the event's page", |s| {
        Ok(s.attribute("[aria-label=Events] [aria-current=true]", "data-id")?.filter(|a| *a == id.to_string()))
    })?;
    Ok(())
}

/// Fills the export dialog with a new file's name in the exports folder and saves it.
fn save_as(session: &Session, name: &str) -> Result<std::path::PathBuf, String> {
    session.wait_for("the export dialog", |s| s.text("[data-testid=attendee-export]"))?;
    let folder = session.wait_for("the exports folder", |s| {
        Ok(s.script("return document.querySelector('[data-testid=export-folder]').value", json!([]))?
            .as_str()
            .filter(|f| !f.is_empty())
            .map(str::to_owned))
    })?;
    session.type_into("[data-testid=export-name]", name)?;
    session.screenshot(&format!("events-save-{}", name.split('-').next().unwrap_or(name)))?;
    click(session, "[data-testid=attendee-export] [data-testid=dialog-submit]")?;
    Ok(std::path::Path::new(&folder).join(name))
}

#[test]
fn an_admin_runs_an_event_from_the_events_page() -> Result<(), String> {
    let demo = DemoDb::new(2500, 18)?;
    let store = demo.open()?;
    let admin = admin(&store)?;
    let busiest: EventSummary =
        store.events().map_err(err)?.into_iter().max_by_key(|s| s.counts.attended).ok_or("no demo events")?;
    assert!(busiest.counts.attended > 0, "the demo has check-ins");
    drop(store);
    let stamp = Uuid::now_v7().simple().to_string();
    let (csv_name, pdf_name) = (format!("fair-{stamp}.csv"), format!("badges-{stamp}.pdf"));

    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the candidates page", |s| s.text("[data-testid=result-count]"))?;

    // Create: without a name the field says so and nothing is saved; then it is made.
    click(&session, "[data-testid=rail-events]")?;
    click(&session, "[data-testid=event-new]")?;
    session.wait_for("the new event form", |s| s.text("[data-testid=event-dialog]"))?;
    click(&session, "[data-testid=event-dialog] [data-testid=dialog-submit]")?;
    session.wait_for("the name refused", |s| {
        Ok(s.text("[data-testid=event-dialog]")?.filter(|t| t.contains("Give the event a name")))
    })?;
    session.type_into("[data-testid=event-field-name]", NAME)?;
    session.type_into("[data-testid=event-field-location]", "Hall A")?;
    session.type_into("[data-testid=event-field-capacity]", "250")?;
    session.type_into("[data-testid=event-field-description]", "Engineering and design teams hiring.")?;
    session.screenshot("events-new")?;
    click(&session, "[data-testid=event-dialog] [data-testid=dialog-submit]")?;
    shows(&session, "[data-testid=event-name]", NAME)?;
    let store = demo.open()?;
    let event = store.events().map_err(err)?.into_iter().find(|s| s.event.name == NAME).ok_or("not created")?.event;
    assert_eq!((event.location.as_str(), event.capacity), ("Hall A", Some(250)));
    assert!(event.code_key.len() == 32 && event.code_key.bytes().all(|b| b.is_ascii_hexdigit()), "{}", event.code_key);
    drop(store);

    // Edit.
    click(&session, "[data-testid=event-edit]")?;
    session.wait_for("the edit form", |s| s.text("[data-testid=event-dialog]"))?;
    session.type_into("[data-testid=event-field-location]", "Hall B")?;
    click(&session, "[data-testid=event-dialog] [data-testid=dialog-submit]")?;
    session.wait_for("the new place", |s| Ok(s.text("[data-testid=event-facts]")?.filter(|t| t.contains("Hall B"))))?;
    let store = demo.open()?;
    let edited = store.events().map_err(err)?.into_iter().find(|s| s.event.id == event.id).ok_or("gone")?.event;
    assert_eq!((edited.location.as_str(), edited.code_key.as_str()), ("Hall B", event.code_key.as_str()));
    drop(store);

    // Register three from the search's bulk bar, with a confirmation email.
    click(&session, "[data-testid=rail-candidates]")?;
    session.wait_for("the results", |s| s.text("[data-testid=results] tbody tr[data-id] td.name"))?;
    let mut chosen = Vec::new();
    for n in 1..=3 {
        let row = format!("[data-testid=results] tbody tr[data-id]:nth-of-type({n})");
        chosen.push(session.attribute(&row, "data-id")?.ok_or("no row")?.parse::<Uuid>().map_err(err)?);
        click(&session, &format!("{row} [data-testid=select-row]"))?;
    }
    shows(&session, "[data-testid=bulk-count]", "3 selected")?;
    click(&session, "[data-testid=bulk-add_event]")?;
    // Two events at once (seed 000: "one or more"): this one and another open one.
    let other = demo.open()?.events().map_err(err)?.into_iter().find(|s| s.event.id != event.id && !s.event.archived);
    let other = other.ok_or("no other open event")?.event;
    session.wait_for("Add to Event", |s| s.text("[data-testid=add-to-event-form]"))?;
    session.script(
        "const list = document.querySelector('[data-testid=list-choice]');
         for (const o of list.options) o.selected = [...arguments].includes(o.value);
         list.dispatchEvent(new Event('change', { bubbles: true }));",
        json!([event.id.to_string(), other.id.to_string()]),
    )?;
    click(&session, "[data-testid=add-confirm]")?;
    session.screenshot("events-add-to-event")?;
    click(&session, "[data-testid=dialog-submit]")?;
    let said = session.wait_for("both events' outcomes", |s| {
        let text = s.text("[data-testid=run-outcome]")?.unwrap_or_default();
        Ok((text.contains(&format!("registered for {NAME}")) && text.contains(&other.name)).then_some(text))
    })?;
    assert!(said.contains(&format!("3 candidates registered for {NAME}")), "{said}");
    let store = demo.open()?;
    let there = store.event_members(other.id, &MemberQuery::default(), 500, 0).map_err(err)?;
    assert!(
        chosen.iter().all(|id| there.rows.iter().any(|r| r.candidate.id == *id)),
        "registered for {} too",
        other.name
    );
    let registered = store.event_members(event.id, &MemberQuery::default(), 10, 0).map_err(err)?;
    assert_eq!(registered.total, 3);
    assert!(
        registered.rows.iter().all(|r| r.member.registered && !r.member.attended && chosen.contains(&r.candidate.id))
    );
    let with_email = registered.rows.iter().find(|r| r.candidate.email.is_some()).ok_or("nobody has an email")?;
    let mail = store.profile(&admin, with_email.candidate.id).map_err(err)?.emails;
    assert!(
        mail.iter().any(|m| m.message.body.contains(&with_email.code) && m.message.subject.contains(NAME)),
        "the confirmation carries the check-in code {}",
        with_email.code
    );
    drop(store);

    // The event's page: tabs with counts, the list, a row marked attended from its ⋯ menu.
    click(&session, "[data-testid=rail-events]")?;
    choose_event(&session, event.id)?;
    tab(&session, "registered", "Registered (3)")?;
    tab(&session, "no_shows", "No-shows (3)")?;
    tab(&session, "attended", "Attended (0)")?;
    let names = rows(&session, 3)?;
    click(&session, "[data-testid=event-members] tbody tr:first-child [data-testid=row-actions]")?;
    click(&session, "[data-testid=row-actions-list] [data-testid=action-add_event]")?;
    session.wait_for("Add to Event", |s| s.text("[data-testid=add-to-event-form]"))?;
    session.select("[data-testid=list-choice]", &event.id.to_string())?;
    click(&session, "[data-testid=add-attended]")?;
    click(&session, "[data-testid=dialog-submit]")?;
    outcome(&session, &format!("1 candidate marked attended at {NAME}"))?;
    tab(&session, "attended", "Attended (1)")?;
    tab(&session, "no_shows", "No-shows (2)")?;
    click(&session, "[data-testid=event-filters] [data-tab=attended]")?;
    let came = rows(&session, 1)?;
    assert_eq!(came[0], names[0]);
    let by = admin.email.split('@').next().unwrap_or_default();
    let row = session.text("[data-testid=event-members] tbody tr")?.unwrap_or_default();
    assert!(row.contains(by), "checked in by {by}: {row}");

    // The search narrows the tab's list; a search that matches nobody says so.
    click(&session, "[data-testid=event-filters] [data-tab=all]")?;
    rows(&session, 3)?;
    let last = names[2].split_whitespace().last().unwrap_or_default().to_owned();
    session.type_into("[data-testid=event-search]", &last)?;
    session.wait_for("the search's rows", |s| {
        let shown = s.texts("[data-testid=event-members] tbody tr td.name .open")?;
        Ok((!shown.is_empty() && shown.len() < 3 && shown.iter().all(|n| n.contains(&last))).then_some(()))
    })?;
    session.type_into("[data-testid=event-search]", "zzqxv")?;
    shows(&session, "[data-testid=event-members-empty]", "Nobody on this list matches the search")?;
    session.type_into("[data-testid=event-search]", " ")?;
    rows(&session, 3)?;
    session.screenshot("events-list-new-event")?;

    // The summary, and its attendees handed to a bulk action.
    click(&session, "[data-testid=event-sections] [data-tab=summary]")?;
    shows(&session, "[data-testid=summary-registered]", "3")?;
    shows(&session, "[data-testid=summary-attended]", "1")?;
    shows(&session, "[data-testid=summary-no-shows]", "2")?;
    let bars =
        session.script("return document.querySelectorAll('[data-testid=attendance-chart] rect').length", json!([]))?;
    assert_eq!(bars, json!(1), "one quarter hour of check-ins");
    click(&session, "[data-testid=follow-add_pipeline]")?;
    let subtitle = session.wait_for("the bulk dialog", |s| s.text("[data-testid=action-dialog] .subtitle"))?;
    assert_eq!(subtitle, format!("1 candidate who came to {NAME}"));
    session.press(keys::ESCAPE)?;
    session.wait_for("the dialog closed", |s| Ok(s.text("[data-testid=action-dialog]")?.is_none().then_some(())))?;

    // The list as CSV, and badges as PDF, each a new file in the exports folder.
    click(&session, "[data-testid=event-export]")?;
    session.select("[data-testid=export-which]", "all")?;
    let csv = save_as(&session, &csv_name)?;
    outcome(&session, "3 people saved to")?;
    let csv_path = csv;
    let csv = std::fs::read_to_string(&csv_path).map_err(|e| format!("{}: {e}", csv_path.display()))?;
    let _ = std::fs::remove_file(&csv_path);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("Name,Email,Phone"), "{}", lines[0]);
    assert_eq!(lines.len(), 4, "{csv}");
    let attended_line = lines.iter().find(|l| l.starts_with(names[0].as_str())).ok_or(csv.clone())?;
    assert!(attended_line.contains(&admin.email), "checked in by the admin: {attended_line}");
    click(&session, "[data-testid=event-badges]")?;
    let pdf = save_as(&session, &pdf_name)?;
    outcome(&session, "3 badges saved to")?;
    let pdf_bytes = std::fs::read(&pdf).map_err(|e| format!("{}: {e}", pdf.display()))?;
    assert!(pdf_bytes.starts_with(b"%PDF"), "a PDF");
    let _ = std::fs::remove_file(&pdf);

    // A profile's Activity › Events shows the event; its link leads back to the event.
    click(&session, "[data-testid=event-sections] [data-tab=list]")?;
    rows(&session, 3)?;
    click(&session, "[data-testid=event-members] tbody tr:first-child td.name .open")?;
    session.wait_for("the profile", |s| s.text("[data-testid=profile-status]"))?;
    click(&session, "[data-testid=background-tabs] [data-tab=activity]")?;
    let activity = session.wait_for("the event on the profile", |s| {
        Ok(s.text("[data-testid=profile-events]")?.filter(|t| t.contains(NAME)))
    })?;
    assert!(activity.contains("Career fair"), "the category: {activity}");
    session.screenshot("events-profile-activity")?;
    session.script(
        "[...document.querySelectorAll('[data-testid=profile-event-link]')].find(b => b.innerText.trim() === arguments[0]).click()",
        json!([NAME]),
    )?;
    shows(&session, "[data-testid=event-name]", NAME)?;

    // Settings › Areas of interest.
    click(&session, "[data-testid=rail-settings]")?;
    session.type_into("[data-testid=interest-new]", "Robotics")?;
    click(&session, "[data-testid=interest-add]")?;
    session.wait_for("the area listed", |s| {
        Ok(s.text("[data-testid=interest-list]")?.filter(|t| t.contains("Robotics")))
    })?;
    assert!(demo.open()?.areas_of_interest().map_err(err)?.contains(&"Robotics".to_owned()));
    session.screenshot("events-areas-of-interest")?;

    // A busy demo event's page and summary, for the pictures.
    click(&session, "[data-testid=run-outcome] .close")?;
    click(&session, "[data-testid=rail-events]")?;
    choose_event(&session, busiest.event.id)?;
    shows(&session, "[data-testid=event-name]", &busiest.event.name)?;
    session.wait_for("the busy event's list", |s| s.text("[data-testid=event-members] tbody tr td.name .open"))?;
    session.screenshot("events")?;
    click(&session, "[data-testid=event-sections] [data-tab=summary]")?;
    shows(&session, "[data-testid=summary-attended]", &busiest.counts.attended.to_string())?;
    session.screenshot("event-summary")?;

    // Archive: the event leaves the list, and comes back with "Show archived events".
    choose_event(&session, event.id)?;
    click(&session, "[data-testid=event-edit]")?;
    click(&session, "[data-testid=event-archive]")?;
    outcome(&session, &format!("Archived {NAME}"))?;
    shows(&session, "[data-testid=event-archived]", "Archived")?;
    click(&session, "[data-testid=rail-candidates]")?;
    click(&session, "[data-testid=rail-events]")?;
    session.wait_for("the event gone from the list", |s| {
        let listed = s.text(&format!("[data-testid=events-page] button[data-id=\"{}\"]", event.id))?;
        Ok(listed.is_none().then_some(()))
    })?;
    click(&session, "[data-testid=events-show-archived]")?;
    choose_event(&session, event.id)?;
    assert!(demo.open()?.events().map_err(err)?.iter().any(|s| s.event.id == event.id && s.event.archived));
    Ok(())
}

/// Recruiters create and edit events; archiving and the areas of interest are the admins'.
#[test]
fn a_recruiter_edits_events_but_archives_nothing() -> Result<(), String> {
    let demo = DemoDb::new(200, 5)?;
    let recruiter = demo.summary.recruiter_emails.first().ok_or("no recruiter")?.clone();
    let session = Session::start(&["--db", demo.arg()?, "--as", &recruiter])?;
    session.wait_for("the candidates page", |s| s.text("[data-testid=result-count]"))?;

    click(&session, "[data-testid=rail-events]")?;
    session.wait_for("an event", |s| s.text("[data-testid=event-name]"))?;
    click(&session, "[data-testid=event-edit]")?;
    session.wait_for("the edit form", |s| s.text("[data-testid=event-dialog] [data-testid=dialog-submit]"))?;
    assert_eq!(session.text("[data-testid=event-archive]")?, None, "no Archive for a recruiter");
    session.press(keys::ESCAPE)?;

    click(&session, "[data-testid=rail-settings]")?;
    let card = session.wait_for("the areas of interest", |s| s.text("[data-testid=interest-settings]"))?;
    assert!(card.contains("Only admins change the list."), "{card}");
    assert_eq!(session.text("[data-testid=interest-new]")?, None, "nothing to add with");
    Ok(())
}
