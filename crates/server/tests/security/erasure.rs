//! Erasure that is complete: no trace of a deleted person in any table or the blob folder.
