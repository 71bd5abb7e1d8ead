//! Privacy erasure: after Delete Candidate, no byte of the database's files or of the documents
//! folder holds the candidate's name or emails.

mod common;

use std::path::Path;

use common::{Fixture, Person, fixture};
use talentdesk_domain::candidate::FieldValue;
use talentdesk_domain::document::{Document, DocumentKind};
use talentdesk_domain::effects::Conflict;
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::{SearchRequest, Selection};
use talentdesk_domain::{DomainError, new_id};
use talentdesk_store::StoreError;
use talentdesk_store::replica::{Notice, NoticeDetail};
use talentdesk_store::search::PageRequest;
use uuid::Uuid;

const SURNAME: &str = "Quorrelsby";
const FIRST_EMAIL: &str = "w.quorrelsby+erase@example.org";
const SECOND_EMAIL: &str = "wq.second-7731@example.org";
const NEEDLES: [&str; 3] = [SURNAME, FIRST_EMAIL, SECOND_EMAIL];

/// Every place where the store keeps bytes: the database, its WAL and shared-memory files, and
/// the documents folder. Returns (file, needle) for each hit, case-insensitively (the keyword
/// index keeps words lowercased).
fn hits(db: &Path, blobs: &Path) -> Vec<(String, &'static str)> {
    let mut files: Vec<_> = ["", "-wal", "-shm"]
        .iter()
        .map(|suffix| db.with_file_name(format!("{}{suffix}", db.file_name().unwrap().to_string_lossy())))
        .filter(|p| p.exists())
        .collect();
    if blobs.exists() {
        files.extend(std::fs::read_dir(blobs).unwrap().map(|e| e.unwrap().path()));
    }
    let mut found = Vec::new();
    for file in files {
        let bytes = std::fs::read(&file).unwrap().to_ascii_lowercase();
        for needle in NEEDLES {
            let needle_bytes = needle.to_ascii_lowercase().into_bytes();
            if bytes.windows(needle_bytes.len()).any(|w| w == needle_bytes) {
                found.push((file.display().to_string(), needle));
            }
        }
    }
    found
}

fn attach(f: &mut Fixture, candidate_id: Uuid, name: &str, bytes: &[u8]) -> Document {
    let sha256 = f.store.put_blob(bytes).unwrap();
    let document = Document {
        id: new_id(),
        candidate_id,
        name: name.into(),
        kind: DocumentKind::Resume,
        sha256,
        size: bytes.len() as u64,
        uploaded_at: chrono::Utc::now(),
    };
    f.admin_applies(Mutation::DocumentAttach { document: document.clone() });
    document
}

fn count(f: &Fixture, query: &str) -> u64 {
    let request = SearchRequest { query: query.into(), ..Default::default() };
    f.store.search(&request, &PageRequest::default()).unwrap().total
}

/// A candidate with everything that can hold their data: an edited email (history keeps both),
/// a note, a resume, and changes waiting in the outbox; among 300 others.
fn candidate_to_erase(f: &mut Fixture) -> Uuid {
    for n in 0..300 {
        let title = if n % 2 == 0 { "Nurse" } else { "Welder" };
        f.create(Person { first: "Ana", last: "Souza", title, ..Default::default() });
    }
    let id = f.create(Person {
        first: "Wilhelmina",
        last: SURNAME,
        email: Some(FIRST_EMAIL),
        title: "Glassblower",
        ..Default::default()
    });
    f.admin_applies(Mutation::CandidateUpdate {
        candidate_id: id,
        changes: vec![FieldChange {
            from: FieldValue::Email(Some(FIRST_EMAIL.into())),
            to: FieldValue::Email(Some(SECOND_EMAIL.into())),
        }],
    });
    let note = format!("Spoke with Ms {SURNAME}; prefers {SECOND_EMAIL}");
    f.admin_applies(Mutation::NoteAdd { note_id: new_id(), candidate_id: id, body: note, private: false });
    attach(f, id, &format!("{SURNAME} CV.pdf"), format!("%PDF-1.4 Wilhelmina {SURNAME} {SECOND_EMAIL}").as_bytes());
    id
}

#[test]
fn a_deleted_candidate_leaves_no_byte_of_their_data_in_the_files() {
    let mut f = fixture();
    let id = candidate_to_erase(&mut f);
    // Another candidate's document with bytes of its own: it stays.
    let other = f.create(Person { first: "Bo", last: "Lindqvist", ..Default::default() });
    let kept = attach(&mut f, other, "portfolio.pdf", b"%PDF-1.4 portfolio");
    let db = f.store.path().to_path_buf();
    let blobs = f.store.blob_dir();
    assert_eq!(count(&f, "glassblower"), 1);
    // Search's saved facts hold the name too.
    f.store.warm_search().unwrap();
    assert!(f.store.save_search_snapshot().unwrap());
    let before = hits(&db, &blobs);
    for needle in NEEDLES {
        assert!(before.iter().any(|(_, n)| *n == needle), "the scan finds {needle} before the deletion: {before:?}");
    }

    f.admin_applies(Mutation::CandidateDelete { selection: Selection::ids([id]) });

    assert_eq!(hits(&db, &blobs), Vec::<(String, &str)>::new(), "no trace after the deletion");
    assert!(matches!(f.store.profile(&f.admin, id), Err(StoreError::Domain(DomainError::NotFound { .. }))));
    assert_eq!(count(&f, "glassblower"), 0);
    assert_eq!(count(&f, SURNAME), 0);
    assert_eq!(count(&f, "nurse"), 150, "everyone else is still found");
    assert!(f.store.blob(&kept.sha256).is_some(), "another candidate's document keeps its bytes");
    assert!(f.store.save_search_snapshot().unwrap(), "search's facts are saved again, without them");
    assert_eq!(hits(&db, &blobs), Vec::<(String, &str)>::new());
    // The changes about them still wait for the server, in order and without gaps, so the
    // server erases its copy too.
    let outbox = f.store.outbox().unwrap();
    assert!(outbox.windows(2).all(|w| w[1].seq == w[0].seq + 1));
    assert_eq!(outbox.last().unwrap().mutation, Mutation::CandidateDelete { selection: Selection::ids([id]) });

    // Reopening finds the same: nothing came back from a journal.
    drop(f.store);
    drop(talentdesk_store::Store::open(&db).unwrap());
    assert_eq!(hits(&db, &blobs), Vec::<(String, &str)>::new());
}

#[test]
fn a_refused_deletion_erases_nothing() {
    let mut f = fixture();
    let id = candidate_to_erase(&mut f);
    let recruiter = f.recruiter.clone();
    let refused = f.store.apply(&recruiter, Mutation::CandidateDelete { selection: Selection::ids([id]) });
    assert!(matches!(&refused, Err(StoreError::Domain(d)) if d.is_forbidden()), "{refused:?}");
    let missing = Selection::ids([id, new_id()]);
    let admin = f.admin.clone();
    let refused = f.store.apply(&admin, Mutation::CandidateDelete { selection: missing });
    assert!(matches!(refused, Err(StoreError::Domain(DomainError::NotFound { .. }))), "{refused:?}");
    let view = f.store.profile(&f.admin, id).unwrap();
    assert_eq!(view.candidate.profile.email.as_deref(), Some(SECOND_EMAIL));
    assert_eq!(view.documents.len(), 1);
    assert!(f.store.blob(&view.documents[0].sha256).is_some());
    assert_eq!(count(&f, SURNAME), 1);
}

#[test]
fn what_sync_notices_say_about_a_deleted_candidate_goes_with_them() {
    let mut f = fixture();
    let id = candidate_to_erase(&mut f);
    let other = f.create(Person { first: "Bo", last: "Lindqvist", ..Default::default() });
    let email = |value: &str| FieldValue::Email(Some(value.into()));
    let conflict = |candidate_id, theirs: &str, ours: &str| Conflict {
        candidate_id,
        expected: email("old@example.org"),
        overwritten: email(theirs),
        written: email(ours),
    };
    let notice = |seq, candidate_id, detail| Notice {
        seq,
        name: "candidate.update".into(),
        candidate_id,
        detail,
        at: chrono::Utc::now(),
    };
    let reason = |text: String| NoticeDetail::Rejected { reason: DomainError::invalid("selection", text) };
    f.store
        .acknowledge(
            0,
            &[
                notice(1001, Some(id), reason(format!("\"{SECOND_EMAIL} x\" is not an email address"))),
                notice(
                    1002,
                    Some(id),
                    NoticeDetail::Conflicts { conflicts: vec![conflict(id, FIRST_EMAIL, SECOND_EMAIL)] },
                ),
                // Changes over several candidates: a refusal naming them, conflicts of both.
                notice(1003, None, reason(format!("Wilhelmina {SURNAME} has no phone"))),
                notice(
                    1004,
                    None,
                    NoticeDetail::Conflicts {
                        conflicts: vec![
                            conflict(id, FIRST_EMAIL, SECOND_EMAIL),
                            conflict(other, "bo@example.org", "bo.l@example.org"),
                        ],
                    },
                ),
            ],
        )
        .unwrap();
    // Dismissed, yet still in the file.
    f.store.dismiss_notice(1003).unwrap();
    let db = f.store.path().to_path_buf();
    let blobs = f.store.blob_dir();

    f.admin_applies(Mutation::CandidateDelete { selection: Selection::ids([id]) });

    assert_eq!(hits(&db, &blobs), Vec::<(String, &str)>::new(), "no trace in the notices");
    let open = f.store.notices(None).unwrap();
    assert_eq!(
        open.iter().map(|n| n.seq).collect::<Vec<_>>(),
        [1004, 1001],
        "their conflicts are gone; the rejection stays, rewritten"
    );
    let NoticeDetail::Conflicts { conflicts } = &open[0].detail else { panic!("{open:?}") };
    assert_eq!(conflicts.iter().map(|c| c.candidate_id).collect::<Vec<_>>(), [other], "another's conflict stays");
}
