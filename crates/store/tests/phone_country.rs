//! The organisation's default phone country on a real store: an admin sets it (a recruiter may
//! not; a country whose numbers cannot be read is refused, naming the ones that can), it waits
//! in the outbox for the server like every setting, clearing it is a change too, and the
//! duplicate finder reads numbers written without a country code in it.

mod common;

use common::fixture;
use talentdesk_domain::DomainError;
use talentdesk_domain::candidate::ProfileType;
use talentdesk_domain::mutation::Mutation;
use talentdesk_store::StoreError;

fn set(country: Option<&str>) -> Mutation {
    Mutation::SetPhoneCountry { country: country.map(str::to_owned) }
}

#[test]
fn an_admin_sets_and_clears_the_phone_country_and_it_waits_for_the_server() {
    let mut f = fixture();
    assert_eq!(f.store.phone_country().unwrap(), None, "none until an admin sets one");

    let recruiter = f.recruiter.clone();
    let refused = f.store.apply(&recruiter, set(Some("DE")));
    assert!(matches!(refused, Err(StoreError::Domain(DomainError::AdminOnly { .. }))), "{refused:?}");

    let admin = f.admin.clone();
    match f.store.apply(&admin, set(Some("Deutschland"))) {
        Err(StoreError::Domain(DomainError::NotOneOf { field, value, allowed })) => {
            assert_eq!((field.as_str(), value.as_str()), ("phone_country", "DEUTSCHLAND"));
            assert!(allowed.iter().any(|c| c == "DE"), "{allowed:?}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(f.store.phone_country().unwrap(), None, "a refusal changes nothing");

    f.admin_applies(set(Some(" de ")));
    assert_eq!(f.store.phone_country().unwrap().as_deref(), Some("DE"), "as an ISO code in capitals");
    assert_eq!(f.store.phone_calling_code().unwrap(), Some("49"));
    let queued: Vec<String> = f.store.outbox().unwrap().iter().map(|e| e.mutation.name().to_owned()).collect();
    assert_eq!(queued, ["settings.set_phone_country"], "queued for the server once");

    f.admin_applies(set(None));
    assert_eq!(f.store.phone_country().unwrap(), None);
    assert_eq!(f.store.phone_calling_code().unwrap(), None);
}

#[test]
fn the_duplicate_finder_reads_national_numbers_in_the_organisations_country() {
    let mut f = fixture();
    for (first, phone) in [("Jonas", "030 1234567"), ("J.", "+49 30 1234567")] {
        let mut profile = common::profile(&common::Person { first, last: "Weber", ..Default::default() });
        profile.phone = Some(phone.into());
        let candidate_id = talentdesk_domain::new_id();
        f.admin_applies(Mutation::CandidateCreate {
            candidate_id,
            profile,
            profile_type: ProfileType::RecruiterGenerated,
        });
    }
    let found =
        |f: &common::Fixture| f.store.find_duplicates(f.store.phone_calling_code().unwrap()).unwrap().groups.len();
    assert_eq!(found(&f), 0, "without a country, 030… is not +49 30…");
    f.admin_applies(set(Some("DE")));
    assert_eq!(found(&f), 1, "read as German, it is the same number");
}
