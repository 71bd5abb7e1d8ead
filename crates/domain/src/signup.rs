//! The organisation's sign-up page (the talent community): what someone typed about
//! themselves, pushed by the server as the org's self-service actor (`candidate.sign_up`), and
//! the consent text an admin words for it.
//!
//! Whoever fills in the form is a stranger until proven otherwise: the page cannot know that
//! the person typing an address owns it. So a sign-up whose address belongs to a candidate
//! already known changes little (see [`crate::effects`]'s sign-up): it adds the areas of
//! interest and the event registration asked for — additions the person sees in the email
//! that goes to the known address and can take back from their preferences — and nothing of
//! the profile, the consent, the documents or the engagements. A stranger can thus neither
//! overwrite someone's profile, nor attach a file to it, nor subscribe them to campaigns, and
//! the page answers alike either way, so it tells nobody whether an address is known.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::DomainError;
use crate::candidate::Profile;
use crate::document::Document;
use crate::validation::{self, limits};

/// One sent sign-up form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SignUpForm {
    /// The candidate the address belongs to, when the server found one; else a new id.
    pub candidate_id: Uuid,
    /// What they typed, completed with what their resume says, with the areas of interest
    /// they chose from the organisation's list. Of a known candidate only those areas count.
    pub profile: Profile,
    /// They ticked the consent box: Candidate Opt-In and subscribed (someone new only).
    pub consent: bool,
    /// The event page they signed up on: they are registered for it.
    pub event_id: Option<Uuid>,
    /// Their resume, stored as a document (someone new only).
    pub resume: Option<Document>,
    /// The email confirming the sign-up, queued to the address given.
    pub confirmation: Option<SignUpConfirmation>,
}

/// The confirmation the server words (in the person's language, with the link to their
/// preferences); it is queued like any email and shows in the Messages tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SignUpConfirmation {
    pub send_id: Uuid,
    pub subject: String,
    pub body: String,
}

/// The longest consent text: a paragraph or two, with a link to the privacy policy.
pub const MAX_CONSENT_TEXT: usize = 2_000;

/// The consent text as an admin sets it: trimmed, at most [`MAX_CONSENT_TEXT`] characters;
/// blank clears it (the page then words its own).
pub fn consent_text(text: Option<&str>) -> Result<Option<String>, DomainError> {
    let text = validation::text("consent_text", text.unwrap_or_default(), MAX_CONSENT_TEXT)?;
    let text = text.trim();
    Ok((!text.is_empty()).then(|| text.to_owned()))
}

/// The confirmation checked like any email's subject and body.
pub fn checked_confirmation(c: &SignUpConfirmation) -> Result<SignUpConfirmation, DomainError> {
    Ok(SignUpConfirmation {
        send_id: c.send_id,
        subject: validation::required("subject", &c.subject, limits::SUBJECT)?,
        body: validation::required("body", &c.body, limits::MESSAGE_BODY)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_consent_text_is_trimmed_limited_and_blank_clears_it() {
        assert_eq!(consent_text(Some("  I agree.  ")).unwrap().as_deref(), Some("I agree."));
        assert_eq!(consent_text(Some(" \n ")).unwrap(), None);
        assert_eq!(consent_text(None).unwrap(), None);
        let long = "x".repeat(MAX_CONSENT_TEXT + 1);
        assert!(consent_text(Some(&long)).unwrap_err().to_string().contains("consent_text"));
    }
}
