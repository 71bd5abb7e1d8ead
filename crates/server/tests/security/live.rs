//! The live stream: revocation and expiry end it; a user holds only a few at once.
