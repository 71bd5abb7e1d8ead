//! A dated line read beside its dates: the phrases it holds (who, what) and the places (where).

use super::*;

/// The line without the span of its dates, and the separators left around it.
fn without(line: &str, span: &std::ops::Range<usize>) -> String {
    // "CNFPT Nord-Pas-de-Calais (2002)", "( 2002 )": the dates' brackets go with them, and
    // dates in brackets were an aside inside one phrase ("various jobs (1993 - 1999), incl.
    // van driver"), not a cell between two.
    let (mut before, mut after) = (line[..span.start].trim_end(), line[span.end..].trim_start());
    let mut gap = "  ";
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let (Some(b), Some(a)) = (before.strip_suffix(open), after.strip_prefix(close)) {
            (before, after, gap) = (b.trim_end(), a, " ");
        }
    }
    let rest = format!("{before}{gap}{after}");
    // "Kirkstall Community Pharmacy [ 01/2019 – Current ]": the Europass editor's brackets too.
    let rest = rest.trim_matches(|c: char| c.is_whitespace() || "|,:–—-•[]".contains(c));
    rest.trim_start_matches(['(', ' ']).trim_end_matches(['(', ' ']).to_owned()
}

/// Words shortened with a full stop that a phrase goes on after ("GCSEs x 5 incl. Maths",
/// "Petrofac Engineering India Pvt. Ltd.").
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "incl", "approx", "pvt", "ltd", "inc", "corp", "bros", "dept", "resp", "avda", "nr", "str", "esp", "etc", "asst",
    "mgr", "admin", "exec", "coord", "supv", "tech", "intl", "univ", "assoc", "govt", "mfg",
    // Before a name: "Farmacia Dott. Rossi", "Clínica Dental Dra. García", "Timmerbedrijf
    // Gebr. Swinkels"; a firm's form: "Logistica Padana Soc. Coop.", "Miele & Cie. KG".
    "dott", "dr", "dra", "sta", "sto", "prof", "ing", "avv", "geom", "gebr", "soc", "coop", "cie", "stv",
];

/// The headline of a dated line that goes on in sentences, as a one-line-per-job list in a
/// word processor has it ("Camarera de sala en Hotel Marina Playa (temporada de verano).
/// Servicio de desayunos y cenas…"): the text before the first full stop that ends a word of
/// three letters or more (not an abbreviation's, "S.L.", "LTD.", "Mgr.") with a capital after
/// it, when the next sentence is prose or a list ("Guest House Flores do Porto. Reservas Booking
/// e Airbnb, faturação,"); the line whole otherwise.
fn headline(rest: &str) -> &str {
    let ends_a_word = |head: &str| {
        let word = head.rsplit(' ').next().unwrap_or_default().trim_end_matches([')', '"', '”', '»']);
        word.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && !word.contains('.')
            && word.chars().any(char::is_lowercase)
            && !ABBREVIATIONS.contains(&word.to_lowercase().as_str())
    };
    rest.match_indices(". ")
        .map(|(at, _)| (&rest[..at], rest[at + 2..].trim_start()))
        .find(|(head, after)| {
            // Only the next sentence is read, so that a long line costs no more than its length.
            let next = after.split(". ").next().unwrap_or_default();
            head.split_whitespace().nth(1).is_some()
                && ends_a_word(head)
                && after.starts_with(char::is_uppercase)
                && (is_prose(next) || listed_small(next))
        })
        .map_or(rest, |(head, _)| head)
}

/// Words that start the name of an employer's site in small letters ("locatie De Lindehof",
/// "sede di Bologna", "site de Vénissieux").
#[rustfmt::skip]
const SITE_WORDS: &[&str] = &[
    "locatie", "vestiging", "site", "sede", "filiale", "oddział", "standort", "unidade", "établissement", "location",
    "branch", "agence", "sucursal", "delegación", "planta", "campus",
];

/// A list whose later items all start small ("Reservas Booking e Airbnb, faturação,"): tasks,
/// not a name and its town ("Coop., Piacenza", "Salvatore Giambrone, Bagheria").
fn listed_small(text: &str) -> bool {
    let mut later = text.split(", ").skip(1).map(str::trim).filter(|i| !i.is_empty()).peekable();
    later.peek().is_some() && later.all(|i| i.starts_with(char::is_lowercase))
}

/// What a dated line says beside its dates.
pub(super) struct DatedLine {
    /// The line without its dates.
    pub(super) rest: String,
    /// Its heading phrases (no prose, no place).
    pub(super) pieces: Vec<String>,
    /// Its phrases with prose kept, for a title with a ward or a field after its dash.
    pub(super) titled: Vec<String>,
    /// The places among them: where the job was.
    pub(super) places: Vec<String>,
}

/// A dated line read beside its dates `at`; `heading_first`: the section sets its headings
/// before the dates.
pub(super) fn dated_line(line: &str, at: &std::ops::Range<usize>, heading_first: bool) -> DatedLine {
    let rest = without(line, at);
    // "giugno 2020 – oggi (contratto a tempo indeterminato, cat. D)": a note in parentheses
    // beside the dates says nothing of who.
    let after = line.get(at.end..).unwrap_or_default().trim();
    let noted =
        line.get(..at.start).unwrap_or_default().trim().is_empty() && after.starts_with('(') && after.ends_with(')');
    // "Período: fevereiro/2019 – atualmente": the dates' own label says nothing of who.
    let rest = if noted || table::is_dates_label(&rest) { String::new() } else { rest };
    // "jan/2019 – atual • Campinas – SP": the rest is where, as a whole, before its dash
    // splits it.
    let where_whole = is_town_and_state(&rest) || is_town_in_country(&rest);
    let mut pieces = if where_whole { Vec::new() } else { heading_cells(headline(&rest)) };
    // Prose after a title's dash may be its ward or field ("Infirmière – Soins de suite et
    // de réadaptation" over "Clinique Sainte-Odile, Haguenau"): kept for the title below.
    let titled: Vec<String> = pieces.iter().filter(|p| !is_sentence(p)).cloned().collect();
    let mut n_cell = 0;
    // With the headings before the dates, a line of the description beside dates centred in
    // their cell ("09/2018–aujourd'hui  Facturation des actes, tiers payant et relances") is
    // prose even in its first cell; a title in small letters is not ("Capo partita primi
    // (stagionale)  Apr 2022 – Ott 2025" under its employer): a list or a long phrase is.
    let described =
        |p: &str| is_prose(p) && (p.contains(", ") || p.ends_with('.') || p.split_whitespace().count() >= 6);
    // Tasks listed after the job's phrases, however they are cased ("Wareneingang, Einlagerung
    // im Hochregal, SAP-Buchungen, Einarbeitung neuer Kollegen"): four items or more besides
    // where (a name with its town, region and country is no list: "Tesco, Leeds, West
    // Yorkshire, UK"), no organisation's name.
    let listed = |p: &str| {
        let place = |i: &str| is_known_town(i) || is_country(i) || i.contains(|c: char| c.is_ascii_digit());
        let items = p.split(", ").filter(|i| !place(i));
        items.count() >= 4 && !names_an_organisation(p)
    };
    // A note in small letters after a name and its town ("Dental Nurse, Leith Walk Dental
    // Practice, Edinburgh — four-handed"): no job's title, as Polish sets them small. After
    // an organisation's name, only its site ("Zorggroep Maasoever · locatie De Lindehof,
    // Rotterdam"): a title in small letters follows an employer too ("Edilizia Rossi S.r.l. ·
    // muratore").
    let noted_after = |before: Option<&String>, p: &str| {
        let site = p.split_whitespace().next().is_some_and(|w| SITE_WORDS.contains(&w));
        let after_a_name = before.is_some_and(|b| ends_on_a_town(b) || (names_an_organisation(b) && site));
        after_a_name && p.starts_with(char::is_lowercase) && !names_a_job(p)
    };
    // "Déc. 2024 – avr. 2025 • saison d'hiver": the first cell after a bullet beside the
    // dates, in small letters, is a note on when or how, not who or what ("… • bol.com", a
    // name set in small letters, is who only with more after it).
    let note = after.strip_prefix(['•', '·']).map(|n| n.trim_start().split("  ").next().unwrap_or_default().trim());
    if let Some(note) = note.filter(|n| n.starts_with(char::is_lowercase) && n.contains(' ')) {
        pieces.retain(|p| p != note);
    }
    // A later cell that starts with an organisation's name, its words capitalised, is who,
    // whatever its small words after the comma ("Aide-soignante – CHU de Nantes, service de
    // gériatrie (CDD puis titularisation)"; not "Bank reconciliations, VAT returns").
    let named = |p: &str| {
        let first = p.split(", ").next().unwrap_or_default();
        names_an_organisation(p) && first.split_whitespace().all(|w| is_capitalised_word(w) || is_joining_word(w))
    };
    let mut before: Option<String> = None;
    pieces.retain(|p| {
        n_cell += 1;
        let prose = if n_cell > 1 { is_prose(p) && !named(p) } else { heading_first && described(p) };
        let note = n_cell > 1 && (listed(p) || noted_after(before.as_ref(), p));
        before = Some(p.clone());
        !(is_sentence(p) || is_working_hours(p) || prose || note)
    });
    // "SEPTIEMBRE 2019 – ACTUALIDAD • ZARAGOZA": a town in capitals beside the dates is where
    // the job was, unless the lines around give no title and employer without it. So is a town
    // with its state or country ("Minneapolis, MN  •  March 2022 – Present"), and a town's name
    // alone beside the dates after a bullet ("Octubre 2021 – Actualidad • Sevilla"), or before
    // them when it is one word ("Maia • maio de 2019"; "Kawiarnia Ziarno • wrzesień 2018" is
    // the employer).
    let (before_dates, after_dates) = (line[..at.start].trim(), line[at.end..].trim());
    let bullet = ['•', '·', '|'];
    let one_word = pieces.first().is_some_and(|p| !p.contains(' '));
    let town_after = pieces.len() == 1
        && ((before_dates.is_empty() && after_dates.starts_with(bullet))
            || (after_dates.is_empty() && before_dates.ends_with(bullet) && one_word));
    // A phrase in capitals before another is a town only when the gazetteer knows it: "MAISON
    // VERDIER — LYON 2E" is an employer and its town, both shaped like towns.
    let count = pieces.len();
    let in_capitals = |k: usize, p: &String| {
        is_town_in_capitals(p) && (k + 1 == count || is_known_town(&crate::parse::name::natural_case(p)))
    };
    let where_ = |k: usize, p: &String| {
        in_capitals(k, p) || is_town_in_region(p) || is_town_in_country(p) || (town_after && is_town(p))
    };
    // "Careyn • Utrecht • sep 2012 – jan 2016" under its title: of several phrases, one after
    // the first that the gazetteer knows as a town is where.
    let (mut places, mut kept) = (Vec::new(), Vec::new());
    for (k, piece) in pieces.into_iter().enumerate() {
        if where_(k, &piece) || (k > 0 && is_known_town(&piece)) { places.push(piece) } else { kept.push(piece) }
    }
    if where_whole {
        places.push(rest.clone());
    }
    DatedLine { rest, pieces: kept, titled, places }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dated_lines_headline_ends_at_a_sentences_stop_not_an_abbreviations() {
        let line =
            "Camarera de sala en Hotel Marina Playa (temporada de verano). Servicio de desayunos y cenas en buffet.";
        assert_eq!(headline(line), "Camarera de sala en Hotel Marina Playa (temporada de verano)");
        let line = "Sr. Mgr. Walmart Stores Inc. Managed a team of 12 associates.";
        assert_eq!(headline(line), line);
        assert_eq!(headline("GCSEs x 5 incl. Maths and English"), "GCSEs x 5 incl. Maths and English");
    }
}
