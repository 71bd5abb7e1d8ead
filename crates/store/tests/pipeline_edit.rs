//! Editing a pipeline on the desktop: its name and privacy (two mutations), its workflow
//! statuses (members follow a renamed status without a history entry, and a removed one's
//! destination with one), archiving; and what is refused.

mod common;

use common::{Fixture, Person, fixture};
use talentdesk_domain::DomainError;
use talentdesk_domain::history::HistoryDetail;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_store::StoreError;
use uuid::Uuid;

/// A pipeline "Backend" (New, Screen, Interview, Offer) by `owner`, with Ana and Bo at Screen
/// and Cy at New.
fn backend(f: &mut Fixture, private: bool, by_admin: bool) -> (Uuid, [Uuid; 3]) {
    let people = [
        f.create(Person { first: "Ana", ..Person::default() }),
        f.create(Person { first: "Bo", ..Person::default() }),
        f.create(Person { first: "Cy", ..Person::default() }),
    ];
    let pipeline = Uuid::now_v7();
    let owner = if by_admin { f.admin.clone() } else { f.recruiter.clone() };
    let statuses = ["New", "Screen", "Interview", "Offer"].map(String::from).to_vec();
    f.store
        .apply(&owner, Mutation::PipelineCreate { pipeline_id: pipeline, name: "Backend".into(), statuses, private })
        .unwrap();
    let add = |ids: &[Uuid], status: &str| Mutation::PipelineAdd {
        selection: Selection::ids(ids.iter().copied()),
        pipeline_id: pipeline,
        status: Some(status.into()),
    };
    f.store.apply(&owner, add(&people[..2], "Screen")).unwrap();
    f.store.apply(&owner, add(&people[2..], "New")).unwrap();
    (pipeline, people)
}

fn status_of(f: &Fixture, candidate: Uuid, pipeline: Uuid) -> Option<String> {
    let profile = f.store.profile(&f.admin, candidate).unwrap();
    profile.pipelines.into_iter().find(|m| m.pipeline_id == pipeline).map(|m| m.status)
}

fn statuses(f: &Fixture, pipeline: Uuid) -> Vec<String> {
    let all = f.store.pipelines(&f.admin).unwrap();
    all.into_iter().find(|p| p.pipeline.id == pipeline).unwrap().pipeline.statuses
}

/// The pipeline moves in the candidate's history.
fn moves(f: &Fixture, candidate: Uuid) -> Vec<HistoryDetail> {
    let history = f.store.profile(&f.admin, candidate).unwrap().history;
    history.into_iter().filter_map(|e| e.detail).filter(|d| matches!(d, HistoryDetail::PipelineMoved { .. })).collect()
}

fn refusal(result: Result<talentdesk_store::Applied, StoreError>) -> DomainError {
    match result {
        Err(StoreError::Domain(e)) => e,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_renamed_status_keeps_its_members_and_moves_nobody() {
    let mut f = fixture();
    let (p, [ana, bo, cy]) = backend(&mut f, false, true);
    f.admin_applies(Mutation::PipelineRenameStatus {
        pipeline_id: p,
        from: "screen".into(),
        to: "Phone screen".into(),
    });
    assert_eq!(statuses(&f, p), ["New", "Phone screen", "Interview", "Offer"]);
    assert_eq!(status_of(&f, ana, p).as_deref(), Some("Phone screen"));
    assert_eq!(status_of(&f, bo, p).as_deref(), Some("Phone screen"));
    assert_eq!(status_of(&f, cy, p).as_deref(), Some("New"), "members elsewhere stay");
    // Nobody moved: no history entry for any member (the pipeline's record has its statuses).
    for who in [ana, bo, cy] {
        assert!(moves(&f, who).is_empty(), "{:#?}", moves(&f, who));
    }
    // The board's moves use the new name; the old one is gone.
    f.admin_applies(Mutation::PipelineSetStatus { candidate_id: cy, pipeline_id: p, status: "phone SCREEN".into() });
    assert_eq!(status_of(&f, cy, p).as_deref(), Some("Phone screen"));
    let old = f
        .store
        .apply(&f.admin, Mutation::PipelineSetStatus { candidate_id: cy, pipeline_id: p, status: "Screen".into() });
    assert!(refusal(old).to_string().contains("has no status \"Screen\""));
}

#[test]
fn a_status_with_members_goes_only_with_a_destination_for_them() {
    let mut f = fixture();
    let (p, [ana, bo, cy]) = backend(&mut f, false, true);
    let remove = |move_to: Option<&str>| Mutation::PipelineRemoveStatus {
        pipeline_id: p,
        status: "Screen".into(),
        move_to: move_to.map(String::from),
    };
    let refused = refusal(f.store.apply(&f.admin, remove(None)));
    assert_eq!(refused, DomainError::StatusHasMembers { status: "Screen".into(), count: 2 });
    assert_eq!(refused.to_string(), "2 candidates are at \"Screen\"; choose the status they move to");
    assert_eq!(statuses(&f, p).len(), 4, "nothing changed");
    assert!(refusal(f.store.apply(&f.admin, remove(Some("Screen")))).to_string().contains("has no status"));

    f.admin_applies(remove(Some("interview")));
    assert_eq!(statuses(&f, p), ["New", "Interview", "Offer"]);
    assert_eq!(status_of(&f, ana, p).as_deref(), Some("Interview"));
    assert_eq!(status_of(&f, bo, p).as_deref(), Some("Interview"));
    assert_eq!(status_of(&f, cy, p).as_deref(), Some("New"));
    // They did move: each has it in their history.
    let moved =
        HistoryDetail::PipelineMoved { pipeline: "Backend".into(), from: "Screen".into(), to: "Interview".into() };
    for who in [ana, bo] {
        assert_eq!(moves(&f, who), std::slice::from_ref(&moved));
    }
    assert!(moves(&f, cy).is_empty());
    // A status nobody is at goes without asking.
    f.admin_applies(Mutation::PipelineRemoveStatus { pipeline_id: p, status: "Offer".into(), move_to: None });
    assert_eq!(statuses(&f, p), ["New", "Interview"]);
}

#[test]
fn statuses_are_added_and_reordered_and_the_pipeline_renamed() {
    let mut f = fixture();
    let (p, _) = backend(&mut f, false, false);
    let recruiter = f.recruiter.clone();
    let apply = |f: &mut Fixture, m| f.store.apply(&recruiter, m).unwrap();
    apply(&mut f, Mutation::PipelineAddStatus { pipeline_id: p, status: "Hired".into() });
    apply(&mut f, Mutation::PipelineMoveStatus { pipeline_id: p, status: "Offer".into(), position: 0 });
    apply(&mut f, Mutation::PipelineRename { pipeline_id: p, name: "Backend 2027".into() });
    apply(&mut f, Mutation::PipelineSetPrivate { pipeline_id: p, private: true });
    let summary = f.store.pipelines(&recruiter).unwrap().into_iter().find(|s| s.pipeline.id == p).unwrap();
    assert_eq!(summary.pipeline.name, "Backend 2027");
    assert!(summary.pipeline.private);
    assert_eq!(summary.pipeline.statuses, ["Offer", "New", "Screen", "Interview", "Hired"]);
}

#[test]
fn bad_edits_are_refused_with_the_reason_and_change_nothing() {
    let mut f = fixture();
    let (p, _) = backend(&mut f, false, true);
    let twice = f
        .store
        .apply(&f.admin, Mutation::PipelineRenameStatus { pipeline_id: p, from: "New".into(), to: "offer".into() });
    assert_eq!(refusal(twice), DomainError::ListedTwice { field: "statuses".into(), value: "offer".into() });
    let added_twice =
        f.store.apply(&f.admin, Mutation::PipelineAddStatus { pipeline_id: p, status: " screen ".into() });
    assert!(matches!(refusal(added_twice), DomainError::ListedTwice { .. }));
    let nameless = f.store.apply(&f.admin, Mutation::PipelineRename { pipeline_id: p, name: "  ".into() });
    assert_eq!(refusal(nameless), DomainError::Required { field: "name".into() });
    let created_twice = f.store.apply(
        &f.admin,
        Mutation::PipelineCreate {
            pipeline_id: Uuid::now_v7(),
            name: "Dup".into(),
            statuses: vec!["New".into(), "new".into()],
            private: false,
        },
    );
    assert!(matches!(refusal(created_twice), DomainError::ListedTwice { .. }));
    let summary = f.store.pipelines(&f.admin).unwrap();
    assert_eq!(summary.len(), 1);
    assert_eq!((summary[0].pipeline.name.as_str(), summary[0].pipeline.statuses.len()), ("Backend", 4));
}

#[test]
fn a_recruiter_may_not_touch_an_admins_private_pipeline_nor_make_a_shared_one_private() {
    let mut f = fixture();
    let (private, [ana, ..]) = backend(&mut f, true, true);
    let recruiter = f.recruiter.clone();
    let attempts = [
        Mutation::PipelineRename { pipeline_id: private, name: "Mine".into() },
        Mutation::PipelineSetPrivate { pipeline_id: private, private: false },
        Mutation::PipelineAddStatus { pipeline_id: private, status: "Hired".into() },
        Mutation::PipelineRenameStatus { pipeline_id: private, from: "New".into(), to: "Fresh".into() },
        Mutation::PipelineRemoveStatus { pipeline_id: private, status: "Offer".into(), move_to: None },
        Mutation::PipelineArchive { pipeline_id: private, archived: true },
        Mutation::PipelineSetStatus { candidate_id: ana, pipeline_id: private, status: "Offer".into() },
    ];
    for m in attempts {
        let name = m.name();
        let err = refusal(f.store.apply(&recruiter, m));
        assert!(matches!(err, DomainError::NotYours { .. }), "{name}: {err:?}");
    }
    let (shared, _) = backend(&mut f, false, true);
    let hide = f.store.apply(&recruiter, Mutation::PipelineSetPrivate { pipeline_id: shared, private: true });
    assert!(matches!(refusal(hide), DomainError::NotYours { .. }));
    // The team's pipeline is the team's to rename; only its owner or an admin may hide it, as
    // the summary tells the editor.
    let summary =
        |f: &Fixture, who| f.store.pipelines(who).unwrap().into_iter().find(|s| s.pipeline.id == shared).unwrap();
    assert!(!summary(&f, &recruiter).may_set_privacy);
    assert!(summary(&f, &f.admin).may_set_privacy);
    f.store.apply(&recruiter, Mutation::PipelineRename { pipeline_id: shared, name: "Team".into() }).unwrap();
    assert_eq!(statuses(&f, private), ["New", "Screen", "Interview", "Offer"]);
}

#[test]
fn an_archived_pipeline_leaves_the_pickers_and_keeps_its_members() {
    let mut f = fixture();
    let (p, [ana, ..]) = backend(&mut f, false, false);
    let recruiter = f.recruiter.clone();
    f.store.apply(&recruiter, Mutation::PipelineArchive { pipeline_id: p, archived: true }).unwrap();
    assert!(f.store.filter_choices(&recruiter).unwrap().pipelines.is_empty(), "not offered in pickers");
    let listed = f.store.pipelines(&recruiter).unwrap();
    assert!(listed[0].pipeline.archived, "the list still has it, marked");
    assert_eq!((listed[0].unreviewed, listed[0].in_pipeline), (1, 2));
    assert_eq!(status_of(&f, ana, p).as_deref(), Some("Screen"));
    // It takes nobody new; its members still move and leave.
    let newcomer = f.create(Person { first: "Di", ..Person::default() });
    let add = Mutation::PipelineAdd { selection: Selection::ids([newcomer]), pipeline_id: p, status: None };
    assert_eq!(
        refusal(f.store.apply(&recruiter, add.clone())),
        DomainError::PipelineArchived { pipeline: "Backend".into() }
    );
    f.store
        .apply(&recruiter, Mutation::PipelineSetStatus { candidate_id: ana, pipeline_id: p, status: "Offer".into() })
        .unwrap();
    f.store.apply(&recruiter, Mutation::PipelineRemove { selection: Selection::ids([ana]), pipeline_id: p }).unwrap();
    assert_eq!(status_of(&f, ana, p), None);
    f.store.apply(&recruiter, Mutation::PipelineArchive { pipeline_id: p, archived: false }).unwrap();
    f.store.apply(&recruiter, add).unwrap();
    assert_eq!(status_of(&f, newcomer, p).as_deref(), Some("New"));
    assert_eq!(f.store.filter_choices(&recruiter).unwrap().pipelines.len(), 1);
}

#[test]
fn a_rename_keeps_the_privacy_an_admin_set_meanwhile() {
    let mut f = fixture();
    let (p, _) = backend(&mut f, false, false);
    f.admin_applies(Mutation::PipelineSetPrivate { pipeline_id: p, private: true });
    // The owner's rename, made before they saw the admin's change, says nothing of privacy.
    f.store
        .apply(&f.recruiter.clone(), Mutation::PipelineRename { pipeline_id: p, name: "Backend 2027".into() })
        .unwrap();
    let summary = f.store.pipelines(&f.admin).unwrap().into_iter().find(|s| s.pipeline.id == p).unwrap();
    assert_eq!((summary.pipeline.name.as_str(), summary.pipeline.private), ("Backend 2027", true));
}
