//! The organisation's message templates as Settings and Compose show them, with the merge
//! fields each kind may use, and a template filled for one candidate (the preview).

use serde::Serialize;
use talentdesk_domain::message::MergeValues;
use talentdesk_domain::template::{self, Template, TemplateKind};
use talentdesk_domain::user::User;
use ts_rs::TS;
use uuid::Uuid;

use crate::tables::{self, candidates, settings};
use crate::{Store, StoreError};

/// The merge fields a kind of template may use (`first_name`, ...), in the order offered.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct KindFields {
    pub kind: TemplateKind,
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Templates {
    /// By kind (emails, invitations, texts), then by name.
    pub templates: Vec<Template>,
    pub merge_fields: Vec<KindFields>,
}

/// A template filled for one candidate, as they would receive it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FilledTemplate {
    pub subject: String,
    pub body: String,
}

const KINDS: [TemplateKind; 3] = [TemplateKind::Email, TemplateKind::Invite, TemplateKind::Text];

impl Store {
    pub fn templates(&self) -> Result<Templates, StoreError> {
        let mut templates = settings::templates(self.conn())?;
        let rank = |k: TemplateKind| KINDS.iter().position(|x| *x == k);
        templates.sort_by_cached_key(|t| (rank(t.kind), t.name.to_lowercase()));
        let merge_fields =
            KINDS.into_iter().map(|kind| KindFields { kind, fields: template::merge_fields(kind) }).collect();
        Ok(Templates { templates, merge_fields })
    }

    /// `template` (as typed, checked as a save would check it) filled for the candidate, sent
    /// by `me`. An invitation names `job`, or else the first open job.
    pub fn fill_template(
        &self,
        me: &User,
        template: Template,
        candidate_id: Uuid,
        job: Option<Uuid>,
    ) -> Result<FilledTemplate, StoreError> {
        let others = settings::templates(self.conn())?;
        let template = template.validated(&others)?;
        let candidate = candidates::get(self.conn(), candidates::cand_of(self.conn(), candidate_id)?)?;
        let job_title = match (template.kind, job) {
            (TemplateKind::Invite, Some(id)) => Some(tables::jobs::get(self.conn(), id)?.title),
            (TemplateKind::Invite, None) => {
                tables::jobs::all(self.conn())?.into_iter().find(|j| j.open).map(|j| j.title)
            }
            _ => None,
        };
        let values = MergeValues {
            first_name: &candidate.profile.first_name,
            last_name: &candidate.profile.last_name,
            job_title: job_title.as_deref(),
            sender_name: &me.name,
            event: None,
        };
        let (subject, body) = template.fill(&values)?;
        Ok(FilledTemplate { subject, body })
    }
}
