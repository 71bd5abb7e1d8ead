//! The window for someone with a keyboard only, a screen reader, low vision or a small screen.
//! axe-core runs on every main screen in the light and the dark theme and finds no serious or
//! critical violation; a
//! journey from search to settings runs on key presses alone; and at 1280×720 and at 200% zoom
//! the main controls neither overlap nor fall outside the window (screenshots in
//! tests/artifacts/a11y-*.png).

use serde_json::{Value, json};
use talentdesk_e2e::axe;
use talentdesk_e2e::{DemoDb, Session, err, keys, open_event};
use talentdesk_store::Store;

/// WebKitGTK takes `prefers-color-scheme` from the GTK theme: a dark variant of it means dark.
const DARK: (&str, &str) = ("GTK_THEME", "Adwaita:dark");

/// What axe finds on the screen now, in `theme`, under `screen`'s name.
fn audit(session: &Session, theme: &str, screen: &str, found: &mut Vec<String>) -> Result<(), String> {
    found.extend(axe::check(session)?.iter().map(|v| format!("{theme}, {screen}: {v}")));
    Ok(())
}

fn shown(session: &Session, css: &str) -> Result<Option<()>, String> {
    Ok(session.text(css)?.map(|_| ()))
}

/// The event with the most people, to see its page and its door full.
fn busiest_event(db: &DemoDb) -> Result<uuid::Uuid, String> {
    let store: Store = db.open()?;
    let events = store.events().map_err(err)?;
    events.into_iter().max_by_key(|e| e.counts.registered).map(|e| e.event.id).ok_or_else(|| "no demo events".into())
}

/// Visits every main screen of a signed-in window and runs axe on each.
fn tour(session: &Session, theme: &str, event: uuid::Uuid, found: &mut Vec<String>) -> Result<(), String> {
    let first_row = "[data-testid=results] tbody tr[data-id]";
    session.wait_for("the results", |s| shown(s, first_row))?;
    audit(session, theme, "search", found)?;

    session.click(&format!("{first_row} td.location"))?;
    session.wait_for("the preview", |s| shown(s, "[data-testid=preview]"))?;
    session.click(&format!("{first_row} [data-testid=row-actions]"))?;
    session.wait_for("the row's menu", |s| shown(s, "[data-testid=row-actions-list]"))?;
    audit(session, theme, "search with the preview and a row's menu", found)?;
    session.press(keys::ESCAPE)?;

    session.click("[data-testid=mode-resume]")?;
    session.wait_for("the resume view", |s| shown(s, "[data-testid=resume-view]"))?;
    audit(session, theme, "resume view", found)?;
    session.click("[data-testid=mode-table]")?;

    session.click(&format!("{first_row} td.name .open"))?;
    session.wait_for("the profile", |s| shown(s, "[data-testid=profile-tabs]"))?;
    for sub in ["profile", "additional", "activity", "pipelines"] {
        session.click(&format!("[data-testid=background-tabs] [data-tab={sub}]"))?;
        audit(session, theme, &format!("profile, Background › {sub}"), found)?;
    }
    for tab in ["documents", "messages", "history"] {
        session.click(&format!("[data-testid=profile-tabs] [data-tab={tab}]"))?;
        audit(session, theme, &format!("profile, {tab}"), found)?;
    }
    session.click("[data-testid=profile-page] [data-testid=profile-actions]")?;
    session.click("[data-testid=profile-page] [data-testid=profile-actions-list] [data-testid=action-manage_tags]")?;
    session.wait_for("the Manage Tags dialog", |s| shown(s, "[data-testid=tags-form]"))?;
    audit(session, theme, "Manage Tags dialog", found)?;
    session.press(keys::ESCAPE)?;
    session.wait_for("the dialog closed", |s| Ok(s.text("[data-testid=tags-form]")?.is_none().then_some(())))?;
    session.click("[data-testid=profile-back]")?;

    session.click("[data-testid=rail-pipelines]")?;
    session.wait_for("the pipelines", |s| shown(s, "[data-testid=pipelines-page]"))?;
    audit(session, theme, "pipelines", found)?;
    session.click("[data-testid=rail-jobs]")?;
    session.wait_for("the jobs", |s| shown(s, "[data-testid=jobs-page]"))?;
    audit(session, theme, "jobs", found)?;
    session.click("[data-testid=rail-events]")?;
    session.wait_for("the events", |s| shown(s, "[data-testid=events-page]"))?;
    audit(session, theme, "events", found)?;
    open_event(session, event)?;
    audit(session, theme, "an event", found)?;
    session.click("[data-testid=event-checkin]")?;
    session.wait_for("the check-in screen", |s| shown(s, "[data-testid=door-counts]"))?;
    audit(session, theme, "check-in", found)?;
    session.click("[data-testid=door-back]")?;
    session.click("[data-testid=rail-settings]")?;
    session.wait_for("the settings", |s| shown(s, "[data-testid=settings-page]"))?;
    audit(session, theme, "settings", found)?;
    Ok(())
}

fn is_dark(session: &Session) -> Result<bool, String> {
    let dark = session.script("return matchMedia('(prefers-color-scheme: dark)').matches", json!([]))?;
    dark.as_bool().ok_or_else(|| format!("no answer about the theme: {dark}"))
}

#[test]
fn every_main_screen_passes_axe_in_the_light_and_the_dark_theme() -> Result<(), String> {
    let db = DemoDb::new(120, 27)?;
    let event = busiest_event(&db)?;
    let mut found = Vec::new();
    for (theme, env) in [("light", vec![]), ("dark", vec![DARK])] {
        {
            let session = Session::start_with_env(&["--db", db.arg()?], &env)?;
            session.wait_for("the results", |s| s.text("[data-testid=result-count]"))?;
            assert_eq!(is_dark(&session)?, theme == "dark", "the window is in the {theme} theme");
            tour(&session, theme, event, &mut found)?;
            session.screenshot(&format!("a11y-{theme}-settings"))?;
        }
        // Nobody signed in, no database: the sign-in page.
        let data = tempfile::tempdir().map_err(err)?;
        let data_dir = data.path().to_str().ok_or("the temporary path is not UTF-8")?;
        let session = Session::start_with_env(&[], &[env.as_slice(), &[("TALENTDESK_DATA_DIR", data_dir)]].concat())?;
        session.wait_for("the sign-in page", |s| shown(s, "[data-testid=sign-in]"))?;
        audit(&session, theme, "sign-in", &mut found)?;
        session.screenshot(&format!("a11y-{theme}-sign-in"))?;
    }
    assert!(found.is_empty(), "{} serious or critical violations:\n{}", found.len(), found.join("\n"));
    Ok(())
}

/// Whether the focused element matches `css`.
fn focused(session: &Session, css: &str) -> Result<bool, String> {
    let value = session.script("return !!document.activeElement?.matches(arguments[0])", json!([css]))?;
    Ok(value.as_bool() == Some(true))
}

/// A short description of the focused element, for failures.
fn focus_name(session: &Session) -> Result<String, String> {
    let value = session.script(
        "const e = document.activeElement; return e ? `${e.tagName.toLowerCase()}[data-testid=${e.dataset.testid}] ${(e.innerText || e.getAttribute('aria-label') || '').slice(0, 40)}` : 'nothing'",
        json!([]),
    )?;
    Ok(value.as_str().unwrap_or_default().to_owned())
}

fn wait_focus(session: &Session, css: &str) -> Result<(), String> {
    session.wait_for(&format!("the focus on {css}"), |s| Ok(focused(s, css)?.then_some(())))
}

/// Presses Tab (Shift+Tab when `back`) until the focus is on `css`, as someone finding a
/// control would; fails after `most` presses.
fn tab_to(session: &Session, css: &str, back: bool, most: usize) -> Result<(), String> {
    for _ in 0..most {
        if focused(session, css)? {
            return Ok(());
        }
        if back { session.chord(&[keys::SHIFT, keys::TAB])? } else { session.press(keys::TAB)? }
    }
    if focused(session, css)? {
        return Ok(());
    }
    Err(format!("{most} presses of Tab did not reach {css}; the focus is on {}", focus_name(session)?))
}

/// Types `text` key by key into whatever has focus.
fn type_keys(session: &Session, text: &str) -> Result<(), String> {
    text.chars().try_for_each(|c| session.press(&c.to_string()))
}

/// Whether the focus is inside the open dialog.
fn focus_in_dialog(session: &Session) -> Result<bool, String> {
    let value = session.script("return !!document.activeElement?.closest('[aria-modal=true]')", json!([]))?;
    Ok(value.as_bool() == Some(true))
}

/// Manage Tags is open: Tab goes round inside it; Space ticks `tag`; Enter on Add applies it.
fn add_tag_in_dialog(session: &Session, tag: &str) -> Result<(), String> {
    session.wait_for("the Manage Tags dialog", |s| shown(s, "[data-testid=tags-form]"))?;
    assert!(focus_in_dialog(session)?, "the dialog took the focus");
    let title = session.script(
        "const d = document.querySelector('[aria-modal=true]'); const t = document.getElementById(d.getAttribute('aria-labelledby')); return t?.innerText",
        json!([]),
    )?;
    assert_eq!(title.as_str(), Some("Manage Tags"), "the dialog is named by its own title");
    for _ in 0..25 {
        session.press(keys::TAB)?;
        assert!(focus_in_dialog(session)?, "Tab stays in the dialog, not on {}", focus_name(session)?);
    }
    session.chord(&[keys::SHIFT, keys::TAB])?;
    assert!(focus_in_dialog(session)?, "Shift+Tab stays in the dialog");
    let checkbox = format!("[data-testid=tags-list] input[value=\"{tag}\"]");
    tab_to(session, &checkbox, false, 40)?;
    session.press(keys::SPACE)?;
    tab_to(session, "[data-testid=dialog-submit]", false, 40)?;
    session.press(keys::ENTER)
}

fn a_listed_tag(db: &DemoDb) -> Result<String, String> {
    let store = db.open()?;
    store.tags().map_err(err)?.into_iter().find(|t| t.listed).map(|t| t.name).ok_or_else(|| "no listed tag".into())
}

/// Waits for the search to settle: the same count twice, a moment apart.
fn settled(session: &Session) -> Result<(), String> {
    let mut last = None;
    session.wait_for("the search to settle", |s| {
        std::thread::sleep(std::time::Duration::from_millis(400));
        let now = s.text("[data-testid=result-count]")?;
        let same = now.is_some() && now == last;
        last = now;
        Ok(same.then_some(()))
    })
}

fn keyboard_journey(session: &Session, tag: &str) -> Result<(), String> {
    session.wait_for("the results", |s| shown(s, "[data-testid=results] tbody tr[data-id]"))?;
    // Search: `/` goes to the box; the query is typed.
    session.press("/")?;
    wait_focus(session, "[data-testid=search-input]")?;
    type_keys(session, "a")?;
    settled(session)?;

    // Open: ↓ picks the first row, Enter opens the profile.
    session.press(keys::ARROW_DOWN)?;
    session.wait_for("the preview", |s| shown(s, "[data-testid=preview]"))?;
    session.press(keys::ENTER)?;
    session.wait_for("the profile", |s| shown(s, "[data-testid=profile-tabs]"))?;
    let name = session.text("[data-testid=profile-page] h1")?.unwrap_or_default();

    // The profile's tabs: one Tab stop, arrows and Home move between them.
    let selected_tab = "[data-testid=profile-tabs] [aria-selected=true]";
    tab_to(session, selected_tab, false, 30)?;
    session.press(keys::ARROW_RIGHT)?;
    wait_focus(session, "[data-testid=profile-tabs] [data-tab=documents][aria-selected=true]")?;
    session.press(keys::HOME)?;
    wait_focus(session, "[data-testid=profile-tabs] [data-tab=background][aria-selected=true]")?;

    // Act: the Actions menu from the keyboard, Manage Tags, a tag added; the focus comes back.
    let actions = "[data-testid=profile-page] [data-testid=profile-actions]";
    tab_to(session, actions, false, 30)?;
    session.press(keys::ENTER)?;
    session.wait_for("the menu open with the focus in it", |s| {
        Ok((focused(s, "[role=menuitem]")? && s.attribute(actions, "aria-expanded")?.as_deref() == Some("true"))
            .then_some(()))
    })?;
    session.screenshot("a11y-keyboard-menu")?;
    for _ in 0..30 {
        if focused(session, "[data-testid=action-manage_tags]")? {
            break;
        }
        session.press(keys::ARROW_DOWN)?;
    }
    wait_focus(session, "[data-testid=action-manage_tags]")?;
    session.press(keys::ENTER)?;
    add_tag_in_dialog(session, tag)?;
    session.wait_for("the dialog closed", |s| Ok(s.text("[data-testid=tags-form]")?.is_none().then_some(())))?;
    wait_focus(session, actions)?;
    session.wait_for("the tag on the profile", |s| {
        Ok(s.text("[data-testid=profile-page]")?.filter(|t| t.contains(tag)).map(|_| ()))
    })?;

    // Back to the results with Esc; two rows ticked with `x`; the bulk bar's Manage Tags.
    session.press(keys::ESCAPE)?;
    session.wait_for("the results again", |s| Ok(s.text("[data-testid=profile-page]")?.is_none().then_some(())))?;
    session.press("x")?;
    session.press(keys::ARROW_DOWN)?;
    session.press("x")?;
    session.wait_for("two selected", |s| {
        Ok(s.text("[data-testid=bulk-count]")?.filter(|t| t.starts_with("2 ")).map(|_| ()))
    })?;
    tab_to(session, "[data-testid=bulk-manage_tags]", false, 200)?;
    // Enter presses the button, not "open the selected row".
    session.press(keys::ENTER)?;
    add_tag_in_dialog(session, tag)?;
    session.wait_for("the bulk outcome", |s| shown(s, "[data-testid=run-outcome]"))?;
    let heard = session.text("[data-testid=run-announcer]")?.unwrap_or_default();
    assert!(heard.contains(tag), "a screen reader hears how the bulk action ended: {heard:?}");

    // Settings: back through the page (the filter panel's boxes, one per area of interest,
    // activity status and more) to the rail.
    tab_to(session, "[data-testid=rail-settings]", true, 160)?;
    session.press(keys::ENTER)?;
    session.wait_for("the settings", |s| shown(s, "[data-testid=settings-page]"))?;
    assert!(!name.is_empty(), "the profile showed a name");
    Ok(())
}

/// Visible interactive controls (outside scrolling lists) that overlap each other, stick out of
/// the window, or are cut by a parent that hides overflow.
const LAYOUT_PROBLEMS: &str = r#"
const label = e => `${e.tagName.toLowerCase()}${e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : ''} "${(e.innerText || e.getAttribute('aria-label') || e.placeholder || '').trim().slice(0, 30)}"`;
const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowY; if ((o === 'auto' || o === 'scroll') && p.scrollHeight > p.clientHeight) return true; } return false; };
// Behind an open modal dialog nothing can be reached: only the newest dialog's controls count.
const modal = [...document.querySelectorAll('[aria-modal=true]')].pop();
// A toast (the Undo offer) floats over the page for seconds by design and goes by itself:
// what it covers meanwhile is no layout fault.
const floating = e => { const t = e.closest('[role=status]'); return t && ['absolute', 'fixed'].includes(getComputedStyle(t).position); };
const controls = [...(modal ?? document).querySelectorAll('button, input:not([type=hidden]), select, textarea, a[href], [role=tab]')]
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[aria-hidden=true], .sr-only') && !scrolls(e) && !floating(e));
const problems = [];
const rects = controls.map(e => e.getBoundingClientRect());
controls.forEach((e, i) => {
  const r = rects[i];
  if (r.width < 1 || r.height < 1) return;
  if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) problems.push(`${label(e)} outside the window`);
  for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
    const s = getComputedStyle(p);
    if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
    const q = p.getBoundingClientRect();
    if (r.left < q.left - 1 || r.right > q.right + 1 || r.top < q.top - 1 || r.bottom > q.bottom + 1) { problems.push(`${label(e)} cut off by its ${p.tagName.toLowerCase()}.${[...p.classList][0] ?? ''}`); break; }
  }
  for (let j = i + 1; j < controls.length; j++) {
    const o = rects[j], f = controls[j];
    if (e.contains(f) || f.contains(e) || o.width < 1 || o.height < 1) continue;
    const w = Math.min(r.right, o.right) - Math.max(r.left, o.left), h = Math.min(r.bottom, o.bottom) - Math.max(r.top, o.top);
    if (w > 2 && h > 2) problems.push(`${label(e)} overlaps ${label(f)}`);
  }
});
return problems;
"#;

fn layout_problems(session: &Session) -> Result<Vec<String>, String> {
    let value: Value = session.script(LAYOUT_PROBLEMS, json!([]))?;
    Ok(value.as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)).collect())
}

/// Shows the search page, a profile, its menu and a dialog in the window as it is,
/// screenshots each and collects what does not fit. Keys only: WebKit's WebDriver clicks at
/// the wrong place in a zoomed page.
fn check_layout(session: &Session, name: &str, found: &mut Vec<String>) -> Result<(), String> {
    let look = |screen: &str, found: &mut Vec<String>| -> Result<(), String> {
        session.screenshot(&format!("a11y-{name}-{screen}"))?;
        found.extend(layout_problems(session)?.into_iter().map(|p| format!("{name}, {screen}: {p}")));
        Ok(())
    };
    session.wait_for("the results", |s| shown(s, "[data-testid=results] tbody tr[data-id]"))?;
    look("search", found)?;
    let rows = session.script("return document.querySelector('[data-testid=results]').clientHeight", json!([]))?;
    if rows.as_f64().unwrap_or_default() < 100.0 {
        found.push(format!("{name}, search: the results have no room ({rows} px high)"));
    }
    // The row picked earlier opens from the search box.
    session.press("/")?;
    session.press(keys::ENTER)?;
    session.wait_for("the profile", |s| shown(s, "[data-testid=profile-tabs]"))?;
    look("profile", found)?;
    let actions = "[data-testid=profile-page] [data-testid=profile-actions]";
    tab_to(session, actions, false, 30)?;
    session.press(keys::ENTER)?;
    session.wait_for("the menu", |s| shown(s, "[data-testid=profile-actions-list]"))?;
    look("menu", found)?;
    let inside = session.script(
        "const r = document.querySelector('[data-testid=profile-actions-list]').getBoundingClientRect(); \
         return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth",
        json!([]),
    )?;
    if inside.as_bool() != Some(true) {
        found.push(format!("{name}, menu: the Actions menu runs out of the window"));
    }
    for _ in 0..30 {
        if focused(session, "[data-testid=action-manage_tags]")? {
            break;
        }
        session.press(keys::ARROW_DOWN)?;
    }
    session.press(keys::ENTER)?;
    session.wait_for("the dialog", |s| shown(s, "[data-testid=tags-form]"))?;
    look("dialog", found)?;
    session.press(keys::ESCAPE)?;
    wait_focus(session, actions)?;
    session.press(keys::ESCAPE)?;
    session.wait_for("the search page", |s| Ok(s.text("[data-testid=profile-page]")?.is_none().then_some(())))?;
    Ok(())
}

/// CSS pixels across the page: the window's width divided by the zoom.
fn page_width(session: &Session) -> Result<f64, String> {
    session.script("return innerWidth", json!([]))?.as_f64().ok_or_else(|| "no width".into())
}

#[test]
fn a_keyboard_only_journey_then_a_small_and_a_zoomed_window() -> Result<(), String> {
    let db = DemoDb::new(120, 28)?;
    let tag = a_listed_tag(&db)?;
    let session = Session::start(&["--db", db.arg()?])?;
    keyboard_journey(&session, &tag)?;

    let mut found = Vec::new();
    session.resize(1280, 720)?;
    session.wait_for("the window at 1280×720", |s| Ok((page_width(s)? <= 1281.0).then_some(())))?;
    session.click("[data-testid=rail-candidates]")?;
    check_layout(&session, "1280x720", &mut found)?;

    // 200%: Ctrl+= five times, 20% each, as a user zooms.
    let before = page_width(&session)?;
    for step in 1..=5 {
        session.chord(&[keys::CONTROL, "="])?;
        let zoom = 1.0 + 0.2 * f64::from(step);
        session.wait_for(&format!("the page zoomed to {zoom}"), |s| {
            Ok(((page_width(s)? - before / zoom).abs() < 2.0).then_some(()))
        })?;
    }
    check_layout(&session, "zoom200", &mut found)?;
    assert!(found.is_empty(), "{} layout problems:\n{}", found.len(), found.join("\n"));
    Ok(())
}
