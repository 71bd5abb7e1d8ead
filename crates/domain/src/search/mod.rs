//! What a recruiter asks for on the Candidate Search page: keywords, filters, sort and page.
//! The store turns a [`SearchRequest`] into SQL; the same request can name the target of a
//! bulk action ("all N from this search").

pub mod experience;
pub mod query;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::activity::{ActivityStatus, Engagement};
use crate::candidate::ProfileType;
use crate::event::Participation;

pub use experience::{Experience, YearsRange};
pub use query::{Query, parse};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct SearchRequest {
    /// Keywords with quoted phrases, AND / OR / NOT and parentheses (see [`query`]).
    pub query: String,
    pub filters: SearchFilters,
    pub sort: SortOrder,
}

/// Filters combine with AND; the values inside one list combine with OR.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct SearchFilters {
    /// Candidates with any of these tags.
    pub tags: Vec<String>,
    /// City, region or country starting with this text (case- and accent-insensitive).
    pub location: Option<String>,
    /// Candidates at any of these activity statuses.
    pub activity: Vec<ActivityStatus>,
    /// Candidates with any of these engagements.
    pub engagements_any: Vec<Engagement>,
    /// Candidates with none of these engagements.
    pub engagements_none: Vec<Engagement>,
    pub pipeline: Option<PipelineFilter>,
    pub event: Option<EventFilter>,
    pub job: Option<JobFilter>,
    pub profile_types: Vec<ProfileType>,
    /// The recruiter who owns the candidate.
    pub recruiter: Option<Uuid>,
    pub created: DateRange,
    pub updated: DateRange,
    pub eligible: Option<bool>,
    /// Whole years of experience (see [`experience`]).
    pub experience: YearsRange,
    /// Deactivated candidates are not searchable: None means active only. Admins may ask for
    /// `Some(false)` to find deactivated ones.
    pub active: Option<bool>,
    /// Exact profile values, as an insights chart shows them (a click on a bar adds one).
    /// Included values of one facet combine with OR, facets with AND; an excluded value takes
    /// its candidates away.
    pub facets: Vec<FacetFilter>,
}

/// A profile value the insights charts count, and a search can ask for exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Facet {
    /// The location's country (an ISO code, as profiles keep it).
    Country,
    City,
    /// The current employer.
    Company,
    /// The current title.
    Title,
    Skill,
    /// An area of interest the candidate chose (from the organisation's list).
    Interest,
    School,
    Degree,
    Major,
    /// The activity status; values are its names (`reviewed`, ...).
    Activity,
    /// How the candidate entered (the profile type); values are its names (`applicant`, ...).
    Source,
    /// Whole years of experience, in ranges written `5-9` (`20-`: 20 or more).
    Years,
}

impl Facet {
    pub const ALL: [Facet; 12] = [
        Facet::Country,
        Facet::City,
        Facet::Company,
        Facet::Title,
        Facet::Skill,
        Facet::Interest,
        Facet::School,
        Facet::Degree,
        Facet::Major,
        Facet::Activity,
        Facet::Source,
        Facet::Years,
    ];

    pub fn parse(name: &str) -> Option<Self> {
        serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
    }
}

/// Candidates whose `facet` has `value` (compared trimmed and case-insensitively; an empty
/// value means none is known), or with `exclude`, those whose `facet` does not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FacetFilter {
    pub facet: Facet,
    pub value: String,
    #[serde(default)]
    pub exclude: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PipelineFilter {
    pub pipeline_id: Uuid,
    /// Only members at this workflow status.
    pub status: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EventFilter {
    pub event_id: Uuid,
    pub participation: Participation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JobFilter {
    pub job_id: Uuid,
    /// Only applications at this hiring status.
    pub hiring_status: Option<String>,
}

/// Inclusive dates (`YYYY-MM-DD`), either end open.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct DateRange {
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
}

impl DateRange {
    pub fn is_open(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SortOrder {
    /// Best keyword match first; most recently updated when there are no keywords.
    #[default]
    Relevance,
    NameAsc,
    NameDesc,
    UpdatedDesc,
    UpdatedAsc,
    /// Most years of experience first.
    ExperienceDesc,
    ExperienceAsc,
}

impl SortOrder {
    pub const ALL: [SortOrder; 7] = [
        SortOrder::Relevance,
        SortOrder::NameAsc,
        SortOrder::NameDesc,
        SortOrder::UpdatedDesc,
        SortOrder::UpdatedAsc,
        SortOrder::ExperienceDesc,
        SortOrder::ExperienceAsc,
    ];

    pub fn parse(name: &str) -> Option<Self> {
        serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
    }
}

/// Which candidates an action applies to: the ones ticked, or every result of a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Selection {
    Ids {
        ids: Vec<Uuid>,
    },
    /// "Select all N from this search". The store resolves it to ids when it applies the
    /// mutation, and the outbox keeps the ids, so the server changes exactly those candidates.
    Search {
        request: Box<SearchRequest>,
    },
}

impl Selection {
    pub fn ids(ids: impl IntoIterator<Item = Uuid>) -> Self {
        Selection::Ids { ids: ids.into_iter().collect() }
    }
}
