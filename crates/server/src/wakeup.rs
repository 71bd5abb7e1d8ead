//! Waking workers when another transaction wrote what they take: live updates, blob releases,
//! webhook deliveries and sign-up forms are each announced with a PostgreSQL notification at
//! commit. One listener per process hears them all and hands each to whoever subscribed
//! ([`Wakeups`]): a `PgListener` holds one of the pool's connections for as long as it listens,
//! so one per worker took four connections from requests (all of a small pool's), one for all
//! takes one.
//!
//! [`Wakeups::run`] is the loop of a worker that takes rows others write: it works in rounds
//! while there is work, then waits for a notification on its channel (sent by whoever wrote a
//! row) or for `poll` (rows whose retry came due, or notifications missed while the listener
//! was away).

use std::future::Future;
use std::time::Duration;

use sqlx::PgPool;
use sqlx::postgres::PgListener;
use tokio::sync::broadcast;

use crate::ServerError;

/// What the process's listener heard.
#[derive(Debug, Clone)]
pub enum Heard {
    /// A notification on `channel`, with its payload.
    Notification { channel: String, payload: String },
    /// The listener connected again (or a subscriber fell behind): notifications may have been
    /// missed, so whoever depends on them looks for themselves.
    Missed,
}

/// The process's one listener, to subscribe to.
#[derive(Clone)]
pub struct Wakeups {
    heard: broadcast::Sender<Heard>,
}

/// How many notifications a slow subscriber may fall behind before it hears [`Heard::Missed`].
const BACKLOG: usize = 1024;
/// How soon a lost listener connects again.
const RECONNECT: Duration = Duration::from_secs(1);

impl Wakeups {
    /// Starts listening on `channels` for as long as the server runs.
    pub fn spawn(pool: PgPool, channels: &'static [&'static str]) -> (Self, tokio::task::JoinHandle<()>) {
        let (heard, _) = broadcast::channel(BACKLOG);
        let sender = heard.clone();
        let task = tokio::spawn(async move {
            loop {
                if let Err(e) = listen(&pool, channels, &sender).await {
                    tracing::warn!(error = %e, "notifications: lost the database; connecting again");
                }
                let _ = sender.send(Heard::Missed);
                tokio::time::sleep(RECONNECT).await;
            }
        });
        (Self { heard }, task)
    }

    pub fn subscribe(&self) -> Subscription {
        Subscription(self.heard.subscribe())
    }

    /// Runs `round` (returning how many rows it took) forever, woken by notifications on
    /// `channel`; `what` names the work in log lines.
    pub async fn run<F, R>(&self, channel: &'static str, poll: Duration, what: &'static str, mut round: F)
    where
        F: FnMut() -> R,
        R: Future<Output = Result<usize, ServerError>>,
    {
        let mut heard = self.subscribe();
        loop {
            match round().await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "{what}: a round failed"),
            }
            let _ = tokio::time::timeout(poll, heard.on(channel)).await;
        }
    }
}

/// One subscriber's view of what the listener hears.
pub struct Subscription(broadcast::Receiver<Heard>);

impl Subscription {
    /// The next thing heard; falling behind is [`Heard::Missed`]. Never returns while the
    /// server runs without hearing anything.
    pub async fn next(&mut self) -> Heard {
        match self.0.recv().await {
            Ok(heard) => heard,
            Err(broadcast::error::RecvError::Lagged(_)) => Heard::Missed,
            // The listener's task ended: the server is stopping.
            Err(broadcast::error::RecvError::Closed) => std::future::pending().await,
        }
    }

    /// Waits for a notification on `channel`, or for a sign that one may have been missed.
    async fn on(&mut self, channel: &str) {
        loop {
            match self.next().await {
                Heard::Notification { channel: c, .. } if c != channel => continue,
                _ => return,
            }
        }
    }
}

async fn listen(pool: &PgPool, channels: &[&str], heard: &broadcast::Sender<Heard>) -> sqlx::Result<()> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen_all(channels.iter().copied()).await?;
    // Anything announced before this point was missed.
    let _ = heard.send(Heard::Missed);
    loop {
        let heard_now = match listener.try_recv().await? {
            Some(n) => Heard::Notification { channel: n.channel().to_owned(), payload: n.payload().to_owned() },
            // The connection was lost; the next call connects again and listens anew.
            None => Heard::Missed,
        };
        let _ = heard.send(heard_now);
    }
}
