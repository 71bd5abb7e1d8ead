//! Fresh data in the real window against a real server (issue 27, item 3), with the real
//! keychain (see tests/e2e/sync.rs). A teammate's desktop (headless) changes a candidate
//! while the recruiter has their profile open with a note half-written: the profile shows
//! the change within seconds and the note is still there. What the recruiter does in the
//! profile shows in the preview after Esc; Add to Pipeline at "Contacted" shows Contacted in
//! the profile and on the Pipelines page; a candidate the teammate deletes meanwhile says so.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use serde_json::json;
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::Selection;
use talentdesk_domain::user::Role;
use talentdesk_e2e::{Session, err, keys, sign_in, tick_tag};
use talentdesk_server::testing::{Instance, PASSWORD};
use talentdesk_sync::engine::Replica;
use uuid::Uuid;

/// How soon a teammate's change must show: the live stream announces it, the window pulls.
const PROMPTLY: Duration = Duration::from_secs(5);
const PROFILE: &str = "[data-testid=profile-page]";
const DRAFT: &str = "[data-testid=note-draft]";

/// The teammate's desktop: applies a change and sends it to the server at once.
struct Teammate<'a> {
    replica: Replica,
    runtime: &'a tokio::runtime::Runtime,
}

impl Teammate<'_> {
    fn apply(&self, mutation: Mutation) -> Result<(), String> {
        self.replica.store.lock().map_err(err)?.apply(&self.replica.user, mutation).map_err(err)?;
        self.runtime.block_on(self.replica.engine.sync_once()).map_err(err)?;
        Ok(())
    }

    fn create(&self, first: &str, last: &str) -> Result<Uuid, String> {
        let id = new_id();
        let profile = Profile { first_name: first.into(), last_name: last.into(), ..Profile::default() };
        self.apply(Mutation::CandidateCreate {
            candidate_id: id,
            profile,
            profile_type: ProfileType::RecruiterGenerated,
        })?;
        Ok(id)
    }
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
    let runtime = tokio::runtime::Runtime::new().map_err(err)?;
    let server = runtime.block_on(Instance::start());
    let admin = runtime.block_on(server.add_user("admin@acme.test", Role::RecruiterAdmin));
    let rita = runtime.block_on(server.add_user(&format!("rita+{}@acme.test", std::process::id()), Role::Recruiter));
    let desk = tempfile::tempdir().map_err(err)?;
    let replica = runtime
        .block_on(Replica::sign_in(&desk.path().join("admin.db"), &server.url, &admin.email, PASSWORD))
        .map_err(err)?;
    runtime.block_on(replica.engine.first_sync(Arc::new(AtomicBool::new(false)), |_| {})).map_err(err)?;
    let teammate = Teammate { replica, runtime: &runtime };
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

    let data = tempfile::tempdir().map_err(err)?;
    let data_dir = data.path().to_str().ok_or("the temporary path is not UTF-8")?;
    let session = Session::start_with_env(&[], &[("TALENTDESK_DATA_DIR", data_dir)])?;
    sign_in(&session, &server.url, &rita.email, PASSWORD)?;
    session.wait_for("the team's candidates", |s| {
        Ok(s.text("[data-testid=result-count]")?.filter(|t| t == "2 results"))
    })?;

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
    session.click("[data-testid=rail-pipelines]")?;
    let backend_button = format!("[data-testid=pipelines-page] button[data-id=\"{backend}\"]");
    session.wait_for("Backend in the pipelines list", |s| s.text(&backend_button))?;
    session.click(&backend_button)?;
    session.click("[data-testid=pipeline-tabs] [data-tab=in_pipeline]")?;
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
