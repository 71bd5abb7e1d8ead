//! Documents' blobs: served only to whom a live document shows them, deleted when nothing refers to them.
