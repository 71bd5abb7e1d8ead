//! Many resumes at once (the search page's drop or "From resumes…"): the files, folders and
//! .zip archives given become a queue (talentdesk_resume::batch), each file is read in its own
//! isolated reader, one per core, with `resume-progress` events; the review gets each
//! resume's fields and likely duplicates (talentdesk_import::resumes); filing makes each row a
//! new candidate with the resume attached, or attaches it to the candidate chosen, one row at
//! a time so searches go on meanwhile.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::document::DocumentKind;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_import::resumes::Matches;
use talentdesk_resume::batch::{self, Refused, RefusedBecause, Step};
use talentdesk_resume::{ParsedResume, ResumeError};
use talentdesk_session::GrantedPaths;
use talentdesk_store::AppError;
use tauri::{AppHandle, Emitter, Manager, State};
use ts_rs::TS;
use uuid::Uuid;

use crate::commands::{with_reader, with_store};
use crate::documents::{Upload, attach, reader};
use crate::state::AppState;

/// A file of the queue, as the window lists it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct QueuedResume {
    pub name: String,
    #[ts(type = "string")]
    pub path: PathBuf,
}

/// What a drop of resumes became: the files to read, and what was left out and why.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ResumeQueue {
    pub files: Vec<QueuedResume>,
    pub refused: Vec<Refused>,
}

/// One file's step, sent as a `resume-progress` event while the queue is read.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ResumeProgress {
    pub index: u32,
    pub step: Step,
}

/// A resume as the review shows it: its fields (as a profile ready to create), or why it
/// gave none, and who it may already be.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ResumeReview {
    pub parsed: Option<ParsedResume>,
    pub profile: Option<Profile>,
    pub error: Option<ResumeError>,
    pub matches: Matches,
}

/// What to do with one reviewed resume.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum ResumeFiling {
    /// A new Recruiter Generated candidate with the resume attached.
    Create {
        #[ts(type = "string")]
        path: PathBuf,
        profile: Box<Profile>,
    },
    /// The resume attached to a candidate already here (a duplicate, or one picked by hand).
    Attach {
        #[ts(type = "string")]
        path: PathBuf,
        candidate_id: Uuid,
    },
}

/// How one filing went: the candidate it went to, and a note when the file's text could not
/// be read (it is attached all the same).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ResumeFiled {
    pub candidate_id: Uuid,
    pub note: Option<String>,
}

fn refused(name: &std::path::Path, e: impl std::fmt::Display) -> Refused {
    Refused { name: name.display().to_string(), reason: RefusedBecause::Unreadable { detail: e.to_string() } }
}

/// Makes a queue of the files, folders and .zip archives given (dropped or chosen: granted).
/// Archives are unpacked into the app's cache, replacing the last queue's; every file queued
/// may then be read.
#[tauri::command]
pub async fn queue_resumes(app: AppHandle, paths: Vec<PathBuf>) -> Result<ResumeQueue, AppError> {
    let unpack = app.path().app_cache_dir().map_err(storage)?.join("unpacked-resumes");
    tauri::async_runtime::spawn_blocking(move || queue(&app.state::<AppState>().granted, &paths, &unpack))
        .await
        .map_err(storage)
}

/// The queue of `paths`, each of which must be granted (chosen or dropped: a file, a folder or
/// a .zip); archives are unpacked into `unpack` (emptied first). The files queued, found in a
/// granted folder or archive, are granted in turn; nothing else is.
fn queue(granted: &GrantedPaths, paths: &[PathBuf], unpack: &Path) -> ResumeQueue {
    let mut left_out = Vec::new();
    let mut given = Vec::new();
    for path in paths {
        match granted.readable(path) {
            Ok(real) => given.push(real),
            Err(e) => left_out.push(refused(path, e)),
        }
    }
    let _ = std::fs::remove_dir_all(unpack);
    let collected = batch::collect(&given, unpack);
    granted.allow_read(collected.queued.iter().map(|q| q.path.clone()));
    left_out.extend(collected.refused);
    let files = collected.queued.into_iter().map(|q| QueuedResume { name: q.name, path: q.path }).collect();
    ResumeQueue { files, refused: left_out }
}

/// Reads the queued files, one isolated reader per core, telling the window of each step
/// (`resume-progress`); then who each may already be, against the whole database (numbers
/// without a country code read in the organisation's default phone country).
#[tauri::command]
pub async fn read_resumes(
    app: AppHandle,
    state: State<'_, AppState>,
    files: Vec<PathBuf>,
) -> Result<Vec<ResumeReview>, AppError> {
    let reader = reader()?;
    let granted: Vec<Result<PathBuf, ResumeError>> =
        files.iter().map(|p| state.granted.readable(p).map_err(|e| ResumeError::Failed(e.to_string()))).collect();
    let readable: Vec<PathBuf> = granted.iter().map(|g| g.clone().unwrap_or_default()).collect();
    let read = tauri::async_runtime::spawn_blocking(move || {
        batch::read_all(&reader, &readable, batch::workers(), |index, step| {
            let _ = app.emit("resume-progress", ResumeProgress { index: index as u32, step: step.clone() });
        })
    })
    .await
    .map_err(storage)?;
    let results: Vec<Result<ParsedResume, ResumeError>> =
        granted.into_iter().zip(read).map(|(granted, read)| granted.and(read)).collect();
    let profiles: Vec<Option<Profile>> =
        results.iter().map(|r| r.as_ref().ok().map(ParsedResume::to_profile)).collect();
    let matches = with_reader(&state, {
        let profiles = profiles.clone();
        move |store, _| talentdesk_import::resumes::matches(store, &profiles, store.phone_calling_code()?)
    })
    .await?;
    Ok(results
        .into_iter()
        .zip(profiles)
        .zip(matches)
        .map(|((result, profile), matches)| {
            let (parsed, error) = match result {
                Ok(parsed) => (Some(parsed), None),
                Err(e) => (None, Some(e)),
            };
            ResumeReview { parsed, profile, error, matches }
        })
        .collect())
}

/// Files one reviewed resume: a new candidate with it attached (in one step: refused, neither
/// is kept), or attached to a candidate already here.
#[tauri::command]
pub async fn file_resume(state: State<'_, AppState>, filing: ResumeFiling) -> Result<ResumeFiled, AppError> {
    let reader = reader()?;
    let path = match &filing {
        ResumeFiling::Create { path, .. } | ResumeFiling::Attach { path, .. } => path.clone(),
    };
    let granted = state.granted.readable(&path).map_err(storage)?;
    let filed = with_store(&state, move |store, user| {
        let upload = Upload { path, kind: DocumentKind::Resume };
        let (candidate_id, create) = match filing {
            ResumeFiling::Create { profile, .. } => {
                let id = new_id();
                (
                    id,
                    Some(Mutation::CandidateCreate {
                        candidate_id: id,
                        profile: *profile,
                        profile_type: ProfileType::RecruiterGenerated,
                    }),
                )
            }
            ResumeFiling::Attach { candidate_id, .. } => (candidate_id, None),
        };
        let note = attach(store, user, create, candidate_id, &upload, &granted, &reader)?;
        Ok(ResumeFiled { candidate_id, note })
    })
    .await?;
    state.changed();
    Ok(filed)
}

fn storage(e: impl std::fmt::Display) -> AppError {
    AppError::Storage { message: e.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder chosen in the folder dialog (or dropped) is granted as the folder: its resumes
    /// are queued and may then be read, one by one; a folder nobody chose queues nothing, and
    /// a file beside the chosen folder stays out of reach.
    #[test]
    fn a_chosen_folder_queues_its_resumes_and_grants_only_them() {
        let dir = std::env::temp_dir().join(format!("talentdesk-queue-{}", new_id()));
        let chosen = dir.join("fair resumes");
        std::fs::create_dir_all(chosen.join("day two")).unwrap();
        for name in ["ana.pdf", "bo.docx", "day two/cy.txt"] {
            std::fs::write(chosen.join(name), b"resume").unwrap();
        }
        let beside = dir.join("salaries.pdf");
        std::fs::write(&beside, b"secret").unwrap();
        let other = dir.join("other folder");
        std::fs::create_dir(&other).unwrap();
        std::fs::write(other.join("dee.pdf"), b"resume").unwrap();
        let unpack = dir.join("unpacked");

        let granted = GrantedPaths::default();
        granted.allow_read([chosen.clone()]);
        let queue = queue(&granted, &[chosen.clone(), other.clone()], &unpack);

        let mut names: Vec<&str> = queue.files.iter().map(|f| f.name.as_str()).collect();
        names.sort_unstable();
        assert_eq!(names.len(), 3, "{names:?}");
        assert!(names.iter().any(|n| n.ends_with("cy.txt")), "subfolders too: {names:?}");
        for file in &queue.files {
            assert!(granted.readable(&file.path).is_ok(), "{} may be read", file.name);
        }
        assert_eq!(queue.refused.len(), 1, "the folder nobody chose: {:?}", queue.refused);
        assert!(queue.refused[0].name.contains("other folder"));
        assert!(granted.readable(&other.join("dee.pdf")).is_err());
        assert!(granted.readable(&beside).is_err(), "only what the folder holds");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
