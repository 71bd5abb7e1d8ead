//! Candidate search: keywords, filters, sort, keyset pages and the total count.
//!
//! SQLite finds what keywords and memberships match (FTS5 and indexed tables); the rest runs in
//! memory over Roaring bitmaps and the per-candidate [`facts`]: intersecting, testing each
//! candidate, counting, ordering and paging. See BENCHMARKS.md for what that buys at a million
//! candidates.

mod bitset;
mod cursor;
mod facts;
mod features;
pub mod for_job;
pub mod insights;
mod phrases;
mod plan;
mod prefixes;
mod sets;
mod similar;
mod stop;
mod terms;

use roaring::RoaringBitmap;
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use talentdesk_domain::search::{SearchRequest, SortOrder};
use ts_rs::TS;

use crate::StoreError;
use crate::tables::search_facts;
use crate::views::{CandidateRow, rows_for};
use bitset::BitSet;
use cursor::Cursor;
use facts::Facts;
use plan::{Plan, Scorer};
use sets::{Reach, SetCache};
pub(crate) use sets::{fts, literal};
pub use similar::{MATCHES, TalentMatch};
use stop::Watch;
pub use stop::{SearchTickets, Searched, Ticket};
pub(crate) use terms::FrequentTerms;

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

/// A term in at least this many candidates gets a bitmap of them (see
/// migrations/0002_search_terms.sql). Below it FTS5 returns the candidates in about a
/// millisecond, and the bitmaps stay few: about 700 at a million candidates.
pub const FREQUENT_TERM: u64 = 10_000;

/// A prefix of up to three characters over more than this many terms (rare ones, in the
/// keyword index) gets a set of its own (see migrations/0013_search_prefixes.sql): at a
/// million candidates the letters, most pairs of letters and a few triples.
pub const BROAD_PREFIX: usize = 2_000;

/// Rebuilds the prefix sets of both keyword indexes, for prefixes over more than `broad`
/// terms; after the term index (the keyword index's frequent terms are not counted).
pub(crate) fn rebuild_prefixes(conn: &Connection, broad: usize) -> Result<(), StoreError> {
    let frequent = crate::tables::search_terms::frequent(conn)?;
    prefixes::rebuild(conn, prefixes::Index::Keywords, &frequent, broad)?;
    prefixes::rebuild(conn, prefixes::Index::Names, &[], broad)
}

/// The largest page we serve: enough for a screen, small enough to stay fast.
pub const MAX_PAGE: u32 = 500;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SearchPage {
    pub rows: Vec<CandidateRow>,
    /// How many candidates match the whole search (at least this many when not `counted`).
    #[ts(type = "number")]
    pub total: u64,
    /// How many more would match if inactive candidates were not left out (0 when the search
    /// asks for inactive ones), so the window can say they are hidden.
    #[ts(type = "number")]
    pub inactive_hidden: u64,
    /// False when a typed search answered its first page before counting every match (see
    /// [`Engine::search_unless_superseded`]): `total` and `inactive_hidden` are then lower
    /// bounds, and `Store::count_unless_superseded` gives both.
    pub counted: bool,
    /// Pass as `after` for the next page; None on the last page.
    pub next: Option<String>,
}

/// A search's total, counted after its first page was answered without it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Counted {
    #[ts(type = "number")]
    pub total: u64,
    #[ts(type = "number")]
    pub inactive_hidden: u64,
}

/// Where search read its in-memory facts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactsSource {
    /// The snapshot saved by an earlier start, and the candidates changed since.
    Snapshot,
    /// Every candidate's row.
    Rows,
}

/// The in-memory side of search: facts and frequent terms loaded on first use, sets cached
/// until the next write.
#[derive(Default)]
pub(crate) struct Engine {
    loaded: Option<Loaded>,
    cache: SetCache,
    /// The insights charts' values, loaded on their first use.
    values: Option<insights::Values>,
}

struct Loaded {
    facts: Facts,
    terms: FrequentTerms,
    /// While changes are logged for the snapshot: the last `search_facts_log` entry the facts
    /// include (they may include later ones too). `None` when changes are not logged, so the
    /// facts cannot be saved.
    logged_to: Option<i64>,
    source: FactsSource,
    /// Read from the rows and not saved since: worth saving.
    unsaved: bool,
}

/// Log entries after which the snapshot is worth writing again, so loading it stays quick.
const SAVE_AFTER: i64 = 20_000;

impl Loaded {
    fn read(conn: &Connection) -> Result<Self, StoreError> {
        let kept = search_facts::kept(conn)?;
        if kept {
            let (saved, terms) = beside(conn, Facts::saved, || FrequentTerms::load(conn));
            // A snapshot that cannot be read is read from the rows instead, and saved again.
            if let Ok(Some((facts, logged_to))) = saved {
                return Ok(Self {
                    facts,
                    terms: terms?,
                    logged_to: Some(logged_to),
                    source: FactsSource::Snapshot,
                    unsaved: false,
                });
            }
        }
        // Taken before reading: whatever is logged after it is read again on saving.
        let logged_to = if kept { Some(search_facts::last_logged(conn)?) } else { None };
        let (facts, terms) = Facts::load(conn, helper(conn), || FrequentTerms::load(conn))?;
        Ok(Self { facts, terms, logged_to, source: FactsSource::Rows, unsaved: true })
    }
}

impl Engine {
    /// After a write: cached sets may be stale; these candidates' facts are, and the frequent
    /// terms of those whose text changed.
    pub(crate) fn after_write(&mut self, conn: &Connection, touched: &[i64]) -> Result<(), StoreError> {
        self.cache.clear();
        if let Some(loaded) = &mut self.loaded {
            loaded.facts.refresh(conn, touched)?;
            loaded.terms.catch_up(conn)?;
        }
        if let Some(values) = &mut self.values {
            values.refresh(conn, touched)?;
        }
        Ok(())
    }

    /// Forgets everything; the next search reloads.
    pub(crate) fn reset(&mut self) {
        self.loaded = None;
        self.values = None;
        self.cache.clear();
    }

    /// Forgets facts read while changes were not logged: they cannot be saved, since
    /// whatever another connection changed before the log began is not in them.
    pub(crate) fn forget_if_untracked(&mut self) {
        if self.loaded.as_ref().is_some_and(|l| l.logged_to.is_none()) {
            self.reset();
        }
    }

    /// Drops cached sets (not the facts), so the next search fetches from SQLite again.
    pub(crate) fn clear_cache(&mut self) {
        self.cache.clear();
    }

    pub(crate) fn ensure_loaded(&mut self, conn: &Connection) -> Result<FactsSource, StoreError> {
        let loaded = match &mut self.loaded {
            Some(loaded) => loaded,
            None => self.loaded.insert(Loaded::read(conn)?),
        };
        Ok(loaded.source)
    }

    /// Whether the facts in memory can be saved and the saved ones are missing, were not
    /// read back, or are far behind the log.
    pub(crate) fn snapshot_due(&self, conn: &Connection) -> Result<bool, StoreError> {
        match &self.loaded {
            Some(Loaded { logged_to: Some(_), unsaved, .. }) => Ok(*unsaved || search_facts::stale(conn, SAVE_AFTER)?),
            _ => Ok(false),
        }
    }

    /// Saves the facts as the snapshot, inside the caller's write transaction (so they are
    /// exactly the database's: the candidates logged since they were read are read again).
    pub(crate) fn save_snapshot(&mut self, tx: &Connection) -> Result<(), StoreError> {
        let Some(loaded) = &mut self.loaded else { return Ok(()) };
        let Some(logged_to) = loaded.logged_to else { return Ok(()) };
        let (changed, _) = search_facts::logged_since(tx, logged_to)?;
        loaded.facts.refresh(tx, &changed)?;
        search_facts::write(tx, &loaded.facts.encode())?;
        // The log is empty now; its next entry is 1.
        loaded.logged_to = Some(0);
        loaded.unsaved = false;
        Ok(())
    }

    fn matching(
        &mut self,
        conn: &Connection,
        request: &SearchRequest,
        reach: Reach,
    ) -> Result<(Plan, RoaringBitmap), StoreError> {
        self.ensure_loaded(conn)?;
        self.ensure_values_for(conn, request)?;
        let Loaded { facts, terms, .. } = self.loaded.as_ref().expect("loaded above");
        let plan = plan::plan(conn, facts, self.values.as_ref(), terms, &mut self.cache, request, reach)?;
        Ok(Self::matched(facts, plan))
    }

    /// The candidates in every set of `plan` that pass its test on their facts.
    fn matched(facts: &Facts, plan: Plan) -> (Plan, RoaringBitmap) {
        // Whole sets intersected at once, then each match's facts tested only when a filter
        // needs them: reading the facts of a few hundred thousand matches, scattered over
        // tens of megabytes, was half of a broad keyword's search.
        let mut matched = match plan.sets.split_first() {
            Some((first, rest)) => rest.iter().fold(&**first & &facts.present, |m, s| m & &**s),
            None => facts.present.clone(),
        };
        match plan.predicate.only_active() {
            Some(true) => matched -= &facts.inactive,
            Some(false) => matched &= &facts.inactive,
            None => matched.retain(|c| plan.predicate.holds(facts.get(c))),
        }
        (plan, matched)
    }

    pub(crate) fn search(
        &mut self,
        conn: &Connection,
        request: &SearchRequest,
        page: &PageRequest,
    ) -> Result<SearchPage, StoreError> {
        Ok(self.search_until(conn, request, page, None, Reach::Everywhere)?.expect("only a ticket stops a search"))
    }

    /// [`Engine::search`], stopped as soon as `ticket` is superseded (see
    /// [`Engine::unless_superseded`]).
    ///
    /// Its rows and `next` are always exactly [`Engine::search`]'s; its total may not be
    /// (`counted` false). An email typed past its dot ("maria.i") is a phrase that only
    /// reading the texts of every candidate with its first word can check, most of them
    /// résumés that merely repeat the person's name: a few hundred milliseconds at a
    /// million candidates, for matches that rank below every match by name or email. So a
    /// first page by relevance whose only scoring keyword is such a phrase is answered from
    /// the name and email matches alone when they fill it, and counting the rest is left to
    /// [`Engine::count_unless_superseded`], which the next keystroke can stop.
    pub(crate) fn search_unless_superseded(
        &mut self,
        conn: &Connection,
        request: &SearchRequest,
        page: &PageRequest,
        ticket: &Ticket,
    ) -> Result<Searched, StoreError> {
        let reach = match (request.sort, &page.after) {
            (SortOrder::Relevance, None) => Reach::NamesOnly { more_than: u64::from(page.limit.clamp(1, MAX_PAGE)) },
            _ => Reach::Everywhere,
        };
        let page = self
            .unless_superseded(conn, ticket, |engine| engine.search_until(conn, request, page, Some(ticket), reach))?;
        Ok(page.map_or(Searched::Superseded, Searched::Page))
    }

    /// Runs `work` on the loaded engine, stopped as soon as `ticket` is superseded (SQLite's
    /// statements through a progress handler there only meanwhile, `work`'s own steps by
    /// answering `None`); `None` when it was. Loading the facts is never stopped half-way:
    /// the next search would only start it over.
    fn unless_superseded<T>(
        &mut self,
        conn: &Connection,
        ticket: &Ticket,
        work: impl FnOnce(&mut Self) -> Result<Option<T>, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        if ticket.superseded() {
            return Ok(None);
        }
        self.ensure_loaded(conn)?;
        let outcome = {
            let _watch = Watch::install(conn, ticket);
            work(self)
        };
        match outcome {
            // A statement stopped by the handler fails (SQLITE_INTERRUPT); any other failure of
            // work superseded meanwhile is no one's concern either.
            Err(_) if ticket.superseded() => Ok(None),
            outcome => outcome,
        }
    }

    /// The search's page, or `None` once `ticket` is superseded. With [`Reach::NamesOnly`],
    /// see [`Engine::search_unless_superseded`].
    fn search_until(
        &mut self,
        conn: &Connection,
        request: &SearchRequest,
        page: &PageRequest,
        ticket: Option<&Ticket>,
        reach: Reach,
    ) -> Result<Option<SearchPage>, StoreError> {
        let gone = || ticket.is_some_and(Ticket::superseded);
        let limit = page.limit.clamp(1, MAX_PAGE) as usize;
        let after = page.after.as_deref().map(Cursor::parse).transpose()?;
        let (mut plan, mut matches) = self.matching(conn, request, reach)?;
        if plan.partial && !names_fill_page(&plan, &matches, limit) && !gone() {
            // The filters left too few of the name matches: every match is needed after all.
            (plan, matches) = self.matching(conn, request, Reach::Everywhere)?;
            debug_assert!(!plan.partial, "a search everywhere is whole");
        }
        if gone() {
            return Ok(None);
        }
        let Loaded { facts, .. } = self.loaded.as_ref().expect("loaded by matching");
        let inactive_hidden = inactive_hidden(facts, &plan);
        let sort = match request.sort {
            SortOrder::Relevance if plan.scorers.is_empty() => SortOrder::UpdatedDesc,
            other => other,
        };
        let keys = match sort {
            SortOrder::Relevance => by_relevance(facts, &plan.scorers, &matches, after.as_ref(), limit + 1, &gone)?,
            SortOrder::NameAsc | SortOrder::NameDesc => {
                Some(by_name(facts, &BitSet::from(&matches), sort == SortOrder::NameDesc, after.as_ref(), limit + 1)?)
            }
            SortOrder::UpdatedAsc | SortOrder::UpdatedDesc => {
                Some(by_updated(facts, &matches, sort == SortOrder::UpdatedDesc, after.as_ref(), limit + 1)?)
            }
            SortOrder::ExperienceAsc | SortOrder::ExperienceDesc => {
                let descending = sort == SortOrder::ExperienceDesc;
                Some(by_experience(facts, &matches, descending, after.as_ref(), limit + 1, plan::this_month())?)
            }
        };
        let Some(mut keys) = keys.filter(|_| !gone()) else { return Ok(None) };
        let next = if keys.len() > limit {
            keys.truncate(limit);
            keys.last().map(Cursor::encode)
        } else {
            None
        };
        let cands: Vec<i64> = keys.iter().map(|k| i64::from(k.cand())).collect();
        let rows = rows_for(conn, &cands)?;
        Ok(Some(SearchPage { rows, total: matches.len(), inactive_hidden, next, counted: !plan.partial }))
    }

    pub(crate) fn count(&mut self, conn: &Connection, request: &SearchRequest) -> Result<u64, StoreError> {
        Ok(self.matching(conn, request, Reach::Everywhere)?.1.len())
    }

    /// The search's exact total and inactive candidates hidden, for a page answered before
    /// they were counted; `None` once `ticket` is superseded (stopped as a typed search is).
    pub(crate) fn count_unless_superseded(
        &mut self,
        conn: &Connection,
        request: &SearchRequest,
        ticket: &Ticket,
    ) -> Result<Option<Counted>, StoreError> {
        self.unless_superseded(conn, ticket, |engine| {
            let (plan, matches) = engine.matching(conn, request, Reach::Everywhere)?;
            let Loaded { facts, .. } = engine.loaded.as_ref().expect("loaded by matching");
            Ok(Some(Counted { total: matches.len(), inactive_hidden: inactive_hidden(facts, &plan) }))
        })
    }

    /// The candidates among `among` (row numbers) that the search matches: a few candidates
    /// (those a sync changed) checked against a saved search without walking all its matches.
    pub(crate) fn matching_among(
        &mut self,
        conn: &Connection,
        request: &SearchRequest,
        among: &RoaringBitmap,
    ) -> Result<RoaringBitmap, StoreError> {
        self.ensure_loaded(conn)?;
        self.ensure_values_for(conn, request)?;
        let Loaded { facts, terms, .. } = self.loaded.as_ref().expect("loaded above");
        let mut plan =
            plan::plan(conn, facts, self.values.as_ref(), terms, &mut self.cache, request, Reach::Everywhere)?;
        // First: intersecting walks the first set, so only these candidates are looked at.
        plan.sets.insert(0, std::sync::Arc::new(among.clone()));
        Ok(Self::matched(facts, plan).1)
    }

    /// Every candidate the search matches (their row numbers), for bulk actions.
    pub(crate) fn all(&mut self, conn: &Connection, request: &SearchRequest) -> Result<Vec<i64>, StoreError> {
        Ok(self.matching(conn, request, Reach::Everywhere)?.1.iter().map(i64::from).collect())
    }
}

/// Whether a plan whose only scoring keyword was matched by name and email alone gives the
/// whole search's first page: every match by name or email scores above every other match
/// of that keyword (see [`by_score`]), so when more of them match than the page holds (it
/// takes one more, for `next`), the page and its cursor are the same as the full plan's.
fn names_fill_page(plan: &Plan, matches: &RoaringBitmap, limit: usize) -> bool {
    match plan.scorers.as_slice() {
        [only] => matches.intersection_len(&only.name) > limit as u64,
        _ => false,
    }
}

/// The inactive candidates that would match `plan` if it did not leave them out: those in
/// every keyword and membership set that pass every other filter. Inactive candidates are
/// few, so this tests each of them rather than the matches.
fn inactive_hidden(facts: &Facts, plan: &Plan) -> u64 {
    let Some(others) = plan.predicate.hiding_inactive() else { return 0 };
    let hidden = plan.sets.iter().fold(facts.inactive.clone(), |h, s| h & &**s);
    hidden.iter().filter(|&c| others.holds(facts.get(c))).count() as u64
}

/// Runs `there` on a second connection on another thread while `here` runs on this one; on
/// this connection, one after the other, where there can be no second one (see [`helper`]).
fn beside<A: Send, B>(
    conn: &Connection,
    there: impl FnOnce(&Connection) -> A + Send,
    here: impl FnOnce() -> B,
) -> (A, B) {
    let Some(second) = helper(conn) else { return (there(conn), here()) };
    std::thread::scope(|scope| {
        let there = scope.spawn(move || there(&second));
        let here = here();
        (there.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), here)
    })
}

/// A second connection to the database, for loading on two threads at once: only outside a
/// transaction (a second connection would not see what it has written so far) and for a file.
fn helper(conn: &Connection) -> Option<Connection> {
    let path = conn.path().filter(|p| !p.is_empty())?;
    if !conn.is_autocommit() {
        return None;
    }
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX).ok()
}

fn by_updated(
    facts: &Facts,
    matches: &RoaringBitmap,
    descending: bool,
    after: Option<&Cursor>,
    take: usize,
) -> Result<Vec<Cursor>, StoreError> {
    let beyond = match after {
        None => None,
        Some(Cursor::Updated { at, cand }) => Some((*at, *cand)),
        Some(_) => return Err(cursor::mismatch()),
    };
    let cands = in_update_order(facts, matches, descending, beyond, take);
    Ok(cands.into_iter().map(|cand| Cursor::Updated { at: facts.get(cand).updated, cand }).collect())
}

/// Up to `take` matches by (months of experience in month `now`, row), most first when
/// `descending`. Not kept in order like names and updates: ongoing jobs make the figure grow
/// every month, so each page works it out (a few milliseconds at a million matches).
fn by_experience(
    facts: &Facts,
    matches: &RoaringBitmap,
    descending: bool,
    after: Option<&Cursor>,
    take: usize,
    now: u32,
) -> Result<Vec<Cursor>, StoreError> {
    let beyond = match after {
        None => None,
        Some(Cursor::Experience { months, cand }) => Some((*months, *cand)),
        Some(_) => return Err(cursor::mismatch()),
    };
    let past = |k: &(u32, u32)| beyond.is_none_or(|b| if descending { *k < b } else { *k > b });
    let mut keyed: Vec<(u32, u32)> =
        matches.iter().map(|c| (facts.get(c).experience_at(now), c)).filter(past).collect();
    let order = |a: &(u32, u32), b: &(u32, u32)| if descending { b.cmp(a) } else { a.cmp(b) };
    if keyed.len() > take {
        keyed.select_nth_unstable_by(take, order);
        keyed.truncate(take);
    }
    keyed.sort_unstable_by(order);
    Ok(keyed.into_iter().map(|(months, cand)| Cursor::Experience { months, cand }).collect())
}

fn by_name(
    facts: &Facts,
    matches: &BitSet,
    descending: bool,
    after: Option<&Cursor>,
    take: usize,
) -> Result<Vec<Cursor>, StoreError> {
    let order = &facts.by_name;
    let (start, end) = match after {
        None => (0, order.len()),
        Some(Cursor::Name { key, cand }) => {
            let at = (key.as_str(), *cand);
            let split = |strict: bool| {
                order.partition_point(|x| {
                    if strict { (facts.name_key(*x), *x) < at } else { (facts.name_key(*x), *x) <= at }
                })
            };
            if descending { (0, split(true)) } else { (split(false), order.len()) }
        }
        Some(_) => return Err(cursor::mismatch()),
    };
    let window = &order[start..end];
    let pick = |c: &&u32| matches.contains(**c);
    let cands: Vec<u32> = if descending {
        window.iter().rev().filter(pick).take(take).copied().collect()
    } else {
        window.iter().filter(pick).take(take).copied().collect()
    };
    Ok(cands.into_iter().map(|cand| Cursor::Name { key: facts.name_key(cand).to_owned(), cand }).collect())
}

/// Best matches first: keywords found in the name or email count double, then the most recently
/// updated.
fn by_relevance(
    facts: &Facts,
    scorers: &[Scorer],
    matches: &RoaringBitmap,
    after: Option<&Cursor>,
    take: usize,
    gone: &dyn Fn() -> bool,
) -> Result<Option<Vec<Cursor>>, StoreError> {
    let after = match after {
        None => None,
        Some(Cursor::Rank { score, at, cand }) => Some((*score, *at, *cand)),
        Some(_) => return Err(cursor::mismatch()),
    };
    let mut out = Vec::with_capacity(take);
    for (score, scored) in by_score(scorers, matches) {
        if gone() {
            return Ok(None);
        }
        let below = match after {
            Some((s, ..)) if s < score => continue,
            Some((s, at, cand)) if s == score => Some((at, cand)),
            _ => None,
        };
        let room = take - out.len();
        out.extend(in_update_order(facts, &scored, true, below, room).into_iter().map(|cand| Cursor::Rank {
            score,
            at: facts.get(cand).updated,
            cand,
        }));
        if out.len() == take {
            break;
        }
    }
    Ok(Some(out))
}

/// The matches grouped by score, highest first, found with whole-set operations instead of
/// scoring each match: each keyword scores 1 where it matched, and 1 more where it matched the
/// name or email.
fn by_score(scorers: &[Scorer], matches: &RoaringBitmap) -> Vec<(u32, RoaringBitmap)> {
    // at_least[s]: the matches scoring s or more, as the keywords' sets are added one by one.
    let mut at_least = vec![matches.clone()];
    for set in scorers.iter().flat_map(|m| [&m.all, &m.name]) {
        at_least.push(RoaringBitmap::new());
        for s in (1..at_least.len()).rev() {
            let raised = &at_least[s - 1] & set;
            at_least[s] |= raised;
        }
    }
    let mut out = Vec::new();
    let mut higher = RoaringBitmap::new();
    for (score, set) in at_least.into_iter().enumerate().rev() {
        let exactly = &set - &higher;
        higher = set;
        if !exactly.is_empty() {
            out.push((score as u32, exactly));
        }
    }
    out
}

/// Up to `take` of `set` in update order (newest first when `descending`), from past `beyond`
/// ((updated, cand)) in that direction when given. A large set is met early walking the update
/// order from the right end; a few candidates are quicker sorted on their own.
fn in_update_order(
    facts: &Facts,
    set: &RoaringBitmap,
    descending: bool,
    beyond: Option<(i64, u32)>,
    take: usize,
) -> Vec<u32> {
    const FEW: u64 = 4096;
    let key = |c: u32| (facts.get(c).updated, c);
    if set.len() <= FEW {
        let past = |k: &(i64, u32)| beyond.is_none_or(|b| if descending { *k < b } else { *k > b });
        let mut keyed: Vec<(i64, u32)> = set.iter().map(key).filter(past).collect();
        keyed.sort_unstable();
        if descending {
            keyed.reverse();
        }
        keyed.truncate(take);
        return keyed.into_iter().map(|(_, c)| c).collect();
    }
    let order = &facts.by_updated;
    let pick = |c: &&u32| set.contains(**c);
    match (descending, beyond) {
        (true, b) => {
            let end = b.map_or(order.len(), |b| order.partition_point(|x| key(*x) < b));
            order[..end].iter().rev().filter(pick).take(take).copied().collect()
        }
        (false, b) => {
            let start = b.map_or(0, |b| order.partition_point(|x| key(*x) <= b));
            order[start..].iter().filter(pick).take(take).copied().collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use sets::Matches;

    /// Pages of the relevance order, followed by their cursors, are every match by (score,
    /// updated, row) from the highest, as scoring each match one by one gives: through score
    /// groups large enough to be met walking the update order, small ones sorted on their
    /// own, and many candidates updated at the same time.
    #[test]
    fn relevance_pages_go_by_score_then_update_then_row() {
        let (_dir, conn) = facts::tests::database(12_000);
        let (facts, ()) = Facts::load(&conn, None, || Ok(())).unwrap();
        let set = |keep: fn(u32) -> bool| -> RoaringBitmap { facts.present.iter().filter(|c| keep(*c)).collect() };
        let broad = Matches { all: set(|c| c % 3 != 0), name: set(|c| c % 9 == 1), partial: false };
        let narrow = Matches { all: set(|c| c % 50 < 3), name: set(|c| c % 100 == 1), partial: false };
        let scorers: Vec<Scorer> = vec![Arc::new(broad), Arc::new(narrow)];
        let matches = set(|c| c % 3 != 0 || c % 50 < 3 || c % 7 == 0);
        let score = |c| scorers.iter().map(|m| u32::from(m.all.contains(c)) + u32::from(m.name.contains(c))).sum();
        let mut expected: Vec<(u32, i64, u32)> = matches.iter().map(|c| (score(c), facts.get(c).updated, c)).collect();
        expected.sort_unstable_by(|a, b| b.cmp(a));

        let mut seen = Vec::new();
        let mut after = None;
        loop {
            let page = by_relevance(&facts, &scorers, &matches, after.as_ref(), 997, &|| false).unwrap().unwrap();
            let Some(last) = page.last().cloned() else { break };
            seen.extend(page.into_iter().map(|k| match k {
                Cursor::Rank { score, at, cand } => (score, at, cand),
                other => panic!("not a rank: {other:?}"),
            }));
            after = Some(last);
            assert!(seen.len() <= expected.len(), "the pages repeat candidates");
        }
        assert_eq!(seen, expected);
    }

    /// Pages of the update order, both ways, are every match by (updated, row), for a set large
    /// enough to be met walking the order and for a small one sorted on its own.
    #[test]
    fn update_order_pages_go_both_ways_for_large_and_small_sets() {
        let (_dir, conn) = facts::tests::database(12_000);
        let (facts, ()) = Facts::load(&conn, None, || Ok(())).unwrap();
        let large: RoaringBitmap = facts.present.iter().filter(|c| c % 5 != 0).collect();
        let small: RoaringBitmap = facts.present.iter().filter(|c| c % 11 == 0).collect();
        for matches in [large, small] {
            for descending in [true, false] {
                let mut expected: Vec<(i64, u32)> = matches.iter().map(|c| (facts.get(c).updated, c)).collect();
                expected.sort_unstable();
                if descending {
                    expected.reverse();
                }
                let mut seen = Vec::new();
                let mut after = None;
                loop {
                    let page = by_updated(&facts, &matches, descending, after.as_ref(), 997).unwrap();
                    let Some(last) = page.last().cloned() else { break };
                    seen.extend(page.into_iter().map(|k| match k {
                        Cursor::Updated { at, cand } => (at, cand),
                        other => panic!("not an update key: {other:?}"),
                    }));
                    after = Some(last);
                    assert!(seen.len() <= expected.len(), "the pages repeat candidates");
                }
                assert_eq!(seen, expected, "{} matches, descending {descending}", matches.len());
            }
        }
    }
}
