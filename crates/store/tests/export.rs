//! Export: CSV and TXT with the chosen fields, as the viewer may see them (XLSX: crates/import's
//! round-trip test reads it back).

mod common;

use common::{Person, fixture};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::Selection;
use talentdesk_store::export::{ExportField, ExportFormat, Exporter};

#[test]
fn csv_has_a_header_and_one_quoted_row_per_candidate() {
    let mut f = fixture();
    let ana = f.create(Person {
        first: "Ana",
        last: "Souza, Jr.",
        email: Some("ana@example.com"),
        title: "=cmd|' /C calc'!A0",
        skills: &["Python", "SQL"],
        ..Default::default()
    });
    let bo = f.create(Person { first: "Bo", last: "Lindqvist", ..Default::default() });
    let fields = [ExportField::Skills, ExportField::Name, ExportField::CurrentTitle, ExportField::Email];
    let mut export = Exporter::new(Vec::new(), ExportFormat::Csv, &fields).unwrap();
    for id in [ana, bo] {
        export.write(&f.store, &f.recruiter, id).unwrap();
    }
    let csv = String::from_utf8(export.finish().unwrap()).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "First name,Last name,Email,Current title,Skills", "the fields in their usual order");
    assert_eq!(lines[1], "Ana,\"Souza, Jr.\",ana@example.com,'=cmd|' /C calc'!A0,Python; SQL");
    assert_eq!(lines[2], "Bo,Lindqvist,,,");
    assert_eq!(lines.len(), 3);
}

#[test]
fn a_full_profile_in_txt_holds_what_the_viewer_may_see() {
    let mut f = fixture();
    let ana = f.create(Person { first: "Ana", last: "Souza", email: Some("ana@example.com"), ..Default::default() });
    f.admin_applies(Mutation::NoteAdd {
        note_id: new_id(),
        candidate_id: ana,
        body: "Admins only".into(),
        private: true,
    });
    f.admin_applies(Mutation::NoteAdd {
        note_id: new_id(),
        candidate_id: ana,
        body: "Strong SQL".into(),
        private: false,
    });
    f.define_tag("Referral");
    f.admin_applies(Mutation::TagsAdd { selection: Selection::ids([ana]), tags: vec!["Referral".into()] });

    let txt = |viewer: &talentdesk_domain::user::User| {
        let mut export = Exporter::new(Vec::new(), ExportFormat::Txt, &ExportField::ALL).unwrap();
        export.write(&f.store, viewer, ana).unwrap();
        String::from_utf8(export.finish().unwrap()).unwrap()
    };
    let recruiters = txt(&f.recruiter);
    assert!(recruiters.starts_with("Name: Ana Souza\nEmail: ana@example.com\n"), "{recruiters}");
    assert!(recruiters.contains("Tags: Referral\n"));
    assert!(recruiters.contains("Strong SQL") && !recruiters.contains("Admins only"), "{recruiters}");
    assert!(recruiters.contains(" Created by user2@acme.example\n"), "{recruiters}");
    assert!(recruiters.contains("Phone: —"), "empty fields say so");
    let admins = txt(&f.admin);
    assert!(admins.contains("Notes:\n  - ") && admins.contains("Admins only"), "one note a line: {admins}");
}

#[test]
fn nothing_to_export_is_refused_plainly() {
    let err = Exporter::new(Vec::new(), ExportFormat::Csv, &[]).err().unwrap();
    assert_eq!(err.to_string(), "fields: choose at least one field to export");
}

#[test]
fn an_export_file_appears_whole_or_not_at_all() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use talentdesk_store::bulk::BulkEnd;
    use talentdesk_store::export::{EXPORT_BATCH, export_file};

    let mut f = fixture();
    let ids: Vec<_> = (0..EXPORT_BATCH + 20).map(|_| f.create(Person::default())).collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("candidates.csv");
    let viewer = f.recruiter.clone();
    let write =
        |e: &mut Exporter<_>, chunk: &[uuid::Uuid]| chunk.iter().try_for_each(|id| e.write(&f.store, &viewer, *id));

    // Cancelled after the first batch: no file, not even a partial one.
    let cancel = AtomicBool::new(false);
    let end = export_file(&path, ExportFormat::Csv, &[ExportField::Name], &ids, &cancel, write, |_| {
        cancel.store(true, Ordering::Relaxed)
    });
    assert!(matches!(end.end, Some(BulkEnd::Cancelled)) && end.done == EXPORT_BATCH as u64, "{end:?}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "nothing left behind");

    let end = export_file(&path, ExportFormat::Csv, &[ExportField::Name], &ids, &AtomicBool::new(false), write, |_| {});
    assert!(matches!(end.end, Some(BulkEnd::Finished)), "{end:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap().lines().count(), ids.len() + 1);

    let nowhere = dir.path().join("no such folder").join("x.csv");
    let end =
        export_file(&nowhere, ExportFormat::Txt, &[ExportField::Name], &ids, &AtomicBool::new(false), write, |_| {});
    match end.end {
        Some(BulkEnd::Failed { error }) => assert!(error.to_string().contains("no such folder"), "{error}"),
        other => panic!("expected a failure, got {other:?}"),
    }
}
