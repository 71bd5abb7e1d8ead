//! A job's page in the real window: an applicant dragged on the board to Interview, another
//! dragged to another ATS bin on the board grouped by bin, one moved to Hired with the status
//! dialog (the organisation's hired action unsubscribes them and their activity turns Hired), a
//! third withdrawn after the confirmation (Disengaged); the store has what the page shows, and
//! the profile's Applications link back to the job. A job's details are edited, it is closed
//! and reopened, and an application's status is changed from the profile.

use talentdesk_domain::activity::ActivityStatus;
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::job::Job;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_domain::settings::HiredActions;
use talentdesk_e2e::{DemoDb, Session, admin, axe, err, open_job};
use talentdesk_store::Store;
use uuid::Uuid;

fn row(id: Uuid) -> String {
    format!("[data-testid=job-applicants] tr[data-id=\"{id}\"]")
}

/// Waits until the applicant's row says `status`.
fn shows_status(session: &Session, id: Uuid, status: &str) -> Result<(), String> {
    let css = format!("{} [data-testid=applicant-status]", row(id));
    session.wait_for(&format!("{status} in the row"), |s| Ok(s.text(&css)?.filter(|t| t == status)))?;
    Ok(())
}

/// A new open job in Porto with a new candidate (first name, last name Jobtest) submitted for
/// each of `firsts` (the demo's people may be hired or withdrawn elsewhere already), and the
/// organisation's hired action set to unsubscribe; returns the job and the candidates' ids.
fn job_with(store: &mut Store, title: &str, firsts: &[&str]) -> Result<(Job, Vec<Uuid>), String> {
    let admin = admin(store)?;
    let job = Job {
        id: Uuid::now_v7(),
        title: title.into(),
        location: "Porto".into(),
        ats_id: Some("R-204".into()),
        open: true,
        skills: Vec::new(),
        description: String::new(),
    };
    let people: Vec<Uuid> = firsts.iter().map(|_| Uuid::now_v7()).collect();
    let mut setup = vec![
        Mutation::JobCreate { job: job.clone() },
        Mutation::SetHiredActions { actions: HiredActions { unsubscribe: true, deactivate: false } },
    ];
    for (id, first) in people.iter().zip(firsts) {
        let profile = Profile {
            first_name: (*first).into(),
            last_name: "Jobtest".into(),
            current_title: "Nurse".into(),
            ..Profile::default()
        };
        setup.push(Mutation::CandidateCreate {
            candidate_id: *id,
            profile,
            profile_type: ProfileType::RecruiterGenerated,
        });
    }
    setup.push(Mutation::JobSubmit { selection: Selection::ids(people.clone()), job_id: job.id });
    for m in setup {
        store.apply(&admin, m).map_err(err)?;
    }
    Ok((job, people))
}

#[test]
fn an_applicant_is_moved_hired_and_another_withdrawn() -> Result<(), String> {
    let demo = DemoDb::new(200, 19)?;
    let mut store = demo.open()?;
    let admin = admin(&store)?;
    let (job, people) = job_with(&mut store, "Ward Nurse", &["Ana", "Bruno", "Carla"])?;
    drop(store);
    let (ana, bruno, carla) = (people[0], people[1], people[2]);

    let session = Session::start(&["--db", demo.arg()?])?;
    open_job(&session, &job)?;
    shows_status(&session, carla, "New Submission")?;

    // The board: Ana dragged from New Submission to Interview.
    session.click("[data-testid=job-tabs] [data-tab=board]")?;
    let card = format!("[data-testid=job-board] [data-card=\"{ana}\"]");
    session.wait_for("Ana's card", |s| s.text(&card))?;
    session.drag(&card, "[data-testid=job-board] [data-column=\"Interview\"]")?;
    let moved = format!("[data-testid=job-board] [data-column=\"Interview\"] [data-card=\"{ana}\"]");
    session.wait_for("Ana at Interview", |s| s.text(&moved))?;
    // A picked card gets the bulk bar, as a picked search result does.
    session.click(&format!("[data-testid=job-board] [data-card=\"{carla}\"]"))?;
    session.wait_for("the bulk bar", |s| s.text("[data-testid=bulk-count]"))?;
    session.screenshot("job-board")?;

    // Grouped by ATS bin: Carla (picked) dragged from Submissions to Screening; her hiring
    // status stays New Submission.
    session.click("[data-testid=job-board-group] [data-testid=group-bin]")?;
    let bin = |name: &str| format!("[data-testid=job-board] [data-column=\"{name}\"]");
    let columns = session.wait_for("a column per bin", |s| {
        Ok(Some(s.texts("[data-testid=job-board] [data-testid=board-column] h2")?).filter(|c| c.len() == 4))
    })?;
    assert!(columns[0].starts_with("Submissions") && columns[3].starts_with("Offer"), "the bins in order: {columns:?}");
    session.wait_for("Ana in Submissions", |s| s.text(&format!("{} [data-card=\"{ana}\"]", bin("Submissions"))))?;
    session.drag(&format!("[data-testid=job-board] [data-card=\"{carla}\"]"), &bin("Screening"))?;
    session.wait_for("Carla in Screening", |s| s.text(&format!("{} [data-card=\"{carla}\"]", bin("Screening"))))?;
    let detail = format!("[data-testid=job-board] [data-card=\"{carla}\"] [data-testid=card-detail]");
    assert_eq!(session.text(&detail)?.as_deref(), Some("New Submission"), "a card by bin says its hiring status");
    session.screenshot("job-board-bins")?;
    let found: Vec<String> = axe::check(&session)?.iter().map(ToString::to_string).collect();
    assert!(found.is_empty(), "axe finds nothing serious on the board by bin: {found:#?}");
    let carla_now = session.wait_for("Carla's bin stored", |_| {
        let view = demo.open()?.job_view(job.id).map_err(err)?;
        let app = view.applicants.into_iter().find(|a| a.candidate.id == carla).ok_or("no Carla")?.application;
        Ok((app.bin == "Screening").then_some(app))
    })?;
    assert_eq!(carla_now.hiring_status, "New Submission", "a bin move keeps the hiring status");

    // The table: Bruno to Hired in the Offer bin through the status dialog.
    session.click("[data-testid=job-tabs] [data-tab=table]")?;
    shows_status(&session, ana, "Interview")?;
    session.click(&format!("{} [data-testid=application-change]", row(bruno)))?;
    session.wait_for("the status dialog", |s| s.text("[data-testid=status-dialog]"))?;
    session.select("[data-testid=status-field]", "Hired")?;
    session.select("[data-testid=bin-field]", "Offer")?;
    session.screenshot("job-status-dialog")?;
    session.click("[data-testid=status-dialog] [data-testid=dialog-submit]")?;
    shows_status(&session, bruno, "Hired")?;
    let badge = format!("{} [data-testid=applicant-activity]", row(bruno));
    session.wait_for("Bruno's activity Hired", |s| Ok(s.text(&badge)?.filter(|t| t.contains("Hired"))))?;

    // Carla withdraws, after the confirmation.
    session.click(&format!("{} [data-testid=application-withdraw]", row(carla)))?;
    session.wait_for("the confirmation", |s| s.text("[data-testid=withdraw-dialog]"))?;
    session.click("[data-testid=withdraw-dialog] [data-testid=dialog-submit]")?;
    shows_status(&session, carla, "Withdrawn")?;
    session.screenshot("job-page")?;

    // The store has what the page shows, with the hired action and the Disengaged rule applied.
    let store = demo.open()?;
    let view = store.job_view(job.id).map_err(err)?;
    let at = |id: Uuid| view.applicants.iter().find(|a| a.candidate.id == id).expect("an applicant");
    assert_eq!(at(ana).application.hiring_status, "Interview");
    assert_eq!((at(bruno).application.hiring_status.as_str(), at(bruno).application.bin.as_str()), ("Hired", "Offer"));
    assert!(at(carla).application.withdrawn);
    let bruno_now = store.profile(&admin, bruno).map_err(err)?.candidate;
    assert_eq!(bruno_now.activity, ActivityStatus::Hired);
    assert!(!bruno_now.subscribed, "the hired action unsubscribed Bruno");
    assert_eq!(store.profile(&admin, carla).map_err(err)?.candidate.activity, ActivityStatus::Disengaged);

    // Bruno's profile: Activity › Applications links back to the job.
    session.click(&format!("{} .name-link", row(bruno)))?;
    session.wait_for("Bruno's profile", |s| s.text("[data-testid=profile-status]"))?;
    session.click("[data-testid=background-tabs] [data-tab=activity]")?;
    let link = "[data-testid=profile-applications] [data-testid=profile-job-link]";
    session.wait_for("the application", |s| Ok(s.text(link)?.filter(|t| t == "Ward Nurse")))?;
    session.click(link)?;
    session.wait_for("the job page again", |s| Ok(s.text("[data-testid=job-name]")?.filter(|t| t == "Ward Nurse")))?;
    Ok(())
}

/// The stored job `id`.
fn stored_job(demo: &DemoDb, id: Uuid) -> Result<Job, String> {
    demo.open()?.jobs().map_err(err)?.into_iter().find(|j| j.id == id).ok_or_else(|| "the job is gone".to_owned())
}

#[test]
fn a_job_is_edited_closed_and_reopened_and_an_application_moved_from_the_profile() -> Result<(), String> {
    let demo = DemoDb::new(50, 23)?;
    let mut store = demo.open()?;
    let (job, people) = job_with(&mut store, "Night Porter", &["Dita"])?;
    drop(store);
    let dita = people[0];

    let session = Session::start(&["--db", demo.arg()?])?;
    open_job(&session, &job)?;

    // Edit job: the location changed and saved; the page and the store have it.
    session.click("[data-testid=job-edit]")?;
    session.wait_for("the job dialog", |s| s.text("[data-testid=job-dialog]"))?;
    session.type_into("[data-testid=job-field-location]", "Lisbon")?;
    session.click("[data-testid=job-dialog] [data-testid=dialog-submit]")?;
    session.wait_for("the dialog closed", |s| Ok(s.text("[data-testid=job-dialog]")?.is_none().then_some(())))?;
    session.wait_for("Lisbon on the page", |s| {
        Ok(s.text("[data-testid=job-view] .details")?.filter(|t| t.contains("Lisbon")))
    })?;
    let saved = stored_job(&demo, job.id)?;
    assert_eq!((saved.title.as_str(), saved.location.as_str()), ("Night Porter", "Lisbon"));

    // Close job, then Reopen job: the page, the list and the store follow.
    let entry = format!("[data-testid=jobs-page] button[data-id=\"{}\"]", job.id);
    session.click("[data-testid=job-open-toggle]")?;
    session.wait_for("Closed", |s| Ok(s.text("[data-testid=job-state]")?.filter(|t| t == "Closed")))?;
    session.wait_for("closed in the list", |s| Ok(s.text(&entry)?.filter(|t| t.contains("closed"))))?;
    assert!(!stored_job(&demo, job.id)?.open, "stored closed");
    session.click("[data-testid=job-open-toggle]")?;
    session.wait_for("Open again", |s| Ok(s.text("[data-testid=job-state]")?.filter(|t| t == "Open")))?;
    session.wait_for("open in the list", |s| Ok(s.text(&entry)?.filter(|t| !t.contains("closed"))))?;
    assert!(stored_job(&demo, job.id)?.open, "stored open again");

    // Profile › Activity › Applications: Status… moves Dita to Interview in Interviewing.
    session.click(&format!("{} .name-link", row(dita)))?;
    session.wait_for("Dita's profile", |s| s.text("[data-testid=profile-status]"))?;
    session.click("[data-testid=background-tabs] [data-tab=activity]")?;
    let application = format!("[data-testid=profile-applications] tr[data-job=\"{}\"]", job.id);
    session.wait_for("the application", |s| s.text(&application))?;
    session.click(&format!("{application} [data-testid=application-change]"))?;
    session.wait_for("the status dialog", |s| s.text("[data-testid=status-dialog]"))?;
    session.select("[data-testid=status-field]", "Interview")?;
    session.select("[data-testid=bin-field]", "Interviewing")?;
    session.click("[data-testid=status-dialog] [data-testid=dialog-submit]")?;
    let status = format!("{application} [data-testid=profile-application-status]");
    session.wait_for("Interview on the profile", |s| Ok(s.text(&status)?.filter(|t| t == "Interview")))?;
    let shown = session.text(&application)?.unwrap_or_default();
    assert!(shown.contains("Interviewing"), "the bin too: {shown}");
    let view = demo.open()?.job_view(job.id).map_err(err)?;
    let app = &view.applicants.iter().find(|a| a.candidate.id == dita).ok_or("no Dita")?.application;
    assert_eq!((app.hiring_status.as_str(), app.bin.as_str()), ("Interview", "Interviewing"));
    Ok(())
}
