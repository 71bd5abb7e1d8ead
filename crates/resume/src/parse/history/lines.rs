//! A section's lines made ready to read as entries: what is description and what a heading,
//! a line's phrases, a range or a name wrapped over two lines joined, a timeline's rules and
//! dots and a list's numbers taken off.

use super::*;
use crate::parse::{CLOSING_QUOTES, OPENING_QUOTES};

/// A line that is a bullet, a sentence or a sentence's continuation: description, not the
/// heading of an entry.
pub(super) fn is_description(line: &str) -> bool {
    let line = line.trim();
    is_duration(line)
        || (line.starts_with(['•', '*', '-', '–', '>']) && !is_marked_title(line))
        || (line.chars().next().is_some_and(char::is_lowercase) && employer_after_connector(line).is_none())
        || is_sentence(line)
        || labelled::is_other_field(line)
}

/// Words of a time's length, lower case ("6 years 7 months", "2 yrs 3 mos", "1 Jahr 2 Monate").
pub(super) const DURATION_WORDS: &[&str] = &[
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

/// Words that join a time's parts ("2 años y 6 meses", "1 Jahr und 3 Monate").
const DURATION_JOINS: &[&str] = &["and", "y", "e", "et", "und", "en", "i"];

/// How long a time lasted, alone on its line, as a LinkedIn profile sets it under an employer
/// with several roles ("6 years 7 months"): no title or employer.
pub(super) fn is_duration(line: &str) -> bool {
    let words: Vec<String> = line
        .split_whitespace()
        .map(|w| w.trim_end_matches(',').to_lowercase())
        .filter(|w| !DURATION_JOINS.contains(&w.as_str()))
        .collect();
    !words.is_empty()
        && words.len() <= 4
        && words.chunks(2).all(|pair| match pair {
            [n, unit] => n.chars().all(|c| c.is_ascii_digit()) && DURATION_WORDS.contains(&unit.as_str()),
            _ => false,
        })
}

/// Kinds of contract, lower case, as a job board or a resume sets them in a cell of their own
/// after the employer or the dates ("Boutique Mademoiselle Rosa · CDI"). Not a kind that is a
/// title too ("Stage", "Apprentice", "Freelance").
#[rustfmt::skip]
const CONTRACT_KINDS: &[&str] = &[
    "cdi", "cdd", "intérim", "interim", "temps plein", "temps partiel", "vollzeit", "teilzeit", "befristet",
    "unbefristet", "minijob", "full-time", "full time", "part-time", "part time", "permanent", "temporary",
    "fixed-term", "fixed term", "contrato indefinido", "contrato temporal", "jornada completa", "media jornada",
    "jornada parcial", "tempo pieno", "tempo parziale", "tempo indeterminato", "tempo determinato", "fulltime",
    "parttime", "vast contract", "tijdelijk contract", "umowa o pracę", "umowa zlecenie", "contrato sem termo",
    "contrato a termo", "clt", "tempo integral", "meio período",
];

/// A line without the notes a job board sets beside an entry's dates or its name: lengths of
/// time in brackets ("junio 2021 – octubre 2021 (5 meses)", "(2 años y 6 meses)  Grupo
/// Hostelero Malagueta S.L.") or as a cell after a separator ("feb. 2023 - Actualmente · 1 año
/// 9 meses"), and the kind of contract as such a cell ("Boutique Mademoiselle Rosa · CDI"). A
/// line that is only a length stays: a LinkedIn profile's says that its employer had several
/// roles.
fn without_notes(line: &str) -> String {
    let mut out = line.to_owned();
    while let Some(range) = bracketed_duration(&out) {
        let mut without = out.clone();
        without.replace_range(range, " ");
        if !without.contains(char::is_alphanumeric) {
            break;
        }
        out = without;
    }
    let note = |cell: &str| is_duration(cell) || CONTRACT_KINDS.contains(&cell.to_lowercase().as_str());
    for separator in [" · ", " • ", " | ", "  "] {
        if let Some((before, after)) = out.rsplit_once(separator)
            && note(after.trim())
            && before.contains(char::is_alphanumeric)
        {
            out.truncate(before.len());
        }
    }
    if out == line { out } else { out.trim().to_owned() }
}

/// Where a length of time in brackets is in `line`, with the spaces after it.
fn bracketed_duration(line: &str) -> Option<std::ops::Range<usize>> {
    line.match_indices('(').find_map(|(open, _)| {
        let close = open + line[open..].find(')')?;
        let rest = line[close + 1..].len() - line[close + 1..].trim_start().len();
        is_duration(&line[open + 1..close]).then_some(open..close + 1 + rest)
    })
}

/// Words that introduce an employer at the start of its line ("bei Hochbau Zettl, Friedberg",
/// "presso Comune di Perugia", "at Northbridge Building Society").
pub(super) const CONNECTORS: &[&str] = &["at", "bei", "presso", "chez", "bij", "en", "w", "na", "em", "para"];

/// "bei Hochbau Zettl, Friedberg" as "Hochbau Zettl, Friedberg": a line that starts with a
/// connector and goes on with a capitalised name.
pub(super) fn employer_after_connector(line: &str) -> Option<&str> {
    let (first, rest) = line.trim().split_once(' ')?;
    (CONNECTORS.contains(&first) && rest.starts_with(char::is_uppercase)).then_some(rest.trim())
}

/// A timeline's dot before a job title, in a cell of its own ("•  Charge Nurse, Acute Medical
/// Unit"): a short phrase that names a job, after the dot and a cell gap. Or a list's mark
/// before a title and who, apart by a bar ("* Dependienta | Mango (Calle Tetuán)"), as a
/// typed resume marks its entries apart from their tasks ("- Atención al cliente"). A bullet
/// of a description is a sentence or names no job.
pub(super) fn is_marked_title(line: &str) -> bool {
    let title_and_who = line
        .strip_prefix(['•', '*'])
        .and_then(|rest| rest.split_once(" | "))
        .is_some_and(|(title, _)| title.split_whitespace().count() <= 6 && !is_sentence(line) && names_a_job(title));
    if title_and_who {
        return true;
    }
    let Some(rest) = line.strip_prefix('•').and_then(|r| r.strip_prefix("  ")) else { return false };
    rest.split_whitespace().count() <= 8 && !is_sentence(rest) && names_a_job(rest)
}

/// A phrase that reads as a sentence or part of one: it ends like one, has figures of money or
/// shares, or is long and two thirds in lower case (a name is mostly capitalised words).
pub(super) fn is_sentence(text: &str) -> bool {
    // "TEMPORIS ETT - puesto a disposición en una plataforma de Illescas": an employer's name,
    // then a note on the job in small letters and no full stop, names who however long.
    let named_with_a_note = at_first_dash(text).is_some_and(|(head, note)| {
        let letters = head.chars().filter(|c| c.is_alphabetic());
        let in_capitals = letters.clone().count() >= 2 && letters.clone().all(char::is_uppercase);
        note.starts_with(char::is_lowercase)
            && !note.ends_with('.')
            && (in_capitals || names_an_employer(head))
            && !head.contains(',')
    });
    let last_word = text.split_whitespace().last().unwrap_or_default().trim_end_matches('.');
    let words: Vec<&str> = text.split_whitespace().collect();
    // Long and in small letters outside its asides: a title's note in brackets makes no
    // sentence of it ("Aprendiz de mecánico (contrato para la formación – FP Dual)"), where
    // what is outside is a title's few words; a task that starts with a word a title has is
    // one still ("Support the Head Chef (menu costing, stock rotation, allergen records)").
    let bare = outside_brackets(&words);
    let article_second = bare.get(1).is_some_and(|w| ARTICLES_AFTER_A_VERB.contains(&w.to_lowercase().as_str()));
    let few = bare.iter().filter(|w| w.chars().any(char::is_alphabetic)).count() <= 8;
    let titled = bare.first().is_some_and(|w| names_a_job(w)) && few && !article_second;
    let outside = if titled { bare } else { words.clone() };
    let (lower, lettered) = small_words(&outside);
    // "de-escalation." ends a sentence as "reviews." does.
    let lower_word = last_word.chars().filter(|c| *c != '-').all(char::is_lowercase);
    // A degree's long name in small words is a name, no sentence ("Diploma di Tecnico dei
    // servizi di enogastronomia e ospitalità alberghiera").
    let degree_led = degree_led(text);
    text.ends_with(';')
        || (text.contains("; ") && words.len() >= 6)
        || (text.ends_with(',') && words.len() >= 6)
        || (text.ends_with('.') && last_word.chars().count() > 3 && lower_word)
        || text.contains(['%', '$', '€', '£'])
        || (outside.len() > 9
            && 3 * lower >= 2 * lettered
            && !named_with_a_note
            && !degree_led
            && !capitalised_name(&words))
}

/// The words outside brackets.
pub(super) fn outside_brackets<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let mut depth = 0usize;
    let mut out = Vec::with_capacity(words.len());
    for word in words {
        let opened = depth + word.matches('(').count();
        if depth == 0 && !word.starts_with('(') {
            out.push(*word);
        }
        depth = opened.saturating_sub(word.matches(')').count());
    }
    out
}

/// How many of `words` start in small letters, and how many have letters at all: figures and
/// dashes are neither ("CILEx Law School (distance learning) — 3 of 6 units passed" is a
/// school's line; "Fleet of 40 HGVs – 12 vans – 3 depots" a sentence's).
fn small_words(words: &[&str]) -> (usize, usize) {
    let lettered: Vec<&&str> = words.iter().filter(|w| w.chars().any(char::is_alphabetic)).collect();
    let small = lettered
        .iter()
        .filter(|w| w.trim_start_matches(['(', '"', '“', '«']).chars().next().is_some_and(char::is_lowercase))
        .count();
    (small, lettered.len())
}

/// A cell after the first of a dated line that is description ("Feb 2022 – Present  Financial
/// Controller  Month-end close in 5 days"): four words or more, mostly in lower case.
pub(super) fn is_prose(cell: &str) -> bool {
    let named = organisation(cell);
    let words: Vec<&str> = named.split_whitespace().collect();
    let (lower, lettered) = small_words(&words);
    // A title in a language that writes its later words small ("Técnica de asesoría
    // jurídica") starts with a title's word.
    let a_title = words.first().is_some_and(|w| names_a_job(w));
    is_sentence(cell) || (words.len() >= 4 && 2 * lower > lettered && !a_title && !capitalised_name(&words))
}

/// Whether a phrase is an organisation's name however many small words join it ("CFA de la
/// Chambre de Métiers et de l'Artisanat du Finistère"): every word but its joining words
/// capitalised (an elided article's word too, "l'Artisanat"), and an organisation's word or
/// initials in it (not a task set in capitals: "Gestión de la Red de Distribución de la Zona").
fn capitalised_name(words: &[&str]) -> bool {
    let initials =
        |w: &&str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase());
    let phrase = words.join(" ");
    let organisation = names_an_employer(&phrase) || names_a_school(&phrase) || words.iter().any(initials);
    organisation
        && words.first().is_some_and(|w| is_capitalised_word(w))
        && words.iter().filter(|w| !is_joining_word(w)).all(|w| is_capitalised_word(w))
}

/// Articles after a task's verb ("Support the Head Chef", "Gérer les stocks"); not "de", a
/// title's preposition too ("Aprendiz de mecánico").
#[rustfmt::skip]
const ARTICLES_AFTER_A_VERB: &[&str] = &[
    "the", "a", "an", "le", "la", "les", "el", "los", "las", "die", "der", "das", "den", "il", "lo", "o", "os", "het",
    "een",
];

/// A line that says what an employer is, under its name ("Two-Michelin-starred restaurant in
/// Notting Hill", "Chaîne de cavistes, plus de 500 boutiques en France"): four words or more,
/// some of them small words that join nothing, naming no job and no dates.
pub(super) fn describes_an_employer(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let small =
        words.iter().filter(|w| w.starts_with(char::is_lowercase) && !is_joining_word(w.trim_end_matches(','))).count();
    // German sets its nouns in capitals: a figure and a joining word say it instead
    // ("4-Sterne-Superior-Ferienhotel mit 112 Zimmern und Wellnessbereich").
    let counted = words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit() || ".,".contains(c)))
        && words.iter().any(|w| is_joining_word(w));
    words.len() >= 4
        && (small >= 1 || counted)
        && line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && (!names_a_job(line) || counts_its_staff(&words).is_some_and(|k| !names_a_job(&without_word(&words, k))))
        && dates::span(line).is_none()
        && dates::single(line).is_none()
}

/// Words for a firm's staff after their number ("ca. 650 Mitarbeiter", "1,200 employees").
const STAFF: &[&str] = &[
    "mitarbeiter",
    "mitarbeitende",
    "mitarbeitenden",
    "beschäftigte",
    "employees",
    "staff",
    "people",
    "salariés",
    "collaborateurs",
    "empleados",
    "trabajadores",
    "funcionários",
    "colaboradores",
    "dipendenti",
    "medewerkers",
    "werknemers",
    "pracowników",
    "osób",
];

/// Where a line counts a firm's staff ("Sondermaschinenbau, ca. 650 Mitarbeiter"): the word
/// for them after a figure, which is a job's word too. Only where no other word names a job
/// does the line describe the firm ("Head Chef – brigade of 14 staff" is a title).
fn counts_its_staff(words: &[&str]) -> Option<usize> {
    words
        .windows(2)
        .position(|pair| {
            pair[0].trim_start_matches(['(', '+', '~']).starts_with(|c: char| c.is_ascii_digit())
                && STAFF.contains(&pair[1].trim_end_matches([',', '.', ')', ';']).to_lowercase().as_str())
        })
        .map(|k| k + 1)
}

/// The words joined again without word `k`.
fn without_word(words: &[&str], k: usize) -> String {
    words.iter().enumerate().filter(|(i, _)| *i != k).map(|(_, w)| *w).collect::<Vec<_>>().join(" ")
}

/// An employer's line as a designed resume sets it over a line describing it: its name in
/// capitals or by its words, and no job ("THE LEDBURY • London", "NORTHWESTERN ENERGY,
/// Bozeman, MT").
pub(super) fn is_employers_line(line: &str) -> bool {
    let parts = separated(line);
    let name = parts.first().copied().unwrap_or_default();
    let name = name.split(", ").next().unwrap_or_default().trim();
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
    // "OBS De Regenboog | Utrecht", "Parkhotel Oberstdorf • Oberstdorf": a name and a town the
    // gazetteer knows after a bar or a bullet, as designed resumes set the employer over its
    // roles (not a tools line: "Microsoft Excel | Power BI"), maybe with its province ("Rosa
    // Alpina – San Cassiano (BZ)").
    let town = parts.get(1).map_or("", |t| t.trim());
    let in_region = town.ends_with(')') && is_town(town);
    let with_town = parts.len() == 2 && (is_known_town(town) || in_region) && starts_with_a_name(name);
    (capitals || with_town || names_an_organisation(line))
        && !names_a_job(line)
        && !is_prose(line)
        && !(names_an_organisation(line) && describes_an_employer(line))
}

/// Words of working hours after their number, lower case ("32 uur", "20 hrs/week", "38,5
/// Std./Woche", "24 heures par semaine").
const HOURS_WORDS: &[&str] =
    &["uur", "u", "hours", "hrs", "h", "std", "stunden", "wochenstunden", "heures", "horas", "ore", "godz", "godzin"];

/// A cell that says how many hours a week the job took, beside its dates ("Buurtzorg
/// Nederland • Utrecht • sep 2020 – heden • 32 uur"): neither title nor employer.
pub(super) fn is_working_hours(cell: &str) -> bool {
    let lower = cell.trim().to_lowercase();
    let Some(unit) = lower.strip_prefix(|c: char| c.is_ascii_digit()) else { return false };
    let unit = unit.trim_start_matches(|c: char| c.is_ascii_digit() || ",.-–".contains(c)).trim_start();
    let word = unit.split(|c: char| !c.is_alphabetic()).next().unwrap_or_default();
    HOURS_WORDS.contains(&word) && unit.split_whitespace().count() <= 4
}

/// A line of tasks in prose, its items apart by commas ("Medication reconciliation, drug
/// interaction checks, antibiotic stewardship audits"): one cell, two commas or a long one
/// with a comma, mostly small words. A phrase of small words without a comma may be a name
/// ("Chambre de métiers et de l’artisanat d’Ille-et-Vilaine"), a title may have a comma and
/// its town ("Orderpicker koel- en vriesvers, Waalwijk"), and a cell gap sets a town apart.
pub(super) fn is_task_list(line: &str) -> bool {
    let commas = line.matches(", ").count();
    let words = line.split_whitespace().count();
    !line.contains("  ") && (commas >= 2 || (commas == 1 && words >= 7)) && is_prose(line)
}

/// A table's header row ("Position  Facility  From  To", "Role | Employer | Dates"): three
/// or more short cells of words, apart by cell gaps or bars (a bullet or a dash joins the
/// phrases of one cell: "Present  Northbridge Building Society • Manchester (hybrid)").
pub(super) fn is_table_header(line: &str) -> bool {
    let cells: Vec<&str> =
        line.split('|').flat_map(|p| p.split("  ")).map(str::trim).filter(|c| !c.is_empty()).collect();
    cells.len() >= 3
        && !line.chars().any(|c| c.is_ascii_digit())
        && cells.iter().all(|c| c.split_whitespace().count() <= 3 && c.chars().next().is_some_and(char::is_uppercase))
}

/// The phrases of a line: what separators (" | ", " — ", " • ", " - ", a cell gap) set apart.
pub(super) fn cells(line: &str) -> impl Iterator<Item = &str> {
    split_at_separators(line, true)
        .into_iter()
        .flat_map(|p| p.split("  "))
        .map(|p| p.trim().trim_matches([',', ':', '*', '/']).trim())
        .filter(|p| p.chars().any(char::is_alphabetic))
}

/// `line` cut at its bars, bullets and dashes; a dash between two figures is a range inside a
/// phrase ("Onderwijsassistent groep 3–5"), and one inside brackets is the aside's ("(grades
/// A–C)", "(contrato para la formación - FP Dual)"), not a separator.
pub(super) fn separated(line: &str) -> Vec<&str> {
    split_at_separators(line, false)
}

/// `line` cut at its separators (see [`separated`]), and at a hyphen with a space on each
/// side where `hyphens` says so.
fn split_at_separators(line: &str, hyphens: bool) -> Vec<&str> {
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let inside = inside_brackets(line);
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, c) in line.char_indices() {
        let hyphen = hyphens && c == '-' && line[..i].ends_with(' ') && line[i + 1..].starts_with(' ');
        let dash = (matches!(c, '–' | '—') || hyphen) && !inside(i);
        let range = dash && digit(line[..i].chars().last()) && digit(line[i + c.len_utf8()..].chars().next());
        if (matches!(c, '|' | '•') || dash) && !range {
            pieces.push(&line[start..i]);
            start = i + c.len_utf8();
        }
    }
    pieces.push(&line[start..]);
    pieces
}

/// Whether the byte at an offset of `line` is inside brackets; where they do not close (a
/// typo, a line that wrapped inside its aside), nothing is.
fn inside_brackets(line: &str) -> impl Fn(usize) -> bool {
    let mut depth = 0usize;
    let mut inside = Vec::new();
    for (i, c) in line.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 {
            inside.push(i);
        }
    }
    let balanced = depth == 0;
    move |at| balanced && inside.binary_search(&at).is_ok()
}

/// Marks a layout sets before an entry's first line, not before its tasks.
const ENTRY_MARKS: &[&str] = &[">>", "»", "✚", "✦", "➤", "▶"];

/// The lines of a section made ready: words a PDF ran together split again, a timeline's
/// rules and dots taken off, a table's header row left out, a range broken over two lines ("2020 –"
/// over "actualidad", a table cell's wrap) joined.
pub(super) fn prepared(lines: &[&str]) -> Vec<String> {
    let cleaned: Vec<String> = lines
        .iter()
        .map(|l| {
            let l = without_marker(&without_notes(&unglue(l)));
            // An entry's icon or arrow before its title (">> Técnica de Selección", "✚  Pharmacien
            // adjoint"): a mark of the layout, where a task's bullet is a single sign.
            let l = ENTRY_MARKS
                .iter()
                .find_map(|m| l.strip_prefix(m))
                .map_or(l.clone(), |rest| rest.trim_start().to_owned());
            let l = l.replace("──", "–").replace('─', "");
            // A numbered entry: "1) Sr. Accounts Assistant", "2. Accounts Assistant".
            let l = numbered(&l).unwrap_or(&l).to_owned();
            // A timeline typed in plain text: "04/2020 - heute  o  Schichtleiter Montage" over
            // "|  Voss Antriebstechnik GmbH", a letter o for its dot and bars for its rule.
            let l = match (l.find("  o  "), dates::span(&l)) {
                (Some(at), Some(span)) if span.at.end <= at => format!("{}{}", &l[..at], &l[at + 3..]),
                _ => l,
            };
            l.trim_matches(['│', '┃', '|', ' ']).to_owned()
        })
        // A rule of a table typed in plain text ("+------+------+", "|======|") has neither
        // letters nor figures: it would pass for a heading line before the first dates.
        .filter(|l| l.chars().any(char::is_alphanumeric))
        .collect();
    // A header row of headings the table does not know comes before the first row; after it, a
    // row of short cells is a row ("Territory Sales Representative  Reece Plumbing  Logan").
    let first_dated = cleaned.iter().position(|l| dates::span(l).is_some() || dates::single(l).is_some());
    // Rows under a table's header are rows, whatever their dates (see [`joined_range`]).
    let tabled = cleaned.iter().any(|l| table::is_header(l));
    let cleaned: Vec<String> = cleaned
        .into_iter()
        .enumerate()
        .filter(|(k, l)| {
            let header = is_table_header(l) && first_dated.is_none_or(|first| *k < first);
            !header && !table::is_header(l) && !is_address_line(l)
        })
        .map(|(_, l)| l)
        .collect();
    // One line wrapped onto the next: a wrap carries no dates unless a school's name or a range was cut.
    let wraps = |line: &str, next: &str| {
        let wrapped = ends_on_joining_word(line)
            || wrapped_in_capitals(line, next)
            || wrapped_name(line, next)
            || town_wrapped(line, next)
            || degree_aside_below(line, next);
        (wrapped && dates::span(next).is_none()) || school_cut_at_line_end(line, next) || range_cut(line, next)
    };
    let mut out = Vec::with_capacity(cleaned.len());
    let mut i = 0;
    while i < cleaned.len() {
        if let (Some(middle), Some(below)) = (cleaned.get(i + 1), cleaned.get(i + 2))
            && let Some(row) = range_around(&cleaned[i], middle, below)
        {
            out.push(row);
            i += 3;
        } else if let Some(next) = cleaned.get(i + 1)
            && let Some((joined, rest)) = joined_range(&cleaned[i], next, tabled)
        {
            out.push(joined);
            out.extend(rest);
            i += 2;
        } else if let Some(next) = cleaned.get(i + 1)
            && wraps(&cleaned[i], next)
        {
            // A word broken at its hyphen goes on without a space ("Sainte-" over "Anne").
            let joint = if cleaned[i].ends_with('-') { "" } else { " " };
            out.push(format!("{}{joint}{next}", cleaned[i]));
            i += 2;
        } else if let Some(next) = cleaned.get(i + 1)
            && bracket_closed_below(&cleaned[i], next)
        {
            // Dates on the closing line are the whole line's.
            out.push(format!("{} {}", cleaned[i], next.trim_start()));
            i += 2;
        } else if let Some(next) = cleaned.get(i + 1)
            && let Some(title) = title_wrapped_beside_dates(&cleaned[i], next)
        {
            out.push(title);
            i += 2;
        } else if let Some(next) = cleaned.get(i + 1)
            && let Some(whole) = aside_closed_below(&cleaned[i], next).or_else(|| legal_form_below(&cleaned[i], next))
        {
            out.push(whole);
            i += 2;
        } else {
            out.push(cleaned[i].clone());
            i += 1;
        }
    }
    out
}

/// A range a table's cell wrapped around the row's middle line, where an office suite centres
/// the other cells ("Feb 2018 – Jun" / "Territory Sales Representative  Reece Plumbing" /
/// "2021"; "September 2014 –" / "Customer Services Adviser" / "December 2016"): the row with
/// its range whole, first.
fn range_around(line: &str, middle: &str, below: &str) -> Option<String> {
    let end = below.trim();
    let range = format!("{} {end}", line.trim());
    let span = dates::span(&range).filter(|s| s.at == (0..range.len()));
    // The part below is a year or a whole date ("2021", "December 2016"), or a word for now
    // ("janv. 2021 –" / "Gestionnaire de paie senior" / "aujourd’hui").
    let now = span.as_ref().is_some_and(|s| s.end.is_none()) && end.split_whitespace().count() <= 3;
    let whole = span.is_some();
    let year = dates::single(end).is_some_and(|(_, at)| at == (0..end.len())) || now;
    let row = !is_description(middle) && dates::span(middle).is_none() && dates::single(middle).is_none();
    (whole && year && row && dates::span(line).is_none()).then(|| format!("{range}  {}", middle.trim()))
}

/// A title cut at its dash beside its dates, its end on the next line ("Técnico de Recursos
/// Humanos –  jan. 2021 – atualmente" over "Recrutamento e Formação"): the title whole, then
/// the dates.
fn title_wrapped_beside_dates(line: &str, next: &str) -> Option<String> {
    let span = dates::span(line)?;
    // The dates in a cell of their own, apart from the cut: "– septembre 1998 à mars 2003"
    // after an employer is a separator, not a cut.
    let before = line[..span.at.start].strip_suffix("  ")?.trim_end();
    let cut = before.strip_suffix(['–', '—', '-'])?.trim_end();
    let words = next.split_whitespace().count();
    let end = !cut.is_empty()
        && line[span.at.end..].trim().is_empty()
        && dates::span(next).is_none()
        && (1..=5).contains(&words)
        && !is_description(next)
        && !is_address_line(next);
    end.then(|| format!("{cut} – {}  {}", next.trim(), &line[span.at.start..span.at.end]))
}

/// A cell's aside in brackets wrapped to the next line, which only closes it ("Business
/// Intelligence Analyst (part-time, 3 days a" over "week)"; in a table's row, "Line Cook
/// (part-time during  Lou Mitchell's, Chicago" over "school)"): the line with the aside whole
/// in its cell.
fn aside_closed_below(line: &str, next: &str) -> Option<String> {
    let unclosed = |t: &str| t.matches('(').count() > t.matches(')').count();
    let rest = next.trim();
    let (closing, after) = rest.split_once(')')?;
    let short = (1..=4).contains(&closing.split_whitespace().count()) && after.trim().is_empty();
    if !short || closing.contains('(') || dates::span(rest).is_some() {
        return None;
    }
    let cells: Vec<&str> = line.split("  ").collect();
    let at = cells.iter().position(|c| unclosed(c))?;
    let mut cells: Vec<String> = cells.into_iter().map(str::to_owned).collect();
    cells[at] = format!("{} {rest}", cells[at].trim_end());
    Some(cells.join("  "))
}

/// A table row's employer cell wrapped before its legal form, which is alone on the next line
/// ("Senior QA Engineer  Credit Agricole Bank  11.2022 – obecnie  Framework E2E…" over "Polska
/// S.A."): the row with the cell that names an organisation whole.
fn legal_form_below(line: &str, next: &str) -> Option<String> {
    let rest = next.trim();
    let short = (1..=3).contains(&rest.split_whitespace().count()) && !rest.contains("  ");
    if !short || !names_a_legal_form(rest) || dates::span(rest).is_some() || dates::span(line).is_none() {
        return None;
    }
    let mut cells: Vec<String> = line.split("  ").map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()).collect();
    let at = cells.iter().position(|c| names_an_employer(c) && !names_a_legal_form(c) && dates::span(c).is_none())?;
    (cells.len() >= 3).then(|| {
        cells[at] = format!("{} {rest}", cells[at]);
        cells.join("  ")
    })
}

/// A school's name a narrow column wrapped: after its kind, in small letters ("… – Lycée" over
/// "hôtelier Sainte-Anne"), inside a hyphenated name ("Lycée hôtelier Sainte-" over "Anne,
/// Saint-Nazaire"), after an ampersand ("Humber College – Faculty of Social &" over
/// "Community Services"), or before the small word that goes on with it ("Akademia
/// Górniczo-Hutnicza" over "w Krakowie", "Hessische Hochschule für öffentliches Management"
/// over "und Sicherheit").
fn wrapped_name(line: &str, next: &str) -> bool {
    let last = line.split_whitespace().last().unwrap_or_default();
    let hyphenated = last.len() > 2 && last.ends_with('-') && last.starts_with(char::is_uppercase);
    let one_cell = !line.contains("  ") && !next.contains("  ");
    let kind = names_a_school(last) && !line.contains("  ");
    let ampersand = line.ends_with(" &") && one_cell && !is_description(line);
    // The rest of a name is short and ends on a name's word ("w Krakowie"), not a sentence
    // ("im Rahmen der dualen Ausbildung").
    let words: Vec<&str> = next.split_whitespace().collect();
    let small_word = words.first().is_some_and(|w| GOES_ON_WITH.contains(w))
        && words.len() <= 4
        && words.last().is_some_and(|w| w.starts_with(char::is_uppercase));
    let school_goes_on = small_word && one_cell && names_a_school(line) && !is_description(line);
    // A school's kind or initials at the line's end, its patron's name in quotes below ("… –
    // I.P.S.S.E.O.A." over "\"Giovanni Piranesi\", Capaccio Paestum"); or a school named
    // after the line's last dash, when the name in quotes ends the line or comes before its
    // town ("… — Istituto Tecnico Commerciale" over "«Antonio Meucci», Carpi"; not a thesis's
    // title: "“Credit Risk Modelling”, dissertation").
    let last_phrase = at_last_dash(line).unwrap_or(line);
    let school_at_end = names_a_school(last) || (names_a_school(last_phrase) && patron_then_town(next));
    let patron_below = school_at_end && patron(next) && !next.contains("  ");
    // A Polish school's patron after "im." (named after) on the next line ("… w Zespole Szkół
    // Zawodowych nr 2" over "im. Jana Pawła II w Bielsku-Białej").
    let named_after = next.starts_with("im. ") && names_a_school(line) && !next.contains("  ");
    (hyphenated && next.starts_with(char::is_uppercase))
        || patron_below
        || named_after
        || (kind && next.starts_with(char::is_lowercase))
        || ampersand
        || school_goes_on
}

/// A degree's aside on the line under it ("Diploma di Tecnico dei servizi di enogastronomia"
/// over "(articolazione Sala e vendita) - voto 82/100"): one phrase with the degree's line, so
/// that the line after both, the school, is read as the entry's next phrase.
fn degree_aside_below(line: &str, next: &str) -> bool {
    let short = next.split_whitespace().count() <= 10;
    next.starts_with('(') && short && degree_led(line) && !line.contains("  ") && !names_a_school(next)
}

/// Whether a line starts with a degree's name in words: a degree's word (not one that starts
/// tasks too: "Program management of the roll-out …", "Level 2 support for …"), a small word
/// that goes on with it as its second or third ("Diploma di …", "Master of …", "Diploma
/// professionale di …"), and no full stop at its end.
pub(super) fn degree_led(line: &str) -> bool {
    const TASK_WORDS_TOO: &[&str] = &["program", "programme", "level", "levels", "associate", "award", "cap", "ms"];
    let words: Vec<&str> = line.split_whitespace().take(3).collect();
    let first =
        words.first().is_some_and(|w| names_a_degree(w) && !TASK_WORDS_TOO.contains(&w.to_lowercase().as_str()));
    let joined = words.iter().skip(1).any(|w| is_joining_word(w));
    first && joined && !line.trim_end().ends_with(['.', ';', ':'])
}

/// Whether a line starts with a name in quotes that closes within its first four words, each
/// capitalised ("\"Giovanni Piranesi\", Capaccio"; not "“Outstanding” – Ofsted 2019" after a
/// school, whose one word in quotes is no patron's name).
fn patron(line: &str) -> bool {
    let Some(rest) = line.strip_prefix(OPENING_QUOTES) else { return false };
    let Some(close) = rest.find(CLOSING_QUOTES) else { return false };
    let words: Vec<&str> = rest[..close].split_whitespace().collect();
    (2..=4).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// Whether a name in quotes ends `line` or comes before its town alone.
fn patron_then_town(line: &str) -> bool {
    let Some(rest) = line.strip_prefix(OPENING_QUOTES) else { return false };
    let Some(close) = rest.find(CLOSING_QUOTES) else { return false };
    let after = rest[close..].trim_start_matches(CLOSING_QUOTES).trim();
    after.is_empty() || after.strip_prefix(", ").is_some_and(is_town)
}

/// A range cut at the end of an entry's line and going on with the next: after its dash
/// ("Cardiff and Vale University Health Board  |  March 2019 –" over "present"), or inside its
/// start ("…, University Hospital Llandough  |  September" over "2016 – February 2019").
fn range_cut(line: &str, next: &str) -> bool {
    let tail = line.rsplit(['|', '•']).next().unwrap_or(line);
    let tail = tail.rsplit("  ").next().unwrap_or(tail).trim();
    let next = next.trim();
    let joined = format!("{tail} {next}");
    // The range read over both reaches into the next line's words.
    let Some(span) = dates::span(&joined).filter(|span| span.at.end > tail.len() + 1) else {
        return false;
    };
    let short = next.split_whitespace().count() <= 3 && !next.contains("  ");
    let after_dash = tail.ends_with(['–', '-', '—']) && dates::single(tail).is_some() && dates::span(tail).is_none();
    // Cut inside its start: the cell before the cut is the range's start and nothing else (no
    // name's last word that a month could be, "Universitat Jaume I," over "2001 – 2006"), the
    // next line the range's rest.
    let inside_start = span.at == (0..joined.len()) && dates::single(tail).is_none();
    (short && after_dash) || inside_start
}

/// A line of prose width cut inside the school's name at its end, its dates on the next
/// ("B.E. Computer Science, PSG College of" over "Technology, Coimbatore — 2011 – 2015";
/// "Class XII (State Board), Sri Vidya Mandir Higher Secondary" over "School, Salem — 2011";
/// "Level 3 Diploma in Pharmaceutical Science · Leicester" over "College").
fn school_cut_at_line_end(line: &str, next: &str) -> bool {
    let last = line.split_whitespace().last().unwrap_or_default();
    let named_last = line.rsplit(", ").next().unwrap_or(line);
    // After a small word the rest may start small too ("… pour le développement de la" over
    // "communication • 2017 – 2018").
    let small = GOES_ON_WITH.contains(&last) || is_joining_word(last);
    let after_small_word = small && names_a_school(named_last);
    // The kind's word with the town after its comma, or alone ("… · Leicester" over "College").
    let first = next.split_whitespace().next().unwrap_or_default();
    let alone = next.split_whitespace().count() == 1;
    let kind = first.strip_suffix(',').filter(|_| !alone).or(Some(first).filter(|_| alone));
    let kind_first = kind
        .is_some_and(|kind| ["School", "College", "University", "Institute", "Academy", "Polytechnic"].contains(&kind))
        && last.starts_with(char::is_uppercase);
    // A kind alone ends the last cell of a line of several ("2013  SQA Highers — Liberton High"
    // over "School").
    let one_cell = !line.contains("  ") && !next.contains("  ");
    (one_cell || (alone && kind_first))
        && (after_small_word || kind_first)
        && dates::span(line).is_none()
        && !is_description(line)
}

/// Small words a school's name goes on with after a break, and that start no line of their
/// own in an education section: its town's ("w Krakowie", "we Wrocławiu", "of London"), its
/// second part's ("und Sicherheit", "für Pflegeberufe").
const GOES_ON_WITH: &[&str] = &[
    "of", "und", "für", "w", "we", "im", "am", "zu", "de", "di", "du", "des", "del", "della", "da", "do", "van", "von",
];

/// A line of one cell whose bracket the next line closes ("Máster Universitario en
/// Profesorado (especialidad Procesos" over "Sanitarios) – Universidad de Sevilla,
/// 2013–2014"): one line wrapped.
fn bracket_closed_below(line: &str, next: &str) -> bool {
    let open = line.matches('(').count() > line.matches(')').count();
    let closes = next.find(')').is_some_and(|at| next.find('(').is_none_or(|o| at < o));
    // Not a list's item numbered by a bracket ("Obowiązki (m.in.:" over "a) obsługa klienta").
    let next = next.trim_start();
    let numbered = next.find(')').is_some_and(|at| at <= 2 && next[..at].chars().all(|c| c.is_alphanumeric()));
    open && closes && !numbered && !line.contains("  ") && !next.starts_with(['•', '-', '*', '–'])
}

/// A name whose town a narrow column wrapped after its comma ("Wojewódzki Szpital
/// Specjalistyczny im. Stefana Kardynała Wyszyńskiego," over "Lublin"): a town the gazetteer
/// knows, not a name shaped like one ("…poli Dermatologie," over "Flevoziekenhuis").
fn town_wrapped(line: &str, next: &str) -> bool {
    let next = next.trim();
    line.ends_with(',')
        && !line.starts_with(['•', '*', '-', '–'])
        && (is_known_town(next) || is_town_in_country(next) || is_town_and_state(next))
}

/// A long line in capitals and a single word in capitals under it: a name the line wrapped,
/// as the Europass editor sets entries ("… – INSTYTUT TRANSPORTU" over "SAMOCHODOWEGO").
fn wrapped_in_capitals(line: &str, next: &str) -> bool {
    let capitals = |t: &str| {
        let mut letters = t.chars().filter(|c| c.is_alphabetic()).peekable();
        letters.peek().is_some() && letters.all(char::is_uppercase)
    };
    let word = next.trim();
    line.split_whitespace().count() >= 3
        && capitals(line)
        && !word.contains(' ')
        && word.chars().count() >= 4
        && capitals(word)
        && !line.trim_end().ends_with(['.', ',', ';', ':'])
}

/// A line without the number it starts with as an entry of a list ("1) Sr. Accounts
/// Assistant", "2. Billing Executive"): not a year ("2019. …") or a figure of a sentence.
pub(super) fn numbered(line: &str) -> Option<&str> {
    let (number, rest) = line.split_once(' ')?;
    let digits = number.strip_suffix([')', '.'])?;
    (!digits.is_empty()
        && digits.len() <= 2
        && digits.chars().all(|c| c.is_ascii_digit())
        && rest.starts_with(char::is_uppercase))
    .then_some(rest.trim_start())
}

/// "2019 ──•── heden": a timeline's dot on its drawn line between two dates, as a dash.
pub(super) fn without_marker(line: &str) -> String {
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
pub(super) fn joined_range(line: &str, next: &str, tabled: bool) -> Option<(String, Option<String>)> {
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
    // Not a row dated by one year over a row with its own range ("2023  Diplomatura…" over
    // "1998 – 2003  Bachiller…"): two rows.
    let next_dated = next_row.first().is_some_and(|c| dates::span(c).is_some());
    if let Some(targets) = targets.filter(|_| row.len() > 2 && dates::span(line).is_none() && !next_dated) {
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
    // "Pharmacien adjoint  Octobre 2020 –" over "Pharmacie des Chartrons, Bordeaux
    // aujourd'hui": a range in the last cell goes on in the next line's last cell; the next
    // line keeps its other cells.
    if let (Some((head, last)), Some((next_head, next_last))) = (line.rsplit_once("  "), next.rsplit_once("  ")) {
        let range = format!("{} {}", last.trim(), next_last.trim());
        let open = dates::span(line).is_none() && dates::single(last).is_some();
        if open && dates::span(&range).is_some_and(|s| s.at == (0..range.len())) && !next_head.trim().is_empty() {
            return Some((format!("{}  {range}", head.trim_end()), Some(next_head.trim().to_owned())));
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
    // Two lines that each hold a whole entry beside its year ("2013  Título de Técnico - IES
    // Satafi" over "2019  Curso de Operador - Fundación Laboral") are two entries.
    // So are two rows under a table's header with as many cells beside their years ("2017
    // Centrum Szkoleniowe Senior-Care  Kurs…" over "2022  Polski Czerwony Krzyż  Kurs…"); a
    // timeline's gutter may hold two cells a line ("2016  Staff Nurse  Leeds" over "2019  St
    // James's University Hospital  Full-time").
    let entry = |t: &str| DASHES.iter().any(|dash| t.contains(dash));
    let cells = |t: &str| t.split("  ").filter(|c| !c.trim().is_empty()).count();
    let a_date = |c: &str| dates::single(c).is_some_and(|(_, at)| at == (0..c.len()));
    let dated_alike = a_date(cell.trim()) && a_date(next_cell.trim());
    let rows =
        tabled && dated_alike && cells(rest) >= 2 && next_rest.as_deref().is_some_and(|r| cells(r) == cells(rest));
    let two_entries = (entry(rest) && next_rest.as_deref().is_some_and(entry)) || rows;
    let stacked = format!("{} – {}", cell.trim(), next_cell.trim());
    let whole = dates::span(&stacked)
        .is_some_and(|s| s.at == (0..stacked.len()) && s.end.as_ref().is_none_or(|end| *end >= s.start));
    (whole && !two_entries && dates::span(line).is_none() && dates::span(next).is_none())
        .then(|| (format!("{stacked}  {}", rest.trim()), next_rest))
}

/// Words a PDF ran together where table cells met ("MathematicsAalto"), split again: a long
/// run of lowercase letters followed by a capital does not happen inside a word. A brand's
/// capital comes after a shorter run ("ArcelorMittal", "FrieslandCampina", "BelastingTelefoon"),
/// so a shorter run is split only after a job's word ("Software EngineerGoogle").
pub(super) fn unglue(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 4);
    let (mut lower_run, mut digit_run) = (0, 0);
    for (at, c) in line.char_indices() {
        // Not a German title's gender ending ("LehrerIn", "PflegerInnen").
        let gender = || {
            let rest: String = line[at..].chars().take_while(|c| c.is_alphabetic()).collect();
            rest == "In" || rest == "Innen"
        };
        let job_word = || !gender() && names_a_job(out.rsplit(' ').next().unwrap_or_default());
        // "…November 2022Group Product Manager": a year glued to the cell after it, too.
        if c.is_uppercase() && (lower_run >= 9 || digit_run == 4 || (lower_run >= 5 && job_word())) {
            out.push(' ');
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
        digit_run = if c.is_ascii_digit() { digit_run + 1 } else { 0 };
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_firms_headcount_describes_it_a_titles_team_does_not() {
        assert!(describes_an_employer("Sondermaschinenbau für die Lebensmittelindustrie, ca. 650 Mitarbeiter"));
        assert!(!describes_an_employer("Head Chef – brigade of 14 staff"));
    }

    #[test]
    fn a_marked_title_and_who_heads_an_entry_and_a_marked_task_does_not() {
        assert!(!is_description("* Dependienta | Mango (Calle Tetuán)"));
        assert!(!is_description("•  Charge Nurse, Acute Medical Unit"));
        assert!(is_description("- Atención al cliente en probadores y caja"));
        assert!(is_description("* Python | Django and Flask"), "no job named before the bar");
    }

    #[test]
    fn words_run_together_are_split_and_brands_are_not() {
        assert_eq!(unglue("MSc MathematicsAalto University"), "MSc Mathematics Aalto University");
        assert_eq!(unglue("November 2022Group Product Manager"), "November 2022 Group Product Manager");
        assert_eq!(unglue("ArcelorMittal Poland S.A."), "ArcelorMittal Poland S.A.");
        assert_eq!(unglue("ElektroMax S.A."), "ElektroMax S.A.");
        assert_eq!(unglue("FrieslandCampina"), "FrieslandCampina");
        assert_eq!(unglue("Software EngineerGoogle"), "Software Engineer Google");
        assert_eq!(unglue("Project ManagerAcme Ltd"), "Project Manager Acme Ltd");
        assert_eq!(unglue("LehrerIn für Mathematik"), "LehrerIn für Mathematik");
    }

    #[test]
    fn an_employer_with_a_note_in_small_letters_is_no_sentence() {
        assert!(!is_sentence(
            "TEMPORIS ETT - puesto a disposición en una plataforma de comercio electrónico de Illescas"
        ));
        assert!(is_sentence(
            "Recepción - etiquetado y devoluciones de pedidos en la plataforma logística de la empresa"
        ));
        // Its full stop, its figures and signs still make it one.
        assert!(is_sentence("ERP - implemented SAP FI/CO for 12 subsidiaries, cutting month-end close by 30%."));
    }

    #[test]
    fn a_line_goes_on_below_only_where_it_was_wrapped() {
        assert!(wrapped_name("Akademia Górniczo-Hutnicza", "w Krakowie"));
        assert!(wrapped_name("Humber College – Faculty of Social &", "Community Services"));
        assert!(!wrapped_name("Berufsschule Hamburg", "im Rahmen der dualen Ausbildung"));
        assert!(!wrapped_name("Humber College  2016 – 2018 &", "Community Services"));
        assert!(wrapped_name("2008 – 2013  Diploma di Tecnico – I.P.S.S.E.O.A.", "\"Giovanni Piranesi\", Capaccio"));
        assert!(!wrapped_name("MSc Finance — University of Leeds", "“Credit Risk Modelling”, dissertation"));
        // Two rows of a table dated by a year each; a timeline's gutter, the start over the end.
        let (above, below) = ("2016  Staff Nurse  Leeds", "2019  St James's University Hospital  Full-time");
        assert!(joined_range(above, below, false).is_some() && joined_range(above, below, true).is_none());
        let school = "2017 – 2020  Branżowa Szkoła I stopnia nr 2 w Zespole Szkół Zawodowych nr 2";
        assert!(wrapped_name(school, "im. Jana Pawła II w Bielsku-Białej"));
        assert!(wrapped_name(
            "1989 – 1994  Diploma di Ragioniere — Istituto Tecnico Commerciale",
            "«Antonio Meucci», Carpi"
        ));
        assert!(degree_aside_below("Diploma di Tecnico dei servizi", "(articolazione Sala e vendita) - voto 82/100"));
        assert!(!degree_aside_below("Staff Nurse", "(agency)"));
        assert!(!degree_aside_below("Head of Level 2 Support", "(remote, contract)"));
        // A task led by a degree's word stays a sentence; a degree's long name is none.
        assert!(is_sentence("Program management of the roll-out of new tills across all stores in the region"));
        assert!(!is_sentence("Diploma di Tecnico dei servizi di enogastronomia e ospitalità alberghiera"));
        assert!(!is_prose("CFA de la Chambre de Métiers et de l'Artisanat du Finistère"));
        assert!(!is_sentence("CFA de la Chambre de Métiers et de l'Artisanat de la Gironde"));
        assert!(!is_sentence("Aprendiz de mecánico (contrato para la formación – FP Dual)"));
        assert!(is_prose("Gestión de la Red de Distribución de la Zona de Levante"));
        assert!(is_sentence("Support the Head Chef (menu costing, stock rotation, allergen records and deep cleans)"));
        // A patron's name in quotes goes on a school's line; a quoted word of praise does not.
        assert!(!wrapped_name("Teacher – St Mary's School", "“Outstanding” – Ofsted 2019"));
        assert!(!ends_on_joining_word("Automunita: no"));
        let (degree, rest) = ("B.E. Computer Science, PSG College of", "Technology, Coimbatore — 2011 – 2015");
        assert!(school_cut_at_line_end(degree, rest));
        assert!(school_cut_at_line_end("Class XII, Sri Vidya Mandir Higher Secondary", "School, Salem — 2011"));
        assert!(school_cut_at_line_end("Level 3 Diploma in Pharmaceutical Science · Leicester", "College"));
        assert!(!school_cut_at_line_end("Level 3 Diploma · Leicester", "College of Nursing"));
        // A school's own name on the next line is no cut ("Mittlerer Schulabschluss" over it).
        assert!(!school_cut_at_line_end("Mittlerer Schulabschluss", "Hans-Böckler-Schule, Fürth"));
        assert!(!school_cut_at_line_end("Bachelor of Commerce", "University of Mumbai, 2015"));
        let board = "Cardiff and Vale University Health Board, University Hospital of Wales  |  March 2019 –";
        assert!(range_cut(board, "present"));
        assert!(range_cut("Hywel Dda University Health Board  |  October 2013 –", "August 2016"));
        assert!(!range_cut("Staff Nurse – Recovery (PACU)", "2016 – 2019"));
        let hospital = "Cardiff and Vale University Health Board, University Hospital Llandough  |  September";
        assert!(range_cut(hospital, "2016 – February 2019"));
        assert!(!range_cut(hospital, "2016 – February 2019, then bank shifts"));
        assert!(!range_cut("Staff Nurse  |  Cardiff", "2016 – 2019"));
        assert!(!range_cut("Licenciatura – Universitat Jaume I,", "2001 – 2006"));
        assert!(!range_cut("- spawanie kadłubów i konstrukcji okrętowych MAG", "2005 – 2011"));
        assert!(!range_cut("Staff Nurse  |  2016 – 2019", "Hywel Dda University Health Board"));
        let academy = "SAWI – Académie suisse pour le développement de la";
        assert!(school_cut_at_line_end(academy, "communication • 2017 – 2018"));
        assert!(bracket_closed_below("Máster (especialidad Procesos", "Sanitarios) – Universidad de Sevilla"));
        assert!(!bracket_closed_below("Obowiązki (m.in.:", "a) obsługa klienta"));
        assert!(!bracket_closed_below("Kellnerin (Saison", "• Service)"));
    }
}
