//! Desktop updates from the team's server, as the Tauri updater meets them: the admin makes a
//! key pair and publishes a signed package of a newer version; a desktop of the older version
//! asking the updater's endpoint is offered it, downloads it, and its signature checks against
//! the public key the way the updater checks it (minisign-verify) — while a tampered package,
//! or one signed with another key, is refused. What this does not cover: the desktop app's
//! own plugin installing the package and restarting (that needs a release build).

mod support;

use std::os::unix::fs::PermissionsExt;

use reqwest::StatusCode;
use serde_json::Value;
use support::TestServer;
use talentdesk_server::updates::{self, keys};

const PLATFORM: &str = "linux-x86_64";

async fn ask(server: &TestServer, platform: &str, current: &str) -> (StatusCode, Value) {
    let response =
        server.http.get(format!("{}/v1/desktop-updates/{platform}/{current}", server.url)).send().await.unwrap();
    let status = response.status();
    let body = response.text().await.unwrap();
    (status, if body.is_empty() { Value::Null } else { serde_json::from_str(&body).unwrap() })
}

#[tokio::test(flavor = "multi_thread")]
async fn a_newer_signed_package_is_offered_and_checks_and_a_tampered_one_does_not() {
    let server = TestServer::start().await;
    let pool = &server.server.pool;
    let dir = tempfile::tempdir().unwrap();
    let pair = keys::write(dir.path()).unwrap();
    let private = std::fs::read_to_string(dir.path().join(keys::PRIVATE_FILE)).unwrap();
    let mode = std::fs::metadata(dir.path().join(keys::PRIVATE_FILE)).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "only the admin reads the private key");
    assert_eq!(std::fs::read_to_string(dir.path().join(keys::PUBLIC_FILE)).unwrap().trim(), pair.public);

    // Nothing published yet: the desktop is told so, not sent an error.
    assert_eq!(ask(&server, PLATFORM, "0.1.0").await.0, StatusCode::NO_CONTENT);

    let package = b"Talentdesk 0.2.0 package bytes".repeat(1000);
    updates::publish(pool, &private, PLATFORM, "0.2.0", "Faster search", "Talentdesk_0.2.0_amd64.deb", &package)
        .await
        .unwrap();

    let (status, update) = ask(&server, PLATFORM, "0.1.0").await;
    assert_eq!(status, StatusCode::OK, "{update}");
    assert_eq!(update["version"], "0.2.0");
    assert_eq!(update["notes"], "Faster search");
    // The address is under the server's public_url, which a test server leaves at its default
    // (its port is chosen as it starts).
    let url = update["url"].as_str().unwrap().replace("http://127.0.0.1:8080", &server.url);
    let downloaded = server.http.get(&url).send().await.unwrap();
    assert_eq!(downloaded.status(), StatusCode::OK);
    let downloaded = downloaded.bytes().await.unwrap();
    assert_eq!(&downloaded[..], &package[..]);
    let signature = update["signature"].as_str().unwrap();
    keys::verify(&pair.public, &downloaded, signature).expect("the published package checks");
    // The signature vouches for the version announced: desktops require the two to agree.
    assert_eq!(keys::signed_version(signature).unwrap().as_deref(), Some(update["version"].as_str().unwrap()));

    // A package changed on the way, or signed with a key the desktop does not trust, is refused.
    let mut tampered = downloaded.to_vec();
    tampered[100] ^= 1;
    assert!(keys::verify(&pair.public, &tampered, signature).is_err(), "a tampered package must not check");
    let stranger = keys::generate().unwrap();
    let forged = keys::sign(&stranger.private, &tampered, "Talentdesk.deb", &"0.2.0".parse().unwrap()).unwrap();
    assert!(keys::verify(&pair.public, &tampered, &forged).is_err(), "another key's signature must not check");

    // The desktop that has it, or another platform, is offered nothing.
    assert_eq!(ask(&server, PLATFORM, "0.2.0").await.0, StatusCode::NO_CONTENT);
    assert_eq!(ask(&server, "windows-x86_64", "0.1.0").await.0, StatusCode::NO_CONTENT);

    // Versions compare as versions: 0.10.0 is newer than 0.9.0.
    for version in ["0.10.0", "0.9.0"] {
        updates::publish(pool, &private, PLATFORM, version, "", "Talentdesk.deb", &package).await.unwrap();
    }
    assert_eq!(ask(&server, PLATFORM, "0.2.0").await.1["version"], "0.10.0");

    // A file name that would forge a field of the signed comment is refused, and nothing is kept.
    let forging = updates::publish(pool, &private, PLATFORM, "0.11.0", "", "x.deb\tversion:9.9.9", &package).await;
    assert!(forging.unwrap_err().to_string().contains("without tabs or line breaks"));
    assert_eq!(ask(&server, PLATFORM, "0.2.0").await.1["version"], "0.10.0");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_package_larger_than_a_read_arrives_whole_with_its_length() {
    let server = TestServer::start().await;
    let dir = tempfile::tempdir().unwrap();
    keys::write(dir.path()).unwrap();
    let private = std::fs::read_to_string(dir.path().join(keys::PRIVATE_FILE)).unwrap();
    // Two and a half megabytes that repeat nowhere (as a compressed package), and an odd size,
    // so the download is read in several parts and the last is short.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let package: Vec<u8> = (0..(5 << 19) + 7)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    let pool = &server.server.pool;
    updates::publish(pool, &private, PLATFORM, "0.4.0", "", "Talentdesk_0.4.0_amd64.deb", &package).await.unwrap();

    let url = format!("{}/v1/desktop-updates/{PLATFORM}/0.4.0/package", server.url);
    let response = server.http.get(&url).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.content_length(), Some(package.len() as u64), "the length is said before the bytes");
    let disposition = response.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert_eq!(disposition, "attachment; filename=\"Talentdesk_0.4.0_amd64.deb\"");
    let downloaded = response.bytes().await.unwrap();
    assert_eq!(downloaded.len(), package.len());
    assert!(downloaded[..] == package[..], "the bytes arrive intact and in order");
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_keys_versions_and_platforms_are_refused_and_say_why() {
    let server = TestServer::start().await;
    let pool = &server.server.pool;
    let dir = tempfile::tempdir().unwrap();
    let pair = keys::write(dir.path()).unwrap();
    let error = keys::write(dir.path()).err().expect("a second key pair over the first is refused").to_string();
    assert!(error.contains("never replaced"), "{error}");
    assert_eq!(std::fs::read_to_string(dir.path().join(keys::PUBLIC_FILE)).unwrap().trim(), pair.public);

    let publish = |key: String, platform: &'static str, version: &'static str| async move {
        updates::publish(pool, &key, platform, version, "", "Talentdesk.deb", b"package")
            .await
            .err()
            .map(|e| format!("{e:#}"))
            .unwrap_or_default()
    };
    assert!(
        publish(pair.public.clone(), PLATFORM, "1.0.0").await.contains("private key"),
        "the public key is no private key"
    );
    assert!(publish(pair.private.clone(), "linux", "1.0.0").await.contains("linux-x86_64"));
    assert!(publish(pair.private.clone(), PLATFORM, "one").await.contains("semantic version"));
    assert_eq!(publish(pair.private.clone(), PLATFORM, "1.0.0").await, "");
    assert!(publish(pair.private.clone(), PLATFORM, "1.0.0").await.contains("published already"));

    assert_eq!(ask(&server, "amiga-m68k", "1.0.0").await.0, StatusCode::BAD_REQUEST);
    assert_eq!(ask(&server, PLATFORM, "latest").await.0, StatusCode::BAD_REQUEST);
    let missing = server.http.get(format!("{}/v1/desktop-updates/{PLATFORM}/9.9.9/package", server.url)).send().await;
    assert_eq!(missing.unwrap().status(), StatusCode::NOT_FOUND);
}

/// The admin's commands: a key pair made without any settings (wherever the admin keeps it),
/// then a package published with it to the server's database, offered to an older desktop.
#[tokio::test(flavor = "multi_thread")]
async fn the_admin_makes_a_key_and_publishes_from_the_command_line() {
    let server = TestServer::start().await;
    let dir = tempfile::tempdir().unwrap();
    let keys_dir = dir.path().join("keys");
    let admin = |args: &[&str], database: bool| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_talentdesk-server"));
        command.arg("admin").args(args).env_remove("TALENTDESK_DATABASE_URL");
        if database {
            command.env("TALENTDESK_DATABASE_URL", &server.database_url);
        }
        let output = command.output().unwrap();
        (
            output.status.success(),
            format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr)),
        )
    };
    let keygen = ["updater-keygen", "--out", keys_dir.to_str().unwrap()];
    let (ok, said) = admin(&keygen, false);
    assert!(ok, "{said}");
    let (ok, said) = admin(&keygen, false);
    assert!(!ok && said.contains("never replaced"), "{said}");

    let package = dir.path().join("Talentdesk_0.3.0_amd64.deb");
    std::fs::write(&package, b"package of 0.3.0").unwrap();
    let key = keys_dir.join(keys::PRIVATE_FILE);
    let publish = ["updater-publish", "--key", key.to_str().unwrap(), "--platform", PLATFORM, "--version", "0.3.0"];
    let (ok, said) = admin(&[&publish[..], &["--file", package.to_str().unwrap()]].concat(), true);
    assert!(ok && said.contains("published 0.3.0 for linux-x86_64"), "{said}");

    let (status, update) = ask(&server, PLATFORM, "0.1.0").await;
    assert_eq!((status, &update["version"]), (StatusCode::OK, &Value::from("0.3.0")));
    let public = std::fs::read_to_string(keys_dir.join(keys::PUBLIC_FILE)).unwrap();
    keys::verify(&public, b"package of 0.3.0", update["signature"].as_str().unwrap()).unwrap();
}
