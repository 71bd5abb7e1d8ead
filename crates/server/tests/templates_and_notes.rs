//! Against real PostgreSQL: a new organisation's message templates, admins' changes to them
//! syncing to everyone, and a note whose author turns it private and shared again reaching a
//! teammate as a removal and then as the note.

mod support;

use support::{Session, TestServer, create_candidate, numbered};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::record::SettingEntry;
use talentdesk_domain::template::{self, Template, TemplateKind};
use talentdesk_sync::wire::{Change, PushOutcome, RecordKind};
use uuid::Uuid;

fn rejection(outcome: &PushOutcome) -> String {
    match outcome {
        PushOutcome::Rejected { reason } => reason.to_string(),
        other => panic!("expected a rejection, got {other:?}"),
    }
}

/// The templates a pull from the start tells `session` of, by name.
async fn template_names(server: &TestServer, session: &Session) -> Vec<String> {
    let (changes, _) = server.pull_all(session, String::new()).await;
    let mut latest = std::collections::BTreeMap::new();
    for c in changes.iter().filter(|c| c.kind == RecordKind::Setting && c.id.starts_with(template::SETTING_PREFIX)) {
        latest.insert(c.id.clone(), c.data.as_ref().map(|d| d.get().to_owned()));
    }
    let mut names: Vec<String> = latest
        .into_values()
        .flatten()
        .map(|json| {
            let entry: SettingEntry = serde_json::from_str(&json).unwrap();
            serde_json::from_value::<Template>(entry.value).unwrap().name
        })
        .collect();
    names.sort();
    names
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_organisation_starts_with_the_default_templates_and_admins_change_them() {
    let server = TestServer::start().await;
    let mut names: Vec<String> = template::defaults().into_iter().map(|t| t.name).collect();
    names.sort();
    assert_eq!(template_names(&server, &server.recruiter).await, names);

    // Two edits of different templates, from two of the admin's desktops: both stay.
    let defaults = template::defaults();
    let (intro, follow_up) = (defaults[0].clone(), defaults[1].clone());
    let laptop = Session { client_id: Uuid::now_v7(), ..server.admin.clone() };
    let edit =
        |t: &Template, name: &str| Mutation::TemplatePut { template: Template { name: name.into(), ..t.clone() } };
    server.push(&server.admin, &numbered(1, [edit(&intro, "Hello there")])).await;
    server.push(&laptop, &numbered(1, [edit(&follow_up, "Second nudge")])).await;
    let seen = template_names(&server, &server.recruiter).await;
    assert!(seen.contains(&"Hello there".to_owned()) && seen.contains(&"Second nudge".to_owned()), "{seen:?}");

    let recruiters_own = Template {
        id: Uuid::now_v7(),
        kind: TemplateKind::Text,
        name: "Mine".into(),
        subject: String::new(),
        body: "Hi".into(),
    };
    let typo =
        Template { id: Uuid::now_v7(), name: "Typo".into(), body: "Dear {{frist_name}}".into(), ..intro.clone() };
    let refused =
        server.push(&server.recruiter, &numbered(1, [Mutation::TemplatePut { template: recruiters_own }])).await;
    assert_eq!(rejection(&refused.results[0].outcome), "only recruiter admins may manage the message templates");
    let refused = server.push(&server.admin, &numbered(2, [Mutation::TemplatePut { template: typo }])).await;
    assert!(rejection(&refused.results[0].outcome).contains("unknown merge field {{frist_name}}"));

    server.push(&server.admin, &numbered(3, [Mutation::TemplateDelete { template_id: intro.id }])).await;
    assert!(!template_names(&server, &server.recruiter).await.contains(&"Hello there".to_owned()));
}

fn note_of(changes: &[Change], note: Uuid) -> Option<Option<String>> {
    changes
        .iter()
        .rev()
        .find(|c| c.kind == RecordKind::Note && c.id == note.to_string())
        .map(|c| c.data.as_ref().map(|d| d.get().to_owned()))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_teammate_loses_a_note_made_private_and_gets_it_back_when_shared() {
    let server = TestServer::start().await;
    let (rita, omar) = (&server.recruiter, &server.other_recruiter);
    let (candidate, note) = (Uuid::now_v7(), Uuid::now_v7());
    let body = "met at the fair";
    let privacy = |private| Mutation::NoteEdit { note_id: note, body: body.into(), private };
    server
        .push(
            rita,
            &numbered(
                1,
                [
                    create_candidate(candidate, "Ana", "Souza", None),
                    Mutation::NoteAdd { note_id: note, candidate_id: candidate, body: body.into(), private: false },
                ],
            ),
        )
        .await;
    let (changes, cursor) = server.pull_all(omar, String::new()).await;
    assert!(note_of(&changes, note).flatten().is_some_and(|json| json.contains(body)), "Omar sees the shared note");

    // Someone else's note is not Omar's to hide.
    let refused = server.push(omar, &numbered(1, [privacy(true)])).await;
    assert_eq!(rejection(&refused.results[0].outcome), format!("note {note} belongs to someone else"));

    server.push(rita, &numbered(3, [privacy(true)])).await;
    let (changes, cursor) = server.pull_all(omar, cursor).await;
    assert_eq!(note_of(&changes, note), Some(None), "a removal");
    let (admin_sees, _) = server.pull_all(&server.admin, String::new()).await;
    assert!(note_of(&admin_sees, note).flatten().is_some(), "admins still see it");

    server.push(rita, &numbered(4, [privacy(false)])).await;
    let (changes, _) = server.pull_all(omar, cursor).await;
    assert!(note_of(&changes, note).flatten().is_some_and(|json| json.contains(body)), "shared again");
}
