//! The whole-database duplicate finder: which candidates it groups, with what evidence, in
//! what order.

mod common;

use common::fixture;
use talentdesk_domain::candidate::{Link, LinkKind, ProfileType};
use talentdesk_domain::dedupe::DedupeKind;
use talentdesk_domain::mutation::Mutation;
use talentdesk_store::duplicates::CROWDED;
use uuid::Uuid;

struct Who<'a> {
    first: &'a str,
    last: &'a str,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    employer: &'a str,
    linkedin: Option<&'a str>,
}

const NOBODY: Who = Who { first: "", last: "", email: None, phone: None, employer: "", linkedin: None };

fn add(f: &mut common::Fixture, who: Who) -> Uuid {
    let id = talentdesk_domain::new_id();
    let mut profile = common::profile(&common::Person {
        first: who.first,
        last: who.last,
        employer: who.employer,
        ..Default::default()
    });
    profile.email = who.email.map(str::to_owned);
    profile.phone = who.phone.map(str::to_owned);
    profile.links = who.linkedin.iter().map(|u| Link { kind: LinkKind::LinkedIn, url: (*u).to_owned() }).collect();
    f.admin_applies(Mutation::CandidateCreate {
        candidate_id: id,
        profile,
        profile_type: ProfileType::RecruiterGenerated,
    });
    id
}

fn sorted(mut ids: Vec<Uuid>) -> Vec<Uuid> {
    ids.sort();
    ids
}

/// Pairs stored in one database that must be grouped, and pairs that must not, with why.
#[test]
fn pairs_that_must_and_must_not_be_grouped() {
    let mut f = fixture();
    let person = |first, last| Who { first, last, ..NOBODY };
    let must = [
        (
            "email in mixed case",
            Who { email: Some("Zoe.Park@Example.com"), ..person("Zoe", "Park") },
            Who { email: Some("zoe.park@example.COM"), ..person("Zoë", "Parker") },
        ),
        (
            "IDN email, Unicode and punycode",
            Who { email: Some("lena@münchen.de"), ..person("Lena", "Berg") },
            Who { email: Some("LENA@xn--mnchen-3ya.de"), ..person("L.", "Berg") },
        ),
        (
            "LinkedIn URL variants",
            Who { linkedin: Some("https://www.linkedin.com/in/omar-haddad/"), ..person("Omar", "Haddad") },
            Who { linkedin: Some("http://de.linkedin.com/in/Omar-Haddad?trk=profile"), ..person("O.", "Haddad") },
        ),
        (
            "phone national with the default country, and international",
            Who { phone: Some("912 345 678"), ..person("Rui", "Costa") },
            Who { phone: Some("+351 912-345-678"), ..person("Rui M.", "Costa") },
        ),
        (
            "phone with 00 and with a (0) trunk prefix",
            Who { phone: Some("0044 20 7946 0958"), ..person("Amy", "Lowe") },
            Who { phone: Some("+44 (0)20 7946 0958"), ..person("Amelia", "Lowe") },
        ),
        (
            "same name and employer, case and spacing aside",
            Who { employer: "Globex  GmbH", ..person("Ines", "Moreau") },
            Who { employer: "globex gmbh", ..person(" INES", "moreau ") },
        ),
    ];
    let must_not = [
        (
            "same name, different employers",
            Who { employer: "Acme", ..person("Sam", "Lee") },
            Who { employer: "Initech", ..person("Sam", "Lee") },
        ),
        ("same name and nothing else", person("Kim", "Ng"), person("Kim", "Ng")),
        (
            "same national digits in different countries",
            Who { phone: Some("+44 913 345 678"), ..person("Tom", "Hart") },
            Who { phone: Some("+49 913 345 678"), ..person("Tim", "Hart") },
        ),
        (
            "a LinkedIn company page",
            Who { linkedin: Some("https://linkedin.com/company/acme"), ..person("Ada", "Roe") },
            Who { linkedin: Some("https://linkedin.com/company/acme"), ..person("Eve", "Doe") },
        ),
        (
            "different emails at one domain",
            Who { email: Some("max@example.org"), ..person("Max", "Weber") },
            Who { email: Some("maxw@example.org"), ..person("Max", "Weber") },
        ),
    ];
    let must: Vec<(&str, Uuid, Uuid)> =
        must.into_iter().map(|(why, a, b)| (why, add(&mut f, a), add(&mut f, b))).collect();
    let must_not: Vec<(&str, Uuid, Uuid)> =
        must_not.into_iter().map(|(why, a, b)| (why, add(&mut f, a), add(&mut f, b))).collect();

    let found = f.store.find_duplicates(Some("351")).unwrap();
    let groups: Vec<Vec<Uuid>> = found.groups.iter().map(|g| g.ids()).collect();
    for (why, a, b) in &must {
        assert!(groups.contains(&sorted(vec![*a, *b])), "must be grouped: {why}");
    }
    for (why, a, b) in &must_not {
        assert!(!groups.iter().any(|g| g.contains(a) || g.contains(b)), "must not be grouped: {why}");
    }
    assert_eq!(groups.len(), must.len(), "nothing else is grouped");
}

#[test]
fn groups_join_through_any_shared_key_and_come_strongest_first() {
    let mut f = fixture();
    // By name and employer only.
    let weak = [
        add(&mut f, Who { first: "Ana", last: "Souza", employer: "Acme", ..NOBODY }),
        add(&mut f, Who { first: "Ana", last: "Souza", employer: "ACME", ..NOBODY }),
    ];
    // Three people: a and b by email, b and c by phone: one group of three.
    let a = add(&mut f, Who { first: "Bo", last: "Yang", email: Some("bo@yang.example"), ..NOBODY });
    let b = add(
        &mut f,
        Who { first: "Bo", last: "Yang", email: Some("BO@yang.example"), phone: Some("+1 415 555 0132"), ..NOBODY },
    );
    let c = add(&mut f, Who { first: "Robert", last: "Yang", phone: Some("(415) 555-0132"), ..NOBODY });

    let found = f.store.find_duplicates(Some("1")).unwrap();
    assert_eq!(found.groups.len(), 2);
    let strong = &found.groups[0];
    assert_eq!(strong.ids(), sorted(vec![a, b, c]));
    assert_eq!(strong.strongest, DedupeKind::Email);
    let evidence: Vec<(DedupeKind, &str, Vec<Uuid>)> =
        strong.evidence.iter().map(|e| (e.kind, e.value.as_str(), sorted(e.members.clone()))).collect();
    assert_eq!(
        evidence,
        vec![
            (DedupeKind::Email, "bo@yang.example", sorted(vec![a, b])),
            (DedupeKind::Phone, "+14155550132", sorted(vec![b, c])),
        ]
    );
    assert_eq!(found.groups[1].ids(), sorted(weak.to_vec()));
    assert_eq!(found.groups[1].strongest, DedupeKind::NameEmployer);
}

#[test]
fn a_key_shared_by_a_crowd_is_no_evidence() {
    let mut f = fixture();
    for i in 0..=CROWDED {
        let first = format!("Caller{i}");
        add(&mut f, Who { first: &first, last: "Desk", phone: Some("+44 20 7946 0000"), ..NOBODY });
    }
    let found = f.store.find_duplicates(None).unwrap();
    assert!(found.groups.is_empty());
    assert_eq!(found.crowded_keys, 1);
}
