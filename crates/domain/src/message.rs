//! Emails and text messages sent to candidates, with their delivery tracking.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::Timestamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Channel {
    Email,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MessageKind {
    /// Sent by a recruiter to this candidate (Email action).
    Direct,
    /// Invite to Apply, with a job.
    InviteToApply,
    /// Part of a campaign.
    Campaign,
    /// A text message.
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Message {
    /// The send it belongs to (one send reaches up to 50 candidates).
    pub send_id: Uuid,
    pub candidate_id: Uuid,
    pub channel: Channel,
    pub kind: MessageKind,
    pub sender_id: Uuid,
    pub campaign_id: Option<Uuid>,
    pub job_id: Option<Uuid>,
    pub subject: String,
    pub body: String,
    /// Set when handed to the server; until then the message is queued.
    pub queued_at: Timestamp,
    pub sent_at: Option<Timestamp>,
    pub delivered_at: Option<Timestamp>,
    pub opened_at: Option<Timestamp>,
    pub clicked_at: Option<Timestamp>,
    pub bounced_at: Option<Timestamp>,
    /// An event registration's confirmation carries the person's check-in code, which the
    /// server's delivery adds to the email as a QR image.
    #[serde(default)]
    pub check_in_code: Option<String>,
    /// Why it was not delivered, in the provider's words (a text's error code and message),
    /// when it failed. Left out of the JSON when there is none, so older messages read and
    /// hash as they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub failure: Option<String>,
}

impl Message {
    /// A message queued at `at` with nothing in it yet (no subject, body, job or campaign),
    /// not yet handed to the server's delivery.
    pub fn queued(
        send_id: Uuid,
        candidate_id: Uuid,
        sender_id: Uuid,
        channel: Channel,
        kind: MessageKind,
        at: Timestamp,
    ) -> Self {
        Self {
            send_id,
            candidate_id,
            channel,
            kind,
            sender_id,
            campaign_id: None,
            job_id: None,
            subject: String::new(),
            body: String::new(),
            queued_at: at,
            sent_at: None,
            delivered_at: None,
            opened_at: None,
            clicked_at: None,
            bounced_at: None,
            check_in_code: None,
            failure: None,
        }
    }

    /// The key a message syncs under: one send reaches many candidates, one message each.
    pub fn record_id(send_id: Uuid, candidate_id: Uuid) -> String {
        format!("{send_id}:{candidate_id}")
    }

    pub fn id(&self) -> String {
        Self::record_id(self.send_id, self.candidate_id)
    }
}

/// The merge fields a message may use, e.g. `{{first_name}}`.
pub const MERGE_FIELDS: [&str; 5] = ["first_name", "last_name", "full_name", "job_title", "sender_name"];

/// The merge fields an event's registration confirmation may use as well.
pub const EVENT_MERGE_FIELDS: [&str; 4] = ["event_name", "event_date", "event_location", "check_in_code"];

/// What the merge fields stand for in one candidate's copy of a message.
pub struct MergeValues<'a> {
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub job_title: Option<&'a str>,
    pub sender_name: &'a str,
    /// Set in an event's registration confirmation.
    pub event: Option<EventValues<'a>>,
}

/// What the event merge fields stand for in one person's registration confirmation.
#[derive(Clone, Copy)]
pub struct EventValues<'a> {
    pub name: &'a str,
    /// The start, as the email says it.
    pub date: &'a str,
    pub location: &'a str,
    pub check_in_code: &'a str,
}

/// Fills `{{field}}` placeholders in a template. An unknown field, or `job_title` in a message
/// without a job, is refused naming it, rather than sent as typed.
pub fn merge(field: &str, template: &str, values: &MergeValues<'_>) -> Result<String, crate::DomainError> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find("}}").ok_or_else(|| {
            crate::DomainError::invalid(field, "a merge field is not closed: write it as {{first_name}}")
        })?;
        let name = after[..end].trim();
        let value = match name {
            "first_name" => values.first_name.to_owned(),
            "last_name" => values.last_name.to_owned(),
            "full_name" => format!("{} {}", values.first_name, values.last_name).trim().to_owned(),
            "sender_name" => values.sender_name.to_owned(),
            "job_title" => values
                .job_title
                .ok_or_else(|| {
                    crate::DomainError::invalid(field, "{{job_title}} needs a job: use it in Invite to Apply")
                })?
                .to_owned(),
            event_field if EVENT_MERGE_FIELDS.contains(&event_field) => {
                let event = values.event.ok_or_else(|| {
                    let reason = format!("{{{{{event_field}}}}} belongs in an event's registration confirmation");
                    crate::DomainError::invalid(field, reason)
                })?;
                match event_field {
                    "event_name" => event.name,
                    "event_date" => event.date,
                    "event_location" => event.location,
                    _ => event.check_in_code,
                }
                .to_owned()
            }
            other => {
                let offered = MERGE_FIELDS
                    .iter()
                    .chain(values.event.is_some().then_some(&EVENT_MERGE_FIELDS).into_iter().flatten());
                let known = offered.map(|f| format!("{{{{{f}}}}}")).collect::<Vec<_>>().join(", ");
                return Err(crate::DomainError::invalid(
                    field,
                    format!("unknown merge field {{{{{other}}}}}; use {known}"),
                ));
            }
        };
        out.push_str(&value);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANA: MergeValues<'static> = MergeValues {
        first_name: "Ana",
        last_name: "Souza",
        job_title: Some("Data Engineer"),
        sender_name: "Rita Okafor",
        event: None,
    };

    #[test]
    fn merge_fields_are_filled_per_candidate() {
        let merged = merge("body", "Hi {{first_name}}, the {{ job_title }} role — {{sender_name}}", &ANA).unwrap();
        assert_eq!(merged, "Hi Ana, the Data Engineer role — Rita Okafor");
        assert_eq!(merge("subject", "{{full_name}}", &ANA).unwrap(), "Ana Souza");
        assert_eq!(merge("body", "no fields { at all }", &ANA).unwrap(), "no fields { at all }");
    }

    #[test]
    fn unknown_unclosed_and_jobless_fields_are_refused_by_name() {
        let e = merge("body", "Hi {{nickname}}", &ANA).unwrap_err().to_string();
        assert!(e.starts_with("body: unknown merge field {{nickname}}; use {{first_name}}"), "{e}");
        let e = merge("subject", "Hi {{first_name", &ANA).unwrap_err().to_string();
        assert!(e.contains("not closed"), "{e}");
        let jobless = MergeValues { job_title: None, ..ANA };
        assert!(merge("body", "{{job_title}}", &jobless).unwrap_err().to_string().contains("Invite to Apply"));
    }

    #[test]
    fn event_fields_are_filled_in_confirmations_only() {
        let fair = EventValues {
            name: "Spring Career Fair",
            date: "Tuesday 14 April 2026, 10:00 UTC",
            location: "Hall A",
            check_in_code: "K7QX-M2PA",
        };
        let confirmation = MergeValues { event: Some(fair), ..ANA };
        let merged = merge(
            "body",
            "{{first_name}}: {{event_name}}, {{event_date}}, {{event_location}}; {{check_in_code}}",
            &confirmation,
        )
        .unwrap();
        assert_eq!(merged, "Ana: Spring Career Fair, Tuesday 14 April 2026, 10:00 UTC, Hall A; K7QX-M2PA");
        let e = merge("body", "{{check_in_code}}", &ANA).unwrap_err().to_string();
        assert!(e.contains("registration confirmation"), "{e}");
        let e = merge("body", "{{nickname}}", &confirmation).unwrap_err().to_string();
        assert!(e.contains("{{check_in_code}}"), "{e}");
    }
}
