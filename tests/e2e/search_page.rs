//! The search page tells the truth (issue 27): the rows and the bulk bar agree on who is
//! picked — "all of this search" ticks every row, survives a bulk tag, and ends when the search
//! changes; "Clear all" filters leaves no phantom selection; a bulk action over 1,000 asks
//! first, with the count and the action in words; a malformed query keeps the last results;
//! the count says how many inactive candidates are hidden; cut values carry their whole text;
//! badges are never cut; the grid moves its focus with the keys; a right-click opens the row's
//! own menu where the pointer is, the keyboard's menu key beside the row's ⋯ button. One window
//! over one demo database. An email typed past its dot shows its page before its count, then
//! the count.

use std::collections::HashSet;

use serde_json::{Value, json};
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::{SearchFilters, SearchRequest};
use talentdesk_e2e::{DemoDb, Session, admin, err, keys, number, numbers, shows_count, tick_tag};
use talentdesk_store::search::{PageRequest, SearchTickets, Searched};
use uuid::Uuid;

const ROWS: &str = "[data-testid=results] tbody tr[data-id]";
const TAG: &str = "Search Page Test";

/// The rows in the page: how many, and how many of them are ticked (box and aria-selected
/// both, or the test fails on the mismatch).
fn ticked(session: &Session) -> Result<(u64, u64), String> {
    let counts = session.script(
        "const rows = [...document.querySelectorAll(arguments[0])];
         const boxes = rows.filter(r => r.querySelector('[data-testid=select-row]').checked).length;
         const selected = rows.filter(r => r.getAttribute('aria-selected') === 'true').length;
         return [rows.length, boxes, selected];",
        json!([ROWS]),
    )?;
    let n = |i: usize| counts[i].as_u64().unwrap_or_default();
    assert_eq!(n(1), n(2), "every ticked box is an aria-selected row and back");
    Ok((n(0), n(1)))
}

fn bulk_count(session: &Session) -> Result<Option<u64>, String> {
    Ok(session.text("[data-testid=bulk-count]")?.and_then(|t| number(&t)))
}

#[test]
fn the_search_page_shows_the_truth_about_selection_results_and_cut_values() -> Result<(), String> {
    let demo = DemoDb::new(3_000, 27)?;
    let mut store = demo.open()?;
    let boss = admin(&store)?;
    store.apply(&boss, Mutation::TagDefine { name: TAG.into() }).map_err(err)?;
    // Nine more candidates deactivated, and the top ones ineligible (the red badge in sight).
    let everyone = store.search(&SearchRequest::default(), &PageRequest { limit: 500, after: None }).map_err(err)?;
    let inactive_before = everyone.inactive_hidden;
    for row in everyone.rows.iter().rev().take(9) {
        store.apply(&boss, Mutation::SetActive { candidate_id: row.id, active: false }).map_err(err)?;
    }
    for row in everyone.rows.iter().take(4) {
        store.apply(&boss, Mutation::SetEligible { candidate_id: row.id, eligible: false }).map_err(err)?;
    }
    let all = store.search(&SearchRequest::default(), &PageRequest::default()).map_err(err)?;
    let hidden = all.inactive_hidden;
    assert_eq!(hidden, inactive_before + 9, "the nine deactivated here are hidden too");
    let python = SearchRequest { query: "python".into(), ..Default::default() };
    let pythonistas = store.search(&python, &PageRequest::default()).map_err(err)?;
    let unreviewed = SearchRequest {
        filters: SearchFilters {
            activity: vec![talentdesk_domain::activity::ActivityStatus::Unreviewed],
            ..Default::default()
        },
        ..Default::default()
    };
    let unreviewed_total = store.search(&unreviewed, &PageRequest::default()).map_err(err)?.total;
    assert!(all.total > 1_000 && pythonistas.total > 0 && unreviewed_total > 200, "the demo's spread");
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    let total = all.total;

    // The count, with the inactive ones said to be hidden, in one sentence.
    let count = session.wait_for("the count and the hidden", |s| {
        Ok(s.text("[data-testid=result-count]")?.filter(|t| numbers(t) == [total, hidden]))
    })?;
    assert!(count.contains("inactive hidden"), "{count}");
    // The filter that shows them finds exactly as many, and hides none.
    session.select("[data-testid=filter-active]", "false")?;
    let count = shows_count(&session, "[data-testid=result-count]", hidden)?;
    assert_eq!(numbers(&count), [hidden], "none hidden: {count}");
    session.select("[data-testid=filter-active]", "")?;
    shows_count(&session, "[data-testid=result-count]", total)?;

    // Badges are whole; values cut by their column carry the whole text as a tooltip.
    session.resize(1100, 800)?;
    let cut = session.script(
        "const cells = [...document.querySelectorAll('[data-testid=results] tbody td[title]:not(.tags)')];
         const cut = cells.find(c => c.scrollWidth > c.clientWidth + 1);
         const badges = [...document.querySelectorAll('[data-testid=results] tbody td.activity .badge')];
         const clipped = badges.filter(b => { const r = b.getBoundingClientRect(), c = b.closest('td').getBoundingClientRect(); return r.right > c.right + 1; });
         return { title: cut?.getAttribute('title') ?? null, text: cut?.textContent.replace(/\\s+/g, ' ').trim() ?? null,
                  ineligible: badges.filter(b => b.textContent.trim() === 'Ineligible').length, clipped: clipped.length };",
        json!([]),
    )?;
    let title = cut["title"].as_str().ok_or("no cut value at 1100 px wide")?;
    let shown = cut["text"].as_str().unwrap_or_default();
    assert!(!title.is_empty() && title == shown, "the tooltip is the whole value: {cut}");
    assert!(cut["ineligible"].as_u64() >= Some(1), "the ineligible badge is in sight: {cut}");
    assert_eq!(cut["clipped"], json!(0), "no badge is cut: {cut}");
    session.screenshot("search-page-narrow")?;
    session.resize(1440, 900)?;
    // A resize closes open menus: the window is wide again before one opens.
    session.wait_for("the wide window", |s| {
        Ok(s.script("return innerWidth", json!([]))?.as_u64().filter(|w| *w > 1300))
    })?;
    std::thread::sleep(std::time::Duration::from_millis(300));

    // A right-click on a row opens that row's own menu where the pointer is (and the webview's
    // menu nowhere but in text fields).
    let second = format!("{ROWS}:nth-of-type(2)");
    let second_id = session.attribute(&second, "data-id")?.ok_or("no second row")?;
    // (A right-click as WebDriver sends it here ends with a left click, which no mouse does:
    // the page gets the right button's own events instead, where the pointer is.)
    let clicked = session.script(
        "const cell = document.querySelector(arguments[0]); const r = cell.getBoundingClientRect();
         const at = { bubbles: true, cancelable: true, button: 2, clientX: Math.round(r.left + 30), clientY: Math.round(r.top + r.height / 2) };
         cell.dispatchEvent(new PointerEvent('pointerdown', { ...at, buttons: 2, pointerType: 'mouse' }));
         cell.dispatchEvent(new MouseEvent('mousedown', { ...at, buttons: 2 }));
         return { prevented: !cell.dispatchEvent(new MouseEvent('contextmenu', { ...at, buttons: 2 })), x: at.clientX, y: at.clientY };",
        json!([format!("{second} td.location")]),
    )?;
    assert_eq!(clicked["prevented"], json!(true), "the webview's own menu does not open");
    let menu_box = |s: &Session| {
        s.script(
            "const list = document.querySelector('[data-testid=row-actions-list]');
             if (!list || list.style.visibility === 'hidden') return null;
             const r = list.getBoundingClientRect(), b = list.parentElement.querySelector('[data-testid=row-actions]').getBoundingClientRect();
             return { left: r.left, top: r.top, right: r.right, button: { right: b.right, bottom: b.bottom } };",
            json!([]),
        )
    };
    let placed = session.wait_for("the row's menu", |s| Ok(Some(menu_box(s)?).filter(|b| !b.is_null())))?;
    let near = |a: &Value, b: &Value| (a.as_f64().unwrap_or(f64::NAN) - b.as_f64().unwrap_or(f64::NAN)).abs() <= 6.0;
    assert!(
        near(&placed["left"], &clicked["x"]) && near(&placed["top"], &clicked["y"]),
        "the menu starts at the pointer: {clicked} {placed}"
    );
    assert_eq!(
        session.attribute(&format!("{second} [data-testid=row-actions]"), "aria-expanded")?.as_deref(),
        Some("true")
    );
    session.screenshot("search-page-row-menu")?;
    // Escape closes it and gives the focus back to the row.
    session.press(keys::ESCAPE)?;
    session.wait_for("the menu gone", |s| Ok(s.text("[data-testid=row-actions-list]")?.is_none().then_some(())))?;
    let focused = session.script("return document.activeElement?.closest('tr')?.dataset.id ?? null", json!([]))?;
    assert_eq!(focused, json!(second_id), "the focus is back on the row");
    // The keyboard's menu key (a contextmenu without a mouse button) opens it beside the ⋯ button.
    session.script(
        "const cell = document.querySelector(arguments[0]); const r = cell.getBoundingClientRect();
         cell.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: r.left + 5, clientY: r.bottom - 5 }));",
        json!([format!("{second} td.location")]),
    )?;
    let placed = session.wait_for("the row's menu by key", |s| Ok(Some(menu_box(s)?).filter(|b| !b.is_null())))?;
    assert!(
        near(&placed["right"], &placed["button"]["right"]) && near(&placed["top"], &placed["button"]["bottom"]),
        "the menu hangs from its button: {placed}"
    );
    session.press(keys::ESCAPE)?;
    let prevented = session.script(
        "const click = e => !e.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
         return [click(document.querySelector('h1')), click(document.querySelector('[data-testid=search-input]'))];",
        json!([]),
    )?;
    assert_eq!(prevented, json!([true, false]), "no webview menu on the page, the usual one in the search box");

    // The grid: one cell takes the focus and the arrows move it.
    session.click(&format!("{ROWS}:first-of-type td.location"))?;
    let focus = |s: &Session| -> Result<Value, String> {
        s.script(
            "const c = document.activeElement; return [c?.dataset.col ?? null, c?.closest('tr')?.getAttribute('aria-rowindex') ?? null];",
            json!([]),
        )
    };
    let start = focus(&session)?;
    session.press(keys::ARROW_RIGHT)?;
    session.press(keys::ARROW_DOWN)?;
    let moved = focus(&session)?;
    let col = |v: &Value| v[0].as_str().and_then(|c| c.parse::<u64>().ok());
    assert_eq!(col(&moved), col(&start).map(|c| c + 1), "one cell right: {start} -> {moved}");
    assert_eq!(moved[1], json!("3"), "one row down");
    assert_eq!(
        session.attribute(&format!("{ROWS}[aria-rowindex=\"3\"]"), "aria-current")?.as_deref(),
        Some("true"),
        "the row the keyboard is on"
    );
    session.press(keys::HOME)?;
    assert_eq!(col(&focus(&session)?), Some(0));
    let tab_stops = session
        .script("return document.querySelectorAll('[data-testid=results] tbody [tabindex=\"0\"]').length", json!([]))?;
    assert_eq!(tab_stops, json!(1), "one Tab stop in the grid");

    // The page's box, then all of the search: every row ticked, and the bar says so.
    session.click("[data-testid=select-page]")?;
    shows_count(&session, "[data-testid=bulk-count]", 200)?;
    session.click("[data-testid=select-all-search]")?;
    shows_count(&session, "[data-testid=bulk-count]", total)?;
    let (rows, on) = ticked(&session)?;
    assert!(rows > 10 && on == rows, "every row shown is ticked: {on} of {rows}");
    assert!(session.text("[data-testid=bulk-all]")?.is_some());

    // Over 1,000: the bar asks, naming the action and the count; Cancel does nothing.
    session.click("[data-testid=bulk-manage_tags]")?;
    let question = session.wait_for("the question", |s| s.text("[data-testid=bulk-confirm] h2"))?;
    assert!(question.starts_with("Tag or untag") && number(&question) == Some(total), "{question}");
    assert!(session.text("[data-testid=bulk-confirm-go]")?.unwrap_or_default().contains("Manage Tags"));
    session.screenshot("search-page-bulk-confirm")?;
    session.click("[data-testid=bulk-confirm-cancel]")?;
    session.wait_for("the question gone", |s| Ok(s.text("[data-testid=bulk-confirm]")?.is_none().then_some(())))?;
    assert_eq!(session.text("[data-testid=tags-form]")?, None, "Cancel opened nothing");
    assert_eq!(bulk_count(&session)?, Some(total));

    // Yes, then the tag: afterwards still all of this search, every row still ticked.
    session.click("[data-testid=bulk-manage_tags]")?;
    session.wait_for("the question", |s| s.text("[data-testid=bulk-confirm-go]"))?;
    session.click("[data-testid=bulk-confirm-go]")?;
    session.wait_for("the tags", |s| s.text("[data-testid=tags-list]"))?;
    tick_tag(&session, TAG)?;
    session.click("[data-testid=dialog-submit]")?;
    session.wait_for("the tag run's end", |s| {
        Ok(s.text("[data-testid=run-outcome]")?.filter(|t| t.contains(TAG) && number(t) == Some(total)))
    })?;
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(bulk_count(&session)?, Some(total), "no fall back to the rows loaded");
    assert!(session.text("[data-testid=bulk-all]")?.is_some());
    let (rows, on) = ticked(&session)?;
    assert_eq!(on, rows, "every row still ticked after the tag");
    session.screenshot("search-page-after-bulk-tag")?;

    // A filter changes the search: "all of the search" ends, and the page says so.
    session.click("[data-testid=filter-activity-unreviewed]")?;
    shows_count(&session, "[data-testid=result-count]", unreviewed_total)?;
    session.wait_for("the notice", |s| s.text("[data-testid=bulk-notice]"))?;
    assert_eq!(bulk_count(&session)?, None);
    assert_eq!(ticked(&session)?.1, 0, "no row ticked");

    // Picked by hand under the filter, then Clear all: the rows of the new list are ticked
    // exactly when picked, and the bar says how many picked are not in it.
    session.click("[data-testid=select-page]")?;
    shows_count(&session, "[data-testid=bulk-count]", 200)?;
    let first_page = PageRequest { limit: 200, after: None };
    let store = demo.open()?;
    let picked: HashSet<Uuid> =
        store.search(&unreviewed, &first_page).map_err(err)?.rows.iter().map(|r| r.id).collect();
    session.click("[data-testid=clear-filters]")?;
    shows_count(&session, "[data-testid=result-count]", total)?;
    let listed: HashSet<Uuid> =
        store.search(&SearchRequest::default(), &first_page).map_err(err)?.rows.iter().map(|r| r.id).collect();
    drop(store);
    let off = session.text("[data-testid=bulk-offscreen]")?.and_then(|t| number(&t)).unwrap_or(0);
    assert_eq!(off, picked.difference(&listed).count() as u64, "the bar says how many picked are not in the list");
    assert_eq!(bulk_count(&session)?, Some(200));
    let rows = session.script(
        "return [...document.querySelectorAll(arguments[0])].map(r => [r.dataset.id, r.getAttribute('aria-selected') === 'true']);",
        json!([ROWS]),
    )?;
    for row in rows.as_array().ok_or("no rows")? {
        let id: Uuid = row[0].as_str().and_then(|i| i.parse().ok()).ok_or("a row without an id")?;
        assert_eq!(row[1].as_bool(), Some(picked.contains(&id)), "row {id} is ticked exactly when picked");
    }
    ticked(&session)?;
    session.screenshot("search-page-clear-all")?;
    session.click("[data-testid=bulk-clear]")?;
    session.wait_for("no selection", |s| Ok(s.text("[data-testid=bulk-bar]")?.is_none().then_some(())))?;
    assert_eq!(ticked(&session)?.1, 0);

    // A malformed query keeps the last good results and their count, with the error beside.
    session.paste_search("python")?;
    shows_count(&session, "[data-testid=result-count]", pythonistas.total)?;
    let first = session.attribute(ROWS, "data-id")?;
    session.paste_search("python AND (")?;
    let error = session
        .wait_for("the error", |s| Ok(s.text("[data-testid=search-error]")?.filter(|t| !t.trim().is_empty())))?;
    assert!(error.contains("python"), "the line says which results stay: {error}");
    assert_eq!(
        numbers(&session.text("[data-testid=result-count]")?.unwrap_or_default()).first(),
        Some(&pythonistas.total)
    );
    assert_eq!(session.attribute(ROWS, "data-id")?, first, "the same rows");
    assert_eq!(session.attribute("[data-testid=search-input]", "aria-invalid")?.as_deref(), Some("true"));
    session.screenshot("search-page-malformed-query")?;
    drop(session);

    let store = demo.open()?;
    let tagged =
        SearchRequest { filters: SearchFilters { tags: vec![TAG.into()], ..Default::default() }, ..Default::default() };
    assert_eq!(
        store.search(&tagged, &PageRequest::default()).map_err(err)?.total,
        total,
        "every one of the search tagged"
    );
    Ok(())
}

/// The preview's height as drawn, in pixels.
fn preview_height(session: &Session) -> Result<f64, String> {
    let h = session
        .script("return document.querySelector('[data-testid=preview]').getBoundingClientRect().height;", json!([]))?;
    h.as_f64().ok_or_else(|| format!("no preview height: {h}"))
}

#[test]
fn the_preview_shows_recent_engagements_and_keeps_the_height_it_was_given() -> Result<(), String> {
    let demo = DemoDb::new(300, 5)?;
    let mut store = demo.open()?;
    let boss = admin(&store)?;
    let first =
        store.search(&SearchRequest::default(), &PageRequest { limit: 1, after: None }).map_err(err)?.rows[0].id;
    // Reviewed just now: the most recent of their engagements.
    store.apply(&boss, Mutation::CandidateReview { candidate_id: first }).map_err(err)?;
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    let row = format!("{ROWS}[data-id='{first}'] td.location");
    session.wait_for("the first row", |s| s.text(&row))?;
    session.click(&row)?;
    let recent = session.wait_for("the recent engagements", |s| {
        let items = s.texts("[data-testid=preview] [data-testid=engagements] li")?;
        Ok((!items.is_empty()).then_some(items))
    })?;
    assert!(recent.len() <= 4, "a few, not all: {recent:?}");
    assert!(recent[0].starts_with("Recruiter Reviewed"), "latest first: {recent:?}");

    // Dragged 120 px up, it is 120 px taller; the Up arrow on its edge adds a step more.
    let before = preview_height(&session)?;
    session.drag_by("[data-testid=resize-handle]", 0, -120)?;
    let dragged = session.wait_for("the taller preview", |s| {
        let h = preview_height(s)?;
        Ok(((h - before - 120.0).abs() <= 6.0).then_some(h))
    })?;
    session.script("document.querySelector('[data-testid=resize-handle]').focus();", json!([]))?;
    session.press(keys::ARROW_UP)?;
    let stepped = session.wait_for("a step taller", |s| {
        let h = preview_height(s)?;
        Ok((h > dragged + 10.0).then_some(h))
    })?;
    session.screenshot("preview-resized")?;

    // Closed and opened again, it keeps its height.
    session.click(&row)?;
    session.press(keys::ESCAPE)?;
    session.wait_for("the preview closed", |s| Ok(s.text("[data-testid=preview]")?.is_none().then_some(())))?;
    session.click(&row)?;
    session.wait_for("the preview again", |s| s.text("[data-testid=preview]"))?;
    let again = preview_height(&session)?;
    assert!((again - stepped).abs() <= 1.0, "remembered {stepped}, shown {again}");
    Ok(())
}

/// More namesakes than a page holds share the start of an email, and one stranger works for a
/// firm of that name: typed as far as a letter past the dot, the page of namesakes shows at
/// once, and the count that includes the firm's employee follows (the window asks for it after
/// the page, `typed_total`).
#[test]
fn an_email_typed_past_its_dot_shows_its_page_then_the_whole_count() -> Result<(), String> {
    const NAMESAKES: u64 = 230;
    let demo = DemoDb::new(300, 9)?;
    let mut store = demo.open()?;
    let boss = admin(&store)?;
    let profile = |first: &str, last: &str, email: String, employer: &str| Profile {
        first_name: first.into(),
        last_name: last.into(),
        email: Some(email),
        current_title: "Staff nurse".into(),
        current_employer: employer.into(),
        ..Profile::default()
    };
    let mut planted = Vec::new();
    for n in 0..NAMESAKES {
        planted.push(profile("Quilla", "Ivarsson", format!("quilla.ivarsson{n}@planted.example"), "Acme"));
    }
    planted.push(profile("Bram", "Okafor", "bram.okafor@planted.example".into(), "Quilla Ivarsson Care"));
    for profile in planted {
        let candidate_id = talentdesk_domain::new_id();
        let create = Mutation::CandidateCreate { candidate_id, profile, profile_type: ProfileType::RecruiterGenerated };
        store.apply(&boss, create).map_err(err)?;
    }
    let typed = SearchRequest { query: "quilla.i".into(), ..Default::default() };
    let total = store.search(&typed, &PageRequest::default()).map_err(err)?.total;
    assert_eq!(total, NAMESAKES + 1, "the namesakes and the firm's employee");
    // As the window asks it (a page of 200, nothing cached), the page comes before the count.
    store.clear_search_cache();
    let ticket = SearchTickets::default().ticket(1);
    let window_page = PageRequest { limit: 200, after: None };
    match store.search_unless_superseded(&typed, &window_page, &ticket).map_err(err)? {
        Searched::Page(page) => {
            assert!(!page.counted && page.total == NAMESAKES, "{} counted {}", page.total, page.counted)
        }
        Searched::Superseded => return Err("superseded, though nothing superseded it".into()),
    }
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the first page", |s| s.text("[data-testid=result-count]"))?;
    // Key by key, each prefix searched as it is typed.
    session.type_into("[data-testid=search-input]", "quilla.i")?;
    let count = shows_count(&session, "[data-testid=result-count]", total)?;
    assert!(!count.contains('+'), "counted: {count}");
    // The rows in sight (the table draws only those): namesakes, matched by name, rank first.
    let rows = session.texts(ROWS)?;
    assert!(rows.len() > 10 && rows.iter().all(|r| r.contains("Quilla Ivarsson")), "{rows:?}");
    session.screenshot("search-email-past-dot")?;
    Ok(())
}
