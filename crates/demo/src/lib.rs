//! Demo data: a realistic recruiting organisation with as many candidates as asked for, the
//! same every time for the same seed. Written through the store's bulk-load path.

mod org;
mod people;
mod words;

use std::time::{Duration, Instant};

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use talentdesk_store::{Store, StoreError};

pub use org::{Org, reference_time};

/// Candidates handed from the generator to the writer at a time.
const BATCH: u64 = 1_000;

/// The most candidates a demo holds.
pub const MAX_CANDIDATES: u64 = 1_000_000;

pub struct DemoOptions {
    pub candidates: u64,
    pub seed: u64,
}

pub struct DemoSummary {
    pub candidates: u64,
    pub admin_email: String,
    pub recruiter_emails: Vec<String>,
    pub elapsed: Duration,
}

/// Progress while generating: candidates written so far, or a phase name.
pub enum Progress<'a> {
    Candidates { done: u64, total: u64 },
    Phase(&'a str),
}

/// Fills a new store with demo data.
pub fn generate(
    store: &mut Store,
    options: &DemoOptions,
    mut progress: impl FnMut(Progress),
) -> Result<DemoSummary, StoreError> {
    if options.candidates > MAX_CANDIDATES {
        return Err(talentdesk_domain::DomainError::invalid(
            "candidates",
            format!("{} is more than the {MAX_CANDIDATES} a demo can hold", options.candidates),
        )
        .into());
    }
    let started = Instant::now();
    let now = reference_time();
    let org = org::org(now);
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let mut load = store.bulk_load()?;
    for user in org.users() {
        load.user(user)?;
    }
    for p in &org.pipelines {
        load.pipeline(p)?;
    }
    for e in &org.events {
        load.event(e)?;
    }
    for j in &org.jobs {
        load.job(j)?;
    }
    for t in &org.tags {
        load.listed_tag(t)?;
    }
    for f in &org.custom_fields {
        load.custom_field(f)?;
    }
    let step = (options.candidates / 100).max(1000);
    // Generating takes about a fifth of writing: on its own thread it stays off the critical
    // path. One seeded generator keeps the data the same on every run.
    let total = options.candidates;
    std::thread::scope(|scope| -> Result<(), StoreError> {
        let (batches, received) = std::sync::mpsc::sync_channel::<Vec<talentdesk_store::bulk_load::LoadCandidate>>(4);
        let org = &org;
        scope.spawn(move || {
            let mut done = 0;
            while done < total {
                let batch = (done..(done + BATCH).min(total)).map(|i| people::candidate(&mut rng, org, now, i, total));
                done = (done + BATCH).min(total);
                // The writer hung up on an error, which it reports.
                if batches.send(batch.collect()).is_err() {
                    return;
                }
            }
        });
        let mut done = 0;
        for batch in received {
            for c in &batch {
                load.candidate(c)?;
                done += 1;
                if done % step == 0 {
                    progress(Progress::Candidates { done, total });
                }
            }
        }
        Ok(())
    })?;
    let candidates = load.finish(|phase| progress(Progress::Phase(phase)))?;
    Ok(DemoSummary {
        candidates,
        admin_email: org.admin.email.clone(),
        recruiter_emails: org.recruiters.iter().map(|u| u.email.clone()).collect(),
        elapsed: started.elapsed(),
    })
}
