//! A candidate added by hand in the real window: a bad email refused at its field with nothing
//! lost, the email of someone already here offering them (opened, and the form back as it was
//! left), a skill picked from the taxonomy by keys and one typed freely, a job and a tag from the
//! list added, and the new candidate's profile showing it all as Recruiter Generated.

use serde_json::json;
use talentdesk_domain::candidate::ProfileType;
use talentdesk_domain::search::SearchRequest;
use talentdesk_e2e::{DemoDb, Session, admin, err, keys};
use talentdesk_store::search::PageRequest;

/// The value of the input matching `css`, once it is not empty.
fn value(session: &Session, css: &str) -> Result<Option<String>, String> {
    let v =
        session.script("const i = document.querySelector(arguments[0]); return i ? i.value : null", json!([css]))?;
    Ok(v.as_str().filter(|v| !v.is_empty()).map(str::to_owned))
}

fn profile_name(session: &Session, name: &str) -> Result<(), String> {
    session.wait_for(name, |s| {
        Ok(s.text("[data-testid=profile-page] [data-testid=profile-name]")?.filter(|n| n == name).map(|_| ()))
    })
}

#[test]
fn a_candidate_added_by_hand_after_a_duplicate_was_offered() -> Result<(), String> {
    let demo = DemoDb::new(200, 41)?;
    let store = demo.open()?;
    let page = store.search(&SearchRequest::default(), &PageRequest { limit: 200, after: None }).map_err(err)?;
    let existing = page.rows.iter().find(|r| r.email.is_some()).ok_or("no candidate with an email")?;
    let (existing_name, email) = (existing.name.clone(), existing.email.clone().unwrap_or_default());
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the results", |s| Ok(s.text("[data-testid=result-count]")?.filter(|t| !t.is_empty())))?;
    session.click("[data-testid=new-candidate-button]")?;
    session.wait_for("the form", |s| s.text("[data-testid=new-candidate-form]"))?;

    // A bad email is refused at its field, and what was typed stays.
    session.type_into("[data-testid=new-first_name]", "Ada")?;
    session.type_into("[data-testid=new-last_name]", "Nova")?;
    session.type_into("[data-testid=new-email]", "ada at nowhere")?;
    session.click("[data-testid=dialog-submit]")?;
    let refusal = session.wait_for("the refusal", |s| s.text("[data-testid=dialog-error]"))?;
    assert!(refusal.starts_with("Email is not an email address"), "{refusal}");
    assert_eq!(session.attribute("[data-testid=new-email]", "aria-invalid")?.as_deref(), Some("true"));
    assert_eq!(value(&session, "[data-testid=new-first_name]")?.as_deref(), Some("Ada"));
    session.screenshot("new-candidate-refused")?;

    // The email of someone already here offers them; opening them and coming back to New
    // candidate finds the form as it was left.
    session.type_into("[data-testid=new-email]", &email)?;
    let offered = session.wait_for("the duplicate", |s| s.text("[data-testid=duplicates]"))?;
    assert!(offered.contains(&existing_name), "{offered}");
    session.click("[data-testid=open-duplicate]")?;
    profile_name(&session, &existing_name)?;
    session.click("[data-testid=profile-back]")?;
    session.click("[data-testid=new-candidate-button]")?;
    let kept = session.wait_for("the form as it was", |s| value(s, "[data-testid=new-email]"))?;
    assert_eq!(kept, email);
    assert_eq!(value(&session, "[data-testid=new-last_name]")?.as_deref(), Some("Nova"));
    session.wait_for("the duplicate again", |s| s.text("[data-testid=duplicates]"))?;

    // Skills: one from the taxonomy's suggestions by keys, one typed that it does not have.
    session.type_into("[data-testid=new-skills-input]", "kube")?;
    let suggested = session.wait_for("suggestions", |s| s.text("[data-testid=new-skills-suggestions]"))?;
    assert!(suggested.contains("Kubernetes"), "{suggested}");
    session.press(keys::ARROW_DOWN)?;
    session.press(keys::ENTER)?;
    session.type_into("[data-testid=new-skills-input]", "Glassblowing")?;
    session.press(keys::ENTER)?;
    let chips = session.wait_for("two skills", |s| {
        let chips = s.texts("[data-testid=new-skills-chip]")?;
        Ok((chips.len() == 2).then_some(chips))
    })?;
    assert_eq!(chips, ["Kubernetes", "Glassblowing"]);

    // A job and a tag from the list (typed in part: the list's name is taken), then save: the
    // new candidate's profile opens.
    session.click("[data-testid=new-add-job]")?;
    session.type_into("[data-testid=new-job-title]", "Chief Glassblower")?;
    session.type_into("[data-testid=new-job-employer]", "Vidraria Nova")?;
    session.type_into("[data-testid=new-tags-input]", "referr")?;
    let offered = session.wait_for("the tag offered", |s| {
        Ok(s.text("[data-testid=new-tags-suggestions]")?.filter(|t| t.contains("Referral")))
    })?;
    assert!(offered.contains("Referral"));
    session.press(keys::ENTER)?;
    session.wait_for("the tag", |s| Ok((s.texts("[data-testid=new-tags-chip]")? == ["Referral"]).then_some(())))?;
    session.screenshot("new-candidate")?;
    session.click("[data-testid=dialog-submit]")?;
    profile_name(&session, "Ada Nova")?;
    session.wait_for("the tag on the profile", |s| {
        Ok(s.text("[data-testid=profile-header] [aria-label=Tags]")?.filter(|t| t.contains("Referral")))
    })?;
    let background = session.wait_for("the profile tab", |s| s.text("[data-testid=background-profile]"))?;
    for shown in ["Chief Glassblower", "Vidraria Nova", "Kubernetes", "Glassblowing"] {
        assert!(background.contains(shown), "{shown} in {background}");
    }
    session.click("[data-testid=background-tabs] [data-tab=additional]")?;
    session.wait_for("Recruiter Generated", |s| {
        Ok(s.text("[data-testid=background-additional]")?.filter(|t| t.contains("Recruiter Generated")))
    })?;
    drop(session);

    // Stored once, as typed: the duplicate did not stop the save.
    let store = demo.open()?;
    let by_email = SearchRequest { query: format!("\"{email}\""), ..Default::default() };
    let found = store.search(&by_email, &PageRequest::default()).map_err(err)?;
    assert_eq!(found.total, 2, "the one already here and Ada Nova");
    let ada = found.rows.iter().find(|r| r.name == "Ada Nova").ok_or("Ada Nova is not stored")?;
    let view = store.profile(&admin(&store)?, ada.id).map_err(err)?;
    assert_eq!(view.candidate.profile_type, ProfileType::RecruiterGenerated);
    assert_eq!(view.candidate.profile.skills, ["Kubernetes", "Glassblowing"]);
    assert_eq!(view.candidate.profile.employment[0].employer, "Vidraria Nova");
    assert_eq!(view.tags, ["Referral"]);
    Ok(())
}
