//! Insights on the search page (issue 23 item 2): the charts of the search shown; a click on a
//! country's bar narrows the search to it and the result count follows, a Shift+click on a
//! skill's bar leaves those out; the charts saved as XLSX are read back (one sheet per chart,
//! the numbers the store counts), and one chart as PNG; a search matching nobody says there is
//! nothing to chart.
//! Screenshots in the light and the dark theme.

use calamine::{Data, DataType, Reader, Xlsx, open_workbook};
use serde_json::json;
use talentdesk_domain::search::{Facet, FacetFilter, SearchFilters, SearchRequest};
use talentdesk_e2e::{DemoDb, Session, err, keys, numbers, shows_count};
use talentdesk_store::search::insights::Insights;

const COUNTRY_BARS: &str = "[data-testid=insight-chart][data-facet=country] [data-testid=insight-bar]";
const SKILL_BARS: &str = "[data-testid=insight-chart][data-facet=skill] [data-testid=insight-bar]";

/// WebKitGTK takes `prefers-color-scheme` from the GTK theme: a dark variant of it means dark.
const DARK: (&str, &str) = ("GTK_THEME", "Adwaita:dark");

fn count_of(insights: &Insights, facet: Facet, value: &str) -> Option<u64> {
    let chart = insights.charts.iter().find(|c| c.facet == facet)?;
    chart.bars.iter().find(|b| b.value == value).map(|b| b.count)
}

fn open_insights(session: &Session, total: u64) -> Result<(), String> {
    shows_count(session, "[data-testid=result-count]", total)?;
    session.click("[data-testid=mode-insights]")?;
    shows_count(session, "[data-testid=insights-total]", total)?;
    session.wait_for("the charts", |s| Ok(Some(()).filter(|_| s.texts(COUNTRY_BARS).is_ok_and(|b| !b.is_empty()))))?;
    Ok(())
}

fn country(value: &str, exclude: bool) -> FacetFilter {
    FacetFilter { facet: Facet::Country, value: value.into(), exclude }
}

#[test]
fn insights_chart_a_search_filter_by_a_click_and_export_as_xlsx() -> Result<(), String> {
    let demo = DemoDb::new(2_000, 23)?;
    let store = demo.open()?;
    let everyone = store.insights(&SearchRequest::default(), 10).map_err(err)?;
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    open_insights(&session, everyone.total)?;
    let charts = session.texts("[data-testid=insight-chart] h2")?;
    assert_eq!(charts.len(), Facet::ALL.len(), "every chart: {charts:?}");
    session.screenshot("insights")?;
    session.script("document.querySelector('[data-testid=insights]').scrollTop = 1e6", json!([]))?;
    session.screenshot("insights-more")?;
    session.script("document.querySelector('[data-testid=insights]').scrollTop = 0", json!([]))?;

    // A click on the first country's bar: only its candidates, as many as the bar said.
    let first = session.attribute(COUNTRY_BARS, "data-value")?.ok_or("no country bar")?;
    let in_country = count_of(&everyone, Facet::Country, &first).ok_or("the bar's country is counted")?;
    session.click(COUNTRY_BARS)?;
    shows_count(&session, "[data-testid=result-count]", in_country)?;
    shows_count(&session, "[data-testid=insights-total]", in_country)?;
    let chips = session.text("[data-testid=filter-chips]")?.unwrap_or_default();
    assert!(chips.contains("Country:"), "the click shows as a chip: {chips}");

    // A Shift+click on the first skill's bar there leaves its candidates out.
    let store = demo.open()?;
    let only = |facets| SearchRequest { filters: SearchFilters { facets, ..Default::default() }, ..Default::default() };
    let there = store.insights(&only(vec![country(&first, false)]), 10).map_err(err)?;
    session.wait_for("the skills of the country", |s| {
        Ok(s.attribute(SKILL_BARS, "data-value")?.filter(|v| count_of(&there, Facet::Skill, v).is_some()))
    })?;
    let skill = session.attribute(SKILL_BARS, "data-value")?.ok_or("no skill bar")?;
    let with_skill = count_of(&there, Facet::Skill, &skill).ok_or("the skill is counted")?;
    // (Pointer actions do not scroll to their element as a click does.)
    session.script("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })", json!([SKILL_BARS]))?;
    session.click_with(keys::SHIFT, SKILL_BARS)?;
    let left = in_country - with_skill;
    shows_count(&session, "[data-testid=result-count]", left)?;
    let narrowed =
        vec![country(&first, false), FacetFilter { facet: Facet::Skill, value: skill.clone(), exclude: true }];
    let expected = store.insights(&only(narrowed), 50).map_err(err)?;
    assert_eq!(expected.total, left, "the store agrees with the window");
    session.screenshot("insights-filtered")?;

    // Export as XLSX by name to the exports folder, and read it back.
    session.click("[data-testid=insights-export-button]")?;
    session.wait_for("the export form", |s| s.text("[data-testid=insights-export]"))?;
    let folder = session.script("return document.querySelector('[data-testid=export-folder]').value", json!([]))?;
    let name = format!("insights-{}.xlsx", uuid::Uuid::now_v7());
    let saved = std::path::Path::new(folder.as_str().ok_or("no export folder shown")?).join(&name);
    session.type_into("[data-testid=export-name]", &name)?;
    session.click("[data-testid=dialog-submit]")?;
    session.wait_for("the file", |_| Ok(saved.exists().then_some(())))?;
    let mut book: Xlsx<_> = open_workbook(&saved).map_err(err)?;
    let sheets = book.sheet_names();
    assert_eq!(sheets.len(), 1 + Facet::ALL.len(), "a summary and a sheet per chart: {sheets:?}");
    let summary = book.worksheet_range("Summary").map_err(err)?;
    assert_eq!(summary.get_value((1, 1)), Some(&Data::Float(left as f64)), "the summary's count");
    let described = summary.get_value((0, 1)).map(|d| d.to_string()).unwrap_or_default();
    assert!(described.contains("Country:") && described.contains(&skill), "what was searched: {described}");
    let skills = book.worksheet_range("Skills").map_err(err)?;
    let rows: Vec<(String, f64)> =
        skills.rows().skip(1).filter_map(|r| Some((r.first()?.to_string(), r.get(1)?.as_f64()?))).collect();
    let expected_skills = &expected.charts.iter().find(|c| c.facet == Facet::Skill).ok_or("a skill chart")?.bars;
    for bar in expected_skills {
        assert!(rows.contains(&(bar.label.clone(), bar.count as f64)), "{} {} in {rows:?}", bar.label, bar.count);
    }
    assert!(rows.iter().all(|(label, _)| *label != skill), "the left-out skill is in no row");
    let _ = std::fs::remove_file(&saved);

    // One chart as a picture, where the Save dialog chose: the chart library's own PNG.
    let pictures = tempfile::tempdir().map_err(err)?;
    let png = pictures.path().join("countries.png");
    session.click("[data-testid=insight-chart][data-facet=country] [data-testid=insight-png]")?;
    talentdesk_e2e::file_dialog::answer("Save the Country chart as PNG", &png)?;
    let bytes = session.wait_for("the picture", |_| Ok(std::fs::read(&png).ok().filter(|b| b.len() > 1_000)))?;
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG: {} bytes", bytes.len());

    // A search matching nobody: the charts say so instead of drawing empty axes.
    session.paste_search("zzqxnobodyhasthis")?;
    let empty = session.wait_for("the empty state", |s| s.text("[data-testid=insights-empty]"))?;
    assert!(empty.contains("nothing to chart"), "{empty}");
    assert!(numbers(&session.text("[data-testid=insights-total]")?.unwrap_or_default()).first() == Some(&0));
    session.screenshot("insights-empty")?;
    drop(session);

    // The dark theme: the same charts, readable.
    let dark = Session::start_with_env(&["--db", demo.arg()?], &[DARK])?;
    let is_dark = dark.script("return matchMedia('(prefers-color-scheme: dark)').matches", json!([]))?;
    assert_eq!(is_dark, json!(true), "the window is dark");
    open_insights(&dark, everyone.total)?;
    dark.screenshot("insights-dark")?;
    Ok(())
}
