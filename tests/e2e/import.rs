//! Window test: importing a spreadsheet from the search page. A 2,000-row CSV (150 rows that
//! are candidates already here by their email, 20 bad rows) dropped on the window: the
//! mapping guessed from the header, the preview's counts, the import, the report, the error
//! file saved where chosen; the same file again creates nothing; a large file chosen with
//! Import… and cancelled half way keeps whole batches, and Import the rest completes it; in a
//! German window, the organisation's default phone country set in Settings is the import's.
//! Screenshots: docs/screenshots/import-*.png.

use std::path::Path;

use serde_json::json;
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::mutation::Mutation;
use talentdesk_e2e::{DemoDb, Session, admin, err, file_dialog, keys, numbers, workspace, xdnd};

const HEADER: &str = "First Name,Last Name,E-mail Address,Mobile,Current Company,Tags";
const GUESSED: [&str; 6] = ["first_name", "last_name", "email", "phone", "current_employer", "tags"];

/// The 2,000 rows: 150 already here (their email in capitals, a tag they lack), 20 bad (half
/// without a name, half with an email that is none), the rest new.
fn fair_csv(existing: &[(String, String, String)]) -> String {
    let mut csv = format!("{HEADER}\n");
    for (first, last, email) in existing.iter().take(150) {
        csv.push_str(&format!("{first},{last},{},,,spring-fair-2026\n", email.to_uppercase()));
    }
    for i in 0..20 {
        if i % 2 == 0 {
            csv.push_str(&format!(",,nameless{i}@import.example,,,\n"));
        } else {
            csv.push_str(&format!("Bad{i},Row,not-an-email-{i},,,\n"));
        }
    }
    for i in 0..1830 {
        csv.push_str(&format!("Imported{i},Person,imported{i}@import.example,,Company {i},spring-fair-2026\n"));
    }
    csv
}

/// `rows` new people, for the import that is cancelled half way.
fn large_csv(rows: usize) -> String {
    let mut csv = format!("{HEADER}\n");
    for i in 0..rows {
        csv.push_str(&format!("Bulk{i},Import,bulk{i}@large.example,,Works {i},\n"));
    }
    csv
}

fn shot(session: &Session, name: &str) -> Result<(), String> {
    let taken = session.screenshot(&format!("import-{name}"))?;
    std::fs::copy(&taken, workspace().join(format!("docs/screenshots/import-{name}.png"))).map_err(err)?;
    Ok(())
}

/// The number a count or report box shows.
fn count(session: &Session, testid: &str) -> Result<u64, String> {
    let text = session.text(&format!("[data-testid={testid}] dd"))?.ok_or(format!("no {testid}"))?;
    text.trim().replace([',', '.', '\u{a0}', '\u{202f}'], "").parse().map_err(|e| format!("{testid}: {text}: {e}"))
}

fn counts(session: &Session) -> Result<[u64; 6], String> {
    let mut out = [0; 6];
    for (i, kind) in ["create", "merge", "unchanged", "skip_duplicate", "skip_in_file", "reject"].iter().enumerate() {
        out[i] = count(session, &format!("import-count-{kind}"))?;
    }
    Ok(out)
}

/// From the mapping to the preview's counts, with the options as they are.
fn to_preview(session: &Session) -> Result<[u64; 6], String> {
    session.wait_for("the mapping", |s| s.text("[data-testid=import-mapping]"))?;
    session.click("[data-testid=import-next]")?;
    session.click("[data-testid=import-preview]")?;
    session.wait_for("the preview", |s| s.text("[data-testid=import-count]"))?;
    counts(session)
}

fn report(session: &Session) -> Result<(u64, u64, u64), String> {
    session.wait_for("the report", |s| s.text("[data-testid=import-report]"))?;
    Ok((
        count(session, "import-report-created")?,
        count(session, "import-report-merged")?,
        count(session, "import-report-rejected")?,
    ))
}

fn candidates(demo: &DemoDb) -> Result<u64, String> {
    demo.open()?.candidate_count().map_err(err)
}

fn drop_file(path: &Path) -> Result<(), String> {
    xdnd::drop_files(&[path], (500, 400))
}

#[test]
fn a_spreadsheet_is_mapped_previewed_imported_once_with_its_error_file() -> Result<(), String> {
    let demo = DemoDb::new(400, 20)?;
    let mut existing = Vec::new();
    demo.open()?
        .identities(|_, p| {
            if let Some(email) = p.email.filter(|_| !p.first_name.contains(',') && !p.last_name.contains(',')) {
                existing.push((p.first_name, p.last_name, email));
            }
        })
        .map_err(err)?;
    assert!(existing.len() >= 150, "the demo has 150 candidates with an email");
    let files = tempfile::tempdir().map_err(err)?;
    let csv = files.path().join("spring-fair.csv");
    std::fs::write(&csv, fair_csv(&existing)).map_err(err)?;
    let before = candidates(&demo)?;

    let session = Session::start(&["--db", demo.arg()?])?;
    let shown = session.wait_for("the results", |s| {
        Ok(s.text("[data-testid=result-count]")?.and_then(|t| numbers(&t).first().copied()))
    })?;
    drop_file(&csv)?;
    session.wait_for("the import dialog", |s| s.text("[data-testid=import-mapping]"))?;
    let targets = session
        .script("return [...document.querySelectorAll('[data-testid=import-target]')].map(s => s.value)", json!([]))?;
    assert_eq!(targets, json!(GUESSED), "each column's field guessed from its header");
    assert!(
        session.text("[data-testid=import-column][data-column='E-mail Address']")?.unwrap_or_default().contains("@")
    );
    shot(&session, "mapping")?;

    // Two columns to one field are said plainly, and Next waits until it is fixed.
    session.select("[data-testid=import-column][data-column=Mobile] [data-testid=import-target]", "email")?;
    let problem = session.wait_for("the clash", |s| s.text("[data-testid=import-mapping-problem]"))?;
    assert!(problem.contains("“E-mail Address” and “Mobile” both go to Email"), "{problem}");
    assert!(session.attribute("[data-testid=import-next]", "disabled")?.is_some(), "Next waits for a valid mapping");
    session.select("[data-testid=import-column][data-column=Mobile] [data-testid=import-target]", "phone")?;
    session.type_into("[data-testid=import-saved-name]", "Spring fair")?;
    session.click("[data-testid=import-saved-save]")?;
    session.wait_for("the mapping saved", |s| {
        Ok(s.text("[data-testid=import-saved-said]")?.filter(|t| t.contains("Saved as “Spring fair”")))
    })?;

    assert_eq!(to_preview(&session)?, [1830, 150, 0, 0, 0, 20], "create, merge, unchanged, skipped twice, rejected");
    let rejected = session.texts("[data-testid=import-rejected] [data-testid=import-row]")?;
    assert_eq!(rejected.len(), 20);
    assert!(rejected.iter().any(|r| r.contains("First name is required")), "{rejected:?}");
    assert!(rejected.iter().any(|r| r.contains("not-an-email")), "{rejected:?}");
    let merged = session.text("[data-testid=import-duplicates] [data-testid=import-row]")?.unwrap_or_default();
    assert!(merged.contains(&format!("Merge into {} {}", existing[0].0, existing[0].1)), "{merged}");
    assert!(merged.contains("same email"), "{merged}");
    shot(&session, "preview")?;
    // One duplicate row's own fate: skipped, the counts follow; then back as planned.
    let choice = "[data-testid=import-duplicates] [data-testid=import-row-choice]";
    let counted = |want: [u64; 6]| move |s: &Session| Ok((counts(s)? == want).then_some(()));
    session.select(choice, "skip")?;
    session.wait_for("one duplicate skipped", counted([1830, 149, 0, 1, 0, 20]))?;
    session.select(choice, "as_planned")?;
    session.wait_for("the duplicate merged again", counted([1830, 150, 0, 0, 0, 20]))?;
    assert_eq!(candidates(&demo)?, before, "nothing written before the confirmation");

    session.click("[data-testid=import-confirm]")?;
    assert_eq!(report(&session)?, (1830, 150, 20));
    shot(&session, "report")?;
    let errors = files.path().join("fair-errors.csv");
    session.click("[data-testid=import-save-errors]")?;
    file_dialog::answer("Where to save the rows not imported", &errors)?;
    session.wait_for("the error file saved", |s| s.text("[data-testid=import-errors-saved]"))?;
    let text = std::fs::read_to_string(&errors).map_err(err)?;
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], format!("{HEADER},Reason"));
    assert_eq!(lines.len(), 21, "the 20 bad rows: {text}");
    assert!(lines[1..].iter().all(|l| !l.ends_with(',')), "each with its reason: {text}");
    session.click("[data-testid=import-close]")?;
    session.wait_for("the dialog closed", |s| Ok(s.text("[data-testid=import-dialog]")?.is_none().then_some(())))?;
    assert_eq!(candidates(&demo)?, before + 1830);
    session.wait_for("the search page showing them", |s| {
        Ok(s.text("[data-testid=result-count]")?
            .and_then(|t| numbers(&t).first().copied())
            .filter(|n| *n == shown + 1830))
    })?;

    // The same file again, with the mapping saved: everyone is here already, nothing to write.
    drop_file(&csv)?;
    session.wait_for("the saved mappings", |s| {
        s.script(
            "return document.querySelector('[data-testid=import-saved-use]')?.options.length > 1 || null",
            json!([]),
        )
        .map(|v| v.as_bool())
    })?;
    session.select("[data-testid=import-saved-use]", "Spring fair")?;
    session.wait_for("the mapping applied", |s| {
        Ok(s.text("[data-testid=import-saved-said]")?.filter(|t| t.contains("applied")))
    })?;
    assert!(demo.open()?.import_mapping("spring fair").map_err(err)?.is_some(), "an organisation setting");
    assert_eq!(to_preview(&session)?, [0, 0, 1980, 0, 0, 20]);
    assert!(session.attribute("[data-testid=import-confirm]", "disabled")?.is_some(), "nothing to import");
    session.press(keys::ESCAPE)?;
    session.wait_for("the dialog closed", |s| Ok(s.text("[data-testid=import-dialog]")?.is_none().then_some(())))?;
    assert_eq!(candidates(&demo)?, before + 1830, "a re-import creates nothing");
    Ok(())
}

#[test]
fn an_import_cancelled_half_way_keeps_whole_batches_and_the_rest_follows() -> Result<(), String> {
    const ROWS: u64 = 20_000;
    let demo = DemoDb::new(100, 21)?;
    let files = tempfile::tempdir().map_err(err)?;
    let csv = files.path().join("large.csv");
    std::fs::write(&csv, large_csv(ROWS as usize)).map_err(err)?;
    let before = candidates(&demo)?;

    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the results", |s| Ok(s.text("[data-testid=result-count]")?.filter(|t| !t.is_empty())))?;
    session.click("[data-testid=import-button]")?;
    file_dialog::answer("A spreadsheet to import", &csv)?;
    assert_eq!(to_preview(&session)?, [ROWS, 0, 0, 0, 0, 0]);
    session.click("[data-testid=import-confirm]")?;
    session.wait_for("a first batch written", |s| {
        let done = s.script(
            "return Number(document.querySelector('[data-testid=import-progress] progress')?.value ?? 0)",
            json!([]),
        )?;
        Ok((done.as_u64().unwrap_or(0) >= 1000).then_some(()))
    })?;
    shot(&session, "progress")?;
    session.click("[data-testid=import-cancel]")?;
    let (created, _, _) = report(&session)?;
    assert!(session.text("[data-testid=import-cancelled]")?.is_some(), "the report says it was cancelled");
    assert!(created > 0 && created < ROWS && created % 1000 == 0, "whole batches of 1,000 kept: {created}");
    assert_eq!(candidates(&demo)?, before + created);
    shot(&session, "cancelled")?;

    // The rest of the same plan is written, without planning again; the report counts both.
    session.click("[data-testid=import-again]")?;
    assert_eq!(report(&session)?.0, ROWS);
    assert_eq!(candidates(&demo)?, before + ROWS);
    Ok(())
}

/// In a German window: an admin sets the organisation's default phone country in Settings; an
/// import's options start with it, so a number written without a country code finds the
/// candidate whose number has one; a row the rules refuse says why in German.
#[test]
fn the_organisations_phone_country_is_the_imports_default_in_german() -> Result<(), String> {
    let demo = DemoDb::new(40, 22)?;
    {
        let mut store = demo.open()?;
        let admin = admin(&store)?;
        let profile = Profile {
            first_name: "Jonas".into(),
            last_name: "Weberling".into(),
            phone: Some("+49 30 1234567".into()),
            ..Profile::default()
        };
        let candidate_id = uuid::Uuid::now_v7();
        let create = Mutation::CandidateCreate { candidate_id, profile, profile_type: ProfileType::RecruiterGenerated };
        store.apply(&admin, create).map_err(err)?;
    }
    let files = tempfile::tempdir().map_err(err)?;
    let csv = files.path().join("messe.csv");
    std::fs::write(
        &csv,
        "First Name,Last Name,Mobile,Current Company\nJonas,Weberling,030 1234567,Globex\n,Ohnename,030 7654321,\n",
    )
    .map_err(err)?;

    let admin_email = demo.summary.admin_email.clone();
    let session =
        Session::start_with_env(&["--db", demo.arg()?, "--as", &admin_email], &[("TALENTDESK_LOCALE", "de-DE")])?;
    session.wait_for("the results", |s| Ok(s.text("[data-testid=result-count]")?.filter(|t| !t.is_empty())))?;
    session.click("[data-testid=rail-settings]")?;
    session.wait_for("the country list read", |s| {
        Ok(s.attribute("[data-testid=phone-country]", "disabled")?.is_none().then_some(()))
    })?;
    session.select("[data-testid=phone-country]", "DE")?;
    let saved = session.wait_for("saved", |s| s.text("[data-testid=phone-country-settings] [role=status]"))?;
    assert!(saved.contains("Deutschland"), "{saved}");
    assert_eq!(demo.open()?.phone_country().map_err(err)?.as_deref(), Some("DE"), "an organisation setting");

    session.click("[data-testid=rail-candidates]")?;
    session.wait_for("the search page", |s| s.text("[data-testid=result-count]"))?;
    drop_file(&csv)?;
    session.wait_for("the mapping", |s| s.text("[data-testid=import-mapping]"))?;
    session.click("[data-testid=import-next]")?;
    let chosen = session.wait_for("the options", |s| {
        s.script("return document.querySelector('[data-testid=import-country]')?.value || null", json!([]))
            .map(|v| v.as_str().map(str::to_owned))
    })?;
    assert_eq!(chosen, "DE", "the organisation's country, chosen for this import");
    let said = session.text("[data-testid=import-country-org]")?.unwrap_or_default();
    assert!(said.contains("Deutschland") && said.contains("Vorgabe"), "{said}");
    session.click("[data-testid=import-preview]")?;
    session.wait_for("the preview", |s| s.text("[data-testid=import-count]"))?;
    assert_eq!(counts(&session)?, [0, 1, 0, 0, 0, 1], "030 1234567 read as +49 30 1234567: Jonas merged");
    let rejected = session.text("[data-testid=import-rejected] [data-testid=import-row]")?.unwrap_or_default();
    assert!(rejected.contains("Vorname muss ausgefüllt sein"), "{rejected}");
    session.screenshot("import-phone-country-german")?;
    Ok(())
}
