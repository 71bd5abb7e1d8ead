//! Export: candidates' data as CSV or XLSX (one row per candidate) or TXT (one block per
//! candidate), with the fields the user chose. Export Full Profile (every field of one candidate) answers a
//! candidate's request for their data; the bulk Export writes up to 100,000.
//!
//! What is exported is what the viewer may see (a private note of someone else's is not).

use std::io::Write;

use serde::{Deserialize, Serialize};
use talentdesk_domain::user::User;
use ts_rs::TS;
use uuid::Uuid;

use crate::views::{EventMembership, ProfileView};
use crate::{Store, StoreError};

mod attendees;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportFormat {
    Csv,
    Xlsx,
    Txt,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Txt => "txt",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportField {
    Name,
    Email,
    Phone,
    Location,
    CurrentTitle,
    CurrentEmployer,
    Employment,
    Education,
    Skills,
    Interests,
    Links,
    Tags,
    ActivityStatus,
    ProfileType,
    Status,
    Preferences,
    CustomFields,
    Created,
    Updated,
    Notes,
    Applications,
    Pipelines,
    Events,
    Messages,
    Documents,
    History,
}

impl ExportField {
    /// The profile fields a default export writes (`talentdesk-cli export` without `--fields`):
    /// what an import maps back onto a profile.
    pub const PROFILE: [ExportField; 9] = [
        ExportField::Name,
        ExportField::Email,
        ExportField::Phone,
        ExportField::Location,
        ExportField::CurrentTitle,
        ExportField::CurrentEmployer,
        ExportField::Skills,
        ExportField::Links,
        ExportField::Tags,
    ];

    pub const ALL: [ExportField; 26] = [
        ExportField::Name,
        ExportField::Email,
        ExportField::Phone,
        ExportField::Location,
        ExportField::CurrentTitle,
        ExportField::CurrentEmployer,
        ExportField::Employment,
        ExportField::Education,
        ExportField::Skills,
        ExportField::Interests,
        ExportField::Links,
        ExportField::Tags,
        ExportField::ActivityStatus,
        ExportField::ProfileType,
        ExportField::Status,
        ExportField::Preferences,
        ExportField::CustomFields,
        ExportField::Created,
        ExportField::Updated,
        ExportField::Notes,
        ExportField::Applications,
        ExportField::Pipelines,
        ExportField::Events,
        ExportField::Messages,
        ExportField::Documents,
        ExportField::History,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ExportField::Name => "Name",
            ExportField::Email => "Email",
            ExportField::Phone => "Phone",
            ExportField::Location => "Location",
            ExportField::CurrentTitle => "Current title",
            ExportField::CurrentEmployer => "Current employer",
            ExportField::Employment => "Employment",
            ExportField::Education => "Education",
            ExportField::Skills => "Skills",
            ExportField::Interests => "Areas of interest",
            ExportField::Links => "Links",
            ExportField::Tags => "Tags",
            ExportField::ActivityStatus => "Activity status",
            ExportField::ProfileType => "Profile type",
            ExportField::Status => "Eligible, active, subscribed",
            ExportField::Preferences => "Preferences",
            ExportField::CustomFields => "Custom fields",
            ExportField::Created => "Created",
            ExportField::Updated => "Updated",
            ExportField::Notes => "Notes",
            ExportField::Applications => "Job applications",
            ExportField::Pipelines => "Pipelines",
            ExportField::Events => "Events",
            ExportField::Messages => "Messages",
            ExportField::Documents => "Documents",
            ExportField::History => "History",
        }
    }

    /// The columns the field takes in a CSV or XLSX row. The name and the location take one a
    /// part, so a file exported from Talentdesk imports back as it was: "Ana Maria Souza" does
    /// not say where the last name starts, nor "Lisbon, Lisboa" whether Lisboa is a region or
    /// a country.
    fn columns(self) -> Vec<&'static str> {
        match self {
            ExportField::Name => vec!["First name", "Last name"],
            ExportField::Location => vec!["City", "Region", "Country"],
            other => vec![other.label()],
        }
    }

    /// The field's cells in a CSV or XLSX row, one a column; several values joined with "; ".
    fn cells(self, v: &ProfileView) -> Vec<String> {
        let p = &v.candidate.profile;
        match self {
            ExportField::Name => vec![p.first_name.clone(), p.last_name.clone()],
            ExportField::Location => {
                let l = &p.location;
                vec![l.city.clone(), l.region.clone(), l.country.clone()]
            }
            other => vec![other.values(v).join("; ")],
        }
    }

    /// The field's values for one candidate, one per line of a TXT block.
    fn values(self, v: &ProfileView) -> Vec<String> {
        let c = &v.candidate;
        let p = &c.profile;
        let one = |s: String| if s.is_empty() { Vec::new() } else { vec![s] };
        let time = |t: &talentdesk_domain::Timestamp| t.format("%Y-%m-%d %H:%M UTC").to_string();
        let span = |start: &Option<String>, end: &Option<String>| {
            format!("{} – {}", start.as_deref().unwrap_or("?"), end.as_deref().unwrap_or("present"))
        };
        match self {
            ExportField::Name => one(p.full_name()),
            ExportField::Email => p.email.clone().into_iter().collect(),
            ExportField::Phone => p.phone.clone().into_iter().collect(),
            ExportField::Location => {
                let l = &p.location;
                one([&l.city, &l.region, &l.country]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", "))
            }
            ExportField::CurrentTitle => one(p.current_title.clone()),
            ExportField::CurrentEmployer => one(p.current_employer.clone()),
            ExportField::Employment => p
                .employment
                .iter()
                .map(|e| format!("{} at {} ({})", e.title, e.employer, span(&e.start, &e.end)))
                .collect(),
            ExportField::Education => p
                .education
                .iter()
                .map(|e| {
                    format!("{} {}, {} ({})", e.degree, e.major, e.school, span(&e.start, &e.end)).trim().to_owned()
                })
                .collect(),
            ExportField::Skills => p.skills.clone(),
            ExportField::Interests => p.interests.clone(),
            ExportField::Links => p.links.iter().map(|l| l.url.clone()).collect(),
            ExportField::Tags => v.tags.clone(),
            ExportField::ActivityStatus => vec![c.activity.label().to_owned()],
            ExportField::ProfileType => vec![c.profile_type.label().to_owned()],
            ExportField::Status => vec![format!(
                "{}, {}, {}",
                if c.eligible { "eligible" } else { "ineligible" },
                if c.active { "active" } else { "inactive" },
                if c.subscribed { "subscribed" } else { "unsubscribed" }
            )],
            ExportField::Preferences => {
                let mut out = Vec::new();
                if let Some(r) = p.willing_to_relocate {
                    out.push(format!("Willing to relocate: {}", if r { "yes" } else { "no" }));
                }
                if let Some(level) = p.desired_level {
                    out.push(format!("Desired level: {}", level.label()));
                }
                if let Some(t) = p.employment_type {
                    out.push(format!("Employment type: {}", t.label()));
                }
                if !p.languages.is_empty() {
                    out.push(format!("Languages: {}", p.languages.join(", ")));
                }
                if let Some(m) = p.preferred_communication {
                    out.push(format!("Preferred communication: {}", m.label()));
                }
                out
            }
            ExportField::CustomFields => v
                .custom_fields
                .iter()
                .filter_map(|f| p.custom_fields.get(&f.key).map(|value| format!("{}: {value}", f.label)))
                .collect(),
            ExportField::Created => vec![time(&c.created_at)],
            ExportField::Updated => vec![time(&c.updated_at)],
            ExportField::Notes => v
                .notes
                .iter()
                .map(|n| {
                    let private = if n.note.private { " (private)" } else { "" };
                    format!("{} {}{private}: {}", time(&n.note.created_at), n.author_name, n.note.body)
                })
                .collect(),
            ExportField::Applications => v
                .applications
                .iter()
                .map(|a| format!("{}: {} ({})", a.job_title, a.application.hiring_status, a.application.bin))
                .collect(),
            ExportField::Pipelines => {
                v.pipelines.iter().map(|m| format!("{}: {}", m.pipeline_name, m.status)).collect()
            }
            ExportField::Events => v.events.iter().map(|e| membership(e, time)).collect(),
            ExportField::Messages => v
                .emails
                .iter()
                .chain(&v.texts)
                .map(|m| format!("{} from {}: {}", time(&m.message.queued_at), m.sender_name, m.message.subject))
                .collect(),
            ExportField::Documents => v
                .documents
                .iter()
                .map(|d| format!("{} ({}, {})", d.name, d.kind.label(), time(&d.uploaded_at)))
                .collect(),
            ExportField::History => {
                v.history.iter().map(|h| format!("{} {} by {}", time(&h.at), h.action.label(), h.actor_email)).collect()
            }
        }
    }
}

/// An event membership in words: "Spring Career Fair: registered, attended (checked in 2026-04-14
/// 10:05 UTC by rita@acme.example), rated 4 by rita@acme.example".
fn membership(e: &EventMembership, time: impl Fn(&talentdesk_domain::Timestamp) -> String) -> String {
    let m = &e.member;
    let mut facts = Vec::new();
    if m.walk_in {
        facts.push("walk-in".to_owned());
    } else if m.registered {
        facts.push("registered".to_owned());
    }
    match (m.attended, m.checked_in_at, &m.checked_in_by) {
        (true, Some(at), Some(by)) => facts.push(format!("attended (checked in {} by {by})", time(&at))),
        (true, ..) => facts.push("attended".to_owned()),
        _ => {}
    }
    if !m.interests.is_empty() {
        facts.push(format!("interested in {}", m.interests.join(", ")));
    }
    facts.extend(m.ratings.iter().map(|(by, stars)| format!("rated {stars} by {by}")));
    format!("{}: {}", e.event.name, facts.join(", "))
}

/// Writes candidates one at a time, so a long export can report progress and stop between
/// them.
pub struct Exporter<W: Write> {
    out: W,
    format: ExportFormat,
    fields: Vec<ExportField>,
    written: u64,
    /// An XLSX export's workbook: its sheet is written row by row to a temporary file
    /// (constant memory), the workbook to `out` at the end.
    book: Option<rust_xlsxwriter::Workbook>,
}

impl<W: Write> Exporter<W> {
    /// Starts an export (writing the header row of a CSV or XLSX). Fields keep the order of
    /// [`ExportField::ALL`] and appear once; none chosen is refused.
    pub fn new(out: W, format: ExportFormat, fields: &[ExportField]) -> Result<Self, StoreError> {
        let fields: Vec<ExportField> = ExportField::ALL.into_iter().filter(|f| fields.contains(f)).collect();
        if fields.is_empty() {
            return Err(talentdesk_domain::DomainError::invalid("fields", "choose at least one field to export").into());
        }
        let header: Vec<String> = fields.iter().flat_map(|f| f.columns()).map(str::to_owned).collect();
        let mut exporter = Self { out, format, fields, written: 0, book: None };
        match format {
            ExportFormat::Csv => {
                let cells: Vec<String> = header.iter().map(|l| csv_cell(l)).collect();
                writeln!(exporter.out, "{}", cells.join(",")).map_err(io)?;
            }
            ExportFormat::Xlsx => {
                let mut book = rust_xlsxwriter::Workbook::new();
                book.add_worksheet_with_constant_memory().and_then(|s| s.set_name("Candidates")).map_err(xlsx)?;
                exporter.book = Some(book);
                exporter.xlsx_row(&header, true)?;
            }
            ExportFormat::Txt => {}
        }
        Ok(exporter)
    }

    /// Row `self.written + 1` of the sheet (the header is row 0), every cell a text cell: a
    /// workbook's text never runs as a formula, so nothing needs the CSV's apostrophe.
    fn xlsx_row(&mut self, cells: &[String], header: bool) -> Result<(), StoreError> {
        let row = if header { 0 } else { u32::try_from(self.written + 1).map_err(|_| too_large())? };
        let sheet = self.book.as_mut().map(|b| b.worksheet_from_index(0)).transpose().map_err(xlsx)?;
        let sheet = sheet.ok_or_else(|| StoreError::Export("no workbook to write to".into()))?;
        let bold = rust_xlsxwriter::Format::new().set_bold();
        for (col, cell) in cells.iter().enumerate() {
            let col = u16::try_from(col).map_err(|_| too_large())?;
            if header {
                sheet.write_string_with_format(row, col, cell, &bold).map_err(xlsx)?;
            } else {
                sheet.write_string(row, col, cell).map_err(xlsx)?;
            }
        }
        Ok(())
    }

    /// Writes candidate `id` as `viewer` may see them.
    pub fn write(&mut self, store: &Store, viewer: &User, id: Uuid) -> Result<(), StoreError> {
        let view = store.profile(viewer, id)?;
        match self.format {
            ExportFormat::Csv => {
                let cells: Vec<String> =
                    self.fields.iter().flat_map(|f| f.cells(&view)).map(|c| csv_cell(&c)).collect();
                writeln!(self.out, "{}", cells.join(",")).map_err(io)?;
            }
            ExportFormat::Xlsx => {
                let cells: Vec<String> = self.fields.iter().flat_map(|f| f.cells(&view)).collect();
                self.xlsx_row(&cells, false)?;
            }
            ExportFormat::Txt => {
                if self.written > 0 {
                    writeln!(self.out, "\n{}\n", "-".repeat(60)).map_err(io)?;
                }
                for field in &self.fields {
                    match field.values(&view).as_slice() {
                        [] => writeln!(self.out, "{}: —", field.label()),
                        [one] if !one.contains('\n') => writeln!(self.out, "{}: {one}", field.label()),
                        many => {
                            writeln!(self.out, "{}:", field.label()).map_err(io)?;
                            many.iter().try_for_each(|v| writeln!(self.out, "  - {}", v.replace('\n', "\n    ")))
                        }
                    }
                    .map_err(io)?;
                }
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Flushes (an XLSX export: writes its workbook) and hands back the writer.
    pub fn finish(mut self) -> Result<W, StoreError> {
        if let Some(mut book) = self.book.take() {
            self.out.write_all(&book.save_to_buffer().map_err(xlsx)?).map_err(io)?;
        }
        self.out.flush().map_err(io)?;
        Ok(self.out)
    }
}

fn xlsx(e: rust_xlsxwriter::XlsxError) -> StoreError {
    StoreError::Export(e.to_string())
}

fn too_large() -> StoreError {
    StoreError::Export("too many rows or columns for a worksheet".into())
}

/// One CSV cell (RFC 4180). A value a spreadsheet would run as a formula (=, +, -, @ first) is
/// kept as text by a leading apostrophe: exported data must not run in whoever opens it.
fn csv_cell(value: &str) -> String {
    let value =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() };
    if value.contains([',', '"', '\n', '\r']) { format!("\"{}\"", value.replace('"', "\"\"")) } else { value }
}

fn io(e: std::io::Error) -> StoreError {
    StoreError::Export(e.to_string())
}

/// A file being written by [`write_whole`].
pub type Whole = std::io::BufWriter<std::fs::File>;

/// Writes the file at `path` whole or not at all: `write` fills a temporary file beside it,
/// which takes the name (replacing an existing file) only when `write` hands the file back.
/// A failed or abandoned (`None`) write leaves nothing behind. Returns whether it was written.
pub fn write_whole(
    path: &std::path::Path,
    write: impl FnOnce(Whole) -> Result<Option<Whole>, StoreError>,
) -> Result<bool, StoreError> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let temp =
        tempfile::NamedTempFile::new_in(dir).map_err(|e| StoreError::Export(format!("{}: {e}", dir.display())))?;
    let Some(file) = write(std::io::BufWriter::new(temp.reopen().map_err(io)?))? else { return Ok(false) };
    file.into_inner().map_err(|e| io(e.into_error()))?.sync_all().map_err(io)?;
    temp.persist(path).map_err(|e| StoreError::Export(format!("{}: {}", path.display(), e.error)))?;
    Ok(true)
}

/// Candidates written between two progress reports (and between two chances to cancel).
pub const EXPORT_BATCH: usize = 500;

/// Exports `ids` to the file at `path`, batch by batch through `write` (which takes the store
/// only for one batch, so other work can go between), reporting after each. The file appears
/// at `path` only when every candidate is in it: a cancelled or failed export leaves nothing
/// behind, and an existing file is replaced only then.
pub fn export_file(
    path: &std::path::Path,
    format: ExportFormat,
    fields: &[ExportField],
    ids: &[Uuid],
    cancel: &std::sync::atomic::AtomicBool,
    mut write: impl FnMut(&mut Exporter<std::io::BufWriter<std::fs::File>>, &[Uuid]) -> Result<(), StoreError>,
    mut report: impl FnMut(&crate::bulk::BulkProgress),
) -> crate::bulk::BulkProgress {
    use crate::bulk::{BulkEnd, BulkProgress};
    let mut progress = BulkProgress::new(ids.len());
    let result = write_whole(path, |file| {
        let mut exporter = Exporter::new(file, format, fields)?;
        for chunk in ids.chunks(EXPORT_BATCH) {
            if cancel.load(std::sync::atomic::Ordering::Relaxed) {
                return Ok(None);
            }
            write(&mut exporter, chunk)?;
            progress.done += chunk.len() as u64;
            progress.affected = progress.done;
            report(&progress);
        }
        exporter.finish().map(Some)
    })
    .map(|written| if written { BulkEnd::Finished } else { BulkEnd::Cancelled });
    progress.end = Some(result.unwrap_or_else(|e: StoreError| BulkEnd::Failed { error: e.to_app_error() }));
    report(&progress);
    progress
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("Souza, Ana"), "\"Souza, Ana\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
    }
}
