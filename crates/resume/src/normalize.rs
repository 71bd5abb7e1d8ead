//! Uniform text for parsing and for the keyword index: NFKC (which also splits the ligatures
//! U+FB00..FB06 PDFs keep), one bullet for the many (Word's private-use U+F0B7 among them), no
//! invisible characters, plain spaces, a typed dash as the dash it stands for, trimmed lines,
//! at most one blank line in a row.

use unicode_normalization::UnicodeNormalization;

/// Characters used as list bullets, all written as "•".
const BULLETS: &[char] = &[
    '\u{F0B7}', '\u{F0A7}', '\u{F076}', '\u{F0D8}', '\u{F0FC}', '\u{F0A8}', '▪', '●', '◦', '■', '□', '◆', '➢', '►',
    '‣', '∙', '·',
];

/// Characters NFKC would change into others that say something else: the ordinal indicators
/// of Spanish and Portuguese ("Oficial de 1ª", "6º ano") are no letters a and o.
const KEPT: &[char] = &['º', 'ª'];

/// NFKC, but for [`KEPT`].
fn compatible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(KEPT) {
        out.extend(rest[..at].nfkc());
        let kept = rest[at..].chars().next().unwrap_or_default();
        out.push(kept);
        rest = &rest[at + kept.len_utf8()..];
    }
    out.extend(rest.nfkc());
    out
}

pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in compatible(text).replace("\r\n", "\n").replace('\r', "\n").lines() {
        let cleaned = clean_line(line);
        if cleaned.is_empty() {
            blank_run += 1;
            if blank_run > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(&cleaned);
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out
}

fn clean_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            c if BULLETS.contains(&c) => out.push('•'),
            // Zero-width characters, the byte-order mark and soft hyphens vanish.
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
            // Other private-use characters are icon fonts' pictures: nothing to read.
            '\u{E000}'..='\u{F8FF}' => {}
            '\t' => out.push_str("  "),
            c if c.is_whitespace() => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    // Runs of spaces shrink to two at most: two still mark a column gap.
    let mut squeezed = String::with_capacity(out.len());
    let mut spaces = 0;
    for c in out.trim().chars() {
        spaces = if c == ' ' { spaces + 1 } else { 0 };
        if spaces <= 2 {
            squeezed.push(c);
        }
    }
    // Two hyphens between words are a typewriter's dash ("Hartwell's Home & Garden --
    // Columbus, OH").
    letters_joined(&squeezed.replace(" -- ", " — "))
}

/// "E X P E R I Ê N C I A  P R O F I S S I O N A L" as "EXPERIÊNCIA PROFISSIONAL": letters
/// typed apart (a letter-spaced heading or name in a text file or a word processor), each
/// cell of them joined, the cells set apart by the wider gap (two spaces) as words. A line
/// is joined when one of its cells has three letters apart or more, or when all its cells are
/// letters apart; a cell of one letter is no word apart ("B  C", a driving licence's classes,
/// stays).
pub fn letters_joined(line: &str) -> String {
    let spaced = |cell: &str| {
        let units: Vec<&str> = cell.split(' ').collect();
        units.len() >= 2 && units.iter().all(|u| u.chars().count() == 1 && !u.starts_with(|c: char| c.is_ascii_digit()))
    };
    let cells: Vec<&str> = line.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
    let long =
        |cell: &&str| spaced(cell) && cell.split(' ').filter(|u| u.chars().all(char::is_alphabetic)).count() >= 3;
    // A line of letters apart only ("E V", a monogram) is joined too: no list is written so.
    let all_spaced = !cells.is_empty() && cells.iter().all(|c| spaced(c));
    if !all_spaced && !cells.iter().any(long) {
        return line.to_owned();
    }
    let joined: Vec<String> =
        cells.iter().map(|cell| if spaced(cell) { cell.replace(' ', "") } else { (*cell).to_owned() }).collect();
    // Joined words read as words: one space between them, as between a name's parts.
    joined.join(if all_spaced { " " } else { "  " })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_bullets_and_invisible_characters() {
        let raw = "\u{FEFF}E\u{FB03}cient   o\u{FB03}ce\r\n\u{F0B7}\tPython\u{00A0}& \u{200B}SQL\n\n\n\n\u{F0A7} Kubernetes \u{E001}\n";
        assert_eq!(normalize(raw), "Efficient  office\n•  Python & SQL\n\n• Kubernetes");
        assert_eq!(normalize("Hartwell's -- Columbus, OH  --help"), "Hartwell's — Columbus, OH  --help");
    }

    #[test]
    fn letters_typed_apart_are_joined() {
        assert_eq!(normalize("M A X I M I L I A N   K R Ü G E R"), "MAXIMILIAN KRÜGER");
        assert_eq!(normalize("E X P E R I Ê N C I A \u{a0} P R O F I S S I O N A L"), "EXPERIÊNCIA PROFISSIONAL");
        assert_eq!(normalize("S K I L L S  Python, Go"), "SKILLS  Python, Go");
        assert_eq!(normalize("A N A  L I"), "ANA LI");
        assert_eq!(normalize("Driving licence  B  C"), "Driving licence  B  C");
        assert_eq!(normalize("Igbo  C2  B2  C2"), "Igbo  C2  B2  C2");
        assert_eq!(normalize("1 2 3 4 5"), "1 2 3 4 5");
    }

    #[test]
    fn compatibility_forms_become_plain() {
        assert_eq!(normalize("ＡＢＣ ２０１９ ½"), "ABC 2019 1⁄2");
        assert_eq!(normalize("Jos\u{0065}\u{0301}"), "José");
        // Ordinal indicators say "first", "sixth": not the letters a and o.
        assert_eq!(normalize("Oficial de 1ª ﬁ 6º ano"), "Oficial de 1ª fi 6º ano");
    }
}
