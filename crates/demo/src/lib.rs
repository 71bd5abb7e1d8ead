//! Demo data: a realistic recruiting organisation with as many candidates as asked for, the
//! same every time for the same seed. The generator writes into any [`Sink`]: the desktop's
//! store through its bulk-load path (feature `store`), the server's PostgreSQL through its own.

mod org;
mod people;
mod words;

use std::time::{Duration, Instant};

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use talentdesk_domain::DomainError;
use talentdesk_domain::aggregate::FullCandidate;
use talentdesk_domain::event::Event;
use talentdesk_domain::job::Job;
use talentdesk_domain::pipeline::Pipeline;
use talentdesk_domain::settings::CustomFieldDef;
use talentdesk_domain::template::{self, Template};
use talentdesk_domain::user::User;

pub use org::{Org, reference_time};

/// Candidates handed from the generator to the writer at a time.
const BATCH: u64 = 1_000;

/// The most candidates a demo holds.
pub const MAX_CANDIDATES: u64 = 1_000_000;

pub struct DemoOptions {
    pub candidates: u64,
    pub seed: u64,
}

#[derive(Debug)]
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

/// Where demo data goes: an empty store or org, written in bulk.
pub trait Sink {
    type Error: From<DomainError> + Send;
    /// A candidate as this sink writes it, made by [`Sink::prepare`] on the generator's thread:
    /// the writer is what limits a load's speed, so whatever can be worked out ahead is.
    type Prepared: Send;

    fn user(&mut self, user: &User) -> Result<(), Self::Error>;
    fn pipeline(&mut self, pipeline: &Pipeline) -> Result<(), Self::Error>;
    fn event(&mut self, event: &Event) -> Result<(), Self::Error>;
    fn job(&mut self, job: &Job) -> Result<(), Self::Error>;
    fn listed_tag(&mut self, name: &str) -> Result<(), Self::Error>;
    fn custom_field(&mut self, field: &CustomFieldDef) -> Result<(), Self::Error>;
    /// The organisation's areas of interest (a setting).
    fn areas_of_interest(&mut self, areas: &[String]) -> Result<(), Self::Error>;
    /// One of the organisation's message templates (a setting).
    fn template(&mut self, template: &Template) -> Result<(), Self::Error>;
    fn prepare(candidate: FullCandidate) -> Result<Self::Prepared, Self::Error>;
    fn candidate(&mut self, candidate: &Self::Prepared) -> Result<(), Self::Error>;
    /// Completes the load (indexes, commit); returns how many candidates it holds.
    fn finish(self, progress: impl FnMut(&str)) -> Result<u64, Self::Error>;
}

#[cfg(feature = "store")]
mod store_sink;
#[cfg(feature = "store")]
pub use store_sink::fill_store;

/// Writes the demo organisation and its candidates into `sink`.
pub fn generate<S: Sink>(
    mut load: S,
    options: &DemoOptions,
    mut progress: impl FnMut(Progress),
) -> Result<DemoSummary, S::Error> {
    if options.candidates > MAX_CANDIDATES {
        return Err(DomainError::invalid(
            "candidates",
            format!("{} is more than the {MAX_CANDIDATES} a demo can hold", options.candidates),
        )
        .into());
    }
    let started = Instant::now();
    let now = reference_time();
    let org = org::org(now);
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
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
    load.areas_of_interest(&org.areas_of_interest)?;
    for t in &template::defaults() {
        load.template(t)?;
    }
    let step = (options.candidates / 100).max(1000);
    // Writing is the critical path. Generating, preparing each candidate for the sink and
    // freeing written batches take about half as long, on a thread of their own. One seeded
    // generator keeps the data the same on every run.
    let total = options.candidates;
    std::thread::scope(|scope| -> Result<(), S::Error> {
        let (batches, received) = std::sync::mpsc::sync_channel::<Result<Vec<S::Prepared>, S::Error>>(4);
        let (written, spent) = std::sync::mpsc::channel::<Vec<S::Prepared>>();
        let org = &org;
        scope.spawn(move || {
            let mut done = 0;
            while done < total {
                let batch: Result<Vec<_>, _> = (done..(done + BATCH).min(total))
                    .map(|i| S::prepare(people::candidate(&mut rng, org, now, i, total)))
                    .collect();
                done = (done + BATCH).min(total);
                let failed = batch.is_err();
                // The writer hung up on an error, which it reports.
                if batches.send(batch).is_err() || failed {
                    return;
                }
                spent.try_iter().for_each(drop);
            }
        });
        let mut done = 0;
        for batch in received {
            let batch = batch?;
            for c in &batch {
                load.candidate(c)?;
                done += 1;
                if done % step == 0 {
                    progress(Progress::Candidates { done, total });
                }
            }
            // Freed on the generator's thread, or here once it has sent the last batch.
            let _ = written.send(batch);
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

/// The organisation's methods of a [`Sink`] that keeps only candidates.
macro_rules! candidates_only {
    () => {
        fn user(&mut self, _: &User) -> Result<(), DomainError> {
            Ok(())
        }
        fn pipeline(&mut self, _: &Pipeline) -> Result<(), DomainError> {
            Ok(())
        }
        fn event(&mut self, _: &Event) -> Result<(), DomainError> {
            Ok(())
        }
        fn job(&mut self, _: &Job) -> Result<(), DomainError> {
            Ok(())
        }
        fn listed_tag(&mut self, _: &str) -> Result<(), DomainError> {
            Ok(())
        }
        fn custom_field(&mut self, _: &CustomFieldDef) -> Result<(), DomainError> {
            Ok(())
        }
        fn areas_of_interest(&mut self, _: &[String]) -> Result<(), DomainError> {
            Ok(())
        }
        fn template(&mut self, _: &Template) -> Result<(), DomainError> {
            Ok(())
        }
    };
}

/// The demo's candidates in memory (the organisation's lists left out): what tests compare
/// with what a store or server holds, and what the resume corpus writes out.
pub fn candidates(options: &DemoOptions) -> Result<Vec<FullCandidate>, DomainError> {
    struct Collected<'a>(&'a mut Vec<FullCandidate>);
    impl Sink for Collected<'_> {
        type Error = DomainError;
        type Prepared = FullCandidate;
        candidates_only!();
        fn prepare(c: FullCandidate) -> Result<FullCandidate, DomainError> {
            Ok(c)
        }
        fn candidate(&mut self, c: &FullCandidate) -> Result<(), DomainError> {
            self.0.push(c.clone());
            Ok(())
        }
        fn finish(self, _: impl FnMut(&str)) -> Result<u64, DomainError> {
            Ok(self.0.len() as u64)
        }
    }
    let mut out = Vec::with_capacity(options.candidates.min(MAX_CANDIDATES) as usize);
    generate(Collected(&mut out), options, |_| {})?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU64, Ordering};

    use uuid::Uuid;

    use super::*;

    /// A sink that refuses the 1,500th candidate it is asked to prepare.
    struct Refusing {
        written: u64,
    }

    static PREPARED: AtomicU64 = AtomicU64::new(0);

    impl Sink for Refusing {
        type Error = DomainError;
        type Prepared = Uuid;
        candidates_only!();
        fn prepare(c: FullCandidate) -> Result<Uuid, DomainError> {
            if PREPARED.fetch_add(1, Ordering::SeqCst) == 1_499 {
                return Err(DomainError::invalid("candidate", format!("{} refused", c.candidate.id)));
            }
            Ok(c.candidate.id)
        }
        fn candidate(&mut self, _: &Uuid) -> Result<(), DomainError> {
            self.written += 1;
            Ok(())
        }
        fn finish(self, _: impl FnMut(&str)) -> Result<u64, DomainError> {
            Ok(self.written)
        }
    }

    /// A candidate the sink cannot take ends the load with the sink's error: the batches
    /// before it are written, nothing after it, and the generator's thread stops.
    #[test]
    fn a_candidate_the_sink_refuses_ends_the_load_with_its_error() {
        let mut written = Vec::new();
        let err = generate(Refusing { written: 0 }, &DemoOptions { candidates: 5_000, seed: 3 }, |p| {
            if let Progress::Candidates { done, .. } = p {
                written.push(done);
            }
        })
        .unwrap_err();
        assert!(err.to_string().contains("refused"), "{err}");
        assert_eq!(written, [1_000], "the first batch only");
        assert_eq!(PREPARED.load(Ordering::SeqCst), 1_500, "nothing generated after the refusal");
    }
}
