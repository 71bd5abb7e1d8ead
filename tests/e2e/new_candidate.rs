//! A candidate added by hand in the real window: a bad email refused at its field with nothing
//! lost, the email of someone already here offering them (opened, and the form back as it was
//! left), a skill picked from the taxonomy by keys and one typed freely, a job and a tag from the
//! list added, a PDF resume, a cover letter and a password-protected resume chosen in the
//! system's Open dialog, and the new candidate's profile showing it all as Recruiter Generated:
//! the outcome naming the resume that could not be read, the files on its Documents tab with
//! their kinds, and the readable resume's words finding them.

use std::path::Path;

use serde_json::json;
use talentdesk_domain::candidate::ProfileType;
use talentdesk_domain::document::DocumentKind;
use talentdesk_domain::search::SearchRequest;
use talentdesk_e2e::{DemoDb, Session, admin, err, keys};
use talentdesk_resume_corpus::{FileKind, corpus};
use talentdesk_store::search::PageRequest;

/// The value of the input matching `css`, once it is not empty.
fn value(session: &Session, css: &str) -> Result<Option<String>, String> {
    let v =
        session.script("const i = document.querySelector(arguments[0]); return i ? i.value : null", json!([css]))?;
    Ok(v.as_str().filter(|v| !v.is_empty()).map(str::to_owned))
}

/// Add files… on the form, answered in the system's Open dialog with `path`; the form then lists
/// `listed` files, the last of them `path` with `kind` guessed from its name.
fn add_file(session: &Session, path: &Path, listed: usize, kind: &str) -> Result<(), String> {
    // Scrolled to as a user would: at the foot of the form, the sticky Save bar would cover it.
    session
        .script("document.querySelector('[data-testid=new-files]').scrollIntoView({ block: 'center' })", json!([]))?;
    session.click("[data-testid=new-files]")?;
    talentdesk_e2e::file_dialog::answer("Files for the new candidate", path)?;
    let kinds = session.wait_for(&format!("{listed} files on the form"), |s| {
        let kinds = s.script(
            "return [...document.querySelectorAll('[data-testid=new-candidate-form] [data-testid=upload-kind]')].map(s => s.value)",
            json!([]),
        )?;
        Ok(kinds.as_array().filter(|k| k.len() == listed).cloned())
    })?;
    assert_eq!(kinds.last(), Some(&json!(kind)), "the kind guessed for {}", path.display());
    Ok(())
}

fn profile_name(session: &Session, name: &str) -> Result<(), String> {
    session.wait_for(name, |s| {
        Ok(s.text("[data-testid=profile-page] [data-testid=profile-name]")?.filter(|n| n == name).map(|_| ()))
    })
}

#[test]
fn a_candidate_added_by_hand_after_a_duplicate_was_offered() -> Result<(), String> {
    let demo = DemoDb::new(200, 41)?;
    let store = demo.open()?;
    let page = store.search(&SearchRequest::default(), &PageRequest { limit: 200, after: None }).map_err(err)?;
    let existing = page.rows.iter().find(|r| r.email.is_some()).ok_or("no candidate with an email")?;
    let (existing_name, email) = (existing.name.clone(), existing.email.clone().unwrap_or_default());
    drop(store);

    // Their resume, a real PDF (whose text names someone else: typed by hand, the form is not
    // filled from it), a cover letter, and a resume locked with a password (attached, but its
    // text cannot be read).
    let sample = corpus(2, 99)?.into_iter().find(|s| s.kind == FileKind::Pdf).ok_or("no PDF in the corpus")?;
    let resume_name = sample.truth.name.clone().ok_or("the resume names nobody")?;
    let files = tempfile::tempdir().map_err(err)?;
    let resume = files.path().join("Ada Nova resume.pdf");
    std::fs::write(&resume, &sample.file).map_err(err)?;
    let letter = files.path().join("Cover letter.pdf");
    std::fs::write(&letter, b"%PDF-1.4 a cover letter").map_err(err)?;
    let locked = files.path().join("locked-cv.pdf");
    std::fs::write(&locked, b"%PDF-1.4\ntrailer << /Root 1 0 R /Encrypt 2 0 R >>\n%%EOF\n").map_err(err)?;

    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the results", |s| Ok(s.text("[data-testid=result-count]")?.filter(|t| !t.is_empty())))?;
    session.click("[data-testid=new-candidate-button]")?;
    session.wait_for("the form", |s| s.text("[data-testid=new-candidate-form]"))?;

    // A bad email is refused at its field, and what was typed stays.
    session.type_into("[data-testid=new-first_name]", "Ada")?;
    session.type_into("[data-testid=new-last_name]", "Nova")?;
    session.type_into("[data-testid=new-email]", "ada at nowhere")?;
    session.click("[data-testid=dialog-submit]")?;
    let refusal = session.wait_for("the refusal", |s| s.text("[data-testid=dialog-error]"))?;
    assert!(refusal.starts_with("Email is not an email address"), "{refusal}");
    assert_eq!(session.attribute("[data-testid=new-email]", "aria-invalid")?.as_deref(), Some("true"));
    assert_eq!(value(&session, "[data-testid=new-first_name]")?.as_deref(), Some("Ada"));
    session.screenshot("new-candidate-refused")?;

    // The email of someone already here offers them; opening them and coming back to New
    // candidate finds the form as it was left.
    session.type_into("[data-testid=new-email]", &email)?;
    let offered = session.wait_for("the duplicate", |s| s.text("[data-testid=duplicates]"))?;
    assert!(offered.contains(&existing_name), "{offered}");
    session.click("[data-testid=open-duplicate]")?;
    profile_name(&session, &existing_name)?;
    session.click("[data-testid=profile-back]")?;
    session.click("[data-testid=new-candidate-button]")?;
    let kept = session.wait_for("the form as it was", |s| value(s, "[data-testid=new-email]"))?;
    assert_eq!(kept, email);
    assert_eq!(value(&session, "[data-testid=new-last_name]")?.as_deref(), Some("Nova"));
    session.wait_for("the duplicate again", |s| s.text("[data-testid=duplicates]"))?;

    // Skills: one from the taxonomy's suggestions by keys, one typed that it does not have.
    session.type_into("[data-testid=new-skills-input]", "kube")?;
    let suggested = session.wait_for("suggestions", |s| s.text("[data-testid=new-skills-suggestions]"))?;
    assert!(suggested.contains("Kubernetes"), "{suggested}");
    session.press(keys::ARROW_DOWN)?;
    session.press(keys::ENTER)?;
    session.type_into("[data-testid=new-skills-input]", "Glassblowing")?;
    session.press(keys::ENTER)?;
    let chips = session.wait_for("two skills", |s| {
        let chips = s.texts("[data-testid=new-skills-chip]")?;
        Ok((chips.len() == 2).then_some(chips))
    })?;
    assert_eq!(chips, ["Kubernetes", "Glassblowing"]);

    // A job and a tag from the list (typed in part: the list's name is taken), then save: the
    // new candidate's profile opens.
    session.click("[data-testid=new-add-job]")?;
    session.type_into("[data-testid=new-job-title]", "Chief Glassblower")?;
    session.type_into("[data-testid=new-job-employer]", "Vidraria Nova")?;
    session.type_into("[data-testid=new-tags-input]", "referr")?;
    let offered = session.wait_for("the tag offered", |s| {
        Ok(s.text("[data-testid=new-tags-suggestions]")?.filter(|t| t.contains("Referral")))
    })?;
    assert!(offered.contains("Referral"));
    session.press(keys::ENTER)?;
    session.wait_for("the tag", |s| Ok((s.texts("[data-testid=new-tags-chip]")? == ["Referral"]).then_some(())))?;

    // The files, each chosen in the system's Open dialog, kinds from their names.
    add_file(&session, &resume, 1, "resume")?;
    add_file(&session, &letter, 2, "cover_letter")?;
    add_file(&session, &locked, 3, "resume")?;
    session.screenshot("new-candidate")?;
    session.click("[data-testid=dialog-submit]")?;
    profile_name(&session, "Ada Nova")?;
    // Added, with the one thing to know: the locked resume's words are not searchable.
    let outcome = session.wait_for("the outcome", |s| s.text("[data-testid=run-outcome]"))?;
    assert!(outcome.starts_with("Added Ada Nova, but not all of it: locked-cv.pdf: attached, but"), "{outcome}");
    assert!(outcome.contains("protected with a password") && !outcome.contains("resume.pdf"), "{outcome}");
    session.wait_for("the tag on the profile", |s| {
        Ok(s.text("[data-testid=profile-header] [aria-label=Tags]")?.filter(|t| t.contains("Referral")))
    })?;
    let background = session.wait_for("the profile tab", |s| s.text("[data-testid=background-profile]"))?;
    for shown in ["Chief Glassblower", "Vidraria Nova", "Kubernetes", "Glassblowing"] {
        assert!(background.contains(shown), "{shown} in {background}");
    }
    session.click("[data-testid=background-tabs] [data-tab=additional]")?;
    session.wait_for("Recruiter Generated", |s| {
        Ok(s.text("[data-testid=background-additional]")?.filter(|t| t.contains("Recruiter Generated")))
    })?;

    // The files on their Documents tab, with the kinds they were given.
    session.click("[data-testid=profile-tabs] [data-tab=documents]")?;
    let mut rows = session.wait_for("three documents", |s| {
        let rows = s.script(
            "return [...document.querySelectorAll('[data-testid=documents] [data-testid=document-row]')]\
             .map(r => [...r.cells].slice(0, 2).map(c => c.innerText.trim()))",
            json!([]),
        )?;
        Ok(rows.as_array().filter(|r| r.len() == 3).cloned())
    })?;
    rows.sort_by_key(|r| r.to_string());
    assert_eq!(
        rows,
        [
            json!(["Ada Nova resume.pdf", "Resume"]),
            json!(["Cover letter.pdf", "Cover letter"]),
            json!(["locked-cv.pdf", "Resume"])
        ]
    );

    // The readable resume's words find them (the locked one after it took nothing away): the
    // name it gives is nowhere in what was typed.
    session.click("[data-testid=profile-back]")?;
    session.type_into("[data-testid=search-input]", &format!("\"{resume_name}\""))?;
    // (Waited for as the one result: before the search runs, the list of everyone has her too.)
    session.wait_for("Ada Nova found by the resume's words", |s| {
        let one = s.text("[data-testid=result-count]")?.is_some_and(|t| t.starts_with("1 result"));
        Ok((one && s.texts("[data-testid=results] td.name .open")? == ["Ada Nova"]).then_some(()))
    })?;
    drop(session);

    // Stored once, as typed: the duplicate did not stop the save.
    let store = demo.open()?;
    let by_email = SearchRequest { query: format!("\"{email}\""), ..Default::default() };
    let found = store.search(&by_email, &PageRequest::default()).map_err(err)?;
    assert_eq!(found.total, 2, "the one already here and Ada Nova");
    let ada = found.rows.iter().find(|r| r.name == "Ada Nova").ok_or("Ada Nova is not stored")?;
    let view = store.profile(&admin(&store)?, ada.id).map_err(err)?;
    assert_eq!(view.candidate.profile_type, ProfileType::RecruiterGenerated);
    assert_eq!(view.candidate.profile.skills, ["Kubernetes", "Glassblowing"]);
    assert_eq!(view.candidate.profile.employment[0].employer, "Vidraria Nova");
    assert_eq!(view.tags, ["Referral"]);
    let mut documents: Vec<_> = view.documents.iter().map(|d| (d.name.as_str(), d.kind)).collect();
    documents.sort_by_key(|(name, _)| *name);
    assert_eq!(
        documents,
        [
            ("Ada Nova resume.pdf", DocumentKind::Resume),
            ("Cover letter.pdf", DocumentKind::CoverLetter),
            ("locked-cv.pdf", DocumentKind::Resume)
        ]
    );
    assert!(view.has_resume, "a resume on file");
    let text = view.resume_text.clone().unwrap_or_default().to_lowercase();
    assert!(text.contains(&resume_name.to_lowercase()), "the resume's text is kept: {text}");
    let by_resume = SearchRequest { query: format!("\"{resume_name}\""), ..Default::default() };
    let found = store.search(&by_resume, &PageRequest::default()).map_err(err)?;
    assert!(found.rows.iter().any(|r| r.id == ada.id), "the resume's words find them");
    Ok(())
}
