//! A job description as text — pasted into "Find candidates…", in a job's Description field,
//! or a file given to `talentdesk-cli match` — read for what candidates are ranked on: its
//! title (the first line), the skills it names (the resume parser's finder, which knows the
//! taxonomy's names and synonyms) and the years of experience it asks for ("5+ years").

use talentdesk_domain::job::Job;
use talentdesk_domain::skills::canonical;

/// A description longer than this is not a job description (a book pasted by mistake).
pub const MOST_BYTES: usize = 100_000;

/// The longest title kept from a description's first line.
const MOST_TITLE_CHARS: usize = 120;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JobDescription {
    pub title: String,
    pub skills: Vec<String>,
    /// Years of experience asked for at least.
    pub years: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DescriptionError {
    #[error("the job description is empty: paste the text of the job ad")]
    Empty,
    #[error(
        "the job description is {bytes} bytes; a job description has at most {MOST_BYTES} (was a whole document pasted?)"
    )]
    TooLarge { bytes: usize },
}

/// A pasted description: refused when it has no text or is too large to be one.
pub fn read(text: &str) -> Result<JobDescription, DescriptionError> {
    if text.len() > MOST_BYTES {
        return Err(DescriptionError::TooLarge { bytes: text.len() });
    }
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).ok_or(DescriptionError::Empty)?;
    // "Registered Nurse, Intensive Care (m/w/d)": the title is before the comma or bracket.
    let title = line.split([',', '(', '|']).next().unwrap_or(line).trim();
    Ok(JobDescription {
        title: title.chars().take(MOST_TITLE_CHARS).collect(),
        skills: crate::parse(text).skills,
        years: years_in(text),
    })
}

/// What a job asks for: its own skills first, then those its title and description name,
/// each once under its taxonomy name (the window lists them, one chip each), and the years its
/// description asks for.
pub fn of_job(job: &Job) -> JobDescription {
    let text = format!("{}\n{}", job.title, job.description);
    let mut skills: Vec<String> = Vec::new();
    for skill in job.skills.iter().chain(&crate::parse(&text).skills).map(|s| canonical(s)) {
        if !skill.is_empty() && !skills.iter().any(|s| s.eq_ignore_ascii_case(&skill)) {
            skills.push(skill);
        }
    }
    JobDescription { title: job.title.clone(), skills, years: years_in(&job.description) }
}

/// The first "N years" / "N+ years" / "N Jahre" of a text.
fn years_in(text: &str) -> Option<u32> {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    words.windows(2).find_map(|w| {
        let unit = w[1].trim_matches(|c: char| !c.is_alphabetic());
        let number = w[0].trim_end_matches(['+', '-']).trim_start_matches('(');
        (["years", "year", "yrs", "jahre", "jahren"].contains(&unit)).then(|| number.parse().ok()).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_description_gives_its_title_skills_and_years() {
        let text = "\n  Senior Backend Engineer (Rust)\nWe want 5+ years of Rust and PostgreSQL, Kubernetes a plus.\n";
        let read = read(text).unwrap();
        assert_eq!(read.title, "Senior Backend Engineer");
        assert_eq!(read.years, Some(5));
        for skill in ["Rust", "PostgreSQL", "Kubernetes"] {
            assert!(read.skills.iter().any(|s| s == skill), "{skill} in {:?}", read.skills);
        }
        assert_eq!(years_in("mindestens 3 Jahre Erfahrung"), Some(3));
        assert_eq!(years_in("no number here years"), None);
    }

    #[test]
    fn an_empty_or_huge_description_is_refused_saying_why() {
        assert_eq!(read(" \n\t"), Err(DescriptionError::Empty));
        let huge = "Rust ".repeat(30_000);
        let err = read(&huge).unwrap_err();
        assert_eq!(err, DescriptionError::TooLarge { bytes: 150_000 });
        assert!(err.to_string().contains("at most 100000"), "{err}");
    }

    #[test]
    fn a_job_asks_for_its_skills_and_those_its_description_names() {
        let job = Job {
            id: talentdesk_domain::new_id(),
            title: "Welder".into(),
            location: "Leipzig".into(),
            ats_id: None,
            open: true,
            skills: vec!["blueprint reading".into(), "Welding".into()],
            description: "MIG welding on site, blueprint reading, 3 years at least.".into(),
        };
        let read = of_job(&job);
        assert_eq!(read.skills, ["Blueprint Reading", "Welding"], "each once, as the taxonomy names it");
        assert_eq!((read.title.as_str(), read.years), ("Welder", Some(3)));
    }
}
