//! Column mappings saved by name for imports: an organisation setting, so a team importing the
//! same ATS's exports every week maps the columns once. Each syncs as its own setting record
//! (`import_mapping:<name in lower case>`), so saving under a name another mapping has replaces
//! it. The mapping itself is the import's JSON (talentdesk-import's `Mapping`, which the domain
//! does not know), kept as given; the import checks it against each file's columns.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::DomainError;
use crate::validation::{self, limits};

/// Largest mapping saved, as JSON: a few hundred columns.
const MAX_JSON_BYTES: usize = 64 << 10;

/// What starts the key of every saved mapping's setting.
pub const SETTING_PREFIX: &str = "import_mapping:";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SavedMapping {
    pub name: String,
    /// `{"columns": [{"column": "E-mail", "target": {"to": "email"}}, ...]}`
    #[ts(type = "import(\"./ImportMapping\").ImportMapping")]
    pub mapping: serde_json::Value,
}

/// The setting key a mapping of this name syncs under (names are told apart regardless of case).
pub fn setting_key(name: &str) -> String {
    format!("{SETTING_PREFIX}{}", name.trim().to_lowercase())
}

impl SavedMapping {
    /// The mapping with its name trimmed; refused without a name, or when it is not a list of
    /// columns, or too large.
    pub fn validated(self) -> Result<Self, DomainError> {
        let name = validation::required("name", &self.name, limits::NAME)?;
        let columns = self.mapping.get("columns").and_then(|c| c.as_array());
        if columns.is_none_or(|c| c.iter().any(|c| !c.get("column").is_some_and(|n| n.is_string()))) {
            return Err(DomainError::invalid("mapping", "is not a list of columns and their fields"));
        }
        if self.mapping.to_string().len() > MAX_JSON_BYTES {
            return Err(DomainError::invalid("mapping", "is larger than 64 KB"));
        }
        Ok(SavedMapping { name, mapping: self.mapping })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mapping_needs_a_name_and_columns() {
        let mapping = serde_json::json!({"columns": [{"column": "E-mail", "target": {"to": "email"}}]});
        let saved = SavedMapping { name: "  Greenhouse  ".into(), mapping: mapping.clone() }.validated().unwrap();
        assert_eq!(saved.name, "Greenhouse");
        assert_eq!(setting_key(&saved.name), setting_key("greenhouse"), "one mapping per name, whatever its case");
        assert!(SavedMapping { name: " ".into(), mapping }.validated().is_err());
        let not_columns = serde_json::json!({"columns": [{"target": {"to": "email"}}]});
        assert!(SavedMapping { name: "x".into(), mapping: not_columns }.validated().is_err());
        assert!(SavedMapping { name: "x".into(), mapping: serde_json::json!([1]) }.validated().is_err());
    }
}
