//! A flat bit set over candidate row numbers: the result of a search. At a million candidates
//! it is 125 KB, answers "is this one in?" in one load, and counts as it is built.

use roaring::RoaringBitmap;

#[derive(Debug, Default)]
pub(crate) struct BitSet {
    words: Vec<u64>,
    len: u64,
}

impl BitSet {
    pub(crate) fn with_capacity(max: u32) -> Self {
        Self { words: vec![0; max as usize / 64 + 1], len: 0 }
    }

    pub(crate) fn insert(&mut self, c: u32) {
        let (word, bit) = (c as usize / 64, c % 64);
        if word >= self.words.len() {
            self.words.resize(word + 1, 0);
        }
        let mask = 1u64 << bit;
        if self.words[word] & mask == 0 {
            self.words[word] |= mask;
            self.len += 1;
        }
    }

    pub(crate) fn contains(&self, c: u32) -> bool {
        self.words.get(c as usize / 64).is_some_and(|w| w & (1 << (c % 64)) != 0)
    }

    pub(crate) fn len(&self) -> u64 {
        self.len
    }

    /// Members in ascending order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(i, w)| {
            let mut w = *w;
            std::iter::from_fn(move || {
                (w != 0).then(|| {
                    let bit = w.trailing_zeros();
                    w &= w - 1;
                    i as u32 * 64 + bit
                })
            })
        })
    }
}

impl From<&RoaringBitmap> for BitSet {
    fn from(set: &RoaringBitmap) -> Self {
        let mut out = BitSet::with_capacity(set.max().unwrap_or(0));
        set.iter().for_each(|c| out.insert(c));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_count_once_and_iterate_in_order() {
        let mut s = BitSet::with_capacity(10);
        for c in [5, 200, 5, 63, 64, 0] {
            s.insert(c);
        }
        assert_eq!(s.len(), 5);
        assert_eq!(s.iter().collect::<Vec<_>>(), vec![0, 5, 63, 64, 200]);
        assert!(s.contains(200) && !s.contains(201) && !s.contains(1_000_000));
    }
}
