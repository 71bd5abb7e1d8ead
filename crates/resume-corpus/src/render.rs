//! Writing a [`Doc`] as a PDF (printpdf, with an embedded TrueType font so every script the
//! demo's names use prints) or as a DOCX (a zip of WordprocessingML parts).

use std::io::Write;

use printpdf::{FontId, Mm, Op, ParsedFont, PdfDocument, PdfPage, PdfSaveOptions, Point, Pt, TextItem};

use crate::layout::{Doc, Line, Style};

/// The fonts the corpus is set in (Debian's fonts-dejavu-core).
pub struct Fonts(Vec<Vec<u8>>);

const FONT_FILES: [&str; 3] = ["DejaVuSans.ttf", "DejaVuSerif.ttf", "DejaVuSansMono.ttf"];
const FONT_DIRS: [&str; 2] = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"];

impl Fonts {
    pub fn load() -> Result<Self, String> {
        let fonts = FONT_FILES
            .iter()
            .map(|file| {
                FONT_DIRS
                    .iter()
                    .find_map(|dir| std::fs::read(format!("{dir}/{file}")).ok())
                    .ok_or_else(|| format!("{file} is missing: install the fonts-dejavu-core package"))
            })
            .collect::<Result<_, _>>()?;
        Ok(Self(fonts))
    }
}

const PAGE_W: f32 = 210.0;
const PAGE_H: f32 = 297.0;
const MARGIN: f32 = 18.0;
/// Table columns' left edges, from the margin.
const CELLS: [f32; 3] = [0.0, 46.0, 112.0];

fn size(style: Style) -> f32 {
    match style {
        Style::Name => 18.0,
        Style::Heading => 12.0,
        Style::Text => 9.5,
    }
}

/// Lays lines out top to bottom, page after page; `current` can go back to an earlier page
/// (the second column starts where the first did).
struct Pages {
    pages: Vec<Vec<Op>>,
    current: usize,
    y: f32,
    font: FontId,
    header: Vec<Line>,
}

impl Pages {
    fn new(font: FontId, header: Vec<Line>) -> Self {
        let mut pages = Self { pages: Vec::new(), current: 0, y: 0.0, font, header };
        pages.next_page();
        pages.current = 0;
        pages
    }

    /// Moves to the next page, making it (with its running header) if it is not there yet.
    fn next_page(&mut self) {
        if self.pages.is_empty() || self.current + 1 >= self.pages.len() {
            self.pages.push(Vec::new());
            self.current = self.pages.len() - 1;
            self.y = PAGE_H - MARGIN;
            for line in self.header.clone() {
                self.put(&line, MARGIN);
            }
        } else {
            self.current += 1;
            self.y = PAGE_H
                - MARGIN
                - if self.header.is_empty() { 0.0 } else { self.header.len() as f32 * line_height(Style::Text) };
        }
        if !self.header.is_empty() {
            self.y -= 4.0;
        }
    }

    /// Writes one line at `x` (a row's cells at their columns) and moves down.
    fn put(&mut self, line: &Line, x: f32) {
        let height = line_height(line.style);
        if self.y - height < MARGIN + 8.0 {
            self.next_page();
        }
        self.y -= height;
        let page = &mut self.pages[self.current];
        for (cell, text) in line.text.split('\t').enumerate() {
            page.extend([
                Op::StartTextSection,
                Op::SetTextCursor { pos: Point::new(Mm(x + CELLS[cell.min(2)]), Mm(self.y)) },
                Op::SetFontSize { size: Pt(size(line.style)), font: self.font.clone() },
                Op::WriteText { items: vec![TextItem::Text(text.to_owned())], font: self.font.clone() },
                Op::EndTextSection,
            ]);
        }
        if line.style == Style::Heading {
            self.y -= 1.5;
        }
    }
}

fn line_height(style: Style) -> f32 {
    size(style) * 0.3528 * 1.45
}

/// Wraps a line to `width` characters (bullets and table rows keep their shape).
fn wrapped(line: &Line, width: usize) -> Vec<Line> {
    if line.text.contains('\t') || line.text.chars().count() <= width {
        return vec![line.clone()];
    }
    let mut out = Vec::new();
    let mut current = String::new();
    for word in line.text.split(' ') {
        if !current.is_empty() && current.chars().count() + word.chars().count() + 1 > width {
            out.push(Line { text: std::mem::take(&mut current), style: line.style });
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    out.push(Line { text: current, style: line.style });
    out
}

pub fn pdf(doc: &Doc, fonts: &Fonts, n: usize) -> Vec<u8> {
    let mut pdf = PdfDocument::new("Resume");
    let parsed = ParsedFont::from_bytes(&fonts.0[n % fonts.0.len()], 0, &mut Vec::new()).expect("a TrueType font");
    let font = pdf.add_font(&parsed);
    let mut pages = Pages::new(font, doc.header.clone());
    for line in doc.body.iter().flat_map(|l| wrapped(l, 95)) {
        pages.put(&line, MARGIN);
    }
    if !doc.left.is_empty() {
        // The sidebar, then the main column beside it from the same height: each column's
        // text in reading order, as a two-column resume's is.
        let (page, y) = (pages.current, pages.y);
        for line in doc.left.iter().flat_map(|l| wrapped(l, 34)) {
            pages.put(&line, MARGIN);
        }
        let (left_page, left_y) = (pages.current, pages.y);
        (pages.current, pages.y) = (page, y);
        for line in doc.right.iter().flat_map(|l| wrapped(l, 60)) {
            pages.put(&line, MARGIN + 68.0);
        }
        if (left_page, -left_y) > (pages.current, -pages.y) {
            (pages.current, pages.y) = (left_page, left_y);
        }
    }
    let count = pages.pages.len();
    let page_list: Vec<PdfPage> = pages
        .pages
        .into_iter()
        .enumerate()
        .map(|(i, mut ops)| {
            if doc.footer_pages {
                let text = format!("Page {} of {count}", i + 1);
                ops.extend([
                    Op::StartTextSection,
                    Op::SetTextCursor { pos: Point::new(Mm(PAGE_W / 2.0 - 10.0), Mm(10.0)) },
                    Op::SetFontSize { size: Pt(8.0), font: pages.font.clone() },
                    Op::WriteText { items: vec![TextItem::Text(text)], font: pages.font.clone() },
                    Op::EndTextSection,
                ]);
            }
            PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), ops)
        })
        .collect();
    pdf.with_pages(page_list).save(&PdfSaveOptions::default(), &mut Vec::new())
}

pub fn docx(doc: &Doc) -> Vec<u8> {
    let paragraph = |line: &Line| {
        let bold = if line.style == Style::Text { "" } else { "<w:rPr><w:b/></w:rPr>" };
        format!("<w:p><w:r>{bold}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>", escape(&line.text))
    };
    let block = |lines: &[Line]| -> String {
        let mut out = String::new();
        let mut rows = String::new();
        for line in lines {
            if line.text.contains('\t') {
                let cells: String = line
                    .text
                    .split('\t')
                    .map(|c| format!("<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>", escape(c)))
                    .collect();
                rows.push_str(&format!("<w:tr>{cells}</w:tr>"));
                continue;
            }
            if !rows.is_empty() {
                out.push_str(&format!("<w:tbl>{}</w:tbl>", std::mem::take(&mut rows)));
            }
            out.push_str(&paragraph(line));
        }
        if !rows.is_empty() {
            out.push_str(&format!("<w:tbl>{rows}</w:tbl>"));
        }
        out
    };
    let mut body = block(&doc.body);
    if !doc.left.is_empty() {
        body.push_str(&format!(
            "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
            block(&doc.left),
            block(&doc.right)
        ));
    }
    const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let mut parts = vec![
        ("[Content_Types].xml".to_owned(), "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>".to_owned()),
        ("word/document.xml".to_owned(), format!("<?xml version=\"1.0\"?><w:document {NS}><w:body>{body}</w:body></w:document>")),
    ];
    if !doc.header.is_empty() {
        parts.push((
            "word/header1.xml".to_owned(),
            format!("<?xml version=\"1.0\"?><w:hdr {NS}>{}</w:hdr>", block(&doc.header)),
        ));
    }
    if doc.footer_pages {
        parts.push((
            "word/footer1.xml".to_owned(),
            format!("<?xml version=\"1.0\"?><w:ftr {NS}><w:p><w:r><w:t>Page 1 of 1</w:t></w:r></w:p></w:ftr>"),
        ));
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, xml) in parts {
        zip.start_file(name, options).expect("writing to memory");
        zip.write_all(xml.as_bytes()).expect("writing to memory");
    }
    zip.finish().expect("writing to memory").into_inner()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
