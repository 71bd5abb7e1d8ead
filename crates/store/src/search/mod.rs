//! Candidate search: keywords, filters, sort, keyset pages and the total count.

mod compile;
mod cursor;

use rusqlite::Connection;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};
use talentdesk_domain::search::{SearchRequest, SortOrder};
use ts_rs::TS;

use crate::StoreError;
use crate::views::{CandidateRow, rows_for};
use compile::Compiled;
use cursor::Cursor;

/// Which page of results to return.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PageRequest {
    pub limit: u32,
    /// The `next` of the previous page; None for the first page.
    pub after: Option<String>,
}

impl Default for PageRequest {
    fn default() -> Self {
        Self { limit: 50, after: None }
    }
}

/// The largest page we serve: enough for a screen, small enough to stay fast.
pub const MAX_PAGE: u32 = 500;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SearchPage {
    pub rows: Vec<CandidateRow>,
    /// How many candidates match the whole search.
    #[ts(type = "number")]
    pub total: u64,
    /// Pass as `after` for the next page; None on the last page.
    pub next: Option<String>,
}

pub(crate) fn search(conn: &Connection, request: &SearchRequest, page: &PageRequest) -> Result<SearchPage, StoreError> {
    let compiled = compile::compile(conn, request)?;
    let limit = page.limit.clamp(1, MAX_PAGE);
    let after = page.after.as_deref().map(Cursor::parse).transpose()?;
    let sort = effective_sort(request.sort, &compiled);
    let (cands, keys) = page_of(conn, &compiled, sort, after.as_ref(), limit + 1)?;
    let more = cands.len() > limit as usize;
    let shown = &cands[..cands.len().min(limit as usize)];
    let next = if more { shown.len().checked_sub(1).map(|i| keys[i].encode()) } else { None };
    Ok(SearchPage { rows: rows_for(conn, shown)?, total: count(conn, &compiled)?, next })
}

/// Relevance needs keywords; without them the freshest profiles come first.
fn effective_sort(sort: SortOrder, compiled: &Compiled) -> SortOrder {
    match sort {
        SortOrder::Relevance if compiled.rank_match.is_none() => SortOrder::UpdatedDesc,
        other => other,
    }
}

pub(crate) fn count_matching(conn: &Connection, request: &SearchRequest) -> Result<u64, StoreError> {
    count(conn, &compile::compile(conn, request)?)
}

/// Every candidate the search matches (their row numbers), for bulk actions.
pub(crate) fn all_matching(conn: &Connection, request: &SearchRequest) -> Result<Vec<i64>, StoreError> {
    let compiled = compile::compile(conn, request)?;
    let sql = format!("SELECT c.cand FROM candidates c WHERE {} ORDER BY c.cand", compiled.conditions_with_fts());
    let mut stmt = conn.prepare(&sql)?;
    Ok(stmt.query_map(rusqlite::params_from_iter(compiled.params.iter()), |r| r.get(0))?.collect::<Result<_, _>>()?)
}

fn count(conn: &Connection, compiled: &Compiled) -> Result<u64, StoreError> {
    let sql = format!("SELECT count(*) FROM candidates c WHERE {}", compiled.conditions_with_fts());
    Ok(conn.prepare_cached(&sql)?.query_row(rusqlite::params_from_iter(compiled.params.iter()), |r| r.get(0))?)
}

fn page_of(
    conn: &Connection,
    compiled: &Compiled,
    sort: SortOrder,
    after: Option<&Cursor>,
    limit: u32,
) -> Result<(Vec<i64>, Vec<Cursor>), StoreError> {
    let mut params: Vec<Value> = compiled.params.clone();
    let mut bind = |v: Value| {
        params.push(v);
        format!("?{}", params.len())
    };
    let sql = if sort == SortOrder::Relevance {
        let expr = compiled.rank_match.clone().expect("relevance is only used with keywords");
        let m = bind(Value::Text(expr));
        let keyset = match after {
            Some(Cursor::Rank { rank, cand }) => {
                let (r, c) = (bind(Value::Real(*rank)), bind(Value::Integer(*cand)));
                format!("AND (f.rank > {r} OR (f.rank = {r} AND c.cand > {c}))")
            }
            _ => String::new(),
        };
        format!(
            "SELECT c.cand, f.rank FROM candidate_fts f JOIN candidates c ON c.cand = f.rowid
             WHERE candidate_fts MATCH {m} AND {} {keyset} ORDER BY f.rank, c.cand LIMIT {limit}",
            compiled.conditions_without_fts()
        )
    } else {
        let (column, descending) = match sort {
            SortOrder::NameAsc => ("c.name_key", false),
            SortOrder::NameDesc => ("c.name_key", true),
            SortOrder::UpdatedAsc => ("c.updated_at", false),
            _ => ("c.updated_at", true),
        };
        let (op, dir) = if descending { ("<", "DESC") } else { (">", "ASC") };
        let keyset = match after {
            Some(Cursor::Name { key, cand }) if column == "c.name_key" => {
                format!(
                    "AND ({column}, c.cand) {op} ({}, {})",
                    bind(Value::Text(key.clone())),
                    bind(Value::Integer(*cand))
                )
            }
            Some(Cursor::Updated { at, cand }) if column == "c.updated_at" => {
                format!("AND ({column}, c.cand) {op} ({}, {})", bind(Value::Integer(*at)), bind(Value::Integer(*cand)))
            }
            Some(_) => return Err(cursor::mismatch()),
            None => String::new(),
        };
        format!(
            "SELECT c.cand, {column} FROM candidates c WHERE {} {keyset} ORDER BY {column} {dir}, c.cand {dir} LIMIT {limit}",
            compiled.conditions_with_fts()
        )
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
    let (mut cands, mut keys) = (Vec::new(), Vec::new());
    while let Some(r) = rows.next()? {
        let cand: i64 = r.get(0)?;
        keys.push(match sort {
            SortOrder::Relevance => Cursor::Rank { rank: r.get(1)?, cand },
            SortOrder::NameAsc | SortOrder::NameDesc => Cursor::Name { key: r.get(1)?, cand },
            _ => Cursor::Updated { at: r.get(1)?, cand },
        });
        cands.push(cand);
    }
    Ok((cands, keys))
}
