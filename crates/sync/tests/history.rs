//! History after a sync: a teammate's changes arrive with their entries (who, when, what),
//! the same on every desktop as on the server, and entries about something private reach
//! only those who may see it.

use std::sync::{Arc, Mutex};

use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::history::HistoryEntry;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::Selection;
use talentdesk_domain::user::{Role, User};
use talentdesk_server::testing::{Instance, PASSWORD};
use talentdesk_store::Store;
use talentdesk_sync::engine::{Engine, Replica};
use uuid::Uuid;

struct Desktop {
    store: Arc<Mutex<Store>>,
    engine: Engine,
    user: User,
    _dir: tempfile::TempDir,
}

impl Desktop {
    async fn sign_in(server: &Instance, user: &User) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let replica = Replica::sign_in(&dir.path().join("desk.db"), &server.url, &user.email, PASSWORD).await.unwrap();
        Desktop { store: replica.store, engine: replica.engine, user: replica.user, _dir: dir }
    }

    fn apply(&self, m: Mutation) {
        self.store.lock().unwrap().apply(&self.user, m).unwrap();
    }

    fn history(&self, id: Uuid) -> Vec<HistoryEntry> {
        self.store.lock().unwrap().profile(&self.user, id).unwrap().history
    }

    /// (who, what) for each entry, oldest first.
    fn lines(&self, id: Uuid) -> Vec<(String, String)> {
        self.history(id)
            .into_iter()
            .map(|h| (h.actor_email, h.summary.unwrap_or_else(|| h.action.label().to_owned())))
            .collect()
    }
}

fn line(who: &User, what: &str) -> (String, String) {
    (who.email.clone(), what.to_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_teammates_changes_arrive_with_their_history_and_private_ones_stay_private() {
    let server = Instance::start().await;
    let admin = server.add_user("admin@acme.test", Role::RecruiterAdmin).await;
    let rita = server.add_user("rita@acme.test", Role::Recruiter).await;
    let omar = server.add_user("omar@acme.test", Role::Recruiter).await;
    let (boss, desk, other) = (
        Desktop::sign_in(&server, &admin).await,
        Desktop::sign_in(&server, &rita).await,
        Desktop::sign_in(&server, &omar).await,
    );
    boss.apply(Mutation::TagDefine { name: "python".into() });
    let (shared, private) = (new_id(), new_id());
    for (pipeline_id, name, private) in [(shared, "Backend Engineers", false), (private, "Shortlist", true)] {
        let statuses = vec!["Unreviewed".into(), "Contacted".into()];
        boss.apply(Mutation::PipelineCreate { pipeline_id, name: name.into(), statuses, private });
    }
    boss.engine.sync_once().await.unwrap();

    // Rita, on her desktop: a new candidate, a tag, a note, a private note, a pipeline.
    desk.engine.sync_once().await.unwrap();
    let ana = new_id();
    let profile = Profile { first_name: "Ana".into(), last_name: "Souza".into(), ..Profile::default() };
    desk.apply(Mutation::CandidateCreate { candidate_id: ana, profile, profile_type: ProfileType::RecruiterGenerated });
    desk.apply(Mutation::TagsAdd { selection: Selection::ids([ana]), tags: vec!["python".into()] });
    desk.apply(Mutation::NoteAdd { note_id: new_id(), candidate_id: ana, body: "Call Tuesday".into(), private: false });
    desk.apply(Mutation::NoteAdd { note_id: new_id(), candidate_id: ana, body: "Salary 90k".into(), private: true });
    desk.apply(Mutation::PipelineAdd { selection: Selection::ids([ana]), pipeline_id: shared, status: None });
    let contacted =
        |pipeline_id| Mutation::PipelineSetStatus { candidate_id: ana, pipeline_id, status: "Contacted".into() };
    desk.apply(contacted(shared));
    let before_sync = desk.lines(ana);
    desk.engine.sync_once().await.unwrap();
    // The admin puts her on their private shortlist.
    boss.engine.sync_once().await.unwrap();
    boss.apply(Mutation::PipelineAdd { selection: Selection::ids([ana]), pipeline_id: private, status: None });
    boss.apply(contacted(private));
    boss.engine.sync_once().await.unwrap();
    desk.engine.sync_once().await.unwrap();
    other.engine.sync_once().await.unwrap();

    let everyone = vec![
        line(&rita, "Created"),
        line(&rita, "Tagged python"),
        line(&rita, "Note added"),
        line(&rita, "Added to Backend Engineers (Unreviewed)"),
        line(&rita, "Moved in Backend Engineers: Unreviewed → Contacted"),
    ];
    assert_eq!(other.lines(ana), everyone, "a teammate sees each change, by whom, without the private ones");
    let mut ritas = everyone.clone();
    ritas.insert(3, line(&rita, "Private note added"));
    assert_eq!(desk.lines(ana), ritas, "the author sees her private note's entry, as the server numbered it");
    assert_eq!(before_sync, ritas, "the same as before the sync");
    assert!(desk.history(ana).iter().all(|h| h.id > 0), "the entries made here were replaced by the server's");
    let mut all = ritas.clone();
    all.push(line(&admin, "Added to Shortlist (Unreviewed)"));
    all.push(line(&admin, "Moved in Shortlist: Unreviewed → Contacted"));
    assert_eq!(boss.lines(ana), all, "an admin sees every entry");

    // Omar's change reaches Rita with its entry, and the times are the ones it was made at.
    other.apply(Mutation::TagsRemove { selection: Selection::ids([ana]), tags: vec!["python".into()] });
    let made = other.history(ana).pop().unwrap();
    other.engine.sync_once().await.unwrap();
    desk.engine.sync_once().await.unwrap();
    let arrived = desk.history(ana).pop().unwrap();
    assert_eq!(
        (arrived.actor_email.as_str(), arrived.summary.as_deref()),
        (omar.email.as_str(), Some("Untagged python"))
    );
    assert_eq!(arrived.at, made.at);
    assert_eq!(arrived.detail, made.detail);
}
