//! The updater's keys and signatures, in the form the Tauri updater plugin reads them: minisign
//! key and signature files, each as one line of base64 (what `tauri signer generate` writes),
//! so the public key goes into a desktop's settings as is and a signature into the metadata.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use anyhow::Context;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// A new signing key pair: the admin keeps `private` (it can sign packages every desktop of
/// the team installs), desktops are given `public`.
pub struct KeyPair {
    pub public: String,
    pub private: String,
}

/// Makes a key pair. The private key is not password-protected: it lives in a file only the
/// admin can read, and publishing runs unattended (as in a release pipeline).
pub fn generate() -> anyhow::Result<KeyPair> {
    let pair = minisign::KeyPair::generate_unencrypted_keypair().context("make the updater key pair")?;
    let public = pair.pk.to_box().context("write the updater public key")?.into_string();
    let private =
        pair.sk.to_box(Some("Talentdesk updater secret key")).context("write the updater private key")?.into_string();
    Ok(KeyPair { public: STANDARD.encode(public), private: STANDARD.encode(private) })
}

/// The files `talentdesk-server admin updater-keygen` writes.
pub const PRIVATE_FILE: &str = "updater.key";
pub const PUBLIC_FILE: &str = "updater.pub";

/// Makes a key pair and writes it into `dir` (made when missing): the private key readable by
/// its owner only. A key already there is never replaced: packages signed with it would no
/// longer install on desktops that trust it.
pub fn write(dir: &Path) -> anyhow::Result<KeyPair> {
    let pair = generate()?;
    std::fs::create_dir_all(dir).with_context(|| format!("make {}", dir.display()))?;
    for (name, text, mode) in [(PRIVATE_FILE, &pair.private, 0o600), (PUBLIC_FILE, &pair.public, 0o644)] {
        let path = dir.join(name);
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(&path)
            .with_context(|| format!("write {} (an updater key is never replaced)", path.display()))?;
        file.write_all(format!("{text}\n").as_bytes()).with_context(|| format!("write {}", path.display()))?;
    }
    Ok(pair)
}

/// Signs a package of `version` with the private key (as [`generate`] wrote it); the signature
/// checks against its public key with the updater's verification ([`verify`]). Its trusted
/// comment names the version as the Tauri CLI writes it (`version:1.4.0`), and desktops require
/// it to equal the version the server announces (`requireSignedVersion`): the announcement is
/// not signed, so without it whoever controls the server could offer an older genuine package,
/// with a known flaw, as a newer version.
pub fn sign(private: &str, package: &[u8], file_name: &str, version: &semver::Version) -> anyhow::Result<String> {
    let key = secret_key(private)?;
    let comment = format!("timestamp:{}\tfile:{file_name}\tversion:{version}", chrono::Utc::now().timestamp());
    let signature = minisign::sign(None, &key, package, Some(&comment), None).context("sign the package")?;
    Ok(STANDARD.encode(signature.into_string()))
}

/// The version a signature vouches for (its trusted comment's `version:`), if it names one.
pub fn signed_version(signature: &str) -> anyhow::Result<Option<String>> {
    let signature = minisign_verify::Signature::decode(&decoded(signature).context("the signature is not base64")?)
        .map_err(|e| anyhow::anyhow!("the signature cannot be read: {e}"))?;
    Ok(signature.trusted_comment().split('\t').find_map(|field| field.strip_prefix("version:")).map(str::to_owned))
}

/// Whether `signature` is the public key's signature of `package`, checked the way the Tauri
/// updater checks a download before installing it (minisign-verify): the publisher checks
/// what it signed before keeping it, and the tests check with it what desktops would.
pub fn verify(public: &str, package: &[u8], signature: &str) -> anyhow::Result<()> {
    let key = minisign_verify::PublicKey::decode(&decoded(public).context("the updater public key is not base64")?)
        .map_err(|e| anyhow::anyhow!("the updater public key cannot be read: {e}"))?;
    let signature = minisign_verify::Signature::decode(&decoded(signature).context("the signature is not base64")?)
        .map_err(|e| anyhow::anyhow!("the signature cannot be read: {e}"))?;
    key.verify(package, &signature, true).map_err(|e| anyhow::anyhow!("the signature does not match: {e}"))
}

/// The public key of a private key made by [`generate`].
pub fn public_of(private: &str) -> anyhow::Result<String> {
    let key = secret_key(private)?;
    let public = minisign::PublicKey::from_secret_key(&key)
        .and_then(|key| key.to_box())
        .map_err(|e| anyhow::anyhow!("the updater private key holds no public key: {e}"))?;
    Ok(STANDARD.encode(public.into_string()))
}

fn secret_key(private: &str) -> anyhow::Result<minisign::SecretKey> {
    let text = decoded(private).context("the updater private key is not one (base64, as updater-keygen writes it)")?;
    minisign::SecretKeyBox::from_string(&text)
        .and_then(minisign::SecretKeyBox::into_unencrypted_secret_key)
        .map_err(|e| anyhow::anyhow!("the updater private key cannot be read: {e}"))
}

fn decoded(base64: &str) -> anyhow::Result<String> {
    Ok(String::from_utf8(STANDARD.decode(base64.trim())?)?)
}
