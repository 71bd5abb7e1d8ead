//! Every key of a bulk load, sorted in memory so that the index is written in order (see
//! `tables::checkin_keys::build`). Kept compact: the keys' text in one string, and per key
//! its place in it, its candidate and its first eight bytes as a number, which settle most
//! comparisons without reading the text (millions of keys spread over memory).

use std::cmp::Ordering;

struct Entry {
    prefix: u64,
    at: usize,
    len: u32,
    cand: i64,
}

#[derive(Default)]
pub(crate) struct KeyList {
    text: String,
    entries: Vec<Entry>,
}

impl KeyList {
    pub(crate) fn push(&mut self, key: &str, cand: i64) {
        let mut first = [0u8; 8];
        let n = key.len().min(8);
        first[..n].copy_from_slice(&key.as_bytes()[..n]);
        // Keys hold no NUL, so a shorter key's zero padding sorts it first, as SQLite does.
        let prefix = u64::from_be_bytes(first);
        self.entries.push(Entry { prefix, at: self.text.len(), len: key.len() as u32, cand });
        self.text.push_str(key);
    }

    fn key(&self, e: &Entry) -> &str {
        &self.text[e.at..e.at + e.len as usize]
    }

    /// Sorts by key (byte order, as SQLite's BINARY collation), then candidate.
    pub(crate) fn sort(&mut self) {
        let mut entries = std::mem::take(&mut self.entries);
        entries.sort_unstable_by(|a, b| self.order(a, b));
        self.entries = entries;
    }

    fn order(&self, a: &Entry, b: &Entry) -> Ordering {
        a.prefix.cmp(&b.prefix).then_with(|| self.key(a).cmp(self.key(b))).then(a.cand.cmp(&b.cand))
    }

    /// The keys with their candidates, in order once sorted.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, i64)> {
        self.entries.iter().map(|e| (self.key(e), e.cand))
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_in_byte_order_then_by_candidate() {
        let mut list = KeyList::default();
        let keys = [
            ("souza", 3),
            ("ana.souza12@example.com", 1),
            ("souza", 1),
            ("ana", 2),
            ("ana.souza1@example.com", 4),
            ("анна", 5),
            ("anabela", 1),
            ("an", 9),
            ("5550100199", 7),
        ];
        for (key, cand) in keys {
            list.push(key, cand);
        }
        list.sort();
        let mut expected: Vec<(&str, i64)> = keys.to_vec();
        expected.sort_unstable();
        assert_eq!(list.iter().collect::<Vec<_>>(), expected);
        assert_eq!(list.len(), keys.len());
    }
}
