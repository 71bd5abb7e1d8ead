//! Import from spreadsheets and ATS exports.
//!
//! The steps, each its own call so a window can show each one:
//! 1. [`read::open`] a file (CSV streamed in any common encoding and delimiter; XLSX, XLS,
//!    ODS, first sheet or a chosen one) and look at its header and first rows;
//! 2. [`mapping::guess`] which field each column goes to, edit the [`Mapping`] (JSON);
//! 3. [`plan::plan`]: every row checked with the domain's validation and deduplicated against
//!    the database and the file — counts, preview, reasons — nothing written yet;
//! 4. [`write::write`] the plan in batches of `candidate.import` (and tags, notes, events,
//!    pipelines) mutations, with progress and cancel; then the [`Report`] and
//!    [`write::write_errors`], the rows not imported as CSV with a Reason column.

mod error;
pub mod mapping;
pub mod plan;
pub mod read;
pub mod resumes;
pub mod row;
pub mod write;

pub use error::{ImportError, ImportProblem, RowProblem};
pub use mapping::{Mapping, Target};
pub use plan::{Options, Plan};
pub use read::Table;
pub use write::Report;
