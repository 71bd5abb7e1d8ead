//! The per-candidate facts every search filters on, kept in memory: flags, activity,
//! engagements, profile type, owner and dates, plus the candidates in name and update order.
//!
//! Counting a million rows in SQLite takes hundreds of milliseconds; testing a million of these
//! small records takes a few. Loaded on the first search (from the saved snapshot when there
//! is one, see [`snapshot`]), refreshed for the candidates each write touches.

use std::collections::HashMap;

use roaring::RoaringBitmap;
use rusqlite::Connection;
use talentdesk_domain::candidate::ProfileType;
use talentdesk_domain::search::Experience;

use crate::StoreError;
use crate::tables::search_facts;

mod snapshot;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Fact {
    pub active: bool,
    pub eligible: bool,
    pub activity: u8,
    pub profile_type: u8,
    pub engagements: u32,
    /// Interned owner (see [`Facts::owner_code`]); 0 when nobody owns the candidate.
    pub owner: u32,
    pub created: i64,
    pub updated: i64,
    /// Experience as kept in the row (see `talentdesk_domain::search::experience`): months of
    /// finished work, and the month ongoing work began (0 when there is none).
    pub experience_months: u32,
    pub experience_since: u32,
}

impl Fact {
    /// Months of experience in month `now` (a `month_index`).
    pub(crate) fn experience_at(&self, now: u32) -> u32 {
        let open_since = (self.experience_since != 0).then_some(self.experience_since);
        Experience { closed_months: self.experience_months, open_since }.months_at(now)
    }
}

#[derive(Debug, Default)]
pub(crate) struct Facts {
    /// Indexed by `cand`; meaningful only where `present` has the candidate.
    facts: Vec<Fact>,
    name_keys: NameKeys,
    pub present: RoaringBitmap,
    /// The present candidates who are not active: few, so a search among the active (most
    /// searches) takes them away from its matches instead of testing each match's facts.
    pub inactive: RoaringBitmap,
    /// Candidates by (name key, cand), ascending.
    pub by_name: Vec<u32>,
    /// Candidates by (updated, cand), ascending.
    pub by_updated: Vec<u32>,
    owners: HashMap<String, u32>,
}

const COLUMNS: &str = "cand, active, eligible, activity, engagements, profile_type, owner_id, created_at, updated_at,
    name_key, experience_months, experience_since";

/// Above this many changed candidates, re-sorting everything beats moving them one by one.
const RESORT_AFTER: usize = 2_000;

/// Where a candidate's name key lies in the keys' text, and its update time.
type SortKey = ((u32, u32), i64);

/// How many bytes of a name key sort as a number.
const PREFIX: usize = 16;

/// Every candidate's name key in one buffer, by `cand`: a million small strings of their own
/// would cost a million allocations to load and twice the memory.
#[derive(Debug, Default)]
struct NameKeys {
    text: String,
    /// Where each candidate's key lies in `text`.
    spans: Vec<(u32, u32)>,
}

impl NameKeys {
    fn get(&self, cand: u32) -> &str {
        let (start, end) = self.spans.get(cand as usize).copied().unwrap_or_default();
        &self.text[start as usize..end as usize]
    }

    /// Sets a candidate's key. A replaced key's bytes stay behind until the next full load.
    fn set(&mut self, cand: u32, key: &str) {
        let start = self.text.len() as u32;
        self.text.push_str(key);
        self.place(cand, (start, self.text.len() as u32));
    }

    /// Points a candidate at key bytes already in `text`.
    fn place(&mut self, cand: u32, span: (u32, u32)) {
        let at = cand as usize;
        if self.spans.len() <= at {
            self.spans.resize(at + 1, (0, 0));
        }
        self.spans[at] = span;
    }

    /// The key's first sixteen bytes as a number that orders as the key does (keys hold no
    /// NUL), so sorting rarely needs to compare whole keys: most names differ that early.
    fn prefix(&self, cand: u32) -> u128 {
        let mut head = [0u8; PREFIX];
        let key = self.get(cand).as_bytes();
        let n = key.len().min(PREFIX);
        head[..n].copy_from_slice(&key[..n]);
        u128::from_be_bytes(head)
    }
}

impl Facts {
    /// Loads every candidate's facts. With `helper`, a second connection to the same
    /// database, the upper half of the candidates is read on a second thread meanwhile, and
    /// `alongside` runs on this one once its half is read.
    pub(crate) fn load<T>(
        conn: &Connection,
        helper: Option<Connection>,
        alongside: impl FnOnce() -> Result<T, StoreError>,
    ) -> Result<(Self, T), StoreError> {
        let last: i64 = conn.query_row("SELECT ifnull(max(cand), 0) FROM candidates", [], |r| r.get(0))?;
        let split = if helper.is_some() { last / 2 } else { last };
        std::thread::scope(|scope| {
            let upper = helper.map(|h| scope.spawn(move || Self::load_range(&h, split + 1, last)));
            let mut facts = Self::load_range(conn, 0, split)?;
            let with = alongside()?;
            if let Some(upper) = upper {
                let upper = upper.join().map_err(|_| StoreError::Corrupt("loading search facts failed".into()))?;
                facts.absorb(upper?);
            }
            facts.resort();
            Ok((facts, with))
        })
    }

    /// The facts as last saved (`search_facts`), brought up to date with every candidate
    /// logged since, and the last log entry they include; `None` when none are saved.
    pub(crate) fn saved(conn: &Connection) -> Result<Option<(Self, i64)>, StoreError> {
        // One read transaction: a snapshot written in between would empty the log.
        let outside = conn.is_autocommit();
        if outside {
            conn.execute_batch("BEGIN")?;
        }
        let read = (|| {
            let Some(mut facts) = search_facts::read(conn, Self::decode)? else { return Ok(None) };
            let (changed, last) = search_facts::logged_since(conn, 0)?;
            facts.refresh(conn, &changed)?;
            Ok(Some((facts, last)))
        })();
        if outside {
            conn.execute_batch("COMMIT")?;
        }
        read
    }

    /// The facts of the candidates with `cand` in `from..=to`, unsorted.
    fn load_range(conn: &Connection, from: i64, to: i64) -> Result<Self, StoreError> {
        let mut facts = Facts::default();
        let slots = usize::try_from(to + 1).unwrap_or_default();
        facts.facts.reserve(slots);
        facts.name_keys.spans.reserve(slots);
        let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM candidates WHERE cand BETWEEN ?1 AND ?2"))?;
        let mut rows = stmt.query([from, to])?;
        while let Some(r) = rows.next()? {
            facts.read(r)?;
        }
        Ok(facts)
    }

    /// Takes in the candidates of another load (none of which are here), with their owners
    /// coded as here.
    fn absorb(&mut self, other: Facts) {
        let mut owner_names = vec![""; other.owners.len() + 1];
        for (name, code) in &other.owners {
            owner_names[*code as usize] = name;
        }
        let shift = self.name_keys.text.len() as u32;
        self.name_keys.text.push_str(&other.name_keys.text);
        for cand in &other.present {
            let mut fact = *other.get(cand);
            if fact.owner != 0 {
                fact.owner = self.owner_code_or_insert(owner_names[fact.owner as usize]);
            }
            self.put_fact(cand, fact);
            let (start, end) = other.name_keys.spans[cand as usize];
            self.name_keys.place(cand, (start + shift, end + shift));
        }
        self.present |= other.present;
    }

    /// Takes in one row of [`COLUMNS`], reading its text in place.
    fn read(&mut self, r: &rusqlite::Row) -> Result<u32, StoreError> {
        let cand: i64 = r.get(0)?;
        let cand =
            u32::try_from(cand).map_err(|_| StoreError::Corrupt(format!("candidate row {cand} out of range")))?;
        let fact = Fact {
            active: r.get(1)?,
            eligible: r.get(2)?,
            activity: r.get::<_, i64>(3)? as u8,
            engagements: r.get(4)?,
            profile_type: profile_type_code(ProfileType::parse(text(r, 5)?.unwrap_or_default())),
            owner: text(r, 6)?.map_or(0, |o| self.owner_code_or_insert(o)),
            created: r.get(7)?,
            updated: r.get(8)?,
            experience_months: r.get(10)?,
            experience_since: r.get::<_, Option<u32>>(11)?.unwrap_or(0),
        };
        self.put_fact(cand, fact);
        self.name_keys.set(cand, text(r, 9)?.unwrap_or_default());
        self.present.insert(cand);
        Ok(cand)
    }

    fn put_fact(&mut self, cand: u32, fact: Fact) {
        let at = cand as usize;
        if self.facts.len() <= at {
            self.facts.resize(at + 1, Fact::default());
        }
        self.facts[at] = fact;
        if fact.active {
            self.inactive.remove(cand);
        } else {
            self.inactive.insert(cand);
        }
    }

    fn resort(&mut self) {
        let keys = &self.name_keys;
        // Sorted as numbers first; only keys longer than their prefix that share it are then
        // compared whole. Such a run is mostly one name many people have, already in `cand`
        // order, which the sort notices at once.
        let mut by_name: Vec<(u128, u32)> = self.present.iter().map(|c| (keys.prefix(c), c)).collect();
        by_name.sort_unstable();
        for run in by_name.chunk_by_mut(|a, b| a.0 == b.0) {
            if run.len() > 1 && run.iter().any(|(_, c)| keys.get(*c).len() > PREFIX) {
                run.sort_unstable_by(|a, b| self.name_order(a.1, b.1));
            }
        }
        let mut by_updated: Vec<(i64, u32)> =
            self.present.iter().map(|c| (self.facts[c as usize].updated, c)).collect();
        by_updated.sort_unstable();
        self.by_name = by_name.into_iter().map(|(_, c)| c).collect();
        self.by_updated = by_updated.into_iter().map(|(_, c)| c).collect();
    }

    fn name_order(&self, a: u32, b: u32) -> std::cmp::Ordering {
        (self.name_key(a), a).cmp(&(self.name_key(b), b))
    }

    fn owner_code_or_insert(&mut self, owner: &str) -> u32 {
        if let Some(code) = self.owners.get(owner) {
            return *code;
        }
        let code = self.owners.len() as u32 + 1;
        self.owners.insert(owner.to_owned(), code);
        code
    }

    /// The code of an owner id, if any candidate has that owner.
    pub(crate) fn owner_code(&self, owner: &str) -> Option<u32> {
        self.owners.get(owner).copied()
    }

    pub(crate) fn get(&self, cand: u32) -> &Fact {
        &self.facts[cand as usize]
    }

    pub(crate) fn name_key(&self, cand: u32) -> &str {
        self.name_keys.get(cand)
    }

    /// Re-reads these candidates after a write (dropping the ones that no longer exist).
    pub(crate) fn refresh(&mut self, conn: &Connection, cands: &[i64]) -> Result<(), StoreError> {
        let mut moved: Vec<u32> = cands.iter().filter_map(|c| u32::try_from(*c).ok()).collect();
        // A candidate written twice (created, then given a resume) is linked once.
        moved.sort_unstable();
        moved.dedup();
        let incremental = moved.len() <= RESORT_AFTER;
        let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM candidates WHERE cand = ?1"))?;
        for cand in moved.iter().copied() {
            let before = self.present.contains(cand).then(|| self.sort_key(cand));
            self.present.remove(cand);
            self.inactive.remove(cand);
            let mut rows = stmt.query([cand])?;
            let now = match rows.next()? {
                Some(r) => Some(self.read(r).map(|cand| self.sort_key(cand))?),
                None => None,
            };
            // Most writes (a tag, a note) leave the name and the update time alone: moving
            // such a candidate out of both orders and back in is two shifts of a million-entry
            // array for nothing, which made a 100,000-candidate tag take seconds.
            if incremental && self.key_text(before) != self.key_text(now) {
                if let Some(before) = before {
                    self.unlink(cand, before);
                }
                if now.is_some() {
                    self.link(cand);
                }
            }
        }
        if !incremental {
            self.resort();
        }
        Ok(())
    }

    /// What a candidate is sorted by now: where its name key lies (its bytes stay in place
    /// when it is replaced) and its update time.
    fn sort_key(&self, cand: u32) -> SortKey {
        let span = self.name_keys.spans.get(cand as usize).copied().unwrap_or_default();
        (span, self.facts[cand as usize].updated)
    }

    fn key_text(&self, key: Option<SortKey>) -> Option<(&str, i64)> {
        key.map(|((start, end), updated)| (&self.name_keys.text[start as usize..end as usize], updated))
    }

    /// Removes a candidate from both orders, found by the keys it was sorted by.
    fn unlink(&mut self, cand: u32, before: SortKey) {
        let Some((name, updated)) = self.key_text(Some(before)) else { return };
        // Its own entry still sits where its old keys put it, so it is compared by those.
        let name_of = |x: u32| if x == cand { name } else { self.name_key(x) };
        let updated_of = |x: u32| if x == cand { updated } else { self.facts[x as usize].updated };
        let by_name = self.by_name.partition_point(|x| (name_of(*x), *x) < (name, cand));
        let by_updated = self.by_updated.partition_point(|x| (updated_of(*x), *x) < (updated, cand));
        if self.by_name.get(by_name) == Some(&cand) {
            self.by_name.remove(by_name);
        }
        if self.by_updated.get(by_updated) == Some(&cand) {
            self.by_updated.remove(by_updated);
        }
    }

    fn link(&mut self, cand: u32) {
        let at = self.by_name.partition_point(|x| self.name_order(*x, cand).is_lt());
        self.by_name.insert(at, cand);
        let key = (self.facts[cand as usize].updated, cand);
        let at = self.by_updated.partition_point(|x| (self.facts[*x as usize].updated, *x) < key);
        self.by_updated.insert(at, cand);
    }
}

/// Column `i` as text read in place, without a copy; NULL is `None`.
fn text<'r>(r: &'r rusqlite::Row, i: usize) -> rusqlite::Result<Option<&'r str>> {
    r.get_ref(i)?
        .as_str_or_null()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

/// A small number per profile type, for a bit mask.
pub(crate) fn profile_type_code(t: Option<ProfileType>) -> u8 {
    t.and_then(|t| ProfileType::ALL.iter().position(|x| *x == t)).map_or(u8::MAX, |i| i as u8)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A database of `count` candidates with just what facts read: names sharing long
    /// beginnings (past the part sorted as a number), the same name many times, owners on both
    /// sides of the split, and many updated at the same time.
    pub(in crate::search) fn database(count: i64) -> (tempfile::TempDir, Connection) {
        let dir = tempfile::tempdir().expect("temp dir");
        let conn = Connection::open(dir.path().join("facts.db")).expect("open");
        conn.execute_batch(
            "CREATE TABLE candidates (cand INTEGER PRIMARY KEY, active, eligible, activity, engagements,
                 profile_type, owner_id, created_at, updated_at, name_key, experience_months, experience_since);",
        )
        .expect("schema");
        let names = ["vanderberghe-oostermeijer anna", "vanderberghe-oostermeijer ann", "li wei", "zoe", "li wei"];
        let owners = [None, Some("u-2"), Some("u-1"), Some("u-3")];
        conn.execute_batch("BEGIN").expect("begin");
        for cand in 1..=count {
            conn.execute(
                "INSERT INTO candidates VALUES (?1, ?2, 1, ?3, ?4, 'applicant', ?5, ?6, ?7, ?8, ?9, ?10)",
                rusqlite::params![
                    cand,
                    cand % 7 != 0,
                    cand % 5,
                    cand * 3 % 17,
                    owners[(cand % 4) as usize],
                    1_000 + cand,
                    // Many the same: the update order falls back on `cand`.
                    2_000 + cand % 13,
                    names[(cand % 5) as usize],
                    cand * 7 % 240,
                    // A third still at work, since some month of 2000-2019.
                    (cand % 3 == 0).then_some(2000 * 12 + cand % 240),
                ],
            )
            .expect("insert");
        }
        conn.execute_batch("COMMIT").expect("commit");
        (dir, conn)
    }

    #[test]
    fn loading_on_two_threads_gives_what_one_thread_gives() {
        let (_dir, conn) = database(400);
        let helper = super::super::helper(&conn).expect("a file database gets a helper");
        let (one, ()) = Facts::load(&conn, None, || Ok(())).expect("one thread");
        let (two, ()) = Facts::load(&conn, Some(helper), || Ok(())).expect("two threads");

        assert_eq!(one.present.len(), 400);
        assert_eq!(contents(&one), contents(&two));
        assert_eq!(one.by_name, two.by_name);
        assert_eq!(one.by_updated, two.by_updated);
    }

    /// Everything a search reads of the facts, comparable across two loads: each candidate's
    /// facts with its owner by name, and its name key.
    fn contents(f: &Facts) -> Vec<(u32, Fact, Option<&String>, &str)> {
        let owner = |code: u32| f.owners.iter().find(|(_, c)| **c == code).map(|(o, _)| o);
        f.present.iter().map(|c| (c, Fact { owner: 0, ..*f.get(c) }, owner(f.get(c).owner), f.name_key(c))).collect()
    }

    #[test]
    fn a_snapshot_reads_back_as_written_and_a_damaged_one_is_refused() {
        let (_dir, conn) = database(400);
        let (facts, ()) = Facts::load(&conn, None, || Ok(())).expect("load");
        let bytes = facts.encode();
        let back = Facts::decode(&bytes).expect("decode");
        assert_eq!(contents(&back), contents(&facts));
        assert_eq!((&back.by_name, &back.by_updated), (&facts.by_name, &facts.by_updated));
        assert_eq!(back.owner_code("u-3").is_some(), facts.owner_code("u-3").is_some());

        let mut damaged = vec![Vec::new(), bytes[..bytes.len() - 1].to_vec(), [&bytes[..], &[0]].concat()];
        // The last candidate of the update order twice.
        let mut twice = bytes.clone();
        let n = twice.len();
        let last_but_one = twice[n - 8..n - 4].to_vec();
        twice[n - 4..].copy_from_slice(&last_but_one);
        damaged.push(twice);
        // Another format.
        let mut newer = bytes.clone();
        newer[8] += 1;
        damaged.push(newer);
        for (i, bad) in damaged.iter().enumerate() {
            assert!(matches!(Facts::decode(bad), Err(StoreError::Corrupt(_))), "damaged snapshot {i} is refused");
        }
    }

    #[test]
    fn a_refresh_after_writes_keeps_the_orders_a_fresh_load_gives() {
        let (_dir, conn) = database(400);
        let (mut facts, ()) = Facts::load(&conn, None, || Ok(())).expect("load");
        // Renamed (to the front, and onto a name many share), re-dated, untouched (a tag),
        // renamed and re-dated at once, and deleted.
        conn.execute_batch(
            "UPDATE candidates SET name_key = 'aaron' WHERE cand = 10;
             UPDATE candidates SET name_key = 'li wei' WHERE cand = 11;
             UPDATE candidates SET updated_at = 9000 WHERE cand = 20;
             UPDATE candidates SET name_key = 'zz top', updated_at = 1 WHERE cand = 30;
             DELETE FROM candidates WHERE cand = 50;",
        )
        .expect("writes");
        facts.refresh(&conn, &[10, 11, 20, 30, 40, 50]).expect("refresh");
        let (fresh, ()) = Facts::load(&conn, None, || Ok(())).expect("load again");
        assert_eq!(contents(&facts), contents(&fresh));
        assert_eq!(facts.by_name, fresh.by_name, "name order");
        assert_eq!(facts.by_updated, fresh.by_updated, "update order");
        assert_eq!(facts.by_name.first(), Some(&10));
        assert_eq!(facts.by_updated.first(), Some(&30));
    }

    #[test]
    fn names_sort_whole_past_the_numeric_prefix_then_by_row() {
        let (_dir, conn) = database(400);
        let (facts, ()) = Facts::load(&conn, super::super::helper(&conn), || Ok(())).expect("load");
        let order: Vec<(&str, u32)> = facts.by_name.iter().map(|c| (facts.name_key(*c), *c)).collect();
        let mut expected = order.clone();
        expected.sort();
        assert_eq!(order, expected);
        // "…oostermeijer ann" before "…oostermeijer anna": they differ past sixteen bytes.
        assert_eq!(order[0].0, "li wei");
        assert!(
            order.iter().position(|(k, _)| k.ends_with(" ann")) < order.iter().position(|(k, _)| k.ends_with(" anna"))
        );
        let updated: Vec<(i64, u32)> = facts.by_updated.iter().map(|c| (facts.get(*c).updated, *c)).collect();
        assert!(updated.windows(2).all(|w| w[0] < w[1]));
    }
}
