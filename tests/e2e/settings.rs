//! Column configuration in the real window: an admin reorders and hides columns, the results
//! table follows and the store keeps it; a recruiter sees the same columns and cannot edit.

use talentdesk_domain::settings::Column;
use talentdesk_e2e::{DemoDb, Session, err};

fn headings(session: &Session) -> Result<Vec<String>, String> {
    let value = session.script(
        "return [...document.querySelectorAll('[data-testid=results] thead th:not(.pick):not(.menu)')].map(th => th.innerText);",
        serde_json::json!([]),
    )?;
    Ok(value.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()).unwrap_or_default())
}

/// Waits for the results table's labelled header. Until the column settings are read the header
/// is drawn without its labels (so the page does not jump), which is no table to read yet.
fn wait_for_table(session: &Session) -> Result<(), String> {
    session.wait_for("the table's headings", |s| Ok(headings(s)?.first().filter(|h| !h.is_empty()).map(|_| ())))
}

#[test]
fn an_admin_reorders_and_hides_columns_for_everyone() -> Result<(), String> {
    let db = DemoDb::new(50, 3)?;
    let demo = &db.summary;
    let db_arg = db.arg()?;

    {
        let session = Session::start(&["--db", db_arg, "--as", &demo.admin_email])?;
        wait_for_table(&session)?;
        assert_eq!(headings(&session)?[..3], ["Name", "Tags", "Location"]);

        session.click("[data-testid=rail-settings]")?;
        session.wait_for("the column settings", |s| s.text("[data-testid=column-settings]"))?;
        // Activity two places earlier, Tags hidden.
        session.click("[data-testid=column-up-activity]")?;
        session.click("[data-testid=column-up-activity]")?;
        session.click("[data-column=tags] input[type=checkbox]")?;
        session.click("[data-testid=columns-save]")?;
        session.wait_for("the saved message", |s| {
            Ok(s.text("[data-testid=column-settings] .status")?.filter(|t| t.starts_with("Saved")))
        })?;
        session.screenshot("settings-columns")?;

        session.click("[data-testid=rail-candidates]")?;
        let expected = ["Name", "Location", "Current Role", "Activity", "Highest Education", "Job Apps"];
        let shown = session.wait_for("the new columns", |s| Ok(Some(headings(s)?).filter(|h| h == &expected)))?;
        assert_eq!(shown, expected);
        session.screenshot("settings-columns-applied")?;
    }

    let store = db.open()?;
    let saved = store.column_config().map_err(err)?.columns;
    assert_eq!(
        saved,
        [
            Column::Name,
            Column::Location,
            Column::CurrentRole,
            Column::Activity,
            Column::HighestEducation,
            Column::JobApps
        ]
    );
    drop(store);

    let recruiter = demo.recruiter_emails.first().ok_or("no recruiter")?;
    let session = Session::start(&["--db", db_arg, "--as", recruiter])?;
    session.wait_for("the recruiter's table", |s| Ok(Some(headings(s)?).filter(|h| h.len() == 6)))?;
    session.click("[data-testid=rail-settings]")?;
    let text = session.wait_for("the column settings", |s| s.text("[data-testid=column-settings]"))?;
    assert!(text.contains("Only admins can change the columns"), "{text}");
    let disabled = session.script(
        "return [...document.querySelectorAll('[data-testid=column-settings] input')].every(i => i.disabled) \
         && !document.querySelector('[data-testid=columns-save]');",
        serde_json::json!([]),
    )?;
    assert_eq!(disabled.as_bool(), Some(true), "a recruiter cannot edit or save");
    Ok(())
}

#[test]
fn an_admin_keeps_the_tags_list_custom_fields_and_hired_actions() -> Result<(), String> {
    let db = DemoDb::new(40, 5)?;
    let demo = &db.summary;
    {
        let session = Session::start(&["--db", db.arg()?, "--as", &demo.admin_email])?;
        wait_for_table(&session)?;
        session.click("[data-testid=rail-settings]")?;
        session.wait_for("the tags", |s| s.text("[data-testid=tag-settings]"))?;

        session.type_into("[data-testid=tag-new]", "Night Shift")?;
        session.click("[data-testid=tag-add]")?;
        session.wait_for("the new tag", |s| {
            Ok(s.text("[data-testid=tag-settings] .chips")?.filter(|t| t.contains("Night Shift")))
        })?;
        // The same tag again, in other case, stays one tag.
        session.type_into("[data-testid=tag-new]", "night shift")?;
        session.click("[data-testid=tag-add]")?;
        session.wait_for("the field emptied", |s| {
            let value =
                s.script("return document.querySelector('[data-testid=tag-new]').value", serde_json::json!([]))?;
            Ok((value.as_str() == Some("")).then_some(()))
        })?;
        let count = session.script(
            "return [...document.querySelectorAll('[data-testid=tag-settings] .chips li')].filter(l => l.innerText.toLowerCase().includes('night shift')).length",
            serde_json::json!([]),
        )?;
        assert_eq!(count.as_u64(), Some(1));

        session.type_into("[data-testid=field-label]", "Visa status")?;
        session.click("[data-testid=field-add]")?;
        session.wait_for("the new field", |s| {
            Ok(s.text("[data-testid=custom-field-settings] table")?.filter(|t| t.contains("Visa status")))
        })?;
        // Its box takes a click once the organisation's choice is read.
        session.wait_for("the hired actions read", |s| {
            Ok(s.attribute("[data-testid=hired-unsubscribe]", "disabled")?.is_none().then_some(()))
        })?;
        session.click("[data-testid=hired-unsubscribe]")?;
        session.wait_for("saved", |s| {
            Ok(s.text("[data-testid=hired-settings] [role=status]")?.filter(|t| t.starts_with("Saved")))
        })?;
        session.screenshot("settings-organisation-admin")?;
    }

    let store = db.open()?;
    assert!(store.tags().map_err(err)?.iter().any(|t| t.name == "Night Shift" && t.listed));
    assert!(store.custom_fields().map_err(err)?.iter().any(|f| f.key == "visa_status" && f.label == "Visa status"));
    let hired = store.hired_actions().map_err(err)?;
    assert!(hired.unsubscribe && !hired.deactivate);
    drop(store);

    // A recruiter sees the same settings and has nothing to change them with.
    let recruiter = demo.recruiter_emails.first().ok_or("no recruiter")?;
    let session = Session::start(&["--db", db.arg()?, "--as", recruiter])?;
    wait_for_table(&session)?;
    session.click("[data-testid=rail-settings]")?;
    let tags = session
        .wait_for("the tags", |s| Ok(s.text("[data-testid=tag-settings]")?.filter(|t| t.contains("Night Shift"))))?;
    assert!(tags.contains("Only admins change the tags list"), "{tags}");
    let locked = session.script(
        "return !document.querySelector('[data-testid=tag-new]') && !document.querySelector('[data-testid=field-add]') \
         && document.querySelector('[data-testid=hired-unsubscribe]').disabled;",
        serde_json::json!([]),
    )?;
    assert_eq!(locked.as_bool(), Some(true));
    session.screenshot("settings-organisation-recruiter")?;
    Ok(())
}

/// The sign-up page's consent text, worded by an admin in Settings, kept as the organisation's
/// setting (the server's page shows it once it syncs).
#[test]
fn an_admin_words_the_sign_up_pages_consent() -> Result<(), String> {
    let db = DemoDb::new(20, 5)?;
    let db_arg = db.arg()?;
    let text = "Acme may keep my details for two years and contact me about roles. Privacy: acme.example/privacy";
    {
        let session = Session::start(&["--db", db_arg, "--as", &db.summary.admin_email])?;
        wait_for_table(&session)?;
        session.click("[data-testid=rail-settings]")?;
        session.wait_for("the sign-up page card", |s| s.text("[data-testid=signup-page-settings]"))?;
        session.type_into("[data-testid=consent-text]", text)?;
        session.click("[data-testid=consent-save]")?;
        session.wait_for("the saved message", |s| {
            Ok(s.text("[data-testid=signup-page-settings] [role=status]")?.filter(|t| t.starts_with("Saved")))
        })?;
        session.screenshot("settings-signup-consent")?;
    }
    assert_eq!(db.open()?.consent_text().map_err(err)?.as_deref(), Some(text));
    Ok(())
}
