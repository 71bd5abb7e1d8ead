//! Many resumes at once in the real window: thirty resume files dropped on the search page
//! through the window system (two of people already here, one corrupt) are read with a
//! progress list, reviewed in one table — the two offered as duplicates, the corrupt one with
//! its reason — and filed: 27 new candidates with their resumes, two resumes attached to the
//! duplicates, and the corrupt file attached by hand to a candidate found by name, by keys.
//! Screenshots: docs/screenshots/resumes-many-*.png.

use std::path::{Path, PathBuf};

use serde_json::json;
use talentdesk_domain::candidate::ProfileType;
use talentdesk_domain::document::DocumentKind;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::SearchRequest;
use talentdesk_e2e::{DemoDb, Session, admin, err, workspace};
use talentdesk_resume_corpus::{FileKind, corpus};
use talentdesk_store::search::PageRequest;

fn shot(session: &Session, name: &str) -> Result<(), String> {
    let taken = session.screenshot(&format!("resumes-many-{name}"))?;
    std::fs::copy(&taken, workspace().join(format!("docs/screenshots/resumes-many-{name}.png"))).map_err(err)?;
    Ok(())
}

/// A PDF whose catalogue points at a page tree that is not there.
const CORRUPT_PDF: &[u8] = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>";

#[test]
fn thirty_resumes_dropped_at_once_are_read_reviewed_and_filed() -> Result<(), String> {
    let demo = DemoDb::new(100, 61)?;
    let mut store = demo.open()?;
    let admin_user = admin(&store)?;
    let samples = corpus(29, 4242)?;
    // Two of the resumes' people are here already, by the email their resume gives.
    let mut duplicates = Vec::new();
    for sample in &samples[..2] {
        let id = talentdesk_domain::new_id();
        let profile = sample.truth.to_profile();
        let create =
            Mutation::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::RecruiterGenerated };
        store.apply(&admin_user, create).map_err(err)?;
        duplicates.push(id);
    }
    // Whom the corrupt file goes to, found by name in the picker.
    let rows = store.search(&SearchRequest::default(), &PageRequest { limit: 10, after: None }).map_err(err)?.rows;
    let someone = rows.iter().find(|r| !duplicates.contains(&r.id)).ok_or("nobody else")?;
    let (by_hand, by_hand_name) = (someone.id, someone.name.clone());
    let before = store.search(&SearchRequest::default(), &PageRequest::default()).map_err(err)?.total;
    drop(store);

    let files = tempfile::tempdir().map_err(err)?;
    let mut paths: Vec<PathBuf> = samples
        .iter()
        .enumerate()
        .map(|(i, s)| files.path().join(format!("cv-{i:02}.{}", if s.kind == FileKind::Pdf { "pdf" } else { "docx" })))
        .collect();
    for (path, sample) in paths.iter().zip(&samples) {
        std::fs::write(path, &sample.file).map_err(err)?;
    }
    let corrupt = files.path().join("corrupt.pdf");
    std::fs::write(&corrupt, CORRUPT_PDF).map_err(err)?;
    paths.push(corrupt);

    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the results", |s| Ok(s.text("[data-testid=result-count]")?.filter(|t| !t.is_empty())))?;
    let dropped: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    talentdesk_e2e::xdnd::drop_files(&dropped, (400, 300))?;

    // The progress list, each file with its step, while the readers work.
    let seen = session.wait_for("the queue", |s| {
        let progress = s.texts("[data-testid=resumes-file]")?;
        if progress.len() == 30 {
            shot(s, "progress")?;
            return Ok(Some(true));
        }
        Ok(s.text("[data-testid=resumes-review]")?.map(|_| false))
    })?;
    assert!(seen, "the progress list showed the thirty files before the review");

    // The review: one row a resume, the two duplicates offered, the corrupt one with its reason.
    session.wait_for("the review", |s| s.text("[data-testid=resumes-review]"))?;
    let rows = session.texts("[data-testid=resumes-row]")?;
    assert_eq!(rows.len(), 30, "{rows:#?}");
    let choices = session
        .script("return [...document.querySelectorAll('[data-testid=resumes-choice]')].map(s => s.value)", json!([]))?;
    let choices: Vec<String> = serde_json::from_value(choices).map_err(err)?;
    let attach: Vec<String> = duplicates.iter().map(|id| format!("attach:{id}")).collect();
    assert_eq!(&choices[..2], attach.as_slice(), "each duplicate is offered first");
    assert_eq!(choices[2..].iter().filter(|c| *c == "create").count(), 27, "{choices:?}");
    let reason = session.text("[data-testid=resumes-row][data-step=failed] [data-testid=resumes-error]")?;
    assert_eq!(reason.as_deref().map(str::trim), Some("The file is damaged"));
    shot(&session, "review")?;

    // The corrupt file goes to a candidate found by name: typed, then Enter.
    let picker = "[data-testid=resumes-row][data-step=failed] [data-testid=resumes-pick]";
    session.type_into(picker, &by_hand_name)?;
    session.wait_for("the candidate found", |s| {
        Ok(s.texts("[data-testid=resumes-pick-option]")?.into_iter().find(|o| o.contains(&by_hand_name)))
    })?;
    session.press("\u{E007}")?;
    session.wait_for("the pick", |s| {
        Ok(s.text("[data-testid=resumes-row][data-step=failed]")?
            .filter(|t| t.contains(&format!("Attach to {by_hand_name}"))))
    })?;

    session.click("[data-testid=resumes-file-all]")?;
    let summary = session.wait_for("the filing", |s| s.text("[data-testid=resumes-summary]"))?;
    assert_eq!(summary, "27 candidates created, 3 resumes attached, 0 skipped.");
    shot(&session, "filed")?;
    drop(session);

    let store = demo.open()?;
    let after = store.search(&SearchRequest::default(), &PageRequest::default()).map_err(err)?.total;
    assert_eq!(after, before + 27, "27 new candidates");
    for id in duplicates {
        let view = store.profile(&admin_user, id).map_err(err)?;
        assert_eq!(view.documents.len(), 1, "the duplicate got the resume: {:?}", view.documents);
        assert_eq!(view.documents[0].kind, DocumentKind::Resume);
    }
    let view = store.profile(&admin_user, by_hand).map_err(err)?;
    assert!(view.documents.iter().any(|d| d.name == "corrupt.pdf"), "attached by hand: {:?}", view.documents);
    let created = store
        .search(
            &SearchRequest { query: samples[5].truth.email.clone().unwrap_or_default(), ..Default::default() },
            &PageRequest::default(),
        )
        .map_err(err)?;
    assert_eq!(created.total, 1, "a new candidate from the sixth resume");
    let view = store.profile(&admin_user, created.rows[0].id).map_err(err)?;
    assert!(view.has_resume && view.candidate.profile_type == ProfileType::RecruiterGenerated);
    Ok(())
}
