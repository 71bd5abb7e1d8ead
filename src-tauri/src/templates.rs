//! The organisation's message templates for Settings and Compose, and a template filled for
//! one candidate (Settings' preview). Changes to templates are mutations, through
//! `commands::apply`.

use talentdesk_domain::template::Template;
use talentdesk_store::AppError;
use talentdesk_store::views::{FilledTemplate, Templates};
use tauri::State;
use uuid::Uuid;

use crate::commands::with_store;
use crate::state::AppState;

/// The templates by kind and name, with the merge fields each kind may use.
#[tauri::command]
pub async fn templates(state: State<'_, AppState>) -> Result<Templates, AppError> {
    with_store(&state, |store, _| store.templates()).await
}

/// `template` as typed (checked as saving it would be) filled for the candidate, from the
/// signed-in user; an invitation names `job_id`'s job, or else the first open job.
#[tauri::command]
pub async fn fill_template(
    state: State<'_, AppState>,
    template: Template,
    candidate_id: Uuid,
    job_id: Option<Uuid>,
) -> Result<FilledTemplate, AppError> {
    with_store(&state, move |store, me| store.fill_template(me, template, candidate_id, job_id)).await
}
