//! `signup_per_s` in `bench server`: people joining the org's talent community on its sign-up
//! page at once, each form with a resume (generated PDFs and DOCX files of the resume corpus)
//! that the server reads in an isolated child, parses, stores as a document and turns into a
//! candidate through the mutation path. Every sign-up is someone new (a fresh email address).
//! All come from this machine's address: the server must allow that many
//! (`[signup] per_address_per_hour`).
//!
//! The page thanks a person as soon as it has checked and kept their form; the server's
//! sign-up worker makes the candidate moments later. So a sign-up counts when its candidate is
//! there, as a recruiter's pull sees it, and the rate is of sign-ups applied, not of forms
//! answered.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use talentdesk_sync::client::Client;
use talentdesk_sync::wire::RecordKind;
use uuid::Uuid;

use crate::bench::Stats;

/// Forms sent at once: a burst of people after a campaign's link went out.
pub const AT_ONCE: usize = 8;
/// Different resumes sent in turn.
const RESUMES: usize = 10;
/// How long after the last form its candidates may take to appear.
const APPLIED_WITHIN: Duration = Duration::from_secs(120);

pub struct SignUps {
    /// Sign-ups applied (their candidate made) a second, from the first form sent.
    pub per_s: f64,
    /// Candidates made of the forms sent.
    pub applied: usize,
    /// One form sent to its thank-you page.
    pub form: Stats,
}

/// Sends `count` forms; `from` is a version before them (the pull for their candidates starts there).
pub async fn measure(client: &Client, count: usize, from: i64) -> anyhow::Result<SignUps> {
    let page = client.sign_up_page().await?.url;
    let mut pulls = Pulls::new(client, from).await?;
    let resumes = tokio::task::spawn_blocking(|| talentdesk_resume_corpus::corpus(RESUMES, 7))
        .await?
        .map_err(anyhow::Error::msg)?;
    let resumes: Arc<Vec<(&'static str, Vec<u8>)>> = Arc::new(
        resumes
            .into_iter()
            .map(|s| match s.kind {
                talentdesk_resume_corpus::FileKind::Pdf => ("resume.pdf", s.file),
                talentdesk_resume_corpus::FileKind::Docx => ("resume.docx", s.file),
            })
            .collect(),
    );
    let http = reqwest::Client::new();
    let run = uuid::Uuid::now_v7().simple().to_string();
    let started = Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..AT_ONCE {
        let (http, page, resumes, run) = (http.clone(), page.clone(), resumes.clone(), run.clone());
        tasks.push(tokio::spawn(async move {
            let mut timings = Vec::new();
            for n in (worker..count).step_by(AT_ONCE) {
                let (file, bytes) = resumes[n % resumes.len()].clone();
                let form = reqwest::multipart::Form::new()
                    .text("name", format!("Bench Joiner{n}"))
                    .text("email", format!("bench-{run}-{n}@example.com"))
                    .text("consent", "yes")
                    .part("resume", reqwest::multipart::Part::bytes(bytes).file_name(file));
                let sent = Instant::now();
                let response = http.post(&page).multipart(form).send().await?;
                let status = response.status();
                let page_text = response.text().await?;
                anyhow::ensure!(
                    status.is_success(),
                    "sign-up {n} answered {status}{}",
                    if status.as_u16() == 429 {
                        " (too many from this address: set [signup] per_address_per_hour higher for the bench)"
                            .to_owned()
                    } else {
                        format!(": {}", page_text.chars().take(300).collect::<String>())
                    }
                );
                timings.push(sent.elapsed());
            }
            anyhow::Ok(timings)
        }));
    }
    let mut timings: Vec<Duration> = Vec::new();
    for task in tasks {
        timings.extend(task.await??);
    }
    let applied = pulls.until_signed_up(&format!("bench-{run}-"), count).await?;
    let seconds = started.elapsed().as_secs_f64();
    Ok(SignUps { per_s: applied as f64 / seconds, applied, form: Stats::of(&timings) })
}

/// A recruiter's pulls, watching for the candidates the forms make.
struct Pulls<'a> {
    client: &'a Client,
    id: Uuid,
    cursor: String,
}

impl<'a> Pulls<'a> {
    /// Pulls from `from` to the present, so only what comes after is looked at.
    async fn new(client: &'a Client, from: i64) -> anyhow::Result<Self> {
        let mut pulls = Self { client, id: Uuid::now_v7(), cursor: from.to_string() };
        while pulls.page().await?.1 {}
        Ok(pulls)
    }

    /// The candidates of the next page (their emails), and whether more pages wait.
    async fn page(&mut self) -> anyhow::Result<(Vec<String>, bool)> {
        let page = self.client.pull(self.id, &self.cursor).await?;
        self.cursor = page.cursor;
        let emails = page
            .changes
            .iter()
            .filter(|c| c.kind == RecordKind::Candidate)
            .filter_map(|c| serde_json::from_str::<serde_json::Value>(c.data.as_ref()?.get()).ok())
            .filter_map(|v| v["candidate"]["profile"]["email"].as_str().map(str::to_owned))
            .collect();
        Ok((emails, page.more))
    }

    /// Pulls until `count` candidates whose email starts with `prefix` came; how many came
    /// within [`APPLIED_WITHIN`] (an error when not all did: forms were answered, not applied).
    async fn until_signed_up(&mut self, prefix: &str, count: usize) -> anyhow::Result<usize> {
        let deadline = Instant::now() + APPLIED_WITHIN;
        let mut seen = HashSet::new();
        while seen.len() < count {
            let (emails, more) = self.page().await?;
            seen.extend(emails.into_iter().filter(|e| e.starts_with(prefix)));
            anyhow::ensure!(
                Instant::now() < deadline,
                "{} of {count} sign-ups were applied within {} s of their forms' answers",
                seen.len(),
                APPLIED_WITHIN.as_secs()
            );
            if !more && seen.len() < count {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        Ok(seen.len())
    }
}
