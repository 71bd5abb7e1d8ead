//! Badge PDFs as a reader, a printer and a scanner see them, through poppler (pdftotext,
//! pdfinfo, pdffonts, pdftoppm): every name is there in its own script, the pages follow the
//! paper, the fonts are embedded, and every QR code on a printed page scans as its person's code.

use std::path::Path;
use std::process::Command;

use talentdesk_badges::{Badge, BadgeError, Fonts, PaperSize, Sheet, render_badges, render_badges_with};

const EVENT: &str = "Career Fair · Lisboa 2026";

fn badge(name: &str, affiliation: &str, code: &str) -> Badge {
    Badge { name: name.into(), affiliation: affiliation.into(), code: code.into() }
}

fn people() -> Vec<Badge> {
    vec![
        badge("Zoë Ñúñez-Łukasiewicz", "Universidade de São Paulo", "K7QX-M2PA"),
        badge("Nguyễn Thị Minh Khai", "Đại học Bách khoa Hà Nội", "B3RT-N8WK"),
        badge("Анна Кузнецова", "МГУ имени М. В. Ломоносова", "H5JD-C9VE"),
        badge("محمد عبد الله", "جامعة القاهرة", "P2MZ-F4GA"),
        badge("王小明", "清华大学", "T8WN-R3KX"),
        badge("Αλέξανδρος Παπαδόπουλος", "Εθνικό Μετσόβιο Πολυτεχνείο", "D6QS-Y7HB"),
        badge("Maria Fernanda Rodrigues de Albuquerque Cavalcanti", "Acme Corporation", "M4EV-K2TJ"),
        badge("Søren Kierkegaard", "", "W9CF-A5NR"),
        badge("Ana Souza", "Globex", "G1HP-X6DM"),
    ]
}

/// Runs a poppler tool on `pdf` and returns what it printed.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[][..] })
        .output()
        .unwrap_or_else(|e| panic!("{tool} (install poppler-utils; scripts/prerequisites.sh does): {e}"));
    assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn write(dir: &Path, name: &str, pdf: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, pdf).unwrap();
    path
}

/// The text with its whitespace made single spaces, and without the direction marks poppler
/// puts around right-to-left runs (U+202A..U+202E).
fn words(text: &str) -> String {
    let unmarked: String = text.chars().filter(|c| !('\u{202A}'..='\u{202E}').contains(c)).collect();
    unmarked.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_name_prints_in_its_own_script_with_its_code() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(dir.path(), "badges.pdf", &render_badges(EVENT, &people(), PaperSize::A4).unwrap());

    let text = words(&poppler("pdftotext", &[], &pdf));
    for person in people() {
        assert!(text.contains(&person.name), "{} is not in the PDF's text:\n{text}", person.name);
        assert!(text.contains(&person.affiliation), "{} is not in the PDF's text", person.affiliation);
        assert!(text.contains(&person.code), "{} is not printed", person.code);
    }
    assert_eq!(text.matches(EVENT).count(), people().len(), "every badge names the event");

    let fonts = poppler("pdffonts", &[], &pdf);
    for font in ["DejaVuSans-Bold", "DejaVuSans", "DroidSansFallback"] {
        let line =
            fonts.lines().find(|l| l.contains(&format!("+{font} "))).unwrap_or_else(|| panic!("{font}:\n{fonts}"));
        assert!(line.contains(" yes yes "), "{font} is embedded as a subset: {line}");
    }
}

#[test]
fn pages_follow_the_paper() {
    let dir = tempfile::tempdir().unwrap();
    let seven = &people()[..7];
    let a4 = write(dir.path(), "a4.pdf", &render_badges(EVENT, seven, PaperSize::A4).unwrap());
    let letter = write(dir.path(), "letter.pdf", &render_badges(EVENT, seven, PaperSize::Letter).unwrap());
    let info = |pdf: &Path, field: &str| {
        poppler("pdfinfo", &[], pdf).lines().find_map(|l| l.strip_prefix(field)).unwrap().trim().to_owned()
    };
    assert_eq!(info(&a4, "Pages:"), "1", "eight badges to an A4 page");
    assert!(info(&a4, "Page size:").ends_with("(A4)"), "{}", info(&a4, "Page size:"));
    assert_eq!(info(&letter, "Pages:"), "2", "six badges to a Letter page");
    assert!(info(&letter, "Page size:").starts_with("612 x 792 pts"), "{}", info(&letter, "Page size:"));
    assert_eq!(info(&a4, "Title:"), format!("Badges: {EVENT}"));
    assert_eq!(PaperSize::A4.badges_per_page(), 8);
    assert_eq!(PaperSize::Letter.badges_per_page(), 6);
}

/// A page printed at 150 dpi, in grey levels.
struct Printed {
    width: usize,
    pixels: Vec<u8>,
}

const DPI: f32 = 150.0;

fn print_page(pdf: &Path, page: usize) -> Printed {
    let page = page.to_string();
    let out = Command::new("pdftoppm")
        .args(["-gray", "-r", &DPI.to_string(), "-f", &page, "-l", &page])
        .arg(pdf)
        .output()
        .expect("pdftoppm (poppler-utils)");
    assert!(out.status.success());
    // A binary PGM: "P5", width, height, maximum, one whitespace, then a byte per pixel.
    let header: Vec<String> = out.stdout[..32]
        .split(u8::is_ascii_whitespace)
        .take(3)
        .map(|t| String::from_utf8_lossy(t).into_owned())
        .collect();
    assert_eq!(header[0], "P5");
    let (width, height): (usize, usize) = (header[1].parse().unwrap(), header[2].parse().unwrap());
    Printed { width, pixels: out.stdout[out.stdout.len() - width * height..].to_vec() }
}

/// What a scanner reads from each badge of a printed page, cut out along its cut lines (a
/// handheld scanner sees one badge at a time).
fn scan_badges(page: &Printed, sheet: &Sheet, count: usize) -> Vec<Vec<String>> {
    let px = |points: f32| (points * DPI / 72.0).round() as usize;
    let height = page.pixels.len() / page.width;
    (0..count)
        .map(|nth| {
            let (x, y) = sheet.origin(nth);
            let (left, top) = (px(x), height - px(y + sheet.badge.1));
            let (w, h) = (px(sheet.badge.0), px(sheet.badge.1));
            let mut badge = rqrr::PreparedImage::prepare_from_greyscale(w, h, |bx, by| {
                page.pixels[(top + by) * page.width + left + bx]
            });
            badge.detect_grids().iter().map(|grid| grid.decode().expect("a code found reads").1).collect()
        })
        .collect()
}

#[test]
fn every_badge_cut_out_scans_as_its_persons_code() {
    let dir = tempfile::tempdir().unwrap();
    let people = people();
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let pdf = write(dir.path(), "badges.pdf", &render_badges(EVENT, &people, paper).unwrap());
        let sheet = paper.sheet();
        let per_page = sheet.columns * sheet.rows;
        for (n, on_page) in people.chunks(per_page).enumerate() {
            let scanned = scan_badges(&print_page(&pdf, n + 1), &sheet, on_page.len());
            let expected: Vec<Vec<String>> = on_page.iter().map(|p| vec![format!("TD:{}", p.code)]).collect();
            assert_eq!(scanned, expected, "{paper:?} page {}", n + 1);
        }
    }
}

#[test]
fn a_name_no_font_has_and_an_empty_list_are_refused_clearly() {
    let dejavu = Fonts::from_files(&["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf".into()]).unwrap();
    let error = render_badges_with(&dejavu, EVENT, &people(), PaperSize::A4).unwrap_err();
    assert!(matches!(&error, BadgeError::MissingGlyphs { text, .. } if text == "王小明"), "{error}");
    assert!(error.to_string().contains("fonts-droid-fallback"), "{error}");
    assert!(matches!(render_badges(EVENT, &[], PaperSize::A4), Err(BadgeError::Empty)));
}

#[test]
fn a_badge_names_the_employer_or_else_the_school() {
    let working = Badge::for_person(" Ana Souza ", "Globex", "Universidade do Porto", "K7QX-M2PA");
    assert_eq!(working, badge("Ana Souza", "Globex", "K7QX-M2PA"));
    let studying = Badge::for_person("Ana Souza", " ", "Universidade do Porto", "K7QX-M2PA");
    assert_eq!(studying.affiliation, "Universidade do Porto");
}
