//! Documents' bytes in a bucket of an S3-compatible service (AWS S3, MinIO, Ceph, Garage,
//! Cloudflare R2), through `object_store`: what lets several server processes on several
//! machines share one store. Keys are `<org>/<sha256>`.

use std::io;
use std::time::{Duration, SystemTime};

use futures_util::TryStreamExt;
use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path;
use object_store::{BackoffConfig, ClientOptions, ObjectStore, ObjectStoreExt, PutPayload, RetryConfig};
use uuid::Uuid;

use super::{Storage, Stored};
use crate::config::S3Settings;

/// Where [`Storage::check`] writes: outside every org's keys, so the sweep never sees it.
const CHECK_KEY: &str = "talentdesk-check/ready";

/// A request is tried a few times over a few seconds, not object_store's default of minutes:
/// an upload waits for it, and a desktop whose upload is refused keeps the document queued
/// and sends it again later, while a request hanging for minutes only ties the desktop up.
/// No retry starts after `retry_timeout`; with [`REQUEST_TIMEOUT`] on each try, a store that
/// is down is reported within 10 s (at most 3 s + the backoffs, under 1 s, + 5 s).
const RETRY: RetryConfig = RetryConfig {
    backoff: BackoffConfig { init_backoff: Duration::from_millis(100), max_backoff: Duration::from_secs(2), base: 2.0 },
    max_retries: 3,
    retry_timeout: Duration::from_secs(3),
};

/// One request, from connecting to the last byte of the answer. `retry_timeout` does not cut a
/// try short, and object_store's default is 30 s: without this, a store that takes connections
/// and never answers (overloaded, or a firewall dropping packets) holds an upload that long.
/// A whole document (at most 25 MiB) fits in it at 42 Mbit/s: the store is meant to be near.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);

/// A store that is up takes a connection within milliseconds; one that is unreachable is
/// told apart from a slow answer sooner than [`REQUEST_TIMEOUT`].
const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);

#[derive(Debug, Clone)]
pub struct S3 {
    store: AmazonS3,
    bucket: String,
}

impl S3 {
    /// A client for the bucket; nothing is contacted yet.
    pub fn new(settings: &S3Settings) -> anyhow::Result<Self> {
        // The client options first: setting them replaces allow_http, which is one of them.
        let mut builder = AmazonS3Builder::new()
            .with_client_options(
                ClientOptions::new().with_timeout(REQUEST_TIMEOUT).with_connect_timeout(CONNECT_TIMEOUT),
            )
            .with_bucket_name(&settings.bucket)
            .with_region(&settings.region)
            .with_virtual_hosted_style_request(!settings.path_style)
            .with_allow_http(settings.allow_http)
            .with_retry(RETRY);
        if let Some(endpoint) = &settings.endpoint {
            builder = builder.with_endpoint(endpoint);
        }
        if let (Some(id), Some(secret)) = (&settings.access_key_id, &settings.secret_access_key) {
            builder = builder.with_access_key_id(id).with_secret_access_key(secret);
        }
        let store = builder.build().map_err(|e| anyhow::anyhow!("configuration: s3: {e}"))?;
        Ok(Self { store, bucket: settings.bucket.clone() })
    }

    pub fn bucket(&self) -> &str {
        &self.bucket
    }
}

fn key(org: Uuid, sha256: &str) -> Path {
    Path::from(format!("{org}/{sha256}"))
}

/// The content a key names, when it is one of ours.
fn content(path: &Path) -> Option<(Uuid, String)> {
    let mut parts = path.parts();
    let (Some(org), Some(name), None) = (parts.next(), parts.next(), parts.next()) else { return None };
    let org = org.as_ref().parse().ok()?;
    talentdesk_domain::document::check_sha256(name.as_ref()).ok()?;
    Some((org, name.as_ref().to_owned()))
}

fn is_missing(e: &object_store::Error) -> bool {
    matches!(e, object_store::Error::NotFound { .. })
}

impl Storage for S3 {
    async fn exists(&self, org: Uuid, sha256: &str) -> io::Result<bool> {
        match self.store.head(&key(org, sha256)).await {
            Ok(_) => Ok(true),
            Err(e) if is_missing(&e) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    async fn put(&self, org: Uuid, sha256: &str, bytes: &[u8]) -> io::Result<()> {
        // One PUT (documents are far below its 5 GB limit): S3 keeps the whole object or
        // nothing, and never starts a multipart upload that could be left behind.
        self.store.put(&key(org, sha256), PutPayload::from(bytes.to_vec())).await?;
        Ok(())
    }

    async fn get(&self, org: Uuid, sha256: &str) -> io::Result<Option<Vec<u8>>> {
        match self.store.get(&key(org, sha256)).await {
            Ok(found) => Ok(Some(found.bytes().await?.to_vec())),
            Err(e) if is_missing(&e) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    async fn remove(&self, org: Uuid, sha256: &str) -> io::Result<()> {
        match self.store.delete(&key(org, sha256)).await {
            Err(e) if !is_missing(&e) => Err(e.into()),
            _ => Ok(()),
        }
    }

    async fn list(&self) -> io::Result<Vec<Stored>> {
        // object_store pages through the listing (1,000 keys a request) as the stream is read.
        let mut listing = self.store.list(None);
        let mut stored = Vec::new();
        while let Some(object) = listing.try_next().await? {
            if let Some((org, sha256)) = content(&object.location) {
                stored.push(Stored { org, sha256, size: object.size });
            }
        }
        Ok(stored)
    }

    /// Nothing to clean: every upload is a single PUT, which leaves nothing when interrupted.
    /// (Multipart uploads are never started; a bucket shared with other writers should have
    /// a lifecycle rule that aborts incomplete ones.)
    async fn clean_interrupted(&self, _before: SystemTime) -> io::Result<usize> {
        Ok(0)
    }

    async fn check(&self) -> io::Result<()> {
        // A write proves the keys may write, not only read; the same key each time.
        self.store.put(&Path::from(CHECK_KEY), PutPayload::from_static(b"")).await?;
        self.store.list_with_delimiter(Some(&Path::from(CHECK_KEY))).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_keys_of_an_org_and_a_hash_are_content() {
        let org = Uuid::now_v7();
        let sha256 = "a".repeat(64);
        assert_eq!(content(&key(org, &sha256)), Some((org, sha256.clone())));
        assert_eq!(content(&Path::from(CHECK_KEY)), None);
        assert_eq!(content(&Path::from(format!("{org}/not-a-hash"))), None);
        assert_eq!(content(&Path::from(format!("elsewhere/{sha256}"))), None);
        assert_eq!(content(&Path::from(format!("{org}/{sha256}/more"))), None);
    }
}
