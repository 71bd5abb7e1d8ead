//! A job's page: the job, its applicants and the statuses they can move to. Changes to jobs
//! and applications (edit, close, status, withdraw) are mutations, through `commands::apply`.

use talentdesk_store::AppError;
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
