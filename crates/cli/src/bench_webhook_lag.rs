//! `bench server`'s webhook lag: how long after a desktop pushes a workflow status change the
//! change reaches a webhook receiver, measured end to end over HTTP while the other desktops
//! of the benchmark push. The receiver listens on this machine, so the server under test must
//! allow webhooks to loopback (`webhooks_allow_private = true`); the webhook and the pipeline
//! made for the run are removed (archived) after it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::State;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_sync::client::{Client, ClientError};
use talentdesk_sync::webhooks::{WebhookEvent, WebhookSettings};
use talentdesk_sync::wire::PushedMutation;
use tokio::sync::Notify;
use uuid::Uuid;

/// How long one change may take to arrive before it counts as lost.
const GIVE_UP: Duration = Duration::from_secs(10);
const STATUSES: [&str; 2] = ["Screen", "Interview"];

/// When each `candidate:status` arrived.
#[derive(Clone, Default)]
struct Arrivals {
    seen: Arc<Mutex<HashMap<String, Instant>>>,
    notify: Arc<Notify>,
}

async fn receive(State(arrivals): State<Arrivals>, body: String) -> axum::http::StatusCode {
    let at = Instant::now();
    if let Ok(event) = serde_json::from_str::<serde_json::Value>(&body) {
        let data = &event["data"];
        let key = format!(
            "{}:{}",
            data["candidate"]["candidate"]["id"].as_str().unwrap_or_default(),
            data["status"].as_str().unwrap_or_default()
        );
        arrivals.seen.lock().expect("no panic holds the lock").insert(key, at);
        arrivals.notify.notify_waiters();
    }
    axum::http::StatusCode::NO_CONTENT
}

impl Arrivals {
    /// Waits for `key` (at most [`GIVE_UP`]); when it arrived.
    async fn wait(&self, key: &str) -> Option<Instant> {
        let deadline = tokio::time::Instant::now() + GIVE_UP;
        loop {
            let notified = self.notify.notified();
            if let Some(at) = self.seen.lock().expect("no panic holds the lock").remove(key) {
                return Some(at);
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return None;
            }
        }
    }
}

/// What `samples` status changes took to reach the receiver.
pub struct Lag {
    /// From the push being sent: what a partner waiting on a recruiter's move sees.
    pub from_push: Vec<Duration>,
    /// From the push's answer (the change committed) on: the webhook's own part.
    pub from_commit: Vec<Duration>,
    /// Changes whose event never arrived.
    pub lost: usize,
}

/// The lag of each of `samples` status changes.
pub async fn measure(client: &Client, candidate: Uuid, samples: usize) -> anyhow::Result<Lag> {
    let arrivals = Arrivals::default();
    let app = axum::Router::new().route("/hook", axum::routing::post(receive)).with_state(arrivals.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/hook", listener.local_addr()?);
    let receiver = tokio::spawn(async move { axum::serve(listener, app).await });

    let (pipeline, client_id) = (Uuid::now_v7(), Uuid::now_v7());
    let mut seq = 0;
    // When the push was sent, and when the server had taken it (committed).
    let mut push = async |mutation: Mutation| -> anyhow::Result<(Instant, Instant)> {
        seq += 1;
        let started = Instant::now();
        client.push(client_id, vec![PushedMutation::new(seq, mutation, chrono::Utc::now())]).await?;
        Ok((started, Instant::now()))
    };
    let statuses = ["Sourced", STATUSES[0], STATUSES[1]].map(String::from).to_vec();
    push(Mutation::PipelineCreate {
        pipeline_id: pipeline,
        name: "Bench webhook lag".into(),
        statuses,
        private: false,
    })
    .await?;
    push(Mutation::PipelineAdd { selection: Selection::ids([candidate]), pipeline_id: pipeline, status: None }).await?;
    let settings = WebhookSettings {
        url,
        events: vec![WebhookEvent::PipelineStatusChanged],
        pipeline_id: Some(pipeline),
        status: None,
        enabled: true,
    };
    let webhook = client.create_webhook(&settings).await.map_err(|e| match e {
        ClientError::Refused { message, .. } => anyhow::anyhow!(
            "the server refused the benchmark's webhook to this machine ({message}); set webhooks_allow_private = true \
             in its settings for the run"
        ),
        other => other.into(),
    })?;

    let mut lag = Lag { from_push: Vec::with_capacity(samples), from_commit: Vec::with_capacity(samples), lost: 0 };
    for i in 0..samples {
        let status = STATUSES[i % 2];
        let (started, taken) =
            push(Mutation::PipelineSetStatus { candidate_id: candidate, pipeline_id: pipeline, status: status.into() })
                .await?;
        match arrivals.wait(&format!("{candidate}:{status}")).await {
            Some(at) => {
                lag.from_push.push(at - started);
                // The event may arrive before the push's answer does.
                lag.from_commit.push(at.saturating_duration_since(taken));
            }
            None => lag.lost += 1,
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    client.delete_webhook(webhook.webhook.id).await?;
    push(Mutation::PipelineArchive { pipeline_id: pipeline, archived: true }).await?;
    receiver.abort();
    Ok(lag)
}
