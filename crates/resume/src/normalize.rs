//! Uniform text for parsing and for the keyword index: NFKC (which also splits the ligatures
//! U+FB00..FB06 PDFs keep), one bullet for the many (Word's private-use U+F0B7 among them), no
//! invisible characters, plain spaces, trimmed lines, at most one blank line in a row.

use unicode_normalization::UnicodeNormalization;

/// Characters used as list bullets, all written as "•".
const BULLETS: &[char] = &[
    '\u{F0B7}', '\u{F0A7}', '\u{F076}', '\u{F0D8}', '\u{F0FC}', '\u{F0A8}', '▪', '●', '◦', '■', '□', '◆', '➢', '►',
    '‣', '∙', '·',
];

pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.nfkc().collect::<String>().replace("\r\n", "\n").replace('\r', "\n").lines() {
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
    squeezed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_bullets_and_invisible_characters() {
        let raw = "\u{FEFF}E\u{FB03}cient   o\u{FB03}ce\r\n\u{F0B7}\tPython\u{00A0}& \u{200B}SQL\n\n\n\n\u{F0A7} Kubernetes \u{E001}\n";
        assert_eq!(normalize(raw), "Efficient  office\n•  Python & SQL\n\n• Kubernetes");
    }

    #[test]
    fn compatibility_forms_become_plain() {
        assert_eq!(normalize("ＡＢＣ ２０１９ ½"), "ABC 2019 1⁄2");
        assert_eq!(normalize("Jos\u{0065}\u{0301}"), "José");
    }
}
