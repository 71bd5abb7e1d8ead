//! The search command's flags, turned into a `SearchRequest`.

use std::path::PathBuf;

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::Args;
use talentdesk_domain::activity::{ActivityStatus, Engagement};
use talentdesk_domain::candidate::ProfileType;
use talentdesk_domain::event::Participation;
use talentdesk_domain::search::{
    DateRange, EventFilter, Facet, FacetFilter, JobFilter, PipelineFilter, SearchFilters, SearchRequest, SortOrder,
    YearsRange,
};
use talentdesk_store::Store;
use uuid::Uuid;

#[derive(Args)]
pub struct SearchArgs {
    #[arg(long)]
    pub db: PathBuf,
    /// Keywords, e.g. '(java OR kotlin) "new york" -intern'.
    #[arg(default_value = "")]
    pub query: String,
    /// Candidates with any of these tags (repeatable).
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    #[arg(long)]
    pub location: Option<String>,
    /// unreviewed, reviewed, contacted, hired, disengaged (repeatable: any of).
    #[arg(long = "activity")]
    pub activity: Vec<String>,
    /// Has any of these engagements, e.g. sent_direct_email (repeatable).
    #[arg(long = "engagement")]
    pub engagements_any: Vec<String>,
    /// Has none of these engagements (repeatable).
    #[arg(long = "no-engagement")]
    pub engagements_none: Vec<String>,
    #[arg(long)]
    pub pipeline: Option<Uuid>,
    #[arg(long, requires = "pipeline")]
    pub pipeline_status: Option<String>,
    #[arg(long)]
    pub event: Option<Uuid>,
    /// registered, attended or any.
    #[arg(long, default_value = "any", requires = "event")]
    pub participation: String,
    #[arg(long)]
    pub job: Option<Uuid>,
    #[arg(long, requires = "job")]
    pub hiring_status: Option<String>,
    /// candidate_authenticated, recruiter_generated, applicant, event_attendee, imported.
    #[arg(long = "profile-type")]
    pub profile_types: Vec<String>,
    /// The owning recruiter's email.
    #[arg(long)]
    pub recruiter: Option<String>,
    #[arg(long)]
    pub created_from: Option<NaiveDate>,
    #[arg(long)]
    pub created_to: Option<NaiveDate>,
    #[arg(long)]
    pub updated_from: Option<NaiveDate>,
    #[arg(long)]
    pub updated_to: Option<NaiveDate>,
    #[arg(long)]
    pub eligible: Option<bool>,
    /// At least this many whole years of experience (from the employment history).
    #[arg(long)]
    pub years_min: Option<u32>,
    /// At most this many whole years of experience.
    #[arg(long)]
    pub years_max: Option<u32>,
    /// Deactivated candidates instead of active ones.
    #[arg(long)]
    pub inactive: bool,
    /// A value as an insights chart shows it, e.g. country=PT, skill=Rust, years=5-9, or
    /// city= for no city known (repeatable; one facet's values: any of).
    #[arg(long = "facet", value_name = "FACET=VALUE")]
    pub facets: Vec<String>,
    /// Leaves out candidates with this value (repeatable), e.g. company=Contoso.
    #[arg(long = "not-facet", value_name = "FACET=VALUE")]
    pub not_facets: Vec<String>,
    /// relevance, name_asc, name_desc, updated_desc, updated_asc, experience_desc, experience_asc.
    #[arg(long, default_value = "relevance")]
    pub sort: String,
    #[arg(long, default_value_t = 20)]
    pub limit: u32,
    /// The `next` cursor of the previous page.
    #[arg(long)]
    pub after: Option<String>,
    #[arg(long)]
    pub json: bool,
}

fn parse_each<T>(
    values: &[String],
    what: &str,
    valid: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> anyhow::Result<Vec<T>> {
    values
        .iter()
        .map(|v| match parse(v) {
            Some(x) => Ok(x),
            None => bail!("unknown {what} \"{v}\"; use one of: {valid}"),
        })
        .collect()
}

fn names<T: serde::Serialize>(all: &[T]) -> String {
    all.iter()
        .map(|x| serde_json::to_value(x).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default())
        .collect::<Vec<_>>()
        .join(", ")
}

impl SearchArgs {
    pub fn request(&self, store: &Store) -> anyhow::Result<SearchRequest> {
        let engagement_names = names(&Engagement::ALL);
        let participation = match self.participation.as_str() {
            "registered" => Participation::Registered,
            "attended" => Participation::Attended,
            "any" => Participation::Any,
            other => {
                bail!("unknown participation \"{other}\"; use one of: registered, attended, any")
            }
        };
        let recruiter = match &self.recruiter {
            Some(email) => Some(store.user_by_email(email).with_context(|| format!("--recruiter {email}"))?.id),
            None => None,
        };
        let Some(sort) = SortOrder::parse(&self.sort) else {
            bail!("unknown sort \"{}\"; use one of: {}", self.sort, names(&SortOrder::ALL));
        };
        Ok(SearchRequest {
            query: self.query.clone(),
            sort,
            filters: SearchFilters {
                tags: self.tags.clone(),
                location: self.location.clone(),
                activity: parse_each(
                    &self.activity,
                    "activity status",
                    &names(&ActivityStatus::ALL),
                    ActivityStatus::parse,
                )?,
                engagements_any: parse_each(&self.engagements_any, "engagement", &engagement_names, Engagement::parse)?,
                engagements_none: parse_each(
                    &self.engagements_none,
                    "engagement",
                    &engagement_names,
                    Engagement::parse,
                )?,
                pipeline: self
                    .pipeline
                    .map(|pipeline_id| PipelineFilter { pipeline_id, status: self.pipeline_status.clone() }),
                event: self.event.map(|event_id| EventFilter { event_id, participation }),
                job: self.job.map(|job_id| JobFilter { job_id, hiring_status: self.hiring_status.clone() }),
                profile_types: parse_each(
                    &self.profile_types,
                    "profile type",
                    &names(&ProfileType::ALL),
                    ProfileType::parse,
                )?,
                recruiter,
                created: DateRange { from: self.created_from, to: self.created_to },
                updated: DateRange { from: self.updated_from, to: self.updated_to },
                eligible: self.eligible,
                experience: YearsRange { min: self.years_min, max: self.years_max },
                active: self.inactive.then_some(false),
                facets: self.facet_filters()?,
            },
        })
    }
}

impl SearchArgs {
    fn facet_filters(&self) -> anyhow::Result<Vec<FacetFilter>> {
        let each = |given: &String, exclude: bool| {
            let Some((facet, value)) = given.split_once('=') else {
                bail!("--facet {given}: write FACET=VALUE, e.g. country=PT");
            };
            let Some(facet) = Facet::parse(facet.trim()) else {
                bail!("--facet {given}: unknown facet \"{facet}\"; use one of: {}", names(&Facet::ALL));
            };
            Ok(FacetFilter { facet, value: value.to_owned(), exclude })
        };
        let included = self.facets.iter().map(|f| each(f, false));
        included.chain(self.not_facets.iter().map(|f| each(f, true))).collect()
    }
}
