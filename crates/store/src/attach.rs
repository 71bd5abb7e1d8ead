//! Attaching a file to a candidate: its bytes kept beside the database and the
//! `document.attach` mutation, as one step. A refused attachment keeps nothing: not the
//! bytes, and not a new candidate created with it (a resume turned into a candidate), so
//! trying again makes no duplicate.

use talentdesk_domain::document::{Document, DocumentKind};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::user::User;
use uuid::Uuid;

use crate::blobs::content_address;
use crate::tables::documents;
use crate::{Store, StoreError};

/// A file to attach.
pub struct NewDocument<'a> {
    pub candidate_id: Uuid,
    pub name: String,
    pub kind: DocumentKind,
    pub bytes: &'a [u8],
}

impl Store {
    /// Keeps the bytes and applies `first` (a new candidate's creation, say) and the
    /// attachment in one transaction. Refused, the transaction changes nothing and bytes
    /// written for it alone are deleted again.
    pub fn attach(&mut self, actor: &User, first: Option<Mutation>, new: NewDocument) -> Result<Document, StoreError> {
        let sha256 = content_address(new.bytes);
        let kept_before = self.blob(&sha256).is_some();
        self.put_blob(new.bytes)?;
        let document = Document {
            id: new_id(),
            candidate_id: new.candidate_id,
            name: new.name,
            kind: new.kind,
            sha256,
            size: new.bytes.len() as u64,
            uploaded_at: chrono::Utc::now(),
        };
        let attach = Mutation::DocumentAttach { document: document.clone() };
        match self.apply_together(actor, first.into_iter().chain([attach]).collect()) {
            Ok(_) => Ok(document),
            Err(refused) => {
                if !kept_before && !documents::has_content(self.conn(), &document.sha256)? {
                    let path = self.blob_dir().join(&document.sha256);
                    // The refusal is what the user needs to hear; the leftover only costs space.
                    if let Err(e) = std::fs::remove_file(&path) {
                        tracing::warn!("a refused attachment's bytes stay at {}: {e}", path.display());
                    }
                }
                Err(refused)
            }
        }
    }
}
