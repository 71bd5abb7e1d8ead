//! The snapshot download, read while it arrives. Three stages run side by side: a task on the
//! runtime receives the compressed bytes; a thread of its own unpacks them, splits the lines,
//! parses each record and runs the caller's `prepare` on it; the caller iterates the results
//! (on a blocking thread), usually writing them to the store. On a first sync of a million
//! candidates the unpacking and parsing would otherwise wait for SQLite and the other way
//! round.

use std::io::{BufRead, BufReader};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::time::Duration;

use crate::client::{ClientError, next_chunk};
use crate::wire::{SnapshotHeader, SnapshotRecord};

/// Records handed over at a time: fewer hand-overs, and still little memory in flight.
const BATCH: usize = 512;

enum Message<T> {
    Header(SnapshotHeader),
    Batch(Vec<T>),
    Failed(ClientError),
}

pub struct SnapshotReader<T> {
    messages: Receiver<Message<T>>,
    header: Option<SnapshotHeader>,
    batch: std::vec::IntoIter<T>,
    received: Arc<AtomicU64>,
    failed: bool,
}

impl<T: Send + 'static> SnapshotReader<T> {
    /// Reads `response`'s body; it fails when nothing arrives for `idle`.
    pub(crate) fn start(
        mut response: reqwest::Response,
        idle: Duration,
        prepare: impl Fn(SnapshotRecord) -> T + Send + 'static,
    ) -> Self {
        // A few megabytes in flight: enough to keep the download going while a batch is written.
        let (bytes_in, bytes_out) = sync_channel::<Result<bytes::Bytes, String>>(64);
        let received = Arc::new(AtomicU64::new(0));
        let counter = received.clone();
        tokio::spawn(async move {
            loop {
                let item = match next_chunk(&mut response, idle).await {
                    Ok(Some(chunk)) => {
                        counter.fetch_add(chunk.len() as u64, Ordering::Relaxed);
                        Ok(chunk)
                    }
                    Ok(None) => break,
                    Err(e) => Err(e.to_string()),
                };
                let failed = item.is_err();
                if bytes_in.send(item).is_err() || failed {
                    break;
                }
            }
        });
        let (messages_in, messages) = sync_channel(16);
        std::thread::spawn(move || {
            unpack(Download { receiver: bytes_out, current: bytes::Bytes::new() }, prepare, messages_in)
        });
        Self { messages, header: None, batch: Vec::new().into_iter(), received, failed: false }
    }
}

impl<T> SnapshotReader<T> {
    /// The snapshot's first line: its version and size. Blocks until it arrives.
    pub fn header(&mut self) -> Result<SnapshotHeader, ClientError> {
        if let Some(header) = &self.header {
            return Ok(header.clone());
        }
        match self.messages.recv() {
            Ok(Message::Header(header)) => {
                self.header = Some(header.clone());
                Ok(header)
            }
            Ok(Message::Failed(e)) => Err(e),
            Ok(Message::Batch(_)) | Err(_) => Err(ClientError::BadAnswer("the snapshot is empty".into())),
        }
    }

    /// Compressed bytes received so far.
    pub fn received_bytes(&self) -> u64 {
        self.received.load(Ordering::Relaxed)
    }
}

impl<T> Iterator for SnapshotReader<T> {
    type Item = Result<T, ClientError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        if self.header.is_none()
            && let Err(e) = self.header()
        {
            self.failed = true;
            return Some(Err(e));
        }
        loop {
            if let Some(item) = self.batch.next() {
                return Some(Ok(item));
            }
            match self.messages.recv() {
                Ok(Message::Batch(batch)) => self.batch = batch.into_iter(),
                Ok(Message::Failed(e)) => {
                    self.failed = true;
                    return Some(Err(e));
                }
                Ok(Message::Header(_)) => {}
                // The unpacking thread is done: that was the last record.
                Err(_) => return None,
            }
        }
    }
}

/// The unpacking thread: header first, then records in batches, or the first failure.
fn unpack<T>(download: Download, prepare: impl Fn(SnapshotRecord) -> T, out: SyncSender<Message<T>>) {
    let mut lines = BufReader::new(flate2::read::GzDecoder::new(download)).lines();
    let header = match lines.next() {
        Some(Ok(line)) => serde_json::from_str(&line).map_err(|e| ClientError::BadAnswer(e.to_string())),
        Some(Err(e)) => Err(read_error(e)),
        None => Err(ClientError::BadAnswer("the snapshot is empty".into())),
    };
    let first = match header {
        Ok(header) => Message::Header(header),
        Err(e) => Message::Failed(e),
    };
    let failed = matches!(first, Message::Failed(_));
    if out.send(first).is_err() || failed {
        return;
    }
    let mut batch = Vec::with_capacity(BATCH);
    for line in lines {
        let record = line.map_err(read_error).and_then(|l| {
            serde_json::from_str::<SnapshotRecord>(&l).map_err(|e| ClientError::BadAnswer(e.to_string()))
        });
        match record {
            Ok(record) => batch.push(prepare(record)),
            Err(e) => {
                // What arrived before the failure still counts: a resumed download starts after it.
                let _ = out.send(Message::Batch(batch));
                let _ = out.send(Message::Failed(e));
                return;
            }
        }
        if batch.len() == BATCH {
            let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
            if out.send(Message::Batch(full)).is_err() {
                return; // The reader was dropped: the load stopped.
            }
        }
    }
    let _ = out.send(Message::Batch(batch));
}

/// A broken connection mid-download is the network's fault; anything else, the data's.
fn read_error(e: std::io::Error) -> ClientError {
    match e.kind() {
        std::io::ErrorKind::ConnectionAborted | std::io::ErrorKind::UnexpectedEof => {
            ClientError::Unreachable(format!("the download broke off: {e}"))
        }
        _ => ClientError::BadAnswer(e.to_string()),
    }
}

/// The download as a `Read`: chunks from the receiving task, in order.
struct Download {
    receiver: Receiver<Result<bytes::Bytes, String>>,
    current: bytes::Bytes,
}

impl std::io::Read for Download {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.current.is_empty() {
            match self.receiver.recv() {
                Ok(Ok(chunk)) => self.current = chunk,
                Ok(Err(e)) => return Err(std::io::Error::new(std::io::ErrorKind::ConnectionAborted, e)),
                // The sender is gone after the last chunk: the end of the body.
                Err(_) => return Ok(0),
            }
        }
        let n = buf.len().min(self.current.len());
        buf[..n].copy_from_slice(&self.current.split_to(n));
        Ok(n)
    }
}
