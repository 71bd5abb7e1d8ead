//! The desktop and the server apply a mutation alike. A desktop shows its own change at once,
//! from the domain's effects run on its store; after the sync it shows the server's, from the
//! same effects run on PostgreSQL's records. If the two differ, the user sees their change
//! turn into something else when the sync comes back. So every mutation of the vocabulary is
//! applied on a signed-in desktop, what it shows is read, then it syncs and what it shows is
//! read again: the records and each candidate's history must be the same.

use std::collections::BTreeMap;

use chrono::Utc;
use serde_json::Value;
use talentdesk_domain::candidate::{FieldValue, Profile, ProfileType};
use talentdesk_domain::event::{Event, EventCategory};
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::import::{Differing, ImportSource, ImportWrite};
use talentdesk_domain::import_mapping::SavedMapping;
use talentdesk_domain::job::{HIRED_STATUS, Job};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::record::RecordKind;
use talentdesk_domain::search::Selection;
use talentdesk_domain::settings::{CustomFieldDef, CustomFieldKind, HiredActions};
use talentdesk_domain::template::{Template, TemplateKind};
use talentdesk_domain::user::Role;
use uuid::Uuid;

use crate::world::{Desktop, Server};

/// What a desktop shows: every record but history, and each candidate's history without the
/// entries' ids (made here they are local numbers; synced, the server's).
#[derive(Debug, PartialEq)]
struct Shown {
    records: Vec<(RecordKind, String, String)>,
    history: BTreeMap<Uuid, Vec<Value>>,
}

fn shown(desktop: &Desktop) -> Shown {
    let store = desktop.store();
    let records: Vec<_> =
        store.export_records().unwrap().into_iter().filter(|(kind, _, _)| *kind != RecordKind::History).collect();
    let history = records
        .iter()
        .filter(|(kind, _, _)| *kind == RecordKind::Candidate)
        .map(|(_, id, _)| {
            let id: Uuid = id.parse().unwrap();
            let entries = store.profile(&desktop.user, id).unwrap().history.into_iter().map(|entry| {
                let mut entry = serde_json::to_value(entry).unwrap();
                entry.as_object_mut().unwrap().remove("id");
                entry
            });
            (id, entries.collect())
        })
        .collect();
    Shown { records, history }
}

/// Applies `mutation` on the desktop, then syncs: what it showed before the sync is what it
/// shows after.
async fn same_on_both(desktop: &Desktop, mutation: Mutation) {
    let name = mutation.name();
    let before = shown(desktop);
    desktop.store().apply(&desktop.user, mutation).unwrap_or_else(|e| panic!("{name} refused here: {e}"));
    let here = shown(desktop);
    assert_ne!(before, here, "{name} changed nothing this test could compare");
    desktop.engine.sync_once().await.unwrap();
    assert_eq!(desktop.store().pending_count().unwrap(), 0, "{name} still waits");
    let notices = desktop.store().notices(None).unwrap();
    assert!(notices.is_empty(), "{name}: the server said {notices:?}");
    let there = shown(desktop);
    if here != there {
        panic!("{name} shows otherwise after the sync:\nhere:  {here:?}\nthere: {there:?}");
    }
}

fn person(first: &str) -> Profile {
    Profile {
        first_name: first.into(),
        last_name: "Parity".into(),
        email: Some(format!("{}@example.org", first.to_lowercase())),
        ..Profile::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_mutation_gives_the_same_records_on_the_desktop_and_on_the_server() {
    let server = Server::start().await;
    let dir = tempfile::tempdir().unwrap();
    let admin = server.add_user("admin@acme.test", Role::RecruiterAdmin).await;
    let admin = Desktop::sign_in(&server.url, dir.path(), "admin", &admin).await;
    let (ana, bo) = (new_id(), new_id());
    let both = || Selection::Ids { ids: vec![ana, bo] };

    // Settings, then people and what hangs off them.
    same_on_both(&admin, Mutation::SetHiredActions { actions: HiredActions { unsubscribe: true, deactivate: false } })
        .await;
    same_on_both(&admin, Mutation::SetInterests { interests: vec!["Data".into(), "Design".into()] }).await;
    same_on_both(&admin, Mutation::SetPhoneCountry { country: Some(" pt".into()) }).await;
    for tag in ["Referral", "Night shift"] {
        same_on_both(&admin, Mutation::TagDefine { name: tag.into() }).await;
    }
    for (id, first) in [(ana, "Ana"), (bo, "Bo")] {
        let create = Mutation::CandidateCreate {
            candidate_id: id,
            profile: person(first),
            profile_type: ProfileType::Applicant,
        };
        same_on_both(&admin, create).await;
    }
    let title = FieldChange {
        from: FieldValue::CurrentTitle(String::new()),
        to: FieldValue::CurrentTitle("Charge nurse".into()),
    };
    same_on_both(&admin, Mutation::CandidateUpdate { candidate_id: ana, changes: vec![title] }).await;
    same_on_both(&admin, Mutation::CandidateReview { candidate_id: ana }).await;
    same_on_both(&admin, Mutation::TagsAdd { selection: both(), tags: vec!["Referral".into(), "Night shift".into()] })
        .await;
    same_on_both(
        &admin,
        Mutation::TagsRemove { selection: Selection::Ids { ids: vec![bo] }, tags: vec!["Referral".into()] },
    )
    .await;
    let note = new_id();
    same_on_both(
        &admin,
        Mutation::NoteAdd { note_id: note, candidate_id: ana, body: "Met at the fair".into(), private: false },
    )
    .await;
    same_on_both(&admin, Mutation::NoteEdit { note_id: note, body: "Met at the spring fair".into(), private: true })
        .await;
    same_on_both(&admin, Mutation::NoteDelete { note_id: note }).await;

    // Pipelines.
    let pipeline = new_id();
    let statuses = vec!["New".into(), "Contacted".into(), "Interview".into()];
    same_on_both(
        &admin,
        Mutation::PipelineCreate { pipeline_id: pipeline, name: "Nursing".into(), statuses, private: false },
    )
    .await;
    same_on_both(&admin, Mutation::PipelineAdd { selection: both(), pipeline_id: pipeline, status: None }).await;
    let moved = Mutation::PipelineSetStatus { candidate_id: ana, pipeline_id: pipeline, status: "Interview".into() };
    same_on_both(&admin, moved).await;
    // Undo: a move's undo, as the desktop computed it, puts the card back alike on both.
    let moved = Mutation::PipelineSetStatus { candidate_id: bo, pipeline_id: pipeline, status: "Contacted".into() };
    let undo = admin.store().apply(&admin.user, moved).unwrap().undo.expect("a move can be undone");
    admin.engine.sync_once().await.unwrap();
    same_on_both(&admin, undo).await;
    // Its editing: name and privacy apart; a status renamed (nobody moves, no history entry),
    // then removed with its member moved to another (a move, with its entry).
    same_on_both(&admin, Mutation::PipelineRename { pipeline_id: pipeline, name: "Nursing 2027".into() }).await;
    same_on_both(&admin, Mutation::PipelineSetPrivate { pipeline_id: pipeline, private: true }).await;
    let renamed =
        Mutation::PipelineRenameStatus { pipeline_id: pipeline, from: "Interview".into(), to: "Interviews".into() };
    same_on_both(&admin, renamed).await;
    let removed = Mutation::PipelineRemoveStatus {
        pipeline_id: pipeline,
        status: "Interviews".into(),
        move_to: Some("Contacted".into()),
    };
    same_on_both(&admin, removed).await;
    same_on_both(&admin, Mutation::PipelineSetPrivate { pipeline_id: pipeline, private: false }).await;
    same_on_both(
        &admin,
        Mutation::PipelineRemove { selection: Selection::Ids { ids: vec![bo] }, pipeline_id: pipeline },
    )
    .await;

    // An event, from registration to the door.
    let fair = Event::new(new_id(), "Spring Career Fair", EventCategory::CareerFair, Utc::now(), "Hall A");
    same_on_both(&admin, Mutation::EventCreate { event: fair.clone() }).await;
    let register = Mutation::EventAdd { selection: both(), event_id: fair.id, attended: false, confirmation: None };
    same_on_both(&admin, register).await;
    let check_in = Mutation::EventCheckIn { event_id: fair.id, candidate_id: ana, at: None, kiosk: false };
    same_on_both(&admin, check_in).await;
    same_on_both(&admin, Mutation::EventRate { event_id: fair.id, candidate_id: ana, rating: 4 }).await;
    same_on_both(&admin, Mutation::EventUndoCheckIn { event_id: fair.id, candidate_id: ana }).await;
    let walk_in = Mutation::EventWalkIn {
        event_id: fair.id,
        candidate_id: new_id(),
        profile: person("Lin"),
        interests: vec!["Data".into()],
        consent: true,
        at: None,
        kiosk: false,
    };
    same_on_both(&admin, walk_in).await;
    let moved = Event { location: "Hall B".into(), ..fair.clone() };
    same_on_both(&admin, Mutation::EventUpdate { event: moved }).await;
    same_on_both(&admin, Mutation::EventArchive { event_id: fair.id, archived: true }).await;

    // A job: submitted, moved to Hired (the organisation's hired actions fire), withdrawn.
    let job = Job {
        id: new_id(),
        title: "Charge Nurse".into(),
        location: "Leeds".into(),
        ats_id: None,
        open: true,
        // Cleaned the same on both sides: a repeat dropped, the description trimmed.
        skills: vec!["Triage".into(), " triage".into(), "Patient Care".into()],
        description: " Nights on a busy ward. ".into(),
    };
    same_on_both(&admin, Mutation::JobCreate { job: job.clone() }).await;
    same_on_both(&admin, Mutation::JobSubmit { selection: both(), job_id: job.id }).await;
    let hired = Mutation::ApplicationSetStatus {
        job_id: job.id,
        candidate_id: ana,
        bin: "Offer".into(),
        hiring_status: HIRED_STATUS.into(),
    };
    same_on_both(&admin, hired).await;
    same_on_both(&admin, Mutation::ApplicationWithdraw { job_id: job.id, candidate_id: bo }).await;
    same_on_both(&admin, Mutation::JobUpdate { job: Job { title: "Head Nurse".into(), ..job.clone() } }).await;
    same_on_both(&admin, Mutation::JobSetOpen { job_id: job.id, open: false }).await;

    // Organisation settings.
    let visa = CustomFieldDef { key: "visa_status".into(), label: "Visa status".into(), kind: CustomFieldKind::Text };
    same_on_both(&admin, Mutation::CustomFieldDefine { field: visa }).await;
    same_on_both(&admin, Mutation::CustomFieldDelete { key: "visa_status".into() }).await;
    let template = Template {
        id: new_id(),
        kind: TemplateKind::Email,
        name: "Thanks for coming".into(),
        subject: "Good to meet you, {{first_name}}".into(),
        body: "Thank you for visiting our stand.".into(),
    };
    same_on_both(&admin, Mutation::TemplatePut { template: template.clone() }).await;
    same_on_both(&admin, Mutation::TemplateDelete { template_id: template.id }).await;
    let mapping = serde_json::json!({"columns": [{"column": "E-mail", "target": {"to": "email"}}]});
    let saved = SavedMapping { name: "Greenhouse".into(), mapping };
    same_on_both(&admin, Mutation::ImportMappingPut { mapping: saved }).await;
    same_on_both(&admin, Mutation::ImportMappingDelete { name: "greenhouse".into() }).await;

    // An import row: a new person, then a row merged into Ana.
    let source = || ImportSource { import_id: new_id(), file: "fair-2025.csv".into() };
    let create = ImportWrite::Create { profile: person("Kai") };
    same_on_both(&admin, Mutation::CandidateImport { candidate_id: new_id(), source: source(), write: create }).await;
    let row = Profile { current_employer: "St Mary's".into(), ..person("Ana") };
    let merge = ImportWrite::Merge { profile: row, differing: Differing::TakeImport };
    same_on_both(&admin, Mutation::CandidateImport { candidate_id: ana, source: source(), write: merge }).await;

    // Duplicates merged: Ana takes her twin's first name, note, tags and history.
    let twin = new_id();
    let create =
        Mutation::CandidateCreate { candidate_id: twin, profile: person("Anna"), profile_type: ProfileType::Applicant };
    same_on_both(&admin, create).await;
    let note = Mutation::NoteAdd { note_id: new_id(), candidate_id: twin, body: "Same person?".into(), private: true };
    same_on_both(&admin, note).await;
    let tag = Mutation::TagsAdd { selection: Selection::Ids { ids: vec![twin] }, tags: vec!["Referral".into()] };
    same_on_both(&admin, tag).await;
    let first_name =
        FieldChange { from: FieldValue::FirstName("Ana".into()), to: FieldValue::FirstName("Anna".into()) };
    let merge = Mutation::CandidateMerge { survivor_id: ana, merged_ids: vec![twin], changes: vec![first_name] };
    // Undone (as the desktop computed its undo), then merged for good.
    let undo = admin.store().apply(&admin.user, merge.clone()).unwrap().undo.expect("a merge can be undone");
    admin.engine.sync_once().await.unwrap();
    same_on_both(&admin, undo).await;
    same_on_both(&admin, merge).await;

    // Flags, then a deletion.
    same_on_both(&admin, Mutation::SetEligible { candidate_id: bo, eligible: false }).await;
    same_on_both(&admin, Mutation::SetActive { candidate_id: bo, active: false }).await;
    same_on_both(&admin, Mutation::SetSubscribed { selection: both(), subscribed: false }).await;
    same_on_both(&admin, Mutation::CandidateDelete { selection: Selection::Ids { ids: vec![bo] } }).await;
}
