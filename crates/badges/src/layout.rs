//! Where everything goes on a badge, and badges on a sheet.
//!
//! A badge: the event's name small at the top over a thin rule; the person's name large (the
//! largest size at which it fits in two lines, shrinking down to a floor, then shortened with
//! "…"); their employer or school under it; at the bottom right the QR code with the check-in
//! code printed under it. Right-to-left names align to the right. Nothing comes nearer than
//! [`CUT_MARGIN`] to the cut lines, so a crooked cut clips no text and no code.

use crate::fonts::Fonts;
use crate::pdf::Canvas;
use crate::qr::QrMatrix;
use crate::text::{Line, Setter};
use crate::{Badge, BadgeError};

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;
/// Blank space inside each badge's cut lines.
const CUT_MARGIN: f32 = 6.0 * MM;
/// The QR code's side, as a share of the space inside the cut margin's height.
const QR_SHARE: f32 = 0.36;
/// Baseline to baseline, as a share of the font size.
const LINE_SPACING: f32 = 1.15;
const INK: f32 = 0.0;
const MUTED: f32 = 0.35;
const RULE: f32 = 0.75;
const CUT_LINE: f32 = 0.7;

/// A paper size and how badges are laid out on it, in points (1/72 in).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sheet {
    pub page: (f32, f32),
    pub columns: usize,
    pub rows: usize,
    pub badge: (f32, f32),
}

impl Sheet {
    pub fn per_page(&self) -> usize {
        self.columns * self.rows
    }

    /// The bottom-left corner of the `nth` badge on a page: the grid is centred on the page.
    pub fn origin(&self, nth: usize) -> (f32, f32) {
        let left = (self.page.0 - self.columns as f32 * self.badge.0) / 2.0;
        let top = (self.page.1 + self.rows as f32 * self.badge.1) / 2.0;
        let (column, row) = (nth % self.columns, nth / self.columns);
        (left + column as f32 * self.badge.0, top - (row + 1) as f32 * self.badge.1)
    }
}

/// A set line placed on a badge (its baseline's left end, from the badge's bottom left).
struct Placed {
    line: Line,
    x: f32,
    y: f32,
    size: f32,
    gray: f32,
}

/// A badge ready to draw.
pub struct Art {
    texts: Vec<Placed>,
    rule_y: f32,
    qr: QrMatrix,
    /// The QR code's bottom-left corner and the side of one module.
    qr_at: (f32, f32, f32),
}

/// Lays one badge out on a badge of `size` points.
pub fn lay_out(
    setter: &mut Setter<'_>,
    fonts: &Fonts,
    size: (f32, f32),
    event_name: &str,
    badge: &Badge,
) -> Result<Art, BadgeError> {
    let (left, bottom) = (CUT_MARGIN, CUT_MARGIN);
    let (width, height) = (size.0 - 2.0 * CUT_MARGIN, size.1 - 2.0 * CUT_MARGIN);
    let top = bottom + height;
    let mut texts = Vec::new();

    let (event_size, event) = fit(setter, &fonts.regular, event_name, width, 1, (9.0, 6.0))?;
    texts.extend(placed(event, event_size, (left, width), top - 7.0, MUTED));
    let rule_y = top - 5.0 * MM;

    let qr = QrMatrix::for_code(&badge.code)?;
    let qr_side = height * QR_SHARE;
    let module = qr_side / qr.width() as f32;
    // A reader needs the symbol clear of anything else for 4 modules around (the quiet zone);
    // the code printed under it, which readers tolerate, comes nearer.
    let quiet = 4.0 * module;
    let code_size = 9.0;
    let qr_at = (left + width - qr_side, bottom + code_size + 3.0 * module, module);
    let qr_top = qr_at.1 + qr_side;
    let code = setter.set(&fonts.regular, &badge.code)?;
    let code_x = qr_at.0 + (qr_side - code.width * code_size) / 2.0;
    texts.push(Placed { line: code, x: code_x, y: bottom + 1.0, size: code_size, gray: INK });

    // The name, centred in the space between the rule and the QR code.
    let (name_top, name_bottom) = (rule_y - 3.0 * MM, qr_top + quiet);
    let largest = ((name_top - name_bottom) / 2.0 / LINE_SPACING).min(30.0);
    let (name_size, name) = fit(setter, &fonts.bold, &badge.name, width, 2, (largest, 12.0))?;
    let block = name_size * (0.75 + LINE_SPACING * (name.len().max(1) - 1) as f32);
    let first_baseline = (name_top + name_bottom + block) / 2.0 - name_size * 0.75;
    texts.extend(placed(name, name_size, (left, width), first_baseline, INK));

    // The employer or school, beside the QR code.
    let beside = width - qr_side - quiet;
    let (affiliation_size, affiliation) = fit(setter, &fonts.regular, &badge.affiliation, beside, 2, (12.0, 8.0))?;
    texts.extend(placed(affiliation, affiliation_size, (left, beside), qr_top - affiliation_size * 0.8, MUTED));

    Ok(Art { texts, rule_y, qr, qr_at })
}

/// Lines one under the other in a box (`left`, `width`): aligned to its left, or to its right
/// when written right to left.
fn placed(lines: Vec<Line>, size: f32, (left, width): (f32, f32), first_baseline: f32, gray: f32) -> Vec<Placed> {
    let step = size * LINE_SPACING;
    let mut baseline = first_baseline;
    let mut out = Vec::new();
    for line in lines {
        let x = if line.rtl { left + width - line.width * size } else { left };
        out.push(Placed { line, x, y: baseline, size, gray });
        baseline -= step;
    }
    out
}

/// Draws a laid-out badge with its bottom-left corner at `origin`, with its cut lines.
pub fn draw(canvas: &mut Canvas<'_>, art: &Art, origin: (f32, f32), size: (f32, f32)) {
    let (ox, oy) = origin;
    canvas.gray(CUT_LINE);
    canvas.stroke_rect(ox, oy, size.0, size.1, 0.4);
    canvas.gray(RULE);
    canvas.line((ox + CUT_MARGIN, oy + art.rule_y), (ox + size.0 - CUT_MARGIN, oy + art.rule_y), 0.5);
    for text in &art.texts {
        canvas.gray(text.gray);
        canvas.text(&text.line, ox + text.x, oy + text.y, text.size);
    }
    canvas.gray(INK);
    let (qx, qy, module) = art.qr_at;
    let rows = art.qr.width();
    canvas.fill_rects(art.qr.dark_runs().map(|(row, column, run)| {
        let y = oy + qy + (rows - 1 - row) as f32 * module;
        (ox + qx + column as f32 * module, y, run as f32 * module, module)
    }));
}

/// Sets `text` in at most `max_lines` lines of `width` points: at the largest size from
/// `sizes.0` down to `sizes.1` where it fits whole, else at the smallest, shortened with "…".
fn fit(
    setter: &mut Setter<'_>,
    chain: &[usize],
    text: &str,
    width: f32,
    max_lines: usize,
    sizes: (f32, f32),
) -> Result<(f32, Vec<Line>), BadgeError> {
    let words: Vec<String> = text.split_whitespace().map(|w| w.chars().filter(|c| !c.is_control()).collect()).collect();
    let (largest, smallest) = (sizes.0.max(sizes.1), sizes.1);
    let mut size = largest;
    let mut lines = loop {
        let lines = wrap(setter, chain, &words, width / size)?;
        if lines.len() <= max_lines && lines.iter().all(|l| l.width * size <= width) {
            return Ok((size, lines));
        }
        if size <= smallest {
            break lines;
        }
        size = (size - 1.0).max(smallest);
    };
    let cut = lines.len() > max_lines;
    lines.truncate(max_lines);
    let last = lines.len().saturating_sub(1);
    for (n, line) in lines.iter_mut().enumerate() {
        if line.width * smallest > width || (cut && n == last) {
            *line = shortened(setter, chain, &line.text, width / smallest)?;
        }
    }
    Ok((smallest, lines))
}

/// Words into lines no wider than `width` ems where they can be (a word wider than that has
/// a line of its own).
fn wrap(setter: &mut Setter<'_>, chain: &[usize], words: &[String], width: f32) -> Result<Vec<Line>, BadgeError> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in words {
        let candidate = if current.is_empty() { word.clone() } else { format!("{current} {word}") };
        if current.is_empty() || setter.set(chain, &candidate)?.width <= width {
            current = candidate;
        } else {
            lines.push(setter.set(chain, &current)?);
            current = word.clone();
        }
    }
    if !current.is_empty() {
        lines.push(setter.set(chain, &current)?);
    }
    Ok(lines)
}

/// The longest start of `text` that fits `width` ems with "…" after it.
fn shortened(setter: &mut Setter<'_>, chain: &[usize], text: &str, width: f32) -> Result<Line, BadgeError> {
    let chars: Vec<char> = text.chars().collect();
    for keep in (0..chars.len()).rev() {
        let candidate = format!("{}…", chars[..keep].iter().collect::<String>().trim_end());
        let line = setter.set(chain, &candidate)?;
        if line.width <= width {
            return Ok(line);
        }
    }
    setter.set(chain, "…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_name_is_large_and_a_long_one_shrinks_into_two_lines() {
        let fonts = Fonts::installed();
        let mut setter = Setter::new(&fonts);
        let width = 80.0 * MM;
        let (short_size, short) = fit(&mut setter, &fonts.bold, "Ana Souza", width, 2, (28.0, 12.0)).unwrap();
        assert_eq!((short_size, short.len()), (28.0, 1));
        let long = "Maria Fernanda Rodrigues de Albuquerque Cavalcanti";
        let (size, lines) = fit(&mut setter, &fonts.bold, long, width, 2, (28.0, 12.0)).unwrap();
        assert!(size < 28.0 && lines.len() == 2, "{size} {lines:?}");
        assert!(lines.iter().all(|l| l.width * size <= width));
        assert_eq!(lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" "), long, "nothing is lost");
    }

    #[test]
    fn what_cannot_fit_at_the_smallest_size_is_shortened_with_an_ellipsis() {
        let fonts = Fonts::installed();
        let mut setter = Setter::new(&fonts);
        let width = 40.0 * MM;
        let text = "Universidade Federal do Rio Grande do Sul, Faculdade de Ciências Económicas";
        let (size, lines) = fit(&mut setter, &fonts.regular, text, width, 2, (12.0, 8.0)).unwrap();
        assert_eq!((size, lines.len()), (8.0, 2));
        assert!(lines[1].text.ends_with('…'), "{:?}", lines[1].text);
        assert!(lines.iter().all(|l| l.width * size <= width));
        let one_word = "Pneumonoultramicroscopicsilicovolcanoconiosis-Institut";
        let (_, lines) = fit(&mut setter, &fonts.regular, one_word, 20.0 * MM, 1, (12.0, 8.0)).unwrap();
        assert!(lines[0].text.ends_with('…') && lines[0].width * 8.0 <= 20.0 * MM);
    }

    #[test]
    fn badges_fill_the_grid_from_the_top_left_inside_the_page() {
        let sheet = Sheet { page: (595.0, 842.0), columns: 2, rows: 4, badge: (95.0 * MM, 68.0 * MM) };
        let first = sheet.origin(0);
        let second = sheet.origin(1);
        let last = sheet.origin(7);
        assert!(first.0 < second.0 && first.1 == second.1);
        assert!(last.1 < first.1 && last.0 == second.0);
        assert!(first.0 > 0.0 && last.1 > 0.0 && second.0 + sheet.badge.0 < sheet.page.0);
        assert!(first.1 + sheet.badge.1 < sheet.page.1);
    }
}
