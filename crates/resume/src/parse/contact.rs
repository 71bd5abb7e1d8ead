//! Who the resume is about and how to reach them: name, email, phone, location, links.

use talentdesk_domain::validation;

use super::{sections, words};

/// Lines of the top of a resume that are not the name.
const NOT_NAMES: &[&str] =
    &["resume", "résumé", "curriculum vitae", "cv", "lebenslauf", "page", "contact", "europass", "currículum vitae"];

/// The first email address in the text, as the domain's rules clean it.
pub fn email(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || "|,;<>()[]".contains(c))
        .filter(|w| w.contains('@'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).trim_start_matches("mailto:"))
        .find_map(|w| validation::email(w).ok())
}

/// Links to profiles and portfolios, with `https://` added where the resume left it out.
pub fn links(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || "|,;<>()[]".contains(c)) {
        let word = word.trim_end_matches(['.', ',', ')']);
        let lower = word.to_lowercase();
        let is_link = lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.")
            || lower.contains("linkedin.com/")
            || lower.contains("github.com/")
            || lower.contains("gitlab.com/");
        if !is_link || lower.contains('@') {
            continue;
        }
        let link = if lower.starts_with("http") { word.to_owned() } else { format!("https://{word}") };
        if !out.iter().any(|l| l.eq_ignore_ascii_case(&link)) {
            out.push(link);
        }
    }
    out
}

/// The first phone number: a run of 7 to 15 digits with the usual separators, which is not a
/// range of years or a date.
pub fn phone(lines: &[&str]) -> Option<String> {
    // A labelled number first ("Phone:", "Tel", "Mobile"), else the first that looks like one.
    let labelled = lines.iter().filter(|l| {
        let l = l.to_lowercase();
        ["phone", "tel", "mobile", "cell", "telefon", "téléphone", "teléfono"].iter().any(|k| l.contains(k))
    });
    labelled.chain(lines.iter()).find_map(|line| number_in(line))
}

fn number_in(line: &str) -> Option<String> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c == '+' || c.is_ascii_digit() || c == '(' {
            let mut j = i;
            let mut digits = 0;
            let mut end = start;
            while j < chars.len() {
                let (at, d) = chars[j];
                if d.is_ascii_digit() {
                    digits += 1;
                    end = at + 1;
                } else if !(" -.()/+".contains(d)) || (d == '+' && j != i) {
                    break;
                }
                j += 1;
            }
            let candidate = line[start..end].trim();
            if (7..=15).contains(&digits) && !looks_like_years(candidate) {
                return validation::phone(candidate).ok().map(|_| candidate.to_owned());
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// "2015 - 2019", "2019.04 2021.06": years, not a phone number.
fn looks_like_years(s: &str) -> bool {
    let groups: Vec<&str> = s.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty()).collect();
    groups.iter().any(|g| g.len() == 4 && (g.starts_with("19") || g.starts_with("20")))
        && groups.iter().all(|g| g.len() == 4 || g.len() <= 2)
        && !s.starts_with('+')
}

/// The name: one of the first lines, of two to five words that start with a capital letter
/// (or a letter of a script without case), without digits or contact details; a line that
/// names a job ("Chartered Accountant", set above the name in some banners) only when no
/// other line will do.
pub fn name(top: &[&str]) -> Option<String> {
    let plausible: Vec<&str> = top
        .iter()
        .take(8)
        .map(|l| sections::without_top_heading(l))
        .flat_map(|l| l.split(['|', '•', '—', '–']))
        .flat_map(|l| l.split(" - "))
        .map(|l| without_credentials(without_parenthesis(l.trim())))
        .filter(|line| could_be_a_name(line))
        .collect();
    let best = plausible.iter().find(|line| !words::names_a_job(line)).or(plausible.first());
    best.map(|line| title_case(line))
}

fn could_be_a_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let lower = line.to_lowercase();
    (2..=5).contains(&words.len())
        && line.chars().count() <= 50
        && !line.chars().any(|c| c.is_ascii_digit() || "@/:,".contains(c))
        && !NOT_NAMES.iter().any(|n| lower == *n || lower.starts_with(&format!("{n} ")))
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase())))
}

/// "Dmitri Volkov (Дмитрий Волков)" as "Dmitri Volkov": the name in another script, or a
/// nickname, in parentheses after it.
fn without_parenthesis(line: &str) -> &str {
    match line.split_once(" (") {
        Some((name, rest)) if rest.ends_with(')') => name.trim(),
        _ => line,
    }
}

/// "Rosa Delgado, RN, BSN" as "Rosa Delgado": letters after a name, each a short
/// abbreviation with capitals (ACA, MBA, PhD).
fn without_credentials(line: &str) -> &str {
    let mut pieces = line.split(", ");
    let name = pieces.next().unwrap_or(line);
    let credential =
        |p: &str| p.chars().count() <= 5 && !p.contains(' ') && p.chars().filter(|c| c.is_uppercase()).count() >= 2;
    let mut rest = pieces.peekable();
    if rest.peek().is_some() && rest.all(credential) { name.trim() } else { line }
}

/// "ANA SOUZA" as "Ana Souza"; a name already in mixed case stays as written.
fn title_case(name: &str) -> String {
    if name.chars().any(|c| c.is_lowercase()) {
        return name.to_owned();
    }
    name.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map(|f| f.to_string() + &chars.as_str().to_lowercase()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "City, Country" (or "City, Region, Country") near the top, or after "Location:".
pub fn location(top: &[&str], name: Option<&str>) -> Option<String> {
    for line in top.iter().take(10) {
        for part in line.split(['|', '•', '·']).flat_map(|p| p.split("  ")).map(str::trim) {
            let part = part
                .strip_prefix("Location:")
                .or_else(|| part.strip_prefix("Address:"))
                .or_else(|| part.strip_prefix("Based in"))
                .unwrap_or(part)
                .trim();
            let pieces: Vec<&str> = part.split(',').map(str::trim).collect();
            let place_like = (2..=3).contains(&pieces.len())
                && pieces.iter().all(|p| {
                    !p.is_empty()
                        && p.chars().count() <= 40
                        && p.chars().all(|c| c.is_alphabetic() || " .'-".contains(c))
                        && p.chars().next().is_some_and(char::is_uppercase)
                });
            if place_like && Some(part) != name {
                return Some(part.to_owned());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_details_in_a_header() {
        let top = [
            "RESUME",
            "JOSÉ GARCÍA LÓPEZ",
            "Madrid, Spain | jose.garcia@example.es | +34 612 345 678",
            "linkedin.com/in/josegarcia",
        ];
        assert_eq!(name(&top).as_deref(), Some("José García López"));
        assert_eq!(email(&top.join("\n")).as_deref(), Some("jose.garcia@example.es"));
        assert_eq!(phone(&top).as_deref(), Some("+34 612 345 678"));
        assert_eq!(location(&top, Some("José García López")).as_deref(), Some("Madrid, Spain"));
        assert_eq!(links(&top.join("\n")), ["https://linkedin.com/in/josegarcia"]);
    }

    #[test]
    fn names_in_other_scripts_and_years_that_are_not_phones() {
        assert_eq!(name(&["Γιώργος Βλάχος", "Athens, Greece"]).as_deref(), Some("Γιώργος Βλάχος"));
        assert_eq!(name(&["王 小明", "Beijing, China"]).as_deref(), Some("王 小明"));
    }

    #[test]
    fn letters_after_a_name_are_not_part_of_it() {
        assert_eq!(name(&["Priya Raghunathan, ACA", "Manchester"]).as_deref(), Some("Priya Raghunathan"));
        assert_eq!(name(&["Rosa Delgado, RN, BSN"]).as_deref(), Some("Rosa Delgado"));
        assert_eq!(name(&["Ana Souza, Lisbon"]).as_deref(), None);
    }

    #[test]
    fn a_job_title_above_the_name_is_not_the_name() {
        assert_eq!(name(&["CHEF DE RÉCEPTION", "LUCAS GIRARD", "Paris"]).as_deref(), Some("Lucas Girard"));
        // A title alone is still better than nothing.
        assert_eq!(name(&["Chartered Accountant", "London"]).as_deref(), Some("Chartered Accountant"));
        assert_eq!(phone(&["Acme 2015 - 2019"]), None);
        assert_eq!(phone(&["Tel: (415) 555-2671"]).as_deref(), Some("(415) 555-2671"));
    }
}
