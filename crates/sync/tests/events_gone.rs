//! A laptop checks people in at a fair with no network while an admin archives the fair: when
//! the laptop syncs, its check-ins are on the server and its user is told what happened.

use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::event::{Event, EventCategory};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::user::Role;
use talentdesk_server::testing::{Instance, PASSWORD};
use talentdesk_store::replica::{EventFate, NoticeDetail};
use talentdesk_store::views::MemberQuery;
use talentdesk_sync::engine::Replica;
use uuid::Uuid;

async fn replica(server: &Instance, dir: &tempfile::TempDir, email: &str) -> Replica {
    let path = dir.path().join(format!("{email}.db"));
    let replica = Replica::sign_in(&path, &server.url, email, PASSWORD).await.unwrap();
    replica.engine.sync_once().await.unwrap();
    replica
}

fn person(first: &str, last: &str) -> Profile {
    Profile { first_name: first.into(), last_name: last.into(), ..Profile::default() }
}

/// Who is checked in at `event` on this desktop, by whom, and their ratings.
fn attendance(desk: &Replica, event: Uuid) -> Vec<String> {
    let page = desk.store.lock().unwrap().event_members(event, &MemberQuery::default(), 50, 0).unwrap();
    let mut rows: Vec<String> = page
        .rows
        .into_iter()
        .filter(|r| r.member.attended)
        .map(|r| {
            let by = r.member.checked_in_by.unwrap_or_default();
            let rated: String =
                r.member.ratings.iter().map(|(who, stars)| format!(", rated {stars} by {who}")).collect();
            format!("{} checked in by {by}{rated}", r.candidate.name)
        })
        .collect();
    rows.sort();
    rows
}

#[tokio::test(flavor = "multi_thread")]
async fn check_ins_made_offline_at_a_fair_archived_meanwhile_are_kept_and_the_user_is_told() {
    let mut server = Instance::start().await;
    let admin = server.add_user("admin@acme.test", Role::RecruiterAdmin).await;
    let rita = server.add_user("rita@acme.test", Role::Recruiter).await;
    let dir = tempfile::tempdir().unwrap();
    let (boss, laptop) = (replica(&server, &dir, &admin.email).await, replica(&server, &dir, &rita.email).await);

    // The admin sets up two fairs and two registrants; Rita's laptop syncs before leaving.
    let porto = Event::new(new_id(), "Porto fair", EventCategory::CareerFair, chrono::Utc::now(), "Porto");
    let lisbon = Event::new(new_id(), "Lisbon fair", EventCategory::CareerFair, chrono::Utc::now(), "Lisbon");
    let (ana, bea, lin) = (new_id(), new_id(), new_id());
    {
        let mut store = boss.store.lock().unwrap();
        for (id, first) in [(ana, "Ana"), (bea, "Bea")] {
            let profile = person(first, "Souza");
            let create = Mutation::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::Imported };
            store.apply(&boss.user, create).unwrap();
        }
        for event in [&porto, &lisbon] {
            store.apply(&boss.user, Mutation::EventCreate { event: event.clone() }).unwrap();
        }
    }
    boss.engine.sync_once().await.unwrap();
    laptop.engine.sync_once().await.unwrap();

    // At the Porto fair, with no network: Ana and Bea checked in, Lin walks in, Ana rated; Ana
    // also turns up at the Lisbon fair.
    server.stop().await;
    {
        let mut store = laptop.store.lock().unwrap();
        let check_in =
            |event_id, candidate_id| Mutation::EventCheckIn { event_id, candidate_id, at: None, kiosk: false };
        store.apply(&laptop.user, check_in(porto.id, ana)).unwrap();
        store.apply(&laptop.user, check_in(porto.id, bea)).unwrap();
        // A second scan of Ana changes nothing and counts once.
        store.apply(&laptop.user, check_in(porto.id, ana)).unwrap();
        let walk_in = Mutation::EventWalkIn {
            event_id: porto.id,
            candidate_id: lin,
            profile: person("Lin", "Wei"),
            interests: Vec::new(),
            consent: true,
            at: None,
            kiosk: false,
        };
        store.apply(&laptop.user, walk_in).unwrap();
        store.apply(&laptop.user, Mutation::EventRate { event_id: porto.id, candidate_id: ana, rating: 5 }).unwrap();
        store.apply(&laptop.user, check_in(lisbon.id, ana)).unwrap();
    }
    assert!(laptop.engine.sync_once().await.unwrap_err().is_temporary());

    // Meanwhile the admin archives the Porto fair.
    server.start_again().await;
    boss.store
        .lock()
        .unwrap()
        .apply(&boss.user, Mutation::EventArchive { event_id: porto.id, archived: true })
        .unwrap();
    boss.engine.sync_once().await.unwrap();

    // The laptop is back: everything it did is on the server, Porto's check-ins included.
    let round = laptop.engine.sync_once().await.unwrap();
    assert_eq!(round.pushed, 6);
    assert_eq!(laptop.store.lock().unwrap().pending_count().unwrap(), 0);
    boss.engine.sync_once().await.unwrap();
    assert_eq!(
        attendance(&boss, porto.id),
        [
            "Ana Souza checked in by rita@acme.test, rated 5 by rita@acme.test",
            "Bea Souza checked in by rita@acme.test",
            "Lin Wei checked in by rita@acme.test",
        ],
        "the server kept the check-ins at the archived fair"
    );
    assert_eq!(attendance(&boss, lisbon.id), ["Ana Souza checked in by rita@acme.test"]);
    assert_eq!(attendance(&laptop, porto.id), attendance(&boss, porto.id));

    // One notice, about Porto only, in words; kept with the other notices until dismissed.
    let [notice] = &round.notices[..] else { panic!("one notice expected: {:?}", round.notices) };
    let NoticeDetail::EventGone(gone) = &notice.detail else { panic!("{notice:?}") };
    assert_eq!((gone.event_id, gone.fate), (porto.id, EventFate::Archived));
    assert_eq!((gone.checked_in, gone.walk_ins, gone.rated), (3, 1, 1));
    assert_eq!(
        gone.words(),
        "Porto fair was archived by an admin while you were offline. Your 3 check-ins (1 of them a walk-in) \
         and 1 rating there were kept: they are on the server."
    );
    assert_eq!(notice.name, "event.rate", "named after the latest of the changes it is about");
    assert_eq!(laptop.store.lock().unwrap().notices(None).unwrap(), round.notices);

    // The next sync says nothing new; dismissing the notice puts it away.
    assert!(laptop.engine.sync_once().await.unwrap().notices.is_empty());
    laptop.store.lock().unwrap().dismiss_notice(notice.seq).unwrap();
    assert!(laptop.store.lock().unwrap().notices(None).unwrap().is_empty());
}
