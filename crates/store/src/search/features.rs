//! What Talent Matches and candidates-for-a-job share: a feature (a skill, a title, a school)
//! is a phrase, the candidates who have it are those whose indexed text has all its words (a
//! bitmap each, see [`having`]), it counts for more the fewer have it ([`rarity`]), and scores
//! add up per candidate in a [`Tally`] from which the best are picked.

use roaring::RoaringBitmap;
use rusqlite::Connection;

use super::terms::FrequentTerms;
use crate::{StoreError, tokens};

/// The candidates whose indexed text has every word of `phrase`; None when it has no words.
/// Looser than a phrase query in one column, but a phrase query over common words reads
/// hundreds of thousands of position lists, while the words' sets are bitmaps in memory or
/// small: at a million candidates, seconds against milliseconds.
pub(super) fn having(
    conn: &Connection,
    terms: &FrequentTerms,
    phrase: &str,
) -> Result<Option<RoaringBitmap>, StoreError> {
    let mut having: Option<RoaringBitmap> = None;
    for word in tokens::of_text(conn, phrase)? {
        let with_word = terms.term(conn, &word)?;
        having = Some(match having {
            Some(set) => set & with_word,
            None => with_word,
        });
    }
    Ok(having)
}

/// How much having a feature says of a candidate: the log of how rare it is (inverse document
/// frequency), 0 when everyone has it.
pub(super) fn rarity(holders: u64, population: u64) -> f64 {
    (population.max(1) as f64 / holders.max(1) as f64).ln().max(0.0)
}

/// Scores by candidate row, added up feature by feature.
pub(super) struct Tally(Vec<f32>);

impl Tally {
    /// Room for every row up to `last`.
    pub(super) fn new(last: Option<u32>) -> Self {
        Self(vec![0.0; last.map_or(0, |m| m as usize + 1)])
    }

    pub(super) fn add(&mut self, set: &RoaringBitmap, weight: f32) {
        for c in set {
            if let Some(score) = self.0.get_mut(c as usize) {
                *score += weight;
            }
        }
    }

    pub(super) fn get(&self, cand: u32) -> f32 {
        self.0.get(cand as usize).copied().unwrap_or(0.0)
    }

    /// The `n` best scored of `cands` (a score above 0), best first, ties by row.
    pub(super) fn top(&self, cands: impl Iterator<Item = u32>, n: usize) -> Vec<(u32, f32)> {
        let mut ranked: Vec<(u32, f32)> = cands.map(|c| (c, self.get(c))).filter(|(_, s)| *s > 0.0).collect();
        let by_score = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if ranked.len() > n && n > 0 {
            ranked.select_nth_unstable_by(n - 1, by_score);
        }
        ranked.truncate(n);
        ranked.sort_unstable_by(by_score);
        ranked
    }
}
