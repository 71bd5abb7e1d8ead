//! A table in a DOCX, row by row. A table under a header row of column headings ("Periode
//! Werkgever  Functie en werkzaamheden") is read as the reader reads one in a PDF
//! (`positioned::table`, both by [`cells::read`]): each row one line of its cells' names and
//! other cells, the rest of the names' cells (tasks under a title) on lines after it. Without
//! a header, a row whose cells hold a line each is one line, cells apart by a tab (a dates /
//! title / employer row), and a row of cells holding many paragraphs (a two-column layout)
//! gives each cell's lines in turn.

use crate::cells;
use crate::parse::{TableColumn, header_columns};

/// A table's rows as they end: the columns of its last header row.
#[derive(Default)]
pub(crate) struct Table {
    columns: Option<Vec<TableColumn>>,
}

impl Table {
    /// The lines of a row of `cells`, each a cell's paragraphs.
    pub(crate) fn row_lines(&mut self, cells: Vec<Vec<String>>) -> Vec<String> {
        // A cell's lines: its paragraphs, and the lines a break starts within one.
        let lines = |c: &Vec<String>| c.iter().flat_map(|p| p.lines()).filter(|l| !l.trim().is_empty()).count();
        let one_line_each = cells.iter().all(|c| lines(c) <= 1);
        let first_lines: Vec<&str> =
            cells.iter().map(|c| c.iter().map(|p| p.trim()).find(|p| !p.is_empty()).unwrap_or_default()).collect();
        // A header row starts a table's rows, or the next table's in the same Word table (the
        // education's under the work history's).
        if let Some(columns) = header_columns(first_lines.iter().copied()).filter(|c| c.len() >= 3 && one_line_each) {
            self.columns = Some(columns);
            return vec![first_lines.join("\t")];
        }
        if let Some(columns) = self.columns.as_deref().filter(|c| c.len() == cells.len()) {
            return by_columns(&cells, columns);
        }
        if one_line_each {
            return vec![first_lines.join("\t")];
        }
        if cells.iter().any(|c| c.len() > 1) {
            return cells.into_iter().flatten().collect();
        }
        let line: Vec<&str> = cells.iter().map(|c| c.first().map_or("", String::as_str)).collect();
        vec![line.join("\t")]
    }
}

/// A row under a header as the parser reads one (see [`cells::read`]): its cells' names and
/// other cells on one line, the rest of the names' cells on lines after it.
fn by_columns(cells: &[Vec<String>], columns: &[TableColumn]) -> Vec<String> {
    let mut row: Vec<String> = Vec::new();
    let mut after: Vec<String> = Vec::new();
    for (cell, role) in cells.iter().zip(columns) {
        let lines: Vec<String> =
            cell.iter().flat_map(|p| p.lines()).map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
        let reading = cells::read(&lines, *role);
        row.extend(reading.in_row.into_iter().map(|(_, text)| text));
        after.extend(reading.after.into_iter().map(|p| lines[p].join(" ")));
    }
    let mut lines = vec![row.join("\t")];
    lines.extend(after);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(cells: &[&[&str]]) -> Vec<Vec<String>> {
        cells.iter().map(|c| c.iter().map(|p| (*p).to_owned()).collect()).collect()
    }

    #[test]
    fn rows_under_a_header_are_read_by_its_columns() {
        let mut table = Table::default();
        let header = table.row_lines(cells(&[&["Periode"], &["Werkgever"], &["Functie en werkzaamheden"]]));
        assert_eq!(header, ["Periode\tWerkgever\tFunctie en werkzaamheden"]);
        let row = table.row_lines(cells(&[
            &["sep 2021 – heden"],
            &["Twentse Bank N.V.\nEnschede"],
            &["Hypotheekadviseur, Particulieren", "• Adviesgesprekken met starters", "• HDN-aanvragen"],
        ]));
        assert_eq!(
            row,
            [
                "sep 2021 – heden\tTwentse Bank N.V., Enschede\tHypotheekadviseur, Particulieren",
                "• Adviesgesprekken met starters",
                "• HDN-aanvragen"
            ]
        );
        // A range over two paragraphs is read whole.
        let row =
            table.row_lines(cells(&[&["feb – mei 2014", "en feb – mei 2015"], &["Belastingdienst"], &["Medewerker"]]));
        assert_eq!(row, ["feb – mei 2014 en feb – mei 2015\tBelastingdienst\tMedewerker"]);
    }

    #[test]
    fn a_title_over_its_employer_in_one_cell_is_two_cells() {
        let mut table = Table::default();
        table.row_lines(cells(&[&["Dates"], &["Post & Employer"], &["Main duties"]]));
        let row = table.row_lines(cells(&[
            &["Mar 2021 – present"],
            &["Charge Nurse (Band 6)\nBelfast Health and Social Care Trust", "Royal Victoria Hospital"],
            &["Nurse in charge"],
        ]));
        assert_eq!(
            row,
            [
                "Mar 2021 – present\tCharge Nurse (Band 6)\tBelfast Health and Social Care Trust\tNurse in charge",
                "Royal Victoria Hospital"
            ]
        );
    }

    #[test]
    fn a_second_header_in_the_same_table_reads_the_rows_under_it() {
        let mut table = Table::default();
        table.row_lines(cells(&[&["Period"], &["Employer"], &["Position"]]));
        table.row_lines(cells(&[&["", "Period"], &["Institution"], &["Degree"]]));
        let row =
            table.row_lines(cells(&[&["2014 – 2017"], &["Queen's University", "Belfast"], &["BSc Nursing", "2:1"]]));
        assert_eq!(row, ["2014 – 2017\tQueen's University, Belfast\tBSc Nursing 2:1"]);
    }

    #[test]
    fn a_layout_table_without_a_header_gives_its_cells_in_turn() {
        let mut table = Table::default();
        let row = table.row_lines(cells(&[&["Contact", "a@b.example"], &["Experience", "Nurse"]]));
        assert_eq!(row, ["Contact", "a@b.example", "Experience", "Nurse"]);
    }
}
