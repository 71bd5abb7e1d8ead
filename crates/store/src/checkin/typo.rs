//! One typo forgiven in a name: a word typed with one letter wrong, missing, extra, or two
//! letters swapped still finds the person ("jhon" -> "John", "souzza" -> "Souza").

/// Whether `key` starts with something one edit away from `word` (and not with `word`
/// itself: that is an exact match).
pub(crate) fn near_prefix(word: &[char], key: &str) -> bool {
    let key: Vec<char> = key.chars().collect();
    // The edit can always be placed at the first difference.
    let i = word.iter().zip(&key).take_while(|(a, b)| a == b).count();
    if i == word.len() {
        return false;
    }
    let starts = |w: &[char], k: &[char]| k.len() >= w.len() && k[..w.len()] == *w;
    let rest = &word[i + 1..];
    let replaced = key.len() > i && starts(rest, &key[i + 1..]);
    let extra = starts(rest, &key[i..]);
    let missing = key.len() > i && starts(&word[i..], &key[i + 1..]);
    let swapped = word.len() > i + 1
        && key.len() > i + 1
        && word[i] == key[i + 1]
        && word[i + 1] == key[i]
        && starts(&word[i + 2..], &key[i + 2..]);
    replaced || extra || missing || swapped
}

/// Prefixes that together cover every key near `word` (see [`near_prefix`]), for scanning an
/// index: a letter swapped, dropped, replaced or added. Letters tried are a-z for an ASCII
/// word, otherwise the word's own letters. The broadest (the word without its last letter,
/// which covers a wrong or extra last letter) comes last.
pub(crate) fn near_prefixes(word: &[char]) -> Vec<String> {
    let alphabet: Vec<char> = if word.iter().all(char::is_ascii) {
        ('a'..='z').collect()
    } else {
        let mut own = word.to_vec();
        own.sort_unstable();
        own.dedup();
        own
    };
    let n = word.len();
    let mut out = Vec::new();
    let mut push = |chars: Vec<char>| out.push(chars.into_iter().collect::<String>());
    for i in 0..n.saturating_sub(1) {
        let mut w = word.to_vec();
        w.swap(i, i + 1);
        push(w);
    }
    for i in 0..n.saturating_sub(1) {
        let mut w = word.to_vec();
        w.remove(i);
        push(w);
    }
    for i in 0..n.saturating_sub(1) {
        for &c in alphabet.iter().filter(|&&c| c != word[i]) {
            let mut w = word.to_vec();
            w[i] = c;
            push(w);
        }
    }
    for i in 0..n {
        for &c in &alphabet {
            let mut w = word.to_vec();
            w.insert(i, c);
            push(w);
        }
    }
    push(word[..n.saturating_sub(1)].to_vec());
    // Longest first: the narrowest scans go first. Swapping two equal letters gives the word.
    out.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
    let word: String = word.iter().collect();
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| *p != word && seen.insert(p.clone()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn one_edit_anywhere_in_the_typed_word_is_forgiven() {
        for (typed, key) in [
            ("jhon", "john"),
            ("jonh", "johnson"),
            ("souzza", "souza"),
            ("suza", "souza"),
            ("sauza", "souza"),
            ("xouza", "souza"),
            ("souzb", "souza"),
            ("иавн", "иван"),
        ] {
            assert!(near_prefix(&chars(typed), key), "{typed} ~ {key}");
        }
    }

    #[test]
    fn two_edits_or_an_exact_prefix_are_not_a_typo() {
        for (typed, key) in [("jhno", "john"), ("smtih", "souza"), ("john", "johnson"), ("abcd", "xyzw")] {
            assert!(!near_prefix(&chars(typed), key), "{typed} !~ {key}");
        }
    }

    #[test]
    fn the_near_prefixes_cover_every_near_key() {
        let word = chars("souzza");
        let prefixes = near_prefixes(&word);
        for key in ["souza", "souzaa", "sozza", "soiuzza", "osuzza", "souzzb"] {
            assert!(near_prefix(&word, key), "{key}");
            assert!(prefixes.iter().any(|p| key.starts_with(p.as_str())), "{key} covered");
        }
        assert_eq!(prefixes.last().map(String::as_str), Some("souzz"), "the broadest last");
    }
}
