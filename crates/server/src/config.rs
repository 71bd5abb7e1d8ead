//! Configuration: an optional TOML file, then environment variables over it.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Where the HTTP API listens.
    pub listen: SocketAddr,
    /// `postgres://user@host:port/db`.
    pub database_url: String,
    /// The most connections this process opens to PostgreSQL.
    pub max_connections: u32,
    /// Where uploaded documents are kept, by their SHA-256 (unless `s3` is set).
    pub blob_dir: PathBuf,
    /// Documents in S3-compatible storage (AWS S3, MinIO, Ceph, Garage, R2) instead of
    /// `blob_dir`: what several server processes on several machines need.
    pub s3: Option<S3Settings>,
    /// The SMTP relay email goes out through, e.g. `smtp://127.0.0.1:2525`.
    pub smtp_url: Option<String>,
    /// The text message provider (`[sms]`); without one, `text.send` is refused.
    pub sms: Option<crate::sms::settings::SmsSettings>,
    /// The sender address of outgoing email; replies go to the recruiter who wrote it.
    pub mail_from: String,
    /// How often queued email is looked for, in milliseconds.
    pub delivery_interval_ms: u64,
    /// The address people reach this server at (tracking links in emails point here).
    pub public_url: String,
    /// The largest push body taken, in bytes (a desktop's offline backlog).
    pub max_body_bytes: usize,
    /// The largest body taken by every other route but blob uploads (sign-in and the like), in
    /// bytes: small, so a stranger cannot make the server read megabytes before refusing them.
    pub max_small_body_bytes: usize,
    /// The largest document taken, in bytes.
    pub max_blob_bytes: usize,
    /// The most bytes of documents one org may keep on this server.
    pub max_org_blob_bytes: u64,
    /// How long an upload no document refers to is kept, in seconds (a desktop uploads the
    /// bytes, then pushes the document).
    pub blob_upload_expiry_secs: u64,
    /// How often bytes nothing refers to are looked for, in seconds (also at start-up).
    pub blob_sweep_interval_secs: u64,
    /// How long a sign-in lasts.
    pub token_days: i64,
    /// A connection whose client leaves what the server sends untaken (it stopped reading, or
    /// vanished) for this long is dropped, in milliseconds; 0 leaves it to the system. Linux
    /// only (TCP_USER_TIMEOUT).
    pub client_stall_ms: u64,
    /// Snapshot downloads one user may have running at once (in this process).
    pub snapshot_streams_per_user: usize,
    /// A snapshot whose client takes nothing for this long is ended, in milliseconds.
    pub snapshot_idle_ms: u64,
    /// Live streams one user may hold at once (in this process).
    pub live_streams_per_user: usize,
    /// How often a live stream checks that its sign-in is still valid, in milliseconds (it
    /// also checks before every event).
    pub live_recheck_ms: u64,
    /// How often the server sends itself a heartbeat on its database listener, in
    /// milliseconds; a listener that hears nothing for three of them connects again (a NAT
    /// or firewall may have dropped its idle connection without a word).
    pub listener_heartbeat_ms: u64,
    /// Log lines as JSON objects (for a log collector) instead of text.
    pub json_logs: bool,
    /// Reverse proxies (TLS terminators) in front of this server: for a request from one of
    /// them, the client's address is the last one in `X-Forwarded-For` that is not a proxy.
    /// Sign-in throttling counts per client address; behind a proxy without this setting,
    /// every client would count as the proxy.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// A secret a scraper sends as a bearer token to read `/metrics` from another machine;
    /// without it, the metrics are served only to this machine.
    pub metrics_token: Option<String>,
    /// The secret that signs the links in emails to candidates (their preferences page, the
    /// one-click unsubscribe). Unset, one is made once and kept in the database; set it to the
    /// same value on every server process if you prefer it in the settings.
    pub link_secret: Option<String>,
    /// How long a link to a candidate's preferences works, in days from the email it came in.
    pub preference_link_days: u32,
    /// The talent-community sign-up pages (`[signup]`): rate limits and resume limits.
    pub signup: crate::signup::Settings,
    /// Lets webhooks reach loopback, private and link-local addresses (a receiver on the
    /// team's own network, tests); off, such URLs are refused at save and at send.
    pub webhooks_allow_private: bool,
    /// How long a webhook receiver has to answer, in milliseconds.
    pub webhook_timeout_ms: u64,
    /// The wait before a webhook's first retry, in milliseconds; it doubles each try (with
    /// jitter), up to an hour.
    pub webhook_retry_base_ms: u64,
    /// How long a delivery is retried before it has failed and its webhook is turned off (the
    /// org's admins are emailed), in milliseconds.
    pub webhook_retry_window_ms: u64,
    /// How often due webhook retries are looked for, in milliseconds (new events wake the
    /// sender at once).
    pub webhook_poll_ms: u64,
    /// Requests one partner API key may send a minute, on average (all server processes together).
    pub partner_requests_per_minute: u32,
    /// Requests a partner key may send at once before that rate applies.
    pub partner_burst: u32,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: String::new(),
            max_connections: 16,
            blob_dir: PathBuf::from("blobs"),
            s3: None,
            smtp_url: None,
            sms: None,
            mail_from: "Talentdesk <no-reply@localhost>".into(),
            delivery_interval_ms: 2_000,
            public_url: "http://127.0.0.1:8080".into(),
            max_body_bytes: 32 * 1024 * 1024,
            max_small_body_bytes: 16 * 1024,
            max_blob_bytes: talentdesk_domain::document::MAX_DOCUMENT_BYTES as usize,
            max_org_blob_bytes: 100 * 1024 * 1024 * 1024,
            blob_upload_expiry_secs: 24 * 3600,
            blob_sweep_interval_secs: 3600,
            token_days: 90,
            client_stall_ms: 60_000,
            snapshot_streams_per_user: 2,
            snapshot_idle_ms: 30_000,
            live_streams_per_user: 4,
            live_recheck_ms: 30_000,
            listener_heartbeat_ms: 10_000,
            json_logs: false,
            trusted_proxies: Vec::new(),
            metrics_token: None,
            link_secret: None,
            preference_link_days: 180,
            signup: crate::signup::Settings::default(),
            webhooks_allow_private: false,
            webhook_timeout_ms: 5_000,
            webhook_retry_base_ms: 10_000,
            webhook_retry_window_ms: 24 * 3600 * 1000,
            webhook_poll_ms: 1_000,
            partner_requests_per_minute: 600,
            partner_burst: 60,
        }
    }
}

/// The `[s3]` table: a bucket of an S3-compatible service.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct S3Settings {
    /// The service's URL, e.g. `http://minio.internal:9000`; AWS S3 of `region` when absent.
    #[serde(default)]
    pub endpoint: Option<String>,
    pub bucket: String,
    #[serde(default = "S3Settings::default_region")]
    pub region: String,
    /// Without keys, the credentials of the machine's role (AWS instance metadata) are used.
    #[serde(default)]
    pub access_key_id: Option<String>,
    #[serde(default)]
    pub secret_access_key: Option<String>,
    /// Addresses as `endpoint/bucket/key`, which MinIO, Ceph, Garage and moto expect; false
    /// puts the bucket in the host name (`bucket.endpoint/key`, virtual-hosted style).
    #[serde(default = "S3Settings::yes")]
    pub path_style: bool,
    /// Allows an `http://` endpoint (a store on this host or a private network): without it
    /// only HTTPS is spoken, so keys and documents never cross a network in the clear.
    #[serde(default)]
    pub allow_http: bool,
}

impl S3Settings {
    fn default_region() -> String {
        "us-east-1".into()
    }

    fn yes() -> bool {
        true
    }
}

// By hand, so the secret key never reaches a log line or an error message.
impl std::fmt::Debug for S3Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Settings")
            .field("endpoint", &self.endpoint)
            .field("bucket", &self.bucket)
            .field("region", &self.region)
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &self.secret_access_key.as_ref().map(|_| "(hidden)"))
            .field("path_style", &self.path_style)
            .field("allow_http", &self.allow_http)
            .finish()
    }
}

/// Each variable overrides the file's setting of the same name (`table.key` for a table's).
const ENV: &[(&str, &str)] = &[
    ("TALENTDESK_LISTEN", "listen"),
    ("TALENTDESK_DATABASE_URL", "database_url"),
    ("TALENTDESK_BLOB_DIR", "blob_dir"),
    ("TALENTDESK_SMTP_URL", "smtp_url"),
    ("TALENTDESK_PUBLIC_URL", "public_url"),
    ("TALENTDESK_METRICS_TOKEN", "metrics_token"),
    // A secret: it signs the links in emails to candidates.
    ("TALENTDESK_LINK_SECRET", "link_secret"),
    ("TALENTDESK_S3_ENDPOINT", "s3.endpoint"),
    ("TALENTDESK_S3_BUCKET", "s3.bucket"),
    ("TALENTDESK_S3_REGION", "s3.region"),
    // The keys are secrets: kept out of a config file that more people can read.
    ("TALENTDESK_S3_ACCESS_KEY_ID", "s3.access_key_id"),
    ("TALENTDESK_S3_SECRET_ACCESS_KEY", "s3.secret_access_key"),
    ("TALENTDESK_SMS_BASE_URL", "sms.base_url"),
    ("TALENTDESK_SMS_ACCOUNT_SID", "sms.account_sid"),
    ("TALENTDESK_SMS_FROM", "sms.from"),
    // A secret: it signs the provider's callbacks.
    ("TALENTDESK_SMS_AUTH_TOKEN", "sms.auth_token"),
];

impl Config {
    /// Reads `file` (when given), then the environment. Fails with a message naming the
    /// setting that is missing or wrong.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Self> {
        Self::load_with(file, |var| std::env::var(var).ok())
    }

    /// [`load`](Self::load) with the environment given as a lookup.
    fn load_with(file: Option<&Path>, env: impl Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        let mut table = match file {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| anyhow::anyhow!("cannot read the configuration {}: {e}", path.display()))?;
                text.parse::<toml::Table>().map_err(|e| anyhow::anyhow!("{} is not valid TOML: {e}", path.display()))?
            }
            None => toml::Table::new(),
        };
        for (var, key) in ENV {
            if let Some(value) = env(var) {
                let (section, key) = match key.split_once('.') {
                    Some((name, key)) => {
                        let section = table.entry(name).or_insert_with(|| toml::Table::new().into());
                        let section = section
                            .as_table_mut()
                            .ok_or_else(|| anyhow::anyhow!("configuration: {name} must be a table ([{name}])"))?;
                        (section, key)
                    }
                    None => (&mut table, *key),
                };
                section.insert(key.to_owned(), toml::Value::String(value));
            }
        }
        let config: Config = table.try_into().map_err(|e| anyhow::anyhow!("configuration: {e}"))?;
        if config.database_url.is_empty() {
            anyhow::bail!("configuration: database_url is not set (in the file or TALENTDESK_DATABASE_URL)");
        }
        if let Some(s3) = &config.s3 {
            if s3.bucket.is_empty() {
                anyhow::bail!("configuration: s3.bucket is empty");
            }
            // Checked here, not at the first upload: the client would refuse every request.
            match s3.endpoint.as_deref().map(|url| (url, url.split_once("://").map(|(scheme, _)| scheme))) {
                None | Some((_, Some("https"))) => {}
                Some((_, Some("http"))) if s3.allow_http => {}
                Some((url, Some("http"))) => anyhow::bail!(
                    "configuration: s3.endpoint {url} is plain http://: use https://, or set s3.allow_http = true \
                     for a store on this host or a private network"
                ),
                Some((url, _)) => {
                    anyhow::bail!("configuration: s3.endpoint must be an http:// or https:// URL, not {url}")
                }
            }
            if s3.access_key_id.is_some() != s3.secret_access_key.is_some() {
                anyhow::bail!(
                    "configuration: s3.access_key_id and s3.secret_access_key go together (in the file or \
                     TALENTDESK_S3_ACCESS_KEY_ID and TALENTDESK_S3_SECRET_ACCESS_KEY); only one is set"
                );
            }
        }
        if let Some(sms) = &config.sms {
            sms.check()?;
        }
        // A short secret is guessed; an empty one would let anyone read the metrics.
        if config.metrics_token.as_ref().is_some_and(|token| token.chars().count() < 16) {
            anyhow::bail!("configuration: metrics_token must have at least 16 characters");
        }
        // Zero would refuse every stream, or end every download at its first wait.
        for (key, value) in [
            ("snapshot_streams_per_user", config.snapshot_streams_per_user as u64),
            ("snapshot_idle_ms", config.snapshot_idle_ms),
            ("live_streams_per_user", config.live_streams_per_user as u64),
            ("live_recheck_ms", config.live_recheck_ms),
            ("listener_heartbeat_ms", config.listener_heartbeat_ms),
            ("webhook_timeout_ms", config.webhook_timeout_ms),
            ("webhook_retry_base_ms", config.webhook_retry_base_ms),
            ("webhook_poll_ms", config.webhook_poll_ms),
            ("partner_requests_per_minute", u64::from(config.partner_requests_per_minute)),
            ("partner_burst", u64::from(config.partner_burst)),
        ] {
            if value == 0 {
                anyhow::bail!("configuration: {key} must be more than 0");
            }
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s3_settings_come_from_the_file_with_the_keys_from_the_environment_and_stay_out_of_logs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("server.toml");
        let no_env = |_: &str| None;
        std::fs::write(&path, "database_url = \"postgres://x/y\"\n").unwrap();
        assert!(Config::load_with(Some(&path), no_env).unwrap().s3.is_none(), "the folder by default");

        let file = "database_url = \"postgres://x/y\"\n[s3]\nendpoint = \"http://127.0.0.1:9000\"\nbucket = \"docs\"\n";
        std::fs::write(&path, format!("{file}allow_http = true\n")).unwrap();
        let keys = |var: &str| match var {
            "TALENTDESK_S3_ACCESS_KEY_ID" => Some("AKIDEXAMPLE".to_owned()),
            "TALENTDESK_S3_SECRET_ACCESS_KEY" => Some("wJalrXUtnFEMI-secret".to_owned()),
            _ => None,
        };
        let config = Config::load_with(Some(&path), keys).unwrap();
        let s3 = config.s3.as_ref().unwrap();
        assert_eq!((s3.bucket.as_str(), s3.region.as_str()), ("docs", "us-east-1"));
        assert!(s3.path_style && s3.allow_http);
        assert_eq!(s3.secret_access_key.as_deref(), Some("wJalrXUtnFEMI-secret"));
        assert!(!format!("{config:?}").contains("wJalrXUtnFEMI"), "the secret key is never printed");

        // Only one of the two keys is a mistake, named; so is a typo in the table.
        let one_key = |var: &str| (var == "TALENTDESK_S3_ACCESS_KEY_ID").then(|| "AKIDEXAMPLE".to_owned());
        let half = Config::load_with(Some(&path), one_key).unwrap_err().to_string();
        assert!(half.contains("s3.access_key_id and s3.secret_access_key go together"), "{half}");
        std::fs::write(&path, file).unwrap();
        let http = Config::load_with(Some(&path), no_env).unwrap_err().to_string();
        assert!(http.contains("plain http://") && http.contains("allow_http"), "{http}");
        std::fs::write(&path, file.replace("http://127.0.0.1:9000", "minio:9000")).unwrap();
        let no_scheme = Config::load_with(Some(&path), no_env).unwrap_err().to_string();
        assert!(no_scheme.contains("must be an http:// or https:// URL, not minio:9000"), "{no_scheme}");
        std::fs::write(&path, format!("{file}path_styel = false\n")).unwrap();
        let typo = Config::load_with(Some(&path), no_env).unwrap_err().to_string();
        assert!(typo.contains("path_styel"), "{typo}");

        // A bucket from the environment alone, without a table in the file.
        std::fs::write(&path, "database_url = \"postgres://x/y\"\n").unwrap();
        let bucket = |var: &str| (var == "TALENTDESK_S3_BUCKET").then(|| "from-env".to_owned());
        assert_eq!(Config::load_with(Some(&path), bucket).unwrap().s3.unwrap().bucket, "from-env");
    }

    #[test]
    fn sms_settings_take_the_token_from_the_environment_and_keep_it_out_of_logs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("server.toml");
        let file = "database_url = \"postgres://x/y\"\n[sms]\naccount_sid = \"AC123\"\nfrom = \"+14155550100\"\n";
        std::fs::write(&path, file).unwrap();
        let token = |var: &str| (var == "TALENTDESK_SMS_AUTH_TOKEN").then(|| "s3cr3t-sms-token".to_owned());
        let config = Config::load_with(Some(&path), token).unwrap();
        let sms = config.sms.as_ref().unwrap();
        assert_eq!((sms.base_url.as_str(), sms.auth_token.as_str()), ("https://api.twilio.com", "s3cr3t-sms-token"));
        assert!(!format!("{config:?}").contains("s3cr3t"), "the auth token is never printed");
        let missing = Config::load_with(Some(&path), |_: &str| None).unwrap_err().to_string();
        assert!(missing.contains("sms.auth_token"), "{missing}");
        let empty = |var: &str| (var == "TALENTDESK_SMS_AUTH_TOKEN").then(String::new);
        let empty = Config::load_with(Some(&path), empty).unwrap_err().to_string();
        assert!(empty.contains("sms.auth_token is not set"), "{empty}");
    }

    #[test]
    fn the_file_sets_values_and_names_unknown_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("server.toml");
        std::fs::write(&path, "database_url = \"postgres://x/y\"\nlisten = \"0.0.0.0:9000\"\n").unwrap();
        let no_env = |_: &str| None;
        let config = Config::load_with(Some(&path), no_env).unwrap();
        assert_eq!(config.listen.port(), 9000);
        assert_eq!(config.token_days, 90);

        // The environment wins over the file.
        let env = |var: &str| (var == "TALENTDESK_LISTEN").then(|| "127.0.0.1:7000".to_owned());
        assert_eq!(Config::load_with(Some(&path), env).unwrap().listen.port(), 7000);

        std::fs::write(&path, "database_url = \"postgres://x/y\"\nlisten_port = 1\n").unwrap();
        assert!(Config::load_with(Some(&path), no_env).unwrap_err().to_string().contains("listen_port"));

        std::fs::write(&path, "listen = \"0.0.0.0:9000\"\n").unwrap();
        let missing = Config::load_with(Some(&path), no_env).unwrap_err().to_string();
        assert!(missing.contains("database_url is not set"));

        std::fs::write(&path, "database_url = \"postgres://x/y\"\nsnapshot_idle_ms = 0\n").unwrap();
        let zero = Config::load_with(Some(&path), no_env).unwrap_err().to_string();
        assert!(zero.contains("snapshot_idle_ms must be more than 0"), "{zero}");

        std::fs::write(&path, "database_url = \"postgres://x/y\"\nmetrics_token = \"\"\n").unwrap();
        let empty = Config::load_with(Some(&path), no_env).unwrap_err().to_string();
        assert!(empty.contains("metrics_token must have at least 16 characters"), "{empty}");
    }
}
