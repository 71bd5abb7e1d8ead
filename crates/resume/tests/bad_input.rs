//! The bad-input resumes of issue 25 (tests/resumes/bad, README there): each read by the
//! isolated reader and parsed gives the best honest result, with low confidence where the
//! parse is in doubt, and never a crash.

use talentdesk_resume::parse::Confidence;
use talentdesk_resume::{Isolated, ParsedResume, ResumeError};

fn read(file: &str) -> Result<(String, ParsedResume), ResumeError> {
    let path = format!("{}/../../tests/resumes/bad/files/{file}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let reader = Isolated::new(env!("CARGO_BIN_EXE_talentdesk-extract"), &[]);
    talentdesk_resume::parse_file(&reader, &bytes)
}

fn jobs(p: &ParsedResume) -> Vec<(&str, &str)> {
    p.employment.iter().map(|j| (j.title.as_str(), j.employer.as_str())).collect()
}

#[test]
fn a_scanned_resume_says_plainly_that_it_has_no_text() {
    let err = read("scanned.pdf").unwrap_err();
    assert!(matches!(&err, ResumeError::Unsupported(m) if m.contains("without text")), "{err:?}");
    assert!(err.to_string().contains("probably a scan"), "{err}");
}

#[test]
fn a_name_only_in_the_pdfs_metadata_is_read_from_there_for_the_recruiter_to_check() {
    let (text, p) = read("name-in-metadata.pdf").unwrap();
    // Not made up from a heading ("Experiencia Profesional"): the document's title says it.
    assert!(!text.contains("Tomás Herrera"), "the page itself does not name him");
    assert_eq!(p.name.as_deref(), Some("Tomás Herrera Vidal"));
    assert_eq!(p.confidence.name, Confidence::Low);
    assert_eq!(p.email.as_deref(), Some("tomas.herrera@example.es"));
    assert_eq!(jobs(&p).len(), 2, "{:?}", p.employment);
}

#[test]
fn a_thirty_page_cv_is_read_whole_and_its_publications_are_no_jobs() {
    let (text, p) = read("long-cv.pdf").unwrap();
    assert!(text.contains("invited talk, "), "the last pages are read too");
    assert_eq!(p.name.as_deref(), Some("Katharina Weber"));
    assert_eq!(p.confidence.name, Confidence::High);
    assert_eq!(
        jobs(&p),
        [
            ("Professor of Agronomy", "Martin Luther University Halle-Wittenberg"),
            ("Senior Researcher", "Leibniz Centre for Agricultural Landscape Research"),
            ("Postdoctoral Fellow", "Wageningen University"),
        ]
    );
    assert_eq!(p.skills, ["Field trial design", "Crop modelling", "R", "Remote sensing", "Soil sampling"]);
}

#[test]
fn a_cover_letter_gives_its_writer_and_no_history() {
    let (_, p) = read("cover-letter.pdf").unwrap();
    assert_eq!(p.name.as_deref(), Some("Owen Pritchard"));
    assert_eq!(p.email.as_deref(), Some("owen.pritchard@example.co.uk"));
    assert!(p.employment.is_empty() && p.education.is_empty(), "{p:?}");
    assert_eq!((p.confidence.employment, p.confidence.education), (Confidence::Low, Confidence::Low));
    // "I am writing to apply" is no Identity and Access Management (IAM).
    assert_eq!(p.skills, ["Safeguarding"]);
    assert_eq!(p.confidence.skills, Confidence::Medium, "picked out of prose");
}

#[test]
fn two_resumes_in_one_pdf_give_the_first_and_ask_who_it_is() {
    let (text, p) = read("two-resumes.pdf").unwrap();
    assert!(text.contains("Marek Dvořák"), "the second stays in the text, searchable");
    assert_eq!(p.name.as_deref(), Some("Hannah Okafor"));
    assert_eq!(p.email.as_deref(), Some("hannah.okafor@example.co.uk"));
    assert_eq!((p.confidence.name, p.confidence.email), (Confidence::Low, Confidence::Low));
    assert_eq!(
        jobs(&p),
        [("Year 4 Class Teacher", "Kirkstall Primary School"), ("Teaching Assistant", "Armley Park Academy")]
    );
    assert_eq!(p.skills, ["Lesson planning", "Phonics", "Behaviour management", "SEN support"]);
}

#[test]
fn right_to_left_text_reads_in_its_own_order() {
    let (text, p) = read("rtl-arabic.pdf").unwrap();
    assert!(text.contains("الجامعة الأردنية"), "searchable as written: {text}");
    assert_eq!(p.name.as_deref(), Some("ليلى حداد"));
    assert_eq!(p.email.as_deref(), Some("laila.haddad@example.jo"));
    assert_eq!(p.phone.as_deref(), Some("+962 6 555 0193"));
    // Arabic section headings are not in the headings table yet: what was not read is low.
    assert!(p.skills.contains(&"SAP".to_owned()), "{:?}", p.skills);
    assert_eq!(p.confidence.employment, Confidence::Low);
}

#[test]
fn a_docx_with_tracked_changes_and_comments_reads_as_accepted_without_comments() {
    let (text, p) = read("tracked-changes.docx").unwrap();
    for gone in ["Trainee Baker", "Cake decorating", "Recruiter note"] {
        assert!(!text.contains(gone), "{gone:?} in {text}");
    }
    assert_eq!(p.name.as_deref(), Some("Sofie Brandt"));
    assert_eq!(jobs(&p), [("Head Pastry Chef", "Hotel Marselisborg"), ("Pastry Chef", "Restaurant Havnehuset")]);
    assert_eq!(p.skills, ["Laminated doughs", "Chocolate tempering", "HACCP", "Menu costing"]);
}

#[test]
fn a_resume_in_several_languages_is_read_section_by_section() {
    // A Swiss CV: headings in German, English, French and Italian, entries in French and German.
    let (_, p) = read("mixed-languages.pdf").unwrap();
    assert_eq!(p.name.as_deref(), Some("Luca Brunner"));
    assert_eq!(p.email.as_deref(), Some("luca.brunner@example.ch"));
    assert_eq!(p.phone.as_deref(), Some("+41 79 412 55 83"));
    assert_eq!(
        jobs(&p),
        [("Logisticien", "Transports Jura-Seeland SA"), ("Lagermitarbeiter", "Migros-Verteilbetrieb Neuendorf AG")]
    );
    assert_eq!(p.education.iter().map(|e| e.school.as_str()).collect::<Vec<_>>(), ["Berufsfachschule Biel"]);
    assert_eq!(p.skills, ["Staplerfahren", "Kommissionierung", "SAP MM", "Inventory control", "Gestion des stocks"]);
    let languages: Vec<&str> = p.languages.iter().map(|l| l.language.as_str()).collect();
    assert_eq!(languages, ["Deutsch", "Français", "English", "Italiano"]);
    assert_eq!(p.confidence.employment, Confidence::High);
}
