//! Candidates for a job (rediscovery): the organisation's candidates ranked by how well they
//! fit what a job wants — skills (a related skill of the taxonomy counted less), title,
//! years of experience, location or willingness to relocate, education — with silver
//! medalists (another job's application that reached a late hiring status) ranked up, those
//! rejected for this job shown apart, and each result's reasons.
//!
//! Two stages. The first scores every candidate at once with the word bitmaps and rarity
//! weights Talent Matches uses ([`features`](super::features)): loose (a skill's words
//! anywhere in the profile or resume) but a few milliseconds at a million candidates. The
//! best of those, twice as many as asked for, are then read and scored exactly from their
//! profiles; that score orders the results and the reasons say what it found.
//!
//! Places are found in the gazetteer (`talentdesk_geo`): a candidate 30 km from the job is
//! near it, and a radius can be required. A place the gazetteer does not know ("Remote", a
//! village) is compared by name, as the result says.

use std::collections::{HashMap, HashSet};

use roaring::RoaringBitmap;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use talentdesk_domain::DomainError;
use talentdesk_domain::activity::Engagement;
use talentdesk_domain::candidate::{Candidate, Profile};
use talentdesk_domain::job::Job;
use talentdesk_domain::skills::{SkillTerm, canonical, key, taxonomy, term_of};
use talentdesk_geo::{City, distance_km};
use ts_rs::TS;
use uuid::Uuid;

use super::Engine;
use super::features::{Tally, having, rarity};
use super::plan::this_month;
use super::sets::literal;
use crate::StoreError;
use crate::tables::{candidates, jobs};
use crate::views::{CandidateRow, rows_for};

/// What a job asks for, from the job itself or a pasted description.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct JobWanted {
    /// The job whose applicants are this job's pipeline (left out or shown apart); none for a
    /// pasted description.
    pub job_id: Option<Uuid>,
    pub title: String,
    pub skills: Vec<String>,
    /// A place ("Berlin", "Berlin, DE", "Portland, OR"), found in the gazetteer; when it is
    /// not there, its first part is compared with the candidate's city, region or country.
    pub location: String,
    /// Years of experience wanted at least.
    pub years: Option<u32>,
    /// Words an education should have ("computer science", "nursing", "master").
    pub education: Vec<String>,
}

/// How much each signal counts, and the must-haves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct MatchOptions {
    pub weights: MatchWeights,
    /// Skills a candidate must have (each of them); the others are left out.
    pub required_skills: Vec<String>,
    /// Where a candidate must be, when the job names a place.
    pub place: PlaceRequired,
    /// Leaves out those already in this job's pipeline (applied, not rejected or withdrawn).
    pub exclude_pipeline: bool,
    /// How many to rank.
    pub limit: usize,
}

impl Default for MatchOptions {
    fn default() -> Self {
        Self {
            weights: MatchWeights::default(),
            required_skills: Vec::new(),
            place: PlaceRequired::Anywhere,
            exclude_pipeline: true,
            limit: 50,
        }
    }
}

/// Where a candidate must be, when the job names a place. Where the job's or the candidate's
/// place is not in the gazetteer, "within" means named alike (city, region or country).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum PlaceRequired {
    /// Anyone, wherever they are (the place still counts in the ranking).
    #[default]
    Anywhere,
    /// In the job's city, or willing to relocate if `or_relocating`.
    Here { or_relocating: bool },
    /// Within `km` of the job's city, or willing to relocate if `or_relocating`.
    Within { km: u32, or_relocating: bool },
}

impl PlaceRequired {
    fn allows(self, place: &PlaceFit) -> bool {
        let (radius, or_relocating) = match self {
            PlaceRequired::Anywhere => return true,
            PlaceRequired::Here { or_relocating } => (0, or_relocating),
            PlaceRequired::Within { km, or_relocating } => (km, or_relocating),
        };
        matches!(place.fit, LocationFit::Anywhere | LocationFit::Here)
            || place.distance_km.is_some_and(|d| d <= f64::from(radius))
            || (or_relocating && place.relocates)
    }

    /// How far from the job's city a candidate must be, unless they may be anywhere (willing to
    /// relocate counts). None when anywhere goes.
    fn radius_km(self) -> Option<u32> {
        match self {
            PlaceRequired::Here { or_relocating: false } => Some(0),
            PlaceRequired::Within { km, or_relocating: false } => Some(km),
            _ => None,
        }
    }
}

/// Each signal's weight; 0 turns it off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct MatchWeights {
    /// All the wanted skills had, rare ones counting more than common ones.
    pub skills: f32,
    /// A related skill (the same taxonomy category) as a share of the skill's own weight.
    pub related: f32,
    pub title: f32,
    pub years: f32,
    pub location: f32,
    /// Willing to relocate elsewhere, as a share of the location's weight.
    pub relocation: f32,
    pub education: f32,
    /// Reached a late hiring status (Interview, Offer) for another job.
    pub silver_medalist: f32,
}

impl Default for MatchWeights {
    fn default() -> Self {
        Self {
            skills: 4.0,
            related: 0.3,
            title: 2.0,
            years: 1.5,
            location: 1.0,
            relocation: 0.6,
            education: 0.5,
            silver_medalist: 0.75,
        }
    }
}

/// The most results one ranking returns: a long list is read by nobody.
pub const MOST_RESULTS: usize = 500;

/// The most of those rejected for the job before that are listed apart, best first.
pub const MOST_REJECTED: usize = 50;

/// How the candidate's place fits the job's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LocationFit {
    /// The job names no place.
    Anywhere,
    /// The job's city (or, by name, its place).
    Here,
    /// Another city within [`NEAR_KM`] of the job's.
    Near,
    /// Farther (or elsewhere by name), but willing to relocate.
    Relocates,
    Elsewhere,
}

/// How far from the job a candidate is near it: nearness counts for less with each km, and
/// nothing from here on (a long commute, or a move).
pub const NEAR_KM: u32 = 100;

/// An application of the candidate's, as a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PriorApplication {
    pub job_id: Uuid,
    pub job_title: String,
    pub hiring_status: String,
    pub withdrawn: bool,
}

/// One candidate for the job and why.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct JobMatch {
    pub row: CandidateRow,
    /// The share of the best possible score this candidate reaches, 0 to 1.
    pub fit: f64,
    pub matched_skills: Vec<String>,
    /// The candidate's skills related to a wanted one they lack.
    pub related_skills: Vec<String>,
    pub missing_skills: Vec<String>,
    pub matched_title: Option<String>,
    pub experience_months: u32,
    pub location: LocationFit,
    /// How far the candidate's city is from the job's, when the gazetteer has both.
    pub distance_km: Option<u32>,
    /// The places were compared by name: the job's or the candidate's is not in the gazetteer.
    pub place_by_name: bool,
    pub education: Option<String>,
    pub applications: Vec<PriorApplication>,
    pub silver_medalist: bool,
    /// Asked not to be contacted: shown, never hidden, so nobody is missed or mailed by mistake.
    pub opted_out: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct JobMatches {
    pub ranked: Vec<JobMatch>,
    /// Those rejected for this job before, apart from the ranking (the best [`MOST_REJECTED`]).
    pub rejected_here: Vec<JobMatch>,
    /// Left out as already in this job's pipeline.
    #[ts(type = "number")]
    pub in_pipeline: u64,
}

/// Late hiring statuses: reaching one for another job makes a silver medalist.
const LATE_STATUSES: [&str; 2] = ["Interview", "Offer"];
const REJECTED: &str = "Rejected";

/// Words of a title about seniority, not the job: "Senior Nurse" is a nurse.
const SENIORITY: [&str; 12] =
    ["senior", "sr", "junior", "jr", "lead", "principal", "staff", "head", "chief", "trainee", "intern", "mid"];

/// How many a taxonomy category's terms may count as related skills.
const RELATED_AT_MOST: usize = 60;

impl JobWanted {
    /// What a job asks for: its title, place and pipeline, with `skills` and `years` read from
    /// it (its own skills and those its description names; see the resume crate's
    /// job_description).
    pub fn for_job(job: &Job, skills: Vec<String>, years: Option<u32>) -> Self {
        JobWanted {
            job_id: Some(job.id),
            title: job.title.clone(),
            skills,
            location: job.location.clone(),
            years,
            education: Vec::new(),
        }
    }

    /// The wanted skills under their taxonomy names, each once, blanks dropped.
    fn skill_names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for skill in self.skills.iter().map(|s| canonical(s)) {
            if !skill.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&skill)) {
                out.push(skill);
            }
        }
        out
    }

    fn place(&self) -> &str {
        self.location.split(',').next().unwrap_or_default().trim()
    }
}

impl crate::Store {
    /// The organisation's candidates ranked for a job, each with why (see the module).
    pub fn candidates_for_job(&self, wanted: &JobWanted, options: &MatchOptions) -> Result<JobMatches, StoreError> {
        self.engine.borrow_mut().candidates_for_job(self.conn(), wanted, options)
    }
}

impl Engine {
    fn candidates_for_job(
        &mut self,
        conn: &Connection,
        wanted: &JobWanted,
        options: &MatchOptions,
    ) -> Result<JobMatches, StoreError> {
        let skills = wanted.skill_names();
        if skills.is_empty() {
            return Err(DomainError::invalid(
                "skills",
                "the job names no skills: add skills or a description that mentions some",
            )
            .into());
        }
        let limit = options.limit.clamp(1, MOST_RESULTS);
        let pipeline = Pipeline::read(conn, wanted.job_id)?;
        let job_place = JobPlace::of(wanted);
        // Those whose location names a place near the job (loose: by the places' names), and
        // those a required radius may hold; the same for every ranking until the next write.
        let near = job_place.named_within(NEAR_KM).map(|expr| self.cache.fts_set(conn, &expr)).transpose()?;
        let within = match options.place.radius_km().and_then(|km| job_place.named_within(km)) {
            Some(expr) => Some(self.cache.fts_set(conn, &expr)?),
            None => None,
        };
        self.ensure_loaded(conn)?;
        let loaded = self.loaded.as_ref().expect("loaded above");
        let (facts, terms) = (&loaded.facts, &loaded.terms);
        let population = facts.present.len();
        let w = &options.weights;

        // Stage 1: every candidate at once.
        let mut tally = Tally::new(facts.present.max());
        let mut pool = &facts.present - &facts.inactive;
        for required in &options.required_skills {
            pool &= having(conn, terms, &canonical(required))?.unwrap_or_default();
        }
        // Everyone a required radius holds is named as a place within it (or as the job's
        // place); the profiles below say who really is.
        if let Some(within) = &within {
            pool &= within.as_ref();
        }
        let mut related_of: HashMap<&str, RoaringBitmap> = HashMap::new();
        for skill in &skills {
            let Some(with) = having(conn, terms, skill)? else { continue };
            let weight = w.skills * skill_weight(with.len(), population);
            tally.add(&with, weight);
            if let Some(term) = term_of(skill) {
                if !related_of.contains_key(term.category.as_str()) {
                    let mut set = RoaringBitmap::new();
                    for other in related_terms(term, &skills) {
                        set |= having(conn, terms, &other.name)?.unwrap_or_default();
                    }
                    related_of.insert(&term.category, set);
                }
                tally.add(&(&related_of[term.category.as_str()] - &with), weight * w.related);
            }
        }
        for (phrase, share) in [(wanted.title.clone(), 1.0), (core_title(&wanted.title), 0.6)] {
            if let Some(with) = having(conn, terms, &phrase)?.filter(|_| !phrase.trim().is_empty()) {
                tally.add(&with, w.title * share);
            }
        }
        if let Some(near) = &near {
            tally.add(near, w.location);
        }
        tally.add(&pipeline.silver, w.silver_medalist);
        let mut kept = &pool - &pipeline.rejected;
        if options.exclude_pipeline {
            kept -= &pipeline.current;
        }
        // Stage 2: the best of stage 1 from their profiles. Stage 1 finds a required skill's
        // words anywhere (a resume, a title); only a profile's own skills meet it, and only the
        // profile says where someone is, so the shortlist widens until enough candidates meet
        // every required skill and the place required, or none are left.
        let now = this_month();
        let exact = Exact::new(wanted, &skills, w);
        let required: Vec<String> = options.required_skills.iter().map(|s| canonical(s)).collect();
        let score = |among: &RoaringBitmap, take: usize| -> Result<Vec<(u32, Reasons)>, StoreError> {
            let mut size = (take * 2).max(200);
            let mut scored: Vec<(u32, Reasons)> = Vec::new();
            let mut read = 0;
            loop {
                let shortlist = tally.top(among.iter(), size);
                let exhausted = shortlist.len() < size;
                // A wider shortlist begins with the narrower one (the same order, ties by row):
                // only the profiles new to it are read.
                let already = std::mem::replace(&mut read, shortlist.len());
                for (c, _) in shortlist.into_iter().skip(already) {
                    let candidate = candidates::get(conn, i64::from(c))?;
                    let place = job_place.fit(&candidate.profile);
                    if !required.iter().all(|r| has_skill(&candidate, r)) || !options.place.allows(&place) {
                        continue;
                    }
                    let months = facts.get(c).experience_at(now);
                    scored.push((c, exact.reasons(&candidate, months, place, pipeline.silver.contains(c))));
                }
                if scored.len() >= take || exhausted {
                    scored.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then(a.0.cmp(&b.0)));
                    scored.truncate(take);
                    return Ok(scored);
                }
                size *= 4;
            }
        };
        let in_pipeline = if options.exclude_pipeline { (&pipeline.current & &pool).len() } else { 0 };
        Ok(JobMatches {
            ranked: explained(conn, score(&kept, limit)?, exact.best)?,
            rejected_here: explained(
                conn,
                score(&(&pool & &pipeline.rejected), limit.min(MOST_REJECTED))?,
                exact.best,
            )?,
            in_pipeline,
        })
    }
}

/// A wanted skill's weight: rare skills say more, but a skill everyone has still counts a
/// little (it is wanted).
fn skill_weight(holders: u64, population: u64) -> f32 {
    (1.0 + rarity(holders, population)).ln_1p() as f32
}

/// The job's applicants and the organisation's silver medalists.
struct Pipeline {
    /// Applied to this job and still in the running.
    current: RoaringBitmap,
    rejected: RoaringBitmap,
    /// A late hiring status for another job.
    silver: RoaringBitmap,
}

impl Pipeline {
    fn read(conn: &Connection, job: Option<Uuid>) -> Result<Self, StoreError> {
        let job = match job {
            Some(id) => Some(jobs::get(conn, id).map_err(|_| DomainError::not_found("job", id))?.id.to_string()),
            None => None,
        };
        let mut out =
            Pipeline { current: RoaringBitmap::new(), rejected: RoaringBitmap::new(), silver: RoaringBitmap::new() };
        let late = LATE_STATUSES.map(literal).join(", ");
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT cand, job_id = ?1, hiring_status, withdrawn FROM applications
             WHERE job_id = ?1 OR hiring_status IN ({late})"
        ))?;
        let mut rows = stmt.query([job.as_deref().unwrap_or("")])?;
        while let Some(r) = rows.next()? {
            let (cand, here, status, withdrawn): (u32, bool, String, bool) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            match (here, status == REJECTED, withdrawn) {
                (true, true, _) => out.rejected.insert(cand),
                (true, false, false) => out.current.insert(cand),
                (true, false, true) => false,
                (false, ..) => out.silver.insert(cand),
            };
        }
        Ok(out)
    }
}

/// Whether the profile lists the skill (by its taxonomy name, `skill` already canonical).
fn has_skill(c: &Candidate, skill: &str) -> bool {
    c.profile.skills.iter().any(|s| canonical(s).eq_ignore_ascii_case(skill))
}

/// The exact score of one profile and what it found.
struct Reasons {
    score: f32,
    matched_skills: Vec<String>,
    related_skills: Vec<String>,
    missing_skills: Vec<String>,
    matched_title: Option<String>,
    experience_months: u32,
    place: PlaceFit,
    education: Option<String>,
    silver_medalist: bool,
    opted_out: bool,
}

/// Stage 2's scoring, set up once for the job.
struct Exact<'a> {
    wanted: &'a JobWanted,
    skills: &'a [String],
    weights: &'a MatchWeights,
    core_title: String,
    /// The best score possible.
    best: f32,
}

impl<'a> Exact<'a> {
    fn new(wanted: &'a JobWanted, skills: &'a [String], weights: &'a MatchWeights) -> Self {
        let core_title = core_title(&wanted.title);
        let w = weights;
        let best = w.skills
            + if wanted.title.trim().is_empty() { 0.0 } else { w.title }
            + if wanted.years.is_some() { w.years } else { 0.0 }
            + if wanted.place().is_empty() { 0.0 } else { w.location }
            + if wanted.education.is_empty() { 0.0 } else { w.education }
            + w.silver_medalist;
        Self { wanted, skills, weights, core_title, best: best.max(f32::EPSILON) }
    }

    fn reasons(&self, c: &Candidate, months: u32, place: PlaceFit, silver_medalist: bool) -> Reasons {
        let (p, w) = (&c.profile, self.weights);
        let has = |skill: &str| has_skill(c, skill);
        let (matched_skills, missing_skills): (Vec<String>, Vec<String>) =
            self.skills.iter().cloned().partition(|s| has(s));
        let mut related_skills = Vec::new();
        for missing in &missing_skills {
            let Some(term) = term_of(missing) else { continue };
            for s in &p.skills {
                let name = canonical(s);
                let related = term_of(&name).is_some_and(|t| t.category == term.category);
                if related && !self.skills.contains(&name) && !related_skills.contains(&name) {
                    related_skills.push(name);
                }
            }
        }
        let per_skill = 1.0 / self.skills.len() as f32;
        let related_count = related_skills.len().min(missing_skills.len()) as f32;
        let mut score = w.skills * per_skill * (matched_skills.len() as f32 + w.related * related_count);

        let titles = || std::iter::once(&p.current_title).chain(p.employment.iter().map(|e| &e.title));
        let matched_title = if self.wanted.title.trim().is_empty() {
            None
        } else if let Some(t) = titles().find(|t| same_words(t, &self.wanted.title)) {
            score += w.title;
            Some(t.clone())
        } else if let Some(t) =
            titles().find(|t| !self.core_title.is_empty() && same_words(&core_title(t), &self.core_title))
        {
            score += w.title * 0.6;
            Some(t.clone())
        } else {
            None
        };

        if let Some(years) = self.wanted.years.filter(|y| *y > 0) {
            score += w.years * (months as f32 / (years * 12) as f32).min(1.0);
        } else if self.wanted.years.is_some() {
            score += w.years;
        }

        score += w.location * place.share(w.relocation);

        let education = p.education.iter().find_map(|e| {
            let text = format!("{} {}", e.degree, e.major).to_lowercase();
            self.wanted.education.iter().any(|want| text.contains(&want.to_lowercase())).then(|| {
                [e.degree.as_str(), e.major.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        });
        if education.is_some() {
            score += w.education;
        }
        if silver_medalist {
            score += w.silver_medalist;
        }
        Reasons {
            score,
            matched_skills,
            related_skills,
            missing_skills,
            matched_title,
            experience_months: months,
            place,
            education,
            silver_medalist,
            opted_out: c.engagements.contains(Engagement::CandidateOptOut),
        }
    }
}

/// The ranked candidates as results, with their rows and applications.
fn explained(conn: &Connection, ranked: Vec<(u32, Reasons)>, best: f32) -> Result<Vec<JobMatch>, StoreError> {
    let cands: Vec<i64> = ranked.iter().map(|(c, _)| i64::from(*c)).collect();
    let rows = rows_for(conn, &cands)?;
    let mut stmt = conn.prepare_cached(
        "SELECT a.job_id, j.title, a.hiring_status, a.withdrawn FROM applications a JOIN jobs j ON j.id = a.job_id
         WHERE a.cand = ?1 ORDER BY a.status_at DESC",
    )?;
    rows.into_iter()
        .zip(ranked)
        .map(|(row, (cand, r))| {
            let applications = stmt
                .query_map([cand], |a| {
                    Ok((a.get::<_, String>(0)?, a.get::<_, String>(1)?, a.get::<_, String>(2)?, a.get::<_, bool>(3)?))
                })?
                .map(|a| {
                    let (job_id, job_title, hiring_status, withdrawn) = a?;
                    Ok(PriorApplication { job_id: crate::codec::uuid(&job_id)?, job_title, hiring_status, withdrawn })
                })
                .collect::<Result<_, StoreError>>()?;
            Ok(JobMatch {
                row,
                fit: f64::from((r.score / best).clamp(0.0, 1.0)),
                matched_skills: r.matched_skills,
                related_skills: r.related_skills,
                missing_skills: r.missing_skills,
                matched_title: r.matched_title,
                experience_months: r.experience_months,
                location: r.place.fit,
                distance_km: r.place.distance_km.map(|d| d.round() as u32),
                place_by_name: r.place.by_name,
                education: r.education,
                applications,
                silver_medalist: r.silver_medalist,
                opted_out: r.opted_out,
            })
        })
        .collect()
}

/// The other terms of a term's category, up to [`RELATED_AT_MOST`], leaving out the wanted.
fn related_terms<'t>(term: &'t SkillTerm, wanted: &[String]) -> impl Iterator<Item = &'static SkillTerm> + 't {
    let wanted: HashSet<String> = wanted.iter().map(|w| key(w)).collect();
    taxonomy()
        .iter()
        .filter(move |t| t.category == term.category && !wanted.contains(&key(&t.name)))
        .take(RELATED_AT_MOST)
}

/// A title without its seniority words ("Senior Staff Nurse" is "Nurse").
fn core_title(title: &str) -> String {
    words(title).into_iter().filter(|w| !SENIORITY.contains(&w.as_str())).collect::<Vec<_>>().join(" ")
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '+' && c != '#')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `text` has every word of `wanted` (and `wanted` has some).
fn same_words(text: &str, wanted: &str) -> bool {
    let have = words(text);
    let want = words(wanted);
    !want.is_empty() && want.iter().all(|w| have.contains(w))
}

/// The job's place, looked up once.
struct JobPlace<'a> {
    /// Its first part ("Berlin" of "Berlin, DE"), to compare by name; empty when it has none.
    name: &'a str,
    city: Option<&'static City>,
}

/// How a candidate's place fits the job's.
#[derive(Debug, Clone, Copy)]
struct PlaceFit {
    fit: LocationFit,
    distance_km: Option<f64>,
    /// Compared by name: the job's or the candidate's place is not in the gazetteer.
    by_name: bool,
    /// Willing to relocate.
    relocates: bool,
}

impl PlaceFit {
    /// How much of the place's weight the candidate earns: all in the job's city, less with
    /// each km up to [`NEAR_KM`], `relocation` when willing to move (if that is more).
    fn share(&self, relocation: f32) -> f32 {
        let near = match (self.fit, self.distance_km) {
            (LocationFit::Here, _) => 1.0,
            (LocationFit::Near, Some(d)) => (1.0 - d / f64::from(NEAR_KM)).max(0.0) as f32,
            _ => 0.0,
        };
        if self.relocates { near.max(relocation) } else { near }
    }
}

impl<'a> JobPlace<'a> {
    fn of(wanted: &'a JobWanted) -> Self {
        let name = wanted.place();
        let named = name.chars().any(char::is_alphanumeric);
        JobPlace {
            name: if named { name } else { "" },
            city: named.then(|| talentdesk_geo::find(&wanted.location)).flatten(),
        }
    }

    fn fit(&self, p: &Profile) -> PlaceFit {
        let relocates = p.willing_to_relocate == Some(true);
        let elsewhere = if relocates { LocationFit::Relocates } else { LocationFit::Elsewhere };
        if self.name.is_empty() {
            return PlaceFit { fit: LocationFit::Anywhere, distance_km: None, by_name: false, relocates };
        }
        let l = &p.location;
        let theirs = (!l.city.trim().is_empty())
            .then(|| talentdesk_geo::find_in(&l.city, [l.region.as_str(), l.country.as_str()]))
            .flatten();
        if let (Some(job), Some(theirs)) = (self.city, theirs) {
            let d = distance_km(job, theirs);
            let fit = if std::ptr::eq(job, theirs) {
                LocationFit::Here
            } else if d <= f64::from(NEAR_KM) {
                LocationFit::Near
            } else {
                elsewhere
            };
            return PlaceFit { fit, distance_km: Some(d), by_name: false, relocates };
        }
        let here = [&l.city, &l.region, &l.country]
            .iter()
            .any(|part| !part.is_empty() && part.trim().eq_ignore_ascii_case(self.name));
        PlaceFit { fit: if here { LocationFit::Here } else { elsewhere }, distance_km: None, by_name: true, relocates }
    }

    /// An FTS5 expression for the candidates whose location names a city within `km` of the
    /// job's (by any of its names), or the job's place itself; none when the job has no place.
    /// Loose (a name several places share, a word of a longer name): a superset the profiles
    /// then decide on.
    fn named_within(&self, km: u32) -> Option<String> {
        if self.name.is_empty() {
            return None;
        }
        let mut seen = HashSet::new();
        let mut names = vec![format!("{}*", literal(self.name))];
        let around = self.city.map(|c| talentdesk_geo::near(c, f64::from(km))).unwrap_or_default();
        for name in around.iter().flat_map(|(city, _)| city.names()) {
            if seen.insert(name.to_lowercase()) {
                names.push(literal(name));
            }
        }
        Some(format!("location : ({})", names.join(" OR ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wanted_skills_are_named_once_as_the_taxonomy_names_them_and_titles_lose_their_seniority() {
        let wanted = JobWanted { skills: vec!["JS".into(), "javascript".into(), " ".into()], ..Default::default() };
        assert_eq!(wanted.skill_names(), ["JavaScript"]);
        assert_eq!(core_title("Senior Staff Nurse (m/w/d)"), "nurse m w d");
        assert!(same_words("Sr. Backend Engineer", "backend engineer"));
        assert!(!same_words("Engineer", ""));
    }
}
