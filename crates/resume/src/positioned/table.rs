//! A table drawn by an office suite or a browser under a header row of column headings
//! ("Zeitraum  Tätigkeit  Arbeitgeber"), rebuilt row by row. Its cells hold several lines (a
//! title over its tasks, a school's name wrapped before its town) set at the top or in the
//! middle of the row, so one line of the page holds pieces of different cells' lines:
//! "02/2022 – heute  Modehaus Kersting, Dortmund" between a title's second and third lines.
//! Each row of the table becomes one line of cells, which the parser reads by its header
//! (`parse::history::table`).
//!
//! One table row is told from the next by the space between them (a cell's padding and
//! border make it wider than the space between a cell's lines) and, where rows are set closer
//! than that, by their dates: each row has one range.

use super::{Piece, Row, median};
use crate::parse::{TableColumn, header_columns, is_heading};

/// The rows with each table under a header row rebuilt, one line of cells per table row. A
/// table whose cells cannot be told apart (text runs across a column's edge) stays as it was.
pub(super) fn rebuilt(rows: Vec<Row>) -> Vec<Row> {
    let mut out = Vec::with_capacity(rows.len());
    let mut i = 0;
    while i < rows.len() {
        if let Some(columns) = header(&rows[i])
            && let Some((table, used)) = read(&rows[i], &rows[i + 1..i + 1 + extent(&rows, i)], &columns)
        {
            out.push(rows[i].clone());
            out.extend(table);
            i += 1 + used;
        } else {
            out.push(rows[i].clone());
            i += 1;
        }
    }
    out
}

/// The roles of a header row's cells, when every cell is a column heading.
pub(super) fn header(row: &Row) -> Option<Vec<TableColumn>> {
    if row.len() < 3 {
        return None;
    }
    header_columns(row.iter().map(|p| p.text.as_str()))
}

/// How many rows after the header at `at` may be the table's: up to a section's heading,
/// another header, larger type, or a wide space.
fn extent(rows: &[Row], at: usize) -> usize {
    // A header row may be set smaller than the rows under it ("ANNO  TITOLO  ISTITUTO" at 8.5
    // points over rows at 10): the type to compare with is the larger of it and the rows'
    // usual type, the median of the first few (one of them may be a larger sub-heading).
    let heading_size = rows[at].iter().map(|p| p.size).fold(0.0, f64::max);
    let below = median(rows[at + 1..].iter().take(3).flatten().map(|p| p.size)).unwrap_or_default();
    let size = heading_size.max(below);
    let mut above = rows[at][0].y;
    let mut count = 0;
    for row in &rows[at + 1..] {
        let larger = row.iter().any(|p| p.size > 1.15 * size);
        if larger || row[0].y - above > 4.0 * size || is_heading(&super::row_text(row)) || header(row).is_some() {
            break;
        }
        above = row[0].y;
        count += 1;
    }
    count
}

/// The table under `header` among `body`: its rebuilt rows, and how many of `body`'s rows they
/// took. None when no row has dates in the dates column, or the columns cannot be told apart.
fn read(header: &Row, body: &[Row], columns: &[TableColumn]) -> Option<(Vec<Row>, usize)> {
    let edges = edges(header, body);
    let size = header.iter().map(|p| p.size).fold(0.0, f64::max);
    // A piece across a column's edge is no cell: the table ended above it (a heading in the
    // table's first column, a paragraph under it).
    let across = |row: &Row| row.iter().any(|p| edges.iter().any(|&e| p.x0 < e - 0.3 * size && p.x1 > e + 0.3 * size));
    let used = body.iter().position(across).unwrap_or(body.len());
    let body = &body[..used];
    let column = |p: &Piece| edges.iter().filter(|&&e| (p.x0 + p.x1) / 2.0 > e).count();
    let dates_at = columns.iter().position(|c| matches!(c, TableColumn::Dates | TableColumn::From))?;
    let mut groups = groups(body, &column, dates_at);
    // The table ends with its last dated row: short lines under it ("Permis B" over "CACES 1,
    // 3 et 5") are the page's again.
    let dated = |group: &Vec<&Row>| group.iter().copied().flatten().any(|p| column(p) == dates_at);
    let last = groups.iter().rposition(dated)?;
    groups.truncate(last + 1);
    let end = groups[last].last().and_then(|row| body.iter().position(|r| std::ptr::eq(r, *row)))?;
    let mut rows = Vec::new();
    for group in groups {
        let cells: Vec<Vec<Vec<&Piece>>> =
            (0..columns.len()).map(|k| lines(group.iter().copied().flatten().filter(|p| column(p) == k))).collect();
        rows.extend(rebuilt_row(&cells, columns));
    }
    let dated = rows.iter().any(|r| r.iter().any(|p| crate::parse::is_dates(&p.text)));
    dated.then_some((rows, end + 1))
}

/// Where one column ends and the next starts: between two headings, the x that the fewest of
/// the table's pieces run across, most often at a cell's left edge.
fn edges(header: &Row, body: &[Row]) -> Vec<f64> {
    let pieces: Vec<&Piece> = body.iter().flatten().collect();
    let centre = |p: &Piece| (p.x0 + p.x1) / 2.0;
    header
        .windows(2)
        .map(|pair| {
            let (from, to) = (centre(&pair[0]), centre(&pair[1]));
            let candidates = pieces.iter().map(|p| p.x0 - 0.5).chain([pair[1].x0 - 0.5]);
            let crossing = |x: f64| pieces.iter().filter(|p| p.x0 < x && p.x1 > x).count();
            let starting = |x: f64| pieces.iter().filter(|p| (p.x0 - 0.5 - x).abs() < 1.0).count();
            candidates
                .filter(|&x| x > from && x < to)
                .min_by_key(|&x| (crossing(x), usize::MAX - starting(x)))
                .unwrap_or((pair[0].x1 + pair[1].x0) / 2.0)
        })
        .collect()
}

/// The table's rows of the page grouped by table row: apart where the white space between
/// them is wider than between a cell's own lines (a row's padding and border), and between
/// two dates where a group holds more than one row's dates.
fn groups<'a>(body: &'a [Row], column: &dyn Fn(&Piece) -> usize, dates_at: usize) -> Vec<Vec<&'a Row>> {
    // The white space between a cell's lines: the least between two lines of one column.
    // Lines of different cells are not compared, as a cell set in the middle of its row sits
    // between the lines of the cells beside it.
    let columns = body.iter().flatten().map(column).max().unwrap_or(0);
    let mut inner = f64::INFINITY;
    for k in 0..=columns {
        let lines: Vec<Vec<&Piece>> = body.iter().map(|r| r.iter().filter(|p| column(p) == k).collect()).collect();
        let lines: Vec<&Vec<&Piece>> = lines.iter().filter(|l| !l.is_empty()).collect();
        inner = lines.windows(2).map(|w| top(w[1]) - bottom(w[0])).fold(inner, f64::min);
    }
    let size = median(body.iter().flatten().map(|p| p.size)).unwrap_or_default();
    let apart = (0.45 * size).max(1.5 * inner.max(0.0));
    let mut groups: Vec<Vec<&Row>> = Vec::new();
    let mut lowest = f64::NEG_INFINITY;
    for row in body {
        let pieces: Vec<&Piece> = row.iter().collect();
        match groups.last_mut() {
            Some(group) if top(&pieces) - lowest <= apart => group.push(row),
            _ => groups.push(vec![row]),
        }
        lowest = lowest.max(bottom(&pieces));
    }
    groups.into_iter().flat_map(|g| by_dates(g, column, dates_at)).collect()
}

/// The top of a line's tallest letters and the bottom of its lowest: a font's ascent and
/// descent are about four fifths and one fifth of its size.
fn top(line: &[&Piece]) -> f64 {
    line.iter().map(|p| p.y - 0.8 * p.size).fold(f64::INFINITY, f64::min)
}

fn bottom(line: &[&Piece]) -> f64 {
    line.iter().map(|p| p.y + 0.2 * p.size).fold(f64::NEG_INFINITY, f64::max)
}

/// A group split at its dates when it holds more than one row's (rows set without space
/// between them): each line goes with the nearest dates.
fn by_dates<'a>(group: Vec<&'a Row>, column: &dyn Fn(&Piece) -> usize, dates_at: usize) -> Vec<Vec<&'a Row>> {
    let dates = lines(group.iter().copied().flatten().filter(|p| column(p) == dates_at));
    // A line with a year starts a row's dates, unless it ends a range the line above left
    // open ("janv. 2018 – août" over "2020").
    let anchors: Vec<f64> = (0..dates.len())
        .filter(|&k| has_year(&text(&dates[k..=k])) && (k == 0 || !open_range(&text(&dates[k - 1..k]))))
        .map(|k| dates[k][0].y)
        .collect();
    if anchors.len() < 2 {
        return vec![group];
    }
    // Cells set at the top of their row start on the dates' line, so nothing comes above the
    // first dates: each line then goes with the dates at or above it. Cells set in the middle
    // go with the nearest dates.
    let top_aligned = group.first().is_some_and(|r| r[0].y >= anchors[0] - 1.0);
    let mut out: Vec<Vec<&Row>> = vec![Vec::new(); anchors.len()];
    for row in group {
        let distance = |a: &f64| (a - row[0].y).abs();
        let at = if top_aligned {
            anchors.iter().rposition(|a| *a <= row[0].y + 1.0)
        } else {
            (0..anchors.len()).min_by(|&a, &b| distance(&anchors[a]).total_cmp(&distance(&anchors[b])))
        };
        out[at.unwrap_or(0)].push(row);
    }
    out.retain(|g| !g.is_empty());
    out
}

pub(super) fn has_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit()).any(|d| d.len() == 4)
}

/// A range whose end is still to come: no year after its dash ("sept. 2020 –", "mars 2016 –
/// déc."), where the end is no word for now ("03/2019 – atual" is whole).
pub(super) fn open_range(text: &str) -> bool {
    !crate::parse::is_dates(text)
        && text.rsplit_once(['–', '—', '-']).is_some_and(|(from, to)| has_year(from) && !has_year(to))
}

/// A cell's pieces as its lines, top to bottom, each left to right.
fn lines<'a>(pieces: impl Iterator<Item = &'a Piece>) -> Vec<Vec<&'a Piece>> {
    super::rows(pieces.collect())
}

fn text(lines: &[Vec<&Piece>]) -> String {
    let words: Vec<&str> = lines.iter().flatten().map(|p| p.text.as_str()).collect();
    words.join(" ")
}

/// A cell's lines' texts.
fn texts(lines: &[Vec<&Piece>]) -> Vec<String> {
    lines.iter().map(|l| text(std::slice::from_ref(l))).collect()
}

/// One table row as rows of the page: its cells on one line, as [`crate::cells::read`] reads
/// them, and what else the names' cells hold (the job's tasks under its title or its
/// employer) on lines of their own after the row.
fn rebuilt_row(cells: &[Vec<Vec<&Piece>>], columns: &[TableColumn]) -> Vec<Row> {
    let top = cells.iter().flatten().flatten().map(|p| p.y).fold(f64::INFINITY, f64::min);
    let piece = |lines: &[Vec<&Piece>], y: f64| -> Piece {
        let all: Vec<&Piece> = lines.iter().flatten().copied().collect();
        Piece {
            order: all.iter().map(|p| p.order).min().unwrap_or_default(),
            x0: all.iter().map(|p| p.x0).fold(f64::INFINITY, f64::min),
            x1: all.iter().map(|p| p.x1).fold(f64::NEG_INFINITY, f64::max),
            y,
            size: all.iter().map(|p| p.size).fold(0.0, f64::max),
            text: text(lines),
            rtl: all.iter().any(|p| p.rtl),
        }
    };
    let mut row = Vec::new();
    let mut after = Vec::new();
    for (lines, role) in cells.iter().zip(columns) {
        let reading = crate::cells::read(&texts(lines), *role);
        for (at, text) in reading.in_row {
            row.push(Piece { text, ..piece(&lines[at], top) });
        }
        after.extend(reading.after.into_iter().map(|p| vec![piece(&lines[p.clone()], lines[p.start][0].y)]));
    }
    if row.is_empty() {
        return Vec::new();
    }
    let mut rows = vec![row];
    rows.extend(after);
    rows
}

#[cfg(test)]
mod tests {
    use super::super::tests::page;

    #[test]
    fn a_tables_cells_of_several_lines_are_read_as_one_row_each() {
        // LibreOffice's table: dates and employer set in the middle of the row, beside the
        // title over its tasks; rows apart by their padding.
        let text = page(&[
            (60.0, 300.0, "Zeitraum"),
            (180.0, 300.0, "Tätigkeit"),
            (420.0, 300.0, "Arbeitgeber"),
            (180.0, 319.3, "Stellvertretende Filialleiterin"),
            (180.0, 330.8, "Dienstplanung für 9 Mitarbeiterinnen,"),
            (60.0, 336.5, "02/2022 – heute"),
            (420.0, 336.5, "Modehaus Kersting, Dortmund"),
            (180.0, 342.3, "Kassenabrechnung"),
            (180.0, 371.5, "Verkäuferin"),
            (60.0, 377.0, "08/2018 – 01/2022"),
            (420.0, 377.0, "Modehaus Kersting,"),
            (180.0, 383.0, "Kundenberatung Damenmode"),
            (420.0, 388.5, "Dortmund"),
        ]);
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            [
                "Zeitraum  Tätigkeit  Arbeitgeber",
                "02/2022 – heute  Stellvertretende Filialleiterin  Modehaus Kersting, Dortmund",
                "Dienstplanung für 9 Mitarbeiterinnen, Kassenabrechnung",
                "08/2018 – 01/2022  Verkäuferin  Modehaus Kersting, Dortmund",
                "Kundenberatung Damenmode",
            ]
        );
    }

    #[test]
    fn rows_set_without_space_between_are_told_apart_by_their_dates() {
        // A range broken over two lines ("mars 2016 – déc." over "2017") is one row's dates.
        let text = page(&[
            (60.0, 100.0, "Période"),
            (180.0, 100.0, "Poste"),
            (400.0, 100.0, "Entreprise"),
            (60.0, 112.0, "mars 2016 – déc."),
            (180.0, 112.0, "Préparateur de commandes"),
            (400.0, 112.0, "Logistique Lyon Est SAS"),
            (60.0, 124.0, "2017"),
            (180.0, 124.0, "(intérim)"),
            (60.0, 136.0, "2013 – 2016"),
            (180.0, 136.0, "Magasinier"),
            (400.0, 136.0, "Aftral"),
        ]);
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            [
                "Période  Poste  Entreprise",
                "mars 2016 – déc. 2017  Préparateur de commandes  Logistique Lyon Est SAS",
                "(intérim)",
                "2013 – 2016  Magasinier  Aftral",
            ]
        );
    }

    #[test]
    fn rows_set_close_with_cells_in_their_middle_go_with_the_nearest_dates() {
        let text = page(&[
            (60.0, 100.0, "Période"),
            (160.0, 100.0, "Poste"),
            (280.0, 100.0, "Entreprise"),
            (400.0, 100.0, "Missions"),
            (400.0, 112.0, "Pose de fenêtres"),
            (160.0, 124.0, "Menuisier"),
            (400.0, 124.0, "lecture de plans"),
            (60.0, 130.0, "2018 – 2020"),
            (280.0, 130.0, "Bois Nantais SARL"),
            (160.0, 136.0, "agenceur"),
            (400.0, 136.0, "usinage sur CN"),
            (400.0, 148.0, "encadrement"),
            (400.0, 160.0, "Escaliers"),
            (60.0, 172.0, "2016 – 2018"),
            (160.0, 172.0, "Apprenti"),
            (280.0, 172.0, "Le Floch SARL"),
            (400.0, 172.0, "placards"),
            (400.0, 184.0, "finitions"),
        ]);
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            [
                "Période  Poste  Entreprise  Missions",
                "2018 – 2020  Menuisier agenceur  Bois Nantais SARL  Pose de fenêtres lecture de plans usinage sur CN encadrement",
                "2016 – 2018  Apprenti  Le Floch SARL  Escaliers placards finitions",
            ]
        );
    }

    #[test]
    fn a_heading_across_the_columns_ends_the_table_and_a_school_keeps_its_wrapped_name() {
        let text = page(&[
            (60.0, 100.0, "Année"),
            (180.0, 100.0, "Diplôme"),
            (400.0, 100.0, "Établissement"),
            (60.0, 118.0, "2013"),
            (180.0, 118.0, "CAP Opérateur logistique"),
            (400.0, 112.0, "Lycée professionnel Les"),
            (400.0, 124.0, "Canuts, Vaulx-en-Velin"),
            (60.0, 160.0, "Conduite de chariots élévateurs et gerbeurs"),
            (60.0, 172.0, "Gestion des stocks"),
        ]);
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            [
                "Année  Diplôme  Établissement",
                "2013  CAP Opérateur logistique  Lycée professionnel Les Canuts, Vaulx-en-Velin",
                "Conduite de chariots élévateurs et gerbeurs",
                "Gestion des stocks",
            ]
        );
    }

    #[test]
    fn a_header_set_smaller_than_its_rows_heads_them_still() {
        use super::super::{read, tests::large};
        // Headings at 8.5 points over rows at 10; the school wraps after "degli".
        let rows: &[(f64, f64, f64, &str)] = &[
            (60.0, 100.0, 8.5, "Anno"),
            (150.0, 100.0, 8.5, "Titolo conseguito"),
            (330.0, 100.0, 8.5, "Istituto"),
            (60.0, 118.0, 10.0, "2023"),
            (150.0, 118.0, 10.0, "Corso paghe e contributi"),
            (330.0, 118.0, 10.0, "Ordine dei Consulenti degli"),
            (330.0, 130.0, 10.0, "Esperti di Palermo"),
            (60.0, 150.0, 10.0, "2008 – 2013"),
            (150.0, 150.0, 10.0, "Diploma di Ragioniere"),
            (330.0, 150.0, 10.0, "I.T.E.T. Pio La Torre"),
        ];
        let text = read(rows.iter().flat_map(|(x, y, size, t)| large(*x, *y, *size, t)).collect());
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            [
                "Anno  Titolo conseguito  Istituto",
                "2023  Corso paghe e contributi  Ordine dei Consulenti degli Esperti di Palermo",
                "2008 – 2013  Diploma di Ragioniere  I.T.E.T. Pio La Torre",
            ]
        );
    }

    #[test]
    fn a_compound_broken_at_its_hyphen_is_whole_again() {
        let text = page(&[
            (60.0, 100.0, "Okres"),
            (190.0, 100.0, "Stanowisko"),
            (300.0, 100.0, "Pracodawca"),
            (60.0, 118.0, "04.2021 – obecnie"),
            (190.0, 118.0, "Sprzedawca-"),
            (190.0, 130.0, "kasjer"),
            (300.0, 118.0, "Zakład Opiekuńczo-"),
            (300.0, 130.0, "Leczniczy „Jesień Życia”"),
        ]);
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            [
                "Okres  Stanowisko  Pracodawca",
                "04.2021 – obecnie  Sprzedawca-kasjer  Zakład Opiekuńczo-Leczniczy „Jesień Życia”"
            ]
        );
    }

    #[test]
    fn a_schools_name_wrapped_into_its_second_part_is_whole() {
        let text = page(&[
            (60.0, 100.0, "Anno"),
            (160.0, 100.0, "Istituto"),
            (400.0, 100.0, "Titolo"),
            (60.0, 118.0, "2019"),
            (160.0, 118.0, "Università degli Studi di Napoli"),
            (400.0, 118.0, "Master di I livello in Area Critica"),
            (160.0, 130.0, "Federico II"),
            (60.0, 154.0, "2010"),
            (160.0, 154.0, "Liceo Scientifico Statale"),
            (400.0, 154.0, "Diploma di maturità scientifica"),
            (160.0, 166.0, "\"Giuseppe Mercalli\""),
            (60.0, 190.0, "2008"),
            (160.0, 190.0, "Istituto Comprensivo Vomero,"),
            (400.0, 190.0, "Licenza media"),
            (160.0, 202.0, "Napoli"),
        ]);
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            [
                "Anno  Istituto  Titolo",
                "2019  Università degli Studi di Napoli Federico II  Master di I livello in Area Critica",
                "2010  Liceo Scientifico Statale \"Giuseppe Mercalli\"  Diploma di maturità scientifica",
                "2008  Istituto Comprensivo Vomero, Napoli  Licenza media",
            ]
        );
    }

    #[test]
    fn names_wrapped_in_narrow_cells_are_whole_and_tasks_under_them_are_not_part_of_them() {
        let text = page(&[
            (60.0, 100.0, "Dates"),
            (200.0, 100.0, "Position"),
            (340.0, 100.0, "Employer"),
            (60.0, 116.0, "May 2017 – Dec"),
            (200.0, 116.0, "Assistant Site"),
            (340.0, 116.0, "Llewellyn Homes (South"),
            (60.0, 128.0, "2020"),
            (200.0, 128.0, "Manager"),
            (340.0, 128.0, "Wales) Ltd, Bridgend"),
            (60.0, 156.0, "Oct 2015 – Jan 2017"),
            (200.0, 156.0, "Accountant"),
            (340.0, 156.0, "Castlefield Ltd"),
            (340.0, 168.0, "Consolidation, intercompany"),
            (340.0, 180.0, "reconciliations."),
        ]);
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            [
                "Dates  Position  Employer",
                "May 2017 – Dec 2020  Assistant Site Manager  Llewellyn Homes (South Wales) Ltd, Bridgend",
                "Oct 2015 – Jan 2017  Accountant  Castlefield Ltd",
                "Consolidation, intercompany reconciliations.",
            ]
        );
    }

    #[test]
    fn tasks_under_a_title_or_an_employer_and_lines_after_the_table_stay_apart() {
        let text = page(&[
            (60.0, 100.0, "Dates"),
            (200.0, 100.0, "Position"),
            (340.0, 100.0, "Employer"),
            (60.0, 116.0, "2019 – 2021"),
            (200.0, 116.0, "Warehouse Operative"),
            (340.0, 116.0, "Aftral"),
            (200.0, 128.0, "- Picking and packing"),
            (340.0, 128.0, "Inventory Control"),
            (340.0, 140.0, "Forklift Operations"),
            (60.0, 170.0, "Permis B"),
            (60.0, 200.0, "CACES 1, 3 et 5"),
        ]);
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            [
                "Dates  Position  Employer",
                "2019 – 2021  Warehouse Operative  Aftral, Inventory Control",
                "- Picking and packing",
                "Forklift Operations",
                "Permis B",
                "CACES 1, 3 et 5",
            ]
        );
    }

    #[test]
    fn a_title_over_its_employer_in_one_cell_is_two_cells() {
        // The title wraps (into its ward) and the employer's name too; the hospital under it
        // is the tasks' and the page's. Without the employer's name, the title is all there is
        // and the employer's cell is marked empty.
        let text = page(&[
            (30.0, 100.0, "Dates"),
            (160.0, 100.0, "Post & Employer"),
            (420.0, 100.0, "Main duties"),
            (30.0, 116.0, "Sep 2017 –"),
            (160.0, 116.0, "Staff Nurse (Band 5), Acute"),
            (420.0, 116.0, "Admission and care planning"),
            (30.0, 128.0, "Feb 2021"),
            (160.0, 128.0, "Medical Unit – Ward 11"),
            (160.0, 140.0, "Belfast Health and Social Care"),
            (160.0, 152.0, "Trust"),
            (160.0, 164.0, "Royal Victoria Hospital"),
            (30.0, 188.0, "Jun 2013 – Sep 2013"),
            (160.0, 188.0, "Care Assistant – summer post"),
            (420.0, 188.0, "Personal care for 40 residents"),
        ]);
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            [
                "Dates  Post & Employer  Main duties",
                "Sep 2017 – Feb 2021  Staff Nurse (Band 5), Acute Medical Unit – Ward 11  Belfast Health and Social Care Trust  Admission and care planning",
                "Royal Victoria Hospital",
                "Jun 2013 – Sep 2013  Care Assistant – summer post  –  Personal care for 40 residents",
            ]
        );
        // A department named after its word goes on the title: "Oddział" over its name.
        let text = page(&[
            (30.0, 100.0, "Okres"),
            (160.0, 100.0, "Stanowisko / pracodawca"),
            (420.0, 100.0, "Zakres obowiązków"),
            (30.0, 116.0, "02.2021 – obecnie"),
            (160.0, 116.0, "Opiekunka medyczna – Oddział"),
            (420.0, 116.0, "karmienie"),
            (160.0, 128.0, "Chorób Wewnętrznych"),
            (160.0, 140.0, "Szpital Wojewódzki w Opolu Sp. z o.o."),
        ]);
        assert_eq!(
            text.lines().nth(1),
            Some(
                "02.2021 – obecnie  Opiekunka medyczna – Oddział Chorób Wewnętrznych  Szpital Wojewódzki w Opolu Sp. z o.o.  karmienie"
            )
        );
    }

    #[test]
    fn a_row_of_headings_without_dates_under_it_is_no_table() {
        let lines = [
            (60.0, 100.0, "Période"),
            (180.0, 100.0, "Poste"),
            (400.0, 100.0, "Entreprise"),
            (60.0, 112.0, "Voir ci-dessous"),
            (180.0, 124.0, "Cariste"),
        ];
        assert_eq!(page(&lines).lines().count(), 3);
    }
}
