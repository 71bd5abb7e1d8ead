//! Insights as a spreadsheet for a hiring manager: a summary sheet, then one sheet per chart
//! with its values, counts and shares, and the "other" and "unknown" rows.

use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use talentdesk_domain::search::Facet;

use super::{Chart, Insights};
use crate::StoreError;
use crate::export::write_whole;

/// A chart's sheet name (Excel allows 31 characters, no `/\?*[]:`).
fn sheet_name(facet: Facet) -> &'static str {
    match facet {
        Facet::Country => "Country",
        Facet::City => "City",
        Facet::Company => "Company",
        Facet::Title => "Title",
        Facet::Skill => "Skills",
        Facet::Interest => "Areas of interest",
        Facet::School => "School",
        Facet::Degree => "Degree",
        Facet::Major => "Major",
        Facet::Activity => "Activity status",
        Facet::Source => "Source",
        Facet::Years => "Years of experience",
    }
}

impl Insights {
    /// The workbook's bytes; `search` says in words what was searched (for the summary).
    pub fn to_xlsx(&self, search: &str) -> Result<Vec<u8>, StoreError> {
        let mut book = Workbook::new();
        let bold = Format::new().set_bold();
        let summary = book.add_worksheet().set_name("Summary").map_err(xlsx)?;
        summary.write_string_with_format(0, 0, "Search", &bold).map_err(xlsx)?;
        summary.write_string(0, 1, if search.trim().is_empty() { "All candidates" } else { search }).map_err(xlsx)?;
        summary.write_string_with_format(1, 0, "Candidates", &bold).map_err(xlsx)?;
        summary.write_number(1, 1, self.total as f64).map_err(xlsx)?;
        summary.set_column_width(0, 14).map_err(xlsx)?;
        summary.set_column_width(1, 60).map_err(xlsx)?;
        for chart in &self.charts {
            let sheet = book.add_worksheet().set_name(sheet_name(chart.facet)).map_err(xlsx)?;
            write_chart(sheet, chart, self.total).map_err(xlsx)?;
        }
        book.save_to_buffer().map_err(xlsx)
    }

    /// Saves [`Insights::to_xlsx`] at `path`, whole or not at all.
    pub fn save_xlsx(&self, search: &str, path: &Path) -> Result<(), StoreError> {
        let bytes = self.to_xlsx(search)?;
        write_whole(path, |mut file| {
            file.write_all(&bytes).map_err(|e| StoreError::Export(format!("{}: {e}", path.display())))?;
            Ok(Some(file))
        })?;
        Ok(())
    }
}

fn write_chart(sheet: &mut Worksheet, chart: &Chart, total: u64) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0.0%");
    for (col, title) in ["Value", "Candidates", "Share"].into_iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, title, &bold)?;
    }
    let rows = chart.bars.iter().map(|b| (b.label.as_str(), b.count, b.share));
    let share = |n: u64| if total == 0 { 0.0 } else { n as f64 / total as f64 };
    let rest = [("Other", chart.other, share(chart.other)), ("Unknown", chart.unknown, share(chart.unknown))];
    for (row, (label, count, share)) in rows.chain(rest.into_iter().filter(|(_, n, _)| *n > 0)).enumerate() {
        let row = row as u32 + 1;
        sheet.write_string(row, 0, label)?;
        sheet.write_number(row, 1, count as f64)?;
        sheet.write_number_with_format(row, 2, share, &percent)?;
    }
    sheet.set_column_width(0, 40)?;
    sheet.set_column_width(1, 12)?;
    sheet.set_column_width(2, 10)?;
    Ok(())
}

fn xlsx(e: XlsxError) -> StoreError {
    StoreError::Export(format!("the spreadsheet could not be written: {e}"))
}
