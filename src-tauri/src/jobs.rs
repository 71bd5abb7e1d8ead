//! A job's page: the job, its applicants and the statuses they can move to, and the
//! organisation's candidates for it. Changes to jobs and applications (edit, close, status,
//! withdraw) are mutations, through `commands::apply`.

use talentdesk_domain::DomainError;
use talentdesk_resume::job_description;
use talentdesk_store::AppError;
use talentdesk_store::search::for_job::{JobMatches, JobWanted, MatchOptions};
use talentdesk_store::views::{HiringWorkflow, JobView};
use tauri::State;
use uuid::Uuid;

use crate::commands::with_store;
use crate::state::AppState;

/// The job with every applicant and where their application stands.
#[tauri::command]
pub async fn job(state: State<'_, AppState>, id: Uuid) -> Result<JobView, AppError> {
    with_store(&state, move |store, _| store.job_view(id)).await
}

/// The hiring statuses and bins an application can be moved to.
#[tauri::command]
pub fn hiring_workflow() -> HiringWorkflow {
    HiringWorkflow::new()
}

/// What the job asks for (its skills and those its title and description name, the years its
/// description asks for, its place): what its Candidates tab ranks on.
#[tauri::command]
pub async fn job_wanted(state: State<'_, AppState>, id: Uuid) -> Result<JobWanted, AppError> {
    with_store(&state, move |store, _| {
        let job = store.job_view(id)?.job;
        let read = job_description::of_job(&job);
        Ok(JobWanted::for_job(&job, read.skills, read.years))
    })
    .await
}

/// What a pasted job description asks for ("Find candidates…"); an empty one, or one over
/// 100 kB, is refused saying so.
#[tauri::command]
pub fn read_job_description(text: String) -> Result<JobWanted, AppError> {
    let read =
        job_description::read(&text).map_err(|e| AppError::Rule(DomainError::invalid("description", e.to_string())))?;
    Ok(JobWanted { title: read.title, skills: read.skills, years: read.years, ..JobWanted::default() })
}

/// The organisation's candidates for what a job wants, best first, each with why; those
/// rejected for the job apart (see the store's search/for_job.rs).
#[tauri::command]
pub async fn candidates_for_job(
    state: State<'_, AppState>,
    wanted: JobWanted,
    options: MatchOptions,
) -> Result<JobMatches, AppError> {
    with_store(&state, move |store, _| store.candidates_for_job(&wanted, &options)).await
}
