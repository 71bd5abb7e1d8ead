//! History of every change to a candidate: profile edits with the fields they changed, and
//! everything else that happened to them (tags, notes, pipelines, jobs, statuses, documents,
//! messages, events) with a [`HistoryDetail`] that says what.
//!
//! Profile entries record the fields that changed with their values before and after, not whole
//! snapshots: the profile "as it was right after" an entry is rebuilt by taking today's
//! profile and undoing the later entries. That keeps history small at a million candidates
//! and makes erasing a candidate's history one delete.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::Timestamp;
use crate::candidate::{FieldValue, Profile};

mod detail;

pub use detail::HistoryDetail;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum HistoryAction {
    Insert,
    Update,
    /// An edit that overwrote a field someone else had changed after the editor read it. Its
    /// changes hold both values: `from` the overwritten one, `to` the one written.
    ConflictingUpdate,
    Delete,
    /// Registered for, checked in at, walked in at or rated at an event.
    Event,
    /// These entries, and the events', carry a [`HistoryDetail`] saying what changed.
    Tags,
    Note,
    Pipeline,
    /// Job applications: submitted, hiring status, withdrawn.
    Job,
    /// Eligibility, active, subscribed, and the first review.
    Status,
    Document,
    Message,
}

impl HistoryAction {
    pub fn label(self) -> &'static str {
        match self {
            HistoryAction::Insert => "Created",
            HistoryAction::Update => "Updated",
            HistoryAction::ConflictingUpdate => "Updated over a teammate's change",
            HistoryAction::Delete => "Deleted",
            HistoryAction::Event => "Event",
            HistoryAction::Tags => "Tags",
            HistoryAction::Note => "Note",
            HistoryAction::Pipeline => "Pipeline",
            HistoryAction::Job => "Job",
            HistoryAction::Status => "Status",
            HistoryAction::Document => "Document",
            HistoryAction::Message => "Message",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldChange {
    pub from: FieldValue,
    pub to: FieldValue,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HistoryEntry {
    /// A local row number: well within the integers JavaScript holds exactly.
    #[ts(type = "number")]
    pub id: i64,
    pub candidate_id: Uuid,
    /// An action a newer server added reads as `Update` here (see [`understood`]).
    #[serde(deserialize_with = "understood::action")]
    pub action: HistoryAction,
    pub actor_email: String,
    pub at: Timestamp,
    pub changes: Vec<FieldChange>,
    /// What happened, in words, for entries that are not profile edits ("Checked in at Spring
    /// Career Fair"); who and when are `actor_email` and `at`.
    #[serde(default)]
    pub summary: Option<String>,
    /// What happened, as data, for the entries that have a detail (the summary is its words).
    /// A detail a newer server added reads as none here (see [`understood`]).
    #[serde(default, deserialize_with = "understood::detail")]
    pub detail: Option<HistoryDetail>,
}

/// History as an older desktop reads what a newer server wrote. An entry is sent once and
/// never again, so one this version cannot read would stop every pull after it; instead an
/// action or a detail it does not know gives way to the entry's summary, which says what
/// happened in words.
mod understood {
    use serde::{Deserialize, Deserializer};
    use serde_json::Value;

    use super::{HistoryAction, HistoryDetail};

    pub fn action<'de, D: Deserializer<'de>>(d: D) -> Result<HistoryAction, D::Error> {
        Ok(HistoryAction::deserialize(Value::deserialize(d)?).unwrap_or(HistoryAction::Update))
    }

    pub fn detail<'de, D: Deserializer<'de>>(d: D) -> Result<Option<HistoryDetail>, D::Error> {
        Ok(Option::<Value>::deserialize(d)?.and_then(|v| HistoryDetail::deserialize(v).ok()))
    }
}

/// The profile as it was right after `entries[index]`, given today's profile and the entries
/// oldest first.
pub fn profile_after(current: &Profile, entries: &[HistoryEntry], index: usize) -> Profile {
    let mut profile = current.clone();
    for entry in entries.iter().skip(index + 1).rev() {
        for change in entry.changes.iter().rev() {
            profile.set(change.from.clone());
        }
    }
    profile
}

/// The changes that turn `before` into `after`, field by field.
pub fn diff(before: &Profile, after: &Profile) -> Vec<FieldChange> {
    let mut changes: Vec<FieldChange> = after
        .fields()
        .into_iter()
        .filter_map(|to| {
            let from = before.get(&to);
            (from != to).then_some(FieldChange { from, to })
        })
        .collect();
    // Custom fields present before and gone after.
    for (key, value) in &before.custom_fields {
        if !after.custom_fields.contains_key(key) {
            changes.push(FieldChange {
                from: FieldValue::CustomField { key: key.clone(), value: Some(value.clone()) },
                to: FieldValue::CustomField { key: key.clone(), value: None },
            });
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_entry_from_a_newer_server_reads_with_its_summary() {
        let newer = serde_json::json!({
            "id": 7, "candidate_id": "0192f0c2-0000-7000-8000-000000000001", "action": "badge_printed",
            "actor_email": "a@example.org", "at": "2026-12-04T10:00:00Z", "changes": [],
            "summary": "Badge printed at the door", "detail": { "kind": "badge_printed", "copies": 2 }
        });
        let entry: super::HistoryEntry = serde_json::from_value(newer).unwrap();
        assert_eq!(entry.action, super::HistoryAction::Update);
        assert_eq!(entry.detail, None);
        assert_eq!(entry.summary.as_deref(), Some("Badge printed at the door"));
        let known = serde_json::json!({
            "id": 8, "candidate_id": "0192f0c2-0000-7000-8000-000000000001", "action": "tags",
            "actor_email": "a@example.org", "at": "2026-12-04T10:00:00Z", "changes": [],
            "detail": { "kind": "tagged", "tags": ["Java"] }
        });
        let entry: super::HistoryEntry = serde_json::from_value(known).unwrap();
        assert_eq!(entry.action, super::HistoryAction::Tags);
        assert_eq!(entry.detail, Some(super::HistoryDetail::Tagged { tags: vec!["Java".into()] }));
    }

    use super::*;

    fn entry(changes: Vec<FieldChange>) -> HistoryEntry {
        HistoryEntry {
            id: 0,
            candidate_id: Uuid::nil(),
            action: HistoryAction::Update,
            actor_email: "a@example.com".into(),
            at: chrono::Utc::now(),
            changes,
            summary: None,
            detail: None,
        }
    }

    #[test]
    fn rebuilds_each_past_profile_by_undoing_later_changes() {
        let v1 = Profile { first_name: "Ana".into(), last_name: "Souza".into(), ..Default::default() };
        let mut v2 = v1.clone();
        v2.current_title = "Engineer".into();
        let mut v3 = v2.clone();
        v3.current_title = "Staff Engineer".into();
        v3.custom_fields.insert("visa".into(), "yes".into());
        let entries = vec![entry(diff(&Profile::default(), &v1)), entry(diff(&v1, &v2)), entry(diff(&v2, &v3))];
        assert_eq!(profile_after(&v3, &entries, 2), v3);
        assert_eq!(profile_after(&v3, &entries, 1), v2);
        assert_eq!(profile_after(&v3, &entries, 0), v1);
    }

    #[test]
    fn diff_lists_only_changed_fields_including_removed_custom_fields() {
        let mut a = Profile { first_name: "Ana".into(), ..Default::default() };
        a.custom_fields.insert("visa".into(), "yes".into());
        let mut b = a.clone();
        b.first_name = "Anna".into();
        b.custom_fields.clear();
        let keys: Vec<String> = diff(&a, &b).iter().map(|c| c.to.key()).collect();
        assert_eq!(keys, vec!["first_name", "custom:visa"]);
        assert!(diff(&a, &a).is_empty());
    }
}
