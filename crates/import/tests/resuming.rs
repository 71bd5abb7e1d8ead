//! "Import the rest" after a cancel: the same plan goes on after the batches written, so the
//! rows created before are not created again and the choices made per row still hold.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};

use common::{Encoding, fixture, write_csv};
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::mutation::Mutation;
use talentdesk_import::plan::{self, Action, OnDuplicate, Options, RowChoice};
use talentdesk_import::write::{self, End};
use talentdesk_import::{mapping, read};

#[test]
fn the_rest_of_a_cancelled_import_makes_nobody_twice_and_keeps_the_choices() {
    let mut f = fixture();
    let admin = f.admin.clone();
    // Two people already here: the file's first row is one (created anyway, as chosen), its
    // second the other (skipped, as chosen).
    let existing = ["ana0@example.com", "ana1@example.com"].map(|email| {
        let id = talentdesk_domain::new_id();
        let profile = Profile {
            first_name: "Ana".into(),
            last_name: "Here".into(),
            email: Some(email.into()),
            ..Profile::default()
        };
        let create =
            Mutation::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::RecruiterGenerated };
        f.store.apply(&admin, create).unwrap();
        id
    });
    let path = f.path("many.csv");
    let mut rows = vec![vec!["First Name".to_owned(), "Last Name".into(), "Email".into(), "Current Company".into()]];
    rows.extend(
        (0..2_500).map(|i| vec!["Ana".into(), format!("Souza {i}"), format!("ana{i}@example.com"), "Acme".into()]),
    );
    let rows: Vec<Vec<&str>> = rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
    write_csv(&path, &rows, b',', Encoding::Utf8);
    let table = read::open(&path, None).unwrap();
    let guess = mapping::guess(&table.headers, &f.store.custom_fields().unwrap());
    let options = Options { on_duplicate: OnDuplicate::Merge, ..Options::default() };
    let mut plan = plan::plan(&f.store, &admin, table, &guess, options).unwrap();
    let (first, second) = (plan.rows[0].line, plan.rows[1].line);
    plan.choose(&f.store, first, RowChoice::CreateAnyway).unwrap();
    plan.choose(&f.store, second, RowChoice::Skip).unwrap();
    assert_eq!((plan.counts.create, plan.counts.merge, plan.counts.skip_duplicate), (2_499, 0, 1));

    let cancel = AtomicBool::new(false);
    let stopped =
        write::write(&plan, &cancel, |b| f.store.apply_all(&admin, b), |_| cancel.store(true, Ordering::Relaxed));
    assert_eq!((stopped.end.clone(), stopped.done, stopped.created), (End::Cancelled, 1_000, 1_000));
    assert_eq!(f.store.candidate_count().unwrap(), 2 + 1_000);

    let mut seen = Vec::new();
    let rest = write::resume(
        &plan,
        stopped,
        &AtomicBool::new(false),
        |b| f.store.apply_all(&admin, b),
        |p| seen.push((p.done, p.total)),
    );
    assert_eq!(rest.end, End::Finished);
    assert_eq!(seen, [(2_000, 2_499), (2_499, 2_499)], "the progress goes on from the batches written");
    assert_eq!((rest.created, rest.merged, rest.done), (2_499, 0, 2_499), "the report counts both writes");
    assert_eq!(f.store.candidate_count().unwrap(), 2 + 2_499, "nobody twice, the skipped row not written");
    let Action::Create { candidate_id, duplicate_of: Some(_) } = plan.rows[0].action else { panic!("created anyway") };
    assert_eq!(f.store.stored_profile(candidate_id).unwrap().last_name, "Souza 0");
    for id in existing {
        let kept = f.store.stored_profile(id).unwrap();
        assert_eq!((kept.last_name.as_str(), kept.current_employer.as_str()), ("Here", ""), "neither merged into");
    }
}
