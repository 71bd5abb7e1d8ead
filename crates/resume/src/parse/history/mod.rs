//! Employment and education entries. Each is anchored on a line with its dates; its title and
//! employer (or school and degree) are on that line and the lines next to it: before the dates
//! or after them, as the section's first entry has it (a resume sets all its entries alike).
//! A section's lines are made ready in `lines` and read into entries in `entries`; jobs are
//! read from them here, schools in `schools`; a table under a header row in `table`; what names
//! a place beside them is in `places`.

mod entries;
mod lines;
mod places;
mod schooling;
mod schools;
mod table;

pub(crate) use places::{is_country, is_known_town, is_town};
pub use schooling::schooling_apart;
pub use schools::schools;
pub(crate) use table::{Column as TableColumn, EMPTY_CELL, header_columns};

use super::ParsedJob;
use super::dates::{self, Span};
use super::labelled;
use super::words::{
    ends_on_joining_word, is_a_legal_form, is_capitalised_word, is_joining_word, names_a_degree, names_a_department,
    names_a_field, names_a_gap, names_a_job, names_a_legal_form, names_a_school, names_an_employer,
};
use entries::*;
use lines::*;
pub(super) use places::is_address;
use places::{
    ends_on_a_town, is_address_line, is_named_place, is_place, is_town_and_state, is_town_in_capitals,
    is_town_in_country, is_town_in_region, name_of_address, without_place_after_separator, without_town,
};
use table::Column;

/// A dash between two phrases, with a space on each side, as resumes set it.
const DASHES: [&str; 3] = [" – ", " — ", " - "];

/// The text before and after its first dash between two phrases, whichever dash it is.
fn at_first_dash(text: &str) -> Option<(&str, &str)> {
    let (at, dash) = DASHES.iter().filter_map(|dash| text.find(dash).map(|at| (at, dash))).min()?;
    Some((&text[..at], &text[at + dash.len()..]))
}

/// The text after its last dash between two phrases, whichever dash it is.
fn at_last_dash(text: &str) -> Option<&str> {
    let (at, dash) = DASHES.iter().filter_map(|dash| text.rfind(dash).map(|at| (at, dash))).max()?;
    Some(&text[at + dash.len()..])
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
    // One year alone dates a job only among ranges: a timeline of start years alone is read
    // by them below.
    let ranged = lines.iter().any(|l| span_of(l).is_some());
    let mut found = if ranged { entries(&lines, span_or_year_of, phrases, true) } else { Vec::new() };
    if found.is_empty() {
        found = by_start_years(&lines);
    }
    let mut out: Vec<ParsedJob> = Vec::new();
    // "09/2018 – heute  Hansekontor Spedition GmbH & Co. KG, Bremen" over its roles, each with
    // dates of its own within: the employer's years over the roles held there.
    let mut over: Option<(String, Option<String>)> = None;
    let mut found = found.into_iter().peekable();
    while let Some(entry) = found.next() {
        // "BIG W, Chermside  Mar 2017 - Jan 2023" over "Assistant Store Manager  Aug 2019 -
        // Jan 2023": a name whose years hold the next entry's, which has no employer of its own.
        let holds_next = found
            .peek()
            .is_some_and(|next| next.pieces.len() == 1 && phrases(&next.pieces) == 1 && within(next, &entry));
        if let [only] = entry.pieces.as_slice()
            && !entry.merged
            && ((comma_pieces(only).len() == 1 && names_an_employer(only)) || holds_next)
            && !names_a_job(only)
        {
            over = Some((without_town(&organisation(only)), entry.start));
            continue;
        }
        let (mut title, mut employer) = match entry.pieces.as_slice() {
            // A later role's title with its dash, joined above: whole ("Executive Team Leader
            // – Merchandising").
            [title] if entry.merged || (entry.same_employer && DASHES.iter().any(|d| title.contains(d))) => {
                (title.clone(), String::new())
            }
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
        if let Some(what) = without_town_held(&title) {
            title = what;
        }
        // Time between jobs, whichever phrase it was read into ("Elternzeit", "Ano sabático").
        if !title.is_empty() && !names_a_gap(&title) && !names_a_gap(&employer) {
            out.push(ParsedJob { title, employer, start: entry.start, end: entry.end });
        }
    }
    out
}

/// Words of a role that covers a territory, in the languages here: its place is part of the
/// title ("Area Sales Manager, Munster", "Gerente de Zona, Sevilla").
const TERRITORIAL: &[&str] = &[
    "area",
    "regional",
    "region",
    "territory",
    "district",
    "country",
    "zona",
    "zone",
    "région",
    "régional",
    "regione",
    "regionale",
    "regio",
    "regionu",
    "bezirk",
    "gebiet",
    "gebietsleiter",
    "área",
    "territoire",
    "territorio",
    "distrito",
    "distretto",
    "rejonu",
    "obszaru",
];

/// A title without the town it was held in after its comma ("Teamleider Inbound, Tilburg"):
/// where, not what. A town's name of four letters or more the gazetteer knows; a territory's
/// role keeps it.
fn without_town_held(title: &str) -> Option<String> {
    let (what, town) = title.rsplit_once(", ")?;
    let territorial = what.split_whitespace().any(|w| TERRITORIAL.contains(&w.to_lowercase().as_str()));
    (town.chars().count() >= 4 && is_known_town(town) && names_a_job(what) && !territorial).then(|| what.to_owned())
}

/// Whether `inner`'s time lies within `outer`'s, each date compared to the precision both
/// have ("2019" holds "2019-08").
fn within(inner: &entries::Entry, outer: &entries::Entry) -> bool {
    let not_after = |a: &str, b: &str| {
        let n = a.len().min(b.len());
        a[..n] <= b[..n]
    };
    let starts_within = match (&outer.start, &inner.start) {
        (Some(outer), Some(inner)) => not_after(outer, inner),
        _ => false,
    };
    let ends_within = match (&inner.end, &outer.end) {
        (_, None) => true,
        (Some(inner), Some(outer)) => not_after(inner, outer),
        (None, Some(_)) => false,
    };
    starts_within && ends_within
}

/// A table's title cell that goes on into the job's tasks after a dash ("Professora de
/// Educação Básica I – rede municipal de Campinas; regência de turma…"): the title before it.
/// A short aside stays ("Secrétaire médicale – accueil et facturation").
fn title_of_cell(cell: &str) -> &str {
    DASHES
        .iter()
        .find_map(|dash| cell.split_once(dash))
        .filter(|(_, rest)| is_sentence(rest))
        .map_or(cell, |(title, _)| title.trim())
}

/// The parts of a phrase apart by commas outside brackets ("Customer Adviser (part-time,
/// during university)" is one).
fn commas_outside_brackets(piece: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in piece.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            ',' if depth == 0 && piece[i + 1..].starts_with(' ') => {
                parts.push(piece[start..i].trim());
                start = i + 2;
            }
            _ => {}
        }
    }
    parts.push(piece[start..].trim());
    parts
}

/// Whether a phrase starts with an article, as a name may ("The Inn at Whitewell") and a
/// title does not.
fn starts_with_an_article(phrase: &str) -> bool {
    let first = phrase.split_whitespace().next().unwrap_or_default();
    ["The", "La", "Le", "Les", "El", "Il", "Lo", "Die", "Der", "Das", "De", "Het"].contains(&first)
}

/// "Title, Employer, Town" on one line when nothing else split it: the title and the
/// employer without the town; "Employer, Town" as the employer alone; a comma that does not
/// start an organisation's name ("Professeur des écoles, classe de CM1") splits nothing.
fn comma_pieces(piece: &str) -> Vec<String> {
    // "Projektleiter bei Rheinwerk AG", "Avvocato presso Studio Legale Conti"; a name with the
    // word in it is no title and its employer ("Pets at Home, Wembley").
    if let Some((title, employer)) =
        [" at ", " @ ", " bei ", " presso ", " chez ", " bij "].iter().find_map(|at| piece.split_once(at))
        && (names_a_job(title) || (title.split_whitespace().count() >= 2 && !starts_with_an_article(title)))
    {
        return vec![title.trim().to_owned(), without_town(employer)];
    }
    if let Some((title, employer)) = title_en_employer(piece) {
        return vec![title.to_owned(), without_town(employer)];
    }
    let mut parts: Vec<&str> = commas_outside_brackets(piece);
    while parts.len() > 2 && parts.last().is_some_and(|p| is_town(p)) {
        parts.pop();
    }
    // "Barbosa, Lacerda e Nogueira Advogados": partners' names listed before the firm's kind.
    // Each partner one word ("Bakkerij Bosch & Zn." after "Broodbakker" is a firm's name).
    let partners = |a: &str, b: &str| {
        !a.contains(' ')
            && [" e ", " y ", " & ", " and ", " et ", " und "]
                .iter()
                .any(|and| b.split_once(and).is_some_and(|(partner, _)| !partner.trim().contains(' ')))
            && names_an_employer(b)
    };
    match parts.as_slice() {
        [_, b] if !b.starts_with(char::is_uppercase) => vec![piece.to_owned()],
        [a, b] if partners(a, b) => vec![piece.to_owned()],
        // "Douro Vinhos, Lda.", "Norte Auditores, SROC": a legal form after the name, maybe
        // with its town in brackets ("Talleres Mecánicos Urola, S.L. (Azpeitia)"), even where
        // the name has a job's word ("Construcciones y Auxiliar de Ferrocarriles, S.A.").
        [_, b] if !without_town(b).contains(' ') && !is_town(b) => vec![piece.to_owned()],
        // "Bombardier Aerospace México, S.A. de C.V.", "Eletro Lis, Unipessoal Lda (Batalha)": a
        // legal form of several words, maybe with its town.
        [_, b] if is_a_legal_form(&without_town(b)) => vec![piece.to_owned()],
        // "Reed Specialist Recruitment, Manchester": a name with a job's word before a town
        // the gazetteer knows is an employer and where.
        [a, b] if names_a_job(a) && !is_known_town(b) => vec![(*a).to_owned(), without_town(b)],
        [a, b] if is_town(b) => vec![(*a).to_owned()],
        [a, rest @ ..] if !rest.is_empty() => vec![(*a).to_owned(), without_town(&rest.join(", "))],
        _ => vec![piece.to_owned()],
    }
}

/// Spanish titles that name a field after "en", never an employer ("Técnico en Farmacia",
/// "Grado en Turismo").
#[rustfmt::skip]
const TITLES_OF_A_FIELD: &[&str] = &[
    "técnico", "técnica", "tecnico", "tecnica", "grado", "graduado", "graduada", "licenciado", "licenciada",
    "diplomado", "diplomada", "máster", "master", "especialista", "experto", "experta", "doctor", "doctora",
    "superior", "auxiliar", "ingeniero", "ingeniera", "interno", "interna", "interne",
];

/// "Camarera de sala en Hotel Marina Playa": a title and its employer joined by the Spanish
/// "en", where the title names a job (no field's title: "Técnico Superior en Farmacia",
/// "Interne en Pharmacie", and no comma: "Dependienta, Mango en Centro Comercial") and what
/// follows is a name led by an employer's kind, set with a capital.
fn title_en_employer(piece: &str) -> Option<(&str, &str)> {
    let (title, employer) = piece.split_once(" en ")?;
    let field = title.split_whitespace().any(|w| TITLES_OF_A_FIELD.contains(&w.to_lowercase().as_str()));
    // The employer's name starts with its kind ("Hotel Marina Playa", "Restaurante Zuberoa").
    let kind_first = employer.split_whitespace().next().is_some_and(names_an_employer);
    (names_a_job(title)
        && !field
        && !title.contains(',')
        && kind_first
        && employer.starts_with(char::is_uppercase)
        && employer.split_whitespace().count() >= 2
        && names_an_employer(employer)
        && !names_a_job(employer))
    .then_some((title.trim(), employer.trim()))
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
    // A job's word in a phrase with its town after a comma is a name's ("Reed Specialist
    // Recruitment, Manchester" is who and where); a title may have its town too
    // ("Reachtruckchauffeur, Tilburg").
    let with_town = |p: &str| p.rsplit_once(", ").is_some_and(|(_, town)| is_known_town(town));
    // An aside in brackets at the end says how the job was held, not who ("Class 1 Driver
    // (agency)", "Lagermitarbeiterin (Arbeitnehmerüberlassung)").
    let titleness = |p: &str| {
        // A phrase led by an article names a place or a firm, whatever its words ("The Brazen
        // Head", "Le Chef du Village"): no title starts so.
        let job = names_a_job(p) && !starts_with_an_article(p);
        // Only after a title: "National Health Service (NHS)" is who by its whole.
        let aside = p.strip_suffix(')').and_then(|p| p.rsplit_once(" ("));
        let named = aside.filter(|_| job).map_or(p, |(head, _)| head);
        i32::from(job) - i32::from(names_an_employer(named) || names_a_school(named) || (job && with_town(p)))
    };
    match pieces.as_slice() {
        [] => (String::new(), String::new()),
        [one] => (one.clone(), String::new()),
        // "Têxteis do Ave, S.A., Rua da Fábrica 12, 4760-108 Famalicão": the name before its address.
        // The employer without its town; a title keeps its aside ("Servicekraft (Minijob)").
        [a, b, ..] if titleness(b) > titleness(a) => (b.clone(), name_of_address(&organisation(&without_town(a)))),
        // Alike by their words, the phrase with its town is who ("Little Acorns Montessori,
        // Carlow" over "Room Leader – Montessori Room").
        // So is a name in capitals with its place ("PIKE ELECTRIC, Mount Airy, NC (traveling)"
        // over "Groundman", a title the word lists do not know).
        [a, b, ..]
            if titleness(b) == titleness(a)
                && (with_town(a) || (is_employers_line(a) && a.contains(", ")))
                && !with_town(b)
                && !b.contains(", ") =>
        {
            (b.clone(), name_of_address(&organisation(&without_town(a))))
        }
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
    // "Ingenia Consulting (ESN) – mission longue chez un assureur": a note after a dash.
    let piece = DASHES
        .iter()
        .find_map(|dash| piece.split_once(dash).filter(|(_, note)| note.starts_with(char::is_lowercase)))
        .map_or(piece, |(name, _)| name.trim());
    match piece.split_once(" (") {
        Some((name, aside)) if aside.ends_with(')') && aside.contains(' ') => name.trim().to_owned(),
        _ => piece.to_owned(),
    }
}

fn split_after_title(text: &str) -> Option<(String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let modifiers = ["product", "sales", "support", "senior", "junior", "principal", "staff", "chief"];
    // The title's last word: before the employer's first where case or a school's word tells.
    let told = organisation_in_capitals(&words).or_else(|| case_changes(&words)).map(|start| start - 1);
    let at = told.or_else(|| {
        (0..words.len().saturating_sub(1)).rev().find(|&i| {
            names_a_job(words[i])
                && !modifiers.contains(&words[i].to_lowercase().as_str())
                && words[i + 1].chars().next().is_some_and(char::is_uppercase)
        })
    })?;
    let (title, employer) = (words[..=at].join(" "), words[at + 1..].join(" "));
    // "Assistant Store Manager" is one title, not "Assistant" at "Store Manager"; nor is
    // "FISIOTERAPISTA DI REPARTO" a title at "DI REPARTO": no name starts with "di".
    let joined = is_joining_word(&words[at + 1].to_lowercase());
    // "Farmacêutica Clínica" is a clinical pharmacist: a lone word of an organisation's kind
    // qualifies the title, it names no employer.
    let kind_alone = at + 2 == words.len() && names_an_employer(&employer);
    // "Software Engineer II", "Nurse Band 6": a grade after the title is no employer.
    let band = words[at + 1].eq_ignore_ascii_case("band") && words[at + 2..].iter().all(|w| is_grade(w));
    let grade = words[at + 1..].iter().all(|w| is_grade(w)) || band;
    // "Apprentice Lineman", "Head Barista": one word after a title of one word goes on with
    // it, unless it is in capitals ("Analyst IBM"); after longer titles it may be a name.
    let one_word = at == 0 && words.len() == 2 && words[1].chars().any(char::is_lowercase);
    // "HEAD CHEF Manchester": a town after the title is where; "HEAD OF" is no title.
    let town = employer.split_whitespace().count() <= 3 && is_known_town(&employer);
    let open = ends_on_joining_word(&title.to_lowercase());
    (!names_a_job(&employer) && !joined && !kind_alone && !grade && !one_word && !town && !open)
        .then_some((title, employer))
}

/// Where the employer starts in a title and an employer run together in capitals, as text
/// copied from the Europass editor's PDF gives them ("NAUCZYCIELKA EDUKACJI WCZESNOSZKOLNEJ
/// SZKOŁA PODSTAWOWA NR 44", "POMOC NAUCZYCIELA (STAŻ) NIEPUBLICZNE PRZEDSZKOLE"): case tells
/// nothing there, so at the first word of a school's name (a teacher's employer), or after the
/// title's aside in brackets, where what comes before names a job and what comes after none.
fn organisation_in_capitals(words: &[&str]) -> Option<usize> {
    let capitals = words.iter().flat_map(|w| w.chars()).filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if !capitals {
        return None;
    }
    (1..words.len().saturating_sub(1)).find(|&k| {
        let word = words[k].trim_start_matches(crate::parse::OPENING_QUOTES);
        // A school's word: an employer's ("PHARMACIE", "SPEDITION") is a field's in titles too.
        let starts = names_a_school(word) || words[k - 1].ends_with(')');
        starts && names_a_job(&words[..k].join(" ")) && !names_a_job(&words[k..].join(" "))
    })
}

/// Where a title in capitals gives way to a name in its own case on one line, as the Europass
/// editor's bold title and its employer come out of its PDF ("PRÉPARATRICE DE COMMANDES
/// (INTÉRIM) Agilis Intérim"): the capitals name a job, two words or more, and the name after
/// them no job.
fn case_changes(words: &[&str]) -> Option<usize> {
    // A word without letters ("–", "(2)") goes with the capitals.
    let capitals = |w: &&str| !w.chars().any(char::is_alphabetic) || crate::parse::name::in_capitals(w);
    let at = words.iter().position(|w| !capitals(w))?;
    let cased = words[at].starts_with(char::is_uppercase) && words[at].chars().any(char::is_lowercase);
    let title = words[..at].join(" ");
    let rest = words[at..].join(" ");
    (at >= 2 && cased && names_a_job(&title) && !names_a_job(&rest)).then_some(at)
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
    fn a_line_saying_what_the_employer_is_between_it_and_the_title() {
        // A headcount's word is a job's word too; a short phrase under the name says what it is.
        let lines = [
            "Kessler Verpackungstechnik GmbH, Augsburg",
            "Sondermaschinenbau für die Lebensmittelindustrie, ca. 650 Mitarbeiter",
            "Schichtführerin Instandhaltung Elektrik  seit 04/2021",
            "•  Leitung einer Schicht mit 6 Elektrikern",
            "Stadtwerke Friedberg",
            "Kommunaler Energieversorger",
            "Auszubildende Elektronikerin für Betriebstechnik  09/2012 – 07/2016",
            "•  Wartung von Umspannstationen",
        ];
        assert_eq!(
            who(&lines),
            pairs(&[
                ("Schichtführerin Instandhaltung Elektrik", "Kessler Verpackungstechnik GmbH"),
                ("Auszubildende Elektronikerin für Betriebstechnik", "Stadtwerke Friedberg"),
            ])
        );
    }

    #[test]
    fn one_line_per_job_in_sentences_as_a_word_processor_list() {
        let lines = [
            "•\tJunio 2024 – Septiembre 2024: Camarera de sala en Hotel Marina Playa (temporada de verano). Servicio de desayunos y cenas en buffet y a la carta.",
            "•\tJulio 2022 – Septiembre 2022: Camarera de barra en Chiringuito Es Racó. Preparación de bebidas y cócteles, cobro en caja.",
            // A field after "Técnico en" is the title's, and an abbreviation's stop ends no headline.
            "•\t2019 – 2021: Técnico en Farmacia y Parafarmacia, Farmacia Ortiz Pvt. Ltd.",
        ];
        assert_eq!(
            who(&lines),
            pairs(&[
                ("Camarera de sala", "Hotel Marina Playa"),
                ("Camarera de barra", "Chiringuito Es Racó"),
                ("Técnico en Farmacia y Parafarmacia", "Farmacia Ortiz Pvt. Ltd."),
            ])
        );
    }

    #[test]
    fn what_no_title_and_employer_split_takes_apart() {
        assert_eq!(title_en_employer("Técnico Superior en Farmacia y Parafarmacia"), None);
        assert_eq!(title_en_employer("Interne en Pharmacie Hospitalière"), None);
        assert_eq!(title_en_employer("Dependienta, Mango en Centro Comercial La Maquinista"), None);
        assert_eq!(
            title_en_employer("Camarera de sala en Hotel Marina Playa"),
            Some(("Camarera de sala", "Hotel Marina Playa"))
        );
        // A grade, a town, or a title cut before its end is no employer.
        assert_eq!(split_after_title("STAFF NURSE Band 5"), None);
        assert_eq!(split_after_title("HEAD CHEF Manchester"), None);
        assert_eq!(split_after_title("HEAD OF SCHOOL OPERATIONS"), None);
    }

    #[test]
    fn a_dated_sentence_after_a_colon_is_a_note_between_entries() {
        let lines = [
            "Staff Nurse (Band 5)",
            "Pennine Vale Hospitals NHS Foundation Trust",
            "September 2018 – Present",
            "• Medication rounds for 28 patients.",
            "July 2017 – August 2018: Career break – full-time carer for a family member.",
            "Staff Nurse",
            "Elmbank Nursing Home, Brighouse",
            "October 2015 – June 2017",
            "• Responsible for 24 residents.",
        ];
        let found = jobs(&lines);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1], job("Staff Nurse", "Elmbank Nursing Home", "2015-10", Some("2017-06")));
        // Under its job's heading the dated sentence is that job's description.
        let lines = ["Barista — Starbucks", "March 2019 – June 2021: Served customers and trained four new starters."];
        assert_eq!(who(&lines), pairs(&[("Barista", "Starbucks")]));
    }

    #[test]
    fn a_title_and_a_school_run_together_in_capitals() {
        let lines = [
            "01/09/2017 – OBECNIE Katowice, Polska",
            "NAUCZYCIELKA EDUKACJI WCZESNOSZKOLNEJ SZKOŁA PODSTAWOWA NR 44 IM. JANA BRZECHWY",
            "– wychowawczyni klas I–III",
            // An employer's word is a field's in a title: no split at "PHARMACIE".
            "09/2015 – 06/2016 Lyon, France",
            "INTERNE EN PHARMACIE HOSPITALIÈRE",
            // A title in capitals, then its employer in its own case.
            "03/2019 – 08/2021",
            "PRÉPARATRICE DE COMMANDES (INTÉRIM) Agilis Intérim",
        ];
        assert_eq!(
            who(&lines),
            pairs(&[
                ("NAUCZYCIELKA EDUKACJI WCZESNOSZKOLNEJ", "SZKOŁA PODSTAWOWA NR 44 IM. JANA BRZECHWY"),
                ("INTERNE EN PHARMACIE HOSPITALIÈRE", ""),
                ("PRÉPARATRICE DE COMMANDES (INTÉRIM)", "Agilis Intérim"),
            ])
        );
    }

    #[test]
    fn an_employer_dated_over_its_description_and_its_dated_roles() {
        let lines = [
            "08/2003 – 09/2015\tMetzgerei Brandl, Würzburg",
            "Landmetzgerei mit eigener Schlachtung und 4 Filialen",
            "01/2010 – 09/2015\tFilialleiterin",
            "–\tVerantwortung für Umsatz und 6 Verkäuferinnen",
            "08/2003 – 12/2009\tFleischergeselle",
            "–\tSchlachtung, Zerlegung von Schwein und Rind",
        ];
        assert_eq!(
            who(&lines),
            pairs(&[("Filialleiterin", "Metzgerei Brandl"), ("Fleischergeselle", "Metzgerei Brandl")])
        );
    }

    #[test]
    fn the_next_employers_line_over_its_dated_role_is_no_later_roles() {
        let lines = [
            "Cherokee Hills Country Club  Madison, WI",
            "Assistant Superintendent  Mar 2013 – Mar 2016",
            "o  Daily course setup, greens mowing and rolling",
            "Greenskeeper  Apr 2010 – Feb 2013",
            "Four Seasons Lawn & Landscape LLC  Sun Prairie, WI",
            "Landscape Crew Member  May 2007 – Mar 2010",
        ];
        let found = who(&lines);
        assert_eq!(found[1], ("Greenskeeper".to_owned(), "Cherokee Hills Country Club".to_owned()));
        assert_eq!(found[2].1, "Four Seasons Lawn & Landscape LLC");
        // A LinkedIn role's place with its country is where, not who.
        let lines = [
            "Corrib Payroll Services Ltd",
            "5 years 4 months",
            "Senior Payroll Administrator",
            "June 2019 - March 2022 (2 years 10 months)",
            "Galway, County Galway, Ireland",
            "Portfolio of 35 bureau clients, from 5 to 400 employees. Reviewed",
            "payrolls prepared by two administrators, handled client queries and",
            "Revenue correspondence.",
            "Payroll Administrator",
            "December 2016 - May 2019 (2 years 6 months)",
            "Galway, County Galway, Ireland",
        ];
        let found = who(&lines);
        assert_eq!(found[1], ("Payroll Administrator".to_owned(), "Corrib Payroll Services Ltd".to_owned()));
    }

    #[test]
    fn a_name_led_by_an_article_is_who_whatever_its_words() {
        // "Head" is a title's word, but no title starts with "The".
        let lines = ["2011 - 2013", "Barman (part-time) - The Brazen Head, Dublin 8"];
        assert_eq!(who(&lines), pairs(&[("Barman (part-time)", "The Brazen Head")]));
        // A firm's name with "&" after a title and a comma is no list of partners.
        let lines = ["2013 – 2019  Broodbakker, Bakkerij Bosch & Zn."];
        assert_eq!(who(&lines), pairs(&[("Broodbakker", "Bakkerij Bosch & Zn.")]));
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
    fn a_job_boards_lengths_of_time_and_kinds_of_contract_are_neither_title_nor_employer() {
        let lines = [
            "abril 2022 – Actualmente  Ayudante de cocina",
            "(2 años y 6 meses)  Grupo Hostelero Malagueta S.L.",
            "Partida de cuarto frío y guarniciones en restaurante de 120 cubiertos.",
            "Auxiliar de cocina (temporada de verano)  junio 2021 – octubre 2021 (5 meses)",
            "Hotel Costa Sol Torremolinos",
            "Reponedora (fines de semana)",
            "Supermercados Giralda Express",
            "feb. 2023 - Actualmente · 1 año 9 meses",
            "Reposición de lineales de alimentación y droguería, rotación de producto.",
            "Vendeuse conseil",
            "Boutique Mademoiselle Rosa · CDI",
            "mars 2021 - aujourd'hui",
        ];
        let want = [
            ("Ayudante de cocina", "Grupo Hostelero Malagueta S.L."),
            ("Auxiliar de cocina (temporada de verano)", "Hotel Costa Sol Torremolinos"),
            ("Reponedora (fines de semana)", "Supermercados Giralda Express"),
            ("Vendeuse conseil", "Boutique Mademoiselle Rosa"),
        ];
        assert_eq!(who(&lines), pairs(&want));
        assert!(is_duration("2 años y 6 meses") && !is_duration("y 6"));
    }

    #[test]
    fn a_phrase_before_the_dates_under_a_title_and_its_employer_is_where() {
        let lines = [
            "Mozo de almacén / carretillero",
            "Logística Ebro Norte S.A.",
            "Plataforma Logística PLAZA, Zaragoza · 03/2015 – actualidad",
            "Carga y descarga de tráileres, ubicación de palés en altura con retráctil.",
            "Preparador de pedidos",
            "Distribuciones Cierzo S.L.",
            "Cuarte de Huerva · 01/2011 – 02/2015 (contratado a través de ETT hasta 2012)",
            "Picking de alimentación seca y congelados, filmado y etiquetado de palés.",
        ];
        let want = [
            ("Mozo de almacén / carretillero", "Logística Ebro Norte S.A."),
            ("Preparador de pedidos", "Distribuciones Cierzo S.L."),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_linkedin_title_keeps_its_comma() {
        let lines = [
            "Stryker",
            "7 years 3 months",
            "Territory Manager, Orthopedics",
            "January 2022 - Present (4 years 11 months)",
            "Columbus, Ohio",
            "Case coverage in the OR, inventory management, in-service training.",
            "Associate Sales Representative",
            "January 2019 - December 2021 (3 years)",
            "Cintas",
            "Account Executive, First Aid and Safety",
            "June 2017 - September 2019 (2 years 4 months)",
        ];
        let want = [
            ("Territory Manager, Orthopedics", "Stryker"),
            ("Associate Sales Representative", "Stryker"),
            ("Account Executive, First Aid and Safety", "Cintas"),
        ];
        assert_eq!(who(&lines), pairs(&want));
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
    fn the_first_dash_in_the_text_splits_it_whichever_dash_it_is() {
        assert_eq!(
            at_first_dash("Warehouse Lead - 2nd Shift – Honeywell"),
            Some(("Warehouse Lead", "2nd Shift – Honeywell"))
        );
        assert_eq!(at_first_dash("Cariste–Préparateur"), None);
    }

    #[test]
    fn a_hyphen_or_an_em_dash_joins_an_organisations_or_a_schools_name_only() {
        let whole = |line: &str| heading_cells(line) == [line];
        assert!(whole("CEPRA - Centro de Formação Profissional da Reparação Automóvel"));
        assert!(whole("Alma Mater Studiorum - Università di Bologna"));
        assert!(whole("ISCAP — Instituto Superior de Contabilidade e Administração do Porto"));
        // A note, a town with its province, a qualification's initials, an aside's end.
        assert_eq!(heading_cells("MBO Amersfoort - diploma behaald"), ["MBO Amersfoort", "diploma behaald"]);
        assert!(!whole("Telus Communications Inc. — Calgary, AB"));
        assert!(!whole("VCE - Belmont High School"));
        // After two cells, a name goes on after a dash, but not after an aside.
        let cells =
            heading_cells("Apprentice  Electrotechnology  Instrumentation (part-way) - Bendigo Kangan Institute");
        assert_eq!(cells.last().map(String::as_str), Some("Bendigo Kangan Institute"), "{cells:?}");
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
    fn an_employers_name_with_a_dash_over_its_title() {
        let lines = [
            "09/2008 - 04/2012  STCP - Sociedade de Transportes Coletivos do Porto",
            "Motorista de serviço público",
            "Linhas urbanas 200 e 500",
            "01/2003 - 08/2008  Construções Gabriel A.S. Couto, S.A.",
            "Manobrador / motorista de obra",
        ];
        let want = [
            ("Motorista de serviço público", "STCP - Sociedade de Transportes Coletivos do Porto"),
            ("Manobrador / motorista de obra", "Construções Gabriel A.S. Couto, S.A."),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_title_over_its_employer_and_site_with_a_range_wrapped_after_its_dash() {
        let lines = [
            "Senior Staff Nurse – Anaesthetics (Band 6)",
            "Cardiff and Vale University Health Board, University Hospital of Wales  |  March 2019 –",
            "present",
            "Anaesthetic nurse for major trauma, neuro and emergency lists",
            "ESL Teacher",
            "Fort Lee High School, Fort Lee Public Schools  |  September 2013 – Present",
            "Teach ELD levels 1–4",
            "ESL Teacher",
            "Hackensack Middle School  |  September 2010 – June 2013",
        ];
        // The site stays beside its employer, as written.
        let want = [
            (
                "Senior Staff Nurse – Anaesthetics (Band 6)",
                "Cardiff and Vale University Health Board, University Hospital of Wales",
            ),
            ("ESL Teacher", "Fort Lee High School, Fort Lee Public Schools"),
            ("ESL Teacher", "Hackensack Middle School"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_title_with_its_ward_over_the_employer_is_whole() {
        let lines = [
            "Community Staff Nurse – Leg Ulcer Clinic (Band 6)",
            "Cwm Taf Morgannwg University Health Board • September 2015 – February 2019",
            "Ran nurse-led leg ulcer clinics in Pontypridd and Merthyr.",
            "Staff Nurse, Vascular Surgery Ward",
            "Royal Gwent Hospital, Aneurin Bevan UHB • August 2011 – August 2015",
            "Post-operative care after amputation and bypass surgery.",
            "Staff Nurse – Recovery (PACU)",
            "Cardiff and Vale University Health Board, University Hospital Llandough  |  September",
            "2009 – July 2011",
            "Theatre Nurse",
            "St James's University Hospital  |  Leeds Teaching Hospitals NHS Trust  |  2007 – 2009",
        ];
        let want = [
            ("Community Staff Nurse – Leg Ulcer Clinic (Band 6)", "Cwm Taf Morgannwg University Health Board"),
            ("Staff Nurse, Vascular Surgery Ward", "Royal Gwent Hospital, Aneurin Bevan UHB"),
            (
                "Staff Nurse – Recovery (PACU)",
                "Cardiff and Vale University Health Board, University Hospital Llandough",
            ),
            ("Theatre Nurse", "St James's University Hospital, Leeds Teaching Hospitals NHS Trust"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_title_with_its_department_after_a_comma_over_its_employer_is_whole() {
        let lines = [
            "Senior Credit Analyst, Corporate Banking  Apr 2021 – Present",
            "Bank of Ireland",
            "Portfolio of 45 corporate relationships",
            "Oct 2013 – Aug 2016",
            "Staff Nurse, Surgical Ward",
            "Cork University Hospital",
            "Post-operative care on a 30-bed general surgery ward",
            "Sep 2010 – Sep 2013",
            "Dental Nurse, Bedminster Family Dentistry",
            "NHS and private general practice",
        ];
        let want = [
            ("Senior Credit Analyst, Corporate Banking", "Bank of Ireland"),
            ("Staff Nurse, Surgical Ward", "Cork University Hospital"),
            ("Dental Nurse", "Bedminster Family Dentistry"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn an_employer_with_its_service_in_small_words_after_the_title_is_who() {
        let lines = [
            "• 2016-2019 : Aide-soignante – CHU de Nantes, service de gériatrie (CDD puis titularisation)",
            "Toilettes, prévention des escarres, aide aux repas",
            "Jan 2013 – Jul 2014  Teaching Assistant  1:1 and small-group numeracy support",
            "Heol Fawr Primary School, Caerphilly",
        ];
        let want = [("Aide-soignante", "CHU de Nantes"), ("Teaching Assistant", "Heol Fawr Primary School")];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn time_between_jobs_leaves_the_next_employer_to_the_next_entry() {
        let lines = [
            "Conselleria de Educación, Cultura y Deporte",
            "Auxiliar Administrativa (funcionaria interina)",
            "Marzo 2010 – Agosto 2016",
            "- Registro de entrada y salida, digitalización de documentos",
            "Excedencia por cuidado de hijos",
            "Enero 2008 – Febrero 2010",
            "Gestoría Turia Asesores S.L.",
            "Administrativa",
            "Junio 2002 – Diciembre 2007",
        ];
        let want = [
            ("Auxiliar Administrativa (funcionaria interina)", "Conselleria de Educación, Cultura y Deporte"),
            ("Administrativa", "Gestoría Turia Asesores S.L."),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn how_a_job_was_held_is_no_employer() {
        // An aside after the title, and a note after a bullet beside the dates.
        let lines = [
            "Roadline Recruitment",
            "Class 1 Driver (agency)",
            "Jan 2018 – Apr 2020",
            "•  Regular assignments at a supermarket RDC in Haydock",
            "Hôtel Le Chamois d'Or – Val Thorens",
            "Chef de rang, restaurant gastronomique",
            "Déc. 2024 – avr. 2025 • saison d'hiver",
            "Rang de 30 couverts, service en anglais",
        ];
        let want = [
            ("Class 1 Driver (agency)", "Roadline Recruitment"),
            ("Chef de rang, restaurant gastronomique", "Hôtel Le Chamois d'Or"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_task_under_a_title_and_its_employer_is_no_title() {
        let lines = [
            "01/2019 – oggi  Dirigente Fisico – Azienda Ospedaliera Universitaria Città della Salute di Torino",
            "Responsabile QA per 3 LINAC (Elekta Versa HD) e TomoTherapy",
            "11/2015 – 12/2018  Fisico Medico – Istituto di Candiolo FPO-IRCCS",
            "Medicina nucleare e PET/CT: dosimetria per terapia radiometabolica",
        ];
        let want = [
            ("Dirigente Fisico", "Azienda Ospedaliera Universitaria Città della Salute di Torino"),
            ("Fisico Medico", "Istituto di Candiolo FPO-IRCCS"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_titles_town_after_its_comma_is_where_an_areas_is_its_territory() {
        let lines = [
            "Teamleider Inbound, Tilburg",
            "Brabant Distributie Centrum  mrt. 2021 – heden",
            "Area Sales Manager, Munster",
            "Emerald Drinks Distribution Ltd.  2015 – 2021",
        ];
        let want = [
            ("Teamleider Inbound", "Brabant Distributie Centrum"),
            ("Area Sales Manager, Munster", "Emerald Drinks Distribution Ltd."),
        ];
        assert_eq!(who(&lines), pairs(&want));
        assert_eq!(without_town_held("Gerente de Zona, Sevilla"), None);
    }

    #[test]
    fn a_department_after_the_titles_dash_is_part_of_the_title() {
        let lines = [
            "Senior Engineer – Technical Services, Bharat Petroleum Corporation Ltd.  Jul 2015 – Mar 2019",
            "•  Troubleshooting of crude and vacuum distillation units",
            "Asociada sénior – Departamento Laboral",
            "Sagardoy Abogados, Madrid • Enero 2018 – Actualidad",
            "•  Dirección letrada en más de 200 procedimientos de despido.",
        ];
        let want = [
            ("Senior Engineer – Technical Services", "Bharat Petroleum Corporation Ltd."),
            ("Asociada sénior – Departamento Laboral", "Sagardoy Abogados"),
        ];
        assert_eq!(who(&lines), pairs(&want));
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
    fn a_later_role_alone_over_its_dates_and_bullets_is_at_the_employer_above() {
        let lines = [
            "Esselunga S.p.A. – Centro di distribuzione di Pioltello",
            "Addetto al magazzino",
            "09/2016 – 12/2020",
            "- Ricevimento merce e stoccaggio reparto freschi",
            "Scaffalista (part-time)",
            "05/2014 – 08/2016",
            "- Rifornimento scaffali nel punto vendita",
            "Tirocinante ex art. 73",
            "10/2012 – 09/2013",
            "Tribunale di Bologna – Sezione specializzata in materia di impresa",
        ];
        let jobs = jobs(&lines);
        assert_eq!(jobs[1].title, "Scaffalista (part-time)");
        assert!(jobs[1].employer.starts_with("Esselunga S.p.A."), "{:?}", jobs[1]);
        // A line under the dates that is no bullet may be the role's own employer: not the one
        // above.
        assert!(!jobs[2].employer.starts_with("Esselunga"), "{:?}", jobs[2]);
        // Under a role whose employer was under its title, a title alone is at no employer.
        let lines = [
            "Kitchen Assistant",
            "Boots UK",
            "2018 – 2020",
            "- Served breakfasts and lunches",
            "Kitchen Porter",
            "2015 – 2018",
            "- Washed up and cleaned the kitchen",
        ];
        assert_eq!(super::jobs(&lines)[1].employer, "");
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

    #[test]
    fn a_department_after_the_title_over_the_employers_line() {
        let lines = [
            "Infirmière en chirurgie digestive  sept. 2020 – aujourd'hui",
            "Hôpitaux Universitaires de Strasbourg",
            "Tutrice référente des étudiants IFSI",
            "Infirmière – Soins de suite et de réadaptation  mars 2017 – août 2020",
            "Clinique Sainte-Odile, Haguenau",
            "Coordination avec kinésithérapeutes et ergothérapeutes",
            "Juriste – Pôle social  Janv. 2017 – août 2019",
            "Fidal, direction régionale Rhône-Alpes – Lyon",
            "Audits sociaux, rédaction de consultations",
            "Account Executive, SMB  06/2017 – 12/2020",
            "Telus Communications Inc. — Calgary, AB",
            "Full-cycle B2B sales of business internet and mobility plans",
            "Senior Paralegal, Real Estate Department  Jan 2022 – Present",
            "Mason Hayes Whitford LLP, Dublin 2",
            "Oct 2009 – Aug 2012  Staff Nurse, Care of the Elderly",
            "University Hospitals of the East Midlands NHS Trust",
            "Records Technician — City of South Tucson Police Department • June 2013 to Sept 2015",
            "Report entry, public records requests, warrant confirmation via ACJIS",
            "Settembre 2019 – oggi",
            "Studio Legale Bernasconi Ferrario & Partners, Milano",
            "Senior Associate – Dipartimento Diritto del Lavoro",
        ];
        let want = [
            ("Infirmière en chirurgie digestive", "Hôpitaux Universitaires de Strasbourg"),
            ("Infirmière – Soins de suite et de réadaptation", "Clinique Sainte-Odile"),
            ("Juriste – Pôle social", "Fidal"),
            ("Account Executive, SMB", "Telus Communications Inc."),
            ("Senior Paralegal, Real Estate Department", "Mason Hayes Whitford LLP"),
            ("Staff Nurse, Care of the Elderly", "University Hospitals of the East Midlands NHS Trust"),
            ("Records Technician", "City of South Tucson Police Department"),
            ("Senior Associate – Dipartimento Diritto del Lavoro", "Studio Legale Bernasconi Ferrario & Partners"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn the_employer_over_the_dates_and_the_title_under_them() {
        let lines = [
            "Northgate Care Homes Ltd",
            "Feb 2021 – Present",
            "HR Manager",
            "Lead a team of 4 covering 11 homes and 620 staff across West Yorkshire",
            "Managed the TUPE transfer of two acquired homes (140 staff)",
            "Pennine Foods Group plc",
            "Jul 2017 – Jan 2021",
            "HR Business Partner",
            "Introduced monthly HR dashboards for absence, turnover and overtime",
            "Airedale Housing Association",
            "Sep 2014 – Jun 2017",
            "HR Advisor",
        ];
        let want = [
            ("HR Manager", "Northgate Care Homes Ltd"),
            ("HR Business Partner", "Pennine Foods Group plc"),
            ("HR Advisor", "Airedale Housing Association"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_town_alone_after_the_dates_is_where() {
        let lines = [
            "Encargada de tienda | Calzados Triana",
            "Octubre 2021 – Actualidad • Sevilla",
            "Gestión de una tienda de calzado de 180 m2 con un equipo de 5",
            "Cajera-reponedora | Supermercados Aljarafe",
            "Julio 2016 – Octubre 2017 • Mairena del Aljarafe",
            "Caja, reposición de lineales y atención al cliente.",
        ];
        let want = [("Encargada de tienda", "Calzados Triana"), ("Cajera-reponedora", "Supermercados Aljarafe")];
        assert_eq!(who(&lines), pairs(&want));
        // Or before them, a town of one word; a name of two is the employer.
        let lines = [
            "Sonae Indústria – Serviços Partilhados, S.A.",
            "Chefe de secção de contabilidade",
            "Maia • maio de 2019 – atualmente",
            "Coordenação de equipa de 5 técnicos.",
        ];
        let want = [("Chefe de secção de contabilidade", "Sonae Indústria – Serviços Partilhados, S.A.")];
        assert_eq!(who(&lines), pairs(&want));
        let lines = [
            "Kelnerka / barmanka",
            "Hotel Oliwski Dwór • marzec 2020 – maj 2022",
            "Obsługa bankietów do 250 osób",
            "Baristka",
            "Kawiarnia Ziarno • wrzesień 2018 – luty 2020",
            "Przygotowanie kawy speciality.",
        ];
        let want = [("Kelnerka / barmanka", "Hotel Oliwski Dwór"), ("Baristka", "Kawiarnia Ziarno")];
        assert_eq!(who(&lines), pairs(&want));
        // An organisation's initials before its name with its legal form, whatever its words.
        let lines = [
            "Feb. 2016 – actualidad  CAF – Construcciones y Auxiliar de Ferrocarriles, S.A. (Beasain)",
            "Mecánico de mantenimiento industrial",
            "Mantenimiento preventivo y correctivo de líneas de mecanizado.",
        ];
        let want = [("Mecánico de mantenimiento industrial", "CAF – Construcciones y Auxiliar de Ferrocarriles, S.A.")];
        assert_eq!(who(&lines), pairs(&want));
        // A town's line between the dated title and its employer's.
        let lines = [
            "sept. 2018 – févr. 2022  Développeur back-end Java",
            "La Défense",
            "Ingenia Consulting (ESN) – mission longue chez un assureur",
            "API de souscription et de gestion des sinistres (Java 11, Spring Boot, Oracle)",
            "sept. 2016 – août 2018  Développeur web en alternance",
            "Montreuil",
            "Atelier Numérique Montreuillois",
            "Sites et intranets pour des associations",
        ];
        let want = [
            ("Développeur back-end Java", "Ingenia Consulting (ESN)"),
            ("Développeur web en alternance", "Atelier Numérique Montreuillois"),
        ];
        assert_eq!(who(&lines), pairs(&want));
        // An agency's or a consultancy's one-word name over where its people were placed is
        // the employer.
        let lines = [
            "2019 – 2021  Warehouse Operative",
            "Adecco",
            "Placed at DHL Supply Chain Ltd",
            "2018 – 2019  Business Analyst",
            "Accenture",
            "Client: Barclays Bank plc",
        ];
        assert_eq!(who(&lines), pairs(&[("Warehouse Operative", "Adecco"), ("Business Analyst", "Accenture")]));
        // A task under a dated title is no employer's name, whatever its first word.
        let lines = [
            "Staff Nurse – Night Shifts  2019 – 2022",
            "Triage, wound care and medication rounds",
            "Royal Infirmary, Edinburgh",
        ];
        assert!(who(&lines).iter().all(|(_, employer)| employer != "Triage"));
        // Beside a title alone, the name after the dates is its employer.
        let lines = ["Store Manager", "2016 – 2019 • Lidl", "Ran a team of twelve."];
        assert_eq!(who(&lines), pairs(&[("Store Manager", "Lidl")]));
    }

    #[test]
    fn a_department_in_the_title_beside_the_employer_named_on_another_line() {
        // Each resume sets its entries alike: three resumes, three shapes.
        let lines = [
            "Mendes, Tavares & Prado Advogados",
            "Advogada Sênior – Contencioso Cível",
            "mar/2021 – atualmente",
            "• Condução de carteira de aproximadamente 300 processos",
        ];
        assert_eq!(who(&lines), pairs(&[("Advogada Sênior – Contencioso Cível", "Mendes, Tavares & Prado Advogados")]));
        let lines = [
            "Técnico de logística – Departamento de Tráfico  Sept. 2017 – Feb. 2021",
            "Distribuciones Moncayo S.A., Zaragoza",
            "•  Planificación de rutas de reparto regional.",
        ];
        let want = [("Técnico de logística – Departamento de Tráfico", "Distribuciones Moncayo S.A.")];
        assert_eq!(who(&lines), pairs(&want));
        // A firm named by its partners, a comma between them.
        let lines = [
            "Barbosa, Lacerda e Nogueira Advogados  jun/2019 – atual",
            "Advogada Associada – Área Tributária",
            "• Condução de carteira de 150 processos judiciais",
        ];
        let want = [("Advogada Associada – Área Tributária", "Barbosa, Lacerda e Nogueira Advogados")];
        assert_eq!(who(&lines), pairs(&want));
        // Under the employer's line, a dated title with its department.
        let lines = [
            "Cabinet Vial-Berthier Avocats, Lyon",
            "Avocate collaboratrice – Département Corporate — novembre 2016 à août 2019",
            "• Opérations de fusions-acquisitions de PME",
        ];
        let want = [("Avocate collaboratrice – Département Corporate", "Cabinet Vial-Berthier Avocats")];
        assert_eq!(who(&lines), pairs(&want));
        // Under the dated employer's line with its legal form, likewise.
        let lines = [
            "Sado Bebidas Distribuição, S.A.  jan. 2020 – atualmente",
            "Key Account Manager — Canal HORECA",
            "Gestão de 85 clientes-chave (hotéis, restaurantes, grupos de cafetaria)",
        ];
        let want = [("Key Account Manager — Canal HORECA", "Sado Bebidas Distribuição, S.A.")];
        assert_eq!(who(&lines), pairs(&want));
        // A title cut at its dash beside its dates goes on under them.
        let lines = [
            "Técnico de Recursos Humanos –  jan. 2021 – atualmente",
            "Recrutamento e Formação",
            "Minhometal Componentes, S.A. • Braga",
            "Recrutamento de operadores, técnicos de manutenção e administrativos.",
        ];
        let want = [("Técnico de Recursos Humanos – Recrutamento e Formação", "Minhometal Componentes, S.A.")];
        assert_eq!(who(&lines), pairs(&want));
        let lines = [
            "jan/2019 – fev/2021  Técnica de Enfermagem – Clínica Médica",
            "Hospital Santa Luzia da Mooca",
            "Administração de medicamentos, sinais vitais, curativos.",
            "2018 - 2021  Auxiliar Administrativo - Registro General",
            "Diputación Provincial de Sevilla",
            "Registro de entrada y salida, compulsa y digitalización.",
        ];
        let want = [
            ("Técnica de Enfermagem – Clínica Médica", "Hospital Santa Luzia da Mooca"),
            ("Auxiliar Administrativo - Registro General", "Diputación Provincial de Sevilla"),
        ];
        assert_eq!(who(&lines), pairs(&want));
        let lines = [
            "Marzo de 2019 – Actualidad",
            "Administrativo, Área de Urbanismo (funcionario de carrera, subgrupo C1)",
            "Ayuntamiento de Utebo (Zaragoza)",
            "• Tramitación de licencias de obra.",
        ];
        let want =
            [("Administrativo, Área de Urbanismo (funcionario de carrera, subgrupo C1)", "Ayuntamiento de Utebo")];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_title_over_its_employer_its_town_and_its_dates_after_bullets() {
        // The gazetteer tells the town from the employer, both names by their shape; the hours
        // a week are neither; a title's dash is inside it over a line that names who.
        let lines = [
            "Wijkverpleegkundige – Team Zuilen-Noord",
            "Buurtzorg Nederland • Utrecht • sep 2020 – heden • 32 uur",
            "Indicatiestelling en zorgplannen (Omaha System) voor ca. 60 cliënten",
            "Leerling-verpleegkundige (BBL)",
            "Careyn • Utrecht • sep 2012 – jan 2016",
            "Werkend leren in thuiszorg en verpleeghuis, 4 dagen werken, 1 dag school",
        ];
        let want = [
            ("Wijkverpleegkundige – Team Zuilen-Noord", "Buurtzorg Nederland"),
            ("Leerling-verpleegkundige (BBL)", "Careyn"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_title_with_its_specialism_after_a_dash_before_the_employer_on_its_dated_line() {
        let lines = [
            "Lead Pipefitter – Offshore Hook-up, Wood Group UK Ltd  Jan 2021 – Present",
            "Lead a crew of six fitters on platform brownfield modifications",
            "Leading Hand Electrician - Commercial Projects | Barwon Electrical Group | Feb 2016 - Dec 2020",
            "- Run crews of 3-5 on office and retail fit-outs",
        ];
        let want = [
            ("Lead Pipefitter – Offshore Hook-up", "Wood Group UK Ltd"),
            ("Leading Hand Electrician - Commercial Projects", "Barwon Electrical Group"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn roles_under_a_numbered_employer_with_their_tasks_in_prose_below() {
        let lines = [
            "1. Manipal Hospitals, Old Airport Road, Bengaluru",
            "Senior Clinical Pharmacist – Oncology  (Jun 2023 – Till date)",
            "Chemotherapy order verification and dose calculation for day-care and wards",
            "Clinical Pharmacist  (Aug 2020 – May 2023)",
            "Medication reconciliation, drug interaction checks, antibiotic stewardship audits",
            "2. Apollo Pharmacy, Jayanagar, Bengaluru",
            "Pharmacist (Retail)  (Jul 2018 – Jul 2020)",
        ];
        let got: Vec<(String, String)> = who(&lines).into_iter().map(|(t, e)| (t, organisation(&e))).collect();
        assert_eq!(got[1].0, "Clinical Pharmacist");
        assert!(got[1].1.starts_with("Manipal Hospitals"), "{got:?}");
        assert_eq!(got[0].0, "Senior Clinical Pharmacist – Oncology");
        assert!(got[2].1.starts_with("Apollo Pharmacy"), "{got:?}");
        // A title with its town after a comma is no list of tasks.
        assert!(!is_task_list("Orderpicker koel- en vriesvers, Waalwijk"));
        assert!(is_task_list("Medication reconciliation, drug interaction checks, antibiotic stewardship audits"));
    }

    #[test]
    fn an_employer_with_a_jobs_word_and_its_town_under_the_title() {
        let lines = ["Recruitment Resourcer", "Reed Specialist Recruitment, Manchester", "July 2015 - May 2016"];
        assert_eq!(who(&lines), pairs(&[("Recruitment Resourcer", "Reed Specialist Recruitment")]));
        // A comma inside brackets parts nothing.
        assert_eq!(commas_outside_brackets("Customer Adviser (part-time, during university), Boots UK").len(), 2);
    }

    #[test]
    fn an_aside_in_brackets_wrapped_to_the_next_line() {
        let lines = [
            "Business Intelligence Analyst (part-time, 3 days a",
            "week)",
            "Focus Ireland • Dublin • September 2020 – February 2022",
            "Reporting on housing outcomes for funders and the HSE;",
        ];
        let want = [("Business Intelligence Analyst (part-time, 3 days a week)", "Focus Ireland")];
        assert_eq!(who(&lines), pairs(&want));
        // In a table's row, the aside goes back to its own cell.
        let lines = [
            "06/2016 – 02/2018  Chef de Partie  Ember & Oak, Chicago",
            "09/2013 – 05/2016  Line Cook (part-time during  Lou Mitchell's, Chicago",
            "school)",
            "•  Breakfast and lunch line, 500+ covers on weekends",
        ];
        let want = [("Chef de Partie", "Ember & Oak"), ("Line Cook (part-time during school)", "Lou Mitchell's")];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn an_entrys_mark_and_a_range_wrapped_in_its_last_cell() {
        let lines = [
            "✚  Pharmacien adjoint  Octobre 2020 –",
            "Pharmacie des Chartrons, Bordeaux  aujourd'hui",
            "Dispensation, analyse d'ordonnances, entretiens pharmaceutiques.",
            "✚  Interne en pharmacie  Mai 2018 –",
            "Pharmacie du Marché, Pessac  Octobre 2018",
        ];
        let got = jobs(&lines);
        assert_eq!(
            got,
            [
                job("Pharmacien adjoint", "Pharmacie des Chartrons", "2020-10", None),
                job("Interne en pharmacie", "Pharmacie du Marché", "2018-05", Some("2018-10"))
            ]
        );
        let lines = [
            ">> Técnica de Selección y Desarrollo",
            "Aeroestructuras del Guadalquivir, S.A.  |  marzo 2020 – actualidad",
            "- Gestión integral de 150 procesos de selección al año",
        ];
        assert_eq!(
            who(&lines),
            pairs(&[("Técnica de Selección y Desarrollo", "Aeroestructuras del Guadalquivir, S.A.")])
        );
    }

    #[test]
    fn a_table_typed_in_plain_text_with_its_rules() {
        let lines = [
            "+-----------------+----------------------------------------+",
            "| Dates           | Position / Employer                    |",
            "+-----------------+----------------------------------------+",
            "| 05/2019 - today | Owner - heating and plumbing engineer  |",
            "|                 | Kowalczyk Heating (sole trader), Leeds |",
            "|                 | - boiler installs and servicing        |",
            "+-----------------+----------------------------------------+",
            "| 02/2015 - 04/2019 | Gas engineer (via Hays)              |",
            "|                 | Northern Gas Services, Bradford        |",
            "+=================+========================================+",
        ];
        assert_eq!(
            who(&lines),
            pairs(&[
                ("Owner - heating and plumbing engineer", "Kowalczyk Heating"),
                ("Gas engineer (via Hays)", "Northern Gas Services")
            ])
        );
    }

    #[test]
    fn a_ward_between_a_dated_title_and_its_employer() {
        let lines = [
            "03/2021 – present  Charge Nurse",
            "Acute Medical Unit (32 beds)",
            "Royal Devon University Healthcare NHS Foundation Trust, Exeter",
            "– rostering and safe staffing for a team of 40",
            "06/2017 – 02/2021  Staff Nurse",
            "Orthopaedic Ward",
            "Torbay and South Devon NHS Foundation Trust, Torquay",
        ];
        let want = [
            ("Charge Nurse", "Royal Devon University Healthcare NHS Foundation Trust"),
            ("Staff Nurse", "Torbay and South Devon NHS Foundation Trust"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn an_employer_over_the_dates_and_each_roles_title_under_its_own() {
        // A Word table: the employer with its site over the first dates, each role's title
        // under its dates, a later role's employer under its title.
        let lines = [
            "Kingsmead Hospitals NHS Trust, St Aldhelm's Hospital",
            "Mar 2021 – Present",
            "Senior Staff Nurse (Recovery)",
            "• Band 6 practitioner covering emergency and trauma lists",
            "• Practice assessor for students and new starters",
            "Sep 2018 – Feb 2021",
            "Staff Nurse (Scrub)",
            "• Scrubbed for general, vascular and trauma surgery",
            "• Kept instrument tracking and swab counts in line with local policy",
            "Oct 2016 – Aug 2018",
            "Staff Nurse",
            "Wessex University Hospitals NHS Trust, Queen's Infirmary",
            "• Surgical admissions ward of 28 beds; pre- and post-operative care",
        ];
        let want = [
            ("Senior Staff Nurse (Recovery)", "Kingsmead Hospitals NHS Trust, St Aldhelm's Hospital"),
            ("Staff Nurse (Scrub)", "Kingsmead Hospitals NHS Trust, St Aldhelm's Hospital"),
            ("Staff Nurse", "Wessex University Hospitals NHS Trust"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_line_describing_the_employer_between_its_name_and_the_title() {
        let lines = [
            "THE GREEN HERON • Bristol",
            "Award-winning seafood restaurant on the harbourside",
            "Head Chef  Mar 2020 – Present",
            "Raised food GP from 64% to 70% in a year",
            "HARBOUR ROW HOTELS • Bath",
            "Boutique hotel group, 12 properties in the South West",
            "Apprentice Chef  Sep 2016 – Feb 2020",
        ];
        let want = [("Head Chef", "THE GREEN HERON"), ("Apprentice Chef", "HARBOUR ROW HOTELS")];
        assert_eq!(who(&lines), pairs(&want));
        // The employer's dated line over its description and then the title; a town with its
        // arrondissement in capitals is where.
        let lines = [
            "MAISON VERDIER — LYON 2E  Depuis mars 2021",
            "Épicerie fine, trois boutiques dans le Rhône",
            "Responsable de boutique",
            "Gestion d’une boutique de 80 m2",
        ];
        assert_eq!(who(&lines), pairs(&[("Responsable de boutique", "MAISON VERDIER")]));
    }

    #[test]
    fn a_dated_title_under_its_employers_line_is_no_merged_table_row() {
        let lines = [
            "Mayo County Council, Áras an Chontae, Castlebar",
            "Administrative Officer (Grade V) - Planning Department  May 2021 - Present",
            "o Manage the validation team for planning applications (approx. 3,000 per year)",
            "o Handle FOI requests and elected members' representations",
            "Staff Officer (Grade IV) - Motor Tax and Housing  Sept 2018 - April 2021",
            "o Supervised 6 clerical staff; processed housing grant applications",
            "Department of Social Protection, Intreo Centre, Castlebar",
            "Clerical Officer (Grade III)  Feb 2015 - Aug 2018",
            "o Jobseeker's claims, PPSN allocation and public counter",
            "Dunnes Stores, Castlebar Shopping Centre",
            "Sales Assistant (part-time)  2011 - 2015",
        ];
        let got = who(&lines);
        let want = pairs(&[
            ("Clerical Officer (Grade III)", "Department of Social Protection, Intreo Centre"),
            ("Sales Assistant (part-time)", "Dunnes Stores, Castlebar Shopping Centre"),
        ]);
        assert_eq!(got[2..], want[..]);
        assert_eq!(got[0].1, "Mayo County Council");
    }

    #[test]
    fn an_employers_years_over_the_roles_held_there() {
        let lines = [
            "Field Merchandiser  Feb 2023 - current",
            "MERCHWORKS, Sunshine Coast territory",
            "* Service 28 supermarkets across the coast",
            "BIG W, Chermside  Mar 2017 - Jan 2023",
            "Assistant Store Manager  Aug 2019 - Jan 2023",
            "* Opened and closed store, cash handling and banking",
            "Visual Merchandiser  Mar 2017 - Jul 2019",
            "* Floor moves and seasonal sets",
            "Retail Assistant (casual)  Nov 2013 - Feb 2017",
            "JAY JAYS, Westfield Chermside",
        ];
        let want = [
            ("Field Merchandiser", "MERCHWORKS, Sunshine Coast territory"),
            ("Assistant Store Manager", "BIG W"),
            ("Visual Merchandiser", "BIG W"),
            ("Retail Assistant (casual)", "JAY JAYS"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_later_roles_title_with_its_dash_under_the_tasks_of_the_one_above() {
        let lines = [
            "Saguaro Home Stores – Mesa, AZ",
            "Store Manager  April 2020 – Present",
            "Lead a store of 140 team members",
            "Executive Team Leader – Merchandising  June 2017 – March 2020",
            "Owned replenishment, planogram execution and backroom flow",
            "BHARAT GENERAL INSURANCE CO. LTD., MUMBAI",
            "Senior Underwriter  Apr 2021 – Present",
            "Mentor 4 deputy managers",
            "Deputy Manager – Underwriting  Jun 2018 – Mar 2021",
        ];
        let want = [
            ("Store Manager", "Saguaro Home Stores"),
            ("Executive Team Leader – Merchandising", "Saguaro Home Stores"),
            ("Senior Underwriter", "BHARAT GENERAL INSURANCE CO. LTD."),
            ("Deputy Manager – Underwriting", "BHARAT GENERAL INSURANCE CO. LTD."),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn employers_with_their_towns_over_titles_dated_to_date() {
        let lines = [
            "Little Owls Montessori, Carlow",
            "Room Leader – Montessori Room  Sept 2021 to date",
            "- Plan and deliver the ECCE programme for 22 children",
            "Hopscotch Childcare, Kilkenny",
            "Early Years Educator  Jan 2019 to Aug 2021",
            "- Toddler and preschool rooms",
            "Storeman",
            "Timber Yard Supplies, Underwood QLD",
            "Aug 2014 - Dec 2016",
        ];
        let want = [
            ("Room Leader – Montessori Room", "Little Owls Montessori"),
            ("Early Years Educator", "Hopscotch Childcare"),
            ("Storeman", "Timber Yard Supplies"),
        ];
        assert_eq!(who(&lines), pairs(&want));
        // A town with how one worked there; a name with "at" in it.
        let lines = [
            "Accounts Assistant – Purchase Ledger",
            "Hartwell Group, Leatherhead (hybrid)  Sep 2021 – Present",
            "•  Process supplier invoices in SAP",
            "Sales Ledger Clerk",
            "Pets at Home, Wembley  Feb 2019 – Aug 2021",
        ];
        let want = [("Accounts Assistant – Purchase Ledger", "Hartwell Group"), ("Sales Ledger Clerk", "Pets at Home")];
        assert_eq!(who(&lines), pairs(&want));
        let lines = [
            "PIKE ELECTRIC, Mount Airy, NC (traveling)",
            "Groundman  June 2013 – April 2015",
            "MADISON VALLEY RANCH, Ennis, MT",
            "Ranch Hand (seasonal)  Summers 2009 – 2012",
        ];
        let want = [("Groundman", "PIKE ELECTRIC"), ("Ranch Hand (seasonal)", "MADISON VALLEY RANCH")];
        assert_eq!(who(&lines), pairs(&want));
        let lines = ["Head Chef", "The Inn at Whitewell, Clitheroe  2019 – 2022"];
        assert_eq!(who(&lines), pairs(&[("Head Chef", "The Inn at Whitewell")]));
    }

    #[test]
    fn an_employers_town_wrapped_after_its_comma_and_a_public_office() {
        // A narrow column wrapped the employer's town to its own line.
        let lines = [
            "Pielęgniarka odcinkowa  03.2019 – obecnie",
            "Samodzielny Publiczny Szpital Kliniczny Nr 4 w Lublinie",
            "Wdrażanie nowych pracowników i praktykantek",
            "Pielęgniarka  10.2015 – 02.2019",
            "Wojewódzki Szpital Specjalistyczny im. Stefana Kardynała Wyszyńskiego,",
            "Lublin",
            "Praca na Oddziale Chorób Wewnętrznych w systemie 12-godzinnym",
        ];
        let want = [
            ("Pielęgniarka odcinkowa", "Samodzielny Publiczny Szpital Kliniczny Nr 4 w Lublinie"),
            ("Pielęgniarka", "Wojewódzki Szpital Specjalistyczny im. Stefana Kardynała Wyszyńskiego"),
        ];
        assert_eq!(who(&lines), pairs(&want));
        // A German public office by its name, not a town's shape.
        let lines = [
            "09/2013 – 01/2018",
            "Sachbearbeiterin Ordnungswidrigkeiten",
            "Landratsamt Meißen",
            "Bearbeitung von Bußgeldverfahren im ruhenden Verkehr",
        ];
        assert_eq!(who(&lines), pairs(&[("Sachbearbeiterin Ordnungswidrigkeiten", "Landratsamt Meißen")]));
    }

    #[test]
    fn legal_forms_of_several_words_and_one_wrapped_below_its_row() {
        let lines = [
            "Periodo  Empresa  Puesto y funciones",
            "Ene 2022 – a la fecha",
            "Bombardier Aerospace México, S.A. de C.V.",
            "Supervisora de Contabilidad",
            "•  Cierre contable mensual y reportes a corporativo (US GAAP)",
            "Mar 2018 – Dic 2021",
            "Kellogg Company México, S. de R.L. de C.V.",
            "Analista Contable Sr.",
            "•  Determinación de pagos provisionales de ISR e IVA",
        ];
        let want = [
            ("Supervisora de Contabilidad", "Bombardier Aerospace México, S.A. de C.V."),
            ("Analista Contable Sr.", "Kellogg Company México, S. de R.L. de C.V."),
        ];
        assert_eq!(who(&lines), pairs(&want));
        // "DE" (diplômé d'État) before a cell gap ends the title; no "de" that leads the dates.
        let lines = ["Ambulancier DE  sept. 2016 – déc. 2020", "Taxis Ambulances de l'Erdre, Carquefou"];
        assert_eq!(who(&lines), pairs(&[("Ambulancier DE", "Taxis Ambulances de l'Erdre")]));
        let lines = ["2010-2012   Ajudante de eletricista - Eletro Lis, Unipessoal Lda (Batalha)"];
        assert_eq!(who(&lines), pairs(&[("Ajudante de eletricista", "Eletro Lis, Unipessoal Lda")]));
        let lines = [
            "Stanowisko  Firma  Okres  Zakres obowiązków",
            "Senior QA Automation Engineer  Credit Agricole Bank  11.2022 – obecnie  Framework E2E w Playwright",
            "Polska S.A.",
            "QA Engineer  Nokia Solutions and Networks Sp. z o.o.  03.2020 – 10.2022  Testy API (Python, pytest)",
        ];
        let want = [
            ("Senior QA Automation Engineer", "Credit Agricole Bank Polska S.A."),
            ("QA Engineer", "Nokia Solutions and Networks Sp. z o.o."),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_row_dated_by_one_year_over_a_row_with_its_range() {
        let lines = [
            "Año  Título  Institución",
            "2008 – 2011  Técnico Superior en Hotelería  Instituto Superior de Enseñanza Hotelera (ISEH)",
            "2023  Diplomatura en Gestión de Experiencia del Huésped  Universidad de Palermo",
            "1998 – 2003  Bachiller con orientación en Economía  Colegio Nacional N.° 2 Domingo Faustino Sarmiento",
        ];
        let found: Vec<String> = schools(&lines).into_iter().map(|s| s.school).collect();
        assert_eq!(
            found,
            [
                "Instituto Superior de Enseñanza Hotelera (ISEH)",
                "Universidad de Palermo",
                "Colegio Nacional N.° 2 Domingo Faustino Sarmiento"
            ]
        );
    }

    #[test]
    fn a_note_after_the_dash_that_starts_with_a_number_run_into_a_word_is_no_employer() {
        let lines = [
            "2012 – 2019  Verpleegkundige Interne Geneeskunde, Martini Zuid Ziekenhuis, Groningen – 32-urige werkweek, ook",
            "avond- en nachtdiensten",
        ];
        let want = [("Verpleegkundige Interne Geneeskunde", "Martini Zuid Ziekenhuis")];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_title_set_small_after_the_employer_and_its_town() {
        let lines = [
            "Restauracja „Pod Żurawiem”, Gdańsk – kucharka (od maja 2016 do dziś)",
            "przygotowywanie dań kuchni polskiej i kaszubskiej, wydawanie do 250 obiadów dziennie,",
            "Szkoła Podstawowa nr 45 w Gdańsku – kucharka (wrzesień 2011 – kwiecień 2016)",
        ];
        let want = [("kucharka", "Restauracja „Pod Żurawiem”"), ("kucharka", "Szkoła Podstawowa nr 45 w Gdańsku")];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_course_with_its_hours_before_the_school_that_gave_it() {
        let lines = [
            "2019       Automação industrial com PLC (50 h) - IEFP Centro de Emprego e Formação Profissional de Leiria",
        ];
        let found: Vec<String> = schools(&lines).into_iter().map(|s| s.school).collect();
        assert_eq!(found, ["IEFP Centro de Emprego e Formação Profissional de Leiria"]);
    }

    #[test]
    fn a_job_within_one_year_under_ranges_and_a_note_after_the_employers_dash() {
        let lines = [
            "2016 – auj. Infirmier, EPSM de Loire-Atlantique – unité d'admission. Entretiens infirmiers, visites à domicile.",
            "2014 – 2016 Infirmier, Clinique du Parc, Saint-Nazaire – service de soins de suite et réadaptation (SSR), nuits en alternance.",
            "2013 (été) Agent de service hospitalier (ASH), EHPAD Les Tilleuls, Pornichet.",
        ];
        let want = [
            ("Infirmier", "EPSM de Loire-Atlantique"),
            ("Infirmier", "Clinique du Parc"),
            ("Agent de service hospitalier (ASH)", "EHPAD Les Tilleuls"),
        ];
        assert_eq!(who(&lines), pairs(&want));
        let last = jobs(&lines).pop().map(|j| (j.start, j.end));
        assert_eq!(last, Some((Some("2013".to_owned()), Some("2013".to_owned()))));
    }

    #[test]
    fn notes_and_tasks_after_the_jobs_phrases_are_neither_title_nor_employer() {
        let lines = [
            "seit 08/2019  Fachlagerist, Rheinport Kontraktlogistik GmbH, Duisburg – Wareneingang, Einlagerung im",
            "Hochregal, SAP-Buchungen, Einarbeitung neuer Kollegen, Vertretung des Schichtführers",
            "Aug 2017 – Jan 2021  Dental Nurse, Leith Walk Dental Practice (NHS and private), Edinburgh — four-handed",
            "dentistry, X-ray processing, patient reception cover",
            "2019 – 2022  Rececionista — Guest House Flores do Porto. Reservas Booking e Airbnb, faturação,",
            "coordenação da limpeza.",
            "03/2016 - 08/2020  Carrellista / Magazziniere - Logistica Padana Soc. Coop., Piacenza",
            "2014 – 2016  Store Assistant, Tesco, Leeds, West Yorkshire, UK",
            "2021 Promoted to Shift Supervisor, team of 8",
        ];
        let want = [
            ("Fachlagerist", "Rheinport Kontraktlogistik GmbH"),
            ("Dental Nurse", "Leith Walk Dental Practice"),
            ("Rececionista", "Guest House Flores do Porto"),
            ("Carrellista / Magazziniere", "Logistica Padana Soc. Coop."),
            ("Store Assistant", "Tesco"),
        ];
        assert_eq!(who(&lines), pairs(&want));
        // A site in small letters after the employer's name is where.
        let lines = [
            "Helpende Zorg & Welzijn (BBL-leerling)",
            "Zorggroep Maasoever • locatie De Lindehof, Rotterdam • sep 2023 – heden",
            "ADL-ondersteuning van 12 bewoners op een psychogeriatrische afdeling.",
            "Verkoopmedewerker / eerste kracht",
            "Drogisterij De Gezonde Hoek • Barendrecht • mei 2017 – aug 2023",
        ];
        let want = [
            ("Helpende Zorg & Welzijn (BBL-leerling)", "Zorggroep Maasoever"),
            ("Verkoopmedewerker / eerste kracht", "Drogisterij De Gezonde Hoek"),
        ];
        assert_eq!(who(&lines), pairs(&want));
        // A title in small letters after the employer is none of its sites.
        let lines = ["Edilizia Rossi S.r.l. • muratore • 2015 – 2020", "Carrefour Market SAS • équipier • 2012 – 2015"];
        let want = [("muratore", "Edilizia Rossi S.r.l."), ("équipier", "Carrefour Market SAS")];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_schools_town_after_a_bullet_and_its_kind_wrapped_under_a_dated_line() {
        let lines = [
            "2014",
            "Baccalauréat ES — mention Bien",
            "Lycée Dominique Villars · Gap",
            "2013  SQA Highers: Human Biology (B), English (C) — Liberton High",
            "School",
        ];
        let found: Vec<String> = schools(&lines).into_iter().map(|s| s.school).collect();
        assert_eq!(found, ["Lycée Dominique Villars", "Liberton High School"]);
        let lines = ["2010 – 2015  Diploma di maturità scientifica — Liceo Scientifico · Galileo Galilei"];
        let found: Vec<String> = schools(&lines).into_iter().map(|s| s.school).collect();
        assert_eq!(found, ["Liceo Scientifico · Galileo Galilei"]);
    }

    #[test]
    fn rows_dated_by_one_year_each_are_two_rows() {
        let lines = [
            "LATA  SZKOŁA / ORGANIZATOR  KIERUNEK / KWALIFIKACJA",
            "2017  Centrum Szkoleniowe Senior-Care, Łódź  Kurs opiekunki osób starszych (120 godz.)",
            "2022  Polski Czerwony Krzyż – Okręg Łódzki  Kurs pierwszej pomocy przedmedycznej",
        ];
        let found: Vec<(String, Option<String>)> = schools(&lines).into_iter().map(|s| (s.school, s.end)).collect();
        assert_eq!(
            found,
            [
                ("Centrum Szkoleniowe Senior-Care".to_owned(), Some("2017".to_owned())),
                ("Polski Czerwony Krzyż – Okręg Łódzki".to_owned(), Some("2022".to_owned()))
            ]
        );
    }

    #[test]
    fn a_title_with_its_specialism_in_the_cell_before_the_employers_over_the_dates() {
        let lines = [
            "Infirmière – Unité de soins continus de cardiologie  |  Hospices Civils de Lyon – Hôpital Louis Pradel, Bron",
            "Septembre 2019 – aujourd'hui",
            "• Prise en charge de patients post-infarctus",
        ];
        let want =
            [("Infirmière – Unité de soins continus de cardiologie", "Hospices Civils de Lyon – Hôpital Louis Pradel")];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_range_wrapped_around_its_rows_centred_cells() {
        let lines = [
            "Dates  Position  Company  Location",
            "Feb 2018 – Jun",
            "Territory Sales Representative  Reece Plumbing  Logan / Ipswich",
            "2021",
            "Mar 2016 – Jan",
            "Trade Sales Specialist  Bunnings Group Limited  Underwood",
            "2018",
        ];
        let want = [
            ("Territory Sales Representative", "Reece Plumbing"),
            ("Trade Sales Specialist", "Bunnings Group Limited"),
        ];
        assert_eq!(who(&lines), pairs(&want));
        assert_eq!(jobs(&lines)[0].end.as_deref(), Some("2021-06"));
    }

    #[test]
    fn an_employer_and_its_town_over_its_description_and_roles_with_tasks_unmarked() {
        // A designed page: the employer and its town after a bar, a line saying what it is,
        // each role's title with its dates, and tasks whose bullets the browser drew.
        let lines = [
            "OBS De Regenboog | Utrecht",
            "Openbare basisschool, 380 leerlingen, onderdeel van stichting PCOU Willibrord",
            "Bouwcoördinator bovenbouw  aug. 2023 – heden",
            "Aansturen van team groep 6–8 (9 leerkrachten)",
            "Leerkracht groep 7  aug. 2018 – jul. 2023",
            "Invoering van Snappet in de bovenbouw",
            "Coördinatie van de rekenmethode",
            "Leerkracht groep 5 (0,6 fte)  aug. 2016 – jul. 2018",
        ];
        let want = [
            ("Bouwcoördinator bovenbouw", "OBS De Regenboog"),
            ("Leerkracht groep 7", "OBS De Regenboog"),
            ("Leerkracht groep 5 (0,6 fte)", "OBS De Regenboog"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn time_without_work_and_a_career_break_in_more_languages_are_no_jobs() {
        let lines = [
            "09/2022 – heden  Pedagogisch medewerker BSO, Kinderopvang De Zonnewijzer, Utrecht",
            "2019 – 2022  Loopbaanonderbreking: zorg voor mijn twee jonge kinderen",
            "03/2014 – 06/2019  Pedagogisch medewerker kinderdagverblijf, Kinderdagverblijf Het Kikkerfort, Nieuwegein",
            "2013 – 2014  Desempleo. Curso de certificado de profesionalidad (ver formación).",
        ];
        let want = [
            ("Pedagogisch medewerker BSO", "Kinderopvang De Zonnewijzer"),
            ("Pedagogisch medewerker kinderdagverblijf", "Kinderdagverblijf Het Kikkerfort"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_career_break_on_its_dated_line_takes_no_employer_and_a_range_wrapped_around_a_title() {
        let lines = [
            "Steuerfachangestellte (Teilzeit 30 Std.)  seit 01/2022",
            "Petersen und Partner Steuerberatungsgesellschaft mbB – Kiel",
            "•  Finanzbuchhaltung und USt-Voranmeldungen",
            "Elternzeit  04/2019 – 12/2021",
            "ETL ADVISA Steuerberatungsgesellschaft mbH – Rendsburg",
            "Steuerfachangestellte  08/2013 – 03/2019",
            "•  Lohnabrechnungen für 300 Arbeitnehmer",
        ];
        let want = [
            ("Steuerfachangestellte (Teilzeit 30 Std.)", "Petersen und Partner Steuerberatungsgesellschaft mbB"),
            ("Steuerfachangestellte", "ETL ADVISA Steuerberatungsgesellschaft mbH"),
        ];
        assert_eq!(who(&lines), pairs(&want));
        let lines = [
            "Birmingham City Council – Birmingham",
            "Senior Licensing Officer  April 2022 – present",
            "•  Supervise three licensing assistants",
            "September 2014 –",
            "Customer Services Adviser",
            "December 2016",
            "Sandwell Metropolitan Borough Council – Oldbury",
        ];
        let found = jobs(&lines);
        assert_eq!(found[1].title, "Customer Services Adviser");
        assert_eq!((found[1].start.as_deref(), found[1].end.as_deref()), (Some("2014-09"), Some("2016-12")));
        // A range open to now, its word for now under the title.
        let lines = ["Fiducial Expertise – Toulouse", "janv. 2021 –", "Gestionnaire de paie senior", "aujourd’hui"];
        let found = jobs(&lines);
        assert_eq!(found[0].title, "Gestionnaire de paie senior");
        assert_eq!((found[0].start.as_deref(), found[0].end.as_deref()), (Some("2021-01"), None));
    }

    #[test]
    fn a_title_in_small_letters_on_its_dated_line_under_its_employer_and_what_it_is() {
        let lines = [
            "Hotel Santa Caterina – Amalfi",
            "Hotel 5 stelle lusso, ristorante gourmet",
            "Capo partita primi (stagionale)  Apr 2022 – Ott 2025",
            "Gestione della partita primi per 120 coperti",
            "Formazione di due commis",
            "Rosa Alpina – San Cassiano (BZ)",
            "Hotel e ristorante nelle Dolomiti",
            "Cuoco capo partita (stagione invernale)  Dic 2022 – Mar 2025",
        ];
        let want = [
            ("Capo partita primi (stagionale)", "Hotel Santa Caterina"),
            ("Cuoco capo partita (stagione invernale)", "Rosa Alpina"),
        ];
        assert_eq!(who(&lines), pairs(&want));
    }

    #[test]
    fn a_german_line_saying_what_the_employer_is_between_it_and_the_title() {
        let lines = [
            "Parkhotel Oberstdorf • Oberstdorf",
            "4-Sterne-Superior-Ferienhotel mit 112 Zimmern und Wellnessbereich",
            "Stellv. Empfangschefin  04/2023 – heute",
            "Dienstplanung für 7 Mitarbeitende an der Rezeption",
        ];
        assert_eq!(who(&lines), pairs(&[("Stellv. Empfangschefin", "Parkhotel Oberstdorf")]));
    }
}
