//! Fuzz smoke test (issue 25: 0 crashes and 0 hangs): real resumes as Chromium, LibreOffice
//! and Writer's DOCX make them (CID fonts, compressed object streams, a right-to-left PDF,
//! tracked changes) mutated at random, read by the isolated reader and parsed. The reading
//! child may fail, but only with an error in words, within its time limit; the parser runs in
//! the caller's own process, so it must take whatever text comes back, and any text at all,
//! without a panic. Bounded to seconds in CI; `PROPTEST_CASES=5000` runs it for longer by hand.

use std::time::Duration;

use proptest::prelude::*;
use talentdesk_resume::{Isolated, ResumeError};

/// Real files: a Chromium PDF, an Arabic one, a LibreOffice PDF and DOCX, a DOCX with
/// tracked changes.
const SEEDS: &[&str] = &[
    "resumes/bad/files/two-resumes.pdf",
    "resumes/bad/files/rtl-arabic.pdf",
    "resumes/files/en-accountant-table.pdf",
    "resumes/files/en-teacher-classic.docx",
    "resumes/bad/files/tracked-changes.docx",
];

fn seed(index: usize) -> Vec<u8> {
    let path = format!("{}/../../tests/{}", env!("CARGO_MANIFEST_DIR"), SEEDS[index]);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// What is done to a file: bytes changed, a piece cut out, a piece repeated, the end cut off.
#[derive(Debug, Clone)]
enum Mutation {
    Bytes(Vec<(usize, u8)>),
    Cut { at: usize, len: usize },
    Repeat { at: usize, len: usize, times: usize },
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Places as fractions of the file (in millionths), so one strategy fits every seed.
    let at = 0..1_000_000usize;
    prop_oneof![
        proptest::collection::vec((at.clone(), any::<u8>()), 1..32).prop_map(Mutation::Bytes),
        (at.clone(), 1..4096usize).prop_map(|(at, len)| Mutation::Cut { at, len }),
        (at.clone(), 1..2048usize, 2..64usize).prop_map(|(at, len, times)| Mutation::Repeat { at, len, times }),
        at.prop_map(Mutation::Truncate),
    ]
}

fn mutated(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let place = |millionths: usize, len: usize| millionths * len / 1_000_000;
        let n = bytes.len();
        if n == 0 {
            break;
        }
        match m {
            Mutation::Bytes(edits) => {
                for (at, byte) in edits {
                    bytes[place(*at, n)] = *byte;
                }
            }
            Mutation::Cut { at, len } => {
                let at = place(*at, n);
                bytes.drain(at..(at + len).min(n));
            }
            Mutation::Repeat { at, len, times } => {
                let at = place(*at, n);
                let piece = bytes[at..(at + len).min(n)].to_vec();
                let repeated: Vec<u8> = piece.iter().copied().cycle().take(piece.len() * times).collect();
                bytes.splice(at..at, repeated);
            }
            Mutation::Truncate(at) => bytes.truncate(place(*at, n)),
        }
    }
    bytes
}

fn reader() -> Isolated {
    Isolated::new(env!("CARGO_BIN_EXE_talentdesk-extract"), &[]).with_limit(Duration::from_secs(5))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_real_resumes_never_crash_or_hang_the_reader_or_the_parser(
        which in 0..SEEDS.len(),
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let bytes = mutated(seed(which), &mutations);
        match talentdesk_resume::text_of(&reader(), &bytes) {
            Ok(text) => {
                let _ = talentdesk_resume::parse(&text).to_profile();
            }
            // A hang is stopped at the reader's limit, and the reader failing to run or to
            // answer is not a verdict on the file: both are defects. A file the reader stopped
            // on is what isolation is for, and is reported to the recruiter as damaged.
            Err(e @ (ResumeError::TimedOut(_) | ResumeError::Failed(_))) => prop_assert!(false, "{e}"),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn any_text_at_all_parses_without_a_panic(text in "(\\PC{0,40}[\\n\\t ]{0,3}){0,40}") {
        let parsed = talentdesk_resume::parse(&text);
        let _ = parsed.to_profile();
        let normalised = talentdesk_resume::normalize::normalize(&text);
        let _ = talentdesk_resume::parse(&normalised).to_profile();
    }
}
