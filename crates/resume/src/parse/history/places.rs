//! Where an entry was, as resumes write it beside an employer or a school: a town, a town
//! with its country ("Sevilla (España)", "Torino, Italia"), a street address or a web site.
//! Where is never who: these are taken off titles, employers and schools.

use std::sync::OnceLock;

use super::DASHES;
use crate::parse::dates;
use crate::parse::name::natural_case;
use crate::parse::words::{names_a_job, names_a_school, names_an_employer};

/// Words a street's name starts with, in the languages here, lower case ("Alameda Prof.
/// Hernâni Monteiro", "ul. Żeromskiego"): an address part even without a house number.
const STREET_WORDS: &[&str] = &[
    "street",
    "road",
    "lane",
    "avenue",
    "rue",
    "boulevard",
    "chemin",
    "allée",
    "quai",
    "calle",
    "avenida",
    "plaza",
    "paseo",
    "camino",
    "via",
    "viale",
    "piazza",
    "corso",
    "rua",
    "alameda",
    "praça",
    "largo",
    "travessa",
    "ul.",
    "al.",
    "aleja",
    "plac",
    "straat",
    "laan",
    "plein",
    "gracht",
    "kade",
    "polígono",
    "poligono",
    "carretera",
    "ronda",
    "travesía",
    "carrer",
    "avinguda",
    "estrada",
    "rodovia",
];

/// A part of an address: it has a number (a street's, a postcode) or starts like a street's
/// name ("Rua da Fábrica 12", "ul. Grodzka 21", "Industriestraße 40, 38446 Wolfsburg").
pub(in crate::parse) fn is_address(part: &str) -> bool {
    let first = part.split_whitespace().next().unwrap_or_default().to_lowercase();
    part.chars().any(|c| c.is_ascii_digit())
        || STREET_WORDS.contains(&first.as_str())
        || first.ends_with("straße")
        || first.ends_with("strasse")
}

/// A line that is an employer's street address or web site, as the Europass forms set them
/// under its name ("Calle Doctor Fedriani 3, 41009 Sevilla (España)", "27 Canal Street, …",
/// "www.hospitalmacarena.es"): never a title or an employer, and in the way of finding them.
/// A line that starts with a name and goes on to its address ("Têxteis do Ave, S.A., Rua da
/// Fábrica 12") is not one.
pub(super) fn is_address_line(line: &str) -> bool {
    let line = line.trim();
    let first = line.split_whitespace().next().unwrap_or_default().to_lowercase();
    let head = line.split(", ").next().unwrap_or_default();
    let web = first.starts_with("www.") || first.starts_with("http://") || first.starts_with("https://");
    // A street's word and its number: "Plaza Hotel, Madrid" is a name, and so is "Road
    // Haulage Training Centre, Leicester - … (35 hrs)", whose figures are no house number.
    let second = line.split(", ").nth(1).unwrap_or_default();
    let numbered = head.chars().any(|c| c.is_ascii_digit()) || second.starts_with(|c: char| c.is_ascii_digit());
    let street = head.split_whitespace().count() >= 2
        && numbered
        && (STREET_WORDS.contains(&first.as_str())
            || first.ends_with("straße")
            || first.ends_with("strasse")
            || (first.chars().all(|c| c.is_ascii_digit()) && line.contains(", ")));
    (web || street) && dates::span(line).is_none() && dates::single(line).is_none_or(|(_, at)| at.start > 0)
}

/// "Grand Harbour Hotel, 12 Marina Street, Valletta": the name, before the first part of an
/// address, or that starts in lower case (the form's "name and type": "Leicester College,
/// further education college").
pub(super) fn name_of_address(text: &str) -> String {
    let street = |p: &str| is_address(p) || p.starts_with(char::is_lowercase);
    let parts: Vec<&str> = text.split(", ").take_while(|p| !street(p)).collect();
    if parts.is_empty() { text.to_owned() } else { parts.join(", ") }
}

/// "Clinique du Parc, Lyon" as "Clinique du Parc".
pub(super) fn without_town(piece: &str) -> String {
    let mut piece = piece.trim();
    loop {
        // "Clinique du Parc, Lyon", "Pizzería Napoli Bella (Burjassot)", and "Talleres Urola,
        // S.L. (Azpeitia)".
        let bracketed = piece.strip_suffix(')').and_then(|p| p.rsplit_once(" ("));
        // After a comma in capitals too ("THE NEW INDIA ASSURANCE CO. LTD., PUNE"; "(KIT)" is
        // the institute's initials).
        let comma = piece.rsplit_once(", ").filter(|(_, town)| is_town(town) || is_town_in_capitals(town));
        let town = bracketed.filter(|(_, town)| is_town(town)).or(comma);
        match town {
            Some((name, _)) => piece = name.trim(),
            None => break,
        }
    }
    piece.to_owned()
}

/// An employer's line without the place after its last dash or bullet ("Telus Communications
/// Inc. — Calgary, AB", "Minhometal Componentes, S.A. • Braga"); a dash before anything else
/// is in the name ("LogiTejo – Operadores Logísticos, S.A.").
pub(super) fn without_place_after_separator(line: &str) -> &str {
    let line = line.trim();
    DASHES
        .iter()
        .chain(&[" • ", " · ", " | "])
        .filter_map(|dash| line.rsplit_once(dash))
        .find(|(_, place)| is_town(place) || is_town_and_state(place) || is_town_in_country(place))
        .map_or(line, |(name, _)| name.trim())
}

/// Whether a phrase ends on a town after its comma ("Clinique du Parc, Saint-Nazaire",
/// "Restauracja „Pod Żurawiem”, Gdańsk"): a name and where.
pub(super) fn ends_on_a_town(phrase: &str) -> bool {
    phrase.rsplit_once(", ").is_some_and(|(_, town)| is_town(town))
}

/// A town by its shape that the gazetteer (the world's cities of 15,000 people or more) knows
/// by that name: where, when a line holds another phrase that could be a name too ("Careyn •
/// Utrecht • sep 2012 – jan 2016"). Shape alone cannot tell "Careyn" from "Utrecht".
pub(crate) fn is_known_town(text: &str) -> bool {
    // "Annecy (74)": a French town with its département's number.
    let town = text.strip_suffix(')').and_then(|t| t.rsplit_once(" (")).map_or(text, |(town, _)| town);
    is_town(text) && talentdesk_geo::find_in(town, []).is_some()
}

/// Small words inside a town's name ("Vila Nova de Gaia", "Frankfurt am Main").
const TOWN_PARTICLES: &[&str] =
    &["de", "do", "da", "del", "la", "le", "sur", "am", "an", "der", "en", "aan", "di", "sul", "nad", "sous", "lès"];

/// "Lyon", "Columbus OH", "Vila Nova de Gaia": a town (and state) after an employer's name;
/// not an abbreviation of three capitals or more ("SROC", "AFTRAL"), which names an
/// organisation.
pub(crate) fn is_town(text: &str) -> bool {
    // "Underwood QLD", "Port Botany NSW": an Australian town with its state's letters, as
    // Australian resumes write it without a comma.
    // Not "SA", a legal form too ("Nestlé SA").
    if let Some((town, state)) = text.rsplit_once(' ')
        && ["NSW", "QLD", "VIC", "TAS", "ACT", "WA", "NT"].contains(&state)
    {
        return is_town(town);
    }
    // "Lyon 2e", "Paris 16ème": a town with its arrondissement.
    if let Some((town, district)) = text.rsplit_once(' ')
        && district.starts_with(|c: char| c.is_ascii_digit())
        && ["e", "er", "ème", "eme"]
            .contains(&district.trim_start_matches(|c: char| c.is_ascii_digit()).to_lowercase().as_str())
    {
        return is_town(town);
    }
    // "Leatherhead (hybrid)", "NC (traveling)": a town with the way one worked there.
    if let Some((town, how)) = text.strip_suffix(')').and_then(|t| t.rsplit_once(" ("))
        && [
            "hybrid",
            "remote",
            "on-site",
            "onsite",
            "traveling",
            "travelling",
            "télétravail",
            "remoto",
            "híbrido",
            "hybride",
        ]
        .contains(&how.to_lowercase().as_str())
    {
        return is_town(town);
    }
    // "Annecy (74)", "Ajaccio (2A)": a French town with its département's number.
    if let Some((town, number)) = text.strip_suffix(')').and_then(|t| t.rsplit_once(" ("))
        && (1..=3).contains(&number.len())
        && number.starts_with(|c: char| c.is_ascii_digit())
        && number.chars().all(|c| c.is_ascii_alphanumeric())
    {
        return is_town(town);
    }
    // "Lyon (France)", "Sevilla (España)": a town and its country, as the Europass form has them,
    // or its province ("Casalecchio di Reno (BO)"). Not a title's aside ("Stocker (Part-Time)").
    if let Some((town, country)) = text.strip_suffix(')').and_then(|t| t.split_once(" (")) {
        let province = (2..=3).contains(&country.len()) && country.chars().all(|c| c.is_ascii_uppercase());
        return is_town(town) && (province || countries().contains(&country.to_lowercase().as_str()));
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let acronym = words.iter().any(|w| w.chars().count() >= 3 && w.chars().all(char::is_uppercase));
    // "S.L.P.", "S.A.": a legal form's capitals with their stops, no town ("Frankfurt a.M." is).
    let initials = words.iter().any(|w| {
        w.trim_end_matches('.').contains('.') && w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
    });
    let particles = words.iter().filter(|w| TOWN_PARTICLES.contains(w)).count();
    let named = words.len() - particles;
    // "Brandenburg an der Havel", "Frankfurt am Main": two names with particles between.
    ((1..=2).contains(&named) || named == 3 && particles > 0)
        && !acronym
        && !initials
        && text.chars().all(|c| c.is_alphabetic() || " .'-".contains(c))
        && text.chars().next().is_some_and(char::is_uppercase)
        && !names_a_job(text)
        && !names_an_employer(text)
        && !names_a_school(text)
}

pub(super) fn is_place(text: &str) -> bool {
    let pieces: Vec<&str> = text.split(", ").collect();
    pieces.len() == 2 && pieces.iter().all(|p| is_town(p))
}

/// Whether `text` is a country's name ("UK", "España").
pub(crate) fn is_country(text: &str) -> bool {
    countries().contains(&text.trim().to_lowercase().as_str())
}

/// The countries a town is followed by (assets/resume/countries.txt), lower case.
fn countries() -> &'static [&'static str] {
    static COUNTRIES: OnceLock<Vec<&'static str>> = OnceLock::new();
    COUNTRIES
        .get_or_init(|| crate::parse::data::lines(include_str!("../../../../../assets/resume/countries.txt")).collect())
}

/// A town and its country, "Torino, Italia" or "Nürnberg (Deutschland)", as the Europass
/// forms set them beside every entry's dates: where, never the title or the employer (unlike
/// "Quantum Ledger, Berlin", which may be an employer and its town).
pub(super) fn is_town_in_country(text: &str) -> bool {
    let text = natural_case(text.trim());
    let (town, country) = match text.strip_suffix(')').and_then(|t| t.split_once(" (")) {
        Some(pair) => pair,
        None => match text.rsplit_once(", ") {
            Some(pair) => pair,
            None => return false,
        },
    };
    countries().contains(&country.to_lowercase().as_str()) && is_town(town)
}

/// Words between two towns' names ("Huesca y Zaragoza", "Lyon et Villeurbanne").
const BETWEEN_TOWNS: &[&str] = &[" y ", " e ", " i ", " et ", " and ", " und ", " en ", " & ", " / "];

/// "ZARAGOZA", "HUESCA Y ZARAGOZA", "LEEDS (REINO UNIDO)": where a job was, as a timeline sets
/// it in capitals beside the dates. In capitals only: a name in its own case beside dates
/// may be the employer ("2019 – 2021  Quantum Ledger").
pub(super) fn is_town_in_capitals(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic());
    if letters.clone().next().is_none() || letters.clone().any(char::is_lowercase) {
        return false;
    }
    let text = natural_case(text.trim());
    // Found in the text itself, not in a lower-cased copy whose offsets may differ.
    let between = |w: &str| {
        (0..text.len().saturating_sub(w.len()))
            .find(|&i| text.is_char_boundary(i) && text.get(i..i + w.len()).is_some_and(|t| t.eq_ignore_ascii_case(w)))
            .map(|i| (&text[..i], &text[i + w.len()..]))
    };
    let towns = BETWEEN_TOWNS.iter().find_map(|w| between(w)).map_or(vec![text.as_str()], |(a, b)| vec![a, b]);
    towns.iter().all(|t| is_town_in_country(t) || is_town(t))
}

/// "Columbus, OH", "Parramatta, NSW": a town and the code of its state or province, as
/// resumes in the United States, Canada and Australia set them after an employer.
pub(super) fn is_town_in_region(text: &str) -> bool {
    in_region(text, ", ")
}

/// A town and its state written as Brazilian resumes do ("Campinas – SP", "Sumaré/SP") or as
/// [`is_town_in_region`]: beside the dates only, since elsewhere "Marketing/PR" or "PwC - UK"
/// read the same.
pub(super) fn is_town_and_state(text: &str) -> bool {
    [", ", " – ", " - ", "/"].iter().any(|sep| in_region(text, sep))
}

fn in_region(text: &str, separator: &str) -> bool {
    text.rsplit_once(separator).is_some_and(|(town, region)| {
        (2..=3).contains(&region.len()) && region.chars().all(|c| c.is_ascii_uppercase()) && is_town(town)
    })
}

/// "Transports Garonne Express, Colomiers (France)", "IES Ramón Carande, Sevilla (España)": a
/// name followed by its town and country.
pub(super) fn is_named_place(line: &str) -> bool {
    line.rsplit_once(", ").is_some_and(|(name, place)| {
        name.chars().next().is_some_and(char::is_uppercase) && !name.contains(", ") && is_town_in_country(place)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gazetteer_knows_towns_their_shape_does_not_tell_from_names() {
        assert!(is_known_town("Utrecht") && is_known_town("Belo Horizonte"));
        assert!(is_town("Careyn") && !is_known_town("Careyn"));
        assert!(!is_known_town("Buurtzorg Nederland"));
        assert!(is_known_town("Annecy (74)"), "a French town with its département");
        assert!(is_town("Underwood QLD") && is_town("Port Botany NSW"));
        assert!(is_town("Leatherhead (hybrid)"));
        assert!(!is_town("Nestlé SA") && !is_town("Orange Polska SA"));
    }

    #[test]
    fn towns_their_states_and_legal_forms() {
        assert!(is_town("Frankfurt a.M.") && is_town("Lyon"));
        assert!(!is_town("S.L.P.") && !is_town("S.A."));
        assert!(is_town_in_region("Columbus, OH") && !is_town_in_region("Campinas – SP"));
        // Beside the dates a Brazilian town and state are where; elsewhere such text is not.
        assert!(
            is_town_and_state("Campinas – SP") && is_town_and_state("Sumaré/SP") && is_town_and_state("Columbus, OH")
        );
        assert!(!is_town_in_region("Marketing/PR"));
        assert!(is_address("Polígono Industrial Malpica"));
    }
}
