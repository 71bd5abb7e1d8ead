//! Skills: the items of a resume's skills section as written ("Triage (ESI)", "Umsatzsteuer",
//! "Forklift operation"), in any profession and language; without such a section, phrases of
//! the text matched against the taxonomy in `assets/`, case and punctuation aside ("node js",
//! "NodeJS" and "Node.js" are one skill; "C++" and "C#" keep their signs), a synonym or
//! abbreviation read as its skill's name ("CPR" is "Cardiopulmonary Resuscitation").

use std::collections::HashSet;
use std::sync::OnceLock;

use talentdesk_domain::skills::{by_key, in_capitals, key};

/// Longest skill, in words.
const MAX_WORDS: usize = 6;

/// Phrases of a driving licence ("Full UK driving licence", "Führerschein Klasse B"): a
/// licence, not a skill.
const LICENCES: &[&str] = &[
    "driving licence",
    "driving license",
    "driver's license",
    "drivers license",
    "driver's licence",
    "führerschein",
    "fahrerlaubnis",
    "permis de conduire",
    "permis b",
    "carné de conducir",
    "carnet de conducir",
    "permiso de conducir",
    "patente di guida",
    "patente b",
    "rijbewijs",
    "prawo jazdy",
    "carta de condução",
    "carteira de habilitação",
];

/// Whether an item is a spoken language, with or without its level ("English (fluent)",
/// "Deutsch – C1"; assets/resume/language-names.txt), or a driving licence: not a skill.
fn is_language_or_licence(item: &str) -> bool {
    is_language_name(item) || LICENCES.iter().any(|l| item.to_lowercase().contains(l))
}

/// Whether an item is a spoken language, with or without its level after it.
fn is_language_name(item: &str) -> bool {
    static NAMES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let names = NAMES
        .get_or_init(|| super::data::lines(include_str!("../../../../assets/resume/language-names.txt")).collect());
    let lower = item.to_lowercase();
    names.contains(lower.split(['(', ':', '–', '—', '-', ',']).next().unwrap_or_default().trim())
}

/// The spoken languages a skills list names among its items ("English (fluent)", "Nederlands
/// (moedertaal)" from "Nederlands  moedertaal"), for the languages to read.
pub fn languages_among(lines: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for line in unwrapped(lines) {
        let line = without_ratings(&line);
        let cells: Vec<&str> = line.split("  ").flat_map(split_outside_parentheses).map(str::trim).collect();
        for (k, cell) in cells.iter().enumerate() {
            if !is_language_name(cell) {
                continue;
            }
            match cells.get(k + 1).filter(|c| super::languages::is_level_word(c)) {
                Some(level) => found.push(format!("{cell} ({level})")),
                None => found.push((*cell).to_owned()),
            }
        }
    }
    found
}

/// An item longer than this is a sentence, not a skill ("Escucha activa y trato cercano con
/// personas mayores y con demencia", as a Europass form's social skills list one, is a skill).
const MOST_ITEM_WORDS: usize = 12;
const MOST_ITEM_CHARS: usize = 90;
/// An item of more words than this that ends in a full stop is a sentence.
const MOST_SENTENCE_WORDS: usize = 7;

/// The items of a skills section, in order, each once: its lines split at list separators
/// (not inside parentheses: "Excel (Pivot, SVERWEIS)" is one item) and at column gaps (a
/// table's cells), an item wrapped onto the next line joined again, bullets and a leading
/// label ("Tools: Git, Jira", a Europass row's "Logiciels  Sage 100, Cegid") left out,
/// sentences skipped.
pub fn listed(lines: &[&str]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for line in unwrapped(lines) {
        let line = without_ratings(&line);
        let detailed = is_detailed_skill(&line);
        let cells: Vec<&str> = if detailed {
            vec![line.as_str()]
        } else {
            without_row_label(&line).split("  ").flat_map(split_outside_parentheses).collect()
        };
        for item in &cells {
            // A level is no item of its own ("Microsoft Excel  Advanced"); a language beside the
            // skills goes to the languages (`languages_among`) and is left out below.
            if super::languages::is_level_word(item) {
                continue;
            }
            let sentence = item.trim_end().ends_with('.');
            let trimmed = item.trim_start_matches(['-', '*', '–', '—', '>', ' ']).trim().trim_end_matches('.');
            let item = if detailed { trimmed } else { unlabelled(trimmed) };
            let words = item.split_whitespace().count();
            // A label the line starts with ("Berufliche Fähigkeiten • Wohngeldrecht") is no item.
            let label = super::sections::heading(item) == Some(super::sections::Section::Skills);
            // A category's word alone ("Fachlich", "EDV" beside its items) labels them.
            let category = CATEGORIES.contains(&item.to_lowercase().as_str());
            let fits = !label
                && !category
                && item.chars().any(char::is_alphanumeric)
                && !is_language_or_licence(item)
                && (1..=MOST_ITEM_WORDS).contains(&words)
                && item.chars().count() <= MOST_ITEM_CHARS
                && !(sentence && words > MOST_SENTENCE_WORDS);
            if fits {
                for item in run_of_known(item).unwrap_or_else(|| vec![item.to_owned()]) {
                    if !found.iter().any(|f| f.eq_ignore_ascii_case(&item)) {
                        found.push(item);
                    }
                }
            }
        }
    }
    found
}

/// A line without the dots or stars that rate each skill ("Power BI  ••••○"): a run of two
/// or more of them is a rating, not separators.
fn without_ratings(line: &str) -> String {
    let rating = |c: char| "•●○◦★☆■□▪".contains(c);
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().collect();
    let mut k = 0;
    while k < chars.len() {
        let run = chars[k..].iter().take_while(|c| rating(**c)).count();
        if run >= 2 {
            out.push_str("  ");
            k += run;
        } else {
            out.push(chars[k]);
            k += 1;
        }
    }
    out
}

/// Whether a line has a list separator outside parentheses.
fn is_list(line: &str) -> bool {
    split_outside_parentheses(line).len() > 1
}

/// Category words a list's label may be ("Tools: Git, Jira", "Logiciels : Sage, Cegid"): the
/// items after it are the skills. Any other label is a skill of its own with its details after
/// it ("Administration du personnel : contrats, DPAE, mutuelle"), one item.
const CATEGORIES: &[&str] = &[
    "tools",
    "software",
    "programs",
    "programmes",
    "languages",
    "programming languages",
    "frameworks",
    "databases",
    "platforms",
    "systems",
    "technologies",
    "tech stack",
    "stack",
    "cloud",
    "methods",
    "it",
    "office",
    "computer skills",
    "werkzeuge",
    "programme",
    "sprachen",
    "systeme",
    "edv",
    "it-kenntnisse",
    "logiciels",
    "outils",
    "langages",
    "informatique",
    "méthodes",
    "herramientas",
    "programas",
    "lenguajes",
    "informática",
    "strumenti",
    "linguaggi",
    "programmi",
    "informatica",
    "ferramentas",
    "linguagens",
    "programma's",
    "systemen",
    "narzędzia",
    "oprogramowanie",
    "programy",
    "języki",
    "systemy",
    "fachlich",
    "persönlich",
    "methodisch",
    "sozial",
];

/// The lines with an item wrapped onto the next line joined again: a list line that does not
/// end with a separator, followed by a line starting in lower case ("… • Soporte vital" over
/// "avanzado • …"), a line that leaves a parenthesis open ("TMS (Transporeon," over
/// "TIMOCOM)"), or a line that is only a parenthesis ("Aprendizaje basado en proyectos" over
/// "(ABP)", a narrow sidebar's wrap).
fn unwrapped(lines: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in lines {
        let line = line.trim();
        let continues = out.last().is_some_and(|last: &String| {
            let open = last.matches('(').count() > last.matches(')').count();
            let ends_an_item = last.ends_with([',', ';', '•', '·', '|']);
            // In lower case after a list, or after an item that starts with a capital (a narrow
            // column's wrap: "Gestione accessi venosi" over "periferici e PICC").
            let capitalised = last.chars().next().is_some_and(char::is_uppercase) && !last.ends_with('.');
            let goes_on =
                line.chars().next().is_some_and(char::is_lowercase) && (is_list(last) || capitalised) && !ends_an_item;
            // A narrow column's wrap: a parenthesis on a line of its own ("Naliczanie
            // wynagrodzeń" over "(umowy o pracę i" over "cywilnoprawne)"), a word cut at its
            // hyphen ("Dienstplanung (SP-" over "Expert)").
            let aside = line.starts_with('(') && !ends_an_item;
            // "DATEV Kanzlei-" over "Rechnungswesen": a compound broken at its hyphen.
            let hyphen = super::words::ends_on_broken_word(last);
            // "Stakeholdermanagement en" over "participatie": no item ends on a joining word.
            let joined = super::words::ends_on_joining_word(last);
            open || goes_on || aside || joined || hyphen
        });
        match out.last_mut() {
            Some(last) if continues => {
                if !last.ends_with('-') {
                    last.push(' ');
                }
                last.push_str(line);
            }
            _ => out.push(line.to_owned()),
        }
    }
    out
}

/// A row without its label cell: the first of a row's cells when it is a name and the rest a
/// list ("Métier  Comptabilité générale, Paie"). A row of single items ("Brazing  Customer
/// service") keeps every cell.
fn without_row_label(line: &str) -> &str {
    match line.split_once("  ") {
        // "Trans.eu  |  Timocom": a separator right after the gap makes the first cell an item.
        Some((_, rest)) if rest.trim_start().starts_with(['|', '•', '·', ',', ';']) => line,
        Some((label, rest)) if !is_list(label) && is_list(rest) => rest.trim(),
        _ => line,
    }
}

/// `line` cut at the list separators that stand outside parentheses.
pub(super) fn split_outside_parentheses(line: &str) -> Vec<&str> {
    let (mut items, mut depth, mut start) = (Vec::new(), 0i32, 0);
    // Slashes part a line's items when they stand between three phrases or more, each of two
    // words or more; one short part keeps the line whole ("SQL / PostgreSQL", "SMAW / FCAW /
    // GMAW (all positions)").
    let slashed =
        line.matches(" / ").count() >= 2 && line.split(" / ").all(|part| part.split_whitespace().count() >= 2);
    for (i, c) in line.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            // A comma after a word cut at its hyphen joins the parts of a German compound
            // ("Pass-, Personalausweis- und Melderecht"); a bar between two letters is part of
            // a product's name ("VOIS|MESO") where the list has other separators ("Python|SQL"
            // alone is a list).
            ',' if depth == 0 && line[..i].ends_with('-') => {}
            '|' if depth == 0
                && line[..i].ends_with(char::is_alphanumeric)
                && line[i + 1..].starts_with(char::is_alphanumeric)
                && line.contains([',', ';', '•', '·']) => {}
            ',' | ';' | '|' | '•' | '·' | '●' | '▪' | '◦' | '▸' | '►' | '‣' | '◆' | '■' | '✓' | '✔' | '➢' | '\t'
                if depth == 0 =>
            {
                items.push(&line[start..i]);
                start = i + c.len_utf8();
            }
            // A dash or a star with a space on each side, as a word processor sets a list
            // ("Plan HACCP – Management d'équipe", "Clio * Docketing"); a hyphen inside a word
            // is no separator. So is a slash in a `slashed` line ("Soins d'hygiène / Prise des
            // constantes / …").
            '–' | '—' | '*' if depth == 0 && line[..i].ends_with(' ') && line[i + c.len_utf8()..].starts_with(' ') =>
            {
                items.push(&line[start..i]);
                start = i + c.len_utf8();
            }
            '/' if depth == 0 && slashed && line[..i].ends_with(' ') && line[i + 1..].starts_with(' ') => {
                items.push(&line[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    items.push(&line[start..]);
    items
}

/// An item without a short label before a colon ("Tools: Git" is "Git"); a label alone is
/// nothing, and so is what a label of another section heads ("Hobby's: hardlopen").
fn unlabelled(item: &str) -> &str {
    use super::sections::{Section, heading};
    match item.split_once(':') {
        // A colon inside parentheses labels nothing ("Pack Office (Excel : RECHERCHEV)").
        Some((label, _)) if label.contains('(') => item,
        Some((label, _)) if heading(label).is_some_and(|s| s != Section::Skills) => "",
        Some((label, rest)) if label.split_whitespace().count() <= 3 => rest.trim(),
        _ => item,
    }
}

/// A line that is one skill with its details after a colon ("Administration du personnel :
/// contrats, DPAE, mutuelle"), as against a category's list ("Tools: Git, Jira", "Cloud &
/// DevOps: AWS, Terraform, Docker"): its label is no category word and the taxonomy knows
/// fewer than half of the items after it.
fn is_detailed_skill(line: &str) -> bool {
    let Some((label, rest)) = line.split_once(':') else { return false };
    let label = label.trim().trim_start_matches(['-', '*', '•', '–', ' ']).trim();
    let items = split_outside_parentheses(rest);
    let known = items.iter().filter(|item| by_key(&key(item.split('(').next().unwrap_or_default())).is_some()).count();
    !label.contains('(')
        && !rest.trim().is_empty()
        // One word is a category's ("Equipment:", "Maschinen:"); a skill with its details is
        // named by more ("Administration du personnel").
        && (2..=4).contains(&label.split_whitespace().count())
        && !CATEGORIES.contains(&label.to_lowercase().as_str())
        && super::sections::heading(label).is_none()
        && 2 * known < items.len()
        && line.split_whitespace().count() <= MOST_ITEM_WORDS
}

/// Whether every item of a list is a skill the taxonomy knows ("Go, Java, TypeScript").
pub fn all_known(list: &str) -> bool {
    let items = split_outside_parentheses(list);
    !items.is_empty() && items.iter().all(|item| by_key(&key(item)).is_some())
}

/// The taxonomy's skills in `text`, in the order they first appear. One- and two-letter terms
/// ("C", "R", "Go") are words of prose more often than skills: only "C++" and "C#" count.
pub fn find(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for line in text.lines() {
        // Lists are split on their separators; a phrase never crosses one.
        for chunk in line.split([',', ';', '|', '•', '/', '(', ')', ':', '·']) {
            let words: Vec<&str> = chunk.split_whitespace().collect();
            let mut i = 0;
            while i < words.len() {
                match known_at(&words, i) {
                    Some((n, name)) => {
                        if !found.iter().any(|f| f == name) {
                            found.push(name.to_owned());
                        }
                        i += n;
                    }
                    None => i += 1,
                }
            }
        }
    }
    found
}

/// The longest skill the taxonomy knows starting at word `i` of `words`: how many words it
/// takes and its name.
fn known_at(words: &[&str], i: usize) -> Option<(usize, &'static str)> {
    (1..=MAX_WORDS.min(words.len() - i)).rev().find_map(|n| {
        let phrase = words[i..i + n].join(" ");
        let k = key(phrase.trim_end_matches('.'));
        let short = k.chars().count() <= 2;
        by_key(&k)
            .filter(|known| !known.capitals || in_capitals(&phrase))
            .filter(|_| !short || phrase.contains(['+', '#']))
            .map(|known| (n, known.term.name.as_str()))
    })
}

/// "React TypeScript Next.js GraphQL": a list set apart by spaces alone, every word of it
/// in a skill the taxonomy knows, as its items in the words written. None when a word is no
/// known skill's ("Customer Service Excellence" is one item), a word in small letters or a
/// sign between them ("HACCP food safety", "BLS & ACLS", "Sage 50 Payroll" are one each).
fn run_of_known(item: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = item.split_whitespace().collect();
    let named = |w: &&str| {
        w.starts_with(|c: char| c.is_alphabetic() && !c.is_lowercase())
            && w.chars().all(|c| c.is_alphanumeric() || ".+#-".contains(c))
    };
    if words.len() < 3 || !words.iter().all(named) {
        return None;
    }
    let mut items = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (n, _) = known_at(&words, i)?;
        items.push(words[i..i + n].join(" "));
        i += n;
    }
    (items.len() >= 3).then_some(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skills_are_matched_case_and_punctuation_aside() {
        let text = "Python, node js, C++ | C#; Machine Learning • go • R\nKUBERNETES / Docker";
        assert_eq!(find(text), ["Python", "Node.js", "C++", "C#", "Machine Learning", "Kubernetes", "Docker"]);
    }

    #[test]
    fn a_skills_section_gives_its_items_as_written() {
        let lines = [
            "Triage (ESI) • Trauma care • IV insertion",
            "Jahresabschluss nach HGB, Excel (Pivot, SVERWEIS), DATEV,",
            "Tools: Git; Jira",
            "- Forklift operation",
            // A table's cells, a row with its label, items wrapped onto the next line.
            "Refrigerant recovery  Electrical troubleshooting",
            "Logiciels  Sage 100, Cegid",
            "Lean • Root cause analysis • Statistical",
            "process control • TMS (Transporeon,",
            "TIMOCOM)",
            "Aprendizaje basado en proyectos",
            "(ABP)",
            "Berufliche Fähigkeiten • Pass-, Personalausweis- und Melderecht (BMG) • VOIS|MESO",
            "Trans.eu  |  Timocom",
            "Power BI  ••••○  Engels  vloeiend",
            "Hobby's: hardlopen (Marathon Eindhoven 2023)",
            "English (fluent) • Deutsch – C1 • Full UK driving licence • Führerschein Klasse B",
            "Administration du personnel : contrats, DPAE, mutuelle",
            "Pack Office (Excel : RECHERCHEV, TCD)",
            "Cloud & DevOps: Terraform, Docker",
            "Microsoft Excel  Advanced",
            "Python|SQL|Tableau",
            "Equipment: counterbalance forklift, reach truck",
            "Naliczanie wynagrodzeń",
            "(umowy o pracę i",
            "cywilnoprawne)",
            "Dienstplanung (SP-",
            "Expert)",
            "DATEV Kanzlei-",
            "Rechnungswesen",
            "============",
            "Stakeholdermanagement en",
            "participatie",
            "Gestione accessi venosi",
            "periferici e PICC",
            "Escucha activa y trato cercano con personas mayores y con demencia",
            "Trained the new starters on the scanners and kept the shift rota.",
            "Led the migration of our payroll to a new provider across three sites in one year.",
            "trauma care",
        ];
        assert_eq!(
            listed(&lines),
            [
                "Triage (ESI)",
                "Trauma care",
                "IV insertion",
                "Jahresabschluss nach HGB",
                "Excel (Pivot, SVERWEIS)",
                "DATEV",
                "Git",
                "Jira",
                "Forklift operation",
                "Refrigerant recovery",
                "Electrical troubleshooting",
                "Sage 100",
                "Cegid",
                "Lean",
                "Root cause analysis",
                "Statistical process control",
                "TMS (Transporeon, TIMOCOM)",
                "Aprendizaje basado en proyectos (ABP)",
                "Pass-, Personalausweis- und Melderecht (BMG)",
                "VOIS|MESO",
                "Trans.eu",
                "Timocom",
                "Power BI",
                "Administration du personnel : contrats, DPAE, mutuelle",
                "Pack Office (Excel : RECHERCHEV, TCD)",
                "Terraform",
                "Docker",
                "Microsoft Excel",
                "Python",
                "SQL",
                "Tableau",
                "counterbalance forklift",
                "reach truck",
                "Naliczanie wynagrodzeń (umowy o pracę i cywilnoprawne)",
                "Dienstplanung (SP-Expert)",
                "DATEV Kanzlei-Rechnungswesen",
                "Stakeholdermanagement en participatie",
                "Gestione accessi venosi periferici e PICC",
                "Escucha activa y trato cercano con personas mayores y con demencia"
            ]
        );
        // Bullets of every shape, stars and slashes between phrases part items; a slash
        // between single words names one.
        let lines = [
            "▸ Territory planning ▸ Consultative selling",
            "Clio * Docketing and calendaring",
            "Soins d'hygiène et de confort / Prise des constantes / Prévention des escarres",
            "SMAW / FCAW / GMAW (all positions)",
        ];
        let want = [
            "Territory planning",
            "Consultative selling",
            "Clio",
            "Docketing and calendaring",
            "Soins d'hygiène et de confort",
            "Prise des constantes",
            "Prévention des escarres",
            "SMAW / FCAW / GMAW (all positions)",
        ];
        assert_eq!(listed(&lines), want);
        // Known skills set apart by spaces alone are items; a phrase with a word no skill has
        // is one.
        let lines = ["React TypeScript Next.js GraphQL", "Customer Service Excellence"];
        assert_eq!(listed(&lines), ["React", "TypeScript", "Next.js", "GraphQL", "Customer Service Excellence"]);
    }

    #[test]
    fn an_abbreviation_and_its_spelled_out_form_are_one_skill() {
        let text = "Certified in CPR and cardiopulmonary resuscitation training\nHACCP audits; PLC; US GAAP, IFRS";
        assert_eq!(
            find(text),
            [
                "Cardiopulmonary Resuscitation",
                "Hazard Analysis and Critical Control Points",
                "PLC Programming",
                "GAAP",
                "IFRS"
            ]
        );
    }

    #[test]
    fn an_abbreviation_in_capitals_is_not_read_out_of_ordinary_words() {
        // "I am" has the key of IAM (Identity and Access Management); a cover letter says it.
        assert_eq!(find("I am writing to apply. I am trained in safeguarding."), ["Safeguarding"]);
        assert_eq!(
            find("IAM and child protection for 4,000 users"),
            ["Identity and Access Management", "Safeguarding"]
        );
    }

    #[test]
    fn prose_does_not_yield_one_letter_skills() {
        let prose = "Led a team of 5 to go live with Kubernetes. Wrote C code and some R.";
        assert_eq!(find(prose), ["Kubernetes"]);
    }
}
