//! What Settings › About says about the running build: its version, when it was built and from
//! which commit (stamped into the app's binary by its build script).

use serde::Serialize;
use ts_rs::TS;

use crate::updates::UpdateSource;

/// This build of the desktop app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct About {
    /// The package's version (tauri.conf.json), as the installed package and the updater know it.
    pub version: String,
    /// When it was built (RFC 3339, UTC): the source's date for a reproducible package
    /// (SOURCE_DATE_EPOCH), else the time of the build.
    pub built: String,
    /// The git commit it was built from, or "unknown" when built outside a git checkout.
    pub commit: String,
    /// Where updates come from.
    pub updates: UpdateSource,
}

impl About {
    /// `built_at` is seconds since 1970 (UTC), as the build script stamps it.
    pub fn new(version: impl Into<String>, built_at: &str, commit: impl Into<String>, updates: UpdateSource) -> Self {
        let built = built_at
            .parse::<i64>()
            .ok()
            .and_then(|seconds| chrono::DateTime::from_timestamp(seconds, 0))
            .map_or_else(|| "unknown".to_owned(), |at| at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        About { version: version.into(), built, commit: commit.into(), updates }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_time_reads_as_a_utc_date() {
        let about = About::new("0.1.0", "1764936000", "485bc9c0a1b2", UpdateSource::NoKey);
        assert_eq!(about.built, "2025-12-05T12:00:00Z");
        assert_eq!(about.version, "0.1.0");
        assert_eq!(about.commit, "485bc9c0a1b2");
    }

    #[test]
    fn an_unreadable_build_time_says_unknown() {
        assert_eq!(About::new("0.1.0", "soon", "unknown", UpdateSource::NoKey).built, "unknown");
    }
}
