//! Importing into a real store through the mutation path: validation reasons, deduplication
//! against the database and within the file, merge choices, the write in batches (cancel keeps
//! whole batches), the history entry naming the file, the error file, and re-importing the
//! same file creating nothing new.

mod common;

use std::sync::atomic::AtomicBool;

use common::{Encoding, Fixture, existing, fixture, write_csv};
use talentdesk_domain::DomainError;
use talentdesk_domain::activity::ActivityStatus;
use talentdesk_domain::candidate::ProfileType;
use talentdesk_domain::dedupe::DedupeKind;
use talentdesk_domain::history::HistoryDetail;
use talentdesk_domain::import::Differing;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_domain::user::User;
use talentdesk_import::mapping::{self, ColumnMapping, Mapping, Target};
use talentdesk_import::plan::{self, Action, OnDuplicate, Options, Plan, RowChoice};
use talentdesk_import::write::{self, End, Report};
use talentdesk_import::{ImportError, ImportProblem, RowProblem, read};
use talentdesk_store::AppError;

const HEADER: [&str; 8] =
    ["First Name", "Last Name", "Email", "Mobile", "Current Company", "Tags", "Created Date", "Notes"];

fn plan_file(f: &Fixture, name: &str, rows: &[Vec<&str>], actor: &User, options: Options) -> Result<Plan, ImportError> {
    let path = f.path(name);
    let mut all = vec![HEADER.to_vec()];
    all.extend(rows.iter().cloned());
    write_csv(&path, &all, b',', Encoding::Utf8);
    let table = read::open(&path, None)?;
    let mapping = mapping::guess(&table.headers, &f.store.custom_fields().unwrap());
    plan::plan(&f.store, actor, table, &mapping, options)
}

fn write_all(f: &mut Fixture, plan: &Plan, actor: &User) -> Report {
    let cancel = AtomicBool::new(false);
    write::write(plan, &cancel, |batch| f.store.apply_all(actor, batch), |_| {})
}

/// A rejected row's reasons, as the error file and the CLI word them.
fn reasons(plan: &Plan, line: u64) -> Vec<String> {
    problems(plan, line).iter().map(ToString::to_string).collect()
}

fn problems(plan: &Plan, line: u64) -> Vec<RowProblem> {
    match &plan.rows.iter().find(|r| r.line == line).unwrap().action {
        Action::Reject { reasons } => reasons.clone(),
        other => panic!("line {line} is {other:?}"),
    }
}

#[test]
fn rows_are_checked_with_the_domains_rules_and_messy_values_cleaned() {
    let f = fixture();
    let long = "x".repeat(101);
    let rows = vec![
        vec!["Ana", "Souza", " ana @ Example.com ", "N/A", "", "python", "2024-03-05", "=HYPERLINK(\"x\")"],
        vec!["Bo", "Li", "bo@@example", "", "", "", "", ""],
        vec!["", "Nameless", "n@example.com", "", "", "", "", ""],
        vec!["Cy", "Young", "", "", "", "", "next week", ""],
        vec![long.as_str(), "Long", "", "", "", "", "", ""],
        vec!["Di", "Short", "d@example.com"],
    ];
    let plan = plan_file(&f, "messy.csv", &rows, &f.admin, Options::default()).unwrap();
    let ana = plan.rows[0].row.as_ref().expect("row 2 is valid");
    assert_eq!(ana.profile.email.as_deref(), Some("ana@example.com"), "spaces taken out, domain lowercased");
    assert_eq!(ana.profile.phone, None, "N/A is empty");
    assert_eq!(ana.profile.custom_fields["created"], "2024-03-05");
    assert_eq!(ana.note.as_deref(), Some("Notes: =HYPERLINK(\"x\")"), "a formula-looking cell stays text");
    assert_eq!(reasons(&plan, 3), ["email: is not an email address (has more than one @)"]);
    assert_eq!(reasons(&plan, 4), ["first_name: is required"]);
    assert_eq!(reasons(&plan, 5), ["Created Date: is not a date"]);
    assert_eq!(reasons(&plan, 6), ["first_name: is 101 characters long; the limit is 100"]);
    assert_eq!(reasons(&plan, 7), ["has 3 cells; the header has 8"]);
    // The window gets each reason as its kind, to word in its own language.
    assert!(
        matches!(&problems(&plan, 3)[..], [RowProblem::Rule { rule: DomainError::NotAnEmail { field, .. } }] if field == "email")
    );
    assert_eq!(problems(&plan, 5), [RowProblem::NotADate { column: "Created Date".into() }]);
    assert_eq!(problems(&plan, 7), [RowProblem::CellCount { cells: 3, header: 8 }]);
    let sent = serde_json::to_value(&plan.rows[1].action).unwrap();
    assert_eq!(sent["reasons"][0]["kind"], "rule");
    assert_eq!(sent["reasons"][0]["rule"]["kind"], "not_an_email");
    assert_eq!(plan.counts.create, 1);
    assert_eq!(plan.counts.reject, 5);
}

/// A row with more cells than the header is rejected with the counts (its extra value would
/// have no column to go to), unless the extra cells are empty (a spreadsheet's trailing
/// commas); one with fewer cells too. The error file keeps every cell, an extra one under a
/// column named for it, the reason last.
#[test]
fn rows_with_more_or_fewer_cells_than_the_header_are_rejected_with_the_counts() {
    let f = fixture();
    let rows = vec![
        vec!["Ana", "Souza", "ana@example.com", "", "", "", "", "", "Lisbon"],
        vec!["Bo", "Li", "bo@example.com", "", "", "", "", "", "", ""],
        vec!["Cy", "Young", "cy@example.com", "", ""],
    ];
    let plan = plan_file(&f, "ragged.csv", &rows, &f.admin, Options::default()).unwrap();
    assert_eq!(reasons(&plan, 2), ["has 9 cells; the header has 8"]);
    assert!(matches!(plan.rows[1].action, Action::Create { .. }), "empty extra cells are no extra values");
    assert_eq!(reasons(&plan, 4), ["has 5 cells; the header has 8"]);
    let mut out = Vec::new();
    write::write_errors(&plan, &[], &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "First Name,Last Name,Email,Mobile,Current Company,Tags,Created Date,Notes,Column 9,Reason");
    assert_eq!(lines[1], "Ana,Souza,ana@example.com,,,,,,Lisbon,has 9 cells; the header has 8");
    assert_eq!(lines[2], "Cy,Young,cy@example.com,,,,,,,has 5 cells; the header has 8");
}

#[test]
fn duplicates_in_the_database_and_in_the_file_are_found() {
    let mut f = fixture();
    let by_email = existing(&mut f, "Ana", "Souza", Some("Ana.Souza@example.com"), None);
    let by_phone = existing(&mut f, "Bob", "Stone", None, Some("+351 912 345 678"));
    let rows = vec![
        vec!["Ana", "Souza", "ana.souza@EXAMPLE.com", "", "Acme", "", "", ""],
        vec!["Robert", "Stone", "", "912345678", "", "", "", ""],
        vec!["Cy", "Young", "cy@example.com", "", "", "", "", ""],
        vec!["Cyrus", "Young", "CY@example.com", "", "", "", "", ""],
    ];
    let options = Options { default_country: Some("PT".into()), ..Options::default() };
    let plan = plan_file(&f, "dupes.csv", &rows, &f.admin, options).unwrap();
    let actions: Vec<&Action> = plan.rows.iter().map(|r| &r.action).collect();
    assert!(
        matches!(actions[0], Action::Merge { candidate_id, evidence, .. } if *candidate_id == by_email && *evidence == DedupeKind::Email)
    );
    // Nothing of Robert's row is new to Bob (a differing first name is kept): nothing to write.
    assert!(
        matches!(actions[1], Action::Unchanged { candidate_id, evidence } if *candidate_id == by_phone && *evidence == DedupeKind::Phone)
    );
    assert!(matches!(actions[2], Action::Create { .. }));
    assert!(matches!(actions[3], Action::SkipInFile { line: 4, evidence } if *evidence == DedupeKind::Email));

    let skip = Options { on_duplicate: OnDuplicate::Skip, default_country: Some("PT".into()), ..Options::default() };
    let plan = plan_file(&f, "dupes.csv", &rows, &f.admin, skip).unwrap();
    assert_eq!((plan.counts.skip_duplicate, plan.counts.create, plan.counts.skip_in_file), (2, 1, 1));
    let anyway = Options { on_duplicate: OnDuplicate::CreateAnyway, ..Options::default() };
    let plan = plan_file(&f, "dupes.csv", &rows, &f.admin, anyway).unwrap();
    assert_eq!((plan.counts.create, plan.counts.skip_in_file), (3, 1), "the file's own duplicate is still one person");
}

/// In the preview, a duplicate row can be created anyway or skipped, and put back as planned;
/// the counts follow, and a row that is no one's duplicate cannot be chosen for.
#[test]
fn a_duplicate_rows_choice_is_overridden_row_by_row() {
    let mut f = fixture();
    existing(&mut f, "Ana", "Souza", Some("ana@example.com"), None);
    let rows = vec![
        vec!["Ana", "Souza", "ana@example.com", "", "Acme", "", "", ""],
        vec!["Bo", "Li", "bo@example.com", "", "", "", "", ""],
    ];
    let admin = f.admin.clone();
    let mut plan = plan_file(&f, "choose.csv", &rows, &admin, Options::default()).unwrap();
    let counts = |p: &Plan| (p.counts.create, p.counts.merge, p.counts.skip_duplicate);
    assert_eq!(counts(&plan), (1, 1, 0));
    plan.choose(&f.store, 2, RowChoice::Skip).unwrap();
    assert_eq!(counts(&plan), (1, 0, 1));
    plan.choose(&f.store, 2, RowChoice::CreateAnyway).unwrap();
    assert_eq!(counts(&plan), (2, 0, 0), "a skipped row's planned merge is remembered");
    plan.choose(&f.store, 2, RowChoice::AsPlanned).unwrap();
    assert!(matches!(plan.rows[0].action, Action::Merge { evidence: DedupeKind::Email, .. }));
    assert!(matches!(
        plan.choose(&f.store, 3, RowChoice::Skip),
        Err(ImportError::Problem(ImportProblem::NotADuplicate { line: 3 }))
    ));
    assert!(matches!(
        plan.choose(&f.store, 99, RowChoice::Skip),
        Err(ImportError::Problem(ImportProblem::NotADuplicate { line: 99 }))
    ));

    plan.choose(&f.store, 2, RowChoice::Skip).unwrap();
    let report = write_all(&mut f, &plan, &admin);
    assert_eq!((report.created, report.merged), (1, 0));
    let mut errors = Vec::new();
    write::write_errors(&plan, &report.refused, &mut errors).unwrap();
    let errors = String::from_utf8(errors).unwrap();
    assert!(errors.contains("Ana,Souza,ana@example.com"), "the skipped row is in the error file: {errors}");
}

#[test]
fn an_import_writes_through_the_mutation_path_and_again_creates_nothing() {
    let mut f = fixture();
    let ana = existing(&mut f, "Ana", "Souza", Some("ana@example.com"), None);
    let rows = vec![
        vec!["Ana", "Souza", "ana@example.com", "+351 912 345 678", "Acme", "python, remote", "", ""],
        vec!["Bo", "Li", "bo@example.com", "", "Globex", "python", "2024-01-02", "Met at the fair.\nKeen."],
        vec!["Cy", "Young", "not-an-email", "", "", "", "", ""],
    ];
    let admin = f.admin.clone();
    let plan = plan_file(&f, "fair.csv", &rows, &admin, Options::default()).unwrap();
    assert_eq!(plan.new_tags, ["remote"], "an admin's import adds the tags it lacks to the list");
    let report = write_all(&mut f, &plan, &admin);
    assert_eq!(report.end, End::Finished);
    assert_eq!((report.created, report.merged), (1, 1));

    let merged = f.store.profile(&admin, ana).unwrap();
    assert_eq!(merged.candidate.profile.phone.as_deref(), Some("+351 912 345 678"), "an empty field filled");
    assert_eq!(merged.candidate.profile.current_title, "Engineer", "kept");
    assert!(merged.tags.iter().any(|t| t == "remote"));
    let entry = merged.history.iter().find(|h| h.detail.is_some() && !h.changes.is_empty()).expect("the merge's entry");
    assert_eq!(entry.detail, Some(HistoryDetail::Imported { file: "fair.csv".into(), merged: true }));

    let Action::Create { candidate_id: bo, .. } = plan.rows[1].action else { panic!() };
    let bo = f.store.profile(&admin, bo).unwrap();
    assert_eq!(bo.candidate.profile_type, ProfileType::Imported);
    assert_eq!(bo.candidate.activity, ActivityStatus::Unreviewed, "nobody has reviewed an imported row");
    assert_eq!(bo.history[0].detail, Some(HistoryDetail::Imported { file: "fair.csv".into(), merged: false }));
    assert_eq!(bo.notes[0].note.body, "Notes: Met at the fair.\nKeen.");
    let outbox = f.store.outbox().unwrap().len();

    let again = plan_file(&f, "fair.csv", &rows, &admin, Options::default()).unwrap();
    assert_eq!((again.counts.create, again.counts.reject), (0, 1));
    let report = write_all(&mut f, &again, &admin);
    assert_eq!(report.created, 0);
    assert_eq!(f.store.candidate_count().unwrap(), 2);
    assert_eq!(f.store.profile(&admin, bo.candidate.id).unwrap().notes.len(), 1, "the note is not added twice");
    assert_eq!(f.store.outbox().unwrap().len(), outbox, "nothing to write");
}

#[test]
fn differing_fields_are_kept_or_taken_as_chosen() {
    let mut f = fixture();
    let ana = existing(&mut f, "Ana", "Souza", Some("ana@example.com"), None);
    let path = f.path("titles.csv");
    write_csv(
        &path,
        &[vec!["Name", "Email", "Title"], vec!["Ana Souza", "ana@example.com", "Staff Engineer"]],
        b',',
        Encoding::Utf8,
    );
    let admin = f.admin.clone();
    for (differing, title) in [(Differing::KeepExisting, "Engineer"), (Differing::TakeImport, "Staff Engineer")] {
        let table = read::open(&path, None).unwrap();
        let mapping = mapping::guess(&table.headers, &[]);
        let options = Options { differing, ..Options::default() };
        let plan = plan::plan(&f.store, &admin, table, &mapping, options).unwrap();
        write_all(&mut f, &plan, &admin);
        assert_eq!(f.store.profile(&admin, ana).unwrap().candidate.profile.current_title, title, "{differing:?}");
    }
}

#[test]
fn a_certifications_column_is_split_at_semicolons_and_merged_into_the_duplicate() {
    let mut f = fixture();
    let ana = existing(&mut f, "Ana", "Souza", Some("ana@example.com"), None);
    let path = f.path("certified.csv");
    write_csv(
        &path,
        &[
            vec!["Name", "Email", "Licenses and Certifications"],
            vec!["Ana Souza", "ana@example.com", "PMP, PMI, 2021; CISSP"],
            vec!["Bo Li", "bo@example.com", "pmp, pmi, 2021;;PMP, PMI, 2021"],
        ],
        b',',
        Encoding::Utf8,
    );
    let admin = f.admin.clone();
    let table = read::open(&path, None).unwrap();
    let mapping = mapping::guess(&table.headers, &[]);
    assert_eq!(mapping.columns[2].target, Target::Certifications { separator: ";".into() });
    let plan = plan::plan(&f.store, &admin, table, &mapping, Options::default()).unwrap();
    let bo = plan.rows[1].row.as_ref().expect("row 3 is valid");
    assert_eq!(bo.profile.certifications, ["pmp, pmi, 2021"], "one of each, the blank left out");
    write_all(&mut f, &plan, &admin);
    let merged = f.store.profile(&admin, ana).unwrap().candidate.profile;
    assert_eq!(merged.certifications, ["PMP, PMI, 2021", "CISSP"]);
}

#[test]
fn a_recruiter_cannot_bring_tags_that_are_not_on_the_list() {
    let f = fixture();
    let rows = vec![vec!["Bo", "Li", "bo@example.com", "", "", "python, blockchain", "", ""]];
    let plan = plan_file(&f, "tags.csv", &rows, &f.recruiter, Options::default()).unwrap();
    assert_eq!(reasons(&plan, 2), ["tag \"blockchain\" is not in the tags list; an admin can add it"]);
    assert_eq!(problems(&plan, 2), [RowProblem::UnlistedTag { tag: "blockchain".into() }]);
}

#[test]
fn a_mapping_of_two_columns_to_one_field_is_refused() {
    let f = fixture();
    let path = f.path("two.csv");
    write_csv(&path, &[vec!["Email", "Work Email"], vec!["a@example.com", "b@example.com"]], b',', Encoding::Utf8);
    let table = read::open(&path, None).unwrap();
    let mapping = Mapping {
        columns: vec![
            ColumnMapping { column: "Email".into(), target: Target::Email },
            ColumnMapping { column: "Work Email".into(), target: Target::Email },
        ],
    };
    let err = plan::plan(&f.store, &f.admin, table, &mapping, Options::default()).err().unwrap();
    assert_eq!(err.to_string(), "mapping: \"Email\" and \"Work Email\" both go to email; a field takes one column");
    let AppError::Import(sent) = err.to_app_error() else { panic!("{err:?}") };
    let (first, second, field) = ("Email".into(), "Work Email".into(), "email".into());
    assert_eq!(sent, ImportProblem::OneFieldTwice { first, second, field }, "the window gets the kind");
}

#[test]
fn cancel_keeps_whole_batches_and_a_rerun_completes_without_duplicates() {
    let mut f = fixture();
    let rows: Vec<Vec<String>> = (0..2_500)
        .map(|i| {
            vec![
                "Ana".into(),
                format!("Souza {i}"),
                format!("ana{i}@example.com"),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]
        })
        .collect();
    let rows: Vec<Vec<&str>> = rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
    let admin = f.admin.clone();
    let plan = plan_file(&f, "many.csv", &rows, &admin, Options::default()).unwrap();
    let cancel = AtomicBool::new(false);
    let mut seen = Vec::new();
    let report = write::write(
        &plan,
        &cancel,
        |batch| f.store.apply_all(&admin, batch),
        |p| {
            seen.push(p.done);
            cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        },
    );
    assert_eq!(report.end, End::Cancelled);
    assert_eq!(seen, [1_000]);
    assert_eq!(f.store.candidate_count().unwrap(), 1_000, "one whole batch");

    let rerun = plan_file(&f, "many.csv", &rows, &admin, Options::default()).unwrap();
    assert_eq!((rerun.counts.unchanged, rerun.counts.create), (1_000, 1_500));
    let report = write_all(&mut f, &rerun, &admin);
    assert_eq!(report.end, End::Finished);
    assert_eq!(f.store.candidate_count().unwrap(), 2_500);
}

#[test]
fn the_error_file_lists_the_rows_not_imported_ready_to_fix() {
    let f = fixture();
    let rows = vec![
        vec!["Ana", "Souza", "ana@example.com", "", "", "", "", ""],
        vec!["Bo", "Li", "bo@@example", "", "", "", "", "=cmd|' /C calc'!A0"],
        vec!["Ana", "Souza", "ANA@example.com", "", "", "", "", ""],
    ];
    let plan = plan_file(&f, "errors.csv", &rows, &f.admin, Options::default()).unwrap();
    let mut out = Vec::new();
    assert_eq!(write::write_errors(&plan, &[], &mut out).unwrap(), 2);
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "First Name,Last Name,Email,Mobile,Current Company,Tags,Created Date,Notes,Reason");
    assert_eq!(
        lines[1],
        "Bo,Li,bo@@example,,,,,'=cmd|' /C calc'!A0,email: is not an email address (has more than one @)"
    );
    assert_eq!(lines[2], "Ana,Souza,ANA@example.com,,,,,,duplicate of line 2 (same email)");
}

#[test]
fn a_row_refused_at_the_write_goes_to_the_error_file_and_the_rest_are_written() {
    let mut f = fixture();
    let ana = existing(&mut f, "Ana", "Souza", Some("ana@example.com"), None);
    let bob = existing(&mut f, "Bob", "Stone", Some("bob@example.com"), None);
    let mut rows: Vec<Vec<String>> = (0..1_500)
        .map(|i| vec!["Cy".into(), format!("Young {i}"), format!("cy{i}@example.com"), String::new()])
        .collect();
    rows.insert(10, vec!["Ana".into(), "Souza".into(), "ana@example.com".into(), "+351 912 345 678".into()]);
    rows.insert(1_200, vec!["Bob".into(), "Stone".into(), "bob@example.com".into(), "+351 913 000 000".into()]);
    let rows: Vec<Vec<&str>> =
        rows.iter().map(|r| r.iter().map(String::as_str).chain(["", "", "", ""]).collect()).collect();
    let admin = f.admin.clone();
    let plan = plan_file(&f, "refused.csv", &rows, &admin, Options::default()).unwrap();
    assert_eq!((plan.counts.create, plan.counts.merge), (1_500, 2));
    // A sync deletes the candidate Ana's row merges into after the plan was made.
    f.store.apply(&admin, Mutation::CandidateDelete { selection: Selection::ids([ana]) }).unwrap();

    let report = write_all(&mut f, &plan, &admin);
    assert_eq!(report.end, End::Finished, "the import carries on past the refused row");
    assert_eq!((report.created, report.merged), (1_500, 1));
    assert_eq!(f.store.candidate_count().unwrap(), 1_501, "every other row written, in both batches");
    let bob = f.store.profile(&admin, bob).unwrap();
    assert_eq!(bob.candidate.profile.phone.as_deref(), Some("+351 913 000 000"), "the second batch's merge");

    let mut out = Vec::new();
    assert_eq!(write::write_errors(&plan, &report.refused, &mut out).unwrap(), 1);
    let text = String::from_utf8(out).unwrap();
    assert_eq!(
        text.lines().nth(1),
        Some(
            "Ana,Souza,ana@example.com,'+351 912 345 678,,,,,the candidate it merges into was deleted after the import was planned"
        )
    );
}
