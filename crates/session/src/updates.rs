//! Desktop updates as the window sees them (issue 24): they come from the server the user is
//! signed in to, signed with the key pair its admin made (`talentdesk-server admin
//! updater-keygen`); the desktop trusts only the public key its package was built with.

use serde::Serialize;
use ts_rs::TS;

/// Where this desktop's updates come from, if anywhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum UpdateSource {
    /// The server signed in to. `installable`: this copy was installed from a package (a .deb,
    /// an AppImage, an installer) the updater can replace; a copy run from a build folder can
    /// check and download, but its user installs the new package themselves.
    Server { server: String, installable: bool },
    /// A local database, or nobody signed in: there is no server to ask.
    NoServer,
    /// This package was built without the team's update key, so it cannot tell a genuine
    /// update from a forged one and asks for none.
    NoKey,
}

/// A newer version the server offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct UpdateFound {
    pub version: String,
    /// What the admin wrote when publishing it.
    pub notes: String,
}

/// How far a download has come, sent as it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DownloadProgress {
    /// Bytes so far (a package is far below 2^53, so a JavaScript number holds it).
    #[ts(type = "number")]
    pub downloaded: u64,
    /// The package's size, when the server says it.
    #[ts(type = "number | null")]
    pub total: Option<u64>,
}

/// How a download ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Downloaded {
    /// Its signature checks against the team's key: it installs on restart.
    Verified,
    /// It is not what the team's key signed (changed on its way, or signed by someone else):
    /// thrown away, nothing installed.
    NotSignedByTeam,
}

/// The Tauri updater's endpoint on `server` (see the server's `updates::routes`): the plugin
/// fills in the platform and the running version.
pub fn endpoint(server: &str) -> String {
    format!("{}/v1/desktop-updates/{{{{target}}}}-{{{{arch}}}}/{{{{current_version}}}}", server.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_endpoint_is_the_servers_route_with_the_updaters_variables() {
        assert_eq!(
            endpoint("https://talentdesk.acme.test/"),
            "https://talentdesk.acme.test/v1/desktop-updates/{{target}}-{{arch}}/{{current_version}}"
        );
    }
}
