//! What reading one resume may cost. Every desktop reads its teammates' resumes on its own
//! after a pull, so a hostile file (a zip bomb, a DOCX of a thousand headers, a PDF whose
//! streams inflate to gigabytes) must be refused with a reason, never allowed to take the
//! machine's memory. Each limit is far above any real resume: a 40-page CV has about 200 KB of
//! text in one document part, a handful of headers and footers, and reads in under 100 MB.

use crate::ResumeError;

/// The most text a resume may have (after extraction, before normalising).
pub const MAX_TEXT_BYTES: usize = 4 << 20;

/// The most DOCX parts read (the body, headers and footers; a document has up to six headers
/// and footers per section).
pub const MAX_DOCX_PARTS: usize = 100;

/// The most XML one DOCX part may inflate to.
pub const MAX_PART_BYTES: u64 = 16 << 20;

/// The most XML all the DOCX parts read may inflate to together.
pub const MAX_INFLATED_BYTES: u64 = 32 << 20;

/// How much more address space the reading child may take than it had when it started (its
/// program and libraries are mapped by then, and differ between the app and the CLI).
pub const MEMORY_BUDGET: u64 = 1 << 30;

/// Megabytes, as the messages give sizes.
pub fn mb(bytes: u64) -> u64 {
    bytes >> 20
}

/// The refusal for a file that would take more than a limit; `what` names the limit.
pub fn too_large(what: impl Into<String>) -> ResumeError {
    ResumeError::TooLarge(what.into())
}

/// What the reader says when it ran out of its memory budget.
pub fn out_of_memory() -> ResumeError {
    too_large(format!("reading it needed more than {} MB of memory", mb(MEMORY_BUDGET)))
}

/// Caps this process's address space at what it uses now plus [`MEMORY_BUDGET`]; only the
/// reading child calls it, at its start. An allocation past the cap fails, and the child ends
/// with Rust's "memory allocation of N bytes failed", which the parent reports as
/// [`out_of_memory`]. The limit is kept by Linux and the BSDs; macOS accepts it without
/// enforcing it, and Windows has no such limit for a process of its own: there the input size
/// and the DOCX and text limits above are what bound the reader.
#[cfg(unix)]
pub fn cap_memory() -> std::io::Result<()> {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let cap = address_space_in_use().saturating_add(MEMORY_BUDGET);
    // Never above a limit already set (raising the hard limit is not allowed).
    let limit = getrlimit(Resource::As).maximum.map_or(cap, |hard| hard.min(cap));
    setrlimit(Resource::As, Rlimit { current: Some(limit), maximum: Some(limit) })?;
    Ok(())
}

#[cfg(not(unix))]
pub fn cap_memory() -> std::io::Result<()> {
    Ok(())
}

/// The bytes of address space mapped now (Linux's `/proc/self/statm`; zero where it is not).
#[cfg(unix)]
fn address_space_in_use() -> u64 {
    let pages = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|statm| statm.split_whitespace().next()?.parse::<u64>().ok())
        .unwrap_or(0);
    pages.saturating_mul(rustix::param::page_size() as u64)
}
