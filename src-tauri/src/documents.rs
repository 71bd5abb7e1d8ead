//! Documents and resumes in the window: uploads from the file dialog or dropped files, opening
//! and saving a copy, and reading resumes (Parse Resume, a new candidate from a resume). Resume
//! files are read in a child process (this binary with `--extract-text`), never in the app.
//! Files are read and written only where the user chose or dropped them (see `chosen`).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::document::{self, Document, DocumentKind, MAX_DOCUMENT_BYTES};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_domain::{DomainError, new_id};
use talentdesk_resume::{Isolated, ParsedResume};
use talentdesk_session::NotGranted;
use talentdesk_store::views::CandidateRow;
use talentdesk_store::{AppError, NewDocument, ResumesZip, Store, StoreError};
use tauri::State;
use ts_rs::TS;
use uuid::Uuid;

use crate::commands::with_store;
use crate::state::AppState;

/// The argument that makes this binary the isolated resume reader.
pub const EXTRACT_TEXT: &str = "--extract-text";

/// A file to attach, as the user chose or dropped it.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct Upload {
    #[ts(type = "string")]
    pub path: PathBuf,
    pub kind: DocumentKind,
}

/// How one file of an upload went: each file stands alone, so one bad file loses no other.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct UploadOutcome {
    pub name: String,
    pub error: Option<String>,
    /// Saved, with something to know: a resume whose text could not be read (a scan, a
    /// password) is attached but not searchable.
    pub note: Option<String>,
}

/// A resume read for Parse Resume or a new candidate: what it says, as a profile, and who is
/// already here with the same email, LinkedIn, phone, or name and employer.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ResumeReading {
    pub parsed: ParsedResume,
    pub profile: Profile,
    pub duplicates: Vec<CandidateRow>,
}

pub(crate) fn reader() -> Result<Isolated, AppError> {
    Isolated::this_program(&[EXTRACT_TEXT]).map_err(|e| AppError::Storage { message: e.to_string() })
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

/// The file's bytes, refused before reading when over the documents' size limit.
fn read_file(path: &Path) -> Result<Vec<u8>, StoreError> {
    let meta = std::fs::metadata(path).map_err(|e| DomainError::invalid("file", format!("{}: {e}", path.display())))?;
    if !meta.is_file() {
        return Err(DomainError::invalid("file", format!("{} is not a file", path.display())).into());
    }
    document::check_size(meta.len())?;
    Ok(std::fs::read(path).map_err(|e| DomainError::invalid("file", format!("{}: {e}", path.display())))?)
}

fn not_granted(e: NotGranted) -> AppError {
    AppError::Storage { message: e.to_string() }
}

/// Attaches the file at `path` (granted, see `chosen`) to the candidate, after creating them
/// when `create` says so: one step, so a refusal keeps neither the bytes nor the new
/// candidate. A resume's text is read and kept for search and the resume view. Returns why a
/// resume's text could not be read, if it could not (the file is attached all the same).
pub(crate) fn attach(
    store: &mut Store,
    user: &talentdesk_domain::user::User,
    create: Option<Mutation>,
    candidate_id: Uuid,
    upload: &Upload,
    path: &Path,
    reader: &Isolated,
) -> Result<Option<String>, StoreError> {
    let bytes = read_file(path)?;
    let new = NewDocument { candidate_id, name: file_name(&upload.path), kind: upload.kind, bytes: &bytes };
    store.attach(user, create, new)?;
    if upload.kind != DocumentKind::Resume {
        return Ok(None);
    }
    // A resume that cannot be read is still attached, and shows as a resume on file; the
    // text of an earlier one stays searchable.
    match talentdesk_resume::text_of(reader, &bytes) {
        Ok(text) => {
            store.set_resume_text(candidate_id, Some(&text))?;
            Ok(None)
        }
        Err(e) => {
            if store.resume_text(candidate_id)?.is_none() {
                store.set_resume_text(candidate_id, Some(""))?;
            }
            Ok(Some(format!("attached, but its text could not be read: {e}")))
        }
    }
}

#[tauri::command]
pub async fn upload_documents(
    state: State<'_, AppState>,
    candidate: Uuid,
    files: Vec<Upload>,
) -> Result<Vec<UploadOutcome>, AppError> {
    let reader = reader()?;
    let files: Vec<_> = files.into_iter().map(|upload| (state.granted.readable(&upload.path), upload)).collect();
    let outcomes = with_store(&state, move |store, user| {
        Ok(files
            .iter()
            .map(|(granted, upload)| {
                let attached = granted.as_ref().map_err(|e| e.to_string()).and_then(|path| {
                    attach(store, user, None, candidate, upload, path, &reader)
                        .map_err(|e| e.to_app_error().to_string())
                });
                let (error, note) = match attached {
                    Ok(note) => (None, note),
                    Err(e) => (Some(e), None),
                };
                UploadOutcome { name: file_name(&upload.path), error, note }
            })
            .collect())
    })
    .await?;
    state.changed();
    Ok(outcomes)
}

/// Deletes a document; the candidate's resume text follows their newest remaining resume.
#[tauri::command]
pub async fn delete_document(state: State<'_, AppState>, id: Uuid) -> Result<(), AppError> {
    let reader = reader()?;
    with_store(&state, move |store, user| {
        let gone = store.document(id)?;
        store.apply(user, Mutation::DocumentDelete { document_id: id })?;
        if gone.kind == DocumentKind::Resume {
            let text = match store.newest_resume(gone.candidate_id)? {
                Some(d) => store
                    .blob(&d.sha256)
                    .and_then(|p| std::fs::read(p).ok())
                    .and_then(|b| talentdesk_resume::text_of(&reader, &b).ok()),
                None => None,
            };
            store.set_resume_text(gone.candidate_id, text.as_deref())?;
        }
        Ok(())
    })
    .await?;
    state.changed();
    Ok(())
}

/// The document and its bytes: from this computer, or downloaded now from the team's server
/// (a teammate's document not kept offline).
async fn document_bytes(state: &State<'_, AppState>, id: Uuid) -> Result<(Document, Vec<u8>), AppError> {
    let (d, here) = with_store(state, move |store, _| {
        let d = store.document(id)?;
        let here = store.blob(&d.sha256);
        Ok((d, here))
    })
    .await?;
    let path = match here {
        Some(path) => path,
        None => {
            let fetcher = {
                let open = state.open.read().map_err(|_| crate::state::poisoned())?;
                open.as_ref().and_then(|o| o.session.as_ref()).map(|s| s.documents())
            };
            let fetcher = fetcher.ok_or_else(|| AppError::Storage {
                message: format!("the file of {} is not on this computer", d.name),
            })?;
            fetcher
                .file(&d.sha256)
                .await
                .map_err(|e| AppError::Storage { message: format!("{} could not be downloaded: {e}", d.name) })?
        }
    };
    let bytes = std::fs::read(&path).map_err(|e| AppError::Storage { message: format!("{}: {e}", path.display()) })?;
    Ok((d, bytes))
}

/// The document's bytes, for the window to show itself (the resume view draws PDFs). They go
/// as a raw buffer, not as JSON.
#[tauri::command]
pub async fn document_content(state: State<'_, AppState>, id: Uuid) -> Result<tauri::ipc::Response, AppError> {
    let (_, bytes) = document_bytes(&state, id).await?;
    Ok(tauri::ipc::Response::new(bytes))
}

/// Opens a copy of the document in the system's viewer, under its own name so the system
/// picks the right one. Only document types whose viewers run no code are opened (a
/// teammate's `cv.exe` is not run); the copy goes in the app's private folder, removed when
/// the document or candidate is deleted, at sign-out and at the next start.
#[tauri::command]
pub async fn open_document(state: State<'_, AppState>, id: Uuid) -> Result<(), AppError> {
    let (d, bytes) = document_bytes(&state, id).await?;
    document::check_openable(&d.name).map_err(|e| StoreError::from(e).to_app_error())?;
    let io = |e: std::io::Error| AppError::Storage { message: format!("cannot open {}: {e}", d.name) };
    let path = state.opened_copies.write(&d, &bytes).map_err(io)?;
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener).arg(&path).spawn().map_err(io)?;
    Ok(())
}

/// Which of these document names "Open" may hand to the system's viewer; the others are
/// offered as "Save a copy" only.
#[tauri::command]
pub fn openable_documents(names: Vec<String>) -> Vec<bool> {
    names.iter().map(|name| document::check_openable(name).is_ok()).collect()
}

/// Saves a copy of the document where the user chose in the Save dialog.
#[tauri::command]
pub async fn save_document(state: State<'_, AppState>, id: Uuid, path: PathBuf) -> Result<(), AppError> {
    let target = state.granted.writable(&path).map_err(not_granted)?;
    let (_, bytes) = document_bytes(&state, id).await?;
    std::fs::write(&target, bytes)
        .map_err(|e| AppError::Storage { message: format!("cannot save {}: {e}", path.display()) })
}

/// Parse Resume: what one of the candidate's resumes says, and their profile with it put in.
#[tauri::command]
pub async fn read_resume(state: State<'_, AppState>, document: Uuid) -> Result<ResumeReading, AppError> {
    let reader = reader()?;
    let (d, bytes) = document_bytes(&state, document).await?;
    with_store(&state, move |store, user| {
        let mut reading = reading(store, &reader, &bytes)?;
        let current = store.profile(user, d.candidate_id)?.candidate.profile;
        reading.profile = reading.parsed.apply_to(&current);
        reading.duplicates.retain(|row| row.id != d.candidate_id);
        Ok(reading)
    })
    .await
}

/// A new candidate from a resume file: what it says, and who may already be here.
#[tauri::command]
pub async fn read_resume_file(state: State<'_, AppState>, path: PathBuf) -> Result<ResumeReading, AppError> {
    let reader = reader()?;
    let path = state.granted.readable(&path).map_err(not_granted)?;
    with_store(&state, move |store, _| {
        let bytes = read_file(&path)?;
        reading(store, &reader, &bytes)
    })
    .await
}

fn reading(store: &Store, reader: &Isolated, bytes: &[u8]) -> Result<ResumeReading, StoreError> {
    let (_, parsed) =
        talentdesk_resume::parse_file(reader, bytes).map_err(|e| DomainError::invalid("file", e.to_string()))?;
    let profile = parsed.to_profile();
    let duplicates = store.possible_duplicates(&profile)?;
    Ok(ResumeReading { parsed, profile, duplicates })
}

/// Saves a new Recruiter Generated candidate from a corrected resume reading, with the resume
/// attached, in one step (refused, neither is kept, so trying again makes no duplicate);
/// returns their id.
#[tauri::command]
pub async fn create_from_resume(state: State<'_, AppState>, profile: Profile, path: PathBuf) -> Result<Uuid, AppError> {
    let reader = reader()?;
    let granted = state.granted.readable(&path).map_err(not_granted)?;
    let id = with_store(&state, move |store, user| {
        let id = new_id();
        let create =
            Mutation::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::RecruiterGenerated };
        let upload = Upload { path, kind: DocumentKind::Resume };
        attach(store, user, Some(create), id, &upload, &granted, &reader)?;
        Ok(id)
    })
    .await?;
    state.changed();
    Ok(id)
}

/// Download Resumes: the newest resume of each chosen candidate, in one zip at `path` (chosen
/// in the Save dialog, or a new file in the exports folder).
#[tauri::command]
pub async fn download_resumes(
    state: State<'_, AppState>,
    selection: Selection,
    path: PathBuf,
) -> Result<ResumesZip, AppError> {
    let path = state.granted.writable(&path).map_err(not_granted)?;
    with_store(&state, move |store, user| store.download_resumes(user, &selection, &path)).await
}

/// The documents' size limit, for the window to check before uploading.
#[tauri::command]
pub fn document_limit() -> u64 {
    MAX_DOCUMENT_BYTES
}
