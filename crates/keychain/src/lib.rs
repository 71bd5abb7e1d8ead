//! Sign-in tokens in the OS keychain: the Secret Service on Linux (gnome-keyring, KWallet),
//! the Keychain on macOS, the Credential Manager on Windows. A token is never written
//! anywhere else; where no keychain service runs, saving fails with an error that says so and
//! names what is missing, and the caller asks for the password again next time.

/// Where Talentdesk's entries live in the keychain.
const SERVICE: &str = "Talentdesk";

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KeychainError {
    /// No keychain service answers: on Linux, no Secret Service on the session bus.
    #[error(
        "no keychain service is available to keep the sign-in ({0}). On Linux, Talentdesk needs a Secret Service such as gnome-keyring or KWallet running in the desktop session; until one runs, you sign in each time you open Talentdesk"
    )]
    Unavailable(String),
    /// The keychain is there but locked, or refused access.
    #[error("the keychain is locked or refused access ({0}); unlock it and sign in again")]
    Locked(String),
    #[error("the keychain failed: {0}")]
    Failed(String),
}

impl From<keyring::Error> for KeychainError {
    fn from(e: keyring::Error) -> Self {
        match e {
            keyring::Error::PlatformFailure(inner) => KeychainError::Unavailable(inner.to_string()),
            keyring::Error::NoStorageAccess(inner) => KeychainError::Locked(inner.to_string()),
            other => KeychainError::Failed(other.to_string()),
        }
    }
}

/// The keychain entry of one account on one server.
pub struct TokenEntry {
    entry: keyring::Entry,
}

impl TokenEntry {
    /// The entry for `email` on the server at `server` (its base URL).
    pub fn new(server: &str, email: &str) -> Result<Self, KeychainError> {
        let account = format!("{} at {}", email.trim().to_lowercase(), server.trim_end_matches('/'));
        Ok(Self { entry: keyring::Entry::new(SERVICE, &account)? })
    }

    pub fn save(&self, token: &str) -> Result<(), KeychainError> {
        Ok(self.entry.set_password(token)?)
    }

    /// The saved token, or `None` when there is none.
    pub fn token(&self) -> Result<Option<String>, KeychainError> {
        match self.entry.get_password() {
            Ok(token) => Ok(Some(token)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Removes the token (signing out); nothing saved is fine.
    pub fn forget(&self) -> Result<(), KeychainError> {
        match self.entry.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }
}
