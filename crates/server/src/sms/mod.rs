//! Text messages: queued `text.send` messages go out through a provider's HTTP API (Twilio's
//! Messages API shape), their Sent, Delivered and Failed states come back to the message record
//! (which syncs to every desktop's Messages tab), and a person who answers STOP is opted out of
//! texts (START opts them back in), as the candidate's own change.
//!
//! Without a configured provider the server refuses `text.send` (a text would stay queued
//! forever) and says so to desktops (`GET /v1/features`).

pub mod callbacks;
pub mod delivery;
mod keywords;
mod phones;
pub mod provider;
mod sent;
pub mod settings;
pub mod signature;
