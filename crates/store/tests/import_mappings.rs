//! Column mappings saved by name for imports, on a real store: saved, replaced under the same
//! name in any case, listed by name, deleted (twice is no error), refused when not a mapping.

mod common;

use common::fixture;
use serde_json::json;
use talentdesk_domain::import_mapping::SavedMapping;
use talentdesk_domain::mutation::Mutation;
use talentdesk_store::StoreError;

fn saved(name: &str, column: &str) -> SavedMapping {
    SavedMapping { name: name.into(), mapping: json!({"columns": [{"column": column, "target": {"to": "email"}}]}) }
}

#[test]
fn mappings_are_saved_by_name_replaced_listed_and_deleted() {
    let mut f = fixture();
    let recruiter = f.recruiter.clone();
    f.store.apply(&recruiter, Mutation::ImportMappingPut { mapping: saved("Workable", "Email") }).unwrap();
    f.store.apply(&recruiter, Mutation::ImportMappingPut { mapping: saved("Greenhouse", "E-mail") }).unwrap();
    f.store.apply(&recruiter, Mutation::ImportMappingPut { mapping: saved("greenhouse ", "Email Address") }).unwrap();
    let names: Vec<String> = f.store.import_mappings().unwrap().into_iter().map(|m| m.name).collect();
    assert_eq!(names, ["greenhouse", "Workable"], "by name; the same name in another case replaces it");
    let found = f.store.import_mapping("GREENHOUSE").unwrap().unwrap();
    assert_eq!(found.mapping["columns"][0]["column"], "Email Address");

    f.store.apply(&recruiter, Mutation::ImportMappingDelete { name: "Greenhouse".into() }).unwrap();
    f.store.apply(&recruiter, Mutation::ImportMappingDelete { name: "Greenhouse".into() }).unwrap();
    assert!(f.store.import_mapping("greenhouse").unwrap().is_none());

    let bad = SavedMapping { name: "Lever".into(), mapping: json!({"rows": []}) };
    let refused = f.store.apply(&recruiter, Mutation::ImportMappingPut { mapping: bad });
    assert!(matches!(refused, Err(StoreError::Domain(_))), "{refused:?}");
    assert_eq!(f.store.import_mappings().unwrap().len(), 1);
}
