//! A sync failure as the window words it: what kind of failure, so it can say it in the user's
//! language, and the English text of the error (for logs, diagnostics and whoever helps).

use serde::Serialize;
use ts_rs::TS;

use crate::client::ClientError;
use crate::engine::SyncError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SyncProblem {
    pub kind: SyncProblemKind,
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SyncProblemKind {
    /// Offline, or the connection broke: it tries again by itself.
    Unreachable,
    /// The server no longer accepts this sign-in.
    SignedOut,
    /// The server is up but cannot serve now.
    Unavailable,
    /// The server refused the request (its own words are in the detail).
    Refused,
    BadAnswer,
    /// A certificate this machine does not trust, or a server without TLS.
    Insecure,
    /// An address the desktop will not send a password to.
    BadAddress,
    /// The first sync was stopped by the user.
    Stopped,
    /// This replica and the server disagree about which changes were sent.
    OutOfStep,
    /// This computer's own database failed.
    Local,
}

impl From<&ClientError> for SyncProblemKind {
    fn from(error: &ClientError) -> Self {
        match error {
            ClientError::Unreachable(_) => SyncProblemKind::Unreachable,
            ClientError::SignedOut(_) => SyncProblemKind::SignedOut,
            ClientError::Unavailable(_) => SyncProblemKind::Unavailable,
            ClientError::Refused { .. } => SyncProblemKind::Refused,
            ClientError::BadAnswer(_) => SyncProblemKind::BadAnswer,
            ClientError::Insecure(_) => SyncProblemKind::Insecure,
            ClientError::BadAddress(_) => SyncProblemKind::BadAddress,
            ClientError::SequenceGap { .. } | ClientError::ClientReused { .. } | ClientError::ResyncNeeded(_) => {
                SyncProblemKind::OutOfStep
            }
        }
    }
}

/// A call outside sync (the team's) that failed, worded like a sync failure.
impl From<&ClientError> for SyncProblem {
    fn from(error: &ClientError) -> Self {
        SyncProblem { kind: error.into(), detail: error.to_string() }
    }
}

impl From<&SyncError> for SyncProblem {
    fn from(error: &SyncError) -> Self {
        let kind = match error {
            SyncError::Client(client) | SyncError::Held { error: client, .. } => client.into(),
            SyncError::ServerBehind { .. } => SyncProblemKind::OutOfStep,
            SyncError::Cancelled => SyncProblemKind::Stopped,
            SyncError::Store(_) => SyncProblemKind::Local,
        };
        SyncProblem { kind, detail: error.to_string() }
    }
}

impl std::fmt::Display for SyncProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn travels_as_a_kind_and_the_english_text() {
        let offline = SyncError::Client(ClientError::Unreachable("connection refused".into()));
        let problem = SyncProblem::from(&offline);
        assert_eq!(
            serde_json::to_value(&problem).unwrap(),
            serde_json::json!({"kind": "unreachable", "detail": "the server cannot be reached: connection refused"})
        );
        assert_eq!(SyncProblem::from(&SyncError::Cancelled).kind, SyncProblemKind::Stopped);
        assert_eq!(SyncProblem::from(&SyncError::ServerBehind { expected: 4 }).kind, SyncProblemKind::OutOfStep);
    }
}
