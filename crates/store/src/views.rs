//! What the screens show: result rows, the full profile with every tab, pipeline and event
//! listings. Built from the tables for a given viewer (private notes, messages and pipelines
//! follow the permission rules).

use rusqlite::Connection;
use serde::Serialize;
use talentdesk_domain::Timestamp;
use talentdesk_domain::activity::{ActivityStatus, Engagement};
use talentdesk_domain::candidate::{Candidate, Profile};
use talentdesk_domain::document::Document;
use talentdesk_domain::event::Event;
use talentdesk_domain::history::{self, HistoryEntry};
use talentdesk_domain::job::{Application, Job};
use talentdesk_domain::message::{Channel, Message};
use talentdesk_domain::note::Note;
use talentdesk_domain::permission;
use talentdesk_domain::pipeline::Pipeline;
use talentdesk_domain::search::Experience;
use talentdesk_domain::search::experience::month_index;
use talentdesk_domain::settings::{ColumnConfig, CustomFieldDef, HiredActions};
use talentdesk_domain::user::User;
use ts_rs::TS;
use uuid::Uuid;

use crate::codec::{time, uuid};
use crate::search::{self, PageRequest, SearchPage};
use crate::tables::{self, candidates, settings};
use crate::{Store, StoreError};

mod board;
mod erasure_requests;
mod events;
mod import_mappings;
mod jobs;
mod templates;

pub use board::{BoardColumn, PipelineBoard};
pub use erasure_requests::OpenErasureRequest;
pub use events::{
    EventCounts, EventMemberRow, EventMembersPage, EventMembership, EventReport, EventSummary, MemberFilter,
    MemberQuery,
};
pub use jobs::{HiringWorkflow, JobApplicant, JobView};
pub use templates::{FilledTemplate, KindFields, Templates};

/// One row of the results table.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CandidateRow {
    pub id: Uuid,
    pub name: String,
    pub has_resume: bool,
    pub tags: Vec<String>,
    pub location: String,
    pub current_title: String,
    pub current_employer: String,
    pub highest_education: String,
    pub job_apps: u32,
    pub activity: ActivityStatus,
    pub eligible: bool,
    pub email: Option<String>,
    pub updated_at: Timestamp,
    /// Months of experience this month (see `talentdesk_domain::search::experience`).
    pub experience_months: u32,
    /// The areas of interest the candidate chose.
    pub interests: Vec<String>,
}

/// Rows for these candidates, in the order given.
pub(crate) fn rows_for(conn: &Connection, cands: &[i64]) -> Result<Vec<CandidateRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, first_name, last_name, has_resume, city, region, country, current_title, current_employer,
             highest_education, job_apps, activity, eligible, email, updated_at, experience_months, experience_since
         FROM candidates WHERE cand = ?1",
    )?;
    let now = month_index(chrono::Utc::now().date_naive());
    cands
        .iter()
        .map(|cand| {
            let row = stmt.query_row([cand], |r| {
                // The table's short form: "Lisbon, PT"; the region only when there is no city.
                let (city, region, country): (String, String, String) = (r.get(4)?, r.get(5)?, r.get(6)?);
                let place = if city.is_empty() { region } else { city };
                let location = [place, country].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ");
                Ok((
                    r.get::<_, String>(0)?,
                    format!("{} {}", r.get::<_, String>(1)?, r.get::<_, String>(2)?),
                    r.get(3)?,
                    location,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                    r.get(10)?,
                    r.get::<_, i64>(11)?,
                    r.get(12)?,
                    r.get(13)?,
                    r.get::<_, i64>(14)?,
                    Experience { closed_months: r.get(15)?, open_since: r.get(16)? }.months_at(now),
                ))
            })?;
            let (
                id,
                name,
                has_resume,
                location,
                current_title,
                current_employer,
                highest_education,
                job_apps,
                activity,
                eligible,
                email,
                updated,
                experience_months,
            ) = row;
            Ok(CandidateRow {
                id: uuid(&id)?,
                name,
                has_resume,
                tags: tables::tags::of(conn, *cand)?,
                location,
                current_title,
                current_employer,
                highest_education,
                job_apps,
                activity: ActivityStatus::from_code(activity).unwrap_or(ActivityStatus::Unreviewed),
                eligible,
                email,
                updated_at: time(updated),
                experience_months,
                interests: tables::insight_values::interests(conn, *cand)?,
            })
        })
        .collect()
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct EngagementAt {
    pub engagement: Engagement,
    pub at: Timestamp,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct NoteView {
    pub note: Note,
    pub author_name: String,
    /// The viewer may edit or delete it (author or admin).
    pub may_change: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct MessageView {
    pub message: Message,
    pub sender_name: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ApplicationView {
    pub application: Application,
    pub job_title: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PipelineMembership {
    pub pipeline_id: Uuid,
    pub pipeline_name: String,
    pub status: String,
    pub reviewed: bool,
    pub added_at: Timestamp,
}

/// Everything the full profile shows, on every tab.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProfileView {
    pub candidate: Candidate,
    pub has_resume: bool,
    pub resume_text: Option<String>,
    pub engagements: Vec<EngagementAt>,
    pub tags: Vec<String>,
    pub notes: Vec<NoteView>,
    pub documents: Vec<Document>,
    pub emails: Vec<MessageView>,
    pub texts: Vec<MessageView>,
    pub applications: Vec<ApplicationView>,
    pub events: Vec<EventMembership>,
    pub pipelines: Vec<PipelineMembership>,
    /// Oldest first.
    pub history: Vec<HistoryEntry>,
    pub custom_fields: Vec<CustomFieldDef>,
    /// Their request to be forgotten, open or declined.
    #[ts(optional)]
    pub erasure_request: Option<talentdesk_domain::erasure_request::ErasureRequest>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PipelineSummary {
    pub pipeline: Pipeline,
    #[ts(type = "number")]
    pub unreviewed: u64,
    #[ts(type = "number")]
    pub in_pipeline: u64,
    /// Whether the viewer may make it private or shared (its owner or an admin).
    pub may_set_privacy: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PipelineMemberRow {
    pub candidate: CandidateRow,
    pub status: String,
    pub added_at: Timestamp,
}

/// A job with how many candidates applied (or were submitted) to it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct JobSummary {
    pub job: Job,
    #[ts(type = "number")]
    pub applicants: u64,
}

/// Everything the search panel offers to filter by, as `viewer` may see it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct FilterChoices {
    pub tags: Vec<TagInfo>,
    pub pipelines: Vec<Pipeline>,
    pub events: Vec<Event>,
    pub jobs: Vec<Job>,
    pub recruiters: Vec<User>,
    pub hiring_statuses: Vec<String>,
    /// The organisation's areas of interest.
    pub interests: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TagInfo {
    pub name: String,
    /// In the admin's tags list (usable by recruiters).
    pub listed: bool,
}

/// The pipelines `viewer` may see (private ones only by their owner and admins).
fn visible_pipelines(conn: &Connection, viewer: &User) -> Result<Vec<Pipeline>, StoreError> {
    Ok(tables::pipelines::all(conn)?
        .into_iter()
        .filter(|p| permission::may_see_pipeline(viewer, p.owner_id, p.private))
        .collect())
}

/// The pipeline, if `viewer` may see it; refused naming it otherwise.
fn visible_pipeline(conn: &Connection, viewer: &User, id: Uuid) -> Result<Pipeline, StoreError> {
    let p = tables::pipelines::get(conn, id)?;
    if !permission::may_see_pipeline(viewer, p.owner_id, p.private) {
        return Err(talentdesk_domain::DomainError::NotYours {
            what: talentdesk_domain::error::Thing::Pipeline,
            id: id.to_string(),
        }
        .into());
    }
    Ok(p)
}

fn user_name(conn: &Connection, id: Uuid) -> Result<String, StoreError> {
    Ok(tables::users::by_id(conn, &id.to_string())?.map_or_else(|| "Former user".to_owned(), |u| u.name))
}

impl Store {
    pub fn search(
        &self,
        request: &talentdesk_domain::search::SearchRequest,
        page: &PageRequest,
    ) -> Result<SearchPage, StoreError> {
        self.engine.borrow_mut().search(self.conn(), request, page)
    }

    /// [`Store::search`] for a search typed in the window: it stops as soon as `ticket` is
    /// superseded (from any thread, see [`crate::search::SearchTickets`]) and then answers
    /// [`crate::search::Searched::Superseded`]; otherwise its rows are exactly
    /// [`Store::search`]'s, and so is its total when the page says it is `counted` (else ask
    /// [`Store::count_unless_superseded`]).
    pub fn search_unless_superseded(
        &self,
        request: &talentdesk_domain::search::SearchRequest,
        page: &PageRequest,
        ticket: &crate::search::Ticket,
    ) -> Result<crate::search::Searched, StoreError> {
        self.engine.borrow_mut().search_unless_superseded(self.conn(), request, page, ticket)
    }

    /// The exact total of a typed search whose first page was answered before counting; `None`
    /// once `ticket` is superseded (the next keystroke stops it as it stops a typed search).
    pub fn count_unless_superseded(
        &self,
        request: &talentdesk_domain::search::SearchRequest,
        ticket: &crate::search::Ticket,
    ) -> Result<Option<crate::search::Counted>, StoreError> {
        self.engine.borrow_mut().count_unless_superseded(self.conn(), request, ticket)
    }

    /// Talent Matches: the candidates most like candidate `id`, each with what they share.
    pub fn talent_matches(&self, id: Uuid) -> Result<Vec<crate::search::TalentMatch>, StoreError> {
        let cand = candidates::cand_of(self.conn(), id)?;
        self.engine.borrow_mut().talent_matches(self.conn(), cand)
    }

    /// The full profile of candidate `id` as `viewer` may see it.
    pub fn profile(&self, viewer: &User, id: Uuid) -> Result<ProfileView, StoreError> {
        let conn = self.conn();
        let cand = candidates::cand_of(conn, id)?;
        let candidate = candidates::get(conn, cand)?;
        let resume_text = candidates::resume_text(conn, cand)?;
        let notes = tables::notes::of(conn, cand)?
            .into_iter()
            .filter(|n| permission::may_see_note(viewer, n.author_id, n.private))
            .map(|note| {
                Ok(NoteView {
                    author_name: user_name(conn, note.author_id)?,
                    may_change: permission::may_change_note(viewer, note.author_id),
                    note,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let (mut emails, mut texts) = (Vec::new(), Vec::new());
        for message in tables::messages::of(conn, cand, id)? {
            // Campaign messages are visible to everyone who may see the campaign; campaigns
            // are shared within the organisation until campaign access exists.
            if !permission::may_see_message(viewer, message.sender_id, message.campaign_id.is_some()) {
                continue;
            }
            let view = MessageView { sender_name: user_name(conn, message.sender_id)?, message };
            match view.message.channel {
                Channel::Email => emails.push(view),
                Channel::Text => texts.push(view),
            }
        }
        let applications = tables::jobs::of(conn, cand, id)?
            .into_iter()
            .map(|application| {
                Ok(ApplicationView { job_title: tables::jobs::get(conn, application.job_id)?.title, application })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let events = tables::events::of(conn, cand)?
            .into_iter()
            .map(|member| {
                Ok(EventMembership {
                    event: tables::events::get(conn, member.event_id)?,
                    code: tables::events::code_of(conn, member.event_id, cand)?.unwrap_or_default(),
                    member,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let mut pipelines = Vec::new();
        for m in tables::pipelines::of(conn, cand)? {
            let p = tables::pipelines::get(conn, m.pipeline_id)?;
            if permission::may_see_pipeline(viewer, p.owner_id, p.private) {
                pipelines.push(PipelineMembership {
                    pipeline_id: p.id,
                    pipeline_name: p.name,
                    status: m.status,
                    reviewed: m.reviewed,
                    added_at: m.added_at,
                });
            }
        }
        Ok(ProfileView {
            has_resume: resume_text.is_some(),
            resume_text,
            engagements: tables::engagements::of(conn, cand)?
                .into_iter()
                .map(|(engagement, at)| EngagementAt { engagement, at })
                .collect(),
            tags: tables::tags::of(conn, cand)?,
            notes,
            documents: tables::documents::of(conn, cand, id)?,
            emails,
            texts,
            applications,
            events,
            pipelines,
            history: tables::history::of(conn, cand, id)?,
            custom_fields: settings::custom_fields(conn)?,
            erasure_request: tables::erasure_requests::of(conn, cand)?,
            candidate,
        })
    }

    /// The profile as it was right after history entry `entry_id`.
    pub fn profile_as_of(&self, id: Uuid, entry_id: i64) -> Result<Profile, StoreError> {
        let conn = self.conn();
        let cand = candidates::cand_of(conn, id)?;
        let current = candidates::get(conn, cand)?.profile;
        let entries = tables::history::of(conn, cand, id)?;
        let index = entries
            .iter()
            .position(|e| e.id == entry_id)
            .ok_or_else(|| talentdesk_domain::DomainError::not_found("history entry", entry_id))?;
        Ok(history::profile_after(&current, &entries, index))
    }

    /// Pipelines `viewer` may see, with their member counts.
    pub fn pipelines(&self, viewer: &User) -> Result<Vec<PipelineSummary>, StoreError> {
        visible_pipelines(self.conn(), viewer)?
            .into_iter()
            .map(|pipeline| {
                let (unreviewed, in_pipeline) = tables::pipelines::counts(self.conn(), pipeline.id)?;
                let may_set_privacy = permission::may_set_pipeline_privacy(viewer, pipeline.owner_id);
                Ok(PipelineSummary { pipeline, unreviewed, in_pipeline, may_set_privacy })
            })
            .collect()
    }

    /// One page of a pipeline's Unreviewed (`reviewed = false`) or In Pipeline tab.
    pub fn pipeline_members(
        &self,
        viewer: &User,
        pipeline_id: Uuid,
        reviewed: bool,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<PipelineMemberRow>, StoreError> {
        let conn = self.conn();
        visible_pipeline(conn, viewer, pipeline_id)?;
        let members = tables::pipelines::members(conn, pipeline_id, reviewed, limit.min(search::MAX_PAGE), offset)?;
        let rows = rows_for(conn, &members.iter().map(|m| m.0).collect::<Vec<_>>())?;
        Ok(rows
            .into_iter()
            .zip(members)
            .map(|(candidate, (_, status, added_at))| PipelineMemberRow { candidate, status, added_at })
            .collect())
    }

    /// The lists only; the member counts the Pipelines and Events pages show are not needed.
    pub fn filter_choices(&self, viewer: &User) -> Result<FilterChoices, StoreError> {
        let conn = self.conn();
        Ok(FilterChoices {
            tags: self.tags()?,
            // Pickers offer what is in use: an archived pipeline is only on the Pipelines page.
            pipelines: visible_pipelines(conn, viewer)?.into_iter().filter(|p| !p.archived).collect(),
            events: tables::events::all(conn)?,
            jobs: self.jobs()?,
            recruiters: self.users()?,
            hiring_statuses: talentdesk_domain::job::HIRING_STATUSES.iter().map(|s| (*s).to_owned()).collect(),
            interests: self.areas_of_interest()?,
        })
    }

    pub fn jobs(&self) -> Result<Vec<Job>, StoreError> {
        tables::jobs::all(self.conn())
    }

    /// Every job with its number of applicants, open jobs first.
    pub fn job_summaries(&self) -> Result<Vec<JobSummary>, StoreError> {
        let mut jobs = tables::jobs::all(self.conn())?
            .into_iter()
            .map(|job| Ok(JobSummary { applicants: tables::jobs::applicants(self.conn(), job.id)?, job }))
            .collect::<Result<Vec<_>, StoreError>>()?;
        jobs.sort_by_key(|j| !j.job.open);
        Ok(jobs)
    }

    pub fn tags(&self) -> Result<Vec<TagInfo>, StoreError> {
        Ok(tables::tags::all(self.conn())?.into_iter().map(|t| TagInfo { name: t.name, listed: t.listed }).collect())
    }

    pub fn column_config(&self) -> Result<ColumnConfig, StoreError> {
        settings::get(self.conn(), settings::COLUMNS)
    }

    pub fn hired_actions(&self) -> Result<HiredActions, StoreError> {
        settings::get(self.conn(), settings::HIRED_ACTIONS)
    }

    pub fn custom_fields(&self) -> Result<Vec<CustomFieldDef>, StoreError> {
        settings::custom_fields(self.conn())
    }

    /// The organisation's areas of interest, in the admin's order.
    pub fn areas_of_interest(&self) -> Result<Vec<String>, StoreError> {
        settings::get(self.conn(), settings::AREAS_OF_INTEREST)
    }

    /// The organisation's default phone country (an ISO code such as "DE"), if an admin set one.
    pub fn phone_country(&self) -> Result<Option<String>, StoreError> {
        settings::get(self.conn(), settings::PHONE_COUNTRY)
    }

    /// What the sign-up page's consent box says, if an admin worded it.
    pub fn consent_text(&self) -> Result<Option<String>, StoreError> {
        settings::get(self.conn(), talentdesk_domain::record::CONSENT_TEXT)
    }

    /// The calling code of the organisation's default phone country ("49"), in which the
    /// duplicate finder and the resumes' matching read numbers without a country code.
    pub fn phone_calling_code(&self) -> Result<Option<&'static str>, StoreError> {
        Ok(self.phone_country()?.as_deref().and_then(talentdesk_domain::dedupe::calling_code))
    }

    /// Mutations waiting for the server, oldest first.
    pub fn outbox(&self) -> Result<Vec<tables::outbox::OutboxEntry>, StoreError> {
        tables::outbox::pending(self.conn(), u32::MAX)
    }

    /// The ids of the first `limit` candidates, oldest first.
    pub fn candidate_ids(&self, limit: u32) -> Result<Vec<Uuid>, StoreError> {
        let mut stmt = self.conn().prepare("SELECT id FROM candidates ORDER BY cand LIMIT ?1")?;
        let ids = stmt.query_map([limit], |r| r.get::<_, String>(0))?.collect::<Result<Vec<_>, _>>()?;
        ids.iter().map(|id| uuid(id)).collect()
    }

    /// Writes a consistent copy of the whole database to `path` (which must not exist).
    pub fn copy_to(&self, path: &std::path::Path) -> Result<(), StoreError> {
        self.conn().execute("VACUUM INTO ?1", [path.display().to_string()])?;
        Ok(())
    }

    /// How many candidates the store holds (active or not).
    pub fn candidate_count(&self) -> Result<u64, StoreError> {
        Ok(self.conn().query_row("SELECT count(*) FROM candidates", [], |r| r.get(0))?)
    }
}
