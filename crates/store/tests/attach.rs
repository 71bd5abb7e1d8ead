//! Attaching a file is one step: refused, it keeps no bytes beside the database, and a new
//! candidate made with their resume is not created without it.

mod common;

use common::{Person, fixture, profile};
use talentdesk_domain::candidate::ProfileType;
use talentdesk_domain::document::DocumentKind;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_store::{NewDocument, Store};
use uuid::Uuid;

fn kept_files(store: &Store) -> usize {
    std::fs::read_dir(store.blob_dir()).map(|d| d.count()).unwrap_or(0)
}

fn resume(candidate_id: Uuid, name: &str, bytes: &'static [u8]) -> NewDocument<'static> {
    NewDocument { candidate_id, name: name.into(), kind: DocumentKind::Resume, bytes }
}

#[test]
fn a_refused_attachment_keeps_no_bytes_and_leaves_others_bytes_alone() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let recruiter = f.recruiter.clone();

    let nobody = f.store.attach(&recruiter, None, resume(new_id(), "cv.pdf", b"%PDF nobody's")).unwrap_err();
    assert!(nobody.to_string().contains("not found") || nobody.to_string().contains("candidate"), "{nobody}");
    assert_eq!(kept_files(&f.store), 0, "the refused file's bytes are gone");

    let kept = f.store.attach(&recruiter, None, resume(ana, "cv.pdf", b"%PDF ana's")).unwrap();
    assert_eq!(kept_files(&f.store), 1);
    // The same bytes refused elsewhere: they belong to Ana's resume too, and stay.
    assert!(f.store.attach(&recruiter, None, resume(new_id(), "cv.pdf", b"%PDF ana's")).is_err());
    assert!(f.store.blob(&kept.sha256).is_some(), "another document's bytes are not deleted");
    assert_eq!(f.store.pending_count().unwrap(), 2, "the create and one attach, nothing refused");
}

#[test]
fn a_new_candidate_whose_resume_is_refused_is_not_created() {
    let mut f = fixture();
    let recruiter = f.recruiter.clone();
    let id = new_id();
    let create = || Mutation::CandidateCreate {
        candidate_id: id,
        profile: profile(&Person::default()),
        profile_type: ProfileType::RecruiterGenerated,
    };
    // A name that is no file name at all: the attachment is refused.
    let refused = f.store.attach(&recruiter, Some(create()), resume(id, "///", b"%PDF resume")).unwrap_err();
    assert!(refused.to_string().contains("file name"), "{refused}");
    assert_eq!(f.store.candidate_count().unwrap(), 0, "no candidate without their resume");
    assert_eq!(f.store.pending_count().unwrap(), 0, "nothing waits for the server");
    assert_eq!(kept_files(&f.store), 0);

    // Trying again with a good file makes exactly one candidate, with the resume.
    let document = f.store.attach(&recruiter, Some(create()), resume(id, "cv.pdf", b"%PDF resume")).unwrap();
    assert_eq!(f.store.candidate_count().unwrap(), 1);
    assert_eq!(f.store.pending_count().unwrap(), 2, "the create, then the attach");
    let admin = f.admin.clone();
    let view = f.store.profile(&admin, id).unwrap();
    assert_eq!(view.documents.iter().map(|d| d.id).collect::<Vec<_>>(), [document.id]);
}
