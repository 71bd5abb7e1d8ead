//! Entries anchored on their dates: each dated line with the heading lines around it, up to a
//! title and an employer (or a school and a degree), read on the side of the dates the first
//! entry has them. What a dated line holds is read in `dated_line`; a section's entries one by
//! one in `section`, the lines on one side of the dates in `near`; the phrase rules they share
//! are here.

use super::*;
use dated_line::{DatedLine, dated_line};
use section::{Cursor, Section};

mod dated_line;
mod near;
mod section;

/// An entry: the phrases of its heading (title, employer, school, degree...) in order, and
/// its dates.
#[derive(Debug)]
pub(super) struct Entry {
    pub(super) pieces: Vec<String>,
    pub(super) start: Option<String>,
    pub(super) end: Option<String>,
    /// A later role at the employer named above an earlier one ("Acme Ltd" over "Store
    /// Manager  2020 – now" and "Assistant Store Manager  2017 – 2020"): with headings before
    /// the dates, its dated line holds a title alone and no line around it adds to it.
    pub(super) same_employer: bool,
    /// A table's row whose employer's cell is merged with the row above: its one cell is the
    /// title, whole.
    pub(super) merged: bool,
}

/// The dates found in a line: start (None for a lone year), end (None: to the present) and
/// where they are.
pub(super) type Dated = (Option<String>, Option<String>, std::ops::Range<usize>);

/// Whether a line names an organisation by its first phrase ("Ceramiche Emiliane S.p.A.,
/// Casalecchio di Reno (BO)").
pub(super) fn names_an_organisation(line: &str) -> bool {
    names_an_employer(line.split(", ").next().unwrap_or_default())
}

/// Whether a line names an employer as a line of its own does: by its words, in capitals, or
/// as capitalised words with their town ("Giraffe Childcare, Kilkenny").
pub(super) fn names_who(line: &str) -> bool {
    let named_with_town = line.split_once(", ").is_some_and(|(name, town)| {
        name.split_whitespace().count() >= 2
            && name.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
            && (is_town(town) || is_town_in_region(town))
            && !names_a_job(name)
    });
    names_an_organisation(line) || is_employers_line(line) || named_with_town
}

/// A line that starts with a name (before any comma): a few capitalised words without figures
/// that name no job or place and are no prose ("Midwest Parcel Fulfillment, Columbus, OH"; not
/// "Führung eines Teams von 6 Disponenten", a German task).
pub(super) fn starts_with_a_name(line: &str) -> bool {
    let (first, rest) = line.split_once(", ").unwrap_or((line, ""));
    // A name's shape is a town's too: in capitals before a branch that ends on its town or a
    // legal form ("Fidal, direction régionale Rhône-Alpes – Lyon", "Minhometal Componentes,
    // S.A. • Braga") it is the name; a task is not ("Report
    // entry, public records requests", "Triage, wound care and medication rounds").
    let capitalised = first.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
    let ends_on_town = DASHES
        .iter()
        .chain(&[", ", " • ", " · ", " | "])
        .any(|dash| rest.rsplit_once(dash).is_some_and(|(_, town)| is_town(town)));
    let branch = !is_place(rest) && !is_town(rest) && (ends_on_town || names_a_legal_form(rest));
    // Two capitalised words or more that the gazetteer does not know are a name ("Buurtzorg
    // Nederland • Utrecht"); one word may be a small town or a task's first word.
    let unknown_name = capitalised && first.split_whitespace().count() >= 2 && !is_known_town(first);
    let a_town = is_town(first) && !(capitalised && branch) && !unknown_name;
    first.split_whitespace().count() <= 6
        && !first.contains(|c: char| c.is_ascii_digit())
        && first.starts_with(char::is_uppercase)
        && !names_a_job(first)
        && !is_place(first)
        && !a_town
        && !is_prose(first)
}

/// Two phrases of `line` joined by a dash, neither naming an organisation (a department
/// after the dash aside), as one title ("Cariste – Préparateur de commandes"): for an entry
/// whose employer is named on a line of its own. Not two cells of a table ("Comptable unique  Vignobles Castel-Roux").
pub(super) fn dash_title(cells: &[String], line: &str) -> Option<String> {
    // By its words: an ampersand names no organisation here ("Wales & South West").
    let organisation = |t: &str| names_an_employer(&t.replace(" & ", " "));
    // A department after the title's dash is part of the title ("Asociada sénior –
    // Departamento Laboral" over "Sagardoy Abogados, Madrid • Enero 2018 – Actualidad"): a
    // cell that starts with a department's word and has no legal form.
    let department = |c: &str| {
        let first = c.split_whitespace().next().unwrap_or_default();
        names_a_department(first) && !names_a_legal_form(c)
    };
    if cells.iter().enumerate().any(|(k, c)| organisation(c) && !(k > 0 && department(c))) {
        return None;
    }
    dashed(cells, line)
}

/// The phrases of a dated line with those before the one naming the employer joined again
/// when a dash joins them in one cell: a title with its specialism ("Lead Pipefitter –
/// Offshore Hook-up, Wood Group UK Ltd"; "Leading Hand Electrician - Commercial Projects |
/// Barwon Electrical Group").
pub(super) fn title_before_employer(pieces: &[String], rest: &str) -> Option<Vec<String>> {
    let pieces: Vec<String> = pieces.iter().flat_map(|p| comma_pieces(p)).collect();
    let employer = |p: &String| names_an_employer(p) && !names_a_job(p);
    let mut at = pieces.iter().position(employer)?;
    // A department right after the title, with a company's name after it, is the title's
    // specialism ("Senior Engineer – Technical Services, Bharat Petroleum Corporation Ltd."),
    // not the employer ("Senior Analyst – Tata Consultancy Services" is).
    let department = |p: &str| (names_a_department(p) || p.ends_with(" Services")) && !names_a_legal_form(p);
    if at == 1
        && department(&pieces[1])
        && let Some(later) = pieces.iter().skip(2).position(|p| names_a_legal_form(p) && !names_a_department(p))
    {
        at = later + 2;
    }
    if at < 2 {
        return None;
    }
    let start = rest.find(pieces[0].as_str())?;
    let end = rest.find(pieces[at - 1].as_str())? + pieces[at - 1].len();
    let title = rest.get(start..end)?;
    let one_cell = !title.contains("  ") && !title.contains(" | ");
    let dashed = DASHES.iter().any(|dash| title.contains(dash));
    (one_cell && dashed).then(|| std::iter::once(title.to_owned()).chain(pieces[at..].iter().cloned()).collect())
}

/// Two phrases of `line` joined by a dash (no cell gap between them), as one.
fn dashed(cells: &[String], line: &str) -> Option<String> {
    let [title, more] = cells else { return None };
    let at = line.find(title.as_str())?;
    let end = line.find(more.as_str())? + more.len();
    let whole = line.get(at..end)?;
    let dashed = DASHES.iter().any(|dash| whole.contains(dash));
    (end > at && dashed && !whole.contains("  ")).then(|| whole.to_owned())
}

/// Whether `cell`, after `last` and a dash, goes on with it as one phrase:
/// - a cell that starts in lower case ("Secrétaire médicale – accueil et facturation", "… –
///   32-urige werkweek"): no name starts so; a grade is not one ("… Reggio Emilia – voto
///   106/110"), nor a title or a sentence after a name ("…, Gdańsk – kucharka");
/// - a part of an organisation or a school after its name ("Comune di Parma – Settore Lavori
///   Pubblici", "Università degli Studi di Firenze – Scuola di Economia e Management"):
///   neither names a job, and the part is no town.
pub(super) fn goes_on_after_dash(last: &str, cell: &str, after_a_cell: bool) -> bool {
    // "32-urige werkweek, ook …": a number run into a word in small letters starts small.
    let first = cell.split_whitespace().next().unwrap_or_default();
    let counted = first.split_once('-').is_some_and(|(number, word)| {
        !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) && word.starts_with(char::is_lowercase)
    });
    let figures = cell.contains(|c: char| c.is_ascii_digit()) && !counted;
    // After a name (with its town), a job's title set small is the title ("Restauracja „Pod
    // Żurawiem”, Gdańsk – kucharka", "Szkoła Podstawowa nr 45 w Gdańsku – kucharka", as
    // Polish writes titles).
    let after_its_town = ends_on_a_town(last);
    let after_a_name = after_its_town || names_an_employer(last) || names_a_school(last);
    let job_first = cell.split_whitespace().next().is_some_and(names_a_job);
    let titled = after_a_name && job_first && !names_an_employer(cell);
    // Nor a sentence about the job there ("Clinique du Parc, Saint-Nazaire – service de soins de
    // suite et réadaptation (SSR), nuits en alternance.").
    let noted = after_a_name && is_sentence(cell);
    let lower = (cell.starts_with(char::is_lowercase) || counted) && !titled && !noted;
    // "Berufsschule im dualen System – Berufskolleg Ems-Dalke": a kind of school said in
    // words before the named one is two phrases.
    let kind_before_a_school = generic_kind(last) && names_a_school(cell);
    // "Automação industrial com PLC (50 h) - IEFP …": a course with its hours is no
    // organisation, whatever reads as a legal form in it.
    let course_hours = last.rsplit_once(" (").is_some_and(|(_, aside)| is_working_hours(aside.trim_end_matches(')')));
    let part_of_organisation = (names_an_employer(last) || names_a_school(last))
        && !kind_before_a_school
        && !course_hours
        && !names_a_job(last)
        && !names_a_degree(last)
        && !names_a_job(cell)
        && !is_town(cell)
        && !is_town_in_capitals(cell)
        && !is_place(cell)
        && !is_town_in_country(cell)
        && !is_town_in_region(cell);
    // "AUXILIAR DE LIMPEZA  LIMPOMONDEGO – SERVIÇOS DE HIGIENE, LDA.": after the title's
    // cell, the part after the dash ends the employer's name with its legal form. First on
    // its line, the part before the dash may be the title ("Zerspanungsmechaniker –
    // Wälzlagertechnik Main-Rhön GmbH"), unless it is a name of two words or more and the part
    // after it ends on a legal form ("Sonae Indústria – Serviços Partilhados, S.A.").
    let legal_end = cell.rsplit_once(", ").is_some_and(|(_, form)| names_a_legal_form(form))
        && last.split_whitespace().count() >= 2;
    // Not after an aside ("Instrumentation (part-way, 2 of 4 units) - Bendigo Kangan Institute").
    let named_on = (after_a_cell || legal_end)
        && names_an_employer(cell)
        && !names_a_job(last)
        && !names_a_job(cell)
        && !last.contains(['(', ')']);
    // "Alma Mater Studiorum – Università di Bologna": a name before the school it is, not a
    // degree, a field of study or a title before its school.
    let name =
        |t: &str| t.split_whitespace().count() <= 3 && t.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
    let school_named = names_a_school(cell)
        && !names_a_school(last)
        && !names_a_degree(last)
        && !names_a_field(last)
        && !names_a_job(last)
        && name(last);
    // "CAF – Construcciones y Auxiliar de Ferrocarriles, S.A.": an organisation's initials
    // before its name, which has a legal form (and may have a job's word: "Auxiliar").
    let acronym = (2..=6).contains(&last.chars().count()) && last.chars().all(|c| c.is_uppercase());
    let spelled_out = acronym && names_a_legal_form(cell);
    !figures && (lower || part_of_organisation || named_on || school_named || spelled_out)
}

/// Whether a phrase is a kind of school and words about it, no name: its first word names a
/// school, its others outside brackets start small ("Berufsschule im dualen System",
/// "Berufsschule (Fachklasse Kfz-Mechatronik)"; not "Università degli Studi di Firenze").
fn generic_kind(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let outside = outside_brackets(&words);
    // A kind in words ("Berufsschule", "Gymnasium"), not a body's initials ("IEFP", "IHK").
    let kind = |first: &&str| names_a_school(first) && first.chars().any(char::is_lowercase);
    outside.first().is_some_and(kind) && outside.iter().skip(1).all(|w| w.starts_with(char::is_lowercase))
}

/// Whether a phrase is a title and, after its comma, something else than who: a title's
/// specialism or its department ("Administrativo, Área de Urbanismo", "Staff Nurse, Surgical
/// Ward", "Asociada sénior, Departamento Laboral"), which a line naming the employer may follow.
pub(super) fn title_and_department(phrase: &str) -> bool {
    match comma_pieces(phrase).as_slice() {
        [title, after] => !names_an_employer(phrase) || (names_a_department(after) && !names_an_employer(title)),
        _ => false,
    }
}

/// The heading phrases of a line: its cells, less a town after an organisation ("Douro Vinhos,
/// Lda. — Porto", "Norte Auditores, SROC — Porto"; after anything else, "Quantum Ledger" may
/// be the employer).
pub(super) fn heading_cells(line: &str) -> Vec<String> {
    let line = employer_after_connector(line).unwrap_or(line);
    let line = &*table::labels_closed_up(line);
    let mut cells: Vec<String> = Vec::new();
    for cell in self::cells(line).filter_map(table::field_value) {
        let after_a_cell = cells.len() > 1;
        let dash = cells.last().and_then(|last| dash_joining(line, last, cell, after_a_cell));
        match (cells.last_mut(), dash) {
            (Some(last), Some(dash)) => *last = format!("{last}{dash}{cell}"),
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

/// The dash in `line` that joins `cell` to the cell before it as one name. Other dashes than
/// the en dash join only an organisation's or a school's name ("CEPRA - Centro de Formação
/// Profissional", "Alma Mater Studiorum - Università di Bologna"), not a note ("MBO
/// Amersfoort - diploma behaald") nor a town ("Telus Communications Inc. — Calgary, AB", whose
/// province reads as a legal form).
fn dash_joining(line: &str, last: &str, cell: &str, after_a_cell: bool) -> Option<&'static str> {
    let dash = DASHES.iter().find(|d| line.contains(&format!("{last}{d}{cell}")))?;
    let names_one = *dash == " – " || names_a_school(cell) || (names_an_employer(cell) && !names_a_legal_form(cell));
    (names_one && goes_on_after_dash(last, cell, after_a_cell)).then_some(*dash)
}

/// How many phrases the pieces make once a lone one is split at its commas ("Warehouse
/// Supervisor, Midwest Grocers, Columbus OH" is two).
///
/// A town with its country is where, no phrase ("01/03/2016 – 30/09/2019 Moncalieri, Italia"
/// over "FISIOTERAPISTA DI REPARTO" over "RSA VILLA SERENA"); a title run together with an
/// employer that says it is one ("HGV CLASS 1 DRIVER MIDLANDS HAULAGE LTD", as the Europass
/// editor sets them in capitals) is two.
pub(super) fn phrases(pieces: &[String]) -> usize {
    let pieces: Vec<&String> = pieces.iter().filter(|p| !is_town_in_country(p)).collect();
    match pieces.as_slice() {
        [one] if split_after_title(one).is_some_and(|(_, employer)| names_an_employer(&employer)) => 2,
        [one] => comma_pieces(one).len(),
        _ => pieces.len(),
    }
}

/// The entries of a section: each dated line with the heading lines that go with it, up to
/// two `phrases` (a title and an employer; a school and a degree) in all. They are looked for
/// on the side of the dates the first entry has them, and on the other side when that side has
/// none.
///
/// With `jobs` (a work history, not an education), a table's row with one cell under a row
/// with all of them has the employer's cell merged down (`Entry::merged`), and a title over
/// its employer's line may hold a dash.
pub(super) fn entries(
    lines: &[String],
    dated: impl Fn(&str) -> Option<Dated>,
    phrases: fn(&[String]) -> usize,
    jobs: bool,
) -> Vec<Entry> {
    let anchors: Vec<(usize, Dated)> = lines.iter().enumerate().filter_map(|(i, l)| Some((i, dated(l)?))).collect();
    let Some(&(first, _)) = anchors.first() else { return Vec::new() };
    let section = Section::new(lines, dated, phrases, jobs, first);
    let mut cursor = Cursor::default();
    let ends = anchors.iter().skip(1).map(|(i, _)| *i).chain([lines.len()]);
    anchors
        .iter()
        .zip(ends)
        .enumerate()
        .map(|(n, ((i, dates), next))| section.entry(n, *i, dates, next, &mut cursor))
        .collect()
}
/// A timeline that marks each job by the year it began ("2021 • Técnica de enfermagem —
/// Hospital da Luz"), without a range anywhere: each line that starts with a year is an entry,
/// which ended when the one above it (later) began.
pub(super) fn by_start_years(lines: &[String]) -> Vec<Entry> {
    let at_start = |l: &str| dates::single(l).filter(|(_, at)| at.start == 0).map(|(year, at)| (Some(year), None, at));
    let mut found = entries(lines, at_start, phrases, true);
    for n in 1..found.len() {
        if found[n - 1].start >= found[n].start {
            found[n].end = found[n - 1].start.clone();
        }
    }
    found
}

pub(super) fn span_of(line: &str) -> Option<Dated> {
    dates::span(line).map(|Span { start, end, at }| (Some(start), end, at))
}

/// A job's dates among ranges: its range, or one year alone at the start of a line that says
/// the job in one phrase, a title and a name after its comma, a job within that year ("2013
/// (été) Agent de service hospitalier (ASH), EHPAD Les Tilleuls, Pornichet."); not a year
/// beside a cell ("2021  EHPAD Les Jardins de la Vilaine" under "Depuis janv.", a course's
/// year in a table), nor a task that names a year ("2021 Promoted to Shift Supervisor, team
/// of 8").
pub(super) fn span_or_year_of(line: &str) -> Option<Dated> {
    span_of(line).or_else(|| {
        let (year, mut at) = dates::single(line).filter(|(year, at)| at.start == 0 && year.len() == 4)?;
        let rest = line[at.end..].trim_start();
        // A season's note in brackets after the year is the dates' ("2013 (été)").
        if let Some(note) = rest.strip_prefix('(')
            && let Some(close) = note.find(')').filter(|&close| note[..close].split_whitespace().count() <= 2)
        {
            at.end = line.len() - note.len() + close + 1;
        }
        let rest = line[at.end..].trim_start();
        let one_phrase = !line[at.end..].starts_with("  ") && !rest.contains("  ") && !rest.contains('\t');
        let titled = rest.split_once(", ").is_some_and(|(title, name)| {
            names_a_job(title) && name.starts_with(char::is_uppercase) && !names_a_job(name)
        });
        let goes_on = one_phrase && titled && rest.starts_with(char::is_uppercase);
        goes_on.then(|| (Some(year.clone()), Some(year), at))
    })
}
