//! `talentdesk-server admin ...` as an operator runs it: orgs and users are created, sign-ins
//! end on request, and mistakes get a clear message and a failing exit status.

mod support;

use std::process::{Command, Output};

use support::TestServer;

fn admin(database_url: &str, args: &[&str], password: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_talentdesk-server"));
    command.arg("admin").args(args).env("TALENTDESK_DATABASE_URL", database_url).env_remove("TALENTDESK_PASSWORD");
    if let Some(password) = password {
        command.env("TALENTDESK_PASSWORD", password);
    }
    command.output().expect("run talentdesk-server")
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

#[tokio::test(flavor = "multi_thread")]
async fn operators_manage_orgs_users_and_sign_ins_from_the_command_line() {
    let server = TestServer::start().await;
    let db = server.database_url.as_str();

    let created = admin(db, &["create-org", "--name", "Globex"], None);
    assert!(created.status.success(), "{}", text(&created));
    assert!(text(&created).contains("created org Globex"));
    let twice = admin(db, &["create-org", "--name", "Globex"], None);
    assert!(!twice.status.success());
    assert!(text(&twice).contains("exists already"), "{}", text(&twice));

    let user = ["create-user", "--org", "Globex", "--email", "Hank@Globex.test", "--name", "Hank", "--role", "admin"];
    let no_password = admin(db, &user, None);
    assert!(!no_password.status.success());
    assert!(text(&no_password).contains("TALENTDESK_PASSWORD"));
    let short = admin(db, &user, Some("short"));
    assert!(!short.status.success());
    assert!(text(&short).contains("at least 10 characters"));
    // An ATS ID is an iCIMS System ID (digits) and each user's own in the org.
    let with_ats_id = |id: &'static str| [&user[..], &["--ats-id", id]].concat();
    let not_one = admin(db, &with_ats_id("G-1"), Some("a good long password"));
    assert!(!not_one.status.success());
    assert!(text(&not_one).contains("is not an ATS ID"), "{}", text(&not_one));
    let made = admin(db, &with_ats_id("4711"), Some("a good long password"));
    assert!(made.status.success(), "{}", text(&made));
    assert!(text(&made).contains("recruiter_admin hank@globex.test"));
    let zed = ["create-user", "--org", "Globex", "--email", "zed@globex.test", "--name", "Zed", "--role", "recruiter"];
    let taken = admin(db, &[&zed[..], &["--ats-id", "4711"]].concat(), Some("a good long password"));
    assert!(!taken.status.success());
    assert!(text(&taken).contains("ATS ID 4711 is Hank's already"), "{}", text(&taken));

    let hank = server.login("hank@globex.test", "a good long password").await;
    let revoked = admin(db, &["revoke-tokens", "--email", "hank@globex.test"], None);
    assert!(text(&revoked).contains("1 sign-ins of hank@globex.test ended"), "{}", text(&revoked));
    let refused =
        server.http.get(format!("{}/v1/sync/pull", server.url)).bearer_auth(&hank.token).send().await.unwrap();
    assert_eq!(refused.status(), reqwest::StatusCode::UNAUTHORIZED);

    let reset = admin(db, &["reset-password", "--email", "hank@globex.test"], Some("another long password"));
    assert!(reset.status.success(), "{}", text(&reset));
    server.login("hank@globex.test", "another long password").await;

    let unknown = admin(db, &["revoke-tokens", "--email", "nobody@globex.test"], None);
    assert!(!unknown.status.success());
    assert!(text(&unknown).contains("user nobody@globex.test does not exist"), "{}", text(&unknown));

    let no_database = Command::new(env!("CARGO_BIN_EXE_talentdesk-server"))
        .args(["admin", "create-org", "--name", "X"])
        .env_remove("TALENTDESK_DATABASE_URL")
        .output()
        .unwrap();
    assert!(!no_database.status.success());
    assert!(text(&no_database).contains("database_url is not set"), "{}", text(&no_database));
}
