//! A corpus of resumes for measuring the parser: demo records (names from many cultures,
//! careers, schools, skills from the taxonomy) written out in several layouts (one column, two
//! columns, tables, a running header and footer), date styles and fonts, rendered to PDF and
//! DOCX. Each sample keeps the record it was written from, so [`score`] can say, field by
//! field, how much of it the parser got back. [`set`] reads and scores the hand-written
//! evaluation set in tests/resumes, which the parser is judged by.

mod layout;
mod render;
mod score;
pub mod set;

use talentdesk_demo::DemoOptions;
use talentdesk_domain::candidate::Profile;
use talentdesk_resume::ParsedResume;

pub use layout::{DateStyle, Layout};
pub use score::{FieldScore, Report, score};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Pdf,
    Docx,
}

/// One resume file and what it says.
pub struct Sample {
    pub truth: ParsedResume,
    pub file: Vec<u8>,
    pub kind: FileKind,
    pub layout: Layout,
}

/// `count` resumes from the demo generator's first `count` candidates (seeded), each in the
/// next layout, date style and font, alternating PDF and DOCX.
pub fn corpus(count: usize, seed: u64) -> Result<Vec<Sample>, String> {
    let fonts = render::Fonts::load()?;
    let profiles = profiles(count, seed)?;
    Ok(profiles
        .iter()
        .enumerate()
        .map(|(i, profile)| {
            let layout = Layout::ALL[i % Layout::ALL.len()];
            let dates = DateStyle::ALL[(i / Layout::ALL.len()) % DateStyle::ALL.len()];
            let doc = layout::write(profile, layout, dates, i);
            let kind = if i.is_multiple_of(2) { FileKind::Pdf } else { FileKind::Docx };
            let file = match kind {
                FileKind::Pdf => render::pdf(&doc, &fonts, i),
                FileKind::Docx => render::docx(&doc),
            };
            Sample { truth: doc.truth, file, kind, layout }
        })
        .collect())
}

/// The demo's candidates' profiles.
fn profiles(count: usize, seed: u64) -> Result<Vec<Profile>, String> {
    let options = DemoOptions { candidates: count as u64, seed };
    let candidates = talentdesk_demo::candidates(&options).map_err(|e| e.to_string())?;
    Ok(candidates.into_iter().map(|c| c.candidate.profile).collect())
}
