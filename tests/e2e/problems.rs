//! What Rust reports goes to the window as a kind with values, and the window words it in its
//! own language: in German a malformed query says what is wrong, and where, in German.

use talentdesk_e2e::{DemoDb, Session};

#[test]
fn a_malformed_query_is_refused_in_the_windows_language() -> Result<(), String> {
    let demo = DemoDb::new(50, 3)?;
    let session = Session::start_with_env(&["--db", demo.arg()?], &[("TALENTDESK_LOCALE", "de-DE")])?;
    session.wait_for("the candidates page", |s| s.text("[data-testid=result-count]"))?;
    session.type_into("[data-testid=search-input]", "(python OR")?;
    let wanted = "Nach OR fehlt ein Begriff (bei Zeichen 8)";
    session.wait_for("the query error in German", |s| Ok(s.text("#search-error")?.filter(|t| t == wanted)))?;
    session.screenshot("german-query-error")?;

    session.type_into("[data-testid=search-input]", "\"data engineer")?;
    let wanted = "Dieses Anführungszeichen wird nie geschlossen (bei Zeichen 0)";
    session.wait_for("the next error in German", |s| Ok(s.text("#search-error")?.filter(|t| t == wanted)))?;
    Ok(())
}
