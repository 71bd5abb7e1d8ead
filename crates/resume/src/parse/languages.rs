//! Spoken languages as a resume lists them, each with its level where one is written:
//! "German (C1)", "English – fluent", "Français : langue maternelle", "Mother tongue: Italian",
//! "Spanish, conversational"; the level words are the common ones in the eight languages the
//! headings table knows, and the CEFR levels A1 to C2.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::skills::split_outside_parentheses;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SpokenLanguage {
    pub language: String,
    /// As written ("C1", "fluent", "Muttersprache"); None when the resume gives none.
    pub level: Option<String>,
}

impl SpokenLanguage {
    /// "German (C1)", or "German" without a level: how a profile's languages list holds it.
    pub fn written(&self) -> String {
        match &self.level {
            Some(level) => format!("{} ({level})", self.language),
            None => self.language.clone(),
        }
    }
}

/// Words that start a level, in lower case.
#[rustfmt::skip]
const LEVELS: &[&str] = &[
    "native", "mother tongue", "first language", "fluent", "bilingual", "proficient", "advanced",
    "upper intermediate", "intermediate", "basic", "beginner", "elementary", "conversational",
    "business", "working", "professional", "full professional", "limited", "good", "very good",
    "muttersprache", "fließend", "verhandlungssicher", "sehr gut", "gut", "grundkenntnisse",
    "gute kenntnisse", "langue maternelle", "courant", "bilingue", "notions", "intermédiaire",
    "lengua materna", "nativo", "nativa", "avanzado", "intermedio", "básico", "madrelingua",
    "ottimo", "buono", "moedertaal", "vloeiend", "goed", "ojczysty", "biegły", "podstawowy",
    "língua materna", "fluente", "avançado",
];

/// Labels before a language in the Europass form ("Other language(s)  English"), in lower case.
#[rustfmt::skip]
const LABELS: &[&str] = &[
    "mother tongue(s)", "mother tongue", "other language(s)", "other languages", "muttersprache(n)",
    "weitere sprache(n)", "fremdsprachen", "langue(s) maternelle(s)", "autre(s) langue(s)", "autres langues",
    "lengua(s) materna(s)", "otro(s) idioma(s)", "otros idiomas", "lingua madre", "altre lingue",
    "język(i) ojczysty(e)", "inne języki", "língua(s) materna(s)", "outra(s) língua(s)", "moedertaal",
    "andere talen", "język ojczysty", "muttersprache", "langue maternelle", "lengua materna", "língua materna",
];

/// Whether a line is a Europass form's language row: a label, then languages.
pub fn labelled(line: &str) -> bool {
    let (rest, _) = without_label(line.trim());
    rest.len() < line.trim().len() && !rest.trim().is_empty()
}

/// `item` without a form's label before it; the label, if it names a level, is that level.
fn without_label(item: &str) -> (&str, Option<&str>) {
    let lower = item.to_lowercase();
    match LABELS.iter().find(|l| lower.starts_with(*l) && item.is_char_boundary(l.len())) {
        Some(label) => {
            let rest = item[label.len()..].trim_start_matches([':', ' ']);
            (rest, is_level(label).then(|| item[..label.len()].trim()))
        }
        None => (item, None),
    }
}

/// Column headings of the Europass self-assessment grid, which are not languages.
const GRID_WORDS: &[&str] = &["understanding", "speaking", "writing", "listening", "reading", "spoken", "levels"];

/// Whether `text` is a level and nothing else ("vloeiend", "B2", "Muttersprache").
pub(super) fn is_level_word(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    is_cefr(&lower) || LEVELS.contains(&lower.as_str())
}

/// A CEFR level ("b2"), in lower case.
pub(super) fn is_cefr(word: &str) -> bool {
    matches!(word.as_bytes(), [b'a' | b'b' | b'c', b'1' | b'2'])
}

fn is_level(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or_default();
    // "B2", "B2/C1", "C1 (Cambridge Advanced)": a level first.
    is_cefr(first.get(..2).unwrap_or_default()) || LEVELS.iter().any(|l| lower.starts_with(l))
}

/// The languages of a languages section, in order, each once.
pub fn spoken(lines: &[&str]) -> Vec<SpokenLanguage> {
    let mut found: Vec<SpokenLanguage> = Vec::new();
    // A German letter's sign-off under the last section ("Leipzig, 15.01.2025") is no language.
    let signed = |line: &str| line.split(|c: char| !c.is_ascii_digit()).any(|run| run.len() == 4);
    for line in lines.iter().filter(|l| !signed(l)) {
        for item in split_outside_parentheses(line) {
            let (item, label_level) =
                without_label(item.trim_matches(|c: char| c.is_whitespace() || "-*–—•.".contains(c)));
            if item.is_empty() {
                continue;
            }
            if is_level(item) && !item.contains([':', '(']) {
                // "English, fluent": the level of the language before it.
                if let Some(last) = found.last_mut().filter(|l| l.level.is_none()) {
                    last.level = Some(item.to_owned());
                }
                continue;
            }
            let language = one(item).map(|mut l| {
                l.level = l.level.or_else(|| label_level.map(str::to_owned));
                l
            });
            if let Some(language) =
                language.filter(|l| !found.iter().any(|f| f.language.eq_ignore_ascii_case(&l.language)))
            {
                found.push(language);
            }
        }
    }
    found
}

/// One item: a language and its level in parentheses, after a colon or a dash, or as a CEFR
/// code after it; or a label and the language after its colon ("Mother tongue: Italian").
fn one(item: &str) -> Option<SpokenLanguage> {
    let (language, level) = if let Some((language, rest)) = item.split_once('(') {
        (language, Some(rest.trim_end_matches(')')))
    } else if let Some((left, right)) = [":", " – ", " — ", " - "].iter().find_map(|s| item.split_once(s)) {
        if is_level(right) || !is_level(left) { (left, Some(right)) } else { (right, Some(left)) }
    } else {
        match item.rsplit_once(' ') {
            Some((language, code)) if is_level(code) => (language, Some(code)),
            _ => (item, None),
        }
    };
    let language = language.trim();
    let words = language.split_whitespace().count();
    let grid = language.split_whitespace().any(|w| GRID_WORDS.contains(&w.to_lowercase().as_str()));
    let named = (1..=3).contains(&words) && language.chars().next().is_some_and(char::is_alphabetic);
    (named && !grid && !is_level(language)).then(|| SpokenLanguage {
        language: language.to_owned(),
        level: level.map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(lines: &[&str]) -> Vec<(String, Option<String>)> {
        spoken(lines).into_iter().map(|l| (l.language, l.level)).collect()
    }

    #[test]
    fn languages_with_their_levels_as_written() {
        let lines = [
            "German (C1), English – fluent",
            "Français : langue maternelle",
            "Spanish, conversational",
            "Mother tongue: Italian",
            "Autres langues  Anglais",
            "Polish B2",
            "Dutch",
            "Leipzig, 15.01.2025",
        ];
        let own = |l: &str, v: Option<&str>| (l.to_owned(), v.map(str::to_owned));
        assert_eq!(
            pairs(&lines),
            [
                own("German", Some("C1")),
                own("English", Some("fluent")),
                own("Français", Some("langue maternelle")),
                own("Spanish", Some("conversational")),
                own("Italian", Some("Mother tongue")),
                own("Anglais", None),
                own("Polish", Some("B2")),
                own("Dutch", None),
            ]
        );
    }

    #[test]
    fn a_europass_language_row_is_known_by_its_label() {
        assert!(labelled("Język ojczysty polski"));
        assert!(labelled("Other languages  English (B2), Polish (B1)"));
        assert!(!labelled("Mother tongue"), "a label alone");
        assert!(!labelled("English (C1)"));
        assert_eq!(
            pairs(&["Inne języki angielski (B1), niemiecki (A2)"]),
            [("angielski".to_owned(), Some("B1".to_owned())), ("niemiecki".to_owned(), Some("A2".to_owned()))]
        );
    }

    #[test]
    fn a_europass_grid_gives_its_languages_not_its_columns() {
        let lines = ["English", "UNDERSTANDING SPEAKING WRITING", "Listening Reading", "C1 C1 B2 B2 C1"];
        assert_eq!(
            spoken(&lines),
            [SpokenLanguage { language: "English".into(), level: Some("C1 C1 B2 B2 C1".into()) }]
        );
    }
}
