//! Copies of documents opened in the system's viewer: private to this user, removed when their
//! document or candidate is gone, cleared at start-up and sign-out.

use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::document::{Document, DocumentKind};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::Selection;
use talentdesk_domain::user::{Role, User};
use talentdesk_session::{OpenCopies, remove_old_copies};
use talentdesk_store::{NewDocument, Store};
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
    let copies = OpenCopies::at(home.path().join("cache/open"));
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
    let left = OpenCopies::at(dir.clone()).write(&document(new_id(), "cv.pdf"), b"x").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let copies = OpenCopies::at(dir);
    assert!(!left.exists(), "a copy from the last run is gone");
    #[cfg(unix)]
    assert_eq!(mode(copies.dir()), 0o700);
}

#[test]
fn deleting_a_candidate_takes_their_opened_copies_with_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("store.db")).unwrap();
    let admin = User {
        id: Uuid::from_u128(1),
        email: "ada@acme.test".into(),
        name: "Ada".into(),
        role: Role::RecruiterAdmin,
        ats_id: None,
    };
    store.put_user(&admin).unwrap();
    let mut attach_to_new = |first: &str, file: &str| {
        let id = new_id();
        let profile = Profile { first_name: first.into(), last_name: "Souza".into(), ..Profile::default() };
        let create =
            Mutation::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::RecruiterGenerated };
        let new =
            NewDocument { candidate_id: id, name: file.into(), kind: DocumentKind::Resume, bytes: first.as_bytes() };
        store.attach(&admin, Some(create), new).unwrap()
    };
    let (ana, bo) = (attach_to_new("Ana", "ana.pdf"), attach_to_new("Bo", "bo.pdf"));
    let copies = OpenCopies::at(dir.path().join("opened"));
    let (ana_copy, bo_copy) = (copies.write(&ana, b"Ana").unwrap(), copies.write(&bo, b"Bo").unwrap());

    copies.forget_gone(&store).unwrap();
    assert!(ana_copy.exists() && bo_copy.exists(), "nothing is gone yet");
    store.apply(&admin, Mutation::CandidateDelete { selection: Selection::ids([ana.candidate_id]) }).unwrap();
    copies.forget_gone(&store).unwrap();
    assert!(!ana_copy.exists(), "the erased candidate's copy is gone");
    assert!(bo_copy.exists(), "another candidate's stays");
}

#[test]
fn copies_earlier_versions_left_in_the_temporary_folder_go() {
    let temp = tempfile::tempdir().unwrap();
    let old = temp.path().join(format!("talentdesk-{}", new_id()));
    std::fs::create_dir(&old).unwrap();
    std::fs::write(old.join("cv.pdf"), b"Ana").unwrap();
    let unrelated = [temp.path().join("talentdesk-notes"), temp.path().join("other")];
    for dir in &unrelated {
        std::fs::create_dir(dir).unwrap();
    }
    remove_old_copies(temp.path());
    assert!(!old.exists(), "the world-readable copy is gone");
    assert!(unrelated.iter().all(|d| d.exists()), "nothing else is touched");
}
