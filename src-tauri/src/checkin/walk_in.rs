//! Someone new at the door: saving the walk-in (its possible duplicates: `candidates.rs`) —
//! the candidate, their registration and check-in in one mutation (`event.walk_in`), with a
//! dropped resume attached in the same transaction.

use std::path::PathBuf;

use chrono::Utc;
use serde::{Deserialize, Serialize};
use talentdesk_domain::candidate::Profile;
use talentdesk_domain::document::DocumentKind;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::user::User;
use talentdesk_domain::{DomainError, new_id};
use talentdesk_resume::Isolated;
use talentdesk_store::checkin::CheckInMatch;
use talentdesk_store::{AppError, Store, StoreError};
use tauri::State;
use ts_rs::TS;
use uuid::Uuid;

use super::kiosk::Kiosk;
use crate::commands::with_store;
use crate::documents::{self, Upload};
use crate::state::AppState;

/// A walk-in as the form sends it.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct WalkIn {
    pub profile: Profile,
    /// From the organisation's areas of interest.
    pub interests: Vec<String>,
    /// They agreed to be contacted.
    pub consent: bool,
    /// A resume dropped on the screen, attached with them.
    #[ts(type = "string | null")]
    pub resume: Option<PathBuf>,
}

/// A saved walk-in, registered and checked in.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct WalkedIn {
    pub person: CheckInMatch,
    /// Saved, with something to know: the resume's text could not be read (a note says so on
    /// the profile too).
    pub note: Option<String>,
}

/// Saves a walk-in at the event: a new Event Attendee, registered and checked in now, with
/// the dropped resume attached (one transaction: refused, nothing is kept). A resume whose
/// text cannot be read is attached all the same, and a note on the profile says so.
#[tauri::command]
pub async fn walk_in(
    state: State<'_, AppState>,
    kiosk: State<'_, Kiosk>,
    event: Uuid,
    mut walk_in: WalkIn,
) -> Result<WalkedIn, AppError> {
    kiosk.refuse()?;
    let resume = match walk_in.resume.take() {
        Some(path) => Some(Resume {
            granted: state.granted.readable(&path).map_err(|e| AppError::Storage { message: e.to_string() })?,
            path,
            reader: documents::reader()?,
        }),
        None => None,
    };
    let saved = with_store(&state, move |store, user| save(store, user, event, walk_in, resume, false)).await?;
    state.changed();
    Ok(saved)
}

/// A dropped resume: its path as dropped (the document's name), as allowed to be read (see
/// `chosen`), and the isolated reader for its text.
pub(super) struct Resume {
    path: PathBuf,
    granted: PathBuf,
    reader: Isolated,
}

/// Saves the walk-in (`kiosk`: they signed themselves up) and returns them as the door sees them.
pub(super) fn save(
    store: &mut Store,
    user: &User,
    event: Uuid,
    walk_in: WalkIn,
    resume: Option<Resume>,
    kiosk: bool,
) -> Result<WalkedIn, StoreError> {
    reachable(&walk_in.profile, resume.is_some())?;
    let id = new_id();
    let walk = Mutation::EventWalkIn {
        event_id: event,
        candidate_id: id,
        profile: walk_in.profile,
        interests: walk_in.interests,
        consent: walk_in.consent,
        at: Some(Utc::now()),
        kiosk,
    };
    let note = match resume {
        Some(resume) => {
            let upload = Upload { path: resume.path, kind: DocumentKind::Resume };
            let unread = documents::attach(store, user, Some(walk), id, &upload, &resume.granted, &resume.reader)?;
            if let Some(why) = &unread {
                let body =
                    format!("Walk-in: the resume given at the door was {why}. The profile was typed in by hand.");
                store.apply(user, Mutation::NoteAdd { note_id: new_id(), candidate_id: id, body, private: false })?;
            }
            unread
        }
        None => {
            store.apply(user, walk)?;
            None
        }
    };
    Ok(WalkedIn { person: store.check_in_person(event, id)?, note })
}

/// Someone must be able to follow up: a walk-in needs an email, a phone number or a resume.
fn reachable(profile: &Profile, resume: bool) -> Result<(), DomainError> {
    let given = |value: &Option<String>| value.as_deref().is_some_and(|v| !v.trim().is_empty());
    if resume || given(&profile.email) || given(&profile.phone) {
        Ok(())
    } else {
        Err(DomainError::invalid(
            "contact",
            "a walk-in needs an email, a phone number or a resume, so someone can follow up",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_walk_in_is_reachable_by_email_phone_or_resume() {
        let named = Profile { first_name: "Lin".into(), last_name: "Wei".into(), ..Profile::default() };
        assert!(reachable(&named, false).is_err(), "a name alone");
        assert!(reachable(&Profile { phone: Some("  ".into()), ..named.clone() }, false).is_err(), "a blank phone");
        assert!(reachable(&Profile { phone: Some("+86 138 0013 8000".into()), ..named.clone() }, false).is_ok());
        assert!(reachable(&Profile { email: Some("lin@example.org".into()), ..named.clone() }, false).is_ok());
        assert!(reachable(&named, true).is_ok(), "a name and a resume");
    }
}
