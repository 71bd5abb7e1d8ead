//! Education entries: school, degree and major with their dates, in the shapes job entries
//! come in, and the Europass form's labelled ones.

use super::places::{is_known_town, is_town, name_of_address, without_town};
use super::table::{self, Column};
use super::{Entry, cells, entries, is_description, organisation, prepared, span_of};
use crate::parse::labelled;
use crate::parse::words::{is_joining_word, names_a_course, names_a_degree, names_a_job, names_a_school};
use crate::parse::{ParsedEducation, dates};

/// The schools in the lines of an education section: entries as for jobs, anchored on a range
/// or a lone year (when it ended); without dates, each line naming a school.
pub fn schools(lines: &[&str]) -> Vec<ParsedEducation> {
    let form = labelled::entries(lines);
    if form.iter().any(|f| !f.school().is_empty()) {
        return form
            .into_iter()
            .filter(|f| !f.school().is_empty())
            .map(|f| ParsedEducation {
                school: without_town(&organisation(&name_of_address(without_kind_label(&f.school())))),
                degree: f.degree(),
                major: String::new(),
                start: f.dates.as_ref().map(|d| d.start.clone()),
                end: f.dates.and_then(|d| d.end),
            })
            .collect();
    }
    let raw = lines;
    let lines = prepared(lines);
    if let Some(rows) = table::rows(raw, &lines)
        && rows.iter().any(|r| !r.get(Column::School).is_empty())
    {
        return rows
            .iter()
            .filter(|r| !r.get(Column::School).is_empty())
            .map(|r| {
                let (degree, major) = degree_and_major(r.get(Column::Degree));
                ParsedEducation {
                    school: without_town(&organisation(r.get(Column::School))),
                    degree,
                    major,
                    start: r.start.clone(),
                    end: r.end.clone(),
                }
            })
            .collect();
    }
    let dated = |l: &str| span_of(l).or_else(|| dates::single(l).map(|(year, at)| (None, Some(year), at)));
    // An entry's lines are taken until one names a school and not a degree (a degree wrapped
    // over two lines; "Studium Lehramt Gymnasium" above its university).
    // A kind's word alone names no school ("Berufsschule, Fachklasse Zerspanungsmechanik" over
    // "Technische Schule Aalen").
    let phrases = |p: &[String]| {
        let parts = p.iter().flat_map(|p| p.split(", "));
        let named = parts.clone().any(|p| names_a_school(p) && !names_a_degree(p) && !is_bare_kind(p))
            || (p.iter().any(|p| names_a_school(p) && !names_a_degree(p)) && !parts.clone().any(is_bare_kind));
        if named { p.len().max(2) } else { p.len().min(1) }
    };
    let mut entries = entries(&lines, dated, phrases, false);
    if entries.is_empty() {
        entries = lines
            .iter()
            .filter(|l| !is_description(l) && names_a_school(l))
            .map(|l| Entry {
                pieces: cells(l).map(str::to_owned).collect(),
                start: None,
                end: None,
                same_employer: false,
                merged: false,
            })
            .collect();
    }
    entries.into_iter().filter_map(education).collect()
}

/// An education entry from its phrases: the school is the phrase (or the part between commas)
/// that names one, else the first that is not a degree or a place; the degree the first that
/// names one; the major what follows the degree.
fn education(mut entry: Entry) -> Option<ParsedEducation> {
    // The schools named inside a degree's line ("Diploma di Liceo delle Scienze Umane"): a
    // kind of school by its subjects, where a line of its own may name the school itself.
    let mut in_a_degree = Vec::new();
    entry.pieces =
        with_quoted_names(entry.pieces.iter().map(|p| the_school_of_two(without_kind_label(p))).flat_map(|p| {
            let split = degree_then_school(p);
            in_a_degree.extend(split.get(1).cloned());
            split
        }));
    let parts: Vec<String> = entry.pieces.iter().flat_map(|p| p.split(", ")).map(|p| p.trim().to_owned()).collect();
    // The first of the best: "IHK zu Leipzig" after "Geprüfte Bilanzbuchhalterin (IHK)"; between
    // equals, one ending on its kind ("Maryvale High School", not "High School Diploma").
    let ends_on_school = |p: &str| p.split_whitespace().last().is_some_and(names_a_school);
    let school_score = |p: &str| {
        // A course's word in a school's name is the school's ("Hunter Safety Training Academy").
        let degree = names_a_degree(p) || (names_a_course(p) && !names_a_school(p));
        let score = 2 * i32::from(names_a_school(p)) - i32::from(degree) - i32::from(names_a_job(p));
        // A name starts with a capital ("Liceo Statale", not a degree's "liceo delle scienze");
        // a kind's word alone is the last resort.
        // Of a name and the same name with more ("Liceo Linguistico" from the degree's line,
        // "Liceo Linguistico Carlo Sigonio" on the school's), the whole, in capitals or not
        // ("LICEO SCIENTIFICO" over "Liceo Scientifico Alfredo Oriani").
        let lower = p.to_lowercase();
        let cut = parts.iter().any(|q| q.len() > p.len() && q.to_lowercase().starts_with(&lower));
        // Between equals, one on a line of its own ("Liceo Laura Bassi" under "Diploma di Liceo
        // delle Scienze Umane").
        let own_line = !in_a_degree.iter().any(|d| d == p);
        (score, !is_bare_kind(p), p.starts_with(char::is_uppercase), ends_on_school(p), !cut, own_line)
    };
    // Else the first that names no degree; else, of a degree and a line of its own, that
    // line ("MBO niveau 3 Eerste monteur" over "MBO Amersfoort": a school named by its level
    // and town).
    let named = |p: &&String| !is_town(p) && p.starts_with(char::is_uppercase);
    // Last, beside a degree, a name only shaped like a town the gazetteer does not know
    // ("Albeda" over "MBO 3 Kraamverzorgende (BBL)"), nor a country or a heading.
    let unknown_place = |p: &&String| {
        p.chars().count() >= 3
            && !is_known_town(p)
            && !super::is_country(p)
            && crate::parse::sections::heading(p).is_none()
            && p.starts_with(char::is_uppercase)
            && !names_a_qualification(p)
    };
    let beside_a_degree = parts.iter().any(|p| names_a_degree(p));
    // Of those, a name before a course's description ("CNFPT Nord-Pas-de-Calais" after
    // "Préparation au concours d'adjoint administratif").
    let a_name = |p: &&String| !mostly_small_words(p);
    let school = parts
        .iter()
        .rev()
        .filter(|p| names_a_school(p))
        .max_by_key(|p| school_score(p))
        .or_else(|| parts.iter().filter(named).filter(a_name).find(|p| !names_a_qualification(p)))
        .or_else(|| parts.iter().filter(named).find(|p| !names_a_qualification(p)))
        .or_else(|| parts.iter().skip(1).find(|p| level_and_town(p)))
        // The first part of a line of its own, not one after the degree's comma ("MSc Data
        // Science, Distinction" gives no school; "Noorderpoort, Groningen" gives one).
        .or_else(|| {
            let own_lines = entry.pieces.iter().filter(|p| beside_a_degree && !names_a_degree(p));
            own_lines.filter_map(|p| parts.iter().find(|q| p.starts_with(q.as_str()))).find(unknown_place)
        })?;
    let school = with_faculty(&entry.pieces, school);
    let school = with_institute_before(&entry.pieces, &school);
    let (degree, major) = entry
        .pieces
        .iter()
        .find(|p| !p.contains(school.as_str()) && names_a_qualification(p))
        .or_else(|| entry.pieces.iter().find(|p| !p.contains(school.as_str())))
        .map(|p| degree_and_major(p))
        .unwrap_or_default();
    Some(ParsedEducation {
        school: without_town(without_town_after_bullet(&organisation(without_kind_label_once_chosen(&school)))),
        degree,
        major,
        start: entry.start,
        end: entry.end,
    })
}

/// Whether a phrase names what was learnt: a degree or a course ("Immediate Life Support").
fn names_a_qualification(phrase: &str) -> bool {
    names_a_degree(phrase) || names_a_course(phrase)
}

/// A school's kind as one word and nothing else ("Berufsschule", "Gymnasium", "University"),
/// an aside in brackets aside ("Berufsschule (Fachklasse Steuerfachangestellte)"): what a
/// school is, not which. Initials are a name ("ETH", "IHK", "AFTRAL").
fn is_bare_kind(phrase: &str) -> bool {
    let phrase = phrase.trim();
    let phrase = match phrase.strip_suffix(')').and_then(|p| p.split_once(" (")) {
        Some((kind, _)) => kind.trim(),
        None => phrase,
    };
    !phrase.contains(' ') && phrase.chars().any(char::is_lowercase) && names_a_school(phrase)
}

/// Whether most of a phrase's words (small joining words aside) start in lower case: a
/// description, not a name.
fn mostly_small_words(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().filter(|w| !is_joining_word(w)).collect();
    2 * words.iter().filter(|w| w.starts_with(char::is_lowercase)).count() > words.len()
}

/// Of a training company and a school set apart by a slash, as an apprenticeship names both
/// ("Staatliche Berufsschule Neusäß / Ausbildungsbetrieb Hochbau Zettl"), the school: the one
/// part that names a school.
fn the_school_of_two(piece: &str) -> &str {
    let parts: Vec<&str> = piece.split(" / ").map(str::trim).collect();
    match parts.iter().filter(|p| names_a_school(p)).collect::<Vec<_>>()[..] {
        [school] if parts.len() == 2 => school,
        _ => piece,
    }
}

/// A school without the kind of school written as its label ("Berufsschule: Technische
/// Schule Heidenheim"), where the rest names a school too.
fn without_kind_label(piece: &str) -> &str {
    match kind_label(piece) {
        Some(school) if names_a_school(school) => school,
        _ => piece,
    }
}

/// The school chosen, without a kind's label before any name ("Berufsschule: BBS
/// Haarentor"): the label said which line is the school.
fn without_kind_label_once_chosen(school: &str) -> &str {
    kind_label(school).filter(|name| name.starts_with(char::is_uppercase)).unwrap_or(school)
}

/// What follows a kind of school's word and a colon.
fn kind_label(piece: &str) -> Option<&str> {
    piece.split_once(": ").filter(|(label, _)| !label.contains(' ') && names_a_school(label)).map(|(_, rest)| rest)
}

/// A school's name in quotes under its kind, as a narrow column wraps it ("Istituto Tecnico
/// Turistico" over "\"Francesca da Rimini\""): one piece.
fn with_quoted_names(pieces: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for piece in pieces {
        let quoted = piece.starts_with(crate::parse::OPENING_QUOTES) && piece.ends_with(crate::parse::CLOSING_QUOTES);
        match out.last_mut() {
            Some(school) if quoted && names_a_school(school) && !names_a_degree(school) => {
                school.push(' ');
                school.push_str(&piece);
            }
            _ => out.push(piece),
        }
    }
    out
}

/// "MBO Amersfoort": a school named by the level it teaches and its town.
fn level_and_town(part: &str) -> bool {
    part.split_once(' ').is_some_and(|(level, town)| names_a_degree(level) && is_town(town))
}

/// Words a faculty or a school within a university starts with, lower case.
const FACULTIES: &[&str] = &[
    "faculty",
    "college of",
    "school of",
    "department of",
    "facultad",
    "faculdade",
    "faculté",
    "fakultät",
    "facoltà",
    "wydział",
    "collegium",
    "escuela de",
    "escola de",
    "scuola di",
    "departamento de",
    "instituto de",
    "dipartimento di",
    "escuela politécnica",
    "escuela técnica superior",
    "escuela universitaria",
    "escola superior",
];

/// A university with its faculty after a comma, as the resume names them together
/// ("Universidad de Zaragoza, Facultad de Educación", "Ohio University, College of Business").
fn with_faculty(pieces: &[String], school: &str) -> String {
    let whole = pieces.iter().find_map(|p| {
        let at = p.find(school)?;
        let after = p[at + school.len()..].strip_prefix(", ")?;
        let lower = after.to_lowercase();
        FACULTIES.iter().any(|f| lower.starts_with(f)).then(|| p[at..].to_owned())
    });
    whole.unwrap_or_else(|| school.to_owned())
}

/// A university's institute or faculty named before it ("ICLON, Universiteit Leiden",
/// "IGR-IAE Rennes, Université de Rennes 1", "College of Nursing, Government Medical College",
/// "USAL, Escuela Politécnica Superior de Ávila"):
/// both, as the resume names them together. Initials name an institute only before a
/// university: before a college they are the degree ("HND, Edinburgh College").
fn with_institute_before(pieces: &[String], school: &str) -> String {
    let whole = pieces.iter().find_map(|p| {
        let at = p.find(school)?;
        let before = p[..at].strip_suffix(", ")?;
        let head = before.rsplit(", ").next()?;
        let lower = head.to_lowercase();
        let faculty = FACULTIES.iter().any(|f| lower.starts_with(f));
        // Or the university's initials before its faculty ("USAL, Escuela Politécnica Superior
        // de Ávila").
        let within = FACULTIES.iter().any(|f| school.to_lowercase().starts_with(f));
        let institute = initials_and_town(head) && !names_a_degree(head) && (names_a_university(school) || within);
        (faculty || institute).then(|| p[at - 2 - head.len()..at + school.len()].to_owned())
    });
    whole.unwrap_or_else(|| school.to_owned())
}

/// "ICLON", "IGR-IAE Rennes": initials, and a town's name at most.
fn initials_and_town(phrase: &str) -> bool {
    let mut words = phrase.split_whitespace();
    let initials = words.next().is_some_and(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 3 && w.chars().all(|c| c.is_uppercase() || c == '-')
    });
    let rest: Vec<&str> = words.collect();
    initials && rest.len() <= 1 && rest.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// Whether a school's name starts with the word for a university, in a language here.
fn names_a_university(school: &str) -> bool {
    let first = school.split_whitespace().next().unwrap_or_default().to_lowercase();
    [
        "university",
        "université",
        "universiteit",
        "universität",
        "università",
        "universidad",
        "universidade",
        "uniwersytet",
    ]
    .contains(&first.as_str())
}

/// "LAUREA IN FISIOTERAPIA Università degli Studi di Torino", "VOCATIONAL DIPLOMA IN MOTOR
/// VEHICLE MECHANICS ZESPÓŁ SZKÓŁ SAMOCHODOWYCH": a degree run together with its school, as the
/// Europass editor sets them on one line, apart at the first word that names a school and
/// starts a name of two words or more. A degree that itself names a school ("High School
/// Diploma"), one that ends on a kind of school ("Studium Lehramt Gymnasium, Mathematik") and
/// a school named by its last word ("… Cardiff University") are left whole.
fn degree_then_school(piece: &str) -> Vec<String> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let split = (1..words.len().saturating_sub(1))
        .find(|&k| names_a_school(words[k]) && !piece.contains(','))
        .map(|k| words.split_at(k));
    match split {
        // A degree's word, not a course's ("Hunter Safety Training Academy" is one name).
        Some((degree, school)) if names_a_degree(&degree.join(" ")) && !names_a_school(&degree.join(" ")) => {
            vec![degree.join(" "), school.join(" ")]
        }
        _ => vec![piece.to_owned()],
    }
}

/// A school's name without the town after its bullet ("Lycée Dominique Villars · Gap"): one the
/// gazetteer knows, as a school's second name has a town's shape ("Liceo Scientifico · Galileo
/// Galilei").
fn without_town_after_bullet(school: &str) -> &str {
    [" · ", " • "]
        .iter()
        .find_map(|bullet| school.rsplit_once(bullet).filter(|(_, town)| is_known_town(town)))
        .map_or(school, |(name, _)| name.trim())
}

/// "Master of Science in Computer Science" → ("Master of Science", "Computer Science");
/// "BSc, Biology" → ("BSc", "Biology").
pub(super) fn degree_and_major(piece: &str) -> (String, String) {
    let clean = |s: &str| s.trim().trim_end_matches([',', ';', ':']).trim().to_owned();
    for sep in [" in ", ", ", " - ", ": "] {
        if let Some((degree, major)) = piece.split_once(sep)
            && names_a_degree(degree)
            && !names_a_school(major)
        {
            return (clean(degree), clean(major));
        }
    }
    (clean(piece), String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schools_with_degrees_majors_and_years() {
        let lines = [
            "University of Toronto",
            "Bachelor of Engineering in Civil Engineering",
            "2003 – 2007",
            "MSc, Data Science | Universidad de Chile | 2012",
        ];
        let got = schools(&lines);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            (got[0].school.as_str(), got[0].degree.as_str(), got[0].major.as_str()),
            ("University of Toronto", "Bachelor of Engineering", "Civil Engineering")
        );
        assert_eq!((got[0].start.as_deref(), got[0].end.as_deref()), (Some("2003"), Some("2007")));
        assert_eq!(
            (got[1].school.as_str(), got[1].degree.as_str(), got[1].major.as_str()),
            ("Universidad de Chile", "MSc", "Data Science")
        );
        assert_eq!(got[1].end.as_deref(), Some("2012"));
    }

    #[test]
    fn schools_in_every_shape() {
        let names = |lines: &[&str]| schools(lines).into_iter().map(|e| e.school).collect::<Vec<_>>();
        // Degree, school and years on one line, in either order.
        let lines = [
            "PGCE Primary Education, University of Leeds, 2015 – 2016",
            "Brookfield High School - High School Diploma, 2009",
            "Fachabitur • Berufskolleg Mitte • 2010",
        ];
        assert_eq!(names(&lines), ["University of Leeds", "Brookfield High School", "Berufskolleg Mitte"]);
        // Dutch and Flemish schools by their kind or their level and town.
        let lines = [
            "2011 - 2014  MBO niveau 3 Eerste monteur installatietechniek (BBL)",
            "MBO Amersfoort - diploma behaald",
            "2007 - 2011  VMBO kaderberoepsgerichte leerweg",
            "Eemlandcollege Noord, Amersfoort - diploma behaald",
            "2010 – 2016  Verzorging (BSO)",
            "Instituut Sint-Vincentius, Gent",
        ];
        assert_eq!(names(&lines), ["MBO Amersfoort", "Eemlandcollege Noord", "Instituut Sint-Vincentius"]);
        // Of an apprenticeship's company and school, the school.
        let lines =
            ["2013 – 2016  Ausbildung zum Maurer", "Staatliche Berufsschule Neusäß / Ausbildungsbetrieb Hochbau Zettl"];
        assert_eq!(names(&lines), ["Staatliche Berufsschule Neusäß"]);
        // A school's kind as its label is no part of its name.
        let lines = ["2011 – 2014  Industriemechanikerin", "Berufsschule: Technische Schule Heidenheim"];
        assert_eq!(names(&lines), ["Technische Schule Heidenheim"]);
        // A school's kind alone is no name.
        let lines = [
            "2013 – 2017  Berufsschule, Fachklasse Zerspanungsmechanik",
            "Technische Schule Aalen",
            "2007 – 2013  Mittlere Reife",
            "Realschule Ellwangen",
        ];
        assert_eq!(names(&lines), ["Technische Schule Aalen", "Realschule Ellwangen"]);
        // With its class in brackets, likewise.
        let lines = ["2013 – 2016", "Berufsschule (Fachklasse Steuerfachangestellte)", "Lambert-Berufskolleg Münster"];
        assert_eq!(names(&lines), ["Lambert-Berufskolleg Münster"]);
        // Each line an entry beside its year; of a course and its provider, neither named by
        // its kind, the provider is the one named as a name.
        let lines = [
            "2013  Título de Técnico en Actividades Comerciales - IES Satafi, Getafe",
            "2019  Curso de Operador de carretillas elevadoras (20 h) - Fundación Laboral, Madrid",
            "Préparation au concours d'adjoint administratif – CNFPT Nord-Pas-de-Calais (2002)",
        ];
        let got = schools(&lines);
        let found: Vec<_> = got.iter().map(|e| (e.school.as_str(), e.end.as_deref())).collect();
        assert_eq!(
            found,
            [
                ("IES Satafi", Some("2013")),
                ("Fundación Laboral", Some("2019")),
                ("CNFPT Nord-Pas-de-Calais", Some("2002"))
            ]
        );
        // A training centre whose name starts with a street's word; a school's line with
        // figures after its dash; a qualification with its examiner in brackets over the school.
        let lines = ["Road Haulage Training Centre, Leicester - Driver CPC periodic training (35 hrs), 2023"];
        assert_eq!(names(&lines), ["Road Haulage Training Centre"]);
        let lines = [
            "CILEx Level 6 Diploma in Law and Practice  2024 – present",
            "CILEx Law School (distance learning) — 3 of 6 units passed",
        ];
        assert_eq!(names(&lines), ["CILEx Law School"]);
        let lines = ["09/2021 – 06/2023  Geprüfter Verkehrsfachwirt (IHK), berufsbegleitend", "Handelskammer Hamburg"];
        assert_eq!(names(&lines), ["Handelskammer Hamburg"]);
        // A school under its dates; a school's name a narrow column wrapped.
        let lines = [
            "VMBO Kader, afdeling Horeca",
            "2010 – 2014",
            "Zuid-West College, Den Haag",
            "BTS Management en Hôtellerie-Restauration – Lycée",
            "hôtelier Sainte-Anne, Saint-Nazaire – 2014",
            "Baccalauréat technologique STHR – Lycée hôtelier Sainte-",
            "Anne, Saint-Nazaire – 2012",
        ];
        assert_eq!(names(&lines), ["Zuid-West College", "Lycée hôtelier Sainte-Anne", "Lycée hôtelier Sainte-Anne"]);
        // A name in capitals the line wrapped.
        let lines = [
            "2017  Warszawa, Polska",
            "CERTYFIKAT KOMPETENCJI ZAWODOWYCH W TRANSPORCIE DROGOWYM RZECZY – INSTYTUT TRANSPORTU",
            "SAMOCHODOWEGO",
        ];
        assert_eq!(names(&lines), ["INSTYTUT TRANSPORTU SAMOCHODOWEGO"]);
        // A name in quotes under its kind, wrapped in a narrow column.
        let lines =
            ["Diploma di Tecnico del Turismo", "Istituto Tecnico Turistico", "\"Francesca da Rimini\"", "2011 – 2016"];
        assert_eq!(names(&lines), ["Istituto Tecnico Turistico \"Francesca da Rimini\""]);
        // A second degree is no school: only a level and a town name one ("MBO Amersfoort").
        let lines =
            ["2012 – 2014  Abitur", "Allgemeine Hochschulreife", "2008 – 2012  Bachelor of Science", "Master of Arts"];
        assert!(names(&lines).iter().all(|school| !school.contains("Master") && !school.contains("Bachelor")));
        // A name before the school it is stays with it; a degree before its school does not.
        let lines = [
            "Laurea in Infermieristica – 110/110 e lode  2015 – 2018",
            "Alma Mater Studiorum – Università di Bologna",
            "2012 – 2015",
            "BACHELIER EN COMPTABILITÉ – HAUTE ÉCOLE DE LA PROVINCE DE LIÈGE",
            "Apothekersexamen – Rijksuniversiteit Groningen, 2002",
            // A kind of school said in words before the named one.
            "2014 – 2017  Berufsschule (Fachklasse Kfz-Mechatronik) – Berufskolleg Königstraße",
        ];
        assert_eq!(
            names(&lines),
            [
                "Alma Mater Studiorum – Università di Bologna",
                "HAUTE ÉCOLE DE LA PROVINCE DE LIÈGE",
                "Rijksuniversiteit Groningen",
                "Berufskolleg Königstraße"
            ]
        );
        // A degree's long name in small words, and its aside on the line under it, are no
        // description: the school under them is the entry's.
        let lines = [
            "2008 - 2013",
            "Diploma di Tecnico dei servizi di enogastronomia e ospitalità alberghiera",
            "(articolazione Sala e vendita) - voto 82/100",
            "IPSSEOA \"Savioli\", Riccione",
        ];
        assert_eq!(names(&lines), ["IPSSEOA \"Savioli\""]);
        // The school on a line of its own over the kind of school a degree's line names, in
        // capitals or not.
        let lines = ["Diploma di Liceo delle Scienze Umane  2008 – 2013", "Liceo Laura Bassi"];
        assert_eq!(names(&lines), ["Liceo Laura Bassi"]);
        let lines =
            ["2006 – 2011  Ravenna, Italia", "DIPLOMA DI LICEO SCIENTIFICO", "Liceo Scientifico Alfredo Oriani"];
        assert_eq!(names(&lines), ["Liceo Scientifico Alfredo Oriani"]);
        // A university's initials before its school within it.
        let lines = ["Grado en Ingeniería Geomática", "USAL, Escuela Politécnica Superior de Ávila", "2014 – 2018"];
        assert_eq!(names(&lines), ["USAL, Escuela Politécnica Superior de Ávila"]);
        // Beside a degree, a name the gazetteer does not know as a town is the school's; a
        // country or a grade is not.
        let lines = ["Albeda", "MBO 3 Kraamverzorgende (BBL)", "2016 – 2018 • diploma"];
        assert_eq!(names(&lines), ["Albeda"]);
        assert!(names(&["Portugal", "Licenciatura em Gestão", "2010 – 2013"]).is_empty());
        assert!(names(&["MSc Data Science, Distinction  2019 – 2020"]).is_empty());
        // A field of study before its school is no part of its name.
        for line in
            ["Computer Science – University of Toronto, 2019", "Computer Science - University of Toronto  2015 – 2019"]
        {
            assert_eq!(names(&[line]), ["University of Toronto"], "{line}");
        }
        // A timeline: years first, then degree and school on the next line.
        let lines = [
            "2016 – 2018  Master Leraar Biologie",
            "Rijksuniversiteit Utrecht",
            "2012 – 2016  Bachelor Biologie",
            "Hogeschool Arnhem",
        ];
        assert_eq!(names(&lines), ["Rijksuniversiteit Utrecht", "Hogeschool Arnhem"]);
        // A table, and a school without any of the usual words beside a degree.
        let lines =
            ["Year  Degree  School", "2017  BTS Logistique  Lycée Jean Perrin", "2015 : CACES R489, FORMAPRO Nantes"];
        assert_eq!(names(&lines), ["Lycée Jean Perrin", "FORMAPRO Nantes"]);
        // The Europass editor's degree run together with its school; a degree naming a kind of
        // school and a school named by its last word stay whole.
        let lines = [
            "01/10/2012 – 15/11/2015 Torino, Italia",
            "LAUREA IN FISIOTERAPIA Università degli Studi di Torino",
            "01/09/2001 – 30/06/2005  Poznań, Poland",
            "VOCATIONAL DIPLOMA IN MOTOR VEHICLE MECHANICS ZESPÓŁ SZKÓŁ SAMOCHODOWYCH W POZNANIU",
            "2011 – 2017  Studium Lehramt Gymnasium, Mathematik und Physik",
            "Karlsruher Institut für Technologie (KIT)",
            "2008 – 2011  BA (Hons) Primary Education Cardiff University",
        ];
        let got = schools(&lines);
        assert_eq!(
            got.iter().map(|e| (e.school.as_str(), e.degree.as_str())).collect::<Vec<_>>(),
            [
                ("Università degli Studi di Torino", "LAUREA IN FISIOTERAPIA"),
                ("ZESPÓŁ SZKÓŁ SAMOCHODOWYCH W POZNANIU", "VOCATIONAL DIPLOMA IN MOTOR VEHICLE MECHANICS"),
                ("Karlsruher Institut für Technologie (KIT)", "Studium Lehramt Gymnasium"),
                ("BA (Hons) Primary Education Cardiff University", ""),
            ]
        );
        // Vocational titles, certificates and courses beside their provider; a grade after a dash.
        let lines = [
            "Titre professionnel Chef de chantier gros œuvre",
            "AFPA Lyon [ 09/2016 – 06/2017 ]",
            "09/2018–07/2020  Industriemeister Metall (IHK), berufsbegleitend – IHK-Bildungszentrum Schweinfurt",
            "2014 – 2018  Università degli Studi di Modena e Reggio Emilia – voto 106/110",
            "2009  Diploma di Perito Industriale  Livello QEQ 4",
            "ITIS Benedetto Castelli, Brescia",
        ];
        assert_eq!(
            names(&lines),
            [
                "AFPA Lyon",
                "IHK-Bildungszentrum Schweinfurt",
                "Università degli Studi di Modena e Reggio Emilia",
                "ITIS Benedetto Castelli"
            ]
        );
        // A university with its faculty after a comma, and its town after them.
        let lines = [
            "2011 – 2015  Grado en Magisterio en Educación Primaria",
            "Universidad de Zaragoza, Facultad de Educación, Zaragoza",
        ];
        assert_eq!(names(&lines), ["Universidad de Zaragoza, Facultad de Educación"]);
        // An office suite set the form's dates between the degree and the school with its town.
        let lines =
            ["Técnico Superior en Imagen para el Diagnóstico", "2012–2014", "IES Ramón Carande, Sevilla (España)"];
        assert_eq!(names(&lines), ["IES Ramón Carande"]);
    }

    #[test]
    fn schools_a_narrow_column_wrapped_or_named_with_their_institute() {
        let names = |lines: &[&str]| schools(lines).into_iter().map(|e| e.school).collect::<Vec<_>>();
        // Wrapped after an ampersand, before the small word its name goes on with.
        let lines = [
            "Law Clerk Diploma (Ontario College Diploma)",
            "Humber College – Faculty of Social &",
            "Community Services",
            "2016 – 2018",
            "Magister inżynier – Informatyka",
            "Akademia Górniczo-Hutnicza",
            "w Krakowie",
            "2012 – 2017",
        ];
        assert_eq!(
            names(&lines),
            ["Humber College – Faculty of Social & Community Services", "Akademia Górniczo-Hutnicza w Krakowie"]
        );
        // An institute before its university; a faculty before its college.
        let lines = [
            "2019 – 2020  Eerstegraads lerarenopleiding Nederlands",
            "ICLON, Universiteit Leiden",
            "2013 – 2017  B.Sc. Nursing – 78%",
            "College of Nursing, Government Medical College, Kottayam",
        ];
        assert_eq!(names(&lines), ["ICLON, Universiteit Leiden", "College of Nursing, Government Medical College"]);
        // A qualification's level, award and board are no school; of a school named on the
        // degree's line and again whole on its own, the whole.
        let lines = [
            "2021  WSET Level 3 Award in Wines",
            "Wine & Spirit Education Trust",
            "HSC - Kendriya Vidyalaya Ashok Nagar, 2014 - 92.6%",
            "2006 – 2011  Diploma di Liceo Linguistico",
            "Liceo Linguistico Carlo Sigonio, Modena",
        ];
        assert_eq!(
            names(&lines),
            ["Wine & Spirit Education Trust", "Kendriya Vidyalaya Ashok Nagar", "Liceo Linguistico Carlo Sigonio"]
        );
        // A school's kind as its label says which line is the school, and goes.
        let lines = [
            "08/2007 - 07/2010",
            "Ausbildung zur Steuerfachangestellten",
            "Ausbildungskanzlei: Kanzlei Dr. Harms Steuerberatung, Bad Zwischenahn",
            "Berufsschule: BBS Haarentor, Oldenburg",
        ];
        assert_eq!(names(&lines), ["BBS Haarentor"]);
        // A course is no school; a school named for the training it gives is one.
        let lines = [
            "2021  Immediate Life Support",
            "2020  Certificate IV in Work Health and Safety (BSB41419)",
            "Hunter Safety Training Academy (RTO 91234)",
        ];
        assert_eq!(names(&lines), ["Hunter Safety Training Academy"]);
        // A bracket the next line closes, with the dates on it.
        let lines = [
            "Máster Universitario en Profesorado de Educación Secundaria (especialidad Procesos",
            "Sanitarios) – Universidad de Sevilla, 2013–2014",
        ];
        assert_eq!(names(&lines), ["Universidad de Sevilla"]);
    }
}
