//! A paragraph's lines joined again. A column's text wraps where its line is full, and a
//! wrapped task read line by line leaves pieces that look like an entry's heading ("Schicht in
//! SAP EWM", "Lieferanten" under "Klärung von Mengen- und Qualitätsabweichungen mit"). A line
//! goes on the one above when it starts at the same left edge in the same type, right under
//! it, its first word would not have fitted at the end of the line above (the line above was
//! full), and the line above ends mid-sentence. A short line (a title, dates) is never full,
//! so it stays alone.

use super::{Row, text_size};
use crate::parse::{compound_goes_on, ends_on_broken_word, ends_on_joining_word, is_dates, is_heading};

/// The rows with each wrapped line joined to the line it goes on.
pub(super) fn paragraphs(rows: Vec<Row>) -> Vec<Row> {
    let right = rows.iter().flatten().map(|p| p.x1).fold(f64::NEG_INFINITY, f64::max);
    // Only text wraps so: a name or a heading set larger stays as it is.
    let text = text_size(&rows).unwrap_or_default();
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    // The last line read: its baseline and its right end (a joined row's is its last line's).
    let mut last: Option<(f64, f64)> = None;
    for row in rows {
        let (y, x1) = (row[0].y, row[0].x1);
        match (out.last_mut(), last) {
            (Some(above), Some(last)) if row[0].size <= 1.1 * text && wraps_onto(above, &row, last, right) => {
                let (piece, next) = (&mut above[0], &row[0]);
                // A word broken at its hyphen ("Sainte-" over "Anne", "k.mueller-" over
                // "luedenscheidt@example.de") goes on without a space, and so does a word's
                // half after one ("Medicatieverstrekking en -" over "controle"); a dash set
                // apart before a name does not ("bilingue -" over "Cabinet Martin").
                let half = piece.text.ends_with(" -") && next.text.starts_with(char::is_lowercase);
                let space = if compound_goes_on(&piece.text, &next.text) || half { "" } else { " " };
                piece.text = format!("{}{space}{}", piece.text, next.text);
                piece.x1 = piece.x1.max(next.x1);
            }
            _ => out.push(row),
        }
        last = Some((y, x1));
    }
    out
}

/// Whether `row` is the next line of the paragraph `above`, whose last line is on baseline
/// `last.0` and ends at `last.1`, in a column whose text reaches `right`.
fn wraps_onto(above: &Row, row: &Row, (last_y, last_x1): (f64, f64), right: f64) -> bool {
    let ([a], [b]) = (above.as_slice(), row.as_slice()) else { return false };
    let same_type = (a.size - b.size).abs() < 0.1 && (a.x0 - b.x0).abs() < 1.0;
    let next_line = b.y - last_y > 0.0 && b.y - last_y < 1.6 * b.size;
    // The first word's width, by the line's average letter.
    let letters = b.text.chars().count().max(1) as f64;
    let first = b.text.split(' ').next().unwrap_or_default();
    let word = (b.x1 - b.x0) / letters * (first.chars().count() as f64 + 1.0);
    let full = last_x1 + word > right - 0.5 * b.size;
    // Mid-sentence: the line above ends on a small joining word, a comma or a dash, or this
    // one starts in small letters after a line that ended no sentence or item (a list's items
    // in Polish or Italian start in small letters too, each ending on a semicolon or a stop).
    let ended = a.text.ends_with(['.', ';', ':', '!', '?']);
    let mid_sentence = ends_on_joining_word(&a.text)
        || a.text.ends_with([',', '-', '–', '—'])
        || (b.text.starts_with(char::is_lowercase) && !ended);
    // An address is a line of its own (an email, a web address), but for its broken half.
    let address = |w: &str| w.contains('@') || (w.contains('.') && w.contains('/')) || w.starts_with("www.");
    let last_word = a.text.rsplit(' ').next().unwrap_or_default();
    let addresses = address(last_word) || (address(first) && !ends_on_broken_word(&a.text));
    // A line in another script is another line: a name over its transliteration ("Ирина
    // Соколо-" over "Irina Sokolova").
    let latin = |c: Option<char>| c.map(|c| (c as u32) < 0x250 || (0x1E00..0x1F00).contains(&(c as u32)));
    let same_script =
        latin(a.text.chars().rev().find(|c| c.is_alphabetic())) == latin(b.text.chars().find(|c| c.is_alphabetic()));
    let apart = |t: &str| is_heading(t) || is_dates(t) || t.starts_with(['•', '-', '–', '*', '▪']);
    same_type && next_line && full && mid_sentence && same_script && !addresses && !apart(&a.text) && !apart(&b.text)
}

#[cfg(test)]
mod tests {
    use super::super::read;
    use super::super::tests::line;

    /// The page's lines, each (x, baseline, text) 6 pt a letter at 10 pt.
    fn page(lines: &[(f64, f64, &str)]) -> Vec<String> {
        read(lines.iter().flat_map(|(x, y, t)| line(*x, *y, t)).collect()).lines().map(str::to_owned).collect()
    }

    #[test]
    fn a_wrapped_task_is_one_line_and_a_title_over_it_stays_apart() {
        let lines = page(&[
            (40.0, 100.0, "Teamleiterin Wareneingang"),
            (40.0, 112.0, "Klärung von Mengen- und Qualitätsabweichungen mit"),
            (40.0, 124.0, "Lieferanten"),
            (40.0, 136.0, "Sortierung von Paketen im Paketzentrum (befristet)."),
            (40.0, 154.0, "obsługa klientów i realizacja zamówień oraz"),
            (40.0, 166.0, "reklamacji"),
            (40.0, 178.0, "przyjmowanie dostaw"),
        ]);
        assert_eq!(
            lines,
            [
                "Teamleiterin Wareneingang",
                "Klärung von Mengen- und Qualitätsabweichungen mit Lieferanten",
                "Sortierung von Paketen im Paketzentrum (befristet).",
                "obsługa klientów i realizacja zamówień oraz reklamacji",
                "przyjmowanie dostaw",
            ]
        );
    }

    #[test]
    fn a_lists_items_an_address_and_a_word_broken_at_its_hyphen() {
        let lines = page(&[
            (40.0, 100.0, "Soins d'hygiène et de confort du patient"),
            (40.0, 112.0, "Prévention des escarres"),
            (40.0, 130.0, "Lycée hôtelier Sainte-Anne et Saint-"),
            (40.0, 142.0, "Joseph, Saint-Nazaire"),
            (40.0, 160.0, "Téléphone 06 12 34 56 78 ou écrire à"),
            (40.0, 172.0, "claire.martin@example.fr"),
            (40.0, 190.0, "Écrire à l'adresse k.mueller-"),
            (40.0, 202.0, "luedenscheidt@example.de"),
        ]);
        assert_eq!(
            lines,
            [
                "Soins d'hygiène et de confort du patient",
                "Prévention des escarres",
                "Lycée hôtelier Sainte-Anne et Saint-Joseph, Saint-Nazaire",
                "Téléphone 06 12 34 56 78 ou écrire à",
                "claire.martin@example.fr",
                "Écrire à l'adresse k.mueller-luedenscheidt@example.de",
            ]
        );
    }

    #[test]
    fn a_dash_set_apart_keeps_its_space_and_an_items_end_ends_it() {
        let lines = page(&[
            (40.0, 100.0, "Assistante de direction bilingue -"),
            (40.0, 112.0, "Cabinet Martin"),
            (40.0, 130.0, "gestione degli ordini e dei fornitori;"),
            (40.0, 142.0, "controllo qualità della merce"),
        ]);
        assert_eq!(
            lines,
            [
                "Assistante de direction bilingue - Cabinet Martin",
                "gestione degli ordini e dei fornitori;",
                "controllo qualità della merce",
            ]
        );
        // An address, the widest line of its sidebar, over a line in small letters.
        let lines = page(&[(40.0, 100.0, "anna.nowak@example.pl"), (40.0, 112.0, "tel. 601 234 567")]);
        assert_eq!(lines, ["anna.nowak@example.pl", "tel. 601 234 567"]);
    }
}
