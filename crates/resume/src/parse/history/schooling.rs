//! Schooling listed among the jobs, in a history that holds both ("Trayectoria y formación",
//! "Esperienze lavorative e formazione", one grid of dated entries): "2016 – 2017  Ciclo
//! Formativo de Grado Medio en Cuidados Auxiliares de Enfermería" over "IES Velázquez,
//! Sevilla" has a job's shape and is a school's entry.

use super::lines::degree_led;
use super::schools::degree_and_major;
use crate::parse::words::{names_a_degree, names_a_job, names_a_school};
use crate::parse::{ParsedEducation, ParsedJob};

/// The jobs that are jobs, and the schooling read as jobs, as schools.
pub fn schooling_apart(jobs: Vec<ParsedJob>) -> (Vec<ParsedJob>, Vec<ParsedEducation>) {
    let (schooling, jobs): (Vec<ParsedJob>, Vec<ParsedJob>) = jobs.into_iter().partition(is_schooling);
    let schools = schooling
        .into_iter()
        .map(|entry| {
            let (degree, major) = degree_and_major(&entry.title);
            ParsedEducation { school: entry.employer, degree, major, start: entry.start, end: entry.end }
        })
        .collect();
    (jobs, schools)
}

/// A degree's name where the title would be, at a school: a degree named (not led by a job's
/// word, "Técnico de laboratorio" at a university is a job), in words ("Diploma di Ragioniere
/// e Perito Commerciale") or ending on no job's word ("PhD Researcher" is a job; "Foundation
/// Doctor" and "Scrum Master" are jobs whose last word names a degree too). Not at a workplace
/// that a school's word is part of ("University Hospital of Wales", "Riverside Medical
/// Centre").
fn is_schooling(job: &ParsedJob) -> bool {
    let words: Vec<&str> = job.title.split_whitespace().filter(|w| !w.starts_with('(')).collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return false };
    let job_last = names_a_job(last) || JOBS_NAMED_BY_A_DEGREE.contains(&last.to_lowercase().as_str());
    let degree = names_a_degree(&job.title) && !names_a_job(first) && (degree_led(&job.title) || !job_last);
    let workplace = job.employer.split_whitespace().any(|w| WORKPLACES.contains(&w.to_lowercase().as_str()));
    degree && names_a_school(&job.employer) && !workplace
}

/// Degrees' words that end a job's title: "Foundation Doctor", "Scrum Master".
const JOBS_NAMED_BY_A_DEGREE: &[&str] = &["doctor", "master", "doktor", "docteur", "doctora", "médico"];

/// Words of a workplace whose name has a school's word too ("University Hospital", "Medical
/// Centre", "Research Institute").
#[rustfmt::skip]
const WORKPLACES: &[&str] = &[
    "hospital", "hospitals", "medical", "health", "clinic", "research", "laboratory", "laboratories", "nhs",
    "hôpital", "clinique", "klinik", "klinikum", "krankenhaus", "ospedale", "clinica", "clínica", "szpital",
    "ziekenhuis", "forschungszentrum",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn job(title: &str, employer: &str) -> ParsedJob {
        ParsedJob {
            title: title.into(),
            employer: employer.into(),
            start: Some("2016".into()),
            end: Some("2017".into()),
        }
    }

    #[test]
    fn a_degree_at_a_school_among_the_jobs_is_schooling() {
        let (jobs, schools) = schooling_apart(vec![
            job("Técnico en Cuidados Auxiliares de Enfermería", "Hospital San Lázaro de Sevilla"),
            job("Ciclo Formativo de Grado Medio en Cuidados Auxiliares de Enfermería", "IES Velázquez"),
            job("Graduado en Educación Secundaria Obligatoria (ESO)", "IES Luca de Tena"),
            job("Diploma di Ragioniere e Perito Commerciale (58/60)", "Istituto Tecnico Commerciale «Antonio Meucci»"),
        ]);
        assert_eq!(jobs.iter().map(|j| j.employer.as_str()).collect::<Vec<_>>(), ["Hospital San Lázaro de Sevilla"]);
        let schools: Vec<&str> = schools.iter().map(|s| s.school.as_str()).collect();
        assert_eq!(schools, ["IES Velázquez", "IES Luca de Tena", "Istituto Tecnico Commerciale «Antonio Meucci»"]);
    }

    #[test]
    fn work_at_a_school_or_at_a_workplace_named_like_one_stays_a_job() {
        let kept = [
            job("Profesora de Formación Profesional", "IES Velázquez"),
            job("PhD Researcher", "University of Leeds"),
            job("Técnico de laboratorio", "Universidad de Sevilla"),
            job("Foundation Doctor", "University Hospital of Wales"),
            job("Scrum Master", "Leeds College of Building"),
            job("Bachelor of Nursing placement", "Riverside Medical Centre"),
        ];
        let (jobs, schools) = schooling_apart(kept.to_vec());
        assert_eq!(jobs.len(), kept.len(), "{schools:?}");
        assert!(schools.is_empty());
    }
}
