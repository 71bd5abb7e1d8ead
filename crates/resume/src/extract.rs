//! Raw text out of a resume file, in this process. Only the isolated child runs it for PDFs
//! (see [`crate::isolated`]); DOCX and text are safe to read anywhere.

use std::io::Read;

use crate::ResumeError;
use crate::limits::{MAX_DOCX_PARTS, MAX_INFLATED_BYTES, MAX_PART_BYTES, MAX_TEXT_BYTES, mb, too_large};
use crate::word_table::Table;

/// The kinds of files a resume can come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Docx,
    Text,
}

/// What a file is, by its content (names and extensions lie).
pub fn detect(bytes: &[u8]) -> Result<Format, ResumeError> {
    if bytes.len() >= 5 && bytes[..1024.min(bytes.len())].windows(5).any(|w| w == b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok(Format::Docx);
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(ResumeError::Unsupported("an old Word .doc file; save it as .docx or PDF".into()));
    }
    if looks_like_text(bytes) {
        return Ok(Format::Text);
    }
    Err(ResumeError::Unsupported("not a PDF, Word or text file".into()))
}

/// What a file gives: its text, and the title its document information gives (a PDF's).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Extracted {
    pub text: String,
    /// A PDF's document-information title: a name may be said only there.
    pub title: Option<String>,
}

/// The file's text, as the format gives it; refused when larger than [`MAX_TEXT_BYTES`].
pub fn text(bytes: &[u8]) -> Result<String, ResumeError> {
    Ok(read(bytes)?.text)
}

/// The file's text and title; refused when the text is larger than [`MAX_TEXT_BYTES`].
pub fn read(bytes: &[u8]) -> Result<Extracted, ResumeError> {
    let (text, title) = match detect(bytes)? {
        Format::Pdf => pdf(bytes)?,
        Format::Docx => (docx(bytes)?, None),
        // Refused before its columns are looked for: that reads it many times.
        Format::Text => {
            let text = plain(bytes);
            within_text_limit(text.len())?;
            (crate::text_columns::apart(&text), None)
        }
    };
    within_text_limit(text.len())?;
    Ok(Extracted { text, title })
}

fn within_text_limit(len: usize) -> Result<(), ResumeError> {
    if len > MAX_TEXT_BYTES {
        return Err(too_large(format!("the resume's text is larger than {} MB", mb(MAX_TEXT_BYTES as u64))));
    }
    Ok(())
}

fn pdf(bytes: &[u8]) -> Result<(String, Option<String>), ResumeError> {
    // A password-protected PDF names its encryption in the trailer; its text cannot be read
    // without the password (and pdf-extract gives "" rather than saying so).
    if bytes.windows(8).any(|w| w == b"/Encrypt") {
        return Err(ResumeError::Protected);
    }
    let (text, title) = crate::positioned::text(bytes).map_err(|e| ResumeError::Damaged(e.to_string()))?;
    if text.trim().is_empty() {
        // Scanned resumes are pictures of text.
        return Err(ResumeError::Unsupported("a PDF without text, probably a scan".into()));
    }
    Ok((text, title))
}

/// A DOCX is a zip of XML parts: the body, and the headers and footers (where the name and
/// contact details often sit), read header first. A zip bomb is refused by the sizes the zip
/// declares before anything is inflated, and by the bytes actually inflated when it lies.
fn docx(bytes: &[u8]) -> Result<String, ResumeError> {
    let damaged = |e: &dyn std::fmt::Display| ResumeError::Damaged(e.to_string());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    if zip.index_for_name("word/document.xml").is_none() {
        return Err(ResumeError::Unsupported("a zip file that is not a Word document".into()));
    }
    let rank = |p: &str| {
        if p.starts_with("word/header") {
            0
        } else if p == "word/document.xml" {
            1
        } else {
            2
        }
    };
    let mut parts: Vec<(String, usize)> = (0..zip.len())
        .filter_map(|i| Some((zip.name_for_index(i)?.to_owned(), i)))
        .filter(|(p, _)| p == "word/document.xml" || p.starts_with("word/header") || p.starts_with("word/footer"))
        .collect();
    if parts.len() > MAX_DOCX_PARTS {
        return Err(too_large(format!("the DOCX has more than {MAX_DOCX_PARTS} header, footer and body parts")));
    }
    parts.sort_by_key(|(p, _)| (rank(p), p.clone()));
    let mut declared = 0u64;
    for (_, index) in &parts {
        let size = zip.by_index_raw(*index).map_err(|e| damaged(&e))?.size();
        declared = declared.saturating_add(size);
        if size > MAX_PART_BYTES {
            return Err(part_too_large());
        }
    }
    if declared > MAX_INFLATED_BYTES {
        return Err(parts_too_large());
    }
    let mut inflated = 0u64;
    let mut out = String::new();
    for (_, index) in parts {
        let file = zip.by_index(index).map_err(|e| damaged(&e))?;
        // Never more than either limit allows, whatever the zip declared.
        let allowed = MAX_PART_BYTES.min(MAX_INFLATED_BYTES - inflated);
        let mut xml = Vec::new();
        file.take(allowed + 1).read_to_end(&mut xml).map_err(|e| damaged(&e))?;
        inflated += xml.len() as u64;
        if xml.len() as u64 > allowed {
            return Err(if allowed == MAX_PART_BYTES { part_too_large() } else { parts_too_large() });
        }
        let xml = String::from_utf8(xml).map_err(|e| damaged(&e))?;
        out.push_str(&word_xml_text(&xml));
        out.push('\n');
        within_text_limit(out.len())?;
    }
    Ok(out)
}

fn part_too_large() -> ResumeError {
    too_large(format!("a part of the DOCX inflates to more than {} MB", mb(MAX_PART_BYTES)))
}

fn parts_too_large() -> ResumeError {
    too_large(format!("the DOCX's text parts inflate to more than {} MB together", mb(MAX_INFLATED_BYTES)))
}

/// The text of WordprocessingML: runs (`w:t`), tabs, breaks and paragraph ends. A scan of the
/// tags is enough: the text of a document part is only ever in `w:t`. A table's rows are read
/// as [`Table`] says; a table inside a cell (the work history's table in a layout table's main
/// column) gives its lines to that cell.
fn word_xml_text(xml: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    // The rows being read, outermost first: each one's finished cells and its current cell's
    // paragraphs.
    let mut rows: Vec<(Vec<Vec<String>>, Vec<String>)> = Vec::new();
    // The tables being read, outermost first.
    let mut tables: Vec<Table> = Vec::new();
    let mut paragraph = String::new();
    // Whether the paragraph is a list's item: Word keeps the bullet in the numbering, not in
    // the text, and a task without its bullet reads like an entry's heading.
    let mut listed = false;
    // A heading's numbering ("1. Work Experience") is no bullet; the properties a tracked
    // change replaced (`w:pPrChange`) are not the paragraph's.
    let (mut heading, mut replaced) = (false, false);
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else { break };
        let tag = &rest[open + 1..open + close];
        rest = &rest[open + close + 1..];
        let name = tag.trim_start_matches('/').split([' ', '/']).next().unwrap_or_default();
        match (name, tag.starts_with('/')) {
            ("w:t", false) if !tag.ends_with('/') => {
                let end = rest.find("</w:t>").unwrap_or(rest.len());
                paragraph.push_str(&unescape(&rest[..end]));
                rest = &rest[end..];
            }
            ("w:p", false) => (listed, heading) = (false, false),
            ("w:pPrChange", closing) => replaced = !closing,
            ("w:pStyle", false) if !replaced => {
                heading =
                    ["Heading", "Title", "berschrift", "Titre"].iter().any(|h| tag.contains(&format!("w:val=\"{h}")));
            }
            // Number 0 is "no list", as a style's list is switched off for one paragraph.
            ("w:numId", false) if !replaced => listed = !tag.contains("w:val=\"0\""),
            ("w:tab", false) => paragraph.push('\t'),
            ("w:br" | "w:cr", false) => paragraph.push('\n'),
            ("w:p", true) => {
                let mut text = std::mem::take(&mut paragraph);
                if listed && !heading && !text.trim().is_empty() {
                    text.insert_str(0, "• ");
                }
                // A heading's style sets it apart as its capitals would; a job's title may
                // have a heading's style too, so one that names a job stays as it is.
                if let Some(shouted) = heading.then(|| crate::parse::as_heading(&text, false)).flatten() {
                    text = shouted;
                }
                match rows.last_mut() {
                    Some((_, cell)) => cell.push(text),
                    None => out.push(text),
                }
            }
            ("w:tbl", false) => tables.push(Table::default()),
            ("w:tbl", true) => _ = tables.pop(),
            ("w:tr", false) => rows.push((Vec::new(), Vec::new())),
            ("w:tc", true) => {
                if let Some((cells, cell)) = rows.last_mut() {
                    cells.push(std::mem::take(cell));
                }
            }
            ("w:tr", true) => {
                let Some((cells, _)) = rows.pop() else { continue };
                let lines = match tables.last_mut() {
                    Some(table) => table.row_lines(cells),
                    None => Table::default().row_lines(cells),
                };
                match rows.last_mut() {
                    Some((_, cell)) => cell.extend(lines),
                    None => out.extend(lines),
                }
            }
            _ => {}
        }
    }
    out.iter().map(|line| format!("{line}\n")).collect()
}

/// XML's entities and character references.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let Some(semi) = after.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = after;
            continue;
        };
        let entity = &after[..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse::<u32>))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// UTF-8 (with or without a byte-order mark), UTF-16 with one, or else Windows-1252.
fn plain(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest).into_owned();
    }
    let utf16 = |le: bool, rest: &[u8]| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|p| if le { u16::from_le_bytes([p[0], p[1]]) } else { u16::from_be_bytes([p[0], p[1]]) })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(true, rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(false, rest);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

fn looks_like_text(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return true;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let control = sample.iter().filter(|&&b| b < 0x09 || (0x0E..0x20).contains(&b)).count();
    !sample.is_empty() && control * 100 <= sample.len()
}

/// Windows-1252, the usual encoding of old plain-text resumes that are not UTF-8.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_apart_by_content() {
        assert_eq!(detect(b"%PDF-1.7\n...").unwrap(), Format::Pdf);
        assert_eq!(detect(b"PK\x03\x04rest").unwrap(), Format::Docx);
        assert_eq!(detect("Ana Souza\nNurse".as_bytes()).unwrap(), Format::Text);
        assert!(matches!(detect(b"\xD0\xCF\x11\xE0old"), Err(ResumeError::Unsupported(m)) if m.contains(".doc")));
        assert!(matches!(detect(&[0u8, 1, 2, 3, 4, 5, 6, 7]), Err(ResumeError::Unsupported(_))));
    }

    #[test]
    fn word_xml_gives_runs_tabs_and_paragraphs() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>Ana</w:t></w:r><w:r><w:t xml:space="preserve"> Souza &amp; Co</w:t></w:r></w:p><w:p><w:r><w:t>2019</w:t><w:tab/><w:t>&#x2013; now</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(word_xml_text(xml), "Ana Souza & Co\n2019\t– now\n");
    }

    #[test]
    fn a_list_items_bullet_from_its_numbering() {
        let item = |num: &str, text: &str| {
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
            )
        };
        let xml = format!(
            "<w:body><w:p><w:r><w:t>Staff Nurse</w:t></w:r></w:p>{}{}<w:p><w:r><w:t>Healthcare Assistant</w:t></w:r></w:p></w:body>",
            item("3", "Scrubbed for general and trauma lists"),
            item("0", "Not a list item")
        );
        assert_eq!(
            word_xml_text(&xml),
            "Staff Nurse\n• Scrubbed for general and trauma lists\nNot a list item\nHealthcare Assistant\n"
        );
        // A numbered heading, and a paragraph whose list only a tracked change removed.
        let heading = r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>Work Experience</w:t></w:r></w:p>"#;
        let changed = r#"<w:p><w:pPr><w:pPrChange w:id="1"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Staff Nurse</w:t></w:r></w:p>"#;
        assert_eq!(word_xml_text(&format!("<w:body>{heading}{changed}</w:body>")), "Work Experience\nStaff Nurse\n");
        // A heading's style sets a heading in sentence case apart as capitals would; a title in
        // a heading's style stays as written.
        let styled = |text: &str| {
            format!(r#"<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
        };
        let xml = format!("<w:body>{}{}</w:body>", styled("Compétences clés"), styled("Education Assistant"));
        assert_eq!(word_xml_text(&xml), "COMPÉTENCES CLÉS\nEducation Assistant\n");
    }

    #[test]
    fn word_tables_by_rows_or_by_columns() {
        let cell = |ps: &[&str]| {
            format!(
                "<w:tc>{}</w:tc>",
                ps.iter().map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>")).collect::<String>()
            )
        };
        let rows = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            cell(&["2019"]),
            cell(&["Nurse"]),
            cell(&["2020"]),
            cell(&["Chef"])
        );
        assert_eq!(word_xml_text(&rows), "2019\tNurse\n2020\tChef\n");
        let columns = format!(
            "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
            cell(&["Contact", "a@b.example"]),
            cell(&["Experience", "Nurse"])
        );
        assert_eq!(word_xml_text(&columns), "Contact\na@b.example\nExperience\nNurse\n");
        // A table of dated rows inside the layout table's main column: the sidebar's cell stays.
        let nested = format!(
            "<w:tbl><w:tr>{}<w:tc><w:p><w:r><w:t>Experience</w:t></w:r></w:p>{rows}</w:tc></w:tr></w:tbl>",
            cell(&["Contact", "a@b.example"]),
        );
        assert_eq!(word_xml_text(&nested), "Contact\na@b.example\nExperience\n2019\tNurse\n2020\tChef\n");
    }

    #[test]
    fn plain_text_in_its_usual_encodings() {
        assert_eq!(plain("José".as_bytes()), "José");
        assert_eq!(plain(b"\xEF\xBB\xBFJos\xC3\xA9"), "José");
        assert_eq!(plain(b"\xFF\xFEJ\x00o\x00"), "Jo");
        assert_eq!(plain(b"Jos\xE9 \x93quoted\x94"), "José “quoted”");
    }
}
