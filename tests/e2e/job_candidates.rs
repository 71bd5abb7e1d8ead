//! Candidates for a job in the real window (issue 23 item 1): a job of the demo opened, its
//! Candidates tab ranks the organisation's candidates with why each fits (the skills matched
//! among those the job asks for); a wanted skill clicked becomes required and every candidate
//! left has it in their profile (checked in the store); the top 20 ticked and added to the
//! job's pipeline are its applicants in the store and leave the list (the pipeline is left
//! out), which says so. Invite to Apply from the tab starts on the job (another may be
//! chosen). Find candidates… refuses an empty description. A radius around the job's city keeps
//! a candidate 27 km away (the reason says how far) and leaves one 255 km away out.
//! Screenshots.

use std::collections::HashSet;

use talentdesk_domain::candidate::{Location, Profile, ProfileType};
use talentdesk_domain::job::Job;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::skills::canonical;
use talentdesk_e2e::{DemoDb, Session, admin, err, keys, open_job};
use uuid::Uuid;

const ROWS: &str = "[data-testid=job-candidates] [data-testid=results] tbody tr[data-id]";
const WHY: &str = "[data-testid=job-candidates] [data-testid=match-why]";

/// The ids of the rows shown, top first.
fn shown(session: &Session) -> Result<Vec<Uuid>, String> {
    let ids = session.script(
        "return [...document.querySelectorAll(arguments[0])].map((r) => r.dataset.id)",
        serde_json::json!([ROWS]),
    )?;
    let ids: Vec<String> = serde_json::from_value(ids).map_err(err)?;
    ids.iter().map(|id| Uuid::parse_str(id).map_err(err)).collect()
}

/// From the candidates page to the job's page and its Candidates tab.
fn open_candidates(session: &Session, job: &Job) -> Result<(), String> {
    open_job(session, job)?;
    session.click("[data-testid=job-tabs] [data-tab=candidates]")?;
    Ok(())
}

/// The distance a row's reasons say ("27 km"; the reasons' text runs together, "5 years27 km").
fn km_said(why: &str) -> Option<u32> {
    let before = &why[..why.find(" km")?];
    let digits: String = before.chars().rev().take_while(|c| c.is_ascii_digit() || *c == ',').collect();
    digits.chars().rev().filter(char::is_ascii_digit).collect::<String>().parse().ok()
}

/// The Invite to Apply dialog's job field: the job's id and the words shown for it.
fn job_field(session: &Session) -> Result<Option<(String, String)>, String> {
    let field = session.script(
        "const s = document.querySelector('[data-testid=compose-job]'); \
         return s ? [s.value, s.selectedOptions[0]?.textContent ?? ''] : null;",
        serde_json::json!([]),
    )?;
    serde_json::from_value(field).map_err(err)
}

#[test]
fn a_jobs_candidates_show_why_a_skill_is_required_and_the_top_20_join_its_pipeline() -> Result<(), String> {
    let demo = DemoDb::new(3_000, 29)?;
    let store = demo.open()?;
    // The demo's Staff Software Engineer asks for its family's core skills (programming).
    let job = store.jobs().map_err(err)?.into_iter().find(|j| j.title == "Staff Software Engineer").ok_or("no job")?;
    assert!(job.skills.len() >= 5, "the demo job has skills: {:?}", job.skills);
    let applicants_before = store.job_view(job.id).map_err(err)?.applicants.len();
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    open_candidates(&session, &job)?;
    session.wait_for("ranked candidates", |s| Ok(Some(()).filter(|_| s.texts(WHY).is_ok_and(|w| w.len() >= 20))))?;

    // Each of the first rows says which of the job's skills the candidate has.
    let reasons = session.texts(WHY)?;
    for why in reasons.iter().take(10) {
        assert!(job.skills.iter().any(|skill| why.contains(skill.as_str())), "a wanted skill in {why:?}");
        assert!(why.contains('%'), "the fit: {why}");
    }
    session.screenshot("job-candidates")?;

    // Require the job's first skill: everyone left has it in their profile.
    let required = session.text("[data-testid=require-skill]")?.ok_or("no wanted skill shown")?;
    let before = shown(&session)?;
    session.click("[data-testid=require-skill]")?;
    session.wait_for("the skill pressed", |s| {
        Ok(s.attribute("[data-testid=require-skill]", "aria-pressed")?.filter(|p| p == "true"))
    })?;
    let after = session.wait_for("the list ranked again", |s| {
        let ids = shown(s)?;
        Ok(Some(ids).filter(|ids| !ids.is_empty() && *ids != before))
    })?;
    let store = demo.open()?;
    let admin = admin(&store)?;
    for id in &after {
        let skills = store.profile(&admin, *id).map_err(err)?.candidate.profile.skills;
        assert!(skills.iter().any(|s| canonical(s) == required), "{id} has {required}: {skills:?}");
    }
    assert!(after.len() >= 20, "enough candidates have {required}: {}", after.len());
    session.screenshot("job-candidates-required")?;

    // Tick the top 20 and add them to the job's pipeline.
    let top: Vec<Uuid> = after[..20].to_vec();
    for id in &top {
        session.click(&format!("{ROWS}[data-id=\"{id}\"] [data-testid=select-row]"))?;
    }
    let button = session.text("[data-testid=match-add-to-job]")?.unwrap_or_default();
    assert!(button.contains("20"), "the button counts them: {button}");
    session.click("[data-testid=match-add-to-job]")?;
    let applicants: HashSet<Uuid> = session.wait_for("the 20 in the pipeline", |_| {
        let view = store.job_view(job.id).map_err(err)?;
        let ids: HashSet<Uuid> = view.applicants.iter().map(|a| a.candidate.id).collect();
        Ok(Some(ids).filter(|ids| ids.len() == applicants_before + 20))
    })?;
    assert!(top.iter().all(|id| applicants.contains(id)), "each of the top 20 applied");
    // The list ranks again without them and says they are in the pipeline.
    session.wait_for("the top 20 gone from the list", |s| {
        let ids = shown(s)?;
        Ok(Some(()).filter(|_| !ids.is_empty() && ids.iter().all(|id| !top.contains(id))))
    })?;
    let summary = session.text("[data-testid=match-summary]")?.unwrap_or_default();
    assert!(summary.contains("in the pipeline left out"), "{summary}");
    session.screenshot("job-candidates-added")?;

    // Invite to Apply from the tab starts on this job, and another may still be chosen.
    let first = shown(&session)?.into_iter().next().ok_or("no candidate left")?;
    session.click(&format!("{ROWS}[data-id=\"{first}\"] [data-testid=select-row]"))?;
    session.click("[data-testid=job-candidates] [data-testid=bulk-invite]")?;
    let (value, label) = session.wait_for("the job field", job_field)?;
    assert_eq!(value, job.id.to_string(), "the job field starts on the job: {label}");
    assert!(label.starts_with(&job.title), "{label}");
    session.screenshot("job-candidates-invite")?;
    let other = session.script(
        "return [...document.querySelectorAll('[data-testid=compose-job] option')].map((o) => o.value).find((v) => v !== arguments[0]) ?? null",
        serde_json::json!([job.id]),
    )?;
    let other = other.as_str().ok_or("only one open job")?.to_owned();
    session.select("[data-testid=compose-job]", &other)?;
    let (value, _) = job_field(&session)?.ok_or("the job field left")?;
    assert_eq!(value, other, "another job may be chosen");
    session.press(keys::ESCAPE)?;
    session.wait_for("the dialog closed", |s| Ok(s.text("[data-testid=compose]")?.is_none().then_some(())))?;

    // Find candidates… with nothing pasted: refused, saying why.
    session.click("[data-testid=find-candidates-open]")?;
    session.click("[data-testid=find-submit]")?;
    let refused = session.wait_for("the refusal", |s| s.text("[data-testid=find-error]"))?;
    assert!(refused.contains("Paste a job description"), "{refused}");
    Ok(())
}

#[test]
fn find_candidates_ranks_a_pasted_job_description() -> Result<(), String> {
    let demo = DemoDb::new(1_000, 31)?;
    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the candidates page", |s| s.text("[data-testid=result-count]"))?;
    session.click("[data-testid=rail-jobs]")?;
    session.click("[data-testid=find-candidates-open]")?;
    let ad = "Registered Nurse (ICU)\nWe look for a nurse with Patient Care, Triage and Wound Care, 3+ years.\n";
    session.type_into("[data-testid=find-text]", ad)?;
    session.click("[data-testid=find-submit]")?;
    let title = session.wait_for("the description read", |s| s.text("[data-testid=find-title]"))?;
    assert!(title.contains("Registered Nurse"), "{title}");
    session.wait_for("ranked candidates", |s| Ok(Some(()).filter(|_| s.texts(WHY).is_ok_and(|w| !w.is_empty()))))?;
    let first = session.texts(WHY)?.into_iter().next().unwrap_or_default();
    assert!(["Patient Care", "Triage", "Wound Care"].iter().any(|s| first.contains(s)), "{first}");
    session.screenshot("find-candidates")?;
    Ok(())
}

#[test]
fn a_job_without_skills_says_so_until_its_dialog_gives_it_some() -> Result<(), String> {
    let demo = DemoDb::new(1_000, 37)?;
    let store = demo.open()?;
    // The demo's Senior Backend Engineer names no skill, nor does its title.
    let job = store.jobs().map_err(err)?.into_iter().find(|j| j.title == "Senior Backend Engineer").ok_or("no job")?;
    assert!(job.skills.is_empty() && job.description.is_empty());
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    open_candidates(&session, &job)?;
    let said = session.wait_for("the message", |s| s.text("[data-testid=match-error]"))?;
    assert!(said.contains("add skills or a description"), "{said}");

    // Edit job: a skill and a description; the tab ranks on both at once.
    session.click("[data-testid=job-edit]")?;
    session.type_into("[data-testid=job-field-skills-input]", &format!("Rust{}", keys::ENTER))?;
    session.wait_for("the chip", |s| s.text("[data-testid=job-field-skills-chip]"))?;
    session.type_into("[data-testid=job-field-description]", "Backend work in Rust and PostgreSQL, 4+ years.")?;
    session.click("[data-testid=dialog-submit]")?;
    let stored = session.wait_for("the job saved", |_| {
        let job = demo.open()?.jobs().map_err(err)?.into_iter().find(|j| j.id == job.id);
        Ok(job.filter(|j| !j.skills.is_empty()))
    })?;
    assert_eq!(stored.skills, ["Rust"]);
    assert!(stored.description.contains("PostgreSQL"), "{}", stored.description);
    session.wait_for("ranked candidates", |s| Ok(Some(()).filter(|_| s.texts(WHY).is_ok_and(|w| !w.is_empty()))))?;
    let wanted = session.texts("[data-testid=require-skill]")?;
    assert_eq!(wanted, ["Rust", "PostgreSQL"], "its own skill, then the description's");
    let first = session.texts(WHY)?.into_iter().next().unwrap_or_default();
    assert!(first.contains("Rust") || first.contains("PostgreSQL"), "{first}");
    session.screenshot("job-dialog-skills")?;
    Ok(())
}

#[test]
fn a_radius_keeps_the_candidates_near_the_job_says_how_far_and_leaves_the_far_out() -> Result<(), String> {
    let demo = DemoDb::new(1_000, 41)?;
    let mut store = demo.open()?;
    // The demo's Staff Software Engineer is in Berlin; two who fit it well are planted, one in
    // Potsdam (about 27 km away), two in Hamburg (about 255 km), one of them willing to move.
    let job = store.jobs().map_err(err)?.into_iter().find(|j| j.title == "Staff Software Engineer").ok_or("no job")?;
    assert_eq!(job.location, "Berlin, DE");
    let admin_user = admin(&store)?;
    let plant = |store: &mut talentdesk_store::Store, first: &str, city: &str, moves: bool| -> Result<Uuid, String> {
        let id = talentdesk_domain::new_id();
        let profile = Profile {
            first_name: first.into(),
            last_name: "Planted".into(),
            current_title: job.title.clone(),
            skills: job.skills.clone(),
            location: Location { city: city.into(), region: String::new(), country: "DE".into() },
            willing_to_relocate: Some(moves),
            ..Profile::default()
        };
        let create =
            Mutation::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::RecruiterGenerated };
        store.apply(&admin_user, create).map_err(err)?;
        Ok(id)
    };
    let near = plant(&mut store, "Nahe", "Potsdam", false)?;
    let far = plant(&mut store, "Ferne", "Hamburg", false)?;
    let mover = plant(&mut store, "Umzug", "Hamburg", true)?;
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    open_candidates(&session, &job)?;
    let anywhere = session.wait_for("both planted ranked", |s| {
        let ids = shown(s)?;
        Ok(Some(ids).filter(|ids| [near, far, mover].iter().all(|id| ids.contains(id))))
    })?;

    session.select("[data-testid=match-place]", "50")?;
    let within = session.wait_for("the list ranked again", |s| {
        let ids = shown(s)?;
        Ok(Some(ids).filter(|ids| !ids.is_empty() && *ids != anywhere))
    })?;
    assert!(within.contains(&near), "Potsdam is within 50 km of Berlin");
    assert!(!within.contains(&far) && !within.contains(&mover), "Hamburg is not");
    let why = |id: Uuid| session.text(&format!("{ROWS}[data-id=\"{id}\"] [data-testid=match-why]"));
    let near_why = why(near)?.ok_or("no reason for the Potsdam candidate")?;
    assert!(km_said(&near_why).is_some_and(|km| (20..35).contains(&km)), "the distance shown: {near_why}");
    // Everyone else kept is in Berlin itself (the demo's other places are far away).
    for id in within.iter().filter(|id| **id != near) {
        let said = why(*id)?.unwrap_or_default();
        assert!(said.contains("lives there"), "{said}");
    }
    session.screenshot("job-candidates-radius")?;

    // Or willing to relocate: the Hamburg candidate who would move comes back, saying so and
    // how far; the one who would not stays out.
    session.click("[data-testid=match-or-relocating]")?;
    let relocating =
        session.wait_for("the mover ranked", |s| Ok(Some(shown(s)?).filter(|ids| ids.contains(&mover))))?;
    assert!(!relocating.contains(&far));
    let mover_why = why(mover)?.unwrap_or_default();
    assert!(mover_why.contains("would relocate (2"), "{mover_why}");
    Ok(())
}
