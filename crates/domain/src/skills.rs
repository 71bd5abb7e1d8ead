//! The static skills taxonomy (`assets/skills.txt`): the terms a profile's Skills block uses.

use std::sync::OnceLock;

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SkillTerm {
    pub category: String,
    pub name: String,
}

const SOURCE: &str = include_str!("../../../assets/skills.txt");

/// Every term of the taxonomy, in file order.
pub fn taxonomy() -> &'static [SkillTerm] {
    static TERMS: OnceLock<Vec<SkillTerm>> = OnceLock::new();
    TERMS.get_or_init(|| {
        SOURCE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(category, name)| SkillTerm { category: category.trim().to_owned(), name: name.trim().to_owned() })
            .collect()
    })
}

/// The terms of one category.
pub fn in_category(category: &str) -> impl Iterator<Item = &'static SkillTerm> {
    taxonomy().iter().filter(move |t| t.category == category)
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
    }
}
