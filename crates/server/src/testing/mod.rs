//! For tests of the server and of its clients (feature `testing`): a throwaway PostgreSQL
//! cluster from the system's binaries, with a fresh database per test.

pub mod postgres;
