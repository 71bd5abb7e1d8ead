//! Who the resume is about and how to reach them: name, email, phone, location, links.

use talentdesk_domain::validation;

use super::sections::{self, Section};
use super::words;

/// Lines of the top of a resume that are not the name.
const NOT_NAMES: &[&str] =
    &["resume", "résumé", "curriculum vitae", "cv", "lebenslauf", "page", "contact", "europass", "currículum vitae"];

/// The first email address in the text, as the domain's rules clean it. An address is read
/// outwards from its `@` over the characters an address may hold, letters of any script
/// included (RFC 6531), so a label glued to it ("Mail:łukasz@…", "mailto:") stays out and a
/// non-ASCII first letter stays in.
pub fn email(text: &str) -> Option<String> {
    text.match_indices('@').find_map(|(at, _)| {
        let local_start =
            text[..at].char_indices().rev().take_while(|&(_, c)| in_local_part(c)).last().map_or(at, |(i, _)| i);
        let domain_len: usize =
            text[at + 1..].chars().take_while(|&c| c.is_alphanumeric() || ".-".contains(c)).map(char::len_utf8).sum();
        let local = text[local_start..at].trim_start_matches('.');
        let domain = text[at + 1..at + 1 + domain_len].trim_end_matches(['.', '-']);
        validation::email(&format!("{local}@{domain}")).ok()
    })
}

/// Letters and digits of any script and the ASCII marks RFC 5322 allows in a local part, less
/// the slash and colon that labels put before an address ("Tel/Mail:").
fn in_local_part(c: char) -> bool {
    c.is_alphanumeric() || "._%+-!#$&'*=?^`{}~".contains(c)
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
    let lines: Vec<String> = top.iter().take(8).map(|l| without_label(&letters_joined(l))).collect();
    // A given name alone on the first line, the surname on the next (a narrow banner).
    let split_name = match lines.as_slice() {
        [given, family, ..]
            if given.split_whitespace().count() == 1 && could_be_a_name(&format!("{given} {family}")) =>
        {
            Some(format!("{given} {family}"))
        }
        _ => None,
    };
    let plausible: Vec<&str> = lines
        .iter()
        .map(|l| sections::without_top_heading(l))
        .flat_map(|l| l.split(['|', '•', '—', '–']))
        .flat_map(|l| l.split(" - "))
        .flat_map(|l| l.split("  "))
        .map(|l| without_credentials(without_parenthesis(l.trim())))
        .filter(|line| could_be_a_name(line))
        .collect();
    let best = split_name
        .as_deref()
        .or_else(|| plausible.iter().find(|line| !words::names_a_job(line)).copied())
        .or(plausible.first().copied());
    best.map(title_case)
}

/// The name where the top of the page has none (a sidebar of contact details read first): a
/// line that could be a name with a job title on the line after it ("Pieter Bakker",
/// "Docent aardrijkskunde"), among the first lines.
pub fn name_above_a_title(lines: &[&str]) -> Option<String> {
    lines
        .iter()
        .take(60)
        .zip(lines.iter().skip(1))
        .find(|(line, next)| could_be_a_name(line) && !words::names_a_job(line) && words::names_a_job(next))
        .map(|(line, _)| title_case(line))
}

/// Where a second person's resume starts in the same file (two resumes saved as one PDF): the
/// name line before an email address that is not the top's, in a section of this resume's own
/// (a referee's address under References is no second resume), with a work history or
/// education after it as well as before (a second address in a sidebar starts nothing).
/// `sections` gives each line's section; None when there is one resume, or no address at the
/// top to tell them apart by.
pub fn another_resume(lines: &[&str], sections: &[(Section, usize)]) -> Option<usize> {
    let top: Vec<&str> = sections.iter().filter(|(s, _)| *s == Section::Top).map(|(_, i)| lines[*i]).collect();
    let own = email(&top.join("\n"))?;
    let (_, at) = sections.iter().find(|(s, i)| {
        !matches!(s, Section::Top | Section::Other) && email(lines[*i]).is_some_and(|e| !e.eq_ignore_ascii_case(&own))
    })?;
    let again = [Section::Experience, Section::Education].into_iter().any(|wanted| {
        let has = |before: bool| sections.iter().any(|(s, i)| *s == wanted && (*i < *at) == before);
        has(true) && has(false)
    });
    if !again {
        return None;
    }
    // The name is set a line or two above the contact line.
    let name = (at.saturating_sub(3)..*at).rev().find(|i| could_be_a_name(lines[*i]));
    Some(name.unwrap_or(*at))
}

/// Labels set before a name ("Name: Anna Schmidt", "Nombre: Lucía Pérez").
#[rustfmt::skip]
const NAME_LABELS: &[&str] = &[
    "name", "full name", "nombre", "nombre y apellidos", "nombre completo", "nom", "nom et prénom", "nom complet",
    "nome", "nome e cognome", "nome completo", "naam", "volledige naam", "imię i nazwisko", "vorname name",
    "vor- und nachname",
];

fn without_label(line: &str) -> String {
    match line.split_once(':') {
        // "Name / Surname: …", "Nome / Cognome: …": a label of two.
        Some((label, name)) if label.split('/').any(|l| NAME_LABELS.contains(&l.trim().to_lowercase().as_str())) => {
            name.trim().to_owned()
        }
        _ => line.to_owned(),
    }
}

/// "J O H N   S M I T H" as "JOHN SMITH": a line of letters standing apart, its words set
/// apart by wider gaps (two spaces or more).
fn letters_joined(line: &str) -> String {
    let words: Vec<&str> = line.split("  ").map(str::trim).filter(|w| !w.is_empty()).collect();
    let spaced = |w: &&str| w.split(' ').count() >= 2 && w.split(' ').all(|c| c.chars().count() == 1);
    if words.is_empty() || !words.iter().all(spaced) {
        return line.to_owned();
    }
    words.iter().map(|w| w.replace(' ', "")).collect::<Vec<_>>().join(" ")
}

fn could_be_a_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let lower = line.to_lowercase();
    let particles = words.iter().filter(|w| NAME_PARTICLES.contains(w)).count();
    (2..=5).contains(&(words.len() - particles))
        && line.chars().count() <= 60
        && !line.chars().any(|c| c.is_ascii_digit() || "@/:,".contains(c))
        && !NOT_NAMES.iter().any(|n| lower == *n || lower.starts_with(&format!("{n} ")))
        && words.iter().all(|w| {
            NAME_PARTICLES.contains(w)
                || w.chars().next().is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
        })
        && !words.first().is_some_and(|w| NAME_PARTICLES.contains(w))
        // A heading is never a name ("EXPERIENCIA PROFESIONAL" above a job title).
        && sections::heading(line).is_none()
}

/// Small words inside a surname ("Sanne de Vries", "Ana dos Santos", "Ludwig van Beek").
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "ter", "ten",
    "zu", "y", "e", "al", "bin", "ibn",
];

/// "Dmitri Volkov (Дмитрий Волков)" as "Dmitri Volkov": the name in another script, or a
/// nickname, in parentheses after it.
fn without_parenthesis(line: &str) -> &str {
    match line.split_once(" (") {
        Some((name, rest)) if rest.ends_with(')') => name.trim(),
        _ => line,
    }
}

/// "Rosa Delgado, RN, BSN" as "Rosa Delgado": letters after a name, each a short
/// abbreviation with capitals (ACA, MBA, PhD), or a job title ("Sofia Rossi, Receptionist").
fn without_credentials(line: &str) -> &str {
    let mut pieces = line.split(", ");
    let name = pieces.next().unwrap_or(line);
    let credential = |p: &str| {
        (p.chars().count() <= 5 && !p.contains(' ') && p.chars().filter(|c| c.is_uppercase()).count() >= 2)
            || words::names_a_job(p)
    };
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
    fn an_email_keeps_its_non_ascii_letters_and_leaves_a_glued_label_out() {
        let cases = [
            ("Email: łukasz.kamińska36589@inbox.example.org", "łukasz.kamińska36589@inbox.example.org"),
            ("Tel/Mail:Łukasz.Kaminska@inbox.example.org | +48 501 234 567", "Łukasz.Kaminska@inbox.example.org"),
            ("Tel/Mail:Łukasz, lukasz.kaminska@inbox.example.org", "lukasz.kaminska@inbox.example.org"),
            ("(mailto:ana@example.pt).", "ana@example.pt"),
            ("用户@例子.广告", "用户@例子.广告"),
            ("Ölçüm: jörg.müller@beispiel.de.", "jörg.müller@beispiel.de"),
        ];
        for (text, want) in cases {
            let got = email(text).map(|e| e.to_lowercase());
            assert_eq!(got.as_deref(), Some(want.to_lowercase().as_str()), "{text}");
        }
        assert_eq!(email("@ handle and name@ with no address"), None);
    }

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
        assert_eq!(name(&["Sofia Rossi, Receptionist"]).as_deref(), Some("Sofia Rossi"));
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

    #[test]
    fn a_letter_spaced_banner_a_label_and_a_name_over_two_lines() {
        assert_eq!(name(&["J O H A N N A   B E R G E R", "Pflegefachfrau"]).as_deref(), Some("Johanna Berger"));
        assert_eq!(
            name(&["Lebenslauf", "Name: Jonas Weber", "Geburtsdatum: 02.03.1991"]).as_deref(),
            Some("Jonas Weber")
        );
        assert_eq!(name(&["Marta", "Ruiz Castillo", "Enfermera"]).as_deref(), Some("Marta Ruiz Castillo"));
        assert_eq!(name(&["Nome e cognome: Chiara Bianchi"]).as_deref(), Some("Chiara Bianchi"));
        assert_eq!(
            name(&["Nombre / Apellidos: Ana María de la Fuente Ortega"]).as_deref(),
            Some("Ana María de la Fuente Ortega")
        );
        // Cells of a header row: the name beside a title, a place and the contact details.
        let row = "Amara Osei  Site Supervisor  Leeds, UK  0113 496 0000  amara@example.com";
        assert_eq!(name(&[row]).as_deref(), Some("Amara Osei"));
        assert_eq!(name(&["München", "Bahnhofstraße 4"]), None);
    }

    #[test]
    fn a_name_after_a_sidebar_is_the_one_above_a_title() {
        let lines =
            ["CONTACT", "Utrecht", "+31 6 12345678", "TALEN", "Nederlands", "Sanne de Vries", "Verpleegkundige"];
        assert_eq!(name_above_a_title(&lines).as_deref(), Some("Sanne de Vries"));
        assert_eq!(name_above_a_title(&["Nederlands", "Engels"]), None);
    }
}
