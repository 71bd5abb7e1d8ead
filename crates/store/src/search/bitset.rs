//! A flat bit set over candidate row numbers, for walking a sort order and picking a search's
//! matches out of it: at a million candidates it is 125 KB and answers "is this one in?" with
//! one load, where a Roaring bitmap first searches its containers.

use roaring::RoaringBitmap;

#[derive(Debug, Default)]
pub(crate) struct BitSet {
    words: Vec<u64>,
}

impl BitSet {
    pub(crate) fn contains(&self, c: u32) -> bool {
        self.words.get(c as usize / 64).is_some_and(|w| w & (1 << (c % 64)) != 0)
    }
}

impl From<&RoaringBitmap> for BitSet {
    fn from(set: &RoaringBitmap) -> Self {
        let mut words = vec![0; set.max().map_or(0, |max| max as usize / 64 + 1)];
        for c in set {
            words[c as usize / 64] |= 1 << (c % 64);
        }
        Self { words }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_what_the_bitmap_holds() {
        let set: RoaringBitmap = [5, 200, 63, 64, 0].into_iter().collect();
        let bits = BitSet::from(&set);
        for c in 0..300 {
            assert_eq!(bits.contains(c), set.contains(c), "{c}");
        }
        assert!(!bits.contains(1_000_000));
        assert!(!BitSet::from(&RoaringBitmap::new()).contains(0));
    }
}
