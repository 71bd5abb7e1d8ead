//! A resume's sections, by their headings ("Work Experience", "EDUCATION", "Skills:").

use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Before the first heading: name and contact details.
    Top,
    Summary,
    Experience,
    Education,
    Skills,
    Languages,
    /// Certifications and licences.
    Certifications,
    /// Projects, interests, references...: not parsed into fields.
    Other,
}

/// The table of headings (see the file's own comment).
const TABLE: &str = include_str!("../../../../assets/resume/headings.tsv");

/// A heading line has at most this many words when it is known by one of them.
const MOST_WORDS: usize = 4;

struct Headings {
    phrases: HashMap<String, Section>,
    words: HashMap<String, Section>,
    /// The longest phrase, in bytes.
    longest: usize,
}

fn headings() -> &'static Headings {
    static HEADINGS: OnceLock<Headings> = OnceLock::new();
    HEADINGS.get_or_init(|| {
        let mut table = Headings { phrases: HashMap::new(), words: HashMap::new(), longest: 0 };
        for line in super::data::lines(TABLE) {
            let mut fields = line.split('\t');
            let (Some(section), Some(how), Some(text)) = (fields.next(), fields.next(), fields.next()) else {
                panic!("headings.tsv: {line:?} is not section, how and text");
            };
            let section = match section {
                "top" => Section::Top,
                "summary" => Section::Summary,
                "experience" => Section::Experience,
                "education" => Section::Education,
                "skills" => Section::Skills,
                "languages" => Section::Languages,
                "certifications" => Section::Certifications,
                "other" => Section::Other,
                _ => panic!("headings.tsv: no section {section:?}"),
            };
            table.longest = table.longest.max(text.len());
            let into = if how == "word" { &mut table.words } else { &mut table.phrases };
            into.insert(text.to_owned(), section);
        }
        table
    })
}

/// The section a line heads, if it is a heading: a known heading as the whole line, or a
/// short line set as a heading (in capitals, or ending in a colon) that starts or ends with a
/// word known to head a section ("CLINICAL SKILLS", "Compétences techniques :").
pub fn heading(line: &str) -> Option<Section> {
    // "PROFESSIONAL EXPERIENCE (6+ years)", "Work Experience (selected)": a known heading with
    // an aside in brackets after it.
    if let Some((head, _)) = line.trim_end().strip_suffix(')').and_then(|l| l.rsplit_once(" ("))
        && !head.contains('(')
        && let Some(section) = known_heading(head)
    {
        return Some(section);
    }
    let line = &without_plural_marks(line);
    let words = key_words(line);
    let key = words.join(" ");
    let table = headings();
    if key.is_empty() || key.len() > table.longest {
        return None;
    }
    if let Some(section) = known_heading(line).or_else(|| known_heading_and_more(line, &words)) {
        return Some(section);
    }
    // A longer line that is no heading of the table is text, not a heading set apart.
    if key.chars().count() > 40 {
        return None;
    }
    let letters = line.chars().filter(|c| c.is_alphabetic());
    let shouted = letters.clone().next().is_some() && letters.clone().all(|c| !c.is_lowercase());
    // "Teaching Experience", "Clinical Experience": two or three capitalised words on a line of
    // their own that end on a work history's word head one, however they are set.
    // Not a title with its field after a comma ("Solicitor, Employment").
    let capitalised = line.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
        && line.trim().chars().all(|c| c.is_alphabetic() || c == ' ');
    if (2..=3).contains(&words.len())
        && capitalised
        && words.last().and_then(|w| table.words.get(w)) == Some(&Section::Experience)
    {
        return Some(Section::Experience);
    }
    let set_apart = shouted || line.trim_end().ends_with(':');
    if !set_apart || words.len() > MOST_WORDS || line.chars().any(|c| c.is_ascii_digit() || c == '@') {
        return None;
    }
    [words.first(), words.last()].into_iter().flatten().find_map(|w| table.words.get(w).copied())
}

/// The section of a line that is a heading of the table as a whole. A line longer than every
/// heading of the table is text, and is not spelled out again (its "and"s would make as many
/// keys as it has).
fn known_heading(line: &str) -> Option<Section> {
    let table = headings();
    let key = key_words(line).join(" ");
    if key.len() > table.longest {
        return None;
    }
    spellings(&key).iter().find_map(|k| table.phrases.get(k)).copied()
}

/// "Formação académica e profissional", "Berufserfahrung und Praktika": a known heading
/// followed by its "and" and a word or two more, on a short line that starts with a capital.
fn known_heading_and_more(line: &str, words: &[String]) -> Option<Section> {
    let at = words.iter().position(|w| AND.contains(&w.as_str()) || w == "&")?;
    let plain = !line.contains(|c: char| c.is_ascii_digit() || matches!(c, '@' | '.' | ',' | ';'));
    let short = at > 0 && (1..=2).contains(&(words.len() - at - 1));
    // Not a title that starts like a heading ("Education and Training Officer").
    let job = super::words::names_a_job(&words[at + 1..].join(" "));
    if !plain || !short || job || !line.trim_start().starts_with(char::is_uppercase) {
        return None;
    }
    // Only a history's or courses' ("Courses and CPD"), or two headings of what is not read
    // joined ("Projetos e voluntariado"): a skills list's subheading ("Languages & Frameworks") or a skill
    // ("Training and Development") heads nothing.
    let head = words[..at].join(" ");
    let kind = |s: &Section| matches!(s, Section::Experience | Section::Education | Section::Certifications);
    let both_other = known_heading(&words[at + 1..].join(" ")) == Some(Section::Other);
    known_heading(&head).filter(|s| (kind(s) || (both_other && *s == Section::Other)) && head != "training")
}

/// A line's words as the heading table has them: lower case, the marks around them gone.
fn key_words(line: &str) -> Vec<String> {
    line.trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
        .split_whitespace()
        .map(str::to_lowercase)
        .collect()
}

/// Words a heading joins its parts with, in the languages here, that an ampersand stands for.
const AND: &[&str] = &["and", "und", "et", "y", "e", "en", "i"];

/// A heading's key, and the same with "&" for its "and" or the other way round ("education
/// and qualifications" is "education & qualifications").
fn spellings(key: &str) -> Vec<String> {
    let mut keys = vec![key.to_owned()];
    let words: Vec<&str> = key.split(' ').collect();
    for (i, word) in words.iter().enumerate() {
        let others: Vec<&str> = if *word == "&" {
            AND.to_vec()
        } else if AND.contains(word) {
            vec!["&"]
        } else {
            continue;
        };
        for other in others {
            let mut spelled = words.clone();
            spelled[i] = other;
            keys.push(spelled.join(" "));
        }
    }
    keys
}

/// "Führerschein(e)", "Language(s)" as "Führerschein", "Language": a form's plural mark, a
/// letter or two in parentheses right after a word, is no part of the heading.
fn without_plural_marks(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find('(') {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let mark = from[1..].split_once(')').filter(|(inner, _)| {
            (1..=2).contains(&inner.chars().count())
                && inner.chars().all(char::is_alphabetic)
                && before.ends_with(char::is_alphabetic)
        });
        match mark {
            Some((_, after)) => rest = after,
            None => {
                out.push('(');
                rest = &from[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A line set apart by its type (larger than the text around it, or in a word processor's
/// heading style) as the parser reads a heading: in capitals, where so it heads a section and
/// as written it does not ("Experiencia docente", "Formación complementaria"). Sentence case is
/// how most languages but English set a heading, and only the type tells it from a line of
/// text. An employer is never one ("Skills Development Scotland"); a job title may be set large
/// too ("Education Assistant"), so unless the line is set as the page's other headings are
/// (`as_headings`), one that names a job is none.
pub fn heading_by_type(line: &str, as_headings: bool) -> Option<String> {
    let shouted = line.to_uppercase();
    let heads = heading(line).is_none() && heading(&shouted).is_some();
    let job = !as_headings && super::words::names_a_job(line);
    // By an employer's words: an ampersand joins two headings too ("Kenntnisse & Fähigkeiten").
    let employer = super::words::names_an_employer(&line.replace(" & ", " "));
    (heads && !job && !employer).then_some(shouted)
}

/// A line that starts with a heading of the name-and-contact section, without it: a Europass
/// form sets its labels in a column beside their values, so "PERSONAL INFORMATION Dmitri
/// Volkov" reads as one line.
pub fn without_top_heading(line: &str) -> &str {
    let lower = line.to_lowercase();
    let longest = headings()
        .phrases
        .iter()
        .filter(|(phrase, section)| **section == Section::Top && lower.starts_with(&format!("{phrase} ")))
        .map(|(phrase, _)| phrase.chars().count())
        .max();
    match longest.and_then(|chars| line.char_indices().nth(chars)) {
        Some((at, _)) => line[at..].trim(),
        None => line,
    }
}

/// A heading set in the left margin beside its section's first line ("EXPERIENCE  Head Chef —
/// Harbour Hotel  2019 – Present"), or a Europass label run in with its list where the gap
/// between them was lost ("Umiejętności zawodowe Obsługa wózków widłowych, Inwentaryzacja"):
/// the heading and the rest, apart.
pub fn heading_apart(line: &str) -> Option<(&str, &str)> {
    if let Some((first, rest)) = line.split_once("  ") {
        return (heading(first).is_some() && !rest.trim().is_empty()).then(|| (first, rest.trim()));
    }
    run_in_label(line).or_else(|| run_in_licence(line))
}

/// A known heading of two words or more at the start of a line that goes on with a list (a
/// capital, then list separators): "Prawo jazdy B, C". One word would be too loose ("Skills
/// Python, Go" is rare; "Education Coordinator, …" is a title), and a sentence is no list.
fn run_in_label(line: &str) -> Option<(&str, &str)> {
    let lower = line.to_lowercase();
    let longest = headings()
        .phrases
        .keys()
        .filter(|phrase| phrase.contains(' ') && lower.starts_with(&format!("{phrase} ")))
        .map(|phrase| phrase.chars().count())
        .max()?;
    let (at, _) = line.char_indices().nth(longest)?;
    let rest = line[at..].trim();
    let list = rest.chars().next().is_some_and(char::is_uppercase) && rest.contains([',', ';', '•']);
    list.then(|| (line[..at].trim(), rest))
}

/// A driving licence's label run in with its classes ("Patente B", "Führerschein B, C1E"): a
/// one-word heading is safe here, since classes are no words.
fn run_in_licence(line: &str) -> Option<(&str, &str)> {
    let class = |t: &str| t.len() <= 3 && t.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '+');
    // The label may be of several words ("Patente di guida B"): each space is tried.
    line.match_indices(' ').find_map(|(at, _)| {
        let (label, classes) = (&line[..at], &line[at..]);
        let tokens: Vec<&str> = classes.split([',', ';', ' ', '/']).filter(|t| !t.is_empty()).collect();
        let all_classes = !tokens.is_empty() && tokens.iter().all(|t| class(t));
        (all_classes && heading(label) == Some(Section::Other)).then(|| (label, classes.trim()))
    })
}

/// Headings a narrow column wrapped over two lines ("SCHUL- UND" over "BERUFSBILDUNG", a
/// name's line between "ANGABEN ZUR" and "PERSON"; "Berufsbezogene  Finanzbuchhaltung, …" over
/// "Kompetenzen  Rechnungswesen"): for each, the line it starts on, the line it ends on (one
/// or two further) and the line to read in their place, the heading whole with the values
/// beside its two parts joined. Only where the two first cells make a phrase of the heading
/// table that the first is not alone.
pub fn wrapped_headings(lines: &[&str]) -> Vec<(usize, usize, String)> {
    let first_cell = |l: &str| {
        let (cell, rest) = l.split_once("  ").unwrap_or((l, ""));
        (cell.trim().to_owned(), rest.trim().to_owned())
    };
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for i in 0..lines.len() {
        if out.iter().any(|(a, b, _)| *a == i || *b == i) {
            continue;
        }
        let (head, rest) = first_cell(lines[i]);
        // A form's label may wrap after four words ("Competencias relacionadas con el" over
        // "empleo"); the joined phrase must still be in the table.
        let short = |t: &str| (1..=4).contains(&t.split_whitespace().count());
        if !short(&head) || head.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        for j in (i + 1..lines.len()).take(2) {
            let (tail, more) = first_cell(lines[j]);
            let joined = format!("{head} {tail}");
            // A phrase of the table only: by a word alone, a title over a heading would do
            // ("ADVANCED PARAMEDIC" over "EXPERIENCE"). A heading that is one alone too
            // ("COMPETENCIAS" over "PERSONALES") is read whole.
            if short(&tail) && headings().phrases.contains_key(&joined.to_lowercase()) {
                let glue = if rest.ends_with('-') || more.is_empty() { "" } else { " " };
                let values = format!("{rest}{glue}{more}");
                let line = if values.trim().is_empty() { joined } else { format!("{joined}  {}", values.trim()) };
                out.push((i, j, line));
                break;
            }
        }
    }
    out
}

/// Puts a form's label back before its value where an office suite centred the label in its
/// cell beside a value of three lines, so that the value's first line came out above it
/// ("Contabilità generale, …, Riconciliazioni" / "Capacità e competenze tecniche" /
/// "bancarie, Controllo di gestione"). Only for a heading of three words or more (a form's
/// label, not "SKILLS"), after a list line that a wrap cut inside an item and before a line
/// that goes on in lower case, or after one that ends on the list's separator ("…, Hydraulik,
/// Pneumatik," / "Technische Fähigkeiten und Kompetenzen" / "SAP PM").
pub fn centred_labels_first(lines: &mut [&str]) {
    for i in 1..lines.len().saturating_sub(1) {
        let (before, label, after) = (lines[i - 1], lines[i], lines[i + 1]);
        let long = label.split_whitespace().count() >= 3;
        let list = before.contains([',', ';']);
        let cut_inside = list && !before.trim_end().ends_with([',', ';', '.', ':']);
        let cut_after = list && before.trim_end().ends_with([',', ';']) && heading(after).is_none();
        let goes_on = (cut_inside && after.starts_with(char::is_lowercase)) || cut_after;
        if long && goes_on && heading(label).is_some() && heading(before).is_none() {
            lines.swap(i - 1, i);
        }
    }
}

/// A languages heading run in with its list on one line ("LANGUES : Français, Arabe",
/// "LANGUAGES English (fluent), Tamil (native)"): the list.
pub fn inline_languages(line: &str) -> Option<&str> {
    let (head, rest) = line.split_once(':').or_else(|| line.split_once(' '))?;
    (heading(head) == Some(Section::Languages) && !rest.trim().is_empty()).then(|| rest.trim())
}

/// A skills heading run in with its list after a colon ("Skills: Patrol operations, Crisis
/// intervention"): the list. A list of items, not a sentence.
pub fn inline_skills(line: &str) -> Option<&str> {
    let (head, rest) = line.split_once(": ")?;
    let listed = rest.contains([',', ';', '•', '|']);
    (heading(head) == Some(Section::Skills) && listed).then(|| rest.trim())
}

/// Each line with the section it is in; headings themselves are left out.
pub fn split(lines: &[&str]) -> Vec<(Section, usize)> {
    let mut section = Section::Top;
    let mut out = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        // "Name and type of organisation providing  Leicester College" over "education and
        // training": the end of a form's label, not the heading it reads as.
        let label_end = super::labelled::ends_a_label(&lines[i.saturating_sub(2)..i], line);
        // "•  Coordino 4 receptionist e 2 portieri notturni, turni e" over "formazione", a
        // sidebar's "Google Workspace for" over "Education": the end of a wrapped line, not a
        // heading. A heading in capitals stands on its own.
        let capitals = line.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        let wrapped = i > 0 && super::words::ends_on_joining_word(lines[i - 1]) && !capitals;
        match heading(line).filter(|_| !label_end && !wrapped) {
            Some(s) => section = s,
            None => out.push((section, i)),
        }
    }
    out
}

/// Entries of a work history or an education that text copied out of a two-column page set
/// under the side column's headings: each block of the main column follows the side column's
/// block beside it, so a job lands in "SPRACHEN" or "WEITERBILDUNG" ("Servicekraft (Saison)" /
/// "Strandhotel Ahlbeck, Usedom" / "05/2016 – 10/2016" under "Jungsommelière (IHK), 2019").
/// A block there (lines from one after a blank line, `starts_block`, to the next) with a date
/// range, a job's or a school's line and no qualification goes back to the history section
/// read last. Languages and skills have no ranges; a certificate's validity ("CACES R489 –
/// 2019 – 2024") names its qualification.
pub fn interleaved_entries_back(lines: &[&str], split: &mut [(Section, usize)], starts_block: impl Fn(usize) -> bool) {
    // Not "Other": volunteering and projects are entries of their own with ranges.
    let side = |s: Section| matches!(s, Section::Languages | Section::Skills | Section::Certifications);
    let mut history = None;
    let mut k = 0;
    while k < split.len() {
        let (section, i) = split[k];
        if matches!(section, Section::Experience | Section::Education) {
            history = Some(section);
        }
        let (Some(to), true) = (history, side(section)) else {
            k += 1;
            continue;
        };
        // The block: from a line after a blank one, at most three lines above the dates, to the
        // next such line, in this section and on consecutive lines.
        let within =
            |a: usize, b: usize| split[a].0 == section && split[b].0 == section && split[b].1 == split[a].1 + 1;
        // A range as an entry dates itself, not inside a sentence ("Member of the Royal Town
        // Planning Institute since 2014.").
        let ranged = super::dates::span(lines[i]).is_some_and(|span| {
            let rest = format!("{} {}", &lines[i][..span.at.start], &lines[i][span.at.end..]);
            rest.split_whitespace().count() <= 6 && !lines[i].trim_end().ends_with('.')
        });
        let from =
            (k.saturating_sub(3)..=k).rev().find(|&f| (f..k).all(|x| within(x, x + 1)) && starts_block(split[f].1));
        let (Some(from), true) = (from, ranged) else {
            k += 1;
            continue;
        };
        let mut end = k + 1;
        while end < split.len() && within(end - 1, end) && !starts_block(split[end].1) {
            end += 1;
        }
        let block = || split[from..end].iter().map(|(_, j)| lines[*j]);
        let names = block().any(|l| super::words::names_a_job(l) || super::words::names_a_school(l));
        let qualification = block().any(|l| super::words::names_a_degree(l) && !super::words::names_a_job(l));
        if from < k && names && !qualification {
            for entry in &mut split[from..end] {
                entry.0 = to;
            }
        }
        k = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_their_usual_dress() {
        assert_eq!(heading("WORK EXPERIENCE"), Some(Section::Experience));
        assert_eq!(heading("Education:"), Some(Section::Education));
        assert_eq!(heading("— Skills & Tools —"), Some(Section::Skills));
        // A LinkedIn PDF's sidebar, in English and German.
        assert_eq!(heading("Top Skills"), Some(Section::Skills));
        assert_eq!(heading("Top-Kenntnisse"), Some(Section::Skills));
        for computer in ["EDV-Kenntnisse", "COMPUTER PROFICIENCY", "FACHKOMPETENZEN", "Fachkompetenzen"] {
            assert_eq!(heading(computer), Some(Section::Skills), "{computer}");
        }
        assert_eq!(heading("Berufserfahrung"), Some(Section::Experience));
        assert_eq!(heading("Experienced nurse with ten years"), None);
        assert_eq!(heading("Organisatorische Fähigkeiten und Kompetenzen"), Some(Section::Skills));
        assert_eq!(heading("Education and Qualifications"), Some(Section::Education));
        // An aside in brackets after a known heading.
        assert_eq!(heading("PROFESSIONAL EXPERIENCE (6+ years)"), Some(Section::Experience));
        assert_eq!(heading("Work Experience (selected)"), Some(Section::Experience));
        assert_eq!(heading("Stocker (part-time)"), None);
        // A work history's word after a qualifier, in capitalised words.
        assert_eq!(heading("Teaching Experience"), Some(Section::Experience));
        assert_eq!(heading("Teaching experience with ten years"), None);
        assert_eq!(heading("Solicitor, Employment"), None);
        // A long line is no heading, and is read at once however many "and"s it has.
        let long = "Sales y Marketing ".repeat(3000);
        assert_eq!(heading(&long), None);
    }

    #[test]
    fn headings_in_eight_languages_and_with_a_qualifier() {
        assert_eq!(heading("COMPÉTENCES"), Some(Section::Skills));
        assert_eq!(heading("Umiejętności zawodowe"), Some(Section::Skills));
        assert_eq!(heading("CLINICAL SKILLS"), Some(Section::Skills));
        assert_eq!(heading("NURSING EXPERIENCE"), Some(Section::Experience));
        assert_eq!(heading("EDUCATIONAL QUALIFICATION:"), Some(Section::Education));
        assert_eq!(heading("EDUCATIONAL QUALIFICATIONS WITH DATES"), Some(Section::Education));
        assert_eq!(heading("EDUCATIONAL PSYCHOLOGIST"), None);
        assert_eq!(heading("Academic Qualifications"), Some(Section::Education));
        assert_eq!(heading("AUS- UND FORTBILDUNG"), Some(Section::Education));
        assert_eq!(heading("FORMATIONS COMPLÉMENTAIRES"), Some(Section::Certifications));
        assert_eq!(heading("Fortbildungen"), Some(Section::Certifications));
        assert_eq!(heading("Experiência profissional"), Some(Section::Experience));
        assert_eq!(heading("LICENSURE & CERTIFICATIONS"), Some(Section::Certifications));
        assert_eq!(heading("Prawo jazdy"), Some(Section::Other));
        assert_eq!(heading("Führerschein(e)"), Some(Section::Other));
        assert_eq!(heading_apart("Patente B"), Some(("Patente", "B")));
        assert_eq!(heading_apart("Patente di guida B"), Some(("Patente di guida", "B")));
        assert_eq!(
            heading_apart("Führerschein(e)  B, C, CE; Fahrerkarte"),
            Some(("Führerschein(e)", "B, C, CE; Fahrerkarte"))
        );
        let form = [
            "Education and training",
            "Name and type of organisation providing  Leicester College",
            "education and training",
        ];
        assert_eq!(split(&form), [(Section::Education, 1), (Section::Education, 2)]);
        let wrapped = ["Esperienze professionali", "•  Coordino 4 receptionist, turni e", "formazione", "Receptionist"];
        assert_eq!(split(&wrapped), [(Section::Experience, 1), (Section::Experience, 2), (Section::Experience, 3)]);
        let wrapped = ["COMPETENCIAS", "Google Workspace for", "Education", "Pizarra digital", "FORMACIÓN"];
        assert_eq!(split(&wrapped), [(Section::Skills, 1), (Section::Skills, 2), (Section::Skills, 3)]);
        assert_eq!(heading("Lingue"), Some(Section::Languages));
        // A known heading with "and" one or two words more.
        assert_eq!(heading("Formação académica e profissional"), Some(Section::Education));
        assert_eq!(heading("Berufserfahrung und Praktika"), Some(Section::Experience));
        assert_eq!(heading("Berufserfahrung und Praktika bei Siemens in Erlangen"), None);
        assert_eq!(heading("Education and Training Officer"), None);
        assert_eq!(heading("Languages & Frameworks"), None);
        assert_ne!(heading("Projects and Experience"), Some(Section::Other), "its jobs are read");
        assert_eq!(heading("Training and Development"), None);
        assert_eq!(
            inline_skills("Skills: Patrol operations, Report writing"),
            Some("Patrol operations, Report writing")
        );
        assert_eq!(inline_skills("Skills: I am a fast learner"), None);
        assert_eq!(heading("EDV- UND FACHKENNTNISSE"), Some(Section::Skills));
        assert_eq!(heading("Qualifikationen & Kenntnisse"), Some(Section::Skills));
        assert_eq!(heading("CONHECIMENTOS"), Some(Section::Skills));
        assert_eq!(heading("Persönliche Angaben"), Some(Section::Top));
        assert_eq!(heading("UPRAWNIENIA"), Some(Section::Certifications));
        assert_eq!(heading("PRZEBIEG PRACY"), Some(Section::Experience));
        assert_eq!(heading("PROJETOS E VOLUNTARIADO"), Some(Section::Other));
        assert_eq!(heading("Languages & Frameworks"), None);
        assert_eq!(heading("TRAINING"), Some(Section::Education));
        // A job title that starts with a section's word is not a heading; nor is a date line.
        assert_eq!(heading("Education Coordinator"), None);
        assert_eq!(heading("EXPERIENCE 2019 - 2021"), None);
    }

    #[test]
    fn a_heading_in_the_left_margin_comes_off_its_sections_first_line() {
        assert_eq!(
            heading_apart("EXPERIENCE  Head Chef — Harbour Hotel  2019 – Present"),
            Some(("EXPERIENCE", "Head Chef — Harbour Hotel  2019 – Present"))
        );
        assert_eq!(
            heading_apart("Education  Leeds Beckett University"),
            Some(("Education", "Leeds Beckett University"))
        );
        assert_eq!(heading_apart("Head Chef  2019 – Present"), None);
        // A Europass label whose gap to its list was lost.
        assert_eq!(
            heading_apart("Umiejętności zawodowe Obsługa wózków widłowych (UDT), Inwentaryzacja"),
            Some(("Umiejętności zawodowe", "Obsługa wózków widłowych (UDT), Inwentaryzacja"))
        );
        assert_eq!(heading_apart("Prawo jazdy B, C"), Some(("Prawo jazdy", "B, C")));
        assert_eq!(heading_apart("Work experience in hospitals, clinics and homes"), None, "a sentence");
    }

    #[test]
    fn a_languages_heading_run_in_with_its_list() {
        assert_eq!(inline_languages("LANGUES : Français, Arabe"), Some("Français, Arabe"));
        assert_eq!(inline_languages("LANGUAGES English (fluent)"), Some("English (fluent)"));
        assert_eq!(inline_languages("Languages"), None);
        assert_eq!(inline_languages("German: C1"), None);
    }

    #[test]
    fn a_main_columns_entries_copied_under_the_side_columns_headings_go_back() {
        let lines = [
            "BERUFSERFAHRUNG",
            "Chef de Rang",
            "Hotel Bayerischer Hof, München",
            "05/2021 – heute",
            "WEITERBILDUNG",
            "Jungsommelière (IHK), 2019",
            "HACCP-Schulung, jährlich",
            "Servicekraft (Saison)",
            "Strandhotel Ahlbeck, Usedom",
            "05/2016 – 10/2016",
            "SPRACHEN",
            "Englisch",
            "sehr gut (C1)",
            "Staplerschein (2019 – 2024)",
        ];
        let blocks = [1, 5, 7, 11, 13];
        let mut got = split(&lines);
        interleaved_entries_back(&lines, &mut got, |i| blocks.contains(&i));
        let section_of = |line: &str| got.iter().find(|(_, i)| lines[*i] == line).map(|(s, _)| *s);
        assert_eq!(section_of("Servicekraft (Saison)"), Some(Section::Experience));
        assert_eq!(section_of("05/2016 – 10/2016"), Some(Section::Experience));
        assert_eq!(section_of("HACCP-Schulung, jährlich"), Some(Section::Certifications));
        // A qualification's validity is no job.
        assert_eq!(section_of("Staplerschein (2019 – 2024)"), Some(Section::Languages));
        // Volunteering is an entry of its own.
        let lines = [
            "EXPERIENCE",
            "Nurse",
            "St James's Hospital",
            "2019 – 2023",
            "VOLUNTEERING",
            "Volunteer Coordinator",
            "Oxfam, Leeds",
            "2018 – 2020",
        ];
        let mut got = split(&lines);
        interleaved_entries_back(&lines, &mut got, |i| [1, 5].contains(&i));
        assert!(got.iter().filter(|(_, i)| *i >= 5).all(|(s, _)| *s == Section::Other));
    }

    #[test]
    fn headings_a_narrow_column_wrapped() {
        let lines = ["ANGABEN ZUR", "Svenja Hoffmann", "PERSON", "SCHUL- UND", "BERUFSBILDUNG", "2013 – 2016"];
        let got = wrapped_headings(&lines);
        assert_eq!(got, [(0, 2, "ANGABEN ZUR PERSON".to_owned()), (3, 4, "SCHUL- UND BERUFSBILDUNG".to_owned())]);
        let lines = ["Berufsbezogene  Finanzbuchhaltung, DATEV Kanzlei-", "Kompetenzen  Rechnungswesen"];
        let want = "Berufsbezogene Kompetenzen  Finanzbuchhaltung, DATEV Kanzlei-Rechnungswesen";
        assert_eq!(wrapped_headings(&lines), [(0, 1, want.to_owned())]);
        // A name over a title is no heading, nor a title over a heading.
        assert!(wrapped_headings(&["Anna Weber", "Pflegefachfrau"]).is_empty());
        assert!(wrapped_headings(&["ADVANCED PARAMEDIC", "Galway", "EXPERIENCE"]).is_empty());
        // A label wrapped after four words, and a heading that is one alone over the rest of a
        // longer one; two headings of their own stay two.
        let lines = ["COMPETENCIAS", "PERSONALES", "Competencias relacionadas con el", "empleo", "Radiología, PACS"];
        let got = wrapped_headings(&lines);
        let want = [
            (0, 1, "COMPETENCIAS PERSONALES".to_owned()),
            (2, 3, "Competencias relacionadas con el empleo".to_owned()),
        ];
        assert_eq!(got, want);
        assert_eq!(heading(&got[0].2), Some(Section::Other));
        assert_eq!(heading(&got[1].2), Some(Section::Skills));
        assert!(wrapped_headings(&["EXPERIENCE", "EDUCATION"]).is_empty());
        // The Spanish form's labels as people fill it in ("competencias" for "aptitudes"),
        // run in with their list, wrapped, and a licence's label with its class.
        let line = "Capacidades y competencias técnicas Instrumentación quirúrgica; Enfermera circulante;";
        let (label, list) = heading_apart(line).unwrap();
        assert_eq!(
            (heading(label), list),
            (Some(Section::Skills), "Instrumentación quirúrgica; Enfermera circulante;")
        );
        let got = wrapped_headings(&["Capacidades y competencias  Paquete Office; Orion Clinic", "informáticas"]);
        assert_eq!(got[0].2, "Capacidades y competencias informáticas  Paquete Office; Orion Clinic");
        assert_eq!(heading_apart(&got[0].2).map(|(l, _)| heading(l)), Some(Some(Section::Skills)));
        assert_eq!(heading_apart("Permiso(s) de conducción B").map(|(l, _)| heading(l)), Some(Some(Section::Other)));
    }

    #[test]
    fn a_label_centred_beside_its_value_goes_back_before_it() {
        let mut lines = vec![
            "Altra(e) lingua(e) Inglese (B2)",
            "Contabilità generale, Bilancio d'esercizio, Riconciliazioni",
            "Capacità e competenze tecniche",
            "bancarie, Controllo di gestione",
        ];
        centred_labels_first(&mut lines);
        assert_eq!(
            lines[1..3],
            ["Capacità e competenze tecniche", "Contabilità generale, Bilancio d'esercizio, Riconciliazioni"]
        );
        // A list that wrapped at its separator goes on after the label, in any case.
        let mut lines = vec![
            "SPS-Programmierung Siemens S7, Robotertechnik KUKA, Hydraulik, Pneumatik,",
            "Technische Fähigkeiten und Kompetenzen",
            "SAP PM",
        ];
        centred_labels_first(&mut lines);
        assert_eq!(lines[0], "Technische Fähigkeiten und Kompetenzen");
        // A short heading after a finished list stays where it is.
        let mut lines = vec!["Python, Go, Rust", "LANGUAGES", "english, german"];
        centred_labels_first(&mut lines);
        assert_eq!(lines, ["Python, Go, Rust", "LANGUAGES", "english, german"]);
    }

    #[test]
    fn a_europass_label_comes_off_its_value() {
        assert_eq!(without_top_heading("INFORMACJE OSOBISTE Tomasz Zieliński"), "Tomasz Zieliński");
        assert_eq!(without_top_heading("Personal information  Dmitri Volkov"), "Dmitri Volkov");
        assert_eq!(without_top_heading("Contactless payments lead"), "Contactless payments lead");
    }
}
