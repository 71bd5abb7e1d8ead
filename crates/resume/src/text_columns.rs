//! Plain text laid out in two columns with spaces, as a PDF's text comes out of a converter
//! that keeps the layout (an ATS, `pdftotext -layout`) or as someone typed a sidebar: each
//! column read down in turn, as the positioned PDF reader reads a sidebar's page.

/// Fewest rows that must have text on both sides of the boundary for the text to be read as
/// two columns: a few aligned cells (a table's) are no page layout.
const MIN_ROWS_SPLIT: usize = 6;

/// The text with its two columns one after the other: the lines above the first row that is
/// split (a banner across the page) as they are, then the left column's lines, then the right
/// column's. Text without such a layout is returned as it is.
pub(crate) fn apart(text: &str) -> String {
    let rows: Vec<Vec<char>> = text.lines().map(|l| l.replace('\t', "    ").chars().collect()).collect();
    let Some((at, first)) = boundary(&rows) else { return text.to_owned() };
    let mut head: Vec<String> = rows[..first].iter().map(|r| r.iter().collect()).collect();
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for row in &rows[first..] {
        match cut(row, at) {
            Some((l, r)) => {
                left.push(l);
                right.push(r);
            }
            // A line across both columns below the banner: a footer, the main column's; a
            // single long word from the left edge (an address) ran over from the side column.
            None if overflows_left(row) => left.push(row.iter().collect::<String>().trim().to_owned()),
            None => right.push(row.iter().collect::<String>().trim().to_owned()),
        }
    }
    head.extend(left);
    head.push(String::new());
    head.extend(right);
    head.join("\n")
}

/// The column where the right column starts, and the first row split there: the column most
/// rows are split at, with no more than a tenth of the rows (one at least) below the first split
/// one running across it, the left column's cells beside text mostly no dates or labels (dates beside their
/// entries, "2019 – heute      Pflegefachfrau", and a form's labels are one column of a page),
/// and a section's heading on a line of its own in each column (a sidebar's "CONTACT" beside
/// the main column's "EXPERIENCE").
fn boundary(rows: &[Vec<char>]) -> Option<(usize, usize)> {
    let widest = rows.iter().map(Vec::len).max().unwrap_or(0);
    let filled = rows.iter().filter(|r| r.iter().any(|c| !c.is_whitespace())).count();
    (12..widest.min(80))
        .filter_map(|at| {
            let split: Vec<&Vec<char>> = rows.iter().filter(|r| splits(r, at)).collect();
            let first = rows.iter().position(|r| splits(r, at))?;
            let across = rows[first..].iter().filter(|r| crosses(r, at)).count();
            let enough = split.len() >= MIN_ROWS_SPLIT && 3 * split.len() >= filled && across <= (filled / 10).max(1);
            (enough && !dates_or_labels(&split, at) && headed(&rows[first..], at)).then_some((at, first, split.len()))
        })
        .max_by_key(|&(at, _, split)| (split, std::cmp::Reverse(at)))
        .map(|(at, first, _)| (at, first))
}

/// Whether most split rows' left cells are dates or a form's labels ("Period:").
fn dates_or_labels(split: &[&Vec<char>], at: usize) -> bool {
    let listed = split
        .iter()
        .filter(|r| {
            let left: String = r[..at].iter().collect();
            let left = left.trim();
            crate::parse::is_dates(left) || left.ends_with(':')
        })
        .count();
    2 * listed >= split.len()
}

/// Whether both columns of `rows`, cut at `at`, hold a section's heading on a line of its own.
fn headed(rows: &[Vec<char>], at: usize) -> bool {
    let cells: Vec<(String, String)> = rows.iter().filter_map(|r| cut(r, at)).collect();
    let any = |side: fn(&(String, String)) -> &String| cells.iter().any(|c| crate::parse::is_heading(side(c)));
    any(|c| &c.0) && any(|c| &c.1)
}

/// A row's two cells at column `at`, trimmed; None for a row whose text runs across it. A
/// right cell that starts a character before the column (one character overhangs) is cut there.
fn cut(row: &[char], at: usize) -> Option<(String, String)> {
    if crosses(row, at) {
        return None;
    }
    let overhang = row.len() > at && starts_a_cell(row, at - 1);
    let at = if overhang { at - 1 } else { at.min(row.len()) };
    let text = |chars: &[char]| chars.iter().collect::<String>().trim().to_owned();
    Some((text(&row[..at]), text(&row[at..])))
}

/// Whether a row has text on both sides of column `at`, two spaces or more before it.
fn splits(row: &[char], at: usize) -> bool {
    let left = row[..at.min(row.len())].iter().any(|c| !c.is_whitespace());
    row.len() > at && left && starts_a_cell(row, at)
}

/// Whether a cell starts at column `at` of a row: text there after two spaces.
fn starts_a_cell(row: &[char], at: usize) -> bool {
    at >= 2 && row.len() > at && !row[at].is_whitespace() && row[at - 2..at].iter().all(|c| *c == ' ')
}

/// Whether a row's text runs across column `at`: a word on both sides of it, or a single space
/// before it (one phrase, not two cells); a right cell overhanging by one character does not.
fn crosses(row: &[char], at: usize) -> bool {
    row.len() > at
        && !row[at].is_whitespace()
        && (!row[at - 1].is_whitespace() || !row[at - 2].is_whitespace())
        && !starts_a_cell(row, at - 1)
        && row[..at - 1].iter().any(|c| !c.is_whitespace())
}

/// Whether a row is one word from the left edge: a side column's line too long for it.
fn overflows_left(row: &[char]) -> bool {
    let text: String = row.iter().collect();
    row.first().is_some_and(|c| !c.is_whitespace()) && !text.trim().contains(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sidebar_typed_with_spaces_is_read_column_by_column() {
        let text = "\
JOAQUÍN MONCAYO LÓPEZ
Mecánico de automoción

CONTACTO                       EXPERIENCIA PROFESIONAL

Teléfono                       Oficial de 1ª mecánico electromecánico
+34 676 41 92 08               Talleres Ebro Motor S.L. · Zaragoza
                               03/2019 – actualidad
Email                          · Diagnosis con equipos multimarca
j.moncayo.l@example.es
                               Mecánico de automoción (oficial de 2ª)
HABILIDADES                    Aragón Automóviles S.A. · Zaragoza
                               09/2015 – 02/2019
Diagnosis electrónica          · Revisiones oficiales de marca
Aire acondicionado";
        let got = apart(text);
        let lines: Vec<&str> = got.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[..3], ["JOAQUÍN MONCAYO LÓPEZ", "Mecánico de automoción", "CONTACTO"]);
        let left_end = lines.iter().position(|l| *l == "Aire acondicionado").unwrap();
        assert_eq!(
            lines[left_end + 1..left_end + 4],
            [
                "EXPERIENCIA PROFESIONAL",
                "Oficial de 1ª mecánico electromecánico",
                "Talleres Ebro Motor S.L. · Zaragoza"
            ]
        );
        assert!(lines[..left_end].contains(&"j.moncayo.l@example.es"));
    }

    #[test]
    fn a_cell_overhanging_by_a_character_and_a_long_side_line_keep_their_columns() {
        let text = "\
CONTACTO                       EXPERIENCIA PROFESIONAL
Teléfono                      Oficial de 1ª mecánico
+34 676 41 92 08               Talleres Ebro Motor S.L.
joaquin.moncayo.lopez@example-taller.es
HABILIDADES                    Mecánico de automoción
Diagnosis electrónica          Aragón Automóviles S.A.
Aire acondicionado             Ayudante de mecánico
Frenos                         Neumáticos Rápidos";
        let got = apart(text);
        let lines: Vec<&str> = got.lines().filter(|l| !l.is_empty()).collect();
        let main = lines.iter().position(|l| *l == "EXPERIENCIA PROFESIONAL").unwrap();
        assert_eq!(lines[main + 1], "Oficial de 1ª mecánico");
        assert!(lines[..main].contains(&"joaquin.moncayo.lopez@example-taller.es"));
    }

    #[test]
    fn one_column_text_and_a_few_aligned_cells_stay_as_they_are() {
        let text = "\
Anna Weber
Pflegefachfrau

Berufserfahrung
2019 – heute      Pflegefachfrau, Klinikum Nord
2015 – 2019       Gesundheits- und Krankenpflegerin, St. Marien
Ausbildung
2012 – 2015       Pflegeschule am Klinikum Nord";
        assert_eq!(apart(text), text);
        // A layout-keeping converter's dated history, a heading and a label among the entries.
        let text = "\
EXPERIENCE
2019 – 2024        Store Manager, Tesco, Cork
                   Skills used:
2016 – 2019        Assistant Manager, Lidl, Cork
2014 – 2016        Supervisor, Aldi, Cork
2012 – 2014        Sales Assistant, Dunnes Stores
2010 – 2012        Shelf Stacker, SuperValu
2009 – 2010        Cashier, Centra
EDUCATION
2006 – 2009        BA Business, UCC";
        assert_eq!(apart(text), text);
        let prose = "I have worked as a nurse for ten years in hospitals and care homes around the\ncity, and I am looking for a new challenge in a team that values good care.";
        assert_eq!(apart(prose), prose);
    }
}
