//! `talentdesk-server demo`: fills an empty org with the same demo data the desktop generates
//! (the shared generator in `talentdesk-demo`), so a large data set can be synced. Everything
//! is written in one transaction at one version, in batches of records.

use serde::Serialize;
use sqlx::{PgPool, Postgres, Transaction};
use talentdesk_demo::{DemoOptions, DemoSummary, Progress, Sink};
use talentdesk_domain::DomainError;
use talentdesk_domain::aggregate::FullCandidate;
use talentdesk_domain::event::Event;
use talentdesk_domain::job::Job;
use talentdesk_domain::pipeline::Pipeline;
use talentdesk_domain::settings::CustomFieldDef;
use talentdesk_domain::template::{self, Template};
use talentdesk_domain::user::User;
use talentdesk_sync::wire::RecordKind;
use tokio::runtime::Handle;
use uuid::Uuid;

use crate::ServerError;
use crate::auth::hash_password;
use crate::db::orgs;
use crate::db::records::{self, NewRecord, Scope};
use crate::db::users::{self, Account};
use talentdesk_domain::record::{AREAS_OF_INTEREST, SettingEntry, TagEntry};

/// Records written per statement.
const BATCH: usize = 5_000;

/// History numbers taken from the sequence at a time.
const HISTORY_IDS: i64 = 10_000;

/// Fills the org called `org`, which must hold no candidates yet. Its users become accounts
/// that sign in with `password`.
pub async fn fill_org(
    pool: &PgPool,
    org: &str,
    options: DemoOptions,
    password: String,
    progress: impl FnMut(Progress) + Send + 'static,
) -> Result<DemoSummary, ServerError> {
    let mut tx = pool.begin().await?;
    let org_id = orgs::by_name(&mut tx, org).await?.ok_or_else(|| DomainError::not_found("org", org))?;
    let version = orgs::next_version(&mut tx, org_id).await?;
    let has_candidates: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM records WHERE org_id = $1 AND kind = 'candidate')")
            .bind(org_id)
            .fetch_one(&mut *tx)
            .await?;
    if has_candidates {
        return Err(DomainError::invalid(
            "org",
            format!("{org} holds candidates already; demo data needs an empty org"),
        )
        .into());
    }
    let password_hash = hash_password(&password)?;
    let rt = Handle::current();
    let sink = PgSink {
        rt,
        tx,
        org: org_id,
        version,
        password_hash,
        pending: Vec::new(),
        history_ids: Vec::new(),
        candidates: 0,
    };
    let summary = tokio::task::spawn_blocking(move || talentdesk_demo::generate(sink, &options, progress))
        .await
        .map_err(|e| ServerError::Corrupt(format!("generating demo data: {e}")))??;
    Ok(summary)
}

struct PgSink {
    rt: Handle,
    tx: Transaction<'static, Postgres>,
    org: Uuid,
    version: i64,
    password_hash: String,
    pending: Vec<NewRecord>,
    /// Numbers taken from the sequence and not used yet.
    history_ids: Vec<i64>,
    candidates: u64,
}

impl PgSink {
    fn add<T: Serialize>(&mut self, kind: RecordKind, id: String, data: &T, scope: Scope) -> Result<(), ServerError> {
        self.pending.push(NewRecord { kind, id, data: serde_json::to_value(data)?, scope });
        if self.pending.len() >= BATCH {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), ServerError> {
        let rows = std::mem::take(&mut self.pending);
        Ok(self.rt.block_on(records::put_batch(&mut self.tx, self.org, self.version, &rows))?)
    }

    fn history_id(&mut self) -> Result<i64, ServerError> {
        if self.history_ids.is_empty() {
            let mut ids = self.rt.block_on(records::next_history_ids(&mut self.tx, HISTORY_IDS))?;
            ids.reverse();
            self.history_ids = ids;
        }
        Ok(self.history_ids.pop().expect("refilled above"))
    }
}

impl Sink for PgSink {
    type Error = ServerError;
    type Prepared = FullCandidate;

    fn user(&mut self, user: &User) -> Result<(), ServerError> {
        let existing = self.rt.block_on(users::by_email(&mut self.tx, &user.email))?;
        match existing {
            Some(account) if account.org_id != self.org => {
                let reason = format!("{} has an account in another org", user.email);
                return Err(DomainError::invalid("email", reason).into());
            }
            Some(_) => {}
            None => {
                let account = Account {
                    user: user.clone(),
                    org_id: self.org,
                    password_hash: self.password_hash.clone(),
                    active: true,
                };
                self.rt.block_on(users::insert(&mut self.tx, &account))?;
            }
        }
        self.add(RecordKind::User, user.id.to_string(), user, Scope::default())
    }

    fn pipeline(&mut self, p: &Pipeline) -> Result<(), ServerError> {
        let scope = Scope { candidate_id: None, visible_to: p.private.then_some(p.owner_id).flatten() };
        self.add(RecordKind::Pipeline, p.id.to_string(), p, scope)
    }

    fn event(&mut self, event: &Event) -> Result<(), ServerError> {
        self.add(RecordKind::Event, event.id.to_string(), event, Scope::default())
    }

    fn job(&mut self, job: &Job) -> Result<(), ServerError> {
        self.add(RecordKind::Job, job.id.to_string(), job, Scope::default())
    }

    fn listed_tag(&mut self, name: &str) -> Result<(), ServerError> {
        self.add(RecordKind::Tag, name.to_owned(), &TagEntry { name: name.to_owned(), listed: true }, Scope::default())
    }

    fn custom_field(&mut self, field: &CustomFieldDef) -> Result<(), ServerError> {
        self.add(RecordKind::CustomField, field.key.clone(), field, Scope::default())
    }

    fn areas_of_interest(&mut self, areas: &[String]) -> Result<(), ServerError> {
        let entry = SettingEntry { key: AREAS_OF_INTEREST.to_owned(), value: serde_json::to_value(areas)? };
        self.add(RecordKind::Setting, AREAS_OF_INTEREST.to_owned(), &entry, Scope::default())
    }

    fn template(&mut self, t: &Template) -> Result<(), ServerError> {
        let entry = SettingEntry { key: template::setting_key(t.id), value: serde_json::to_value(t)? };
        self.add(RecordKind::Setting, entry.key.clone(), &entry, Scope::default())
    }

    fn prepare(c: FullCandidate) -> Result<FullCandidate, ServerError> {
        Ok(c)
    }

    fn candidate(&mut self, c: &FullCandidate) -> Result<(), ServerError> {
        let id = c.candidate.id;
        let own = |visible_to| Scope { candidate_id: Some(id), visible_to };
        self.add(RecordKind::Candidate, id.to_string(), &c.aggregate(), Scope::default())?;
        for note in &c.notes {
            self.add(RecordKind::Note, note.id.to_string(), note, own(note.private.then_some(note.author_id)))?;
        }
        for m in &c.messages {
            self.add(RecordKind::Message, m.id(), m, own(Some(m.sender_id)))?;
        }
        for d in &c.documents {
            self.add(RecordKind::Document, d.id.to_string(), d, own(None))?;
        }
        for h in &c.history {
            let number = self.history_id()?;
            self.add(RecordKind::History, number.to_string(), &h.entry(number, id), own(None))?;
        }
        self.candidates += 1;
        Ok(())
    }

    fn finish(mut self, mut progress: impl FnMut(&str)) -> Result<u64, ServerError> {
        progress("writing the last records");
        self.flush()?;
        progress("committing");
        self.rt.block_on(orgs::announce(&mut self.tx, self.org, self.version))?;
        self.rt.block_on(self.tx.commit())?;
        Ok(self.candidates)
    }
}
