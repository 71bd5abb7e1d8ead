//! An event deleted on the server while a laptop checked people in there (the server has no
//! way to delete an event yet; a pull's tombstone is how the deletion would arrive): the
//! check-ins cannot be kept, and the notice names the event and every person, walk-ins
//! included, whose only trace it then is.

mod common;

use common::{Person, fixture, profile};
use talentdesk_domain::event::{Event, EventCategory};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::record::RecordKind;
use talentdesk_store::Store;
use talentdesk_store::replica::{Account, EventFate, NoticeDetail, ServerChange};

#[test]
fn check_ins_at_an_event_deleted_meanwhile_are_listed_by_name_in_one_notice() {
    // The server's records: the Braga fair and Ana, as Rita's laptop pulled them.
    let mut server = fixture();
    let braga = Event::new(new_id(), "Braga fair", EventCategory::CareerFair, chrono::Utc::now(), "Braga");
    server.admin_applies(Mutation::EventCreate { event: braga.clone() });
    let ana = server.create(Person::default());
    let records = server.store.export_records().unwrap();
    let rita = server.recruiter.clone();
    let mut laptop = Store::open(server.dir.path().join("laptop.db")).unwrap();
    let account =
        Account { server: "https://crm.example".into(), org_id: new_id(), user_id: rita.id, email: rita.email.clone() };
    laptop.bind(&account, &rita).unwrap();
    let pulled: Vec<_> =
        records.iter().map(|(kind, id, data)| ServerChange { kind: *kind, id, data: Some(data) }).collect();
    laptop.apply_pull(&pulled, "1", 0, true).unwrap();

    // At the fair, offline: Ana checked in, Lin walks in.
    let lin = new_id();
    laptop
        .apply(&rita, Mutation::EventCheckIn { event_id: braga.id, candidate_id: ana, at: None, kiosk: false })
        .unwrap();
    let walk_in = Mutation::EventWalkIn {
        event_id: braga.id,
        candidate_id: lin,
        profile: profile(&Person { first: "Lin", last: "Wei", ..Person::default() }),
        interests: Vec::new(),
        consent: false,
        at: None,
        kiosk: false,
    };
    laptop.apply(&rita, walk_in).unwrap();

    // A sync round pushes both (the server, whose fair is gone, refuses them); Ana's rating,
    // made while the round runs, still waits. The pull brings the fair's tombstone.
    let mut work = laptop.event_work().unwrap();
    work.count(&laptop.pending(100).unwrap());
    laptop.apply(&rita, Mutation::EventRate { event_id: braga.id, candidate_id: ana, rating: 4 }).unwrap();
    let tombstone = ServerChange { kind: RecordKind::Event, id: &braga.id.to_string(), data: None };
    laptop.apply_pull(&[tombstone], "2", 2, true).unwrap();
    let told = laptop.tell_events_gone(work).unwrap();

    assert!(laptop.candidate_ids(10).unwrap() == [ana], "Lin, refused with the fair, is gone from the laptop");
    let [notice] = &told[..] else { panic!("one notice expected: {told:?}") };
    let NoticeDetail::EventGone(gone) = &notice.detail else { panic!("{notice:?}") };
    assert_eq!((gone.event_id, gone.fate), (braga.id, EventFate::Deleted));
    assert_eq!((gone.checked_in, gone.walk_ins, gone.rated), (2, 1, 1));
    assert_eq!(
        gone.words(),
        "Braga fair was deleted while you were offline. Your 2 check-ins (1 of them a walk-in) and 1 rating \
         there could not be kept: Ana Souza, Lin Wei (walk-in)."
    );
    assert_eq!(laptop.notices(None).unwrap(), told);

    // Ana is erased later: the notice keeps its counts and no longer names her.
    let erased = ServerChange { kind: RecordKind::Candidate, id: &ana.to_string(), data: None };
    laptop.apply_pull(&[erased], "3", 3, true).unwrap();
    let kept = laptop.notices(None).unwrap();
    let [NoticeDetail::EventGone(after)] = &kept.iter().map(|n| n.detail.clone()).collect::<Vec<_>>()[..] else {
        panic!("{kept:?}")
    };
    assert_eq!(after.words(), gone.words().replace("Ana Souza, ", ""));
}
