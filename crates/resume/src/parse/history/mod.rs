//! Employment and education entries. Each is anchored on a line with its dates; its title and
//! employer (or school and degree) are on that line and the lines next to it: before the dates
//! or after them, as the section's first entry has it (a resume sets all its entries alike).
//! Jobs are read here, schools in `schools`; what names a place beside them is in `places`.

mod places;
mod schools;
mod table;

pub(crate) use places::is_town;
pub use schools::schools;
pub(crate) use table::{Column as TableColumn, header_columns};

use super::ParsedJob;
use super::dates::{self, Span};
use super::labelled;
use super::words::{
    JOINING_WORDS, ends_on_joining_word, names_a_degree, names_a_gap, names_a_job, names_a_school, names_an_employer,
};
pub(super) use places::is_address;
use places::{
    is_address_line, is_named_place, is_place, is_town_and_state, is_town_in_capitals, is_town_in_country,
    is_town_in_region, name_of_address, without_town,
};
use table::Column;

/// An entry: the phrases of its heading (title, employer, school, degree...) in order, and
/// its dates.
#[derive(Debug)]
struct Entry {
    pieces: Vec<String>,
    start: Option<String>,
    end: Option<String>,
    /// A later role at the employer named above an earlier one ("Acme Ltd" over "Store
    /// Manager  2020 – now" and "Assistant Store Manager  2017 – 2020"): with headings before
    /// the dates, its dated line holds a title alone and no line around it adds to it.
    same_employer: bool,
    /// A table's row whose employer's cell is merged with the row above: its one cell is the
    /// title, whole.
    merged: bool,
}

/// The dates found in a line: start (None for a lone year), end (None: to the present) and
/// where they are.
type Dated = (Option<String>, Option<String>, std::ops::Range<usize>);

/// A line that is a bullet, a sentence or a sentence's continuation: description, not the
/// heading of an entry.
fn is_description(line: &str) -> bool {
    let line = line.trim();
    is_duration(line)
        || (line.starts_with(['•', '*', '-', '–', '>']) && !is_marked_title(line))
        || (line.chars().next().is_some_and(char::is_lowercase) && employer_after_connector(line).is_none())
        || is_sentence(line)
        || labelled::is_other_field(line)
}

/// Words of a time's length, lower case ("6 years 7 months", "2 yrs 3 mos", "1 Jahr 2 Monate").
const DURATION_WORDS: &[&str] = &[
    "year",
    "years",
    "yr",
    "yrs",
    "month",
    "months",
    "mo",
    "mos",
    "jahr",
    "jahre",
    "monat",
    "monate",
    "an",
    "ans",
    "mois",
    "año",
    "años",
    "mes",
    "meses",
    "anno",
    "anni",
    "mese",
    "mesi",
    "ano",
    "anos",
    "jaar",
    "maand",
    "maanden",
    "rok",
    "lata",
    "lat",
    "miesiąc",
    "miesiące",
    "miesięcy",
];

/// How long a time lasted, alone on its line, as a LinkedIn profile sets it under an employer
/// with several roles ("6 years 7 months"): no title or employer.
fn is_duration(line: &str) -> bool {
    let words: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
    !words.is_empty()
        && words.len() <= 4
        && words.chunks(2).all(|pair| match pair {
            [n, unit] => n.chars().all(|c| c.is_ascii_digit()) && DURATION_WORDS.contains(&unit.as_str()),
            _ => false,
        })
}

/// Words that introduce an employer at the start of its line ("bei Hochbau Zettl, Friedberg",
/// "presso Comune di Perugia", "at Northbridge Building Society").
const CONNECTORS: &[&str] = &["at", "bei", "presso", "chez", "bij", "en", "w", "na", "em", "para"];

/// "bei Hochbau Zettl, Friedberg" as "Hochbau Zettl, Friedberg": a line that starts with a
/// connector and goes on with a capitalised name.
fn employer_after_connector(line: &str) -> Option<&str> {
    let (first, rest) = line.trim().split_once(' ')?;
    (CONNECTORS.contains(&first) && rest.starts_with(char::is_uppercase)).then_some(rest.trim())
}

/// A timeline's dot before a job title, in a cell of its own ("•  Charge Nurse, Acute Medical
/// Unit"): a short phrase that names a job, after the dot and a cell gap. A bullet of a
/// description is a sentence or names no job.
fn is_marked_title(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('•').and_then(|r| r.strip_prefix("  ")) else { return false };
    rest.split_whitespace().count() <= 8 && !is_sentence(rest) && names_a_job(rest)
}

/// A phrase that reads as a sentence or part of one: it ends like one, has figures of money or
/// shares, or is long and two thirds in lower case (a name is mostly capitalised words).
fn is_sentence(text: &str) -> bool {
    let last_word = text.split_whitespace().last().unwrap_or_default().trim_end_matches('.');
    let words: Vec<&str> = text.split_whitespace().collect();
    let lower = words.iter().filter(|w| !w.chars().next().is_some_and(char::is_uppercase)).count();
    // "de-escalation." ends a sentence as "reviews." does.
    let lower_word = last_word.chars().filter(|c| *c != '-').all(char::is_lowercase);
    text.ends_with(';')
        || (text.contains("; ") && words.len() >= 6)
        || (text.ends_with(',') && words.len() >= 6)
        || (text.ends_with('.') && last_word.chars().count() > 3 && lower_word)
        || text.contains(['%', '$', '€', '£'])
        || (words.len() > 9 && 3 * lower >= 2 * words.len())
}

/// A cell after the first of a dated line that is description ("Feb 2022 – Present  Financial
/// Controller  Month-end close in 5 days"): four words or more, mostly in lower case.
fn is_prose(cell: &str) -> bool {
    let named = organisation(cell);
    let words: Vec<&str> = named.split_whitespace().collect();
    let lower = words.iter().filter(|w| !w.chars().next().is_some_and(char::is_uppercase)).count();
    // A title in a language that writes its later words small ("Técnica de asesoría
    // jurídica") starts with a title's word.
    let a_title = words.first().is_some_and(|w| names_a_job(w));
    is_sentence(cell) || (words.len() >= 4 && 2 * lower > words.len() && !a_title)
}

/// A table's header row ("Position  Facility  From  To", "Role | Employer | Dates"): three
/// or more short cells of words, apart by cell gaps or bars (a bullet or a dash joins the
/// phrases of one cell: "Present  Northbridge Building Society • Manchester (hybrid)").
fn is_table_header(line: &str) -> bool {
    let cells: Vec<&str> =
        line.split('|').flat_map(|p| p.split("  ")).map(str::trim).filter(|c| !c.is_empty()).collect();
    cells.len() >= 3
        && !line.chars().any(|c| c.is_ascii_digit())
        && cells.iter().all(|c| c.split_whitespace().count() <= 3 && c.chars().next().is_some_and(char::is_uppercase))
}

/// The phrases of a line: what separators (" | ", " — ", " • ", " - ", a cell gap) set apart.
fn cells(line: &str) -> impl Iterator<Item = &str> {
    separated(line)
        .into_iter()
        .flat_map(|p| p.split("  "))
        .flat_map(|p| p.split(" - "))
        .map(|p| p.trim().trim_matches([',', ':', '*', '/']).trim())
        .filter(|p| p.chars().any(char::is_alphabetic))
}

/// `line` cut at its bars, bullets and dashes; a dash between two figures is a range inside a
/// phrase ("Onderwijsassistent groep 3–5"), not a separator.
fn separated(line: &str) -> Vec<&str> {
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, c) in line.char_indices() {
        let dash = matches!(c, '–' | '—');
        let range = dash && digit(line[..i].chars().last()) && digit(line[i + c.len_utf8()..].chars().next());
        if (matches!(c, '|' | '•') || dash) && !range {
            pieces.push(&line[start..i]);
            start = i + c.len_utf8();
        }
    }
    pieces.push(&line[start..]);
    pieces
}

/// Whether a line names an organisation by its first phrase ("Ceramiche Emiliane S.p.A.,
/// Casalecchio di Reno (BO)").
fn names_an_organisation(line: &str) -> bool {
    names_an_employer(line.split(", ").next().unwrap_or_default())
}

/// A line that starts with a name (before any comma): a few capitalised words without figures
/// that name no job or place and are no prose ("Midwest Parcel Fulfillment, Columbus, OH"; not
/// "Führung eines Teams von 6 Disponenten", a German task).
fn starts_with_a_name(line: &str) -> bool {
    let first = line.split(", ").next().unwrap_or_default();
    first.split_whitespace().count() <= 6
        && !first.contains(|c: char| c.is_ascii_digit())
        && first.starts_with(char::is_uppercase)
        && !names_a_job(first)
        && !is_place(first)
        && !is_town(first)
        && !is_prose(first)
}

/// Two phrases of `line` joined by a dash, neither naming an organisation, as one title
/// ("Cariste – Préparateur de commandes"): for an entry whose employer is named on a line of
/// its own. Not two cells of a table ("Comptable unique  Vignobles Castel-Roux").
fn dash_title(cells: &[String], line: &str) -> Option<String> {
    let [title, more] = cells else { return None };
    // By its words: an ampersand names no organisation here ("Wales & South West").
    let organisation = |t: &str| names_an_employer(&t.replace(" & ", " "));
    if organisation(title) || organisation(more) {
        return None;
    }
    let at = line.find(title.as_str())?;
    let end = line.find(more.as_str())? + more.len();
    let whole = line.get(at..end)?;
    let dashed = [" – ", " - ", " — "].iter().any(|dash| whole.contains(dash));
    (end > at && dashed && !whole.contains("  ")).then(|| whole.to_owned())
}

/// Whether `cell`, after `last` and a dash, goes on with it as one phrase:
/// - a cell that starts in lower case ("Secrétaire médicale – accueil et facturation"): no name
///   starts so; a grade is not one ("… Reggio Emilia – voto 106/110");
/// - a part of an organisation or a school after its name ("Comune di Parma – Settore Lavori
///   Pubblici", "Università degli Studi di Firenze – Scuola di Economia e Management"):
///   neither names a job, and the part is no town.
fn goes_on_after_dash(last: &str, cell: &str, after_a_cell: bool) -> bool {
    let figures = cell.contains(|c: char| c.is_ascii_digit());
    let lower = cell.starts_with(char::is_lowercase);
    let part_of_organisation = (names_an_employer(last) || names_a_school(last))
        && !names_a_job(last)
        && !names_a_degree(last)
        && !names_a_job(cell)
        && !is_town(cell)
        && !is_place(cell)
        && !is_town_in_country(cell)
        && !is_town_in_region(cell);
    // "AUXILIAR DE LIMPEZA  LIMPOMONDEGO – SERVIÇOS DE HIGIENE, LDA.": after the title's
    // cell, the part after the dash ends the employer's name with its legal form. First on
    // its line, the part before the dash may be the title ("Zerspanungsmechaniker –
    // Wälzlagertechnik Main-Rhön GmbH").
    let named_on = after_a_cell && names_an_employer(cell) && !names_a_job(last) && !names_a_job(cell);
    // "Alma Mater Studiorum – Università di Bologna": a name before the school it is, not a
    // degree or a title before its school.
    let name =
        |t: &str| t.split_whitespace().count() <= 3 && t.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
    let school_named =
        names_a_school(cell) && !names_a_school(last) && !names_a_degree(last) && !names_a_job(last) && name(last);
    !figures && (lower || part_of_organisation || named_on || school_named)
}

/// The heading phrases of a line: its cells, less a town after an organisation ("Douro Vinhos,
/// Lda. — Porto", "Norte Auditores, SROC — Porto"; after anything else, "Quantum Ledger" may
/// be the employer).
fn heading_cells(line: &str) -> Vec<String> {
    let line = employer_after_connector(line).unwrap_or(line);
    let mut cells: Vec<String> = Vec::new();
    for cell in self::cells(line).filter_map(table::field_value) {
        let after_a_cell = cells.len() > 1;
        match cells.last_mut() {
            Some(last)
                if goes_on_after_dash(last, cell, after_a_cell) && line.contains(&format!("{last} – {cell}")) =>
            {
                *last = format!("{last} – {cell}");
            }
            _ => cells.push(cell.to_owned()),
        }
    }
    let legal_form = |c: &str| c.rsplit_once(", ").is_some_and(|(_, form)| !form.contains(' '));
    let after_employer = cells.first().is_some_and(|c| (names_an_employer(c) || legal_form(c)) && !names_a_job(c));
    let keep = |n: usize, c: &str| n == 0 || !after_employer || !is_town(c);
    // A town with its country beside the dates ("Nürnberg (Deutschland)", as the Europass
    // form sets it under them) is where, not who: no title or employer.
    let place = |c: &str| c.split_whitespace().count() <= 4 && c.ends_with(')') && is_town(c);
    // "… Inc. — Columbus, OH  Apr 2020 – Present": the last cell a town and its state.
    let last = cells.len().saturating_sub(1);
    let state = |n: usize, c: &str| n > 0 && n == last && is_town_and_state(c);
    cells
        .iter()
        .enumerate()
        .filter(|(n, c)| keep(*n, c) && !place(c) && !state(*n, c) && !is_address_line(c))
        .map(|(_, c)| (*c).to_owned())
        .collect()
}

/// How many phrases the pieces make once a lone one is split at its commas ("Warehouse
/// Supervisor, Midwest Grocers, Columbus OH" is two).
///
/// A town with its country is where, no phrase ("01/03/2016 – 30/09/2019 Moncalieri, Italia"
/// over "FISIOTERAPISTA DI REPARTO" over "RSA VILLA SERENA"); a title run together with an
/// employer that says it is one ("HGV CLASS 1 DRIVER MIDLANDS HAULAGE LTD", as the Europass
/// editor sets them in capitals) is two.
fn phrases(pieces: &[String]) -> usize {
    let pieces: Vec<&String> = pieces.iter().filter(|p| !is_town_in_country(p)).collect();
    match pieces.as_slice() {
        [one] if split_after_title(one).is_some_and(|(_, employer)| names_an_employer(&employer)) => 2,
        [one] => comma_pieces(one).len(),
        _ => pieces.len(),
    }
}

/// The line without the span of its dates, and the separators left around it.
fn without(line: &str, span: &std::ops::Range<usize>) -> String {
    let rest = format!("{}  {}", &line[..span.start], &line[span.end..]);
    // "Kirkstall Community Pharmacy [ 01/2019 – Current ]": the Europass editor's brackets too.
    let rest = rest.trim_matches(|c: char| c.is_whitespace() || "|,:–—-•[]".contains(c));
    rest.trim_start_matches(['(', ' ']).trim_end_matches(['(', ' ']).to_owned()
}

/// The lines of a section made ready: words a PDF ran together split again, a timeline's
/// rules and dots taken off, a table's header row left out, a range broken over two lines ("2020 –"
/// over "actualidad", a table cell's wrap) joined.
fn prepared(lines: &[&str]) -> Vec<String> {
    let cleaned: Vec<String> = lines
        .iter()
        .map(|l| {
            let l = without_marker(&unglue(l));
            let l = l.replace("──", "–").replace('─', "");
            // A numbered entry: "1) Sr. Accounts Assistant", "2. Accounts Assistant".
            let l = numbered(&l).unwrap_or(&l).to_owned();
            // A timeline typed in plain text: "04/2020 - heute  o  Schichtleiter Montage" over
            // "|  Voss Antriebstechnik GmbH", a letter o for its dot and bars for its rule.
            let l = match (l.find("  o  "), dates::span(&l)) {
                (Some(at), Some(span)) if span.at.end <= at => format!("{}{}", &l[..at], &l[at + 3..]),
                _ => l,
            };
            l.trim_start_matches(['│', '┃', '|', ' ']).to_owned()
        })
        .filter(|l| !l.trim().is_empty() && !is_table_header(l) && !table::is_header(l) && !is_address_line(l))
        .collect();
    let mut out = Vec::with_capacity(cleaned.len());
    let mut i = 0;
    while i < cleaned.len() {
        if let Some(next) = cleaned.get(i + 1)
            && let Some((joined, rest)) = joined_range(&cleaned[i], next)
        {
            out.push(joined);
            out.extend(rest);
            i += 2;
        } else if let Some(next) = cleaned.get(i + 1)
            && ends_on_joining_word(&cleaned[i])
            && dates::span(next).is_none()
        {
            out.push(format!("{} {next}", cleaned[i]));
            i += 2;
        } else {
            out.push(cleaned[i].clone());
            i += 1;
        }
    }
    out
}

/// A line without the number it starts with as an entry of a list ("1) Sr. Accounts
/// Assistant", "2. Billing Executive"): not a year ("2019. …") or a figure of a sentence.
fn numbered(line: &str) -> Option<&str> {
    let (number, rest) = line.split_once(' ')?;
    let digits = number.strip_suffix([')', '.'])?;
    (!digits.is_empty()
        && digits.len() <= 2
        && digits.chars().all(|c| c.is_ascii_digit())
        && rest.starts_with(char::is_uppercase))
    .then_some(rest.trim_start())
}

/// "2019 ──•── heden": a timeline's dot on its drawn line between two dates, as a dash.
fn without_marker(line: &str) -> String {
    let drawn = |c: char| "─━═•●○◆◇".contains(c);
    let mut out = String::with_capacity(line.len());
    let mut run = String::new();
    for c in line.chars().chain(std::iter::once('\n')) {
        if drawn(c) {
            run.push(c);
            continue;
        }
        // A run that draws a line ("──•──", "─●─") is one dash; a lone dot (a bullet) stays.
        if run.contains(['─', '━', '═']) && run.chars().count() >= 2 {
            out.push('–');
        } else {
            out.push_str(&run);
        }
        run.clear();
        if c != '\n' {
            out.push(c);
        }
    }
    out
}

/// "2020 –  Enfermera" over "actualidad  Hospital La Fe": the range's first cell ends on one
/// line and goes on at the start of the next; as "2020 – actualidad  Enfermera" and "Hospital
/// La Fe".
///
/// A table row whose every cell wrapped ("09/2019 –  Ayuntamiento de  Técnica de asesoría"
/// over "actualidad  Alcobendas  jurídica") is joined cell by cell when both lines have as
/// many cells.
fn joined_range(line: &str, next: &str) -> Option<(String, Option<String>)> {
    let (cell, rest) = line.split_once("  ").unwrap_or((line, ""));
    let row: Vec<&str> = line.split("  ").map(str::trim).collect();
    let next_row: Vec<&str> = next.split("  ").map(str::trim).collect();
    // With fewer cells on the next line, they go to the cells that were cut: the first (the
    // range), one that ends where a name cannot ("Bufete Ortega y" over "Asociados S.L.P."),
    // and the last when it is a description, when there are just as many.
    let cut: Vec<usize> = (0..row.len())
        .filter(|&k| k == 0 || (k + 1 == row.len() && is_prose(row[k])) || ends_on_joining_word(row[k]))
        .collect();
    let targets: Option<Vec<usize>> = if row.len() == next_row.len() {
        Some((0..row.len()).collect())
    } else {
        (cut.len() == next_row.len()).then_some(cut)
    };
    if let Some(targets) = targets.filter(|_| row.len() > 2 && dates::span(line).is_none()) {
        let mut joined: Vec<String> = row.iter().map(|c| (*c).to_owned()).collect();
        for (k, more) in targets.iter().zip(&next_row) {
            // A row of a table with merged cells under the wrapped one: a town under its
            // employer ("Entrepôts du Nord" over "Lesquin") stays apart for `without_town`,
            // and the job's description under its title is no part of the title.
            if *k > 0 && is_town(more) && !ends_on_joining_word(&joined[*k]) {
                joined[*k] = format!("{}, {more}", joined[*k]);
            } else if !(*k > 0 && is_prose(more) && !is_prose(&joined[*k])) {
                joined[*k] = format!("{} {more}", joined[*k]);
            }
        }
        if dates::span(&joined[0]).is_some() {
            return Some((joined.join("  "), None));
        }
    }
    let (next_cell, next_rest) = next.split_once("  ").unwrap_or((next, ""));
    let range = format!("{} {}", cell.trim(), next_cell.trim());
    let ends_open = dates::span(line).is_none() && dates::single(cell).is_some();
    let cell_len = cell.trim().len();
    let joined = ends_open && dates::span(&range).is_some_and(|s| s.at.start < cell_len && s.at.end > cell_len);
    let next_rest = Some(next_rest.trim().to_owned()).filter(|r| !r.is_empty());
    if joined {
        return Some((format!("{range}  {}", rest.trim()), next_rest));
    }
    // A timeline's gutter with the start over the end and nothing between them ("2019" over
    // "now", "08/2017" over "03/2020"): a range, when the two cells are dates and nothing else
    // and the later one is not before the other (a timeline of start years runs backwards).
    let stacked = format!("{} – {}", cell.trim(), next_cell.trim());
    let whole = dates::span(&stacked)
        .is_some_and(|s| s.at == (0..stacked.len()) && s.end.as_ref().is_none_or(|end| *end >= s.start));
    (whole && dates::span(line).is_none() && dates::span(next).is_none())
        .then(|| (format!("{stacked}  {}", rest.trim()), next_rest))
}

/// Words a PDF ran together where table cells met ("MathematicsAalto"), split again: a long
/// run of lowercase letters followed by a capital does not happen inside a word.
fn unglue(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 4);
    let (mut lower_run, mut digit_run) = (0, 0);
    for c in line.chars() {
        // "…November 2022Group Product Manager": a year glued to the cell after it, too.
        if c.is_uppercase() && (lower_run >= 6 || digit_run == 4) {
            out.push(' ');
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
        digit_run = if c.is_ascii_digit() { digit_run + 1 } else { 0 };
        out.push(c);
    }
    out
}

/// The entries of a section: each dated line with the heading lines that go with it, up to
/// two `phrases` (a title and an employer; a school and a degree) in all. They are looked for on the side of the dates
/// the first entry has them, and on the other side when that side has none.
///
/// With `jobs` (a work history, not an education), a table's row with one cell under a row
/// with all of them has the employer's cell merged down (`Entry::merged`), and a title over
/// its employer's line may hold a dash.
fn entries(
    lines: &[String],
    dated: impl Fn(&str) -> Option<Dated>,
    phrases: fn(&[String]) -> usize,
    jobs: bool,
) -> Vec<Entry> {
    let anchors: Vec<(usize, Dated)> = lines.iter().enumerate().filter_map(|(i, l)| Some((i, dated(l)?))).collect();
    let Some((first, _)) = anchors.first() else { return Vec::new() };
    let is_heading = |i: usize| !is_description(&lines[i]) && dated(&lines[i]).is_none();
    // An office suite centres a dates cell beside a taller cell, so the first dates may come
    // out after a line or two of the first entry's description ("Verzorgende IG" /
    // "Zorggroep IJsselheem" / "• Persoonlijke verzorging…" / "01/02/2019–heden"): the
    // headings are still before the dates.
    let heading_first = (first.saturating_sub(3)..*first).any(is_heading);
    // A LinkedIn profile's history: an employer's time in all on a line of its own.
    let linkedin = lines.iter().any(|l| is_duration(l));
    let mut out = Vec::new();
    let mut free = 0; // the first line no earlier entry took
    let mut row_cells = 0; // the phrases on the dated line of the last row with all its cells
    for (n, (i, (start, end, at))) in anchors.iter().enumerate() {
        let rest = without(&lines[*i], at);
        // "giugno 2020 – oggi (contratto a tempo indeterminato, cat. D)": a note in parentheses
        // beside the dates says nothing of who.
        let after = lines[*i].get(at.end..).unwrap_or_default().trim();
        let noted = lines[*i].get(..at.start).unwrap_or_default().trim().is_empty()
            && after.starts_with('(')
            && after.ends_with(')');
        // "Período: fevereiro/2019 – atualmente": the dates' own label says nothing of who.
        let rest = if noted || table::is_dates_label(&rest) { String::new() } else { rest };
        // "jan/2019 – atual • Campinas – SP": the rest is where, as a whole, before its dash
        // splits it.
        let where_whole = is_town_and_state(&rest) || is_town_in_country(&rest);
        let mut pieces = if where_whole { Vec::new() } else { heading_cells(&rest) };
        let mut n_cell = 0;
        // With the headings before the dates, the dates' line holds no heading: a line of the
        // description beside dates centred in their cell ("09/2018–aujourd'hui  Facturation
        // des actes, tiers payant et relances") is prose even in its first cell.
        pieces.retain(|p| {
            n_cell += 1;
            !(is_sentence(p) || ((n_cell > 1 || heading_first) && is_prose(p)))
        });
        // "SEPTIEMBRE 2019 – ACTUALIDAD • ZARAGOZA": a town in capitals beside the dates is where
        // the job was, unless the lines around give no title and employer without it.
        // So is a town with its state or country ("Minneapolis, MN  •  March 2022 – Present").
        let where_ = |p: &String| is_town_in_capitals(p) || is_town_in_region(p) || is_town_in_country(p);
        let (mut places, kept): (Vec<String>, Vec<String>) = pieces.into_iter().partition(where_);
        if where_whole {
            places.push(rest.clone());
        }
        let mut pieces = kept;
        let names_below =
            |j: usize| lines.get(j + 1).is_some_and(|next| is_heading(j + 1) && names_an_organisation(next));
        // "HR Specialist – Amministrazione del personale  Marzo 2021 – oggi" over "Ceramiche
        // Emiliane S.p.A.": with the employer on the line below, the dash is inside the title.
        // In a work history the line below is the employer also when it is a name that is
        // neither a job, a place nor prose ("Warehouse Lead - 2nd Shift" over "Midwest Parcel
        // Fulfillment, Columbus, OH"). A comma is inside the title only over an organisation
        // by its words ("Senior Paralegal, Commercial Property" over "Hartley Brooke LLP"): a
        // title and its employer are often set so ("Dental Nurse, Bedminster Family Dentistry"
        // over the practice's kind).
        let name_below = || {
            let Some(next) = lines.get(i + 1) else { return false };
            jobs && is_heading(i + 1) && dated(next).is_none() && starts_with_a_name(next)
        };
        let mut employer_below = false;
        if !heading_first && (names_below(*i) || name_below()) {
            if let Some(whole) = dash_title(&pieces, &rest) {
                pieces = vec![whole];
                employer_below = true;
            } else if let [one] = pieces.as_slice()
                && jobs
                && names_below(*i)
                && lines[i + 1].rsplit_once(", ").is_some_and(|(_, town)| is_town(town))
                && comma_pieces(one).len() == 2
                && !names_an_employer(one)
            {
                employer_below = true;
            }
        }
        let own = pieces.len();
        // The employer below is taken now: the title may have a comma of its own.
        // Its line is the employer's alone: a dash in it is in the name ("LogiTejo –
        // Operadores Logísticos, S.A., Azambuja").
        if employer_below {
            pieces.push(lines[i + 1].trim().to_owned());
        }
        // "2016 – 2020  Cariste CACES 1, 3 et 5" under "Depuis mars 2020  Entrepôts du Nord
        // Logistique  Chef d'équipe préparation": the employer's cell is merged down, and
        // the lines after the row are its description.
        // A row whose next line names who ("Addetta paghe  2016 – 2021" over "Studio Associato
        // Conti & Ferraresi") is an entry with its dates on the right, not a merged row.
        let merged = jobs
            && n > 0
            && own == 1
            && phrases(&pieces) == 1
            && row_cells >= 2
            && lines[*i].contains("  ")
            && !names_below(*i);
        if merged {
            free = i + 1;
            out.push(Entry { pieces, start: start.clone(), end: end.clone(), same_employer: true, merged });
            continue;
        }
        let untaken = free;
        let before: Vec<usize> = (untaken..*i).rev().collect();
        let after: Vec<usize> = (i + 1..anchors.get(n + 1).map_or(lines.len(), |a| a.0)).collect();
        let after_first = after.first().copied();
        let sides = if heading_first { [(before, true), (after, false)] } else { [(after, false), (before, true)] };
        free = i + 1;
        if employer_below {
            free = i + 2;
        }
        for (near, is_before) in sides {
            let found = pieces.len();
            let mut skipped = 0;
            // The employer's line under a title with a dash, after the dates: taken whole.
            let mut employer_whole = false;
            for j in near {
                // Before dates centred beside it, a line or two of description may come
                // between the dates and their headings; nothing before them is another entry's.
                if is_before
                    && heading_first
                    && own == 0
                    && pieces.is_empty()
                    && skipped < 2
                    && is_description(&lines[j])
                {
                    skipped += 1;
                    continue;
                }
                // "Lonestar Health Systems" / "6 years 7 months" / "Senior Software Engineer":
                // an employer's time in all, between it and its first role.
                if is_duration(&lines[j]) {
                    continue;
                }
                // "Fenmarsh Foods Ltd, Wisbech" over "Shift Maintenance Electrician, Packing Hall
                // dates": under an organisation's line, a comma is inside the dated title.
                let comma_title = is_before
                    && jobs
                    && own == 1
                    && pieces.len() == 1
                    && names_an_organisation(&lines[j])
                    && !names_an_organisation(&pieces[0]);
                if (phrases(&pieces) >= 2 && !comma_title) || !is_heading(j) {
                    break;
                }
                let mut more = heading_cells(&lines[j]);
                if employer_whole {
                    more = vec![lines[j].trim().to_owned()];
                }
                // "CARISTE – PRÉPARATEUR DE COMMANDES" over "Entrepôts Loiret Distribution" (or
                // over the dated line that names it): a title with a dash in it.
                // So over a name and its town ("Warehouse Lead - 2nd Shift" over "Midwest Parcel
                // Fulfillment, Groveport, OH" over the dates), in a work history.
                // After the dates, the line below names the employer by its words or is a name
                // that is no job or place ("Eletricista de Manutenção Industrial - Turno
                // rotativo" over "Sadofibra - Fábrica de Papel, Setúbal").
                let name_next = |j: usize| {
                    jobs && lines.get(j + 1).is_some_and(|next| is_heading(j + 1) && starts_with_a_name(next))
                };
                let employer_next = names_below(j)
                    || (!is_before && name_next(j))
                    || (is_before && pieces.iter().any(|p| names_an_organisation(p)))
                    || (is_before && jobs && pieces.len() == 1 && own == 0 && starts_with_a_name(&pieces[0]));
                if employer_next && let Some(whole) = dash_title(&more, &lines[j]) {
                    more = vec![whole];
                    employer_whole = !is_before;
                }
                // "Encargada de turno" / "Tostado Norte Café de Especialidad — Palermo Soho" /
                // dates: a line of two phrases over the dates that names no job is the
                // employer and where it is, under the title (a short phrase that names no
                // organisation).
                let title_above = (is_before && j > untaken && is_heading(j - 1))
                    .then(|| heading_cells(&lines[j - 1]))
                    .and_then(|above| <[String; 1]>::try_from(above).ok())
                    .map(|[title]| title)
                    .filter(|title| {
                        title.split_whitespace().count() <= 6
                            && !names_an_employer(title)
                            && !is_prose(title)
                            && !is_place(title)
                            && phrases(std::slice::from_ref(title)) == 1
                    });
                // The line must be an employer's by its words, or a name of two words or more
                // beside a town or an address ("Focus Ireland, Dublin 8"): "Disponent – Dachser"
                // under a description's last line is a title and its employer.
                let employer_first = more.first().is_some_and(|first| {
                    let mut parts = first.split(", ");
                    let name = parts.next().unwrap_or_default();
                    let place = |p: &str| is_town(p) || is_address(p);
                    let beside = more.get(1).map(String::as_str).or_else(|| parts.last()).is_some_and(place);
                    names_an_employer(name) || (name.split_whitespace().count() >= 2 && beside)
                });
                if let Some(title) = title_above
                    && pieces.is_empty()
                    && phrases(&more) >= 2
                    && employer_first
                    && !more.iter().flat_map(|p| comma_pieces(p)).any(|p| names_a_job(&p))
                {
                    more = vec![title, more[0].clone()];
                }
                // "Talleres Deusto Motor (concesionario oficial) — Bilbao" over "Jefe de Taller
                // dates": an employer and its town over the dated title; the town is where, and
                // the title stays first.
                let employer_and_town = is_before
                    && own == 1
                    && pieces.len() == 1
                    && matches!(more.as_slice(), [name, town] if is_town(town) && !is_town_in_country(name)
                        && (names_a_job(&pieces[0]) || !names_a_job(name)));
                if employer_and_town {
                    more.truncate(1);
                    pieces.extend(more);
                } else if is_before {
                    pieces.splice(0..0, more);
                } else {
                    pieces.extend(more);
                    free = j + 1;
                }
            }
            if pieces.len() > found || phrases(&pieces) >= 2 {
                break;
            }
        }
        // "Employée de bureau" / "06/2011–12/2013" / "Transports Garonne Express, Colomiers
        // (France)": an office suite may set a form's dates cell between the entry's two lines.
        // The line right after the dates completes the entry only when it names where it is,
        // as the next entry's first line never does.
        // So does a work history's employer, named by its words or a name that is no job or
        // place ("Koordynatorka ds. marketingu" / "marzec 2021 – obecnie" / "Bonavita Kosmetyki
        // Sp. z o.o., Kraków"; "Agencja Reklamowa Pixel House, Kraków"), but not a LinkedIn
        // role's town ("Austin, Texas, United States").
        let completes = |line: &str| {
            is_named_place(line)
                || (jobs && (names_an_organisation(line) || starts_with_a_name(line)) && !names_a_job(line))
        };
        if heading_first
            && phrases(&pieces) == 1
            && let Some(j) = after_first.filter(|j| is_heading(*j) && completes(&lines[*j]))
        {
            pieces.extend(heading_cells(&lines[j]));
            free = j + 1;
        }
        if phrases(&pieces) < 2 && !places.is_empty() {
            let at = if heading_first { pieces.len() } else { 0 };
            pieces.splice(at..at, places);
        }
        // One phrase for an entry under an earlier one: a role at the same employer, on the
        // dated line ("2016 – 2018  Sous-chef") or, as a LinkedIn profile lists an employer's
        // roles, a job's title alone above its dates.
        let same_employer =
            heading_first && n > 0 && pieces.len() == 1 && (own == 1 || (linkedin && names_a_job(&pieces[0])));
        // A table's row is whole on its dated line; an entry that took other lines is none.
        row_cells = if pieces.len() == own { own } else { 0 };
        out.push(Entry { pieces, start: start.clone(), end: end.clone(), same_employer, merged: false });
    }
    out
}

/// A timeline that marks each job by the year it began ("2021 • Técnica de enfermagem —
/// Hospital da Luz"), without a range anywhere: each line that starts with a year is an entry,
/// which ended when the one above it (later) began.
fn by_start_years(lines: &[String]) -> Vec<Entry> {
    let at_start = |l: &str| dates::single(l).filter(|(_, at)| at.start == 0).map(|(year, at)| (Some(year), None, at));
    let mut found = entries(lines, at_start, phrases, true);
    for n in 1..found.len() {
        if found[n - 1].start >= found[n].start {
            found[n].end = found[n - 1].start.clone();
        }
    }
    found
}

fn span_of(line: &str) -> Option<Dated> {
    dates::span(line).map(|Span { start, end, at }| (Some(start), end, at))
}

/// The jobs in the lines of an experience section.
pub fn jobs(lines: &[&str]) -> Vec<ParsedJob> {
    let form = labelled::entries(lines);
    if form.iter().any(|f| !f.title().is_empty() && !f.employer().is_empty()) {
        return form
            .into_iter()
            .filter(|f| !f.title().is_empty())
            .map(|f| ParsedJob {
                title: f.title(),
                employer: without_town(&name_of_address(&f.employer())),
                start: f.dates.as_ref().map(|d| d.start.clone()),
                end: f.dates.and_then(|d| d.end),
            })
            .collect();
    }
    let raw = lines;
    let lines = prepared(lines);
    if let Some(rows) = table::rows(raw, &lines) {
        let by_column: Vec<ParsedJob> = rows
            .iter()
            .filter(|r| !r.get(Column::Title).is_empty())
            .map(|r| ParsedJob {
                title: title_of_cell(r.get(Column::Title)).to_owned(),
                // Where one worked may be headed as an institution ("Instituição").
                employer: without_town(&organisation(r.either(Column::Employer, Column::School))),
                start: r.start.clone(),
                end: r.end.clone(),
            })
            .collect();
        if by_column.iter().any(|j| !j.employer.is_empty()) {
            return by_column;
        }
    }
    let mut found = entries(&lines, span_of, phrases, true);
    if found.is_empty() {
        found = by_start_years(&lines);
    }
    let mut out: Vec<ParsedJob> = Vec::new();
    // "09/2018 – heute  Hansekontor Spedition GmbH & Co. KG, Bremen" over its roles, each with
    // dates of its own within: the employer's years over the roles held there.
    let mut over: Option<(String, Option<String>)> = None;
    for entry in found {
        if let [only] = entry.pieces.as_slice()
            && !entry.merged
            && comma_pieces(only).len() == 1
            && names_an_employer(only)
            && !names_a_job(only)
        {
            over = Some((without_town(&organisation(only)), entry.start));
            continue;
        }
        let (mut title, mut employer) = match entry.pieces.as_slice() {
            [title] if entry.merged => (title.clone(), String::new()),
            _ => title_and_employer(entry.pieces),
        };
        if employer.is_empty()
            && entry.same_employer
            && let Some(before) = out.last()
        {
            employer = before.employer.clone();
        }
        // A role under it names no other employer: a part after a dash is the title's
        // ("Teamleiterin Disposition – Nahverkehr").
        if let Some((name, since)) = &over
            && entry.start.as_ref().zip(since.as_ref()).is_some_and(|(start, since)| start >= since)
            && !names_an_employer(&employer)
        {
            if !employer.is_empty() {
                title = format!("{title} – {employer}");
            }
            employer = name.clone();
        }
        // Time between jobs, whichever phrase it was read into ("Elternzeit", "Ano sabático").
        if !title.is_empty() && !names_a_gap(&title) && !names_a_gap(&employer) {
            out.push(ParsedJob { title, employer, start: entry.start, end: entry.end });
        }
    }
    out
}

/// A table's title cell that goes on into the job's tasks after a dash ("Professora de
/// Educação Básica I – rede municipal de Campinas; regência de turma…"): the title before it.
/// A short aside stays ("Secrétaire médicale – accueil et facturation").
fn title_of_cell(cell: &str) -> &str {
    [" – ", " — ", " - "]
        .iter()
        .find_map(|dash| cell.split_once(dash))
        .filter(|(_, rest)| is_sentence(rest))
        .map_or(cell, |(title, _)| title.trim())
}

/// "Title, Employer, Town" on one line when nothing else split it: the title and the
/// employer without the town; "Employer, Town" as the employer alone; a comma that does not
/// start an organisation's name ("Professeur des écoles, classe de CM1") splits nothing.
fn comma_pieces(piece: &str) -> Vec<String> {
    // "Projektleiter bei Rheinwerk AG", "Avvocato presso Studio Legale Conti".
    if let Some((title, employer)) =
        [" at ", " @ ", " bei ", " presso ", " chez ", " bij "].iter().find_map(|at| piece.split_once(at))
    {
        return vec![title.trim().to_owned(), without_town(employer)];
    }
    let mut parts: Vec<&str> = piece.split(", ").map(str::trim).collect();
    while parts.len() > 2 && parts.last().is_some_and(|p| is_town(p)) {
        parts.pop();
    }
    match parts.as_slice() {
        [_, b] if !b.starts_with(char::is_uppercase) => vec![piece.to_owned()],
        [a, b] if names_a_job(a) => vec![(*a).to_owned(), without_town(b)],
        [a, b] if is_town(b) => vec![(*a).to_owned()],
        // "Douro Vinhos, Lda.", "Norte Auditores, SROC": a legal form after the name.
        [_, b] if !b.contains(' ') => vec![piece.to_owned()],
        [a, rest @ ..] if !rest.is_empty() => vec![(*a).to_owned(), without_town(&rest.join(", "))],
        _ => vec![piece.to_owned()],
    }
}

/// The title and the employer among an entry's phrases: the title is the one more like a
/// title ("Financial Controller" after "Northbridge Retail Group plc"), else the first.
fn title_and_employer(pieces: Vec<String>) -> (String, String) {
    // Beside others, a town with its country is where ("PHARMACIE DU PARC – LYON, FRANCE";
    // "01/03/2018 – CURRENT  Nottingham, United Kingdom" over "HGV CLASS 1 DRIVER MIDLANDS
    // HAULAGE LTD", which holds both title and employer).
    let pieces =
        if pieces.len() > 1 { pieces.into_iter().filter(|p| !is_town_in_country(p)).collect() } else { pieces };
    let mut pieces = if let [one] = pieces.as_slice() {
        comma_pieces(one)
    } else {
        // A place is left out beside two others; of two, one may be "Employer, Town".
        pieces.iter().filter(|p| pieces.len() == 2 || !is_place(p)).cloned().collect()
    };
    // "UI Engineer Tailspin Toys": a table row whose cells ran together. The title ends at
    // its last title word that is followed by more capitalised words.
    if pieces.len() == 1
        && let Some((title, employer)) = split_after_title(&pieces[0])
    {
        pieces = vec![title, employer];
    }
    // A school is an employer too, a teacher's ("Escola Estadual Professora Maria Cândida de
    // Oliveira" names a job's word in its patron's title).
    let titleness = |p: &str| i32::from(names_a_job(p)) - i32::from(names_an_employer(p) || names_a_school(p));
    match pieces.as_slice() {
        [] => (String::new(), String::new()),
        [one] => (one.clone(), String::new()),
        // "Têxteis do Ave, S.A., Rua da Fábrica 12, 4760-108 Famalicão": the name before its address.
        // The employer without its town; a title keeps its aside ("Servicekraft (Minijob)").
        [a, b, ..] if titleness(b) > titleness(a) => (b.clone(), name_of_address(&organisation(&without_town(a)))),
        [a, b, ..] => (a.clone(), name_of_address(&organisation(&without_town(b)))),
    }
}

/// An employer without what follows its name: "Bright Basket (online grocery)", "Hôtel Belle
/// Rive *****". A short name in parentheses stays ("Karlsruher Institut für Technologie (KIT)").
fn organisation(piece: &str) -> String {
    // A hotel's stars ("Hotel Douro Palace ★★★★", "Hôtel Belle Rive *****").
    let piece = piece.trim_end_matches(['*', '★', '☆', ' ']);
    // "Lycée professionnel hôtelier de Dinard (35)": a French département's number.
    let piece = match piece.strip_suffix(')').and_then(|p| p.rsplit_once(" (")) {
        Some((name, number)) if (1..=3).contains(&number.len()) && number.starts_with(|c: char| c.is_ascii_digit()) => {
            name
        }
        _ => piece,
    };
    match piece.split_once(" (") {
        Some((name, aside)) if aside.ends_with(')') && aside.contains(' ') => name.trim().to_owned(),
        _ => piece.to_owned(),
    }
}

fn split_after_title(text: &str) -> Option<(String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let modifiers = ["product", "sales", "support", "senior", "junior", "principal", "staff", "chief"];
    let at = (0..words.len().saturating_sub(1)).rev().find(|&i| {
        names_a_job(words[i])
            && !modifiers.contains(&words[i].to_lowercase().as_str())
            && words[i + 1].chars().next().is_some_and(char::is_uppercase)
    })?;
    let (title, employer) = (words[..=at].join(" "), words[at + 1..].join(" "));
    // "Assistant Store Manager" is one title, not "Assistant" at "Store Manager"; nor is
    // "FISIOTERAPISTA DI REPARTO" a title at "DI REPARTO": no name starts with "di".
    let joined = JOINING_WORDS.contains(&words[at + 1].to_lowercase().as_str());
    // "Farmacêutica Clínica" is a clinical pharmacist: a lone word of an organisation's kind
    // qualifies the title, it names no employer.
    let kind_alone = at + 2 == words.len() && names_an_employer(&employer);
    // "Software Engineer II", "Nurse Band 6": a grade after the title is no employer.
    let band = words[at + 1].eq_ignore_ascii_case("band") && words[at + 2..].iter().all(|w| is_grade(w));
    let grade = words[at + 1..].iter().all(|w| is_grade(w)) || band;
    (!names_a_job(&employer) && !joined && !kind_alone && !grade).then_some((title, employer))
}

/// A title's grade: a roman numeral ("II", "IV") or a figure ("3").
fn is_grade(word: &str) -> bool {
    word.chars().all(|c| "IVX".contains(c)) || word.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(title: &str, employer: &str, start: &str, end: Option<&str>) -> ParsedJob {
        ParsedJob {
            title: title.into(),
            employer: employer.into(),
            start: Some(start.into()),
            end: end.map(Into::into),
        }
    }

    /// Title and employer of each job found.
    fn who(lines: &[&str]) -> Vec<(String, String)> {
        jobs(lines).into_iter().map(|j| (j.title, j.employer)).collect()
    }

    fn pairs(want: &[(&str, &str)]) -> Vec<(String, String)> {
        want.iter().map(|(t, e)| ((*t).to_owned(), (*e).to_owned())).collect()
    }

    #[test]
    fn one_line_per_job_with_its_dates() {
        let lines = [
            "Senior Data Engineer — Quantum Ledger   Jan 2020 – Present",
            "• Built the pipelines",
            "Kestrel Freight | Route Planner | 04/2017 - 12/2019",
            "2014 – 2017  Analyst at Aurora Biotech",
            "2011 – 2014  Projektassistentin bei Rheinwerk Bau AG, Köln",
            "2020-03 - present   Warehouse Supervisor, Midwest Grocers Distribution, Columbus OH",
        ];
        assert_eq!(
            jobs(&lines),
            [
                job("Senior Data Engineer", "Quantum Ledger", "2020-01", None),
                job("Route Planner", "Kestrel Freight", "2017-04", Some("2019-12")),
                job("Analyst", "Aurora Biotech", "2014", Some("2017")),
                job("Projektassistentin", "Rheinwerk Bau AG", "2011", Some("2014")),
                job("Warehouse Supervisor", "Midwest Grocers Distribution", "2020-03", None),
            ]
        );
    }

    #[test]
    fn dates_on_the_right_of_the_title_with_the_employer_below() {
        let lines = [
            "Schichtleiterin Versand  05/2019 - heute",
            "Elbtal Logistik GmbH, Dresden",
            "- Einsatzplanung für 14 Mitarbeitende",
            "Lagerfachkraft  09/2015 - 04/2019",
            "Sachsenspedition Kühn, Riesa",
        ];
        let want = [("Schichtleiterin Versand", "Elbtal Logistik GmbH"), ("Lagerfachkraft", "Sachsenspedition Kühn")];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn dates_on_their_own_line_after_title_and_employer_in_either_order() {
        let lines = [
            "Ward Sister",
            "Harbourside General Hospital, Plymouth",
            "June 2019 – Present",
            "Led a team of twelve nurses",
            "Stepped in for the ward manager on nights",
            "Redfern Care Group",
            "Staff Nurse",
            "Mar 2015 – May 2019",
        ];
        let want = [("Ward Sister", "Harbourside General Hospital"), ("Staff Nurse", "Redfern Care Group")];
        assert_eq!(who(&lines), pairs(&want));
        // The employer set with its town after a dash, and a legal form after a comma.
        let lines = ["Contabilista Sénior", "Ribeira Conservas, Lda. — Vila Nova de Gaia", "Mar. 2018 – Atual"];
        assert_eq!(who(&lines), pairs(&[("Contabilista Sénior", "Ribeira Conservas, Lda.")]));
    }

    #[test]
    fn dates_first_with_title_and_employer_below() {
        let lines = [
            "04.2020 – heute",
            "Kommissionierer",
            "Nordhafen Distribution GmbH, Bremen",
            "Kommissionierung nach Pick-by-Voice, Verladung.",
            "03.2020 – 04.2020",
            "Elternzeit",
            "10.2017 – 03.2020",
            "Lagerhelfer",
            "Weserland Getränke KG, Bremen",
        ];
        // Time between jobs is no job.
        let want = [("Kommissionierer", "Nordhafen Distribution GmbH"), ("Lagerhelfer", "Weserland Getränke KG")];
        assert_eq!(who(&lines), pairs(&want));
        // Nor when it was read as the employer beside a line of the description above it.
        let lines = ["Ano sabático  09/2019 – 08/2020", "Técnica de RH  2016 – 2019", "Têxteis Cávado, Barcelos"];
        assert_eq!(who(&lines), pairs(&[("Técnica de RH", "Têxteis Cávado")]));
    }

    #[test]
    fn dates_centred_beside_their_entry_and_stacked_in_a_gutter() {
        // An office suite centred the dates' cell beside a taller cell of the entry.
        let lines = [
            "Verzorgende IG",
            "Zorggroep IJsselheem, Zwolle (Nederland)",
            "• Persoonlijke verzorging van cliënten met dementie",
            "01/02/2019–heden",
            "• Medicatie aanreiken en aftekenen",
            "Helpende Zorg en Welzijn",
            "Thuiszorg Salland, Deventer (Nederland)",
            "01/09/2015–31/01/2019",
        ];
        assert_eq!(
            who(&lines),
            pairs(&[("Verzorgende IG", "Zorggroep IJsselheem"), ("Helpende Zorg en Welzijn", "Thuiszorg Salland")])
        );
        // A gutter with the start over the end, title and employer in either order beside them.
        let lines = [
            "2019  Senior Quantity Surveyor",
            "now  Aire Valley Construction Ltd",
            "Cost plans and valuations for school and hospital projects up to £40m",
            "2015  Pennine Cost Consultants LLP",
            "2019  Quantity Surveyor",
        ];
        let got = jobs(&lines);
        let want = [
            job("Senior Quantity Surveyor", "Aire Valley Construction Ltd", "2019", None),
            job("Quantity Surveyor", "Pennine Cost Consultants LLP", "2015", Some("2019")),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn an_employers_address_web_site_and_brackets_are_not_who() {
        let lines = [
            "Técnica superior en imagen para el diagnóstico",
            "Hospital Universitario Virgen Macarena",
            "Calle Doctor Fedriani 3, 41009 Sevilla (España)",
            "05/2018–Actualidad  www.hospitalmacarena.es",
            "• Radiología convencional y TC en urgencias",
        ];
        assert_eq!(
            who(&lines),
            pairs(&[("Técnica superior en imagen para el diagnóstico", "Hospital Universitario Virgen Macarena")])
        );
        let lines = ["PHARMACIST MANAGER", "Kirkstall Community Pharmacy [ 01/2019 – Current ]", "City: Leeds"];
        assert_eq!(who(&lines), pairs(&[("PHARMACIST MANAGER", "Kirkstall Community Pharmacy")]));
        // The editor's place beside the dates, in French; a title with a dash over its employer.
        let lines = [
            "ASSISTANTE DE SERVICE SOCIAL – POLYVALENCE DE SECTEUR",
            "Conseil départemental du Nord",
            "[ 01/09/2019 – Actuel ]  Ville : Lille | Pays : France",
            "Suivi d'environ 90 ménages",
        ];
        let want = [("ASSISTANTE DE SERVICE SOCIAL – POLYVALENCE DE SECTEUR", "Conseil départemental du Nord")];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn an_office_suites_form_with_its_dates_centred_beside_long_activities() {
        let lines = [
            "Secrétaire médicale – accueil et facturation",
            "Clinique Pasteur, Toulouse (France)",
            "Accueil physique et téléphonique des patients – prise de rendez-vous",
            "09/2018–aujourd'hui  Facturation des actes, tiers payant et relances des mutuelles",
            "Frappe des comptes rendus opératoires",
            "Type ou secteur d'activité Santé humaine",
            "Assistante administrative",
            "Mairie de Blagnac, Blagnac (France)",
            "01/2014–08/2018",
            "Type ou secteur d'activité Administration publique",
            // The dates between the title and the employer: the line after them says where it is.
            "Employée de bureau",
            "06/2011–12/2013",
            "Transports Garonne Express, Colomiers (France)",
            // An entry without an employer does not take the next entry's title for one.
            "Standardiste",
            "01/2010–05/2011",
            "Aide-comptable",
            "Garage Central SARL, Muret (France)",
            "01/2009–12/2009",
        ];
        assert_eq!(
            who(&lines),
            pairs(&[
                ("Secrétaire médicale – accueil et facturation", "Clinique Pasteur"),
                ("Assistante administrative", "Mairie de Blagnac"),
                ("Employée de bureau", "Transports Garonne Express"),
                ("Standardiste", ""),
                ("Aide-comptable", "Garage Central SARL"),
            ])
        );
    }

    #[test]
    fn where_the_job_was_beside_its_dates_or_its_employer() {
        // A timeline's town in capitals beside the dates, the title and employer below.
        let lines = [
            "SEPTIEMBRE 2019 – ACTUALIDAD • ZARAGOZA",
            "Maestra de Primaria y tutora",
            "Colegio Los Olivos",
            "SEPTIEMBRE 2016 – JUNIO 2019 • HUESCA Y ZARAGOZA",
            "Maestra interina",
            "Departamento de Educación, Gobierno de Aragón",
            "OCTUBRE 2015 – MAYO 2016 • LEEDS (REINO UNIDO)",
            "Auxiliar de conversación de español",
            "Holybrook Primary School",
        ];
        let want = [
            ("Maestra de Primaria y tutora", "Colegio Los Olivos"),
            ("Maestra interina", "Departamento de Educación, Gobierno de Aragón"),
            ("Auxiliar de conversación de español", "Holybrook Primary School"),
        ];
        assert_eq!(who(&lines), pairs(&want));
        // A name in its own case beside the dates is the employer when nothing else is.
        let lines = ["2019 – 2021  Quantum Ledger", "Data Analyst"];
        assert_eq!(who(&lines), pairs(&[("Data Analyst", "Quantum Ledger")]));
        // "Title, Employer, Inc. — Town, ST  dates": the town and its state are where.
        let lines = ["Territory Sales Manager, Midwest Fastening Systems, Inc. — Columbus, OH  Apr 2020 – Present"];
        assert_eq!(who(&lines), pairs(&[("Territory Sales Manager", "Midwest Fastening Systems, Inc.")]));
    }

    #[test]
    fn dates_on_the_right_of_a_title_with_a_dash_and_the_employer_below() {
        let lines = [
            "HR Specialist – Amministrazione del personale  Marzo 2021 – oggi",
            "Ceramiche Emiliane S.p.A., Casalecchio di Reno (BO)",
            "- Gestione paghe in outsourcing",
            "Addetta paghe e contributi  Settembre 2016 – Febbraio 2021",
            "Studio Associato Conti & Ferraresi, Bologna",
            "- Elaborazione cedolini",
        ];
        let want = [
            ("HR Specialist – Amministrazione del personale", "Ceramiche Emiliane S.p.A."),
            ("Addetta paghe e contributi", "Studio Associato Conti & Ferraresi"),
        ];
        assert_eq!(who(&lines), pairs(&want));
        // A title with a comma and a dash over its employer; a title keeps its aside.
        let lines = [
            "08/2015–03/2020 Verwaltungsfachangestellte, Fachdienst Soziales – Wohngeld",
            "Landkreis Schaumburg, Stadthagen",
            "• Prüfung von Wohngeldanträgen",
            "05/2011–07/2012 Servicekraft (Minijob)",
            "Café Lindenblüte, Hannover",
            "Harmon Home Center | Columbus, OH",
            "Stocker (Part-Time)",
            "2009 – 2011",
        ];
        let want = [
            ("Verwaltungsfachangestellte, Fachdienst Soziales – Wohngeld", "Landkreis Schaumburg"),
            ("Servicekraft (Minijob)", "Café Lindenblüte"),
            ("Stocker (Part-Time)", "Harmon Home Center"),
        ];
        assert_eq!(who(&lines), pairs(&want));
        // Over a line that is a name (not a job, a place or prose), the dash is in the title
        // and the employer's line keeps its own dash; a comma only over an organisation and
        // its town.
        let lines = [
            "Warehouse Lead - 2nd Shift  Jan 2020 - Present",
            "Midwest Parcel Fulfillment, Columbus, OH",
            "- Led a team of 14",
            "Chefe de Equipa – Receção e Expedição  janeiro 2018 – dezembro 2019",
            "LogiTejo – Operadores Logísticos, S.A., Azambuja",
            "- Coordenação de uma equipa",
            "Senior Paralegal, Commercial Property  Sept 2015 – Dec 2017",
            "Hartley Brooke LLP, Manchester",
            "Dental Nurse, Bedminster Family Dentistry  2012 – 2015",
            "NHS and Private General Practice",
        ];
        let want = [
            ("Warehouse Lead - 2nd Shift", "Midwest Parcel Fulfillment"),
            ("Chefe de Equipa – Receção e Expedição", "LogiTejo – Operadores Logísticos, S.A."),
            ("Senior Paralegal, Commercial Property", "Hartley Brooke LLP"),
            ("Dental Nurse", "Bedminster Family Dentistry"),
        ];
        assert_eq!(who(&lines), pairs(&want));
        // After the title's cell, a dash goes on into the employer's legal form; first on its
        // line, it ends the title.
        let lines = [
            "01/09/2014 – 31/05/2015",
            "AUXILIAR DE LIMPEZA HOSPITALAR  LIMPOMONDEGO – SERVIÇOS DE HIGIENE, LDA.",
            "02/2012–02/2017  Zerspanungsmechaniker – Wälzlagertechnik Main-Rhön GmbH, Schweinfurt",
        ];
        let want = [
            ("AUXILIAR DE LIMPEZA HOSPITALAR", "LIMPOMONDEGO – SERVIÇOS DE HIGIENE, LDA."),
            ("Zerspanungsmechaniker", "Wälzlagertechnik Main-Rhön GmbH"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn rules_for_one_layout_leave_the_others_alone() {
        // A state's code in capitals ends no line mid-name: the employer's line stays whole.
        let lines = [
            "Forklift Operator  Mar 2017 – Dec 2019",
            "Ochsner Health, New Orleans, LA",
            "Moved pallets between docks",
        ];
        assert_eq!(who(&lines), pairs(&[("Forklift Operator", "Ochsner Health")]));
        // A description's last line is no title over "title – employer".
        let lines = [
            "Kommissionierer – Lidl Logistik",
            "2015 – 2018",
            "Staplerschein vorhanden",
            "Disponent – Dachser",
            "2018 – 2020",
        ];
        assert_eq!(who(&lines), pairs(&[("Kommissionierer", "Lidl Logistik"), ("Disponent", "Dachser")]));
        // Outside a LinkedIn profile, a title alone takes no employer from the entry above.
        let lines = ["Filialleiterin", "Modehaus Kersting", "2020 – heute", "Verkäuferin", "2018 – 2020"];
        assert_eq!(who(&lines), pairs(&[("Filialleiterin", "Modehaus Kersting"), ("Verkäuferin", "")]));
        // A grade after a title is part of it; an employer after the grade is not.
        assert_eq!(
            split_after_title("Nurse Band 6 NHS Lothian"),
            Some(("Nurse".to_owned(), "Band 6 NHS Lothian".to_owned()))
        );
        assert_eq!(split_after_title("Software Engineer II"), None);
        assert_eq!(split_after_title("Staff Nurse Band 5"), None);
    }

    #[test]
    fn roles_under_their_employer_named_once() {
        // The employer's line over "title, department  dates", and each later role alone.
        let lines = [
            "Fenmarsh Foods Ltd, Wisbech",
            "Shift Maintenance Electrician, Packing Hall  Mar 2020 - Present",
            "- Fault-finding on packing lines",
            "Maintenance Technician  Jun 2017 - Feb 2020",
            "- Breakdown cover across three production lines",
        ];
        let want = [
            ("Shift Maintenance Electrician, Packing Hall", "Fenmarsh Foods Ltd"),
            ("Maintenance Technician", "Fenmarsh Foods Ltd"),
        ];
        assert_eq!(who(&lines), pairs(&want));
        // The employer with its own years over roles dated within them.
        let lines = [
            "09/2018 – heute  Hansekontor Spedition GmbH & Co. KG, Bremen",
            "04/2022 – heute  Teamleiterin Disposition – Nahverkehr",
            "Führung eines Teams von 6 Disponenten, Planung von 45 eigenen Fahrzeugen",
            "09/2018 – 03/2022  Disponentin Nahverkehr",
            "08/2014 – 08/2018  Disponentin, Weser Logistik Nord, Achim",
        ];
        let want = [
            ("Teamleiterin Disposition – Nahverkehr", "Hansekontor Spedition GmbH & Co. KG"),
            ("Disponentin Nahverkehr", "Hansekontor Spedition GmbH & Co. KG"),
            ("Disponentin", "Weser Logistik Nord"),
        ];
        assert_eq!(who(&lines), pairs(&want));
        // An employer and its town over the dated title; a later role alone keeps it.
        let lines = [
            "Talleres Deusto Motor (concesionario oficial) — Bilbao",
            "Jefe de Taller  Febrero 2021 – Actualidad",
            "• Organización del trabajo de 8 mecánicos",
            "Mecánico Oficial de 1ª  Mayo 2016 – Enero 2021",
            "• Diagnosis electrónica y mantenimiento de motores",
            "Neumáticos Txurdinaga — Bilbao",
            "Ayudante de mecánico  Junio 2013 – Abril 2016",
        ];
        let want = [
            ("Jefe de Taller", "Talleres Deusto Motor"),
            ("Mecánico Oficial de 1ª", "Talleres Deusto Motor"),
            ("Ayudante de mecánico", "Neumáticos Txurdinaga"),
        ];
        assert_eq!(who(&lines), pairs(&want));
        // A German compound names its employer's kind.
        let lines = ["Commis de Rang – Bankett  Aug. 2018 – Sept. 2019", "Parkhotel Brunnenhof, Lenggries"];
        assert_eq!(who(&lines), pairs(&[("Commis de Rang – Bankett", "Parkhotel Brunnenhof")]));
    }

    #[test]
    fn a_title_with_a_dash_after_its_dates_over_its_employer() {
        // Dates on a line of their own, then "title - qualifier" over "employer - kind, town".
        let lines = [
            "04/2019 - atualmente",
            "Eletricista de Manutenção Industrial - Turno rotativo",
            "Sadofibra - Fábrica de Papel, Setúbal",
            "- Manutenção preventiva e corretiva de motores",
        ];
        assert_eq!(
            who(&lines),
            pairs(&[("Eletricista de Manutenção Industrial - Turno rotativo", "Sadofibra - Fábrica de Papel")])
        );
        // The Europass editor's sector line is no title of the next entry.
        let lines = [
            "01/06/2019–alla data attuale Operatrice Socio Sanitaria – Reparto di Geriatria",
            "Casa di Cura Villa delle Ginestre, Napoli",
            "Attività o settore: Sanità privata accreditata",
            "03/2014–05/2019 Operatrice Socio Sanitaria",
            "Cooperativa Sociale Il Girasole, Pozzuoli (NA)",
        ];
        let want = [
            ("Operatrice Socio Sanitaria – Reparto di Geriatria", "Casa di Cura Villa delle Ginestre"),
            ("Operatrice Socio Sanitaria", "Cooperativa Sociale Il Girasole"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_table_title_cell_that_goes_on_into_its_tasks() {
        assert_eq!(
            title_of_cell("Professora de Educação Básica I – rede municipal de Campinas; regência de turma do 2.º ano"),
            "Professora de Educação Básica I"
        );
        assert_eq!(
            title_of_cell("Secrétaire médicale – accueil et facturation"),
            "Secrétaire médicale – accueil et facturation"
        );
        // An experience table's institution is the employer.
        let lines = [
            "Período  Instituição  Cargo",
            "2017 – 2020  Colégio Arco-Íris  Professora de Educação Infantil",
            "2015 – 2016  Colégio Arco-Íris  Auxiliar de classe",
        ];
        assert_eq!(who(&lines)[0], ("Professora de Educação Infantil".to_owned(), "Colégio Arco-Íris".to_owned()));
    }

    #[test]
    fn a_linkedin_profiles_roles_under_their_employer() {
        let lines = [
            "Lonestar Health Systems",
            "6 years 7 months",
            "Senior Software Engineer",
            "March 2022 - Present (4 years 10 months)",
            "Austin, Texas, United States",
            "Tech lead for the claims adjudication platform.",
            "Software Engineer II",
            "June 2020 - February 2022 (1 year 9 months)",
            "Austin, Texas, United States",
            "Pecan Street Payments",
            "Software Engineer",
            "July 2017 - May 2020 (2 years 11 months)",
        ];
        let want = [
            ("Senior Software Engineer", "Lonestar Health Systems"),
            ("Software Engineer II", "Lonestar Health Systems"),
            ("Software Engineer", "Pecan Street Payments"),
        ];
        assert_eq!(who(&lines), pairs(&want));
        assert!(is_duration("2 yrs 3 mos") && is_duration("1 Jahr 2 Monate") && !is_duration("2 Shift Leads"));
    }

    #[test]
    fn a_title_with_a_dash_over_a_name_and_its_town_and_labelled_lines() {
        let lines = [
            "Warehouse Lead - 2nd Shift",
            "Midwest Parcel Fulfillment, Groveport, OH",
            "March 2021 - Present",
            "- Lead a crew of 14 associates",
            "Escola Estadual Professora Maria Cândida de Oliveira – Contagem/MG",
            "Cargo: Professora de Língua Portuguesa (designada)",
            "Período: março/2015 – dezembro/2018",
            "Principais atividades: aulas para o Ensino Fundamental II e EJA.",
        ];
        let want = [
            ("Warehouse Lead - 2nd Shift", "Midwest Parcel Fulfillment"),
            ("Professora de Língua Portuguesa (designada)", "Escola Estadual Professora Maria Cândida de Oliveira"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_numbered_entry_is_its_title() {
        let lines = [
            "1) Sr. Accounts Assistant  Apr 2021 – Present",
            "M/s. Shree Balaji Polymers Pvt. Ltd., Vasai",
            "2. Accounts Assistant  Jun 2018 – Mar 2021",
            "Reliance Retail Ltd., Thane",
        ];
        let want = [
            ("Sr. Accounts Assistant", "M/s. Shree Balaji Polymers Pvt. Ltd."),
            ("Accounts Assistant", "Reliance Retail Ltd."),
        ];
        assert_eq!(who(&lines), pairs(&want));
        assert_eq!(numbered("2019. Started at Acme"), None);
    }

    #[test]
    fn a_timeline_typed_with_a_letter_o_and_bars() {
        let lines = [
            "04/2020 - heute  o  Schichtleiter Montage",
            "|  Voss Antriebstechnik GmbH, Heilbronn",
            "|  - Verantwortung für Stückzahl und Qualität",
            "|",
            "09/2016 - 03/2020  o  Anlagenführer Spritzguss",
            "|  Kunststofftechnik Neckar GmbH, Neckarsulm",
        ];
        let want = [
            ("Schichtleiter Montage", "Voss Antriebstechnik GmbH"),
            ("Anlagenführer Spritzguss", "Kunststofftechnik Neckar GmbH"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn title_over_employer_and_where_over_the_dates() {
        // The employer's line has where it is after a dash or a comma; the title is the line
        // above it, and a town and its state beside the dates is no phrase.
        let lines = [
            "Encargada de turno",
            "Tostado Norte Café de Especialidad — Palermo Soho",
            "mar. 2021 – actualidad",
            "Apertura y cierre del local, arqueo de caja y reportes diarios.",
            "Motorista Carreteiro",
            "Transportadora Rodomar Ltda.",
            "jan/2019 – fev/2021 • Campinas – SP",
            "Viagens de longa distância com carreta LS e bitrem.",
        ];
        let want = [
            ("Encargada de turno", "Tostado Norte Café de Especialidad"),
            ("Motorista Carreteiro", "Transportadora Rodomar Ltda."),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_range_wrapped_in_a_timelines_gutter_before_a_line_of_three_phrases() {
        let lines = [
            "Mar 2021 –  Senior Talent Acquisition Partner",
            "Present  Northbridge Building Society • Manchester (hybrid)",
            "Own hiring for Finance, Risk and Member Services",
        ];
        let got = jobs(&lines);
        assert_eq!(got, [job("Senior Talent Acquisition Partner", "Northbridge Building Society", "2021-03", None)]);
        // The employer over "Title — dates"; a lone word of an organisation's kind after a
        // title qualifies it ("Farmacêutica Clínica", a clinical pharmacist).
        let lines = ["Hospital Santa Clara de Curitiba", "Farmacêutica Clínica — Mar/2020 – atualmente", "• Validação"];
        assert_eq!(who(&lines), pairs(&[("Farmacêutica Clínica", "Hospital Santa Clara de Curitiba")]));
        // A table's header row is still left out, by gaps or bars.
        assert!(is_table_header("Position  Facility  From  To"));
        assert!(is_table_header("Role | Employer | Dates"));
    }

    #[test]
    fn an_employer_after_a_connector_on_its_own_line() {
        let lines = [
            "Maurergeselle",
            "bei Hochbau Zettl, Friedberg",
            "09/2013 – 07/2016",
            "Sanierung von Altbauten",
            "Istruttore amministrativo",
            "presso Comune di Corciano",
            "marzo 2016 – maggio 2020 (cat. C)",
            "Ufficio protocollo e segreteria generale",
        ];
        let want = [("Maurergeselle", "Hochbau Zettl"), ("Istruttore amministrativo", "Comune di Corciano")];
        assert_eq!(who(&lines), pairs(&want));
        // A dash between figures is inside the title; an ampersand names no organisation.
        let lines = [
            "Feb 2022 – present",
            "Regional Sales Manager – Wales & South West",
            "Kestrel Packaging Ltd, Newport",
            "2019 – 2022",
            "Onderwijsassistent groep 3–5",
            "Het Element, Amersfoort",
        ];
        let want = [
            ("Regional Sales Manager – Wales & South West", "Kestrel Packaging Ltd"),
            ("Onderwijsassistent groep 3–5", "Het Element"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_repeated_phrase_with_letters_of_several_bytes_is_read_whole() {
        // The same phrase twice before a dash: the joined cell is built, not cut from the line.
        let lines = ["Responsabile Comune di Ávila – Comune – Sección Económica Ñandú", "2019 – 2021"];
        assert_eq!(jobs(&lines).len(), 1);
        let cells = heading_cells("Impiegata Comune Área – Comune – Settore Lavori Pubblici");
        assert!(cells.iter().all(|c| !c.ends_with("Settor")), "{cells:?}");
    }

    #[test]
    fn a_table_with_merged_cells() {
        // The first row wrapped, its town and description in the next line's cells; the
        // second row's employer cell is merged with the first's.
        let lines = [
            "Depuis mars  Entrepôts du Nord Logistique  Chef d'équipe préparation",
            "2020  Lesquin  Animation d'une équipe de 12 préparateurs, suivi de la",
            "productivité",
            "2016 – 2020  Cariste CACES 1, 3 et 5",
            "Réception, mise en stock, inventaires tournants",
            "2012 – 2016  Flandres Distribution SAS  Préparateur de commandes",
            "Roubaix  Préparation vocale, chargement des quais",
        ];
        assert_eq!(
            who(&lines),
            pairs(&[
                ("Chef d'équipe préparation", "Entrepôts du Nord Logistique"),
                ("Cariste CACES 1, 3 et 5", "Entrepôts du Nord Logistique"),
                ("Préparateur de commandes", "Flandres Distribution SAS"),
            ])
        );
    }

    #[test]
    fn a_town_and_its_country_is_where_not_who() {
        let lines = [
            "PHARMACIE DU PARC – LYON, FRANCE",
            "PHARMACIENNE ADJOINTE – 15/09/2016 – ACTUEL",
            "Dispensation des ordonnances et conseil officinal",
        ];
        assert_eq!(who(&lines), pairs(&[("PHARMACIENNE ADJOINTE", "PHARMACIE DU PARC")]));
        let lines = ["01/03/2016 – 30/09/2019 Moncalieri, Italia", "FISIOTERAPISTA DI REPARTO", "RSA VILLA SERENA"];
        assert_eq!(who(&lines), pairs(&[("FISIOTERAPISTA DI REPARTO", "RSA VILLA SERENA")]));
        // A legal form's initials are no town, and an industrial estate is an address.
        let lines = [
            "Fechas  Octubre de 2016 – enero de 2020",
            "Profesión o cargo desempeñado  Administrativa de Personal",
            "Nombre y dirección de la empresa o empleador  Asesoría Laboral Moncayo, S.L.P., Paseo de Sagasta, 12, 50008 Zaragoza",
            "Fechas  Febrero de 2020 – actualidad",
            "Profesión o cargo desempeñado  Técnica de Nóminas",
            "Nombre y dirección de la empresa o empleador  Grupo Ebrolac Alimentación, S.A., Polígono Industrial Malpica, calle E",
        ];
        let want = [
            ("Administrativa de Personal", "Asesoría Laboral Moncayo, S.L.P."),
            ("Técnica de Nóminas", "Grupo Ebrolac Alimentación, S.A."),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_timeline_with_the_dates_in_a_left_column() {
        let lines = [
            "2018 ── heute  Konrektorin",
            "│  Grundschule am Lindenplatz",
            "│  Leitung der Ganztagsbetreuung",
            "│",
            "2012 ── 2018  Lehrerin",
            "Realschule Nordstadt",
            "2021 –  Enfermero de urgencias",
            "actualidad  Hospital General de Alicante",
        ];
        let got = jobs(&lines);
        let want = [
            job("Konrektorin", "Grundschule am Lindenplatz", "2018", None),
            job("Lehrerin", "Realschule Nordstadt", "2012", Some("2018")),
            job("Enfermero de urgencias", "Hospital General de Alicante", "2021", None),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn a_table_with_a_row_per_job() {
        let lines = [
            "Role  Employer  From  To",
            "Charge Nurse  Kingsway Medical Centre  01/2020  Present",
            "Staff Nurse  Ashdown Hospital  03/2016  12/2019",
        ];
        let want = [("Charge Nurse", "Kingsway Medical Centre"), ("Staff Nurse", "Ashdown Hospital")];
        assert_eq!(who(&lines), pairs(&want));
        // The employer on a row of its own above its dates, title and description.
        let lines = [
            "Period  Position  Organisation and results",
            "Thornbury Foods plc",
            "Jan 2021 – Present  Finance Manager  Close in four days across nine entities",
            "Mallard Audit LLP",
            "Sep 2016 – Dec 2020  Audit Senior  Audits of retail and charity clients",
        ];
        let want = [("Finance Manager", "Thornbury Foods plc"), ("Audit Senior", "Mallard Audit LLP")];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn an_employer_keeps_its_name_and_loses_its_town() {
        let lines = [
            "Infirmière de nuit — Clinique du Parc, Lyon",
            "Octobre 2016 – août 2019",
            "Infirmière — Hospices Civils de Lyon, Hôpital Louis Pradel",
            "Depuis 2019",
            "Commis de cuisine, Brasserie des Quais (cuisine du marché), Bordeaux",
            "2014 – 2016",
            // A part of the organisation after a dash is kept; its town is not.
            "Istruttore tecnico",
            "Comune di Parma – Settore Lavori Pubblici",
            "2010 – 2014",
            "Infirmier",
            "Clinique Saint-Roch – Montpellier",
            "2008 – 2010",
        ];
        let want = [
            ("Infirmière de nuit", "Clinique du Parc"),
            ("Infirmière", "Hospices Civils de Lyon, Hôpital Louis Pradel"),
            ("Commis de cuisine", "Brasserie des Quais"),
            ("Istruttore tecnico", "Comune di Parma – Settore Lavori Pubblici"),
            ("Infirmier", "Clinique Saint-Roch"),
        ];
        assert_eq!(who(&lines), pairs(&want));

        let got = jobs(&["03/2018 – actualidad  Jefe de partida", "Restaurante Azahar del Sur, Sevilla (España)"]);
        assert_eq!(
            (got[0].title.as_str(), got[0].employer.as_str()),
            ("Jefe de partida", "Restaurante Azahar del Sur")
        );
        assert_eq!(
            name_of_address("Centro Hospitalar de São João, Alameda Prof. Hernâni Monteiro, Porto"),
            "Centro Hospitalar de São João"
        );
    }

    #[test]
    fn timeline_marks_dots_and_arrows() {
        let lines = [
            "2019 ──•── heden",
            "│  Senior transportplanner",
            "│  Van Dalen Logistics B.V., Tilburg",
            "2015 ──•── 2019",
            "│  Transportplanner",
            "│  Brabant Koeltransport, Oosterhout",
        ];
        let want =
            [("Senior transportplanner", "Van Dalen Logistics B.V."), ("Transportplanner", "Brabant Koeltransport")];
        assert_eq!(who(&lines), pairs(&want));
        let lines = [
            "•  Charge Nurse, Acute Medical Unit",
            "Manchester Royal Infirmary",
            "June 2019 – now",
            "Shift leadership for 28 beds.",
            "•  Healthcare Assistant",
            "Stockport NHS Foundation Trust (Stockport)",
            "March 2013 – August 2016",
        ];
        let want = [
            ("Charge Nurse, Acute Medical Unit", "Manchester Royal Infirmary"),
            ("Healthcare Assistant", "Stockport NHS Foundation Trust"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_timeline_of_start_years_and_places_beside_the_dates() {
        let lines = [
            "2021 • Técnica de enfermagem — Hospital da Luz Lisboa",
            "Bloco operatório; preparação de material cirúrgico.",
            "2018 • Auxiliar de ação médica — Centro Hospitalar Lisboa Norte",
        ];
        let got = jobs(&lines);
        assert_eq!(
            who(&lines),
            pairs(&[
                ("Técnica de enfermagem", "Hospital da Luz Lisboa"),
                ("Auxiliar de ação médica", "Centro Hospitalar Lisboa Norte")
            ])
        );
        assert_eq!(
            (got[0].end.as_deref(), got[1].start.as_deref(), got[1].end.as_deref()),
            (None, Some("2018"), Some("2021"))
        );
        let lines = [
            "01/03/2018 – CURRENT  Nottingham, United Kingdom",
            "HGV CLASS 1 DRIVER MIDLANDS HAULAGE LTD",
            "seit 04/2020",
            "Nürnberg (Deutschland)  Pflegefachkraft",
            "Seniorenzentrum Am Wöhrder See gGmbH",
        ];
        let want = [
            ("HGV CLASS 1 DRIVER", "MIDLANDS HAULAGE LTD"),
            ("Pflegefachkraft", "Seniorenzentrum Am Wöhrder See gGmbH"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn several_roles_at_one_employer() {
        let lines = [
            "Peachtree Home & Garden Inc., Atlanta, GA",
            "Store Manager  Mar 2020 – Present",
            "P&L for a $14M store, 45 associates; shrink down 0.6 points.",
            "Assistant Store Manager  Jun 2017 – Feb 2020",
            "Scheduling, merchandising resets, inventory counts.",
            "Southern Outfitters, Decatur, GA",
            "Department Supervisor  Aug 2014 – May 2017",
            "Sales Associate  Sep 2012 – Jul 2014",
        ];
        let want = [
            ("Store Manager", "Peachtree Home & Garden Inc."),
            ("Assistant Store Manager", "Peachtree Home & Garden Inc."),
            ("Department Supervisor", "Southern Outfitters"),
            ("Sales Associate", "Southern Outfitters"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_table_row_whose_every_cell_wrapped() {
        let lines = [
            "09/2019 –  Ayuntamiento de  Técnica de asesoría  Informes jurídicos, contratación pública,",
            "actualidad  Alcobendas  jurídica  expedientes sancionadores.",
            "01/2016 –  Bufete Ortega y  Abogada asociada  Derecho administrativo y contencioso; vistas ante",
            "08/2019  Asociados S.L.P.  juzgados de Madrid.",
            "10/2014 –  Notaría de Chamberí  Oficial de notaría  Escrituras de compraventa y poderes.",
            "12/2015",
        ];
        let want = [
            ("Técnica de asesoría jurídica", "Ayuntamiento de Alcobendas"),
            ("Abogada asociada", "Bufete Ortega y Asociados S.L.P."),
            ("Oficial de notaría", "Notaría de Chamberí"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn wrapped_names_and_cells_run_together() {
        // A school's name wrapped after "de", its degree after a comma, all above the years.
        let lines = ["Universidad Politécnica de", "Valencia", "Grado en Ingeniería,", "Informática", "2012 – 2016"];
        assert_eq!(schools(&lines)[0].school, "Universidad Politécnica de Valencia");
        // A year glued to the cell after it; a title the word lists do not know, beside a
        // two-word employer.
        let lines = [
            "March 2021 to May 2024Claims Adjuster  Brightwater Mutual",
            "06/2018 – 02/2021  Loss Assessor  Kelso Partners",
        ];
        let want = [("Claims Adjuster", "Brightwater Mutual"), ("Loss Assessor", "Kelso Partners")];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn the_old_europass_forms_labelled_entries() {
        let lines = [
            "Dates  2015 – 2018",
            "Occupation or position held  Night Auditor",
            "Name and address of employer  Grand Harbour Hotel, 12 Marina Street, Valletta",
        ];
        assert_eq!(jobs(&lines), [job("Night Auditor", "Grand Harbour Hotel", "2015", Some("2018"))]);
        let lines = [
            "Fechas  2010 – 2014",
            "Cualificación obtenida  Grado en Turismo",
            "Nombre y tipo del centro de estudios  Universidad de Málaga",
        ];
        let got = schools(&lines);
        assert_eq!((got[0].school.as_str(), got[0].degree.as_str()), ("Universidad de Málaga", "Grado en Turismo"));
    }
}
