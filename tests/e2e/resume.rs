//! The resume view in the real window: one resume at a time in the search's order, stepping
//! by keys and buttons, "go to candidate page", and back to where it was; a PDF resume drawn
//! as itself.

use serde_json::json;
use talentdesk_domain::document::{Document, DocumentKind};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::SearchRequest;
use talentdesk_e2e::{DemoDb, Session, admin, err, keys};
use talentdesk_resume_corpus::{FileKind, corpus};
use talentdesk_store::Store;
use talentdesk_store::search::PageRequest;
use uuid::Uuid;

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
        .wait_for("the selected row", |s| s.text("[data-testid=results] tr[aria-current=true] td.name .open"))?;
    assert_eq!(selected, page.rows[1].name);

    // The resume icon beside a name opens that candidate's resume.
    let at = page.rows.iter().position(|r| r.has_resume).ok_or("no resume among the first rows")?;
    session.click(&format!("[data-testid=results] tr[data-id=\"{}\"] [data-testid=open-resume]", page.rows[at].id))?;
    session.wait_for("the resume from its icon", |s| shows(s, at))?;
    Ok(())
}

/// Attaches `bytes` as the candidate's newest resume, with `text` as what was read from it.
fn attach_resume(store: &mut Store, id: Uuid, name: &str, bytes: &[u8], text: &str) -> Result<(), String> {
    let admin = admin(store)?;
    let sha256 = store.put_blob(bytes).map_err(err)?;
    let document = Document {
        id: Uuid::now_v7(),
        candidate_id: id,
        name: name.into(),
        kind: DocumentKind::Resume,
        sha256,
        size: bytes.len() as u64,
        uploaded_at: chrono::Utc::now(),
    };
    store.apply(&admin, Mutation::DocumentAttach { document }).map_err(err)?;
    store.set_resume_text(id, Some(text)).map_err(err)
}

/// How many pixels of the first PDF page are not white: the page was really drawn.
fn drawn_pixels(session: &Session) -> Result<Option<u64>, String> {
    let count = session.script(
        "const c = document.querySelector('[data-testid=resume-pdf-page]');
         if (!c || c.width === 0) return 0;
         const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
         let ink = 0;
         for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) ink++;
         return ink;",
        json!([]),
    )?;
    Ok(count.as_u64().filter(|n| *n > 500))
}

#[test]
fn a_pdf_resume_shows_as_itself_or_as_its_text_and_a_damaged_one_as_text() -> Result<(), String> {
    let demo = DemoDb::new(60, 17)?;
    let mut store = demo.open()?;
    // The corpus writes the resumes of the demo's own people (same seed): one of them gets
    // their own resume, as a PDF.
    let sample = corpus(2, 17)?.into_iter().find(|s| s.kind == FileKind::Pdf).ok_or("no PDF in the corpus")?;
    let email = sample.truth.email.clone().ok_or("the resume has no email")?;
    let by_email = SearchRequest { query: format!("\"{email}\""), ..Default::default() };
    let first = store.search(&by_email, &PageRequest { limit: 1, after: None }).map_err(err)?.rows;
    let first = first.into_iter().next().ok_or("the resume's person is not in the demo")?;
    let page = store.search(&SearchRequest::default(), &PageRequest { limit: 2, after: None }).map_err(err)?;
    let second = page.rows.into_iter().find(|r| r.id != first.id).ok_or("no second candidate")?;
    let first_text = format!("{} — resume text", first.name);
    attach_resume(&mut store, first.id, "CV.pdf", &sample.file, &first_text)?;
    // Named as a PDF and starting like one, but broken past its header.
    let second_text = format!("{} — the text read earlier", second.name);
    attach_resume(&mut store, second.id, "scan.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage", &second_text)?;
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the results", |s| s.text("[data-testid=result-count]"))?;
    // The second attach made the second candidate the most recently updated: look for the first.
    session.type_into("[data-testid=search-input]", &format!("\"{email}\""))?;
    session.wait_for("the candidate", |s| s.text(&format!("[data-testid=results] tr[data-id=\"{}\"]", first.id)))?;
    session.click(&format!("[data-testid=results] tr[data-id=\"{}\"] td.location", first.id))?;
    session.click("[data-testid=mode-resume]")?;
    session.wait_for("the candidate's resume", |s| {
        Ok(s.text("[data-testid=resume-name]")?.filter(|n| *n == first.name))
    })?;

    let ink = session.wait_for("the PDF drawn", drawn_pixels)?;
    assert!(ink > 500, "the page has {ink} drawn pixels");
    assert_eq!(session.text("[data-testid=resume-text]")?, None, "the text stays hidden behind the PDF");
    session.screenshot("resume-pdf")?;

    session.click("[data-testid=resume-as-text]")?;
    let text = session.wait_for("the text instead", |s| s.text("[data-testid=resume-text]"))?;
    assert_eq!(text.trim(), first_text);
    session.click("[data-testid=resume-as-pdf]")?;
    session.wait_for("the PDF again", drawn_pixels)?;

    // A broken PDF says so and shows the text that was read, with nothing to switch to.
    session.click("[data-testid=mode-table]")?;
    session.type_into("[data-testid=search-input]", &format!("\"{}\"", second.name))?;
    let row = format!("[data-testid=results] tr[data-id=\"{}\"]", second.id);
    session.wait_for("the second candidate", |s| s.text(&row))?;
    session.click(&format!("{row} td.location"))?;
    session.click("[data-testid=mode-resume]")?;
    let problem = session.wait_for("the PDF's problem", |s| s.text("[data-testid=resume-pdf-problem]"))?;
    assert!(problem.starts_with("The PDF could not be drawn"), "{problem}");
    let text = session.wait_for("the text read earlier", |s| s.text("[data-testid=resume-text]"))?;
    assert_eq!(text.trim(), second_text);
    assert_eq!(session.text("[data-testid=resume-as-pdf]")?, None);
    session.screenshot("resume-pdf-damaged")?;
    Ok(())
}
