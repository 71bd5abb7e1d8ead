//! A CSV export rewritten as an XLSX workbook, row by row (constant memory: 100,000
//! candidates never sit in memory), every cell a text cell.

use std::path::Path;

use anyhow::Context;
use rust_xlsxwriter::{Format, Workbook};

/// Writes the CSV at `csv` as one sheet of the workbook at `out`. The CSV's apostrophe before
/// a formula-looking value is dropped: a text cell of a workbook never runs as a formula.
pub fn from_csv(csv: &Path, out: &Path) -> anyhow::Result<()> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_path(csv)?;
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet_with_constant_memory()?.set_name("Candidates")?;
    for (r, record) in reader.records().enumerate() {
        let record = record?;
        let r = u32::try_from(r).context("too many rows for a worksheet")?;
        for (c, cell) in record.iter().enumerate() {
            let c = u16::try_from(c).context("too many columns for a worksheet")?;
            let cell = match cell.strip_prefix('\'') {
                Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
                _ => cell,
            };
            if r == 0 {
                sheet.write_string_with_format(r, c, cell, &bold)?;
            } else {
                sheet.write_string(r, c, cell)?;
            }
        }
    }
    book.save(out).with_context(|| format!("{}", out.display()))?;
    Ok(())
}
