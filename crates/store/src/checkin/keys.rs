//! The check-in lookup's keys: what a candidate is found by at the door (each word of their
//! name, their email, their phone's digits), folded so that what a recruiter types matches
//! however the profile spells it.
//!
//! Folding: Unicode compatibility decomposition with the combining marks dropped ("Nguyễn" ->
//! "nguyen", "Åsa" -> "asa"), lower case, and a few letters that do not decompose spelled as
//! they are usually typed on a Latin keyboard ("đ" -> "d", "ø" -> "o", "ß" -> "ss"). A word in
//! Cyrillic is kept as it is and also spelled in Latin letters ("Иван" is found by "иван"
//! and by "ivan"). Arabic, Chinese, Greek and other scripts are found in their own script
//! only (Arabic without its vowel marks); the ASCII form of such a name is found when the
//! profile holds one, e.g. in the email.
//!
//! The keys are stored (`tables::checkin_keys`): changing how they are made needs a migration
//! that rebuilds them.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower case without accents, with the Latin spellings of letters that do not decompose;
/// apostrophes are dropped ("O'Brien" -> "obrien").
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase) {
        match c {
            '\'' | '\u{2019}' | '\u{02bc}' => {}
            'đ' | 'ð' => out.push('d'),
            'ø' => out.push('o'),
            'ł' => out.push('l'),
            'ı' => out.push('i'),
            // Greek final sigma: typed in capitals, a name folds to the ordinary sigma.
            'ς' => out.push('σ'),
            'ħ' => out.push('h'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'þ' => out.push_str("th"),
            // Arabic letters that are written either way: alef maqsura and ta marbuta.
            'ى' => out.push('ي'),
            'ة' => out.push('ه'),
            c => out.push(c),
        }
    }
    out
}

/// The Latin spelling of a folded Cyrillic word (the common passport-style spelling), or
/// `None` when the word has no Cyrillic letter.
fn latin_of_cyrillic(word: &str) -> Option<String> {
    if !word.chars().any(|c| ('\u{0400}'..='\u{04ff}').contains(&c)) {
        return None;
    }
    let mut out = String::with_capacity(word.len() * 2);
    for c in word.chars() {
        let latin = match c {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' | 'ґ' => "g",
            'д' => "d",
            'е' | 'э' => "e",
            'є' => "ye",
            'ж' => "zh",
            'з' => "z",
            'и' | 'і' | 'й' => "i",
            'ј' => "j",
            'к' => "k",
            'л' => "l",
            'љ' => "lj",
            'м' => "m",
            'н' => "n",
            'њ' => "nj",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'ћ' => "c",
            'ђ' => "dj",
            'у' => "u",
            'ф' => "f",
            'х' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'џ' => "dz",
            'ш' => "sh",
            'щ' => "shch",
            'ъ' | 'ь' => "",
            'ы' => "y",
            'ю' => "yu",
            'я' => "ya",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(latin);
    }
    Some(out)
}

/// A folded word and, for Cyrillic, its Latin spelling.
fn spellings(folded: String, keys: &mut Vec<String>) {
    if let Some(latin) = latin_of_cyrillic(&folded) {
        keys.push(latin);
    }
    keys.push(folded);
}

/// The keys of a name: each word, folded; a hyphenated word also as its parts and written
/// together ("Al-Farsi": "al-farsi", "al", "farsi", "alfarsi"). Other punctuation separates
/// words.
fn name_keys(name: &str, keys: &mut Vec<String>) {
    let folded = fold(name);
    for word in folded.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
        let parts: Vec<&str> = word.split('-').filter(|p| !p.is_empty()).collect();
        if parts.len() > 1 {
            spellings(parts.join("-"), keys);
            spellings(parts.concat(), keys);
        }
        for part in parts {
            spellings(part.to_owned(), keys);
        }
    }
}

/// The digits of a phone number, and those after the country code when it is written with
/// one ("+1 555 010 0199": "15550100199" and "5550100199"): people say their number as they
/// dial it at home.
fn phone_keys(phone: &str, keys: &mut Vec<String>) {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return;
    }
    let trimmed = phone.trim_start();
    if let Some(rest) = trimmed.strip_prefix('+') {
        let code_len = rest.chars().take_while(char::is_ascii_digit).count();
        if code_len > 0 && code_len < digits.len() {
            keys.push(digits[code_len..].to_owned());
        }
    }
    keys.push(digits);
}

/// Every key of a candidate, sorted and without repeats.
pub(crate) fn of_person(first_name: &str, last_name: &str, email: Option<&str>, phone: Option<&str>) -> Vec<String> {
    let mut keys = Vec::new();
    name_keys(first_name, &mut keys);
    name_keys(last_name, &mut keys);
    if let Some(email) = email.map(str::trim).filter(|e| !e.is_empty()) {
        spellings(email_key(email), &mut keys);
    }
    if let Some(phone) = phone {
        phone_keys(phone, &mut keys);
    }
    keys.retain(|k| !k.is_empty());
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// An email as its key holds it: folded, without spaces. Only email keys hold an `@`.
pub(crate) fn email_key(email: &str) -> String {
    fold(email).chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether a key is an email's (an exact email lookup must never match a name).
pub(crate) fn is_email(key: &str) -> bool {
    key.contains('@')
}

/// Whether a word may have a typo forgiven: a name-like word (letters, maybe hyphenated) of
/// at least four letters (a shorter one is within one edit of almost everything).
pub(crate) fn typo_eligible(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 4 && word.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// What was typed into the check-in search, as words to find among a person's keys.
#[derive(Debug, PartialEq)]
pub(crate) struct Query {
    /// Every word must be the start of one of the person's keys.
    pub words: Vec<String>,
}

impl Query {
    /// A phone number (digits with the usual punctuation, no letters) is one word of its
    /// digits; anything else is split on spaces and folded like the keys.
    pub(crate) fn parse(text: &str) -> Self {
        let text = text.trim();
        let phone_like = text.chars().any(|c| c.is_ascii_digit())
            && text.chars().all(|c| c.is_ascii_digit() || c.is_whitespace() || "+-()./".contains(c));
        if phone_like {
            return Self { words: vec![text.chars().filter(char::is_ascii_digit).collect()] };
        }
        let words =
            text.split_whitespace().map(|w| fold(w.trim_end_matches([',', ';']))).filter(|w| !w.is_empty()).collect();
        Self { words }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The word an index scan starts from: the longest, which narrows the most.
    pub(crate) fn driver(&self) -> Option<&str> {
        self.words.iter().max_by_key(|w| w.len()).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_their_accents_case_and_apostrophes() {
        assert_eq!(of_person("Nguyễn Anh", "Đặng", None, None), ["anh", "dang", "nguyen"]);
        assert_eq!(of_person("Søren", "O'Brien", None, None), ["obrien", "soren"]);
        assert_eq!(of_person("Jürgen", "Weiß", None, None), ["jurgen", "weiss"]);
        assert_eq!(of_person("İrem", "Yılmaz", None, None), ["irem", "yilmaz"]);
        assert_eq!(Query::parse("ΓΙΏΡΓΟΣ").words, of_person("Γιώργος", "", None, None));
    }

    #[test]
    fn hyphenated_names_are_found_by_any_part_or_whole() {
        assert_eq!(
            of_person("Ji-woo", "Al-Farsi", None, None),
            ["al", "al-farsi", "alfarsi", "farsi", "ji", "ji-woo", "jiwoo", "woo"]
        );
    }

    #[test]
    fn cyrillic_names_are_kept_and_spelled_in_latin() {
        let keys = of_person("Иван", "Щербаков", None, None);
        for key in ["иван", "ivan", "щербаков", "shcherbakov"] {
            assert!(keys.contains(&key.to_owned()), "{key} in {keys:?}");
        }
    }

    #[test]
    fn arabic_and_chinese_names_stay_in_their_script() {
        // Vowel marks go; alef with hamza reads as alef.
        assert_eq!(of_person("أَحْمَد", "王", None, None), ["احمد", "王"]);
        assert_eq!(of_person("فاطمة", "", None, None), ["فاطمه"]);
    }

    #[test]
    fn emails_are_one_key_and_phones_their_digits_with_and_without_the_country_code() {
        let keys = of_person("Ana", "Souza", Some(" Ana.Souza@Example.com "), Some("+1 (555) 010-0199"));
        assert_eq!(keys, ["15550100199", "5550100199", "ana", "ana.souza@example.com", "souza"]);
        assert_eq!(of_person("", "", None, Some("020 7946 0958")), ["02079460958"]);
    }

    #[test]
    fn only_email_keys_hold_an_at_sign() {
        let keys = of_person("a@b", "x", Some("x@y.example"), None);
        assert_eq!(keys.iter().filter(|k| is_email(k)).collect::<Vec<_>>(), ["x@y.example"]);
    }

    #[test]
    fn queries_are_folded_words_or_the_digits_of_a_phone() {
        assert_eq!(Query::parse("  Ana  SOUZA, ").words, ["ana", "souza"]);
        assert_eq!(Query::parse("José.García@").words, ["jose.garcia@"]);
        assert_eq!(Query::parse("+1 (555) 010").words, ["1555010"]);
        assert_eq!(Query::parse("O’Brien").words, ["obrien"]);
        assert!(Query::parse("   ").is_empty());
        assert_eq!(Query::parse("ana souza").driver(), Some("souza"));
    }

    #[test]
    fn typos_are_forgiven_in_name_like_words_of_four_letters_or_more() {
        assert!(typo_eligible("jhon"));
        assert!(typo_eligible("al-afrsi"));
        assert!(!typo_eligible("jho"));
        assert!(!typo_eligible("ana.souza"));
        assert!(!typo_eligible("5550"));
    }
}
