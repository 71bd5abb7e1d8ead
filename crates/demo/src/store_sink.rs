//! Demo data into the desktop's store, through its bulk-load path.

use talentdesk_domain::aggregate::FullCandidate;
use talentdesk_domain::event::Event;
use talentdesk_domain::job::Job;
use talentdesk_domain::pipeline::Pipeline;
use talentdesk_domain::settings::CustomFieldDef;
use talentdesk_domain::template::{self, Template};
use talentdesk_domain::user::User;
use talentdesk_store::bulk_load::{BulkLoad, Prepared};
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
    type Prepared = Prepared;

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

    fn areas_of_interest(&mut self, areas: &[String]) -> Result<(), StoreError> {
        BulkLoad::setting(self, talentdesk_domain::record::AREAS_OF_INTEREST, &areas)
    }

    fn template(&mut self, t: &Template) -> Result<(), StoreError> {
        BulkLoad::setting(self, &template::setting_key(t.id), t)
    }

    fn prepare(candidate: FullCandidate) -> Result<Prepared, StoreError> {
        Prepared::candidate(candidate)
    }

    fn candidate(&mut self, candidate: &Prepared) -> Result<(), StoreError> {
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

    /// What a load writes is what the generator made, each candidate with their record,
    /// resume, tags, engagements, applications (counted on their table row), memberships,
    /// notes, messages and history.
    #[test]
    fn a_loaded_store_holds_each_candidate_as_generated() {
        let options = DemoOptions { candidates: 400, seed: 11 };
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("demo.db")).unwrap();
        let summary = fill_store(&mut store, &options, |_| {}).unwrap();
        let admin = store.user_by_email(&summary.admin_email).unwrap();
        let generated = crate::candidates(&options).unwrap();
        assert_eq!(generated.len(), 400);

        let everyone = talentdesk_domain::search::SearchRequest::default();
        let page = talentdesk_store::search::PageRequest { limit: 1000, after: None };
        let rows = store.search(&everyone, &page).unwrap().rows;
        assert_eq!(rows.len(), generated.iter().filter(|c| c.candidate.active).count());
        let job_apps: std::collections::HashMap<_, _> = rows.iter().map(|r| (r.id, r.job_apps)).collect();

        for c in &generated {
            let view = store.profile(&admin, c.candidate.id).unwrap();
            let name = format!("{} {}", c.candidate.profile.first_name, c.candidate.profile.last_name);
            assert_eq!(view.candidate, c.candidate, "{name}");
            assert_eq!(view.resume_text, c.resume_text, "{name}");
            let mut tags = c.tags.clone();
            tags.sort();
            let mut shown = view.tags.clone();
            shown.sort();
            assert_eq!(shown, tags, "{name}");
            assert_eq!(view.engagements.len(), c.engagements.len(), "{name}");
            assert_eq!(view.applications.len(), c.applications.len(), "{name}");
            if let Some(apps) = job_apps.get(&c.candidate.id) {
                assert_eq!(*apps as usize, c.applications.len(), "{name}");
            }
            assert_eq!(view.pipelines.len(), c.pipelines.len(), "{name}");
            assert_eq!(view.events.len(), c.events.len(), "{name}");
            assert_eq!(view.notes.len(), c.notes.len(), "{name}");
            assert_eq!(view.emails.len() + view.texts.len(), c.messages.len(), "{name}");
            assert_eq!(view.history.len(), c.history.len(), "{name}");
        }
        assert!(generated.iter().any(|c| c.applications.len() > 1), "some candidates applied to several jobs");
    }

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
