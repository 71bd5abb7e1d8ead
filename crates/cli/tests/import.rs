//! `talentdesk-cli export` and `import` as a script would run them: a file exported from one
//! database (CSV or XLSX) imports into another unchanged — exporting that one gives the same
//! file — and importing it again creates nothing; a dry run writes nothing; numbers without a
//! country code are read in the organisation's default phone country unless `--country` says.

use std::path::Path;
use std::process::Command;

const ADMIN: &str = "rita.okafor@acme-talent.example";

fn ok(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_talentdesk-cli")).args(args).output().expect("the CLI runs");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The file's lines in order: the export's order is the search's, not the import's.
fn sorted_lines(p: &Path) -> Vec<String> {
    let mut lines: Vec<String> = std::fs::read_to_string(p).unwrap().lines().map(str::to_owned).collect();
    lines.sort();
    lines
}

fn report(json: &str) -> serde_json::Value {
    serde_json::from_str(json).unwrap()
}

#[test]
fn an_export_imports_back_unchanged_and_again_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    ok(&["demo", "--candidates", "120", "--db", path(&a)]);
    ok(&["demo", "--candidates", "0", "--db", path(&b)]);
    let (a_csv, a_xlsx, b_csv) = (dir.path().join("a.csv"), dir.path().join("a.xlsx"), dir.path().join("b.csv"));
    ok(&["export", "--db", path(&a), "--out", path(&a_csv)]);
    ok(&["export", "--db", path(&a), "--format", "xlsx", "--out", path(&a_xlsx)]);

    let dry = report(&ok(&["import", path(&a_csv), "--db", path(&b), "--as", ADMIN, "--dry-run", "--json"]));
    let exported = sorted_lines(&a_csv).len() as u64 - 1;
    assert_eq!(dry["counts"]["create"], exported);
    let first = report(&ok(&["import", path(&a_xlsx), "--db", path(&b), "--as", ADMIN, "--json"]));
    assert_eq!(first["created"], exported, "the dry run wrote nothing");
    assert_eq!(first["end"]["kind"], "finished");

    ok(&["export", "--db", path(&b), "--out", path(&b_csv)]);
    assert_eq!(sorted_lines(&b_csv), sorted_lines(&a_csv), "the XLSX imported back unchanged");

    let again = report(&ok(&["import", path(&a_csv), "--db", path(&b), "--as", ADMIN, "--json"]));
    assert_eq!((again["created"].as_u64(), again["merged"].as_u64()), (Some(0), Some(0)));
    assert_eq!(again["planned"]["unchanged"], exported);
}

/// `--mapping` takes a mapping saved in the app by its name (in any case), as well as a file.
#[test]
fn a_saved_mapping_is_used_by_its_name() {
    use talentdesk_domain::import_mapping::SavedMapping;
    use talentdesk_domain::mutation::Mutation;

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    ok(&["demo", "--candidates", "0", "--db", path(&db)]);
    let csv = dir.path().join("fair.csv");
    std::fs::write(&csv, "Given,Family,Mail\nAna,Souza,ana@fair.example\n").unwrap();
    let mut store = talentdesk_store::Store::open(&db).unwrap();
    let admin = store.user_by_email(ADMIN).unwrap();
    let mapping = serde_json::json!({"columns": [
        {"column": "Given", "target": {"to": "first_name"}},
        {"column": "Family", "target": {"to": "last_name"}},
        {"column": "Mail", "target": {"to": "email"}},
    ]});
    store.apply(&admin, Mutation::ImportMappingPut { mapping: SavedMapping { name: "Fair".into(), mapping } }).unwrap();
    drop(store);

    let plan = report(&ok(&[
        "import",
        path(&csv),
        "--db",
        path(&db),
        "--as",
        ADMIN,
        "--mapping",
        "fair",
        "--dry-run",
        "--json",
    ]));
    assert_eq!(plan["counts"]["create"], 1, "{plan}");
    assert_eq!(plan["mapping"]["columns"][2]["target"]["to"], "email");
    let out = Command::new(env!("CARGO_BIN_EXE_talentdesk-cli"))
        .args(["import", path(&csv), "--db", path(&db), "--as", ADMIN, "--mapping", "lever", "--dry-run"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no mapping saved under that name"));
}

/// Without `--country`, `import` and `duplicates` read numbers written without a country code
/// in the organisation's default phone country; `--country` still chooses another.
#[test]
fn the_organisations_phone_country_is_the_default() {
    use talentdesk_domain::candidate::{Profile, ProfileType};
    use talentdesk_domain::mutation::Mutation;

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    ok(&["demo", "--candidates", "0", "--db", path(&db)]);
    let mut store = talentdesk_store::Store::open(&db).unwrap();
    let admin = store.user_by_email(ADMIN).unwrap();
    // Jonas with an international number; Lena twice, once written as a German number.
    let people =
        [("Jonas", "Weber", "+49 30 1234567"), ("Lena", "Berg", "+49 40 5555555"), ("L.", "Berg", "040 5555555")];
    for (first, last, phone) in people {
        let profile = Profile {
            first_name: first.into(),
            last_name: last.into(),
            phone: Some(phone.into()),
            ..Profile::default()
        };
        let candidate_id = talentdesk_domain::new_id();
        let create = Mutation::CandidateCreate { candidate_id, profile, profile_type: ProfileType::RecruiterGenerated };
        store.apply(&admin, create).unwrap();
    }
    let csv = dir.path().join("fair.csv");
    std::fs::write(&csv, "First Name,Last Name,Mobile,Current Company\nJonas,Weber,030 1234567,Globex\n").unwrap();
    let merged = |extra: &[&str]| {
        let mut args = vec!["import", path(&csv), "--db", path(&db), "--as", ADMIN, "--dry-run", "--json"];
        args.extend_from_slice(extra);
        report(&ok(&args))["counts"]["merge"].as_u64()
    };
    let groups = |extra: &[&str]| {
        let mut args = vec!["duplicates", "--db", path(&db), "--json"];
        args.extend_from_slice(extra);
        report(&ok(&args))["groups"].as_array().map(Vec::len)
    };
    assert_eq!((merged(&[]), groups(&[])), (Some(0), Some(0)), "no country: 030… is not +49 30…");

    store.apply(&admin, Mutation::SetPhoneCountry { country: Some("DE".into()) }).unwrap();
    drop(store);
    assert_eq!((merged(&[]), groups(&[])), (Some(1), Some(1)), "read as German numbers");
    assert_eq!(
        (merged(&["--country", "AT"]), groups(&["--country", "AT"])),
        (Some(0), Some(0)),
        "--country still says"
    );
}
