//! The loop of a worker that takes rows others write (webhook deliveries, sign-up forms): it
//! works in rounds while there is work, then waits for a PostgreSQL notification on its channel
//! (sent by whoever wrote a row, at commit) or for `poll` (rows whose retry came due, or a lost
//! notification). Without a listener (the database refused one) it polls.

use std::future::Future;
use std::time::Duration;

use sqlx::PgPool;
use sqlx::postgres::PgListener;

use crate::ServerError;

/// Runs `round` (returning how many rows it took) forever; `what` names the work in log lines.
pub async fn run<F, R>(pool: PgPool, channel: &'static str, poll: Duration, what: &'static str, mut round: F)
where
    F: FnMut() -> R,
    R: Future<Output = Result<usize, ServerError>>,
{
    let mut listener = None;
    loop {
        if listener.is_none() {
            listener = listen(&pool, channel)
                .await
                .inspect_err(|e| tracing::warn!(error = %e, "{what}: cannot listen for new work; polling"))
                .ok();
        }
        match round().await {
            Ok(n) if n > 0 => continue,
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "{what}: a round failed"),
        }
        let Some(l) = listener.as_mut() else {
            tokio::time::sleep(poll).await;
            continue;
        };
        if let Ok(Err(e)) = tokio::time::timeout(poll, l.recv()).await {
            tracing::warn!(error = %e, "{what}: the listener was lost; connecting again");
            listener = None;
            tokio::time::sleep(poll).await;
        }
    }
}

async fn listen(pool: &PgPool, channel: &str) -> sqlx::Result<PgListener> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(channel).await?;
    Ok(listener)
}
