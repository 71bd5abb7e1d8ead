//! Skills: phrases of the text matched against the taxonomy in `assets/`, case and
//! punctuation aside ("node js", "NodeJS" and "Node.js" are one skill; "C++" and "C#" keep
//! their signs).

use std::collections::HashMap;
use std::sync::OnceLock;

use talentdesk_domain::skills::taxonomy;

/// Longest skill, in words.
const MAX_WORDS: usize = 4;

/// The comparison key: lowercase letters, digits, `+` and `#`.
fn key(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric() || *c == '+' || *c == '#').flat_map(char::to_lowercase).collect()
}

fn index() -> &'static HashMap<String, &'static str> {
    static INDEX: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    INDEX.get_or_init(|| taxonomy().iter().map(|t| (key(&t.name), t.name.as_str())).collect())
}

/// The taxonomy's skills in `text`, in the order they first appear. `loose` also matches the
/// one- and two-letter terms ("C", "R", "Go"), which only a skills list can be trusted with.
pub fn find(text: &str, loose: bool) -> Vec<String> {
    let index = index();
    let mut found: Vec<String> = Vec::new();
    for line in text.lines() {
        // Lists are split on their separators; a phrase never crosses one.
        for chunk in line.split([',', ';', '|', '•', '/', '(', ')', ':', '·']) {
            let words: Vec<&str> = chunk.split_whitespace().collect();
            let mut i = 0;
            while i < words.len() {
                let matched = (1..=MAX_WORDS.min(words.len() - i)).rev().find_map(|n| {
                    let phrase = words[i..i + n].join(" ");
                    let k = key(phrase.trim_end_matches('.'));
                    let short = k.chars().count() <= 2;
                    index.get(&k).filter(|_| loose || !short || phrase.contains(['+', '#'])).map(|name| (n, *name))
                });
                match matched {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skills_are_matched_case_and_punctuation_aside() {
        let list = "Python, node js, C++ | C#; Machine Learning • go • R\nKUBERNETES / Docker";
        assert_eq!(
            find(list, true),
            ["Python", "Node.js", "C++", "C#", "Machine Learning", "Go", "R", "Kubernetes", "Docker"]
        );
    }

    #[test]
    fn prose_does_not_yield_one_letter_skills() {
        let prose = "Led a team of 5 to go live with Kubernetes. Wrote C code and some R.";
        assert_eq!(find(prose, false), ["Kubernetes"]);
    }
}
