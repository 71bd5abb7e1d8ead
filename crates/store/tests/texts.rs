//! Opted out of texts: a person who answered STOP (the server records it; a recruiter they told
//! may too) is kept in the store file, named in history, and left out of texts, with a count of
//! who was; a text to nobody but them is refused, saying so.

mod common;

use common::{Fixture, Person, fixture};
use talentdesk_domain::DomainError;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_store::{Store, StoreError};
use uuid::Uuid;

fn with_phone(f: &mut Fixture, first: &str, phone: &str) -> Uuid {
    let id = f.create(Person { first, ..Person::default() });
    let recruiter = f.recruiter.clone();
    let profile = f.store.profile(&recruiter, id).unwrap().candidate.profile;
    let change = talentdesk_domain::history::FieldChange {
        from: talentdesk_domain::candidate::FieldValue::Phone(profile.phone),
        to: talentdesk_domain::candidate::FieldValue::Phone(Some(phone.into())),
    };
    f.store.apply(&recruiter, Mutation::CandidateUpdate { candidate_id: id, changes: vec![change] }).unwrap();
    id
}

fn text(ids: &[Uuid]) -> Mutation {
    Mutation::TextSend {
        send_id: Uuid::now_v7(),
        selection: Selection::ids(ids.iter().copied()),
        body: "Hi {{first_name}}".into(),
    }
}

#[test]
fn texts_skip_whoever_opted_out_and_say_how_many() {
    let mut f = fixture();
    let ana = with_phone(&mut f, "Ana", "+351 912 345 678");
    let bo = with_phone(&mut f, "Bo", "+351 912 345 679");
    let recruiter = f.recruiter.clone();
    f.store.apply(&recruiter, Mutation::SetTextsOptedOut { candidate_id: ana, opted_out: true }).unwrap();

    // Kept in the file: a store opened again still knows.
    let path = f.dir.path().join("store.db");
    let admin = f.admin.clone();
    f.store = Store::open(&path).unwrap();
    let view = f.store.profile(&admin, ana).unwrap();
    assert!(view.candidate.texts_opted_out);
    assert_eq!(view.history.last().unwrap().summary.as_deref(), Some("Opted out of text messages"));

    let applied = f.store.apply(&recruiter, text(&[ana, bo])).unwrap();
    assert_eq!(applied.affected, 1, "Bo's text is queued; Ana's is not");
    assert!(f.store.profile(&admin, ana).unwrap().texts.is_empty());
    let bos = f.store.profile(&admin, bo).unwrap();
    assert_eq!(bos.texts[0].message.body, "Hi Bo");
    let ana_history = f.store.profile(&admin, ana).unwrap().history;
    assert!(!ana_history.iter().any(|h| h.summary.as_deref() == Some("Text message sent")), "{ana_history:?}");

    match f.store.apply(&recruiter, text(&[ana])) {
        Err(StoreError::Domain(DomainError::TextsOptedOut { count: 1 })) => {}
        other => panic!("a text to Ana alone is refused: {other:?}"),
    }

    f.admin_applies(Mutation::SetTextsOptedOut { candidate_id: ana, opted_out: false });
    assert_eq!(f.store.apply(&recruiter, text(&[ana, bo])).unwrap().affected, 2, "Ana opted back in");
}
