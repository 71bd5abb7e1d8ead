//! Export: CSV and TXT with the chosen fields, as the viewer may see them.

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
    assert_eq!(lines[0], "Name,Email,Current title,Skills", "the fields in their usual order");
    assert_eq!(lines[1], "\"Ana Souza, Jr.\",ana@example.com,'=cmd|' /C calc'!A0,Python; SQL");
    assert_eq!(lines[2], "Bo Lindqvist,,,");
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
