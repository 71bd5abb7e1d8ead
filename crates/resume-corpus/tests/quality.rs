//! The parser on the corpus: every resume readable, and each field at or above its target
//! (issue 5: email and phone >= 0.98, name >= 0.95, skills F1 >= 0.85, employment >= 0.8).

use talentdesk_resume::{extract, parse_extracted};
use talentdesk_resume_corpus::{FileKind, corpus, score};

#[test]
fn the_parser_meets_its_targets_on_60_pdf_and_docx_resumes() {
    let samples = corpus(60, 7).unwrap();
    assert!(samples.iter().any(|s| s.kind == FileKind::Pdf) && samples.iter().any(|s| s.kind == FileKind::Docx));
    // In this process: the corpus is well formed (the isolation is tested in crates/resume).
    let parses: Vec<_> = samples.iter().map(|s| extract::read(&s.file).ok().map(|e| parse_extracted(e).1)).collect();
    let report = score(&samples, &parses);
    println!("{}", serde_json::to_string_pretty(&report).unwrap());
    assert_eq!(report.unreadable, 0);
    assert!(report.email.f1 >= 0.98, "email {:?}", report.email);
    assert!(report.phone.f1 >= 0.98, "phone {:?}", report.phone);
    assert!(report.name.f1 >= 0.95, "name {:?}", report.name);
    assert!(report.skills.f1 >= 0.85, "skills {:?}", report.skills);
    assert!(report.employment.f1 >= 0.8, "employment {:?}", report.employment);
}
