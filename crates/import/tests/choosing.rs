//! A row's own choice in the preview: when the import skips duplicates, one of them can still
//! be merged into the candidate it is.

mod common;

use common::{Encoding, existing, fixture, write_csv};
use talentdesk_domain::dedupe::DedupeKind;
use talentdesk_import::plan::{self, Action, Duplicate, OnDuplicate, Options, RowChoice};
use talentdesk_import::write;
use talentdesk_import::{mapping, read};

#[test]
fn a_row_skipped_as_a_duplicate_can_be_merged_into_whom_it_is() {
    let mut f = fixture();
    let admin = f.admin.clone();
    let here = existing(&mut f, "Ana", "Souza", Some("ana@example.com"), None);
    let path = f.path("fair.csv");
    let rows = [
        vec!["First Name", "Last Name", "Email", "Current Company"],
        vec!["Ana", "Souza", "ANA@example.com", "Acme"],
        vec!["Bo", "Li", "bo@example.com", "Initech"],
    ];
    write_csv(&path, &rows, b',', Encoding::Utf8);
    let table = read::open(&path, None).unwrap();
    let guess = mapping::guess(&table.headers, &f.store.custom_fields().unwrap());
    let options = Options { on_duplicate: OnDuplicate::Skip, ..Options::default() };
    let mut plan = plan::plan(&f.store, &admin, table, &guess, options).unwrap();
    let line = plan.rows[0].line;
    assert!(matches!(plan.rows[0].action, Action::SkipDuplicate { candidate_id, .. } if candidate_id == here));

    plan.choose(&f.store, line, RowChoice::Merge).unwrap();
    assert!(
        matches!(plan.rows[0].action, Action::Merge { candidate_id, changes_profile: true, .. } if candidate_id == here)
    );
    assert_eq!((plan.counts.create, plan.counts.merge, plan.counts.skip_duplicate), (1, 1, 0));
    let report = write::write(&plan, &Default::default(), |b| f.store.apply_all(&admin, b), |_| {});
    assert_eq!((report.created, report.merged), (1, 1));
    assert_eq!(f.store.stored_profile(here).unwrap().current_employer, "Acme", "the empty field filled");

    plan.choose(&f.store, line, RowChoice::AsPlanned).unwrap();
    assert!(matches!(plan.rows[0].action, Action::SkipDuplicate { .. }), "as chosen for all again");
}

#[test]
fn a_row_created_anyway_names_whom_it_is_and_can_be_merged_into_them() {
    let mut f = fixture();
    let admin = f.admin.clone();
    let here = existing(&mut f, "Ana", "Souza", Some("ana@example.com"), None);
    let path = f.path("fair.csv");
    write_csv(
        &path,
        &[vec!["First Name", "Last Name", "Email", "Current Company"], vec!["Ana", "Souza", "ana@example.com", "Acme"]],
        b',',
        Encoding::Utf8,
    );
    let table = read::open(&path, None).unwrap();
    let guess = mapping::guess(&table.headers, &f.store.custom_fields().unwrap());
    let options = Options { on_duplicate: OnDuplicate::CreateAnyway, ..Options::default() };
    let mut plan = plan::plan(&f.store, &admin, table, &guess, options).unwrap();
    let line = plan.rows[0].line;
    let Action::Create { candidate_id: created, duplicate_of: Some(duplicate) } = plan.rows[0].action else {
        panic!("created anyway, naming whom it is: {:?}", plan.rows[0].action)
    };
    assert_eq!(duplicate, Duplicate { candidate_id: here, evidence: DedupeKind::Email });

    plan.choose(&f.store, line, RowChoice::Merge).unwrap();
    assert!(matches!(plan.rows[0].action, Action::Merge { candidate_id, .. } if candidate_id == here));
    plan.choose(&f.store, line, RowChoice::CreateAnyway).unwrap();
    assert!(
        matches!(plan.rows[0].action, Action::Create { candidate_id, .. } if candidate_id == created),
        "its id kept"
    );
}
