//! The name on a resume's first page, as the layout shows it: the largest type, near the
//! top. Set over two lines it is made one; read after a sidebar it is put first, where the
//! parser looks for it.

use super::{Piece, usual_and_largest};
use crate::parse::NAME_PARTICLES;

/// The largest text of the first page broken over lines where a name cannot end: after a
/// hyphen ("WIEBKE JÄRVINEN-" over "LUND", a long letter-spaced name the page wrapped) or after
/// an initial ("ANNA K." over "BERGSTRÖM"), as one piece: the name is one line to the parser.
/// A given name alone over the surname ("Kwame" over "Asante-Boateng") is one name too. Other
/// whole lines of that size stay apart, since a name over a job title or a town in the same
/// type ("Margaret Thornton" over "Registered Nurse") reads the same to a layout. Only
/// when that size stands well above the page's usual one, the lines follow closely and
/// overlap across, are in one script, and hold no digits or addresses.
pub(super) fn on_one_line(mut pieces: Vec<Piece>) -> Vec<Piece> {
    let Some((usual, largest)) = usual_and_largest(&pieces) else { return pieces };
    let mut big: Vec<usize> = (0..pieces.len()).filter(|&i| pieces[i].size >= 0.95 * largest).collect();
    big.sort_by(|&a, &b| pieces[a].y.total_cmp(&pieces[b].y));
    let a_name = |p: &Piece| !p.text.chars().any(|c| c.is_ascii_digit() || c == '@');
    let follows =
        |a: &Piece, b: &Piece| b.y - a.y > 0.5 * largest && b.y - a.y < 1.6 * largest && a.x0 < b.x1 && b.x0 < a.x1;
    // A name over its transliteration ("كريم منصور" over "Karim Mansour") is one name twice.
    let latin = |p: &Piece| {
        p.text.chars().filter(|c| c.is_alphabetic()).all(|c| c < '\u{250}' || ('\u{1e00}'..='\u{1eff}').contains(&c))
    };
    // A line a name cannot end on: a hyphen, an initial or a title ("Dr."), a nickname in
    // quotes ("Robert J." over "“Bobby”" over "WHITFIELD III").
    let unfinished = |p: &Piece| {
        let last = p.text.split_whitespace().last().unwrap_or_default();
        let quoted = crate::parse::nickname(&p.text).is_some();
        let title = !p.text.contains(' ') && p.text.ends_with('.') && p.text.chars().count() <= 5;
        p.text.ends_with('-') || (last.chars().count() == 2 && last.ends_with('.')) || quoted || title
    };
    // "Kwame" over "Asante-Boateng": a design that sets the given name alone on a line and the
    // surname (or two) on the next, in capitalised words, neither naming a job. Two words over
    // one or two ("Marta Giménez" over "Roldán", "EDSON APARECIDO" over "DOS SANTOS") only
    // when set closer than lines of text are (the name's own block): a name over a town in
    // the same type reads the same otherwise.
    // A surname may start with its particle ("Rui Miguel" over "da Costa Lopes"), which no
    // town or title does: then the lines may be set as far apart as text lines.
    let words = |p: &Piece| p.text.split_whitespace().count();
    let particle = |w: &str| NAME_PARTICLES.contains(&w.to_lowercase().as_str());
    let capitalised = |p: &Piece| {
        p.text.split_whitespace().all(|w| {
            (w.chars().next().is_some_and(char::is_uppercase) || particle(w))
                && w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c))
        })
    };
    let with_particle = |p: &Piece| p.text.split_whitespace().next().is_some_and(particle);
    let given_and_surname = big.len() == 2
        && big.iter().all(|&i| capitalised(&pieces[i]) && !crate::parse::names_a_job(&pieces[i].text))
        && match (words(&pieces[big[0]]), words(&pieces[big[1]])) {
            (1, 1..=2) => true,
            (1..=2, 1..=3) if with_particle(&pieces[big[1]]) => true,
            (2, 1..=2) => pieces[big[1]].y - pieces[big[0]].y < 1.15 * largest,
            _ => false,
        };
    // Over three or four lines in a narrow column ("Dr." / "Katharina" / "Müller-" /
    // "Lüdenscheidt"): each line but the last one a name cannot end on, or a given name alone.
    let given_alone = |p: &Piece| words(p) == 1 && capitalised(p) && !crate::parse::names_a_job(&p.text);
    let wrapped = big[..big.len() - 1].iter().all(|&i| unfinished(&pieces[i]) || given_alone(&pieces[i]))
        && big[..big.len() - 1].iter().any(|&i| unfinished(&pieces[i]))
        && !crate::parse::names_a_job(&pieces[big[big.len() - 1]].text);
    let one_name = largest >= 1.5 * usual
        && (2..=4).contains(&big.len())
        && (given_and_surname || wrapped)
        && big.iter().all(|&i| a_name(&pieces[i]))
        && big.iter().all(|&i| latin(&pieces[i]) == latin(&pieces[big[0]]))
        && big.windows(2).all(|w| follows(&pieces[w[0]], &pieces[w[1]]));
    // A given name set smaller over the surname in the largest type ("Maria Theresa" over
    // "DELA CRUZ-SANTOS", "Robert J." and "“Bobby”" over "WHITFIELD III"), as designs set it.
    let surname = |p: &Piece| (1..=3).contains(&words(p)) && capitalised(p) && a_name(p);
    let given = given_names_above(&pieces, big[0], usual, largest);
    let given = if one_name || (big.len() == 1 && surname(&pieces[big[0]])) { given } else { Vec::new() };
    if !one_name && given.is_empty() {
        return pieces;
    }
    let big: Vec<usize> =
        if one_name { given.into_iter().chain(big).collect() } else { given.into_iter().chain([big[0]]).collect() };
    let text = big.iter().fold(String::new(), |text, &i| {
        let joint = if text.is_empty() || text.ends_with('-') { "" } else { " " };
        format!("{text}{joint}{}", pieces[i].text)
    });
    let (x0, x1) = big.iter().fold((f64::MAX, f64::MIN), |(x0, x1), &i| (x0.min(pieces[i].x0), x1.max(pieces[i].x1)));
    let first = big[0];
    pieces[first] = Piece { text, x0, x1, ..pieces[first].clone() };
    let rest: Vec<usize> = big[1..].to_vec();
    let mut i = 0;
    pieces.retain(|_| {
        i += 1;
        !rest.contains(&(i - 1))
    });
    pieces
}

/// Up to two rows just above the piece at `top`, in type well above the page's usual but below
/// the largest, each set close over the next, that could be given names: one to three words,
/// capitalised, initials or a nickname in quotes, no job, no heading.
fn given_names_above(pieces: &[Piece], top: usize, usual: f64, largest: f64) -> Vec<usize> {
    let given_like = |p: &Piece| {
        let words: Vec<&str> = p.text.split_whitespace().collect();
        let name_word = |w: &&str| {
            w.starts_with(|c: char| c.is_uppercase() || "\"“(".contains(c))
                && !w.contains(|c: char| c.is_ascii_digit() || c == '@')
        };
        (1..=3).contains(&words.len())
            && words.iter().all(name_word)
            && !crate::parse::names_a_job(&p.text)
            && !crate::parse::is_heading(&p.text)
            && !crate::parse::is_title_page_word(&p.text)
    };
    let mut out: Vec<usize> = Vec::new();
    let mut below = &pieces[top];
    while out.len() < 2 {
        let above = (0..pieces.len())
            .filter(|&i| i != top && !out.contains(&i))
            .filter(|&i| {
                let p = &pieces[i];
                p.size >= 1.3 * usual
                    && p.size < 0.95 * largest
                    && p.y < below.y
                    && below.y - p.y < 1.6 * below.size.max(p.size)
                    && p.x0 < below.x1
                    && below.x0 < p.x1
            })
            .max_by(|&a, &b| pieces[a].y.total_cmp(&pieces[b].y));
        match above {
            Some(i) if given_like(&pieces[i]) => {
                out.insert(0, i);
                below = &pieces[i];
            }
            _ => break,
        }
    }
    out
}

/// The text of the first page's one piece in the largest type, when that type stands well
/// above the page's usual one and the piece sits in the top third of the page and could be a
/// name (words, no digits or addresses): a banner's or a main column's name.
pub(super) fn banner(pieces: &[Piece]) -> Option<String> {
    let (usual, largest) = usual_and_largest(pieces)?;
    let [name] = pieces.iter().filter(|p| p.size >= 0.95 * largest).collect::<Vec<_>>()[..] else { return None };
    let (top, bottom) = pieces.iter().fold((f64::MAX, f64::MIN), |(t, b), p| (t.min(p.y), b.max(p.y)));
    let words = name.text.split_whitespace().count();
    let wordy = (2..=5).contains(&words) && !name.text.contains(|c: char| c.is_ascii_digit() || c == '@');
    (largest >= 1.6 * usual && name.y <= top + (bottom - top) / 3.0 && wordy).then(|| name.text.clone())
}

/// The page's text with the `banner` name's line first, where a sidebar read before it (its
/// contact details, languages and skills) put it further down.
pub(super) fn first(text: String, banner: Option<&str>) -> String {
    let Some(name) = banner else { return text };
    let lines: Vec<&str> = text.lines().collect();
    let Some(at) = lines.iter().position(|l| l.trim() == name) else { return text };
    if at < 3 {
        return text;
    }
    let mut reordered = vec![lines[at]];
    reordered.extend(lines[..at].iter().chain(&lines[at + 1..]));
    reordered.join("\n")
}
