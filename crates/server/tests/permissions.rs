//! The permission matrix on the server: each role against each mutation, on their own and on
//! others' records, and another org's ids. A refusal is a recorded rejection that changes
//! nothing; the same rules as on the desktop (the domain's).

mod support;

use support::{Session, TestServer, create_candidate, numbered};
use talentdesk_domain::DomainError;
use talentdesk_domain::candidate::{FieldValue, Profile};
use talentdesk_domain::document::{Document, DocumentKind};
use talentdesk_domain::event::{Event, EventCategory};
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::job::Job;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_domain::settings::{ColumnConfig, CustomFieldDef, CustomFieldKind, HiredActions};
use talentdesk_domain::user::Role;
use talentdesk_sync::wire::PushOutcome;
use uuid::Uuid;

/// What the admin set up before the matrix runs.
struct World {
    public_pipeline: Uuid,
    private_pipeline: Uuid,
    event: Uuid,
    job: Uuid,
}

async fn world(server: &TestServer) -> World {
    let w = World {
        public_pipeline: Uuid::now_v7(),
        private_pipeline: Uuid::now_v7(),
        event: Uuid::now_v7(),
        job: Uuid::now_v7(),
    };
    let pipeline = |id, private| Mutation::PipelineCreate {
        pipeline_id: id,
        name: format!("P {private}"),
        statuses: vec!["New".into(), "Screen".into()],
        private,
    };
    let setup = [
        Mutation::TagDefine { name: "Vet".into() },
        pipeline(w.public_pipeline, false),
        pipeline(w.private_pipeline, true),
        Mutation::EventCreate {
            event: Event::new(w.event, "Fair", EventCategory::CareerFair, chrono::Utc::now(), "Lisbon"),
        },
        Mutation::JobCreate {
            job: Job {
                id: w.job,
                title: "Nurse".into(),
                location: "Porto".into(),
                ats_id: None,
                open: true,
                skills: Vec::new(),
                description: String::new(),
            },
        },
        Mutation::CustomFieldDefine {
            field: CustomFieldDef { key: "visa".into(), label: "Visa".into(), kind: CustomFieldKind::Text },
        },
    ];
    server.push(&server.admin, &numbered(1, setup)).await;
    w
}

/// The whole vocabulary aimed at one candidate, with whether a recruiter may do each.
/// `others_note` was written by someone else; the last entries erase things.
/// `twin` is a second candidate, merged into `c` near the end (admins only).
fn matrix(
    w: &World,
    c: Uuid,
    twin: Uuid,
    own_note: Uuid,
    others_note: Uuid,
    tag_to_delete: &str,
) -> Vec<(Mutation, bool)> {
    let ids = || Selection::ids([c]);
    let document = Uuid::now_v7();
    let (added, renamed) = (format!("Added {tag_to_delete}"), format!("Renamed {tag_to_delete}"));
    let title = |from: &str, to: &str| FieldChange {
        from: FieldValue::CurrentTitle(from.into()),
        to: FieldValue::CurrentTitle(to.into()),
    };
    vec![
        (create_candidate(Uuid::now_v7(), "New", "Person", None), true),
        (Mutation::CandidateUpdate { candidate_id: c, changes: vec![title("", "Nurse")] }, true),
        (Mutation::CandidateReview { candidate_id: c }, true),
        (Mutation::SetEligible { candidate_id: c, eligible: false }, true),
        (Mutation::SetActive { candidate_id: c, active: true }, false),
        (Mutation::SetSubscribed { selection: ids(), subscribed: false }, false),
        (Mutation::TagsAdd { selection: ids(), tags: vec!["Vet".into()] }, true),
        (Mutation::TagsRemove { selection: ids(), tags: vec!["Vet".into()] }, true),
        (Mutation::TagDefine { name: "Another".into() }, false),
        (Mutation::NoteAdd { note_id: Uuid::now_v7(), candidate_id: c, body: "hi".into(), private: false }, true),
        (Mutation::NoteEdit { note_id: own_note, body: "mine".into(), private: true }, true),
        (Mutation::NoteEdit { note_id: others_note, body: "not mine".into(), private: false }, false),
        (
            Mutation::PipelineCreate {
                pipeline_id: Uuid::now_v7(),
                name: "X".into(),
                statuses: vec!["New".into()],
                private: false,
            },
            true,
        ),
        (Mutation::PipelineAdd { selection: ids(), pipeline_id: w.public_pipeline, status: None }, true),
        (Mutation::PipelineAdd { selection: ids(), pipeline_id: w.private_pipeline, status: None }, false),
        // The candidate is a member of the admin's private pipeline (`run` put them there): a
        // recruiter may not move them in it.
        (
            Mutation::PipelineSetStatus { candidate_id: c, pipeline_id: w.private_pipeline, status: "Screen".into() },
            false,
        ),
        (
            Mutation::PipelineSetStatus { candidate_id: c, pipeline_id: w.public_pipeline, status: "Screen".into() },
            true,
        ),
        (Mutation::PipelineRemove { selection: ids(), pipeline_id: w.public_pipeline }, true),
        // Editing: the team's pipeline is anyone's to edit; someone's private one is theirs. Each
        // run adds a status of its own (named after its tag) and takes it through its life.
        (Mutation::PipelineAddStatus { pipeline_id: w.public_pipeline, status: added.clone() }, true),
        (
            Mutation::PipelineRenameStatus { pipeline_id: w.public_pipeline, from: added.clone(), to: renamed.clone() },
            true,
        ),
        (Mutation::PipelineMoveStatus { pipeline_id: w.public_pipeline, status: renamed.clone(), position: 0 }, true),
        (Mutation::PipelineRemoveStatus { pipeline_id: w.public_pipeline, status: renamed, move_to: None }, true),
        (Mutation::PipelineRename { pipeline_id: w.public_pipeline, name: "P false".into() }, true),
        (Mutation::PipelineSetPrivate { pipeline_id: w.public_pipeline, private: false }, true),
        // ... but only its owner (the admin here) or an admin makes it private.
        (Mutation::PipelineSetPrivate { pipeline_id: w.public_pipeline, private: true }, false),
        (Mutation::PipelineArchive { pipeline_id: w.public_pipeline, archived: false }, true),
        (Mutation::PipelineAddStatus { pipeline_id: w.private_pipeline, status: added }, false),
        (Mutation::PipelineRename { pipeline_id: w.private_pipeline, name: "Mine".into() }, false),
        (Mutation::PipelineSetPrivate { pipeline_id: w.private_pipeline, private: false }, false),
        (Mutation::PipelineArchive { pipeline_id: w.private_pipeline, archived: true }, false),
        (
            Mutation::EventCreate {
                event: Event::new(Uuid::now_v7(), "Meetup", EventCategory::Meetup, chrono::Utc::now(), String::new()),
            },
            true,
        ),
        (Mutation::EventAdd { selection: ids(), event_id: w.event, attended: false, confirmation: None }, true),
        (Mutation::EventCheckIn { event_id: w.event, candidate_id: c, at: None, kiosk: false }, true),
        (Mutation::EventRate { event_id: w.event, candidate_id: c, rating: 4 }, true),
        (Mutation::EventUndoCheckIn { event_id: w.event, candidate_id: c }, true),
        (
            Mutation::EventUpdate {
                event: Event::new(w.event, "Fair, day 2", EventCategory::CareerFair, chrono::Utc::now(), "Lisbon"),
            },
            true,
        ),
        (
            Mutation::EventWalkIn {
                event_id: w.event,
                candidate_id: Uuid::now_v7(),
                profile: Profile { first_name: "Walk".into(), last_name: "In".into(), ..Profile::default() },
                interests: Vec::new(),
                consent: true,
                at: None,
                kiosk: false,
            },
            true,
        ),
        (Mutation::EventArchive { event_id: w.event, archived: false }, false),
        (Mutation::SetInterests { interests: vec!["Data".into()] }, false),
        (Mutation::TemplatePut { template: talentdesk_domain::template::defaults()[1].clone() }, false),
        (Mutation::TemplateDelete { template_id: talentdesk_domain::template::defaults()[0].id }, false),
        (
            Mutation::EmailSend {
                send_id: Uuid::now_v7(),
                selection: ids(),
                subject: "Hi".into(),
                body: "Hello".into(),
            },
            true,
        ),
        (
            Mutation::InviteSend {
                send_id: Uuid::now_v7(),
                selection: ids(),
                job_id: w.job,
                subject: "Apply".into(),
                body: "Please".into(),
            },
            true,
        ),
        (Mutation::TextSend { send_id: Uuid::now_v7(), selection: ids(), body: "Call me".into() }, true),
        (
            Mutation::JobCreate {
                job: Job {
                    id: Uuid::now_v7(),
                    title: "Chef".into(),
                    location: String::new(),
                    ats_id: None,
                    open: true,
                    skills: Vec::new(),
                    description: String::new(),
                },
            },
            false,
        ),
        (
            Mutation::JobUpdate {
                job: Job {
                    id: w.job,
                    title: "Head nurse".into(),
                    location: "Porto".into(),
                    ats_id: None,
                    open: true,
                    skills: Vec::new(),
                    description: String::new(),
                },
            },
            false,
        ),
        (Mutation::JobSetOpen { job_id: w.job, open: true }, false),
        (Mutation::JobSubmit { selection: ids(), job_id: w.job }, true),
        (
            Mutation::ApplicationSetStatus {
                job_id: w.job,
                candidate_id: c,
                bin: "Screening".into(),
                hiring_status: "Reviewed".into(),
            },
            true,
        ),
        (Mutation::ApplicationWithdraw { job_id: w.job, candidate_id: c }, true),
        (
            Mutation::DocumentAttach {
                document: Document {
                    id: document,
                    candidate_id: c,
                    name: "cv.pdf".into(),
                    kind: DocumentKind::Resume,
                    sha256: "a".repeat(64),
                    size: 10,
                    uploaded_at: chrono::Utc::now(),
                },
            },
            true,
        ),
        (
            Mutation::ApplyResume {
                candidate_id: c,
                document_id: document,
                profile: Profile {
                    first_name: "Ana".into(),
                    last_name: "Souza".into(),
                    email: Some("ana@example.com".into()),
                    phone: Some("+351 912 345 678".into()),
                    ..Profile::default()
                },
            },
            true,
        ),
        (Mutation::DocumentDelete { document_id: document }, true),
        (
            Mutation::CustomFieldDefine {
                field: CustomFieldDef { key: "shift".into(), label: "Shift".into(), kind: CustomFieldKind::Text },
            },
            false,
        ),
        (Mutation::CustomFieldDelete { key: "shift".into() }, false),
        (Mutation::SetColumns { config: ColumnConfig::default() }, false),
        (Mutation::SetHiredActions { actions: HiredActions { unsubscribe: true, deactivate: false } }, false),
        (Mutation::NoteDelete { note_id: own_note }, true),
        (Mutation::TagDelete { name: tag_to_delete.into() }, false),
        (Mutation::CandidateMerge { survivor_id: c, merged_ids: vec![twin], changes: Vec::new() }, false),
        (Mutation::CandidateDelete { selection: ids() }, false),
    ]
}

/// Pushes the matrix as `session` and checks each outcome; returns the names that went wrong.
async fn run(server: &TestServer, w: &World, session: &Session, other: &Session) -> Vec<String> {
    let (c, twin) = (Uuid::now_v7(), Uuid::now_v7());
    let (own_note, others_note) = (Uuid::now_v7(), Uuid::now_v7());
    // The candidate has an email and a phone (messages need them), and a note by each user.
    let profile = Profile {
        first_name: "Ana".into(),
        last_name: "Souza".into(),
        email: Some("ana@example.com".into()),
        phone: Some("+351 912 345 678".into()),
        ..Profile::default()
    };
    let seeded = [
        Mutation::CandidateCreate {
            candidate_id: c,
            profile,
            profile_type: talentdesk_domain::candidate::ProfileType::RecruiterGenerated,
        },
        Mutation::NoteAdd { note_id: own_note, candidate_id: c, body: "own".into(), private: false },
        create_candidate(twin, "Ana", "Souza", None),
    ];
    server.push(session, &numbered(1, seeded)).await;
    let other_client = Session { client_id: Uuid::now_v7(), ..other.clone() };
    server
        .push(
            &other_client,
            &numbered(
                1,
                [Mutation::NoteAdd { note_id: others_note, candidate_id: c, body: "theirs".into(), private: false }],
            ),
        )
        .await;
    let tag_to_delete = format!("Temp {}", session.user.email);
    let admin_client = Session { client_id: Uuid::now_v7(), ..server.admin.clone() };
    let by_admin = [
        Mutation::TagDefine { name: tag_to_delete.clone() },
        Mutation::PipelineAdd { selection: Selection::ids([c]), pipeline_id: w.private_pipeline, status: None },
    ];
    let admin_set_up = server.push(&admin_client, &numbered(1, by_admin)).await;
    let applied = |r: &talentdesk_sync::wire::PushResult| matches!(r.outcome, PushOutcome::Applied { .. });
    assert!(admin_set_up.results.iter().all(applied), "{:?}", admin_set_up.results);

    let admin = session.user.role == Role::RecruiterAdmin;
    let cases = matrix(w, c, twin, own_note, others_note, &tag_to_delete);
    let response = server.push(session, &numbered(4, cases.iter().map(|(m, _)| m.clone()))).await;
    let mut wrong = Vec::new();
    for ((mutation, recruiter_may), result) in cases.iter().zip(&response.results) {
        let allowed = admin || *recruiter_may;
        let ok = match (&result.outcome, allowed) {
            (PushOutcome::Applied { .. }, true) => true,
            (PushOutcome::Rejected { reason }, false) => reason.is_forbidden(),
            _ => false,
        };
        if !ok {
            wrong.push(format!("{} as {}: {:?}", mutation.name(), session.user.email, result.outcome));
        }
    }
    wrong
}

#[tokio::test(flavor = "multi_thread")]
async fn each_role_may_do_what_the_rules_say_and_nothing_else() {
    // A server that can send texts: without a provider it refuses text.send to everyone alike.
    let provider = talentdesk_server::testing::text_provider::TextProvider::start().await;
    let sms = Some(provider.settings());
    let server = TestServer::start_with(move |c| talentdesk_server::config::Config { sms, ..c }).await;
    let w = world(&server).await;
    let mut wrong = run(&server, &w, &server.recruiter, &server.other_recruiter).await;
    let admin = Session { client_id: Uuid::now_v7(), ..server.admin.clone() };
    wrong.extend(run(&server, &w, &admin, &server.recruiter).await);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn another_orgs_ids_are_unknown_and_nothing_changes() {
    let server = TestServer::start().await;
    let w = world(&server).await;
    let c = Uuid::now_v7();
    let note = Uuid::now_v7();
    server
        .push(
            &server.recruiter,
            &numbered(
                1,
                [
                    create_candidate(c, "Ana", "Souza", Some("ana@example.com")),
                    Mutation::NoteAdd { note_id: note, candidate_id: c, body: "x".into(), private: false },
                ],
            ),
        )
        .await;
    let hank = server.other_org_admin().await;
    let before = server.pull_all(&server.admin, String::new()).await.1;

    let ids = || Selection::ids([c]);
    let attempts = [
        Mutation::CandidateReview { candidate_id: c },
        Mutation::CandidateUpdate {
            candidate_id: c,
            changes: vec![FieldChange {
                from: FieldValue::CurrentTitle(String::new()),
                to: FieldValue::CurrentTitle("Spy".into()),
            }],
        },
        Mutation::TagsAdd { selection: ids(), tags: vec!["Vet".into()] },
        Mutation::NoteEdit { note_id: note, body: "mine now".into(), private: false },
        Mutation::NoteDelete { note_id: note },
        Mutation::PipelineAdd { selection: ids(), pipeline_id: w.public_pipeline, status: None },
        Mutation::EventCheckIn { event_id: w.event, candidate_id: c, at: None, kiosk: false },
        Mutation::JobSubmit { selection: ids(), job_id: w.job },
        Mutation::JobSetOpen { job_id: w.job, open: false },
        Mutation::CandidateDelete { selection: ids() },
    ];
    let response = server.push(&hank, &numbered(1, attempts)).await;
    for result in &response.results {
        assert!(
            matches!(
                &result.outcome,
                PushOutcome::Rejected { reason: DomainError::NotFound { .. } | DomainError::Invalid { .. } }
            ),
            "{result:?}"
        );
    }
    let (acme_changes, after) = server.pull_all(&server.admin, before.clone()).await;
    assert!(acme_changes.is_empty(), "Acme's data did not change: {acme_changes:?}");
    assert_eq!(after, before);
    let (globex, _) = server.pull_all(&hank, String::new()).await;
    let own = |c: &talentdesk_sync::wire::Change| {
        c.kind == talentdesk_sync::wire::RecordKind::User
            || c.id.starts_with(talentdesk_domain::template::SETTING_PREFIX)
    };
    assert!(globex.iter().all(own), "Globex sees only its own users and message templates");
}
