//! A dialog over a dialog in the real window: an admin edits an event, changes its name and
//! presses Esc; "Discard your changes?" opens over the form. Only the question takes the focus
//! (Tab and Shift+Tab go round its two buttons, the form underneath cannot be focused), each
//! dialog is named by its own title, Esc closes only the question and puts the focus back in
//! the name field with the typed name kept, and Discard then closes the form and hands the
//! focus back to the Edit button that opened it. A form without changes closes on Esc at once.

use serde_json::json;
use talentdesk_e2e::{DemoDb, Session, err, keys, open_event};

const FORM: &str = "[data-testid=event-dialog]";
const QUESTION: &str = "[data-testid=discard-changes]";
const OPENER: &str = "[data-testid=event-edit]";
const NAME_FIELD: &str = "[data-testid=event-field-name]";

/// The `data-testid` of the focused element, and whether it sits inside `css`.
fn focus_in(session: &Session, css: &str) -> Result<(String, bool), String> {
    let found = session.script(
        "const a = document.activeElement; \
         return [a?.dataset?.testid ?? a?.tagName ?? '', !!document.querySelector(arguments[0])?.contains(a)];",
        json!([css]),
    )?;
    Ok((found[0].as_str().unwrap_or_default().to_owned(), found[1].as_bool().unwrap_or(false)))
}

/// Waits until the focus is on the element with `testid`.
fn wait_focus(session: &Session, testid: &str) -> Result<(), String> {
    session.wait_for(&format!("the focus on {testid}"), |s| Ok(focus_in(s, "body")?.0.eq(testid).then_some(())))
}

/// Each open dialog's title as its aria-labelledby names it, and whether it is inert.
fn dialogs(session: &Session) -> Result<Vec<(String, String, bool)>, String> {
    let found = session.script(
        "return [...document.querySelectorAll('[role=dialog]')].map(d => { \
           const id = d.getAttribute('aria-labelledby'); \
           return [id, document.getElementById(id)?.innerText ?? '', d.inert]; });",
        json!([]),
    )?;
    Ok(found
        .as_array()
        .map(|all| {
            all.iter()
                .map(|d| {
                    (
                        d[0].as_str().unwrap_or_default().to_owned(),
                        d[1].as_str().unwrap_or_default().to_owned(),
                        d[2] == true,
                    )
                })
                .collect()
        })
        .unwrap_or_default())
}

/// Opens the event's edit form from its Edit button by the keyboard, so the button holds the
/// focus to be handed back.
fn edit_by_keyboard(session: &Session) -> Result<(), String> {
    session.script("document.querySelector(arguments[0]).focus()", json!([OPENER]))?;
    wait_focus(session, "event-edit")?;
    session.press(keys::ENTER)?;
    session.wait_for("the edit form", |s| s.text(FORM))?;
    wait_focus(session, "event-field-name")
}

fn gone(session: &Session, css: &str) -> Result<(), String> {
    session.wait_for(&format!("{css} closed"), |s| Ok(s.text(css)?.is_none().then_some(())))
}

#[test]
fn a_question_over_a_form_keeps_the_focus_and_escape_closes_only_it() -> Result<(), String> {
    let demo = DemoDb::new(300, 23)?;
    let event = demo.open()?.events().map_err(err)?.into_iter().find(|s| !s.event.archived).ok_or("no event")?.event;
    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the candidates page", |s| s.text("[data-testid=result-count]"))?;
    open_event(&session, event.id)?;

    // Nothing changed: Esc closes the form at once and the focus is back on Edit.
    edit_by_keyboard(&session)?;
    session.press(keys::ESCAPE)?;
    gone(&session, FORM)?;
    wait_focus(&session, "event-edit")?;

    // A changed name: Esc asks over the form.
    edit_by_keyboard(&session)?;
    let typed = format!("{} (moved)", event.name);
    session.type_into(NAME_FIELD, &typed)?;
    session.press(keys::ESCAPE)?;
    session.wait_for("the question", |s| s.text(QUESTION))?;
    wait_focus(&session, "discard-keep")?;
    session.screenshot("dialogs-stacked")?;

    // Two dialogs, each named by its own title; the form underneath is out of reach.
    let open = dialogs(&session)?;
    assert_eq!(open.len(), 2, "{open:?}");
    let (form, question) = (&open[0], &open[1]);
    assert_ne!(form.0, question.0, "each dialog has its own title id");
    assert_eq!((form.1.as_str(), form.2), ("Edit event", true), "{open:?}");
    assert_eq!((question.1.as_str(), question.2), ("Discard your changes?", false), "{open:?}");
    session.script("document.querySelector(arguments[0]).focus()", json!([NAME_FIELD]))?;
    assert_eq!(focus_in(&session, QUESTION)?, ("discard-keep".to_owned(), true), "the form's field took the focus");

    // Tab and Shift+Tab go round the question's two buttons and never leave it.
    let mut seen = Vec::new();
    for chord in [&[keys::TAB][..], &[keys::TAB], &[keys::SHIFT, keys::TAB], &[keys::SHIFT, keys::TAB]] {
        session.chord(chord)?;
        let (testid, inside) = focus_in(&session, QUESTION)?;
        assert!(inside, "the focus left the question for {testid}");
        seen.push(testid);
    }
    assert_eq!(seen, ["discard-go", "discard-keep", "discard-go", "discard-keep"]);

    // Esc closes only the question: the form is back in reach, the focus in its name field,
    // the typed name kept.
    session.press(keys::ESCAPE)?;
    gone(&session, QUESTION)?;
    wait_focus(&session, "event-field-name")?;
    let open = dialogs(&session)?;
    assert_eq!(open.len(), 1, "{open:?}");
    assert_eq!((open[0].1.as_str(), open[0].2), ("Edit event", false), "{open:?}");
    let value = session.script("return document.querySelector(arguments[0]).value", json!([NAME_FIELD]))?;
    assert_eq!(value, json!(typed));

    // Asked again, Discard closes both; the focus goes back to Edit, and nothing was saved.
    session.press(keys::ESCAPE)?;
    session.wait_for("the question again", |s| s.text(QUESTION))?;
    session.click(&format!("{QUESTION} [data-testid=discard-go]"))?;
    gone(&session, FORM)?;
    assert!(dialogs(&session)?.is_empty(), "no dialog left");
    wait_focus(&session, "event-edit")?;
    let stored = demo.open()?.events().map_err(err)?.into_iter().find(|s| s.event.id == event.id).ok_or("gone")?;
    assert_eq!(stored.event.name, event.name, "a discarded change is not saved");
    Ok(())
}
