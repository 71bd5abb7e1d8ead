//! A work history or an education laid out as a table under a header row ("Periode
//! Opleiding  Instituut  Diploma", "PÉRIODE  POSTE  ENTREPRISE  MISSIONS"): each row that
//! lines up with the header is read by its columns, which says which cell is the school and
//! which the degree where the words alone cannot ("Het Element" names no kind of school).
//! The headings and their roles: assets/resume/table-columns.tsv.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use super::lines::is_prose;
use crate::parse::dates;
use crate::parse::words::names_a_job;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    Dates,
    /// A range's start and end in columns of their own ("De  Até", "Von  Bis").
    From,
    To,
    Title,
    Employer,
    /// A title and its employer in one cell, one under the other ("Post & Employer",
    /// "Stanowisko / pracodawca"; "Arbeitgeber / Tätigkeit"): read as the two cells the
    /// reader makes of it, or not by the header at all.
    TitleThenEmployer,
    EmployerThenTitle,
    School,
    Degree,
    /// Read into nothing: tasks, results, a grade, a town.
    Other,
}

impl Column {
    /// How many of who and what the column names: a title, an employer, a school, a degree.
    fn names(self) -> usize {
        match self {
            Column::Title | Column::Employer | Column::School | Column::Degree => 1,
            Column::TitleThenEmployer | Column::EmployerThenTitle => 2,
            Column::Dates | Column::From | Column::To | Column::Other => 0,
        }
    }

    /// The columns a cell of this column is read as, once the reader made two of it.
    fn as_read(self) -> Vec<Column> {
        match self {
            Column::TitleThenEmployer => vec![Column::Title, Column::Employer],
            Column::EmployerThenTitle => vec![Column::Employer, Column::Title],
            one => vec![one],
        }
    }
}

fn headings() -> &'static HashMap<String, Column> {
    static HEADINGS: OnceLock<HashMap<String, Column>> = OnceLock::new();
    HEADINGS.get_or_init(|| {
        let file = "table-columns.tsv";
        crate::parse::data::pairs(include_str!("../../../../../assets/resume/table-columns.tsv"), file)
            .map(|(role, heading)| {
                let column = match role {
                    "dates" => Column::Dates,
                    "from" => Column::From,
                    "to" => Column::To,
                    "title" => Column::Title,
                    "employer" => Column::Employer,
                    "school" => Column::School,
                    "degree" => Column::Degree,
                    "other" => Column::Other,
                    _ => panic!("{file}: no role {role:?}"),
                };
                (heading.to_owned(), column)
            })
            .collect()
    })
}

/// A row's cells: apart by gaps of two spaces or more, or by bars.
fn cells(line: &str) -> Vec<&str> {
    line.split('|').flat_map(|p| p.split("  ")).map(str::trim).filter(|c| !c.is_empty()).collect()
}

/// Words two headings are joined with.
const AND: [&str; 9] = [" and ", " & ", " / ", " und ", " et ", " e ", " y ", " i ", " en "];

fn known(heading: &str) -> Option<Column> {
    headings().get(heading.trim()).copied()
}

fn bare(heading: &str) -> String {
    heading.trim().trim_end_matches(':').trim().to_lowercase()
}

/// What a column heading names. Two headings joined ("Cargo e atividades", "Position and
/// tasks") name what the first does: the cell starts with it; a title's and an employer's
/// name both. A start's and an end's heading joined by a dash ("Dal – al", "Od - do") name
/// the dates.
fn role(heading: &str) -> Option<Column> {
    let heading = bare(heading);
    let joined = || {
        let (first, second) = AND.iter().find_map(|and| heading.split_once(and))?;
        match (known(first)?, known(second)?) {
            (Column::Title, Column::Employer) => Some(Column::TitleThenEmployer),
            (Column::Employer, Column::Title) => Some(Column::EmployerThenTitle),
            (first, _) => Some(first),
        }
    };
    let range = || {
        let (from, to) = heading.split_once(" – ").or_else(|| heading.split_once(" - "))?;
        (known(from)? == Column::From && known(to)? == Column::To).then_some(Column::Dates)
    };
    known(&heading).or_else(joined).or_else(range)
}

/// What a heading of several words the table does not know names, beside others it knows in
/// a header row: what its last word does, else its first ("Principais atividades", "Nome da
/// empresa", "Dates of employment"). Not two headings joined, of which one is unknown
/// ("Organisation and results"), nor a row's cell with figures or a title ("Year 10 Form
/// Tutor").
fn guessed_role(heading: &str) -> Option<Column> {
    let heading = bare(heading);
    let words: Vec<&str> = heading.split_whitespace().collect();
    let two = AND.iter().any(|and| heading.contains(and));
    let figures = heading.contains(|c: char| c.is_ascii_digit());
    if words.len() < 2 || two || figures || names_a_job(&heading) {
        return None;
    }
    words.last().and_then(|w| known(w)).or_else(|| known(words[0]))
}

/// Whether `text` is the label of a dates field or column ("Período:", "Zeitraum").
pub(super) fn is_dates_label(text: &str) -> bool {
    headings().get(&text.trim().trim_end_matches(':').trim().to_lowercase()) == Some(&Column::Dates)
}

/// The columns of a header row whose cells are `cells`: every cell a known heading, and a
/// dates column with two others that say who or what.
pub(crate) fn header_columns<'a>(cells: impl IntoIterator<Item = &'a str>) -> Option<Vec<Column>> {
    let cells: Vec<&str> = cells.into_iter().collect();
    // A heading is guessed from its words only among three or more.
    let guess = |c: &str| if cells.len() >= 3 { guessed_role(c) } else { None };
    let mut columns: Vec<Column> = cells.iter().map(|c| role(c).or_else(|| guess(c))).collect::<Option<_>>()?;
    // "Qualification  Board / University  Institution  Year": the examining board is the
    // school only where no other column names one.
    let schools = columns.iter().filter(|c| **c == Column::School).count();
    for (column, cell) in columns.iter_mut().zip(&cells) {
        if schools > 1 && cell.to_lowercase().contains("board") {
            *column = Column::Other;
        }
    }
    // A cell of both names counts as both only among three columns or more: "Zeitraum
    // Arbeitgeber / Tätigkeit" is a header still (see [`is_header`]), its rows read as entries.
    let named: usize = columns.iter().map(|c| if columns.len() < 3 { c.names().min(1) } else { c.names() }).sum();
    let dated = columns.contains(&Column::Dates) || (columns.contains(&Column::From) && columns.contains(&Column::To));
    (dated && named >= 2).then_some(columns)
}

fn header(line: &str) -> Option<Vec<Column>> {
    header_columns(cells(line))
}

/// Whether `line` is a table's header row of known column headings: one that can be read by
/// (see [`header_columns`]), or a dates column and one other ("Zeitraum  Arbeitgeber /
/// Tätigkeit", whose rows are read as entries), which is no entry's line either.
pub(super) fn is_header(line: &str) -> bool {
    let cells = cells(line);
    let roles: Option<Vec<Column>> = cells.iter().map(|c| role(c)).collect();
    header(line).is_some() || roles.is_some_and(|r| r.len() >= 2 && r.contains(&Column::Dates))
}

/// A cell without the field's label before a colon ("Ruolo: Area Manager", "Azienda:
/// Fratelli Gualdi Utensili S.r.l."), as a resume typed without a table labels each line;
/// nothing for a field read into nothing ("Ville : Lille", "Pays : France").
pub(super) fn field_value(cell: &str) -> Option<&str> {
    let Some((label, rest)) = cell.split_once(':').filter(|(_, rest)| !rest.trim().is_empty()) else {
        return Some(cell);
    };
    match headings().get(&label.trim().to_lowercase()) {
        Some(Column::Other) => None,
        Some(_) => Some(rest.trim()),
        None => Some(cell),
    }
}

/// A line whose fields' labels are set apart from their values by a gap ("Cargo:  Marceneiro
/// Líder", the value at a tab stop), with each gap closed, so that a label and its value make
/// one cell that [`field_value`] reads.
pub(super) fn labels_closed_up(line: &str) -> Cow<'_, str> {
    let cells: Vec<&str> = line.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
    let label = |c: &str| c.strip_suffix(':').is_some_and(|l| headings().contains_key(&l.trim().to_lowercase()));
    if !cells.iter().any(|c| label(c)) {
        return Cow::Borrowed(line);
    }
    let mut out: Vec<String> = Vec::with_capacity(cells.len());
    let mut rest = cells.iter();
    while let Some(cell) = rest.next() {
        match rest.clone().next() {
            Some(value) if label(cell) && !label(value) => {
                out.push(format!("{cell} {value}"));
                rest.next();
            }
            _ => out.push((*cell).to_owned()),
        }
    }
    Cow::Owned(out.join("  "))
}

/// What a reader puts for a cell with nothing in it, so that the row's other cells stay under
/// their headings (a title with no employer under it in a cell of both); a dash alone, as a
/// person types an empty cell too.
pub(crate) const EMPTY_CELL: &str = "–";

/// One row read by its columns.
pub(super) struct Row {
    pub start: Option<String>,
    pub end: Option<String>,
    cells: Vec<(Column, String)>,
}

impl Row {
    /// The first cell of `column`, or nothing.
    pub fn get(&self, column: Column) -> &str {
        self.cells.iter().find(|(c, _)| *c == column).map_or("", |(_, text)| text.as_str())
    }

    /// The first cell of `column`, else of `or`, or nothing.
    pub fn either(&self, column: Column, or: Column) -> &str {
        Some(self.get(column)).filter(|t| !t.is_empty()).unwrap_or_else(|| self.get(or))
    }
}

/// The rows of a table with a header among `raw` (the section's lines as written), read from
/// `prepared` (the same lines with wrapped rows joined): `None` unless there is a header and
/// every dated line after it lines up with it, so that a table read otherwise stays so.
pub(super) fn rows(raw: &[&str], prepared: &[String]) -> Option<Vec<Row>> {
    // A cell of a title and its employer is read as the reader makes it: two cells. Typed
    // as one ("Lagerist, Müller GmbH"), its row does not line up, and the table is read as
    // entries.
    let columns: Vec<Column> = raw.iter().find_map(|l| header(l))?.into_iter().flat_map(Column::as_read).collect();
    let at = |column: Column| columns.iter().position(|c| *c == column);
    let mut rows = Vec::new();
    for line in prepared {
        let mut cells: Vec<String> =
            cells(line).into_iter().map(|c| if c == EMPTY_CELL { String::new() } else { c.to_owned() }).collect();
        let dated = dates::span(line).is_some() || dates::single(line).is_some();
        if cells.len() + 1 == columns.len() {
            cells = employer_run_into_title(cells, &columns);
        }
        if cells.len() != columns.len() {
            // A row's task that names a year ("zero lost-time injuries since 2019", "•  Curso
            // PRL (renovado 2024)") is no row.
            let task = is_prose(line) || line.starts_with(['•', '*', '-', '–']);
            if dated && header(line).is_none() && !task {
                return None;
            }
            continue;
        }
        let when = match (at(Column::Dates), at(Column::From), at(Column::To)) {
            (Some(dates), _, _) => cells[dates].clone(),
            (None, Some(from), Some(to)) => format!("{} – {}", cells[from], cells[to]),
            _ => return None,
        };
        let when = when.as_str();
        let (start, end) = match dates::span(when) {
            Some(span) => (Some(span.start), span.end),
            None => match dates::single(when) {
                Some((year, _)) => (None, Some(year)),
                None => continue,
            },
        };
        let cells = columns.iter().zip(cells).map(|(c, text)| (*c, text)).collect();
        rows.push(Row { start, end, cells });
    }
    (!rows.is_empty()).then_some(rows)
}

/// A row typed in plain text whose employer's cell ran into the title's with one space
/// ("Ferretería Eléctrica El Bombillo Ayudante eléctrico  ene. 2013  jun. 2014" under "EMPRESA
/// CARGO  DESDE  HASTA"): the cell split where the words of a title start, the rest left as
/// they were.
fn employer_run_into_title(cells: Vec<String>, columns: &[Column]) -> Vec<String> {
    let Some(at) = columns.windows(2).position(|pair| pair == [Column::Employer, Column::Title]) else {
        return cells;
    };
    let Some(cell) = cells.get(at) else { return cells };
    let words: Vec<&str> = cell.split_whitespace().collect();
    let split = (1..words.len()).find(|&k| {
        let (employer, title) = (words[..k].join(" "), words[k..].join(" "));
        // The title starts with a job's word: "Eléctrica El Bombillo" is still the name.
        words[k].starts_with(char::is_uppercase)
            && names_a_job(words[k])
            && names_a_job(&title)
            && !names_a_job(&employer)
    });
    let Some(k) = split else { return cells };
    let mut split_cells = cells.clone();
    split_cells.splice(at..=at, [words[..k].join(" "), words[k..].join(" ")]);
    // Only where the dates then fall in their column: a row one cell short for want of its
    // end date ("Apex Support Services Ltd  Técnico  jul. 2019") is no run-together cell.
    let dated = columns.iter().zip(&split_cells).all(|(column, cell)| {
        !matches!(column, Column::Dates | Column::From | Column::To) || dates::single(cell).is_some()
    });
    if dated { split_cells } else { cells }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_of_years_courses_towns_and_bodies_in_several_languages() {
        use Column::*;
        let header = |line: &str| header_columns(cells(line));
        assert_eq!(header("Jaren  Opleiding / cursus  Instituut  Diploma"), Some(vec![Dates, Degree, School, Degree]));
        assert_eq!(header("Grau / Curso  Instituição  Local  Anos"), Some(vec![Degree, School, Other, Dates]));
        assert_eq!(header("LATA  SZKOŁA / ORGANIZATOR  KIERUNEK / KWALIFIKACJA"), Some(vec![Dates, School, Degree]));
        assert_eq!(header("Years  Institution  Credential"), Some(vec![Dates, School, Degree]));
    }

    #[test]
    fn a_header_row_says_which_cell_is_which() {
        let raw = [
            "Periode  Opleiding  Instituut  Diploma",
            "2011 – 2014  MBO niveau 3 Eerste Monteur  ROC Midden Nederland, Utrecht  Ja",
            "2007 – 2011  VMBO kaderberoepsgerichte leerweg  Het Element, Amersfoort  Ja",
        ];
        let prepared: Vec<String> = raw.iter().map(|l| (*l).to_owned()).collect();
        let rows = rows(&raw, &prepared).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].get(Column::School), "Het Element, Amersfoort");
        assert_eq!(rows[1].get(Column::Degree), "VMBO kaderberoepsgerichte leerweg");
        assert_eq!((rows[1].start.as_deref(), rows[1].end.as_deref()), (Some("2007"), Some("2011")));
    }

    #[test]
    fn headings_the_table_does_not_know_whole() {
        // A start's and an end's heading joined; a heading by its last word, or its first.
        assert_eq!(role("Dal – al"), Some(Column::Dates));
        assert_eq!(guessed_role("Principais atividades"), Some(Column::Other));
        assert_eq!(guessed_role("Nome da empresa"), Some(Column::Employer));
        assert_eq!(guessed_role("Dates of employment"), Some(Column::Dates));
        assert_eq!(guessed_role("Kellnerin im Service"), None);
        // A row's cells are no headings: a title, figures; nor is a line of two cells a header.
        assert_eq!(guessed_role("Year 10 Form Tutor"), None);
        assert!(!is_header("Data Analyst  Acme Company"));
        // More headings: a row's number, an Indian table's, a Polish, an Italian one.
        assert_eq!(
            header_columns(["Sr. No.", "Examination", "Board / University", "College / School", "Year of Passing"]),
            Some(vec![Column::Other, Column::Degree, Column::Other, Column::School, Column::Dates])
        );
        assert_eq!(
            header("Okres  Uczelnia  Kierunek i tytuł"),
            Some(vec![Column::Dates, Column::School, Column::Degree])
        );
        assert_eq!(
            header("Dal – al  Struttura  Ruolo e attività"),
            Some(vec![Column::Dates, Column::Employer, Column::Title])
        );
        let header = ["Cargo", "Empresa", "Principais atividades", "Período"];
        assert_eq!(header_columns(header), Some(vec![Column::Title, Column::Employer, Column::Other, Column::Dates]));
    }

    #[test]
    fn an_employers_cell_run_into_the_titles_with_one_space() {
        let raw = [
            "EMPRESA  CARGO  DESDE  HASTA",
            "Montajes Eléctricos JR S.A.S.  Oficial electricista  jul. 2014  feb. 2017",
            "Ferretería Eléctrica El Bombillo Ayudante eléctrico  ene. 2013  jun. 2014",
        ];
        let prepared: Vec<String> = raw.iter().map(|l| (*l).to_owned()).collect();
        let rows = rows(&raw, &prepared).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].get(Column::Employer), "Ferretería Eléctrica El Bombillo");
        assert_eq!(rows[1].get(Column::Title), "Ayudante eléctrico");
        // A row one cell short for want of its end date is not split.
        let raw = ["EMPRESA  CARGO  DESDE  HASTA", "Apex Support Services Ltd  Técnico  jul. 2019"];
        let prepared: Vec<String> = raw.iter().map(|l| (*l).to_owned()).collect();
        let read = super::rows(&raw, &prepared);
        assert!(read.is_none_or(|r| r.iter().all(|row| row.get(Column::Employer) != "Apex")));
    }

    #[test]
    fn a_bullet_naming_a_year_under_the_table_is_no_row_of_it() {
        let raw = [
            "Periode  Opleiding  Instelling  Diploma",
            "2024 – heden  Vervolgopleiding CCU-verpleegkundige  UMCG Opleidingscentrum  nee (loopt)",
            "2014 – 2018  HBO-V (Bachelor of Nursing)  Hanzehogeschool Groningen  ja",
            "•  ALS-provider (European Resuscitation Council), 2023",
        ];
        let prepared: Vec<String> = raw.iter().map(|l| (*l).to_owned()).collect();
        let rows = rows(&raw, &prepared).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].get(Column::School), "UMCG Opleidingscentrum");
        assert_eq!(rows[0].get(Column::Degree), "Vervolgopleiding CCU-verpleegkundige");
    }

    #[test]
    fn a_header_of_dates_and_one_other_column_is_a_header_still() {
        assert!(is_header("Zeitraum  Arbeitgeber / Tätigkeit"));
        assert!(!is_header("Zeitraum  Lippe Tiefbau GmbH"));
    }

    #[test]
    fn a_table_whose_rows_do_not_line_up_is_not_read_by_its_header() {
        let raw =
            ["Year  Degree  School", "2017  BTS Logistique  Lycée Jean Perrin", "2015 : CACES R489, FORMAPRO Nantes"];
        let prepared: Vec<String> = raw.iter().map(|l| (*l).to_owned()).collect();
        assert!(rows(&raw, &prepared).is_none());
        // No header: no table.
        assert!(rows(&raw[1..], &prepared[1..]).is_none());
        // A range's ends in columns of their own date the rows as one column does.
        assert_eq!(
            header("Position  Facility  From  To"),
            Some(vec![Column::Title, Column::Employer, Column::From, Column::To])
        );
        assert!(header("Position  Facility  From").is_none(), "a start alone dates nothing");
    }

    #[test]
    fn a_rows_task_naming_a_year_leaves_the_table_whole() {
        let raw = [
            "Dates  Employer  Position",
            "Jun 2019 – Present  Harbour Terminals  Straddle Carrier Operator",
            "Averaged 24 moves an hour on vessel work; no lost-time injuries since 2019",
            "Feb 2016 – May 2019  Bayside Stevedoring  Stevedore – Casual",
        ];
        let prepared: Vec<String> = raw.iter().map(|l| (*l).to_owned()).collect();
        let rows = rows(&raw, &prepared).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].get(Column::Employer), "Bayside Stevedoring");
        // The Indian form's education table.
        assert_eq!(
            header("Qualification  Board/University  Year  Marks"),
            Some(vec![Column::Degree, Column::School, Column::Dates, Column::Other])
        );
        assert_eq!(
            header("Qualification  Board / University  Institution  Year  Percentage"),
            Some(vec![Column::Degree, Column::Other, Column::School, Column::Dates, Column::Other])
        );
    }

    #[test]
    fn a_range_in_two_columns_of_its_own() {
        let raw =
            ["De  Até  Entidade empregadora  Função", "Fev. 2016  Atualmente  Tavares & Pires, Lda.  Canalizador"];
        let prepared: Vec<String> = raw.iter().map(|l| (*l).to_owned()).collect();
        let rows = rows(&raw, &prepared).unwrap();
        assert_eq!((rows[0].start.as_deref(), rows[0].end.as_deref()), (Some("2016-02"), None));
        assert_eq!(rows[0].get(Column::Employer), "Tavares & Pires, Lda.");
    }

    #[test]
    fn two_headings_joined_name_what_the_first_does() {
        assert_eq!(
            header("Período  Instituição  Cargo e atividades"),
            Some(vec![Column::Dates, Column::School, Column::Title])
        );
        assert_eq!(role("Position and tasks"), Some(Column::Title));
        // The body that gave a course is its school: "Ano  Curso  Entidade formadora".
        assert_eq!(header("Ano  Curso  Entidade formadora"), Some(vec![Column::Dates, Column::Degree, Column::School]));
        // A title's and an employer's heading joined name both, in their order; a row is read
        // as the two cells the reader makes of such a cell.
        assert_eq!(
            header("Dates  Post & Employer  Main duties"),
            Some(vec![Column::Dates, Column::TitleThenEmployer, Column::Other])
        );
        assert_eq!(role("Arbeitgeber / Tätigkeit"), Some(Column::EmployerThenTitle));
        let raw = [
            "Dates  Post & Employer  Main duties",
            "Mar 2021 – present  Charge Nurse (Band 6)  Belfast Health and Social Care Trust  Nurse in charge",
        ];
        let prepared: Vec<String> = raw.iter().map(|l| (*l).to_owned()).collect();
        let rows = rows(&raw, &prepared).unwrap();
        assert_eq!(rows[0].get(Column::Title), "Charge Nurse (Band 6)");
        assert_eq!(rows[0].get(Column::Employer), "Belfast Health and Social Care Trust");
        // A cell the reader marked empty is read so, the row still in line.
        let raw = ["Dates  Post & Employer  Main duties", "2013 – 2014  Care Assistant  –  Personal care"];
        let prepared: Vec<String> = raw.iter().map(|l| (*l).to_owned()).collect();
        let rows = super::rows(&raw, &prepared).unwrap();
        assert_eq!((rows[0].get(Column::Title), rows[0].get(Column::Employer)), ("Care Assistant", ""));
        // Typed in one cell, the row does not line up: no table.
        let raw = ["Dates  Post & Employer  Main duties", "2019 – 2021  Staff Nurse, Ward 11  Admissions"];
        let prepared: Vec<String> = raw.iter().map(|l| (*l).to_owned()).collect();
        assert!(super::rows(&raw, &prepared).is_none());
        // Both must be headings: "Kenntnisse und Fähigkeiten" is a section, not a column.
        assert_eq!(role("Lieux et dates"), None);
    }

    #[test]
    fn a_fields_label_comes_off_its_value() {
        assert_eq!(field_value("Ruolo: Area Manager Lombardia"), Some("Area Manager Lombardia"));
        assert_eq!(field_value("Azienda: Fratelli Gualdi S.r.l."), Some("Fratelli Gualdi S.r.l."));
        assert_eq!(field_value("Projektleitung: Umbau"), Some("Projektleitung: Umbau"));
        assert_eq!(field_value("Ville : Lille"), None);
        assert_eq!(field_value("Pays : France"), None);
        // A label apart from its value by a gap is closed up to it; a cell that is no label not.
        assert_eq!(labels_closed_up("Cargo:  Marceneiro Líder"), "Cargo: Marceneiro Líder");
        assert_eq!(
            labels_closed_up("Cargo:  Marceneiro  Empresa:   Móveis Silva"),
            "Cargo: Marceneiro  Empresa: Móveis Silva"
        );
        assert_eq!(labels_closed_up("Leitung:  Umbau Nord"), "Leitung:  Umbau Nord");
    }
}
