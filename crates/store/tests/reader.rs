//! The read-only second connection the app gives long whole-database reads, so they need not
//! wait for (or hold up) the writer.

mod common;

use std::time::{Duration, Instant};

use common::{Person, fixture};
use talentdesk_domain::candidate::ProfileType;
use talentdesk_domain::mutation::Mutation;
use talentdesk_store::Store;

#[test]
fn a_reader_sees_committed_rows_reads_during_a_write_and_refuses_writes() {
    let mut f = fixture();
    let ada = f.create(Person { first: "Ada", last: "Lovelace", ..Default::default() });
    let reader = Store::open_reader(f.store.path()).unwrap();
    assert_eq!(reader.stored_profile(ada).unwrap().full_name(), "Ada Lovelace");

    // Rows the writer commits later are seen by the reader's next read.
    let grace = f.create(Person { first: "Grace", last: "Hopper", ..Default::default() });
    assert_eq!(reader.candidate_count().unwrap(), 2);
    assert_eq!(reader.stored_profile(grace).unwrap().full_name(), "Grace Hopper");

    // A writer in the middle of a transaction: the reader answers at once (its busy timeout
    // is seconds), with the last commit, not the uncommitted change.
    let writer = rusqlite::Connection::open(f.store.path()).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE; DELETE FROM candidates;").unwrap();
    let started = Instant::now();
    assert_eq!(reader.candidate_count().unwrap(), 2);
    assert_eq!(reader.stored_profile(ada).unwrap().full_name(), "Ada Lovelace");
    assert!(started.elapsed() < Duration::from_secs(1), "the reader waited {:?}", started.elapsed());
    writer.execute_batch("ROLLBACK").unwrap();

    let mut reader = reader;
    let refused = reader
        .apply(
            &f.admin,
            Mutation::CandidateCreate {
                candidate_id: talentdesk_domain::new_id(),
                profile: common::profile(&Person { first: "Alan", last: "Turing", ..Default::default() }),
                profile_type: ProfileType::RecruiterGenerated,
            },
        )
        .unwrap_err();
    assert!(refused.to_string().contains("readonly database"), "{refused}");
    assert_eq!(f.store.candidate_count().unwrap(), 2);
}
