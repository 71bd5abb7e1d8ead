//! `talentdesk-cli sync`: what the desktop does in the background, once and headless. Signs
//! in (binding a new database to the account), loads the first snapshot with progress (Ctrl-C
//! stops it; the next run continues), then pushes and pulls until up to date.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use anyhow::Context;
use serde::Serialize;
use talentdesk_store::Store;
use talentdesk_store::replica::{Account, NoticeDetail};
use talentdesk_sync::client::Client;
use talentdesk_sync::engine::{Engine, FirstSyncPhase, FirstSyncProgress};

/// What a run did, printed as JSON on stdout.
#[derive(Serialize)]
struct Summary {
    first_sync_records: u64,
    first_sync_seconds: f64,
    pushed: usize,
    pulled: usize,
    rejected: usize,
    conflicts: usize,
    pending: u64,
}

pub fn run(server: &str, email: &str, db: &Path) -> anyhow::Result<ExitCode> {
    let password = std::env::var("TALENTDESK_PASSWORD")
        .context("set TALENTDESK_PASSWORD to the account's password (it is never read from a file)")?;
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let store = Store::open(db)?;
        let (client, login) = Client::login(server, email, &password).await?;
        let account = Account {
            server: server.to_owned(),
            org_id: login.org_id,
            user_id: login.user.id,
            email: email.to_owned(),
        };
        let store = Arc::new(Mutex::new(store));
        store.lock().expect("the store is not shared yet").bind(&account, &login.user)?;
        let engine = Engine::new(store.clone(), client)?;

        let cancel = Arc::new(AtomicBool::new(false));
        tokio::spawn({
            let cancel = cancel.clone();
            async move {
                if tokio::signal::ctrl_c().await.is_ok() {
                    cancel.store(true, Ordering::Relaxed);
                }
            }
        });
        let started = Instant::now();
        let first_sync_records = engine.first_sync(cancel, print_progress).await?;
        let first_sync_seconds = started.elapsed().as_secs_f64();

        let round = engine.sync_once().await?;
        let count = |rejected: bool| {
            round.notices.iter().filter(|n| matches!(n.detail, NoticeDetail::Rejected { .. }) == rejected).count()
        };
        for notice in &round.notices {
            eprintln!("{}", describe(notice));
        }
        let pending = store.lock().map_err(|_| anyhow::anyhow!("the store's lock was poisoned"))?.pending_count()?;
        let summary = Summary {
            first_sync_records,
            first_sync_seconds: (first_sync_seconds * 10.0).round() / 10.0,
            pushed: round.pushed,
            pulled: round.pulled,
            rejected: count(true),
            conflicts: count(false),
            pending,
        };
        println!("{}", serde_json::to_string(&summary)?);
        Ok(ExitCode::SUCCESS)
    })
}

fn print_progress(p: &FirstSyncProgress) {
    let line = match p.phase {
        FirstSyncPhase::Downloading => {
            let percent = (p.loaded * 100).checked_div(p.total).unwrap_or(100);
            let left = p.remaining_ms.map(|ms| format!(", about {} s left", ms.div_ceil(1000))).unwrap_or_default();
            format!("first sync: {} of {} records ({percent}%){left}", p.loaded, p.total)
        }
        FirstSyncPhase::Indexing => format!("first sync: {} records in, building the search index", p.loaded),
    };
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

fn describe(notice: &talentdesk_store::replica::Notice) -> String {
    match &notice.detail {
        NoticeDetail::Rejected { reason } => format!("change {} ({}) was refused: {reason}", notice.seq, notice.name),
        NoticeDetail::Conflicts { conflicts } => {
            format!("change {} ({}) overwrote {} value(s) a teammate had set", notice.seq, notice.name, conflicts.len())
        }
    }
}
