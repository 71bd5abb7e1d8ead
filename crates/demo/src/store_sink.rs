//! Demo data into the desktop's store, through its bulk-load path.

use talentdesk_domain::aggregate::FullCandidate;
use talentdesk_domain::event::Event;
use talentdesk_domain::job::Job;
use talentdesk_domain::pipeline::Pipeline;
use talentdesk_domain::settings::CustomFieldDef;
use talentdesk_domain::user::User;
use talentdesk_store::bulk_load::BulkLoad;
use talentdesk_store::{Store, StoreError};

use crate::{DemoOptions, DemoSummary, Progress, Sink};

/// Fills a new store with demo data.
pub fn fill_store(
    store: &mut Store,
    options: &DemoOptions,
    progress: impl FnMut(Progress),
) -> Result<DemoSummary, StoreError> {
    crate::generate(store.bulk_load()?, options, progress)
}

impl Sink for BulkLoad<'_> {
    type Error = StoreError;

    fn user(&mut self, user: &User) -> Result<(), StoreError> {
        BulkLoad::user(self, user)
    }

    fn pipeline(&mut self, pipeline: &Pipeline) -> Result<(), StoreError> {
        BulkLoad::pipeline(self, pipeline)
    }

    fn event(&mut self, event: &Event) -> Result<(), StoreError> {
        BulkLoad::event(self, event)
    }

    fn job(&mut self, job: &Job) -> Result<(), StoreError> {
        BulkLoad::job(self, job)
    }

    fn listed_tag(&mut self, name: &str) -> Result<(), StoreError> {
        BulkLoad::listed_tag(self, name)
    }

    fn custom_field(&mut self, field: &CustomFieldDef) -> Result<(), StoreError> {
        BulkLoad::custom_field(self, field)
    }

    fn candidate(&mut self, candidate: &FullCandidate) -> Result<(), StoreError> {
        BulkLoad::candidate(self, candidate)
    }

    fn finish(self, progress: impl FnMut(&str)) -> Result<u64, StoreError> {
        BulkLoad::finish(self, progress)
    }
}

#[cfg(test)]
mod tests {
    use talentdesk_store::search::FactsSource;

    use super::*;

    /// A load writes too many candidates to log one by one for search's saved facts: it
    /// throws them away instead, and the next start reads the rows.
    #[test]
    fn a_load_into_a_store_that_saved_its_search_facts_starts_them_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.db");
        let mut store = Store::open(&path).unwrap();
        store.warm_search().unwrap();
        assert!(store.save_search_snapshot().unwrap());
        let summary = fill_store(&mut store, &DemoOptions { candidates: 300, seed: 7 }, |_| {}).unwrap();
        assert_eq!(summary.candidates, 300);
        drop(store);

        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.warm_search().unwrap(), FactsSource::Rows);
        assert!(store.save_search_snapshot().unwrap());
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.warm_search().unwrap(), FactsSource::Snapshot);
        assert_eq!(store.candidate_count().unwrap(), 300);
    }
}
