//! Dates as resumes write them ("Apr 2019", "04/2019", "2019-04", "2019", "März 2020",
//! "Present") and ranges of them ("Jan 2018 – Present", "2015-2019", "since 2020"), as
//! `YYYY` or `YYYY-MM`.

use std::ops::Range;

/// A span of time found in a line; `end` None means "to the present".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: String,
    pub end: Option<String>,
    /// Where in the line it was written (bytes), to take it out of the rest of the line.
    pub at: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
enum Item {
    Date(String),
    Present,
    Connector,
    Since,
    /// "from", "von", "da": before a range's start, no part of it.
    From,
    Other,
}

#[rustfmt::skip]
const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("jan", 1), ("januar", 1), ("janvier", 1), ("janv", 1), ("enero", 1), ("ene", 1), ("gennaio", 1),
    ("gen", 1), ("february", 2), ("feb", 2), ("februar", 2), ("février", 2), ("févr", 2), ("fevrier", 2),
    ("febrero", 2), ("febbraio", 2), ("march", 3), ("mar", 3), ("märz", 3), ("maerz", 3), ("mars", 3), ("marzo", 3),
    ("april", 4), ("apr", 4), ("avril", 4), ("avr", 4), ("abril", 4), ("abr", 4), ("aprile", 4), ("may", 5),
    ("mai", 5), ("mayo", 5), ("maggio", 5), ("mag", 5), ("june", 6), ("jun", 6), ("juni", 6), ("juin", 6),
    ("junio", 6), ("giugno", 6), ("giu", 6), ("july", 7), ("jul", 7), ("juli", 7), ("juillet", 7), ("juil", 7),
    ("julio", 7), ("luglio", 7), ("lug", 7), ("august", 8), ("aug", 8), ("août", 8), ("aout", 8), ("agosto", 8),
    ("ago", 8), ("september", 9), ("sep", 9), ("sept", 9), ("septembre", 9), ("septiembre", 9), ("settembre", 9),
    ("set", 9), ("october", 10), ("oct", 10), ("oktober", 10), ("okt", 10), ("octobre", 10), ("octubre", 10),
    ("ottobre", 10), ("ott", 10), ("november", 11), ("nov", 11), ("novembre", 11), ("noviembre", 11),
    ("december", 12), ("dec", 12), ("dezember", 12), ("dez", 12), ("décembre", 12), ("déc", 12), ("diciembre", 12),
    ("dic", 12), ("dicembre", 12),
    // Dutch, Portuguese, Polish (the nominative and the genitive: "maj 2019", "od maja 2019")
    ("januari", 1), ("februari", 2), ("maart", 3), ("mrt", 3), ("mei", 5), ("augustus", 8), ("janeiro", 1), ("fevereiro", 2),
    ("fev", 2), ("março", 3), ("maio", 5), ("junho", 6), ("julho", 7), ("setembro", 9), ("outubro", 10),
    ("out", 10), ("novembro", 11), ("dezembro", 12), ("styczeń", 1), ("stycznia", 1), ("luty", 2), ("lutego", 2),
    ("marzec", 3), ("marca", 3), ("kwiecień", 4), ("kwietnia", 4), ("maj", 5), ("maja", 5), ("czerwiec", 6),
    ("czerwca", 6), ("lipiec", 7), ("lipca", 7), ("sierpień", 8), ("sierpnia", 8), ("wrzesień", 9),
    ("września", 9), ("październik", 10), ("października", 10), ("listopad", 11), ("listopada", 11),
    ("grudzień", 12), ("grudnia", 12),
    // Roman numerals, as Polish (and some Italian) resumes write months: "IX 2016 – VI 2020".
    ("i", 1), ("ii", 2), ("iii", 3), ("iv", 4), ("v", 5), ("vi", 6), ("vii", 7), ("viii", 8), ("ix", 9), ("x", 10),
    ("xi", 11), ("xii", 12),
];

const PRESENT: &[&str] = &[
    "present",
    "current",
    "now",
    "today",
    "date",
    "heute",
    "aktuell",
    "actuel",
    "actuellement",
    "actualidad",
    "presente",
    "oggi",
    "présent",
    "aujourd'hui",
    // With the typographic apostrophe word processors put in.
    "aujourd’hui",
    "atual",
    "atualmente",
    "actual",
    "actualmente",
    "heden",
    "nu",
    "obecnie",
    "jetzt",
    "attuale",
    "hoy",
    "teraz",
    "ongoing",
    // The Europass editor's "Huidig" (Dutch), and "bis dato", "laufend", "hoje", "aktualnie".
    "huidig",
    "dato",
    "laufend",
    "hoje",
    "aktualnie",
    // Polish "dziś" (today), "nadal" (still; in small letters only, see `LOWER_CASE_ONLY`).
    "dziś",
    "nadal",
    // Abbreviated: "2022 – auj.".
    "auj",
];

/// Present-words that with a capital are something else: "Nadal" is Christmas in Catalan, and a
/// surname.
const LOWER_CASE_ONLY: &[&str] = &["nadal"];

/// Two words that together mean "to the present" ("à ce jour", "in corso").
const PRESENT_PAIRS: &[(&str, &str)] = &[
    ("ce", "jour"),
    ("en", "cours"),
    ("to", "date"),
    ("em", "curso"),
    ("in", "corso"),
    ("ad", "oggi"),
    ("o", "momento"),
    ("ao", "momento"),
    ("la", "fecha"),
    // The old Polish form's "do chwili obecnej" (to the present moment).
    ("chwili", "obecnej"),
    // The Italian Europass editor's "alla data attuale", the Portuguese "até à data".
    ("data", "attuale"),
    ("à", "data"),
];
const CONNECTORS: &[&str] = &[
    "-", "–", "—", "to", "until", "till", "through", "bis", "à", "a", "au", "hasta", "al", "alla", "~", "do", "tot",
    "até", // A timeline's arrows: "2016 → 2021".
    "→", "->", "⟶", "›", "»",
];
const SINCE: &[&str] = &["since", "seit", "depuis", "desde", "dal", "od", "sinds"];
const FROM: &[&str] = &["from", "von", "vom", "du", "de", "da", "dalla", "van"];
/// Seasons before a range of years ("Étés 2012 – 2014", "Summers 2016 – 2018"): part of the
/// range, as "from" is, when a single space sets them before a year ("Autohaus Sommer  2015 –
/// 2019" is a name beside its dates). Not the Italian "estate" and "lato", English and Italian
/// words too.
const SEASONS: &[&str] = &[
    "summer", "summers", "été", "étés", "sommer", "verano", "veranos", "verão", "verões", "estati", "zomer", "zomers",
    "winter", "hiver", "invierno", "inverno",
];

/// The first span of time in `line`.
pub fn span(line: &str) -> Option<Span> {
    let items = items(line);
    for i in 0..items.len() {
        let (Item::Date(start), from) = (&items[i].0, items[i].1.start) else {
            // "since 2020" is open, to the words for now after it if any ("Since 2021 (current)",
            // "dal 1° settembre 2012 ad oggi"); "Dal 03/2019 a oggi" is the range after it.
            if items[i].0 == Item::Since
                && let Some((Item::Date(start), at)) = items.get(i + 1)
                && !matches!(items.get(i + 2), Some((Item::Connector, _)))
                && !in_a_note(line, items[i].1.start)
            {
                let end = match items.get(i + 2) {
                    Some((Item::Present, now)) => now.end,
                    _ => at.end,
                };
                return Some(Span { start: start.clone(), end: None, at: items[i].1.start..end });
            }
            continue;
        };
        // "from 2015 to 2019", "Da 09/2012 a 02/2019": the word before the range is its own.
        let from = match i.checked_sub(1).map(|k| &items[k]) {
            Some((Item::Since | Item::From, at)) => at.start,
            _ => from,
        };
        let mut j = i + 1;
        while matches!(items.get(j), Some((Item::Connector, _))) {
            j += 1;
        }
        // Two dates need something between them to be a range: a connector, or the gap between
        // two cells of a table (its From and To columns).
        // Not from a year that closes a bracket: "Zimmerer (Lehre ab 1988)   September 1991 –
        // 2004" is a note's year beside the range.
        let cells_apart = |next: &Range<usize>| {
            let gap = &line[items[i].1.end..next.start];
            (gap.contains("  ") || gap.contains('\t')) && !gap.starts_with(')')
        };
        // "May 2019 to date": the words for now may hold the connector.
        let connected_now =
            |(item, at): &(Item, Range<usize>)| *item == Item::Present && line[at.clone()].contains(' ');
        if j == i + 1 && !items.get(j).is_some_and(|next| cells_apart(&next.1) || connected_now(next)) {
            continue;
        }
        match items.get(j) {
            // "Zimmerer (Vorarbeiter ab 1999)   September 1991 – Dezember 2004": a year that
            // ends before it starts is no range, but a note's year beside the real one.
            Some((Item::Date(end), at)) if !earlier(end, start) => {
                return Some(Span { start: start.clone(), end: Some(end.clone()), at: from..at.end });
            }
            Some((Item::Present, at)) => return Some(Span { start: start.clone(), end: None, at: from..at.end }),
            _ => {}
        }
    }
    None
}

/// Whether the word at byte `at` stands inside a bracket after a job's title: a note within a
/// title ("Spawacz-monter (brygadzista od 2022)", a promotion), not the entry's dates, which
/// "(since 2021)" alone or "(Vollzeit, seit 2021)" are.
fn in_a_note(line: &str, at: usize) -> bool {
    let head = &line[..at];
    head.rfind('(').is_some_and(|open| !head[open..].contains(')') && super::words::names_a_job(&head[open + 1..]))
}

/// Whether date `a` is before date `b`, both `YYYY` or `YYYY-MM`; a year alone is compared by
/// its year only.
fn earlier(a: &str, b: &str) -> bool {
    if a.len() == b.len() { a < b } else { a[..4] < b[..4] }
}

/// A single date standing alone in `line` (a graduation year), with where it is.
pub fn single(line: &str) -> Option<(String, Range<usize>)> {
    items(line).into_iter().find_map(|(item, at)| match item {
        Item::Date(d) => Some((d, at)),
        _ => None,
    })
}

/// The line read as dates, present-words, connectors and other words, with their places.
fn items(line: &str) -> Vec<(Item, Range<usize>)> {
    let words = words(line);
    let mut out: Vec<(Item, Range<usize>)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (word, at) = &words[i];
        let key = word.trim_end_matches(['.', ',', ')', ':', ';']).trim_start_matches('(').to_lowercase();
        // "March 2019", and "marzo de 2019", "janeiro de 2019", "March of 2019".
        let of = usize::from(words.get(i + 1).is_some_and(|(w, _)| ["de", "del", "of"].contains(&w.as_str())));
        // A month closes no bracket before its year: "(Angestelltenlehrgang II)  2008" is no
        // February ("II 2008" is, as Polish forms write it).
        if let Some(month) = month(&key).filter(|_| !line[at.end..].starts_with(')'))
            && let Some((next, next_at)) = words.get(i + 1 + of)
            && let Some(year) = year(next.trim_end_matches([',', ')', '.', ';', ':']))
        {
            // "dal 1° settembre 2012", "31 agosto 2012": the day before the month is the date's.
            let mut start = at.start;
            if let Some((Item::Other, day_at)) = out.last()
                && is_day(&line[day_at.clone()])
                && line[day_at.end..at.start] == *" "
                && starts_a_date(line, day_at, out.len().checked_sub(2).map(|k| &out[k].0))
            {
                start = day_at.start;
                out.pop();
            }
            out.push((Item::Date(format!("{year}-{month:02}")), start..next_at.end));
            i += 2 + of;
            continue;
        }
        if let Some((next, next_at)) = words.get(i + 1)
            && PRESENT_PAIRS
                .contains(&(key.as_str(), next.trim_end_matches([',', ')', '.', ';', ':']).to_lowercase().as_str()))
        {
            out.push((Item::Present, at.start..next_at.end));
            i += 2;
            continue;
        }
        // "od października 2019 r. do chwili obecnej": the Polish "r." (rok, year) after a
        // date is the date's.
        if word == "r."
            && let Some((Item::Date(_), last)) = out.last_mut()
            && line[last.end..at.start] == *" "
        {
            last.end = at.end;
            i += 1;
            continue;
        }
        // "jan/2020", "set/2013": a month's name and its year with a slash, as Portuguese and
        // Brazilian resumes write them; "Apr-2022" with a hyphen, as Indian ones do.
        let month_year = key.split_once(['/', '-']).and_then(|(m, y)| Some(format!("{}-{:02}", year(y)?, month(m)?)));
        let item = if let Some(date) = numeric(&key).or(month_year) {
            Item::Date(date)
        } else if PRESENT.contains(&key.as_str())
            && (!LOWER_CASE_ONLY.contains(&key.as_str()) || word.starts_with(char::is_lowercase))
        {
            Item::Present
        } else if CONNECTORS.contains(&key.as_str()) {
            Item::Connector
        } else if SINCE.contains(&key.as_str()) {
            Item::Since
        } else if (FROM.contains(&key.as_str()) && !line[at.end..].starts_with("  "))
            || (SEASONS.contains(&key.as_str()) && before_a_year(line, at, &words, i))
        {
            Item::From
        } else {
            Item::Other
        };
        out.push((item, at.clone()));
        i += 1;
    }
    out
}

/// Whether the day-like word at `at` starts a date rather than ends a title ("groep 7 augustus
/// 2018", "Band 5 March 2018"): marked as a day ("1°", "21st"), or a bare number after "since",
/// "from" or a connector, or at the start of the line or of a cell.
fn starts_a_date(line: &str, at: &Range<usize>, before: Option<&Item>) -> bool {
    let word = &line[at.clone()];
    let marked = !word.chars().all(|c| c.is_ascii_digit());
    let led = matches!(before, Some(Item::Since | Item::From | Item::Connector));
    let head = &line[..at.start];
    let cell_start =
        head.trim_end().is_empty() || head.ends_with("  ") || head.trim_end().ends_with(['|', '•', '(', ',', ':']);
    marked || led || cell_start
}

/// A day of the month as written before its month's name: "1", "1°", "1º", "1.", "1er", "21st".
fn is_day(word: &str) -> bool {
    let number = word.trim_end_matches(|c: char| !c.is_ascii_digit());
    let suffix = &word[number.len()..];
    !number.is_empty()
        && number.len() <= 2
        && number.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
        && ["", "°", "º", ".", "er", "st", "nd", "rd", "th"].contains(&suffix)
}

/// Whether word `i` of `words` (at `at` in `line`) stands right before a year, one space apart.
fn before_a_year(line: &str, at: &Range<usize>, words: &[(String, Range<usize>)], i: usize) -> bool {
    words.get(i + 1).is_some_and(|(next, next_at)| {
        line[at.end..next_at.start] == *" " && year(next.trim_end_matches([',', ')', '.', ';', ':'])).is_some()
    })
}

/// Words with their byte ranges; dashes between dates ("2015–2019", "04/2019-06/2021") are
/// words of their own.
fn words(line: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut start = None;
    let flush = |out: &mut Vec<(String, Range<usize>)>, from: usize, to: usize| {
        split_range(&line[from..to], from, out);
    };
    for (i, c) in line.char_indices() {
        // Brackets around a range are no part of its dates: "[01/09/2021 – ACTUEL]", as the
        // Europass editor writes them.
        if c.is_whitespace() || matches!(c, '|' | '(' | ')' | '[' | ']' | ',') {
            if let Some(s) = start.take() {
                flush(&mut out, s, i);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        flush(&mut out, s, line.len());
    }
    out
}

/// Splits "2015–2019" into "2015", "–", "2019" (and "2019-04" stays whole: a month); an
/// academic year's slash too ("2015/2019", "2019/oggi"), between two years or before the present.
fn split_range(word: &str, offset: usize, out: &mut Vec<(String, Range<usize>)>) {
    if let Some((left, right)) = word.split_once('/')
        && let Some(from) = year(left)
        && (year(right).is_some_and(|to| to >= from) || PRESENT.contains(&right.to_lowercase().as_str()))
    {
        let at = offset + left.len();
        out.push((left.to_owned(), offset..at));
        out.push(("–".to_owned(), at..at + 1));
        out.push((right.to_owned(), at + 1..offset + word.len()));
        return;
    }
    for dash in ['–', '—', '-'] {
        if let Some(at) = word.find(dash) {
            let (left, right) = (&word[..at], &word[at + dash.len_utf8()..]);
            let whole = numeric(&word.to_lowercase()).is_some();
            let right_key = right.trim_end_matches('.').to_lowercase();
            // "01/06/2019–alla data attuale": the words for now may start after the dash.
            let right_ok = numeric(right).is_some()
                || right.is_empty()
                || PRESENT.contains(&right_key.as_str())
                || CONNECTORS.contains(&right_key.as_str())
                || month(&right_key).is_some();
            if !whole && (numeric(left).is_some() || left.is_empty()) && right_ok {
                if !left.is_empty() {
                    out.push((left.to_owned(), offset..offset + at));
                }
                out.push((dash.to_string(), offset + at..offset + at + dash.len_utf8()));
                if !right.is_empty() {
                    out.push((right.to_owned(), offset + at + dash.len_utf8()..offset + word.len()));
                }
                return;
            }
        }
    }
    out.push((word.to_owned(), offset..offset + word.len()));
}

fn month(word: &str) -> Option<u32> {
    MONTHS.iter().find(|(name, _)| *name == word).map(|(_, m)| *m)
}

fn year(word: &str) -> Option<u32> {
    let y: u32 = word.parse().ok().filter(|_| word.len() == 4)?;
    (1950..=2039).contains(&y).then_some(y)
}

/// "2019", "2019-04", "2019/04", "2019.04", "04/2019", "4/2019", "04.2019", "04-2019"; a
/// whole day as the Europass editor writes it ("01/05/2019", "01.05.2019", "2019-05-01") by
/// its month.
fn numeric(word: &str) -> Option<String> {
    if let Some(y) = year(word) {
        return Some(y.to_string());
    }
    let month = |m: &str| m.parse::<u32>().ok().filter(|n| (1..=12).contains(n) && (1..=2).contains(&m.len()));
    let day = |d: &str| d.parse::<u32>().ok().filter(|n| (1..=31).contains(n) && (1..=2).contains(&d.len()));
    let parts: Vec<&str> = word.split(['/', '.', '-']).collect();
    if let [a, b, c] = parts.as_slice() {
        return match (year(a), year(c)) {
            (Some(y), None) => month(b).filter(|_| day(c).is_some()).map(|m| format!("{y}-{m:02}")),
            (None, Some(y)) => month(b).filter(|_| day(a).is_some()).map(|m| format!("{y}-{m:02}")),
            _ => None,
        };
    }
    let (a, b) = word.split_once(['/', '.', '-'])?;
    match (year(a), year(b)) {
        (Some(y), None) => month(b).map(|m| format!("{y}-{m:02}")),
        (None, Some(y)) => month(a).map(|m| format!("{y}-{m:02}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(line: &str) -> Option<(String, Option<String>)> {
        span(line).map(|s| (s.start, s.end))
    }
    fn some(a: &str, b: Option<&str>) -> Option<(String, Option<String>)> {
        Some((a.into(), b.map(Into::into)))
    }

    #[test]
    fn ranges_in_many_formats() {
        assert_eq!(s("Jan 2018 – Present"), some("2018-01", None));
        assert_eq!(s("Senior Engineer, Acme (Mar. 2016 - Dec. 2017)"), some("2016-03", Some("2017-12")));
        assert_eq!(s("2015–2019"), some("2015", Some("2019")));
        assert_eq!(s("04/2019 - 06/2021"), some("2019-04", Some("2021-06")));
        assert_eq!(s("04/2019-06/2021"), some("2019-04", Some("2021-06")));
        assert_eq!(s("2019-04 to 2021-06"), some("2019-04", Some("2021-06")));
        assert_eq!(s("September 2012 until August 2014"), some("2012-09", Some("2014-08")));
        assert_eq!(s("März 2020 – heute"), some("2020-03", None));
        assert_eq!(s("since 2020"), some("2020", None));
        assert_eq!(s("2010.09 — 2014.06"), some("2010-09", Some("2014-06")));
        assert_eq!(s("[ 01/05/2019 – Huidig ]"), some("2019-05", None));
        assert_eq!(s("[01/03/2017 – 31/08/2021]  Villeurbanne, France"), some("2017-03", Some("2021-08")));
        assert_eq!(s("01/06/2019–alla data attuale Operatrice Socio Sanitaria"), some("2019-06", None));
        assert_eq!(s("03/2015 até à data"), some("2015-03", None));
        assert_eq!(s("janv. 2025 – aujourd’hui"), some("2025-01", None));
        assert_eq!(s("Dal 03/2019 a oggi"), some("2019-03", None));
        assert_eq!(s("Da 09/2012 a 02/2019"), some("2012-09", Some("2019-02")));
        assert_eq!(s("from 2015 to 2019"), some("2015", Some("2019")));
        assert_eq!(s("sept. 2014 → juin 2016"), some("2014-09", Some("2016-06")));
        assert_eq!(s("IX 2016 – obecnie"), some("2016-09", None));
        assert_eq!(s("VII 2012 – VIII 2013"), some("2012-07", Some("2013-08")));
        assert_eq!(s("jan/2020 – atual"), some("2020-01", None));
        assert_eq!(s("set/2013 – fev/2016"), some("2013-09", Some("2016-02")));
        assert_eq!(s("Area Manager (Apr-2022 to Till Date)"), some("2022-04", None));
        assert_eq!(s("May 2019 to date"), some("2019-05", None));
        assert_eq!(s("(Jul-2014 to Jul-2015)"), some("2014-07", Some("2015-07")));
        assert_eq!(s("2015/2019     ○  Capo turno"), some("2015", Some("2019")));
        assert_eq!(s("2019/oggi"), some("2019", None));
        assert_eq!(s("2019/04 – 2020/01"), some("2019-04", Some("2020-01")));
        assert_eq!(s("01.09.2014 - 30.04.2019"), some("2014-09", Some("2019-04")));
        assert_eq!(s("2014-09-01 – 2019-04-30"), some("2014-09", Some("2019-04")));
        assert_eq!(s("Data Engineer   2019 - now"), some("2019", None));
        assert_eq!(s("Aug 2018–Jul 2022"), some("2018-08", Some("2022-07")));
        assert_eq!(s("09/2020 – à ce jour"), some("2020-09", None));
        assert_eq!(s("augustus 2016 – heden"), some("2016-08", None));
        assert_eq!(s("Fev. 2019 – Atual"), some("2019-02", None));
        assert_eq!(s("od września 2019 do obecnie"), some("2019-09", None));
        assert_eq!(s("01.2019 – obecnie"), some("2019-01", None));
        assert_eq!(s("2018 – dziś"), some("2018", None));
        assert_eq!(s("03.2019 – nadal"), some("2019-03", None));
        assert_eq!(s("2019 – Nadal"), None, "a name, not 'still'");
        assert_eq!(s("od 04.2018 do chwili obecnej"), some("2018-04", None));
        assert_eq!(s("mrt 2014 – dec 2018"), some("2014-03", Some("2018-12")));
        assert_eq!(s("gen 2019 – in corso"), some("2019-01", None));
        assert_eq!(s("2017 – en cours"), some("2017", None));
        assert_eq!(s("marzo de 2018 – enero de 2021"), some("2018-03", Some("2021-01")));
        assert_eq!(s("Septiembre de 2021 - a la fecha"), some("2021-09", None));
        assert_eq!(s("January 2025–February 2026"), some("2025-01", Some("2026-02")));
        assert_eq!(s("Junio 2024 – Septiembre 2024: Camarera de sala"), some("2024-06", Some("2024-09")));
        // A table's From and To cells.
        assert_eq!(s("Telemetry RN  Mission Valley Hospital  02/2017  07/2019"), some("2017-02", Some("2019-07")));
        assert_eq!(s("Emergency Department RN  Pacific Coast  08/2019  Present"), some("2019-08", None));
    }

    #[test]
    fn what_is_not_a_range() {
        assert_eq!(s("Managed 2019 budgets"), None);
        assert_eq!(s("Call +1 415 555 2671"), None);
        assert_eq!(s("2019 2020"), None);
        assert_eq!(single("Class of 2015"), Some(("2015".into(), 9..13)));
        assert_eq!(s("Spawacz-monter (brygadzista od 2022)"), None, "a promotion noted in the title");
        assert_eq!(s("Pflegefachkraft (seit 2021)"), some("2021", None), "the bracket holds only the dates");
        assert_eq!(s("Pflegefachkraft (Vollzeit, seit 2021)"), some("2021", None), "no title before 'seit'");
    }

    #[test]
    fn a_year_in_a_note_is_not_the_start() {
        assert_eq!(
            s("Zimmerer (Vorarbeiter ab 1999)    September 1991 – Dezember 2004"),
            some("1991-09", Some("2004-12"))
        );
        assert_eq!(s("Zimmerer (Lehre ab 1988)    September 1991 – 2004"), some("1991-09", Some("2004")));
    }

    #[test]
    fn where_the_span_is() {
        let line = "Nurse — St. Mary's  Jan 2018 – Present";
        let at = span(line).unwrap().at;
        assert_eq!(&line[at], "Jan 2018 – Present");
        assert_eq!(span("Verwaltungsfachwirtin (Angestelltenlehrgang II)  2008 – 2010").unwrap().start, "2008");
        assert_eq!(span("2022 – auj.  Boulangerie Au Pain de Camille • Nantes").unwrap().end, None);
        let line = "od października 2019 r. do chwili obecnej";
        assert_eq!(&line[span(line).unwrap().at], line);
        // A season before the range is the range's; a name like one beside the dates is not.
        let line = "Autohaus Sommer  2015 – 2019";
        assert_eq!(&line[span(line).unwrap().at], "2015 – 2019");
        let line = "Negotiator, Foxtons Real Estate  2018 – 2021";
        assert_eq!(&line[span(line).unwrap().at], "2018 – 2021");
        let line = "2015 – 2018  R. Martínez y Asociados";
        assert_eq!(&line[span(line).unwrap().at], "2015 – 2018");
        let line = "Aide-soignante (emplois d'été)  Étés 2012 – 2014";
        let at = span(line).unwrap().at;
        assert_eq!(&line[at], "Étés 2012 – 2014");
    }

    #[test]
    fn a_day_before_the_month_is_the_dates() {
        let line = "Docente di sostegno — dal 1° settembre 2012 ad oggi";
        assert_eq!(s(line), some("2012-09", None));
        assert_eq!(&line[span(line).unwrap().at], "dal 1° settembre 2012 ad oggi");
        assert_eq!(s("Since 2021 (current)"), some("2021", None));
        assert_eq!(s("seit 2019 aktuell"), some("2019", None));
        let line = "dal 1° settembre 2006 al 31 agosto 2012";
        assert_eq!(s(line), some("2006-09", Some("2012-08")));
        assert_eq!(&line[span(line).unwrap().at], line);
        // A number set apart from the month is the title's, not a day: "groep 7", "Lyon 5".
        let line = "Leerkracht groep 7  aug. 2018 – jul. 2023";
        assert_eq!(&line[span(line).unwrap().at], "aug. 2018 – jul. 2023");
        let line = "Leerkracht groep 7 augustus 2018 – juli 2023";
        assert_eq!(&line[span(line).unwrap().at], "augustus 2018 – juli 2023");
        let line = "Staff Nurse Band 5 March 2018 – June 2020";
        assert_eq!(&line[span(line).unwrap().at], "March 2018 – June 2020");
        let line = "Staff Nurse  |  12 March 2018 – 30 June 2020";
        assert_eq!(&line[span(line).unwrap().at], "12 March 2018 – 30 June 2020");
        assert!(!is_day("32") && !is_day("7a") && is_day("21st") && is_day("1er"));
    }
}
