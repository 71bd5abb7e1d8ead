//! `talentdesk-cli bench server` against a real server with a small demo org, so the benchmark
//! cannot silently break: its pushes make a history of many versions, it counts the changes
//! applied, and its pulls from cursors across that history get full pages.

use std::process::Command;

use talentdesk_demo::DemoOptions;
use talentdesk_server::config::Config;
use talentdesk_server::testing::Instance;

#[tokio::test(flavor = "multi_thread")]
async fn server_pulls_from_cursors_across_a_history_it_pushed() {
    // Settings the benchmark asks of the server it measures: a webhook receiver on this machine,
    // its own address for the sign-up page's links, room for 200 sign-ups from one address,
    // and a resume reader (this CLI reads resumes as the server does).
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let server = Instance::start_with(move |c| Config {
        listen: format!("127.0.0.1:{port}").parse().unwrap(),
        public_url: format!("http://127.0.0.1:{port}"),
        webhooks_allow_private: true,
        signup: talentdesk_server::signup::Settings {
            per_address_per_hour: 10_000,
            resume_reader: Some(env!("CARGO_BIN_EXE_talentdesk-cli").into()),
            ..c.signup
        },
        ..c
    })
    .await;
    let options = DemoOptions { candidates: 300, seed: 7 };
    let demo = talentdesk_server::demo::fill_org(server.pool(), "Acme", options, "demo password".into(), |_| {})
        .await
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_talentdesk-cli"))
        .args(["bench", "server", "--server", &server.url, "--email", &demo.admin_email, "--pushes", "10", "--json"])
        .env("TALENTDESK_PASSWORD", "demo password")
        .output()
        .expect("the CLI runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();

    assert_eq!(report["snapshot_candidates"].as_u64(), Some(300));
    // 10 desktops × 10 pushes × 20 changes, each push applied at a version of its own.
    assert_eq!(report["push_sent"].as_u64(), Some(2000));
    let applied = report["push_applied"].as_u64().unwrap();
    assert!(applied > 1900 && applied <= 2000, "{report}");
    // And the webhook lag's status changes, pushed meanwhile, at versions of their own.
    let versions = report["history_to"].as_i64().unwrap() - report["history_from"].as_i64().unwrap();
    assert!(versions >= 100, "{report}");
    assert_eq!(report["webhook_lost"].as_u64(), Some(0), "{report}");
    assert!(report["signup_per_s"].as_f64().unwrap() > 0.0, "{report}");
    // Counted when their candidates were made, not when the page thanked them.
    assert_eq!(report["signup_applied"].as_u64(), Some(200), "{report}");
    assert_eq!((report["signup_sent"].as_u64(), report["signup_at_once"].as_u64()), (Some(200), Some(8)), "{report}");
    assert!(report["push_applied_per_s"].as_f64().unwrap() > 0.0);
    // Most cursors lie far enough from the end for a page of up to 1,000 changes of 300 people.
    assert!(report["pull_mean_changes"].as_f64().unwrap() > 100.0, "{report}");
    assert!(report["pull_p95_ms"].as_f64().unwrap() > 0.0);
}
