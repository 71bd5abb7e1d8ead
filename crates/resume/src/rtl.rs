//! Right-to-left text (Arabic, Hebrew, Persian, Urdu) back in reading order. A PDF draws a
//! line's glyphs left to right as they are seen, so a positioned reading gets "دادح ىليل" for
//! "ليلى حداد", and the parser, the search and the profile would all get the name backwards.
//! A line's glyphs are put back in the order they are read: in a line that is mostly
//! right-to-left, the whole line reversed with its left-to-right runs (an email, a phone, "SAP")
//! kept as drawn; in a mostly left-to-right line, each right-to-left run reversed in its place.
//! This is the Unicode bidirectional algorithm's visual order undone for one level of embedding,
//! which is what resumes have.

/// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko... and their
/// presentation forms). Digits are not among them: numbers read left to right in every script.
fn is_rtl(c: char) -> bool {
    !c.is_numeric() && matches!(u32::from(c), 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Rtl,
    Ltr,
    /// Digits: a number reads left to right, but in right-to-left text numbers apart from
    /// each other ("2015 – 2019") are set from the right like words.
    Number,
    /// Spaces and punctuation: they take the direction of what is around them.
    Neutral,
}

/// A glyph's text by its first letter or digit.
fn direction(unit: &str) -> Direction {
    match unit.chars().find(|c| c.is_alphanumeric()) {
        Some(c) if c.is_numeric() => Direction::Number,
        Some(c) if is_rtl(c) => Direction::Rtl,
        Some(_) => Direction::Ltr,
        None => Direction::Neutral,
    }
}

/// The units' directions, with the digits glued to Latin letters ("C1", "S7") counted as
/// Latin, and the separators inside a number ("4.5", "0193") counted as the number.
fn directions(units: &[&str]) -> Vec<Direction> {
    let mut out: Vec<Direction> = units.iter().map(|u| direction(u)).collect();
    for i in 1..out.len().saturating_sub(1) {
        let between_digits = out[i - 1] == Direction::Number && out[i + 1] == Direction::Number;
        if out[i] == Direction::Neutral && matches!(units[i], "." | "," | ":" | "/") && between_digits {
            out[i] = Direction::Number;
        }
    }
    // Twice over: a block of digits can touch a letter on either side.
    for _ in 0..2 {
        for i in 0..out.len() {
            let touches_latin = (i > 0 && out[i - 1] == Direction::Ltr) || out.get(i + 1) == Some(&Direction::Ltr);
            if out[i] == Direction::Number && touches_latin {
                out[i] = Direction::Ltr;
            }
        }
    }
    out
}

/// Whether a text (a page) is mostly right-to-left, by its letters.
pub fn mostly_rtl(text: &str) -> bool {
    let (rtl, ltr) = text
        .chars()
        .filter(|c| c.is_alphabetic())
        .fold((0, 0), |(r, l), c| if is_rtl(c) { (r + 1, l) } else { (r, l + 1) });
    rtl > ltr
}

/// Units (each glyph's text, spaces between) in the order drawn, left to right, as read, and
/// whether the line reads from the right. A line's first letter is the one at its right end
/// when it reads from the right, at its left end otherwise; when its two ends do not agree
/// ("laila@example.jo · محاسبة" could be either), it reads as its page does (`page_rtl`).
pub fn reading_order<S: AsRef<str>>(drawn: &[S], page_rtl: bool) -> (String, bool) {
    let mut units: Vec<&str> = drawn.iter().map(AsRef::as_ref).collect();
    let mut directions = directions(&units);
    if !directions.contains(&Direction::Rtl) {
        return (units.concat(), false);
    }
    let letters: Vec<bool> = units.iter().filter_map(|u| u.chars().find(|c| c.is_alphabetic())).map(is_rtl).collect();
    let from_the_right = match (letters.first(), letters.last()) {
        (Some(true), Some(true)) => true,
        (Some(false), Some(false)) => false,
        _ => page_rtl,
    };
    // Which units end up read right to left: their brackets were drawn turned round.
    let mut turned = vec![false; units.len()];
    if from_the_right {
        // Read from the right; the Latin runs and each number inside stay as drawn.
        units.reverse();
        directions.reverse();
        turned.fill(true);
        for (start, end) in
            runs(&directions, Direction::Ltr, &[Direction::Neutral]).into_iter().chain(numbers(&units, &directions))
        {
            units[start..=end].reverse();
            turned[start..=end].fill(false);
        }
    } else {
        // Each right-to-left run (with the numbers inside it) read from its right; its numbers
        // as drawn.
        for (start, end) in runs(&directions, Direction::Rtl, &[Direction::Neutral, Direction::Number]) {
            // Found as drawn, where the units and their directions still line up.
            let inside = numbers(&units[start..=end], &directions[start..=end]);
            units[start..=end].reverse();
            turned[start..=end].fill(true);
            // A number at `a..=b` of the run is at `end - b ..= end - a` once it is reversed.
            for (a, b) in inside {
                let (a, b) = (end - b, end - a);
                units[a..=b].reverse();
                turned[a..=b].fill(false);
            }
        }
    }
    let text = units.iter().zip(turned).map(|(u, turned)| if turned { mirrored(u) } else { u }).collect();
    (text, from_the_right)
}

/// The runs of `strong` units, from the first such unit to the last with only units of
/// `between` in between (spaces, the dots of an email, a number in Arabic text), as first and
/// last index.
fn runs(directions: &[Direction], strong: Direction, between: &[Direction]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, d) in directions.iter().enumerate() {
        match open {
            _ if *d == strong => open = Some((open.map_or(i, |(start, _)| start), i)),
            Some(_) if between.contains(d) => {}
            Some(run) => {
                out.push(run);
                open = None;
            }
            None => {}
        }
    }
    out.extend(open);
    out
}

/// Each number: its digits and the separators inside it, as first and last index. Numbers
/// one space apart, with a plus before them, are one phone number ("+962 6 555 0193"), which
/// a browser sets left to right whole; numbers further apart ("2015 – 2019") stay apart.
fn numbers(units: &[&str], directions: &[Direction]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, d) in directions.iter().enumerate() {
        let plus = units[i] == "+"
            && (directions.get(i + 1) == Some(&Direction::Number) || (i > 0 && directions[i - 1] == Direction::Number));
        if *d != Direction::Number && !plus {
            continue;
        }
        match out.last_mut() {
            Some((_, end)) if *end + 1 == i => *end = i,
            Some((_, end)) if *end + 2 == i && units[i - 1] == " " => *end = i,
            _ => out.push((i, i)),
        }
    }
    out
}

/// A bracket drawn in right-to-left text is its mirror image: "(C1)" read from the right
/// would be ")C1(" otherwise.
fn mirrored(unit: &str) -> &str {
    match unit {
        "(" => ")",
        ")" => "(",
        "[" => "]",
        "]" => "[",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text as its glyphs are drawn (one unit a character), read on a page of `rtl`.
    fn read(drawn: &str, rtl: bool) -> String {
        reading_order(&drawn.chars().map(String::from).collect::<Vec<_>>(), rtl).0
    }

    #[test]
    fn an_arabic_line_reads_from_the_right_with_its_latin_runs_kept() {
        assert_eq!(read("دادح ىليل", false), "ليلى حداد");
        // The contact line as Chromium draws it on an Arabic page: the phone left to right whole.
        assert_eq!(
            read("laila.haddad@example.jo · +962 6 555 0193 · ةبساحم", true),
            "محاسبة · +962 6 555 0193 · laila.haddad@example.jo"
        );
    }

    #[test]
    fn a_latin_line_with_a_hebrew_word_reverses_only_that_word() {
        assert_eq!(read("Languages: English, תירבע", false), "Languages: English, עברית");
        assert_eq!(read("Languages: תירבע, English", true), "Languages: עברית, English", "its ends agree");
        assert_eq!(read("Anna Schmidt", true), ("Anna Schmidt"));
    }

    #[test]
    fn brackets_read_from_the_right_open_and_close_the_right_way() {
        // "الإنجليزية (C1)" drawn: the closing bracket leftmost.
        assert_eq!(read("(C1) ةيزيلجنإلا", true), "الإنجليزية (C1)");
        assert_eq!(read("SAP (FI), לגנא", false), "SAP (FI), אנגל");
    }

    #[test]
    fn numbers_read_left_to_right_in_either_direction() {
        // "2015 – 2019" in Arabic text is drawn with the later year on the left.
        assert_eq!(read("2019 – 2015 ،ةبساحم", true), "محاسبة، 2015 – 2019");
        assert_eq!(read("Worked הרבחב 2019 תנשמ in Haifa", false), "Worked משנת 2019 בחברה in Haifa");
        assert_eq!(read("Siemens S7 ،ةنايص", true), "صيانة، Siemens S7");
    }

    #[test]
    fn a_ligature_glyph_keeps_its_letters_in_their_order() {
        // Lam-alef drawn as one glyph whose text is two letters, in reading order already.
        assert_eq!(reading_order(&["ن", "د", "ر", "لا"], true).0, "لاردن");
    }
}
