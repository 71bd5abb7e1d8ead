//! Probe (being written).
use serde_json::json;
use talentdesk_e2e::{DemoDb, Session, axe};

#[test]
fn probe() -> Result<(), String> {
    let db = DemoDb::new(60, 7)?;
    for env in [vec![], vec![("GTK_THEME", "Adwaita:dark")]] {
        let session = Session::start_with_env(&["--db", db.arg()?], &env)?;
        session.wait_for("the table", |s| s.text("[data-testid=result-count]"))?;
        println!("dark: {}", session.script("return matchMedia('(prefers-color-scheme: dark)').matches", json!([]))?);
        let t = std::time::Instant::now();
        let found = axe::check(&session)?;
        println!("axe {:?}", t.elapsed());
        for v in &found {
            println!("{v}");
        }
        println!("{}", session.script("return [innerWidth, innerHeight, devicePixelRatio]", json!([]))?);
        println!("resize: {:?}", session.resize(1280, 720));
        std::thread::sleep(std::time::Duration::from_millis(500));
        println!("{}", session.script("return [innerWidth, innerHeight]", json!([]))?);
        session.screenshot("a11y-probe")?;
    }
    Ok(())
}
