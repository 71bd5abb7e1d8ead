//! Headings told by their type. A section's heading is set larger than the text under it, and
//! in most languages in sentence case ("Experiencia docente", "Formação"), which the parser
//! cannot tell from a line of text by its words alone. Such a piece goes on in capitals, as
//! the parser reads a heading.

use super::{Row, text_size};
use crate::parse::{as_heading, is_heading};

/// How much larger than the page's usual type a heading is set, at the least.
const LARGER: f64 = 1.2;

/// The rows with each piece set larger than the page's usual type that names a section in
/// capitals. A piece set in the size of the page's headings known by their words ("Sobre mí")
/// is one however it reads; another only when it names no job (a title set large).
pub(super) fn by_size(rows: &mut [Row]) {
    let Some(usual) = text_size(rows) else { return };
    let larger = |size: f64| size >= LARGER * usual;
    let heading_sizes: Vec<f64> =
        rows.iter().flatten().filter(|p| larger(p.size) && is_heading(&p.text)).map(|p| p.size).collect();
    for piece in rows.iter_mut().flatten().filter(|p| larger(p.size)) {
        let as_headings = heading_sizes.iter().any(|s| (s - piece.size).abs() < 0.25);
        if let Some(heading) = as_heading(&piece.text, as_headings) {
            piece.text = heading;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::read;
    use super::super::tests::{large, line};

    #[test]
    fn a_heading_in_sentence_case_set_large_is_read_as_one() {
        // Headings at 14 pt over text at 10 pt: the one the parser knows as written ("Sobre
        // mí") stays so, the other goes on in capitals though "docente" names a job; a title
        // set a little larger names a job and stays as written.
        let mut glyphs = large(40.0, 40.0, 14.0, "Sobre mí");
        glyphs.extend(line(40.0, 60.0, "Maestra con plaza definitiva desde 2021."));
        glyphs.extend(large(40.0, 90.0, 14.0, "Experiencia docente"));
        glyphs.extend(large(40.0, 110.0, 12.5, "Education Assistant"));
        glyphs.extend(line(40.0, 125.0, "CEIP Les Arenes, Valencia • 2021 – actualidad"));
        glyphs.extend(line(40.0, 140.0, "Tutoría de un grupo de 24 alumnos"));
        assert_eq!(
            read(glyphs).lines().collect::<Vec<_>>(),
            [
                "Sobre mí",
                "Maestra con plaza definitiva desde 2021.",
                "EXPERIENCIA DOCENTE",
                "Education Assistant",
                "CEIP Les Arenes, Valencia • 2021 – actualidad",
                "Tutoría de un grupo de 24 alumnos",
            ]
        );
    }

    #[test]
    fn a_line_in_the_texts_own_size_is_no_heading_by_its_type() {
        let mut glyphs = large(40.0, 20.0, 14.0, "Sobre mí");
        glyphs.extend(line(40.0, 40.0, "Experiencia docente"));
        glyphs.extend(line(40.0, 55.0, "CEIP Les Arenes, Valencia • 2021 – actualidad"));
        assert_eq!(read(glyphs).lines().nth(1), Some("Experiencia docente"));
    }
}
