//! Reading a file as a table: a header row, then rows of text cells.
//!
//! CSV is streamed (a file is never loaded whole): its encoding (UTF-8 with or without BOM,
//! UTF-16 with BOM, else Windows-1252) and delimiter (comma, semicolon, tab, pipe) are sniffed
//! from its first 64 KiB. Spreadsheets (XLSX, XLS, ODS) are read with calamine, which holds a
//! sheet in memory, so they are smaller and checked before opening: an XLSX or ODS is a zip
//! whose declared unpacked size is bounded, so a zip bomb is refused unopened.

use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use calamine::{Data, Reader};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use serde::Serialize;
use ts_rs::TS;

use crate::{ImportError, ImportProblem};

/// Largest CSV file read (streamed).
pub const MAX_CSV_BYTES: u64 = 2 << 30;
/// Largest spreadsheet file read (a sheet is held in memory while it is read).
pub const MAX_WORKBOOK_BYTES: u64 = 200 << 20;
/// Most bytes an XLSX or ODS may unpack to.
pub const MAX_UNPACKED_BYTES: u64 = 1 << 30;
/// Most rows one file may have.
pub const MAX_ROWS: u64 = 1_000_000;

const SNIFF_BYTES: usize = 64 << 10;

/// One row as the file has it; `line` is where it starts (the header is line 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    pub line: u64,
    pub cells: Vec<String>,
}

/// An opened file: its header, how it was read, and its rows (read as they are iterated).
pub struct Table {
    /// The file's name, without its folder.
    pub file: String,
    /// Column names, trimmed; an empty one is "Column N", a repeated one "Name (2)".
    pub headers: Vec<String>,
    /// What was noticed about the header (repeated names).
    pub warnings: Vec<RepeatedHeader>,
    /// How the file was read: "CSV, UTF-8, semicolon" or "XLSX, sheet Candidates".
    pub format: ReadAs,
    rows: Box<dyn Iterator<Item = Result<RawRow, ImportError>>>,
}

impl Iterator for Table {
    type Item = Result<RawRow, ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.rows.next()
    }
}

/// Opens `path` (CSV or a spreadsheet; for a spreadsheet, `sheet` or the first) and reads its
/// header. Refuses files that are empty, have no rows after the header, are too large, or
/// are not spreadsheets.
pub fn open(path: &Path, sheet: Option<&str>) -> Result<Table, ImportError> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut file = File::open(path).map_err(|e| ImportError::unreadable(&name, e))?;
    let size = file.metadata().map_err(|e| ImportError::unreadable(&name, e))?.len();
    if size == 0 {
        return Err(ImportProblem::Empty { file: name }.into());
    }
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    (&mut file).take(SNIFF_BYTES as u64).read_to_end(&mut head).map_err(|e| ImportError::unreadable(&name, e))?;
    let workbook = head.starts_with(b"PK\x03\x04") || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    let table = if workbook {
        if size > MAX_WORKBOOK_BYTES {
            return Err(ImportProblem::TooLarge { file: name, limit: "200 MB".into(), unpacked: false }.into());
        }
        open_workbook(path, &name, head.starts_with(b"PK"), sheet)?
    } else {
        if size > MAX_CSV_BYTES {
            return Err(ImportProblem::TooLarge { file: name, limit: "2 GB".into(), unpacked: false }.into());
        }
        file.rewind().map_err(|e| ImportError::unreadable(&name, e))?;
        open_csv(file, &name, &head)?
    };
    Ok(table)
}

/// A workbook's sheets, in order; none for a CSV file (so a window can offer the others when
/// the first has nothing to import).
pub fn sheets(path: &Path) -> Result<Vec<String>, ImportError> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut magic = [0u8; 4];
    let read = File::open(path).and_then(|mut f| f.read(&mut magic)).map_err(|e| ImportError::unreadable(&name, e))?;
    let zipped = magic[..read] == *b"PK\x03\x04";
    if !zipped && magic[..read] != [0xD0, 0xCF, 0x11, 0xE0] {
        return Ok(Vec::new());
    }
    if zipped {
        check_zip(path, &name)?;
    }
    let workbook = calamine::open_workbook_auto(path)
        .map_err(|_| ImportError::from(ImportProblem::NotASpreadsheet { file: name.to_owned() }))?;
    Ok(workbook.sheet_names())
}

/// How a file was read (its `Display` is the English the CLI prints: "CSV, UTF-8, semicolon",
/// "XLSX, sheet Candidates"); the window words it in its language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export, rename = "ImportReadAs")]
pub enum ReadAs {
    /// `encoding` as the Encoding Standard names it ("UTF-8", "windows-1252").
    Csv { encoding: String, delimiter: Delimiter },
    /// A workbook (`workbook`: "XLSX", "XLS" or "ODS") and the sheet read.
    Sheet { workbook: String, sheet: String },
}

/// What separates a CSV file's cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "ImportDelimiter")]
pub enum Delimiter {
    Comma,
    Semicolon,
    Tab,
    Pipe,
}

impl std::fmt::Display for ReadAs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadAs::Csv { encoding, delimiter } => {
                let delimiter = match delimiter {
                    Delimiter::Comma => "comma",
                    Delimiter::Semicolon => "semicolon",
                    Delimiter::Tab => "tab",
                    Delimiter::Pipe => "pipe",
                };
                write!(f, "CSV, {encoding}, {delimiter}")
            }
            ReadAs::Sheet { workbook, sheet } => write!(f, "{workbook}, sheet {sheet}"),
        }
    }
}

/// A header name the file repeats, told apart as `name` in `column` (counted from 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("The header \"{header}\" appears more than once; column {column} is \"{name}\"")]
#[ts(export, rename = "ImportRepeatedHeader")]
pub struct RepeatedHeader {
    pub header: String,
    #[ts(type = "number")]
    pub column: u64,
    pub name: String,
}

/// The cells of a header row as column names.
fn column_names(cells: Vec<String>) -> (Vec<String>, Vec<RepeatedHeader>) {
    let mut names: Vec<String> = Vec::with_capacity(cells.len());
    let mut warnings = Vec::new();
    for (i, cell) in cells.into_iter().enumerate() {
        let cell = cell.trim().trim_start_matches('\u{feff}').to_owned();
        let base = if cell.is_empty() { format!("Column {}", i + 1) } else { cell };
        let mut name = base.clone();
        let mut n = 1;
        while names.iter().any(|seen| seen.eq_ignore_ascii_case(&name)) {
            n += 1;
            name = format!("{base} ({n})");
        }
        if n > 1 {
            warnings.push(RepeatedHeader { header: base.clone(), column: i as u64 + 1, name: name.clone() });
        }
        names.push(name);
    }
    (names, warnings)
}

fn sniff_encoding(head: &[u8]) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(head) {
        return encoding;
    }
    // A multi-byte character cut at the end of the sample is no evidence against UTF-8.
    match std::str::from_utf8(head) {
        Ok(_) => UTF_8,
        Err(e) if e.error_len().is_none() => UTF_8,
        Err(_) => WINDOWS_1252,
    }
}

/// The delimiter that splits the sample's first rows into the most columns, consistently.
fn sniff_delimiter(sample: &str) -> u8 {
    let score = |delimiter: u8| {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            .from_reader(sample.as_bytes());
        let counts: Vec<usize> = reader.records().take(20).filter_map(Result::ok).map(|r| r.len()).collect();
        let Some(&header) = counts.first() else { return 0 };
        let agreeing = counts.iter().filter(|&&c| c == header).count();
        if header < 2 { 0 } else { header * agreeing }
    };
    [b',', b';', b'\t', b'|'].into_iter().max_by_key(|d| (score(*d), *d == b',')).unwrap_or(b',')
}

fn open_csv(file: File, name: &str, head: &[u8]) -> Result<Table, ImportError> {
    let encoding = sniff_encoding(head);
    if encoding != UTF_16LE && encoding != UTF_16BE && head.contains(&0) {
        return Err(ImportError::from(ImportProblem::NotASpreadsheet { file: name.to_owned() }));
    }
    let (sample, _) = encoding.decode_with_bom_removal(head);
    let delimiter = sniff_delimiter(&sample);
    let decoded = encoding_rs_io::DecodeReaderBytesBuilder::new()
        .encoding(Some(encoding))
        .strip_bom(true)
        .build(BufReader::with_capacity(1 << 20, file));
    let mut records = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(decoded)
        .into_records();
    let file = name.to_owned();
    let header = records
        .next()
        .ok_or_else(|| ImportError::from(ImportProblem::Empty { file: file.clone() }))?
        .map_err(|e| ImportError::unreadable(&file, e))?;
    let (headers, warnings) = column_names(header.iter().map(str::to_owned).collect());
    let delimiter = match delimiter {
        b',' => Delimiter::Comma,
        b';' => Delimiter::Semicolon,
        b'\t' => Delimiter::Tab,
        _ => Delimiter::Pipe,
    };
    let rows = records.filter_map(move |record| match record {
        Ok(r) if r.iter().all(|c| c.trim().is_empty()) => None,
        Ok(r) => {
            let line = r.position().map_or(0, |p| p.line());
            Some(Ok(RawRow { line, cells: r.iter().map(str::to_owned).collect() }))
        }
        Err(e) => Some(Err(ImportError::unreadable(&file, e))),
    });
    let format = ReadAs::Csv { encoding: encoding.name().to_owned(), delimiter };
    finish(name, headers, warnings, format, Box::new(rows))
}

/// Checks there are rows after the header and bounds their number.
fn finish(
    name: &str,
    headers: Vec<String>,
    warnings: Vec<RepeatedHeader>,
    format: ReadAs,
    rows: Box<dyn Iterator<Item = Result<RawRow, ImportError>>>,
) -> Result<Table, ImportError> {
    let mut rows = rows.peekable();
    if rows.peek().is_none() {
        return Err(ImportProblem::HeaderOnly { file: name.to_owned() }.into());
    }
    let file = name.to_owned();
    let mut count = 0u64;
    let bounded = rows.map(move |row| {
        count += 1;
        if count > MAX_ROWS {
            return Err(ImportProblem::TooManyRows { file: file.clone(), limit: MAX_ROWS }.into());
        }
        row
    });
    Ok(Table { file: name.to_owned(), headers, warnings, format, rows: Box::new(bounded) })
}

/// Refuses a zip that would unpack to more than [`MAX_UNPACKED_BYTES`], or that holds no
/// spreadsheet.
fn check_zip(path: &Path, name: &str) -> Result<(), ImportError> {
    let file = File::open(path).map_err(|e| ImportError::unreadable(name, e))?;
    let not_a_spreadsheet = || ImportError::from(ImportProblem::NotASpreadsheet { file: name.to_owned() });
    let archive = zip::ZipArchive::new(BufReader::new(file)).map_err(|_| not_a_spreadsheet())?;
    let mut unpacked = 0u64;
    let mut spreadsheet = false;
    for i in 0..archive.len() {
        let Some(entry) = archive.name_for_index(i) else { continue };
        spreadsheet |= entry == "xl/workbook.xml" || entry == "content.xml" || entry == "xl/workbook.bin";
    }
    let mut archive = archive;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|e| ImportError::unreadable(name, e))?;
        unpacked = unpacked.saturating_add(entry.size());
    }
    if !spreadsheet {
        return Err(not_a_spreadsheet());
    }
    if unpacked > MAX_UNPACKED_BYTES {
        return Err(ImportProblem::TooLarge { file: name.to_owned(), limit: "1 GB".into(), unpacked: true }.into());
    }
    Ok(())
}

fn open_workbook(path: &Path, name: &str, zipped: bool, sheet: Option<&str>) -> Result<Table, ImportError> {
    if zipped {
        check_zip(path, name)?;
    }
    let mut workbook = calamine::open_workbook_auto(path)
        .map_err(|_| ImportError::from(ImportProblem::NotASpreadsheet { file: name.to_owned() }))?;
    let names = workbook.sheet_names();
    let chosen = match sheet {
        Some(wanted) => names.iter().find(|n| n.eq_ignore_ascii_case(wanted)).cloned().ok_or_else(|| {
            ImportError::from(ImportProblem::NoSuchSheet {
                file: name.to_owned(),
                sheet: wanted.to_owned(),
                sheets: names.clone(),
            })
        })?,
        None => {
            names.first().cloned().ok_or_else(|| ImportError::from(ImportProblem::Empty { file: name.to_owned() }))?
        }
    };
    let range = workbook.worksheet_range(&chosen).map_err(|e| ImportError::unreadable(name, e))?;
    let first_row = range.start().map_or(0, |(row, _)| u64::from(row));
    let mut rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| RawRow { line: first_row + i as u64 + 1, cells: cells.iter().map(cell_text).collect() })
        .filter(|row| row.cells.iter().any(|c| !c.trim().is_empty()))
        .collect::<Vec<_>>()
        .into_iter();
    let header = rows.next().ok_or_else(|| ImportError::from(ImportProblem::Empty { file: name.to_owned() }))?;
    let (headers, warnings) = column_names(header.cells);
    let kind = if zipped { path.extension().map(|e| e.to_string_lossy().to_uppercase()) } else { None };
    let format = ReadAs::Sheet { workbook: kind.unwrap_or_else(|| "XLS".into()), sheet: chosen };
    finish(name, headers, warnings, format, Box::new(rows.map(Ok)))
}

/// A cell as text: whole numbers without ".0", dates as YYYY-MM-DD (with the time when there
/// is one), an error cell (#N/A) as empty.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(at) if at.time() == chrono::NaiveTime::MIN => at.format("%Y-%m-%d").to_string(),
            Some(at) => at.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => d.as_f64().to_string(),
        },
        Data::Error(_) | Data::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_sniffed_with_quotes_respected() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter("a;b;c\n\"1,5\";2;3\n"), b';');
        assert_eq!(sniff_delimiter("a\tb\n1\t2\n"), b'\t');
        assert_eq!(sniff_delimiter("\"Souza; Ana\",x\n\"a;b;c\",y\n"), b',');
    }

    #[test]
    fn repeated_and_empty_headers_get_names_of_their_own() {
        let (names, warnings) = column_names(vec!["Email".into(), "".into(), "email".into()]);
        assert_eq!(names, ["Email", "Column 2", "email (2)"]);
        assert_eq!(warnings.len(), 1);
    }
}
