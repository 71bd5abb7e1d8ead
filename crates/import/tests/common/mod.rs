//! Files built the way ATS exports and spreadsheets write them, and a real store to import
//! into (an admin, a recruiter, a listed tag, a date custom field, a pipeline, an event).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::settings::{CustomFieldDef, CustomFieldKind};
use talentdesk_domain::user::{Role, User};
use talentdesk_store::Store;
use uuid::Uuid;

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub store: Store,
    pub admin: User,
    pub recruiter: User,
    pub pipeline: Uuid,
}

pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("store.db")).unwrap();
    let user = |n: u128, role| User {
        id: Uuid::from_u128(n),
        email: format!("user{n}@acme.example"),
        name: format!("User {n}"),
        role,
        ats_id: None,
    };
    let (admin, recruiter) = (user(1, Role::RecruiterAdmin), user(2, Role::Recruiter));
    store.put_user(&admin).unwrap();
    store.put_user(&recruiter).unwrap();
    let pipeline = talentdesk_domain::new_id();
    for m in [
        Mutation::TagDefine { name: "python".into() },
        Mutation::CustomFieldDefine {
            field: CustomFieldDef { key: "created".into(), label: "Created Date".into(), kind: CustomFieldKind::Date },
        },
        Mutation::PipelineCreate {
            pipeline_id: pipeline,
            name: "Backend".into(),
            statuses: vec!["Sourced".into(), "Screened".into()],
            private: false,
        },
    ] {
        store.apply(&admin, m).unwrap();
    }
    Fixture { dir, store, admin, recruiter, pipeline }
}

impl Fixture {
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// Rows as CSV text with `delimiter`, quoting what needs it.
pub fn csv_text(rows: &[Vec<&str>], delimiter: u8) -> String {
    let mut w = csv::WriterBuilder::new().delimiter(delimiter).flexible(true).from_writer(Vec::new());
    for r in rows {
        w.write_record(r).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16LeBom,
    Windows1252,
}

pub fn write_csv(path: &Path, rows: &[Vec<&str>], delimiter: u8, encoding: Encoding) {
    let text = csv_text(rows, delimiter);
    let bytes = match encoding {
        Encoding::Utf8 => text.into_bytes(),
        Encoding::Utf8Bom => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        Encoding::Utf16LeBom => {
            let mut b = vec![0xFF, 0xFE];
            b.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            b
        }
        Encoding::Windows1252 => encoding_rs::WINDOWS_1252.encode(&text).0.into_owned(),
    };
    std::fs::write(path, bytes).unwrap();
}

/// A workbook with the rows on a sheet named `sheet` (a second sheet before it when
/// `behind_another`), "num:N" cells as numbers and "date:YYYY-MM-DD" cells as dates.
pub fn write_xlsx(path: &Path, sheet: &str, rows: &[Vec<&str>], behind_another: bool) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    if behind_another {
        book.add_worksheet().set_name("Summary").unwrap().write_string(0, 0, "Exported from the ATS").unwrap();
    }
    let ws = book.add_worksheet().set_name(sheet).unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if let Some(day) = cell.strip_prefix("date:") {
                let d = ExcelDateTime::parse_from_str(day).unwrap();
                ws.write_datetime_with_format(r, c, &d, &date).unwrap();
            } else if let Some(n) = cell.strip_prefix("num:") {
                ws.write_number(r, c, n.parse::<f64>().unwrap()).unwrap();
            } else {
                ws.write_string(r, c, *cell).unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

/// A candidate already here, made by the recruiter as the window would.
pub fn existing(f: &mut Fixture, first: &str, last: &str, email: Option<&str>, phone: Option<&str>) -> Uuid {
    let id = talentdesk_domain::new_id();
    let profile = Profile {
        first_name: first.into(),
        last_name: last.into(),
        email: email.map(str::to_owned),
        phone: phone.map(str::to_owned),
        current_title: "Engineer".into(),
        ..Profile::default()
    };
    let recruiter = f.recruiter.clone();
    f.store
        .apply(
            &recruiter,
            Mutation::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::RecruiterGenerated },
        )
        .unwrap();
    id
}
