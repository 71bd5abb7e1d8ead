//! The team routes, through the client the desktop and the CLI use: admins invite, change
//! roles and ATS IDs, reset passwords, end sign-ins and deactivate; a recruiter reads the list
//! and is refused the rest; the refusals (an email with an account, the last admin, an ATS ID
//! that is not one or is a teammate's) say why.

mod support;

use reqwest::StatusCode;
use support::{PASSWORD, Session, TestServer};
use talentdesk_domain::DomainError;
use talentdesk_domain::error::Thing;
use talentdesk_domain::job::Job;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::permission::Capability;
use talentdesk_domain::search::Selection;
use talentdesk_domain::user::{Role, User};
use talentdesk_sync::client::{Client, ClientError};
use talentdesk_sync::wire::{Invitation, PushOutcome, RecordKind};

fn client(server: &TestServer, session: &Session) -> Client {
    Client::with_token(&server.url, &session.token).unwrap()
}

fn invitation(name: &str, email: &str, role: Role) -> Invitation {
    Invitation { name: name.into(), email: email.into(), role, ats_id: None }
}

fn with_ats_id(name: &str, email: &str, ats_id: &str) -> Invitation {
    Invitation { ats_id: Some(ats_id.into()), ..invitation(name, email, Role::Recruiter) }
}

/// The rule a refusal carries (the desktop words it in its user's language).
fn rule(error: ClientError) -> (u16, DomainError) {
    match error {
        ClientError::Refused { status, rule: Some(rule), .. } => (status, *rule),
        other => panic!("expected a refusal by a rule, got {other:?}"),
    }
}

async fn pull_status(server: &TestServer, token: &str) -> StatusCode {
    let url = format!("{}/v1/sync/pull", server.url);
    server.http.get(url).bearer_auth(token).send().await.unwrap().status()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_invites_changes_roles_resets_and_ends_sign_ins() {
    let server = TestServer::start().await;
    let admin = client(&server, &server.admin);
    let team = admin.team().await.unwrap();
    let emails: Vec<&str> = team.iter().map(|m| m.user.email.as_str()).collect();
    assert_eq!(emails, ["admin@acme.test", "omar@acme.test", "rita@acme.test"]);
    assert!(team.iter().all(|m| m.active && m.last_sign_in.is_some()));

    let invited = admin.invite(&invitation("Nia Okafor", " NIA@acme.test ", Role::Recruiter)).await.unwrap();
    assert_eq!((invited.member.user.email.as_str(), invited.member.user.role), ("nia@acme.test", Role::Recruiter));
    assert_eq!(invited.member.last_sign_in, None, "not signed in yet");
    assert!(invited.password.len() >= 16, "{}", invited.password);
    let nia = server.login("nia@acme.test", &invited.password).await;
    assert_eq!(nia.user.name, "Nia Okafor");
    let listed = admin.team().await.unwrap();
    let listed_nia = listed.iter().find(|m| m.user.id == nia.user.id).unwrap();
    assert!(listed_nia.last_sign_in.is_some(), "her sign-in shows");

    // A role change reaches every desktop as the user record.
    let promoted = admin.set_role(nia.user.id, Role::RecruiterAdmin).await.unwrap();
    assert_eq!(promoted.user.role, Role::RecruiterAdmin);
    let (changes, _) = server.pull_all(&server.recruiter, String::new()).await;
    let record = changes.iter().rev().find(|c| c.kind == RecordKind::User && c.id == nia.user.id.to_string()).unwrap();
    let synced: serde_json::Value = serde_json::from_str(record.data.as_ref().unwrap().get()).unwrap();
    assert_eq!(synced["role"], "recruiter_admin");

    // A reset ends her sign-ins; only the new one-time password lets her in.
    let reset = admin.reset_password(nia.user.id).await.unwrap();
    assert_eq!(reset.ended_sign_ins, 1);
    assert_ne!(reset.password, invited.password);
    assert_eq!(pull_status(&server, &nia.token).await, StatusCode::UNAUTHORIZED);
    assert!(Client::login(&server.url, "nia@acme.test", &invited.password).await.is_err());
    server.login("nia@acme.test", &reset.password).await;

    assert_eq!(admin.end_sign_ins(server.recruiter.user.id).await.unwrap(), 1);
    assert_eq!(pull_status(&server, &server.recruiter.token).await, StatusCode::UNAUTHORIZED);
    assert_eq!(pull_status(&server, &server.other_recruiter.token).await, StatusCode::OK, "only hers ended");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_recruiter_reads_the_team_and_is_refused_every_change() {
    let server = TestServer::start().await;
    let rita = client(&server, &server.recruiter);
    assert_eq!(rita.team().await.unwrap().len(), 3);
    let omar = server.other_recruiter.user.id;
    let refused = [
        rita.invite(&invitation("Eve", "eve@acme.test", Role::RecruiterAdmin)).await.map(|_| ()),
        rita.invite(&with_ats_id("Eve", "eve@acme.test", "4711")).await.map(|_| ()),
        rita.set_role(server.recruiter.user.id, Role::RecruiterAdmin).await.map(|_| ()),
        // Her own ATS ID as much as a teammate's: it says whose name goes on submissions.
        rita.set_ats_id(server.recruiter.user.id, Some("4711".into())).await.map(|_| ()),
        rita.set_ats_id(omar, None).await.map(|_| ()),
        rita.set_active(omar, false).await.map(|_| ()),
        rita.reset_password(omar).await.map(|_| ()),
        rita.end_sign_ins(omar).await.map(|_| ()),
    ];
    for result in refused {
        assert_eq!(rule(result.unwrap_err()), (403, DomainError::AdminOnly { capability: Capability::ManageTeam }));
    }
    assert!(Client::login(&server.url, "eve@acme.test", PASSWORD).await.is_err(), "nobody was invited");
    assert_eq!(pull_status(&server, &server.other_recruiter.token).await, StatusCode::OK, "nothing was ended");
    let team = rita.team().await.unwrap();
    assert!(team.iter().all(|m| m.active && m.user.role == Role::Recruiter || m.user.email == "admin@acme.test"));
    let ats_ids: Vec<Option<&str>> = team.iter().map(|m| m.user.ats_id.as_deref()).collect();
    assert_eq!(ats_ids, [Some("101"), Some("103"), Some("102")], "no ATS ID changed");
}

#[tokio::test(flavor = "multi_thread")]
async fn taken_emails_the_last_admin_and_other_orgs_users_are_refused() {
    let server = TestServer::start().await;
    let hank = server.other_org_admin().await;
    let admin = client(&server, &server.admin);
    for email in ["Rita@acme.test", "hank@globex.test"] {
        let error = admin.invite(&invitation("Someone", email, Role::Recruiter)).await.unwrap_err();
        let text = error.to_string();
        assert!(!text.contains("Globex"), "the other org stays unnamed: {text}");
        let (status, rule) = rule(error);
        let taken = DomainError::AlreadyExists { field: "email".into(), what: Thing::User, id: email.to_lowercase() };
        assert_eq!((status, rule), (422, taken));
    }
    let (_, bad) = rule(admin.invite(&invitation("Someone", "not an address", Role::Recruiter)).await.unwrap_err());
    assert!(matches!(bad, DomainError::NotAnEmail { .. }), "{bad:?}");

    let me = server.admin.user.id;
    assert_eq!(rule(admin.set_role(me, Role::Recruiter).await.unwrap_err()), (422, DomainError::LastAdmin));
    assert_eq!(rule(admin.set_active(me, false).await.unwrap_err()), (422, DomainError::LastAdmin));
    // With a second admin, the first may step down.
    admin.set_role(server.recruiter.user.id, Role::RecruiterAdmin).await.unwrap();
    assert_eq!(admin.set_role(me, Role::Recruiter).await.unwrap().user.role, Role::Recruiter);

    // Another org's user is not there at all, for reading or changing.
    let rita = client(&server, &server.recruiter);
    let error = rita.set_active(hank.user.id, false).await.unwrap_err();
    assert_eq!(rule(error), (404, DomainError::not_found(Thing::User, hank.user.id)));
    assert!(rita.team().await.unwrap().iter().all(|m| m.user.id != hank.user.id));
    assert_eq!(pull_status(&server, &hank.token).await, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread")]
async fn two_admins_demoting_each_other_at_once_leave_one() {
    let server = TestServer::start().await;
    let admin = client(&server, &server.admin);
    admin.set_role(server.recruiter.user.id, Role::RecruiterAdmin).await.unwrap();
    let rita = client(&server, &server.recruiter);
    let (a, b) = tokio::join!(
        admin.set_role(server.recruiter.user.id, Role::Recruiter),
        rita.set_role(server.admin.user.id, Role::Recruiter),
    );
    assert!(a.is_ok() != b.is_ok(), "exactly one steps down: {a:?} {b:?}");
    let admins = admin.team().await.unwrap().into_iter().filter(|m| m.user.role.is_admin()).count();
    assert_eq!(admins, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deactivated_user_cannot_sign_in_or_push_and_keeps_their_records() {
    let server = TestServer::start().await;
    let admin = client(&server, &server.admin);
    let rita = &server.recruiter;
    let candidate = uuid::Uuid::now_v7();
    let pushed = support::numbered(1, [support::create_candidate(candidate, "Ana", "Souza", None)]);
    server.push(rita, &pushed).await;

    let member = admin.set_active(rita.user.id, false).await.unwrap();
    assert!(!member.active);
    assert_eq!(pull_status(&server, &rita.token).await, StatusCode::UNAUTHORIZED);
    let more = support::numbered(2, [support::create_candidate(uuid::Uuid::now_v7(), "Bo", "Li", None)]);
    let (status, body) = server.push_raw(rita, &more).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert!(body["error"]["message"].as_str().unwrap().contains("deactivated"), "{body}");
    let error = Client::login(&server.url, "rita@acme.test", PASSWORD).await.unwrap_err();
    assert!(matches!(&error, ClientError::SignedOut(m) if m.contains("deactivated")), "{error:?}");
    // A wrong password hears nothing about the account.
    let wrong = Client::login(&server.url, "rita@acme.test", "not her password").await.unwrap_err();
    assert!(!wrong.to_string().contains("deactivated"));

    // Still on the team, and the candidate she added is still hers.
    let team = admin.team().await.unwrap();
    assert!(team.iter().any(|m| m.user.id == rita.user.id && !m.active));
    let (changes, _) = server.pull_all(&server.admin, String::new()).await;
    let record = changes.iter().find(|c| c.kind == RecordKind::Candidate && c.id == candidate.to_string()).unwrap();
    let data: serde_json::Value = serde_json::from_str(record.data.as_ref().unwrap().get()).unwrap();
    assert_eq!(data["candidate"]["owner_id"], rita.user.id.to_string());

    assert!(admin.set_active(rita.user.id, true).await.unwrap().active);
    server.login("rita@acme.test", PASSWORD).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_invite_racing_another_of_the_same_email_is_refused_as_taken() {
    let server = TestServer::start().await;
    // The other invite, stopped between its check and its commit: its row is in, not yet committed.
    let mut other = server.server.pool.begin().await.unwrap();
    sqlx::query(
        "INSERT INTO users (id, org_id, email, name, role, password_hash) \
         SELECT $1, org_id, 'nia@acme.test', 'Nia', 'recruiter', 'x' FROM users WHERE id = $2",
    )
    .bind(uuid::Uuid::now_v7())
    .bind(server.admin.user.id)
    .execute(&mut *other)
    .await
    .unwrap();
    let admin = client(&server, &server.admin);
    let second = tokio::spawn(async move { admin.invite(&invitation("Nia", "nia@acme.test", Role::Recruiter)).await });
    // This invite found no account and now waits at its insert for the other one to end.
    while !waits_on_a_lock(&server).await {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    other.commit().await.unwrap();
    let taken = DomainError::AlreadyExists { field: "email".into(), what: Thing::User, id: "nia@acme.test".into() };
    assert_eq!(rule(second.await.unwrap().unwrap_err()), (422, taken));
}

async fn waits_on_a_lock(server: &TestServer) -> bool {
    let waiting: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    )
    .fetch_one(&server.server.pool)
    .await
    .unwrap();
    waiting > 0
}

/// The user record the recruiter's desktop pulls for `id`, as it is now.
async fn synced_user(server: &TestServer, id: uuid::Uuid) -> User {
    let users: Vec<User> = server.records(RecordKind::User).await;
    users.into_iter().rev().find(|u| u.id == id).expect("the user record syncs")
}

/// Submits a new candidate of `session`'s to the admin's job; the outcome of the submission.
async fn submit(server: &TestServer, session: &support::Session, seq: i64, job: uuid::Uuid) -> PushOutcome {
    let candidate = uuid::Uuid::now_v7();
    let mutations = [
        support::create_candidate(candidate, "Ana", "Souza", None),
        Mutation::JobSubmit { selection: Selection::ids([candidate]), job_id: job },
    ];
    let response = server.push(session, &support::numbered(seq, mutations)).await;
    response.results.last().unwrap().outcome.clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_ats_id_given_at_invitation_or_later_lets_the_teammate_submit_to_jobs() {
    let server = TestServer::start().await;
    let admin = client(&server, &server.admin);
    let job = Job {
        id: uuid::Uuid::now_v7(),
        title: "Nurse".into(),
        location: "Porto".into(),
        ats_id: None,
        open: true,
        skills: Vec::new(),
        description: String::new(),
    };
    server.push(&server.admin, &support::numbered(1, [Mutation::JobCreate { job: job.clone() }])).await;

    // Invited with her System ID in iCIMS (spaces and leading zeros dropped): she submits.
    let invited = admin.invite(&with_ats_id("Nia Okafor", "nia@acme.test", " 004711 ")).await.unwrap();
    assert_eq!(invited.member.user.ats_id.as_deref(), Some("4711"));
    assert_eq!(synced_user(&server, invited.member.user.id).await.ats_id.as_deref(), Some("4711"));
    let nia = server.login("nia@acme.test", &invited.password).await;
    assert!(matches!(submit(&server, &nia, 1, job.id).await, PushOutcome::Applied { .. }));

    // Invited without one, Bo is refused Submit to Job until an admin gives him his.
    let bo = admin.invite(&invitation("Bo Li", "bo@acme.test", Role::Recruiter)).await.unwrap();
    assert_eq!(bo.member.user.ats_id, None);
    let bo_session = server.login("bo@acme.test", &bo.password).await;
    let refused = submit(&server, &bo_session, 1, job.id).await;
    assert_eq!(refused, PushOutcome::Rejected { reason: DomainError::NeedsAtsId });
    let given = admin.set_ats_id(bo.member.user.id, Some("815".into())).await.unwrap();
    assert_eq!((given.user.ats_id.as_deref(), given.user.role, given.active), (Some("815"), Role::Recruiter, true));
    assert_eq!(synced_user(&server, bo.member.user.id).await.ats_id.as_deref(), Some("815"), "his desktop learns it");
    assert!(
        matches!(submit(&server, &bo_session, 3, job.id).await, PushOutcome::Applied { .. }),
        "without signing in again"
    );

    // Changed, then taken away (empty is none): the list and the synced record follow.
    assert_eq!(
        admin.set_ats_id(bo.member.user.id, Some("816".into())).await.unwrap().user.ats_id.as_deref(),
        Some("816")
    );
    assert_eq!(admin.set_ats_id(bo.member.user.id, Some("  ".into())).await.unwrap().user.ats_id, None);
    assert_eq!(synced_user(&server, bo.member.user.id).await.ats_id, None);
    let listed = admin.team().await.unwrap();
    let bo_listed = listed.iter().find(|m| m.user.id == bo.member.user.id).unwrap();
    assert_eq!(bo_listed.user.ats_id, None);
    assert_eq!(
        submit(&server, &bo_session, 5, job.id).await,
        PushOutcome::Rejected { reason: DomainError::NeedsAtsId }
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_ats_id_that_is_not_one_or_is_a_teammates_is_refused_and_nothing_changes() {
    let server = TestServer::start().await;
    let hank = server.other_org_admin().await;
    let admin = client(&server, &server.admin);
    let (rita, omar) = (server.recruiter.user.id, server.other_recruiter.user.id);
    let not_one = (422, DomainError::NotAnAtsId { field: "ats_id".into() });
    // Names, emails, a job's number, separators, zero: iCIMS names a user by a whole number.
    for bad in ["R-1", "nia@acme.test", "12 34", "1,234", "0", "1234567890123456789"] {
        assert_eq!(rule(admin.invite(&with_ats_id("Nia", "nia@acme.test", bad)).await.unwrap_err()), not_one, "{bad}");
        assert_eq!(rule(admin.set_ats_id(rita, Some(bad.into())).await.unwrap_err()), not_one, "{bad}");
    }
    assert!(Client::login(&server.url, "nia@acme.test", PASSWORD).await.is_err(), "nobody was invited");

    // Omar's (103) is his: not for Rita, nor for a newcomer, whose account is then not made.
    let taken = (422, DomainError::AtsIdTaken { id: "103".into(), user: "omar@acme.test".into() });
    assert_eq!(rule(admin.set_ats_id(rita, Some("0103".into())).await.unwrap_err()), taken);
    assert_eq!(rule(admin.invite(&with_ats_id("Nia", "nia@acme.test", "103")).await.unwrap_err()), taken);
    let error = admin.invite(&with_ats_id("Nia", "nia@acme.test", "103")).await.unwrap_err();
    assert!(error.to_string().contains("ATS ID 103 is omar@acme.test's already"), "{error}");
    let team = admin.team().await.unwrap();
    assert_eq!(team.len(), 3, "Nia was not invited");
    let ats_ids: Vec<Option<&str>> = team.iter().map(|m| m.user.ats_id.as_deref()).collect();
    assert_eq!(ats_ids, [Some("101"), Some("103"), Some("102")]);

    // Setting the one she has changes nothing; once Omar's is taken away, it is free for her.
    assert_eq!(admin.set_ats_id(rita, Some("102".into())).await.unwrap().user.ats_id.as_deref(), Some("102"));
    admin.set_ats_id(omar, None).await.unwrap();
    assert_eq!(admin.set_ats_id(rita, Some("103".into())).await.unwrap().user.ats_id.as_deref(), Some("103"));

    // Another organisation is another iCIMS customer: Hank has 101 there, as the admin has here.
    assert_eq!(hank.user.ats_id.as_deref(), Some("101"));
    assert_eq!(server.admin.user.ats_id.as_deref(), Some("101"));
    // ... and its users are not there to change.
    let error = admin.set_ats_id(hank.user.id, Some("9".into())).await.unwrap_err();
    assert_eq!(rule(error), (404, DomainError::not_found(Thing::User, hank.user.id)));
}

#[tokio::test(flavor = "multi_thread")]
async fn two_teammates_given_the_same_ats_id_at_once_get_it_once() {
    let server = TestServer::start().await;
    // Another admin's change, stopped before its commit: Omar has 555 and holds the org's lock.
    let mut other = server.server.pool.begin().await.unwrap();
    sqlx::query("UPDATE users SET ats_id = '555' WHERE id = $1")
        .bind(server.other_recruiter.user.id)
        .execute(&mut *other)
        .await
        .unwrap();
    sqlx::query("SELECT 1 FROM orgs JOIN users ON users.org_id = orgs.id WHERE users.id = $1 FOR UPDATE OF orgs")
        .bind(server.other_recruiter.user.id)
        .execute(&mut *other)
        .await
        .unwrap();
    let admin = client(&server, &server.admin);
    let rita = server.recruiter.user.id;
    let second = tokio::spawn(async move { admin.set_ats_id(rita, Some("555".into())).await });
    while !waits_on_a_lock(&server).await {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    other.commit().await.unwrap();
    let taken = DomainError::AtsIdTaken { id: "555".into(), user: "omar@acme.test".into() };
    assert_eq!(rule(second.await.unwrap().unwrap_err()), (422, taken));
    let team = client(&server, &server.admin).team().await.unwrap();
    let holders = team.iter().filter(|m| m.user.ats_id.as_deref() == Some("555")).count();
    assert_eq!(holders, 1);
}
