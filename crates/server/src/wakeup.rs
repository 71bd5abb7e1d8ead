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
//!
//! A listening connection can die without a word: a NAT or a firewall between the server and
//! the database drops an idle connection's state, and the socket then waits forever for
//! notifications that no longer come. So the process sends itself a heartbeat notification
//! every `heartbeat`, and a listener that hears nothing at all for three of them connects again
//! (and says [`Heard::Missed`]) instead of trusting the silence.

use std::future::Future;
use std::time::Duration;

use sqlx::PgPool;
use sqlx::postgres::{PgListener, PgPoolOptions};
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
/// The channel of the process's heartbeat, heard by every listener and handed to nobody.
const HEARTBEAT: &str = "talentdesk_heartbeat";
/// How many heartbeats a listener may miss before it takes its connection for dead.
const SILENT_BEATS: u32 = 3;

impl Wakeups {
    /// Starts listening on `channels` for as long as the server runs, sending the heartbeat
    /// every `heartbeat`.
    pub fn spawn(
        pool: PgPool,
        channels: &'static [&'static str],
        heartbeat: Duration,
    ) -> (Self, tokio::task::JoinHandle<()>) {
        let (heard, _) = broadcast::channel(BACKLOG);
        let sender = heard.clone();
        let task = tokio::spawn(async move {
            let listening = async {
                loop {
                    if let Err(e) = listen(&pool, channels, heartbeat * SILENT_BEATS, &sender).await {
                        tracing::warn!(error = %e, "notifications: lost the database; connecting again");
                    }
                    let _ = sender.send(Heard::Missed);
                    tokio::time::sleep(RECONNECT).await;
                }
            };
            tokio::join!(listening, beat(&pool, heartbeat));
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

/// Listens until the connection fails or stays silent for `silence`; a silent listener is
/// dropped whole (never asked again after a wait was cut short).
async fn listen(
    pool: &PgPool,
    channels: &[&str],
    silence: Duration,
    heard: &broadcast::Sender<Heard>,
) -> sqlx::Result<()> {
    let silent = || {
        let message = format!("nothing heard for {silence:?}");
        sqlx::Error::Io(std::io::Error::new(std::io::ErrorKind::TimedOut, message))
    };
    // A pool of its own for each listener: dropped, a listener sends `UNLISTEN *` before it
    // lets its connection go, which on a connection the network dropped waits until TCP gives
    // up; it then holds only this one, not a slot the requests need.
    let own = PgPoolOptions::new().max_connections(1).connect_lazy_with((*pool.connect_options()).clone());
    let connecting = async {
        let mut listener = PgListener::connect_with(&own).await?;
        listener.listen_all(channels.iter().copied().chain([HEARTBEAT])).await?;
        Ok::<_, sqlx::Error>(listener)
    };
    let mut listener = tokio::time::timeout(silence, connecting).await.map_err(|_| silent())??;
    // Anything announced before this point was missed.
    let _ = heard.send(Heard::Missed);
    loop {
        let heard_now = match tokio::time::timeout(silence, listener.try_recv()).await.map_err(|_| silent())?? {
            Some(n) if n.channel() == HEARTBEAT => continue,
            Some(n) => Heard::Notification { channel: n.channel().to_owned(), payload: n.payload().to_owned() },
            // The connection was lost; the next call connects again and listens anew.
            None => Heard::Missed,
        };
        let _ = heard.send(heard_now);
    }
}

/// Sends the heartbeat every `every` through the pool, as any writer's notification goes: a
/// beat that fails (the database away) is simply the next one's to send.
async fn beat(pool: &PgPool, every: Duration) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        // A beat waits for a connection no longer than until the next is due.
        let sent = tokio::time::timeout(every, sqlx::query("SELECT pg_notify($1, '')").bind(HEARTBEAT).execute(pool));
        match sent.await {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => tracing::debug!(error = %e, "notifications: the heartbeat was not sent"),
            Err(_) => tracing::debug!("notifications: the heartbeat found no connection in time"),
        }
    }
}
