//! A store in a temporary file with an admin and a recruiter, and helpers that write through
//! the real mutation path.
#![allow(dead_code)]

use talentdesk_domain::activity::{ActivityStatus, EngagementSet};
use talentdesk_domain::aggregate::FullCandidate;
use talentdesk_domain::candidate::{Candidate, Location, Profile, ProfileType};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::user::{Role, User};
use talentdesk_store::Store;
use talentdesk_store::bulk_load::Prepared;
use uuid::Uuid;

/// Takes a store back to before migration 0019 (years of experience): for tests of opening
/// older files.
pub const BEFORE_EXPERIENCE: &str = "
    DROP TRIGGER search_facts_after_update;
    ALTER TABLE candidates DROP COLUMN experience_months;
    ALTER TABLE candidates DROP COLUMN experience_since;
    CREATE TRIGGER search_facts_after_update
    AFTER UPDATE OF active, eligible, activity, engagements, profile_type, owner_id, created_at, updated_at, name_key
    ON candidates WHEN EXISTS (SELECT 1 FROM search_facts)
    BEGIN INSERT INTO search_facts_log (cand) VALUES (new.cand); END;";

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub store: Store,
    pub admin: User,
    pub recruiter: User,
}

pub fn user(n: u128, role: Role) -> User {
    User {
        id: Uuid::from_u128(n),
        email: format!("user{n}@acme.example"),
        name: format!("User {n}"),
        role,
        ats_id: Some(format!("R-{n}")),
    }
}

pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("store.db")).unwrap();
    let admin = user(1, Role::RecruiterAdmin);
    let recruiter = user(2, Role::Recruiter);
    store.put_user(&admin).unwrap();
    store.put_user(&recruiter).unwrap();
    Fixture { dir, store, admin, recruiter }
}

pub struct Person<'a> {
    pub first: &'a str,
    pub last: &'a str,
    pub email: Option<&'a str>,
    pub title: &'a str,
    pub employer: &'a str,
    pub city: &'a str,
    pub country: &'a str,
    pub skills: &'a [&'a str],
}

impl Default for Person<'_> {
    fn default() -> Self {
        Self { first: "Ana", last: "Souza", email: None, title: "", employer: "", city: "", country: "", skills: &[] }
    }
}

/// A replica ("laptop") bound to the fixture's store as if that were the server.
pub fn laptop(server: &Fixture) -> Store {
    let rita = server.recruiter.clone();
    let mut laptop = Store::open(server.dir.path().join("laptop.db")).unwrap();
    let account = talentdesk_store::replica::Account {
        server: "https://crm.example".into(),
        org_id: talentdesk_domain::new_id(),
        user_id: rita.id,
        email: rita.email.clone(),
    };
    laptop.bind(&account, &rita).unwrap();
    laptop
}

pub fn profile(p: &Person) -> Profile {
    Profile {
        first_name: p.first.into(),
        last_name: p.last.into(),
        email: p.email.map(str::to_owned),
        current_title: p.title.into(),
        current_employer: p.employer.into(),
        location: Location { city: p.city.into(), region: String::new(), country: p.country.into() },
        skills: p.skills.iter().map(|s| (*s).to_owned()).collect(),
        ..Profile::default()
    }
}

impl Fixture {
    pub fn create(&mut self, p: Person) -> Uuid {
        let id = talentdesk_domain::new_id();
        let recruiter = self.recruiter.clone();
        self.store
            .apply(
                &recruiter,
                Mutation::CandidateCreate {
                    candidate_id: id,
                    profile: profile(&p),
                    profile_type: ProfileType::RecruiterGenerated,
                },
            )
            .unwrap();
        id
    }

    pub fn admin_applies(&mut self, m: Mutation) -> talentdesk_store::Applied {
        let admin = self.admin.clone();
        self.store.apply(&admin, m).unwrap()
    }

    pub fn define_tag(&mut self, name: &str) {
        self.admin_applies(Mutation::TagDefine { name: name.into() });
    }
}

/// A candidate as an import brings them, ready for a bulk load.
pub fn imported(first: &str, last: &str) -> Prepared {
    Prepared::candidate(FullCandidate::new(imported_candidate(first, last))).unwrap()
}

/// A candidate as an import brings them: nobody has looked at them yet (Unreviewed, no
/// engagements).
pub fn imported_candidate(first: &str, last: &str) -> Candidate {
    let now = chrono::Utc::now();
    Candidate {
        id: talentdesk_domain::new_id(),
        profile: profile(&Person { first, last, ..Person::default() }),
        ats_id: None,
        person_folder: None,
        profile_type: ProfileType::Imported,
        engagements: EngagementSet::default(),
        activity: ActivityStatus::Unreviewed,
        eligible: true,
        active: true,
        subscribed: true,
        texts_opted_out: false,
        owner_id: None,
        created_at: now,
        updated_at: now,
        last_login_at: None,
    }
}
