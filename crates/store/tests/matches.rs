//! Talent Matches: the most similar candidates first, each with what they share.

mod common;

use common::{Person, fixture};
use talentdesk_domain::DomainError;
use talentdesk_domain::mutation::Mutation;
use talentdesk_store::StoreError;

#[test]
fn the_most_similar_come_first_with_their_shared_skills_and_titles() {
    let mut f = fixture();
    for n in 0..40 {
        // A crowd that shares little: only the common skill.
        let title = ["Nurse", "Welder", "Chef", "Pilot"][n % 4];
        f.create(Person { first: "Crowd", title, skills: &["Communication"], city: "Lyon", ..Default::default() });
    }
    let target = f.create(Person {
        first: "Target",
        title: "Data Engineer",
        skills: &["Python", "Apache Spark", "Communication"],
        city: "Berlin",
        ..Default::default()
    });
    let close = f.create(Person {
        first: "Close",
        title: "Data Engineer",
        skills: &["Python", "Apache Spark"],
        city: "Munich",
        ..Default::default()
    });
    let skills_only = f.create(Person {
        first: "Skills",
        title: "Chef",
        skills: &["apache spark"],
        city: "Lyon",
        ..Default::default()
    });
    let city_only = f.create(Person { first: "City", title: "Pilot", city: "Berlin", ..Default::default() });
    let inactive = f.create(Person {
        first: "Gone",
        title: "Data Engineer",
        skills: &["Python", "Apache Spark"],
        city: "Berlin",
        ..Default::default()
    });
    f.admin_applies(Mutation::SetActive { candidate_id: inactive, active: false });

    let matches = f.store.talent_matches(target).unwrap();
    let order: Vec<_> = matches.iter().map(|m| m.row.id).collect();
    assert_eq!(&order[..3], [close, skills_only, city_only], "{matches:#?}");
    assert!(!order.contains(&target), "not similar to themselves");
    assert!(!order.contains(&inactive), "deactivated candidates are not searchable, nor matched");
    assert!(matches.len() <= talentdesk_store::search::MATCHES);

    let best = &matches[0];
    assert_eq!(best.score, 1.0);
    assert_eq!(best.shared_skills, ["Python", "Apache Spark"]);
    assert_eq!(best.shared_titles, ["Data Engineer"]);
    assert_eq!(matches[1].shared_skills, ["Apache Spark"], "compared case aside");
    assert_eq!(matches[2].shared_other, ["Berlin"]);
    assert!(matches.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn an_unknown_candidate_is_named_as_such() {
    let f = fixture();
    let err = f.store.talent_matches(uuid::Uuid::now_v7()).unwrap_err();
    assert!(matches!(err, StoreError::Domain(DomainError::NotFound { .. })), "{err}");
}
