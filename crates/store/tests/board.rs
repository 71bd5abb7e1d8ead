//! A pipeline's board: columns in the pipeline's order with their counts, the first cards of
//! each (the latest moved in on top), the next cards a page at a time, and moves between them.

mod common;

use common::{Person, fixture};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_domain::{DomainError, new_id};
use talentdesk_store::StoreError;
use talentdesk_store::views::PipelineBoard;
use uuid::Uuid;

fn pipeline(f: &mut common::Fixture, statuses: &[&str], private: bool) -> Uuid {
    let id = new_id();
    f.admin_applies(Mutation::PipelineCreate {
        pipeline_id: id,
        name: "Backend".into(),
        statuses: statuses.iter().map(|s| (*s).to_owned()).collect(),
        private,
    });
    id
}

fn people(f: &mut common::Fixture, names: &[&str]) -> Vec<Uuid> {
    names.iter().map(|first| f.create(Person { first, ..Person::default() })).collect()
}

fn move_to(f: &mut common::Fixture, pipeline: Uuid, candidate: Uuid, status: &str) {
    // Moves a millisecond apart, so that "latest moved in first" has an order to show.
    std::thread::sleep(std::time::Duration::from_millis(2));
    f.admin_applies(Mutation::PipelineSetStatus {
        candidate_id: candidate,
        pipeline_id: pipeline,
        status: status.into(),
    });
}

/// Each column as (status, count, the first names of its cards).
fn columns(board: &PipelineBoard) -> Vec<(&str, u64, Vec<&str>)> {
    board
        .columns
        .iter()
        .map(|c| {
            let names = c.cards.iter().map(|m| m.candidate.name.split(' ').next().unwrap()).collect();
            (c.status.as_str(), c.count, names)
        })
        .collect()
}

#[test]
fn the_board_has_every_status_in_order_with_counts_and_the_latest_moved_in_on_top() {
    let mut f = fixture();
    let p = pipeline(&mut f, &["New", "Screening", "Offer"], false);
    let ids = people(&mut f, &["Ana", "Bo", "Cy", "Di"]);
    f.admin_applies(Mutation::PipelineAdd { selection: Selection::ids(ids.clone()), pipeline_id: p, status: None });
    move_to(&mut f, p, ids[1], "Screening");
    move_to(&mut f, p, ids[2], "screening");

    let board = f.store.pipeline_board(&f.admin, p, 50).unwrap();
    let cols = columns(&board);
    assert_eq!(cols[0].0, "New");
    assert_eq!((cols[0].1, cols[0].2.len()), (2, 2));
    assert_eq!(cols[1], ("Screening", 2, vec!["Cy", "Bo"]), "Cy moved in last, so Cy is on top");
    assert_eq!(cols[2], ("Offer", 0, vec![]), "a status nobody is at is still a column to drop on");

    move_to(&mut f, p, ids[1], "Offer");
    let board = f.store.pipeline_board(&f.admin, p, 50).unwrap();
    assert_eq!(columns(&board)[1..], [("Screening", 1, vec!["Cy"]), ("Offer", 1, vec!["Bo"])]);
    assert_eq!(board.columns[2].cards[0].status, "Offer");
}

#[test]
fn a_column_shows_its_first_cards_and_counts_them_all_and_the_rest_come_a_page_at_a_time() {
    let mut f = fixture();
    let p = pipeline(&mut f, &["New", "Screening"], false);
    let ids = people(&mut f, &["Ana", "Bo", "Cy", "Di", "Ed"]);
    f.admin_applies(Mutation::PipelineAdd { selection: Selection::ids(ids), pipeline_id: p, status: None });

    let board = f.store.pipeline_board(&f.admin, p, 2).unwrap();
    assert_eq!((board.columns[0].count, board.columns[0].cards.len()), (5, 2));
    let first: Vec<Uuid> = board.columns[0].cards.iter().map(|m| m.candidate.id).collect();
    let next = f.store.pipeline_column(&f.admin, p, "New", 2, 2).unwrap();
    let last = f.store.pipeline_column(&f.admin, p, "New", 2, 4).unwrap();
    let mut seen: Vec<Uuid> = first.into_iter().chain(next.iter().chain(&last).map(|m| m.candidate.id)).collect();
    assert_eq!(last.len(), 1);
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 5, "the pages together hold every member once");
}

#[test]
fn someone_elses_private_pipeline_has_no_board_for_a_recruiter() {
    let mut f = fixture();
    let p = pipeline(&mut f, &["New"], true);
    for refused in [
        f.store.pipeline_board(&f.recruiter, p, 50).map(|_| ()),
        f.store.pipeline_column(&f.recruiter, p, "New", 50, 0).map(|_| ()),
    ] {
        match refused {
            Err(StoreError::Domain(DomainError::NotYours { id, .. })) => assert_eq!(id, p.to_string()),
            other => panic!("expected NotYours, got {other:?}"),
        }
    }
    assert!(f.store.pipeline_board(&f.admin, p, 50).is_ok(), "its owner sees it");
}

#[test]
fn a_card_cannot_move_to_a_status_of_another_pipeline_and_stays_where_it_was() {
    let mut f = fixture();
    let p = pipeline(&mut f, &["New", "Screening"], false);
    pipeline(&mut f, &["Applied", "Offer"], false);
    let ids = people(&mut f, &["Ana"]);
    f.admin_applies(Mutation::PipelineAdd { selection: Selection::ids(ids.clone()), pipeline_id: p, status: None });
    let admin = f.admin.clone();
    let err = f
        .store
        .apply(&admin, Mutation::PipelineSetStatus { candidate_id: ids[0], pipeline_id: p, status: "Offer".into() })
        .unwrap_err();
    assert!(err.to_string().contains("has no status \"Offer\""), "{err}");
    let board = f.store.pipeline_board(&f.admin, p, 50).unwrap();
    assert_eq!(columns(&board), [("New", 1, vec!["Ana"]), ("Screening", 0, vec![])]);
}
