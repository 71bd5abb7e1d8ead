//! The static skills taxonomy (`assets/skills.txt`): the terms a profile's Skills block uses,
//! each with the synonyms and abbreviations that name the same skill.

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
}
