//! Message templates and a note's privacy on a real store: admins manage the organisation's
//! templates (bad ones refused naming the problem), anyone previews one filled for a candidate;
//! a note's author or an admin makes it private or shared, with its History entry.

mod common;

use common::{Person, fixture, user};
use talentdesk_domain::history::HistoryDetail;
use talentdesk_domain::job::Job;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::template::{Template, TemplateKind};
use talentdesk_domain::user::{Role, User};
use talentdesk_store::{Store, StoreError};

fn template(kind: TemplateKind, name: &str, subject: &str, body: &str) -> Template {
    Template { id: new_id(), kind, name: name.into(), subject: subject.into(), body: body.into() }
}

fn refusal(store: &mut Store, user: &User, m: Mutation) -> String {
    match store.apply(user, m) {
        Err(StoreError::Domain(d)) => d.to_string(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn names(store: &Store) -> Vec<String> {
    store.templates().unwrap().templates.into_iter().map(|t| t.name).collect()
}

#[test]
fn admins_manage_templates_and_bad_ones_are_refused_by_name() {
    let mut f = fixture();
    let nudge =
        template(TemplateKind::Email, "Nudge", "Still there, {{first_name}}?", "Hi {{first_name}} — {{sender_name}}");
    let text = template(TemplateKind::Text, "Reminder", "", "See you at 10, {{first_name}}");
    f.admin_applies(Mutation::TemplatePut { template: nudge.clone() });
    f.admin_applies(Mutation::TemplatePut { template: text.clone() });
    assert_eq!(names(&f.store), ["Nudge", "Reminder"], "emails first, then texts");

    let renamed = Template { name: "Gentle nudge".into(), ..nudge.clone() };
    f.admin_applies(Mutation::TemplatePut { template: renamed });
    assert_eq!(names(&f.store), ["Gentle nudge", "Reminder"], "an edit replaces the template");

    let (admin, recruiter) = (f.admin.clone(), f.recruiter.clone());
    let typo = template(TemplateKind::Email, "Typo", "Hi", "Dear {{frist_name}}");
    for (user, bad, reason) in [
        (
            &recruiter,
            template(TemplateKind::Email, "Mine", "Hi", "Hi"),
            "only recruiter admins may manage the message templates",
        ),
        (&admin, typo, "body: unknown merge field {{frist_name}}"),
        (&admin, template(TemplateKind::Email, " ", "Hi", "Hi"), "name: is required"),
        (&admin, template(TemplateKind::Email, "gentle NUDGE", "Hi", "Hi"), "name: \"gentle NUDGE\" is listed twice"),
        (&admin, template(TemplateKind::Text, "Job", "", "The {{job_title}} role"), "{{job_title}} needs a job"),
    ] {
        let err = refusal(&mut f.store, user, Mutation::TemplatePut { template: bad });
        assert!(err.contains(reason), "{err}");
    }
    assert_eq!(names(&f.store), ["Gentle nudge", "Reminder"], "nothing refused was saved");

    f.admin_applies(Mutation::TemplateDelete { template_id: text.id });
    assert_eq!(names(&f.store), ["Gentle nudge"]);
    // Another admin deleted it too, offline: that is no mistake, and changes nothing.
    let again = f.admin_applies(Mutation::TemplateDelete { template_id: text.id });
    assert_eq!(again.affected, 0);
    assert_eq!(names(&f.store), ["Gentle nudge"]);
}

#[test]
fn a_preview_reads_as_the_candidate_would_receive_it() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let job = Job {
        id: new_id(),
        title: "Data Engineer".into(),
        location: "Lisbon".into(),
        ats_id: None,
        open: true,
        skills: Vec::new(),
        description: String::new(),
    };
    f.admin_applies(Mutation::JobCreate { job: job.clone() });
    let invite = template(TemplateKind::Invite, "Invite", "{{job_title}}?", "Hi {{full_name}}, from {{sender_name}}");
    let me = f.recruiter.clone();
    let filled = f.store.fill_template(&me, invite.clone(), ana, Some(job.id)).unwrap();
    assert_eq!((filled.subject.as_str(), filled.body.as_str()), ("Data Engineer?", "Hi Ana Souza, from User 2"));
    assert_eq!(f.store.fill_template(&me, invite, ana, None).unwrap().subject, "Data Engineer?", "the open job");

    let unknown = template(TemplateKind::Email, "Bad", "Hi", "{{nickname}}");
    let err = f.store.fill_template(&me, unknown, ana, None).unwrap_err().to_string();
    assert!(err.contains("unknown merge field {{nickname}}"), "{err}");
    let fields = f.store.templates().unwrap().merge_fields;
    let invite_fields = fields.iter().find(|k| k.kind == TemplateKind::Invite).unwrap();
    assert!(invite_fields.fields.contains(&"job_title".to_owned()));
    assert!(
        fields.iter().filter(|k| k.kind != TemplateKind::Invite).all(|k| !k.fields.contains(&"job_title".to_owned()))
    );
}

#[test]
fn the_author_or_an_admin_makes_a_note_private_or_shared() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let note_id = new_id();
    let author = f.recruiter.clone();
    let other = user(3, Role::Recruiter);
    f.store.put_user(&other).unwrap();
    let note = |private| Mutation::NoteEdit { note_id, body: "met at the fair".into(), private };
    f.store
        .apply(
            &author,
            Mutation::NoteAdd { note_id, candidate_id: ana, body: "met at the fair".into(), private: false },
        )
        .unwrap();

    let err = refusal(&mut f.store, &other, note(true));
    assert_eq!(err, format!("note {note_id} belongs to someone else"));

    f.store.apply(&author, note(true)).unwrap();
    assert!(f.store.profile(&other, ana).unwrap().notes.is_empty(), "a private note is its author's");
    f.admin_applies(note(false));
    let shared = f.store.profile(&other, ana).unwrap().notes;
    assert!(shared.iter().any(|n| n.note.id == note_id && !n.note.private), "shared again by an admin");

    let privacy: Vec<HistoryDetail> = f
        .store
        .profile(&f.admin, ana)
        .unwrap()
        .history
        .into_iter()
        .filter_map(|h| h.detail)
        .filter(|d| matches!(d, HistoryDetail::NotePrivacy { .. }))
        .collect();
    let expected = [HistoryDetail::NotePrivacy { private: false }, HistoryDetail::NotePrivacy { private: true }];
    assert_eq!(privacy.len(), 2, "{privacy:?}");
    assert!(expected.iter().all(|e| privacy.contains(e)), "{privacy:?}");
}
