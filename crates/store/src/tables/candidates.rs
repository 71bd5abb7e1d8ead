//! The `candidates` table, its wide twin `candidate_details`, and the keyword index entry of
//! each candidate (re-indexed whenever searchable text changes).

use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, ToSql, params, params_from_iter};
use serde::{Deserialize, Serialize};
use talentdesk_domain::activity::{self, ActivityStatus, EngagementSet};
use talentdesk_domain::candidate::{
    Candidate, CommunicationMethod, Education, Employment, EmploymentType, JobLevel, Link, Location, Profile,
};
use talentdesk_domain::effects::Flag;
use talentdesk_domain::job::Application;
use talentdesk_domain::search::Experience;
use talentdesk_domain::{DomainError, Timestamp};
use uuid::Uuid;

use crate::StoreError;
use crate::codec::{from_name, millis, name_key, time, uuid};
use crate::tables::{checkin_keys, dedupe_keys, insight_values, search_terms};
use crate::tokens;

/// The blocks of a profile kept as JSON in `candidate_details.details`: value objects that are
/// shown and edited whole, never filtered on.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct Details {
    employment: Vec<Employment>,
    education: Vec<Education>,
    skills: Vec<String>,
    links: Vec<Link>,
    willing_to_relocate: Option<bool>,
    desired_level: Option<JobLevel>,
    employment_type: Option<EmploymentType>,
    languages: Vec<String>,
    certifications: Vec<String>,
    interests: Vec<String>,
    preferred_communication: Option<CommunicationMethod>,
    custom_fields: BTreeMap<String, String>,
}

impl Details {
    fn of(p: &Profile) -> Self {
        Self {
            employment: p.employment.clone(),
            education: p.education.clone(),
            skills: p.skills.clone(),
            links: p.links.clone(),
            willing_to_relocate: p.willing_to_relocate,
            desired_level: p.desired_level,
            employment_type: p.employment_type,
            languages: p.languages.clone(),
            certifications: p.certifications.clone(),
            interests: p.interests.clone(),
            preferred_communication: p.preferred_communication,
            custom_fields: p.custom_fields.clone(),
        }
    }
}

/// The searchable text of a profile's JSON blocks, one string per keyword-index column.
pub(crate) struct SearchText {
    pub experience: String,
    pub skills: String,
    pub education: String,
}

impl SearchText {
    pub(crate) fn of(p: &Profile) -> Self {
        let experience =
            p.employment.iter().flat_map(|e| [e.title.as_str(), e.employer.as_str()]).collect::<Vec<_>>().join(" ");
        let education = p
            .education
            .iter()
            .flat_map(|e| [e.school.as_str(), e.degree.as_str(), e.major.as_str()])
            .collect::<Vec<_>>()
            .join(" ");
        // Certifications are qualifications a recruiter looks for as they do skills ("PMP",
        // "forklift licence"), so they are searched in the skills column.
        let skills = p.skills.iter().chain(&p.certifications).map(String::as_str).collect::<Vec<_>>().join(" ");
        Self { experience, skills, education }
    }
}

pub(crate) fn highest_education(p: &Profile) -> String {
    p.highest_education().map(|e| format!("{}, {}", e.degree, e.school)).unwrap_or_default()
}

/// The columns of `candidates` a [`Candidate`] sets, in the order [`row`] gives the values.
const ROW: &str = "first_name, last_name, name_key, email, phone, city, region, country, current_title,
    current_employer, highest_education, ats_id, person_folder, profile_type, engagements, activity, eligible,
    active, subscribed, owner_id, created_at, updated_at, last_login_at, experience_months, experience_since,
    texts_opted_out";

/// How many values [`row`] gives.
const ROW_LEN: usize = 26;

fn row(c: &Candidate) -> [Value; ROW_LEN] {
    let p = &c.profile;
    let experience = Experience::of(&p.employment);
    [
        p.first_name.clone().into(),
        p.last_name.clone().into(),
        name_key(&p.first_name, &p.last_name).into(),
        p.email.clone().into(),
        p.phone.clone().into(),
        p.location.city.clone().into(),
        p.location.region.clone().into(),
        p.location.country.clone().into(),
        p.current_title.clone().into(),
        p.current_employer.clone().into(),
        highest_education(p).into(),
        c.ats_id.clone().into(),
        c.person_folder.clone().into(),
        c.profile_type.code().to_owned().into(),
        c.engagements.0.into(),
        c.activity.code().into(),
        c.eligible.into(),
        c.active.into(),
        c.subscribed.into(),
        c.owner_id.map(|u| u.to_string()).into(),
        millis(c.created_at).into(),
        millis(c.updated_at).into(),
        c.last_login_at.map(millis).into(),
        experience.closed_months.into(),
        experience.open_since.into(),
        c.texts_opted_out.into(),
    ]
}

/// `?first, ?first+1, ...` for the values of [`row`].
fn placeholders(first: usize) -> String {
    (first..first + ROW_LEN).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ")
}

/// Built once: a bulk load inserts a million candidates with it.
static INSERT: LazyLock<String> = LazyLock::new(|| {
    format!(
        "INSERT INTO candidates (id, has_resume, job_apps, withdrawn, {ROW}) VALUES (?1, ?2, ?3, ?4, {})",
        placeholders(5)
    )
});

static OVERWRITE: LazyLock<String> =
    LazyLock::new(|| format!("UPDATE candidates SET ({ROW}) = ({}) WHERE cand = ?1", placeholders(2)));

/// Everything [`insert`] writes for a new candidate, worked out without the database. A bulk
/// load makes these on the thread that produces the candidates, so that its one writer, which
/// sets the pace, only binds values and steps statements.
pub struct NewCandidate {
    id: String,
    row: [Value; ROW_LEN],
    details: String,
    text: SearchText,
    resume_text: Option<String>,
    checkin_keys: String,
    dedupe_keys: String,
    insight_values: insight_values::Lists,
    /// Applications and whether the candidate counts as withdrawn, when the load writes their
    /// applications too (see `jobs::insert_rows_of`).
    applications: (usize, bool),
}

impl NewCandidate {
    pub(crate) fn of(c: &Candidate, resume_text: Option<String>) -> Result<Self, StoreError> {
        Ok(Self {
            id: c.id.to_string(),
            row: row(c),
            details: serde_json::to_string(&Details::of(&c.profile))?,
            text: SearchText::of(&c.profile),
            resume_text,
            checkin_keys: checkin_keys::encoded(&c.profile)?,
            dedupe_keys: dedupe_keys::encoded(&c.profile)?,
            insight_values: insight_values::Lists::of(&c.profile),
            applications: (0, false),
        })
    }

    /// The same, with the applications that will be written for the candidate.
    pub(crate) fn with_applications(mut self, applications: &[Application]) -> Self {
        self.applications = (applications.len(), talentdesk_domain::job::withdrew(applications));
        self
    }
}

/// Inserts a new candidate with its details; the caller indexes it (or builds the index later).
pub(crate) fn insert(conn: &Connection, c: &Candidate, resume_text: Option<&str>) -> Result<i64, StoreError> {
    insert_new(conn, &NewCandidate::of(c, resume_text.map(str::to_owned))?)
}

/// Inserts a candidate made ready beforehand; returns its row number.
pub(crate) fn insert_new(conn: &Connection, c: &NewCandidate) -> Result<i64, StoreError> {
    let (applications, withdrawn) = c.applications;
    let head: [&dyn ToSql; 4] = [&c.id, &c.resume_text.is_some(), &applications, &withdrawn];
    let row = c.row.iter().map(|v| v as &dyn ToSql);
    conn.prepare_cached(&INSERT)?.execute(params_from_iter(head.into_iter().chain(row)))?;
    let cand = conn.last_insert_rowid();
    conn.prepare_cached(
        "INSERT INTO candidate_details (cand, details, experience_text, skills_text, education_text, resume_text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![cand, c.details, c.text.experience, c.text.skills, c.text.education, c.resume_text])?;
    checkin_keys::TABLES.insert(conn, cand, &c.checkin_keys)?;
    dedupe_keys::TABLES.insert(conn, cand, &c.dedupe_keys)?;
    insight_values::write(conn, cand, &c.insight_values)?;
    Ok(cand)
}

/// Replaces everything the [`Candidate`] holds of `cand` (its resume text stays), re-indexing
/// it when its searchable text changed. Most changes that arrive by sync (a review, a tag, an
/// engagement) leave the text alone, and re-indexing is most of what writing one costs.
pub(crate) fn overwrite(conn: &Connection, cand: i64, c: &Candidate) -> Result<(), StoreError> {
    let before = searchable_text(conn, cand)?;
    conn.prepare_cached(&OVERWRITE)?.execute(params_from_iter(std::iter::once(Value::from(cand)).chain(row(c))))?;
    write_details(conn, cand, &c.profile)?;
    checkin_keys::refresh(conn, cand, &c.profile)?;
    dedupe_keys::refresh(conn, cand, &c.profile)?;
    insight_values::write(conn, cand, &insight_values::Lists::of(&c.profile))?;
    reindex(conn, cand, &before)
}

/// The text the keyword index holds for `cand`, column by column.
fn searchable_text(conn: &Connection, cand: i64) -> Result<Vec<String>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT name, email, title, employer, location, skills, education, resume
             FROM candidate_search_text WHERE cand = ?1",
        )?
        .query_row([cand], |r| (0..8).map(|i| r.get(i)).collect())?)
}

/// The local row number of the candidate with this id, if it is here.
pub(crate) fn find(conn: &Connection, id: Uuid) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT cand FROM candidates WHERE id = ?1")?
        .query_row([id.to_string()], |r| r.get(0))
        .optional()?)
}

/// Replaces the material profile of `cand` and re-indexes it.
pub(crate) fn write_profile(conn: &Connection, cand: i64, p: &Profile, at: Timestamp) -> Result<(), StoreError> {
    let before = searchable_text(conn, cand)?;
    let experience = Experience::of(&p.employment);
    conn.prepare_cached(
        "UPDATE candidates SET first_name = ?2, last_name = ?3, name_key = ?4, email = ?5, phone = ?6, city = ?7,
             region = ?8, country = ?9, current_title = ?10, current_employer = ?11, highest_education = ?12,
             updated_at = ?13, experience_months = ?14, experience_since = ?15
         WHERE cand = ?1",
    )?
    .execute(params![
        cand,
        p.first_name,
        p.last_name,
        name_key(&p.first_name, &p.last_name),
        p.email,
        p.phone,
        p.location.city,
        p.location.region,
        p.location.country,
        p.current_title,
        p.current_employer,
        highest_education(p),
        millis(at),
        experience.closed_months,
        experience.open_since,
    ])?;
    write_details(conn, cand, p)?;
    checkin_keys::refresh(conn, cand, p)?;
    dedupe_keys::refresh(conn, cand, p)?;
    insight_values::write(conn, cand, &insight_values::Lists::of(p))?;
    reindex(conn, cand, &before)
}

fn write_details(conn: &Connection, cand: i64, p: &Profile) -> Result<(), StoreError> {
    let text = SearchText::of(p);
    conn.prepare_cached(
        "UPDATE candidate_details SET details = ?2, experience_text = ?3, skills_text = ?4, education_text = ?5
         WHERE cand = ?1",
    )?
    .execute(params![
        cand,
        serde_json::to_string(&Details::of(p))?,
        text.experience,
        text.skills,
        text.education
    ])?;
    Ok(())
}

/// Adds new candidates' text (`candidate_search_text`) to the keyword indexes, all of them by
/// one statement an index: FTS5 writes what each statement adds as a segment of its own (it
/// flushes at the statement's savepoint), so a thousand candidates indexed one by one made a
/// thousand segments, merged again and again, where together they make one (BENCHMARKS.md,
/// 2026-12-04, importing 100,000 rows).
pub(crate) fn index(conn: &Connection, cands: &[i64]) -> Result<(), StoreError> {
    if cands.is_empty() {
        return Ok(());
    }
    let list = serde_json::to_string(cands)?;
    conn.prepare_cached(
        "INSERT INTO candidate_fts (rowid, name, email, title, employer, location, skills, education, resume)
         SELECT cand, name, email, title, employer, location, skills, education, resume
         FROM candidate_search_text WHERE cand IN (SELECT value FROM json_each(?1))",
    )?
    .execute([&list])?;
    conn.prepare_cached(
        "INSERT INTO candidate_name_fts (rowid, name, email)
         SELECT cand, name, email FROM candidate_search_text WHERE cand IN (SELECT value FROM json_each(?1))",
    )?
    .execute([&list])?;
    search_terms::text_changed(conn, cands)
}

/// Re-indexes `cand` if its text changed from `before` (what [`searchable_text`] gave before
/// the change). Words only the old text had leave the vocabulary when nobody else has them.
fn reindex(conn: &Connection, cand: i64, before: &[String]) -> Result<(), StoreError> {
    let after = searchable_text(conn, cand)?;
    if after == before {
        return Ok(());
    }
    remove_from_fts(conn, cand, before)?;
    index(conn, &[cand])?;
    let mut terms = tokens::of_texts(conn, [(0, before.join(" ")), (1, after.join(" "))])?;
    let kept: HashSet<String> = terms.remove(&1).unwrap_or_default().into_iter().collect();
    let gone: Vec<String> = terms.remove(&0).unwrap_or_default().into_iter().filter(|t| !kept.contains(t)).collect();
    search_terms::prune(conn, &gone)
}

/// Takes `text`, as indexed for `cand`, out of the keyword indexes. FTS5's `delete` command
/// with the old text (rather than a delete by rowid, which only marks the row deleted in a
/// contentless index) lets secure-delete (migrations/0005_erasure.sql) remove each word's entry
/// from the index's pages at once: no old name or email lingers in old segments until a merge.
fn remove_from_fts(conn: &Connection, cand: i64, text: &[String]) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO candidate_fts
             (candidate_fts, rowid, name, email, title, employer, location, skills, education, resume)
         VALUES ('delete', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params_from_iter(std::iter::once(Value::from(cand)).chain(text.iter().map(|t| Value::from(t.clone())))))?;
    conn.prepare_cached(
        "INSERT INTO candidate_name_fts (candidate_name_fts, rowid, name, email) VALUES ('delete', ?1, ?2, ?3)",
    )?
    .execute(params![cand, text[0], text[1]])?;
    Ok(())
}

/// Builds the whole keyword index in one pass (after a bulk load). Merging is off during the
/// pass (also the forced "crisis" merges), and pending terms are held in memory up to 1 GiB
/// (FTS5's default is 1 MiB): a million candidates' terms fit (about 350 MB at the peak), and
/// the final 'optimize' sorts and writes them once. Measured at a million, that is 1.5 s less
/// of about 17 than 64 MiB runs merged at the end, which was itself 25% less than merging as
/// the index grows. The name index keeps small runs: its terms are mostly unique (emails), and
/// sorting them all at once was slower. The settings go back to FTS5's defaults for everyday
/// single-profile updates.
pub(crate) fn index_all(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch(
        "INSERT INTO candidate_fts (candidate_fts) VALUES ('delete-all');
         INSERT INTO candidate_fts (candidate_fts, rank) VALUES ('automerge', 0);
         INSERT INTO candidate_fts (candidate_fts, rank) VALUES ('crisismerge', 100000);
         INSERT INTO candidate_fts (candidate_fts, rank) VALUES ('hashsize', 1073741824);
         INSERT INTO candidate_fts (rowid, name, email, title, employer, location, skills, education, resume)
         SELECT cand, name, email, title, employer, location, skills, education, resume FROM candidate_search_text;
         INSERT INTO candidate_fts (candidate_fts) VALUES ('optimize');
         INSERT INTO candidate_fts (candidate_fts, rank) VALUES ('automerge', 4);
         INSERT INTO candidate_fts (candidate_fts, rank) VALUES ('crisismerge', 16);
         INSERT INTO candidate_fts (candidate_fts, rank) VALUES ('hashsize', 1048576);
         INSERT INTO candidate_name_fts (candidate_name_fts) VALUES ('delete-all');
         INSERT INTO candidate_name_fts (rowid, name, email) SELECT cand, name, email FROM candidate_search_text;
         INSERT INTO candidate_name_fts (candidate_name_fts) VALUES ('optimize');",
    )?;
    Ok(())
}

/// Works out every candidate's experience from their employment (migrations/0019_experience.sql).
pub(crate) fn fill_experience(conn: &Connection) -> Result<(), StoreError> {
    #[derive(Deserialize)]
    struct Jobs {
        #[serde(default)]
        employment: Vec<Employment>,
    }
    let mut read = conn.prepare("SELECT cand, details FROM candidate_details")?;
    let mut write =
        conn.prepare("UPDATE candidates SET experience_months = ?2, experience_since = ?3 WHERE cand = ?1")?;
    let mut rows = read.query([])?;
    while let Some(r) = rows.next()? {
        let cand: i64 = r.get(0)?;
        let jobs: Jobs = serde_json::from_str(r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?)?;
        let experience = Experience::of(&jobs.employment);
        if experience != Experience::default() {
            write.execute(params![cand, experience.closed_months, experience.open_since])?;
        }
    }
    Ok(())
}

/// The local row number of the candidate with this id.
pub(crate) fn cand_of(conn: &Connection, id: Uuid) -> Result<i64, StoreError> {
    find(conn, id)?.ok_or_else(|| DomainError::not_found("candidate", id).into())
}

/// Row numbers for many ids, in order; fails naming the first id that does not exist.
pub(crate) fn cands_of(conn: &Connection, ids: &[Uuid]) -> Result<Vec<i64>, StoreError> {
    // Looked up in the id index's order (a uuid's bytes order as its text does): neighbours
    // share the index's pages, so a page is read once for all its ids instead of once for each
    // id scattered over a million (100,000 ids of a search's results: a fifth of tagging them).
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_unstable_by_key(|&i| ids[i]);
    let mut cands = vec![None; ids.len()];
    for i in order {
        cands[i] = find(conn, ids[i])?;
    }
    ids.iter()
        .zip(cands)
        .map(|(id, cand)| cand.ok_or_else(|| DomainError::not_found("candidate", *id).into()))
        .collect()
}

pub(crate) fn id_of(conn: &Connection, cand: i64) -> Result<Uuid, StoreError> {
    let id: String =
        conn.prepare_cached("SELECT id FROM candidates WHERE cand = ?1")?.query_row([cand], |r| r.get(0))?;
    uuid(&id)
}

const COLUMNS: &str = "c.id, c.first_name, c.last_name, c.email, c.phone, c.city, c.region, c.country,
    c.current_title, c.current_employer, c.ats_id, c.person_folder, c.profile_type, c.engagements, c.activity,
    c.eligible, c.active, c.subscribed, c.owner_id, c.created_at, c.updated_at, c.last_login_at, d.details,
    c.texts_opted_out";

struct RawCandidate {
    id: String,
    first_name: String,
    last_name: String,
    email: Option<String>,
    phone: Option<String>,
    location: Location,
    current_title: String,
    current_employer: String,
    ats_id: Option<String>,
    person_folder: Option<String>,
    profile_type: String,
    engagements: u32,
    activity: i64,
    eligible: bool,
    active: bool,
    subscribed: bool,
    owner_id: Option<String>,
    created_at: i64,
    updated_at: i64,
    last_login_at: Option<i64>,
    details: String,
    texts_opted_out: bool,
}

fn raw(r: &Row) -> rusqlite::Result<RawCandidate> {
    Ok(RawCandidate {
        id: r.get(0)?,
        first_name: r.get(1)?,
        last_name: r.get(2)?,
        email: r.get(3)?,
        phone: r.get(4)?,
        location: Location { city: r.get(5)?, region: r.get(6)?, country: r.get(7)? },
        current_title: r.get(8)?,
        current_employer: r.get(9)?,
        ats_id: r.get(10)?,
        person_folder: r.get(11)?,
        profile_type: r.get(12)?,
        engagements: r.get(13)?,
        activity: r.get(14)?,
        eligible: r.get(15)?,
        active: r.get(16)?,
        subscribed: r.get(17)?,
        owner_id: r.get(18)?,
        created_at: r.get(19)?,
        updated_at: r.get(20)?,
        last_login_at: r.get(21)?,
        details: r.get(22)?,
        texts_opted_out: r.get(23)?,
    })
}

impl RawCandidate {
    fn decode(self) -> Result<Candidate, StoreError> {
        let d: Details = serde_json::from_str(&self.details)?;
        Ok(Candidate {
            id: uuid(&self.id)?,
            profile: Profile {
                first_name: self.first_name,
                last_name: self.last_name,
                email: self.email,
                phone: self.phone,
                location: self.location,
                current_title: self.current_title,
                current_employer: self.current_employer,
                employment: d.employment,
                education: d.education,
                skills: d.skills,
                links: d.links,
                willing_to_relocate: d.willing_to_relocate,
                desired_level: d.desired_level,
                employment_type: d.employment_type,
                languages: d.languages,
                certifications: d.certifications,
                interests: d.interests,
                preferred_communication: d.preferred_communication,
                custom_fields: d.custom_fields,
            },
            ats_id: self.ats_id,
            person_folder: self.person_folder,
            profile_type: from_name(&self.profile_type)?,
            engagements: EngagementSet(self.engagements),
            activity: ActivityStatus::from_code(self.activity)
                .ok_or_else(|| StoreError::Corrupt(format!("unknown activity code {}", self.activity)))?,
            eligible: self.eligible,
            active: self.active,
            subscribed: self.subscribed,
            texts_opted_out: self.texts_opted_out,
            owner_id: self.owner_id.as_deref().map(uuid).transpose()?,
            created_at: time(self.created_at),
            updated_at: time(self.updated_at),
            last_login_at: self.last_login_at.map(time),
        })
    }
}

pub(crate) fn get(conn: &Connection, cand: i64) -> Result<Candidate, StoreError> {
    let raw = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM candidates c JOIN candidate_details d ON d.cand = c.cand WHERE c.cand = ?1"
        ))?
        .query_row([cand], raw)?;
    raw.decode()
}

pub(crate) fn resume_text(conn: &Connection, cand: i64) -> Result<Option<String>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT resume_text FROM candidate_details WHERE cand = ?1")?
        .query_row([cand], |r| r.get(0))?)
}

pub(crate) fn set_flag(conn: &Connection, cand: i64, flag: Flag, value: bool, at: Timestamp) -> Result<(), StoreError> {
    let column = match flag {
        Flag::Eligible => "eligible",
        Flag::Active => "active",
        Flag::Subscribed => "subscribed",
        Flag::TextsOptedOut => "texts_opted_out",
    };
    conn.prepare_cached(&format!("UPDATE candidates SET {column} = ?2, updated_at = ?3 WHERE cand = ?1"))?
        .execute(params![cand, value, millis(at)])?;
    Ok(())
}

/// Recomputes the derived activity status from engagements and withdrawals.
pub(crate) fn refresh_activity(conn: &Connection, cand: i64) -> Result<ActivityStatus, StoreError> {
    let (mask, withdrawn): (u32, bool) = conn
        .prepare_cached("SELECT engagements, withdrawn FROM candidates WHERE cand = ?1")?
        .query_row([cand], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let status = activity::activity_status(EngagementSet(mask), withdrawn);
    conn.prepare_cached("UPDATE candidates SET activity = ?2 WHERE cand = ?1")?
        .execute(params![cand, status.code()])?;
    Ok(status)
}

/// Recounts applications and whether the candidate withdrew, then the status.
pub(crate) fn refresh_applications(conn: &Connection, cand: i64) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE candidates SET
             job_apps = (SELECT count(*) FROM applications WHERE cand = ?1),
             withdrawn = coalesce((SELECT max(withdrawn) = 1 AND min(withdrawn) = 1 FROM applications WHERE cand = ?1), 0)
         WHERE cand = ?1",
    )?
    .execute([cand])?;
    refresh_activity(conn, cand).map(|_| ())
}

/// Removes the candidate and (by cascade) everything attached, and their keyword-index
/// entries (erasure, src/erasure.rs, does the rest).
pub(crate) fn delete(conn: &Connection, cand: i64) -> Result<(), StoreError> {
    remove_from_fts(conn, cand, &searchable_text(conn, cand)?)?;
    conn.prepare_cached("DELETE FROM candidates WHERE cand = ?1")?.execute([cand])?;
    Ok(())
}

/// Sets the resume text (and whether there is one) and re-indexes the candidate.
pub(crate) fn set_resume_text(conn: &Connection, cand: i64, text: Option<&str>) -> Result<(), StoreError> {
    let before = searchable_text(conn, cand)?;
    conn.prepare_cached("UPDATE candidate_details SET resume_text = ?2 WHERE cand = ?1")?
        .execute(params![cand, text])?;
    conn.prepare_cached("UPDATE candidates SET has_resume = ?2 WHERE cand = ?1")?
        .execute(params![cand, text.is_some()])?;
    reindex(conn, cand, &before)
}
