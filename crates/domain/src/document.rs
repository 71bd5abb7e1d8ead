//! Files attached to a candidate. The bytes live outside the database, content-addressed by
//! SHA-256; the record refers to the hash.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::validation::{self, limits};
use crate::{DomainError, Timestamp};

/// The largest document we accept, by default.
pub const MAX_DOCUMENT_BYTES: u64 = 25 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DocumentKind {
    Resume,
    CoverLetter,
    AdditionalDocument,
}

impl DocumentKind {
    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::Resume => "Resume",
            DocumentKind::CoverLetter => "Cover letter",
            DocumentKind::AdditionalDocument => "Additional document",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Document {
    pub id: Uuid,
    pub candidate_id: Uuid,
    pub name: String,
    pub kind: DocumentKind,
    /// Lowercase hex SHA-256 of the content.
    pub sha256: String,
    #[ts(type = "number")]
    pub size: u64,
    pub uploaded_at: Timestamp,
}

/// A file name made safe to show and to save: no path parts, no control or reserved characters.
pub fn sanitize_name(name: &str) -> Result<String, DomainError> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String =
        base.chars().map(|c| if c.is_control() || "<>:\"|?*".contains(c) { '_' } else { c }).collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_owned();
    let cleaned = validation::line("name", &cleaned, limits::SHORT_TEXT)?;
    if cleaned.is_empty() {
        return Err(DomainError::invalid("name", "is not a usable file name"));
    }
    Ok(cleaned)
}

/// The kinds of file "Open" may hand to the system's viewer: documents and pictures whose
/// usual viewers do not run code. A teammate's attachment named `cv.exe`, `.hta`, `.lnk`,
/// `.desktop` or `.sh` (or a macro-enabled `.docm`, a scriptable `.html` or `.svg`) would be
/// run rather than shown; those can only be saved.
const OPENABLE_EXTENSIONS: &[&str] = &[
    "pdf", "doc", "docx", "odt", "rtf", "txt", "md", "csv", "xls", "xlsx", "ods", "ppt", "pptx", "odp", "png", "jpg",
    "jpeg", "gif", "webp", "bmp", "tif", "tiff",
];

/// Refuses to open a document whose kind may run code; it may still be saved. Windows ignores
/// trailing dots and spaces (`cv.exe.` runs as `cv.exe`), so they do not count.
pub fn check_openable(name: &str) -> Result<(), DomainError> {
    let trimmed = name.trim_end_matches(['.', ' ']);
    let extension = trimmed.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase());
    match extension {
        Some(ext) if OPENABLE_EXTENSIONS.contains(&ext.as_str()) => Ok(()),
        _ => Err(DomainError::invalid(
            "document",
            format!(
                "{name} is not a document type Talentdesk opens, since it could run a program; use Save a copy instead"
            ),
        )),
    }
}

/// Checks that `sha256` is written as content addresses are: 64 lowercase hex digits.
pub fn check_sha256(sha256: &str) -> Result<(), DomainError> {
    if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        return Err(DomainError::invalid("sha256", "is not 64 lowercase hex digits"));
    }
    Ok(())
}

/// Checks a document's hash and size.
pub fn check_content(sha256: &str, size: u64) -> Result<(), DomainError> {
    check_sha256(sha256)?;
    check_size(size)
}

/// Refuses a file over the documents' size limit (before it is even read).
pub fn check_size(size: u64) -> Result<(), DomainError> {
    if size > MAX_DOCUMENT_BYTES {
        let mb = size as f64 / 1_048_576.0;
        let reason = format!("the file is {mb:.1} MB; the limit is {} MB", MAX_DOCUMENT_BYTES / 1_048_576);
        return Err(DomainError::invalid("size", reason));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_paths_and_reserved_characters() {
        assert_eq!(sanitize_name("C:\\Users\\ana\\CV: final?.pdf").unwrap(), "CV_ final_.pdf");
        assert_eq!(sanitize_name("../../etc/passwd").unwrap(), "passwd");
        assert_eq!(sanitize_name(".hidden.pdf").unwrap(), "hidden.pdf");
        assert!(sanitize_name("///").is_err());
    }

    #[test]
    fn only_document_types_open_and_programs_do_not() {
        let cases = [
            ("Resume 2026.pdf", true),
            ("CV.DOCX", true),
            ("letter.odt", true),
            ("notes.txt", true),
            ("photo.JPG", true),
            ("scan.png", true),
            ("old.rtf", true),
            ("cv.exe", false),
            ("cv.pdf.exe", false),
            ("cv.exe.", false),
            ("cv.exe .", false),
            ("report.hta", false),
            ("shortcut.lnk", false),
            ("launch.desktop", false),
            ("run.sh", false),
            ("macro.docm", false),
            ("page.html", false),
            ("drawing.svg", false),
            ("setup.msi", false),
            ("script.js", false),
            ("no extension", false),
            ("pdf", false),
        ];
        for (name, opens) in cases {
            assert_eq!(check_openable(name).is_ok(), opens, "{name}");
        }
        let err = check_openable("cv.exe").unwrap_err().to_string();
        assert!(err.contains("cv.exe") && err.contains("Save a copy"), "{err}");
    }

    #[test]
    fn content_checks_hash_and_size() {
        let hash = "a".repeat(64);
        assert!(check_content(&hash, 1000).is_ok());
        assert!(check_content("xyz", 1000).is_err());
        let err = check_content(&hash, 30 * 1024 * 1024).unwrap_err().to_string();
        assert!(err.contains("30.0 MB; the limit is 25 MB"), "{err}");
    }
}
