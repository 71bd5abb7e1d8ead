//! Who a queue of resumes may already be: each resume's profile against the whole database by
//! the dedupe keys (email whatever its case, phone whatever its spacing, name with employer),
//! strongest evidence first, and against the queue's earlier resumes; a resume that gave no
//! profile, or matches nobody, is offered nobody.

mod common;

use common::fixture;
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::dedupe::DedupeKind;
use talentdesk_domain::mutation::Mutation;
use talentdesk_import::resumes::matches;

fn profile(first: &str, last: &str, email: Option<&str>, phone: Option<&str>, employer: &str) -> Profile {
    Profile {
        first_name: first.into(),
        last_name: last.into(),
        email: email.map(str::to_owned),
        phone: phone.map(str::to_owned),
        current_employer: employer.into(),
        ..Profile::default()
    }
}

#[test]
fn each_resume_is_offered_the_candidates_it_may_be_strongest_evidence_first() {
    let mut f = fixture();
    let mut create = |p: Profile| {
        let id = talentdesk_domain::new_id();
        let m =
            Mutation::CandidateCreate { candidate_id: id, profile: p, profile_type: ProfileType::RecruiterGenerated };
        f.store.apply(&f.recruiter.clone(), m).unwrap();
        id
    };
    let ana = create(profile("Ana", "Lind", Some("ana.lind@example.com"), Some("+44 20 7946 0001"), "Acme"));
    let ana_again = create(profile("Ana", "Lind", None, None, "Acme"));
    let ben = create(profile("Ben", "Okoro", None, Some("+44 20 7946 0002"), ""));
    create(profile("Cara", "Diaz", Some("cara@example.com"), None, "Initech"));

    let queue = [
        Some(profile("Ana", "Lind", Some("ANA.LIND@example.com"), None, "Acme")),
        Some(profile("Benjamin", "Okoro", None, Some("+44 (20) 7946-0002"), "")),
        None,
        Some(profile("Dev", "Patel", Some("dev@example.com"), None, "Acme")),
        Some(profile("Ana", "Lind", Some("ana.lind@example.com"), None, "")),
    ];
    let found = matches(&f.store, &queue, None).unwrap();

    let ids = |i: usize| found[i].stored.iter().map(|m| (m.candidate_id, m.evidence)).collect::<Vec<_>>();
    assert_eq!(ids(0), [(ana, DedupeKind::Email), (ana_again, DedupeKind::NameEmployer)]);
    assert_eq!(found[0].stored[0].name, "Ana Lind");
    assert_eq!(ids(1), [(ben, DedupeKind::Phone)], "the same number written another way");
    assert!(found[2].stored.is_empty() && found[2].earlier.is_none(), "a resume that gave nothing");
    assert!(found[3].stored.is_empty(), "a new person at a known employer is nobody's duplicate");
    assert_eq!(found[4].earlier, Some((0, DedupeKind::Email)), "the queue's first resume is the same person");
    assert_eq!(found[0].earlier, None);
}
