//! `signup_per_s` in `bench server`: people joining the org's talent community on its sign-up
//! page at once, each form with a resume (generated PDFs and DOCX files of the resume corpus)
//! that the server reads in an isolated child, parses, stores as a document and turns into a
//! candidate through the mutation path. Every sign-up is someone new (a fresh email address).
//! All come from this machine's address: the server must allow that many
//! (`[signup] per_address_per_hour`).

use std::sync::Arc;
use std::time::{Duration, Instant};

use talentdesk_sync::client::Client;

use crate::bench::Stats;

/// Forms sent at once: a burst of people after a campaign's link went out.
const AT_ONCE: usize = 8;
/// Different resumes sent in turn.
const RESUMES: usize = 10;

pub struct SignUps {
    pub per_s: f64,
    /// One form sent to its thank-you page.
    pub form: Stats,
}

pub async fn measure(client: &Client, count: usize) -> anyhow::Result<SignUps> {
    let page = client.sign_up_page().await?.url;
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
    let seconds = started.elapsed().as_secs_f64();
    Ok(SignUps { per_s: count as f64 / seconds, form: Stats::of(&timings) })
}
