//! Documents and resumes in the window: uploads from the file dialog or dropped files, opening
//! and saving a copy, and reading resumes (Parse Resume, a new candidate from a resume). Resume
//! files are read in a child process (this binary with `--extract-text`), never in the app.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::document::{self, Document, DocumentKind, MAX_DOCUMENT_BYTES};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_domain::{DomainError, new_id};
use talentdesk_resume::{Isolated, ParsedResume};
use talentdesk_store::views::CandidateRow;
use talentdesk_store::{AppError, ResumesZip, Store, StoreError};
use tauri::State;
use ts_rs::TS;
use uuid::Uuid;

use crate::commands::with_store;
use crate::state::AppState;

/// The argument that makes this binary the isolated resume reader.
pub const EXTRACT_TEXT: &str = "--extract-text";

/// A file to attach, as the user typed it.
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

fn reader() -> Result<Isolated, AppError> {
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

/// Keeps the bytes (content-addressed, stored once) and attaches them to the candidate; a
/// resume's text is read and kept for search and the resume view. Returns why a resume's
/// text could not be read, if it could not (the file is attached all the same).
fn attach(
    store: &mut Store,
    user: &talentdesk_domain::user::User,
    candidate_id: Uuid,
    upload: &Upload,
    reader: &Isolated,
) -> Result<Option<String>, StoreError> {
    let bytes = read_file(&upload.path)?;
    let sha256 = store.put_blob(&bytes)?;
    let document = Document {
        id: new_id(),
        candidate_id,
        name: file_name(&upload.path),
        kind: upload.kind,
        sha256,
        size: bytes.len() as u64,
        uploaded_at: chrono::Utc::now(),
    };
    store.apply(user, Mutation::DocumentAttach { document })?;
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
    let outcomes = with_store(&state, move |store, user| {
        Ok(files
            .iter()
            .map(|upload| {
                let (error, note) = match attach(store, user, candidate, upload, &reader) {
                    Ok(note) => (None, note),
                    Err(e) => (Some(e.to_app_error().to_string()), None),
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

/// Opens a copy of the document (under its own name, so the system picks the right viewer).
#[tauri::command]
pub async fn open_document(state: State<'_, AppState>, id: Uuid) -> Result<(), AppError> {
    let (d, bytes) = document_bytes(&state, id).await?;
    let dir = std::env::temp_dir().join(format!("talentdesk-{}", d.id));
    let path = dir.join(&d.name);
    let io = |e: std::io::Error| AppError::Storage { message: format!("cannot open {}: {e}", d.name) };
    std::fs::create_dir_all(&dir).map_err(io)?;
    std::fs::write(&path, bytes).map_err(io)?;
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

/// Saves a copy of the document where the user picked.
#[tauri::command]
pub async fn save_document(state: State<'_, AppState>, id: Uuid, path: PathBuf) -> Result<(), AppError> {
    let (_, bytes) = document_bytes(&state, id).await?;
    std::fs::write(&path, bytes)
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
    with_store(&state, move |store, _| {
        let bytes = read_file(&path)?;
        reading(store, &reader, &bytes)
    })
    .await
}

fn reading(store: &Store, reader: &Isolated, bytes: &[u8]) -> Result<ResumeReading, StoreError> {
    let text = talentdesk_resume::text_of(reader, bytes).map_err(|e| DomainError::invalid("file", e.to_string()))?;
    let parsed = talentdesk_resume::parse(&text);
    let profile = parsed.to_profile();
    let duplicates = store.possible_duplicates(&profile)?;
    Ok(ResumeReading { parsed, profile, duplicates })
}

/// Saves a new Recruiter Generated candidate from a corrected resume reading, with the resume
/// attached; returns their id.
#[tauri::command]
pub async fn create_from_resume(state: State<'_, AppState>, profile: Profile, path: PathBuf) -> Result<Uuid, AppError> {
    let reader = reader()?;
    let id = with_store(&state, move |store, user| {
        let id = new_id();
        store.apply(
            user,
            Mutation::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::RecruiterGenerated },
        )?;
        attach(store, user, id, &Upload { path, kind: DocumentKind::Resume }, &reader)?;
        Ok(id)
    })
    .await?;
    state.changed();
    Ok(id)
}

/// Download Resumes: the newest resume of each chosen candidate, in one zip at `path`.
#[tauri::command]
pub async fn download_resumes(
    state: State<'_, AppState>,
    selection: Selection,
    path: PathBuf,
) -> Result<ResumesZip, AppError> {
    with_store(&state, move |store, user| store.download_resumes(user, &selection, &path)).await
}

/// The documents' size limit, for the window to check before uploading.
#[tauri::command]
pub fn document_limit() -> u64 {
    MAX_DOCUMENT_BYTES
}
