//! Setting a line of text: each character in the first font of a chain that has it,
//! right-to-left runs (Arabic, Hebrew) put in visual order (Unicode bidi), and every run shaped
//! (rustybuzz), so Arabic letters join, marks sit on their letters and ligatures form.

use std::collections::HashMap;

use rustybuzz::{Direction, UnicodeBuffer};
use unicode_bidi::BidiInfo;

use crate::BadgeError;
use crate::fonts::Fonts;

/// One glyph of a set line, at font size 1 (positions in ems from the line's start).
#[derive(Debug, Clone)]
pub struct Glyph {
    /// Which of the fonts' files.
    pub font: usize,
    pub id: u16,
    pub x: f32,
    pub y: f32,
    /// The text this glyph stands for (empty for the second and later glyphs of a cluster).
    pub text: String,
}

/// A set line: its glyphs in visual order, its width in ems, and the text as typed.
#[derive(Debug, Clone)]
pub struct Line {
    pub glyphs: Vec<Glyph>,
    pub width: f32,
    pub text: String,
    /// Whether the text is written right to left (its first strong letter is), so it aligns
    /// to the right.
    pub rtl: bool,
}

/// The fonts, parsed for shaping, and lines set so far (layout tries many sizes of the same text).
pub struct Setter<'f> {
    faces: Vec<rustybuzz::Face<'f>>,
    cache: HashMap<(Vec<usize>, String), Line>,
}

impl<'f> Setter<'f> {
    pub fn new(fonts: &'f Fonts) -> Self {
        let faces = fonts
            .files
            .iter()
            .map(|f| rustybuzz::Face::from_slice(&f.data, 0).expect("checked when the file was read"))
            .collect();
        Self { faces, cache: HashMap::new() }
    }

    /// Sets `text` on one line in the `chain` of fonts. A character no font of the chain has is
    /// an error naming it, rather than a blank box on a printed badge.
    pub fn set(&mut self, chain: &[usize], text: &str) -> Result<Line, BadgeError> {
        let key = (chain.to_vec(), text.to_owned());
        if let Some(line) = self.cache.get(&key) {
            return Ok(line.clone());
        }
        let line = self.set_uncached(chain, text)?;
        self.cache.insert(key, line.clone());
        Ok(line)
    }

    fn set_uncached(&self, chain: &[usize], text: &str) -> Result<Line, BadgeError> {
        let mut line = Line { glyphs: Vec::new(), width: 0.0, text: text.to_owned(), rtl: false };
        if text.is_empty() {
            return Ok(line);
        }
        let bidi = BidiInfo::new(text, None);
        let mut missing = String::new();
        for paragraph in &bidi.paragraphs {
            line.rtl |= paragraph.level.is_rtl();
            let (levels, runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
            for run in runs {
                let rtl = levels[run.start].is_rtl();
                let mut pieces = self.by_font(chain, &text[run.clone()], &mut missing);
                if rtl {
                    pieces.reverse();
                }
                for (font, piece) in pieces {
                    self.shape(font, piece, rtl, &mut line);
                }
            }
        }
        if !missing.is_empty() {
            return Err(BadgeError::MissingGlyphs { text: text.to_owned(), chars: missing });
        }
        Ok(line)
    }

    /// Splits a run into pieces, each in the first font of the chain that has all its letters.
    /// Spaces, marks and invisible characters stay with the letters around them.
    fn by_font<'t>(&self, chain: &[usize], run: &'t str, missing: &mut String) -> Vec<(usize, &'t str)> {
        let mut pieces: Vec<(usize, &'t str)> = Vec::new();
        let mut start = 0;
        let mut current: Option<usize> = None;
        for (at, c) in run.char_indices() {
            if rides_along(c) {
                continue;
            }
            let font = chain.iter().copied().find(|&f| self.faces[f].glyph_index(c).is_some());
            let Some(font) = font else {
                missing.push(c);
                continue;
            };
            match current {
                Some(f) if f != font => {
                    pieces.push((f, &run[start..at]));
                    start = at;
                    current = Some(font);
                }
                None => current = Some(font),
                Some(_) => {}
            }
        }
        pieces.push((current.unwrap_or(chain[0]), &run[start..]));
        pieces
    }

    fn shape(&self, font: usize, piece: &str, rtl: bool, line: &mut Line) {
        let face = &self.faces[font];
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(piece);
        buffer.set_direction(if rtl { Direction::RightToLeft } else { Direction::LeftToRight });
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(face, &[], buffer);
        let em = face.units_per_em() as f32;
        let mut clusters: Vec<usize> = shaped.glyph_infos().iter().map(|g| g.cluster as usize).collect();
        clusters.sort_unstable();
        clusters.dedup();
        let mut told = vec![false; clusters.len()];
        for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
            let cluster = info.cluster as usize;
            let nth = clusters.binary_search(&cluster).expect("listed above");
            let end = clusters.get(nth + 1).copied().unwrap_or(piece.len());
            let text = if told[nth] { String::new() } else { piece[cluster..end].to_owned() };
            told[nth] = true;
            line.glyphs.push(Glyph {
                font,
                id: info.glyph_id as u16,
                x: line.width + pos.x_offset as f32 / em,
                y: pos.y_offset as f32 / em,
                text,
            });
            line.width += pos.x_advance as f32 / em;
        }
    }
}

/// Characters that need no font of their own: they take the font of the letters around them
/// (spaces, combining marks, joiners and variation selectors, direction marks).
fn rides_along(c: char) -> bool {
    c.is_whitespace()
        || matches!(c,
            '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_letters_join_and_run_right_to_left() {
        let fonts = Fonts::installed();
        let mut setter = Setter::new(&fonts);
        let line = setter.set(&fonts.regular, "محمد").unwrap();
        assert!(line.rtl);
        let face = &setter.faces[fonts.regular[0]];
        let isolated: Vec<u16> = "محمد".chars().map(|c| face.glyph_index(c).unwrap().0).collect();
        let set: Vec<u16> = line.glyphs.iter().map(|g| g.id).collect();
        assert_ne!(set, isolated, "joined forms, not the isolated letters");
        // In visual order, the last letter (dal) comes first.
        assert_eq!(line.glyphs[0].text, "د");
        assert_eq!(line.glyphs.iter().map(|g| g.text.as_str()).collect::<String>().chars().count(), 4);
    }

    #[test]
    fn each_script_takes_the_first_font_that_has_it() {
        let fonts = Fonts::installed();
        let mut setter = Setter::new(&fonts);
        let line = setter.set(&fonts.regular, "Ana 王小明").unwrap();
        let by_text = |t: &str| line.glyphs.iter().find(|g| g.text == t).unwrap().font;
        assert_eq!(by_text("A"), fonts.regular[0]);
        assert_eq!(by_text("王"), fonts.regular[1]);
        assert!(line.glyphs.windows(2).all(|w| w[0].x < w[1].x), "left to right");
    }

    #[test]
    fn a_letter_no_font_has_is_named() {
        let fonts = Fonts::installed();
        let mut setter = Setter::new(&fonts);
        let error = setter.set(&fonts.regular[..1], "Ana 王").unwrap_err().to_string();
        assert!(error.contains("王") && error.contains("Ana 王"), "{error}");
    }
}
