//! One demo candidate at a time, with a plausible career, and what recruiters did with them.

use chrono::{Datelike, Duration};
use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use talentdesk_domain::Timestamp;
use talentdesk_domain::activity::{self, Engagement, EngagementSet};
use talentdesk_domain::aggregate::{EventMember, FullCandidate, HistoryDraft, PipelineMember};
use talentdesk_domain::attendance::RegistrationVia;
use talentdesk_domain::candidate::FieldValue;
use talentdesk_domain::candidate::{
    Candidate, CommunicationMethod, Education, Employment, EmploymentType, JobLevel, Link, LinkKind, Location, Profile,
    ProfileType,
};
use talentdesk_domain::event::Event;
use talentdesk_domain::history::{FieldChange, HistoryAction, HistoryDetail};
use talentdesk_domain::job::{ATS_BINS, Application, HIRING_STATUSES};
use talentdesk_domain::message::{Channel, Message, MessageKind};
use talentdesk_domain::note::Note;
use talentdesk_domain::user::User;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use uuid::Uuid;

use crate::org::Org;
use crate::words::{Family, words};

const LANGUAGES: [&str; 14] = [
    "English",
    "Spanish",
    "Portuguese",
    "French",
    "German",
    "Mandarin",
    "Hindi",
    "Arabic",
    "Japanese",
    "Korean",
    "Turkish",
    "Polish",
    "Vietnamese",
    "Italian",
];

/// An id that sorts by creation time, like the app's UUIDv7, but from the seeded generator.
fn id_at(rng: &mut impl Rng, at: Timestamp) -> Uuid {
    let random: [u8; 10] = rng.random();
    uuid::Builder::from_unix_timestamp_millis(at.timestamp_millis() as u64, &random).into_uuid()
}

/// ASCII for email local parts: "Gonçalves" -> "goncalves", "Łukasz" -> "lukasz". Letters with
/// no decomposition into a base letter and a mark are spelled out first, or they would be
/// dropped and the address would lose a letter.
fn ascii(text: &str) -> String {
    let mut spelled = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'Ł' | 'ł' => spelled.push('l'),
            'Ø' | 'ø' => spelled.push('o'),
            'Đ' | 'đ' | 'Ð' | 'ð' => spelled.push('d'),
            'ß' => spelled.push_str("ss"),
            'Æ' | 'æ' => spelled.push_str("ae"),
            'Œ' | 'œ' => spelled.push_str("oe"),
            'Þ' | 'þ' => spelled.push_str("th"),
            'ı' => spelled.push('i'),
            _ => spelled.push(c),
        }
    }
    spelled
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_lowercase()
}

fn chance(rng: &mut impl Rng, p: f64) -> bool {
    rng.random_bool(p)
}

fn ym(t: Timestamp) -> String {
    format!("{:04}-{:02}", t.year(), t.month())
}

/// How far back the demo's candidate base goes.
const HISTORY_YEARS: i64 = 6;

/// The `index`-th of `total` candidates. Candidates join over the years in order (with some
/// jitter), so ids and creation times rise together as they would in a real CRM.
pub(crate) fn candidate(rng: &mut impl Rng, org: &Org, now: Timestamp, index: u64, total: u64) -> FullCandidate {
    let w = words();
    let culture = w.cultures.choose(rng).expect("cultures");
    let first = *culture.given.choose(rng).expect("given names");
    let last = *culture.family.choose(rng).expect("family names");
    let place = w.places.choose(rng).expect("places");
    let family = w.families.choose(rng).expect("families");
    let span = HISTORY_YEARS * 365 * 24 * 60;
    let age = span - (span as f64 * index as f64 / total.max(1) as f64) as i64;
    let created_at = now - Duration::minutes((age + rng.random_range(0..60)).max(60));
    let updated_at = created_at + Duration::minutes(rng.random_range(0..=(now - created_at).num_minutes()));

    let (employment, level) = career(rng, family, now);
    let current = employment.first().cloned().unwrap_or_default();
    let profile = Profile {
        first_name: first.into(),
        last_name: last.into(),
        email: chance(rng, 0.96).then(|| email(rng, first, last)),
        phone: chance(rng, 0.85).then(|| phone(rng, place.country)),
        location: Location { city: place.city.into(), region: place.region.into(), country: place.country.into() },
        current_title: current.title.clone(),
        current_employer: if current.current { current.employer.clone() } else { String::new() },
        education: education(rng, level, now),
        skills: skills(rng, family),
        links: links(rng, first, last, family),
        willing_to_relocate: [None, Some(true), Some(false)].choose(rng).copied().flatten(),
        desired_level: [
            None,
            Some(JobLevel::Mid),
            Some(JobLevel::Senior),
            Some(JobLevel::Lead),
            Some(JobLevel::Manager),
        ]
        .choose(rng)
        .copied()
        .flatten(),
        employment_type: [
            None,
            Some(EmploymentType::FullTime),
            Some(EmploymentType::PartTime),
            Some(EmploymentType::Either),
        ]
        .choose(rng)
        .copied()
        .flatten(),
        languages: {
            let n = rng.random_range(1..=3);
            LANGUAGES.choose_multiple(rng, n).map(|s| (*s).to_owned()).collect()
        },
        // None, drawing nothing: the same seed still makes the same people as before, so
        // benchmark runs on demo data stay comparable.
        certifications: Vec::new(),
        interests: Vec::new(),
        preferred_communication: [
            None,
            Some(CommunicationMethod::Email),
            Some(CommunicationMethod::Phone),
            Some(CommunicationMethod::Text),
        ]
        .choose(rng)
        .copied()
        .flatten(),
        custom_fields: if chance(rng, 0.1) {
            [(
                "visa_status".to_owned(),
                ["Citizen", "Permanent resident", "Needs sponsorship"]
                    .choose(rng)
                    .map(|s| (*s).to_owned())
                    .unwrap_or_default(),
            )]
            .into_iter()
            .collect()
        } else {
            Default::default()
        },
        employment,
    };

    let profile_type = *[
        (ProfileType::Applicant, 35),
        (ProfileType::CandidateAuthenticated, 25),
        (ProfileType::Imported, 20),
        (ProfileType::RecruiterGenerated, 12),
        (ProfileType::EventAttendee, 8),
    ]
    .choose_weighted(rng, |x| x.1)
    .map(|x| &x.0)
    .expect("weights");
    let owner = if profile_type == ProfileType::RecruiterGenerated || chance(rng, 0.3) {
        org.users().nth(rng.random_range(0..4)).map(|u| u.id)
    } else {
        None
    };
    let mut record = Activity::new(created_at, updated_at);
    match profile_type {
        ProfileType::CandidateAuthenticated => record.engage(rng, Engagement::CandidateAuthenticated),
        ProfileType::RecruiterGenerated => {
            record.engage(rng, Engagement::RecruiterGenerated);
            record.engage(rng, Engagement::RecruiterReviewed);
        }
        _ => {}
    }
    if chance(rng, 0.45) {
        record.engage(rng, Engagement::RecruiterReviewed);
    }
    if chance(rng, 0.3) {
        record.engage(rng, Engagement::CandidateOptIn);
    } else if chance(rng, 0.05) {
        record.engage(rng, Engagement::CandidateOptOut);
    }

    let mut c = FullCandidate::new(Candidate {
        id: id_at(rng, created_at),
        ats_id: (profile_type == ProfileType::Applicant).then(|| format!("{}", rng.random_range(100_000..999_999))),
        person_folder: (profile_type == ProfileType::Applicant).then(|| "Candidate".to_owned()),
        profile_type,
        engagements: EngagementSet::default(),
        activity: activity::ActivityStatus::Unreviewed,
        eligible: !chance(rng, 0.02),
        active: !chance(rng, 0.01),
        subscribed: true,
        texts_opted_out: false,
        owner_id: owner,
        created_at,
        updated_at,
        last_login_at: (profile_type == ProfileType::CandidateAuthenticated).then_some(updated_at),
        profile,
    });
    applications(rng, &mut c, org, &mut record);
    outreach(rng, &mut c, org, &mut record);
    memberships(rng, &mut c, org);
    if chance(rng, 0.2) {
        let n = rng.random_range(1..=3);
        c.tags = org.tags.choose_multiple(rng, n).map(|s| (*s).to_owned()).collect();
    }
    if chance(rng, 0.1) {
        notes(rng, &mut c, org);
    }
    if chance(rng, 0.4) {
        c.resume_text = Some(resume(&c.candidate.profile));
    }
    history(rng, &mut c, org);

    c.candidate.engagements = record.set;
    let withdrawn = talentdesk_domain::job::withdrew(&c.applications);
    c.candidate.activity = activity::activity_status(record.set, withdrawn);
    c.candidate.subscribed = !record.set.contains(Engagement::CandidateOptOut);
    c.engagements = record.at;
    c
}

/// Engagements as they happen, each at a time within the candidate's life.
struct Activity {
    set: EngagementSet,
    at: Vec<(Engagement, Timestamp)>,
    from: Timestamp,
    to: Timestamp,
}

impl Activity {
    fn new(from: Timestamp, to: Timestamp) -> Self {
        Self { set: EngagementSet::default(), at: Vec::new(), from, to }
    }

    fn when(&self, rng: &mut impl Rng) -> Timestamp {
        let span = (self.to - self.from).num_minutes().max(1);
        self.from + Duration::minutes(rng.random_range(0..=span))
    }

    fn engage(&mut self, rng: &mut impl Rng, e: Engagement) {
        let at = self.when(rng);
        self.engage_at(e, at);
    }

    fn engage_at(&mut self, e: Engagement, at: Timestamp) {
        self.set = self.set.with(e);
        match self.at.iter_mut().find(|(k, _)| *k == e) {
            Some((_, t)) => *t = (*t).max(at),
            None => self.at.push((e, at)),
        }
    }
}

fn email(rng: &mut impl Rng, first: &str, last: &str) -> String {
    let domains = ["example.com", "mail.example", "inbox.example.org", "posteo.example", "correo.example.es"];
    let domain = domains.choose(rng).expect("domains");
    // A few keep their accents: internationalised addresses are valid and must work.
    let (f, l) = if chance(rng, 0.02) {
        (first.to_lowercase().replace(' ', ""), last.to_lowercase().replace(' ', ""))
    } else {
        (ascii(first), ascii(last))
    };
    let (f, l) = (if f.is_empty() { "candidate".to_owned() } else { f }, if l.is_empty() { "x".to_owned() } else { l });
    format!("{f}.{l}{}@{domain}", rng.random_range(1..100_000))
}

fn phone(rng: &mut impl Rng, country: &str) -> String {
    let code = match country {
        "US" | "CA" => "+1",
        "GB" => "+44",
        "PT" => "+351",
        "ES" => "+34",
        "FR" => "+33",
        "DE" => "+49",
        "IN" => "+91",
        "BR" => "+55",
        "JP" => "+81",
        _ => "+31",
    };
    format!("{code} {} {:03} {:04}", rng.random_range(200..999), rng.random_range(0..1000), rng.random_range(0..10_000))
}

/// Jobs most recent first; the first may be current. Returns them and the seniority reached.
fn career(rng: &mut impl Rng, family: &Family, now: Timestamp) -> (Vec<Employment>, usize) {
    let w = words();
    let jobs = rng.random_range(1..=4usize);
    let top = rng.random_range(0..family.titles.len());
    let mut end = now - Duration::days(if chance(rng, 0.8) { 0 } else { rng.random_range(30..400) });
    let mut out = Vec::new();
    for i in 0..jobs {
        let level = top.saturating_sub(i);
        let start = end - Duration::days(rng.random_range(300..1600));
        out.push(Employment {
            title: family.titles[level].to_owned(),
            employer: (*w.employers.choose(rng).expect("employers")).to_owned(),
            start: Some(ym(start)),
            end: if i == 0 && end >= now - Duration::days(1) { None } else { Some(ym(end)) },
            current: i == 0 && end >= now - Duration::days(1),
        });
        end = start - Duration::days(rng.random_range(0..120));
    }
    (out, top)
}

fn education(rng: &mut impl Rng, level: usize, now: Timestamp) -> Vec<Education> {
    let w = words();
    let degrees = if level >= 3 && chance(rng, 0.4) { 2 } else { usize::from(chance(rng, 0.92)) };
    let mut end_year = now.year() - rng.random_range(2..25);
    let mut out = Vec::new();
    for i in 0..degrees {
        let degree = if i == 0 && degrees == 2 {
            w.degrees
                .iter()
                .filter(|d| d.name.starts_with("Master") || d.name.starts_with("Doctor"))
                .collect::<Vec<_>>()
        } else {
            w.degrees
                .iter()
                .filter(|d| d.name.starts_with("Bachelor") || d.name.starts_with("Associate"))
                .collect::<Vec<_>>()
        };
        let degree = degree.choose(rng).expect("degrees");
        let years = if degree.name.starts_with("Doctor") {
            5
        } else if degree.name.starts_with("Master") {
            2
        } else {
            4
        };
        out.push(Education {
            school: (*w.schools.choose(rng).expect("schools")).to_owned(),
            degree: degree.name.to_owned(),
            major: (*degree.majors.choose(rng).expect("majors")).to_owned(),
            start: Some(format!("{}", end_year - years)),
            end: Some(format!("{end_year}")),
        });
        end_year -= years + rng.random_range(0..4);
    }
    out
}

fn skills(rng: &mut impl Rng, family: &Family) -> Vec<String> {
    let mut pool: Vec<&str> = family
        .skill_categories
        .iter()
        .enumerate()
        .flat_map(|(rank, c)| {
            // The family's first categories are its core: more of their skills.
            let take = if rank == 0 { 8 } else { 3 };
            talentdesk_domain::skills::in_category(c)
                .map(|t| t.name.as_str())
                .take(24)
                .collect::<Vec<_>>()
                .into_iter()
                .take(take * 3)
                .collect::<Vec<_>>()
        })
        .collect();
    pool.shuffle(rng);
    pool.truncate(rng.random_range(4..=12));
    pool.into_iter().map(str::to_owned).collect()
}

fn links(rng: &mut impl Rng, first: &str, last: &str, family: &Family) -> Vec<Link> {
    let handle = format!("{}-{}-{}", ascii(first), ascii(last), rng.random_range(10..9999));
    let mut out = Vec::new();
    if chance(rng, 0.6) {
        out.push(Link { kind: LinkKind::LinkedIn, url: format!("https://www.linkedin.com/in/{handle}") });
    }
    if ["Software", "Frontend", "Mobile", "Data", "Machine Learning", "DevOps"].contains(&family.name)
        && chance(rng, 0.35)
    {
        out.push(Link { kind: LinkKind::GitHub, url: format!("https://github.com/{handle}") });
    }
    if family.name == "Design" && chance(rng, 0.5) {
        out.push(Link { kind: LinkKind::Portfolio, url: format!("https://{handle}.portfolio.example") });
    }
    out
}

fn applications(rng: &mut impl Rng, c: &mut FullCandidate, org: &Org, record: &mut Activity) {
    let count = if c.candidate.profile_type == ProfileType::Applicant {
        rng.random_range(1..=3)
    } else {
        usize::from(chance(rng, 0.08))
    };
    for job in org.jobs.choose_multiple(rng, count) {
        let status = *HIRING_STATUSES.choose(rng).expect("statuses");
        let withdrawn = status != "Hired" && chance(rng, 0.05);
        let at = record.when(rng);
        if status == "Hired" {
            record.engage_at(Engagement::Hired, at);
        }
        c.applications.push(Application {
            job_id: job.id,
            candidate_id: c.candidate.id,
            bin: (*ATS_BINS.choose(rng).expect("bins")).to_owned(),
            hiring_status: if withdrawn { "Withdrawn".into() } else { status.into() },
            status_at: at,
            withdrawn,
        });
    }
}

/// Emails and invites that were sent, with their tracking, and the engagements they bring.
fn outreach(rng: &mut impl Rng, c: &mut FullCandidate, org: &Org, record: &mut Activity) {
    if c.candidate.profile.email.is_none() || !chance(rng, 0.3) {
        return;
    }
    let first = c.candidate.profile.first_name.clone();
    for _ in 0..rng.random_range(1..=2) {
        let sender = org.users().nth(rng.random_range(0..4)).expect("users");
        let sent_at = record.when(rng);
        let (kind, engagement, job) = match rng.random_range(0..3) {
            0 => (MessageKind::Direct, Engagement::SentDirectEmail, None),
            1 => (MessageKind::Campaign, Engagement::SentCampaignEmail, None),
            _ => (
                MessageKind::InviteToApply,
                Engagement::SentInviteToApply,
                org.jobs.iter().filter(|j| j.open).collect::<Vec<_>>().choose(rng).map(|j| (j.id, j.title.clone())),
            ),
        };
        record.engage_at(engagement, sent_at);
        let (subject, body) = match (&kind, &job) {
            (MessageKind::InviteToApply, Some((_, title))) => (
                format!("{first}, an opening for a {title}"),
                format!(
                    "Hi {first},\n\nYour background stood out to us and we think you'd be a great fit for our {title} role. Would you consider applying?\n\nBest,\n{}",
                    sender.name
                ),
            ),
            (MessageKind::Campaign, _) => (
                "New roles this month at Acme".to_owned(),
                format!(
                    "Hi {first},\n\nHere are this month's open roles that match your interests.\n\nThe Acme Talent team"
                ),
            ),
            _ => (
                format!("Quick chat, {first}?"),
                format!(
                    "Hi {first},\n\nI came across your profile and would love to tell you about a few teams that are hiring. Do you have 20 minutes this week?\n\n{}",
                    sender.name
                ),
            ),
        };
        let later = |rng: &mut dyn rand::RngCore, p: f64, after: Timestamp| {
            rng.random_bool(p).then(|| after + Duration::minutes(rng.random_range(1..5000)))
        };
        let bounced = later(rng, 0.03, sent_at);
        let delivered =
            if bounced.is_some() { None } else { Some(sent_at + Duration::seconds(rng.random_range(1..90))) };
        let opened = delivered.and_then(|d| later(rng, 0.55, d));
        let clicked = opened.and_then(|o| later(rng, 0.3, o));
        c.messages.push(Message {
            send_id: id_at(rng, sent_at),
            candidate_id: c.candidate.id,
            channel: Channel::Email,
            kind,
            sender_id: sender.id,
            campaign_id: (kind == MessageKind::Campaign)
                .then_some(Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0005_0001)),
            job_id: job.map(|j| j.0),
            subject,
            body,
            queued_at: sent_at,
            sent_at: Some(sent_at),
            delivered_at: delivered,
            opened_at: opened,
            clicked_at: clicked,
            bounced_at: bounced,
            check_in_code: None,
            failure: None,
        });
    }
}

fn memberships(rng: &mut impl Rng, c: &mut FullCandidate, org: &Org) {
    if chance(rng, 0.15) {
        let n = rng.random_range(1..=2);
        for p in org.pipelines.choose_multiple(rng, n) {
            let reviewed = chance(rng, 0.6);
            let status = if reviewed {
                p.statuses.choose(rng).cloned().unwrap_or_default()
            } else {
                p.initial_status().to_owned()
            };
            let added_at = c.candidate.created_at
                + Duration::minutes(
                    rng.random_range(0..=(c.candidate.updated_at - c.candidate.created_at).num_minutes().max(0)),
                );
            c.pipelines.push(PipelineMember { pipeline_id: p.id, status, reviewed, added_at, status_at: added_at });
        }
    }
    let attendee = c.candidate.profile_type == ProfileType::EventAttendee;
    if attendee || chance(rng, 0.05) {
        let e = org.events.choose(rng).expect("events");
        c.events.push(membership(rng, c, org, e, attendee));
    }
}

/// Someone on an event's list: registered ahead (by a recruiter, the sign-up page or an
/// import) or a walk-in; checked in at the door during the day when the event has happened;
/// rated by a recruiter or two; with a few areas of interest.
fn membership(rng: &mut impl Rng, c: &FullCandidate, org: &Org, e: &Event, attendee: bool) -> EventMember {
    let mut m = EventMember::new(e.id);
    let held = e.starts_at < crate::org::reference_time();
    let came = held && (attendee || chance(rng, 0.4));
    let door = e.starts_at + Duration::minutes(rng.random_range(0..360));
    if !came || chance(rng, 0.8) {
        let via =
            *[RegistrationVia::Recruiter, RegistrationVia::SignUp, RegistrationVia::Import].choose(rng).expect("ways");
        m.register(e.starts_at - Duration::days(rng.random_range(1..30)), via);
    } else {
        m.register(door, RegistrationVia::WalkIn);
        m.walk_in = true;
        m.follow_up = c.candidate.profile.email.is_none();
    }
    if came {
        let recruiters: Vec<&User> = org.users().collect();
        m.check_in(door, &recruiters.choose(rng).expect("users").email);
        if chance(rng, 0.5) {
            let raters: Vec<String> = {
                let n = rng.random_range(1..=2);
                recruiters.choose_multiple(rng, n).map(|r| r.email.clone()).collect()
            };
            for r in raters {
                m.rate(&r, rng.random_range(1..=5));
            }
        }
    }
    let n = rng.random_range(0..=3);
    m.interests = org.areas_of_interest.choose_multiple(rng, n).cloned().collect();
    m
}

fn notes(rng: &mut impl Rng, c: &mut FullCandidate, org: &Org) {
    let texts = [
        "Strong communicator; keep warm for the next senior opening.",
        "Phone screen went well. Salary expectations slightly above band.",
        "Prefers hybrid; open to relocation within the EU.",
        "Referred by a current employee on the platform team.",
        "Not looking right now — check back in six months.",
        "Impressive portfolio. Follow up after the design review.",
    ];
    for _ in 0..rng.random_range(1..=2) {
        let author = org.users().nth(rng.random_range(0..4)).expect("users");
        let at = c.candidate.created_at
            + Duration::minutes(
                rng.random_range(0..=(c.candidate.updated_at - c.candidate.created_at).num_minutes().max(0)),
            );
        c.notes.push(Note {
            id: id_at(rng, at),
            candidate_id: c.candidate.id,
            author_id: author.id,
            body: (*texts.choose(rng).expect("notes")).to_owned(),
            private: chance(rng, 0.3),
            created_at: at,
            updated_at: at,
        });
    }
}

/// Resume text as a parser would extract it from a one-column PDF.
fn resume(p: &Profile) -> String {
    let mut out = format!("{}\n", p.full_name());
    let contact: Vec<&str> = [p.email.as_deref(), p.phone.as_deref()].into_iter().flatten().collect();
    out.push_str(&format!("{} · {}\n\n", p.location.display(), contact.join(" · ")));
    out.push_str("EXPERIENCE\n");
    for e in &p.employment {
        let end = e.end.clone().unwrap_or_else(|| "Present".into());
        out.push_str(&format!("{} — {}, {} to {}\n", e.title, e.employer, e.start.as_deref().unwrap_or(""), end));
    }
    out.push_str("\nEDUCATION\n");
    for e in &p.education {
        out.push_str(&format!("{}, {} in {} ({})\n", e.school, e.degree, e.major, e.end.as_deref().unwrap_or("")));
    }
    out.push_str(&format!("\nSKILLS\n{}\n", p.skills.join(", ")));
    out
}

/// The insert, and for some candidates a later edit by a recruiter whose values the profile
/// now holds (so History can show the profile before and after).
fn history(rng: &mut impl Rng, c: &mut FullCandidate, org: &Org) {
    let creator = match c.candidate.owner_id {
        Some(owner) => org.users().find(|u| u.id == owner).map(|u| u.email.clone()).unwrap_or_default(),
        None => "career-site@acme-talent.example".to_owned(),
    };
    c.history.push(HistoryDraft {
        action: HistoryAction::Insert,
        actor_email: creator,
        at: c.candidate.created_at,
        changes: Vec::new(),
        summary: None,
        detail: None,
        visible_to: None,
    });
    let p = &c.candidate.profile;
    if p.employment.len() > 1 && chance(rng, 0.25) {
        let editor = org.users().nth(rng.random_range(0..4)).expect("users");
        let at = c.candidate.created_at + (c.candidate.updated_at - c.candidate.created_at) / 2;
        c.history.push(HistoryDraft {
            action: HistoryAction::Update,
            actor_email: editor.email.clone(),
            at,
            changes: vec![FieldChange {
                from: FieldValue::CurrentTitle(p.employment[1].title.clone()),
                to: FieldValue::CurrentTitle(p.current_title.clone()),
            }],
            summary: None,
            detail: None,
            visible_to: None,
        });
    }
    for m in &c.events {
        let (Some(at), Some(by)) = (m.checked_in_at, &m.checked_in_by) else { continue };
        let name = org.events.iter().find(|e| e.id == m.event_id).map_or("an event", |e| e.name.as_str());
        let event = name.to_owned();
        let detail = if m.walk_in {
            HistoryDetail::WalkedIn { event, kiosk: false }
        } else {
            HistoryDetail::CheckedIn { event, kiosk: false }
        };
        c.history.push(HistoryDraft {
            action: HistoryAction::Event,
            actor_email: by.clone(),
            at,
            changes: Vec::new(),
            summary: Some(detail.describe()),
            detail: Some(detail),
            visible_to: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::ascii;

    #[test]
    fn an_email_handle_keeps_every_letter_of_the_name() {
        assert_eq!(ascii("Łukasz"), "lukasz");
        assert_eq!(ascii("Kamińska"), "kaminska");
        assert_eq!(ascii("Søren Weiß"), "sorenweiss");
        assert_eq!(ascii("Gonçalves"), "goncalves");
    }
}
