//! A candidate's resume text (searchable, shown in the resume view) and the duplicate check a
//! new candidate from a resume runs first.

mod common;

use common::{Person, fixture, profile};
use talentdesk_domain::candidate::{Link, LinkKind};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::SearchRequest;
use talentdesk_store::search::PageRequest;

fn found(f: &common::Fixture, query: &str) -> u64 {
    f.store.search(&SearchRequest { query: query.into(), ..Default::default() }, &PageRequest::default()).unwrap().total
}

#[test]
fn resume_text_is_searchable_until_cleared() {
    let mut f = fixture();
    let id = f.create(Person { first: "Ana", last: "Souza", ..Default::default() });
    assert_eq!(found(&f, "cardiothoracic"), 0);
    f.store.set_resume_text(id, Some("Ten years in cardiothoracic surgery wards")).unwrap();
    assert_eq!(found(&f, "cardiothoracic"), 1);
    let view = f.store.profile(&f.admin, id).unwrap();
    assert!(view.has_resume && view.resume_text.as_deref().unwrap().contains("surgery"));
    f.store.set_resume_text(id, None).unwrap();
    assert_eq!(found(&f, "cardiothoracic"), 0);
    assert!(!f.store.profile(&f.admin, id).unwrap().has_resume);
}

#[test]
fn duplicates_by_email_or_by_name_with_phone_link_or_employer() {
    let mut f = fixture();
    let ana = f.create(Person {
        first: "Ana",
        last: "Souza",
        email: Some("ana.souza@example.com"),
        employer: "Acme",
        ..Default::default()
    });
    let other_ana = f.create(Person { first: "Ana", last: "Souza", employer: "Globex", ..Default::default() });
    let mut with_link = profile(&Person { first: "Bo", last: "Lind", ..Default::default() });
    with_link.links = vec![Link { kind: LinkKind::LinkedIn, url: "https://www.linkedin.com/in/bolind/".into() }];
    let bo = talentdesk_domain::new_id();
    let recruiter = f.recruiter.clone();
    f.store
        .apply(
            &recruiter,
            Mutation::CandidateCreate {
                candidate_id: bo,
                profile: with_link,
                profile_type: talentdesk_domain::candidate::ProfileType::RecruiterGenerated,
            },
        )
        .unwrap();
    let ids = |p: &talentdesk_domain::candidate::Profile| -> Vec<uuid::Uuid> {
        f.store.possible_duplicates(p).unwrap().into_iter().map(|r| r.id).collect()
    };

    let by_email =
        profile(&Person { first: "A.", last: "S.", email: Some("ANA.SOUZA@example.com"), ..Default::default() });
    assert_eq!(ids(&by_email), [ana]);
    let same_employer = profile(&Person { first: "ana", last: "souza", employer: "acme", ..Default::default() });
    assert_eq!(ids(&same_employer), [ana]);
    let name_only = profile(&Person { first: "Ana", last: "Souza", employer: "Initech", ..Default::default() });
    assert!(ids(&name_only).is_empty(), "a name alone is not enough");
    let mut link_only = profile(&Person { first: "Bo", last: "Lind", ..Default::default() });
    link_only.links = vec![Link { kind: LinkKind::LinkedIn, url: "linkedin.com/in/BoLind".into() }];
    assert_eq!(ids(&link_only), [bo]);
    assert!(!ids(&same_employer).contains(&other_ana));
}

#[test]
fn download_resumes_zips_the_newest_resume_of_each_and_lists_the_rest() {
    use std::io::Read;
    use talentdesk_domain::document::{Document, DocumentKind};
    use talentdesk_domain::search::Selection;

    let mut f = fixture();
    let ana = f.create(Person { first: "Ana", last: "Souza", ..Default::default() });
    let bo = f.create(Person { first: "Bo", last: "Lind", ..Default::default() });
    let sha256 = f.store.put_blob(b"%PDF-1.4 Ana's resume").unwrap();
    let document = Document {
        id: talentdesk_domain::new_id(),
        candidate_id: ana,
        name: "cv.pdf".into(),
        kind: DocumentKind::Resume,
        sha256,
        size: 21,
        uploaded_at: chrono::Utc::now(),
    };
    f.admin_applies(Mutation::DocumentAttach { document });
    let path = f.dir.path().join("resumes.zip");
    let recruiter = f.recruiter.clone();
    let done = f.store.download_resumes(&recruiter, &Selection::ids([ana, bo]), &path).unwrap();
    assert_eq!((done.written, done.missing.as_slice()), (1, ["Bo Lind".to_owned()].as_slice()));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut bytes = Vec::new();
    zip.by_name("Ana Souza - cv.pdf").unwrap().read_to_end(&mut bytes).unwrap();
    assert_eq!(bytes, b"%PDF-1.4 Ana's resume");

    let many: Vec<_> = (0..51).map(|_| f.create(Person::default())).collect();
    let over = f.store.download_resumes(&recruiter, &Selection::ids(many), &f.dir.path().join("no.zip"));
    assert!(over.unwrap_err().to_string().contains("at most 50"));
    assert!(!f.dir.path().join("no.zip").exists(), "nothing written");
}
