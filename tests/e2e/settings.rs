//! Column configuration in the real window: an admin reorders and hides columns, the results
//! table follows and the store keeps it; a recruiter sees the same columns and cannot edit.

use talentdesk_domain::settings::Column;
use talentdesk_e2e::{DemoDb, Session, err};

fn headings(session: &Session) -> Result<Vec<String>, String> {
    let value = session.script(
        "return [...document.querySelectorAll('[data-testid=results] thead th')].map(th => th.innerText);",
        serde_json::json!([]),
    )?;
    Ok(value.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()).unwrap_or_default())
}

#[test]
fn an_admin_reorders_and_hides_columns_for_everyone() -> Result<(), String> {
    let db = DemoDb::new(50, 3)?;
    let demo = &db.summary;
    let db_arg = db.arg()?;

    {
        let session = Session::start(&["--db", db_arg, "--as", &demo.admin_email])?;
        session.wait_for("the table", |s| Ok(headings(s)?.first().cloned()))?;
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
