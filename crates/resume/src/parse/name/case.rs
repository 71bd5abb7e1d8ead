//! A name in capitals written as its owner would write it otherwise ("MARÍA GARCÍA" as
//! "María García").

use super::{NAME_PARTICLES, nickname};

/// Particles written with a capital inside a name, in capitals or not (see `natural_case`).
const CAPITAL_PARTICLES: &[&str] = &["ben", "el", "abu"];

/// A word of two letters or more, all capitals ("DUBOIS"; not "Ewa", not "J.").
pub(in crate::parse) fn in_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1 && !word.chars().any(char::is_lowercase)
}

/// A name in capitals as it is written otherwise: "MARÍA GARCÍA" as "María García", "SANNE
/// DE VRIES" as "Sanne de Vries" (a particle inside a name in small letters), "PATRICK
/// O'NEILL" and "ANNA-LENA WEBER-KRAUSE" with a capital after the apostrophe and the hyphen,
/// and a surname in capitals beside a given name ("Claire DUBOIS", as French forms set it) as
/// "Claire Dubois". A word with a small letter is as its owner spells it and stays ("Ludwig
/// van Beek", "McKenzie"); so do scripts without case.
pub(in crate::parse) fn natural_case(name: &str) -> String {
    name.split(' ')
        .enumerate()
        .map(|(i, word)| {
            // "McALLISTER-REID", "d'ORBESSAN": a prefix, or an elided particle, before a
            // surname in capitals.
            if let Some((prefix, rest)) =
                ["Mc", "Mac", "d'", "d’"].iter().find_map(|p| Some((*p, word.strip_prefix(p)?)))
                && in_capitals(rest)
            {
                return format!("{prefix}{}", natural_case(rest));
            }
            // A nickname: initials stay ("(JF)"), a name is cased as the others ("(BOB)" as
            // "(Bob)", "\"BILL\"" as "\"Bill\""); a generation's numeral stays ("III").
            if let Some(inner) = nickname(word) {
                return if inner.chars().count() <= 2 {
                    word.to_owned()
                } else {
                    word.replace(inner, &natural_case(inner))
                };
            }
            if i > 0 && ["II", "III", "IV"].contains(&word) {
                return word.to_owned();
            }
            if !in_capitals(word) {
                return word.to_owned();
            }
            let lower = word.to_lowercase();
            // A particle inside a name is in small letters ("Sanne de Vries", "Hamza bin Rashid"),
            // but for those North African and Levantine names write with a capital ("Karim Ben
            // Salah", "Yasmine El Amrani", "Omar Abu Zaid").
            if i > 0 && NAME_PARTICLES.contains(&lower.as_str()) && !CAPITAL_PARTICLES.contains(&lower.as_str()) {
                return lower;
            }
            let mut out = String::with_capacity(word.len());
            let mut capital = true;
            for c in lower.chars() {
                if capital {
                    out.extend(c.to_uppercase())
                } else {
                    out.push(c)
                }
                // A new part of the name starts after a hyphen, and after an apostrophe that
                // follows one letter ("O'Neill", "D'Angelo"; not "Jean-Pierre's").
                let apostrophe = c == '\'' || c == '’';
                capital = c == '-' || (apostrophe && out.chars().filter(|c| c.is_alphabetic()).count() == 1);
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}
