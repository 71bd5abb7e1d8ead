//! `talentdesk-cli user …` against a real server, as a script would run it: an admin invites a
//! teammate with an ATS ID (who signs in with the one-time password), lists the team, changes
//! an ATS ID and a role and deactivates; a recruiter is refused, as are demoting the last admin
//! and an ATS ID that is not one or is a teammate's.

use std::process::{Command, Output};

use talentdesk_domain::user::Role;
use talentdesk_server::testing::{Instance, PASSWORD};
use talentdesk_sync::client::Client;

/// Runs `user …` signed in as `(email, password)`.
fn user(server: &Instance, (as_user, password): (&str, &str), args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_talentdesk-cli"))
        .args(["user", "--server", &server.url, "--as", as_user])
        .args(args)
        .env("TALENTDESK_PASSWORD", password)
        .output()
        .expect("the CLI runs")
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn refused(out: Output) -> String {
    assert!(!out.status.success(), "succeeded: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8(out.stderr).unwrap()
}

const ADA: (&str, &str) = ("ada@acme.test", PASSWORD);
const RITA: (&str, &str) = ("rita@acme.test", PASSWORD);

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_manages_the_team_from_a_script() {
    let server = Instance::start().await;
    server.add_user("ada@acme.test", Role::RecruiterAdmin).await;
    server.add_user("rita@acme.test", Role::Recruiter).await;

    let invite = ["invite", "--name", "Nia Okafor", "--email", "nia@acme.test", "--ats-id", "4711"];
    let invited = ok(user(&server, ADA, &invite));
    assert!(invited.starts_with("nia@acme.test\trecruiter\tactive\tnever\tNia Okafor\t4711\n"), "{invited}");
    let password = invited.lines().last().unwrap().rsplit(' ').next().unwrap();
    Client::login(&server.url, "nia@acme.test", password).await.expect("the one-time password signs her in");
    let nia = ("nia@acme.test", password);

    let listed = ok(user(&server, RITA, &["list"]));
    let emails: Vec<&str> = listed.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(emails, ["ada@acme.test", "nia@acme.test", "rita@acme.test"], "{listed}");

    let rows: Vec<Vec<&str>> = listed.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[1][4..], ["Nia Okafor", "4711"], "{listed}");

    // Her ATS ID changes and goes; one that is not a System ID, or is hers, is refused for Rita.
    let changed = ok(user(&server, ADA, &["ats-id", "--email", "nia@acme.test", "--set", "4712"]));
    assert!(changed.ends_with("\tNia Okafor\t4712\n"), "{changed}");
    let taken = refused(user(&server, ADA, &["ats-id", "--email", "rita@acme.test", "--set", "04712"]));
    assert!(taken.contains("ATS ID 4712 is Nia Okafor's already"), "{taken}");
    let not_one = refused(user(&server, ADA, &["ats-id", "--email", "rita@acme.test", "--set", "R-12"]));
    assert!(not_one.contains("is not an ATS ID"), "{not_one}");
    let cleared = ok(user(&server, ADA, &["ats-id", "--email", "nia@acme.test", "--clear"]));
    assert!(cleared.ends_with("\tNia Okafor\t-\n"), "{cleared}");
    let neither = refused(user(&server, ADA, &["ats-id", "--email", "nia@acme.test"]));
    assert!(neither.contains("--set"), "{neither}");

    let promoted = ok(user(&server, ADA, &["role", "--email", "NIA@acme.test", "--role", "admin"]));
    assert!(promoted.starts_with("nia@acme.test\trecruiter_admin\tactive\t"), "{promoted}");
    let deactivated = ok(user(&server, ADA, &["deactivate", "--email", "rita@acme.test"]));
    assert!(deactivated.starts_with("rita@acme.test\trecruiter\tdeactivated\t"), "{deactivated}");
    assert!(Client::login(&server.url, "rita@acme.test", PASSWORD).await.is_err());
    ok(user(&server, ADA, &["deactivate", "--email", "rita@acme.test", "--undo"]));

    let recruiter = refused(user(&server, RITA, &["invite", "--name", "Eve", "--email", "eve@acme.test"]));
    assert!(recruiter.contains("only recruiter admins may manage the team"), "{recruiter}");
    let own = refused(user(&server, RITA, &["ats-id", "--email", "rita@acme.test", "--set", "4712"]));
    assert!(own.contains("only recruiter admins may manage the team"), "{own}");
    ok(user(&server, nia, &["role", "--email", "ada@acme.test", "--role", "recruiter"]));
    let last = refused(user(&server, nia, &["role", "--email", "nia@acme.test", "--role", "recruiter"]));
    assert!(last.contains("at least one active admin"), "{last}");
    let nobody = refused(user(&server, nia, &["deactivate", "--email", "nobody@acme.test"]));
    assert!(nobody.contains("nobody in the organisation has the email nobody@acme.test"), "{nobody}");
}
