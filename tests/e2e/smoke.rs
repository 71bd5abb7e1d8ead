//! The real window, on a demo database: the shell shows what the store holds, and searching
//! from the search box returns what the store returns.

use talentdesk_domain::activity::{ActivityStatus, Engagement};
use talentdesk_domain::search::{SearchFilters, SearchRequest};
use talentdesk_e2e::{DemoDb, Session, err, keys};
use talentdesk_store::search::PageRequest;

/// The count as the window says it: the results, then how many inactive candidates the search hides.
fn said(total: u64, hidden: u64) -> String {
    let results = if total == 1 { "1 result".to_owned() } else { format!("{total} results") };
    if hidden == 0 { results } else { format!("{results} · {hidden} inactive hidden") }
}

#[test]
fn the_window_shows_the_stores_candidates_and_searches_them() -> Result<(), String> {
    let demo = DemoDb::new(300, 7)?;
    let store = demo.open()?;
    let everyone = store.search(&SearchRequest::default(), &PageRequest { limit: 500, after: None }).map_err(err)?;
    let last_name = everyone.rows.last().ok_or("no candidates")?.name.clone();
    let python = SearchRequest { query: "python".into(), ..Default::default() };
    let pythonistas = store.search(&python, &PageRequest::default()).map_err(err)?;
    assert!(pythonistas.total > 0 && pythonistas.total < everyone.total, "the demo has some Python people");
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    let expected = said(everyone.total, everyone.inactive_hidden);
    session.wait_for("the result count", |s| Ok(s.text("[data-testid=result-count]")?.filter(|t| *t == expected)))?;
    let first = session.wait_for("the first row", |s| s.text("[data-testid=results] tbody tr td.name .open"))?;
    assert_eq!(first, everyone.rows[0].name, "the first row is the store's first result");
    let path = session.screenshot("smoke-candidates")?;
    eprintln!("screenshot: {}", path.display());

    // `?` lists the keyboard shortcuts; Esc closes the list.
    session.press("?")?;
    let help = session.wait_for("the shortcuts", |s| s.text("[data-testid=keyboard-help]"))?;
    assert!(help.contains("Keyboard shortcuts") && help.contains("Open the selected candidate"), "{help}");
    session.screenshot("smoke-keyboard-help")?;
    session.press(keys::ESCAPE)?;
    session
        .wait_for("the shortcuts to close", |s| Ok(s.text("[data-testid=keyboard-help]")?.is_none().then_some(())))?;

    // Scrolling to the end loads the later pages; only the rows in sight are in the page.
    let scroll_down = "const s = document.querySelector('[data-testid=results]').parentElement; s.scrollTop = s.scrollHeight; \
                       return document.querySelectorAll('[data-testid=results] tbody tr[data-id]').length;";
    let last = session.wait_for("the last candidate after scrolling", |s| {
        s.script(scroll_down, serde_json::json!([]))?;
        Ok(s.text("[data-testid=results] tbody tr[data-id]:last-of-type td.name .open")?.filter(|n| *n == last_name))
    })?;
    assert_eq!(last, last_name);
    let in_page = session.script(scroll_down, serde_json::json!([]))?.as_u64().unwrap_or(0);
    assert!(in_page > 0 && in_page < 100, "{in_page} of {} rows are in the page", everyone.total);
    session.screenshot("smoke-scrolled")?;
    session
        .script("document.querySelector('[data-testid=results]').parentElement.scrollTop = 0", serde_json::json!([]))?;

    session.type_into("[data-testid=search-input]", "python")?;
    let expected = said(pythonistas.total, pythonistas.inactive_hidden);
    session.wait_for("the count of the python search", |s| {
        Ok(s.text("[data-testid=result-count]")?.filter(|t| *t == expected))
    })?;
    let first = session.text("[data-testid=results] tbody tr td.name .open")?;
    assert_eq!(first.as_deref(), Some(pythonistas.rows[0].name.as_str()));

    // Filters narrow the keyword search: activity Contacted, without a Recruiter Reviewed.
    let filters = SearchFilters {
        activity: vec![ActivityStatus::Contacted],
        engagements_none: vec![Engagement::RecruiterReviewed],
        ..Default::default()
    };
    let narrowed = SearchRequest { filters, ..python.clone() };
    let narrowed = demo.open()?.search(&narrowed, &PageRequest::default()).map_err(err)?;
    let (narrowed, narrowed_hidden) = (narrowed.total, narrowed.inactive_hidden);
    assert!(narrowed > 0 && narrowed < pythonistas.total, "the filters narrow the search to {narrowed}");
    session.click("[data-testid=filter-activity-contacted]")?;
    session.select("[data-testid=filter-engagement-recruiter_reviewed]", "lacks")?;
    let expected = said(narrowed, narrowed_hidden);
    session.wait_for("the filtered count", |s| Ok(s.text("[data-testid=result-count]")?.filter(|t| *t == expected)))?;
    let chips = session.text("[data-testid=filter-chips]")?.unwrap_or_default();
    assert!(chips.contains("Activity: Contacted") && chips.contains("Without: Recruiter Reviewed"), "{chips}");
    session.screenshot("smoke-filters")?;

    // Folding the panel away keeps the filters; a chip's × takes its filter off.
    session.click("[data-testid=filters-toggle]")?;
    session.wait_for("the panel to fold", |s| {
        Ok(s.text("[data-testid=filter-activity-contacted]")?.is_none().then_some(()))
    })?;
    session.screenshot("smoke-filters-folded")?;
    session.click("[aria-label='Remove the filter Without: Recruiter Reviewed']")?;
    let chips = session
        .wait_for("one chip left", |s| Ok(s.text("[data-testid=filter-chips]")?.filter(|t| !t.contains("Without"))))?;
    assert!(chips.contains("Activity: Contacted"), "{chips}");
    session.click("[data-testid=filters-toggle]")?;
    session.wait_for("the panel back", |s| s.text("[data-testid=filter-activity-contacted]"))?;

    // Typed a key at a time, the query passes through other malformed states ("(python"):
    // what stays is the error for the whole query.
    session.type_into("[data-testid=search-input]", "(python OR")?;
    let wanted = "OR needs a term after it (at character 8)";
    session.wait_for("the query error", |s| Ok(s.text("#search-error")?.filter(|t| t == wanted)))?;
    let invalid = session.script(
        "return document.querySelector('[data-testid=search-input]').getAttribute('aria-invalid');",
        serde_json::json!([]),
    )?;
    assert_eq!(invalid, serde_json::json!("true"), "the box is marked invalid for screen readers");
    session.screenshot("smoke-query-error")?;
    Ok(())
}
