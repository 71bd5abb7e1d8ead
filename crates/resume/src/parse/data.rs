//! The parser's tables in `assets/resume/`: one entry a line, fields apart by tabs, with `#`
//! comment lines and blank lines left out. Each table's own comment says what it holds and
//! where it comes from.

/// The entries of a table, as lines.
pub(super) fn lines(table: &'static str) -> impl Iterator<Item = &'static str> {
    table.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// The entries of a table of two fields: a kind and a text. A line without both is a mistake
/// in the file, named by `file`, found by the parser's first use of the table (and its tests).
pub(super) fn pairs(table: &'static str, file: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    lines(table).map(move |line| match line.split_once('\t') {
        Some(pair) => pair,
        None => panic!("{file}: {line:?} is not two fields apart by a tab"),
    })
}
