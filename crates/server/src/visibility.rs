//! What a user may see of a record, for pulls and snapshots alike: records scoped to one
//! user (private notes, messages, private pipelines) reach that user and the admins; other
//! recruiters' private pipelines are cut out of candidates' memberships.

use std::collections::HashSet;

use serde_json::value::RawValue;
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_domain::user::User;
use talentdesk_sync::wire::RecordKind;
use uuid::Uuid;

use crate::ServerError;
use crate::auth::Caller;

pub struct Visibility {
    user: User,
    hidden_pipelines: HashSet<Uuid>,
}

impl Visibility {
    pub async fn of(conn: &mut sqlx::PgConnection, caller: &Caller) -> Result<Self, ServerError> {
        let hidden_pipelines = if caller.user.role.is_admin() {
            HashSet::new()
        } else {
            let ids: Vec<String> = sqlx::query_scalar(
                "SELECT id FROM records WHERE org_id = $1 AND kind = 'pipeline' AND data IS NOT NULL
                 AND visible_to IS NOT NULL AND visible_to <> $2",
            )
            .bind(caller.org)
            .bind(caller.user.id)
            .fetch_all(conn)
            .await?;
            ids.iter().filter_map(|id| id.parse().ok()).collect()
        };
        Ok(Self { user: caller.user.clone(), hidden_pipelines })
    }

    /// The record's data as this user receives it; `None` when they may not see it.
    pub fn data(
        &self,
        kind: RecordKind,
        visible_to: Option<Uuid>,
        data: Option<String>,
    ) -> Result<Option<Box<RawValue>>, ServerError> {
        Ok(self.json(kind, visible_to, data)?.map(RawValue::from_string).transpose()?)
    }

    /// [`data`](Self::data) as JSON text, unchecked: the database wrote it from valid JSON.
    pub fn json(
        &self,
        kind: RecordKind,
        visible_to: Option<Uuid>,
        data: Option<String>,
    ) -> Result<Option<String>, ServerError> {
        let visible = visible_to.is_none_or(|owner| owner == self.user.id || self.user.role.is_admin());
        Ok(match data.filter(|_| visible) {
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
