//! Publishing a desktop package: signed with the admin's updater key, checked the way desktops
//! will check it, then kept for every server process to serve.

use anyhow::{Context, bail};
use sqlx::PgPool;

use super::keys;
use super::store::{self, NewPackage};

/// What was published, for the admin to read back.
#[derive(Debug)]
pub struct Published {
    pub platform: String,
    pub version: semver::Version,
    pub bytes: usize,
}

/// Signs `package` with `private_key` and keeps it as the update to `version` for `platform`
/// (the updater's `{os}-{arch}`, e.g. `linux-x86_64`, `windows-x86_64`, `darwin-aarch64`).
/// A version already published for the platform is refused: desktops that installed it would
/// never see the different package.
pub async fn publish(
    pool: &PgPool,
    private_key: &str,
    platform: &str,
    version: &str,
    notes: &str,
    file_name: &str,
    package: &[u8],
) -> anyhow::Result<Published> {
    if !is_platform(platform) {
        bail!(
            "the platform must be the updater's {{os}}-{{arch}}, such as linux-x86_64 or windows-x86_64, not {platform:?}"
        );
    }
    let version = semver::Version::parse(version)
        .with_context(|| format!("the version must be a semantic version such as 1.4.0, not {version:?}"))?;
    if package.is_empty() {
        bail!("the package {file_name} is empty");
    }
    // The name goes into the signature's trusted comment, whose fields a tab or a line break
    // would forge (a `version:` of another's choosing) or break.
    if file_name.is_empty() || file_name.chars().any(char::is_control) {
        bail!("the package's file name must be a plain name without tabs or line breaks, not {file_name:?}");
    }
    let signature = keys::sign(private_key, package, file_name, &version)?;
    keys::verify(&keys::public_of(private_key)?, package, &signature).context("the signature made does not check")?;
    let new = NewPackage { platform, version: &version.to_string(), notes, file_name, signature: &signature, package };
    if !store::insert(pool, &new).await? {
        bail!("version {version} for {platform} is published already; publish the new package as a newer version");
    }
    Ok(Published { platform: platform.to_owned(), version, bytes: package.len() })
}

/// `{os}-{arch}` with the names the Tauri updater sends.
pub(super) fn is_platform(platform: &str) -> bool {
    match platform.split_once('-') {
        Some((os, arch)) => {
            ["linux", "windows", "darwin"].contains(&os) && ["x86_64", "aarch64", "i686", "armv7"].contains(&arch)
        }
        None => false,
    }
}
