//! A PDF's text in the order a reader reads it (issue 25, item 1): the characters with their
//! positions and sizes (pdf-extract's output device), joined into pieces (characters on one
//! baseline without a wide gap), pieces into rows (one baseline), and a page's rows split at
//! a column gutter when the two sides are separate columns (a sidebar beside the experience)
//! rather than cells of one table (dates beside a job). Pieces of one row are joined with two
//! spaces, which the parser reads as a column gap.
//!
//! pdf-extract's own text follows the content stream: two columns come out interleaved or one
//! after the other depending on how the PDF was written, and a table's cells lose their gaps.

mod grid;
mod headings;
mod name;
mod reflow;
mod table;

use std::borrow::Borrow;

use pdf_extract::{Document, MediaBox, Object, OutputDev, OutputError, Transform};

/// One character as drawn: its left edge, its baseline measured down from the page's top, its
/// advance and its size, in points.
#[derive(Debug, Clone, PartialEq)]
struct Glyph {
    page: u32,
    x: f64,
    y: f64,
    width: f64,
    size: f64,
    text: String,
}

/// Characters on one baseline with no wide gap between them: a word run, a table cell's line.
#[derive(Debug, Clone, PartialEq)]
struct Piece {
    /// When it was drawn (its first character's place in the content stream).
    order: usize,
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    text: String,
    /// Read from the right (Arabic, Hebrew): a row of such pieces is read from its right end.
    rtl: bool,
}

/// Collects the glyphs of every page.
#[derive(Default)]
struct Collector {
    page: u32,
    height: f64,
    glyphs: Vec<Glyph>,
}

impl OutputDev for Collector {
    fn begin_page(&mut self, page: u32, media: &MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.page = page;
        self.height = media.ury - media.lly;
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _: f64,
        size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // The text matrix's scale (its determinant's root) turns the font size into points.
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = size * scale;
        let glyph = Glyph {
            page: self.page,
            x: trm.m31,
            y: self.height - trm.m32,
            width: width * size,
            size,
            text: text.into(),
        };
        self.glyphs.push(glyph);
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// The text of a PDF, page by page in reading order, and its document information's title (a
/// resume printed from a page whose title was the person's name says it only there). Not its
/// author: that is whoever owns the office suite ("Windows User", a company).
pub fn text(bytes: &[u8]) -> Result<(String, Option<String>), OutputError> {
    let mut doc = Document::load_mem(bytes)?;
    widths_as_lists(&mut doc);
    let mut collector = Collector::default();
    pdf_extract::output_doc(&doc, &mut collector)?;
    Ok((read(collector.glyphs), described(&doc)))
}

/// The longest title kept: a name's is short, and the title crosses to the parent process.
const TITLE_BYTES: usize = 200;

/// The document information's title, as text; None where it is not set or longer than a
/// title is.
fn described(doc: &Document) -> Option<String> {
    let info = doc.trailer.get(b"Info").and_then(|info| doc.dereference(info)).ok()?.1.as_dict().ok()?;
    let title = doc.dereference(info.get(b"Title").ok()?).ok()?.1;
    let bytes = title.as_str().ok()?;
    if bytes.len() > TITLE_BYTES {
        return None;
    }
    // Many programs write UTF-8 without the mark the standard asks for; read as
    // PDFDocEncoding it would be "TomÃ¡s".
    let unmarked = !bytes.starts_with(b"\xFE\xFF") && !bytes.starts_with(b"\xEF\xBB\xBF") && !bytes.is_ascii();
    let said = match std::str::from_utf8(bytes) {
        Ok(text) if unmarked => text.to_owned(),
        _ => pdf_extract::decode_text_string(title).ok()?,
    };
    Some(said.trim().to_owned()).filter(|s| !s.is_empty())
}

/// The most characters one range of a font's widths is written out for (a CID font has at
/// most 65,536).
const MOST_CIDS: i64 = 1 << 16;

/// pdf-extract 0.12 reads a CID font's widths (`/W`) only in their list form (`c [w1 w2 ...]`);
/// the range form (`c_first c_last w`, which Chromium's PDFs use) it reads wrongly, so those
/// glyphs get the font's default width, the characters after them drift, and words break
/// ("Lean Manufacturing T  echnician", "201 1"). The ranges are rewritten as lists first.
fn widths_as_lists(doc: &mut Document) {
    for object in doc.objects.values_mut() {
        let Ok(font) = object.as_dict_mut() else { continue };
        let cid_font = font.get(b"Subtype").and_then(Object::as_name).is_ok_and(|s| s.starts_with(b"CIDFontType"));
        let Ok(Object::Array(widths)) = font.get_mut(b"W") else { continue };
        if cid_font {
            *widths = listed(widths);
        }
    }
}

fn listed(widths: &[Object]) -> Vec<Object> {
    let mut out = Vec::with_capacity(widths.len());
    let mut i = 0;
    while i < widths.len() {
        match (widths.get(i).map(Object::as_i64), widths.get(i + 1), widths.get(i + 2)) {
            (Some(Ok(first)), Some(Object::Array(list)), _) => {
                out.extend([Object::Integer(first), Object::Array(list.clone())]);
                i += 2;
            }
            (Some(Ok(first)), Some(last), Some(width)) => {
                let count = last.as_i64().map_or(0, |last| (last - first + 1).clamp(0, MOST_CIDS));
                let count = usize::try_from(count).unwrap_or_default();
                out.extend([Object::Integer(first), Object::Array(vec![width.clone(); count])]);
                i += 3;
            }
            _ => break,
        }
    }
    out
}

/// Lays out glyphs (in the order drawn) as text.
fn read(glyphs: Vec<Glyph>) -> String {
    let mut pages: Vec<(u32, Vec<Glyph>)> = Vec::new();
    for g in glyphs {
        match pages.last_mut() {
            Some((page, list)) if *page == g.page => list.push(g),
            _ => pages.push((g.page, vec![g])),
        }
    }
    let texts: Vec<String> = pages
        .into_iter()
        .enumerate()
        .map(|(i, (_, glyphs))| {
            let pieces = pieces(&glyphs);
            if i > 0 {
                return page_text(pieces);
            }
            let pieces = name::on_one_line(pieces);
            let banner = name::banner(&pieces);
            name::first(page_text(pieces), banner.as_deref())
        })
        .collect();
    texts.join("\n\n")
}

/// Whether `g` goes on after `piece`: the same baseline, starting near where it ends.
fn continues(piece: &Piece, g: &Glyph) -> bool {
    let size = piece.size.max(g.size);
    (g.y - piece.y).abs() < 0.3 * size && g.x > piece.x1 - 0.5 * size && g.x < piece.x1 + 0.8 * size
}

/// Joins the glyphs, in the order drawn, into pieces.
fn pieces(glyphs: &[Glyph]) -> Vec<Piece> {
    let page_rtl = crate::rtl::mostly_rtl(&glyphs.iter().map(|g| g.text.as_str()).collect::<String>());
    let mut runs: Vec<(Piece, Vec<&Glyph>)> = Vec::new();
    for (order, g) in glyphs.iter().enumerate() {
        let end = g.x + g.width;
        match runs.last_mut() {
            Some((p, run)) if continues(p, g) => {
                p.x1 = p.x1.max(end);
                p.size = p.size.max(g.size);
                run.push(g);
            }
            _ if g.text.trim().is_empty() => {}
            _ => runs.push((
                Piece { order, x0: g.x, x1: end, y: g.y, size: g.size, text: String::new(), rtl: false },
                vec![g],
            )),
        }
    }
    let mut out: Vec<Piece> = runs
        .into_iter()
        .map(|(piece, run)| {
            let (text, rtl) = spaced(&run, piece.size, page_rtl);
            Piece { text: text.trim().to_owned(), rtl, ..piece }
        })
        .collect();
    out.retain(|p| !p.text.is_empty());
    out
}

/// A run's characters with a space where the gap between two is wider than a space's. In
/// letter-spaced text ("L U C A S   G I R A R D", a banner) every letter stands apart, so a
/// space is where the gap is wider than the letters' own spacing, and the letters are joined.
/// Right-to-left text is put in reading order ([`crate::rtl`]; `page_rtl`: the page mostly is).
fn spaced(run: &[&Glyph], size: f64, page_rtl: bool) -> (String, bool) {
    let gap = |w: &[&Glyph]| w[1].x - (w[0].x + w[0].width);
    let gaps = run.windows(2).filter(|w| w[0].text != " " && w[1].text != " ").map(gap);
    let letters = median(gaps).unwrap_or(0.0).max(0.0);
    // A word's gap is a space's width (about a quarter of the size) more than the letters'
    // own: tracked-out type whose letters stand a fifth of the size apart must not come apart
    // letter by letter ("S IOBHAN"), as a fixed threshold let it.
    let space = (letters + 0.15 * size).max(0.2 * size);
    let mut units: Vec<&str> = Vec::with_capacity(run.len());
    for (i, g) in run.iter().enumerate() {
        if i > 0 && gap(&run[i - 1..=i]) > space && !units.last().is_some_and(|u| u.ends_with(' ')) && g.text != " " {
            units.push(" ");
        }
        units.push(&g.text);
    }
    crate::rtl::reading_order(&units, page_rtl)
}

/// The middle value (the upper one of an even count), None of none.
fn median(values: impl Iterator<Item = f64>) -> Option<f64> {
    let mut values: Vec<f64> = values.collect();
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied()
}

/// The page's usual type size (the median) and its largest.
fn usual_and_largest(pieces: &[Piece]) -> Option<(f64, f64)> {
    let largest = pieces.iter().map(|p| p.size).max_by(f64::total_cmp)?;
    Some((median(pieces.iter().map(|p| p.size))?, largest))
}

/// The size most of the rows' letters are set in: their text's, however many short pieces
/// (headings, a name) are set larger.
fn text_size(rows: &[Row]) -> Option<f64> {
    median(rows.iter().flatten().flat_map(|p| std::iter::repeat_n(p.size, p.text.chars().count())))
}

/// Pieces on one baseline, left to right.
type Row = Vec<Piece>;

/// Pieces (owned, or borrowed as a table's cell's) grouped by baseline, top to bottom, each
/// group left to right.
fn rows<P: Borrow<Piece>>(mut pieces: Vec<P>) -> Vec<Vec<P>> {
    pieces.sort_by(|a, b| {
        let (a, b) = (a.borrow(), b.borrow());
        a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0))
    });
    let mut rows: Vec<Vec<P>> = Vec::new();
    for p in pieces {
        match rows.last_mut() {
            Some(row) if same_baseline(row[0].borrow(), p.borrow()) => row.push(p),
            _ => rows.push(vec![p]),
        }
    }
    for row in &mut rows {
        row.sort_by(|a, b| a.borrow().x0.total_cmp(&b.borrow().x0));
    }
    rows
}

fn same_baseline(a: &Piece, b: &Piece) -> bool {
    (a.y - b.y).abs() < 0.3 * a.size.min(b.size)
}

/// A row's pieces joined, left to right; a right-to-left row's from the right.
fn row_text(row: &[Piece]) -> String {
    let mut texts: Vec<&str> = row.iter().map(|p| p.text.as_str()).collect();
    // Pieces vote by their direction; numbers alone (a date cell) read either way.
    let rtl = row.iter().filter(|p| p.rtl).count();
    let ltr = row.iter().filter(|p| !p.rtl && p.text.chars().any(char::is_alphabetic)).count();
    if rtl > ltr {
        texts.reverse();
    }
    texts.join("  ")
}

/// A page's text: its rows top to bottom, except where a gutter splits a run of rows into two
/// columns, each read whole, left first. Two sections set side by side under full-width text
/// ("EDUCATION  SKILLS" under a work history) are two columns of their own.
fn page_text(pieces: Vec<Piece>) -> String {
    // The page's own gutter is found on all its pieces, so that the rows above two sections
    // side by side read as they would without them.
    let page_gutter = gutter(&pieces);
    let mut rows = table::rebuilt(rows(pieces));
    headings::by_size(&mut rows);
    let side_by_side = side_by_side(&rows);
    let below = side_by_side.map(|(from, _)| rows.split_off(from)).unwrap_or_default();
    let mut lines = columns(rows, page_gutter);
    if let Some((_, gutter)) = side_by_side {
        lines.extend(columns(below, Some(gutter)));
    }
    lines.join("\n")
}

/// Rows' lines, read in columns at `gutter` where there is one.
fn columns(rows: Vec<Row>, gutter: Option<f64>) -> Vec<String> {
    match gutter {
        Some(gutter) => bands(rows, gutter).into_iter().flat_map(|band| band_lines(band, gutter)).collect(),
        None => grid::lines(rows),
    }
}

/// Where two sections set side by side start under full-width text: the first row of two
/// short pieces far apart (their headings) under rows that often run across the gap between
/// them (a work history, not a sidebar under a banner), with a gutter in that gap for the rest
/// of the page; that row and the gutter.
fn side_by_side(rows: &[Row]) -> Option<(usize, f64)> {
    let usual = median(rows.iter().flatten().map(|p| p.size))?;
    // A heading: a few words, larger than the page's usual text or in capitals.
    let heading = |p: &Piece| {
        let capitals = p.text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        p.text.split_whitespace().count() <= 4 && (p.size > 1.05 * usual || capitals)
    };
    (1..rows.len().saturating_sub(3)).find_map(|k| {
        let [left, right] = rows[k].as_slice() else { return None };
        let alike = (left.size - right.size).abs() <= 0.05 * left.size;
        if !heading(left) || !heading(right) || !alike || right.x0 - left.x1 < 3.0 * left.size {
            return None;
        }
        // First the cheap test, at the gap's middle: the rows above must run across it.
        let across = |x: f64| rows[..k].iter().filter(|r| r.iter().any(|p| crosses(p, x))).count();
        // A quarter of them: a compact page sets many short rows above (titles beside their
        // dates, a job board's grid of details), which a sidebar under a banner has none of.
        let often = |n: usize| n >= 3 && 4 * n >= k;
        if !often(across((left.x1 + right.x0) / 2.0)) {
            return None;
        }
        let below: Vec<Piece> = rows[k..].iter().flatten().cloned().collect();
        let gutter = gutter_within(&below, left.x1, right.x0)?;
        often(across(gutter)).then_some((k, gutter))
    })
}

fn crosses(p: &Piece, x: f64) -> bool {
    p.x0 < x && p.x1 > x
}

/// A piece that runs well into both sides (a banner, a summary line), not one that only
/// overhangs the gutter (a long link in a sidebar).
fn spans(p: &Piece, x: f64) -> bool {
    p.x0 < x - 3.0 * p.size && p.x1 > x + 3.0 * p.size
}

fn is_left(p: &Piece, gutter: f64) -> bool {
    (p.x0 + p.x1) / 2.0 < gutter
}

/// The x of a vertical gap that splits the page's pieces into two sides of three or more
/// pieces each with the fewest pieces across it (a banner, a summary, full-width headings: at
/// most one piece in eight, or two): the most balanced such gap. None on a page of one column.
fn gutter(pieces: &[Piece]) -> Option<f64> {
    let left = pieces.iter().map(|p| p.x0).fold(f64::INFINITY, f64::min);
    let right = pieces.iter().map(|p| p.x1).fold(f64::NEG_INFINITY, f64::max);
    gutter_within(pieces, left + 0.15 * (right - left), right - 0.15 * (right - left))
}

/// [`gutter`] among the gaps between `from` and `to`.
fn gutter_within(pieces: &[Piece], from: f64, to: f64) -> Option<f64> {
    let allowed = (pieces.len() / 8).max(2);
    let mut best: Option<(usize, usize, f64)> = None;
    for candidate in pieces.iter().map(|p| p.x1 + 1.0) {
        if candidate <= from || candidate >= to {
            continue;
        }
        let across = pieces.iter().filter(|p| crosses(p, candidate)).count();
        let before = pieces.iter().filter(|p| p.x1 <= candidate).count();
        let after = pieces.iter().filter(|p| p.x0 >= candidate).count();
        let balance = before.min(after);
        if across > allowed || balance < 3 {
            continue;
        }
        if best.is_none_or(|(a, b, _)| (across, usize::MAX - balance) < (a, usize::MAX - b)) {
            best = Some((across, balance, candidate));
        }
    }
    best.map(|(_, _, x)| x)
}

/// Whether the two sides of a band are the cells of table rows rather than two columns: most
/// rows have pieces on both sides, and they were drawn side to side row after row (a column is
/// drawn whole, then the next, even where its lines happen to share baselines with the other).
fn is_table(band: &[Row], gutter: f64) -> bool {
    let sides = |row: &Row| (row.iter().any(|p| is_left(p, gutter)), row.iter().any(|p| !is_left(p, gutter)));
    let left = band.iter().filter(|r| sides(r).0).count();
    let right = band.iter().filter(|r| sides(r).1).count();
    let both = band.iter().filter(|r| sides(r) == (true, true)).count();
    if left == 0 || right == 0 {
        return true;
    }
    let mut drawn: Vec<&Piece> = band.iter().flatten().collect();
    drawn.sort_by_key(|p| p.order);
    let switches = drawn.windows(2).filter(|w| is_left(w[0], gutter) != is_left(w[1], gutter)).count();
    // A form's label column beside its values (a Europass CV in a grid) is drawn label, value,
    // label, value...: from side to side about as often as the shorter side has rows, even
    // where a smaller label does not share its value's baseline, and half as often where its
    // labels wrap over two rows ("EXPÉRIENCE" over "PROFESSIONNELLE") and its dates sit
    // centred beside a tall cell. Columns are drawn whole: a switch or three.
    (2 * both >= left.min(right) && switches >= both) || switches >= left.min(right).div_ceil(2).max(4)
}

/// Runs of rows between the rows of one piece that spans the gutter (a banner, a full-width
/// heading).
fn bands(rows: Vec<Row>, gutter: f64) -> Vec<Vec<Row>> {
    let mut bands: Vec<Vec<Row>> = vec![Vec::new()];
    for row in rows {
        // Alone on its row: beside a piece of the other column it is a column's overflow.
        if let [piece] = row.as_slice()
            && spans(piece, gutter)
        {
            bands.push(vec![row]);
            bands.push(Vec::new());
        } else if let Some(band) = bands.last_mut() {
            band.push(row);
        }
    }
    bands.retain(|b| !b.is_empty());
    bands
}

/// Whether the left side holds headings set in the margin beside their sections, or a
/// timeline's dates beside its entries: a few short pieces far apart, many of the right side's
/// lines between one and the next (a sidebar's lines follow each other).
fn is_margin_headings(band: &[Row], gutter: f64) -> bool {
    let baselines = |left: bool| -> Vec<f64> {
        band.iter().filter(|r| r.iter().any(|p| is_left(p, gutter) == left)).map(|r| r[0].y).collect()
    };
    let (left, right) = (baselines(true), baselines(false));
    let median_gap = |ys: &[f64]| median(ys.windows(2).map(|w| w[1] - w[0])).unwrap_or(0.0);
    let short = band.iter().flatten().filter(|p| is_left(p, gutter)).all(|p| p.text.split_whitespace().count() <= 5);
    left.len() >= 2 && right.len() >= 3 * left.len() && short && median_gap(&left) >= 3.0 * median_gap(&right)
}

/// Whether one side of a band holds nothing but dates: a column of the entries' dates beside
/// them ("SEPT. 2022 – AUJOURD'HUI" at the right of "Brasserie Saint-Aubin"), drawn apart.
fn is_dates_column(band: &[Row], gutter: f64) -> bool {
    let side = |left: bool| band.iter().flatten().filter(move |p| is_left(p, gutter) == left);
    [true, false].into_iter().any(|left| side(left).count() >= 2 && side(left).all(|p| crate::parse::is_dates(&p.text)))
}

/// A band's lines: row by row when it is a table, has its headings in the margin or a column
/// of dates, else as two columns, left first.
fn band_lines(band: Vec<Row>, gutter: f64) -> Vec<String> {
    if is_table(&band, gutter) || is_margin_headings(&band, gutter) || is_dates_column(&band, gutter) {
        return grid::lines(band);
    }
    let side = |keep: &dyn Fn(&Piece) -> bool| -> Vec<String> {
        grid::lines(
            band.iter()
                .map(|r| r.iter().filter(|p| keep(p)).cloned().collect::<Row>())
                .filter(|r| !r.is_empty())
                .collect(),
        )
    };
    let mut lines = side(&|p| is_left(p, gutter));
    lines.extend(side(&|p| !is_left(p, gutter)));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of text as glyphs 6 pt wide at 10 pt, starting at `x` on baseline `y`.
    pub(super) fn line(x: f64, y: f64, text: &str) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph { page: 1, x: x + 6.0 * i as f64, y, width: 6.0, size: 10.0, text: c.into() })
            .collect()
    }

    pub(super) fn page(lines: &[(f64, f64, &str)]) -> String {
        read(lines.iter().flat_map(|(x, y, t)| line(*x, *y, t)).collect())
    }

    #[test]
    fn a_sidebar_is_read_after_the_column_beside_it_not_interleaved() {
        // The sidebar drawn first, its lines between the main column's baselines.
        let text = page(&[
            (20.0, 100.0, "CONTACT"),
            (20.0, 114.0, "jo@example.com"),
            (20.0, 128.0, "SKILLS"),
            (20.0, 142.0, "Triage"),
            (200.0, 95.0, "EXPERIENCE"),
            (200.0, 109.0, "Staff Nurse"),
            (200.0, 123.0, "Leeds General Infirmary"),
            (200.0, 137.0, "June 2021 - Present"),
        ]);
        assert_eq!(
            text,
            "CONTACT\njo@example.com\nSKILLS\nTriage\nEXPERIENCE\nStaff Nurse\nLeeds General Infirmary\nJune 2021 - Present"
        );
    }

    #[test]
    fn two_sections_side_by_side_under_a_full_width_history_are_read_one_after_the_other() {
        // Each column drawn whole, the left first, sharing baselines with the other.
        let text = page(&[
            (20.0, 100.0, "EXPERIENCE"),
            (20.0, 114.0, "Senior Talent Acquisition Partner at Northbridge Building Society"),
            (20.0, 128.0, "Own hiring for Finance, Risk and Member Services across the north west"),
            (20.0, 142.0, "Moved the society from spreadsheets to Workday Recruiting in one year"),
            (20.0, 156.0, "EDUCATION"),
            (20.0, 170.0, "2019  CIPD Diploma"),
            (20.0, 184.0, "Salford City College"),
            (20.0, 198.0, "2014  BA Business"),
            (300.0, 156.0, "SKILLS"),
            (300.0, 170.0, "Boolean sourcing"),
            (300.0, 184.0, "Workday Recruiting"),
            (300.0, 198.0, "Offer negotiation"),
        ]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[4..],
            [
                "EDUCATION",
                "2019  CIPD Diploma",
                "Salford City College",
                "2014  BA Business",
                "SKILLS",
                "Boolean sourcing",
                "Workday Recruiting",
                "Offer negotiation"
            ]
        );
    }

    #[test]
    fn two_sections_side_by_side_under_a_compact_page_of_short_cells_are_read_apart() {
        // A job board's export: short lines at the top and titles beside their dates, only a
        // quarter of the rows above running across the gap.
        let mut lines = vec![
            (20.0, 86.0, "Chiara Bellandi"),
            (20.0, 100.0, "chiara@example.it"),
            (20.0, 114.0, "Bologna (BO)"),
            (20.0, 128.0, "ESPERIENZE LAVORATIVE"),
        ];
        for (k, (title, dates)) in
            [("Barista", "05/2022 – oggi"), ("Cameriera", "06/2021 – 09/2021"), ("Commessa", "2018")]
                .into_iter()
                .enumerate()
        {
            let y = 142.0 + 28.0 * k as f64;
            lines.extend([(20.0, y, title), (450.0, y, dates)]);
            lines.push((20.0, y + 14.0, "Caffetteria espresso e latte art, aperitivi e cocktail base, chiusura cassa"));
        }
        // Each column drawn whole, the left first.
        lines.extend([
            (20.0, 240.0, "COMPETENZE"),
            (20.0, 254.0, "Latte art"),
            (20.0, 268.0, "Gestione cassa e POS"),
            (20.0, 282.0, "HACCP"),
            (300.0, 240.0, "LINGUE"),
            (300.0, 254.0, "Italiano – madrelingua"),
            (300.0, 268.0, "Inglese – B1"),
        ]);
        let text = page(&lines);
        let tail: Vec<&str> = text.lines().skip_while(|l| *l != "COMPETENZE").collect();
        assert_eq!(
            tail,
            [
                "COMPETENZE",
                "Latte art",
                "Gestione cassa e POS",
                "HACCP",
                "LINGUE",
                "Italiano – madrelingua",
                "Inglese – B1"
            ]
        );
    }

    #[test]
    fn a_column_of_dates_drawn_apart_stays_beside_its_entries() {
        // The entries drawn first, then the dates at the right margin on their baselines.
        let text = page(&[
            (20.0, 100.0, "Brasserie Saint-Aubin, Lyon"),
            (20.0, 114.0, "Chef de rang"),
            (20.0, 128.0, "Responsable d'un rang de 30 couverts"),
            (20.0, 142.0, "Hôtel du Parc, Annecy"),
            (20.0, 156.0, "Commis de salle"),
            (20.0, 170.0, "Mise en place et service des banquets"),
            (20.0, 184.0, "Camping Les Pins Dorés, Argelès-sur-Mer"),
            (20.0, 198.0, "Serveur"),
            (420.0, 100.0, "SEPT. 2022 – AUJOURD'HUI"),
            (420.0, 142.0, "AVRIL 2020 – AOÛT 2022"),
            (420.0, 184.0, "JUIN 2019 – SEPT. 2019"),
        ]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "Brasserie Saint-Aubin, Lyon  SEPT. 2022 – AUJOURD'HUI");
        assert_eq!(lines[3], "Hôtel du Parc, Annecy  AVRIL 2020 – AOÛT 2022");
    }

    #[test]
    fn a_sidebar_whose_lines_share_the_main_columns_baselines_is_still_a_column() {
        let text = page(&[
            (20.0, 100.0, "SKILLS"),
            (20.0, 114.0, "SEM"),
            (20.0, 128.0, "EDUCATION"),
            (20.0, 142.0, "University of Washington"),
            (200.0, 100.0, "EXPERIENCE"),
            (200.0, 114.0, "Marketing Manager at Lamna"),
            (200.0, 128.0, "2025-12 - Present"),
            (200.0, 142.0, "Content Strategist at Silverline"),
            // A link a little too long for the sidebar, beside a line of the main column.
            (20.0, 156.0, "linkedin.com/in/priya-1234"),
            (200.0, 156.0, "2022-11 - 2025-09"),
        ]);
        assert_eq!(
            text,
            "SKILLS\nSEM\nEDUCATION\nUniversity of Washington\nlinkedin.com/in/priya-1234\n\
             EXPERIENCE\nMarketing Manager at Lamna\n2025-12 - Present\nContent Strategist at Silverline\n2022-11 - 2025-09"
        );
    }

    #[test]
    fn a_tables_cells_stay_on_their_row_with_a_gap_between() {
        let text = page(&[
            (20.0, 100.0, "Feb 2022 - Present"),
            (200.0, 100.0, "Financial Controller"),
            (20.0, 114.0, "Oct 2018 - Jan 2022"),
            (200.0, 114.0, "Audit Senior"),
            (20.0, 128.0, "2015"),
            (200.0, 128.0, "ACA"),
        ]);
        assert_eq!(text, "Feb 2022 - Present  Financial Controller\nOct 2018 - Jan 2022  Audit Senior\n2015  ACA");
    }

    #[test]
    fn a_banner_across_the_gutter_comes_first_and_words_keep_their_spaces() {
        let mut glyphs = line(20.0, 40.0, "Grace");
        glyphs.extend(line(20.0 + 6.0 * 5.0 + 3.0, 40.0, "Adebayo"));
        let columns = [(20.0, 100.0, "Wound care"), (20.0, 114.0, "IV therapy"), (20.0, 128.0, "Triage")];
        let main = [(200.0, 95.0, "Staff Nurse"), (200.0, 109.0, "St James's"), (200.0, 123.0, "2016 - 2021")];
        glyphs.extend(columns.iter().chain(&main).flat_map(|(x, y, t)| line(*x, *y, t)));
        glyphs.extend(line(20.0, 60.0, "a full-width summary line that runs across both of the columns"));
        assert_eq!(
            read(glyphs),
            "Grace Adebayo\na full-width summary line that runs across both of the columns\n\
             Wound care\nIV therapy\nTriage\nStaff Nurse\nSt James's\n2016 - 2021"
        );
    }

    #[test]
    fn headings_in_the_left_margin_stay_with_their_sections() {
        // Each heading a little above its section's first line, not on its baseline.
        let text = page(&[
            (20.0, 95.0, "EXPERIENCE"),
            (160.0, 100.0, "Head Chef — Harbour Hotel"),
            (160.0, 114.0, "2019 - Present"),
            (160.0, 128.0, "Ran a kitchen of twelve"),
            (160.0, 142.0, "Sous Chef — The Old Mill"),
            (160.0, 156.0, "2015 - 2019"),
            (20.0, 165.0, "EDUCATION"),
            (160.0, 170.0, "Westminster Kingsway College"),
            (160.0, 184.0, "Diploma in Culinary Arts"),
        ]);
        assert_eq!(
            text,
            "EXPERIENCE\nHead Chef — Harbour Hotel\n2019 - Present\nRan a kitchen of twelve\nSous Chef — The Old Mill\n\
             2015 - 2019\nEDUCATION\nWestminster Kingsway College\nDiploma in Culinary Arts"
        );
    }

    #[test]
    fn a_timelines_dates_drawn_as_a_column_stay_beside_their_entries() {
        // The dates column drawn whole first, each date a little below its entry's title.
        let text = page(&[
            (20.0, 102.0, "Mar 2020 - Present"),
            (20.0, 160.0, "2016 - 2020"),
            (160.0, 100.0, "Night Manager"),
            (160.0, 114.0, "Seaview Lodge"),
            (160.0, 128.0, "Led the front office"),
            (160.0, 142.0, "Cut check-in times"),
            (160.0, 158.0, "Receptionist"),
            (160.0, 172.0, "Marina Inn"),
        ]);
        assert_eq!(
            text,
            "Mar 2020 - Present  Night Manager\nSeaview Lodge\nLed the front office\nCut check-in times\n\
             2016 - 2020  Receptionist\nMarina Inn"
        );
    }

    #[test]
    fn an_arabic_page_reads_from_the_right() {
        // Drawn as seen: each line's glyphs left to right, a table row's cells too.
        let text = page(&[
            (300.0, 100.0, "دادح ىليل"),
            (100.0, 114.0, "laila@ex.jo · ةبساحم"),
            (100.0, 128.0, "2015 – 2019"),
            (300.0, 128.0, "ةبساحم"),
        ]);
        assert_eq!(text, "ليلى حداد\nمحاسبة · laila@ex.jo\nمحاسبة  2015 – 2019");
    }

    #[test]
    fn a_letter_spaced_banner_reads_as_its_words() {
        // Letters 6 pt wide set 2.5 pt apart; the word gap 4 pt more.
        let mut glyphs = Vec::new();
        for (i, c) in "LUCAS".chars().chain("GIRARD".chars()).enumerate() {
            let x = 20.0 + 8.5 * i as f64 + if i >= 5 { 4.0 } else { 0.0 };
            glyphs.push(Glyph { page: 1, x, y: 40.0, width: 6.0, size: 10.0, text: c.into() });
        }
        glyphs.extend(line(20.0, 60.0, "Nice"));
        assert_eq!(read(glyphs), "LUCAS GIRARD\nNice");
    }

    #[test]
    fn type_tracked_out_a_little_keeps_its_words_whole() {
        // Letters 6 pt wide at 10 pt, tracked about a fifth of the size apart (1.7 to 2.3 pt,
        // as glyph widths and kerning vary), the word gap a space (2.8 pt) more.
        let mut glyphs = Vec::new();
        let mut x = 20.0;
        for (i, c) in "SIOBHAN GALLAGHER".chars().enumerate() {
            if c == ' ' {
                x += 2.8;
                continue;
            }
            glyphs.push(Glyph { page: 1, x, y: 40.0, width: 6.0, size: 10.0, text: c.into() });
            x += 6.0 + if i % 2 == 0 { 1.7 } else { 2.3 };
        }
        glyphs.extend(line(20.0, 60.0, "Nice"));
        assert_eq!(read(glyphs), "SIOBHAN GALLAGHER\nNice");
    }

    /// Glyphs of `text` at `size` pt, each 0.6 of the size wide, from `x` on baseline `y`.
    pub(super) fn large(x: f64, y: f64, size: f64, text: &str) -> Vec<Glyph> {
        let w = 0.6 * size;
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph { page: 1, x: x + w * i as f64, y, width: w, size, text: c.into() })
            .collect()
    }

    #[test]
    fn a_name_in_the_main_column_beside_a_sidebar_is_read_first() {
        // The sidebar (contact, languages) read first as a column, the name at the top of the
        // main column in large type.
        let mut glyphs = large(220.0, 60.0, 25.0, "Marta Giménez");
        for (i, text) in ["FOTO", "CONTACTO", "+34 676 31 82 45", "Zaragoza", "IDIOMAS", "Español"].iter().enumerate()
        {
            glyphs.extend(line(20.0, 100.0 + 14.0 * i as f64, text));
        }
        for (i, text) in ["Maestra de Primaria", "EXPERIENCIA", "Maestra", "Colegio Santa Ana"].iter().enumerate() {
            glyphs.extend(line(220.0, 100.0 + 14.0 * i as f64, text));
        }
        let text = read(glyphs);
        assert!(text.starts_with("Marta Giménez\nFOTO\nCONTACTO\n"), "{text}");
        assert_eq!(text.matches("Marta Giménez").count(), 1);
    }

    #[test]
    fn a_banner_name_the_page_wrapped_reads_as_one_line() {
        let body = [(20.0, 140.0, "Enfermeira"), (20.0, 154.0, "Lisboa"), (20.0, 168.0, "EXPERIÊNCIA")];
        let with_body = |mut glyphs: Vec<Glyph>| {
            glyphs.extend(body.iter().flat_map(|(x, y, t)| line(*x, *y, t)));
            read(glyphs)
        };
        // Two lines of large type, the second `gap` points under the first, over the body.
        let two = |size: f64, gap: f64, first: &str, second: &str| {
            let mut glyphs = large(20.0, 40.0, size, first);
            glyphs.extend(large(20.0, 40.0 + gap, size, second));
            with_body(glyphs)
        };
        assert!(two(36.0, 42.0, "WIEBKE JÄRVINEN-", "LUND").starts_with("WIEBKE JÄRVINEN-LUND\n"));
        assert!(two(36.0, 42.0, "ANNA K.", "BERGSTRÖM").starts_with("ANNA K. BERGSTRÖM\n"));
        // A whole name over a title or a town in the same type stays two lines.
        let over_title = two(30.0, 35.0, "Margaret Thornton", "Registered Nurse");
        assert!(over_title.starts_with("Margaret Thornton\nRegistered Nurse\n"));
        assert!(two(30.0, 35.0, "Anna Weber", "Pflegefachfrau").starts_with("Anna Weber\nPflegefachfrau\n"));
        // A given name alone over the surname is one name; a name over a town stays apart.
        assert!(two(30.0, 35.0, "Kwame", "Asante-Boateng").starts_with("Kwame Asante-Boateng\n"));
        assert!(two(30.0, 35.0, "Margaret Thornton", "London").starts_with("Margaret Thornton\nLondon\n"));
        // Two words over one set as one block, closer than lines of text: a name and its
        // second surname.
        assert!(two(25.0, 27.5, "Marta Giménez", "Roldán").starts_with("Marta Giménez Roldán\n"));
        assert!(two(26.0, 27.0, "EDSON APARECIDO", "DOS SANTOS").starts_with("EDSON APARECIDO DOS SANTOS\n"));
        assert!(two(26.0, 27.0, "Margaret Thornton", "Staff Nurse").starts_with("Margaret Thornton\nStaff Nurse\n"));
        // A surname that starts with its particle goes on the given names at a text line's
        // spacing, which a town or a title never starts with.
        assert!(two(16.0, 22.0, "Rui Miguel", "da Costa Lopes").starts_with("Rui Miguel da Costa Lopes\n"));
        assert!(two(16.0, 22.0, "Rui Miguel", "Costa Lopes").starts_with("Rui Miguel\nCosta Lopes\n"));
        assert!(two(16.0, 22.0, "Maria Theresa", "DELA CRUZ-SANTOS").starts_with("Maria Theresa DELA CRUZ-SANTOS\n"));
        // Over three or four lines of a narrow column, wrapped where a name cannot end.
        // (A page of more body text than large type.)
        let lines = |big: &[&str]| {
            let mut glyphs: Vec<Glyph> =
                big.iter().enumerate().flat_map(|(k, t)| large(20.0, 40.0 + 28.0 * k as f64, 24.0, t)).collect();
            for k in 0..6 {
                glyphs.extend(line(20.0, 200.0 + 14.0 * k as f64, "Teamleitung Station"));
            }
            read(glyphs)
        };
        let got = lines(&["Dr.", "Katharina", "Müller-", "Lüdenscheidt"]);
        assert!(got.starts_with("Dr. Katharina Müller-Lüdenscheidt\n"), "{got}");
        let got = lines(&["Robert J.", "“Bobby”", "WHITFIELD III"]);
        assert!(got.starts_with("Robert J. “Bobby” WHITFIELD III\n"), "{got}");
        // A given name set smaller over the surname in the largest type.
        let mut glyphs = large(20.0, 40.0, 16.0, "Maria Theresa");
        glyphs.extend(large(20.0, 62.0, 24.0, "DELA CRUZ-SANTOS"));
        for k in 0..6 {
            glyphs.extend(line(20.0, 200.0 + 14.0 * k as f64, "Registered Practical Nurse"));
        }
        let got = read(glyphs);
        assert!(got.starts_with("Maria Theresa DELA CRUZ-SANTOS\n"), "{got}");
        // Three large lines that end on a title are no name.
        assert!(lines(&["Anna", "Weber", "Pflegefachfrau"]).starts_with("Anna\nWeber\nPflegefachfrau\n"));
        // A name over its transliteration is the same name twice, not one name.
        let twice = two(30.0, 35.0, "Ирина Соколо-", "Irina Sokolova");
        assert!(twice.starts_with("Ирина Соколо-\nIrina Sokolova\n"));
        // Large lines far apart (a name and a heading of the same size) stay apart.
        let mut glyphs = large(20.0, 40.0, 30.0, "Ana Lima-");
        glyphs.extend(large(20.0, 120.0, 30.0, "Experiência"));
        glyphs.extend(line(20.0, 140.0, "Enfermeira"));
        assert_eq!(read(glyphs), "Ana Lima-\nExperiência\nEnfermeira");
    }

    #[test]
    fn a_documents_title_is_read_in_utf8_or_as_the_standard_marks_it_and_only_when_short() {
        let titled = |title: &[u8]| {
            let mut doc = Document::with_version("1.5");
            let info = pdf_extract::dictionary! { "Title" => Object::string_literal(title.to_vec()) };
            let id = doc.add_object(info);
            doc.trailer.set("Info", Object::Reference(id));
            described(&doc)
        };
        assert_eq!(titled("Tomás Herrera Vidal".as_bytes()).as_deref(), Some("Tomás Herrera Vidal"));
        let utf16: Vec<u8> =
            [0xFE, 0xFF].into_iter().chain("Łucja Nowak".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(titled(&utf16).as_deref(), Some("Łucja Nowak"));
        assert_eq!(titled(b"  "), None);
        assert_eq!(titled("x".repeat(TITLE_BYTES + 1).as_bytes()), None);
        assert_eq!(described(&Document::with_version("1.5")), None, "no document information");
    }

    #[test]
    fn a_fonts_width_ranges_are_written_as_lists() {
        let widths = [3, 5, 278]
            .map(Object::Integer)
            .into_iter()
            .chain([Object::Integer(36), Object::Array(vec![Object::Integer(722), Object::Integer(667)])]);
        let got = listed(&widths.collect::<Vec<_>>());
        let want = vec![
            Object::Integer(3),
            Object::Array(vec![Object::Integer(278); 3]),
            Object::Integer(36),
            Object::Array(vec![Object::Integer(722), Object::Integer(667)]),
        ];
        assert_eq!(got, want);
    }
}
