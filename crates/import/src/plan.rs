//! What an import will do, row by row, before anything is written: create, merge into the
//! candidate it duplicates, leave as it is (already imported), skip, or reject with reasons.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use talentdesk_domain::candidate::Profile;
use talentdesk_domain::dedupe::{self, DedupeKey, DedupeKind};
use talentdesk_domain::import::{Differing, ImportSource, ImportWrite, merged};
use talentdesk_domain::user::User;
use talentdesk_store::{KeyIndex, Store};
use ts_rs::TS;
use uuid::Uuid;

use crate::mapping::{Mapping, Target};
use crate::read::Table;
use crate::row::{ImportRow, Rules};
use crate::{ImportError, ImportProblem, RowProblem};

/// What to do with a row that is someone already in Talentdesk.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "ImportOnDuplicate")]
pub enum OnDuplicate {
    /// Fill their empty fields (and for differing ones, as [`Options::differing`] says).
    #[default]
    Merge,
    CreateAnyway,
    Skip,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportOptions")]
pub struct Options {
    pub on_duplicate: OnDuplicate,
    pub differing: Differing,
    /// The ISO country (e.g. "DE") whose numbers are written without a country code.
    pub default_country: Option<String>,
}

/// What happens to a row.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export, rename = "ImportAction")]
pub enum Action {
    Create {
        candidate_id: Uuid,
        /// Someone already in Talentdesk the row is, created anyway as chosen.
        duplicate_of: Option<Duplicate>,
    },
    /// Merged into the candidate it duplicates; `evidence` says why it is them.
    /// `changes_profile`: the merge changes profile fields; `adds_note`: the row's note is not
    /// on the candidate yet.
    Merge {
        candidate_id: Uuid,
        evidence: DedupeKind,
        changes_profile: bool,
        adds_note: bool,
    },
    /// Someone already in Talentdesk whom the row would not change (imported before).
    Unchanged {
        candidate_id: Uuid,
        evidence: DedupeKind,
    },
    /// Someone already in Talentdesk, skipped as the import chose.
    SkipDuplicate {
        candidate_id: Uuid,
        evidence: DedupeKind,
    },
    /// The same person as an earlier row of the file.
    SkipInFile {
        #[ts(type = "number")]
        line: u64,
        evidence: DedupeKind,
    },
    Reject {
        reasons: Vec<RowProblem>,
    },
}

/// Someone already in Talentdesk a row is, and why it is them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(export, rename = "ImportDuplicate")]
pub struct Duplicate {
    pub candidate_id: Uuid,
    pub evidence: DedupeKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, rename = "ImportPlannedRow")]
pub struct PlannedRow {
    #[ts(type = "number")]
    pub line: u64,
    pub action: Action,
    /// What the row imports (none for a rejected row).
    pub row: Option<ImportRow>,
    /// The file's cells, for the error file.
    pub cells: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "ImportCounts")]
pub struct Counts {
    #[ts(type = "number")]
    pub create: u64,
    #[ts(type = "number")]
    pub merge: u64,
    #[ts(type = "number")]
    pub unchanged: u64,
    #[ts(type = "number")]
    pub skip_duplicate: u64,
    #[ts(type = "number")]
    pub skip_in_file: u64,
    #[ts(type = "number")]
    pub reject: u64,
}

/// An import ready to be confirmed: every row's fate, the counts, the tags it will add to the
/// tags list. Nothing is written until [`crate::write`].
#[derive(Debug, Clone)]
pub struct Plan {
    pub source: ImportSource,
    pub headers: Vec<String>,
    pub rows: Vec<PlannedRow>,
    pub counts: Counts,
    /// Tags the file uses that are not on the tags list yet; an admin's import adds them.
    pub new_tags: Vec<String>,
    pub options: Options,
    /// The planned fate of each row the user has since chosen otherwise, by line.
    planned: HashMap<u64, Action>,
}

/// What the user chose, in the preview, for one row that is someone already in Talentdesk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "ImportRowChoice")]
pub enum RowChoice {
    /// As the import's options decided.
    AsPlanned,
    CreateAnyway,
    Skip,
    /// Merged into the candidate it duplicates (when the import skips duplicates).
    Merge,
}

impl Plan {
    /// The first `n` rows as they will be imported (the preview).
    pub fn preview(&self, n: usize) -> &[PlannedRow] {
        &self.rows[..n.min(self.rows.len())]
    }

    /// Overrides the import's choice for the row at `line`, which must be someone already in
    /// Talentdesk (merged, unchanged, skipped or created anyway as planned); the counts follow. `store` says
    /// what merging it would change.
    pub fn choose(&mut self, store: &Store, line: u64, choice: RowChoice) -> Result<(), ImportError> {
        let not_duplicate = || ImportError::from(ImportProblem::NotADuplicate { line });
        let at = self.rows.binary_search_by_key(&line, |r| r.line).map_err(|_| not_duplicate())?;
        let row = &mut self.rows[at];
        let planned = self.planned.get(&line).cloned().unwrap_or_else(|| row.action.clone());
        let (Action::Merge { candidate_id, evidence, .. }
        | Action::Unchanged { candidate_id, evidence }
        | Action::SkipDuplicate { candidate_id, evidence }
        | Action::Create { duplicate_of: Some(Duplicate { candidate_id, evidence }), .. }) = planned
        else {
            return Err(not_duplicate());
        };
        row.action = match choice {
            RowChoice::AsPlanned => planned.clone(),
            // One planned to be created anyway keeps its id.
            RowChoice::CreateAnyway if matches!(planned, Action::Create { .. }) => planned.clone(),
            RowChoice::CreateAnyway => Action::Create {
                candidate_id: talentdesk_domain::new_id(),
                duplicate_of: Some(Duplicate { candidate_id, evidence }),
            },
            RowChoice::Skip => Action::SkipDuplicate { candidate_id, evidence },
            RowChoice::Merge => {
                let imported = row.row.as_ref().ok_or_else(not_duplicate)?;
                let before = store.stored_profile(candidate_id)?;
                merge_into(store, imported, candidate_id, evidence, &before, &self.options)?
            }
        };
        self.planned.entry(line).or_insert(planned);
        self.counts = count(&self.rows);
        Ok(())
    }
}

/// Candidates already known by each dedupe key (from the database, then the file's rows).
struct Known {
    stored: KeyIndex,
    in_file: HashMap<DedupeKey, u64>,
    country: Option<&'static str>,
}

impl Known {
    fn load(store: &Store, country: Option<&'static str>) -> Result<Self, ImportError> {
        Ok(Known { stored: store.key_index(country)?, in_file: HashMap::new(), country })
    }

    /// The candidate in the database with one of `keys` (the strongest first), with that key
    /// and their profile as stored.
    fn stored<'k>(
        &self,
        store: &Store,
        keys: &'k [DedupeKey],
    ) -> Result<Option<(&'k DedupeKey, Uuid, Profile)>, ImportError> {
        for key in keys {
            let Some(id) = self.stored.get(store, key)? else { continue };
            let profile = store.stored_profile(id)?;
            // The stored keys are kept with every write: the candidate's own keys agree.
            if dedupe::keys(&profile, self.country).contains(key) {
                return Ok(Some((key, id, profile)));
            }
        }
        Ok(None)
    }
}

/// Reads every row of `table`, checks it, and decides its fate against `store`. `actor` is
/// who will import (an admin's import adds unknown tags to the tags list; a recruiter's
/// refuses the rows that carry them).
pub fn plan(
    store: &Store,
    actor: &User,
    table: Table,
    mapping: &Mapping,
    options: Options,
) -> Result<Plan, ImportError> {
    let headers = table.headers.clone();
    let targets = mapping.targets(&headers)?;
    let custom_fields = store.custom_fields()?;
    for t in &targets {
        if let Target::CustomField { key } = t
            && !custom_fields.iter().any(|d| &d.key == key)
        {
            return Err(ImportProblem::NotACustomField { key: key.clone() }.into());
        }
    }
    let pipelines =
        store.pipelines(actor)?.into_iter().map(|p| (p.pipeline.id, p.pipeline.statuses)).collect::<Vec<_>>();
    let rules = Rules { headers: &headers, targets: &targets, custom_fields: &custom_fields, pipelines: &pipelines };
    let country = match options.default_country.as_deref() {
        Some(iso) => {
            Some(dedupe::calling_code(iso).ok_or_else(|| ImportProblem::UnknownCountry { country: iso.to_owned() })?)
        }
        None => None,
    };
    let mut known = Known::load(store, country)?;
    let listed: HashSet<String> =
        store.tags()?.into_iter().filter(|t| t.listed).map(|t| t.name.to_lowercase()).collect();
    let mut new_tags: Vec<String> = Vec::new();
    let source = ImportSource { import_id: talentdesk_domain::new_id(), file: table.file.clone() };
    let mut rows = Vec::new();
    for raw in table {
        let raw = raw?;
        let (action, row) = match rules.convert(&raw) {
            Err(reasons) => (Action::Reject { reasons }, None),
            Ok(row) => {
                let unlisted: Vec<&String> = row.tags.iter().filter(|t| !listed.contains(&t.to_lowercase())).collect();
                if !unlisted.is_empty() && !actor.role.is_admin() {
                    let reasons = unlisted.iter().map(|t| RowProblem::UnlistedTag { tag: (*t).clone() }).collect();
                    (Action::Reject { reasons }, None)
                } else {
                    for tag in unlisted {
                        if !new_tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                            new_tags.push(tag.clone());
                        }
                    }
                    (decide(store, &mut known, &row, &options)?, Some(row))
                }
            }
        };
        // Every row keeps its cells for the error file: one written may still be refused then
        // (its merge target deleted meanwhile), one unchanged may be skipped in the preview.
        rows.push(PlannedRow { line: raw.line, action, row, cells: raw.cells });
    }
    let counts = count(&rows);
    Ok(Plan { source, headers, rows, counts, new_tags, options, planned: HashMap::new() })
}

/// A valid row's fate: the same person as an earlier row, as someone in the database, or new.
fn decide(store: &Store, known: &mut Known, row: &ImportRow, options: &Options) -> Result<Action, ImportError> {
    let keys = dedupe::keys(&row.profile, known.country);
    if let Some((key, line)) = keys.iter().find_map(|k| known.in_file.get(k).map(|l| (k, *l))) {
        return Ok(Action::SkipInFile { line, evidence: key.kind() });
    }
    for key in &keys {
        known.in_file.insert(key.clone(), row.line);
    }
    // Looked up under "create anyway" too: the preview names whom each such row is.
    let Some((key, candidate_id, before)) = known.stored(store, &keys)? else {
        return Ok(Action::Create { candidate_id: talentdesk_domain::new_id(), duplicate_of: None });
    };
    let evidence = key.kind();
    match options.on_duplicate {
        OnDuplicate::Skip => return Ok(Action::SkipDuplicate { candidate_id, evidence }),
        OnDuplicate::CreateAnyway => {
            let duplicate_of = Some(Duplicate { candidate_id, evidence });
            return Ok(Action::Create { candidate_id: talentdesk_domain::new_id(), duplicate_of });
        }
        OnDuplicate::Merge => {}
    }
    merge_into(store, row, candidate_id, evidence, &before, options)
}

/// A row merged into the candidate it is, `before` as stored: what the merge changes, or
/// Unchanged when it changes nothing.
fn merge_into(
    store: &Store,
    row: &ImportRow,
    candidate_id: Uuid,
    evidence: DedupeKind,
    before: &Profile,
    options: &Options,
) -> Result<Action, ImportError> {
    let changes_profile = merged(before, &row.profile, options.differing) != *before;
    let adds_note = match &row.note {
        Some(note) => !store.has_note(candidate_id, note)?,
        None => false,
    };
    let tags = if row.tags.is_empty() { Vec::new() } else { store.tags_of(candidate_id)? };
    let adds_tags = row.tags.iter().any(|t| !tags.iter().any(|had| had.eq_ignore_ascii_case(t)));
    let sets_more = adds_tags || !row.events.is_empty() || !row.pipelines.is_empty();
    Ok(if changes_profile || adds_note || sets_more {
        Action::Merge { candidate_id, evidence, changes_profile, adds_note }
    } else {
        Action::Unchanged { candidate_id, evidence }
    })
}

fn count(rows: &[PlannedRow]) -> Counts {
    let mut c = Counts::default();
    for r in rows {
        *match r.action {
            Action::Create { .. } => &mut c.create,
            Action::Merge { .. } => &mut c.merge,
            Action::Unchanged { .. } => &mut c.unchanged,
            Action::SkipDuplicate { .. } => &mut c.skip_duplicate,
            Action::SkipInFile { .. } => &mut c.skip_in_file,
            Action::Reject { .. } => &mut c.reject,
        } += 1;
    }
    c
}

impl PlannedRow {
    /// Whether the row's note is written (a merged row's only when the candidate lacks it).
    pub(crate) fn adds_note(&self) -> bool {
        matches!(self.action, Action::Create { .. } | Action::Merge { adds_note: true, .. })
    }

    /// The mutation that writes the row's profile, if it writes one.
    pub(crate) fn write(&self, options: &Options) -> Option<(Uuid, ImportWrite)> {
        let row = self.row.as_ref()?;
        match self.action {
            Action::Create { candidate_id, .. } => {
                Some((candidate_id, ImportWrite::Create { profile: row.profile.clone() }))
            }
            Action::Merge { candidate_id, changes_profile: true, .. } => {
                Some((candidate_id, ImportWrite::Merge { profile: row.profile.clone(), differing: options.differing }))
            }
            _ => None,
        }
    }

    /// Why the row is not written, for the error file.
    pub fn reason(&self) -> Option<String> {
        match &self.action {
            Action::Reject { reasons } => Some(reasons.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")),
            Action::SkipInFile { line, evidence } => Some(format!("duplicate of line {line} ({evidence})")),
            Action::SkipDuplicate { evidence, .. } => Some(format!("already in Talentdesk ({evidence}); skipped")),
            _ => None,
        }
    }
}
