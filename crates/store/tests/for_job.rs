//! Candidates for a job: the ranking's quality on a held-out labelled set, and each signal on
//! its own (a required skill, relocation, a radius around the job's city, silver medalists, the
//! job's own pipeline).
//!
//! The labelled set: thirty job descriptions written for this test across professions (software,
//! care, trades, logistics, finance, law, hospitality, teaching...), each with twelve candidate
//! profiles generated for it from one-line specs and labelled by hand, before the ranker ran on
//! them, as fitting (six) or not (six). The not-fitting are near misses on purpose: the same
//! city, a neighbouring trade, one shared skill, the title without the experience. All 360
//! share one store, so every job is also ranked among the other jobs' candidates (labelled as
//! not fitting it; specs were kept from fitting another job's description). See `the_ranking_puts_the_fitting_first` for the measures
//! and why their thresholds are what they are.

mod common;

use common::{Fixture, Person, fixture, profile};
use talentdesk_domain::activity::{Engagement, EngagementSet};
use talentdesk_domain::candidate::{Education, Employment, Profile, ProfileType};
use talentdesk_domain::job::Job;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::Selection;
use talentdesk_store::StoreError;
use talentdesk_store::search::for_job::{JobWanted, LocationFit, MatchOptions, MatchWeights, PlaceRequired};
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
        Case {
            wanted: wanted(
                "Electrician",
                &[
                    "Electrical Installation",
                    "Electrical Troubleshooting",
                    "Construction Safety",
                    "Blueprint Reading",
                    "Solar Panel Installation",
                ],
                "Cologne",
                3,
                &[],
            ),
            fitting: [
                "Electrician | Electrical Installation, Electrical Troubleshooting, Construction Safety, Blueprint Reading | Cologne | n | 7 |",
                "Journeyman Electrician | Electrical Installation, Electrical Troubleshooting, Power Tools | Cologne | n | 4 |",
                "Solar Installer | Solar Panel Installation, Electrical Installation, Construction Safety, Roofing | Bonn | y | 5 |",
                "Maintenance Electrician | Electrical Troubleshooting, PLC Programming, Electrical Installation, Construction Safety | Cologne | n | 10 |",
                "Electrician | Electrical Installation, Blueprint Reading, Solar Panel Installation | Düsseldorf | y | 3 |",
                "Senior Electrician | Electrical Installation, Electrical Troubleshooting, Blueprint Reading, Construction Safety, Solar Panel Installation | Cologne | n | 15 |",
            ],
            not_fitting: [
                "Plumber | Plumbing, Power Tools | Cologne | n | 8 |",
                "Electrical Engineer | Circuit Design, Embedded Systems | Cologne | n | 5 | Master, Electrical Engineering",
                "Roofer | Roofing, Construction Safety | Cologne | n | 6 |",
                "HVAC Technician | HVAC | Cologne | n | 7 |",
                "Retail Sales Associate | Retail Sales | Cologne | n | 2 |",
                "Electrician | Electrical Installation | Munich | n | 0 |",
            ],
        },
        Case {
            wanted: wanted(
                "Truck Driver",
                &["Truck Driving", "Route Planning", "Load Planning", "Dangerous Goods Handling", "Last-mile Delivery"],
                "Stuttgart",
                2,
                &[],
            ),
            fitting: [
                "Truck Driver | Truck Driving, Route Planning, Load Planning, Dangerous Goods Handling | Stuttgart | n | 9 |",
                "HGV Driver | Truck Driving, Dangerous Goods Handling, Route Planning | Stuttgart | n | 5 |",
                "Delivery Driver | Last-mile Delivery, Route Planning, Truck Driving | Stuttgart | n | 3 |",
                "Long-haul Driver | Truck Driving, Load Planning, Route Planning, Cold Chain Logistics | Ulm | y | 12 |",
                "Truck Driver | Truck Driving, Last-mile Delivery, Load Planning | Karlsruhe | y | 4 |",
                "Tanker Driver | Dangerous Goods Handling, Truck Driving, Route Planning, Load Planning | Stuttgart | n | 6 |",
            ],
            not_fitting: [
                "Forklift Operator | Forklift Operation, Order Picking | Stuttgart | n | 5 |",
                "Dispatcher | Dispatching, Fleet Management | Stuttgart | n | 7 |",
                "Motor Mechanic | Motor Vehicle Repair | Stuttgart | n | 8 |",
                "Courier | Customer Service | Stuttgart | n | 1 |",
                "Freight Forwarder | Freight Forwarding, Incoterms | Hamburg | n | 6 |",
                "Bus Driver | Customer Service, Route Planning | Stuttgart | n | 10 |",
            ],
        },
        Case {
            wanted: wanted(
                "Payroll Specialist",
                &["Payroll", "DATEV", "Employment Law", "Accounting", "Compensation and Benefits"],
                "Frankfurt",
                3,
                &[],
            ),
            fitting: [
                "Payroll Specialist | Payroll, DATEV, Employment Law, Compensation and Benefits | Frankfurt | n | 6 |",
                "Payroll Accountant | Payroll, Accounting, DATEV, Reconciliation | Frankfurt | n | 4 |",
                "Payroll Officer | Payroll, Compensation and Benefits, Workday, Employment Law | Mainz | y | 5 |",
                "Senior Payroll Specialist | Payroll, DATEV, Accounting, Employment Law, Compensation and Benefits | Frankfurt | n | 11 |",
                "HR and Payroll Administrator | Payroll, HRIS, Compensation and Benefits, DATEV | Frankfurt | n | 3 |",
                "Payroll Clerk | Payroll, DATEV, Accounting | Darmstadt | y | 4 |",
            ],
            not_fitting: [
                "Recruiter | Recruiting, Talent Acquisition | Frankfurt | n | 5 |",
                "Tax Adviser | Tax Preparation, Value Added Tax | Frankfurt | n | 8 |",
                "Employment Lawyer | Employment Law, Litigation | Frankfurt | n | 9 | Master, Law",
                "Office Assistant | Data Entry, Filing | Frankfurt | n | 2 |",
                "Financial Analyst | Financial Modeling, Forecasting | Frankfurt | n | 4 |",
                "Bank Teller | Customer Service, Cash Flow Management | Frankfurt | n | 6 |",
            ],
        },
        Case {
            wanted: wanted(
                "HR Business Partner",
                &["Employee Relations", "Performance Management", "Employment Law", "Change Management", "Workday"],
                "Dublin",
                5,
                &[],
            ),
            fitting: [
                "HR Business Partner | Employee Relations, Performance Management, Employment Law, Change Management | Dublin | n | 8 |",
                "Senior HR Business Partner | Employee Relations, Workday, Performance Management, Change Management, Employment Law | Dublin | n | 12 |",
                "HR Manager | Employee Relations, Employment Law, Performance Management, Onboarding | Cork | y | 7 |",
                "People Partner | Performance Management, Change Management, Employee Relations, Workday | Dublin | n | 6 |",
                "HR Generalist | Employee Relations, Employment Law, Onboarding, Workday | Dublin | n | 5 |",
                "HR Business Partner | Change Management, Performance Management, Learning and Development, Employee Relations | Galway | y | 9 |",
            ],
            not_fitting: [
                "Recruiter | Recruiting, Talent Acquisition, Onboarding | Dublin | n | 4 |",
                "Payroll Clerk | Payroll | Dublin | n | 3 |",
                "Office Manager | Scheduling, Administrative Support | Dublin | n | 9 |",
                "Employment Solicitor | Employment Law, Litigation, Legal Drafting | Dublin | n | 10 |",
                "Trainer | Learning and Development, Public Speaking | Dublin | n | 6 |",
                "Project Manager | Project Management, Change Management | London | n | 8 |",
            ],
        },
        Case {
            wanted: wanted(
                "DevOps Engineer",
                &["Kubernetes", "Terraform", "AWS", "CI/CD", "Linux", "Prometheus"],
                "Stockholm",
                4,
                &[],
            ),
            fitting: [
                "DevOps Engineer | Kubernetes, Terraform, AWS, CI/CD, Linux | Stockholm | n | 6 |",
                "Site Reliability Engineer | Kubernetes, Prometheus, Linux, Terraform, Grafana | Stockholm | n | 7 |",
                "Cloud Engineer | AWS, Terraform, CI/CD, Docker, Kubernetes | Gothenburg | y | 5 |",
                "Platform Engineer | Kubernetes, Linux, CI/CD, Prometheus, Ansible | Stockholm | n | 4 |",
                "Senior DevOps Engineer | Terraform, AWS, Kubernetes, Prometheus, CI/CD, Linux | Stockholm | n | 10 |",
                "Infrastructure Engineer | Linux, Ansible, Terraform, AWS, Jenkins | Uppsala | y | 8 |",
            ],
            not_fitting: [
                "Backend Developer | Java, Spring Boot, MySQL | Stockholm | n | 6 |",
                "IT Support Technician | Technical Support, Microsoft Office | Stockholm | n | 5 |",
                "Network Administrator | Networking | Stockholm | n | 9 |",
                "Data Analyst | SQL, Tableau | Stockholm | n | 4 |",
                "Security Analyst | SIEM, Incident Response | Stockholm | n | 3 |",
                "Junior Developer | Python, Git | Stockholm | n | 0 |",
            ],
        },
        Case {
            wanted: wanted("iOS Developer", &["Swift", "SwiftUI", "iOS", "REST APIs", "Git"], "London", 3, &[]),
            fitting: [
                "iOS Developer | Swift, SwiftUI, iOS, REST APIs, Git | London | n | 5 |",
                "iOS Engineer | Swift, iOS, Objective-C, Git | London | n | 8 |",
                "Mobile Developer | Swift, SwiftUI, iOS, Flutter | Manchester | y | 4 |",
                "Senior iOS Developer | Swift, SwiftUI, iOS, REST APIs | London | n | 9 |",
                "iOS Developer | iOS, Swift, Git, REST APIs | Brighton | y | 3 |",
                "App Developer | SwiftUI, Swift, iOS, GraphQL | London | n | 6 |",
            ],
            not_fitting: [
                "Android Developer | Kotlin, Android, Jetpack Compose | London | n | 6 |",
                "Web Developer | JavaScript, React, HTML | London | n | 5 |",
                "UX Designer | Figma, Wireframing | London | n | 4 |",
                "QA Tester | Manual Testing | London | n | 3 |",
                "Backend Developer | Go, REST APIs, Git | London | n | 7 |",
                "Support Engineer | Technical Support, iOS | London | n | 2 |",
            ],
        },
        Case {
            wanted: wanted(
                "QA Engineer",
                &["Test Automation", "Selenium", "Playwright", "Manual Testing", "Performance Testing"],
                "Kraków",
                3,
                &[],
            ),
            fitting: [
                "QA Engineer | Test Automation, Selenium, Playwright, Manual Testing | Kraków | n | 5 |",
                "Test Automation Engineer | Test Automation, Playwright, Cypress, Performance Testing | Kraków | n | 4 |",
                "SDET | Test Automation, Selenium, Java, Performance Testing | Warsaw | y | 7 |",
                "QA Analyst | Manual Testing, Selenium, Test Automation | Kraków | n | 3 |",
                "Senior QA Engineer | Test Automation, Performance Testing, Selenium, Playwright, Manual Testing | Kraków | n | 10 |",
                "QA Engineer | Playwright, Cypress, Test Automation, Manual Testing | Wrocław | y | 4 |",
            ],
            not_fitting: [
                "Frontend Developer | React, TypeScript | Kraków | n | 5 |",
                "Quality Control Inspector | Quality Control, Metrology | Kraków | n | 8 |",
                "Business Analyst | Stakeholder Management, Jira | Kraków | n | 6 |",
                "Support Agent | Customer Service | Kraków | n | 2 |",
                "Java Developer | Java, Spring Boot, JUnit | Kraków | n | 7 |",
                "Scrum Master | Scrum, Agile | Kraków | n | 5 |",
            ],
        },
        Case {
            wanted: wanted(
                "Product Designer",
                &["Figma", "Prototyping", "User Research", "Design Systems", "Interaction Design"],
                "Copenhagen",
                3,
                &["design"],
            ),
            fitting: [
                "Product Designer | Figma, Prototyping, User Research, Design Systems | Copenhagen | n | 5 | Bachelor, Interaction Design",
                "UX Designer | User Research, Wireframing, Figma, Prototyping | Copenhagen | n | 4 |",
                "Senior Product Designer | Figma, Design Systems, Interaction Design, User Research, Prototyping | Copenhagen | n | 9 |",
                "UI/UX Designer | Figma, UI Design, Prototyping, Interaction Design | Aarhus | y | 3 | Bachelor, Graphic Design",
                "Interaction Designer | Interaction Design, Prototyping, User Research, Sketch | Copenhagen | n | 6 |",
                "Product Designer | Design Systems, Figma, Accessibility, Prototyping | Malmö | y | 4 |",
            ],
            not_fitting: [
                "Graphic Designer | Adobe Photoshop, Adobe Illustrator, Adobe InDesign | Copenhagen | n | 6 |",
                "Frontend Developer | React, CSS, HTML | Copenhagen | n | 5 |",
                "Product Manager | Product Management, Roadmapping | Copenhagen | n | 7 |",
                "Market Researcher | Market Research, Excel | Copenhagen | n | 4 |",
                "Architect | Revit, AutoCAD | Copenhagen | n | 10 | Master, Architecture",
                "Photographer | Adobe Photoshop | Copenhagen | n | 8 |",
            ],
        },
        Case {
            wanted: wanted(
                "Digital Marketing Manager",
                &[
                    "Digital Marketing",
                    "SEO",
                    "Google Analytics",
                    "Content Marketing",
                    "Marketing Automation",
                    "Email Marketing",
                ],
                "Milan",
                5,
                &[],
            ),
            fitting: [
                "Digital Marketing Manager | Digital Marketing, SEO, Google Analytics, Content Marketing, Email Marketing | Milan | n | 7 |",
                "Marketing Manager | Digital Marketing, Marketing Automation, Email Marketing, SEO | Milan | n | 9 |",
                "Growth Marketer | SEO, SEM, Google Analytics, Marketing Automation, Email Marketing | Turin | y | 5 |",
                "Content Marketing Lead | Content Marketing, SEO, Copywriting, Google Analytics | Milan | n | 6 |",
                "Digital Marketing Specialist | Digital Marketing, Google Analytics, Social Media Marketing, SEO | Milan | n | 5 |",
                "Head of Marketing | Digital Marketing, Brand Management, Marketing Automation, Content Marketing | Bologna | y | 12 |",
            ],
            not_fitting: [
                "Sales Manager | B2B Sales, Negotiation | Milan | n | 8 |",
                "Graphic Designer | Adobe Illustrator, Canva | Milan | n | 5 |",
                "Copywriter | Copywriting | Milan | n | 4 |",
                "Data Analyst | SQL, Excel, Tableau | Milan | n | 6 |",
                "Event Coordinator | Event Management | Milan | n | 3 |",
                "Marketing Intern | Social Media Marketing | Milan | n | 0 |",
            ],
        },
        Case {
            wanted: wanted(
                "Customer Support Team Lead",
                &["Customer Service", "Zendesk", "Team Leadership", "Conflict Resolution", "Call Center"],
                "Lisbon",
                4,
                &[],
            ),
            fitting: [
                "Customer Support Team Lead | Customer Service, Zendesk, Team Leadership, Conflict Resolution | Lisbon | n | 6 |",
                "Support Supervisor | Call Center, Team Leadership, Customer Service, Conflict Resolution | Lisbon | n | 8 |",
                "Customer Service Manager | Customer Service, Team Leadership, Zendesk, Call Center | Porto | y | 9 |",
                "Senior Support Agent | Zendesk, Customer Service, Conflict Resolution, Call Center | Lisbon | n | 5 |",
                "Team Leader Customer Care | Team Leadership, Customer Service, Call Center, Mentoring | Lisbon | n | 7 |",
                "Support Lead | Zendesk, Customer Service, Team Leadership, Technical Support | Setúbal | y | 4 |",
            ],
            not_fitting: [
                "Receptionist | Front Desk Operations, Scheduling | Lisbon | n | 5 |",
                "Sales Representative | Cold Calling, Retail Sales | Lisbon | n | 3 |",
                "IT Helpdesk | Technical Support, Microsoft Office | Lisbon | n | 2 |",
                "Waiter | Food and Beverage Service | Lisbon | n | 6 |",
                "Office Manager | Administrative Support, Scheduling | Lisbon | n | 10 |",
                "Social Media Manager | Social Media Marketing | Lisbon | n | 4 |",
            ],
        },
        Case {
            wanted: wanted(
                "Legal Counsel",
                &["Contract Law", "Corporate Law", "GDPR", "Legal Drafting", "Compliance"],
                "Zurich",
                5,
                &["law"],
            ),
            fitting: [
                "Legal Counsel | Contract Law, Corporate Law, Legal Drafting, Compliance | Zurich | n | 7 | Master, Law",
                "Corporate Lawyer | Corporate Law, Contract Law, Due Diligence, Legal Drafting | Zurich | n | 9 | Master, Law",
                "Senior Legal Counsel | GDPR, Contract Law, Compliance, Corporate Law, Data Protection Law | Geneva | y | 12 | Master, Law",
                "In-house Counsel | Contract Law, GDPR, Legal Drafting, Compliance | Zurich | n | 6 |",
                "Legal Counsel | Corporate Law, Mergers and Acquisitions, Contract Law, Legal Drafting | Basel | y | 8 | Master, Law",
                "Commercial Lawyer | Contract Law, Legal Drafting, Compliance, Legal Research | Zurich | n | 5 |",
            ],
            not_fitting: [
                "Paralegal | Paralegal Support, Legal Research | Zurich | n | 4 |",
                "Compliance Analyst | Anti-Money Laundering, Compliance | Zurich | n | 3 |",
                "Notary Clerk | Notarial Work, Filing | Zurich | n | 6 |",
                "Accountant | Accounting, Financial Reporting | Zurich | n | 7 |",
                "Data Protection Officer | GDPR | Vienna | n | 2 |",
                "Office Assistant | Minute Taking, Scheduling | Zurich | n | 5 |",
            ],
        },
        Case {
            wanted: wanted(
                "Mechanical Engineer",
                &["SolidWorks", "Mechanical Design", "Finite Element Analysis", "GD&T", "AutoCAD"],
                "Turin",
                3,
                &["mechanical engineering"],
            ),
            fitting: [
                "Mechanical Engineer | SolidWorks, Mechanical Design, Finite Element Analysis, GD&T | Turin | n | 5 | Master, Mechanical Engineering",
                "Design Engineer | Mechanical Design, SolidWorks, AutoCAD, GD&T | Turin | n | 4 | Bachelor, Mechanical Engineering",
                "Senior Mechanical Engineer | Finite Element Analysis, CATIA, Mechanical Design, GD&T, SolidWorks | Milan | y | 10 | Master, Mechanical Engineering",
                "CAD Engineer | AutoCAD, SolidWorks, Mechanical Design | Turin | n | 3 |",
                "Mechanical Engineer | SolidWorks, Finite Element Analysis, AutoCAD, Root Cause Analysis | Genoa | y | 6 |",
                "Product Development Engineer | Mechanical Design, GD&T, SolidWorks, Prototyping | Turin | n | 7 |",
            ],
            not_fitting: [
                "Electrical Engineer | Circuit Design, PLC Programming | Turin | n | 6 | Master, Electrical Engineering",
                "Civil Engineer | Civil Engineering, Revit | Turin | n | 8 | Master, Civil Engineering",
                "Machine Operator | Machine Operation, Assembly | Turin | n | 5 |",
                "Quality Inspector | Quality Control, Metrology | Turin | n | 4 |",
                "Production Planner | Production Planning, SAP | Turin | n | 7 |",
                "Draftsman | AutoCAD | Rome | n | 1 |",
            ],
        },
        Case {
            wanted: wanted(
                "Hotel Front Office Manager",
                &["Front Desk Operations", "Opera PMS", "Reservations", "Guest Relations", "Revenue Management"],
                "Vienna",
                4,
                &["hospitality"],
            ),
            fitting: [
                "Front Office Manager | Front Desk Operations, Opera PMS, Reservations, Guest Relations | Vienna | n | 7 | Bachelor, Hospitality Management",
                "Front Desk Supervisor | Front Desk Operations, Guest Relations, Opera PMS | Vienna | n | 5 |",
                "Reservations Manager | Reservations, Revenue Management, Opera PMS, Guest Relations | Salzburg | y | 6 |",
                "Guest Relations Manager | Guest Relations, Front Desk Operations, Reservations, Revenue Management | Vienna | n | 8 |",
                "Assistant Front Office Manager | Opera PMS, Front Desk Operations, Reservations | Vienna | n | 4 | Diploma, Hospitality",
                "Hotel Duty Manager | Front Desk Operations, Guest Relations, Revenue Management, Opera PMS | Innsbruck | y | 9 |",
            ],
            not_fitting: [
                "Housekeeper | Housekeeping | Vienna | n | 6 |",
                "Chef | Food Preparation, Menu Planning | Vienna | n | 8 |",
                "Barista | Barista, Food and Beverage Service | Vienna | n | 3 |",
                "Travel Agent | Customer Service, Reservations | Vienna | n | 5 |",
                "Event Manager | Event Management, Banquet Operations | Vienna | n | 7 |",
                "Receptionist | Scheduling, Microsoft Office | Vienna | n | 2 |",
            ],
        },
        Case {
            wanted: wanted(
                "Carpenter",
                &["Carpentry", "Power Tools", "Blueprint Reading", "Construction Safety", "Roofing"],
                "Bremen",
                3,
                &[],
            ),
            fitting: [
                "Carpenter | Carpentry, Power Tools, Blueprint Reading, Construction Safety | Bremen | n | 8 |",
                "Joiner | Carpentry, Power Tools, Blueprint Reading | Bremen | n | 5 |",
                "Site Carpenter | Carpentry, Construction Safety, Roofing, Power Tools | Hanover | y | 6 |",
                "Roofer Carpenter | Roofing, Carpentry, Construction Safety | Bremen | n | 4 |",
                "Master Carpenter | Carpentry, Blueprint Reading, Power Tools, Construction Safety, Roofing | Bremen | n | 18 |",
                "Carpenter | Carpentry, Power Tools, Tiling, Construction Safety | Oldenburg | y | 3 |",
            ],
            not_fitting: [
                "Welder | Welding, Power Tools | Bremen | n | 7 |",
                "Painter | Painting and Decorating | Bremen | n | 6 |",
                "Bricklayer | Bricklaying, Construction Safety | Bremen | n | 9 |",
                "Landscaper | Landscaping, Power Tools | Bremen | n | 4 |",
                "Furniture Salesperson | Retail Sales, Visual Merchandising | Bremen | n | 5 |",
                "Carpenter Apprentice | Carpentry | Munich | n | 0 |",
            ],
        },
        Case {
            wanted: wanted(
                "CNC Machinist",
                &[
                    "Computer Numerical Control",
                    "Machine Operation",
                    "Blueprint Reading",
                    "Metrology",
                    "Quality Control",
                ],
                "Brno",
                2,
                &[],
            ),
            fitting: [
                "CNC Machinist | Computer Numerical Control, Machine Operation, Blueprint Reading, Metrology | Brno | n | 6 |",
                "CNC Operator | Computer Numerical Control, Machine Operation, Quality Control | Brno | n | 3 |",
                "CNC Programmer | Computer Numerical Control, Blueprint Reading, Metrology, GD&T | Prague | y | 8 |",
                "Machinist | Machine Operation, Computer Numerical Control, Blueprint Reading | Brno | n | 10 |",
                "Senior CNC Machinist | Computer Numerical Control, Metrology, Quality Control, Blueprint Reading, Machine Operation | Brno | n | 14 |",
                "Toolmaker | Computer Numerical Control, Metrology, Blueprint Reading | Ostrava | y | 5 |",
            ],
            not_fitting: [
                "Assembly Worker | Assembly | Brno | n | 4 |",
                "Quality Manager | ISO 9001, Quality Control, Root Cause Analysis | Brno | n | 9 |",
                "Forklift Driver | Forklift Operation | Brno | n | 6 |",
                "Maintenance Technician | Preventive Maintenance, Hydraulics | Brno | n | 7 |",
                "Injection Moulding Operator | Injection Moulding, Machine Operation | Brno | n | 5 |",
                "Production Supervisor | Production Planning, Lean Manufacturing | Brno | n | 11 |",
            ],
        },
        Case {
            wanted: wanted(
                "Procurement Manager",
                &["Procurement", "Vendor Management", "Negotiation", "SAP MM", "Supply Chain Management"],
                "Rotterdam",
                5,
                &[],
            ),
            fitting: [
                "Procurement Manager | Procurement, Vendor Management, Negotiation, SAP MM | Rotterdam | n | 8 |",
                "Strategic Buyer | Procurement, Negotiation, Vendor Management, Supply Chain Management | Rotterdam | n | 6 |",
                "Purchasing Manager | Procurement, SAP MM, Vendor Management, Request for Proposal | The Hague | y | 9 |",
                "Category Manager | Procurement, Negotiation, Supply Chain Management, Vendor Management | Rotterdam | n | 7 |",
                "Senior Buyer | Procurement, SAP MM, Negotiation | Rotterdam | n | 5 |",
                "Sourcing Lead | Supply Chain Management, Procurement, Vendor Management, Negotiation, SAP MM | Utrecht | y | 11 |",
            ],
            not_fitting: [
                "Sales Manager | B2B Sales, Negotiation, Account Management | Rotterdam | n | 8 |",
                "Warehouse Supervisor | Warehouse Management, Inventory Control | Rotterdam | n | 6 |",
                "Logistics Coordinator | Logistics, Dispatching | Rotterdam | n | 4 |",
                "Accounts Payable Clerk | Accounts Payable | Rotterdam | n | 3 |",
                "Contract Lawyer | Contract Law, Negotiation | Rotterdam | n | 7 |",
                "Buyer Trainee | Procurement | Rotterdam | n | 0 |",
            ],
        },
        Case {
            wanted: wanted(
                "Data Engineer",
                &["Python", "Apache Spark", "Airflow", "SQL", "dbt", "Snowflake"],
                "Berlin",
                3,
                &[],
            ),
            fitting: [
                "Data Engineer | Python, Apache Spark, Airflow, SQL, dbt | Berlin | n | 5 |",
                "Senior Data Engineer | Python, Apache Spark, Snowflake, Airflow, Apache Kafka | Berlin | n | 9 |",
                "Analytics Engineer | SQL, dbt, Snowflake, Python | Berlin | n | 3 |",
                "Big Data Engineer | Apache Spark, Scala, Airflow, Python, Hadoop | Hamburg | y | 6 |",
                "Data Platform Engineer | Airflow, Python, SQL, Snowflake, Terraform | Berlin | n | 4 |",
                "Data Engineer | dbt, SQL, Airflow, BigQuery, Python | Potsdam | y | 5 |",
            ],
            not_fitting: [
                "Data Analyst | SQL, Excel, Power BI | Berlin | n | 4 |",
                "Java Developer | Java, Spring Boot | Berlin | n | 6 |",
                "Database Administrator | Oracle Database, Microsoft SQL Server | Berlin | n | 10 |",
                "BI Consultant | Tableau, Looker | Berlin | n | 5 |",
                "Machine Learning Engineer | PyTorch, Deep Learning | Berlin | n | 3 |",
                "Python Developer | Python, Django | Berlin | n | 2 |",
            ],
        },
        Case {
            wanted: wanted(
                "Security Analyst",
                &["SIEM", "Incident Response", "Cybersecurity", "Threat Modeling", "ISO 27001"],
                "Brussels",
                3,
                &[],
            ),
            fitting: [
                "Security Analyst | SIEM, Incident Response, Cybersecurity, Threat Modeling | Brussels | n | 5 |",
                "SOC Analyst | SIEM, Incident Response, Cybersecurity | Brussels | n | 3 |",
                "Information Security Officer | ISO 27001, Cybersecurity, Threat Modeling, Incident Response | Antwerp | y | 8 |",
                "Cyber Security Engineer | Cybersecurity, SIEM, Penetration Testing, Incident Response | Brussels | n | 6 |",
                "Senior Security Analyst | SIEM, ISO 27001, Incident Response, Threat Modeling, Cybersecurity | Brussels | n | 10 |",
                "Incident Responder | Incident Response, SIEM, Cybersecurity, Linux | Ghent | y | 4 |",
            ],
            not_fitting: [
                "Network Engineer | Networking, Linux | Brussels | n | 7 |",
                "IT Auditor | Internal Audit, SOC 2 | Brussels | n | 6 |",
                "Help Desk Technician | Technical Support | Brussels | n | 2 |",
                "Compliance Officer | Compliance, Anti-Money Laundering | Brussels | n | 8 |",
                "Software Developer | Java, Git | Brussels | n | 5 |",
                "Security Guard | Emergency Management | Brussels | n | 9 |",
            ],
        },
        Case {
            wanted: wanted(
                "Early Years Educator",
                &[
                    "Early Childhood Education",
                    "Safeguarding",
                    "Parent Communication",
                    "Lesson Planning",
                    "Special Educational Needs",
                ],
                "Manchester",
                2,
                &["early childhood", "education"],
            ),
            fitting: [
                "Early Years Educator | Early Childhood Education, Safeguarding, Parent Communication, Lesson Planning | Manchester | n | 4 | Diploma, Early Childhood Education",
                "Nursery Practitioner | Early Childhood Education, Safeguarding, Special Educational Needs | Manchester | n | 3 |",
                "Preschool Teacher | Early Childhood Education, Lesson Planning, Parent Communication, Classroom Management | Liverpool | y | 6 | Bachelor, Education",
                "Nursery Room Leader | Safeguarding, Early Childhood Education, Parent Communication, Special Educational Needs | Manchester | n | 7 |",
                "Early Years Teacher | Early Childhood Education, Lesson Planning, Safeguarding, Student Assessment | Leeds | y | 5 | Bachelor, Early Childhood Education",
                "SEN Early Years Practitioner | Special Educational Needs, Early Childhood Education, Safeguarding | Manchester | n | 2 |",
            ],
            not_fitting: [
                "Secondary Maths Teacher | STEM Education, Lesson Planning | Manchester | n | 8 | Bachelor, Mathematics",
                "Nanny | Geriatric Care | Manchester | n | 5 |",
                "School Administrator | Administrative Support, Records Management | Manchester | n | 6 |",
                "Youth Worker | Community Outreach, Social Work | Manchester | n | 4 |",
                "Children's Nurse | Pediatric Nursing, Patient Care | Manchester | n | 7 |",
                "Tutor | Tutoring | Manchester | n | 1 |",
            ],
        },
        Case {
            wanted: wanted(
                "Project Manager",
                &[
                    "Project Management",
                    "PRINCE2",
                    "Risk Management",
                    "Stakeholder Management",
                    "Budgeting",
                    "Microsoft Project",
                ],
                "Edinburgh",
                5,
                &[],
            ),
            fitting: [
                "Project Manager | Project Management, PRINCE2, Risk Management, Stakeholder Management, Budgeting | Edinburgh | n | 8 |",
                "Senior Project Manager | Project Management, Microsoft Project, Risk Management, Budgeting | Edinburgh | n | 12 |",
                "Programme Manager | Stakeholder Management, Project Management, Risk Management, Change Management | Glasgow | y | 10 |",
                "Project Manager | PRINCE2, Project Management, Microsoft Project, Stakeholder Management | Edinburgh | n | 5 |",
                "IT Project Manager | Project Management, Agile, Risk Management, Budgeting, Stakeholder Management | Edinburgh | n | 7 |",
                "Construction Project Manager | Project Management, Budgeting, Risk Management, Construction Safety | Aberdeen | y | 9 |",
            ],
            not_fitting: [
                "Project Coordinator | Scheduling, Microsoft Office | Edinburgh | n | 2 |",
                "Scrum Master | Scrum, Jira, Agile | Edinburgh | n | 5 |",
                "Financial Controller | Budgeting, Financial Reporting, Forecasting | Edinburgh | n | 9 |",
                "Product Manager | Product Management, Roadmapping | Edinburgh | n | 6 |",
                "Site Foreman | Construction Safety, Bricklaying | Edinburgh | n | 12 |",
                "Business Analyst | Stakeholder Management | Edinburgh | n | 4 |",
            ],
        },
    ]
}

/// A candidate from a `title | skills | city | relocates | years | degree, major` line: the
/// title held as a current job for `years`, a country none of the cities share.
fn create(f: &mut Fixture, line: &str, n: usize) -> Uuid {
    create_with(f, line, n, |_| {})
}

/// [`create`], the profile then changed by `edit`.
fn create_with(f: &mut Fixture, line: &str, n: usize, edit: impl FnOnce(&mut Profile)) -> Uuid {
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
    edit(&mut p);
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
    // ranking at random among 360 would give about 0.02. Measured: 0.600 and nDCG@10 0.993
    // (every fitting candidate in the top ten, a near miss above a fitting one in a third of the
    // jobs). 0.57 lets at most nine of the 180 fitting candidates drop out of their job's top
    // ten; nDCG@10 0.95 about one near miss above the fitting in every job. A signal broken or
    // weighted badly (skills ignored, a title match worth more than the skills) falls below
    // either; a deliberate retuning of the weights keeps room to move.
    assert!(precision >= 0.57, "mean precision@10 {precision:.3}\n{report}");
    assert!(ndcg >= 0.95, "mean nDCG@10 {ndcg:.3}\n{report}");
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
fn a_required_skill_held_only_far_down_the_first_ranking_is_still_found_each_once() {
    let mut f = fixture();
    // 230 with Kubernetes in their title only (the first stage cannot tell it from a skill)
    // and every other wanted skill, above the 5 who have it as a skill: the shortlist of 200
    // widens to reach them.
    for n in 0..230 {
        create(&mut f, "Kubernetes Platform Engineer | Rust, PostgreSQL, Docker | Berlin | n | 9 |", n);
    }
    let holders: Vec<Uuid> =
        (0..5).map(|n| create(&mut f, "Engineer | Kubernetes | Lisbon | n | 1 |", 300 + n)).collect();
    let options = MatchOptions { required_skills: vec!["Kubernetes".into()], ..MatchOptions::default() };
    let found = f.store.candidates_for_job(&rust_job(), &options).unwrap();
    let mut ranked = ids(&found.ranked);
    ranked.sort();
    let mut expected = holders.clone();
    expected.sort();
    assert_eq!(ranked, expected);
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
    let job = |title: &str| Job {
        id: new_id(),
        title: title.into(),
        location: "Berlin".into(),
        ats_id: None,
        open: true,
        skills: Vec::new(),
        description: String::new(),
    };
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

#[test]
fn a_place_required_leaves_out_those_elsewhere_and_relocating_counts_when_asked() {
    let mut f = fixture();
    let there = create(&mut f, "Backend Engineer | Rust, PostgreSQL, Kubernetes | Berlin | n | 5 |", 1);
    let moves = create(&mut f, "Backend Engineer | Rust, PostgreSQL, Kubernetes | Munich | y | 5 |", 2);
    let stays = create(&mut f, "Backend Engineer | Rust, PostgreSQL, Kubernetes | Munich | n | 5 |", 3);
    let rank = |f: &Fixture, place| {
        let options = MatchOptions { place, ..MatchOptions::default() };
        ids(&f.store.candidates_for_job(&rust_job(), &options).unwrap().ranked)
    };
    assert_eq!(rank(&f, PlaceRequired::Anywhere), [there, moves, stays]);
    assert_eq!(rank(&f, PlaceRequired::Here { or_relocating: true }), [there, moves]);
    assert_eq!(rank(&f, PlaceRequired::Here { or_relocating: false }), [there]);
    // A description without a place: nobody is left out for where they are.
    let anywhere = JobWanted { location: String::new(), ..rust_job() };
    for place in [PlaceRequired::Here { or_relocating: false }, PlaceRequired::Within { km: 10, or_relocating: false }]
    {
        let options = MatchOptions { place, ..MatchOptions::default() };
        assert_eq!(f.store.candidates_for_job(&anywhere, &options).unwrap().ranked.len(), 3);
    }
}

#[test]
fn a_radius_keeps_those_near_the_job_and_those_willing_to_relocate_when_asked_and_results_say_how_far() {
    let mut f = fixture();
    let line =
        |city: &str, moves: &str| format!("Backend Engineer | Rust, PostgreSQL, Kubernetes | {city} | {moves} | 5 |");
    let berliner = create(&mut f, &line("Berlin", "n"), 1);
    let potsdam = create(&mut f, &line("Potsdam", "n"), 2);
    let hamburg = create(&mut f, &line("Hamburg", "n"), 3);
    let hamburg_moves = create(&mut f, &line("Hamburg", "y"), 4);
    let within = |km, or_relocating| MatchOptions {
        place: PlaceRequired::Within { km, or_relocating },
        ..MatchOptions::default()
    };
    let found = f.store.candidates_for_job(&rust_job(), &within(50, false)).unwrap();
    assert_eq!(ids(&found.ranked), [berliner, potsdam], "Hamburg is some 255 km away");
    let km: Vec<Option<u32>> = found.ranked.iter().map(|m| m.distance_km).collect();
    assert_eq!(km[0], Some(0));
    assert!(km[1].is_some_and(|d| (20..35).contains(&d)), "Potsdam is about 27 km from Berlin: {km:?}");
    assert_eq!(found.ranked[1].location, LocationFit::Near, "near, not elsewhere");
    assert!(!found.ranked[1].place_by_name);

    let found = f.store.candidates_for_job(&rust_job(), &within(50, true)).unwrap();
    assert_eq!(ids(&found.ranked), [berliner, potsdam, hamburg_moves], "willing to relocate passes the radius");
    assert_eq!(found.ranked[2].location, LocationFit::Relocates);
    assert!(found.ranked[2].distance_km.is_some_and(|d| (250..265).contains(&d)));
    assert_eq!(ids(&f.store.candidates_for_job(&rust_job(), &within(300, false)).unwrap().ranked).len(), 4);

    // Unasked, nearness still ranks: 27 km away beats willing to move, which beats staying put.
    let found = f.store.candidates_for_job(&rust_job(), &MatchOptions::default()).unwrap();
    assert_eq!(ids(&found.ranked), [berliner, potsdam, hamburg_moves, hamburg]);
    assert_eq!(found.ranked[3].location, LocationFit::Elsewhere);
}

#[test]
fn a_place_the_gazetteer_does_not_know_is_compared_by_name_and_said_to_be() {
    let mut f = fixture();
    let line = |city: &str| format!("Backend Engineer | Rust, PostgreSQL, Kubernetes | {city} | n | 5 |");
    let berliner = create(&mut f, &line("Berlin"), 1);
    // A village too small for the gazetteer, in the region the job names.
    let village = create_with(&mut f, &line("Kleinwusterwitz"), 2, |p| p.location.region = "Berlin".into());
    let elsewhere = create(&mut f, &line("Nowhere Springs"), 3);
    let radius =
        MatchOptions { place: PlaceRequired::Within { km: 25, or_relocating: false }, ..MatchOptions::default() };
    let found = f.store.candidates_for_job(&rust_job(), &radius).unwrap();
    assert_eq!(ids(&found.ranked), [berliner, village], "named alike, not left out for being off the map");
    assert_eq!((found.ranked[1].location, found.ranked[1].distance_km), (LocationFit::Here, None));
    assert!(found.ranked[1].place_by_name && !found.ranked[0].place_by_name);
    let found = f.store.candidates_for_job(&rust_job(), &MatchOptions::default()).unwrap();
    let last = found.ranked.iter().find(|m| m.row.id == elsewhere).expect("ranked, not dropped");
    assert_eq!((last.location, last.distance_km, last.place_by_name), (LocationFit::Elsewhere, None, true));

    // A job somewhere the gazetteer does not know: its place by name only.
    let remote = JobWanted { location: "Kleinwusterwitz".into(), ..rust_job() };
    let found = f.store.candidates_for_job(&remote, &radius).unwrap();
    assert_eq!(ids(&found.ranked), [village]);
    assert!(found.ranked[0].place_by_name);
}

#[test]
fn a_name_several_cities_have_is_the_most_populous_ones_unless_the_region_or_country_says_otherwise() {
    let mut f = fixture();
    let line = |city: &str| format!("Backend Engineer | Rust, PostgreSQL, Kubernetes | {city} | n | 5 |");
    let in_place = |region: &'static str, country: &'static str| {
        move |p: &mut Profile| {
            p.location.region = region.into();
            p.location.country = country.into();
        }
    };
    let oregon = create_with(&mut f, &line("Portland"), 1, in_place("OR", "US"));
    let maine = create_with(&mut f, &line("Portland"), 2, in_place("Maine", "USA"));
    let paris = create_with(&mut f, &line("Paris"), 3, in_place("", "France"));
    let texas = create_with(&mut f, &line("Paris"), 4, in_place("TX", "US"));
    let here =
        MatchOptions { place: PlaceRequired::Within { km: 50, or_relocating: false }, ..MatchOptions::default() };
    let at = |location: &str| {
        let wanted = JobWanted { location: location.into(), ..rust_job() };
        ids(&f.store.candidates_for_job(&wanted, &here).unwrap().ranked)
    };
    assert_eq!(at("Portland"), [oregon], "the larger Portland, and its namesake 4,000 km away left out");
    assert_eq!(at("Portland, ME"), [maine]);
    assert_eq!(at("Portland, Maine, US"), [maine]);
    assert_eq!(at("Paris"), [paris]);
    assert_eq!(at("Paris, TX"), [texas]);
}

#[test]
fn a_weight_of_nothing_turns_its_signal_off() {
    let mut f = fixture();
    let far_senior = create(&mut f, "Backend Engineer | Rust, PostgreSQL, Kubernetes | Munich | n | 12 |", 1);
    let near_junior = create(&mut f, "Backend Engineer | Rust, PostgreSQL, Kubernetes | Berlin | n | 1 |", 2);
    let wanted = JobWanted { years: Some(8), ..rust_job() };
    let rank = |f: &Fixture, weights: MatchWeights| {
        let options = MatchOptions { weights, ..MatchOptions::default() };
        ids(&f.store.candidates_for_job(&wanted, &options).unwrap().ranked)
    };
    let place_only = MatchWeights { years: 0.0, ..MatchWeights::default() };
    assert_eq!(rank(&f, place_only), [near_junior, far_senior], "only the place tells them apart");
    let years_only = MatchWeights { location: 0.0, ..MatchWeights::default() };
    assert_eq!(rank(&f, years_only), [far_senior, near_junior], "only the years do");
}

#[test]
fn a_job_keeps_its_skills_and_description_and_its_candidates_rank_on_them() {
    let mut f = fixture();
    let nurse = create(&mut f, "Staff Nurse | Intensive Care, Patient Care | Hamburg | n | 5 |", 1);
    let welder = create(&mut f, "Welder | Welding | Hamburg | n | 5 |", 2);
    let job = Job {
        id: new_id(),
        title: "ICU Nurse".into(),
        location: "Hamburg".into(),
        ats_id: None,
        open: true,
        skills: vec![" Intensive Care ".into(), "intensive care".into()],
        description: "Patient care on a busy ward.".into(),
    };
    f.admin_applies(Mutation::JobCreate { job: job.clone() });
    let stored = f.store.jobs().unwrap().into_iter().find(|j| j.id == job.id).unwrap();
    assert_eq!(stored.skills, ["Intensive Care"], "cleaned, each once");
    assert_eq!(stored.description, "Patient care on a busy ward.");
    let wanted = JobWanted::for_job(&stored, vec!["Intensive Care".into(), "Patient Care".into()], Some(2));
    assert_eq!((wanted.job_id, wanted.location.as_str()), (Some(job.id), "Hamburg"));
    let found = f.store.candidates_for_job(&wanted, &MatchOptions::default()).unwrap();
    assert_eq!(ids(&found.ranked), [nurse, welder], "the welder is only in the place");
    assert_eq!(found.ranked[0].matched_skills, ["Intensive Care", "Patient Care"]);
    assert!(found.ranked[1].matched_skills.is_empty());
}

#[test]
fn a_store_from_before_jobs_had_skills_reads_its_jobs_with_none_and_opens_again() {
    let mut f = fixture();
    let job = Job {
        id: new_id(),
        title: "Nurse".into(),
        location: "Porto".into(),
        ats_id: None,
        open: true,
        skills: vec!["Triage".into()],
        description: "Nights.".into(),
    };
    f.admin_applies(Mutation::JobCreate { job: job.clone() });
    let path = f.store.path().to_owned();
    let conn = rusqlite::Connection::open(&path).unwrap();
    // Set back to version 20 with its columns kept (as the upgrade tests leave a file), then
    // as a version 20 file really was: the job without them.
    conn.execute_batch("PRAGMA user_version = 20").unwrap();
    let reopened = talentdesk_store::Store::open(&path).unwrap();
    assert_eq!(reopened.jobs().unwrap()[0].skills, ["Triage"], "the columns kept, the upgrade passes");
    drop(reopened);
    conn.execute_batch(
        "ALTER TABLE jobs DROP COLUMN skills; ALTER TABLE jobs DROP COLUMN description; PRAGMA user_version = 20",
    )
    .unwrap();
    let reopened = talentdesk_store::Store::open(&path).unwrap();
    let jobs = reopened.jobs().unwrap();
    assert_eq!((jobs[0].title.as_str(), jobs[0].skills.len(), jobs[0].description.as_str()), ("Nurse", 0, ""));
}
