//! Reading files in the isolated child: real PDF, DOCX and text files give their text; a
//! child that hangs is stopped at the time limit, one that crashes is reported; corrupted
//! PDFs and DOCX files (a bounded fuzz run) never take the caller down or hang it.

use std::io::Write;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use talentdesk_resume::{Isolated, ResumeError};

fn reader() -> Isolated {
    Isolated::new(env!("CARGO_BIN_EXE_talentdesk-extract"), &[])
}

/// A one-page PDF with these lines in Helvetica (enough of a PDF writer for tests).
fn pdf(lines: &[&str]) -> Vec<u8> {
    pdf_with(lines, "")
}

/// The same, with more in its trailer (an /Encrypt entry, say).
fn pdf_with(lines: &[&str], trailer: &str) -> Vec<u8> {
    let mut content = String::from("BT /F1 12 Tf 72 720 Td 14 TL\n");
    for line in lines {
        let escaped = line.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
        content.push_str(&format!("({escaped}) Tj T*\n"));
    }
    content.push_str("ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_owned(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R {trailer}>>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
            .as_bytes(),
    );
    out
}

/// A DOCX with these paragraphs.
fn docx(paragraphs: &[&str]) -> Vec<u8> {
    let body: String = paragraphs.iter().map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>")).collect();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(b"<Types/>").unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(format!("<w:document><w:body>{body}</w:body></w:document>").as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn pdf_docx_and_text_files_give_their_text() {
    let text = reader().text_of(&pdf(&["Ana Souza", "Registered Nurse (ICU)"])).unwrap();
    assert!(text.contains("Ana Souza") && text.contains("Registered Nurse (ICU)"), "{text:?}");
    let text = reader().text_of(&docx(&["Bo Lindqvist", "Welder &amp; fitter"])).unwrap();
    assert_eq!(text.trim(), "Bo Lindqvist\nWelder & fitter");
    assert_eq!(reader().text_of("Chen Wei\nData Engineer".as_bytes()).unwrap(), "Chen Wei\nData Engineer");
}

#[test]
fn protected_and_scanned_pdfs_say_what_they_are() {
    let protected = reader().text_of(&pdf_with(&["Ana Souza"], "/Encrypt 9 0 R ")).unwrap_err();
    assert_eq!(protected, ResumeError::Protected);
    assert!(protected.to_string().contains("protected with a password"), "{protected}");
    // A scan: a page with no text on it.
    let scan = reader().text_of(&pdf(&[])).unwrap_err();
    assert!(scan.to_string().contains("probably a scan"), "{scan}");
}

#[test]
fn files_that_are_no_resume_say_so() {
    let err = reader().text_of(&[0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap_err();
    assert!(matches!(err, ResumeError::Unsupported(_)), "{err:?}");
    assert!(err.to_string().contains("use a PDF, a Word (.docx) or a text file"), "{err}");
    let damaged = reader().text_of(b"%PDF-1.4\n1 0 obj << /Type /Catalog").unwrap_err();
    assert!(matches!(damaged, ResumeError::Damaged(_)), "{damaged:?}");
}

#[test]
fn a_hanging_reader_is_stopped_at_the_limit_and_a_crashing_one_is_reported() {
    let started = Instant::now();
    let hang = Isolated::new("sleep", &["30"]).with_limit(Duration::from_millis(300)).text_of(b"x").unwrap_err();
    assert_eq!(hang, ResumeError::TimedOut(1));
    assert!(started.elapsed() < Duration::from_secs(5), "stopped, not waited for");
    let crash = Isolated::new("sh", &["-c", "kill -SEGV $$"]).text_of(b"x").unwrap_err();
    assert!(matches!(crash, ResumeError::Damaged(_)), "{crash:?}");
    let missing = Isolated::new("/nonexistent/reader", &[]).text_of(b"x").unwrap_err();
    assert!(missing.to_string().contains("cannot start the reader"), "{missing}");
}

/// A file with some bytes changed, cut short, or both.
fn corrupted(original: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let len = original.len();
    (proptest::collection::vec((0..len, any::<u8>()), 1..24), 1..=len).prop_map(move |(edits, keep)| {
        let mut bytes = original.clone();
        for (at, byte) in edits {
            bytes[at] = byte;
        }
        bytes.truncate(keep);
        bytes
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn corrupted_pdfs_never_crash_or_hang_the_caller(bytes in corrupted(pdf(&["Ana Souza", "Nurse", "2019 - 2021"]))) {
        let started = Instant::now();
        let result = reader().with_limit(Duration::from_secs(5)).text_of(&bytes);
        prop_assert!(started.elapsed() < Duration::from_secs(8));
        if let Err(e) = result {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn corrupted_docx_files_never_crash_or_hang_the_caller(bytes in corrupted(docx(&["Bo Lindqvist", "Welder"]))) {
        let started = Instant::now();
        let result = reader().with_limit(Duration::from_secs(5)).text_of(&bytes);
        prop_assert!(started.elapsed() < Duration::from_secs(8));
        if let Err(e) = result {
            prop_assert!(!e.to_string().is_empty());
        }
    }
}
