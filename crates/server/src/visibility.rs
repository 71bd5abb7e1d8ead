//! What a user may see of a record, for pulls and snapshots alike: records scoped to one
//! user (private notes, messages, private pipelines) reach that user and the admins; other
//! recruiters' private pipelines are cut out of candidates' memberships. A private saved
//! search reaches its owner alone: it is a way of working, not the team's data.

use std::collections::HashSet;

use serde_json::value::RawValue;
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_domain::user::User;
use talentdesk_sync::wire::RecordKind;
use uuid::Uuid;

use crate::ServerError;
use crate::auth::Caller;

/// The candidate as someone outside the organisation receives them (a webhook's receiver, a
/// partner's read): as anyone in the org sees them, without the pipelines of `private` (its
/// recruiters' own), and without the team's internal word about them — the reason an admin
/// gave for declining their request to be forgotten (left empty: that it was declined, and
/// when, is theirs to know).
pub fn for_outside(aggregate: &mut CandidateAggregate, private: &HashSet<Uuid>) {
    aggregate.pipelines.retain(|m| !private.contains(&m.pipeline_id));
    if let Some(declined) = aggregate.erasure_request.as_mut().and_then(|r| r.declined.as_mut()) {
        declined.reason.clear();
    }
}

/// What a pull sends of one changed record.
pub enum Delivery {
    Data(Box<RawValue>),
    Removal,
    Nothing,
}

pub struct Visibility {
    user: User,
    hidden_pipelines: HashSet<Uuid>,
}

impl Visibility {
    pub async fn of(conn: &mut sqlx::PgConnection, caller: &Caller) -> Result<Self, ServerError> {
        let hidden_pipelines = if caller.user.role.is_admin() {
            HashSet::new()
        } else {
            crate::db::records::private_pipelines(conn, caller.org, Some(caller.user.id)).await?
        };
        Ok(Self { user: caller.user.clone(), hidden_pipelines })
    }

    /// What a pull tells this user of a changed record: its data, its removal, or — for a
    /// private record they never could see — nothing at all, so its id does not reach them.
    /// A record they may no longer see but once could (a note turned private) is a removal.
    pub fn change(
        &self,
        kind: RecordKind,
        visible_to: Option<Uuid>,
        shared_once: bool,
        data: Option<String>,
    ) -> Result<Delivery, ServerError> {
        if !self.may_see(kind, visible_to) {
            return Ok(if shared_once { Delivery::Removal } else { Delivery::Nothing });
        }
        Ok(match self.json(kind, visible_to, data)? {
            Some(json) => Delivery::Data(RawValue::from_string(json)?),
            None => Delivery::Removal,
        })
    }

    fn may_see(&self, kind: RecordKind, visible_to: Option<Uuid>) -> bool {
        let admin_sees = self.user.role.is_admin() && kind != RecordKind::SavedSearch;
        visible_to.is_none_or(|owner| owner == self.user.id || admin_sees)
    }

    /// The record's JSON as this user may see it (`None`: not at all), unchecked: the
    /// database wrote it from valid JSON.
    pub fn json(
        &self,
        kind: RecordKind,
        visible_to: Option<Uuid>,
        data: Option<String>,
    ) -> Result<Option<String>, ServerError> {
        Ok(match data.filter(|_| self.may_see(kind, visible_to)) {
            Some(json) if kind == RecordKind::Candidate && !self.hidden_pipelines.is_empty() => {
                Some(self.without_hidden_pipelines(&json)?)
            }
            other => other,
        })
    }

    fn without_hidden_pipelines(&self, json: &str) -> Result<String, ServerError> {
        let mut aggregate: CandidateAggregate = serde_json::from_str(json)?;
        aggregate.pipelines.retain(|m| !self.hidden_pipelines.contains(&m.pipeline_id));
        Ok(serde_json::to_string(&aggregate)?)
    }
}
