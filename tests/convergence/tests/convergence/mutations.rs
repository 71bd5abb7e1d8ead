//! Random mutations drawn from the whole vocabulary, about what a client holds right now.

use rand::Rng;
use rand::seq::IndexedRandom;
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_domain::candidate::{FieldValue, Location, Profile, ProfileType};
use talentdesk_domain::document::{Document, DocumentKind};
use talentdesk_domain::event::{Event, EventCategory};
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::import_mapping::SavedMapping;
use talentdesk_domain::job::{ATS_BINS, HIRING_STATUSES, Job};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::note::Note;
use talentdesk_domain::pipeline::Pipeline;
use talentdesk_domain::record::{RecordKind, TagEntry};
use talentdesk_domain::search::Selection;
use talentdesk_domain::settings::{Column, ColumnConfig, CustomFieldDef, CustomFieldKind, HiredActions};
use talentdesk_domain::template::{Template, TemplateKind};
use talentdesk_domain::user::{Role, User};
use talentdesk_store::Store;
use uuid::Uuid;

/// Statuses an edit adds or renames to: few, so two desktops' edits meet.
const STATUS_NAMES: [&str; 5] = ["Interview", "Offer", "Hired", "Screened", "On hold"];

/// An edit of pipeline `p`: its name, its privacy, a status added, renamed, moved or removed
/// (its members moved to another, or none said), archived or back.
fn pipeline_edit(rng: &mut impl Rng, p: &Pipeline) -> Mutation {
    let pipeline_id = p.id;
    let status = p.statuses.choose(rng).cloned().unwrap_or_default();
    let other = p.statuses.choose(rng).cloned().unwrap_or_default();
    let new_name = STATUS_NAMES.choose(rng).unwrap().to_string();
    match rng.random_range(0..7) {
        0 => Mutation::PipelineRename { pipeline_id, name: format!("Pipeline {}", rng.random::<u16>()) },
        1 => Mutation::PipelineSetPrivate { pipeline_id, private: p.private != rng.random_bool(0.2) },
        2 => Mutation::PipelineAddStatus { pipeline_id, status: new_name },
        3 => Mutation::PipelineRenameStatus { pipeline_id, from: status, to: new_name },
        4 => Mutation::PipelineMoveStatus { pipeline_id, status, position: rng.random_range(0..4) },
        5 => Mutation::PipelineRemoveStatus { pipeline_id, status, move_to: rng.random_bool(0.7).then_some(other) },
        _ => Mutation::PipelineArchive { pipeline_id, archived: rng.random_bool(0.5) },
    }
}

/// What a client holds, to draw mutations about.
#[derive(Default)]
pub struct Pools {
    candidates: Vec<CandidateAggregate>,
    notes: Vec<Note>,
    pipelines: Vec<Pipeline>,
    events: Vec<Event>,
    jobs: Vec<Uuid>,
    tags: Vec<String>,
    documents: Vec<Document>,
    custom_fields: Vec<String>,
}

impl Pools {
    pub fn of(store: &Store) -> Self {
        let mut pools = Pools::default();
        // What mutations refer to; not the history and messages, which only grow.
        let kinds = [
            RecordKind::Candidate,
            RecordKind::Note,
            RecordKind::Pipeline,
            RecordKind::Event,
            RecordKind::Job,
            RecordKind::Tag,
            RecordKind::Document,
            RecordKind::CustomField,
        ];
        for (kind, _, data) in store.export_records_of(&kinds).unwrap() {
            match kind {
                RecordKind::Candidate => pools.candidates.push(serde_json::from_str(&data).unwrap()),
                RecordKind::Note => pools.notes.push(serde_json::from_str(&data).unwrap()),
                RecordKind::Pipeline => pools.pipelines.push(serde_json::from_str(&data).unwrap()),
                RecordKind::Event => pools.events.push(serde_json::from_str(&data).unwrap()),
                RecordKind::Job => pools.jobs.push(serde_json::from_str::<Job>(&data).unwrap().id),
                RecordKind::Tag => {
                    let tag: TagEntry = serde_json::from_str(&data).unwrap();
                    if tag.listed {
                        pools.tags.push(tag.name);
                    }
                }
                RecordKind::Document => pools.documents.push(serde_json::from_str(&data).unwrap()),
                RecordKind::CustomField => {
                    pools.custom_fields.push(serde_json::from_str::<CustomFieldDef>(&data).unwrap().key)
                }
                _ => {}
            }
        }
        pools
    }
}

const FIRST: [&str; 8] = ["Ana", "Bea", "Chen", "Dara", "Emeka", "Fatima", "Gus", "Hana"];
const LAST: [&str; 8] = ["Souza", "Okafor", "Li", "Novak", "Silva", "Khan", "Berg", "Sato"];
const TITLES: [&str; 6] = ["Engineer", "Designer", "Nurse", "Analyst", "Recruiter", "Chef"];
const TAG_NAMES: [&str; 6] = ["Veteran", "Boomerang", "Referral", "Top talent", "Relocating", "Bilingual"];
const FIELD_KEYS: [&str; 3] = ["visa_status", "clearance", "shift"];
const AREAS: [&str; 5] = ["Data", "Design", "Sales", "Finance", "Internships"];

pub fn profile(rng: &mut impl Rng) -> Profile {
    Profile {
        first_name: FIRST.choose(rng).unwrap().to_string(),
        last_name: LAST.choose(rng).unwrap().to_string(),
        email: rng.random_bool(0.7).then(|| format!("p{}@example.org", rng.random::<u32>())),
        current_title: TITLES.choose(rng).unwrap().to_string(),
        location: Location { city: "Lisbon".into(), region: String::new(), country: "PT".into() },
        ..Profile::default()
    }
}

fn some<T: Clone>(rng: &mut impl Rng, items: &[T], most: usize) -> Vec<T> {
    let n = rng.random_range(1..=most.min(items.len()).max(1));
    items.choose_multiple(rng, n).cloned().collect()
}

/// A mutation `user` might make now, or `None` when the pick needs something not there yet.
pub fn random(rng: &mut impl Rng, pools: &Pools, user: &User) -> Option<Mutation> {
    let admin = user.role == Role::RecruiterAdmin;
    let cand = pools.candidates.choose(rng);
    let ids = |rng: &mut _| Selection::Ids { ids: some(rng, &pools.candidates, 4).iter().map(|c| c.id()).collect() };
    let now = chrono::Utc::now();
    Some(match rng.random_range(0..38) {
        0..=2 => Mutation::CandidateCreate {
            candidate_id: new_id(),
            profile: profile(rng),
            profile_type: ProfileType::RecruiterGenerated,
        },
        3..=5 => {
            let c = cand?;
            let p = &c.candidate.profile;
            let change = match rng.random_range(0..3) {
                0 => FieldChange {
                    from: FieldValue::CurrentTitle(p.current_title.clone()),
                    to: FieldValue::CurrentTitle(TITLES.choose(rng).unwrap().to_string()),
                },
                1 => FieldChange {
                    from: FieldValue::FirstName(p.first_name.clone()),
                    to: FieldValue::FirstName(FIRST.choose(rng).unwrap().to_string()),
                },
                _ => FieldChange {
                    from: FieldValue::Email(p.email.clone()),
                    to: FieldValue::Email(Some(format!("e{}@example.org", rng.random::<u32>()))),
                },
            };
            Mutation::CandidateUpdate { candidate_id: c.id(), changes: vec![change] }
        }
        6 => Mutation::CandidateReview { candidate_id: cand?.id() },
        7 => Mutation::SetEligible { candidate_id: cand?.id(), eligible: rng.random_bool(0.5) },
        8 => Mutation::SetActive { candidate_id: cand?.id(), active: rng.random_bool(0.7) },
        9 => Mutation::SetSubscribed { selection: ids(rng), subscribed: rng.random_bool(0.5) },
        10 if admin && pools.candidates.len() > 20 && rng.random_bool(0.3) => {
            Mutation::CandidateDelete { selection: Selection::Ids { ids: vec![cand?.id()] } }
        }
        11..=12 => {
            Mutation::TagsAdd { selection: ids(rng), tags: some(rng, &pools.tags, 2).into_iter().collect::<Vec<_>>() }
        }
        13 => Mutation::TagsRemove { selection: ids(rng), tags: some(rng, &pools.tags, 1) },
        14 if admin => Mutation::TagDefine { name: TAG_NAMES.choose(rng).unwrap().to_string() },
        15 if admin && rng.random_bool(0.2) => Mutation::TagDelete { name: pools.tags.choose(rng)?.clone() },
        16..=17 => Mutation::NoteAdd {
            note_id: new_id(),
            candidate_id: cand?.id(),
            body: format!("Called, {}", rng.random::<u16>()),
            private: rng.random_bool(0.3),
        },
        18 => {
            let note = pools.notes.choose(rng)?;
            Mutation::NoteEdit {
                note_id: note.id,
                body: format!("Edited {}", rng.random::<u16>()),
                private: note.private,
            }
        }
        19 => Mutation::NoteDelete { note_id: pools.notes.choose(rng)?.id },
        20 => match rng.random_range(0..3) {
            0 => Mutation::PipelineCreate {
                pipeline_id: new_id(),
                name: format!("Pipeline {}", rng.random::<u16>()),
                statuses: vec!["Sourced".into(), "Screened".into(), "Shortlisted".into()],
                private: rng.random_bool(0.3),
            },
            _ => {
                let p = pools.pipelines.choose(rng)?;
                pipeline_edit(rng, p)
            }
        },
        21..=22 => {
            let p = pools.pipelines.choose(rng)?;
            let status = rng.random_bool(0.5).then(|| p.statuses.choose(rng).unwrap().clone());
            Mutation::PipelineAdd { selection: ids(rng), pipeline_id: p.id, status }
        }
        23 => Mutation::PipelineRemove { selection: ids(rng), pipeline_id: pools.pipelines.choose(rng)?.id },
        24 => {
            let c = pools.candidates.iter().filter(|c| !c.pipelines.is_empty()).collect::<Vec<_>>();
            let c = c.choose(rng)?;
            let member = c.pipelines.choose(rng)?;
            let statuses = &pools.pipelines.iter().find(|p| p.id == member.pipeline_id)?.statuses;
            Mutation::PipelineSetStatus {
                candidate_id: c.id(),
                pipeline_id: member.pipeline_id,
                status: statuses.choose(rng)?.clone(),
            }
        }
        25 => Mutation::EventCreate {
            event: Event::new(
                new_id(),
                format!("Fair {}", rng.random::<u16>()),
                EventCategory::CareerFair,
                now,
                "Porto",
            ),
        },
        26 => Mutation::EventAdd {
            selection: ids(rng),
            event_id: pools.events.choose(rng)?.id,
            attended: rng.random_bool(0.5),
            confirmation: None,
        },
        27 => Mutation::EventCheckIn {
            event_id: pools.events.choose(rng)?.id,
            candidate_id: cand?.id(),
            at: None,
            kiosk: false,
        },
        28 => {
            let c = pools.candidates.iter().filter(|c| !c.events.is_empty()).collect::<Vec<_>>();
            let c = c.choose(rng)?;
            let event = c.events.choose(rng)?.event_id;
            Mutation::EventRate { event_id: event, candidate_id: c.id(), rating: rng.random_range(1..=5) }
        }
        29 => match rng.random_range(0..3) {
            0 => Mutation::EmailSend {
                send_id: new_id(),
                selection: ids(rng),
                subject: "Hello".into(),
                body: "We would like to talk.".into(),
            },
            1 => Mutation::InviteSend {
                send_id: new_id(),
                selection: ids(rng),
                job_id: *pools.jobs.choose(rng)?,
                subject: "A role for you".into(),
                body: "Apply here.".into(),
            },
            _ => Mutation::TextSend { send_id: new_id(), selection: ids(rng), body: "Call me?".into() },
        },
        30 => {
            let title = TITLES.choose(rng).unwrap().to_string();
            match rng.random_range(0..4) {
                0 | 1 => Mutation::JobCreate {
                    job: Job {
                        id: new_id(),
                        title,
                        location: "Remote".into(),
                        ats_id: None,
                        open: true,
                        skills: Vec::new(),
                        description: String::new(),
                    },
                },
                // An edit's open state is ignored: only job.set_open changes it.
                2 => Mutation::JobUpdate {
                    job: Job {
                        id: *pools.jobs.choose(rng)?,
                        title,
                        location: "Lisbon".into(),
                        ats_id: Some(format!("R-{}", rng.random_range(100..999))),
                        open: rng.random_bool(0.5),
                        skills: vec!["Patient Care".into()],
                        description: String::new(),
                    },
                },
                _ => Mutation::JobSetOpen { job_id: *pools.jobs.choose(rng)?, open: rng.random_bool(0.7) },
            }
        }
        31 => Mutation::JobSubmit { selection: ids(rng), job_id: *pools.jobs.choose(rng)? },
        32 => {
            let c = pools.candidates.iter().filter(|c| !c.applications.is_empty()).collect::<Vec<_>>();
            let c = c.choose(rng)?;
            let app = c.applications.choose(rng)?;
            if rng.random_bool(0.2) {
                Mutation::ApplicationWithdraw { job_id: app.job_id, candidate_id: c.id() }
            } else {
                Mutation::ApplicationSetStatus {
                    job_id: app.job_id,
                    candidate_id: c.id(),
                    bin: ATS_BINS.choose(rng).unwrap().to_string(),
                    hiring_status: HIRING_STATUSES.choose(rng).unwrap().to_string(),
                }
            }
        }
        33 => {
            if rng.random_bool(0.3) {
                Mutation::DocumentDelete { document_id: pools.documents.choose(rng)?.id }
            } else {
                Mutation::DocumentAttach {
                    document: Document {
                        id: new_id(),
                        candidate_id: cand?.id(),
                        name: "resume.pdf".into(),
                        kind: DocumentKind::Resume,
                        sha256: format!("{:064x}", rng.random::<u128>()),
                        size: rng.random_range(1_000..100_000),
                        uploaded_at: now,
                    },
                }
            }
        }
        34 if admin => match rng.random_range(0..8) {
            0 => Mutation::CustomFieldDefine {
                field: CustomFieldDef {
                    key: FIELD_KEYS.choose(rng).unwrap().to_string(),
                    label: format!("Field {}", rng.random::<u8>()),
                    kind: CustomFieldKind::Text,
                },
            },
            1 => Mutation::CustomFieldDelete { key: pools.custom_fields.choose(rng)?.clone() },
            2 => {
                let mut columns = Column::DEFAULT.to_vec();
                columns.truncate(rng.random_range(2..=columns.len()));
                Mutation::SetColumns { config: ColumnConfig { columns } }
            }
            // Few ids and names, so two desktops' templates meet (same template, same name).
            3 => Mutation::TemplateDelete { template_id: Uuid::from_u128(rng.random_range(1..4)) },
            4 => Mutation::TemplatePut {
                template: Template {
                    id: Uuid::from_u128(rng.random_range(1..4)),
                    kind: TemplateKind::Email,
                    name: format!("Template {}", rng.random_range(0..3)),
                    subject: "Hello {{first_name}}".into(),
                    body: format!("Version {}, {{{{sender_name}}}}", rng.random::<u8>()),
                },
            },
            // Few names, in either case, so two desktops' saved mappings meet.
            5 => Mutation::ImportMappingPut {
                mapping: SavedMapping {
                    name: format!("Mapping {}", rng.random_range(0..3)),
                    mapping: serde_json::json!({"columns": [
                        {"column": format!("Col {}", rng.random::<u8>()), "target": {"to": "email"}}
                    ]}),
                },
            },
            6 => Mutation::ImportMappingDelete { name: format!("mapping {}", rng.random_range(0..3)) },
            _ => Mutation::SetHiredActions {
                actions: HiredActions { unsubscribe: rng.random_bool(0.5), deactivate: rng.random_bool(0.5) },
            },
        },
        35 if admin && pools.candidates.len() > 20 && rng.random_bool(0.3) => {
            // Duplicates merged into one, which takes the title of one of them.
            let size = rng.random_range(2..=3);
            let group: Vec<_> = pools.candidates.choose_multiple(rng, size).collect();
            let (survivor, merged) = group.split_first()?;
            let change = FieldChange {
                from: FieldValue::CurrentTitle(survivor.candidate.profile.current_title.clone()),
                to: FieldValue::CurrentTitle(merged.first()?.candidate.profile.current_title.clone()),
            };
            Mutation::CandidateMerge {
                survivor_id: survivor.id(),
                merged_ids: merged.iter().map(|c| c.id()).collect(),
                changes: vec![change],
            }
        }
        36 => {
            // At the door: a check-in made a while ago (or at the kiosk), or one taken back.
            let event = pools.events.choose(rng)?.id;
            if rng.random_bool(0.2) {
                let attended = pools.candidates.iter().filter(|c| c.event_member(event).is_some_and(|m| m.attended));
                let c = attended.collect::<Vec<_>>().choose(rng).copied()?;
                Mutation::EventUndoCheckIn { event_id: event, candidate_id: c.id() }
            } else {
                let at = now - chrono::TimeDelta::minutes(rng.random_range(0..600));
                Mutation::EventCheckIn {
                    event_id: event,
                    candidate_id: cand?.id(),
                    at: Some(at),
                    kiosk: rng.random_bool(0.2),
                }
            }
        }
        37 => match rng.random_range(0..4) {
            0 => Mutation::EventWalkIn {
                event_id: pools.events.choose(rng)?.id,
                candidate_id: new_id(),
                profile: profile(rng),
                interests: Vec::new(),
                consent: rng.random_bool(0.5),
                at: None,
                kiosk: rng.random_bool(0.3),
            },
            1 => {
                let event = pools.events.choose(rng)?;
                Mutation::EventUpdate { event: Event { capacity: Some(rng.random_range(50..500)), ..event.clone() } }
            }
            2 if admin => {
                Mutation::EventArchive { event_id: pools.events.choose(rng)?.id, archived: rng.random_bool(0.5) }
            }
            _ if admin => Mutation::SetInterests { interests: some(rng, &AREAS.map(str::to_owned), 4) },
            _ => return None,
        },
        _ => Mutation::CandidateReview { candidate_id: cand?.id() },
    })
}
