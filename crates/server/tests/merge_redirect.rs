//! Changes made offline to a candidate a teammate merged meanwhile, against real PostgreSQL and
//! a real desktop replica: the desktop's rebase shows them on the survivor, the server applies
//! them to the survivor and says so in the survivor's history, once for a selection that named
//! both. A deleted survivor leaves a change refused as not found; a merge undone first leaves it
//! the original candidate's. A merge of three waiting on a desktop while a teammate erases one
//! of the merged goes on with the other, keeping the value picked from them only.

mod support;

use support::{Session, TestServer, create_candidate, numbered};
use talentdesk_domain::DomainError;
use talentdesk_domain::candidate::FieldValue;
use talentdesk_domain::history::{FieldChange, HistoryEntry};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::note::Note;
use talentdesk_domain::search::Selection;
use talentdesk_domain::user::User;
use talentdesk_store::Store;
use talentdesk_store::replica::{Account, ServerChange};
use talentdesk_sync::wire::{PushOutcome, PushedMutation, RecordKind};
use uuid::Uuid;

/// A desktop replica of one user's view of the server.
struct Desk {
    store: Store,
    session: Session,
    cursor: String,
    _dir: tempfile::TempDir,
}

impl Desk {
    async fn new(server: &TestServer, session: &Session) -> Desk {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("desk.db")).unwrap();
        let user = &session.user;
        let account = Account {
            server: "https://crm.example".into(),
            org_id: Uuid::nil(),
            user_id: user.id,
            email: user.email.clone(),
        };
        store.bind(&account, user).unwrap();
        let client_id = store.push_identity().unwrap().client_id;
        let mut desk =
            Desk { store, session: Session { client_id, ..session.clone() }, cursor: String::new(), _dir: dir };
        desk.pull(server).await;
        desk
    }

    fn user(&self) -> User {
        self.session.user.clone()
    }

    /// Pulls every page since the last pull; the last one rebases what is waiting.
    async fn pull(&mut self, server: &TestServer) {
        loop {
            let page = server.pull(&self.session, &self.cursor).await;
            let changes: Vec<_> = page
                .changes
                .iter()
                .map(|c| ServerChange { kind: c.kind, id: &c.id, data: c.data.as_deref().map(|d| d.get()) })
                .collect();
            self.store.apply_pull(&changes, &page.cursor, page.last_seq, !page.more).unwrap();
            self.cursor = page.cursor;
            if !page.more {
                return;
            }
        }
    }

    /// Pushes what is waiting, as made; returns each outcome.
    async fn push(&mut self, server: &TestServer) -> Vec<PushOutcome> {
        let pending: Vec<PushedMutation> = self
            .store
            .pending(1000)
            .unwrap()
            .into_iter()
            .map(|e| PushedMutation::new(e.seq, e.mutation, e.created_at))
            .collect();
        let pushed = server.push(&self.session, &pending).await;
        self.store.acknowledge(pushed.last_seq, &[]).unwrap();
        pushed.results.into_iter().map(|r| r.outcome).collect()
    }
}

fn retitle(candidate_id: Uuid, to: &str) -> Mutation {
    let change = FieldChange { from: FieldValue::CurrentTitle(String::new()), to: FieldValue::CurrentTitle(to.into()) };
    Mutation::CandidateUpdate { candidate_id, changes: vec![change] }
}

fn merge(survivor_id: Uuid, merged: &[Uuid], changes: Vec<FieldChange>) -> Mutation {
    Mutation::CandidateMerge { survivor_id, merged_ids: merged.to_vec(), changes }
}

/// Candidates made by the admin from a fresh client; returns their ids.
async fn people(server: &TestServer, names: &[(&str, Option<&str>)]) -> Vec<Uuid> {
    let ids: Vec<Uuid> = names.iter().map(|_| Uuid::now_v7()).collect();
    let creates = ids.iter().zip(names).map(|(id, (first, email))| create_candidate(*id, first, "Souza", *email));
    let admin = Session { client_id: Uuid::now_v7(), ..server.admin.clone() };
    let pushed = server.push(&admin, &numbered(1, creates)).await;
    assert!(pushed.results.iter().all(|r| matches!(r.outcome, PushOutcome::Applied { .. })), "{pushed:?}");
    ids
}

/// Pushes one mutation as the admin from a fresh client; returns its outcome.
async fn admin_pushes(server: &TestServer, mutation: Mutation) -> PushOutcome {
    let admin = Session { client_id: Uuid::now_v7(), ..server.admin.clone() };
    server.push(&admin, &numbered(1, [mutation])).await.results.remove(0).outcome
}

fn applied(outcome: &PushOutcome) -> u64 {
    match outcome {
        PushOutcome::Applied { affected, .. } => *affected,
        other => panic!("expected applied, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn changes_made_offline_to_a_candidate_merged_meanwhile_go_to_the_survivor() {
    let server = TestServer::start().await;
    assert!(matches!(
        admin_pushes(&server, Mutation::TagDefine { name: "python".into() }).await,
        PushOutcome::Applied { .. }
    ));
    let ids = people(&server, &[("Ana", Some("ana@example.com")), ("Ana", None), ("Bo", None)]).await;
    let (ana, dup, bo) = (ids[0], ids[1], ids[2]);
    let mut desk = Desk::new(&server, &server.recruiter).await;

    // Offline: a note, a title and a tag on the duplicate (the tag on Ana and Bo too).
    let rita = desk.user();
    let note = Uuid::now_v7();
    desk.store
        .apply(
            &rita,
            Mutation::NoteAdd { note_id: note, candidate_id: dup, body: "Met at the fair".into(), private: false },
        )
        .unwrap();
    desk.store.apply(&rita, retitle(dup, "Head nurse")).unwrap();
    let tag = Mutation::TagsAdd { selection: Selection::ids([dup, ana, bo]), tags: vec!["python".into()] };
    desk.store.apply(&rita, tag).unwrap();

    // Meanwhile an admin merges the duplicate into Ana.
    assert!(matches!(admin_pushes(&server, merge(ana, &[dup], vec![])).await, PushOutcome::Applied { .. }));

    // The desktop's rebase shows the waiting changes on Ana.
    desk.pull(&server).await;
    assert_eq!(desk.store.merged_into(dup).unwrap(), Some(ana));
    let shown = desk.store.profile(&rita, ana).unwrap();
    assert_eq!(shown.candidate.profile.current_title, "Head nurse");
    assert_eq!(shown.notes.iter().map(|n| n.note.id).collect::<Vec<_>>(), [note]);
    assert_eq!(shown.tags, ["python"]);

    // The server takes them for Ana: the tag once on her, and on Bo.
    let outcomes = desk.push(&server).await;
    assert_eq!(outcomes.iter().map(applied).collect::<Vec<_>>(), [1, 1, 2], "{outcomes:?}");
    let on_server = server.candidate(ana).await;
    assert_eq!(on_server.candidate.profile.current_title, "Head nurse");
    assert_eq!(on_server.tags.iter().cloned().collect::<Vec<_>>(), ["python"]);
    assert_eq!(server.candidate(bo).await.tags.iter().cloned().collect::<Vec<_>>(), ["python"]);
    let notes: Vec<Note> = server.records(RecordKind::Note).await;
    assert_eq!(notes.iter().map(|n| (n.id, n.candidate_id)).collect::<Vec<_>>(), [(note, ana)]);
    // Ana's history says which changes were made to someone since merged into her.
    let history: Vec<HistoryEntry> = server.records(RecordKind::History).await;
    let said: Vec<&str> = history
        .iter()
        .filter(|h| h.candidate_id == ana)
        .filter_map(|h| h.summary.as_deref())
        .filter(|s| s.contains("since merged into this one"))
        .collect();
    assert_eq!(said.len(), 3, "{said:?}");
    assert!(
        !history.iter().any(|h| h.candidate_id == bo && h.summary.as_deref().is_some_and(|s| s.contains("merged")))
    );

    // After the next pull, the desktop holds what the server holds.
    desk.pull(&server).await;
    let here = desk.store.profile(&rita, ana).unwrap();
    assert_eq!((here.candidate.profile.current_title.as_str(), here.tags.len()), ("Head nurse", 1));
    assert_eq!(desk.store.pending_count().unwrap(), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deleted_survivor_leaves_a_change_not_found_and_an_undone_merge_the_original_candidates() {
    let server = TestServer::start().await;
    let ids = people(&server, &[("Ana", None), ("Ana", None), ("Carla", None), ("Dora", None), ("Dora", None)]).await;
    let (ana, dup, carla, dora, twin) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
    let recruiter = || Session { client_id: Uuid::now_v7(), ..server.recruiter.clone() };

    // Through a chain: the duplicate into Ana, Ana into Carla: a change to the duplicate is Carla's.
    admin_pushes(&server, merge(ana, &[dup], vec![])).await;
    admin_pushes(&server, merge(carla, &[ana], vec![])).await;
    let outcome = server.push(&recruiter(), &numbered(1, [retitle(dup, "Nurse")])).await.results.remove(0).outcome;
    assert_eq!(applied(&outcome), 1);
    assert_eq!(server.candidate(carla).await.candidate.profile.current_title, "Nurse");

    // Carla deleted: nobody is left to take it.
    admin_pushes(&server, Mutation::CandidateDelete { selection: Selection::ids([carla]) }).await;
    let refused = server.push(&recruiter(), &numbered(1, [retitle(dup, "Head nurse")])).await.results.remove(0).outcome;
    match refused {
        PushOutcome::Rejected { reason: DomainError::NotFound { id, .. } } => assert_eq!(id, dup.to_string()),
        other => panic!("expected not found, got {other:?}"),
    }

    // A merge undone before the change arrives: the change is the twin's own again.
    let mut desk = Desk::new(&server, &server.admin).await;
    let admin = desk.user();
    let undo = desk.store.apply(&admin, merge(dora, &[twin], vec![])).unwrap().undo.expect("undoable");
    desk.store.apply(&admin, undo).unwrap();
    let outcomes = desk.push(&server).await;
    assert!(outcomes.iter().all(|o| matches!(o, PushOutcome::Applied { .. })), "{outcomes:?}");
    let outcome = server.push(&recruiter(), &numbered(1, [retitle(twin, "Midwife")])).await.results.remove(0).outcome;
    assert_eq!(applied(&outcome), 1);
    assert_eq!(server.candidate(twin).await.candidate.profile.current_title, "Midwife");
    assert_eq!(server.candidate(dora).await.candidate.profile.current_title, "");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_waiting_merge_of_three_goes_on_without_one_a_teammate_erased_keeping_the_others_pick() {
    let server = TestServer::start().await;
    let ids = people(&server, &[("Ana", None), ("Ana", Some("zofia@example.org")), ("Ana", None)]).await;
    let (ana, erased, kept) = (ids[0], ids[1], ids[2]);
    let outcome = admin_pushes(&server, retitle(kept, "Head nurse")).await;
    assert_eq!(applied(&outcome), 1);
    let mut desk = Desk::new(&server, &server.admin).await;

    // Offline: both into Ana, taking the email of one and the title of the other.
    let picks = vec![
        FieldChange { from: FieldValue::Email(None), to: FieldValue::Email(Some("zofia@example.org".into())) },
        FieldChange {
            from: FieldValue::CurrentTitle(String::new()),
            to: FieldValue::CurrentTitle("Head nurse".into()),
        },
    ];
    let admin = desk.user();
    desk.store.apply(&admin, merge(ana, &[erased, kept], picks.clone())).unwrap();

    // A teammate erases the one whose email was picked.
    let erasure = admin_pushes(&server, Mutation::CandidateDelete { selection: Selection::ids([erased]) }).await;
    assert_eq!(applied(&erasure), 1);
    desk.pull(&server).await;
    let waiting = desk.store.pending(10).unwrap();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].mutation, merge(ana, &[kept], vec![picks[1].clone()]), "only the erased one's pick goes");
    let text = serde_json::to_string(&waiting[0].mutation).unwrap();
    assert!(!text.contains("zofia") && !text.contains(&erased.to_string()), "{text}");
    let here = desk.store.profile(&admin, ana).unwrap().candidate.profile;
    assert_eq!((here.current_title.as_str(), here.email.as_deref()), ("Head nurse", None));
    assert_eq!(desk.store.merged_into(kept).unwrap(), Some(ana));
    assert_eq!(desk.store.merged_into(erased).unwrap(), None, "the erased one redirects nowhere");

    // The server merges the other one, with their title.
    let outcomes = desk.push(&server).await;
    assert_eq!(applied(&outcomes[0]), 2, "{outcomes:?}");
    let on_server = server.candidate(ana).await.candidate.profile;
    assert_eq!((on_server.current_title.as_str(), on_server.email.as_deref()), ("Head nurse", None));
}

#[tokio::test(flavor = "multi_thread")]
async fn one_merged_then_brought_back_and_erased_is_erased_on_a_desktop_that_pulls_it_all_at_once() {
    let server = TestServer::start().await;
    let ids = people(&server, &[("Ana", None), ("Ana", None)]).await;
    let (ana, dup) = (ids[0], ids[1]);
    let mut desk = Desk::new(&server, &server.recruiter).await;
    let rita = desk.user();
    let note =
        Mutation::NoteAdd { note_id: Uuid::now_v7(), candidate_id: dup, body: "Salary 40k".into(), private: false };
    desk.store.apply(&rita, note).unwrap();

    // Meanwhile: merged, the merge undone, then the duplicate erased.
    let mut admin_desk = Desk::new(&server, &server.admin).await;
    let admin = admin_desk.user();
    let undo = admin_desk.store.apply(&admin, merge(ana, &[dup], vec![])).unwrap().undo.expect("undoable");
    admin_desk.store.apply(&admin, undo).unwrap();
    admin_desk.store.apply(&admin, Mutation::CandidateDelete { selection: Selection::ids([dup]) }).unwrap();
    let outcomes = admin_desk.push(&server).await;
    assert!(outcomes.iter().all(|o| matches!(o, PushOutcome::Applied { .. })), "{outcomes:?}");

    // The desktop pulls all of it at once: an erasure, not a merge. The waiting note's text goes
    // and the duplicate redirects nowhere.
    desk.pull(&server).await;
    let waiting = desk.store.pending(10).unwrap();
    assert_eq!(
        waiting.iter().map(|e| e.mutation.clone()).collect::<Vec<_>>(),
        [Mutation::CandidateReview { candidate_id: dup }]
    );
    assert_eq!(desk.store.merged_into(dup).unwrap(), None);
    assert!(desk.store.profile(&rita, dup).is_err());
    assert!(desk.store.profile(&rita, ana).unwrap().notes.is_empty());
}
