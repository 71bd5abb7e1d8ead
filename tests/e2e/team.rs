//! Settings › Team in the real window against a real server: an admin invites a recruiter with
//! her ATS ID and is shown the one-time password once, then changes the ATS ID in the table; the
//! recruiter signs in with it and sees the team read-only. A recruiter invited without one is
//! refused Submit to Job until an admin gives them theirs, then submits without signing in
//! again. Screenshots: settings-team (the admin's card with the password), and
//! settings-team-recruiter.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use serde_json::json;
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::job::Job;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::user::Role;
use talentdesk_e2e::{
    Session, axe, err, invite, keys, open_profile, pick_action, sign_in, sign_out, synced, workspace,
};
use talentdesk_server::testing::{Instance, PASSWORD};
use talentdesk_sync::client::Client;
use talentdesk_sync::engine::Replica;
use talentdesk_sync::wire::Invitation;

fn open_team(session: &Session) -> Result<(), String> {
    session.click("[data-testid=rail-settings]")?;
    session.wait_for("the team", |s| s.text("[data-testid=team-table]")).map(|_| ())
}

/// A window with a data folder of its own, signed in to `server` as `email`, on Settings ›
/// Team. The folder goes with the first value, after the window (dropped first).
fn on_team(server: &Instance, email: &str) -> Result<(tempfile::TempDir, Session), String> {
    let data = tempfile::tempdir().map_err(err)?;
    let data_dir = data.path().to_str().ok_or("the temporary path is not UTF-8")?;
    let session = Session::start_with_env(&[], &[("TALENTDESK_DATA_DIR", data_dir)])?;
    sign_in(&session, &server.url, email, PASSWORD)?;
    synced(&session)?;
    open_team(&session)?;
    Ok((data, session))
}

/// Scrolls to the Team card's end (the invite form), for a screenshot.
fn show_team(session: &Session) -> Result<(), String> {
    let script = "document.querySelector('[data-testid=team-settings]').scrollIntoView({ block: 'end' });";
    session.script(script, json!([])).map(|_| ())
}

/// The ATS ID cells of the table, in its order ("None" for a teammate without one).
fn ats_ids(session: &Session) -> Result<Vec<String>, String> {
    session.texts("[data-testid=team-ats-id]")
}

/// The card's line under the table once it says something containing `part`.
fn said(session: &Session, role: &str, part: &str) -> Result<String, String> {
    let css = format!("[data-testid=team-settings] > p[role={role}]");
    session.wait_for(part, |s| Ok(s.text(&css)?.filter(|t| t.contains(part))))
}

fn team_emails(session: &Session) -> Result<Vec<String>, String> {
    let rows = session.script(
        "return [...document.querySelectorAll('[data-testid=team-row]')].map(r => r.dataset.email);",
        json!([]),
    )?;
    Ok(rows.as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)).collect())
}

#[test]
fn an_admin_invites_a_recruiter_who_signs_in_and_reads_the_team() -> Result<(), String> {
    let runtime = tokio::runtime::Runtime::new().map_err(err)?;
    let server = runtime.block_on(Instance::start());
    let admin = runtime.block_on(server.add_user("ada@acme.test", Role::RecruiterAdmin));
    let (_data, session) = on_team(&server, &admin.email)?;
    assert_eq!(team_emails(&session)?, std::slice::from_ref(&admin.email));

    // An email that has an account is refused with the reason; then Nia is invited.
    session.type_into("[data-testid=team-invite-name]", "Someone")?;
    session.type_into("[data-testid=team-invite-email]", &admin.email)?;
    session.click("[data-testid=team-invite-send]")?;
    let taken = session.wait_for("the refusal", |s| s.text("[data-testid=team-settings] p[role=alert]"))?;
    assert!(taken.contains("already exists"), "{taken}");
    // So is an ATS ID that is not one (a job's number pasted in the wrong box): iCIMS knows a
    // user by their System ID, digits. Nobody is invited, and the form keeps what was typed.
    session.type_into("[data-testid=team-invite-name]", "Nia Okafor")?;
    session.type_into("[data-testid=team-invite-email]", "nia@acme.test")?;
    session.type_into("[data-testid=team-invite-ats-id]", "R-204")?;
    session.click("[data-testid=team-invite-send]")?;
    let not_one = said(&session, "alert", "ATS ID")?;
    assert_eq!(
        not_one,
        "That is not an ATS ID: in iCIMS a user's ID is their System ID, a whole number of up to 18 digits"
    );
    assert_eq!(team_emails(&session)?, std::slice::from_ref(&admin.email));
    session.type_into("[data-testid=team-invite-ats-id]", "4711")?;
    let password = invite(&session, "Nia Okafor", "nia@acme.test", "recruiter")?;
    assert_eq!(team_emails(&session)?, [admin.email.clone(), "nia@acme.test".to_owned()]);
    let ada_ats_id = admin.ats_id.clone().ok_or("the test admin has an ATS ID")?;
    assert_eq!(ats_ids(&session)?, [ada_ats_id.clone(), "4711".to_owned()]);
    assert_eq!(said(&session, "status", "Invited")?, "Invited Nia Okafor.");
    show_team(&session)?;
    let shot = session.screenshot("settings-team")?;
    std::fs::copy(&shot, workspace().join("docs/screenshots/settings-team.png")).map_err(err)?;
    // Done forgets the password: it is shown only once.
    session.click("[data-testid=one-time-password-done]")?;
    session
        .wait_for("the password gone", |s| Ok(s.text("[data-testid=one-time-password]")?.is_none().then_some(())))?;

    // Her ATS ID changes in the table: Ada's is refused as Ada's (the field stays open with it),
    // 4712 is taken, and Escape leaves a field without changing anything.
    let in_nia = |testid: &str| format!("[data-testid=team-row][data-email='nia@acme.test'] [data-testid={testid}]");
    session.click(&in_nia("team-ats-edit"))?;
    session.type_into(&in_nia("team-ats-input"), &ada_ats_id)?;
    let found: Vec<String> = axe::check(&session)?.iter().map(ToString::to_string).collect();
    assert!(found.is_empty(), "axe finds nothing serious with the ATS ID field open: {found:#?}");
    session.press(keys::ENTER)?;
    let taken = said(&session, "alert", "already")?;
    assert_eq!(taken, format!("ATS ID {ada_ats_id} is {}'s already; each teammate has their own", admin.name));
    session.type_into(&in_nia("team-ats-input"), "4712")?;
    session.click(&in_nia("team-ats-save"))?;
    assert_eq!(said(&session, "status", "4712")?, "Nia Okafor's ATS ID is now 4712.");
    assert_eq!(ats_ids(&session)?, [ada_ats_id.clone(), "4712".to_owned()]);
    session.click(&in_nia("team-ats-edit"))?;
    session.type_into(&in_nia("team-ats-input"), "999")?;
    session.press(keys::ESCAPE)?;
    session.wait_for("the field closed", |s| Ok(s.text(&in_nia("team-ats-input"))?.is_none().then_some(())))?;
    assert_eq!(ats_ids(&session)?, [ada_ats_id.clone(), "4712".to_owned()]);
    let found: Vec<String> = axe::check(&session)?.iter().map(ToString::to_string).collect();
    assert!(found.is_empty(), "axe finds nothing serious on the team with its ATS IDs: {found:#?}");

    // Nia signs in with it and reads the team: no invite form, no role pickers, no actions.
    sign_out(&session)?;
    sign_in(&session, &server.url, "nia@acme.test", &password)?;
    synced(&session)?;
    open_team(&session)?;
    assert_eq!(team_emails(&session)?, [admin.email.clone(), "nia@acme.test".to_owned()]);
    let controls = "return document.querySelectorAll('[data-testid=team-settings] select, [data-testid=team-settings] form, [data-testid=team-settings] button').length;";
    assert_eq!(session.script(controls, json!([]))?, json!(0), "read-only for a recruiter");
    let statuses = session.script(
        "return [...document.querySelectorAll('[data-testid=team-status]')].map(c => c.textContent.trim());",
        json!([]),
    )?;
    assert_eq!(statuses, json!(["Active", "Active"]));
    assert_eq!(ats_ids(&session)?, [ada_ats_id, "4712".to_owned()], "she reads the ATS IDs");
    show_team(&session)?;
    session.screenshot("settings-team-recruiter")?;
    Ok(())
}

/// The `data-testid` of the focused element, and the email of the team row it is in.
fn focused(session: &Session) -> Result<(String, String), String> {
    let at = session.script(
        "const f = document.activeElement; return [f?.dataset.testid ?? f?.tagName ?? '', f?.closest('[data-testid=team-row]')?.dataset.email ?? ''];",
        json!([]),
    )?;
    let part = |i: usize| at[i].as_str().unwrap_or_default().to_owned();
    Ok((part(0), part(1)))
}

fn wait_for_focus(session: &Session, testid: &str, email: &str) -> Result<(), String> {
    let want = (testid.to_owned(), email.to_owned());
    let mut last = (String::new(), String::new());
    session
        .wait_for(&format!("the focus on {testid} of {email}"), |s| {
            last = focused(s)?;
            Ok((last == want).then_some(()))
        })
        .map_err(|e| format!("{e}; the focus is on {last:?}"))
}

#[test]
fn the_teams_confirmations_keep_the_keyboard_focus() -> Result<(), String> {
    let runtime = tokio::runtime::Runtime::new().map_err(err)?;
    let server = runtime.block_on(Instance::start());
    let admin = runtime.block_on(server.add_user("ada@acme.test", Role::RecruiterAdmin));
    let rita = runtime.block_on(server.add_user("rita@acme.test", Role::Recruiter)).email;
    let (_data, session) = on_team(&server, &admin.email)?;
    let in_rita = |testid: &str| format!("[data-testid=team-row][data-email='{rita}'] [data-testid={testid}]");

    // The question takes the place of the button chosen: its Yes has the focus, and No (or
    // Escape) gives the focus back to that button.
    session.click(&in_rita("team-reset"))?;
    wait_for_focus(&session, "team-confirm", &rita)?;
    session.press(keys::TAB)?;
    wait_for_focus(&session, "team-cancel", &rita)?;
    session.press(keys::ENTER)?;
    wait_for_focus(&session, "team-reset", &rita)?;
    session.press(keys::TAB)?;
    session.press(keys::ENTER)?;
    wait_for_focus(&session, "team-confirm", &rita)?;
    session.press(keys::ESCAPE)?;
    wait_for_focus(&session, "team-end-sign-ins", &rita)?;

    // Yes by the keyboard: the focus stays on the row, on Reactivate once she is deactivated.
    session.press(keys::TAB)?;
    session.press(keys::ENTER)?;
    wait_for_focus(&session, "team-confirm", &rita)?;
    session.press(keys::ENTER)?;
    wait_for_focus(&session, "team-reactivate", &rita)?;
    let status = session.text(&format!("[data-testid=team-row][data-email='{rita}'] [data-testid=team-status]"))?;
    assert_eq!(status.as_deref(), Some("Deactivated"));
    Ok(())
}

#[test]
fn an_ats_id_given_while_the_recruiter_works_lets_them_submit_to_a_job_at_once() -> Result<(), String> {
    const ANA: &str = "ana.souza@mail.test";
    let runtime = tokio::runtime::Runtime::new().map_err(err)?;
    let server = runtime.block_on(Instance::start());
    let ada = runtime.block_on(server.add_user("ada@acme.test", Role::RecruiterAdmin));
    // Ada's other desktop opens a job and adds Ana; Ada invites Bo without an ATS ID.
    let desk = tempfile::tempdir().map_err(err)?;
    let other = runtime
        .block_on(Replica::sign_in(&desk.path().join("ada.db"), &server.url, &ada.email, PASSWORD))
        .map_err(err)?;
    runtime.block_on(other.engine.first_sync(Arc::new(AtomicBool::new(false)), |_| {})).map_err(err)?;
    let job = Job {
        id: new_id(),
        title: "Ward Nurse".into(),
        location: "Porto".into(),
        ats_id: None,
        open: true,
        skills: Vec::new(),
        description: String::new(),
    };
    let ana = new_id();
    let profile =
        Profile { first_name: "Ana".into(), last_name: "Souza".into(), email: Some(ANA.into()), ..Profile::default() };
    for change in [
        Mutation::JobCreate { job: job.clone() },
        Mutation::CandidateCreate { candidate_id: ana, profile, profile_type: ProfileType::RecruiterGenerated },
    ] {
        other.store.lock().map_err(err)?.apply(&other.user, change).map_err(err)?;
    }
    runtime.block_on(other.engine.sync_once()).map_err(err)?;
    let (admin, _) = runtime.block_on(Client::login(&server.url, &ada.email, PASSWORD)).map_err(err)?;
    let bo = Invitation { name: "Bo Li".into(), email: "bo@acme.test".into(), role: Role::Recruiter, ats_id: None };
    let bo = runtime.block_on(admin.invite(&bo)).map_err(err)?;

    let data = tempfile::tempdir().map_err(err)?;
    let data_dir = data.path().to_str().ok_or("the temporary path is not UTF-8")?;
    let session = Session::start_with_env(&[], &[("TALENTDESK_DATA_DIR", data_dir)])?;
    sign_in(&session, &server.url, &bo.member.user.email, &bo.password)?;
    synced(&session)?;
    open_profile(&session, ana, ANA)?;
    pick_action(&session, "submit_job")?;
    session.wait_for("the jobs", |s| s.text("[data-testid=list-form]"))?;
    session.select("[data-testid=list-choice]", &job.id.to_string())?;
    session.click("[data-testid=dialog-submit]")?;
    let refusal = session.wait_for("the refusal", |s| s.text("[data-testid=dialog-error]"))?;
    assert_eq!(refusal, "Submit to Job needs an ATS ID on your user; ask an admin to add it");

    // Ada gives him his while the dialog is still open: once his desktop has pulled it, the
    // same Submit goes through, without signing in again.
    runtime.block_on(admin.set_ats_id(bo.member.user.id, Some("815".into()))).map_err(err)?;
    session.wait_for("Ana submitted once his desktop knows his ATS ID", |s| {
        if s.text("[data-testid=list-form]")?.is_none() {
            return Ok(Some(()));
        }
        s.click("[data-testid=dialog-submit]")?;
        Ok(None)
    })?;
    synced(&session)?;
    runtime.block_on(other.engine.sync_once()).map_err(err)?;
    let profile = other.store.lock().map_err(err)?.profile(&other.user, ana).map_err(err)?;
    let applied: Vec<&str> = profile.applications.iter().map(|a| a.job_title.as_str()).collect();
    assert_eq!(applied, ["Ward Nurse"], "the submission reached the server");
    Ok(())
}
