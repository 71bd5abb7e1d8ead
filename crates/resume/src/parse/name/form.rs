//! A name given on a form, after its label ("Nachname(n) / Vorname(n)  Schneider, Jonas",
//! "Name: Jonas Weber"), in the order the label says it.

use std::sync::OnceLock;

use super::{
    PHOTO_PLACEHOLDERS, could_be_a_name, in_capitals, natural_case, sections, without_credentials, without_parenthesis,
};

/// Which way round a form's label wants the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Order {
    SurnameFirst,
    GivenFirst,
}

/// The table of name labels (see the file's own comment), longest first so that "nom et
/// prénom" is found before "nom".
fn labels() -> &'static [(String, Order)] {
    static LABELS: OnceLock<Vec<(String, Order)>> = OnceLock::new();
    LABELS.get_or_init(|| {
        let file = "name-labels.tsv";
        let mut labels: Vec<(String, Order)> =
            crate::parse::data::pairs(include_str!("../../../../../assets/resume/name-labels.tsv"), file)
                .map(|(order, label)| match order {
                    "surname-first" => (label.to_owned(), Order::SurnameFirst),
                    "given-first" => (label.to_owned(), Order::GivenFirst),
                    _ => panic!("{file}: no order {order:?}"),
                })
                .collect();
        labels.sort_by_key(|(label, _)| std::cmp::Reverse(label.chars().count()));
        labels
    })
}

/// "Nachname(n) / Vorname(n)" as "Nachname/Vorname": the form a label has in the table.
fn label_form(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        // A plural mark of a letter or two in parentheses right after a word: "(s)", "(n)",
        // "(en)"; the old Polish Europass form's ending after a hyphen: "(-a)", "(-iona)".
        let plural = |inner: &str| {
            let ending = inner.strip_prefix('-');
            let letters = ending.unwrap_or(inner);
            let most = if ending.is_some() { 6 } else { 2 };
            (1..=most).contains(&letters.chars().count()) && letters.chars().all(char::is_alphabetic)
        };
        let mark = rest.strip_prefix('(').and_then(|r| r.split_once(')')).filter(|(inner, _)| plural(inner));
        match mark {
            Some((_, after)) if out.chars().last().is_some_and(char::is_alphabetic) => rest = after,
            _ => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out.replace(" / ", "/").replace("/ ", "/").replace(" /", "/")
}

/// A name label at the start of a line and what follows it (without the colon or gap after the
/// label); None when the line does not start with one, or the label runs on into a longer word
/// ("Namensänderung").
pub(super) fn label_at_start(line: &str) -> Option<(Order, String)> {
    let form = label_form(line.trim());
    let lower = form.to_lowercase();
    labels().iter().find_map(|(label, order)| {
        let rest = lower.strip_prefix(label.as_str())?;
        if rest.chars().next().is_some_and(char::is_alphanumeric) {
            return None;
        }
        // The same characters in the line as written (lower case keeps these labels' lengths).
        let written = form.get(label.len()..)?;
        Some((*order, written.trim_start_matches([':', ' ', '\t']).trim().to_owned()))
    })
}

/// The name on a form, after its label: on the label's line ("Name: Jonas Weber",
/// "Nachname(n) / Vorname(n)  Schneider, Jonas") or on the line after a label alone, in the
/// order it is said ("Jonas Schneider").
pub(super) fn labelled(top: &[&str]) -> Option<String> {
    top.iter().take(16).enumerate().find_map(|(i, line)| {
        let line = sections::without_top_heading(line);
        let (order, value) = label_at_start(line)?;
        let value = if value.is_empty() { (*top.get(i + 1)?).to_owned() } else { value };
        // "Name  Reto Gämperle  Foto": the photo's box in the form's next cell.
        let cells: Vec<&str> = value.split("  ").map(str::trim).collect();
        let value = cells.iter().filter(|c| !PHOTO_PLACEHOLDERS.contains(&c.to_lowercase().as_str())).copied();
        let name = in_the_order_said(&value.collect::<Vec<_>>().join("  "), order)?;
        // "Name:  CHIAMAKA EZE (Mrs)": a form's value keeps no aside and no letters after it.
        let name = without_credentials(without_parenthesis(&name));
        could_be_a_name(name).then(|| natural_case(name))
    })
}

/// A form's value as the name is said: "Schneider, Jonas" and "ROSSI Mario" (the surname
/// marked by its capitals) as "Jonas Schneider" and "Mario Rossi". Without a comma or capitals
/// to tell the surname, the words stay in the order written: guessing would swap as many right
/// names as it mends. None when a comma leaves more than two parts (an address).
pub(super) fn in_the_order_said(value: &str, order: Order) -> Option<String> {
    let parts: Vec<&str> = value.split(',').map(str::trim).collect();
    match parts.as_slice() {
        [surname, given] if !surname.is_empty() && !given.is_empty() => return Some(format!("{given} {surname}")),
        [_] => {}
        _ => return None,
    }
    let words: Vec<&str> = value.split_whitespace().collect();
    // The surname: the words in capitals that lead; the given names after it each written in
    // small letters with a capital ("ROSSI Mario"; not "ANNA K. BERG", whose initial tells
    // nothing).
    let lead = words.iter().take_while(|w| in_capitals(w)).count();
    let (surname, given) = words.split_at(lead);
    // A given name is as many small letters as capitals or more ("Claire", "Yu"):
    // "McALLISTER-REID" after "CALLUM" is a surname.
    let small = |w: &&str| {
        let lower = w.chars().filter(|c| c.is_lowercase()).count();
        lower >= w.chars().filter(|c| c.is_uppercase()).count()
    };
    let marked = !surname.is_empty() && !given.is_empty() && given.iter().all(small);
    Some(if order == Order::SurnameFirst && marked {
        format!("{} {}", given.join(" "), surname.join(" "))
    } else {
        value.trim().to_owned()
    })
}
