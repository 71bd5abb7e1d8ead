//! Reading a sent resume: in a child process with a time and memory limit (the same isolated
//! reader the desktop uses, `talentdesk_resume::isolated`: a hostile file can panic, hang or
//! inflate the reader, never the server), a few at a time so a flood of forms cannot start a
//! flood of processes.

use std::sync::Arc;
use std::time::Duration;

use talentdesk_domain::candidate::Profile;
use talentdesk_resume::{Isolated, ResumeError};
use tokio::sync::Semaphore;

use super::Settings;

/// The reader and the places to read in.
#[derive(Clone)]
pub struct Reader {
    isolated: Isolated,
    slots: Arc<Semaphore>,
}

impl Reader {
    /// The reader the settings name (`resume_reader`), or this program's `extract-text`.
    pub fn new(settings: &Settings) -> anyhow::Result<Self> {
        let isolated = match &settings.resume_reader {
            Some(program) => Isolated::new(program, &["extract-text"]),
            None => Isolated::this_program(&["extract-text"])?,
        };
        let isolated = isolated.with_limit(Duration::from_millis(settings.read_time_limit_ms));
        Ok(Self { isolated, slots: Arc::new(Semaphore::new(settings.concurrent_reads.max(1))) })
    }

    /// What the resume says, as a profile.
    pub async fn profile_of(&self, bytes: Vec<u8>) -> Result<Profile, ResumeError> {
        let _slot = self.slots.acquire().await.map_err(|_| ResumeError::Failed("the server is stopping".into()))?;
        let isolated = self.isolated.clone();
        tokio::task::spawn_blocking(move || {
            let (_, parsed) = talentdesk_resume::parse_file(&isolated, &bytes)?;
            Ok::<_, ResumeError>(parsed.to_profile())
        })
        .await
        .map_err(|e| ResumeError::Failed(e.to_string()))?
    }
}
