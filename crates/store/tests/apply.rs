//! The one write path: what each mutation does, and that a refused one changes nothing.

mod common;

use common::{Person, fixture, profile};
use talentdesk_domain::activity::{ActivityStatus, Engagement};
use talentdesk_domain::candidate::{FieldValue, ProfileType};
use talentdesk_domain::history::{FieldChange, HistoryAction};
use talentdesk_domain::job::Job;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::{SearchFilters, SearchRequest, Selection};
use talentdesk_domain::settings::HiredActions;
use talentdesk_domain::{DomainError, new_id};
use talentdesk_store::StoreError;
use talentdesk_store::search::PageRequest;

fn rule(err: StoreError) -> DomainError {
    match err {
        StoreError::Domain(d) => d,
        other => panic!("expected a rule error, got {other}"),
    }
}

#[test]
fn creating_a_candidate_does_all_four_steps() {
    let mut f = fixture();
    let id = f.create(Person { email: Some("ana@example.com"), title: "Data Engineer", ..Default::default() });
    let view = f.store.profile(&f.admin, id).unwrap();
    assert_eq!(view.candidate.profile.current_title, "Data Engineer");
    assert_eq!(view.candidate.activity, ActivityStatus::Reviewed, "recruiter-created starts Reviewed");
    let engagements: Vec<Engagement> = view.engagements.iter().map(|e| e.engagement).collect();
    assert!(
        engagements.contains(&Engagement::RecruiterGenerated) && engagements.contains(&Engagement::RecruiterReviewed)
    );
    assert_eq!(view.history.len(), 1);
    assert_eq!(view.history[0].action, HistoryAction::Insert);
    assert_eq!(view.history[0].actor_email, f.recruiter.email);
    let outbox = f.store.outbox().unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].seq, 1);
    assert_eq!(outbox[0].mutation.name(), "candidate.create");
}

#[test]
fn edits_record_history_and_past_profiles_can_be_rebuilt() {
    let mut f = fixture();
    let id = f.create(Person { title: "Engineer", ..Default::default() });
    let change = |from: &str, to: &str| FieldChange {
        from: FieldValue::CurrentTitle(from.into()),
        to: FieldValue::CurrentTitle(to.into()),
    };
    f.admin_applies(Mutation::CandidateUpdate {
        candidate_id: id,
        changes: vec![change("Engineer", "Senior Engineer")],
    });
    f.admin_applies(Mutation::CandidateUpdate {
        candidate_id: id,
        changes: vec![change("Senior Engineer", "Staff Engineer")],
    });
    let view = f.store.profile(&f.admin, id).unwrap();
    assert_eq!(view.history.len(), 3);
    assert_eq!(view.history[1].actor_email, f.admin.email);
    let titles: Vec<String> =
        view.history.iter().map(|h| f.store.profile_as_of(id, h.id).unwrap().current_title).collect();
    assert_eq!(titles, ["Engineer", "Senior Engineer", "Staff Engineer"]);
    // A new title is searchable at once.
    let page = f
        .store
        .search(&SearchRequest { query: "staff".into(), ..Default::default() }, &PageRequest::default())
        .unwrap();
    assert_eq!(page.total, 1);
}

#[test]
fn an_edit_from_a_stale_value_wins_and_history_marks_the_conflict() {
    let mut f = fixture();
    let id = f.create(Person { title: "Engineer", ..Default::default() });
    let change = |from: &str, to: &str| FieldChange {
        from: FieldValue::CurrentTitle(from.into()),
        to: FieldValue::CurrentTitle(to.into()),
    };
    f.admin_applies(Mutation::CandidateUpdate { candidate_id: id, changes: vec![change("Engineer", "Lead")] });
    // Another edit still believes the title is "Engineer" (a pulled change arrived meanwhile).
    f.admin_applies(Mutation::CandidateUpdate { candidate_id: id, changes: vec![change("Engineer", "Architect")] });
    let view = f.store.profile(&f.admin, id).unwrap();
    assert_eq!(view.candidate.profile.current_title, "Architect");
    let last = view.history.last().unwrap();
    assert_eq!(last.action, HistoryAction::ConflictingUpdate);
    assert_eq!(last.changes, [change("Lead", "Architect")], "both values are kept");
    assert_eq!(view.history[1].action, HistoryAction::Update);
}

#[test]
fn sequence_numbers_count_up_and_survive_reopening() {
    let mut f = fixture();
    f.create(Person::default());
    f.create(Person::default());
    let path = f.store.path().to_path_buf();
    drop(f.store);
    let mut store = talentdesk_store::Store::open(&path).unwrap();
    let applied = store.apply(&f.admin, Mutation::TagDefine { name: "Referral".into() }).unwrap();
    assert_eq!(applied.seq, 3);
    assert_eq!(store.outbox().unwrap().iter().map(|e| e.seq).collect::<Vec<_>>(), [1, 2, 3]);
}

/// Every refused mutation leaves the tables and the outbox exactly as they were.
#[test]
fn refused_mutations_change_nothing_and_say_why() {
    let mut f = fixture();
    let id = f.create(Person { email: Some("ana@example.com"), ..Default::default() });
    let before = serde_json::to_string(&f.store.profile(&f.admin, id).unwrap()).unwrap();
    let outbox_before = f.store.outbox().unwrap().len();
    let recruiter = f.recruiter.clone();
    let admin = f.admin.clone();
    let many: Vec<uuid::Uuid> = (0..51).map(|_| new_id()).collect();
    let cases: Vec<(talentdesk_domain::user::User, Mutation, &str)> = vec![
        (
            recruiter.clone(),
            Mutation::CandidateUpdate {
                candidate_id: id,
                changes: vec![FieldChange {
                    from: FieldValue::Email(Some("ana@example.com".into())),
                    to: FieldValue::Email(Some("not-an-email".into())),
                }],
            },
            "has no @",
        ),
        (
            recruiter.clone(),
            Mutation::CandidateDelete { selection: Selection::ids([id]) },
            "only recruiter admins may delete",
        ),
        (recruiter.clone(), Mutation::SetActive { candidate_id: id, active: false }, "only recruiter admins"),
        (
            admin.clone(),
            Mutation::EmailSend {
                send_id: new_id(),
                selection: Selection::ids(many.clone()),
                subject: "Hi".into(),
                body: "Hello".into(),
            },
            "at most 50",
        ),
        (admin.clone(), Mutation::CandidateReview { candidate_id: new_id() }, "does not exist"),
        (
            admin.clone(),
            Mutation::TagsAdd { selection: Selection::ids([id]), tags: vec!["Unlisted".into()] },
            "not in the tags list",
        ),
        (admin.clone(), Mutation::EventRate { event_id: new_id(), candidate_id: id, rating: 9 }, "from 1 to 5"),
        (
            admin.clone(),
            Mutation::NoteAdd { note_id: new_id(), candidate_id: id, body: "   ".into(), private: false },
            "is required",
        ),
        (
            admin.clone(),
            Mutation::CandidateUpdate {
                candidate_id: id,
                changes: vec![FieldChange {
                    from: FieldValue::CustomField { key: "visa".into(), value: None },
                    to: FieldValue::CustomField { key: "visa".into(), value: Some("H-1B".into()) },
                }],
            },
            "is not a custom field",
        ),
        (admin.clone(), Mutation::CandidateUpdate { candidate_id: id, changes: vec![] }, "nothing to change"),
        (
            admin.clone(),
            Mutation::CandidateCreate {
                candidate_id: id,
                profile: profile(&Person::default()),
                profile_type: ProfileType::RecruiterGenerated,
            },
            "already exists",
        ),
    ];
    for (actor, mutation, reason) in cases {
        let name = mutation.name();
        let err = f.store.apply(&actor, mutation).unwrap_err();
        assert!(err.to_string().contains(reason), "{name}: {err}");
    }
    assert_eq!(serde_json::to_string(&f.store.profile(&f.admin, id).unwrap()).unwrap(), before);
    assert_eq!(f.store.outbox().unwrap().len(), outbox_before);
}

#[test]
fn a_bulk_mutation_that_fails_midway_leaves_no_candidate_changed() {
    let mut f = fixture();
    let with_email = f.create(Person { email: Some("a@example.com"), ..Default::default() });
    let without = f.create(Person { first: "Bo", ..Default::default() });
    let err = f
        .store
        .apply(
            &f.admin,
            Mutation::EmailSend {
                send_id: new_id(),
                selection: Selection::ids([with_email, without]),
                subject: "Hi".into(),
                body: "Hello".into(),
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("Bo Souza has no email address"), "{err}");
    let view = f.store.profile(&f.admin, with_email).unwrap();
    assert!(view.emails.is_empty(), "the first candidate's message was rolled back");
    assert_eq!(view.candidate.activity, ActivityStatus::Reviewed);
}

#[test]
fn email_queues_a_message_and_moves_the_candidate_to_contacted() {
    let mut f = fixture();
    let id = f.create(Person { email: Some("ana@example.com"), ..Default::default() });
    let recruiter = f.recruiter.clone();
    f.store
        .apply(
            &recruiter,
            Mutation::EmailSend {
                send_id: new_id(),
                selection: Selection::ids([id]),
                subject: "Hello Ana".into(),
                body: "Chat?".into(),
            },
        )
        .unwrap();
    let view = f.store.profile(&f.admin, id).unwrap();
    assert_eq!(view.candidate.activity, ActivityStatus::Contacted);
    assert_eq!(view.emails.len(), 1);
    assert_eq!(view.emails[0].message.subject, "Hello Ana");
    assert!(view.emails[0].message.sent_at.is_none(), "queued until the server sends it");
    assert!(view.engagements.iter().any(|e| e.engagement == Engagement::SentDirectEmail));
}

#[test]
fn an_invite_fills_its_merge_fields_for_each_candidate() {
    let mut f = fixture();
    let ana = f.create(Person { first: "Ana", email: Some("ana@example.com"), ..Default::default() });
    let bo = f.create(Person { first: "Bo", email: Some("bo@example.com"), ..Default::default() });
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
    let recruiter = f.recruiter.clone();
    let invite = |subject: &str| Mutation::InviteSend {
        send_id: new_id(),
        selection: Selection::ids([ana, bo]),
        job_id: job.id,
        subject: subject.into(),
        body: "Hi {{first_name}}, would you apply? {{sender_name}}".into(),
    };
    f.store.apply(&recruiter, invite("{{job_title}} at Acme")).unwrap();
    for (id, first) in [(ana, "Ana"), (bo, "Bo")] {
        let view = f.store.profile(&f.admin, id).unwrap();
        let m = &view.emails[0].message;
        assert_eq!(m.subject, "Data Engineer at Acme");
        assert_eq!(m.body, format!("Hi {first}, would you apply? {}", recruiter.name));
        assert_eq!(view.candidate.activity, ActivityStatus::Contacted);
    }
    let refused = f.store.apply(&recruiter, invite("Hi {{nick}}")).unwrap_err();
    assert!(rule(refused).to_string().contains("unknown merge field {{nick}}"));
    assert_eq!(f.store.profile(&f.admin, ana).unwrap().emails.len(), 1, "nothing queued");
}

#[test]
fn a_deactivated_candidate_is_not_contacted_or_submitted_until_reactivated() {
    let mut f = fixture();
    let id = f.create(Person { first: "Ana", last: "Souza", email: Some("ana@example.com"), ..Default::default() });
    let job = Job {
        id: new_id(),
        title: "Nurse".into(),
        location: "Porto".into(),
        ats_id: None,
        open: true,
        skills: Vec::new(),
        description: String::new(),
    };
    f.admin_applies(Mutation::JobCreate { job: job.clone() });
    f.admin_applies(Mutation::SetActive { candidate_id: id, active: false });
    let email = || Mutation::EmailSend {
        send_id: new_id(),
        selection: Selection::ids([id]),
        subject: "Hi".into(),
        body: "Hello".into(),
    };
    let recruiter = f.recruiter.clone();
    let refused = rule(f.store.apply(&recruiter, email()).unwrap_err()).to_string();
    assert_eq!(refused, "Ana Souza is deactivated; an admin reactivates them first");
    let submit = Mutation::JobSubmit { selection: Selection::ids([id]), job_id: job.id };
    assert!(rule(f.store.apply(&recruiter, submit.clone()).unwrap_err()).to_string().contains("deactivated"));
    let view = f.store.profile(&f.admin, id).unwrap();
    assert!(view.emails.is_empty() && view.applications.is_empty(), "nothing half-done");

    f.admin_applies(Mutation::SetActive { candidate_id: id, active: true });
    f.store.apply(&recruiter, email()).unwrap();
    f.store.apply(&recruiter, submit).unwrap();
}

#[test]
fn hiring_applies_the_hired_engagement_and_the_automated_actions() {
    let mut f = fixture();
    let id = f.create(Person::default());
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
    f.admin_applies(Mutation::SetHiredActions { actions: HiredActions { unsubscribe: true, deactivate: true } });
    f.admin_applies(Mutation::JobSubmit { selection: Selection::ids([id]), job_id: job.id });
    f.admin_applies(Mutation::ApplicationSetStatus {
        job_id: job.id,
        candidate_id: id,
        bin: "Offer".into(),
        hiring_status: "hired".into(),
    });
    let c = f.store.profile(&f.admin, id).unwrap().candidate;
    assert_eq!(c.activity, ActivityStatus::Hired);
    assert!(!c.subscribed && !c.active);
    let page = f.store.search(&SearchRequest::default(), &PageRequest::default()).unwrap();
    assert_eq!(page.total, 0, "deactivated candidates are not searchable");
}

#[test]
fn withdrawing_every_application_disengages() {
    let mut f = fixture();
    let id = f.create(Person::default());
    let job = Job {
        id: new_id(),
        title: "QA".into(),
        location: String::new(),
        ats_id: None,
        open: true,
        skills: Vec::new(),
        description: String::new(),
    };
    f.admin_applies(Mutation::JobCreate { job: job.clone() });
    f.admin_applies(Mutation::JobSubmit { selection: Selection::ids([id]), job_id: job.id });
    f.admin_applies(Mutation::ApplicationWithdraw { job_id: job.id, candidate_id: id });
    let view = f.store.profile(&f.admin, id).unwrap();
    assert_eq!(view.candidate.activity, ActivityStatus::Disengaged);
    assert_eq!(view.applications[0].application.hiring_status, "Withdrawn");
}

#[test]
fn private_notes_are_seen_and_changed_only_by_author_and_admins() {
    let mut f = fixture();
    let id = f.create(Person::default());
    let (note, recruiter) = (new_id(), f.recruiter.clone());
    f.admin_applies(Mutation::NoteAdd {
        note_id: note,
        candidate_id: id,
        body: "Salary above band".into(),
        private: true,
    });
    assert!(f.store.profile(&recruiter, id).unwrap().notes.is_empty());
    assert_eq!(f.store.profile(&f.admin, id).unwrap().notes.len(), 1);
    let err = f.store.apply(&recruiter, Mutation::NoteDelete { note_id: note }).unwrap_err();
    assert!(rule(err).is_forbidden());
    let mine = new_id();
    f.store
        .apply(
            &recruiter,
            Mutation::NoteAdd { note_id: mine, candidate_id: id, body: "Call back".into(), private: false },
        )
        .unwrap();
    f.store
        .apply(&recruiter, Mutation::NoteEdit { note_id: mine, body: "Call back Friday".into(), private: false })
        .unwrap();
    let notes = f.store.profile(&recruiter, id).unwrap().notes;
    assert_eq!(notes.len(), 1);
    assert!(notes[0].may_change && notes[0].note.body == "Call back Friday");
}

#[test]
fn all_from_a_search_is_pinned_to_ids_in_the_outbox() {
    let mut f = fixture();
    let rust = f.create(Person { first: "Rui", skills: &["Rust"], ..Default::default() });
    f.create(Person { first: "Jo", skills: &["Java"], ..Default::default() });
    f.define_tag("Systems");
    let search = SearchRequest { query: "rust".into(), ..Default::default() };
    let applied = f.admin_applies(Mutation::TagsAdd {
        selection: Selection::Search { request: Box::new(search) },
        tags: vec!["Systems".into()],
    });
    assert_eq!(applied.affected, 1);
    let entry = f.store.outbox().unwrap().pop().unwrap();
    match entry.mutation {
        Mutation::TagsAdd { selection: Selection::Ids { ids }, .. } => assert_eq!(ids, vec![rust]),
        other => panic!("expected pinned ids, got {other:?}"),
    }
    let tagged = SearchRequest {
        filters: SearchFilters { tags: vec!["Systems".into()], ..Default::default() },
        ..Default::default()
    };
    assert_eq!(f.store.search(&tagged, &PageRequest::default()).unwrap().total, 1);
}

#[test]
fn a_search_selection_over_the_limit_is_refused() {
    let mut f = fixture();
    for i in 0..51 {
        f.create(Person { first: "Ana", email: Some(&format!("ana{i}@example.com")), ..Default::default() });
    }
    let err = f
        .store
        .apply(
            &f.admin,
            Mutation::EmailSend {
                send_id: new_id(),
                selection: Selection::Search { request: Box::default() },
                subject: "S".into(),
                body: "B".into(),
            },
        )
        .unwrap_err();
    assert_eq!(err.to_string(), "Email works on at most 50 candidates at once; 51 are selected");
}

#[test]
fn pipelines_add_move_and_remove_members() {
    let mut f = fixture();
    let id = f.create(Person::default());
    let pipeline = new_id();
    f.admin_applies(Mutation::PipelineCreate {
        pipeline_id: pipeline,
        name: "Backend".into(),
        statuses: vec!["Sourced".into(), "Screening".into()],
        private: false,
    });
    f.admin_applies(Mutation::PipelineAdd { selection: Selection::ids([id]), pipeline_id: pipeline, status: None });
    let summary = f.store.pipelines(&f.admin).unwrap();
    assert_eq!((summary[0].unreviewed, summary[0].in_pipeline), (1, 0));
    let err = f
        .store
        .apply(
            &f.admin,
            Mutation::PipelineSetStatus { candidate_id: id, pipeline_id: pipeline, status: "Offer".into() },
        )
        .unwrap_err();
    assert!(err.to_string().contains("has no status \"Offer\""), "{err}");
    f.admin_applies(Mutation::PipelineSetStatus {
        candidate_id: id,
        pipeline_id: pipeline,
        status: "screening".into(),
    });
    let members = f.store.pipeline_members(&f.admin, pipeline, true, 50, 0).unwrap();
    assert_eq!(members[0].status, "Screening");
    f.admin_applies(Mutation::PipelineRemove { selection: Selection::ids([id]), pipeline_id: pipeline });
    assert!(f.store.profile(&f.admin, id).unwrap().pipelines.is_empty());
}

#[test]
fn added_at_a_later_status_a_member_is_in_the_pipeline_at_it_not_unreviewed() {
    let mut f = fixture();
    let (ana, bo) = (f.create(Person::default()), f.create(Person { first: "Bo", ..Person::default() }));
    let pipeline = new_id();
    f.admin_applies(Mutation::PipelineCreate {
        pipeline_id: pipeline,
        name: "Backend".into(),
        statuses: vec!["New".into(), "Contacted".into()],
        private: false,
    });
    let add = |ids: [uuid::Uuid; 1], status: &str| Mutation::PipelineAdd {
        selection: Selection::ids(ids),
        pipeline_id: pipeline,
        status: Some(status.into()),
    };
    f.admin_applies(add([ana], "contacted"));
    f.admin_applies(add([bo], "New"));

    let member = &f.store.profile(&f.admin, ana).unwrap().pipelines[0];
    assert_eq!((member.status.as_str(), member.reviewed), ("Contacted", true), "the status chosen for her shows");
    let summary = &f.store.pipelines(&f.admin).unwrap()[0];
    assert_eq!((summary.unreviewed, summary.in_pipeline), (1, 1), "Bo, added at the first status, waits for review");
    let in_pipeline = f.store.pipeline_members(&f.admin, pipeline, true, 50, 0).unwrap();
    assert_eq!(
        in_pipeline.iter().map(|m| (m.candidate.id, m.status.as_str())).collect::<Vec<_>>(),
        [(ana, "Contacted")]
    );
}

#[test]
fn deleting_a_candidate_removes_them_from_search_and_tables() {
    let mut f = fixture();
    let id = f.create(Person { first: "Zelda", email: Some("zelda.unique@example.com"), ..Default::default() });
    f.admin_applies(Mutation::CandidateDelete { selection: Selection::ids([id]) });
    assert!(f.store.profile(&f.admin, id).is_err());
    let page = f
        .store
        .search(&SearchRequest { query: "zelda".into(), ..Default::default() }, &PageRequest::default())
        .unwrap();
    assert_eq!(page.total, 0);
}
