//! Talent Matches: the candidates most like one candidate, by the skills, titles, schools,
//! majors and city they share, each with why.
//!
//! Each of the candidate's features (a skill, a title, ...) is a phrase, found as
//! [`features`](super::features) finds them; the why shown is exact: it compares the profiles
//! themselves.
//!
//! A feature counts for more the fewer candidates have it (inverse document frequency) and by
//! its kind: a shared rare skill says more than a shared city. Features most candidates have
//! are skipped: they say almost nothing.

use rusqlite::Connection;
use serde::Serialize;
use talentdesk_domain::candidate::Profile;
use ts_rs::TS;

use super::Engine;
use super::features::{Tally, having, rarity};
use crate::StoreError;
use crate::tables::candidates;
use crate::views::{CandidateRow, rows_for};

/// How many matches Talent Matches shows.
pub const MATCHES: usize = 20;

/// A feature in more than this share of candidates is skipped.
const TOO_COMMON: f64 = 0.25;

#[derive(Debug, Clone, Copy)]
enum Kind {
    Skill,
    Title,
    School,
    Major,
    City,
}

impl Kind {
    /// The keyword-index column that holds this kind of feature.
    fn column(self) -> &'static str {
        match self {
            Kind::Skill => "skills",
            Kind::Title => "title",
            Kind::School | Kind::Major => "education",
            Kind::City => "location",
        }
    }

    fn weight(self) -> f64 {
        match self {
            Kind::Skill => 3.0,
            Kind::Title => 2.5,
            Kind::Major => 1.0,
            Kind::School | Kind::City => 0.75,
        }
    }
}

/// One of the most similar candidates, and what they share with the one asked about.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TalentMatch {
    pub row: CandidateRow,
    /// Relative to the best match shown (1.0).
    pub score: f64,
    pub shared_skills: Vec<String>,
    pub shared_titles: Vec<String>,
    /// Schools, majors and the city they share.
    pub shared_other: Vec<String>,
}

impl Engine {
    /// The [`MATCHES`] active candidates most similar to `cand`, best first.
    pub(crate) fn talent_matches(&mut self, conn: &Connection, cand: i64) -> Result<Vec<TalentMatch>, StoreError> {
        let target = candidates::get(conn, cand)?.profile;
        self.ensure_loaded(conn)?;
        let present = &self.loaded.as_ref().expect("loaded above").facts.present;
        let population = present.len();
        let mut scores = Tally::new(present.max());
        let terms = &self.loaded.as_ref().expect("loaded above").terms;
        for (kind, phrase) in features(&target) {
            let Some(having) = having(conn, terms, &phrase)? else { continue };
            if having.len() < 2 || having.len() as f64 / population.max(1) as f64 > TOO_COMMON {
                continue;
            }
            scores.add(&having, (kind.weight() * rarity(having.len(), population)) as f32);
        }
        let facts = &self.loaded.as_ref().expect("loaded above").facts;
        let others = facts.present.iter().filter(|&c| c as i64 != cand && facts.get(c).active);
        let ranked = scores.top(others, MATCHES);
        let best = ranked.first().map_or(1.0, |r| f64::from(r.1));
        let cands: Vec<i64> = ranked.iter().map(|r| i64::from(r.0)).collect();
        let rows = rows_for(conn, &cands)?;
        rows.into_iter()
            .zip(ranked)
            .map(|(row, (c, score))| {
                let other = candidates::get(conn, i64::from(c))?.profile;
                Ok(explain(&target, &other, row, f64::from(score) / best))
            })
            .collect()
    }
}

/// The features of a profile, each once.
fn features(p: &Profile) -> Vec<(Kind, String)> {
    let titles = std::iter::once(&p.current_title).chain(p.employment.iter().map(|e| &e.title));
    let mut out: Vec<(Kind, String)> = p
        .skills
        .iter()
        .map(|s| (Kind::Skill, s.clone()))
        .chain(titles.map(|t| (Kind::Title, t.clone())))
        .chain(p.education.iter().map(|e| (Kind::School, e.school.clone())))
        .chain(p.education.iter().map(|e| (Kind::Major, e.major.clone())))
        .chain(std::iter::once((Kind::City, p.location.city.clone())))
        .filter(|(_, phrase)| !phrase.trim().is_empty())
        .collect();
    let mut seen = std::collections::HashSet::new();
    out.retain(|(kind, phrase)| seen.insert((kind.column(), phrase.to_lowercase())));
    out
}

/// What `other` shares with `target`, compared as a recruiter would read it (case aside).
fn explain(target: &Profile, other: &Profile, row: CandidateRow, score: f64) -> TalentMatch {
    let shared = |mine: Vec<&String>, theirs: Vec<&String>| -> Vec<String> {
        let theirs: Vec<String> = theirs.iter().map(|s| s.to_lowercase()).collect();
        let mut out: Vec<String> =
            mine.into_iter().filter(|s| !s.is_empty() && theirs.contains(&s.to_lowercase())).cloned().collect();
        out.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        out
    };
    let titles = |p: &'_ Profile| -> Vec<String> {
        std::iter::once(p.current_title.clone()).chain(p.employment.iter().map(|e| e.title.clone())).collect()
    };
    let (target_titles, other_titles) = (titles(target), titles(other));
    let mut shared_other = shared(
        target.education.iter().flat_map(|e| [&e.school, &e.major]).collect(),
        other.education.iter().flat_map(|e| [&e.school, &e.major]).collect(),
    );
    if !target.location.city.is_empty() && target.location.city.eq_ignore_ascii_case(&other.location.city) {
        shared_other.push(target.location.city.clone());
    }
    let mut shared_titles = shared(target_titles.iter().collect(), other_titles.iter().collect());
    shared_titles.sort();
    shared_titles.dedup();
    TalentMatch {
        row,
        score,
        shared_skills: shared(target.skills.iter().collect(), other.skills.iter().collect()),
        shared_titles,
        shared_other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use talentdesk_domain::candidate::{Education, Employment, Location};

    #[test]
    fn features_are_each_phrase_once_and_skip_blanks() {
        let p = Profile {
            current_title: "Data Engineer".into(),
            employment: vec![Employment { title: "data engineer".into(), ..Default::default() }],
            skills: vec!["Python".into(), "SQL".into()],
            education: vec![Education { school: "Uni Wien".into(), major: String::new(), ..Default::default() }],
            location: Location { city: "Wien".into(), ..Default::default() },
            ..Profile::default()
        };
        let got: Vec<String> = features(&p).into_iter().map(|(k, s)| format!("{}:{s}", k.column())).collect();
        assert_eq!(got, ["skills:Python", "skills:SQL", "title:Data Engineer", "education:Uni Wien", "location:Wien"]);
    }
}
