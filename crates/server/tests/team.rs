//! The team routes, through the client the desktop and the CLI use: admins invite, change
//! roles, reset passwords, end sign-ins and deactivate; a recruiter reads the list and is
//! refused the rest; the refusals (an email with an account, the last admin) say why.

mod support;

use reqwest::StatusCode;
use support::{PASSWORD, Session, TestServer};
use talentdesk_domain::DomainError;
use talentdesk_domain::error::Thing;
use talentdesk_domain::permission::Capability;
use talentdesk_domain::user::Role;
use talentdesk_sync::client::{Client, ClientError};
use talentdesk_sync::wire::{Invitation, RecordKind};

fn client(server: &TestServer, session: &Session) -> Client {
    Client::with_token(&server.url, &session.token).unwrap()
}

fn invitation(name: &str, email: &str, role: Role) -> Invitation {
    Invitation { name: name.into(), email: email.into(), role }
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
        rita.set_role(server.recruiter.user.id, Role::RecruiterAdmin).await.map(|_| ()),
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
