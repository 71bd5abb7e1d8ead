//! Starting over after the server went back in time (restored from a backup): the replica
//! forgets everything the server sent and what was derived from it, keeps the changes made here
//! that wait to be sent (under a new client id), and a first sync fills it again.

mod common;

use common::{Person, fixture, laptop, profile};
use talentdesk_domain::candidate::ProfileType;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::record::RecordKind;
use talentdesk_domain::search::SearchRequest;
use talentdesk_store::Store;
use talentdesk_store::replica::ServerChange;
use talentdesk_store::search::PageRequest;
use uuid::Uuid;

/// Loads the server's records as a first sync does.
fn first_sync(laptop: &mut Store, server: &Store, version: i64) {
    let mut records = server.export_records().unwrap();
    records.sort_by(|a, b| (a.0.code(), &a.1).cmp(&(b.0.code(), &b.1)));
    let mut load = laptop.snapshot_load().unwrap();
    load.begin(version);
    for (kind, id, data) in &records {
        load.record(*kind, id, data).unwrap();
    }
    load.finish(|_| {}).unwrap();
}

fn found(store: &Store, query: &str) -> Vec<Uuid> {
    let request = SearchRequest { query: query.into(), ..Default::default() };
    store.search(&request, &PageRequest { limit: 100, after: None }).unwrap().rows.iter().map(|r| r.id).collect()
}

fn candidates(store: &Store) -> Vec<String> {
    store.export_records_of(&[RecordKind::Candidate]).unwrap().into_iter().map(|(_, id, _)| id).collect()
}

#[test]
fn starting_over_forgets_the_servers_data_keeps_waiting_changes_and_loads_again() {
    let mut server = fixture();
    let ana = server.create(Person::default());
    let mut laptop = laptop(&server);
    first_sync(&mut laptop, &server.store, 1);
    // Pulled later: Lost, whom the restored server will not have.
    let lost = server.create(Person { first: "Lost", last: "Later", ..Person::default() });
    let records = server.store.export_records_of(&[RecordKind::Candidate]).unwrap();
    let changes: Vec<_> = records
        .iter()
        .filter(|(_, id, _)| *id == lost.to_string())
        .map(|(kind, id, data)| ServerChange { kind: *kind, id, data: Some(data) })
        .collect();
    laptop.apply_pull(&changes, "2", 0, true).unwrap();
    assert_eq!(found(&laptop, "Lost"), vec![lost]);
    // Made here, not sent yet.
    let rita = server.recruiter.clone();
    let cleo = new_id();
    let create = Mutation::CandidateCreate {
        candidate_id: cleo,
        profile: profile(&Person { first: "Cleo", last: "Here", ..Person::default() }),
        profile_type: ProfileType::RecruiterGenerated,
    };
    laptop.apply(&rita, create).unwrap();
    let before = laptop.push_identity().unwrap();
    let waiting = laptop.pending(10).unwrap();

    assert_eq!(laptop.start_over().unwrap(), 1);
    assert_eq!(laptop.cursor().unwrap(), None, "the next sync is a first sync");
    assert!(candidates(&laptop).is_empty());
    assert!(found(&laptop, "Lost").is_empty() && found(&laptop, "Ana").is_empty(), "the keyword index is empty too");
    let kept = laptop.pending(10).unwrap();
    assert_eq!(
        kept.iter().map(|e| &e.digest).collect::<Vec<_>>(),
        waiting.iter().map(|e| &e.digest).collect::<Vec<_>>()
    );
    let after = laptop.push_identity().unwrap();
    assert_ne!(after.client_id, before.client_id, "a server that lost our earlier pushes waits for none of them");
    assert_eq!(after.wire(kept[0].seq), 1);

    // The restored server has Ana only: the load brings her, the rebase puts Cleo on top.
    let mut restored = fixture();
    let recruiter = restored.recruiter.clone();
    restored
        .store
        .apply(
            &recruiter,
            Mutation::CandidateCreate {
                candidate_id: ana,
                profile: profile(&Person::default()),
                profile_type: ProfileType::RecruiterGenerated,
            },
        )
        .unwrap();
    first_sync(&mut laptop, &restored.store, 1);
    laptop.apply_pull(&[], "1", 0, true).unwrap();
    let mut expected = vec![ana.to_string(), cleo.to_string()];
    expected.sort();
    assert_eq!(candidates(&laptop), expected);
    assert_eq!(found(&laptop, "Ana"), vec![ana]);
    assert_eq!(found(&laptop, "Cleo"), vec![cleo]);
    assert!(found(&laptop, "Lost").is_empty());
    assert_eq!(laptop.pending_count().unwrap(), 1);
}
