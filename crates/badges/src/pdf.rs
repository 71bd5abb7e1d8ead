//! A PDF of pages drawn with set text, rectangles and lines (pdf-writer).
//!
//! Each font is embedded as a subset of the glyphs used (subsetter), as a CID font addressed by
//! glyph, with a ToUnicode map from each glyph to the letters it stands for, so a PDF reader's
//! search, copy and `pdftotext` give the names back. Glyphs are drawn in visual order, as readers
//! expect to reorder right-to-left text themselves. (Marking lines with their text as typed,
//! /ActualText, would be more exact for ligatures, but poppler then reverses Arabic twice.)

use std::collections::BTreeMap;
use std::io::Write;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use rustybuzz::ttf_parser;
use subsetter::GlyphRemapper;

use crate::BadgeError;
use crate::fonts::{FontFile, Fonts};
use crate::text::Line;

const IDENTITY: SystemInfo = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };

/// The glyphs of one font used so far: their numbers in the embedded subset, and their text.
#[derive(Default)]
struct Used {
    remapper: GlyphRemapper,
    text: BTreeMap<u16, String>,
}

/// Pages being drawn, in points from the bottom left.
pub struct Document<'f> {
    fonts: &'f Fonts,
    used: Vec<Used>,
    pages: Vec<Vec<u8>>,
    size: (f32, f32),
    title: String,
}

/// One page's drawing.
pub struct Canvas<'d> {
    content: Content,
    used: &'d mut [Used],
}

impl<'f> Document<'f> {
    pub fn new(fonts: &'f Fonts, size: (f32, f32), title: &str) -> Self {
        let used = fonts.files.iter().map(|_| Used::default()).collect();
        Self { fonts, used, pages: Vec::new(), size, title: title.to_owned() }
    }

    pub fn page(&mut self, draw: impl FnOnce(&mut Canvas<'_>)) {
        let mut canvas = Canvas { content: Content::new(), used: &mut self.used };
        draw(&mut canvas);
        self.pages.push(canvas.content.finish());
    }

    pub fn finish(self) -> Result<Vec<u8>, BadgeError> {
        let mut pdf = Pdf::new();
        let mut next = Ref::new(1);
        let mut alloc = || next.bump();
        let (catalog, tree, info) = (alloc(), alloc(), alloc());
        pdf.catalog(catalog).pages(tree);
        pdf.document_info(info).title(TextStr(&self.title)).producer(TextStr("Talentdesk"));

        let mut fonts = Vec::new();
        for (index, used) in self.used.iter().enumerate().filter(|(_, u)| !u.text.is_empty()) {
            let font = alloc();
            let refs = [alloc(), alloc(), alloc(), alloc()];
            embed(&mut pdf, &self.fonts.files[index], index, used, font, refs)?;
            fonts.push((font_name(index), font));
        }

        let mut kids = Vec::new();
        for content in &self.pages {
            let (page, stream) = (alloc(), alloc());
            kids.push(page);
            let mut writer = pdf.page(page);
            writer.media_box(Rect::new(0.0, 0.0, self.size.0, self.size.1)).parent(tree).contents(stream);
            let mut resources = writer.resources();
            let mut names = resources.fonts();
            for (name, font) in &fonts {
                names.pair(Name(name.as_bytes()), *font);
            }
            names.finish();
            resources.finish();
            writer.finish();
            pdf.stream(stream, &deflate(content)).filter(Filter::FlateDecode);
        }
        pdf.pages(tree).count(kids.len() as i32).kids(kids);
        Ok(pdf.finish())
    }
}

impl Canvas<'_> {
    /// Draws a set line at `size` points with its left end at `x` and its baseline at `y`.
    pub fn text(&mut self, line: &Line, x: f32, y: f32, size: f32) {
        if line.glyphs.is_empty() {
            return;
        }
        self.content.begin_text();
        let mut current = None;
        for glyph in &line.glyphs {
            let used = &mut self.used[glyph.font];
            let cid = used.remapper.remap(glyph.id);
            used.text.entry(cid).or_insert_with(|| glyph.text.clone());
            if current != Some(glyph.font) {
                self.content.set_font(Name(font_name(glyph.font).as_bytes()), size);
                current = Some(glyph.font);
            }
            self.content.set_text_matrix([1.0, 0.0, 0.0, 1.0, x + glyph.x * size, y + glyph.y * size]);
            self.content.show(Str(&cid.to_be_bytes()));
        }
        self.content.end_text();
    }

    /// The grey (0 black, 1 white) that fills and strokes after this.
    pub fn gray(&mut self, gray: f32) {
        self.content.set_fill_gray(gray).set_stroke_gray(gray);
    }

    pub fn stroke_rect(&mut self, x: f32, y: f32, width: f32, height: f32, line_width: f32) {
        self.content.set_line_width(line_width).rect(x, y, width, height).stroke();
    }

    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), line_width: f32) {
        self.content.set_line_width(line_width).move_to(from.0, from.1).line_to(to.0, to.1).stroke();
    }

    /// Fills many rectangles as one path (a QR code's modules).
    pub fn fill_rects(&mut self, rects: impl IntoIterator<Item = (f32, f32, f32, f32)>) {
        for (x, y, width, height) in rects {
            self.content.rect(x, y, width, height);
        }
        self.content.fill_nonzero();
    }
}

fn font_name(index: usize) -> String {
    format!("F{index}")
}

/// Writes a font's Type 0 dictionary at `font` and its parts (CID font, descriptor, subset
/// font program, ToUnicode map) at `refs`.
fn embed(
    pdf: &mut Pdf,
    file: &FontFile,
    index: usize,
    used: &Used,
    font: Ref,
    refs: [Ref; 4],
) -> Result<(), BadgeError> {
    let [cid_ref, descriptor_ref, program_ref, cmap_ref] = refs;
    let data = file.data.as_slice();
    let failed =
        |e: &dyn std::fmt::Display| BadgeError::Font(format!("{} cannot be embedded: {e}", file.path.display()));
    let face = ttf_parser::Face::parse(data, 0).map_err(|e| failed(&e))?;
    let subset = subsetter::subset(data, 0, &used.remapper).map_err(|e| failed(&e))?;
    // A font with PostScript outlines is embedded as its bare CFF program.
    let cff = ttf_parser::RawFace::parse(&subset, 0)
        .ok()
        .and_then(|raw| raw.table(ttf_parser::Tag::from_bytes(b"CFF ")))
        .map(<[u8]>::to_vec);
    let name = format!("{}+{}", subset_tag(index), postscript_name(&face, index));
    let em = f32::from(face.units_per_em());
    let scale = |units: f32| units / em * 1000.0;

    pdf.type0_font(font)
        .base_font(Name(name.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_ref)
        .to_unicode(cmap_ref);

    let mut cid = pdf.cid_font(cid_ref);
    cid.subtype(if cff.is_some() { CidFontType::Type0 } else { CidFontType::Type2 })
        .base_font(Name(name.as_bytes()))
        .system_info(IDENTITY)
        .font_descriptor(descriptor_ref);
    if cff.is_none() {
        cid.cid_to_gid_map_predefined(Name(b"Identity"));
    }
    let widths = used
        .remapper
        .remapped_gids()
        .map(|old| scale(f32::from(face.glyph_hor_advance(ttf_parser::GlyphId(old)).unwrap_or(0))));
    cid.widths().consecutive(0, widths);
    cid.finish();

    let bbox = face.global_bounding_box();
    let ascent = scale(f32::from(face.ascender()));
    let mut descriptor = pdf.font_descriptor(descriptor_ref);
    descriptor
        .name(Name(name.as_bytes()))
        .flags(FontFlags::SYMBOLIC)
        .bbox(Rect::new(
            scale(f32::from(bbox.x_min)),
            scale(f32::from(bbox.y_min)),
            scale(f32::from(bbox.x_max)),
            scale(f32::from(bbox.y_max)),
        ))
        .italic_angle(face.italic_angle())
        .ascent(ascent)
        .descent(scale(f32::from(face.descender())))
        .cap_height(face.capital_height().map_or(ascent, |h| scale(f32::from(h))))
        .stem_v(80.0);
    if cff.is_some() {
        descriptor.font_file3(program_ref);
    } else {
        descriptor.font_file2(program_ref);
    }
    descriptor.finish();

    let program = deflate(cff.as_deref().unwrap_or(&subset));
    let mut stream = pdf.stream(program_ref, &program);
    stream.filter(Filter::FlateDecode);
    if cff.is_some() {
        stream.pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
    }
    stream.finish();

    let mut cmap = UnicodeCmap::new(Name(b"Custom"), IDENTITY);
    for (cid, text) in used.text.iter().filter(|(_, t)| !t.is_empty()) {
        cmap.pair_with_multiple(*cid, text.chars());
    }
    pdf.cmap(cmap_ref, &cmap.finish());
    Ok(())
}

/// The six capital letters that mark an embedded font as a subset, different per font.
fn subset_tag(index: usize) -> String {
    (0..6).rev().map(|place| char::from(b'A' + (index / 26usize.pow(place) % 26) as u8)).collect()
}

/// The font's PostScript name (what a reader shows as the font), or a stand-in.
fn postscript_name(face: &ttf_parser::Face<'_>, index: usize) -> String {
    face.names()
        .into_iter()
        .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|n| n.to_string())
        .map(|n| n.chars().filter(|c| c.is_ascii_graphic() && !"[](){}<>/%#".contains(*c)).collect::<String>())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| format!("Font{index}"))
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(data).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

#[cfg(test)]
mod tests {
    #[test]
    fn subset_tags_are_six_capitals_and_differ() {
        assert_eq!(super::subset_tag(0), "AAAAAA");
        assert_eq!(super::subset_tag(27), "AAAABB");
    }
}
