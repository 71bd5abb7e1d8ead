//! A table cell's lines as the phrases they hold, for the readers that rebuild a table by its
//! columns (a PDF's in `positioned::table`, a DOCX's in `word_table`) and for a column of
//! names in a grid (`positioned::grid`). A cell's lines are its wrapped lines in a PDF and its
//! paragraphs (and breaks) in a DOCX: either way, a name may run over several, and the tasks
//! under it are no part of it.

use std::ops::Range;

use crate::parse::{
    EMPTY_CELL, OPENING_QUOTES, TableColumn, compound_goes_on, ends_on_joining_word, is_known_town, is_town,
    names_a_department, names_a_job, names_a_school, names_an_employer, part_before_its_name,
};

/// Whether a line cannot end a phrase: it ends on a dash, a comma, an open bracket or a small
/// joining word ("Especialização em Alfabetização e" over "Letramento").
fn unfinished(line: &str) -> bool {
    let open = line.matches('(').count() > line.matches(')').count();
    open || line.ends_with(['-', '–', '—', ',', '(', '/', '&', '+']) || ends_on_joining_word(line)
}

/// Whether `next` goes on the phrase `line` ends: always after a line that cannot end there;
/// else by what the cell holds.
pub(crate) fn goes_on(line: &str, next: &str, role: TableColumn) -> bool {
    let unfinished = unfinished(line);
    let lower = next.starts_with(char::is_lowercase);
    match role {
        // A title goes on in lower case only from a line that ends mid-phrase ("Professora de
        // Educação Básica I – rede" over "municipal de Campinas"), and over its last word or two
        // when they name a job ("Assistant Site" over "Manager"); not over a task's line
        // ("- Picking and packing", "Kundenberatung Damenmode").
        TableColumn::Title => {
            let words: Vec<&str> = next.split_whitespace().collect();
            let mid_phrase = line.split_whitespace().last().is_some_and(|w| w.starts_with(char::is_lowercase));
            let last_words = words.len() <= 2
                && words.iter().all(|w| w.starts_with(char::is_uppercase))
                && !next.ends_with([',', '.', ';', ')'])
                && names_a_job(next);
            // A wrapped title's lower-case rest is short ("Menuisier" over "agenceur chef
            // d'équipe").
            let short_rest = lower && words.len() <= 3 && !next.ends_with([',', '.', ';']);
            !next.starts_with(['-', '–', '•', '*']) && (unfinished || (lower && mid_phrase) || short_rest || last_words)
        }
        // A name goes on in lower case, after a dash, in brackets ("(EAD)" under a school), and
        // to its legal form or its kind ("Morganstone" over "Construction Ltd, Cardiff") or to a
        // town after a comma ("T. Evans & Sons" over "Builders, Caerphilly"); not once it ended
        // on its legal form, nor over the tasks under it ("Inventory Control").
        _ => {
            let head = next.split(", ").next().unwrap_or_default();
            // Not a town with its state ("Comfort Air Mechanical" over "Phoenix, AZ"). Only a
            // short name is looked up: the gazetteer costs a PDF's whole reading time to load
            // and to search a long line, and a task's line with a comma is no town.
            let a_town = |name: &str| name.split_whitespace().count() <= 3 && is_known_town(name);
            let with_town = |t: &str| t.rsplit_once(", ").is_some_and(|(name, town)| is_town(town) && !a_town(name));
            // Ended on its legal form or its town ("Wawel Meble sp. z o.o., Kraków").
            let ended = line.split_whitespace().last().is_some_and(names_an_employer) || with_town(line);
            let named = names_an_employer(head) || names_a_school(head) || with_town(next);
            // In lower case, a name's short rest ("de Campinas"), not the tasks under it.
            let rest = lower && next.split_whitespace().count() <= 3;
            // A school's name goes on in its second part ("Università degli Studi di Napoli"
            // over "Federico II", "Liceo Scientifico Statale" over "\"Giuseppe Mercalli\""): a
            // short capitalised line without figures that is no town ("Chamonix (74)") and names
            // nothing of its own.
            let quoted = next.starts_with(OPENING_QUOTES);
            let second_part = role == TableColumn::School
                && (next.starts_with(char::is_uppercase) || quoted)
                && next.split_whitespace().count() <= 3
                && !next.contains(|c: char| c.is_ascii_digit())
                && !is_known_town(next)
                && !named
                && !next.ends_with([',', '.', ';']);
            unfinished || (!ended && (rest || next.starts_with(['–', '-', '(']) || quoted || named || second_part))
        }
    }
}

/// A cell's lines as the phrases they hold, as ranges of its lines: a line goes on the one
/// before where [`goes_on`] says so.
fn phrases(lines: &[String], role: TableColumn) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    for k in 1..=lines.len() {
        if k < lines.len() && goes_on(&lines[k - 1], &lines[k], role) {
            continue;
        }
        out.push(from..k);
        from = k;
    }
    out
}

/// A name's cell (a title's, an employer's, a school's): the lines of its name, and of the
/// other phrases under it. An employer's or a school's town right under it is the name's
/// ("Robert-Bosch-Berufskolleg," over "Dortmund"), joined with a comma.
struct Named {
    name: Range<usize>,
    town: Option<usize>,
    rest: Vec<Range<usize>>,
}

impl Named {
    /// Where the name ends, with its town.
    fn end(&self) -> usize {
        self.town.map_or(self.name.end, |town| town + 1)
    }
}

fn named(lines: &[String], role: TableColumn) -> Named {
    let mut phrases = phrases(lines, role).into_iter();
    let name = phrases.next().unwrap_or(0..0);
    let mut rest: Vec<Range<usize>> = phrases.collect();
    let town =
        rest.first().filter(|p| role != TableColumn::Title && is_town(&lines[(*p).clone()].join(" "))).map(|p| p.start);
    if town.is_some() {
        rest.remove(0);
    }
    Named { name, town, rest }
}

/// A cell's lines as one text, one space between words. A compound the cell's width broke at
/// its hyphen goes on without one ("Zakład Opiekuńczo-" over "Leczniczy"): resumes are rarely
/// hyphenated by the typesetter, and a word cut so ("Ausbil-" over "dung") is left as it is.
fn joined(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        let words = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !out.is_empty() && !compound_goes_on(&out, &words) && !words.is_empty() {
            out.push(' ');
        }
        out.push_str(&words);
    }
    out
}

/// The name a [`Named`] stands for, its town after a comma.
fn name_text(lines: &[String], named: &Named) -> String {
    let name = joined(&lines[named.name.clone()]);
    match named.town {
        Some(town) => format!("{}, {}", name.trim_end_matches(','), lines[town]),
        None => name,
    }
}

/// What one cell of a table row gives the parser: the cells it reads in the row (their lines
/// and text) and the phrases that go on lines after the row (their lines).
pub(crate) struct Reading {
    pub in_row: Vec<(Range<usize>, String)>,
    pub after: Vec<Range<usize>>,
}

/// A table row's cell of `role` read from its lines. A name's cell stands for its name, an
/// employer's or a school's with its town under it; a title's and its employer's cell for the
/// two names, as two cells (the lines above the employer's name are all the title's:
/// "Staff Nurse (Band 5), Acute" over "Medical Unit – Ward 11"). What else the names' cells
/// hold (the tasks under a title) goes after the row. Other cells (dates, a degree, tasks) are
/// read whole, one space between words: a bullet's gap would read as a cell's.
pub(crate) fn read(lines: &[String], role: TableColumn) -> Reading {
    let mut reading = Reading { in_row: Vec::new(), after: Vec::new() };
    let name = |from: usize, to: usize, role: TableColumn, reading: &mut Reading| {
        let named = named(&lines[from..to], role);
        let shift = |r: &Range<usize>| r.start + from..r.end + from;
        reading.in_row.push((from..from + named.end(), name_text(&lines[from..to], &named)));
        reading.after.extend(named.rest.iter().map(shift));
    };
    match role {
        _ if lines.is_empty() => {}
        TableColumn::Title | TableColumn::Employer | TableColumn::School => name(0, lines.len(), role, &mut reading),
        TableColumn::TitleThenEmployer => {
            let at = second_name_at(lines, role);
            reading.in_row.push((0..at, joined(&lines[..at])));
            if at < lines.len() {
                name(at, lines.len(), TableColumn::Employer, &mut reading);
            } else {
                reading.in_row.push((0..at, EMPTY_CELL.to_owned()));
            }
        }
        TableColumn::EmployerThenTitle => {
            let at = second_name_at(lines, role);
            name(0, at, TableColumn::Employer, &mut reading);
            if at < lines.len() {
                name(at, lines.len(), TableColumn::Title, &mut reading);
            } else {
                reading.in_row.push((0..at, EMPTY_CELL.to_owned()));
            }
        }
        _ => reading.in_row.push((0..lines.len(), joined(lines))),
    }
    reading
}

/// Where the second name starts in a cell of a title and its employer one under the other
/// (`role` says which comes first). Under a title, the employer's name starts after the
/// title's first phrase, or further on past the title's own lines (its ward: "Staff Nurse
/// (Band 5), Acute" over "Medical Unit – Ward 11"; an aside in brackets; a department's name
/// after its word: "Opiekunka medyczna – Oddział" over "Chorób Wewnętrznych") at the first
/// line that starts a name of an employer. Under an employer, the title starts after the
/// employer's name and its town.
fn second_name_at(lines: &[String], role: TableColumn) -> usize {
    if role == TableColumn::EmployerThenTitle {
        return named(lines, TableColumn::Employer).end();
    }
    let title_end = phrases(lines, TableColumn::Title).first().map_or(lines.len(), |p| p.end);
    let employer_at = |k: usize| {
        let name = phrases(&lines[k..], TableColumn::Employer).first().map(|p| lines[k..][p.clone()].join(" "));
        !unfinished(&lines[k - 1])
            && !part_before_its_name(&lines[k - 1])
            && lines[k].starts_with(char::is_uppercase)
            && name.is_some_and(|n| names_an_employer(&n))
            && !names_a_department(&lines[k])
    };
    let titles_own = |k: usize| {
        names_a_department(&lines[k])
            || lines[k].starts_with(['(', '['])
            || lines[k].starts_with(char::is_lowercase)
            || part_before_its_name(&lines[k - 1])
    };
    let mut k = title_end;
    while k < lines.len() {
        if employer_at(k) {
            return k;
        }
        if !titles_own(k) {
            return title_end;
        }
        k += 1;
    }
    // The title's own lines to the end: no employer in the cell.
    lines.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|l| (*l).to_owned()).collect()
    }

    #[test]
    fn a_title_over_its_employer_divides_where_the_employer_starts() {
        let cell = lines(&[
            "Staff Nurse (Band 5), Acute",
            "Medical Unit – Ward 11",
            "Belfast Health and Social Care",
            "Trust",
        ]);
        assert_eq!(second_name_at(&cell, TableColumn::TitleThenEmployer), 2);
        let cell = lines(&["Opiekunka osób starszych", "(opieka 24h w Niemczech)", "CareVita Polska Sp. z o.o."]);
        assert_eq!(second_name_at(&cell, TableColumn::TitleThenEmployer), 2);
        // An employer the words do not know stands right under the title; a known one further
        // down is not looked for past it.
        let cell = lines(&["Paramedic", "Scottish Ambulance Service", "Edinburgh"]);
        assert_eq!(second_name_at(&cell, TableColumn::TitleThenEmployer), 1);
        let cell = lines(&["Cashier", "Lidl", "Tesco Stores Ltd (weekends)"]);
        assert_eq!(second_name_at(&cell, TableColumn::TitleThenEmployer), 1);
        // A title alone, or with its own lines only: no employer in the cell.
        assert_eq!(second_name_at(&lines(&["Care Assistant"]), TableColumn::TitleThenEmployer), 1);
        let cell = lines(&["Opiekunka osób starszych", "(opieka 24h w Niemczech)"]);
        assert_eq!(second_name_at(&cell, TableColumn::TitleThenEmployer), 2);
    }

    #[test]
    fn an_employer_over_its_title_keeps_its_town() {
        let cell = lines(&["Müller Logistik GmbH", "Hamburg", "Lagerist"]);
        assert_eq!(second_name_at(&cell, TableColumn::EmployerThenTitle), 2);
        let named = named(&cell[..2], TableColumn::Employer);
        assert_eq!(name_text(&cell, &named), "Müller Logistik GmbH, Hamburg");
    }

    #[test]
    fn a_names_cell_gives_its_name_and_the_phrases_under_it() {
        let cell = lines(&["Llewellyn Homes (South", "Wales) Ltd", "Ran site inductions for 40 new starters."]);
        let named = named(&cell, TableColumn::Employer);
        assert_eq!(name_text(&cell, &named), "Llewellyn Homes (South Wales) Ltd");
        assert_eq!(named.rest.len(), 1);
        assert_eq!(cell[named.rest[0].clone()], cell[2..]);
    }
}
