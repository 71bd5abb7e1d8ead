//! The demo organisation: its users, pipelines, events, jobs, tags list and custom fields.

use chrono::{Duration, TimeZone, Utc};
use talentdesk_domain::Timestamp;
use talentdesk_domain::event::{Event, EventCategory};
use talentdesk_domain::job::Job;
use talentdesk_domain::pipeline::Pipeline;
use talentdesk_domain::settings::{CustomFieldDef, CustomFieldKind};
use talentdesk_domain::user::{Role, User};
use uuid::Uuid;

/// Demo ids are fixed so two runs give the same data: the kind of thing and its number.
fn id(kind: u16, n: u16) -> Uuid {
    Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0000 | (u128::from(kind) << 16) | u128::from(n))
}

pub struct Org {
    pub admin: User,
    pub recruiters: Vec<User>,
    pub pipelines: Vec<Pipeline>,
    pub events: Vec<Event>,
    pub jobs: Vec<Job>,
    pub tags: Vec<&'static str>,
    pub custom_fields: Vec<CustomFieldDef>,
    /// What people at events say they are interested in.
    pub areas_of_interest: Vec<String>,
}

impl Org {
    /// Everyone who works in the org, admin first.
    pub fn users(&self) -> impl Iterator<Item = &User> {
        std::iter::once(&self.admin).chain(&self.recruiters)
    }
}

fn user(n: u16, name: &str, email: &str, role: Role, ats: bool) -> User {
    User {
        id: id(1, n),
        email: email.into(),
        name: name.into(),
        role,
        // Their System ID in iCIMS, a whole number, as an admin would give it (validation::ats_id).
        ats_id: ats.then(|| (1000 + n).to_string()),
    }
}

pub(crate) fn org(now: Timestamp) -> Org {
    let admin = user(1, "Rita Okafor", "rita.okafor@acme-talent.example", Role::RecruiterAdmin, true);
    let recruiters = vec![
        user(2, "Sam Lindqvist", "sam.lindqvist@acme-talent.example", Role::Recruiter, true),
        user(3, "Priya Raman", "priya.raman@acme-talent.example", Role::Recruiter, true),
        user(4, "Jonas Weber", "jonas.weber@acme-talent.example", Role::Recruiter, false),
    ];
    let stages = |s: &[&str]| s.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
    let standard = stages(&["Sourced", "Contacted", "Screening", "Interviewing", "Offer", "Hired"]);
    let pipelines = [
        ("Senior Backend Engineers", false),
        ("Data & ML Talent", false),
        ("Design Silver Medalists", false),
        ("Campus 2026", false),
        ("Sales Leadership", false),
        ("Nursing Float Pool", false),
        ("Security Bench", false),
        ("Sam's Executive Search", true),
    ]
    .iter()
    .enumerate()
    .map(|(i, (name, private))| Pipeline {
        id: id(2, i as u16),
        name: (*name).into(),
        statuses: standard.clone(),
        owner_id: Some(if *private { recruiters[0].id } else { admin.id }),
        private: *private,
        archived: false,
    })
    .collect();
    let day = |d: i64| now - Duration::days(d);
    let events = [
        ("Lisbon Tech Career Fair", EventCategory::CareerFair, 12, "FIL, Lisboa"),
        ("Women in Data Meetup", EventCategory::Meetup, 30, "Berlin"),
        ("Campus Recruiting Day — TU München", EventCategory::CareerFair, 45, "München"),
        ("Cloud Security Summit", EventCategory::Conference, 60, "London"),
        ("Product Leaders Webinar", EventCategory::Webinar, 75, "Online"),
        ("Nursing Open House", EventCategory::InfoSession, 90, "Boston"),
        ("São Paulo Engineering Fair", EventCategory::CareerFair, 120, "São Paulo"),
        ("Bengaluru Hiring Drive", EventCategory::CareerFair, 150, "Bengaluru"),
        ("Veterans in Tech Info Session", EventCategory::InfoSession, 200, "Austin"),
        ("Spring Graduate Showcase", EventCategory::CareerFair, -20, "Toronto"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (name, category, days_ago, location))| Event {
        id: id(3, i as u16),
        name: (*name).into(),
        category: *category,
        starts_at: day(*days_ago),
        location: (*location).into(),
        capacity: (*category == EventCategory::CareerFair).then_some(400),
        description: format!(
            "{} in {location}. Bring your CV; recruiters from every team will be there.",
            category.label()
        ),
        archived: false,
        // Fixed like the ids, so two runs give the same check-in codes.
        code_key: format!("{:032x}", (i as u128 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835)),
    })
    .collect();
    let jobs = [
        ("Senior Backend Engineer", "Lisbon, PT"),
        ("Staff Software Engineer", "Berlin, DE"),
        ("Frontend Developer", "Remote"),
        ("iOS Engineer", "London, GB"),
        ("Data Engineer", "Toronto, CA"),
        ("Machine Learning Engineer", "San Francisco, US"),
        ("Site Reliability Engineer", "Dublin, IE"),
        ("Security Engineer", "Austin, US"),
        ("Product Designer", "Amsterdam, NL"),
        ("Product Manager", "New York, US"),
        ("Account Executive", "Madrid, ES"),
        ("Marketing Manager", "Paris, FR"),
        ("Financial Analyst", "Singapore, SG"),
        ("Talent Acquisition Partner", "Bengaluru, IN"),
        ("Supply Chain Manager", "São Paulo, BR"),
        ("Mechanical Engineer", "München, DE"),
        ("Registered Nurse", "Boston, US"),
        ("Customer Success Manager", "Sydney, AU"),
        ("Compliance Officer", "Zürich, CH"),
        ("Engineering Manager", "Stockholm, SE"),
        ("QA Lead", "Kraków, PL"),
        ("Technical Support Engineer", "Ciudad de México, MX"),
        ("Data Scientist", "Seoul, KR"),
        ("DevOps Engineer", "Warszawa, PL"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (title, location))| Job {
        id: id(4, i as u16),
        title: (*title).into(),
        location: (*location).into(),
        ats_id: Some(format!("REQ-{}", 2400 + i)),
        // Every sixth requisition is filled or on hold.
        open: i % 6 != 5,
        skills: job_skills(title),
        description: String::new(),
    })
    .collect();
    let tags = vec![
        "Military Veteran",
        "Silver Medalist",
        "Referral",
        "Returnship",
        "Relocation Ready",
        "Bilingual",
        "Remote Only",
        "Boomerang",
        "Top Talent",
        "Campus 2026",
        "Diversity Fellowship",
        "Do Not Contact",
    ];
    let custom_fields = vec![
        CustomFieldDef { key: "visa_status".into(), label: "Visa status".into(), kind: CustomFieldKind::Text },
        CustomFieldDef {
            key: "notice_period_weeks".into(),
            label: "Notice period (weeks)".into(),
            kind: CustomFieldKind::Number,
        },
        CustomFieldDef {
            key: "security_clearance".into(),
            label: "Security clearance".into(),
            kind: CustomFieldKind::YesNo,
        },
    ];
    let areas_of_interest = [
        "Software Engineering",
        "Data & Analytics",
        "Product Management",
        "Design",
        "Sales",
        "Marketing",
        "Finance",
        "Operations",
        "Internships",
        "Graduate Programme",
    ]
    .map(str::to_owned)
    .to_vec();
    Org { admin, recruiters, pipelines, events, jobs, tags, custom_fields, areas_of_interest }
}

/// The instant demo data is generated "as of": fixed, so the data is the same on every run.
/// A demo job's skills: the first six of its job family's core skill category, the skills
/// the family's demo candidates have most of, so candidates for the job find them.
fn job_skills(title: &str) -> Vec<String> {
    let family = crate::words::words().families.iter().find(|f| f.titles.contains(&title));
    let core = family.and_then(|f| f.skill_categories.first());
    core.map(|c| talentdesk_domain::skills::in_category(c).take(6).map(|t| t.name.clone()).collect())
        .unwrap_or_default()
}

pub fn reference_time() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).single().expect("valid date")
}

#[cfg(test)]
mod tests {
    use talentdesk_domain::validation;

    #[test]
    fn the_demo_teams_ats_ids_are_icims_system_ids_each_their_own() {
        let org = super::org(super::reference_time());
        let ids: Vec<&str> = org.users().filter_map(|u| u.ats_id.as_deref()).collect();
        assert_eq!(ids.len(), 3, "Jonas has none: Submit to Job tells him to ask an admin");
        for id in &ids {
            assert_eq!(validation::ats_id(id), Ok(Some((*id).to_owned())), "an admin could give {id}");
        }
        let unique: std::collections::BTreeSet<&&str> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len());
    }
}
