//! Download Resumes: the newest resume of each chosen candidate (at most 50, the bulk
//! limit) in one zip, each file named after its candidate. Resumes whose bytes are not on this
//! computer are listed instead; the zip appears only when complete.

use std::io::Write;
use std::path::Path;

use serde::Serialize;
use talentdesk_domain::bulk::BulkAction;
use talentdesk_domain::document::sanitize_name;
use talentdesk_domain::search::Selection;
use talentdesk_domain::user::User;
use ts_rs::TS;

use crate::{Store, StoreError};

/// What a Download Resumes wrote.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ResumesZip {
    pub written: u32,
    /// Candidates without a resume, or whose resume is not on this computer.
    pub missing: Vec<String>,
}

impl Store {
    pub fn download_resumes(&self, actor: &User, selection: &Selection, path: &Path) -> Result<ResumesZip, StoreError> {
        let ids = self.select(actor, selection, BulkAction::DownloadResumes)?;
        let error = |e: &dyn std::fmt::Display| StoreError::Export(format!("{}: {e}", path.display()));
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let temp = tempfile::NamedTempFile::new_in(dir).map_err(|e| error(&e))?;
        let mut zip = zip::ZipWriter::new(temp.reopen().map_err(|e| error(&e))?);
        let mut outcome = ResumesZip { written: 0, missing: Vec::new() };
        let mut names: Vec<String> = Vec::new();
        for id in ids {
            let view = self.profile(actor, id)?;
            let person =
                format!("{} {}", view.candidate.profile.first_name, view.candidate.profile.last_name).trim().to_owned();
            let bytes = self
                .newest_resume(id)?
                .and_then(|d| self.blob(&d.sha256).map(|p| (d, p)))
                .and_then(|(d, p)| std::fs::read(p).ok().map(|b| (d, b)));
            let Some((document, bytes)) = bytes else {
                outcome.missing.push(person);
                continue;
            };
            let mut name = sanitize_name(&format!("{person} - {}", document.name))?;
            if names.contains(&name) {
                name = format!("{} ({})", name, names.len() + 1);
            }
            zip.start_file(&name, zip::write::SimpleFileOptions::default()).map_err(|e| error(&e))?;
            zip.write_all(&bytes).map_err(|e| error(&e))?;
            names.push(name);
            outcome.written += 1;
        }
        zip.finish().map_err(|e| error(&e))?.sync_all().map_err(|e| error(&e))?;
        temp.persist(path).map_err(|e| error(&e.error))?;
        Ok(outcome)
    }
}
