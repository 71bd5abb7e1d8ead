//! The column mappings saved for imports, for the import's mapping step and the CLI's
//! `import --mapping NAME`.

use talentdesk_domain::import_mapping::SavedMapping;

use crate::tables::settings;
use crate::{Store, StoreError};

impl Store {
    /// Every saved mapping, by name.
    pub fn import_mappings(&self) -> Result<Vec<SavedMapping>, StoreError> {
        settings::import_mappings(self.conn())
    }

    /// The mapping saved as `name` (in any case), if there is one.
    pub fn import_mapping(&self, name: &str) -> Result<Option<SavedMapping>, StoreError> {
        let wanted = name.trim().to_lowercase();
        Ok(self.import_mappings()?.into_iter().find(|m| m.name.to_lowercase() == wanted))
    }
}
