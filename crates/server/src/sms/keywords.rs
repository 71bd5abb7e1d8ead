//! The words a person texts back to stop or restart texts (the carriers' and Twilio's
//! standard opt-out keywords): the whole message, trimmed, in any case.

/// What a reply asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// No more texts.
    OptOut,
    /// Texts again.
    OptIn,
}

const OPT_OUT: [&str; 6] = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"];
const OPT_IN: [&str; 2] = ["START", "UNSTOP"];

/// The request a reply makes, if it is one of the keywords; any other text asks nothing
/// ("please stop calling me at work" is a message for a recruiter, not an opt-out).
pub fn reply(body: &str) -> Option<Reply> {
    let word = body.trim().to_uppercase();
    if OPT_OUT.contains(&word.as_str()) {
        Some(Reply::OptOut)
    } else if OPT_IN.contains(&word.as_str()) {
        Some(Reply::OptIn)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_in_any_case_with_spaces_and_nothing_else() {
        for body in ["STOP", " stop\n", "StopAll", "unsubscribe", "Cancel", "END", "quit"] {
            assert_eq!(reply(body), Some(Reply::OptOut), "{body:?}");
        }
        for body in ["START", " unstop "] {
            assert_eq!(reply(body), Some(Reply::OptIn), "{body:?}");
        }
        for body in ["", "please stop", "STOP!", "Stopped", "yes"] {
            assert_eq!(reply(body), None, "{body:?}");
        }
    }
}
