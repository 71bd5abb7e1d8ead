//! Documents and resumes in the real window: files dropped on a profile are attached with the
//! kind chosen for each (an oversized one refused, the others kept), a resume's text becomes
//! searchable, Parse Resume replaces the profile after asking; a resume dropped on the search
//! page becomes a new candidate, and a second drop of it offers to attach it to them instead.
//! Files are dropped for real, through the window system (see talentdesk_e2e::xdnd): a drop
//! that only the webview's script claims happened is refused.

use std::path::{Path, PathBuf};

use serde_json::json;
use talentdesk_domain::document::DocumentKind;
use talentdesk_domain::search::SearchRequest;
use talentdesk_e2e::{DemoDb, Session, admin, err};
use talentdesk_resume_corpus::{FileKind, corpus};
use talentdesk_store::search::PageRequest;

/// Drops files on the window through the window system, as a file manager does.
fn drop_files(paths: &[&Path]) -> Result<(), String> {
    talentdesk_e2e::xdnd::drop_files(paths, (400, 300))
}

/// What a script in the webview could do: claim a drop of files the user never gave.
fn pretend_drop(session: &Session, paths: &[&Path]) -> Result<(), String> {
    let paths: Vec<&str> = paths.iter().map(|p| p.to_str().ok_or("path")).collect::<Result<_, _>>()?;
    session.script(
        "window.__TAURI_INTERNALS__.invoke('plugin:event|emit', { event: 'tauri://drag-drop', payload: { paths: arguments[0], position: { x: 400, y: 300 } } });",
        json!([paths]),
    )?;
    Ok(())
}

/// The folder exports go to unless the user chooses a file in the Save dialog.
fn export_folder(session: &Session) -> Result<PathBuf, String> {
    let folder = session.script("return document.querySelector('[data-testid=export-folder]').value", json!([]))?;
    Ok(PathBuf::from(folder.as_str().filter(|f| !f.is_empty()).ok_or("no export folder shown")?))
}

/// The app on `demo`, showing the Documents tab of the candidate found by their email.
fn documents_tab_of(demo: &DemoDb, id: uuid::Uuid, email: &str) -> Result<Session, String> {
    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the results", |s| Ok(s.text("[data-testid=result-count]")?.filter(|t| !t.is_empty())))?;
    session.type_into("[data-testid=search-input]", &format!("\"{email}\""))?;
    let link = format!("[data-testid=results] tr[data-id=\"{id}\"] td.name .open");
    session.wait_for("the candidate", |s| {
        let one = s.text("[data-testid=result-count]")?.is_some_and(|t| t == "1 result");
        Ok(s.text(&link)?.filter(|_| one))
    })?;
    session.click(&link)?;
    session.wait_for("the profile", |s| s.text("[data-testid=profile-status]"))?;
    session.click("[data-testid=profile-tabs] [data-tab=documents]")?;
    session.wait_for("the documents tab", |s| s.text("[data-testid=documents]"))?;
    Ok(session)
}

fn outcome(session: &Session, starts: &str) -> Result<String, String> {
    session.wait_for(starts, |s| {
        Ok(s.text("[data-testid=run-outcome]")?.map(|t| t.trim().to_owned()).filter(|t| t.starts_with(starts)))
    })
}

#[test]
fn dropped_files_are_attached_and_a_resume_is_read_and_parsed() -> Result<(), String> {
    let demo = DemoDb::new(200, 31)?;
    let store = demo.open()?;
    let admin_user = admin(&store)?;
    let page = store.search(&SearchRequest::default(), &PageRequest { limit: 200, after: None }).map_err(err)?;
    let row = page.rows.iter().find(|r| r.email.is_some() && !r.has_resume).ok_or("no candidate without a resume")?;
    let (id, email) = (row.id, row.email.clone().unwrap_or_default());
    drop(store);

    // A real PDF resume (of another person), a note, and a file over the 25 MB limit.
    let sample = corpus(2, 99)?.into_iter().find(|s| s.kind == FileKind::Pdf).ok_or("no PDF in the corpus")?;
    let resume_name = sample.truth.name.clone().unwrap_or_default();
    let files = tempfile::tempdir().map_err(err)?;
    let resume = files.path().join("Resume 2026.pdf");
    std::fs::write(&resume, &sample.file).map_err(err)?;
    let note = files.path().join("reference.txt");
    std::fs::write(&note, "Reference from a former manager").map_err(err)?;
    let locked = files.path().join("locked-cv.pdf");
    std::fs::write(&locked, b"%PDF-1.4\ntrailer << /Root 1 0 R /Encrypt 2 0 R >>\n%%EOF\n").map_err(err)?;
    let big = files.path().join("portfolio.zip");
    std::fs::File::create(&big).and_then(|f| f.set_len(26 * 1024 * 1024)).map_err(err)?;
    // A teammate's script: attached, but never opened (run), only saved.
    let script = files.path().join("setup.sh");
    std::fs::write(&script, "#!/bin/sh\necho hello\n").map_err(err)?;
    let secret = files.path().join("secret.txt");
    std::fs::write(&secret, "nobody chose this file").map_err(err)?;

    let session = documents_tab_of(&demo, id, &email)?;

    // A drop the webview's script only claims: the file is not read.
    pretend_drop(&session, &[&secret])?;
    session.wait_for("the upload dialog", |s| s.text("[data-testid=upload-dialog]"))?;
    session.click("[data-testid=upload-save]")?;
    let refused = session
        .wait_for("the refusal", |s| s.text("[data-testid=upload-refused]").map(|t| t.filter(|t| !t.is_empty())))?;
    assert!(refused.contains("secret.txt") && refused.contains("was not chosen"), "{refused}");
    session.press(talentdesk_e2e::keys::ESCAPE)?;
    session
        .wait_for("the upload dialog closed", |s| Ok(s.text("[data-testid=upload-dialog]")?.is_none().then_some(())))?;

    drop_files(&[&resume, &note, &big, &locked, &script])?;
    session.wait_for("the upload dialog", |s| s.text("[data-testid=upload-dialog]"))?;
    let kinds = session
        .script("return [...document.querySelectorAll('[data-testid=upload-kind]')].map(s => s.value)", json!([]))?;
    assert_eq!(
        kinds,
        json!(["resume", "additional_document", "additional_document", "resume", "additional_document"]),
        "kinds guessed from the names"
    );
    session.screenshot("documents-upload")?;
    session.click("[data-testid=upload-save]")?;
    let refused = session
        .wait_for("the refusal", |s| s.text("[data-testid=upload-refused]").map(|t| t.filter(|t| !t.is_empty())))?;
    assert!(refused.contains("portfolio.zip") && refused.contains("the limit is 25 MB"), "{refused}");
    let noted = session.text("[data-testid=upload-noted]")?.unwrap_or_default();
    assert!(noted.contains("locked-cv.pdf") && noted.contains("protected with a password"), "{noted}");
    session.press(talentdesk_e2e::keys::ESCAPE)?;
    session.wait_for("four documents", |s| {
        let n = s.script("return document.querySelectorAll('[data-testid=document-row]').length", json!([]))?;
        Ok((n.as_u64() == Some(4)).then_some(()))
    })?;
    // Documents open in the system's viewer; the script may only be saved.
    let open_buttons = |name: &str| -> Result<serde_json::Value, String> {
        session.script(
            "const row = [...document.querySelectorAll('[data-testid=document-row]')].find(r => r.innerText.includes(arguments[0])); \
             return [row.querySelectorAll('[data-testid=document-open]').length, row.querySelectorAll('[data-testid=document-not-openable]').length]",
            json!([name]),
        )
    };
    session.wait_for("Open offered by kind", |_| {
        Ok((open_buttons("setup.sh")? == json!([0, 1]) && open_buttons("reference.txt")? == json!([1, 0]))
            .then_some(()))
    })?;
    session.screenshot("documents-list")?;

    // Parse Resume: what the resume says beside the profile, then the profile replaced.
    session.click("[data-testid=profile-page] [data-testid=profile-actions]")?;
    session.click("[data-testid=profile-page] [data-testid=profile-actions-list] [data-testid=action-parse_resume]")?;
    // The newest resume is the locked one: it says so, and the other is chosen.
    let locked =
        session.wait_for("the refusal", |s| s.text("[data-testid=parse-resume] [data-testid=dialog-error]"))?;
    assert!(locked.contains("protected with a password"), "{locked}");
    session.script(
        "const s = document.querySelector('[data-testid=parse-which]'); \
         s.value = [...s.options].find(o => o.text === 'Resume 2026.pdf').value; s.dispatchEvent(new Event('change'));",
        json!([]),
    )?;
    let parsed = session.wait_for("the parse", |s| s.text("[data-testid=parse-resume] [data-testid='parsed-Name']"))?;
    assert_eq!(parsed, resume_name);
    session.screenshot("documents-parse-resume")?;
    session.click("[data-testid=dialog-submit]")?;
    outcome(&session, &format!("{resume_name}'s profile now follows the resume"))?;
    session.wait_for("the new name", |s| {
        Ok(s.text("[data-testid=profile-page] [data-testid=profile-name]")?.filter(|n| *n == resume_name))
    })?;

    // The note and the script go.
    for (name, left) in [("reference.txt", 3), ("setup.sh", 2)] {
        session.script(
            "[...document.querySelectorAll('[data-testid=document-row]')].find(r => r.innerText.includes(arguments[0])).querySelector('[data-testid=document-delete]').click()",
            json!([name]),
        )?;
        session.click("[data-testid=document-delete-confirm]")?;
        session.wait_for(&format!("{left} documents"), |s| {
            let n = s.script("return document.querySelectorAll('[data-testid=document-row]').length", json!([]))?;
            Ok((n.as_u64() == Some(left)).then_some(()))
        })?;
    }

    // Download Resumes from the bulk bar: their resume in a zip.
    // (They are found by the resume's email now.)
    session.click("[data-testid=profile-back]")?;
    session
        .type_into("[data-testid=search-input]", &format!("\"{}\"", sample.truth.email.clone().unwrap_or_default()))?;
    session.wait_for("the row", |s| s.text(&format!("[data-testid=results] tr[data-id=\"{id}\"]")))?;
    session.click(&format!("[data-testid=results] tr[data-id=\"{id}\"] [data-testid=select-row]"))?;
    session.click("[data-testid=bulk-download_resumes]")?;
    session.wait_for("the download form", |s| s.text("[data-testid=download-resumes]"))?;
    // A name typed here is a new file in the exports folder (any other place is chosen in the
    // Save dialog).
    let zip_path = export_folder(&session)?.join(format!("resumes-{}.zip", uuid::Uuid::now_v7()));
    session.type_into("[data-testid=export-name]", zip_path.file_name().and_then(|n| n.to_str()).ok_or("name")?)?;
    session.click("[data-testid=dialog-submit]")?;
    outcome(&session, "Saved 1 resume")?;
    let zip = std::fs::File::open(&zip_path).map_err(err)?;
    assert_eq!(zip::ZipArchive::new(zip).map_err(err)?.len(), 1);
    drop(session);

    let store = demo.open()?;
    let view = store.profile(&admin_user, id).map_err(err)?;
    assert_eq!(view.documents.len(), 2);
    assert!(view.documents.iter().all(|d| d.kind == DocumentKind::Resume));
    assert!(view.has_resume, "the resume view has their resume");
    let text = view.resume_text.clone().unwrap_or_default().to_lowercase();
    assert!(text.contains(&resume_name.to_lowercase()), "the resume's text is kept: {text}");
    assert_eq!(format!("{} {}", view.candidate.profile.first_name, view.candidate.profile.last_name), resume_name);
    assert!(
        view.history
            .iter()
            .any(|h| h.changes.iter().any(|c| matches!(c.to, talentdesk_domain::candidate::FieldValue::FirstName(_))))
    );
    let employer = &sample.truth.employment[0].employer;
    let request = SearchRequest {
        query: format!("\"{employer}\" \"{}\"", view.candidate.profile.last_name),
        ..Default::default()
    };
    assert!(
        store.search(&request, &PageRequest::default()).map_err(err)?.rows.iter().any(|r| r.id == id),
        "the resume's words find them"
    );
    Ok(())
}

#[test]
fn a_resume_dropped_on_the_search_page_makes_a_new_candidate_once() -> Result<(), String> {
    let demo = DemoDb::new(100, 32)?;
    let sample = corpus(4, 123)?.into_iter().find(|s| s.kind == FileKind::Docx).ok_or("no DOCX in the corpus")?;
    let name = sample.truth.name.clone().unwrap_or_default();
    let files = tempfile::tempdir().map_err(err)?;
    let resume = files.path().join("cv.docx");
    std::fs::write(&resume, &sample.file).map_err(err)?;

    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the results", |s| Ok(s.text("[data-testid=result-count]")?.filter(|t| !t.is_empty())))?;
    drop_files(&[&resume])?;
    let first = session.wait_for("the parsed name", |s| {
        let v = s.script(
            "const i = document.querySelector('[data-testid=new-first_name]'); return i ? i.value : null",
            json!([]),
        )?;
        Ok(v.as_str().filter(|v| !v.is_empty()).map(str::to_owned))
    })?;
    assert!(name.starts_with(&first), "{first} of {name}");
    assert!(session.text("[data-testid=duplicates]")?.is_none(), "nobody like them yet");
    session.screenshot("documents-new-candidate")?;
    session.click("[data-testid=dialog-submit]")?;
    session.wait_for("their profile", |s| {
        Ok(s.text("[data-testid=profile-page] [data-testid=profile-name]")?.filter(|n| *n == name))
    })?;
    session.click("[data-testid=profile-back]")?;

    // The same resume again: they are offered as a duplicate, and it is attached to them.
    drop_files(&[&resume])?;
    let dupes = session.wait_for("the duplicate", |s| s.text("[data-testid=duplicates]"))?;
    assert!(dupes.contains(&name), "{dupes}");
    session.screenshot("documents-duplicate")?;
    session.click("[data-testid=attach-to-existing]")?;
    outcome(&session, "Attached the resume to")?;
    drop(session);

    let store = demo.open()?;
    let admin_user = admin(&store)?;
    let found = store
        .search(&SearchRequest { query: format!("\"{name}\""), ..Default::default() }, &PageRequest::default())
        .map_err(err)?;
    assert_eq!(found.total, 1, "one candidate, not two");
    let view = store.profile(&admin_user, found.rows[0].id).map_err(err)?;
    assert_eq!(view.candidate.profile_type, talentdesk_domain::candidate::ProfileType::RecruiterGenerated);
    assert_eq!(view.documents.len(), 2, "the resume twice: once on creation, once attached");
    assert_eq!(view.documents[0].sha256, view.documents[1].sha256, "the same bytes, stored once");
    Ok(())
}

#[test]
fn files_chosen_in_the_systems_dialogs_are_attached_and_saved() -> Result<(), String> {
    let demo = DemoDb::new(100, 33)?;
    let store = demo.open()?;
    let page = store.search(&SearchRequest::default(), &PageRequest { limit: 100, after: None }).map_err(err)?;
    let row = page.rows.iter().find(|r| r.email.is_some()).ok_or("no candidate with an email")?;
    let (id, email) = (row.id, row.email.clone().unwrap_or_default());
    drop(store);
    let files = tempfile::tempdir().map_err(err)?;
    let letter = files.path().join("Cover Letter.pdf");
    std::fs::write(&letter, b"%PDF-1.4 a cover letter").map_err(err)?;

    let session = documents_tab_of(&demo, id, &email)?;

    // Upload…: the Open dialog, answered with the letter.
    session.click("[data-testid=documents-upload]")?;
    talentdesk_e2e::file_dialog::answer("Documents for", &letter)?;
    session.wait_for("the upload dialog", |s| s.text("[data-testid=upload-dialog]"))?;
    let kinds = session
        .script("return [...document.querySelectorAll('[data-testid=upload-kind]')].map(s => s.value)", json!([]))?;
    assert_eq!(kinds, json!(["cover_letter"]));
    session.click("[data-testid=upload-save]")?;
    session.wait_for("the letter", |s| {
        Ok(s.text("[data-testid=document-row]")?.filter(|t| t.contains("Cover Letter.pdf")))
    })?;

    // Save a copy: the Save dialog, answered with a new file.
    let copy = files.path().join("saved copy.pdf");
    session.click("[aria-label='Save a copy of Cover Letter.pdf']")?;
    talentdesk_e2e::file_dialog::answer("Save Cover Letter.pdf", &copy)?;
    session
        .wait_for("the saved copy", |_| Ok(std::fs::read(&copy).ok().filter(|b| b == b"%PDF-1.4 a cover letter")))?;
    assert!(session.text("[data-testid=documents-error]")?.is_none());
    Ok(())
}
