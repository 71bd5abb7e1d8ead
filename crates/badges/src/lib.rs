//! Check-in badges for events (DESIGN.md section 6): the QR code of a person's check-in code,
//! as a PNG for confirmation emails ([`qr_png`]), and a PDF of badges to print and cut
//! ([`render_badges`]), on A4 or US Letter.
//!
//! Names print in any script: the PDF embeds a Unicode font found on the system (Debian's
//! fonts-dejavu-core and fonts-droid-fallback, which scripts/prerequisites.sh installs) or named
//! by `TALENTDESK_BADGE_FONTS`, with text shaped so Arabic joins and runs right to left.

mod fonts;
mod layout;
mod pdf;
mod qr;
mod text;

pub use fonts::{FONTS_VAR, FontFile, Fonts};
pub use qr::{QrMatrix, payload, qr_png};

use layout::MM;
pub use layout::Sheet;

/// One person's badge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Badge {
    /// Their name as it should be read, e.g. "Ana Souza".
    pub name: String,
    /// Their employer or school (may be empty).
    pub affiliation: String,
    /// Their check-in code for the event, e.g. "K7QX-M2PA" (the QR code holds `TD:K7QX-M2PA`).
    pub code: String,
}

impl Badge {
    /// A person's badge: their name, their current employer or else their school, their code.
    pub fn for_person(name: &str, employer: &str, school: &str, code: &str) -> Self {
        let affiliation = if employer.trim().is_empty() { school } else { employer };
        Self { name: name.trim().to_owned(), affiliation: affiliation.trim().to_owned(), code: code.to_owned() }
    }
}

/// The paper badges are printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperSize {
    /// 210 × 297 mm: 8 badges of 95 × 68 mm, two columns of four.
    A4,
    /// 8.5 × 11 in: 6 badges of 4 × 3 in (the common badge-holder size), two columns of three.
    Letter,
}

impl PaperSize {
    /// How many badges one page holds.
    pub fn badges_per_page(self) -> usize {
        self.sheet().per_page()
    }

    /// The page and the grid of badges on it, in points.
    pub fn sheet(self) -> Sheet {
        const INCH: f32 = 72.0;
        match self {
            PaperSize::A4 => {
                Sheet { page: (210.0 * MM, 297.0 * MM), columns: 2, rows: 4, badge: (95.0 * MM, 68.0 * MM) }
            }
            PaperSize::Letter => {
                Sheet { page: (8.5 * INCH, 11.0 * INCH), columns: 2, rows: 3, badge: (4.0 * INCH, 3.0 * INCH) }
            }
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BadgeError {
    #[error("badge fonts: {0}")]
    Font(String),
    #[error("no badge font has the characters \"{chars}\" of \"{text}\": {}", fonts::INSTALL_HINT)]
    MissingGlyphs { text: String, chars: String },
    #[error("{0}")]
    Qr(String),
    #[error("there are no badges to print")]
    Empty,
}

/// A PDF of `badges` for the event, in order, as many per page as the paper holds, in the
/// system's fonts (see [`Fonts::find`]).
pub fn render_badges(event_name: &str, badges: &[Badge], paper: PaperSize) -> Result<Vec<u8>, BadgeError> {
    render_badges_with(&Fonts::find()?, event_name, badges, paper)
}

/// As [`render_badges`], in the given fonts.
pub fn render_badges_with(
    fonts: &Fonts,
    event_name: &str,
    badges: &[Badge],
    paper: PaperSize,
) -> Result<Vec<u8>, BadgeError> {
    if badges.is_empty() {
        return Err(BadgeError::Empty);
    }
    let sheet = paper.sheet();
    let mut setter = text::Setter::new(fonts);
    let mut document = pdf::Document::new(fonts, sheet.page, &format!("Badges: {event_name}"));
    for page in badges.chunks(sheet.per_page()) {
        let arts = page
            .iter()
            .map(|badge| layout::lay_out(&mut setter, fonts, sheet.badge, event_name, badge))
            .collect::<Result<Vec<_>, _>>()?;
        document.page(|canvas| {
            for (nth, art) in arts.iter().enumerate() {
                layout::draw(canvas, art, sheet.origin(nth), sheet.badge);
            }
        });
    }
    document.finish()
}
