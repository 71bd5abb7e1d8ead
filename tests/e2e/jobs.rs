//! A job's page in the real window: an applicant dragged on the board to Interview, another
//! moved to Hired with the status dialog (the organisation's hired action unsubscribes them
//! and their activity turns Hired), a third withdrawn after the confirmation (Disengaged); the
//! store has what the page shows, and the profile's Applications link back to the job.

use talentdesk_domain::activity::ActivityStatus;
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::job::Job;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_domain::settings::HiredActions;
use talentdesk_e2e::{DemoDb, Session, admin, err};
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

#[test]
fn an_applicant_is_moved_hired_and_another_withdrawn() -> Result<(), String> {
    let demo = DemoDb::new(200, 19)?;
    let mut store = demo.open()?;
    let admin = admin(&store)?;
    let job = Job {
        id: Uuid::now_v7(),
        title: "Ward Nurse".into(),
        location: "Porto".into(),
        ats_id: Some("R-204".into()),
        open: true,
    };
    // New people: the demo's may be hired or withdrawn elsewhere already.
    let people: Vec<Uuid> = ["Ana", "Bruno", "Carla"].iter().map(|_| Uuid::now_v7()).collect();
    let mut setup = vec![
        Mutation::JobCreate { job: job.clone() },
        Mutation::SetHiredActions { actions: HiredActions { unsubscribe: true, deactivate: false } },
    ];
    for (id, first) in people.iter().zip(["Ana", "Bruno", "Carla"]) {
        let profile = Profile {
            first_name: first.into(),
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
    drop(store);
    let (ana, bruno, carla) = (people[0], people[1], people[2]);

    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the candidates page", |s| s.text("[data-testid=result-count]"))?;
    session.click("[data-testid=rail-jobs]")?;
    let entry = format!("[data-testid=jobs-page] button[data-id=\"{}\"]", job.id);
    session.wait_for("the job in the list", |s| s.text(&entry))?;
    session.click(&entry)?;
    session.wait_for("its page", |s| Ok(s.text("[data-testid=job-name]")?.filter(|t| t == "Ward Nurse")))?;
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
