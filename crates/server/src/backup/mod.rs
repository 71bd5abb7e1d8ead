//! Backups and restores of the server (the history a restore starts, so far).

pub(crate) mod history;
