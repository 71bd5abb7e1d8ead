//! Awkward data renders cleanly in the real window: a profile with almost nothing in it, very
//! long names, right-to-left and CJK text, and markup in every field (shown as text, never
//! run); plus a search with no results.

use talentdesk_domain::candidate::{Employment, Location, Profile, ProfileType};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_e2e::{DemoDb, Session, admin};
use uuid::Uuid;

const MARKUP: &str = "<img src=x onerror=\"window.pwned=1\">";
const SCRIPT: &str = "<script>window.pwned=2</script>";

struct Awkward {
    first: String,
    last: String,
    title: String,
    city: String,
}

impl Awkward {
    fn new(first: &str, last: &str, title: &str, city: &str) -> Self {
        Self { first: first.into(), last: last.into(), title: title.into(), city: city.into() }
    }

    fn name(&self) -> String {
        format!("{} {}", self.first, self.last)
    }

    fn profile(&self) -> Profile {
        Profile {
            first_name: self.first.clone(),
            last_name: self.last.clone(),
            current_title: self.title.clone(),
            current_employer: if self.title.is_empty() { String::new() } else { self.title.clone() },
            location: Location { city: self.city.clone(), region: String::new(), country: String::new() },
            employment: if self.title.is_empty() {
                Vec::new()
            } else {
                vec![Employment {
                    title: self.title.clone(),
                    employer: self.title.clone(),
                    start: None,
                    end: None,
                    current: true,
                }]
            },
            ..Profile::default()
        }
    }
}

#[test]
fn awkward_profiles_render_as_text() -> Result<(), String> {
    let demo = DemoDb::new(30, 1)?;
    let mut store = demo.open()?;
    let admin = admin(&store)?;
    let people = [
        ("empty", Awkward::new("Quinn", "Zephyrine", "", "")),
        (
            "long",
            Awkward::new(
                &"Wolfeschlegelsteinhausen".repeat(4),
                &"Bergerdorffvoralternwaren".repeat(4),
                &"Principal Staff Engineer for Distributed Systems Reliability ".repeat(3),
                "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch",
            ),
        ),
        ("rtl", Awkward::new("مريم", "الحسيني", "مهندسة برمجيات", "عمّان")),
        ("cjk", Awkward::new("小明", "王", "软件工程师", "深圳")),
        ("markup", Awkward::new(MARKUP, SCRIPT, "<b>Bold</b> & <i>brave</i>", "<marquee>Town</marquee>")),
    ];
    let mut ids: Vec<(&str, Uuid, String)> = Vec::new();
    for (label, person) in &people {
        let id = new_id();
        store
            .apply(
                &admin,
                Mutation::CandidateCreate {
                    candidate_id: id,
                    profile: person.profile(),
                    profile_type: ProfileType::RecruiterGenerated,
                },
            )
            .map_err(|e| format!("{label}: {e}"))?;
        ids.push((label, id, person.name()));
    }
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the results", |s| s.text("[data-testid=result-count]"))?;

    session.type_into("[data-testid=search-input]", "zzzzqqqxx")?;
    let empty = session.wait_for("the empty state", |s| s.text(".empty"))?;
    assert!(empty.contains("No candidates match this search."), "{empty}");
    session.screenshot("bad-input-no-results")?;

    for (label, id, name) in &ids {
        // Find each by its name's first word; the row shows the name as typed.
        let first_word = name.split_whitespace().next().unwrap_or_default();
        let query = format!("\"{}\"", first_word.replace('"', ""));
        session.type_into("[data-testid=search-input]", &query)?;
        let row = format!("[data-testid=results] tr[data-id=\"{id}\"] td.name .open");
        let shown = session.wait_for(&format!("the {label} row"), |s| s.text(&row))?;
        assert_eq!(shown, *name, "{label}: the table shows the name as it is");
        session.screenshot(&format!("bad-input-{label}-table"))?;

        session.click(&row)?;
        let heading = session.wait_for(&format!("the {label} profile"), |s| {
            s.text("[data-testid=profile-page] [data-testid=profile-name]")
        })?;
        assert_eq!(heading, *name, "{label}: the profile shows the name as it is");
        let blocks = session.text("[data-testid=background-profile]")?.unwrap_or_default();
        assert!(blocks.to_lowercase().contains("no work history yet") || !blocks.is_empty());
        session.screenshot(&format!("bad-input-{label}-profile"))?;
        session.press(talentdesk_e2e::keys::ESCAPE)?;
        session.wait_for("the table again", |s| s.text("[data-testid=result-count]"))?;
    }

    // Nothing in the fields ran or became markup.
    let injected = session.script(
        "return { pwned: window.pwned ?? null, imgs: document.querySelectorAll('main img').length, \
         marquees: document.querySelectorAll('marquee, b, i').length };",
        serde_json::json!([]),
    )?;
    assert_eq!(injected, serde_json::json!({ "pwned": null, "imgs": 0, "marquees": 0 }));
    Ok(())
}
