//! `GET /v1/sync/pull`: the records changed after a cursor, in version order, as this user may
//! see them. Versions commit in order (the org counter's row lock), so a record that commits
//! late cannot fall behind a cursor already handed out.

use axum::Json;
use axum::extract::{Query, State};
use serde::Deserialize;
use talentdesk_sync::wire::{Change, PullResponse, RecordKind};
use uuid::Uuid;

use crate::ServerError;
use crate::app::AppState;
use crate::auth::Caller;
use crate::backup::history;
use crate::db::{clients, mutations, records};
use crate::visibility::{Delivery, Visibility};

const DEFAULT_LIMIT: i64 = 1_000;
const MAX_LIMIT: i64 = 10_000;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PullQuery {
    /// Where the last pull ended; empty for the beginning.
    #[serde(default)]
    cursor: String,
    /// This desktop's id, to learn its `last_seq`.
    client_id: Option<Uuid>,
    /// Changes per page, 1 to 10,000 (1,000 when absent).
    limit: Option<i64>,
}

/// A place in the (version, kind, id) order of one history (see [`history`]). `"V"` means all
/// of version V was seen; `"V/kind/id"` means a page ended inside version V. A cursor of a
/// history other than the first starts with its id: `"<history>:V"`.
#[derive(Debug, Clone, PartialEq)]
struct Cursor {
    history: Uuid,
    version: i64,
    within: Option<(String, String)>,
}

impl Cursor {
    fn parse(text: &str) -> Result<Self, ServerError> {
        let bad = || ServerError::BadRequest(format!("\"{text}\" is not a cursor this server handed out"));
        if text.is_empty() {
            return Ok(Cursor { history: history::FIRST, version: 0, within: None });
        }
        let (history, place) = match text.split_once(':') {
            Some((history, place)) if !history.contains('/') => (history.parse::<Uuid>().map_err(|_| bad())?, place),
            _ => (history::FIRST, text),
        };
        let mut parts = place.splitn(3, '/');
        let version = parts.next().and_then(|v| v.parse::<i64>().ok()).filter(|v| *v >= 0).ok_or_else(bad)?;
        match (parts.next(), parts.next()) {
            (None, _) => Ok(Cursor { history, version, within: None }),
            (Some(kind), Some(id)) if RecordKind::parse(kind).is_some() => {
                Ok(Cursor { history, version, within: Some((kind.to_owned(), id.to_owned())) })
            }
            _ => Err(bad()),
        }
    }

    fn text(&self) -> String {
        let place = match &self.within {
            None => self.version.to_string(),
            Some((kind, id)) => format!("{}/{kind}/{id}", self.version),
        };
        if self.history == history::FIRST { place } else { format!("{}:{place}", self.history) }
    }

    /// The position rows must sort after.
    fn after(&self) -> (i64, &str, &str) {
        match &self.within {
            Some((kind, id)) => (self.version, kind, id),
            // Every kind sorts after "", so this is "everything of later versions".
            None => (self.version + 1, "", ""),
        }
    }
}

#[utoipa::path(
    get,
    path = "/v1/sync/pull",
    tag = "sync",
    security(("bearer" = [])),
    params(PullQuery),
    responses(
        (status = 200, description = "Changes after the cursor", body = PullResponse),
        (status = 400, description = "Not a cursor this server handed out", body = talentdesk_sync::wire::ErrorBody),
        (status = 410, description = "The cursor is later than this server's data (it was restored from an older backup): load a snapshot again", body = talentdesk_sync::wire::ErrorBody),
        (status = 401, description = "No live sign-in", body = talentdesk_sync::wire::ErrorBody),
    )
)]
pub async fn pull(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<PullQuery>,
) -> Result<Json<PullResponse>, ServerError> {
    let cursor = Cursor::parse(&query.cursor)?;
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ServerError::BadRequest(format!("limit must be between 1 and {MAX_LIMIT}")));
    }
    let mut conn = state.pool.acquire().await?;
    let (last_seq, last_digest) = match query.client_id {
        Some(client) => {
            let seq = clients::last_seq(&mut conn, client, caller.user.id).await?;
            let digest = mutations::taken(&mut conn, client, seq).await?.and_then(|(_, digest)| digest);
            (seq, digest)
        }
        None => (0, None),
    };
    // Checked before the changes are read: a restore cannot slip in between (it needs an
    // empty database), and versions only grow within the history.
    let history = history::check_cursor(&mut conn, caller.org, cursor.history, cursor.version).await?;
    let rows = records::changed_after(&mut conn, caller.org, cursor.after(), limit).await?;
    let visibility = Visibility::of(&mut conn, &caller).await?;
    let more = rows.len() as i64 == limit;
    let next = match rows.last() {
        Some(last) if more => {
            Cursor { history, version: last.version, within: Some((last.kind.clone(), last.id.clone())) }
        }
        Some(last) => Cursor { history, version: last.version, within: None },
        None => Cursor { history, version: cursor.version, within: None },
    };
    let changes = rows.into_iter().filter_map(|row| change(row, &visibility).transpose()).collect::<Result<_, _>>()?;
    let page = PullResponse { changes, cursor: next.text(), more, last_seq, last_digest };
    crate::metrics::pulled(page.changes.len());
    Ok(Json(page))
}

/// The change as this user receives it; `None` for a record they never could see.
fn change(row: records::Changed, visibility: &Visibility) -> Result<Option<Change>, ServerError> {
    let kind = RecordKind::parse(&row.kind).ok_or_else(|| ServerError::Corrupt(format!("record kind {}", row.kind)))?;
    let data = match visibility.change(kind, row.visible_to, row.shared_once, row.data)? {
        Delivery::Data(data) => Some(data),
        Delivery::Removal => None,
        Delivery::Nothing => return Ok(None),
    };
    Ok(Some(Change { version: row.version, kind, id: row.id, data }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_refuse_junk() {
        for text in ["", "0", "42", "7/candidate/0192f0c2-0000-7000-8000-000000000001", "7/tag/a/b"] {
            let cursor = Cursor::parse(text).unwrap();
            if !text.is_empty() {
                assert_eq!(cursor.text(), text);
            }
        }
        assert_eq!(Cursor::parse("7/tag/a/b").unwrap().within, Some(("tag".into(), "a/b".into())));
        for junk in ["x", "-1", "7/nope/1", "7/candidate", "1e3"] {
            assert!(Cursor::parse(junk).is_err(), "{junk}");
        }
        assert_eq!(Cursor::parse("5").unwrap().after(), (6, "", ""));
        // A later history's cursor names it; the first history's do not.
        let restored = "0192f0c2-0000-7000-8000-000000000002:7/tag/a:b";
        let cursor = Cursor::parse(restored).unwrap();
        assert_eq!((cursor.history.to_string().as_str(), cursor.version), ("0192f0c2-0000-7000-8000-000000000002", 7));
        assert_eq!(cursor.text(), restored);
        assert_eq!(Cursor::parse("7/tag/a:b").unwrap().history, history::FIRST);
        assert!(Cursor::parse("nope:7").is_err());
    }
}
