//! `talentdesk-cli sync`: what the desktop does in the background, once and headless. Signs
//! in (binding a new database to the account; the password from TALENTDESK_PASSWORD, else the
//! token the keychain keeps), loads the first snapshot with progress (Ctrl-C
//! stops it; the next run continues), then pushes and pulls until up to date.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use anyhow::Context;
use serde::Serialize;
use talentdesk_keychain::TokenEntry;
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
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let mut store = Store::open(db)?;
        let client = sign_in(&mut store, server, email).await?;
        let store = Arc::new(Mutex::new(store));
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
        let count = |which: fn(&NoticeDetail) -> bool| round.notices.iter().filter(|n| which(&n.detail)).count();
        for notice in &round.notices {
            eprintln!("{}", describe(notice));
        }
        let pending = store.lock().map_err(|_| anyhow::anyhow!("the store's lock was poisoned"))?.pending_count()?;
        let summary = Summary {
            first_sync_records,
            first_sync_seconds: (first_sync_seconds * 10.0).round() / 10.0,
            pushed: round.pushed,
            pulled: round.pulled,
            rejected: count(|d| matches!(d, NoticeDetail::Rejected { .. })),
            conflicts: count(|d| matches!(d, NoticeDetail::Conflicts { .. })),
            pending,
        };
        println!("{}", serde_json::to_string(&summary)?);
        Ok(ExitCode::SUCCESS)
    })
}

/// With TALENTDESK_PASSWORD: signs in (binding a new database to the account) and keeps the
/// token in the keychain for later runs. Without it: the token the keychain holds for this
/// account, on a database already bound to it.
async fn sign_in(store: &mut Store, server: &str, email: &str) -> anyhow::Result<Client> {
    let keychain = TokenEntry::new(server, email)?;
    let Ok(password) = std::env::var("TALENTDESK_PASSWORD") else {
        let bound = store.account()?.is_some_and(|a| a.server == server && a.email.eq_ignore_ascii_case(email));
        let token = if bound { keychain.token()? } else { None };
        let token = token.with_context(|| {
            format!("no saved sign-in for {email} at {server} on this database: set TALENTDESK_PASSWORD")
        })?;
        return Ok(Client::with_token(server, &token)?);
    };
    let (client, login) = Client::login(server, email, &password).await?;
    let account =
        Account { server: server.to_owned(), org_id: login.org_id, user_id: login.user.id, email: email.to_owned() };
    store.bind(&account, &login.user)?;
    if let Err(e) = keychain.save(&login.token) {
        eprintln!("note: the sign-in is not kept for next time: {e}");
    }
    Ok(client)
}

fn print_progress(p: &FirstSyncProgress) {
    let line = match p.phase {
        FirstSyncPhase::Downloading => {
            let percent = (p.loaded * 100).checked_div(p.total).unwrap_or(100);
            let left = p.remaining_ms.map(|ms| format!(", about {} s left", ms.div_ceil(1000))).unwrap_or_default();
            format!("first sync: {} of {} records ({percent}%){left}", p.loaded, p.total)
        }
        FirstSyncPhase::Indexing => format!(
            "first sync: {} records in after {:.1} s, building the search index",
            p.loaded,
            p.elapsed_ms as f64 / 1000.0
        ),
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
        NoticeDetail::EventGone(gone) => gone.words(),
    }
}
