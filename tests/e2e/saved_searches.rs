//! Saved searches in the window (issue 23 item 3): a search saved from the search page under a
//! name shows in the rail's list, and opening it there runs it again (words and count) after
//! the search box was changed. Screenshots of the dialog and the list.

use serde_json::json;
use talentdesk_domain::search::SearchRequest;
use talentdesk_e2e::{DemoDb, Session, err, shows_count};

/// Types the words into the search box as a user's typing arrives (an input event).
fn search_for(session: &Session, words: &str) -> Result<(), String> {
    session.script(
        "const box = document.querySelector('[data-testid=search-input]');
         box.value = arguments[0]; box.dispatchEvent(new Event('input', { bubbles: true }));",
        json!([words]),
    )?;
    Ok(())
}

#[test]
fn a_saved_search_is_listed_in_the_rail_and_opens_again() -> Result<(), String> {
    let demo = DemoDb::new(2_000, 23)?;
    let store = demo.open()?;
    let engineers = SearchRequest { query: "engineer".into(), ..SearchRequest::default() };
    let wanted = store.search(&engineers, &Default::default()).map_err(err)?.total;
    let everyone = store.search(&SearchRequest::default(), &Default::default()).map_err(err)?.total;
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    shows_count(&session, "[data-testid=result-count]", everyone)?;
    search_for(&session, "engineer")?;
    shows_count(&session, "[data-testid=result-count]", wanted)?;
    session.click("[data-testid=save-search-button]")?;
    session.type_into("[data-testid=save-search-name]", "Engineers")?;
    session.screenshot("saved-search-dialog")?;
    session.click("[data-testid=save-search-submit]")?;

    search_for(&session, "nurse")?;
    session.click("[data-testid=rail-saved]")?;
    session.wait_for("the saved search in the rail", |s| {
        Ok(s.texts("[data-testid=saved-search]")?.into_iter().find(|t| t.contains("Engineers")))
    })?;
    session.screenshot("saved-searches")?;
    session.click("[data-testid=saved-open]")?;
    shows_count(&session, "[data-testid=result-count]", wanted)?;
    let typed = session.script("return document.querySelector('[data-testid=search-input]').value", json!([]))?;
    assert_eq!(typed.as_str(), Some("engineer"), "the saved words are back in the box");
    Ok(())
}
