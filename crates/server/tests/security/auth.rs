//! Sign-in and sign-out: throttling that cannot be raced or sprayed, and logout ending the token.
