//! Resumes: their text, and the profile fields in it.
//!
//! - [`extract`] gets the text of a PDF, DOCX or plain-text resume (a DOCX's tables row by
//!   row: `word_table`; a table cell's phrases: `cells`). PDF extraction can panic and can
//!   loop forever on hostile files (see PLATFORM.md), so the app never runs it in its own
//!   process: [`isolated`] runs it in a child process with a time and a memory limit.
//! - [`positioned`] lays a PDF's characters out by their positions: rows, and a sidebar read
//!   after the column beside it; [`rtl`] puts right-to-left lines back in reading order.
//! - `text_columns` reads plain text laid out in two columns with spaces one column after the
//!   other.
//! - [`limits`] is what reading one file may cost: its size, its text, its DOCX parts.
//! - [`normalize`] makes that text uniform (NFKC, ligatures, private-use bullets, spaces).
//! - [`parse`] turns it into fields: name, contact, links, skills, employment, education.
//! - [`job_description`] reads a job ad for what candidates for it are ranked on.
//! - [`batch`] queues many files (folders and .zip archives unpacked safely) and reads them
//!   several at a time.

pub mod batch;
mod cells;
pub mod extract;
pub mod isolated;
pub mod job_description;
pub mod limits;
pub mod normalize;
pub mod parse;
mod positioned;
mod rtl;
mod text_columns;
mod word_table;

pub use extract::Extracted;
pub use extract::Format;
pub use isolated::Isolated;
pub use parse::{ParsedEducation, ParsedJob, ParsedResume, parse, parse_with_title};

/// The largest file read (the documents' size limit).
pub const MAX_BYTES: u64 = talentdesk_domain::document::MAX_DOCUMENT_BYTES;

/// Why a file gave no text. Each says what happened in words a recruiter understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
#[ts(export)]
pub enum ResumeError {
    #[error("this kind of file cannot be read as a resume ({0}); use a PDF, a Word (.docx) or a text file")]
    Unsupported(String),
    #[error("the PDF is protected with a password; save a copy without one to read it")]
    Protected,
    #[error("the file is damaged and could not be read: {0}")]
    Damaged(String),
    #[error("reading the file took longer than {0} s and was stopped")]
    TimedOut(#[ts(type = "number")] u64),
    /// Past one of [`limits`]; the detail names it ("the DOCX has more than 100 … parts").
    #[error("the file is too large to read as a resume: {0}")]
    TooLarge(String),
    #[error("the file could not be read: {0}")]
    Failed(String),
}

/// The text of a resume file, normalised, read in isolation.
pub fn text_of(isolated: &Isolated, bytes: &[u8]) -> Result<String, ResumeError> {
    Ok(normalize::normalize(&isolated.text_of(bytes)?))
}

/// What a resume file says, read in isolation: its text, normalised, and the fields in it.
pub fn parse_file(isolated: &Isolated, bytes: &[u8]) -> Result<(String, ParsedResume), ResumeError> {
    Ok(parse_extracted(isolated.read_of(bytes)?))
}

/// What an extracted file says: its text, normalised, and the fields in it and its title.
pub fn parse_extracted(extracted: Extracted) -> (String, ParsedResume) {
    let text = normalize::normalize(&extracted.text);
    let title = extracted.title.map(|t| normalize::normalize(&t));
    let parsed = parse_with_title(&text, title.as_deref());
    (text, parsed)
}
