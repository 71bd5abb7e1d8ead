//! What the store keeps of a candidate's resume beyond the document: its text, which the
//! keyword index and the resume view use. The text is derived here from the document's bytes
//! (each computer reads the resumes it holds), so it is not a mutation and never syncs.

use talentdesk_domain::DomainError;
use talentdesk_domain::candidate::Profile;
use talentdesk_domain::document::{Document, DocumentKind};
use uuid::Uuid;

use crate::search;
use crate::tables::{candidates, documents};
use crate::views::{CandidateRow, rows_for};
use crate::{Store, StoreError};

/// Most candidates a duplicate check lists.
const DUPLICATES: usize = 10;

impl Store {
    /// A document by its id.
    pub fn document(&self, id: Uuid) -> Result<Document, StoreError> {
        let cand = documents::cand_of(self.conn(), id)?.ok_or_else(|| DomainError::not_found("document", id))?;
        let candidate_id = candidates::id_of(self.conn(), cand)?;
        documents::of(self.conn(), cand, candidate_id)?
            .into_iter()
            .find(|d| d.id == id)
            .ok_or_else(|| DomainError::not_found("document", id).into())
    }

    /// The candidate's newest resume document, if they have one.
    pub fn newest_resume(&self, candidate_id: Uuid) -> Result<Option<Document>, StoreError> {
        let cand = candidates::cand_of(self.conn(), candidate_id)?;
        Ok(documents::of(self.conn(), cand, candidate_id)?.into_iter().find(|d| d.kind == DocumentKind::Resume))
    }

    /// Candidates with a resume on file whose text is not read here yet (resumes teammates
    /// attached), with the hash of their newest resume; at most `limit`.
    pub fn resumes_to_read(&self, limit: usize) -> Result<Vec<(Uuid, String)>, StoreError> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT c.id, d.sha256, max(d.uploaded_at) FROM documents d
             JOIN candidates c ON c.cand = d.cand JOIN candidate_details cd ON cd.cand = d.cand
             WHERE d.kind = 'resume' AND cd.resume_text IS NULL
             GROUP BY d.cand LIMIT ?1",
        )?;
        let rows = stmt
            .query_map([limit as i64], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter().map(|(id, sha)| Ok((crate::codec::uuid(&id)?, sha))).collect()
    }

    /// The candidate's resume text, if it has been read here.
    pub fn resume_text(&self, candidate_id: Uuid) -> Result<Option<String>, StoreError> {
        candidates::resume_text(self.conn(), candidates::cand_of(self.conn(), candidate_id)?)
    }

    /// Sets (or with `None` clears) the candidate's resume text, and re-indexes them.
    pub fn set_resume_text(&mut self, candidate_id: Uuid, text: Option<&str>) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let cand = candidates::cand_of(&tx, candidate_id)?;
        candidates::set_resume_text(&tx, cand, text)?;
        tx.commit()?;
        self.after_bulk_write(&[cand]);
        Ok(())
    }

    /// Candidates who may be the person in `profile`: the same email; or the same first and
    /// last name with the same phone number, LinkedIn address or current employer. Both are
    /// found through the name index (a million candidates are not scanned), then compared.
    pub fn possible_duplicates(&self, profile: &Profile) -> Result<Vec<CandidateRow>, StoreError> {
        let conn = self.conn();
        let phrase = |column: &str, text: &str| format!("{column} : {}", search::literal(text));
        let mut found: Vec<i64> = Vec::new();
        if let Some(email) = profile.email.as_deref().filter(|e| !e.is_empty()) {
            for cand in search::fts(conn, "candidate_name_fts", &phrase("email", email))? {
                let cand = i64::from(cand);
                if candidates::get(conn, cand)?.profile.email.is_some_and(|e| e.eq_ignore_ascii_case(email)) {
                    found.push(cand);
                }
            }
        }
        let (first, last) = (profile.first_name.trim(), profile.last_name.trim());
        if !first.is_empty() && !last.is_empty() {
            let expr = format!("{} AND {}", phrase("name", first), phrase("name", last));
            for cand in search::fts(conn, "candidate_name_fts", &expr)?.iter().take(200) {
                let cand = i64::from(cand);
                let other = candidates::get(conn, cand)?.profile;
                let same_name =
                    other.first_name.eq_ignore_ascii_case(first) && other.last_name.eq_ignore_ascii_case(last);
                if same_name && !found.contains(&cand) && same_identity(profile, &other) {
                    found.push(cand);
                }
            }
        }
        found.truncate(DUPLICATES);
        rows_for(conn, &found)
    }
}

/// Whether two people of the same name are likely one: a phone number, a LinkedIn address or
/// a current employer in common.
fn same_identity(a: &Profile, b: &Profile) -> bool {
    let digits = |p: &Profile| p.phone.as_deref().map(|s| s.chars().filter(char::is_ascii_digit).collect::<String>());
    let linkedin = |p: &Profile| {
        p.links
            .iter()
            .find(|l| l.url.to_lowercase().contains("linkedin.com/in/"))
            .map(|l| l.url.to_lowercase().trim_end_matches('/').rsplit("/in/").next().unwrap_or_default().to_owned())
    };
    let phone = digits(a).filter(|d| d.len() >= 7).is_some_and(|d| digits(b).as_deref() == Some(d.as_str()));
    let link = linkedin(a).is_some_and(|l| linkedin(b).as_deref() == Some(l.as_str()));
    let employer = !a.current_employer.is_empty() && a.current_employer.eq_ignore_ascii_case(&b.current_employer);
    phone || link || employer
}
