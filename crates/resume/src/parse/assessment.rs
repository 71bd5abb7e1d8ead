//! The Europass CV's self-assessment grids, its languages grid and its digital competence grid:
//! a label ("Autoevaluación"), then rows of the grid's headings and levels, often wrapped in
//! narrow cells ("Tratamiento de  Comunicación  Creación de" over "la información  contenido").
//! They are form furniture, never skills (the table and its sources:
//! assets/resume/europass-grid.tsv).

use std::collections::HashSet;
use std::sync::OnceLock;

struct Grid {
    starts: Vec<String>,
    /// Every word of the grids' headings and levels.
    words: HashSet<String>,
}

fn grid() -> &'static Grid {
    static GRID: OnceLock<Grid> = OnceLock::new();
    GRID.get_or_init(|| {
        let mut grid = Grid { starts: Vec::new(), words: HashSet::new() };
        let file = "europass-grid.tsv";
        for (kind, text) in super::data::pairs(include_str!("../../../../assets/resume/europass-grid.tsv"), file) {
            match kind {
                "start" => grid.starts.push(text.to_owned()),
                "cell" => grid.words.extend(words(text)),
                _ => panic!("{file}: no kind {kind:?}"),
            }
        }
        grid
    })
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-').filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// Whether a line is a row of a grid: only its headings' and levels' words.
fn is_grid_row(line: &str) -> bool {
    let grid = grid();
    let mut words = words(line).peekable();
    words.peek().is_some() && words.all(|w| grid.words.contains(&w) || super::languages::is_cefr(&w))
}

/// The lines without the self-assessment grids: each line that holds a grid's label, and the
/// grid's rows after it.
pub fn without_grids<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let starts = &grid().starts;
    let mut out = Vec::with_capacity(lines.len());
    let mut in_grid = false;
    for (i, line) in lines.iter().enumerate() {
        let lower = line.to_lowercase();
        // The grid's label, with the grid under it ("Reflective practice and self-assessment"
        // in a list is a skill).
        let grid_below = lines.get(i + 1).is_some_and(|next| is_grid_row(next));
        if grid_below && starts.iter().any(|s| lower.contains(s.as_str())) {
            in_grid = true;
            continue;
        }
        in_grid = in_grid && is_grid_row(line);
        if !in_grid {
            out.push(*line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_digital_competence_grid_wrapped_in_its_cells_is_no_skill() {
        let lines = [
            "Competencias digitales AUTOEVALUACIÓN",
            "Tratamiento de  Comunicación  Creación de  Seguridad  Resolución de",
            "la información  contenido  problemas",
            "Usuario básico  Usuario  Usuario  Usuario  Usuario básico",
            "independiente  básico  básico",
            "• ResiPlus (registro asistencial)",
            "Comunicación",
        ];
        assert_eq!(without_grids(&lines), ["• ResiPlus (registro asistencial)", "Comunicación"]);
        let lines = ["Reflective practice and self-assessment", "Wound care, Triage"];
        assert_eq!(without_grids(&lines), lines);
    }

    #[test]
    fn a_languages_grid_goes_with_its_levels() {
        let lines = [
            "Self-assessment  Understanding  Speaking  Writing",
            "Listening  Reading  Spoken interaction  Spoken production",
            "English  C1  C1  B2  B2  B2",
            "Communication",
        ];
        // A language's row is no grid heading: it stays for the languages to read.
        assert_eq!(without_grids(&lines), ["English  C1  C1  B2  B2  B2", "Communication"]);
    }
}
