//! Reading real-shaped exports (the column layouts iCIMS, Greenhouse, Lever and Workable
//! publish) in several encodings, delimiters and as XLSX, with messy values; and every kind of
//! bad file, each refused with a message that names the problem.

mod common;

use common::{Encoding, fixture, write_csv, write_xlsx};
use talentdesk_import::mapping::{self, Target};
use talentdesk_import::read::{self, RawRow, ReadAs, RepeatedHeader};
use talentdesk_import::{ImportError, ImportProblem, Table};

fn open(path: &std::path::Path) -> Table {
    read::open(path, None).unwrap()
}

fn rows(table: Table) -> Vec<RawRow> {
    table.map(Result::unwrap).collect()
}

/// The target guessed for each header.
fn guessed(table: &Table) -> Vec<(String, Target)> {
    mapping::guess(&table.headers, &[]).columns.into_iter().map(|c| (c.column, c.target)).collect()
}

fn target_of(guess: &[(String, Target)], header: &str) -> Target {
    guess.iter().find(|(h, _)| h == header).unwrap().1.clone()
}

#[test]
fn icims_csv_in_utf8_with_bom_and_a_multi_line_note() {
    let f = fixture();
    let path = f.path("icims.csv");
    let rows_in = vec![
        vec![
            "Person Full Name: First",
            "Person Full Name: Last",
            "Email",
            "Phone Numbers: Number",
            "Address: City",
            "Address: State/Province",
            "Address: Country",
            "Current Company",
            "Current Job Title",
            "Source",
            "Created Date",
            "Notes",
        ],
        vec![
            "José",
            "García",
            " Jose.Garcia@Example.com ",
            "(415) 555-0132",
            "San Francisco",
            "CA",
            "US",
            "Acme",
            "Engineer",
            "Referral",
            "03/05/2024",
            "Met at the fair.\nStrong in Rust, \"very\" keen.",
        ],
    ];
    write_csv(&path, &rows_in, b',', Encoding::Utf8Bom);
    let table = open(&path);
    assert_eq!(table.format.to_string(), "CSV, UTF-8, comma");
    assert_eq!(table.headers[0], "Person Full Name: First", "the BOM is not part of the first header");
    let g = guessed(&table);
    assert_eq!(target_of(&g, "Person Full Name: First"), Target::FirstName);
    assert_eq!(target_of(&g, "Phone Numbers: Number"), Target::Phone);
    assert_eq!(target_of(&g, "Address: State/Province"), Target::Region);
    assert_eq!(target_of(&g, "Current Company"), Target::CurrentEmployer);
    assert_eq!(target_of(&g, "Notes"), Target::Note);
    let rows = rows(table);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].line, 2);
    assert_eq!(rows[0].cells[11], "Met at the fair.\nStrong in Rust, \"very\" keen.");
}

#[test]
fn greenhouse_csv_in_utf16_with_tabs_and_names_in_many_scripts() {
    let f = fixture();
    let path = f.path("greenhouse.csv");
    let rows_in = vec![
        vec!["First Name", "Last Name", "Company", "Title", "Email", "Phone", "Source", "Tags", "Created"],
        vec![
            "Zoë",
            "Ørsted",
            "Globex",
            "Designer",
            "zoe@example.dk",
            "+45 12 34 56 78",
            "LinkedIn",
            "python",
            "2024-01-02",
        ],
        vec!["美咲", "佐藤", "", "", "misaki@例子.jp", "", "", "", ""],
        vec!["Αλέξης", "Παπαδόπουλος", "", "", "alexis@example.gr", "", "", "", ""],
    ];
    write_csv(&path, &rows_in, b'\t', Encoding::Utf16LeBom);
    let table = open(&path);
    assert_eq!(table.format.to_string(), "CSV, UTF-16LE, tab");
    let g = guessed(&table);
    assert_eq!(target_of(&g, "Company"), Target::CurrentEmployer);
    assert_eq!(target_of(&g, "Tags"), Target::Tags { separator: ",".into() });
    let rows = rows(table);
    assert_eq!(rows[1].cells[0], "美咲");
    assert_eq!(rows[2].cells[1], "Παπαδόπουλος");
}

#[test]
fn lever_csv_in_windows_1252_with_semicolons() {
    let f = fixture();
    let path = f.path("lever.csv");
    let rows_in = vec![
        vec!["Name", "Email", "Phone", "Location", "Current Company", "Current Title", "Tags", "Links"],
        vec![
            "Renée Müller",
            "renee@example.de, r.mueller@example.com",
            "030 1234567",
            "Berlin, DE",
            "Müller & Söhne",
            "Entwicklerin",
            "python;rust",
            "https://linkedin.com/in/renee",
        ],
    ];
    write_csv(&path, &rows_in, b';', Encoding::Windows1252);
    let table = open(&path);
    assert_eq!(table.format.to_string(), "CSV, windows-1252, semicolon");
    assert_eq!(target_of(&guessed(&table), "Name"), Target::FullName);
    let rows = rows(table);
    assert_eq!(rows[0].cells[0], "Renée Müller");
    assert_eq!(rows[0].cells[4], "Müller & Söhne");
}

#[test]
fn workable_xlsx_on_a_chosen_sheet_with_dates_and_numbers() {
    let f = fixture();
    let path = f.path("workable.xlsx");
    let rows_in = vec![
        vec!["Name", "Headline", "Email", "Phone", "Address", "Tags", "Created Date", "Years"],
        vec![
            "Ana Souza",
            "Data Engineer",
            "ana@example.pt",
            "+351 912 345 678",
            "Lisbon, PT",
            "python",
            "date:2024-03-05",
            "num:7",
        ],
    ];
    write_xlsx(&path, "Candidates", &rows_in, true);

    let first = read::open(&path, None);
    assert!(
        matches!(first, Err(ImportError::Problem(ImportProblem::HeaderOnly { .. }))),
        "the first sheet is a summary with no rows: {:?}",
        first.err()
    );
    assert_eq!(read::sheets(&path).unwrap(), ["Summary", "Candidates"], "the sheets to choose from");
    let table = read::open(&path, Some("candidates")).unwrap();
    assert_eq!(table.format.to_string(), "XLSX, sheet Candidates");
    assert_eq!(
        table.format,
        ReadAs::Sheet { workbook: "XLSX".into(), sheet: "Candidates".into() },
        "as the window gets it"
    );
    assert_eq!(target_of(&guessed(&table), "Headline"), Target::CurrentTitle);
    let rows = rows(table);
    assert_eq!(rows[0].line, 2);
    assert_eq!(rows[0].cells[6], "2024-03-05");
    assert_eq!(rows[0].cells[7], "7");

    let missing = read::open(&path, Some("People")).err().unwrap().to_string();
    assert_eq!(missing, "workable.xlsx: has no sheet named \"People\" (its sheets: Summary, Candidates)");
}

#[test]
fn bad_files_are_refused_with_the_problem_named() {
    let f = fixture();
    let err = |name: &str, bytes: &[u8]| {
        let path = f.path(name);
        std::fs::write(&path, bytes).unwrap();
        read::open(&path, None).err().map(|e| e.to_string())
    };
    assert_eq!(err("empty.csv", b"").unwrap(), "empty.csv: is empty");
    assert_eq!(
        err("header.csv", b"First Name,Last Name\n").unwrap(),
        "header.csv: has a header row but no rows to import"
    );
    assert_eq!(
        err("blank-rows.csv", b"First Name,Last Name\n,\n\n").unwrap(),
        "blank-rows.csv: has a header row but no rows to import"
    );
    let png = [&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D][..], b"IHDR"].concat();
    assert_eq!(err("photo.csv", &png).unwrap(), "photo.csv: is not a spreadsheet (CSV, XLSX, XLS or ODS)");
    assert_eq!(
        err("fake.xlsx", b"PK\x03\x04 not really a zip").unwrap(),
        "fake.xlsx: is not a spreadsheet (CSV, XLSX, XLS or ODS)"
    );
}

/// Past 2 GB a CSV is refused before it is read (a sparse file: no disk is used).
#[test]
fn a_csv_over_the_limit_is_refused_with_the_limit_named() {
    let f = fixture();
    let path = f.path("huge.csv");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(read::MAX_CSV_BYTES + 1).unwrap();
    let err = read::open(&path, None).err().unwrap().to_string();
    assert_eq!(err, "huge.csv: is larger than 2 GB and cannot be imported; split it into smaller files");
}

/// A zip bomb: a small XLSX whose sheet declares that it unpacks to about 4 GB. It is refused
/// from the zip's directory, before anything is unpacked.
#[test]
fn a_zip_bomb_as_xlsx_is_refused_unopened() {
    let f = fixture();
    let path = f.path("bomb.xlsx");
    write_xlsx(&path, "Sheet1", &[vec!["Name"], vec!["Ana Souza"]], false);
    let mut bytes = std::fs::read(&path).unwrap();
    let sheet = b"xl/worksheets/sheet1.xml";
    let at = (0..bytes.len() - 46)
        .find(|&i| bytes[i..].starts_with(b"PK\x01\x02") && bytes[i + 46..].starts_with(sheet))
        .expect("the sheet's central directory entry");
    bytes[at + 24..at + 28].copy_from_slice(&0xF000_0000u32.to_le_bytes());
    std::fs::write(&path, bytes).unwrap();
    let err = read::open(&path, None).err().unwrap().to_string();
    assert_eq!(err, "bomb.xlsx: is larger than 1 GB unpacked and cannot be imported; split it into smaller files");
}

#[test]
fn repeated_headers_are_told_apart_and_reported() {
    let f = fixture();
    let path = f.path("twice.csv");
    write_csv(
        &path,
        &[vec!["Email", "Name", "Email"], vec!["a@example.com", "Ana Souza", "b@example.com"]],
        b',',
        Encoding::Utf8,
    );
    let table = open(&path);
    assert_eq!(table.headers, ["Email", "Name", "Email (2)"]);
    let said: Vec<String> = table.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(said, ["The header \"Email\" appears more than once; column 3 is \"Email (2)\""]);
    assert_eq!(table.warnings[0], RepeatedHeader { header: "Email".into(), column: 3, name: "Email (2)".into() });
    let g = guessed(&table);
    assert_eq!(target_of(&g, "Email"), Target::Email);
    assert_eq!(target_of(&g, "Email (2)"), Target::Ignore, "one column per field");
}

/// A large file is read as a stream: rows come one by one, and the first arrives before the
/// rest of the file is read.
#[test]
fn a_large_csv_is_streamed() {
    let f = fixture();
    let path = f.path("big.csv");
    let mut text = String::from("First Name,Last Name,Email\n");
    for i in 0..200_000 {
        text.push_str(&format!("Ana,Souza {i},ana{i}@example.com\n"));
    }
    std::fs::write(&path, text).unwrap();
    let mut table = open(&path);
    assert_eq!(table.next().unwrap().unwrap().cells[2], "ana0@example.com");
    assert_eq!(table.count(), 199_999);
}
