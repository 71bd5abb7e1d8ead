//! Entries anchored on their dates: each dated line with the heading lines around it, up to a
//! title and an employer (or a school and a degree), read on the side of the dates the first
//! entry has them.

use super::*;

/// An entry: the phrases of its heading (title, employer, school, degree...) in order, and
/// its dates.
#[derive(Debug)]
pub(super) struct Entry {
    pub(super) pieces: Vec<String>,
    pub(super) start: Option<String>,
    pub(super) end: Option<String>,
    /// A later role at the employer named above an earlier one ("Acme Ltd" over "Store
    /// Manager  2020 – now" and "Assistant Store Manager  2017 – 2020"): with headings before
    /// the dates, its dated line holds a title alone and no line around it adds to it.
    pub(super) same_employer: bool,
    /// A table's row whose employer's cell is merged with the row above: its one cell is the
    /// title, whole.
    pub(super) merged: bool,
}

/// The dates found in a line: start (None for a lone year), end (None: to the present) and
/// where they are.
pub(super) type Dated = (Option<String>, Option<String>, std::ops::Range<usize>);

/// Whether a line names an organisation by its first phrase ("Ceramiche Emiliane S.p.A.,
/// Casalecchio di Reno (BO)").
pub(super) fn names_an_organisation(line: &str) -> bool {
    names_an_employer(line.split(", ").next().unwrap_or_default())
}

/// Whether a line names an employer as a line of its own does: by its words, in capitals, or
/// as capitalised words with their town ("Giraffe Childcare, Kilkenny").
pub(super) fn names_who(line: &str) -> bool {
    let named_with_town = line.split_once(", ").is_some_and(|(name, town)| {
        name.split_whitespace().count() >= 2
            && name.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
            && (is_town(town) || is_town_in_region(town))
            && !names_a_job(name)
    });
    names_an_organisation(line) || is_employers_line(line) || named_with_town
}

/// A line that starts with a name (before any comma): a few capitalised words without figures
/// that name no job or place and are no prose ("Midwest Parcel Fulfillment, Columbus, OH"; not
/// "Führung eines Teams von 6 Disponenten", a German task).
pub(super) fn starts_with_a_name(line: &str) -> bool {
    let (first, rest) = line.split_once(", ").unwrap_or((line, ""));
    // A name's shape is a town's too: in capitals before a branch that ends on its town or a
    // legal form ("Fidal, direction régionale Rhône-Alpes – Lyon", "Minhometal Componentes,
    // S.A. • Braga") it is the name; a task is not ("Report
    // entry, public records requests", "Triage, wound care and medication rounds").
    let capitalised = first.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
    let ends_on_town = DASHES
        .iter()
        .chain(&[", ", " • ", " · ", " | "])
        .any(|dash| rest.rsplit_once(dash).is_some_and(|(_, town)| is_town(town)));
    let branch = !is_place(rest) && !is_town(rest) && (ends_on_town || names_a_legal_form(rest));
    // Two capitalised words or more that the gazetteer does not know are a name ("Buurtzorg
    // Nederland • Utrecht"); one word may be a small town or a task's first word.
    let unknown_name = capitalised && first.split_whitespace().count() >= 2 && !is_known_town(first);
    let a_town = is_town(first) && !(capitalised && branch) && !unknown_name;
    first.split_whitespace().count() <= 6
        && !first.contains(|c: char| c.is_ascii_digit())
        && first.starts_with(char::is_uppercase)
        && !names_a_job(first)
        && !is_place(first)
        && !a_town
        && !is_prose(first)
}

/// Two phrases of `line` joined by a dash, neither naming an organisation, as one title
/// ("Cariste – Préparateur de commandes"): for an entry whose employer is named on a line of
/// its own. Not two cells of a table ("Comptable unique  Vignobles Castel-Roux").
pub(super) fn dash_title(cells: &[String], line: &str) -> Option<String> {
    // By its words: an ampersand names no organisation here ("Wales & South West").
    let organisation = |t: &str| names_an_employer(&t.replace(" & ", " "));
    if cells.iter().any(|c| organisation(c)) {
        return None;
    }
    dashed(cells, line)
}

/// The phrases of a dated line with those before the one naming the employer joined again
/// when a dash joins them in one cell: a title with its specialism ("Lead Pipefitter –
/// Offshore Hook-up, Wood Group UK Ltd"; "Leading Hand Electrician - Commercial Projects |
/// Barwon Electrical Group").
fn title_before_employer(pieces: &[String], rest: &str) -> Option<Vec<String>> {
    let pieces: Vec<String> = pieces.iter().flat_map(|p| comma_pieces(p)).collect();
    let at = pieces.iter().position(|p| names_an_employer(p) && !names_a_job(p))?;
    if at < 2 {
        return None;
    }
    let start = rest.find(pieces[0].as_str())?;
    let end = rest.find(pieces[at - 1].as_str())? + pieces[at - 1].len();
    let title = rest.get(start..end)?;
    let one_cell = !title.contains("  ") && !title.contains(" | ");
    let dashed = DASHES.iter().any(|dash| title.contains(dash));
    (one_cell && dashed).then(|| std::iter::once(title.to_owned()).chain(pieces[at..].iter().cloned()).collect())
}

/// Two phrases of `line` joined by a dash (no cell gap between them), as one.
fn dashed(cells: &[String], line: &str) -> Option<String> {
    let [title, more] = cells else { return None };
    let at = line.find(title.as_str())?;
    let end = line.find(more.as_str())? + more.len();
    let whole = line.get(at..end)?;
    let dashed = DASHES.iter().any(|dash| whole.contains(dash));
    (end > at && dashed && !whole.contains("  ")).then(|| whole.to_owned())
}

/// Whether `cell`, after `last` and a dash, goes on with it as one phrase:
/// - a cell that starts in lower case ("Secrétaire médicale – accueil et facturation"): no name
///   starts so; a grade is not one ("… Reggio Emilia – voto 106/110");
/// - a part of an organisation or a school after its name ("Comune di Parma – Settore Lavori
///   Pubblici", "Università degli Studi di Firenze – Scuola di Economia e Management"):
///   neither names a job, and the part is no town.
pub(super) fn goes_on_after_dash(last: &str, cell: &str, after_a_cell: bool) -> bool {
    let figures = cell.contains(|c: char| c.is_ascii_digit());
    let lower = cell.starts_with(char::is_lowercase);
    let part_of_organisation = (names_an_employer(last) || names_a_school(last))
        && !names_a_job(last)
        && !names_a_degree(last)
        && !names_a_job(cell)
        && !is_town(cell)
        && !is_town_in_capitals(cell)
        && !is_place(cell)
        && !is_town_in_country(cell)
        && !is_town_in_region(cell);
    // "AUXILIAR DE LIMPEZA  LIMPOMONDEGO – SERVIÇOS DE HIGIENE, LDA.": after the title's
    // cell, the part after the dash ends the employer's name with its legal form. First on
    // its line, the part before the dash may be the title ("Zerspanungsmechaniker –
    // Wälzlagertechnik Main-Rhön GmbH"), unless it is a name of two words or more and the part
    // after it ends on a legal form ("Sonae Indústria – Serviços Partilhados, S.A.").
    let legal_end = cell.rsplit_once(", ").is_some_and(|(_, form)| names_a_legal_form(form))
        && last.split_whitespace().count() >= 2;
    let named_on = (after_a_cell || legal_end) && names_an_employer(cell) && !names_a_job(last) && !names_a_job(cell);
    // "Alma Mater Studiorum – Università di Bologna": a name before the school it is, not a
    // degree or a title before its school.
    let name =
        |t: &str| t.split_whitespace().count() <= 3 && t.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
    let school_named =
        names_a_school(cell) && !names_a_school(last) && !names_a_degree(last) && !names_a_job(last) && name(last);
    // "CAF – Construcciones y Auxiliar de Ferrocarriles, S.A.": an organisation's initials
    // before its name, which has a legal form (and may have a job's word: "Auxiliar").
    let acronym = (2..=6).contains(&last.chars().count()) && last.chars().all(|c| c.is_uppercase());
    let spelled_out = acronym && names_a_legal_form(cell);
    !figures && (lower || part_of_organisation || named_on || school_named || spelled_out)
}

/// The heading phrases of a line: its cells, less a town after an organisation ("Douro Vinhos,
/// Lda. — Porto", "Norte Auditores, SROC — Porto"; after anything else, "Quantum Ledger" may
/// be the employer).
pub(super) fn heading_cells(line: &str) -> Vec<String> {
    let line = employer_after_connector(line).unwrap_or(line);
    let mut cells: Vec<String> = Vec::new();
    for cell in self::cells(line).filter_map(table::field_value) {
        let after_a_cell = cells.len() > 1;
        match cells.last_mut() {
            Some(last)
                if goes_on_after_dash(last, cell, after_a_cell) && line.contains(&format!("{last} – {cell}")) =>
            {
                *last = format!("{last} – {cell}");
            }
            _ => cells.push(cell.to_owned()),
        }
    }
    let legal_form = |c: &str| c.rsplit_once(", ").is_some_and(|(_, form)| !form.contains(' '));
    let after_employer = cells.first().is_some_and(|c| (names_an_employer(c) || legal_form(c)) && !names_a_job(c));
    let keep = |n: usize, c: &str| n == 0 || !after_employer || !is_town(c);
    // A town with its country beside the dates ("Nürnberg (Deutschland)", as the Europass
    // form sets it under them) is where, not who: no title or employer.
    let place = |c: &str| c.split_whitespace().count() <= 4 && c.ends_with(')') && is_town(c);
    // "… Inc. — Columbus, OH  Apr 2020 – Present": the last cell a town and its state.
    let last = cells.len().saturating_sub(1);
    let state = |n: usize, c: &str| n > 0 && n == last && is_town_and_state(c);
    cells
        .iter()
        .enumerate()
        .filter(|(n, c)| keep(*n, c) && !place(c) && !state(*n, c) && !is_address_line(c))
        .map(|(_, c)| (*c).to_owned())
        .collect()
}

/// How many phrases the pieces make once a lone one is split at its commas ("Warehouse
/// Supervisor, Midwest Grocers, Columbus OH" is two).
///
/// A town with its country is where, no phrase ("01/03/2016 – 30/09/2019 Moncalieri, Italia"
/// over "FISIOTERAPISTA DI REPARTO" over "RSA VILLA SERENA"); a title run together with an
/// employer that says it is one ("HGV CLASS 1 DRIVER MIDLANDS HAULAGE LTD", as the Europass
/// editor sets them in capitals) is two.
pub(super) fn phrases(pieces: &[String]) -> usize {
    let pieces: Vec<&String> = pieces.iter().filter(|p| !is_town_in_country(p)).collect();
    match pieces.as_slice() {
        [one] if split_after_title(one).is_some_and(|(_, employer)| names_an_employer(&employer)) => 2,
        [one] => comma_pieces(one).len(),
        _ => pieces.len(),
    }
}

/// The line without the span of its dates, and the separators left around it.
pub(super) fn without(line: &str, span: &std::ops::Range<usize>) -> String {
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

/// What a dated line says beside its dates.
struct DatedLine {
    /// The line without its dates.
    rest: String,
    /// Its heading phrases (no prose, no place).
    pieces: Vec<String>,
    /// Its phrases with prose kept, for a title with a ward or a field after its dash.
    titled: Vec<String>,
    /// The places among them: where the job was.
    places: Vec<String>,
}

/// A dated line read beside its dates `at`; `heading_first`: the section sets its headings
/// before the dates.
fn dated_line(line: &str, at: &std::ops::Range<usize>, heading_first: bool) -> DatedLine {
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
    let mut pieces = if where_whole { Vec::new() } else { heading_cells(&rest) };
    // Prose after a title's dash may be its ward or field ("Infirmière – Soins de suite et
    // de réadaptation" over "Clinique Sainte-Odile, Haguenau"): kept for the title below.
    let titled: Vec<String> = pieces.iter().filter(|p| !is_sentence(p)).cloned().collect();
    let mut n_cell = 0;
    // With the headings before the dates, the dates' line holds no heading: a line of the
    // description beside dates centred in their cell ("09/2018–aujourd'hui  Facturation
    // des actes, tiers payant et relances") is prose even in its first cell.
    pieces.retain(|p| {
        n_cell += 1;
        !(is_sentence(p) || is_working_hours(p) || ((n_cell > 1 || heading_first) && is_prose(p)))
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

/// The entries of a section: each dated line with the heading lines that go with it, up to
/// two `phrases` (a title and an employer; a school and a degree) in all. They are looked for on the side of the dates
/// the first entry has them, and on the other side when that side has none.
///
/// With `jobs` (a work history, not an education), a table's row with one cell under a row
/// with all of them has the employer's cell merged down (`Entry::merged`), and a title over
/// its employer's line may hold a dash.
pub(super) fn entries(
    lines: &[String],
    dated: impl Fn(&str) -> Option<Dated>,
    phrases: fn(&[String]) -> usize,
    jobs: bool,
) -> Vec<Entry> {
    let anchors: Vec<(usize, Dated)> = lines.iter().enumerate().filter_map(|(i, l)| Some((i, dated(l)?))).collect();
    let Some((first, _)) = anchors.first() else { return Vec::new() };
    let is_heading = |i: usize| !is_description(&lines[i]) && dated(&lines[i]).is_none();
    // An office suite centres a dates cell beside a taller cell, so the first dates may come
    // out after a line or two of the first entry's description ("Verzorgende IG" /
    // "Zorggroep IJsselheem" / "• Persoonlijke verzorging…" / "01/02/2019–heden"): the
    // headings are still before the dates.
    let heading_first = (first.saturating_sub(3)..*first).any(is_heading);
    // A LinkedIn profile's history: an employer's time in all on a line of its own.
    let linkedin = lines.iter().any(|l| is_duration(l));
    let mut out = Vec::new();
    let mut free = 0; // the first line no earlier entry took
    let mut row_cells = 0; // the phrases on the dated line of the last row with all its cells
    for (n, (i, (start, end, at))) in anchors.iter().enumerate() {
        let DatedLine { rest, mut pieces, titled, mut places } = dated_line(&lines[*i], at, heading_first);
        if jobs && let Some(whole) = title_before_employer(&pieces, &rest) {
            pieces = whole;
        }
        let names_below =
            |j: usize| lines.get(j + 1).is_some_and(|next| is_heading(j + 1) && names_an_organisation(next));
        // "HR Specialist – Amministrazione del personale  Marzo 2021 – oggi" over "Ceramiche
        // Emiliane S.p.A.": with the employer on the line below, the dash is inside the title.
        // In a work history the line below is the employer also when it is a name that is
        // neither a job, a place nor prose ("Warehouse Lead - 2nd Shift" over "Midwest Parcel
        // Fulfillment, Columbus, OH"). A comma is inside the title only over an organisation
        // with its town or its legal form ("Senior Paralegal, Commercial Property" over
        // "Hartley Brooke LLP, Manchester"; "Account Executive, SMB" over "Telus
        // Communications Inc."): a title and its employer are often set so ("Dental Nurse,
        // Bedminster Family Dentistry" over the practice's kind).
        let name_below = || {
            let Some(next) = lines.get(i + 1) else { return false };
            jobs && is_heading(i + 1) && dated(next).is_none() && starts_with_a_name(next)
        };
        let mut employer_below = false;
        if !heading_first && (names_below(*i) || name_below()) {
            // Over an employer named by its legal form or its kind, a department after the dash
            // is the title's even where it names a body or a ward ("Técnico de logística –
            // Departamento de Tráfico" over "Distribuciones Moncayo S.A., Zaragoza", "Técnica
            // de Enfermagem – Clínica Médica" over "Hospital Santa Luzia da Mooca").
            let named_below =
                (names_a_legal_form(&lines[i + 1]) || names_below(*i)) && !pieces.iter().any(|p| names_a_legal_form(p));
            let whole = dash_title(&pieces, &rest)
                .or_else(|| dash_title(&titled, &rest))
                .or_else(|| named_below.then(|| dashed(&pieces, &rest)).flatten());
            if let Some(whole) = whole {
                pieces = vec![whole];
                employer_below = true;
            } else if let [one] = pieces.as_slice()
                && jobs
                && names_below(*i)
                && (lines[i + 1].rsplit_once(", ").is_some_and(|(_, town)| is_town(town))
                    || names_a_legal_form(&lines[i + 1]))
                && comma_pieces(one).len() == 2
                && !names_an_employer(one)
            {
                employer_below = true;
            }
        }
        // The line right above names the employer.
        let named_above = *i > free && is_heading(i - 1) && names_who(&lines[i - 1]) && !names_a_job(&lines[i - 1]);
        // "Cabinet Vial-Berthier Avocats, Lyon" over "Avocate collaboratrice – Département
        // Corporate — novembre 2016 à août 2019": with the employer on the line above, the
        // dash is inside the title.
        if jobs
            && heading_first
            && named_above
            && let Some(whole) = dashed(&pieces, &rest)
        {
            pieces = vec![whole];
        }
        // "Executive Team Leader – Merchandising  June 2017 – March 2020" under the tasks of a
        // role over it: where headings come before the dates and no line here names an
        // employer or a title, the entry is a later role at the same employer, and its dash is
        // inside the title. Not "Aushilfe Lager – Globus SB-Warenhaus, Ludwigshafen": a name
        // with its town.
        let a_title =
            |l: &str| names_a_job(l) && l.split_whitespace().count() <= 5 && !l.contains(|c: char| c.is_ascii_digit());
        let who_above = |j: usize| is_heading(j) && (names_who(&lines[j]) || a_title(&lines[j]));
        let with_town = rest.rsplit_once(", ").is_some_and(|(_, town)| is_town(town));
        if jobs
            && heading_first
            && n > 0
            && !with_town
            && !(free..*i).any(who_above)
            && let Some(whole) = dash_title(&pieces, &rest)
        {
            // Whole on its dated line: the lines above are the last role's tasks.
            free = i + 1;
            row_cells = 0;
            out.push(Entry {
                pieces: vec![whole],
                start: start.clone(),
                end: end.clone(),
                same_employer: true,
                merged: false,
            });
            continue;
        }
        let own = pieces.len();
        // The employer below is taken now: the title may have a comma of its own.
        // Its line is the employer's alone: a dash in it is in the name ("LogiTejo –
        // Operadores Logísticos, S.A., Azambuja").
        if employer_below {
            pieces.push(without_place_after_separator(&lines[i + 1]).to_owned());
        }
        // "2016 – 2020  Cariste CACES 1, 3 et 5" under "Depuis mars 2020  Entrepôts du Nord
        // Logistique  Chef d'équipe préparation": the employer's cell is merged down, and
        // the lines after the row are its description.
        // A row whose next line names who ("Addetta paghe  2016 – 2021" over "Studio Associato
        // Conti & Ferraresi") is an entry with its dates on the right, not a merged row.
        // Nor is one under its employer's line ("Department of Social Protection, Intreo
        // Centre" over "Clerical Officer (Grade III)  Feb 2015 - Aug 2018").
        let merged = jobs
            && n > 0
            && own == 1
            && phrases(&pieces) == 1
            && row_cells >= 2
            && lines[*i].contains("  ")
            && !names_below(*i)
            && !named_above;
        if merged {
            free = i + 1;
            out.push(Entry { pieces, start: start.clone(), end: end.clone(), same_employer: true, merged });
            continue;
        }
        let untaken = free;
        let before: Vec<usize> = (untaken..*i).rev().collect();
        let after: Vec<usize> = (i + 1..anchors.get(n + 1).map_or(lines.len(), |a| a.0)).collect();
        let after_first = after.first().copied();
        // "Sep 2018 – Feb 2021" over "Staff Nurse (Scrub)", with only the last entry's tasks
        // above: where headings come before the dates, an entry with none before them has its
        // title after them (a Word table's row of an employer's later role).
        let read_after =
            heading_first && own == 0 && before.iter().all(|j| !is_heading(*j)) && after_first.is_some_and(is_heading);
        let sides = if heading_first && !read_after {
            [(before, true), (after, false)]
        } else {
            [(after, false), (before, true)]
        };
        free = i + 1;
        if employer_below {
            free = i + 2;
        }
        for (near, is_before) in sides {
            let found = pieces.len();
            let mut skipped = 0;
            // The employer's line under a title with a dash, after the dates: taken whole.
            let mut employer_whole = false;
            // A title with a comma of its own, after the dates, over its employer's line.
            let mut comma_whole = false;
            for j in near {
                // Before dates centred beside it, a line or two of description may come
                // between the dates and their headings; nothing before them is another entry's.
                if is_before
                    && heading_first
                    && own == 0
                    && pieces.is_empty()
                    && skipped < 2
                    && is_description(&lines[j])
                {
                    skipped += 1;
                    continue;
                }
                // "Lonestar Health Systems" / "6 years 7 months" / "Senior Software Engineer":
                // an employer's time in all, between it and its first role.
                if is_duration(&lines[j]) {
                    continue;
                }
                // "THE LEDBURY • London" / "Two-Michelin-starred restaurant in Notting Hill" /
                // "Head Sommelier  dates", or the employer's line dated over its description
                // and the title: the line between says what the employer is.
                let described = jobs
                    && describes_an_employer(&lines[j])
                    && if is_before {
                        own == 1
                            && pieces.len() == 1
                            && j > untaken
                            && is_heading(j - 1)
                            && is_employers_line(&lines[j - 1])
                            && !is_employers_line(&pieces[0])
                    } else {
                        pieces.len() == 1
                            && is_employers_line(&pieces[0])
                            && lines.get(j + 1).is_some_and(|next| {
                                // A title: by its words, or short, without a comma or figures.
                                let short = next.split_whitespace().count() <= 5
                                    && !next.contains(|c: char| c == ',' || c.is_ascii_digit());
                                is_heading(j + 1) && (names_a_job(next) || short) && !is_employers_line(next)
                            })
                    };
                if described {
                    continue;
                }
                // "Fenmarsh Foods Ltd, Wisbech" over "Shift Maintenance Electrician, Packing Hall
                // dates": under an organisation's line, a comma is inside the dated title.
                let comma_title = is_before
                    && jobs
                    && own == 1
                    && pieces.len() == 1
                    && names_an_organisation(&lines[j])
                    && !names_an_organisation(&pieces[0]);
                // Above the entry's headings, a task's line without its bullet (a browser draws
                // list markers, not text) is long prose: "Introduced monthly HR dashboards for
                // absence, turnover and overtime" over "Airedale Housing Association" and dates.
                let task_above = is_before
                    && !pieces.is_empty()
                    && lines[j].split_whitespace().count() >= 7
                    && is_prose(&lines[j])
                    && !names_an_organisation(&lines[j]);
                // Under a dated title, a list of tasks in prose is its first line of
                // description ("Clinical Pharmacist (Aug 2020 – May 2023)" over "Medication
                // reconciliation, drug interaction checks"), not its employer.
                let task_below = !is_before
                    && jobs
                    && !pieces.is_empty()
                    && is_task_list(&lines[j])
                    && !names_an_organisation(&lines[j])
                    && !starts_with_a_name(&lines[j]);
                let whole_title = comma_whole && pieces.len() == 1;
                if (phrases(&pieces) >= 2 && !comma_title && !whole_title) || !is_heading(j) || task_above || task_below
                {
                    break;
                }
                let mut more = heading_cells(&lines[j]);
                if employer_whole {
                    more = vec![lines[j].trim().to_owned()];
                }
                // "Développeur back-end Java  dates" / "La Défense" / "Ingenia Consulting (ESN)":
                // after the dates, a town's line over a line that names the employer is where.
                // The line must start with a name: not a label's line ("Stationen: Bürgerbüro",
                // "Client: Barclays Bank plc") nor a phrase ("Placed at DHL Supply Chain Ltd",
                // under an agency's name that reads like a town: "Adecco").
                let names_the_employer = |next: &str| {
                    let first = next.split(", ").next().unwrap_or_default();
                    let mut words = next.split_whitespace().skip(1);
                    let a_name = words.next().is_none_or(|w| {
                        w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic())
                            || crate::parse::NAME_PARTICLES.contains(&w)
                    });
                    let labelled = next.contains(": ");
                    a_name
                        && !labelled
                        && (names_an_organisation(next) || (starts_with_a_name(next) && !is_town(first)))
                };
                // "10/2022 – heute  Stellvertretende Stationsleitung" over "Interdisziplinäre
                // Intensivstation" over "Klinikum Nord-Elbe gGmbH, Hamburg": under a dated
                // title, a ward or department over the line naming the organisation is neither.
                let department = !is_before
                    && jobs
                    && own == 1
                    && pieces.len() == 1
                    && names_a_department(&lines[j])
                    && !names_a_legal_form(&lines[j])
                    && !names_a_job(&lines[j])
                    && lines[j].rsplit_once(", ").is_none_or(|(_, town)| !is_town(town))
                    && lines.get(j + 1).is_some_and(|next| {
                        // Not a line that says how ("Placed at DHL Supply Chain Ltd").
                        let connected = next.split_whitespace().take(3).any(|w| CONNECTORS.contains(&w));
                        is_heading(j + 1)
                            && !connected
                            && !next.contains(": ")
                            && names_an_organisation(next)
                            && !names_a_job(next)
                    });
                if department {
                    continue;
                }
                if !is_before
                    && jobs
                    && pieces.len() == 1
                    && let [town] = more.as_slice()
                    && is_town(town)
                    && lines.get(j + 1).is_some_and(|next| is_heading(j + 1) && names_the_employer(next))
                {
                    places.push(town.clone());
                    continue;
                }
                // "CARISTE – PRÉPARATEUR DE COMMANDES" over "Entrepôts Loiret Distribution" (or
                // over the dated line that names it): a title with a dash in it.
                // So over a name and its town ("Warehouse Lead - 2nd Shift" over "Midwest Parcel
                // Fulfillment, Groveport, OH" over the dates), in a work history.
                // After the dates, the line below names the employer by its words or is a name
                // that is no job or place ("Eletricista de Manutenção Industrial - Turno
                // rotativo" over "Sadofibra - Fábrica de Papel, Setúbal").
                let name_next = |j: usize| {
                    jobs && lines.get(j + 1).is_some_and(|next| is_heading(j + 1) && starts_with_a_name(next))
                };
                // Under an organisation's line after the dates, likewise ("Studio Legale
                // Bernasconi Ferrario & Partners, Milano" over "Senior Associate – Dipartimento
                // Diritto del Lavoro").
                // Under the employer's line before the dates too ("Mendes, Tavares & Prado
                // Advogados" over "Advogada Sênior – Contencioso Cível" over the dates).
                // A school is a teacher's employer ("Colégio Jardim das Acácias - São Paulo/SP").
                let employer_above = is_before
                    && j > untaken
                    && is_heading(j - 1)
                    && (names_an_employer(&lines[j - 1]) || names_a_school(&lines[j - 1]))
                    && !names_a_job(&lines[j - 1]);
                let employer_next = names_below(j)
                    || (!is_before && name_next(j))
                    || pieces.iter().any(|p| names_an_organisation(p) || (names_an_employer(p) && !names_a_job(p)))
                    || (is_before && jobs && pieces.len() == 1 && own == 0 && starts_with_a_name(&pieces[0]))
                    // "Wijkverpleegkundige – Team Zuilen-Noord" over "Buurtzorg Nederland •
                    // Utrecht • sep 2020 – heden": over a dated line naming who, no job.
                    || (is_before
                        && jobs
                        && own == 1
                        && pieces.len() == 1
                        && starts_with_a_name(&pieces[0])
                        && !names_a_job(&pieces[0]))
                    || (jobs && employer_above);
                if employer_next && let Some(whole) = dash_title(&more, &lines[j]) {
                    more = vec![whole];
                    employer_whole = !is_before;
                }
                // "Administrativo, Área de Urbanismo (funcionario de carrera)" after the dates,
                // over "Ayuntamiento de Utebo (Zaragoza)": a comma inside the title.
                if !is_before
                    && jobs
                    && pieces.is_empty()
                    && let [one] = more.as_slice()
                    && comma_pieces(one).len() == 2
                    && !names_an_employer(one)
                    && names_below(j)
                {
                    comma_whole = true;
                }
                // "Encargada de turno" / "Tostado Norte Café de Especialidad — Palermo Soho" /
                // dates: a line of two phrases over the dates that names no job is the
                // employer and where it is, under the title (a short phrase that names no
                // organisation).
                let title_above = (is_before && j > untaken && is_heading(j - 1))
                    .then(|| heading_cells(&lines[j - 1]))
                    .and_then(|above| <[String; 1]>::try_from(above).ok())
                    .map(|[title]| title)
                    .filter(|title| {
                        title.split_whitespace().count() <= 6
                            && !names_an_employer(title)
                            && !is_prose(title)
                            && !is_place(title)
                            && phrases(std::slice::from_ref(title)) == 1
                    });
                // The line must be an employer's by its words, or a name of two words or more
                // beside a town or an address ("Focus Ireland, Dublin 8"): "Disponent – Dachser"
                // under a description's last line is a title and its employer.
                let employer_first = more.first().is_some_and(|first| {
                    let mut parts = first.split(", ");
                    let name = parts.next().unwrap_or_default();
                    let place = |p: &str| is_town(p) || is_address(p);
                    let beside = more.get(1).map(String::as_str).or_else(|| parts.last()).is_some_and(place);
                    names_an_employer(name) || (name.split_whitespace().count() >= 2 && beside)
                });
                if let Some(title) = title_above
                    && pieces.is_empty()
                    && phrases(&more) >= 2
                    && employer_first
                    && !more.iter().flat_map(|p| comma_pieces(p)).any(|p| names_a_job(&p))
                {
                    more = vec![title, more[0].clone()];
                }
                // "Talleres Deusto Motor (concesionario oficial) — Bilbao" over "Jefe de Taller
                // dates": an employer and its town over the dated title; the town is where, and
                // the title stays first.
                let employer_and_town = is_before
                    && own == 1
                    && pieces.len() == 1
                    && matches!(more.as_slice(), [name, town] if is_town(town) && !is_town_in_country(name)
                        && (names_a_job(&pieces[0]) || !names_a_job(name)));
                if employer_and_town {
                    more.truncate(1);
                    pieces.extend(more);
                } else if is_before {
                    pieces.splice(0..0, more);
                } else {
                    pieces.extend(more);
                    free = j + 1;
                }
            }
            if pieces.len() > found || phrases(&pieces) >= 2 {
                break;
            }
        }
        // "Employée de bureau" / "06/2011–12/2013" / "Transports Garonne Express, Colomiers
        // (France)": an office suite may set a form's dates cell between the entry's two lines.
        // The line right after the dates completes the entry only when it names where it is,
        // as the next entry's first line never does.
        // So does a work history's employer, named by its words or a name that is no job or
        // place ("Koordynatorka ds. marketingu" / "marzec 2021 – obecnie" / "Bonavita Kosmetyki
        // Sp. z o.o., Kraków"; "Agencja Reklamowa Pixel House, Kraków"), but not a LinkedIn
        // role's town ("Austin, Texas, United States").
        // So does the title under an employer named over the dates ("Northgate Care Homes
        // Ltd" / "Feb 2021 – Present" / "HR Manager").
        let employer_over = jobs && !pieces.is_empty() && pieces.iter().all(|p| names_an_organisation(p));
        let completes = |line: &str| {
            is_named_place(line)
                // An education's school under its dates ("VMBO Kader" / "2010 – 2014" /
                // "Zuid-West College, Den Haag").
                || (!jobs && names_a_school(line) && !names_a_degree(line))
                || (jobs && (names_an_organisation(line) || starts_with_a_name(line)) && !names_a_job(line))
                || (employer_over && names_a_job(line) && !names_an_organisation(line) && !is_prose(line))
        };
        // An organisation's line with its site ("Kingsmead Hospitals NHS Trust, St Aldhelm's
        // Hospital") is two phrases, and the title under the dates is still the entry's.
        let one_phrase = phrases(&pieces) == 1 || (employer_over && pieces.len() == 1);
        if heading_first
            && one_phrase
            && let Some(j) = after_first.filter(|j| is_heading(*j) && completes(&lines[*j]))
        {
            pieces.extend(heading_cells(&lines[j]));
            free = j + 1;
        }
        if phrases(&pieces) < 2 && !places.is_empty() {
            let at = if heading_first { pieces.len() } else { 0 };
            pieces.splice(at..at, places);
        }
        // One phrase for an entry under an earlier one: a role at the same employer, on the
        // dated line ("2016 – 2018  Sous-chef") or, as a LinkedIn profile lists an employer's
        // roles, a job's title alone above its dates.
        let same_employer = heading_first
            && n > 0
            && pieces.len() == 1
            && (own == 1 || ((linkedin || read_after) && names_a_job(&pieces[0])));
        // A table's row is whole on its dated line; an entry that took other lines is none.
        row_cells = if pieces.len() == own { own } else { 0 };
        out.push(Entry { pieces, start: start.clone(), end: end.clone(), same_employer, merged: false });
    }
    out
}

/// A timeline that marks each job by the year it began ("2021 • Técnica de enfermagem —
/// Hospital da Luz"), without a range anywhere: each line that starts with a year is an entry,
/// which ended when the one above it (later) began.
pub(super) fn by_start_years(lines: &[String]) -> Vec<Entry> {
    let at_start = |l: &str| dates::single(l).filter(|(_, at)| at.start == 0).map(|(year, at)| (Some(year), None, at));
    let mut found = entries(lines, at_start, phrases, true);
    for n in 1..found.len() {
        if found[n - 1].start >= found[n].start {
            found[n].end = found[n - 1].start.clone();
        }
    }
    found
}

pub(super) fn span_of(line: &str) -> Option<Dated> {
    dates::span(line).map(|Span { start, end, at }| (Some(start), end, at))
}
