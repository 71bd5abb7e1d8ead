//! Fresh data in the real window against a real server (issue 27, item 3), with the real
//! keychain (see tests/e2e/sync.rs). A teammate's desktop (headless) changes a candidate
//! while the recruiter has their profile open with a note half-written: the profile shows
//! the change within seconds and the note is still there. What the recruiter does in the
//! profile shows in the preview after Esc; Add to Pipeline at "Contacted" shows Contacted in
//! the profile and on the Pipelines page; a candidate the teammate deletes meanwhile says so.
//! Issue 19 item 7: with the search scrolled down and a row previewed, a pipeline's Board and
//! a job's applicants open, the teammate's tag, move and hiring status show there too, and
//! the results keep their scroll position.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use serde_json::json;
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::job::Job;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::Selection;
use talentdesk_domain::user::{Role, User};
use talentdesk_e2e::{Session, err, keys, sign_in, tick_tag};
use talentdesk_server::testing::{Instance, PASSWORD};
use talentdesk_sync::engine::Replica;
use tempfile::TempDir;
use uuid::Uuid;

/// How soon a teammate's change must show: the live stream announces it, the window pulls.
const PROMPTLY: Duration = Duration::from_secs(5);
const PROFILE: &str = "[data-testid=profile-page]";
const DRAFT: &str = "[data-testid=note-draft]";

/// The teammate's desktop: applies a change and sends it to the server at once.
struct Teammate {
    replica: Replica,
    runtime: tokio::runtime::Runtime,
}

/// A real server with an admin (the teammate, on a headless desktop) and Rita, who uses the
/// window.
struct Team {
    server: Instance,
    rita: User,
    teammate: Teammate,
    _desk: TempDir,
}

impl Team {
    fn start() -> Result<Self, String> {
        let runtime = tokio::runtime::Runtime::new().map_err(err)?;
        let server = runtime.block_on(Instance::start());
        let admin = runtime.block_on(server.add_user("admin@acme.test", Role::RecruiterAdmin));
        let rita = format!("rita+{}@acme.test", std::process::id());
        let rita = runtime.block_on(server.add_user(&rita, Role::Recruiter));
        let desk = tempfile::tempdir().map_err(err)?;
        let replica = runtime
            .block_on(Replica::sign_in(&desk.path().join("admin.db"), &server.url, &admin.email, PASSWORD))
            .map_err(err)?;
        runtime.block_on(replica.engine.first_sync(Arc::new(AtomicBool::new(false)), |_| {})).map_err(err)?;
        Ok(Self { server, rita, teammate: Teammate { replica, runtime }, _desk: desk })
    }

    /// The window, signed in as Rita, once the search says `count` (e.g. "2 results"); the
    /// directory holds its data.
    fn rita_signs_in(&self, count: &str) -> Result<(Session, TempDir), String> {
        let data = tempfile::tempdir().map_err(err)?;
        let data_dir = data.path().to_str().ok_or("the temporary path is not UTF-8")?;
        let session = Session::start_with_env(&[], &[("TALENTDESK_DATA_DIR", data_dir)])?;
        sign_in(&session, &self.server.url, &self.rita.email, PASSWORD)?;
        session
            .wait_for("the team's candidates", |s| Ok(s.text("[data-testid=result-count]")?.filter(|t| t == count)))?;
        Ok((session, data))
    }
}

impl Teammate {
    fn apply(&self, mutation: Mutation) -> Result<(), String> {
        self.apply_all(vec![mutation])
    }

    /// Applies `mutations` in order, then sends them to the server in one sync.
    fn apply_all(&self, mutations: Vec<Mutation>) -> Result<(), String> {
        let mut store = self.replica.store.lock().map_err(err)?;
        for mutation in mutations {
            store.apply(&self.replica.user, mutation).map_err(err)?;
        }
        drop(store);
        self.runtime.block_on(self.replica.engine.sync_once()).map_err(err)?;
        Ok(())
    }

    fn create(&self, first: &str, last: &str) -> Result<Uuid, String> {
        let (id, create) = created(first, last);
        self.apply(create)?;
        Ok(id)
    }
}

/// A new candidate's id and the mutation creating them.
fn created(first: &str, last: &str) -> (Uuid, Mutation) {
    let id = new_id();
    let profile = Profile { first_name: first.into(), last_name: last.into(), ..Profile::default() };
    (id, Mutation::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::RecruiterGenerated })
}

fn row(id: Uuid) -> String {
    format!("[data-testid=results] tbody tr[data-id=\"{id}\"]")
}

/// Picks an action from the open profile's Actions menu.
fn pick(session: &Session, action: &str) -> Result<(), String> {
    let list = format!("{PROFILE} [data-testid=profile-actions-list]");
    session.click(&format!("{PROFILE} [data-testid=profile-actions]"))?;
    session.wait_for("the menu", |s| s.text(&list))?;
    session.click(&format!("{list} [data-testid=action-{action}]"))
}

fn outcome(session: &Session, starts: &str) -> Result<String, String> {
    session.wait_for(starts, |s| {
        Ok(s.text("[data-testid=run-outcome]")?.map(|t| t.trim().to_owned()).filter(|t| t.starts_with(starts)))
    })
}

fn draft(session: &Session) -> Result<String, String> {
    let value = session.script("return document.querySelector(arguments[0])?.value ?? null", json!([DRAFT]))?;
    value.as_str().map(str::to_owned).ok_or_else(|| "no note box".into())
}

fn background(session: &Session, sub: &str) -> Result<String, String> {
    session.click(&format!("{PROFILE} [data-testid=background-tabs] [data-tab={sub}]"))?;
    session.wait_for(sub, |s| s.text(&format!("[data-testid=background-{sub}]")))
}

#[test]
fn an_open_profile_stays_fresh_and_keeps_what_is_being_typed() -> Result<(), String> {
    let team = Team::start()?;
    let teammate = &team.teammate;
    for tag in ["Referral", "Python"] {
        teammate.apply(Mutation::TagDefine { name: tag.into() })?;
    }
    let backend = new_id();
    let statuses = ["New", "Contacted", "Interviewing"].map(String::from).to_vec();
    teammate.apply(Mutation::PipelineCreate {
        pipeline_id: backend,
        name: "Backend".into(),
        statuses,
        private: false,
    })?;
    let ana = teammate.create("Ana", "Souza")?;
    let bo = teammate.create("Bo", "Lindqvist")?;

    let (session, _data) = team.rita_signs_in("2 results")?;

    // Ana previewed, then opened; a note begun on her Activity tab.
    session.click(&format!("{} td.location", row(ana)))?;
    session.wait_for("Ana's preview", |s| {
        Ok(s.text("[data-testid=preview] [data-testid=profile-name]")?.filter(|t| t == "Ana Souza"))
    })?;
    session.click("[data-testid=preview-open]")?;
    session.wait_for("Ana's profile", |s| s.text(&format!("{PROFILE} [data-testid=profile-name]")))?;
    background(&session, "activity")?;
    let half = "Asked about relocating to Porto; she said";
    session.type_into(DRAFT, half)?;

    // The teammate notes and tags her: the open profile shows both promptly, the note being
    // written is untouched.
    teammate.apply(Mutation::NoteAdd {
        note_id: new_id(),
        candidate_id: ana,
        body: "Teammate: she can start in May".into(),
        private: false,
    })?;
    teammate.apply(Mutation::TagsAdd { selection: Selection::Ids { ids: vec![ana] }, tags: vec!["Python".into()] })?;
    let sent = Instant::now();
    session.wait_for("the teammate's note and tag", |s| {
        let notes = s.text("[data-testid=notes]")?.unwrap_or_default();
        let header = s.text(&format!("{PROFILE} [data-testid=profile-header]"))?.unwrap_or_default();
        Ok((notes.contains("start in May") && header.contains("Python")).then_some(()))
    })?;
    assert!(sent.elapsed() < PROMPTLY, "the teammate's change took {:?} to show", sent.elapsed());
    assert_eq!(draft(&session)?, half, "the half-written note survives the refresh");
    session.screenshot("freshness-teammate-change-half-written-note")?;

    // Ctrl+Enter saves it.
    session.type_into(DRAFT, &format!("{half} yes"))?;
    session.chord(&[keys::CONTROL, keys::ENTER])?;
    session.wait_for("the note saved by Ctrl+Enter", |s| {
        Ok(s.text("[data-testid=notes]")?.filter(|t| t.contains("she said yes")))
    })?;
    assert_eq!(draft(&session)?, "", "the box is empty for the next note");

    // Add to Pipeline at Contacted: the profile's pipelines say Contacted.
    pick(&session, "add_pipeline")?;
    session.wait_for("the pipeline form", |s| s.text("[data-testid=list-form]"))?;
    session.select("[data-testid=list-choice]", &backend.to_string())?;
    session.select("[data-testid=list-status]", "Contacted")?;
    session.click("[data-testid=dialog-submit]")?;
    outcome(&session, "1 candidate added to Backend (Contacted)")?;
    background(&session, "pipelines")?;
    let pipelines = session.wait_for("Backend in her pipelines", |s| {
        Ok(s.text("[data-testid=background-pipelines]")?.filter(|t| t.contains("Backend")))
    })?;
    assert!(pipelines.contains("Contacted") && !pipelines.contains("Unreviewed"), "{pipelines}");
    session.screenshot("freshness-added-at-contacted")?;

    // Tagged in the profile, then Esc: the preview shows the tag and the profile's status.
    pick(&session, "manage_tags")?;
    session.wait_for("the tags form", |s| s.text("[data-testid=tags-list]"))?;
    tick_tag(&session, "Referral")?;
    session.click("[data-testid=dialog-submit]")?;
    session.wait_for("the tag in the profile", |s| {
        Ok(s.text(&format!("{PROFILE} [data-testid=profile-header]"))?.filter(|t| t.contains("Referral")))
    })?;
    let status = session.text(&format!("{PROFILE} [data-testid=profile-status]"))?.ok_or("no status")?;
    session.press(keys::ESCAPE)?;
    session.wait_for("the preview with the tag and the status", |s| {
        let header = s.text("[data-testid=preview] [data-testid=profile-header]")?.unwrap_or_default();
        let shown = s.text("[data-testid=preview] [data-testid=profile-status]")?.unwrap_or_default();
        Ok((s.text(PROFILE)?.is_none() && header.contains("Referral") && shown == status).then_some(()))
    })?;
    session.screenshot("freshness-preview-after-the-profile")?;

    // The Pipelines page lists her as Contacted, in the pipeline rather than unreviewed.
    open_pipeline(&session, backend, "in_pipeline")?;
    let members = session.wait_for("Ana in the pipeline", |s| {
        Ok(s.text("[data-testid=pipeline-members]")?.filter(|t| t.contains("Ana Souza")))
    })?;
    assert!(members.contains("Contacted"), "{members}");
    session.screenshot("freshness-pipeline-contacted")?;

    // Bo's profile open while the teammate deletes him: it says so, and Back leaves it.
    session.click("[data-testid=rail-candidates]")?;
    session.wait_for("Bo's row", |s| s.text(&row(bo)))?;
    session.click(&format!("{} td.name .open", row(bo)))?;
    session.wait_for("Bo's profile", |s| {
        Ok(s.text(&format!("{PROFILE} [data-testid=profile-name]"))?.filter(|t| t == "Bo Lindqvist"))
    })?;
    teammate.apply(Mutation::CandidateDelete { selection: Selection::Ids { ids: vec![bo] } })?;
    let gone = session.wait_for("the deleted state", |s| s.text("[data-testid=profile-gone]"))?;
    assert!(gone.contains("deleted") && gone.contains("teammate"), "{gone}");
    session.screenshot("freshness-deleted-by-a-teammate")?;
    session.click("[data-testid=profile-gone-back]")?;
    session.wait_for("the search without Bo", |s| {
        let back = s.text(PROFILE)?.is_none();
        Ok(s.text("[data-testid=result-count]")?.filter(|t| back && t == "1 result"))
    })?;
    Ok(())
}

/// Opens the pipeline on the Pipelines page, at its tab `tab`.
fn open_pipeline(session: &Session, id: Uuid, tab: &str) -> Result<(), String> {
    session.click("[data-testid=rail-pipelines]")?;
    let entry = format!("[data-testid=pipelines-page] button[data-id=\"{id}\"]");
    session.wait_for("the pipeline in the list", |s| s.text(&entry))?;
    session.click(&entry)?;
    session.click(&format!("[data-testid=pipeline-tabs] [data-tab={tab}]"))
}

/// The scroll position of the search results.
fn results_scroll(session: &Session) -> Result<f64, String> {
    let top =
        session.script("return document.querySelector('[data-testid=results]').parentElement.scrollTop", json!([]))?;
    top.as_f64().ok_or_else(|| format!("no scroll position: {top}"))
}

/// Issue 19 item 7: the search (scrolled down, a row previewed), a pipeline's Board and a
/// job's applicants each show a teammate's change pulled from the server within seconds, and
/// the scrolled results stay where they were.
#[test]
fn boards_applicants_and_the_scrolled_search_stay_fresh() -> Result<(), String> {
    let team = Team::start()?;
    let teammate = &team.teammate;
    let people: Vec<(Uuid, Mutation)> = (1..=80).map(|i| created(&format!("Person{i:02}"), "Fresh")).collect();
    let ana = people[0].0;
    let backend = new_id();
    let job = Job {
        id: new_id(),
        title: "Ward Nurse".into(),
        location: "Porto".into(),
        ats_id: None,
        open: true,
        skills: Vec::new(),
        description: String::new(),
    };
    let mut setup = vec![
        Mutation::TagDefine { name: "Python".into() },
        Mutation::PipelineCreate {
            pipeline_id: backend,
            name: "Backend".into(),
            statuses: ["New", "Contacted", "Interviewing"].map(String::from).to_vec(),
            private: false,
        },
        Mutation::JobCreate { job: job.clone() },
    ];
    setup.extend(people.into_iter().map(|(_, create)| create));
    setup.push(Mutation::PipelineAdd {
        selection: Selection::Ids { ids: vec![ana] },
        pipeline_id: backend,
        status: Some("New".into()),
    });
    setup.push(Mutation::JobSubmit { selection: Selection::Ids { ids: vec![ana] }, job_id: job.id });
    teammate.apply_all(setup)?;
    let (session, _data) = team.rita_signs_in("80 results")?;

    // The results scrolled halfway down; a row in view previewed.
    session.script(
        "const s = document.querySelector('[data-testid=results]').parentElement; s.scrollTop = s.scrollHeight / 2",
        json!([]),
    )?;
    let seen = session.wait_for("a row in the middle of the scrolled results", |s| {
        let id = s.script(
            "const s = document.querySelector('[data-testid=results]').parentElement.getBoundingClientRect();
             const row = [...document.querySelectorAll('[data-testid=results] tbody tr[data-id]')]
               .find((r) => { const b = r.getBoundingClientRect(); return b.top > s.top + 120 && b.bottom < s.top + s.height / 2; });
             return row ? row.dataset.id : null",
            json!([]),
        )?;
        Ok(id.as_str().map(str::to_owned))
    })?;
    let seen = Uuid::parse_str(&seen).map_err(err)?;
    session.click(&format!("{} td.location", row(seen)))?;
    let name = session.wait_for("the row's preview", |s| {
        Ok(s.text("[data-testid=preview] [data-testid=profile-name]")?.filter(|t| t.ends_with("Fresh")))
    })?;
    let before = results_scroll(&session)?;
    assert!(before > 100.0, "the results are scrolled down ({before})");

    // The teammate tags that candidate: the preview shows it, the results stay scrolled.
    teammate.apply(Mutation::TagsAdd { selection: Selection::Ids { ids: vec![seen] }, tags: vec!["Python".into()] })?;
    let sent = Instant::now();
    let tags = format!("{} td.tags", row(seen));
    session.wait_for("the tag in the preview and in the row", |s| {
        let header = s.text("[data-testid=preview] [data-testid=profile-header]")?.unwrap_or_default();
        let cell = s.text(&tags)?.unwrap_or_default();
        let now = results_scroll(s)?;
        if (now - before).abs() > 4.0 {
            return Err(format!("the results jumped from {before} to {now}"));
        }
        Ok((header.contains("Python") && cell.contains("Python")).then_some(()))
    })?;
    assert!(sent.elapsed() < PROMPTLY, "the teammate's tag took {:?} to show", sent.elapsed());
    let after = results_scroll(&session)?;
    assert!((after - before).abs() <= 4.0, "the results jumped from {before} to {after}");
    let previewed = session.text("[data-testid=preview] [data-testid=profile-name]")?;
    assert_eq!(previewed.as_deref(), Some(name.as_str()), "the same candidate is still previewed");
    session.screenshot("freshness-scrolled-search-teammate-tag")?;

    // Backend's Board: Ana's card moves to Contacted when the teammate moves her there.
    open_pipeline(&session, backend, "board")?;
    let card = |status: &str| format!("[data-testid=pipeline-board] [data-column=\"{status}\"] [data-card=\"{ana}\"]");
    session.wait_for("Ana's card at New", |s| s.text(&card("New")))?;
    teammate.apply(Mutation::PipelineSetStatus {
        candidate_id: ana,
        pipeline_id: backend,
        status: "Contacted".into(),
    })?;
    let sent = Instant::now();
    session.wait_for("Ana's card at Contacted", |s| s.text(&card("Contacted")))?;
    assert!(sent.elapsed() < PROMPTLY, "the teammate's move took {:?} to show", sent.elapsed());
    assert_eq!(session.text(&card("New"))?, None, "the card left New");

    // The job's applicants: Ana's hiring status follows the teammate's change.
    session.click("[data-testid=rail-jobs]")?;
    let entry = format!("[data-testid=jobs-page] button[data-id=\"{}\"]", job.id);
    session.wait_for("the job in the list", |s| s.text(&entry))?;
    session.click(&entry)?;
    let status = format!("[data-testid=job-applicants] tr[data-id=\"{ana}\"] [data-testid=applicant-status]");
    session.wait_for("Ana as a new submission", |s| Ok(s.text(&status)?.filter(|t| t == "New Submission")))?;
    teammate.apply(Mutation::ApplicationSetStatus {
        job_id: job.id,
        candidate_id: ana,
        bin: "Interviewing".into(),
        hiring_status: "Interview".into(),
    })?;
    let sent = Instant::now();
    session.wait_for("Ana at Interview", |s| Ok(s.text(&status)?.filter(|t| t == "Interview")))?;
    assert!(sent.elapsed() < PROMPTLY, "the teammate's status took {:?} to show", sent.elapsed());
    Ok(())
}
