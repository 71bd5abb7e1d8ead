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
    let Some(at) = boundary(&rows) else { return text.to_owned() };
    let first = rows.iter().position(|r| splits(r, at)).unwrap_or(0);
    let mut head: Vec<String> = rows[..first].iter().map(|r| r.iter().collect()).collect();
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for row in &rows[first..] {
        if crosses(row, at) {
            // A line across both columns below the banner (a footer): the main column's.
            right.push(row.iter().collect::<String>().trim().to_owned());
            continue;
        }
        let cut = at.min(row.len());
        left.push(row[..cut].iter().collect::<String>().trim().to_owned());
        right.push(row[cut..].iter().collect::<String>().trim().to_owned());
    }
    head.extend(left);
    head.push(String::new());
    head.extend(right);
    head.join("\n")
}

/// The column where the right column starts: the one most split rows start their right part
/// at, with no more than a tenth of the rows below the first split one running across it, and
/// a section's heading in each column (a sidebar's "CONTACT" beside the main column's
/// "EXPERIENCE"). Dates beside their entries ("2019 – heute      Pflegefachfrau") and a
/// table's aligned cells have no heading in their left column.
fn boundary(rows: &[Vec<char>]) -> Option<usize> {
    let widest = rows.iter().map(Vec::len).max().unwrap_or(0);
    let filled = rows.iter().filter(|r| r.iter().any(|c| !c.is_whitespace())).count();
    (12..widest.min(80))
        .map(|at| (at, rows.iter().filter(|r| splits(r, at)).count()))
        .filter(|&(at, split)| {
            let first = rows.iter().position(|r| splits(r, at)).unwrap_or(0);
            let across = rows[first..].iter().filter(|r| crosses(r, at)).count();
            split >= MIN_ROWS_SPLIT && 3 * split >= filled && 10 * across <= filled && headed(&rows[first..], at)
        })
        .max_by_key(|&(at, split)| (split, std::cmp::Reverse(at)))
        .map(|(at, _)| at)
}

/// Whether both columns of `rows`, cut at `at`, hold a section's heading on a line of its own.
fn headed(rows: &[Vec<char>], at: usize) -> bool {
    let part = |row: &[char], left: bool| -> String {
        let cut = at.min(row.len());
        let chars = if left { &row[..cut] } else { &row[cut..] };
        chars.iter().collect::<String>().trim().to_owned()
    };
    let any = |left: bool| rows.iter().any(|r| !crosses(r, at) && crate::parse::is_heading(&part(r, left)));
    any(true) && any(false)
}

/// Whether a row has text on both sides of column `at`, two spaces or more before it.
fn splits(row: &[char], at: usize) -> bool {
    let left = row[..at.min(row.len())].iter().any(|c| !c.is_whitespace());
    row.len() > at && left && row[at - 2..at].iter().all(|c| *c == ' ') && !row[at].is_whitespace()
}

/// Whether a row's text runs across column `at` (a word on both sides of it, or a single
/// space before it: one phrase, not two cells).
fn crosses(row: &[char], at: usize) -> bool {
    row.len() > at
        && !row[at].is_whitespace()
        && (!row[at - 1].is_whitespace() || !row[at - 2].is_whitespace())
        && row[..at - 1].iter().any(|c| !c.is_whitespace())
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
        let prose = "I have worked as a nurse for ten years in hospitals and care homes around the\ncity, and I am looking for a new challenge in a team that values good care.";
        assert_eq!(apart(prose), prose);
    }
}
