//! The resume view in the real window: one resume at a time in the search's order, stepping
//! by keys and buttons, "go to candidate page", and back to where it was.

use talentdesk_domain::search::SearchRequest;
use talentdesk_e2e::{DemoDb, Session, admin, err, keys};
use talentdesk_store::search::PageRequest;

#[test]
fn resumes_one_at_a_time_in_search_order() -> Result<(), String> {
    let demo = DemoDb::new(120, 9)?;
    let store = demo.open()?;
    let admin = admin(&store)?;
    let page = store.search(&SearchRequest::default(), &PageRequest { limit: 5, after: None }).map_err(err)?;
    let resumes = page
        .rows
        .iter()
        .map(|r| Ok(store.profile(&admin, r.id).map_err(err)?.resume_text))
        .collect::<Result<Vec<_>, String>>()?;
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the results", |s| s.text("[data-testid=result-count]"))?;
    session.click("[data-testid=mode-resume]")?;

    let shows = |s: &Session, at: usize| -> Result<Option<()>, String> {
        let name = s.text("[data-testid=resume-name]")?;
        let text = s.text("[data-testid=resume-text]")?.unwrap_or_default();
        let expected_text =
            resumes[at].clone().unwrap_or_else(|| format!("No resume on file for {}.", page.rows[at].name));
        let position = s.text("[data-testid=resume-position]")?.unwrap_or_default();
        Ok((name.as_deref() == Some(page.rows[at].name.as_str())
            && text.trim() == expected_text.trim()
            && position.starts_with(&format!("{} of", at + 1)))
        .then_some(()))
    };
    session.wait_for("the first resume", |s| shows(s, 0))?;
    session.screenshot("resume-view")?;

    session.press(keys::ARROW_RIGHT)?;
    session.wait_for("the second resume (→)", |s| shows(s, 1))?;
    session.click("[data-testid=resume-next]")?;
    session.wait_for("the third resume (Next)", |s| shows(s, 2))?;
    session.press(keys::ARROW_LEFT)?;
    session.wait_for("the second resume again (←)", |s| shows(s, 1))?;

    session.click("[data-testid=resume-open]")?;
    let name =
        session.wait_for("the candidate page", |s| s.text("[data-testid=profile-page] [data-testid=profile-name]"))?;
    assert_eq!(name, page.rows[1].name);
    session.press(keys::ESCAPE)?;
    session.wait_for("the same resume after going back", |s| shows(s, 1))?;

    // Back in the table, the row stepped to is the selected one.
    session.click("[data-testid=mode-table]")?;
    let selected = session
        .wait_for("the selected row", |s| s.text("[data-testid=results] tr[aria-selected=true] td.name .open"))?;
    assert_eq!(selected, page.rows[1].name);

    // The resume icon beside a name opens that candidate's resume.
    let at = page.rows.iter().position(|r| r.has_resume).ok_or("no resume among the first rows")?;
    session.click(&format!("[data-testid=results] tr[data-id=\"{}\"] [data-testid=open-resume]", page.rows[at].id))?;
    session.wait_for("the resume from its icon", |s| shows(s, at))?;
    Ok(())
}
