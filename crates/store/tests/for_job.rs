//! Candidates for a job: the ranking's quality on a held-out labelled set, and each signal on
//! its own (a required skill, relocation, silver medalists, the job's own pipeline).
//!
//! The labelled set: ten job descriptions written for this test, each with twelve candidates
//! written for it and labelled, before the ranker ever ran, as fitting (six) or not (six);
//! all 120 share one store, so every job is ranked among the other jobs' candidates too (of
//! other professions: not fitting). See `the_ranking_puts_the_fitting_first` for the measures
//! and why their thresholds are what they are.

mod common;

use common::{Fixture, Person, fixture, profile};
use talentdesk_domain::activity::{Engagement, EngagementSet};
use talentdesk_domain::candidate::{Education, Employment, ProfileType};
use talentdesk_domain::job::Job;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::Selection;
use talentdesk_store::StoreError;
use talentdesk_store::search::for_job::{JobWanted, LocationFit, MatchOptions};
use uuid::Uuid;

/// A job of the labelled set, and its candidates written as
/// `title | skills | city | relocates (y/n) | years | degree`, labelled.
struct Case {
    wanted: JobWanted,
    fitting: [&'static str; 6],
    not_fitting: [&'static str; 6],
}

fn wanted(title: &str, skills: &[&str], location: &str, years: u32, education: &[&str]) -> JobWanted {
    JobWanted {
        job_id: None,
        title: title.into(),
        skills: skills.iter().map(|s| (*s).to_owned()).collect(),
        location: location.into(),
        years: Some(years),
        education: education.iter().map(|s| (*s).to_owned()).collect(),
    }
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            wanted: wanted(
                "Backend Engineer",
                &["Rust", "PostgreSQL", "Kubernetes", "Docker", "REST APIs"],
                "Berlin",
                5,
                &[],
            ),
            fitting: [
                "Senior Backend Engineer | Rust, PostgreSQL, Kubernetes, Docker, REST APIs | Berlin | n | 8 |",
                "Backend Engineer | Rust, PostgreSQL, Docker | Berlin | n | 5 |",
                "Software Engineer | Rust, PostgreSQL, Kubernetes, REST APIs | Munich | y | 6 |",
                "Backend Developer | Rust, MySQL, Kubernetes, Docker | Berlin | n | 7 |",
                "Platform Engineer | Rust, Kubernetes, Docker, PostgreSQL | Berlin | n | 4 |",
                "Backend Engineer | Go, PostgreSQL, Kubernetes, Docker, REST APIs | Berlin | n | 6 |",
            ],
            not_fitting: [
                "Frontend Engineer | React, TypeScript, CSS | Berlin | n | 6 |",
                "Data Analyst | SQL, Excel, Tableau | Berlin | n | 5 |",
                "Backend Engineer | PHP, MySQL | Lisbon | n | 1 |",
                "IT Support Technician | Technical Support, Microsoft Office | Berlin | n | 8 |",
                "Product Designer | Figma, User Research | Berlin | y | 6 |",
                "Project Manager | Project Management, Jira, Scrum | Berlin | n | 10 |",
            ],
        },
        Case {
            wanted: wanted(
                "Intensive Care Nurse",
                &[
                    "Intensive Care",
                    "Patient Care",
                    "Medication Administration",
                    "Advanced Cardiac Life Support",
                    "Vital Signs Monitoring",
                ],
                "Hamburg",
                3,
                &["nursing"],
            ),
            fitting: [
                "Intensive Care Nurse | Intensive Care, Patient Care, Medication Administration, Advanced Cardiac Life Support | Hamburg | n | 6 | Bachelor, Nursing",
                "Registered Nurse | Patient Care, Intensive Care, Vital Signs Monitoring, Medication Administration | Hamburg | n | 4 | Diploma, Nursing",
                "ICU Nurse | Intensive Care, Advanced Cardiac Life Support, Patient Care | Bremen | y | 5 | Bachelor, Nursing",
                "Staff Nurse | Patient Care, Medication Administration, Vital Signs Monitoring, Intensive Care | Hamburg | n | 3 |",
                "Senior Nurse | Intensive Care, Triage, Patient Care, Advanced Cardiac Life Support | Hamburg | n | 12 | Master, Nursing",
                "Critical Care Nurse | Intensive Care, Medication Administration, Patient Care, Vital Signs Monitoring | Kiel | y | 7 |",
            ],
            not_fitting: [
                "Medical Receptionist | Scheduling, Electronic Health Records | Hamburg | n | 4 |",
                "Pharmacist | Pharmacology | Hamburg | n | 9 | Master, Pharmacy",
                "Nursing Assistant | Patient Care | Munich | n | 1 |",
                "Care Home Cook | Food Preparation, Food Safety | Hamburg | n | 6 |",
                "Physiotherapist | Patient Assessment | Hamburg | n | 5 |",
                "Hospital Porter | Patient Care | Hamburg | n | 2 |",
            ],
        },
        Case {
            wanted: wanted(
                "Accountant",
                &["Accounting", "General Ledger", "Month-end Close", "DATEV", "HGB", "Financial Reporting"],
                "Munich",
                4,
                &["accounting"],
            ),
            fitting: [
                "Accountant | Accounting, General Ledger, Month-end Close, DATEV, HGB | Munich | n | 6 | Bachelor, Accounting",
                "Senior Accountant | Accounting, HGB, Financial Reporting, DATEV, Reconciliation | Munich | n | 9 |",
                "Financial Accountant | General Ledger, Month-end Close, Financial Reporting, HGB | Augsburg | y | 5 |",
                "Bookkeeper | Bookkeeping, DATEV, Accounting, General Ledger | Munich | n | 8 |",
                "Accountant | Accounting, IFRS, Financial Reporting, Month-end Close, DATEV | Munich | n | 4 | Master, Finance",
                "Group Accountant | HGB, Financial Reporting, Accounting, General Ledger | Nuremberg | y | 7 |",
            ],
            not_fitting: [
                "Sales Manager | B2B Sales, Negotiation | Munich | n | 8 |",
                "Financial Analyst | Financial Modeling, Excel | Frankfurt | n | 1 |",
                "Payroll Clerk | Payroll | Munich | n | 2 |",
                "Office Assistant | Data Entry, Microsoft Office | Munich | n | 5 |",
                "Tax Adviser | Tax Preparation | Hamburg | n | 10 |",
                "Auditor | Auditing | Berlin | n | 0 |",
            ],
        },
        Case {
            wanted: wanted(
                "Welder",
                &["Welding", "Blueprint Reading", "Sheet Metal Work", "Construction Safety", "Power Tools"],
                "Leipzig",
                3,
                &[],
            ),
            fitting: [
                "Welder | Welding, Blueprint Reading, Sheet Metal Work, Power Tools | Leipzig | n | 6 |",
                "MIG Welder | Welding, Sheet Metal Work, Construction Safety | Leipzig | n | 4 |",
                "Welder Fabricator | Welding, Blueprint Reading, Power Tools, Construction Safety | Dresden | y | 8 |",
                "Metal Worker | Sheet Metal Work, Welding, Power Tools, Blueprint Reading | Leipzig | n | 10 |",
                "Senior Welder | Welding, Blueprint Reading, Construction Safety, Sheet Metal Work, Power Tools | Halle | y | 15 |",
                "Welder | Welding, Power Tools, Construction Safety | Leipzig | n | 3 |",
            ],
            not_fitting: [
                "Electrician | Electrical Installation, Electrical Troubleshooting | Leipzig | n | 7 |",
                "Truck Driver | Truck Driving, Route Planning | Leipzig | n | 9 |",
                "Carpenter | Carpentry, Power Tools | Leipzig | n | 4 |",
                "Machine Operator | Machine Operation, Quality Control | Leipzig | n | 3 |",
                "Plumber | Plumbing | Berlin | n | 5 |",
                "Painter | Painting and Decorating | Leipzig | n | 6 |",
            ],
        },
        Case {
            wanted: wanted(
                "Data Scientist",
                &["Python", "Machine Learning", "Statistics", "Pandas", "scikit-learn", "SQL"],
                "Amsterdam",
                3,
                &["statistics", "computer science", "mathematics"],
            ),
            fitting: [
                "Data Scientist | Python, Machine Learning, Statistics, Pandas, scikit-learn | Amsterdam | n | 4 | Master, Statistics",
                "Senior Data Scientist | Python, Machine Learning, SQL, Statistics, PyTorch | Amsterdam | n | 8 | PhD, Computer Science",
                "Machine Learning Engineer | Python, Machine Learning, scikit-learn, Pandas, SQL | Utrecht | y | 5 |",
                "Data Scientist | Python, Statistics, SQL, Pandas | Amsterdam | n | 3 | Master, Mathematics",
                "Applied Scientist | Machine Learning, Python, Statistics, NumPy, scikit-learn | Rotterdam | y | 6 | PhD, Physics",
                "Data Scientist | R, Statistics, Machine Learning, SQL | Amsterdam | n | 5 | Master, Statistics",
            ],
            not_fitting: [
                "Data Engineer | Apache Spark, Airflow, Scala | Amsterdam | n | 6 |",
                "BI Analyst | Power BI, Excel | Amsterdam | n | 4 |",
                "Backend Engineer | Java, Spring Boot | Amsterdam | n | 7 |",
                "Marketing Analyst | Google Analytics, Excel | Amsterdam | n | 3 |",
                "Data Scientist | Excel | Madrid | n | 0 |",
                "Statistician | Statistics | Vienna | n | 2 |",
            ],
        },
        Case {
            wanted: wanted(
                "Frontend Developer",
                &["TypeScript", "React", "CSS", "HTML", "Accessibility"],
                "Lisbon",
                3,
                &[],
            ),
            fitting: [
                "Frontend Developer | TypeScript, React, CSS, HTML, Accessibility | Lisbon | n | 5 |",
                "Frontend Engineer | React, TypeScript, CSS, HTML | Lisbon | n | 3 |",
                "UI Engineer | TypeScript, React, Accessibility, CSS | Porto | y | 6 |",
                "Web Developer | JavaScript, React, HTML, CSS, TypeScript | Lisbon | n | 7 |",
                "Senior Frontend Developer | TypeScript, Vue.js, CSS, HTML, Accessibility | Lisbon | n | 9 |",
                "Frontend Developer | React, TypeScript, Tailwind CSS, HTML | Braga | y | 4 |",
            ],
            not_fitting: [
                "Backend Developer | Java, Spring Boot, PostgreSQL | Lisbon | n | 6 |",
                "Graphic Designer | Adobe Photoshop, Adobe Illustrator | Lisbon | n | 5 |",
                "iOS Developer | Swift, SwiftUI | Lisbon | n | 4 |",
                "QA Tester | Manual Testing | Lisbon | n | 3 |",
                "Content Writer | Copywriting, SEO | Lisbon | n | 6 |",
                "Support Agent | Customer Service, HTML | Lisbon | n | 2 |",
            ],
        },
        Case {
            wanted: wanted(
                "Primary School Teacher",
                &[
                    "Lesson Planning",
                    "Classroom Management",
                    "Literacy Instruction",
                    "Student Assessment",
                    "Parent Communication",
                ],
                "Vienna",
                2,
                &["education", "teaching"],
            ),
            fitting: [
                "Primary School Teacher | Lesson Planning, Classroom Management, Literacy Instruction, Student Assessment | Vienna | n | 6 | Bachelor, Primary Education",
                "Teacher | Classroom Management, Lesson Planning, Parent Communication, Student Assessment | Vienna | n | 3 | Bachelor, Education",
                "Class Teacher | Lesson Planning, Literacy Instruction, Classroom Management | Graz | y | 8 | Master, Education",
                "Primary Teacher | Lesson Planning, Student Assessment, Parent Communication, Differentiated Instruction | Vienna | n | 2 |",
                "Teacher | Literacy Instruction, Classroom Management, Student Assessment, Lesson Planning, Parent Communication | Linz | y | 12 |",
                "Elementary Teacher | Classroom Management, Lesson Planning, Literacy Instruction, Parent Communication | Vienna | n | 5 | Bachelor, Teaching",
            ],
            not_fitting: [
                "Kindergarten Assistant | Early Childhood Education | Vienna | n | 1 |",
                "University Lecturer | Public Speaking, Curriculum Development | Vienna | n | 10 | PhD, History",
                "Tutor | Tutoring | Salzburg | n | 2 |",
                "School Secretary | Administrative Support, Scheduling | Vienna | n | 6 |",
                "Social Worker | Social Work, Case Management | Vienna | n | 5 |",
                "E-Learning Designer | Instructional Design, E-Learning | Vienna | n | 4 |",
            ],
        },
        Case {
            wanted: wanted(
                "Warehouse Team Lead",
                &[
                    "Forklift Operation",
                    "Order Picking",
                    "Inventory Control",
                    "Shipping and Receiving",
                    "SAP EWM",
                    "Dispatching",
                ],
                "Rotterdam",
                4,
                &[],
            ),
            fitting: [
                "Warehouse Team Lead | Forklift Operation, Order Picking, Inventory Control, Shipping and Receiving, SAP EWM | Rotterdam | n | 7 |",
                "Warehouse Supervisor | Inventory Control, Shipping and Receiving, Dispatching, SAP EWM | Rotterdam | n | 9 |",
                "Shift Lead Warehouse | Forklift Operation, Order Picking, Dispatching, Inventory Control | Antwerp | y | 5 |",
                "Logistics Coordinator | Dispatching, Shipping and Receiving, SAP EWM, Inventory Control | Rotterdam | n | 4 |",
                "Warehouse Operative | Forklift Operation, Order Picking, Shipping and Receiving, Pallet Jack Operation | Rotterdam | n | 6 |",
                "Team Leader Logistics | Order Picking, Inventory Control, Dispatching, Forklift Operation | Eindhoven | y | 8 |",
            ],
            not_fitting: [
                "Truck Driver | Truck Driving | Rotterdam | n | 12 |",
                "Retail Sales Associate | Retail Sales, Point of Sale | Rotterdam | n | 3 |",
                "Procurement Officer | Procurement, Vendor Management | Rotterdam | n | 6 |",
                "Warehouse Trainee | Order Picking | Rotterdam | n | 0 |",
                "Customs Broker | Customs Clearance, Incoterms | Hamburg | n | 8 |",
                "Office Manager | Scheduling, Microsoft Office | Rotterdam | n | 10 |",
            ],
        },
        Case {
            wanted: wanted(
                "Chef de Partie",
                &["Food Preparation", "Food Safety", "Menu Planning", "Hazard Analysis and Critical Control Points"],
                "Paris",
                3,
                &["culinary"],
            ),
            fitting: [
                "Chef de Partie | Food Preparation, Food Safety, Menu Planning, Hazard Analysis and Critical Control Points | Paris | n | 5 | Diploma, Culinary Arts",
                "Sous Chef | Food Preparation, Menu Planning, Food Safety | Paris | n | 8 |",
                "Line Cook | Food Preparation, Food Safety, Hazard Analysis and Critical Control Points | Paris | n | 3 |",
                "Chef | Menu Planning, Food Preparation, Food Safety, Hazard Analysis and Critical Control Points | Lyon | y | 10 | Diploma, Culinary Arts",
                "Commis Chef | Food Preparation, Food Safety, Menu Planning | Paris | n | 3 |",
                "Chef de Partie | Food Preparation, Hazard Analysis and Critical Control Points, Food Safety | Marseille | y | 4 |",
            ],
            not_fitting: [
                "Waiter | Food and Beverage Service, Wine Service | Paris | n | 6 |",
                "Bartender | Bartending | Paris | n | 4 |",
                "Hotel Receptionist | Front Desk Operations, Reservations | Paris | n | 5 |",
                "Food Scientist | Quality Control, Food Safety | Paris | n | 7 | PhD, Chemistry",
                "Kitchen Porter | Housekeeping | Paris | n | 1 |",
                "Event Planner | Event Management, Banquet Operations | Paris | n | 8 |",
            ],
        },
        Case {
            wanted: wanted(
                "Account Executive",
                &[
                    "B2B Sales",
                    "Salesforce",
                    "Negotiation",
                    "Lead Generation",
                    "Account Management",
                    "Pipeline Management",
                ],
                "Madrid",
                4,
                &[],
            ),
            fitting: [
                "Account Executive | B2B Sales, Salesforce, Negotiation, Lead Generation, Pipeline Management | Madrid | n | 6 |",
                "Senior Account Executive | B2B Sales, Account Management, Salesforce, Negotiation | Madrid | n | 9 |",
                "Sales Executive | B2B Sales, Lead Generation, Pipeline Management, HubSpot, Negotiation | Barcelona | y | 5 |",
                "Business Development Manager | B2B Sales, Business Development, Negotiation, Salesforce, Lead Generation | Madrid | n | 7 |",
                "Account Manager | Account Management, B2B Sales, Salesforce, Pipeline Management | Madrid | n | 4 |",
                "Enterprise Sales Rep | B2B Sales, Negotiation, Salesforce, Account Planning, Lead Generation | Valencia | y | 8 |",
            ],
            not_fitting: [
                "Retail Sales Associate | Retail Sales, Point of Sale | Madrid | n | 3 |",
                "Marketing Manager | Digital Marketing, SEO, Content Marketing | Madrid | n | 7 |",
                "Customer Support Agent | Customer Service, Zendesk | Madrid | n | 4 |",
                "Sales Intern | Cold Calling | Madrid | n | 0 |",
                "Procurement Manager | Procurement, Negotiation | Madrid | n | 10 |",
                "Recruiter | Recruiting, Talent Acquisition | Madrid | n | 6 |",
            ],
        },
    ]
}

/// A candidate from a `title | skills | city | relocates | years | degree, major` line: the
/// title held as a current job for `years`, a country none of the cities share.
fn create(f: &mut Fixture, line: &str, n: usize) -> Uuid {
    let parts: Vec<&str> = line.split('|').map(str::trim).collect();
    let [title, skills, city, relocates, years, degree] = parts[..] else { panic!("a bad line: {line}") };
    let skills: Vec<&str> = skills.split(',').map(str::trim).collect();
    let first = format!("Person{n}");
    let mut p = profile(&Person { first: &first, last: "Test", title, city, skills: &skills, ..Person::default() });
    p.location.country = "ZZ".into();
    p.willing_to_relocate = Some(relocates == "y");
    let years: i32 = years.parse().expect("years");
    if years > 0 {
        let start = format!("{}-01", 2026 - years);
        p.employment = vec![Employment {
            title: title.into(),
            employer: "Acme".into(),
            start: Some(start),
            end: None,
            current: true,
        }];
    }
    if let Some((degree, major)) = degree.split_once(',') {
        p.education = vec![Education {
            school: "University".into(),
            degree: degree.trim().into(),
            major: major.trim().into(),
            start: None,
            end: None,
        }];
    }
    let id = new_id();
    let recruiter = f.recruiter.clone();
    f.store
        .apply(
            &recruiter,
            Mutation::CandidateCreate { candidate_id: id, profile: p, profile_type: ProfileType::RecruiterGenerated },
        )
        .unwrap();
    id
}

/// Precision at 10 and nDCG at 10 (relevance 1 for a fitting candidate, 0 otherwise).
fn measures(ranked: &[Uuid], fitting: &[Uuid]) -> (f64, f64) {
    let top = &ranked[..ranked.len().min(10)];
    let hits: Vec<bool> = top.iter().map(|id| fitting.contains(id)).collect();
    let precision = hits.iter().filter(|h| **h).count() as f64 / 10.0;
    let gain = |i: usize| 1.0 / ((i + 2) as f64).log2();
    let dcg: f64 = hits.iter().enumerate().filter(|(_, h)| **h).map(|(i, _)| gain(i)).sum();
    let ideal: f64 = (0..fitting.len().min(10)).map(gain).sum();
    (precision, dcg / ideal)
}

#[test]
fn the_ranking_puts_the_fitting_first() {
    let mut f = fixture();
    let cases = cases();
    let mut labelled = Vec::new();
    let mut n = 0;
    for case in &cases {
        let mut fits = Vec::new();
        for line in case.fitting {
            n += 1;
            fits.push(create(&mut f, line, n));
        }
        for line in case.not_fitting {
            n += 1;
            create(&mut f, line, n);
        }
        labelled.push(fits);
    }
    let (mut precision, mut ndcg) = (0.0, 0.0);
    let mut report = String::new();
    for (case, fitting) in cases.iter().zip(&labelled) {
        let found = f.store.candidates_for_job(&case.wanted, &MatchOptions::default()).unwrap();
        let ranked: Vec<Uuid> = found.ranked.iter().map(|m| m.row.id).collect();
        let (p, g) = measures(&ranked, fitting);
        report.push_str(&format!("{:<24} P@10 {p:.2}  nDCG@10 {g:.2}\n", case.wanted.title));
        precision += p;
        ndcg += g;
        // Every result says why: the skills it has of those wanted.
        assert!(found.ranked.iter().take(6).all(|m| !m.matched_skills.is_empty()), "{}", case.wanted.title);
    }
    let (precision, ndcg) = (precision / cases.len() as f64, ndcg / cases.len() as f64);
    println!("{report}mean P@10 {precision:.3}  nDCG@10 {ndcg:.3}");
    // Six fitting candidates a job make 0.6 the most P@10 can be (ten places, six fitting);
    // ranking at random among 120 would give 0.05. 0.55 means all six in the top ten for at
    // least half the jobs and five of six for the rest. nDCG@10 is 1 when the six fitting
    // come first; 0.9 leaves room for about one non-fitting candidate among the first six.
    assert!(precision >= 0.55, "mean precision@10 {precision:.3}\n{report}");
    assert!(ndcg >= 0.9, "mean nDCG@10 {ndcg:.3}\n{report}");
}

fn rust_job() -> JobWanted {
    wanted("Backend Engineer", &["Rust", "PostgreSQL", "Kubernetes"], "Berlin", 3, &[])
}

fn ids(found: &[talentdesk_store::search::for_job::JobMatch]) -> Vec<Uuid> {
    found.iter().map(|m| m.row.id).collect()
}

#[test]
fn a_required_skill_leaves_out_who_lacks_it_and_reasons_say_what_matched() {
    let mut f = fixture();
    let all = create(&mut f, "Backend Engineer | Rust, PostgreSQL, Kubernetes | Berlin | n | 5 |", 1);
    let no_k8s = create(&mut f, "Backend Engineer | Rust, PostgreSQL, Docker | Berlin | n | 9 |", 2);
    let go = create(&mut f, "Backend Engineer | Go, Kubernetes | Berlin | n | 9 |", 3);
    // Kubernetes in the title only: the words are there, the skill is not.
    let in_title = create(&mut f, "Kubernetes Platform Engineer | Rust, PostgreSQL, Docker | Berlin | n | 9 |", 4);
    let options = MatchOptions { required_skills: vec!["kubernetes".into()], ..MatchOptions::default() };
    let found = f.store.candidates_for_job(&rust_job(), &options).unwrap();
    assert_eq!(ids(&found.ranked), [all, go], "those without Kubernetes among their skills are left out");
    let best = &found.ranked[0];
    assert_eq!(best.matched_skills, ["Rust", "PostgreSQL", "Kubernetes"]);
    assert_eq!(best.matched_title.as_deref(), Some("Backend Engineer"));
    assert_eq!(best.location, LocationFit::Here);
    assert!(best.experience_months >= 60);
    assert_eq!(found.ranked[1].missing_skills, ["Rust", "PostgreSQL"]);
    assert_eq!(found.ranked[1].related_skills, ["Go"], "a programming language for the one lacking Rust");
    let without = f.store.candidates_for_job(&rust_job(), &MatchOptions::default()).unwrap();
    assert!(ids(&without.ranked).contains(&no_k8s));
    assert!(ids(&without.ranked).contains(&in_title));
}

#[test]
fn willing_to_relocate_counts_for_part_of_being_there() {
    let mut f = fixture();
    let stays = create(&mut f, "Backend Engineer | Rust, PostgreSQL, Kubernetes | Munich | n | 5 |", 1);
    let moves = create(&mut f, "Backend Engineer | Rust, PostgreSQL, Kubernetes | Munich | y | 5 |", 2);
    let there = create(&mut f, "Backend Engineer | Rust, PostgreSQL, Kubernetes | Berlin | n | 5 |", 3);
    let found = f.store.candidates_for_job(&rust_job(), &MatchOptions::default()).unwrap();
    assert_eq!(ids(&found.ranked), [there, moves, stays]);
    let fits: Vec<LocationFit> = found.ranked.iter().map(|m| m.location).collect();
    assert_eq!(fits, [LocationFit::Here, LocationFit::Relocates, LocationFit::Elsewhere]);
}

#[test]
fn silver_medalists_go_up_the_pipeline_stays_out_and_the_rejected_are_apart() {
    let mut f = fixture();
    let [plain, silver, applied, rejected] =
        [1, 2, 3, 4].map(|n| create(&mut f, "Backend Engineer | Rust, PostgreSQL, Kubernetes | Berlin | n | 5 |", n));
    let opted_out = create(&mut f, "Backend Engineer | Rust, PostgreSQL | Berlin | n | 5 |", 5);
    let job =
        |title: &str| Job { id: new_id(), title: title.into(), location: "Berlin".into(), ats_id: None, open: true };
    let (this, other) = (job("Backend Engineer"), job("Platform Engineer"));
    for j in [&this, &other] {
        f.admin_applies(Mutation::JobCreate { job: j.clone() });
    }
    let apply = |f: &mut Fixture, job: &Job, who: Uuid, status: &str| {
        f.admin_applies(Mutation::JobSubmit { selection: Selection::ids([who]), job_id: job.id });
        let (bin, hiring_status) = ("Screening".into(), status.into());
        f.admin_applies(Mutation::ApplicationSetStatus { job_id: job.id, candidate_id: who, bin, hiring_status });
    };
    apply(&mut f, &other, silver, "Offer");
    apply(&mut f, &this, applied, "Phone Screen");
    apply(&mut f, &this, rejected, "Rejected");
    // Opting out arrives from the preferences page by sync; written here as a pull would.
    let opt_out = EngagementSet::of(&[Engagement::CandidateOptOut]).0;
    let conn = rusqlite::Connection::open(f.store.path()).unwrap();
    let sql = "UPDATE candidates SET engagements = engagements | ?1 WHERE id = ?2";
    conn.execute(sql, rusqlite::params![opt_out, opted_out.to_string()]).unwrap();

    let wanted = JobWanted { job_id: Some(this.id), ..rust_job() };
    let found = f.store.candidates_for_job(&wanted, &MatchOptions::default()).unwrap();
    assert_eq!(ids(&found.ranked), [silver, plain, opted_out], "the silver medalist first; the applicant left out");
    assert!(found.ranked[0].silver_medalist);
    assert_eq!(found.ranked[0].applications[0].job_title, "Platform Engineer");
    assert_eq!(found.ranked[0].applications[0].hiring_status, "Offer");
    assert!(found.ranked[2].opted_out, "shown, and said so");
    assert_eq!(found.in_pipeline, 1);
    assert_eq!(ids(&found.rejected_here), [rejected]);
    assert_eq!(found.rejected_here[0].applications[0].hiring_status, "Rejected");

    let all = MatchOptions { exclude_pipeline: false, ..MatchOptions::default() };
    let found = f.store.candidates_for_job(&wanted, &all).unwrap();
    assert!(ids(&found.ranked).contains(&applied));
}

#[test]
fn a_job_without_skills_or_that_does_not_exist_is_refused_clearly() {
    let mut f = fixture();
    create(&mut f, "Backend Engineer | Rust | Berlin | n | 5 |", 1);
    let none = JobWanted { skills: vec![" ".into()], ..rust_job() };
    let err = f.store.candidates_for_job(&none, &MatchOptions::default()).unwrap_err();
    assert!(err.to_string().contains("add skills or a description"), "{err}");
    let gone = JobWanted { job_id: Some(new_id()), ..rust_job() };
    let err = f.store.candidates_for_job(&gone, &MatchOptions::default()).unwrap_err();
    assert!(matches!(err, StoreError::Domain(_)) && err.to_string().contains("job"), "{err}");
}
