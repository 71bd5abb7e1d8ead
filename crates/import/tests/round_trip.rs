//! A file exported from Talentdesk, as CSV or as XLSX, imports back as it was: into another
//! database every field the export holds arrives unchanged (names in many scripts, a last name
//! with a comma, formula-looking values, lists, links, a region without a country), and into
//! the database it came from it changes nothing.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use common::{Fixture, fixture};
use talentdesk_domain::candidate::{Link, LinkKind, Location, Profile, ProfileType};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_import::plan::{self, Options, Plan};
use talentdesk_import::write::{self, End};
use talentdesk_import::{mapping, read};
use talentdesk_store::export::{ExportField, ExportFormat, export_file};
use uuid::Uuid;

fn link(kind: LinkKind, url: &str) -> Link {
    Link { kind, url: url.into() }
}

fn people() -> Vec<(Profile, Vec<&'static str>)> {
    let place = |city: &str, region: &str, country: &str| Location {
        city: city.into(),
        region: region.into(),
        country: country.into(),
    };
    vec![
        (
            Profile {
                first_name: "Ana Maria".into(),
                last_name: "Souza, Jr.".into(),
                email: Some("ana.souza@example.com".into()),
                phone: Some("+351 912 345 678".into()),
                location: place("Lisbon", "Lisboa", ""),
                current_title: "=HYPERLINK(\"http://x\")".into(),
                current_employer: "Acme, Inc.".into(),
                skills: vec!["Python".into(), "SQL".into(), "C++".into()],
                links: vec![
                    link(LinkKind::LinkedIn, "https://www.linkedin.com/in/ana-souza"),
                    link(LinkKind::GitHub, "https://github.com/anasouza"),
                    link(LinkKind::Portfolio, "https://ana.dev"),
                ],
                ..Profile::default()
            },
            vec!["python", "Referral"],
        ),
        (
            Profile {
                first_name: "小龙".into(),
                last_name: "李".into(),
                email: Some("li@example.cn".into()),
                location: place("北京", "", "CN"),
                current_title: "数据工程师".into(),
                skills: vec!["Rust".into()],
                ..Profile::default()
            },
            vec![],
        ),
        (
            Profile {
                first_name: "Zoë".into(),
                last_name: "O'Brien-Smith".into(),
                email: Some("zoe@example.org".into()),
                phone: Some("+1 415 555 0100".into()),
                location: place("Austin", "TX", "US"),
                current_title: "@Lead, \"Platform\"".into(),
                current_employer: "Müller & Söhne".into(),
                ..Profile::default()
            },
            vec!["Referral"],
        ),
        (
            Profile {
                first_name: "Dmitri".into(),
                last_name: "Иванов".into(),
                phone: Some("+7 495 000-00-00".into()),
                current_title: "Engineer".into(),
                current_employer: "Yandex".into(),
                skills: vec!["C#".into(), "Go".into()],
                ..Profile::default()
            },
            vec![],
        ),
    ]
}

/// The people as candidates of `f`, tagged; their ids.
fn create_people(f: &mut Fixture) -> Vec<Uuid> {
    let admin = f.admin.clone();
    f.store.apply(&admin, Mutation::TagDefine { name: "Referral".into() }).unwrap();
    let mut ids = Vec::new();
    for (profile, tags) in people() {
        let id = talentdesk_domain::new_id();
        let create =
            Mutation::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::RecruiterGenerated };
        f.store.apply(&admin, create).unwrap();
        if !tags.is_empty() {
            let tags = tags.into_iter().map(str::to_owned).collect();
            f.store.apply(&admin, Mutation::TagsAdd { selection: Selection::ids([id]), tags }).unwrap();
        }
        ids.push(id);
    }
    ids
}

fn export(f: &Fixture, ids: &[Uuid], format: ExportFormat, path: &Path) {
    let write = |e: &mut talentdesk_store::export::Exporter<_>, chunk: &[Uuid]| {
        chunk.iter().try_for_each(|id| e.write(&f.store, &f.admin, *id))
    };
    let progress = export_file(path, format, &ExportField::PROFILE, ids, &AtomicBool::new(false), write, |_| {});
    assert_eq!(progress.done, ids.len() as u64, "{:?}", progress.end);
}

fn plan_of(f: &Fixture, path: &Path) -> Plan {
    let table = read::open(path, None).unwrap();
    let mapping = mapping::guess(&table.headers, &f.store.custom_fields().unwrap());
    plan::plan(&f.store, &f.admin, table, &mapping, Options::default()).unwrap()
}

/// Each candidate's profile and tags (sorted), by name: what the export holds of them.
fn held(f: &Fixture) -> BTreeMap<String, (Profile, Vec<String>)> {
    let ids = f.store.candidate_ids(100).unwrap();
    ids.into_iter()
        .map(|id| {
            let profile = f.store.stored_profile(id).unwrap();
            let mut tags = f.store.tags_of(id).unwrap();
            tags.sort();
            (profile.full_name(), (profile, tags))
        })
        .collect()
}

#[test]
fn an_export_in_csv_or_xlsx_imports_back_unchanged_and_again_changes_nothing() {
    let mut source = fixture();
    let ids = create_people(&mut source);
    let before = held(&source);
    for format in [ExportFormat::Csv, ExportFormat::Xlsx] {
        let path = source.path(&format!("candidates.{}", format.extension()));
        export(&source, &ids, format, &path);

        let mut target = fixture();
        let plan = plan_of(&target, &path);
        assert_eq!((plan.counts.create, plan.counts.reject), (4, 0), "{format:?}: {:?}", plan.rows);
        let admin = target.admin.clone();
        let report = write::write(&plan, &AtomicBool::new(false), |b| target.store.apply_all(&admin, b), |_| {});
        assert_eq!(report.end, End::Finished);
        assert_eq!(held(&target), before, "{format:?}: every exported field as it was");

        let again = plan_of(&source, &path);
        assert_eq!(again.counts.unchanged, 4, "{format:?}: the file's own database has it all: {:?}", again.rows);
    }
}
