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
