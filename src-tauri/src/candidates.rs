//! Adding a candidate by hand: the skills taxonomy the form suggests from, and who may already
//! be the person being typed in (the New candidate form and a walk-in at the door ask alike).

use talentdesk_domain::candidate::Profile;
use talentdesk_domain::skills::{self, SkillTerm};
use talentdesk_store::AppError;
use talentdesk_store::views::CandidateRow;
use tauri::State;

use crate::checkin::kiosk::Kiosk;
use crate::commands::with_store;
use crate::state::AppState;

/// Every term of the skills taxonomy (`assets/skills.txt`), in its order, for the Skills field
/// to suggest from as the user types.
#[tauri::command]
pub fn skill_taxonomy() -> Vec<SkillTerm> {
    skills::taxonomy().to_vec()
}

/// Who may already be the person being typed in: the same email, or the same name with the
/// same phone, LinkedIn or employer, anywhere in the local database. A kiosk shows visitors
/// nobody else's details, so it is refused there.
#[tauri::command]
pub async fn possible_duplicates(
    state: State<'_, AppState>,
    kiosk: State<'_, Kiosk>,
    profile: Profile,
) -> Result<Vec<CandidateRow>, AppError> {
    kiosk.refuse()?;
    with_store(&state, move |store, _| store.possible_duplicates(&profile)).await
}
