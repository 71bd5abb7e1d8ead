//! The static skills taxonomy (`assets/skills.txt`): the terms a profile's Skills block uses,
//! each with the synonyms and abbreviations that name the same skill.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SkillTerm {
    pub category: String,
    pub name: String,
    /// Other names of the same skill ("CPR" for "Cardiopulmonary Resuscitation").
    pub aliases: Vec<String>,
}

const SOURCE: &str = include_str!("../../../assets/skills.txt");

/// Every term of the taxonomy, in file order.
pub fn taxonomy() -> &'static [SkillTerm] {
    static TERMS: OnceLock<Vec<SkillTerm>> = OnceLock::new();
    TERMS.get_or_init(|| {
        SOURCE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut fields = l.split('\t').map(str::trim);
                let (category, name) = (fields.next()?, fields.next()?);
                let aliases = fields.next().map(|a| a.split('|').map(str::to_owned).collect()).unwrap_or_default();
                Some(SkillTerm { category: category.to_owned(), name: name.to_owned(), aliases })
            })
            .collect()
    })
}

/// The terms of one category.
pub fn in_category(category: &str) -> impl Iterator<Item = &'static SkillTerm> {
    taxonomy().iter().filter(move |t| t.category == category)
}

/// A taxonomy term as one of its spellings names it.
#[derive(Debug)]
pub struct Spelling {
    pub term: &'static SkillTerm,
    /// Every spelling with this key is an abbreviation in capitals ("IAM", "CPR"): prose must
    /// write it so too, or "I am" would be Identity and Access Management.
    pub capitals: bool,
}

/// The comparison key of a skill as written: lowercase letters, digits, `+` and `#`, so that
/// "node js", "NodeJS" and "Node.js" are one skill while "C++" and "C#" keep their signs.
pub fn key(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric() || *c == '+' || *c == '#').flat_map(char::to_lowercase).collect()
}

/// The term one of whose spellings (its name or a synonym) has this [`key`]. The one lookup
/// the resume parser and candidates-for-a-job share, so a skill both read the same way.
pub fn by_key(key: &str) -> Option<&'static Spelling> {
    static INDEX: OnceLock<HashMap<String, Spelling>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index: HashMap<String, Spelling> = HashMap::new();
        for term in taxonomy() {
            for spelling in std::iter::once(&term.name).chain(&term.aliases) {
                let capitals = in_capitals(spelling);
                index
                    .entry(self::key(spelling))
                    .and_modify(|known| known.capitals &= capitals)
                    .or_insert(Spelling { term, capitals });
            }
        }
        index
    });
    index.get(key)
}

/// The term a skill as written names, case and punctuation aside.
pub fn term_of(skill: &str) -> Option<&'static SkillTerm> {
    by_key(&key(skill)).map(|s| s.term)
}

/// A skill under its taxonomy name when it has one (a synonym or another spelling is the same
/// skill), trimmed and as written otherwise.
pub fn canonical(skill: &str) -> String {
    let skill = skill.trim();
    term_of(skill).map_or_else(|| skill.to_owned(), |term| term.name.clone())
}

/// Letters, all of them capitals.
pub fn in_capitals(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taxonomy_is_loaded_without_duplicates() {
        let terms = taxonomy();
        assert!(terms.len() > 200, "{}", terms.len());
        let mut names: Vec<String> = terms.iter().map(|t| t.name.to_lowercase()).collect();
        names.sort();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "a skill is listed twice");
        assert!(terms.iter().any(|t| t.name == "C++"));
        assert_eq!(in_category("Cloud").filter(|t| t.name == "Kubernetes").count(), 1);
        let cpr = terms.iter().find(|t| t.name == "Cardiopulmonary Resuscitation").expect("CPR");
        assert_eq!(cpr.aliases[0], "CPR");
        for profession in ["Healthcare", "Education", "Logistics", "Manufacturing", "Trades", "Finance", "Hospitality"]
        {
            assert!(in_category(profession).count() >= 10, "{profession}");
        }
    }

    #[test]
    fn a_skill_is_found_by_any_spelling_and_abbreviations_are_marked() {
        assert_eq!(canonical(" js "), "JavaScript");
        assert_eq!(canonical("node JS"), canonical("Node.js"));
        assert_eq!(canonical(" Underwater basket weaving "), "Underwater basket weaving");
        assert_eq!(term_of("cpr").map(|t| t.name.as_str()), Some("Cardiopulmonary Resuscitation"));
        assert!(by_key(&key("CPR")).unwrap().capitals);
        assert!(!by_key(&key("Rust")).unwrap().capitals);
        assert_ne!(key("C++"), key("C#"));
    }
}
