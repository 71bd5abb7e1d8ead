//! Entries set in two cells side by side, as résumé designers lay out a work history: a narrow
//! left cell with who, where and when (an employer wrapped over two lines, its town, its dates)
//! beside the title and its tasks. Read row by row, the left cell's lines fall between the
//! tasks ("Clinique du Parc  Aide-soignante de nuit" over "des Tilleuls  • Service de
//! médecine…"). Here each entry is read as one line of its title and its left cell's phrases
//! (wrapped lines joined), as a table's row, then the rest of the right cell.

use super::table::{has_year, header, open_range};
use super::{Piece, Row, row_text};
use crate::cells::goes_on;
use crate::parse::{TableColumn, is_heading};

/// The most of a column's width a left cell takes.
const NARROW: f64 = 0.35;

/// A column's lines: entries set as a grid entry by entry, every other row as it is.
pub(super) fn lines(rows: Vec<Row>) -> Vec<String> {
    let rows = super::reflow::paragraphs(rows);
    // A table under a header row was rebuilt row by row already (`table`).
    let headed = rows.iter().any(|r| header(r).is_some());
    let Some(gutter) = gutter(&rows).filter(|_| !headed) else {
        return rows.iter().map(|r| row_text(r)).collect();
    };
    let mut out = Vec::with_capacity(rows.len());
    let mut from = 0;
    while from < rows.len() {
        // A run of rows with nothing across the gutter, up to a section's heading.
        let fits = |r: &Row| !r.iter().any(|p| p.x0 < gutter && p.x1 > gutter) && !is_heading(&row_text(r));
        let to = from + rows[from..].iter().take_while(|r| fits(r)).count();
        if to == from {
            out.push(row_text(&rows[from]));
            from += 1;
            continue;
        }
        out.extend(run_lines(&rows[from..to], gutter));
        from = to;
    }
    out
}

/// The x between the left cells and the right ones: at least two rows start at the column's
/// left edge with a short piece and go on after a gap; the right cells start where the
/// earliest of those go on (a bullet, before the title's edge).
fn gutter(rows: &[Row]) -> Option<f64> {
    let left = rows.iter().flatten().map(|p| p.x0).fold(f64::INFINITY, f64::min);
    let right = rows.iter().flatten().map(|p| p.x1).fold(f64::NEG_INFINITY, f64::max);
    let paired: Vec<&Row> = rows
        .iter()
        .filter(|r| {
            r.len() >= 2
                && (r[0].x0 - left).abs() < 2.0
                && r[0].x1 - left < NARROW * (right - left)
                && r[1].x0 - r[0].x1 > r[0].size
        })
        .collect();
    if paired.len() < 2 {
        return None;
    }
    let starts = paired.iter().map(|r| r[1].x0).fold(f64::INFINITY, f64::min);
    let ends = paired.iter().map(|r| r[0].x1).fold(f64::NEG_INFINITY, f64::max);
    (ends < starts).then_some(starts - 0.5)
}

/// A run's lines: entry by entry when its left cells are an entry grid's (see [`entries`]),
/// else row by row.
fn run_lines(run: &[Row], gutter: f64) -> Vec<String> {
    let Some(starts) = entries(run, gutter) else { return run.iter().map(|r| row_text(r)).collect() };
    let mut out: Vec<String> = run[..starts[0]].iter().map(|r| row_text(r)).collect();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(run.len());
        let rows = &run[start..end];
        let side = |left: bool| -> Vec<Vec<&Piece>> {
            rows.iter()
                .map(|r| r.iter().filter(|p| (p.x1 <= gutter) == left).collect::<Vec<_>>())
                .filter(|r| !r.is_empty())
                .collect()
        };
        let right: Vec<String> = side(false).iter().map(|r| texts(r).join("  ")).collect();
        let cell = joined(side(true).iter().map(|r| texts(r).join(" ")).collect());
        // The title and the left cell on one line, as cells of a row: "Plumber  Feb 2016 – Jun
        // 2020" reads as a dated title whatever comes before it.
        out.push(right.first().into_iter().chain(&cell).cloned().collect::<Vec<_>>().join("  "));
        out.extend(right.into_iter().skip(1));
    }
    out
}

fn texts<'a>(pieces: &[&'a Piece]) -> Vec<&'a str> {
    pieces.iter().map(|p| p.text.as_str()).collect()
}

/// Where each entry of a run starts (a row index), when its left cells are an entry grid's:
/// blocks of lines apart by more than a line's space, some of them dated, and at least half
/// of those wrapped over two lines or more (a left column of one-line dates beside each
/// entry is read well row by row). An entry starts with its left block's first line, or with
/// the right cell's title set a little higher.
fn entries(run: &[Row], gutter: f64) -> Option<Vec<usize>> {
    let left: Vec<&Piece> = run.iter().flatten().filter(|p| p.x1 <= gutter).collect();
    // The left cell is the narrow one: a title and its tasks set left of a town and dates on
    // the right margin are no grid.
    let edge = run.iter().flatten().map(|p| p.x0).fold(f64::INFINITY, f64::min);
    let far = run.iter().flatten().map(|p| p.x1).fold(f64::NEG_INFINITY, f64::max);
    if left.iter().any(|p| p.x1 - edge > NARROW * (far - edge)) {
        return None;
    }
    let mut blocks: Vec<Vec<&Piece>> = Vec::new();
    // A block's lines are close; a second set of dates starts the next block ("10/2012 –
    // 09/2015" over "06/2010"), unless it ends a range ("mars 2018 – août" over "2021").
    let goes_on = |block: &[&Piece], p: &Piece| {
        let last = block[block.len() - 1];
        let dated = block.iter().any(|q| has_year(&q.text)) && !open_range(&last.text);
        p.y - last.y <= 1.7 * p.size && !(dated && has_year(&p.text))
    };
    for p in left.iter().copied() {
        match blocks.last_mut() {
            Some(block) if goes_on(block, p) => block.push(p),
            _ => blocks.push(vec![p]),
        }
    }
    let dated: Vec<&Vec<&Piece>> = blocks.iter().filter(|b| b.iter().any(|p| has_year(&p.text))).collect();
    let wrapped = dated.iter().filter(|b| b.len() >= 2).count();
    // One entry alone (a band of the page cut off by a long line) is a grid's when its cell
    // wrapped.
    if dated.is_empty() || 2 * wrapped < dated.len() || (dated.len() == 1 && wrapped == 0) {
        return None;
    }
    let first_dated = blocks.iter().position(|b| b.iter().any(|p| has_year(&p.text)))?;
    // Blocks lie apart by more than a line's space, so their starts come in order.
    Some(
        blocks[first_dated..]
            .iter()
            .filter_map(|b| run.iter().position(|r| r[0].y >= b[0].y - 0.9 * b[0].size))
            .collect(),
    )
}

/// A cell's lines with each wrapped phrase joined: a name's lower-case rest or its part after a
/// joining word ("Clinique du Parc" over "des Tilleuls", "Jardins de" over "Fourvière"), a
/// range's end ("mars 2018 – août" over "2021").
fn joined(lines: Vec<String>) -> Vec<String> {
    // Dates start a line of their own ("Écully" over "sept. 2021 –"), unless they end a range.
    let wraps = |last: &str, line: &str| {
        if has_year(line) { open_range(last) } else { goes_on(last, line, TableColumn::Employer) }
    };
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        match out.last_mut() {
            Some(last) if wraps(last, &line) => {
                last.push(' ');
                last.push_str(&line);
            }
            _ => out.push(line),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::line;
    use super::super::{pieces, rows};

    /// A column's lines as the grid reads them.
    fn column(lines: &[(f64, f64, &str)]) -> String {
        let glyphs: Vec<_> = lines.iter().flat_map(|(x, y, t)| line(*x, *y, t)).collect();
        super::lines(rows(pieces(&glyphs))).join("\n")
    }

    #[test]
    fn an_entry_grid_is_read_as_its_title_and_left_cell_then_its_tasks() {
        // The left cell in smaller type than the title, its lines between the tasks' baselines.
        let text = column(&[
            (20.0, 80.0, "EXPÉRIENCE PROFESSIONNELLE AU SERVICE DES PATIENTS"),
            (20.0, 100.0, "Clinique du Parc"),
            (140.0, 100.0, "Aide-soignante de nuit"),
            (20.0, 112.0, "des Tilleuls"),
            (140.0, 114.0, "• Service de médecine polyvalente"),
            (20.0, 124.0, "Écully"),
            (140.0, 128.0, "• Surveillance, changes, installation"),
            (20.0, 136.0, "sept. 2021 –"),
            (20.0, 148.0, "aujourd'hui"),
            (20.0, 180.0, "EHPAD Les"),
            (140.0, 180.0, "Aide-soignante"),
            (20.0, 192.0, "Jardins de"),
            (140.0, 194.0, "• Accompagnement de 14 résidents"),
            (20.0, 204.0, "Fourvière"),
            (140.0, 208.0, "• Toilettes, aide à la prise des repas"),
            (20.0, 216.0, "mars 2018 – août"),
            (20.0, 228.0, "2021"),
        ]);
        let want = [
            "EXPÉRIENCE PROFESSIONNELLE AU SERVICE DES PATIENTS",
            "Aide-soignante de nuit  Clinique du Parc des Tilleuls  Écully  sept. 2021 – aujourd'hui",
            "• Service de médecine polyvalente",
            "• Surveillance, changes, installation",
            "Aide-soignante  EHPAD Les Jardins de Fourvière  mars 2018 – août 2021",
            "• Accompagnement de 14 résidents",
            "• Toilettes, aide à la prise des repas",
        ];
        assert_eq!(text, want.join("\n"));
    }

    #[test]
    fn one_entry_alone_is_a_grids_when_its_cell_wrapped() {
        // A band of the page that a long line cut off holds one entry only.
        let text = column(&[
            (20.0, 100.0, "Brabant"),
            (180.0, 100.0, "Senior Accountmanager"),
            (20.0, 112.0, "Kantoorinrichting B.V."),
            (190.0, 114.0, "Verantwoordelijk voor 85 zakelijke klanten"),
            (20.0, 124.0, "maart 2022 – heden"),
            (190.0, 126.0, "in Zuidoost-Brabant en Limburg"),
        ]);
        let want = [
            "Senior Accountmanager  Brabant Kantoorinrichting B.V.  maart 2022 – heden",
            "Verantwoordelijk voor 85 zakelijke klanten",
            "in Zuidoost-Brabant en Limburg",
        ];
        assert_eq!(text, want.join("\n"));
        // One line of dates beside a title is a row.
        let text =
            column(&[(20.0, 100.0, "2019 – 2021"), (140.0, 100.0, "Store Manager"), (140.0, 114.0, "Lidl, Leeds")]);
        assert_eq!(text, "2019 – 2021  Store Manager\nLidl, Leeds");
    }

    #[test]
    fn a_column_of_one_line_dates_beside_the_entries_is_read_row_by_row() {
        let text = column(&[
            (20.0, 100.0, "2019 – 2021"),
            (140.0, 100.0, "Store Manager, Lidl"),
            (140.0, 114.0, "• Ran a team of 12"),
            (20.0, 140.0, "2016 – 2019"),
            (140.0, 140.0, "Deputy Manager, Aldi"),
            (140.0, 154.0, "• Opened the store"),
        ]);
        assert_eq!(
            text,
            "2019 – 2021  Store Manager, Lidl\n• Ran a team of 12\n2016 – 2019  Deputy Manager, Aldi\n• Opened the store"
        );
        // Set close, one entry's dates under another's are two entries', not one wrapped cell.
        let text = column(&[
            (20.0, 60.0, "09/2015 –"),
            (140.0, 60.0, "Physiotherapeut, Praxis Lindner"),
            (20.0, 72.0, "heute"),
            (20.0, 100.0, "10/2012 – 09/2015"),
            (140.0, 100.0, "Physiotherapeut, Berufsfachschule Leipzig"),
            (20.0, 112.0, "06/2010"),
            (140.0, 112.0, "Abitur, Gymnasium Halle"),
        ]);
        let rows = [
            "09/2015 –  Physiotherapeut, Praxis Lindner",
            "heute",
            "10/2012 – 09/2015  Physiotherapeut, Berufsfachschule Leipzig",
            "06/2010  Abitur, Gymnasium Halle",
        ];
        assert_eq!(text, rows.join("\n"));
    }
}
