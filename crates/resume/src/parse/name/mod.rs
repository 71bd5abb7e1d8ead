//! Who the resume is about: the person's name, as a recruiter would write it on a card.
//!
//! The name is looked for in the top of the resume (before its first section heading), in
//! this order: a form's label ("Nachname(n) / Vorname(n)  Schneider, Jonas", Europass), a given
//! name and a surname set on two lines (a banner), then the first line that could be a name.
//! Photo placeholders and monograms are not words of it; a section heading, a label and a job
//! title are not names; capitals are undone where that is safe.
//!
//! A form's labels are read in `form`, what stands around a name (titles, credentials, a title
//! page's words) is taken off in `around`, and capitals are undone in `case`.

mod around;
mod case;
mod form;

use unicode_normalization::UnicodeNormalization;

use super::{sections, words};
use around::{
    POST_NOMINALS, only_honorifics, without_credentials, without_honorifics, without_parenthesis, without_title_after,
    without_title_page_word,
};
pub(in crate::parse) use case::in_capitals;
pub(in crate::parse) use case::natural_case;
use form::{Order, in_the_order_said, label_at_start, labelled};

/// Lines of the top of a resume that are not the name.
const NOT_NAMES: &[&str] = &[
    "resume",
    "résumé",
    "curriculum vitae",
    "cv",
    "hoja de vida",
    "lebenslauf",
    "contact",
    "europass",
    "currículum vitae",
    "currículo",
    "curriculo",
    "curriculum",
];

/// Whether a line is a resume's title-page word ("Curriculum Vitae", "RÉSUMÉ"), never a name.
pub(crate) fn is_title_page_word(line: &str) -> bool {
    NOT_NAMES.contains(&line.trim().to_lowercase().as_str())
}

/// The text a template leaves where the photo goes ("PHOTO", "Foto", "[Zdjęcie]"): read in
/// beside or between the lines of a banner name, never a word of it.
const PHOTO_PLACEHOLDERS: &[&str] = &[
    "photo",
    "foto",
    "photograph",
    "picture",
    "image",
    "your photo",
    "photo here",
    "bild",
    "lichtbild",
    "passbild",
    "passfoto",
    "bewerbungsfoto",
    "fotografía",
    "fotografia",
    "foto tessera",
    "pasfoto",
    "zdjęcie",
    "photo d'identité",
];

/// First words of place names, never of a person's ("San Sebastián", "Den Haag", "New
/// Jersey", "Bad Homburg"): a town on a line of its own in the contact details is no name.
const PLACE_STARTS: &[&str] = &[
    "san", "santa", "são", "los", "las", "den", "new", "saint", "st.", "sankt", "bad", "nueva", "fort", "port",
    "mount", "lake", "north", "south", "east", "west", "city",
];

/// Small words inside a surname ("Sanne de Vries", "Ana dos Santos", "Ludwig van Beek",
/// "Rhiannon ap Gwilym").
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "del", "della", "dela", "di", "du", "la", "le", "van", "von", "der", "den", "ter",
    "ten", "'t", "’t", "zu", "y", "e", "al", "bin", "ibn", "ap", "ab", "el", "ben", "bint", "abu", "des", "dei",
    "degli", "op", "vom", "zum", "zur", "af", "i",
];

/// Labels of a form's personal data whose value reads like a name ("Nacionalidade
/// Portuguesa", "Nationality British"): a line that starts with one is none.
const PERSONAL_DATA_LABELS: &[&str] = &[
    "nationality",
    "nationalité",
    "nacionalidad",
    "nacionalidade",
    "nazionalità",
    "cittadinanza",
    "staatsangehörigkeit",
    "nationalität",
    "nationaliteit",
    "obywatelstwo",
    "narodowość",
    "citizenship",
];

/// A nickname in brackets or quotes between a name's words ("(JF)", "\"JM\"", "“Bobby”"): the
/// word inside.
pub(crate) fn nickname(word: &str) -> Option<&str> {
    [('(', ')'), ('"', '"'), ('“', '”'), ('\'', '\'')]
        .iter()
        .find_map(|(open, close)| word.strip_prefix(*open)?.strip_suffix(*close))
        .filter(|inner| !inner.is_empty())
}

/// Particles that are given names too when they come first ("Ben Okoro", "Abu Bakar"), where
/// an article first is a town's ("El Paso", "La Rochelle").
const GIVEN_NAME_PARTICLES: &[&str] = &["ben", "abu"];

/// The kinds of school a school's name ends on and no surname is.
const SCHOOL_KINDS: &[&str] = &[
    "college",
    "school",
    "university",
    "academy",
    "institute",
    "gymnasium",
    "lyceum",
    "lycée",
    "universität",
    "universiteit",
    "hochschule",
    "hogeschool",
    "realschule",
    "gesamtschule",
    "berufsschule",
];

/// Words of a credential's name, never of a person's ("AWS Certified Solutions Architect").
/// So are a driving licence's ("Permis B", "Führerschein Klasse B", "Rijbewijs B").
const CREDENTIAL_WORDS: &[&str] = &[
    "certified",
    "certificate",
    "certification",
    "accredited",
    "licensed",
    "permis",
    "führerschein",
    "rijbewijs",
    "carnet",
    "carné",
    "licence",
    "license",
    "patente",
    "patentino",
];

/// The name: a form's labelled name first, else a banner's given name and surname on two
/// lines, else the first of the first lines of two to five words that start with a capital
/// letter (or a letter of a script without case), without digits or contact details; a line
/// that names a job ("Chartered Accountant", set above the name in some banners) only when no
/// other line will do.
pub fn name(top: &[&str]) -> Option<String> {
    if let Some(labelled) = labelled(top) {
        return Some(labelled);
    }
    let lines: Vec<String> = without_photo_title_and_monogram(top)
        .iter()
        .take(8)
        .map(|l| crate::normalize::letters_joined(l))
        .map(|l| spaced_capitals_joined(unframed(&l)))
        .collect();
    let lines = without_wrapped_heading(lines);
    let plausible: Vec<&str> = lines
        .iter()
        .map(|l| sections::without_top_heading(l))
        .flat_map(|l| l.split(['|', '•', '—', '–']))
        .flat_map(|l| l.split(" - "))
        .flat_map(|l| l.split("  "))
        .map(|l| without_honorifics(without_title_page_word(l.trim())))
        .map(|l| without_title_after(without_credentials(without_parenthesis(l))))
        .filter(|line| could_be_a_name(line))
        // A school's name from a sidebar read early ("Koning Willem I College") is no person's:
        // its last word is a school's kind, which no surname is (the school words also hold
        // "Kammer", "Cima", "Centro", surnames too).
        .filter(|line| {
            let last = line.split_whitespace().last().unwrap_or_default().to_lowercase();
            !SCHOOL_KINDS.contains(&last.as_str())
        })
        .collect();
    // "INFORMACIÓN PERSONAL  Almansa Quesada, Rocío": the Europass form's name beside its
    // section's heading, surname first before a comma.
    let beside_the_heading = lines.iter().enumerate().find_map(|(i, l)| {
        let rest = sections::without_top_heading(l);
        // The form's heading may have been read as a line of its own, or left out of the top:
        // then the line above is the title page's word.
        let under = i.checked_sub(1).is_some_and(|above| {
            sections::heading(&lines[above]) == Some(sections::Section::Top) || is_title_page_word(&lines[above])
        });
        // Not a town and its country or state ("Leeds, UK", "Columbus, OH" under "CONTACT"),
        // nor a name and its credential ("Jane Smith, RN"); the gazetteer is no help, as it
        // knows "Li" and "Wei" as towns.
        let place_or_letters = rest.split_once(',').is_some_and(|(_, after)| {
            let after = after.trim();
            let code = (2..=3).contains(&after.chars().count()) && after.chars().all(|c| c.is_ascii_uppercase());
            crate::parse::history::is_country(after) || POST_NOMINALS.contains(&after.to_lowercase().as_str()) || code
        });
        let on_its_line = rest.len() < l.len();
        let surname_first = (on_its_line || under) && rest.matches(',').count() == 1 && !place_or_letters;
        let name = surname_first.then(|| in_the_order_said(rest, Order::SurnameFirst)).flatten();
        name.filter(|n| could_be_a_name(n)).map(|n| (n, on_its_line))
    });
    // On the heading's own line it is the form's name field; on the line under a heading it
    // may be a town and its region ("Melbourne, Victoria" under "CONTACT"), after any other.
    let (on_the_heading, under_the_heading) = match beside_the_heading {
        Some((name, true)) => (Some(name), None),
        Some((name, false)) => (None, Some(name)),
        None => (None, None),
    };
    let best = over_two_lines(&lines)
        .or(on_the_heading)
        .or_else(|| plausible.iter().find(|line| !words::names_a_job(line)).map(|l| (*l).to_owned()))
        .or(under_the_heading)
        .or_else(|| plausible.first().map(|l| (*l).to_owned()))
        .map(|n| fuller(&n, &plausible).unwrap_or(n));
    // "DUBOIS Claire": the surname set first in capitals, as French and Italian resumes do; a
    // name written beside its Chinese, Japanese or Korean form keeps that order, its own
    // ("CHEN Jiahui (陈佳慧)" is Chen Jiahui).
    best.map(|n| {
        let own_order = lines.iter().any(|l| l.contains(n.as_str()) && east_asian(l));
        let n = if own_order { n } else { in_the_order_said(&n, Order::SurnameFirst).unwrap_or(n) };
        natural_case(&n)
    })
}

/// The name with more of its words, where another line of the top starts with it ("Joaquín
/// Ruiz" signing a cover note over the resume's "JOAQUÍN RUIZ BENÍTEZ").
fn fuller(name: &str, plausible: &[&str]) -> Option<String> {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    plausible
        .iter()
        .find(|line| {
            let theirs: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
            theirs.len() > words.len() && theirs.starts_with(&words)
        })
        .map(|line| (*line).to_owned())
}

/// How a cover note ends before the writer's name ("Pozdrawiam" over "Tomasz Mazur"), in the
/// languages here, lower case; not a word that is a surname too ("Best").
const CLOSINGS: &[&str] = &[
    "regards",
    "kind regards",
    "best regards",
    "best wishes",
    "many thanks",
    "thanks",
    "cheers",
    "sincerely",
    "yours sincerely",
    "yours faithfully",
    "mit freundlichen grüßen",
    "freundliche grüße",
    "viele grüße",
    "beste grüße",
    "cordialement",
    "bien cordialement",
    "bien à vous",
    "saludos",
    "un saludo",
    "saludos cordiales",
    "atentamente",
    "cumprimentos",
    "atenciosamente",
    "com os melhores cumprimentos",
    "cordiali saluti",
    "distinti saluti",
    "saluti",
    "met vriendelijke groet",
    "met vriendelijke groeten",
    "vriendelijke groet",
    "groeten",
    "pozdrawiam",
    "z poważaniem",
    "z wyrazami szacunku",
];

/// Whether a line is a cover note's closing, never a word of the name under it.
fn is_a_closing(line: &str) -> bool {
    let lower = line.trim().trim_end_matches([',', '.', '!']).to_lowercase();
    CLOSINGS.contains(&lower.as_str())
}

/// The lines without a heading of the top that a form's narrow label column wrapped over two
/// lines ("INFORMATIONS" over "PERSONNELLES Julien GIRAUDEAU"): the first line goes, the second
/// keeps what follows the heading.
fn without_wrapped_heading(mut lines: Vec<String>) -> Vec<String> {
    let Some(k) = (1..lines.len()).find(|&k| {
        let joined = format!("{} {}", lines[k - 1], lines[k]);
        !lines[k - 1].contains(' ') && sections::without_top_heading(&joined).len() < lines[k].len()
    }) else {
        return lines;
    };
    let joined = format!("{} {}", lines[k - 1], lines[k]);
    lines[k] = sections::without_top_heading(&joined).to_owned();
    lines.remove(k - 1);
    lines
}

/// The name where the top of the page has none (a sidebar of contact details read first): a
/// line that could be a name with a job title on the line after it ("Pieter Bakker",
/// "Docent aardrijkskunde"), among the first lines; or such a name wrapped after its
/// particles ("Konstantin von der" over "Heyde").
pub fn name_above_a_title(lines: &[&str]) -> Option<String> {
    // Among the first sixty lines, a name wrapped on the sixtieth too.
    let lines = &lines[..lines.len().min(61)];
    (0..lines.len()).find_map(|i| {
        let (name, title) = match lines.get(i + 1) {
            Some(next) if ends_on_a_particle(lines[i]) => (format!("{} {}", lines[i], next.trim()), lines.get(i + 2)),
            _ => (lines[i].to_owned(), lines.get(i + 1)),
        };
        (could_be_a_name(&name) && !words::names_a_job(&name) && title.is_some_and(|t| words::names_a_job(t)))
            .then(|| natural_case(&name))
    })
}

/// Words a document's title sets around a name ("CV Tomás Herrera", "Lebenslauf – Anna
/// Weber", "Bewerbung Anna Schmidt"), lower case.
#[rustfmt::skip]
const TITLE_WORDS_AROUND: &[&str] = &[
    "cv", "resume", "résumé", "curriculum", "vitae", "currículum", "currículo", "curriculo", "lebenslauf", "życiorys",
    "bewerbung", "application", "candidate", "candidato", "candidata", "candidat", "candidature", "portfolio",
    "profile", "profil", "perfil", "final", "new", "neu", "nuevo", "nouveau",
];

/// Words of a program or a file that make a document's title no person's ("Microsoft Word -
/// CV_final", "Untitled document", "Canva design"), lower case; a phrase of them is looked for
/// whole.
#[rustfmt::skip]
const PRODUCERS: &[&str] = &[
    "microsoft", "word", "untitled", "document", "documento", "dokument", "sans titre", "senza titolo", "sin título",
    "canva", "google", "libreoffice", "template", "vorlage", "modèle", "plantilla",
];

/// A name in a PDF's title (its document information), where the parser found none on the
/// page: the part of the title that could be a name and is no heading, job title, employer or
/// program's or file's word ("Tomás Herrera Vidal", "CV – Ana Souza"), in its natural case.
pub fn from_title(title: &str) -> Option<String> {
    let lower = title.to_lowercase();
    let said: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    let produced = PRODUCERS.iter().any(|p| if p.contains(' ') { lower.contains(p) } else { said.contains(p) });
    // A file's name: letters on both sides of a dot ("Anna Schmidt CV.doc").
    let filed =
        title.as_bytes().windows(3).any(|w| w[1] == b'.' && w[0].is_ascii_alphabetic() && w[2].is_ascii_alphabetic());
    if produced || filed {
        return None;
    }
    title.split(['|', '_', '–', '—', '(', ')', ',']).flat_map(|p| p.split(" - ")).find_map(|part| {
        let kept: Vec<&str> = part
            .split_whitespace()
            .filter(|w| !TITLE_WORDS_AROUND.contains(&w.trim_matches(['.', ':']).to_lowercase().as_str()))
            .collect();
        let name = kept.join(" ");
        let plain = could_be_a_name(&name)
            && !words::names_a_job(&name)
            && !words::names_an_employer(&name)
            && !words::names_a_legal_form(&name)
            && sections::heading(&name).is_none();
        plain.then(|| natural_case(&name))
    })
}

/// Whether a line ends on a surname's particle ("Muhammad Haziq bin", "Joris van der"): a
/// name that goes on below.
fn ends_on_a_particle(line: &str) -> bool {
    line.split_whitespace().last().is_some_and(|w| NAME_PARTICLES.contains(&w.to_lowercase().as_str()))
}

/// Whether a line could be a name: two to five words (not counting particles) that start
/// with a capital or a letter of a script without case, no digits or contact marks, and not a
/// heading, a form's label or the word on a resume's title page.
pub(super) fn could_be_a_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let lower = line.to_lowercase();
    // In capitals too: "MARÍA JOSÉ GIL DE LA FUENTE" has four names.
    // A first word that is a given name too counts as a name.
    let given = |w: &str| GIVEN_NAME_PARTICLES.contains(&w.to_lowercase().as_str());
    let particles = words
        .iter()
        .enumerate()
        .filter(|(i, w)| NAME_PARTICLES.contains(&w.to_lowercase().as_str()) && !(*i == 0 && given(w)))
        .count();
    (2..=5).contains(&(words.len() - particles))
        && line.chars().count() <= 60
        && !line.chars().any(|c| c.is_ascii_digit() || "@/:,".contains(c))
        && !NOT_NAMES.iter().any(|n| lower == *n || lower.starts_with(&format!("{n} ")))
        && !PERSONAL_DATA_LABELS.iter().any(|n| lower.starts_with(&format!("{n} ")))
        && words.iter().all(|w| {
            // An elided particle before a name ("d'Orbessan", "d’ORBESSAN"); a nickname in
            // brackets or quotes between the names ("Jean-François (JF) Tremblay").
            let w = w.strip_prefix("d'").or_else(|| w.strip_prefix("d’")).unwrap_or(w);
            let w = nickname(w).unwrap_or(w);
            NAME_PARTICLES.contains(&w)
                || w.chars().next().is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
        })
        && !words.first().is_some_and(|w| NAME_PARTICLES.contains(w) || PLACE_STARTS.contains(&w.to_lowercase().as_str()))
        // A heading is never a name ("EXPERIENCIA PROFESIONAL" above a job title), nor is the
        // label that stands before one ("Cognome e Nome").
        && sections::heading(line).is_none()
        && !words.iter().any(|w| CREDENTIAL_WORDS.contains(&w.to_lowercase().as_str()))
        && label_at_start(line).is_none_or(|(_, rest)| !rest.is_empty())
}

/// The top's lines without a photo placeholder (a line of its own, or a cell at either end of
/// a line: "ZDJĘCIE  Tomasz Wójcik", "FOTO INÈS"), without a title on a line of its own above
/// the name ("DR.") and without a monogram (the initials of the name on the next line, set in a
/// circle: "AO" above "Amara Okafor").
fn without_photo_title_and_monogram(top: &[&str]) -> Vec<String> {
    let is_photo = |s: &str| {
        let s = s.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        PHOTO_PLACEHOLDERS.contains(&s.as_str())
    };
    let mut lines: Vec<String> = Vec::with_capacity(top.len());
    for line in top {
        let mut words: Vec<&str> = line.split(' ').collect();
        while words.first().is_some_and(|w| is_photo(w)) {
            words.remove(0);
        }
        while words.last().is_some_and(|w| is_photo(w)) {
            words.pop();
        }
        let line = words.join(" ");
        if !line.trim().is_empty() && !is_photo(&line) && !only_honorifics(&line) && !is_a_closing(&line) {
            lines.push(line.trim().to_owned());
        }
    }
    let initials = |line: &str| -> String {
        line.split_whitespace().filter_map(|w| w.chars().next()).flat_map(char::to_uppercase).collect()
    };
    let monogram = |i: usize| {
        let mark: String = lines[i].chars().filter(|c| !" .".contains(*c)).collect();
        (2..=3).contains(&mark.chars().count())
            && mark.chars().all(char::is_uppercase)
            && lines.get(i + 1).is_some_and(|next| initials(&crate::normalize::letters_joined(next)) == mark)
    };
    let keep: Vec<bool> = (0..lines.len()).map(|i| !monogram(i)).collect();
    lines.into_iter().zip(keep).filter(|(_, keep)| *keep).map(|(l, _)| l).collect()
}

/// A given name alone on one line (with the surname's particles) and the surname on the next,
/// as a narrow or large banner sets them ("MARTA" over "RUIZ CASTILLO", "Joris van der" over
/// "Linden"), among the first lines before any line that is a
/// name by itself; not a word above a job title ("Rosalind" over "Head Baker" is no name).
fn over_two_lines(lines: &[String]) -> Option<String> {
    let before_a_whole_name = lines.iter().take(4).take_while(|l| !could_be_a_name(l));
    before_a_whole_name.zip(lines.iter().skip(1)).find_map(|(given, family)| {
        let name = format!("{given} {family}");
        // "Joris van der" over "Linden": the given name with the surname's particles.
        let one_word =
            given.split_whitespace().filter(|w| !NAME_PARTICLES.contains(&w.to_lowercase().as_str())).count() == 1;
        // "박지우" over "Ji-woo Park" is one name twice, in two scripts.
        let one_script = latin(given) == latin(family);
        (one_word && one_script && could_be_a_name(&name) && !words::names_a_job(family) && !words::names_a_job(given))
            .then_some(name)
    })
}

/// The name with the last surname a narrow banner wrapped to the line under it ("Thiago
/// Nascimento" over "Barbosa"), when the e-mail address holds that word ("thiago.nbarbosa@…",
/// wherever the page has it): a capitalised word alone under a name may be anything else. A
/// name that ends on a particle goes on for certain: its surname may be read a few lines
/// further, beside the contact details ("Muhammad Haziq bin" … "Rahman  haziq.rahman@…").
pub fn with_surname_below(top: &[&str], name: String, email: Option<&str>) -> String {
    let Some(at) = top.iter().position(|l| l.trim().eq_ignore_ascii_case(&name) || natural_case(l.trim()) == name)
    else {
        return name;
    };
    let local = email.and_then(|e| e.split('@').next()).unwrap_or_default().to_lowercase();
    let surname = |word: &str| {
        let one_word = !word.contains(' ') && word.chars().count() >= 3 && word.chars().all(char::is_alphabetic);
        let folded: String = word.nfd().filter(char::is_ascii_alphabetic).collect::<String>().to_lowercase();
        // Latin letters only: a word of another script folds to nothing, which every address holds.
        let latin = folded.chars().count() >= 3;
        one_word && word.starts_with(char::is_uppercase) && latin && local.contains(&folded) && !name.contains(word)
    };
    // A name set in capitals wraps in capitals: "JOSÉ CARLOS DOS SANTOS" over "Pedreiro" (his
    // trade, in his address too) is a name and a title.
    let cased_alike = |word: &str| top[at].chars().any(char::is_lowercase) || !word.chars().any(char::is_lowercase);
    let below = top.iter().skip(at + 1).map(|l| l.trim());
    let found = if ends_on_a_particle(&name) {
        below.take(4).map(|l| l.split("  ").next().unwrap_or(l)).find(|w| surname(w))
    } else {
        below.take(1).find(|w| surname(w) && cased_alike(w))
    };
    match found {
        Some(word) => format!("{name} {}", natural_case(word)),
        None => name,
    }
}

/// The name where the one found says nothing of the e-mail address and another line does:
/// a sidebar's skill read first ("Rostering (Vcare)") over "Mereana Tipene-Walsh
/// mereana.tw@xtra.co.nz" further down. A line agrees when a word of it of four letters or
/// more, folded to plain Latin letters ("Müller" as "muller" or "mueller"), is in the
/// address's local part: on the address's own line or the three around it (the contact
/// block), anywhere else only by its last word (a referee "Alex Turner" does not agree with
/// "alex.s1990@…"). None keeps the name found.
pub fn agreeing_with_email(lines: &[&str], found: Option<&str>, email: Option<&str>) -> Option<String> {
    let email = email?;
    let local: String = email.split('@').next()?.to_lowercase().chars().filter(char::is_ascii_alphabetic).collect();
    let in_local = |w: &str| folded(w).iter().any(|f| f.chars().count() >= 4 && local.contains(f.as_str()));
    let words = |text: &str| text.split(|c: char| c.is_whitespace() || c == '-').map(str::to_owned).collect::<Vec<_>>();
    if found.is_some_and(|n| words(n).iter().any(|w| in_local(w))) {
        return None;
    }
    let at = lines.iter().position(|l| l.contains(email));
    lines.iter().enumerate().take(80).find_map(|(i, l)| {
        let near = at.is_some_and(|a| a.abs_diff(i) <= 3);
        l.split(['|', '•'])
            .flat_map(|c| c.split("  "))
            .map(|cell| without_honorifics(cell.trim()))
            .filter(|cell| could_be_a_name(cell) && !words::names_a_job(cell))
            .find(|cell| {
                let ws = words(cell);
                if near { ws.iter().any(|w| in_local(w)) } else { ws.last().is_some_and(|w| in_local(w)) }
            })
            .map(natural_case)
    })
}

/// A word in plain Latin lower-case letters, as an address spells it: diacritics dropped
/// ("müller"), or German umlauts and ß spelled out ("mueller", "strauss").
fn folded(word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    let plain: String = lower.nfd().filter(char::is_ascii_alphabetic).collect();
    let spelled: String = lower
        .replace('ä', "ae")
        .replace('ö', "oe")
        .replace('ü', "ue")
        .replace('ß', "ss")
        .nfd()
        .filter(char::is_ascii_alphabetic)
        .collect();
    if spelled == plain { vec![plain] } else { vec![plain, spelled] }
}

/// Whether a text's letters are all Latin (with diacritics).
fn latin(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).all(|c| c < '\u{250}' || ('\u{1e00}'..='\u{1eff}').contains(&c))
}

/// Whether a line holds Chinese, Japanese or Korean letters ("CHEN Jiahui (陈佳慧)").
fn east_asian(line: &str) -> bool {
    line.chars().any(|c| {
        ('\u{3040}'..='\u{30ff}').contains(&c)
            || ('\u{3400}'..='\u{9fff}').contains(&c)
            || ('\u{ac00}'..='\u{d7af}').contains(&c)
    })
}

/// A line without the frame a plain-text banner draws around it ("#  KRZYSZTOF … #", "║ … ║").
fn unframed(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || "#*|=║│".contains(c))
}

/// Words in capitals set a cell's gap apart, and nothing else on the line ("KRZYSZTOF
/// WIŚNIEWSKI-NOWAK" in a text banner): one phrase, as a name typed wide.
fn spaced_capitals_joined(line: &str) -> String {
    let cells: Vec<&str> = line.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
    let capitals =
        |c: &&str| !c.contains(' ') && c.chars().any(char::is_alphabetic) && !c.chars().any(char::is_lowercase);
    if (2..=3).contains(&cells.len()) && cells.iter().all(capitals) { cells.join(" ") } else { line.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_lines_and_a_title_page_word_are_not_the_name() {
        let top = [
            "RESUME",
            "JOSÉ GARCÍA LÓPEZ",
            "Madrid, Spain | jose.garcia@example.es | +34 612 345 678",
            "linkedin.com/in/josegarcia",
        ];
        assert_eq!(name(&top).as_deref(), Some("José García López"));
    }

    #[test]
    fn names_in_other_scripts() {
        assert_eq!(name(&["Γιώργος Βλάχος", "Athens, Greece"]).as_deref(), Some("Γιώργος Βλάχος"));
        assert_eq!(name(&["王 小明", "Beijing, China"]).as_deref(), Some("王 小明"));
    }

    #[test]
    fn letters_after_a_name_are_not_part_of_it() {
        assert_eq!(name(&["Priya Raghunathan, ACA", "Manchester"]).as_deref(), Some("Priya Raghunathan"));
        assert_eq!(name(&["Rosa Delgado, RN, BSN"]).as_deref(), Some("Rosa Delgado"));
        assert_eq!(name(&["PRIYA NAIR, Assoc CIPD", "HR Advisor"]).as_deref(), Some("Priya Nair"));
        let nickname = ["JEAN-FRANÇOIS (JF) TREMBLAY", "Red Seal Welder"];
        assert_eq!(name(&nickname).as_deref(), Some("Jean-François (JF) Tremblay"));
        assert_eq!(name(&["Sofia Rossi, Receptionist"]).as_deref(), Some("Sofia Rossi"));
        assert_eq!(name(&["Ana Souza, Lisbon"]).as_deref(), None);
    }

    #[test]
    fn degrees_and_memberships_after_a_name_however_they_are_set_are_not_part_of_it() {
        let surveyor = ["Kwame Mensah-Bonsu BSc (Hons) MRICS", "Manchester"];
        assert_eq!(name(&surveyor).as_deref(), Some("Kwame Mensah-Bonsu"));
        assert_eq!(name(&["Dr Niamh O'Rourke MA, PhD, RMARA"]).as_deref(), Some("Niamh O'Rourke"));
        assert_eq!(name(&["Kirsty MacAulay RVN  kirsty.macaulay@example.co.uk"]).as_deref(), Some("Kirsty MacAulay"));
        // Letters a PDF ran into the surname.
        assert_eq!(name(&["Mary-Kate O'SullivanRN, BSc (Hons)"]).as_deref(), Some("Mary-Kate O'Sullivan"));
        assert_eq!(name(&["Jean DUPONT MBA CMBE"]).as_deref(), Some("Jean Dupont"));
        // A surname that spells a degree is the surname.
        assert_eq!(name(&["Wei Ming Ma", "Shanghai"]).as_deref(), Some("Wei Ming Ma"));
        assert_eq!(name(&["Tran Van Ba"]).as_deref(), Some("Tran Van Ba"));
        assert_eq!(name(&["Siobhan Kelly BA"]).as_deref(), Some("Siobhan Kelly"));
        // A surname in capitals with no known letters before it stays ("DUBOIS", "KOWALSKA").
        assert_eq!(name(&["Claire DUBOIS"]).as_deref(), Some("Claire Dubois"));
        assert_eq!(name(&["ANNA MARIA KOWALSKA"]).as_deref(), Some("Anna Maria Kowalska"));
        assert_eq!(name(&["Hugo McKAY"]).as_deref(), Some("Hugo McKay"));
        // A given name that spells a particle is a given name.
        assert_eq!(name(&["BEN OKORO", "Lagos"]).as_deref(), Some("Ben Okoro"));
        assert_eq!(name(&["KARIM BEN SALAH"]).as_deref(), Some("Karim Ben Salah"));
        // A Catalan name's "i" between its two surnames.
        let catalan = ["Jordi Ferrer i Montagut", "Delegado Comercial • Sector cerámico"];
        assert_eq!(name(&catalan).as_deref(), Some("Jordi Ferrer i Montagut"));
    }

    #[test]
    fn a_job_title_above_the_name_is_not_the_name() {
        assert_eq!(name(&["CHEF DE RÉCEPTION", "LUCAS GIRARD", "Paris"]).as_deref(), Some("Lucas Girard"));
        // A title alone is still better than nothing.
        assert_eq!(name(&["Chartered Accountant", "London"]).as_deref(), Some("Chartered Accountant"));
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
    fn a_banner_name_beside_a_photo_placeholder_or_a_monogram() {
        // Letter-spaced given name and surname read as two lines, the placeholder's text
        // between them (a photo circle beside the banner).
        assert_eq!(name(&["SOLÈNE", "PHOTO", "VASSEUR", "Cheffe de rang"]).as_deref(), Some("Solène Vasseur"));
        assert_eq!(name(&["FOTO SOLÈNE", "VASSEUR"]).as_deref(), Some("Solène Vasseur"));
        // A table row: the placeholder cell, then the name.
        assert_eq!(name(&["ZDJĘCIE  KAROL MAZUR", "Spawacz"]).as_deref(), Some("Karol Mazur"));
        assert_eq!(name(&["[Photo] Dara Whitfield", "Line Cook"]).as_deref(), Some("Dara Whitfield"));
        // Initials in a circle above the name are not a given name.
        assert_eq!(name(&["EV", "ELIN VIK", "Lagerarbetare"]).as_deref(), Some("Elin Vik"));
        assert_eq!(name(&["E V", "E L I N   V I K"]).as_deref(), Some("Elin Vik"));
    }

    #[test]
    fn a_banner_name_over_two_lines_after_a_title_page_word_but_not_a_word_over_a_title() {
        assert_eq!(
            name(&["Lebenslauf", "Björn", "Lindqvist Haugen", "Lagerleiter"]).as_deref(),
            Some("Björn Lindqvist Haugen")
        );
        // A first name alone over the job title is not a name with the title as its surname.
        assert_ne!(name(&["Rosalind", "Head Baker", "Denver, CO"]).as_deref(), Some("Rosalind Head Baker"));
        // A name on one line goes before any pair of lines after it (a place over its region).
        assert_eq!(name(&["Jane Okafor", "Portland", "Oregon"]).as_deref(), Some("Jane Okafor"));
        // The surname's particles wrapped with the given name; a school read in from a sidebar
        // and a title page's Spanish words are no name.
        let top = ["Joris van der", "Linden", "Binnendienst Verkoper B2B", "Koning Willem I College"];
        assert_eq!(name(&top).as_deref(), Some("Joris van der Linden"));
        assert_ne!(name(&["Koning Willem I College", "Jan Bos"]).as_deref(), Some("Koning Willem I College"));
        assert_eq!(name(&["Thomas Kammer", "Kaufmann"]).as_deref(), Some("Thomas Kammer"));
        assert_eq!(
            name(&["HOJA DE VIDA", "JHON FREDY CASTAÑO RESTREPO"]).as_deref(),
            Some("Jhon Fredy Castaño Restrepo")
        );
        // A driving licence in a sidebar read before the name is no name.
        assert_eq!(name(&["Permis B", "Nadège Bouvier"]).as_deref(), Some("Nadège Bouvier"));
        assert_eq!(name(&["Patente B e C", "Salvatore Ingrassia"]).as_deref(), Some("Salvatore Ingrassia"));
        // The last surname wrapped under the name, which the e-mail address holds; not a town.
        let top = ["Thiago Nascimento", "Barbosa", "Analista de Sistemas"];
        let found = name(&top).unwrap();
        let email = Some("thiago.nbarbosa@outlook.com");
        assert_eq!(with_surname_below(&top, found.clone(), email), "Thiago Nascimento Barbosa");
        let top = ["THIAGO NASCIMENTO", "BARBOSA", "Analista de Sistemas"];
        assert_eq!(with_surname_below(&top, name(&top).unwrap(), email), "Thiago Nascimento Barbosa");
        let top = ["Иван Петров", "Программист"];
        assert_eq!(with_surname_below(&top, "Иван Петров".into(), Some("ivan.petrov@mail.ru")), "Иван Петров");
        let top = ["Thiago Nascimento", "Curitiba"];
        assert_eq!(with_surname_below(&top, found, Some("thiago.nascimento@outlook.com")), "Thiago Nascimento");
        // A name in capitals ending on a particle goes on, in whatever case.
        let top = ["MUHAMMAD HAZIQ BIN", "Rahman  haziq.rahman@example.sg"];
        let email = Some("haziq.rahman@example.sg");
        assert_eq!(with_surname_below(&top, name(&top).unwrap(), email), "Muhammad Haziq bin Rahman");
        // A surname that is a trade too.
        assert_eq!(name(&["Lucía Panadero Gil", "Cocinera"]).as_deref(), Some("Lucía Panadero Gil"));
        // A name in capitals over a word in small letters: the trade, which the address holds.
        let top = ["JOSÉ CARLOS DOS SANTOS", "Pedreiro"];
        let email = Some("josecarlos.pedreiro@example.com.br");
        assert_eq!(with_surname_below(&top, name(&top).unwrap(), email), "José Carlos dos Santos");
    }

    #[test]
    fn a_cover_notes_closing_is_no_word_of_the_name_under_it() {
        let top = ["Dzień dobry,", "w odpowiedzi na ogłoszenie przesyłam swoje CV.", "Pozdrawiam", "Tomasz Mazur"];
        assert_eq!(name(&top).as_deref(), Some("Tomasz Mazur"));
        assert_eq!(name(&["Kind regards,", "Aoife Byrne"]).as_deref(), Some("Aoife Byrne"));
        // The signature's short form, and the resume's own with a second surname.
        let top = ["Un saludo,", "Joaquín Ruiz", "_____", "JOAQUÍN RUIZ BENÍTEZ", "C/ Sierra de Aracena 12"];
        assert_eq!(name(&top).as_deref(), Some("Joaquín Ruiz Benítez"));
    }

    #[test]
    fn a_europass_form_gives_the_name_after_its_label_in_the_order_said() {
        let form = ["europass Lebenslauf", "Angaben zur Person", "Nachname(n) / Vorname(n) Hartmann, Lea Sophie"];
        assert_eq!(name(&form).as_deref(), Some("Lea Sophie Hartmann"));
        assert_eq!(name(&["Nom(s) / Prénom(s)  DUBREUIL, Anne-Laure"]).as_deref(), Some("Anne-Laure Dubreuil"));
        assert_eq!(
            name(&["Apellido(s) / Nombre(s)", "Castaño Vidal, Marina"]).as_deref(),
            Some("Marina Castaño Vidal")
        );
        assert_eq!(
            name(&["Apelido(s) / Nome(s) próprio(s):  Serrano, Inês Matos"]).as_deref(),
            Some("Inês Matos Serrano")
        );
        assert_eq!(name(&["Nazwisko / Imię: KRÓL, Ewa"]).as_deref(), Some("Ewa Król"));
        // The form's heading wrapped in its narrow label column.
        let form =
            ["Curriculum vitae", "europass", "INFORMATIONS", "PERSONNELLES Julien GIRAUDEAU", "14 rue Bressigny"];
        assert_eq!(name(&form).as_deref(), Some("Julien Giraudeau"));
        // The old Polish form's endings after a hyphen; no sign of the surname, so as written.
        let form = ["Informacje osobiste", "Nazwisko(-a) / Imię(-iona) Zalewski Michał"];
        assert_eq!(name(&form).as_deref(), Some("Zalewski Michał"));
        // A table's photo box beside the name is no part of it.
        assert_eq!(name(&["Lebenslauf", "Name  Reto Gämperle  Foto"]).as_deref(), Some("Reto Gämperle"));
        assert_eq!(
            name(&["PERSONAL INFORMATION Surname(s) / First name(s) Okoro, Chidi"]).as_deref(),
            Some("Chidi Okoro")
        );
        // The surname told by its capitals; without a sign of which word is which, as written.
        assert_eq!(name(&["Cognome e Nome  BENEDETTI Lorenzo"]).as_deref(), Some("Lorenzo Benedetti"));
        // The name beside the form's heading, over a nationality that reads like a name.
        let form = [
            "Europass",
            "Curriculum Vitae",
            "INFORMAÇÃO PESSOAL Pinto, Rui Manuel Tavares",
            "Nacionalidade Portuguesa",
        ];
        assert_eq!(name(&form).as_deref(), Some("Rui Manuel Tavares Pinto"));
        // On the heading's line it comes before a line that only looks like a name; under a
        // heading, "Town, Region" is where, and the name is the line that looks like one.
        let form = ["Europass", "Hotelaria e Turismo", "INFORMAÇÃO PESSOAL Pinto, Rui Manuel Tavares"];
        assert_eq!(name(&form).as_deref(), Some("Rui Manuel Tavares Pinto"));
        let contact = ["Emma Clarke", "Registered Nurse", "CONTACT", "Melbourne, Victoria"];
        assert_eq!(name(&contact).as_deref(), Some("Emma Clarke"));
        assert_eq!(name(&["Cognome e Nome  BENEDETTI LORENZO"]).as_deref(), Some("Benedetti Lorenzo"));
        // The label itself, alone on its line, is never the name.
        assert_eq!(name(&["INFORMAZIONI PERSONALI", "Cognome e Nome", "Indirizzo  Via Roma 1"]), None);
        // A label that is only the start of a longer word, and an address after a name label.
        assert_eq!(name(&["Namensänderung 2019", "Greta Lund"]).as_deref(), Some("Greta Lund"));
        assert_eq!(name(&["Nombre: Calle Mayor, 4, Madrid", "Irene Solís"]).as_deref(), Some("Irene Solís"));
    }

    #[test]
    fn a_title_on_the_names_line_and_a_town_are_not_the_name() {
        assert_eq!(name(&["LENA FISCHER Registered Nurse", "Hamburg"]).as_deref(), Some("Lena Fischer"));
        assert_eq!(name(&["Tomás Ibarra SOUS CHEF"]).as_deref(), Some("Tomás Ibarra"));
        // Without a change of case the title cannot be told from the name's words.
        assert_eq!(name(&["Tomás Ibarra Sous Chef", "Bilbao"]).as_deref(), Some("Tomás Ibarra Sous Chef"));
        // A surname that is also a trade stays whole.
        assert_eq!(name(&["John Baker", "Leeds"]).as_deref(), Some("John Baker"));
        // The contact column read first: a town on its own line, then the name.
        assert_eq!(
            name(&["Calle Urbieta 12", "San Sebastián", "Nerea Goikoetxea"]).as_deref(),
            Some("Nerea Goikoetxea")
        );
        assert_eq!(name(&["Den Haag", "NEW JERSEY"]), None);
        // Given names that start like places, a title page's word or a placeholder stay names.
        assert_eq!(name(&["Santo Bellini", "Cuoco"]).as_deref(), Some("Santo Bellini"));
        assert_eq!(name(&["Page Mitchell", "Teacher"]).as_deref(), Some("Page Mitchell"));
        assert_eq!(name(&["M. Carmen Ortiz", "Contable"]).as_deref(), Some("M. Carmen Ortiz"));
        assert_eq!(name(&["Image Consultant", "Margaret Thornton"]).as_deref(), Some("Margaret Thornton"));
    }

    #[test]
    fn titles_and_title_page_words_before_a_name_are_not_part_of_it() {
        assert_eq!(name(&["Dr. Anna Weber", "Fachärztin"]).as_deref(), Some("Anna Weber"));
        assert_eq!(name(&["Dipl.-Ing. Jan Nowak"]).as_deref(), Some("Jan Nowak"));
        assert_eq!(name(&["Mgr inż. Ewa Lis"]).as_deref(), Some("Ewa Lis"));
        assert_eq!(name(&["Lebenslauf von Anna Weber"]).as_deref(), Some("Anna Weber"));
        assert_eq!(name(&["CURRICULUM VITAE DE ANA PÉREZ"]).as_deref(), Some("Ana Pérez"));
        assert_eq!(name(&["Resume", "Tom Hale"]).as_deref(), Some("Tom Hale"));
    }

    #[test]
    fn a_surname_set_first_in_capitals_goes_after_the_given_name() {
        assert_eq!(name(&["DUBOIS Claire", "Infirmière"]).as_deref(), Some("Claire Dubois"));
        assert_eq!(name(&["CALLUM McALLISTER-REID", "Joiner"]).as_deref(), Some("Callum McAllister-Reid"));
        assert_eq!(name(&["ZHANG Yu", "Accountant"]).as_deref(), Some("Yu Zhang"));
        assert_eq!(name(&["ROBERT (BOB) McNEIL"]).as_deref(), Some("Robert (Bob) McNeil"));
        assert_eq!(name(&["WILLIAM T. \"BILL\" KOWALCZYK JR."]).as_deref(), Some("William T. \"Bill\" Kowalczyk Jr."));
        assert_eq!(name(&["Jean-Marc \"JM\" Tremblay-Gagnon"]).as_deref(), Some("Jean-Marc \"JM\" Tremblay-Gagnon"));
        assert_eq!(name(&["ROBERT J. WHITFIELD III", "CPA"]).as_deref(), Some("Robert J. Whitfield III"));
        assert_eq!(name(&["Maria Theresa DELA CRUZ-SANTOS RPN"]).as_deref(), Some("Maria Theresa dela Cruz-Santos"));
        assert_eq!(
            name(&["Curriculum Vitae", "Owain Pritchard-Lloyd BEng MEng CEng MIET"]).as_deref(),
            Some("Owain Pritchard-Lloyd")
        );
        assert_eq!(name(&["Priya Oyelowo-Hart FIA"]).as_deref(), Some("Priya Oyelowo-Hart"));
        assert_eq!(name(&["Aoife Ní Bhriain BSc (Hons) MCSP"]).as_deref(), Some("Aoife Ní Bhriain"));
        assert_eq!(name(&["PERSONAL DATA", "Name:  NGOZI OKEKE (Mrs)"]).as_deref(), Some("Ngozi Okeke"));
        assert_eq!(
            name(&[
                "Europass",
                "Curriculum Vitae",
                "INFORMACIÓN PERSONAL  Ortega Ruiz, Marta",
                "Calle Mayor 4, Granada"
            ])
            .as_deref(),
            Some("Marta Ortega Ruiz")
        );
        assert_eq!(
            name(&["Europass", "INFORMACIÓN PERSONAL", "Ortega Ruiz, Marta", "Calle Mayor 4, Granada"]).as_deref(),
            Some("Marta Ortega Ruiz")
        );
        assert_eq!(
            name(&["Europass", "Curriculum Vitae", "Ortega Ruiz, Marta", "Calle Mayor 4, Granada"]).as_deref(),
            Some("Marta Ortega Ruiz")
        );
        // Not a town and its country under the contact heading, nor a name and its letters.
        assert_eq!(name(&["Jane Smith", "CONTACT", "Leeds, UK"]).as_deref(), Some("Jane Smith"));
        assert_eq!(name(&["CONTACT", "Leeds, UK"]), None);
        assert_eq!(name(&["RESUME", "Smith, RN"]), None);
        // A short surname in capitals is a surname still.
        assert_eq!(name(&["Europass", "PERSONAL INFORMATION", "LI, Wei"]).as_deref(), Some("Wei Li"));
        assert_eq!(name(&["Ewan McKay"]).as_deref(), Some("Ewan McKay"));
        // A credential's name is never a person's.
        assert!(!could_be_a_name("AWS Certified Solutions"));
        assert!(!could_be_a_name("La Rochelle") && !could_be_a_name("Le Havre") && !could_be_a_name("El Paso"));
        assert!(could_be_a_name("Ben Okoro") && could_be_a_name("Karim Ben Salah"));
        assert_eq!(name(&["Naam  Pieter-Jan van 't Hoff"]).as_deref(), Some("Pieter-Jan van 't Hoff"));
        let framed = ["##########", "#  KRZYSZTOF  WIŚNIEWSKI-NOWAK  #", "#  Spawacz MIG/MAG i TIG  #"];
        assert_eq!(name(&framed).as_deref(), Some("Krzysztof Wiśniewski-Nowak"));
        assert_eq!(name(&["Antoine d'ORBESSAN  33000 Bordeaux"]).as_deref(), Some("Antoine d'Orbessan"));
        assert_eq!(name(&["DE LUCA Marco"]).as_deref(), Some("Marco de Luca"));
        // All in capitals, or the capitals after: which word is the surname is not marked.
        assert_eq!(name(&["MARCO DE LUCA"]).as_deref(), Some("Marco de Luca"));
        assert_eq!(name(&["MARÍA JOSÉ GIL DE LA FUENTE", "Abogada"]).as_deref(), Some("María José Gil de la Fuente"));
        assert_eq!(name(&["OWEN CASTELLANOS, CFA LEVEL III CANDIDATE"]).as_deref(), Some("Owen Castellanos"));
        let top = ["CURRÍCULO", "ANA PAULA DE OLIVEIRA SANTOS", "Brasileira, casada, 34 anos"];
        assert_eq!(name(&top).as_deref(), Some("Ana Paula de Oliveira Santos"));
        assert_eq!(name(&["Claire DUBOIS"]).as_deref(), Some("Claire Dubois"));
        assert_eq!(name(&["WIEBKE Ø. JÄRVINEN-LUND"]).as_deref(), Some("Wiebke Ø. Järvinen-Lund"));
        // Beside its Chinese form, a name keeps the order it is written in.
        let top = ["CHEN Jiahui (陈佳慧)", "Procurement & Supply Chain Specialist  •  MCIPS"];
        assert_eq!(name(&top).as_deref(), Some("Chen Jiahui"));
    }

    #[test]
    fn a_welsh_particle_a_name_over_its_transliteration_and_title_page_words_in_a_row() {
        let top = ["Canton, Cardiff CF5", "Rhiannon Mair ap Gwilym", "07700 900781 • 029 2018 0433"];
        assert_eq!(name(&top).as_deref(), Some("Rhiannon Mair ap Gwilym"));
        assert_eq!(name(&["박지우", "Ji-woo Park", "ESOL / ELL Teacher, Grades"]).as_deref(), Some("Ji-woo Park"));
        let top = [
            "Curriculum vitae Europass de Lucía García Ortega",
            "INFORMACIÓN PERSONAL García Ortega, Lucía",
            "PUESTO SOLICITADO Matrona – Unidad de Partos / Atención Primaria",
        ];
        assert_eq!(name(&top).as_deref(), Some("Lucía García Ortega"));
    }

    #[test]
    fn capitals_are_undone_where_that_is_safe() {
        assert_eq!(natural_case("MARÍA GARCÍA"), "María García");
        assert_eq!(natural_case("SANNE DE VRIES"), "Sanne de Vries");
        assert_eq!(natural_case("McALLISTER-REID"), "McAllister-Reid");
        assert_eq!(natural_case("McKenzie"), "McKenzie");
        assert_eq!(natural_case("Antoine d'ORBESSAN"), "Antoine d'Orbessan");
        assert_eq!(natural_case("PATRICK O'NEILL"), "Patrick O'Neill");
        assert_eq!(natural_case("ANNA-LENA WEBER-KRAUSE"), "Anna-Lena Weber-Krause");
        assert_eq!(natural_case("ΓΙΏΡΓΟΣ ΠΑΠΑΔΌΠΟΥΛΟΣ"), "Γιώργος Παπαδόπουλος");
        assert_eq!(natural_case("DE LUCA MARCO"), "De Luca Marco", "a particle that starts the name keeps its capital");
        assert_eq!(natural_case("Claire DUBOIS"), "Claire Dubois");
        // Mixed case is the owner's own spelling.
        assert_eq!(natural_case("Ludwig van Beek"), "Ludwig van Beek");
        assert_eq!(natural_case("Fiona McKenzie"), "Fiona McKenzie");
        assert_eq!(natural_case("王 小明"), "王 小明");
    }

    #[test]
    fn a_name_after_a_sidebar_is_the_one_above_a_title() {
        let lines =
            ["CONTACT", "Utrecht", "+31 6 12345678", "TALEN", "Nederlands", "Sanne de Vries", "Verpleegkundige"];
        assert_eq!(name_above_a_title(&lines).as_deref(), Some("Sanne de Vries"));
        assert_eq!(name_above_a_title(&["Nederlands", "Engels"]), None);
        let wrapped = ["SPRACHEN", "Deutsch", "Konstantin von der", "Heyde", "Orgelbaumeister"];
        assert_eq!(name_above_a_title(&wrapped).as_deref(), Some("Konstantin von der Heyde"));
        assert_eq!(name_above_a_title(&["Yasmina el Amrani", "Verpleegkundige"]).as_deref(), Some("Yasmina el Amrani"));
    }

    #[test]
    fn a_title_on_a_line_of_its_own_above_a_banner_name_is_not_part_of_it() {
        assert_eq!(name(&["DR.", "HAMZA BIN RASHID", "FIA • CERA"]).as_deref(), Some("Hamza bin Rashid"));
        let engineer = ["DIPL.-ING.", "KONSTANTIN VON DER", "HEYDE", "Verfahrenstechniker"];
        assert_eq!(name(&engineer).as_deref(), Some("Konstantin von der Heyde"));
        assert_eq!(
            name(&["ARQ.", "Ana Beatriz da Silva Albuquerque"]).as_deref(),
            Some("Ana Beatriz da Silva Albuquerque")
        );
        assert_eq!(name(&["Geom. Marco Di Stefano"]).as_deref(), Some("Marco Di Stefano"));
        assert_eq!(name(&["Enf. Rui Miguel dos Santos Ferreira"]).as_deref(), Some("Rui Miguel dos Santos Ferreira"));
    }

    #[test]
    fn a_documents_title_gives_a_name_but_not_a_programs_or_a_headings() {
        assert_eq!(from_title("Tomás Herrera Vidal").as_deref(), Some("Tomás Herrera Vidal"));
        assert_eq!(from_title("CV – ANA SOUZA").as_deref(), Some("Ana Souza"));
        assert_eq!(from_title("Lebenslauf_Anna_Weber").as_deref(), None, "one word a part");
        assert_eq!(from_title("Microsoft Word - CV Jan Nowak.docx"), None);
        assert_eq!(from_title("Curriculum Vitae"), None);
        assert_eq!(from_title("Experiencia Profesional"), None);
        assert_eq!(from_title("Registered Nurse"), None);
        assert_eq!(from_title("jdoe"), None);
        assert_eq!(from_title("Anna Schmidt CV.doc"), None);
        assert_eq!(from_title("Bewerbung Anna Schmidt").as_deref(), Some("Anna Schmidt"));
        assert_eq!(from_title("Anna Schmidt – Technical Writer").as_deref(), Some("Anna Schmidt"));
        assert_eq!(from_title("Siemens AG"), None);
    }

    #[test]
    fn a_name_that_ends_on_a_particle_takes_its_surname_from_further_down() {
        let top = ["Muhammad Haziq bin", "Singapore 529536", "+65 8765 2210", "Rahman  haziq.rahman.dev@example.sg"];
        let email = Some("haziq.rahman.dev@example.sg");
        let found = name(&top).unwrap();
        assert_eq!(with_surname_below(&top, found.clone(), email), "Muhammad Haziq bin Rahman");
        // Without the particle a word three lines down is no surname.
        let top = ["Muhammad Haziq", "Singapore 529536", "+65 8765 2210", "Rahman  haziq.rahman.dev@example.sg"];
        assert_eq!(with_surname_below(&top, "Muhammad Haziq".into(), email), "Muhammad Haziq");
    }

    #[test]
    fn a_name_the_email_address_vouches_for_over_one_it_does_not() {
        let lines = ["Rostering (Vcare)", "Staff supervision", "Mereana Tipene-Walsh  mereana.tw@xtra.co.nz"];
        let email = Some("mereana.tw@xtra.co.nz");
        let got = agreeing_with_email(&lines, Some("Rostering (Vcare)"), email);
        assert_eq!(got.as_deref(), Some("Mereana Tipene-Walsh"));
        // Capitals and diacritics fold; a name that agrees already stays.
        let lines = ["Patente B e C", "SALVATORE INGRASSIA", "Magazziniere carrellista"];
        let email = Some("salvo.ingrassia82@gmail.com");
        assert_eq!(agreeing_with_email(&lines, None, email).as_deref(), Some("Salvatore Ingrassia"));
        assert_eq!(agreeing_with_email(&lines, Some("Salvatore Ingrassia"), email), None);
        let lines = ["Lucía Fernández Ortega", "lucia.fernandez@example.es"];
        assert_eq!(
            agreeing_with_email(&lines, None, Some("lucia.fernandez@example.es")).as_deref(),
            Some("Lucía Fernández Ortega")
        );
        // An address that names nobody changes nothing.
        assert_eq!(agreeing_with_email(&["Anna Weber"], Some("Team Lead"), Some("info@example.de")), None);
        // Umlauts spelled out agree; a referee far from the address, by a given name, does not.
        let email = Some("juergen.mueller@example.de");
        assert_eq!(agreeing_with_email(&["Jürgen Müller"], Some("Jürgen Müller"), email), None);
        let mut lines = vec!["Alexander Schmidt", "alex.s1990@gmail.com"];
        lines.extend(["Python", "SQL", "Docker", "Kubernetes", "REFERENCES", "Alex Turner", "Head of Data"]);
        assert_eq!(agreeing_with_email(&lines, Some("Alexander Schmidt"), Some("alex.s1990@gmail.com")), None);
    }
}
