//! A pipeline's board in the real window: cards dragged with the mouse to another column, one
//! moved by keyboard, two picked with Ctrl+click and dragged together; the store and the In
//! Pipeline tab then have the new statuses, and the tab's rows have the bulk bar. A move the
//! store refuses (the status went away meanwhile) puts the card back, saying why.

use serde_json::json;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_e2e::{DemoDb, Session, admin, axe, err, keys, number, undo_offer};
use uuid::Uuid;

const STATUSES: [&str; 4] = ["New", "Screening", "Interview", "Offer"];

fn column(status: &str) -> String {
    format!("[data-testid=pipeline-board] [data-column=\"{status}\"]")
}

fn card(id: Uuid) -> String {
    format!("[data-testid=pipeline-board] [data-card=\"{id}\"]")
}

/// Waits until the column's count says `n`.
fn counts(session: &Session, status: &str, n: u64) -> Result<(), String> {
    let css = format!("{} [data-testid=board-count]", column(status));
    session.wait_for(&format!("{status} to count {n}"), |s| Ok(s.text(&css)?.filter(|t| number(t) == Some(n))))?;
    Ok(())
}

/// Waits until card `id` is in the column of `status`.
fn is_at(session: &Session, id: Uuid, status: &str) -> Result<(), String> {
    let css = format!("{} [data-card=\"{id}\"]", column(status));
    session.wait_for(&format!("the card in {status}"), |s| s.text(&css))?;
    Ok(())
}

/// Waits until the card `id` has the keyboard's focus: after a move by the keys the focus
/// follows the card into its new column, where the next key acts on it.
fn has_focus(session: &Session, id: Uuid) -> Result<(), String> {
    session.wait_for("the moved card focused", |s| {
        let focused = s.script("return document.activeElement?.getAttribute('data-card') ?? null;", json!([]))?;
        Ok((focused.as_str() == Some(id.to_string().as_str())).then_some(()))
    })
}

#[test]
fn cards_move_by_mouse_and_keyboard_alone_and_together() -> Result<(), String> {
    let demo = DemoDb::new(300, 7)?;
    let mut store = demo.open()?;
    let admin = admin(&store)?;
    let pipeline = talentdesk_domain::new_id();
    store
        .apply(
            &admin,
            Mutation::PipelineCreate {
                pipeline_id: pipeline,
                name: "Board test".into(),
                statuses: STATUSES.iter().map(|s| (*s).to_owned()).collect(),
                private: false,
            },
        )
        .map_err(err)?;
    let page = store
        .search(&Default::default(), &talentdesk_store::search::PageRequest { limit: 6, ..Default::default() })
        .map_err(err)?;
    let ids: Vec<Uuid> = page.rows.iter().map(|r| r.id).collect();
    store
        .apply(
            &admin,
            Mutation::PipelineAdd { selection: Selection::ids(ids.clone()), pipeline_id: pipeline, status: None },
        )
        .map_err(err)?;
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the candidates page", |s| s.text("[data-testid=result-count]"))?;
    session.click("[data-testid=rail-pipelines]")?;
    let entry = format!("[data-testid=pipelines-page] button[data-id=\"{pipeline}\"]");
    session.wait_for("the pipeline in the list", |s| s.text(&entry))?;
    session.click(&entry)?;
    session
        .wait_for("its heading", |s| Ok(s.text("[data-testid=pipelines-page] h1")?.filter(|h| h == "Board test")))?;
    session.click("[data-testid=pipeline-tabs] [data-tab=board]")?;
    counts(&session, "New", 6)?;
    let columns = session.texts("[data-testid=pipeline-board] [data-testid=board-column] h2")?;
    assert_eq!(columns.len(), 4, "one column per status: {columns:?}");
    assert!(columns[0].starts_with("New") && columns[3].starts_with("Offer"), "in the pipeline's order: {columns:?}");

    // The mouse: the first card onto Screening.
    session.drag(&card(ids[0]), &column("Screening"))?;
    is_at(&session, ids[0], "Screening")?;
    counts(&session, "New", 5)?;
    counts(&session, "Screening", 1)?;
    // A move of one card offers its undo: taken, the card is back in New; then moved again.
    undo_offer(&session, "Moved in the pipeline")?;
    session.click("[data-testid=undo-button]")?;
    is_at(&session, ids[0], "New")?;
    counts(&session, "Screening", 0)?;
    session.drag(&card(ids[0]), &column("Screening"))?;
    is_at(&session, ids[0], "Screening")?;

    // The keyboard: a click picks and focuses a card, Shift+→ moves it one column on.
    session.click(&card(ids[1]))?;
    session.chord(&[keys::SHIFT, keys::ARROW_RIGHT])?;
    is_at(&session, ids[1], "Screening")?;
    has_focus(&session, ids[1])?;
    // `m` then a column's number: from Screening to the fourth column.
    session.press("m")?;
    session.wait_for("the column question", |s| s.text("[data-testid=board-choose]"))?;
    session.press("4")?;
    is_at(&session, ids[1], "Offer")?;

    // Two picked (a click, then Ctrl+click) and dragged together onto Interview.
    session.click(&card(ids[2]))?;
    session.click_with(keys::CONTROL, &card(ids[3]))?;
    session.wait_for("two cards picked", |s| {
        Ok(s.texts("[data-testid=pipeline-board] [aria-selected=true]")?.len().eq(&2).then_some(()))
    })?;
    session.wait_for("the bulk bar", |s| s.text("[data-testid=bulk-count]"))?;
    session.drag(&card(ids[3]), &column("Interview"))?;
    is_at(&session, ids[2], "Interview")?;
    is_at(&session, ids[3], "Interview")?;
    counts(&session, "New", 2)?;
    counts(&session, "Interview", 2)?;
    session.screenshot("pipeline-board")?;
    let found: Vec<String> = axe::check(&session)?.iter().map(ToString::to_string).collect();
    assert!(found.is_empty(), "axe finds nothing serious on the board: {found:#?}");

    // The palette acts on the picked cards, as the bulk bar does.
    session.click(&card(ids[2]))?;
    session.click_with(keys::CONTROL, &card(ids[3]))?;
    session.wait_for("two cards picked again", |s| {
        Ok(s.texts("[data-testid=pipeline-board] [aria-selected=true]")?.len().eq(&2).then_some(()))
    })?;
    session.chord(&[keys::CONTROL, "k"])?;
    session.wait_for("the palette", |s| s.text("[data-testid=palette-input]").map(|t| t.map(|_| ())))?;
    session.type_into("[data-testid=palette-input]", "add tag")?;
    session.wait_for("Manage Tags first", |s| {
        Ok(s.text("[data-testid=palette-option][aria-selected=true] .label")?.filter(|l| l == "Manage Tags"))
    })?;
    session.press(keys::ENTER)?;
    let dialog = session.wait_for("Manage Tags for the two", |s| s.text("[role=dialog]"))?;
    assert!(dialog.contains("2 candidates"), "{dialog}");
    session.press(keys::ESCAPE)?;
    session.wait_for("the dialog closed", |s| Ok(s.text("[role=dialog]")?.is_none().then_some(())))?;

    // The store has them where the board shows them.
    let store = demo.open()?;
    let board = store.pipeline_board(&admin, pipeline, 50).map_err(err)?;
    let at = |status: &str| -> Vec<Uuid> {
        let c = board.columns.iter().find(|c| c.status == status).expect("the column");
        c.cards.iter().map(|m| m.candidate.id).collect()
    };
    assert_eq!(at("Screening"), [ids[0]]);
    assert_eq!(at("Offer"), [ids[1]]);
    let mut interview = at("Interview");
    interview.sort();
    let mut moved = vec![ids[2], ids[3]];
    moved.sort();
    assert_eq!(interview, moved);

    // The In Pipeline tab lists the four moved, at their new statuses.
    session.click("[data-testid=pipeline-tabs] [data-tab=in_pipeline]")?;
    let rows = session.wait_for("the four moved in the In Pipeline tab", |s| {
        Ok(Some(s.texts("[data-testid=pipeline-members] tbody tr")?).filter(|r| r.len() == 4))
    })?;
    for (id, status) in [(ids[0], "Screening"), (ids[1], "Offer"), (ids[2], "Interview")] {
        let name = page.rows.iter().find(|r| r.id == id).map(|r| r.name.clone()).unwrap_or_default();
        assert!(rows.iter().any(|r| r.contains(&name) && r.contains(status)), "{name} at {status}: {rows:?}");
    }
    session.click("[data-testid=pipeline-members] tbody tr [data-testid=select-row]")?;
    let picked = session.wait_for("the bulk bar on the tab", |s| s.text("[data-testid=bulk-count]"))?;
    assert_eq!(number(&picked), Some(1), "{picked}");

    // Beside the window, the pipeline loses its Offer status (its member goes to Interview);
    // the board still shows the column, and a card dragged there is refused and comes back.
    session.click("[data-testid=pipeline-tabs] [data-tab=board]")?;
    counts(&session, "New", 2)?;
    let mut store = demo.open()?;
    store
        .apply(
            &admin,
            Mutation::PipelineRemoveStatus {
                pipeline_id: pipeline,
                status: "Offer".into(),
                move_to: Some("Interview".into()),
            },
        )
        .map_err(err)?;
    drop(store);
    session.drag(&card(ids[4]), &column("Offer"))?;
    let why = session.wait_for("the refusal", |s| s.text("[data-testid=board-refused]"))?;
    assert!(why.contains("Offer"), "it names the status: {why}");
    is_at(&session, ids[4], "New")?;
    counts(&session, "New", 2)?;
    session.screenshot("pipeline-board-refused")?;
    Ok(())
}

/// The board of a 10,000-member pipeline: from the click on its tab to its first cards on
/// screen (a frame drawn after they are in the page). The 300 ms is the release app's;
/// this debug build on two cores shared with other builds took 109-304 ms, so the test holds it
/// to a second (drawing all 10,000 cards, or reading whole columns, takes several) and prints
/// what it measured.
#[test]
fn a_ten_thousand_member_board_shows_its_first_screen_at_once() -> Result<(), String> {
    const MEMBERS: usize = 10_000;
    let demo = DemoDb::new(MEMBERS as u64, 11)?;
    let mut store = demo.open()?;
    let admin = admin(&store)?;
    let pipeline = talentdesk_domain::new_id();
    store
        .apply(
            &admin,
            Mutation::PipelineCreate {
                pipeline_id: pipeline,
                name: "Big board".into(),
                statuses: STATUSES.iter().map(|s| (*s).to_owned()).collect(),
                private: false,
            },
        )
        .map_err(err)?;
    let ids = store.candidate_ids(u32::MAX).map_err(err)?;
    for (status, chunk) in STATUSES.iter().zip(ids.chunks(MEMBERS / STATUSES.len())) {
        let selection = Selection::ids(chunk.iter().copied());
        store
            .apply(&admin, Mutation::PipelineAdd { selection, pipeline_id: pipeline, status: Some((*status).into()) })
            .map_err(err)?;
    }
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    session.wait_for("the candidates page", |s| s.text("[data-testid=result-count]"))?;
    session.click("[data-testid=rail-pipelines]")?;
    let entry = format!("[data-testid=pipelines-page] button[data-id=\"{pipeline}\"]");
    session.wait_for("the pipeline in the list", |s| s.text(&entry))?;
    session.click(&entry)?;
    session.wait_for("its heading", |s| Ok(s.text("[data-testid=pipelines-page] h1")?.filter(|h| h == "Big board")))?;
    session.script(
        "window.__boardShown = null;
         const start = performance.now();
         const seen = new MutationObserver(() => {
           if (!document.querySelector('[data-testid=board-card]')) return;
           seen.disconnect();
           requestAnimationFrame(() => (window.__boardShown = performance.now() - start));
         });
         seen.observe(document.body, { childList: true, subtree: true });
         document.querySelector('[data-testid=pipeline-tabs] [data-tab=board]').click();
         return true;",
        serde_json::json!([]),
    )?;
    let shown = session.wait_for("the first cards", |s| {
        Ok(s.script("return window.__boardShown;", serde_json::json!([]))?.as_f64())
    })?;
    counts(&session, "New", (MEMBERS / STATUSES.len()) as u64)?;
    let drawn = session.texts("[data-testid=pipeline-board] [data-testid=board-card]")?.len();
    eprintln!("10,000-member board: first cards on screen {shown:.0} ms after the click; {drawn} cards in the page");
    assert!(drawn < 200, "only the cards in sight are drawn, not 10,000: {drawn}");
    assert!(shown <= 1000.0, "the first screen at once: {shown:.0} ms");
    session.screenshot("pipeline-board-10k")?;
    Ok(())
}
