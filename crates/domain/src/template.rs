//! Message templates: the organisation's emails, invitations and texts that Compose starts
//! from, which admins manage in Settings. Each template syncs as its own setting record
//! (`template:<id>`), so two admins editing different templates offline both keep their work;
//! the same template edited twice keeps the later edit (server order).

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::DomainError;
use crate::message::{MERGE_FIELDS, MergeValues, merge};
use crate::validation::{self, limits};

/// What a template writes: which Compose action offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TemplateKind {
    Email,
    /// Invite to Apply: an email about a job, so `{{job_title}}` has a value.
    Invite,
    /// A text message: no subject.
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Template {
    pub id: Uuid,
    pub kind: TemplateKind,
    pub name: String,
    /// Empty for a text.
    pub subject: String,
    pub body: String,
}

/// The setting key a template syncs under.
pub fn setting_key(id: Uuid) -> String {
    format!("{SETTING_PREFIX}{id}")
}

/// What starts the key of every template's setting.
pub const SETTING_PREFIX: &str = "template:";

/// The merge fields a kind of template may use, in the order Compose offers them.
pub fn merge_fields(kind: TemplateKind) -> Vec<String> {
    MERGE_FIELDS
        .iter()
        .filter(|f| **f != "job_title" || kind == TemplateKind::Invite)
        .map(|f| (*f).to_owned())
        .collect()
}

impl Template {
    /// The template as stored: trimmed, with a name no other template of its kind has
    /// (`others`: the organisation's templates), the subject an email needs, and only merge
    /// fields its kind fills (an unknown one is refused, naming it).
    pub fn validated(self, others: &[Template]) -> Result<Self, DomainError> {
        let name = validation::line("name", &self.name, limits::NAME)?;
        if name.is_empty() {
            return Err(DomainError::Required { field: "name".into() });
        }
        let taken = others
            .iter()
            .any(|t| t.id != self.id && t.kind == self.kind && t.name.to_lowercase() == name.to_lowercase());
        if taken {
            return Err(DomainError::ListedTwice { field: "name".into(), value: name });
        }
        let subject = match self.kind {
            TemplateKind::Text => String::new(),
            TemplateKind::Email | TemplateKind::Invite => {
                validation::required("subject", &self.subject, limits::SUBJECT)?
            }
        };
        let limit = if self.kind == TemplateKind::Text { limits::TEXT_MESSAGE } else { limits::MESSAGE_BODY };
        let body = validation::required("body", &self.body, limit)?;
        let template = Self { name, subject, body, ..self };
        // Filling it with blanks is how its merge fields are checked: the same rules as a send.
        let job_title = (template.kind == TemplateKind::Invite).then_some("");
        template.fill(&MergeValues { first_name: "", last_name: "", job_title, sender_name: "", event: None })?;
        Ok(template)
    }

    /// The subject and body with the merge fields filled (a preview, or one candidate's copy).
    pub fn fill(&self, values: &MergeValues<'_>) -> Result<(String, String), DomainError> {
        Ok((merge("subject", &self.subject, values)?, merge("body", &self.body, values)?))
    }
}

/// The templates a new organisation starts with. Their ids are fixed: every organisation's
/// copy is its own record, and a fixed id keeps the demo the same on every run.
pub fn defaults() -> Vec<Template> {
    let template = |n: u128, kind, name: &str, subject: &str, body: &str| Template {
        id: Uuid::from_u128(0x0190_0000_0000_7000_8000_7e47_0000_0000 | n),
        kind,
        name: name.to_owned(),
        subject: subject.to_owned(),
        body: body.to_owned(),
    };
    vec![
        template(
            1,
            TemplateKind::Email,
            "Introduction",
            "Hello {{first_name}}",
            "Hi {{first_name}},\n\nI came across your profile and would love to tell you about the roles we are hiring for. Do you have 20 minutes this week?\n\nBest regards,\n{{sender_name}}",
        ),
        template(
            2,
            TemplateKind::Email,
            "Follow-up",
            "Following up, {{first_name}}",
            "Hi {{first_name}},\n\nI wanted to follow up on my last message. Is now a good time to talk?\n\nBest regards,\n{{sender_name}}",
        ),
        template(
            3,
            TemplateKind::Invite,
            "Invite to apply",
            "{{job_title}}: would you apply?",
            "Hi {{first_name}},\n\nYour background looks like a strong match for our {{job_title}} opening. I would be glad if you applied.\n\nBest regards,\n{{sender_name}}",
        ),
        template(
            4,
            TemplateKind::Text,
            "Quick check-in",
            "",
            "Hi {{first_name}}, this is {{sender_name}}. Do you have a minute to talk about a role? Reply STOP to opt out.",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email(name: &str, body: &str) -> Template {
        Template {
            id: crate::new_id(),
            kind: TemplateKind::Email,
            name: name.into(),
            subject: "Hi".into(),
            body: body.into(),
        }
    }

    #[test]
    fn the_defaults_are_valid_and_named_once() {
        let all = defaults();
        for t in &all {
            assert_eq!(t.clone().validated(&all).unwrap(), *t);
        }
    }

    #[test]
    fn bad_templates_are_refused_naming_the_problem() {
        let ours = defaults();
        for (bad, reason) in [
            (email("Nudge", "Hi {{nickname}}"), "body: unknown merge field {{nickname}}"),
            (email("Nudge", "Hi {{first_name"), "not closed"),
            (email("Nudge", "The {{job_title}} role"), "{{job_title}} needs a job"),
            (email("  ", "Hi"), "name: is required"),
            (email("follow-UP", "Hi"), "name: \"follow-UP\" is listed twice"),
            (email("Nudge", " "), "body: is required"),
            (Template { subject: " ".into(), ..email("Nudge", "Hi") }, "subject: is required"),
        ] {
            let err = bad.validated(&ours).unwrap_err().to_string();
            assert!(err.contains(reason), "{err}");
        }
    }

    #[test]
    fn a_name_is_taken_only_by_another_template_of_its_kind() {
        let ours = defaults();
        let renamed = Template { body: "Changed".into(), ..ours[0].clone() };
        assert!(renamed.validated(&ours).is_ok(), "a template keeps its own name");
        let text = Template { kind: TemplateKind::Text, subject: "dropped".into(), ..email("Introduction", "Hi") };
        assert_eq!(text.validated(&ours).unwrap().subject, "", "a text has no subject");
    }

    #[test]
    fn invitations_alone_offer_the_job_title() {
        assert!(merge_fields(TemplateKind::Invite).contains(&"job_title".to_owned()));
        assert_eq!(merge_fields(TemplateKind::Email), ["first_name", "last_name", "full_name", "sender_name"]);
        let invite = Template { kind: TemplateKind::Invite, ..email("Nudge", "The {{job_title}} role") };
        assert!(invite.validated(&[]).is_ok());
    }

    #[test]
    fn a_filled_template_reads_as_written_to_the_person() {
        let values = MergeValues {
            first_name: "Ana",
            last_name: "Souza",
            job_title: None,
            sender_name: "Rita Okafor",
            event: None,
        };
        let (subject, body) = defaults()[0].fill(&values).unwrap();
        assert_eq!(subject, "Hello Ana");
        assert!(body.starts_with("Hi Ana,") && body.ends_with("Rita Okafor"), "{body}");
    }
}
