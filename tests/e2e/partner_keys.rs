//! Settings › Partner API keys in the real window against a real server: an admin creates a
//! key for a partner with two scopes and is shown its secret once, with a warning; the secret
//! works on the partner API. Revoking asks first, then the key is listed as revoked and the
//! partner is refused. A recruiter is not offered the card. Screenshots: settings-partner-keys
//! (the new key's secret and the list), settings-partner-keys-revoked.

use serde_json::json;
use talentdesk_domain::user::Role;
use talentdesk_e2e::{Session, axe, err, sign_in, sign_out, synced, workspace};
use talentdesk_server::testing::{Instance, PASSWORD};

fn open_settings(session: &Session) -> Result<(), String> {
    session.click("[data-testid=rail-settings]")?;
    session.wait_for("the settings", |s| s.text("[data-testid=settings-page]")).map(|_| ())
}

/// Scrolls the partner keys card into view, for a screenshot.
fn show_card(session: &Session) -> Result<(), String> {
    let script = "document.querySelector('[data-testid=partner-key-settings]').scrollIntoView({ block: 'end' });";
    session.script(script, json!([])).map(|_| ())
}

/// What the partner API answers the key: its HTTP status.
fn partner_status(server: &str, secret: &str) -> u16 {
    let url = format!("{server}/v1/partner/candidates?email=ada@example.com");
    match ureq::get(&url).set("Authorization", &format!("Bearer {secret}")).call() {
        Ok(response) => response.status(),
        Err(ureq::Error::Status(status, _)) => status,
        Err(e) => panic!("the partner API did not answer: {e}"),
    }
}

#[test]
fn an_admin_creates_a_partner_key_sees_its_secret_once_and_revokes_it() -> Result<(), String> {
    let runtime = tokio::runtime::Runtime::new().map_err(err)?;
    let server = runtime.block_on(Instance::start());
    let admin = runtime.block_on(server.add_user("ada@acme.test", Role::RecruiterAdmin));
    let rita = runtime.block_on(server.add_user("rita@acme.test", Role::Recruiter));
    let data = tempfile::tempdir().map_err(err)?;
    let data_dir = data.path().to_str().ok_or("the temporary path is not UTF-8")?;
    let session = Session::start_with_env(&[], &[("TALENTDESK_DATA_DIR", data_dir)])?;
    sign_in(&session, &server.url, &admin.email, PASSWORD)?;
    synced(&session)?;
    open_settings(&session)?;
    let card = "[data-testid=partner-key-settings]";
    session.wait_for("no keys yet", |s| Ok(s.text(card)?.filter(|t| t.contains("No partner keys yet"))))?;

    // Create: a name and two scopes; the button waits for both.
    let send = "[data-testid=partner-create-send]";
    session.type_into("[data-testid=partner-create-name]", "Crosschq reference checks")?;
    assert_eq!(session.attribute(send, "disabled")?.as_deref(), Some(""), "no scope ticked yet");
    session.click("[data-testid=partner-create-scope][data-scope='candidates:read']")?;
    session.click("[data-testid=partner-create-scope][data-scope='notes:write']")?;
    session.click(send)?;
    let read_secret =
        "const e = document.querySelector('[data-testid=partner-secret-value]'); return e ? e.value : null;";
    let secret =
        session.wait_for("the secret", |s| Ok(s.script(read_secret, json!([]))?.as_str().map(str::to_owned)))?;
    assert!(secret.starts_with("tdpk_"), "{secret}");
    let warning = session.text("[data-testid=partner-secret] .hint")?.unwrap_or_default();
    assert!(warning.contains("shown only this once"), "{warning}");
    // The list is read again after the secret is shown: its new row may come a moment later.
    let scopes = session.wait_for("the new key's row", |s| {
        let scopes = s.texts("[data-testid=partner-key-row] .scopes li")?;
        Ok((!scopes.is_empty()).then_some(scopes))
    })?;
    assert_eq!(scopes, ["Read candidates", "Write notes"]);
    assert_eq!(session.texts("[data-testid=partner-key-status]")?, ["Active"]);
    assert_eq!(partner_status(&server.url, &secret), 200, "the secret shown is the key");
    let found: Vec<String> = axe::check(&session)?.iter().map(ToString::to_string).collect();
    assert!(found.is_empty(), "axe finds nothing serious with the secret shown: {found:#?}");
    show_card(&session)?;
    let shot = session.screenshot("settings-partner-keys")?;
    std::fs::copy(&shot, workspace().join("docs/screenshots/settings-partner-keys.png")).map_err(err)?;

    // Done forgets the secret; the list never shows it.
    session.click("[data-testid=partner-secret-done]")?;
    session.wait_for("the secret gone", |s| Ok(s.text("[data-testid=partner-secret]")?.is_none().then_some(())))?;
    assert!(!session.text(card)?.unwrap_or_default().contains(&secret[..12]));

    // Revoke asks first; Cancel changes nothing, Revoke refuses the partner from then on.
    session.click("[data-testid=partner-key-revoke]")?;
    session.click("[data-testid=partner-key-cancel]")?;
    assert_eq!(session.texts("[data-testid=partner-key-status]")?, ["Active"]);
    session.click("[data-testid=partner-key-revoke]")?;
    let question = session.wait_for("the question", |s| s.text("[data-testid=partner-key-row] [role=alert]"))?;
    assert!(question.starts_with("Revoke Crosschq reference checks?"), "{question}");
    session.click("[data-testid=partner-key-confirm]")?;
    let status = session.wait_for("revoked", |s| {
        Ok(s.texts("[data-testid=partner-key-status]")?.into_iter().find(|t| t.starts_with("Revoked")))
    })?;
    assert!(status.starts_with("Revoked "), "{status}");
    assert_eq!(partner_status(&server.url, &secret), 401);
    show_card(&session)?;
    let shot = session.screenshot("settings-partner-keys-revoked")?;
    std::fs::copy(&shot, workspace().join("docs/screenshots/settings-partner-keys-revoked.png")).map_err(err)?;

    // A recruiter is not offered the card.
    sign_out(&session)?;
    sign_in(&session, &server.url, &rita.email, PASSWORD)?;
    synced(&session)?;
    open_settings(&session)?;
    assert_eq!(session.text(card)?, None);
    Ok(())
}
