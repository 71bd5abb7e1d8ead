//! axe-core, the accessibility checker, run in the real window: its script (installed with the
//! UI, `ui/node_modules/axe-core/axe.min.js`) is put into the page over WebDriver, run on what
//! the window shows, and its serious and critical findings come back as [`Violation`]s.

use std::fmt;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::{Result, Session, workspace};

/// One rule broken by one element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// axe's rule, e.g. `color-contrast`.
    pub rule: String,
    /// `serious` or `critical`.
    pub impact: String,
    /// The element, as a CSS selector.
    pub target: String,
    /// What is wrong with it and how to fix it, in axe's words.
    pub summary: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {} at {}: {}", self.impact, self.rule, self.target, self.summary.replace('\n', " "))
    }
}

/// Runs axe on the whole page and returns what is serious or critical.
pub fn check(session: &Session) -> Result<Vec<Violation>> {
    inject(session)?;
    // axe runs asynchronously: started here, its result read back when it is there.
    let started = session.script(
        "window.__axe = null; \
         axe.run(document, { resultTypes: ['violations'] }) \
           .then(r => window.__axe = { violations: r.violations }) \
           .catch(e => window.__axe = { error: String(e) }); \
         return true;",
        json!([]),
    )?;
    if started.as_bool() != Some(true) {
        return Err(format!("axe did not start: {started}"));
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    let result = loop {
        let result = session.script("return window.__axe", json!([]))?;
        if !result.is_null() {
            break result;
        }
        if Instant::now() > deadline {
            return Err("axe did not finish within 60 s".into());
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    if let Some(error) = result.get("error") {
        return Err(format!("axe failed: {error}"));
    }
    Ok(serious(&result["violations"]))
}

/// Puts axe into the page, unless it is there already (a page stays loaded between checks).
fn inject(session: &Session) -> Result<()> {
    if session.script("return typeof window.axe === 'object'", json!([]))?.as_bool() == Some(true) {
        return Ok(());
    }
    let path = workspace().join("ui/node_modules/axe-core/axe.min.js");
    let source = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {} ({e}); run `npm ci` in ui/", path.display()))?;
    let loaded = session.script(&format!("{source}\n;return typeof window.axe === 'object';"), json!([]))?;
    if loaded.as_bool() == Some(true) { Ok(()) } else { Err("axe did not load into the page".into()) }
}

/// The serious and critical findings of axe's `violations`, one per element.
fn serious(violations: &Value) -> Vec<Violation> {
    let mut found = Vec::new();
    for rule in violations.as_array().into_iter().flatten() {
        let impact = rule["impact"].as_str().unwrap_or_default();
        if !matches!(impact, "serious" | "critical") {
            continue;
        }
        for node in rule["nodes"].as_array().into_iter().flatten() {
            let target = node["target"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|t| t.as_str().map(str::to_owned).unwrap_or_else(|| t.to_string()))
                .collect::<Vec<_>>()
                .join(" >> ");
            found.push(Violation {
                rule: rule["id"].as_str().unwrap_or_default().to_owned(),
                impact: impact.to_owned(),
                target,
                summary: node["failureSummary"]
                    .as_str()
                    .unwrap_or(rule["help"].as_str().unwrap_or_default())
                    .to_owned(),
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_only_serious_and_critical_findings_one_per_element() {
        let violations = json!([
            { "id": "color-contrast", "impact": "serious", "help": "Contrast", "nodes": [
                { "target": [".a"], "failureSummary": "Fix this: too light" },
                { "target": ["iframe", ".b"], "failureSummary": "Fix this: too light" }
            ] },
            { "id": "region", "impact": "moderate", "help": "Landmarks", "nodes": [{ "target": ["main"] }] }
        ]);
        let found = serious(&violations);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].rule, "color-contrast");
        assert_eq!(found[1].target, "iframe >> .b");
        assert_eq!(found[0].summary, "Fix this: too light");
    }
}
