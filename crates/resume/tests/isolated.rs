//! Reading files in the isolated child: real PDF, DOCX and text files give their text; a
//! child that hangs is stopped at the time limit, one that crashes is reported; hostile files
//! (zip bombs, a DOCX of hundreds of headers, a PDF stream that inflates to gigabytes) are
//! refused with the limit they break while memory stays bounded; corrupted PDFs and DOCX files
//! (a bounded fuzz run) never take the caller down or hang it.

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
    pdf_of(format!("<< /Length {} >>", content.len()), content.as_bytes(), trailer)
}

/// A one-page PDF whose page content is this stream, with this dictionary.
fn pdf_of(dictionary: String, stream: &[u8], trailer: &str) -> Vec<u8> {
    let mut content = format!("{dictionary}\nstream\n").into_bytes();
    content.extend_from_slice(stream);
    content.extend_from_slice(b"\nendstream");
    let objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
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

#[test]
fn the_reader_sees_none_of_this_processs_settings() {
    // Any variable of this process but PATH (a server keeps its database URL and secrets in
    // such): a reader that finds it crashes (Damaged); one that does not waits for the limit.
    let (name, _) = std::env::vars()
        .find(|(k, v)| k != "PATH" && !v.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .expect("this test runs with some variable set besides PATH");
    let probe = format!("test -n \"${{{name}}}\" && kill -SEGV $$; sleep 30");
    let seen = Isolated::new("sh", &["-c", &probe]).with_limit(Duration::from_millis(500)).text_of(b"x").unwrap_err();
    assert_eq!(seen, ResumeError::TimedOut(1), "the reader saw {name}");
}

/// A raw deflate stream that inflates to `mib` MiB of zeros, made in moments: one MiB
/// compressed with a full flush (so it refers to nothing before it), repeated, then an empty
/// final block.
fn deflated_zeros(mib: usize) -> Vec<u8> {
    let mut compress = flate2::Compress::new(flate2::Compression::best(), false);
    let mut chunk = Vec::with_capacity(64 << 10);
    compress.compress_vec(&vec![0; 1 << 20], &mut chunk, flate2::FlushCompress::Full).unwrap();
    assert_eq!(compress.total_in(), 1 << 20);
    let mut stream = chunk.repeat(mib);
    stream.extend_from_slice(&[0x03, 0x00]);
    stream
}

/// A zip of deflated entries, each declaring the size it inflates to (truthfully or not), put
/// together by hand: the zip crate's writer would have to compress a bomb byte by byte.
fn zip_of(entries: &[(&str, Vec<u8>, u32)]) -> Vec<u8> {
    let (mut out, mut directory) = (Vec::new(), Vec::new());
    for (name, deflated, declared) in entries {
        // version 2.0, no flags, deflate, 1980-01-01 00:00, no CRC (nothing is read to its end)
        let common = |to: &mut Vec<u8>| {
            for half in [20u16, 0, 8, 0, 0x21] {
                to.extend_from_slice(&half.to_le_bytes());
            }
            for word in [0, deflated.len() as u32, *declared] {
                to.extend_from_slice(&word.to_le_bytes());
            }
            to.extend_from_slice(&(name.len() as u16).to_le_bytes());
            to.extend_from_slice(&0u16.to_le_bytes());
        };
        directory.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        directory.extend_from_slice(&20u16.to_le_bytes());
        common(&mut directory);
        directory.extend_from_slice(&[0; 10]); // comment, disk, attributes
        directory.extend_from_slice(&(out.len() as u32).to_le_bytes());
        directory.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        common(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(deflated);
    }
    let at = out.len() as u32;
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(directory.len() as u32).to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    let mut zip = out;
    zip.splice(at as usize..at as usize, directory);
    zip
}

/// The largest resident size any child of this process reached, and this process's own (MB).
fn peak_memory_mb() -> (i64, i64) {
    use nix::sys::resource::{UsageWho, getrusage};
    let mb = |who| getrusage(who).unwrap().max_rss() / 1024;
    (mb(UsageWho::RUSAGE_CHILDREN), mb(UsageWho::RUSAGE_SELF))
}

fn too_large(result: Result<String, ResumeError>) -> String {
    match result {
        Err(ResumeError::TooLarge(why)) => why,
        other => panic!("not refused as too large: {other:?}"),
    }
}

#[test]
fn a_docx_of_too_many_parts_or_a_zip_bomb_is_refused_before_it_is_inflated() {
    let header = b"<w:hdr><w:p><w:r><w:t>Ana Souza</w:t></w:r></w:p></w:hdr>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(b"<w:document/>").unwrap();
    for i in 0..500 {
        zip.start_file(format!("word/header{i}.xml"), options).unwrap();
        zip.write_all(header).unwrap();
    }
    let many = zip.finish().unwrap().into_inner();
    let why = too_large(reader().text_of(&many));
    assert_eq!(why, "the DOCX has more than 100 header, footer and body parts");

    // The sizes a zip declares are believed before anything is inflated: these parts' data is
    // not even deflate, so inflating any of it would have found the file damaged instead.
    let not_deflate = vec![0xFF; 64];
    let declared = |parts: &[(&str, u32)]| {
        let entries: Vec<_> = parts.iter().map(|(name, size)| (*name, not_deflate.clone(), *size)).collect();
        reader().text_of(&zip_of(&entries))
    };
    let err = declared(&[("word/document.xml", 10_000), ("word/header1.xml", 2_000_000_000)]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the file is too large to read as a resume: a part of the DOCX inflates to more than 16 MB"
    );
    let each_under_the_limit =
        [("word/document.xml", 12 << 20), ("word/footer1.xml", 12 << 20), ("word/footer2.xml", 12 << 20)];
    assert_eq!(too_large(declared(&each_under_the_limit)), "the DOCX's text parts inflate to more than 32 MB together");

    // A bomb that declares 1 KB and inflates to 2 GB is inflated only up to the limit.
    let started = Instant::now();
    let lying = zip_of(&[("word/document.xml", deflated_zeros(2047), 1024)]);
    assert_eq!(too_large(reader().text_of(&lying)), "a part of the DOCX inflates to more than 16 MB");
    assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
}

#[test]
fn a_pdf_whose_stream_inflates_to_gigabytes_stops_the_reader_at_its_memory_cap() {
    // 3 GB of zeros in 3 MB: lopdf inflates a page's content whole.
    let mut zlib = vec![0x78, 0xDA];
    zlib.extend_from_slice(&deflated_zeros(3 << 10));
    let length: u64 = 3 << 30;
    zlib.extend_from_slice(&((((length % 65521) as u32) << 16) | 1).to_be_bytes());
    let bomb = pdf_of(format!("<< /Length {} /Filter /FlateDecode >>", zlib.len()), &zlib, "");
    let started = Instant::now();
    // Inflating the first GB takes seconds in a debug build; the time limit is not under test.
    let err = reader().with_limit(Duration::from_secs(60)).text_of(&bomb).unwrap_err();
    println!("{err:?} after {:?}, peak {:?}", started.elapsed(), peak_memory_mb());
    assert_eq!(
        err.to_string(),
        "the file is too large to read as a resume: reading it needed more than 1024 MB of memory"
    );
    let (child, parent) = peak_memory_mb();
    assert!(child < 1200, "the reader took {child} MB");
    assert!(parent < 400, "the caller took {parent} MB");
}

#[test]
fn a_file_or_a_text_past_its_limit_is_refused() {
    let long = "Ana Souza, Registered Nurse\n".repeat((4 << 20) / 28 + 1);
    assert_eq!(too_large(reader().text_of(long.as_bytes())), "the resume's text is larger than 4 MB");
    let huge = vec![b'a'; (25 << 20) + 1];
    assert_eq!(too_large(reader().text_of(&huge)), "the file is larger than 25 MB");
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
