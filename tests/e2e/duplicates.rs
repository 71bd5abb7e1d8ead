//! Duplicates in the real window: two profiles of one person planted in a demo database (the
//! same email in other case), with a third, different person wrongly sharing that email; the
//! Duplicates page lists them with the evidence; an admin merges the two, leaving the third
//! out, keeping one with the title taken from the other; the one who stays has it and the
//! other's tag and note, the other's profile opens the one who stayed, the third is untouched.
//! A second pair said to be "Not duplicates" leaves the list, is shown again marked, and the
//! choice is taken back.
//! Screenshots: docs/screenshots/duplicates-*.png.

use serde_json::json;
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_e2e::{DemoDb, Session, admin, err, workspace};
use uuid::Uuid;

const NOTE: &str = "Met at the spring fair; wants nights off.";

fn shot(session: &Session, name: &str) -> Result<(), String> {
    let taken = session.screenshot(&format!("duplicates-{name}"))?;
    std::fs::copy(&taken, workspace().join(format!("docs/screenshots/duplicates-{name}.png"))).map_err(err)?;
    Ok(())
}

fn person(first: &str, email: &str, title: &str) -> Profile {
    Profile {
        first_name: first.into(),
        last_name: "Marrowfield".into(),
        email: Some(email.into()),
        current_title: title.into(),
        ..Profile::default()
    }
}

/// The group's place on the page (1-based, for :nth-of-type) once it is listed.
fn group_of(session: &Session, id: Uuid) -> Result<u64, String> {
    let find = "return [...document.querySelectorAll('[data-testid=duplicate-group]')]
        .findIndex(g => g.querySelector(`tr[data-id=\"${arguments[0]}\"]`)) + 1 || null;";
    session
        .wait_for("the planted pair on the Duplicates page", |s| Ok(s.script(find, json!([id.to_string()]))?.as_u64()))
}

#[test]
fn a_planted_pair_is_found_and_merged_from_the_duplicates_page() -> Result<(), String> {
    let demo = DemoDb::new(200, 31)?;
    let mut store = demo.open()?;
    let admin_user = admin(&store)?;
    let (older, newer, stranger) =
        (talentdesk_domain::new_id(), talentdesk_domain::new_id(), talentdesk_domain::new_id());
    let (twin_a, twin_b) = (talentdesk_domain::new_id(), talentdesk_domain::new_id());
    let tag = store.tags().map_err(err)?.into_iter().find(|t| t.listed).ok_or("no listed tag")?.name;
    for m in [
        Mutation::CandidateCreate {
            candidate_id: older,
            profile: person("Quilla", "quilla.marrowfield@planted.example", "Staff nurse"),
            profile_type: ProfileType::RecruiterGenerated,
        },
        Mutation::TagsAdd { selection: Selection::Ids { ids: vec![older] }, tags: vec![tag.clone()] },
        Mutation::NoteAdd {
            note_id: talentdesk_domain::new_id(),
            candidate_id: older,
            body: NOTE.into(),
            private: false,
        },
        Mutation::CandidateCreate {
            candidate_id: newer,
            profile: person("Quilla Jane", "QUILLA.Marrowfield@planted.example", "Ward manager"),
            profile_type: ProfileType::RecruiterGenerated,
        },
        Mutation::CandidateCreate {
            candidate_id: stranger,
            profile: Profile {
                last_name: "Okafor".into(),
                ..person("Bram", "Quilla.Marrowfield@planted.example", "Porter")
            },
            profile_type: ProfileType::RecruiterGenerated,
        },
        Mutation::CandidateCreate {
            candidate_id: twin_a,
            profile: person("Odile", "odile.twin@planted.example", "Midwife"),
            profile_type: ProfileType::RecruiterGenerated,
        },
        Mutation::CandidateCreate {
            candidate_id: twin_b,
            profile: person("Odile", "Odile.Twin@planted.example", "Midwife"),
            profile_type: ProfileType::RecruiterGenerated,
        },
    ] {
        store.apply(&admin_user, m).map_err(err)?;
    }

    let session = Session::start(&["--db", demo.arg()?])?;
    // The rail offers Duplicates once it knows the user is an admin.
    session.wait_for("Duplicates in the rail", |s| s.text("[data-testid=rail-duplicates]"))?;
    session.click("[data-testid=rail-duplicates]")?;

    // "Not duplicates" hides the twins' group; shown again it is marked, and the choice undone.
    let twins = format!("[data-testid=duplicate-group]:nth-of-type({})", group_of(&session, twin_a)?);
    session.click(&format!("{twins} [data-testid=duplicate-hide]"))?;
    let gone =
        "return !document.querySelector(`[data-testid=duplicate-group] tr[data-id=\"${arguments[0]}\"]`) || null;";
    session.wait_for("the twins' group hidden", |s| Ok(s.script(gone, json!([twin_a.to_string()]))?.as_bool()))?;
    session.click("[data-testid=duplicates-show-hidden]")?;
    let twins = format!("[data-testid=duplicate-group]:nth-of-type({})", group_of(&session, twin_a)?);
    let marked =
        session.wait_for("the twins marked", |s| s.text(&format!("{twins} [data-testid=duplicate-marked]")))?;
    assert_eq!(marked, "Marked “Not duplicates” on this computer.");
    shot(&session, "hidden")?;
    session.click(&format!("{twins} [data-testid=duplicate-unhide]"))?;
    session.wait_for("the twins offered for merging again", |s| {
        s.text(&format!("{twins} [data-testid=duplicate-merge]"))
    })?;
    let group = format!("[data-testid=duplicate-group]:nth-of-type({})", group_of(&session, older)?);
    let evidence = session.texts(&format!("{group} [data-testid=duplicate-evidence]"))?;
    assert_eq!(evidence, vec!["same email: quilla.marrowfield@planted.example"]);
    for id in [newer, stranger] {
        assert!(session.text(&format!("{group} tr[data-id=\"{id}\"]"))?.is_some(), "all three are in the group");
    }
    shot(&session, "list")?;

    session.click(&format!("{group} [data-testid=duplicate-merge]"))?;
    let title_of = |id: Uuid| format!("[data-testid=merge-row][data-field=current_title] td[data-id=\"{id}\"] input");
    session.wait_for("the merge dialog's fields", |s| s.attribute(&title_of(older), "name"))?;
    // The newer one stays, with the older one's title.
    session.click(&format!("[data-testid=merge-dialog] th[data-id=\"{newer}\"] [data-testid=merge-survivor]"))?;
    session.click(&title_of(older))?;
    // The stranger is left out: not merged, and their title no longer offered.
    session.click(&format!("[data-testid=merge-dialog] th[data-id=\"{stranger}\"] [data-testid=merge-leave-out]"))?;
    let count = session.wait_for("the count of who is merged", |s| {
        Ok(s.text("[data-testid=merge-count]")?.filter(|c| c.starts_with("1 ")))
    })?;
    assert_eq!(count, "1 candidate is merged into the one who stays.");
    assert!(session.attribute(&title_of(stranger), "name")?.is_none(), "a left-out member's value is not offered");
    shot(&session, "merge")?;
    session.click("[data-testid=merge-confirm]")?;
    let merged =
        session.wait_for("the group marked merged", |s| s.text(&format!("{group} [data-testid=duplicate-merged]")))?;
    assert_eq!(merged, "Merged into Quilla Jane Marrowfield.");
    assert!(session.text(&format!("{group} [data-testid=duplicate-merge]"))?.is_none(), "no second merge offered");

    // The merged one's name opens the one who stayed, who has the title, tag and note.
    session.click(&format!("{group} tr[data-id=\"{older}\"] button"))?;
    session.wait_for("the survivor's profile", |s| {
        Ok(s.text("[data-testid=profile-name]")?.filter(|n| n == "Quilla Jane Marrowfield"))
    })?;
    let page = session.wait_for("the picked title and the moved tag", |s| {
        Ok(s.text("[data-testid=profile-page]")?.filter(|p| p.contains("Staff nurse") && p.contains(&tag)))
    })?;
    assert!(!page.contains("Ward manager"), "the survivor's own title was replaced");
    shot(&session, "survivor")?;

    let kept = store.profile(&admin_user, newer).map_err(err)?;
    assert_eq!(kept.candidate.profile.current_title, "Staff nurse");
    assert!(kept.tags.contains(&tag));
    assert!(kept.notes.iter().any(|n| n.note.body == NOTE));
    assert_eq!(store.merged_into(older).map_err(err)?, Some(newer));
    assert_eq!(store.merged_into(stranger).map_err(err)?, None, "the left-out member stays themself");
    Ok(())
}
