//! A resume's sections, by their headings ("Work Experience", "EDUCATION", "Skills:").

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Before the first heading: name and contact details.
    Top,
    Summary,
    Experience,
    Education,
    Skills,
    Languages,
    /// Projects, certifications, interests, references...: not parsed into fields.
    Other,
}

const HEADINGS: &[(&str, Section)] = &[
    ("summary", Section::Summary),
    ("profile", Section::Summary),
    ("professional summary", Section::Summary),
    ("about me", Section::Summary),
    ("objective", Section::Summary),
    ("career objective", Section::Summary),
    ("experience", Section::Experience),
    ("work experience", Section::Experience),
    ("professional experience", Section::Experience),
    ("employment", Section::Experience),
    ("employment history", Section::Experience),
    ("work history", Section::Experience),
    ("career history", Section::Experience),
    ("relevant experience", Section::Experience),
    ("berufserfahrung", Section::Experience),
    ("expérience professionnelle", Section::Experience),
    ("experiencia", Section::Experience),
    ("experiencia profesional", Section::Experience),
    ("education", Section::Education),
    ("education and training", Section::Education),
    ("academic background", Section::Education),
    ("qualifications", Section::Education),
    ("ausbildung", Section::Education),
    ("formation", Section::Education),
    ("educación", Section::Education),
    ("formación", Section::Education),
    ("skills", Section::Skills),
    ("technical skills", Section::Skills),
    ("key skills", Section::Skills),
    ("core skills", Section::Skills),
    ("core competencies", Section::Skills),
    ("competencies", Section::Skills),
    ("skills & tools", Section::Skills),
    ("skills and tools", Section::Skills),
    ("technologies", Section::Skills),
    ("tools", Section::Skills),
    ("kenntnisse", Section::Skills),
    ("compétences", Section::Skills),
    ("habilidades", Section::Skills),
    ("languages", Section::Languages),
    ("projects", Section::Other),
    ("certifications", Section::Other),
    ("certificates", Section::Other),
    ("awards", Section::Other),
    ("publications", Section::Other),
    ("interests", Section::Other),
    ("hobbies", Section::Other),
    ("volunteering", Section::Other),
    ("volunteer experience", Section::Other),
    ("references", Section::Other),
    ("contact", Section::Top),
    ("contact details", Section::Top),
];

/// The section a line heads, if it is a heading.
pub fn heading(line: &str) -> Option<Section> {
    let key: String = line
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if key.is_empty() || key.len() > 40 {
        return None;
    }
    HEADINGS.iter().find(|(h, _)| *h == key).map(|(_, s)| *s)
}

/// Each line with the section it is in; headings themselves are left out.
pub fn split(lines: &[&str]) -> Vec<(Section, usize)> {
    let mut section = Section::Top;
    let mut out = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        match heading(line) {
            Some(s) => section = s,
            None => out.push((section, i)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_their_usual_dress() {
        assert_eq!(heading("WORK EXPERIENCE"), Some(Section::Experience));
        assert_eq!(heading("Education:"), Some(Section::Education));
        assert_eq!(heading("— Skills & Tools —"), Some(Section::Skills));
        assert_eq!(heading("Berufserfahrung"), Some(Section::Experience));
        assert_eq!(heading("Experienced nurse with ten years"), None);
    }
}
