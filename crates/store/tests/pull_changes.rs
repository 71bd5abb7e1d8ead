//! What a pull says it changed, for the window to read again exactly the views showing it: the
//! candidates whose records came in (a teammate's note, its deletion, an erasure), whether
//! lists, events or settings did, and "many" rather than thousands of ids.

mod common;

use common::{Person, fixture, laptop};
use talentdesk_domain::history::{HistoryAction, HistoryEntry};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::record::RecordKind;
use talentdesk_domain::search::Selection;
use talentdesk_store::Store;
use talentdesk_store::replica::{Changed, ChangedCandidates, NAMED_AT_MOST, ServerChange};
use uuid::Uuid;

/// Pulls the server's records of `kinds` (ids given: those only) into the laptop.
fn pull(laptop: &mut Store, server: &Store, kinds: &[RecordKind], only: Option<&str>, cursor: &str) -> Changed {
    let records = server.export_records_of(kinds).unwrap();
    let changes: Vec<_> = records
        .iter()
        .filter(|(_, id, _)| only.is_none_or(|o| o == id))
        .map(|(kind, id, data)| ServerChange { kind: *kind, id, data: Some(data) })
        .collect();
    laptop.apply_pull(&changes, cursor, 0, true).unwrap()
}

fn named(ids: &[Uuid]) -> ChangedCandidates {
    ChangedCandidates::Named(ids.iter().copied().collect())
}

#[test]
fn a_pull_names_the_candidates_it_changed_and_says_whether_lists_events_or_settings_did() {
    let mut server = fixture();
    let ana = server.create(Person::default());
    let bo = server.create(Person { first: "Bo", last: "Lindqvist", ..Person::default() });
    let backend = new_id();
    server.admin_applies(Mutation::PipelineCreate {
        pipeline_id: backend,
        name: "Backend".into(),
        statuses: vec!["New".into(), "Contacted".into()],
        private: false,
    });
    let mut laptop = laptop(&server);

    let first =
        pull(&mut laptop, &server.store, &[RecordKind::User, RecordKind::Pipeline, RecordKind::Candidate], None, "1");
    assert_eq!(first, Changed { candidates: named(&[ana, bo]), lists: true, settings: true, ..Changed::default() });

    // A teammate's note on Ana: only she changed.
    let note = new_id();
    let recruiter = server.recruiter.clone();
    server
        .store
        .apply(
            &recruiter,
            Mutation::NoteAdd { note_id: note, candidate_id: ana, body: "Call back".into(), private: false },
        )
        .unwrap();
    let added = pull(&mut laptop, &server.store, &[RecordKind::Note], Some(&note.to_string()), "2");
    assert_eq!(added, Changed { candidates: named(&[ana]), ..Changed::default() });

    // Its deletion arrives as a tombstone that names only the note: the pull still knows whose.
    let gone = ServerChange { kind: RecordKind::Note, id: &note.to_string(), data: None };
    let deleted = laptop.apply_pull(&[gone], "3", 0, true).unwrap();
    assert_eq!(deleted.candidates, named(&[ana]));

    // Bo erased by a teammate: named from his tombstone, though his row is gone.
    let erased = ServerChange { kind: RecordKind::Candidate, id: &bo.to_string(), data: None };
    let erasure = laptop.apply_pull(&[erased], "4", 0, true).unwrap();
    assert_eq!(erasure.candidates, named(&[bo]));

    // Nothing new: nothing to read again.
    assert!(laptop.apply_pull(&[], "5", 0, true).unwrap().is_empty());
}

#[test]
fn a_pull_of_more_candidates_than_are_worth_naming_says_many() {
    let mut server = fixture();
    let ids: Vec<Uuid> = (0..=NAMED_AT_MOST).map(|_| server.create(Person::default())).collect();
    let mut laptop = laptop(&server);
    pull(&mut laptop, &server.store, &[RecordKind::User], None, "1");
    let all = pull(&mut laptop, &server.store, &[RecordKind::Candidate], None, "2");
    assert_eq!(all.candidates, ChangedCandidates::Many);

    // A bulk tag by a teammate over all of them: many again, and pages of a round add up so.
    server.define_tag("Referral");
    server.admin_applies(Mutation::TagsAdd {
        selection: Selection::Ids { ids: ids.clone() },
        tags: vec!["Referral".into()],
    });
    let mut round = Changed::default();
    round.merge(pull(&mut laptop, &server.store, &[RecordKind::Tag], None, "3"));
    assert_eq!(round, Changed { settings: true, ..Changed::default() });
    round.merge(pull(&mut laptop, &server.store, &[RecordKind::Candidate], None, "4"));
    assert_eq!(round, Changed { candidates: ChangedCandidates::Many, settings: true, ..Changed::default() });
}

/// A record's change as the server sends it in a pull page.
fn change<'a>(kind: RecordKind, id: &'a str, data: &'a str) -> ServerChange<'a> {
    ServerChange { kind, id, data: Some(data) }
}

/// The server's record of `kind` and `id`, as JSON.
fn record_of(server: &Store, kind: RecordKind, id: Uuid) -> String {
    let id = id.to_string();
    server.export_records_of(&[kind]).unwrap().into_iter().find(|(_, i, _)| *i == id).unwrap().2
}

#[test]
fn records_that_come_a_page_before_what_they_refer_to_are_kept_until_it_comes() {
    // A pull sends each record at the version of its latest change: a note written before a
    // candidate's last change, or a candidate added to a pipeline renamed since, arrives before
    // what it hangs on. When a page ends between the two, nothing may be lost.
    let mut server = fixture();
    let ana = server.create(Person::default());
    let backend = new_id();
    server.admin_applies(Mutation::PipelineCreate {
        pipeline_id: backend,
        name: "Backend".into(),
        statuses: vec!["New".into(), "Contacted".into()],
        private: false,
    });
    server.admin_applies(Mutation::PipelineAdd {
        selection: Selection::Ids { ids: vec![ana] },
        pipeline_id: backend,
        status: Some("Contacted".into()),
    });
    let note = new_id();
    server.admin_applies(Mutation::NoteAdd {
        note_id: note,
        candidate_id: ana,
        body: "Met at the fair".into(),
        private: false,
    });
    let entry = HistoryEntry {
        id: 41,
        candidate_id: ana,
        action: HistoryAction::Insert,
        actor_email: server.admin.email.clone(),
        at: chrono::Utc::now(),
        changes: Vec::new(),
        summary: None,
        detail: None,
    };
    let entry_json = serde_json::to_string(&entry).unwrap();
    let (note_json, ana_json, backend_json) = (
        record_of(&server.store, RecordKind::Note, note),
        record_of(&server.store, RecordKind::Candidate, ana),
        record_of(&server.store, RecordKind::Pipeline, backend),
    );
    let mut laptop = laptop(&server);
    pull(&mut laptop, &server.store, &[RecordKind::User], None, "1");
    let rita = server.recruiter.clone();

    // Page 1: Ana's note and history entry, before Ana.
    let (note_id, ana_id, backend_id) = (note.to_string(), ana.to_string(), backend.to_string());
    let first = [change(RecordKind::Note, &note_id, &note_json), change(RecordKind::History, "41", &entry_json)];
    laptop.apply_pull(&first, "2/note/x", 0, false).unwrap();
    // Page 2: Ana, in a pipeline this laptop does not have yet.
    let second =
        laptop.apply_pull(&[change(RecordKind::Candidate, &ana_id, &ana_json)], "3/candidate/x", 0, false).unwrap();
    assert_eq!(second.candidates, named(&[ana]));
    let profile = laptop.profile(&rita, ana).unwrap();
    assert_eq!(profile.notes.iter().map(|n| n.note.body.as_str()).collect::<Vec<_>>(), ["Met at the fair"]);
    assert_eq!(profile.history.iter().map(|h| h.id).collect::<Vec<_>>(), [41]);
    assert!(profile.pipelines.is_empty());

    // Page 3, the last: the pipeline, and Ana is in it at the status she was given.
    let third = laptop.apply_pull(&[change(RecordKind::Pipeline, &backend_id, &backend_json)], "4", 0, true).unwrap();
    assert_eq!(third.candidates, named(&[ana]));
    let profile = laptop.profile(&rita, ana).unwrap();
    assert_eq!(
        profile.pipelines.iter().map(|p| (p.pipeline_name.as_str(), p.status.as_str())).collect::<Vec<_>>(),
        [("Backend", "Contacted")]
    );
}

#[test]
fn a_record_whose_candidate_never_comes_is_dropped_when_the_pull_is_complete() {
    // The candidate was deleted or is not this user's to see: once the pull has caught up,
    // their note must not linger, nor appear should a candidate of that id come later.
    let mut server = fixture();
    let ana = server.create(Person::default());
    let note = new_id();
    server.admin_applies(Mutation::NoteAdd { note_id: note, candidate_id: ana, body: "Hidden".into(), private: false });
    let (note_json, ana_json) =
        (record_of(&server.store, RecordKind::Note, note), record_of(&server.store, RecordKind::Candidate, ana));
    let mut laptop = laptop(&server);
    pull(&mut laptop, &server.store, &[RecordKind::User], None, "1");
    let note_id = note.to_string();
    laptop.apply_pull(&[change(RecordKind::Note, &note_id, &note_json)], "2", 0, true).unwrap();

    let ana_id = ana.to_string();
    laptop.apply_pull(&[change(RecordKind::Candidate, &ana_id, &ana_json)], "3", 0, true).unwrap();
    assert!(laptop.profile(&server.recruiter.clone(), ana).unwrap().notes.is_empty());
}
