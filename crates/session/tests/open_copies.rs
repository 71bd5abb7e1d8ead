//! Copies of documents opened in the system's viewer: private to this user, removed when their
//! document or candidate is gone, cleared at start-up and sign-out.

use talentdesk_domain::document::{Document, DocumentKind};
use talentdesk_domain::new_id;
use talentdesk_session::OpenCopies;
use uuid::Uuid;

fn document(candidate_id: Uuid, name: &str) -> Document {
    Document {
        id: new_id(),
        candidate_id,
        name: name.into(),
        kind: DocumentKind::Resume,
        sha256: "a".repeat(64),
        size: 3,
        uploaded_at: chrono::Utc::now(),
    }
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn copies_are_private_and_go_with_their_document_or_candidate() {
    let home = tempfile::tempdir().unwrap();
    let copies = OpenCopies::at(home.path().join("cache/open")).unwrap();
    let (ana, bo) = (new_id(), new_id());
    let (cv, letter, bos) = (document(ana, "cv.pdf"), document(ana, "letter.pdf"), document(bo, "cv.pdf"));
    let cv_copy = copies.write(&cv, b"ana").unwrap();
    let letter_copy = copies.write(&letter, b"ana's letter").unwrap();
    let bos_copy = copies.write(&bos, b"bo").unwrap();
    assert_eq!(cv_copy.file_name().unwrap(), "cv.pdf", "the viewer sees the document's name");
    assert_eq!(std::fs::read(&bos_copy).unwrap(), b"bo", "same names do not collide");
    assert!(cv_copy.starts_with(copies.dir()));
    #[cfg(unix)]
    {
        assert_eq!(mode(copies.dir()), 0o700, "nobody else may look in");
        assert_eq!(mode(&cv_copy), 0o600);
    }

    // A deleted document's copy goes; an erased candidate's copies all go.
    copies.keep_only(|id| id != letter.id).unwrap();
    assert!(cv_copy.exists() && !letter_copy.exists());
    copies.keep_only(|id| id == bos.id).unwrap();
    assert!(!cv_copy.exists() && bos_copy.exists());
    assert!(!copies.dir().join(ana.to_string()).exists(), "no folder named after the erased candidate stays");

    copies.clear().unwrap();
    assert!(!bos_copy.exists());
    assert_eq!(std::fs::read_dir(copies.dir()).unwrap().count(), 0);
}

#[test]
fn starting_clears_what_an_earlier_run_left_and_narrows_the_folder() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("open");
    let left = OpenCopies::at(dir.clone()).unwrap().write(&document(new_id(), "cv.pdf"), b"x").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let copies = OpenCopies::at(dir).unwrap();
    assert!(!left.exists(), "a copy from the last run is gone");
    #[cfg(unix)]
    assert_eq!(mode(copies.dir()), 0o700);
}
