//! The window in another language and the other direction: started with TALENTDESK_LOCALE=de
//! it speaks German on the check-in, settings and sync screens (numbers and dates the German
//! way too); with the right-to-left pseudo-locale ar-XB the whole layout runs from the right.
//! Screenshots of both go to tests/artifacts (german-*, rtl-*; copies in docs/screenshots).

use serde_json::json;
use talentdesk_domain::event::{Event, EventCategory};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::{SearchRequest, Selection};
use talentdesk_e2e::{DemoDb, Session, admin, err, keys, open_event};
use talentdesk_store::search::PageRequest;
use talentdesk_store::views::{MemberFilter, MemberQuery};

/// A demo database with an event and three people registered for it; the codes of two.
fn fair() -> Result<(DemoDb, Event, Vec<String>), String> {
    let demo = DemoDb::new(1_234, 11)?;
    let mut store = demo.open()?;
    let admin = admin(&store)?;
    let event = Event::new(new_id(), "Herbstmesse", EventCategory::CareerFair, chrono::Utc::now(), "Halle B");
    store.apply(&admin, Mutation::EventCreate { event: event.clone() }).map_err(err)?;
    let page = PageRequest { limit: 3, after: None };
    let ids = store.search(&SearchRequest::default(), &page).map_err(err)?.rows.iter().map(|r| r.id).collect();
    let register = Mutation::EventAdd {
        selection: Selection::Ids { ids },
        event_id: event.id,
        attended: false,
        confirmation: None,
    };
    store.apply(&admin, register).map_err(err)?;
    let query = MemberQuery { which: MemberFilter::Registered, text: String::new() };
    let codes = store.event_members(event.id, &query, 3, 0).map_err(err)?.rows.into_iter().map(|r| r.code).collect();
    drop(store);
    Ok((demo, event, codes))
}

fn start(demo: &DemoDb, locale: &str) -> Result<Session, String> {
    let session = Session::start_with_env(&["--db", demo.arg()?], &[("TALENTDESK_LOCALE", locale)])?;
    session.wait_for("the candidates page", |s| s.text("[data-testid=result-count]"))?;
    Ok(session)
}

fn html(session: &Session, attribute: &str) -> Result<Option<String>, String> {
    session.attribute("html", attribute)
}

/// An element's visible text without the line break a block ends with.
fn words(session: &Session, css: &str) -> Result<String, String> {
    Ok(session.text(css)?.unwrap_or_default().trim().to_owned())
}

/// The text, once it holds `words` (for `wait_for`).
fn has(text: Option<String>, words: &str) -> Result<Option<String>, String> {
    Ok(text.filter(|t| t.contains(words)))
}

#[test]
fn the_window_speaks_german_when_the_locale_says_so() -> Result<(), String> {
    let (demo, event, codes) = fair()?;
    let session = start(&demo, "de-DE")?;
    assert_eq!(html(&session, "lang")?.as_deref(), Some("de"));
    assert_eq!(html(&session, "dir")?.as_deref(), Some("ltr"));
    // The rail, and a count with the German thousands separator ("1.218 Ergebnisse").
    assert_eq!(words(&session, "[data-testid=rail-settings]")?, "Einstellungen");
    let count =
        session.wait_for("the German result count", |s| has(s.text("[data-testid=result-count]")?, "Ergebnisse"))?;
    let number = count.split_whitespace().next().unwrap_or_default();
    assert!(number.len() == 5 && number.as_bytes()[1] == b'.', "not 1.2xx: {count}");
    // The search page: its heading, filters and order, and the cheat sheet with German key names.
    let page = words(&session, "main")?;
    for words in [
        "Kandidaten",
        "inaktive ausgeblendet",
        "Neuer Kandidat",
        "Aus einem Lebenslauf",
        "Tabelle",
        "Ungeprüft",
        "Sortierung",
    ] {
        assert!(page.contains(words), "no “{words}” on the search page: {page}");
    }
    session.screenshot("german-candidates")?;
    session.press("?")?;
    let help = session.wait_for("the shortcuts", |s| has(s.text("[data-testid=keyboard-help]")?, "Tastenkürzel"))?;
    assert!(help.contains("Strg+Pos1") && help.contains("Umschalt+F10") && help.contains("Eingabe"), "{help}");
    session.screenshot("german-keyboard-help")?;
    session.press(keys::ESCAPE)?;

    // Sync: this window works on a local database.
    assert_eq!(words(&session, "[data-testid=sync-status]")?, "Lokal");
    session.click("[data-testid=sync-status]")?;
    let details = session.wait_for("the sync details", |s| s.text("[data-testid=sync-details]"))?;
    assert!(details.contains("Arbeitet mit einer lokalen Datenbank"), "{details}");
    session.screenshot("german-sync")?;
    session.click("[data-testid=sync-status]")?;

    session.click("[data-testid=rail-settings]")?;
    let settings = session.wait_for("the settings", |s| has(s.text("[data-testid=settings-page]")?, "Diagnose"))?;
    for words in [
        "Spalten der Ergebnistabelle",
        "Aktuelle Rolle",
        "Eigene Felder",
        "Interessengebiete",
        "Wenn jemand eingestellt wird",
    ] {
        assert!(settings.contains(words), "no “{words}” in the settings: {settings}");
    }
    session.screenshot("german-settings")?;

    open_event(&session, event.id)?;
    session.click("[data-testid=event-checkin]")?;
    let counts = session.wait_for("the door's counts", |s| s.text("[data-testid=door-counts]"))?;
    assert!(counts.contains("0 eingecheckt") && counts.contains("3 angemeldet"), "{counts}");
    let placeholder = session.attribute("[data-testid=door-search]", "placeholder")?.unwrap_or_default();
    assert!(placeholder.starts_with("Name, E-Mail oder Telefon"), "{placeholder}");
    // The event's date the German way ("3. Dez. 2026").
    let header = words(&session, "[data-testid=check-in-screen] header .title p")?;
    let german_date = session.script(
        "return new Intl.DateTimeFormat('de-DE', { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date())",
        json!([]),
    )?;
    assert!(header.starts_with(german_date.as_str().unwrap_or("?")), "{header} / {german_date}");

    session.type_into("[data-testid=door-search]", &format!("{}{}", codes[0], keys::ENTER))?;
    let head = session.wait_for("the check-in banner", |s| s.text("[data-testid=door-outcome-head]"))?;
    let detail = words(&session, "[data-testid=door-outcome] .detail")?;
    assert_eq!(head.trim().to_lowercase(), "eingecheckt", "{detail}");
    session.wait_for("the German counts", |s| has(s.text("[data-testid=door-counts]")?, "1 eingecheckt"))?;
    session.wait_for("the last check-ins", |s| s.text("[data-testid=door-recent] li"))?;
    let title = session.script("return document.querySelector('#recent-title').textContent", json!([]))?;
    assert_eq!(title.as_str(), Some("Letzte Check-ins"));
    session.screenshot("german-checkin")?;

    // Handing the laptop over as a kiosk: the PIN dialog speaks German too.
    session.click("[data-testid=door-kiosk]")?;
    let dialog = session.wait_for("the PIN dialog", |s| s.text("[data-testid=kiosk-pin]"))?;
    for words in ["Laptop als Kiosk übergeben", "PIN (4 bis 8 Ziffern)", "Kiosk starten", "Abbrechen"] {
        assert!(dialog.contains(words), "no “{words}” in the PIN dialog: {dialog}");
    }
    session.screenshot("german-kiosk-pin")?;
    Ok(())
}

#[test]
fn the_right_to_left_pseudo_locale_mirrors_the_layout() -> Result<(), String> {
    let (demo, event, _) = fair()?;
    let session = start(&demo, "ar-XB")?;
    assert_eq!(html(&session, "dir")?.as_deref(), Some("rtl"));
    // The rail stands at the right edge, the page to its left.
    let sides = session.script(
        "const rail = document.querySelector('nav').getBoundingClientRect(); \
         const main = document.querySelector('main').getBoundingClientRect(); \
         return [rail.right, main.right, window.innerWidth];",
        json!([]),
    )?;
    let [rail, main, width] = [0, 1, 2].map(|i| sides[i].as_f64().unwrap_or(-1.0));
    assert!((rail - width).abs() < 2.0 && main < rail, "rail {rail}, page {main}, window {width}");
    // The catalogue's words come mirrored (right-to-left override), so any left out stand out.
    assert_eq!(words(&session, "[data-testid=rail-settings]")?, "\u{202e}Settings\u{202c}");
    session.screenshot("rtl-candidates")?;
    // A right-click opens a row's menu at the pointer, reaching out the way the page reads (left).
    let at = session.script(
        "const cell = document.querySelector('[data-testid=results] tbody tr[data-id] td.location');
         const r = cell.getBoundingClientRect();
         const at = { bubbles: true, cancelable: true, button: 2, buttons: 2, clientX: Math.round(r.right - 30), clientY: Math.round(r.top + r.height / 2) };
         cell.dispatchEvent(new PointerEvent('pointerdown', at));
         cell.dispatchEvent(new MouseEvent('contextmenu', at));
         return [at.clientX, at.clientY];",
        json!([]),
    )?;
    let menu = session.wait_for("the row's menu", |s| {
        let menu = s.script(
            "const list = document.querySelector('[data-testid=row-actions-list]');
             if (!list || list.style.visibility === 'hidden') return null;
             const r = list.getBoundingClientRect(); return [r.right, r.top];",
            json!([]),
        )?;
        Ok(Some(menu).filter(|m| !m.is_null()))
    })?;
    let off = |i: usize| (menu[i].as_f64().unwrap_or(f64::NAN) - at[i].as_f64().unwrap_or(f64::NAN)).abs();
    assert!(off(0) <= 6.0 && off(1) <= 6.0, "the menu's right edge at the pointer: {at} {menu}");
    session.screenshot("rtl-row-menu")?;
    session.press(keys::ESCAPE)?;

    session.click("[data-testid=rail-settings]")?;
    session.wait_for("the settings", |s| s.text("[data-testid=column-settings]"))?;
    session.screenshot("rtl-settings")?;

    open_event(&session, event.id)?;
    session.click("[data-testid=event-checkin]")?;
    session.wait_for("the door's counts", |s| s.text("[data-testid=door-counts]"))?;
    // The last check-ins stand on the left: the start of the line is on the right.
    let aside = session.script(
        "const a = document.querySelector('[data-testid=check-in-screen] aside').getBoundingClientRect(); \
         return a.left < window.innerWidth / 2;",
        json!([]),
    )?;
    assert_eq!(aside.as_bool(), Some(true), "the check-in list is not mirrored");
    session.screenshot("rtl-checkin")?;
    Ok(())
}

/// A profile in German and mirrored: its tabs, blocks and History through the catalogue, each
/// History sentence made in the window from the entry's detail; the pipelines and jobs pages too.
#[test]
fn a_profile_and_its_history_speak_german_and_mirror() -> Result<(), String> {
    let (demo, event, _) = fair()?;
    for (locale, shots) in [("de-DE", "german"), ("ar-XB", "rtl")] {
        let session = start(&demo, locale)?;
        open_event(&session, event.id)?;
        let member = "[data-testid=event-members] tbody tr:first-child .open";
        session.wait_for("the registered people", |s| s.text(member))?;
        session.click(member)?;
        let tabs = session.wait_for("the profile", |s| s.text("[data-testid=profile-tabs]"))?;
        session.screenshot(&format!("{shots}-profile"))?;
        session.click("[data-testid=profile-tabs] [data-tab=history]")?;
        let summaries = session.wait_for("the history", |s| {
            Ok(Some(s.texts("[data-testid=history-summary]")?).filter(|t| !t.is_empty()))
        })?;
        session.screenshot(&format!("{shots}-history"))?;
        if locale == "de-DE" {
            assert!(tabs.contains("Hintergrund") && tabs.contains("Verlauf"), "{tabs}");
            assert!(summaries.iter().any(|s| s == "Für Herbstmesse angemeldet"), "{summaries:?}");
        } else {
            // The catalogue's words mirrored, the event's name as typed; the entries on the right.
            let registered = "\u{202e}Registered for \u{202c}Herbstmesse";
            assert!(summaries.iter().any(|s| s == registered), "{summaries:?}");
            let right = session.script(
                "const e = document.querySelector('[data-testid=history] ol').getBoundingClientRect(); \
                 return e.left > window.innerWidth / 2;",
                json!([]),
            )?;
            assert_eq!(right.as_bool(), Some(true), "the history list is not mirrored");
        }
        for page in ["pipelines", "jobs"] {
            session.click(&format!("[data-testid=rail-{page}]"))?;
            session.wait_for(page, |s| s.text(&format!("[data-testid={page}-page] h1")))?;
            session.screenshot(&format!("{shots}-{page}"))?;
        }
    }
    Ok(())
}

/// An event's page, its edit form, the bulk bar and Manage Tags in German and mirrored: the
/// catalogue's words, counts the German way, the bar's actions from the end of the line.
#[test]
fn the_events_page_and_the_actions_speak_german_and_mirror() -> Result<(), String> {
    let (demo, event, _) = fair()?;
    for (locale, shots) in [("de-DE", "german"), ("ar-XB", "rtl")] {
        let session = start(&demo, locale)?;
        // Two candidates ticked: the bulk bar, then Manage Tags for them.
        session.click("[data-testid=results] tbody tr[data-id]:nth-of-type(1) [data-testid=select-row]")?;
        session.click("[data-testid=results] tbody tr[data-id]:nth-of-type(2) [data-testid=select-row]")?;
        let count = session.wait_for("the bulk bar", |s| s.text("[data-testid=bulk-count]"))?;
        // The count at the start of the line, the actions pushed to its end.
        let sides = session.script(
            "const at = (css) => document.querySelector(css).getBoundingClientRect().left; \
             return at('[data-testid=bulk-bar] .actions') < at('[data-testid=bulk-count]');",
            json!([]),
        )?;
        assert_eq!(sides, json!(locale == "ar-XB"), "the bulk bar's actions in {locale}");
        session.screenshot(&format!("{shots}-bulk-bar"))?;
        session.click("[data-testid=bulk-manage_tags]")?;
        let tags = session.wait_for("Manage Tags", |s| s.text("[data-testid=action-dialog]"))?;
        session.screenshot(&format!("{shots}-manage-tags"))?;
        session.press(keys::ESCAPE)?;

        open_event(&session, event.id)?;
        let tabs = session.wait_for("the list's counts", |s| has(s.text("[data-testid=event-filters]")?, "3"))?;
        let header = words(&session, "[data-testid=event-header]")?;
        session.screenshot(&format!("{shots}-event"))?;
        session.click("[data-testid=event-edit]")?;
        let form = session.wait_for("the edit form", |s| s.text("[data-testid=event-dialog]"))?;
        session.screenshot(&format!("{shots}-event-edit"))?;
        session.press(keys::ESCAPE)?;
        session.click("[data-testid=event-sections] [data-tab=summary]")?;
        let summary = session.wait_for("the summary", |s| s.text("[data-testid=event-summary]"))?;
        session.screenshot(&format!("{shots}-event-summary"))?;

        if locale == "de-DE" {
            assert_eq!(count.trim(), "2 ausgewählt");
            assert!(tags.contains("Tags verwalten") && tags.contains("Tags hinzufügen"), "{tags}");
            assert!(tabs.contains("Angemeldet (3)") && tabs.contains("Nicht erschienen"), "{tabs}");
            assert!(header.contains("Karrieremesse") && header.contains("Liste exportieren"), "{header}");
            assert!(form.contains("Event bearbeiten") && form.contains("Event archivieren"), "{form}");
            assert!(summary.contains("Teilgenommen") && summary.contains("Noch niemand wurde bewertet."), "{summary}");
        } else {
            assert_eq!(count.trim(), "2\u{202e} selected\u{202c}");
            assert!(form.contains("\u{202e}Edit event\u{202c}"), "{form}");
            assert!(tabs.contains("\u{202e}Registered\u{202c}"), "{tabs}");
        }
    }
    Ok(())
}
