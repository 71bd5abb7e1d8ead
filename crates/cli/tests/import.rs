//! `talentdesk-cli export` and `import` as a script would run them: a file exported from one
//! database (CSV or XLSX) imports into another unchanged — exporting that one gives the same
//! file — and importing it again creates nothing; a dry run writes nothing.

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
