//! Whether a person's keys answer what was typed, and how well: every word must start one of
//! their keys, one name-like word may do so with a typo.

use super::keys::{self, Query};
use super::typo;

/// A typed word, ready to be compared with many keys.
struct Word {
    text: String,
    chars: Vec<char>,
    typo_eligible: bool,
}

/// The words of a [`Query`], prepared once per lookup.
pub(crate) struct Words(Vec<Word>);

impl Words {
    pub(crate) fn of(query: &Query) -> Self {
        Self(
            query
                .words
                .iter()
                .map(|w| Word { text: w.clone(), chars: w.chars().collect(), typo_eligible: keys::typo_eligible(w) })
                .collect(),
        )
    }
}

/// How well a person matched; lower sorts first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Fit {
    /// A word matched only with a typo.
    pub typo: bool,
    /// Words that are the start of a key rather than a whole key ("ana" is whole for Ana,
    /// partial for Anabela).
    pub partial_words: usize,
}

/// How `keys` (one person's) answer `words`, if they do.
pub(crate) fn fit(words: &Words, keys: &[String]) -> Option<Fit> {
    let mut result = Fit { typo: false, partial_words: 0 };
    for word in &words.0 {
        if keys.contains(&word.text) {
            continue;
        }
        if keys.iter().any(|k| k.starts_with(&word.text)) {
            result.partial_words += 1;
            continue;
        }
        let forgiven = !result.typo
            && word.typo_eligible
            && keys.iter().any(|k| !keys::is_email(k) && typo::near_prefix(&word.chars, k));
        if !forgiven {
            return None;
        }
        result.typo = true;
        result.partial_words += 1;
    }
    Some(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fit_of(typed: &str, first: &str, last: &str) -> Option<Fit> {
        let keys = keys::of_person(first, last, Some(&format!("{first}.{last}@example.com")), None);
        fit(&Words::of(&Query::parse(typed)), &keys)
    }

    #[test]
    fn every_word_must_start_a_key() {
        assert_eq!(fit_of("ana sou", "Ana", "Souza"), Some(Fit { typo: false, partial_words: 1 }));
        assert_eq!(fit_of("souza ana", "Ana", "Souza"), Some(Fit { typo: false, partial_words: 0 }));
        assert_eq!(fit_of("ana.sou", "Ana", "Souza"), Some(Fit { typo: false, partial_words: 1 }));
        assert_eq!(fit_of("ana smith", "Ana", "Souza"), None);
    }

    #[test]
    fn one_typo_in_a_name_is_forgiven_and_ranks_after_exact_matches() {
        let typo = fit_of("jhon smith", "John", "Smith").expect("forgiven");
        assert!(typo.typo);
        assert!(fit_of("john smith", "John", "Smith").unwrap() < typo);
        assert_eq!(fit_of("jhon smtih", "John", "Smith"), None, "one typo, not two");
        assert_eq!(fit_of("jhn", "John", "Smith"), None, "too short to guess");
    }

    #[test]
    fn emails_are_never_matched_with_a_typo() {
        let keys = keys::of_person("X", "Y", Some("johnny@example.com"), None);
        assert_eq!(fit(&Words::of(&Query::parse("jhonny")), &keys), None);
    }
}
