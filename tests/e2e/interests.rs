//! A candidate's areas of interest in the real window: ticked in Edit Profile from the
//! organisation's list, shown on the Background tab, then the search's Areas of interest filter
//! finds those interested, and an email to all of them says whom it reaches.

use serde_json::json;
use talentdesk_domain::candidate::FieldValue;
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::SearchRequest;
use talentdesk_e2e::{DemoDb, Session, admin, err, keys, open_profile, pick_action, shows_count};
use talentdesk_store::search::PageRequest;

/// Backspace, as WebDriver types it: emptying a box this way tells the page it changed.
const BACKSPACE: &str = "\u{E003}";

#[test]
fn an_area_set_on_a_profile_is_shown_filtered_on_and_emailed() -> Result<(), String> {
    let demo = DemoDb::new(300, 31)?;
    let mut store = demo.open()?;
    let boss = admin(&store)?;
    let area = store.areas_of_interest().map_err(err)?.into_iter().next().ok_or("the demo lists no areas")?;
    let page = store.search(&SearchRequest::default(), &PageRequest { limit: 300, after: None }).map_err(err)?;
    let mut with_email = page.rows.iter().filter(|r| r.email.is_some());
    let subject = with_email.next().ok_or("no candidate with an email")?.clone();
    // Two others chose the area already (as at a sign-up).
    for other in with_email.take(2) {
        let change = FieldChange { from: FieldValue::Interests(vec![]), to: FieldValue::Interests(vec![area.clone()]) };
        store.apply(&boss, Mutation::CandidateUpdate { candidate_id: other.id, changes: vec![change] }).map_err(err)?;
    }
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    open_profile(&session, subject.id, subject.email.as_deref().unwrap_or_default())?;
    assert!(session.text("[data-testid=interests]")?.unwrap_or_default().is_empty(), "none chosen yet");

    // Edit Profile offers the organisation's list; the area ticked is saved and shown.
    pick_action(&session, "edit_profile")?;
    let tick = format!("[data-testid=edit-interest][data-area=\"{area}\"]");
    session.wait_for("the areas of interest", |s| s.attribute(&tick, "type"))?;
    session.click(&tick)?;
    session.script("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })", json!([tick]))?;
    session.screenshot("interests-edit")?;
    session.click("[data-testid=dialog-submit]")?;
    let shown = session.wait_for("the area on the profile", |s| {
        Ok(s.text("[data-testid=profile-page] [data-testid=interests]")?.filter(|t| t.contains(&area)))
    })?;
    assert_eq!(shown.trim(), area);
    session.screenshot("interests-profile")?;

    // Back at the search, emptied: the filter finds the three interested.
    session.press(keys::ESCAPE)?;
    session.wait_for("the search", |s| s.text("[data-testid=results]"))?;
    session.type_into("[data-testid=search-input]", &format!("x{BACKSPACE}"))?;
    session.click(&format!("[data-testid=filter-interest][data-area=\"{area}\"]"))?;
    shows_count(&session, "[data-testid=result-count]", 3)?;
    // The filtered rows, not the three the name search before had (CI run 17 read those: the
    // count was 3 both times).
    session.wait_for("the interested in the rows", |s| {
        let rows = s.texts("[data-testid=results] tbody tr td.name")?;
        Ok(rows.iter().any(|r| r.contains(&subject.name)).then_some(()))
    })?;
    let chips = session.text("[data-testid=filter-chips]")?.unwrap_or_default();
    assert!(chips.contains(&format!("Areas of interest: {area}")), "{chips}");
    session.screenshot("interests-filter")?;

    // Every result ticked, Email: the dialog says whom it reaches.
    session.click("[data-testid=select-page]")?;
    shows_count(&session, "[data-testid=bulk-count]", 3)?;
    session.click("[data-testid=bulk-email]")?;
    let subtitle = session.wait_for("the email dialog", |s| s.text("[data-testid=action-dialog] .subtitle"))?;
    assert_eq!(subtitle, format!("3 candidates interested in {area}"));
    session.wait_for("the compose form", |s| s.text("[data-testid=compose]"))?;
    session.screenshot("interests-email")?;
    Ok(())
}
