//! The demo word lists in `assets/demo/`, parsed once.

use std::sync::OnceLock;

pub(crate) struct Culture {
    pub given: Vec<&'static str>,
    pub family: Vec<&'static str>,
}

pub(crate) struct Place {
    pub city: &'static str,
    pub region: &'static str,
    pub country: &'static str,
}

pub(crate) struct Family {
    pub name: &'static str,
    /// Junior to senior.
    pub titles: Vec<&'static str>,
    pub skill_categories: Vec<&'static str>,
}

pub(crate) struct Degree {
    pub name: &'static str,
    pub majors: Vec<&'static str>,
}

pub(crate) struct Words {
    pub cultures: Vec<Culture>,
    pub places: Vec<Place>,
    pub families: Vec<Family>,
    pub employers: Vec<&'static str>,
    pub schools: Vec<&'static str>,
    pub degrees: Vec<Degree>,
}

fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn fields(line: &'static str) -> Vec<&'static str> {
    line.split('|').collect()
}

fn list(field: &'static str) -> Vec<&'static str> {
    field.split(',').map(str::trim).filter(|s| !s.is_empty()).collect()
}

pub(crate) fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| Words {
        cultures: lines(include_str!("../../../assets/demo/names.txt"))
            .map(fields)
            .map(|f| Culture { given: list(f[1]), family: list(f[2]) })
            .collect(),
        places: lines(include_str!("../../../assets/demo/places.txt"))
            .map(fields)
            .map(|f| Place { city: f[0], region: f[1], country: f[2] })
            .collect(),
        families: lines(include_str!("../../../assets/demo/roles.txt"))
            .map(fields)
            .map(|f| Family { name: f[0], titles: list(f[1]), skill_categories: list(f[2]) })
            .collect(),
        employers: lines(include_str!("../../../assets/demo/employers.txt")).collect(),
        schools: lines(include_str!("../../../assets/demo/schools.txt")).map(|l| fields(l)[0]).collect(),
        degrees: lines(include_str!("../../../assets/demo/degrees.txt"))
            .map(fields)
            .map(|f| Degree { name: f[0], majors: list(f[1]) })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_parses_and_every_skill_category_exists() {
        let w = words();
        assert!(w.cultures.len() >= 12 && w.cultures.iter().all(|c| c.given.len() >= 10 && c.family.len() >= 10));
        assert!(w.places.len() >= 50);
        assert!(w.employers.len() >= 40 && w.schools.len() >= 30);
        for f in &w.families {
            assert!(!f.titles.is_empty(), "{}", f.name);
            for c in &f.skill_categories {
                assert!(talentdesk_domain::skills::in_category(c).next().is_some(), "{}: no skills in {c}", f.name);
            }
        }
    }
}
