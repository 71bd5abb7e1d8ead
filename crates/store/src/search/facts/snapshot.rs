//! [`Facts`] as bytes and back, for the snapshot kept in `search_facts`: about 70 bytes a
//! candidate, read back in tens of milliseconds where the rows take a second and a half.
//!
//! Little-endian throughout: a header (magic, format, slots, candidates), the owners by code,
//! then per candidate in `cand` order its fact and name key length, then the name keys' text,
//! then the two orders. Anything out of place is refused as corrupt, and the caller then
//! reads the rows instead.

use std::collections::HashMap;

use roaring::RoaringBitmap;

use super::{Fact, Facts, NameKeys};
use crate::StoreError;

const MAGIC: &[u8; 8] = b"TDFACTS\0";
/// Bumped whenever the layout changes; an older snapshot is then read as missing.
const FORMAT: u32 = 2;

impl Facts {
    pub(crate) fn encode(&self) -> Vec<u8> {
        let count = self.present.len() as usize;
        let mut out = Vec::with_capacity(64 + count * 70 + self.name_keys.text.len());
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, FORMAT);
        put_u32(&mut out, self.facts.len() as u32);
        put_u32(&mut out, count as u32);
        let mut owners: Vec<(&String, &u32)> = self.owners.iter().collect();
        owners.sort_by_key(|(_, code)| **code);
        put_u32(&mut out, owners.len() as u32);
        for (owner, _) in owners {
            put_u32(&mut out, owner.len() as u32);
            out.extend_from_slice(owner.as_bytes());
        }
        let mut keys = String::with_capacity(self.name_keys.text.len());
        for cand in &self.present {
            let fact = self.get(cand);
            let key = self.name_key(cand);
            put_u32(&mut out, cand);
            out.extend_from_slice(&[u8::from(fact.active), u8::from(fact.eligible), fact.activity, fact.profile_type]);
            put_u32(&mut out, fact.engagements);
            put_u32(&mut out, fact.owner);
            out.extend_from_slice(&fact.created.to_le_bytes());
            out.extend_from_slice(&fact.updated.to_le_bytes());
            put_u32(&mut out, fact.experience_months);
            put_u32(&mut out, fact.experience_since);
            put_u32(&mut out, key.len() as u32);
            keys.push_str(key);
        }
        put_u32(&mut out, keys.len() as u32);
        out.extend_from_slice(keys.as_bytes());
        for order in [&self.by_name, &self.by_updated] {
            for cand in order {
                put_u32(&mut out, *cand);
            }
        }
        out
    }

    pub(crate) fn decode(bytes: &[u8]) -> Result<Self, StoreError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC || r.u32()? != FORMAT {
            return Err(corrupt("not a snapshot of this version"));
        }
        let slots = r.u32()? as usize;
        let count = r.u32()? as usize;
        let owner_count = r.u32()?;
        let mut owners = HashMap::with_capacity(owner_count as usize);
        for code in 1..=owner_count {
            let len = r.u32()? as usize;
            let owner = std::str::from_utf8(r.take(len)?).map_err(|_| corrupt("an owner is not text"))?;
            owners.insert(owner.to_owned(), code);
        }
        let mut facts = vec![Fact::default(); slots];
        let mut cands = Vec::with_capacity(count);
        let mut key_lens = Vec::with_capacity(count);
        for _ in 0..count {
            let cand = r.u32()?;
            if cand as usize >= slots || cands.last().is_some_and(|last| *last >= cand) {
                return Err(corrupt("candidates out of order"));
            }
            let [active, eligible, activity, profile_type] = r.array()?;
            let fact = Fact {
                active: active != 0,
                eligible: eligible != 0,
                activity,
                profile_type,
                engagements: r.u32()?,
                owner: r.u32()?,
                created: r.i64()?,
                updated: r.i64()?,
                experience_months: r.u32()?,
                experience_since: r.u32()?,
            };
            if fact.owner > owner_count {
                return Err(corrupt("an owner out of range"));
            }
            facts[cand as usize] = fact;
            cands.push(cand);
            key_lens.push(r.u32()?);
        }
        let text_len = r.u32()? as usize;
        let text = std::str::from_utf8(r.take(text_len)?).map_err(|_| corrupt("the name keys are not text"))?;
        let mut name_keys = NameKeys { text: text.to_owned(), spans: vec![(0, 0); slots] };
        let mut start = 0u32;
        for (cand, len) in cands.iter().zip(key_lens) {
            let end = start.checked_add(len).filter(|end| name_keys.text.is_char_boundary(*end as usize));
            let end = end.ok_or_else(|| corrupt("a name key out of range"))?;
            name_keys.spans[*cand as usize] = (start, end);
            start = end;
        }
        // Which candidates each order has had so far: bit 0 present, then one bit per order.
        let mut marks = vec![0u8; slots];
        for cand in &cands {
            marks[*cand as usize] = 1;
        }
        let by_name = r.order(count, &mut marks, 2)?;
        let by_updated = r.order(count, &mut marks, 4)?;
        let present = RoaringBitmap::from_sorted_iter(cands).map_err(|_| corrupt("candidates out of order"))?;
        if r.at != bytes.len() {
            return Err(corrupt("bytes after the end"));
        }
        let inactive = RoaringBitmap::from_sorted_iter(present.iter().filter(|c| !facts[*c as usize].active))
            .map_err(|_| corrupt("candidates out of order"))?;
        Ok(Facts { facts, name_keys, present, inactive, by_name, by_updated, owners })
    }
}

fn put_u32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("the search snapshot: {what}"))
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize) -> Result<&'a [u8], StoreError> {
        let end = self.at.checked_add(len).filter(|end| *end <= self.bytes.len());
        let end = end.ok_or_else(|| corrupt("cut short"))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], StoreError> {
        Ok(self.take(N)?.try_into().expect("took N bytes"))
    }

    fn u32(&mut self) -> Result<u32, StoreError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn i64(&mut self) -> Result<i64, StoreError> {
        Ok(i64::from_le_bytes(self.array()?))
    }

    /// One of the two orders: every present candidate (`marks` bit 0) once, which `bit`
    /// then marks.
    fn order(&mut self, count: usize, marks: &mut [u8], bit: u8) -> Result<Vec<u32>, StoreError> {
        let mut order = Vec::with_capacity(count);
        for _ in 0..count {
            let cand = self.u32()?;
            match marks.get_mut(cand as usize) {
                Some(mark) if *mark & 1 == 1 && *mark & bit == 0 => *mark |= bit,
                _ => return Err(corrupt("an order that is not of the candidates")),
            }
            order.push(cand);
        }
        Ok(order)
    }
}
