//! The talent-community sign-up page on a real server and PostgreSQL: a sign-up with a resume
//! makes a candidate of their own (engagements, parsed fields, the document, the event's
//! registration, the confirmation), and the abuse cases: a known address (the same page, an
//! email, nothing of theirs shown or overwritten), a script in a field, the honeypot, rate
//! limits, resumes that are too large, not resumes or hostile, and no consent.

mod support;

use std::io::Write;

use reqwest::StatusCode;
use sha2::{Digest, Sha256};
use support::{TestServer, create_candidate, numbered};
use talentdesk_domain::activity::Engagement;
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_domain::attendance::RegistrationVia;
use talentdesk_domain::candidate::ProfileType;
use talentdesk_domain::document::{Document, DocumentKind};
use talentdesk_domain::event::{Event, EventCategory};
use talentdesk_domain::history::HistoryEntry;
use talentdesk_domain::message::Message;
use talentdesk_domain::mutation::Mutation;
use talentdesk_server::config::Config;
use talentdesk_sync::wire::RecordKind;
use uuid::Uuid;

/// A resume from the parser's corpus, with what it says.
const RESUME: &str = "en-accountant-table.pdf";

fn resume_bytes() -> Vec<u8> {
    std::fs::read(format!("{}/../../tests/resumes/files/{RESUME}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The server with its own binary as the resume reader and the limits `adjust` sets.
async fn server_with(adjust: impl FnOnce(&mut talentdesk_server::signup::Settings)) -> TestServer {
    TestServer::start_with(|c| {
        let mut signup = talentdesk_server::signup::Settings {
            resume_reader: Some(env!("CARGO_BIN_EXE_talentdesk-server").into()),
            ..c.signup.clone()
        };
        adjust(&mut signup);
        Config { signup, ..c }
    })
    .await
}

async fn server() -> TestServer {
    server_with(|_| {}).await
}

/// The org's areas of interest, set by its admin.
async fn offer_areas(server: &TestServer, seq: i64) {
    let interests = vec!["Data Science".to_owned(), "Finance".to_owned()];
    server.push(&server.admin, &numbered(seq, [Mutation::SetInterests { interests }])).await;
}

/// A form as a browser sends it: text fields, then the resume (a file part, empty when none).
struct Form {
    fields: Vec<(String, String)>,
    resume: Option<(String, Vec<u8>)>,
}

impl Form {
    fn new(name: &str, email: &str) -> Self {
        Self { fields: vec![("name".into(), name.into()), ("email".into(), email.into())], resume: None }
    }

    fn with(mut self, field: &str, value: &str) -> Self {
        self.fields.push((field.into(), value.into()));
        self
    }

    fn resume(mut self, file: &str, bytes: Vec<u8>) -> Self {
        self.resume = Some((file.into(), bytes));
        self
    }

    fn body(&self) -> (String, Vec<u8>) {
        let boundary = "----talentdesk-test-boundary-7f3a";
        let mut body = Vec::new();
        for (name, value) in &self.fields {
            write!(body, "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").unwrap();
        }
        let (file, bytes) = self.resume.clone().unwrap_or_default();
        write!(
            body,
            "--{boundary}\r\nContent-Disposition: form-data; name=\"resume\"; filename=\"{file}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .unwrap();
        body.extend_from_slice(&bytes);
        write!(body, "\r\n--{boundary}--\r\n").unwrap();
        (format!("multipart/form-data; boundary={boundary}"), body)
    }
}

/// Sends the form to `path` (`/join/acme` and the like) and waits until what it took is
/// applied; the status and page.
async fn send(server: &TestServer, path: &str, form: &Form) -> (StatusCode, String) {
    let answer = send_only(server, path, form).await;
    server.sign_ups_applied().await;
    answer
}

/// Sends the form; the status and page, as soon as the page answers.
async fn send_only(server: &TestServer, path: &str, form: &Form) -> (StatusCode, String) {
    send_with(server, path, form, &[]).await
}

/// Sends the form with the headers given (where a browser says it comes from).
async fn send_with(server: &TestServer, path: &str, form: &Form, headers: &[(&str, &str)]) -> (StatusCode, String) {
    let (content_type, body) = form.body();
    let mut request = server
        .http
        .post(format!("{}{path}", server.url))
        .header(reqwest::header::CONTENT_TYPE, content_type)
        .header(reqwest::header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
        .body(body);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = support::send_racing_early_refusal(request).await;
    let status = response.status();
    (status, response.text().await.unwrap())
}

async fn candidates(server: &TestServer) -> Vec<CandidateAggregate> {
    let mut latest = std::collections::BTreeMap::new();
    for c in server.records::<CandidateAggregate>(RecordKind::Candidate).await {
        latest.insert(c.id(), c);
    }
    latest.into_values().collect()
}

async fn with_email(server: &TestServer, email: &str) -> Vec<CandidateAggregate> {
    let all = candidates(server).await;
    all.into_iter().filter(|c| c.candidate.profile.email.as_deref() == Some(email)).collect()
}

const THANKS: &str = "We have received your details.";

#[tokio::test(flavor = "multi_thread")]
async fn a_sign_up_with_a_resume_on_an_event_page_makes_a_candidate_of_their_own() {
    let server = server().await;
    offer_areas(&server, 1).await;
    let fair =
        Event::new(Uuid::now_v7(), "Autumn Finance Fair", EventCategory::CareerFair, chrono::Utc::now(), "Hall B");
    server.push(&server.admin, &numbered(2, [Mutation::EventCreate { event: fair.clone() }])).await;

    let page = server.http.get(format!("{}/join/acme/events/{}", server.url, fair.id)).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let csp = page.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.contains("default-src 'none'"), "no script runs on the page: {csp}");
    let html = page.text().await.unwrap();
    for shown in ["Register for Autumn Finance Fair", "Hall B", "Finance", "Data Science", "name=\"viewport\"", "Acme"]
    {
        assert!(html.contains(shown), "{shown} in {html}");
    }

    let pdf = resume_bytes();
    let form = Form::new("Priya Raghunathan", "Priya.Raghunathan@example.co.uk")
        .with("phone", "+44 161 496 0735")
        .with("location", "Manchester, United Kingdom")
        .with("linkedin", "https://www.linkedin.com/in/priya-r")
        .with("interests", "Finance")
        .with("consent", "yes")
        .resume(RESUME, pdf.clone());
    let (status, html) = send(&server, &format!("/join/acme/events/{}", fair.id), &form).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("You are registered for Autumn Finance Fair"), "{html}");

    let [priya] = &with_email(&server, "Priya.Raghunathan@example.co.uk").await[..] else { panic!("one candidate") };
    let c = &priya.candidate;
    assert_eq!(c.profile_type, ProfileType::CandidateAuthenticated);
    assert!(c.engagements.contains(Engagement::CandidateAuthenticated));
    assert!(c.engagements.contains(Engagement::CandidateOptIn), "they consented");
    assert!(!c.engagements.contains(Engagement::RecruiterGenerated), "no recruiter made them");
    assert!(c.subscribed);
    assert_eq!((c.profile.first_name.as_str(), c.profile.last_name.as_str()), ("Priya", "Raghunathan"));
    assert_eq!(c.profile.location.city, "Manchester");
    assert_eq!(c.profile.interests, ["Finance"]);
    assert!(c.profile.links.iter().any(|l| l.url == "https://www.linkedin.com/in/priya-r"));
    // What the resume says, read on the server.
    assert!(c.profile.skills.iter().any(|s| s == "IFRS"), "{:?}", c.profile.skills);
    assert!(c.profile.employment.iter().any(|j| j.employer.contains("Northbridge")), "{:?}", c.profile.employment);

    let [event] = &priya.events[..] else { panic!("registered once: {:?}", priya.events) };
    assert_eq!(event.event_id, fair.id);
    assert!(event.registered && !event.attended);
    assert_eq!(event.registered_via, Some(RegistrationVia::SignUp));

    let documents: Vec<Document> = server.records(RecordKind::Document).await;
    let [resume] = &documents[..] else { panic!("one document: {documents:?}") };
    assert_eq!((resume.candidate_id, resume.kind, resume.name.as_str()), (c.id, DocumentKind::Resume, RESUME));
    assert_eq!(resume.sha256, hex::encode(Sha256::digest(&pdf)));
    // The bytes are kept like a desktop's upload: a recruiter opens the document.
    let bytes = server
        .http
        .get(format!("{}/v1/blobs/{}", server.url, resume.sha256))
        .bearer_auth(&server.recruiter.token)
        .send()
        .await
        .unwrap();
    assert_eq!(bytes.status(), StatusCode::OK);
    assert_eq!(bytes.bytes().await.unwrap().as_ref(), pdf.as_slice());

    let messages: Vec<Message> = server.records(RecordKind::Message).await;
    let [welcome] = &messages[..] else { panic!("one confirmation: {messages:?}") };
    assert_eq!((welcome.candidate_id, welcome.subject.as_str()), (c.id, "Welcome to the Acme talent community"));
    assert!(welcome.body.contains("thank you") && welcome.body.contains("Autumn Finance Fair"), "{}", welcome.body);
    // Nothing typed into the form: the address may be a stranger's.
    assert!(!welcome.body.contains("Priya"), "{}", welcome.body);

    let history: Vec<HistoryEntry> = server.records(RecordKind::History).await;
    assert!(!history.is_empty() && history.iter().all(|h| h.actor_email == "Candidate (self-service)"), "{history:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_known_address_gets_the_same_page_and_an_email_and_keeps_its_profile() {
    let server = server().await;
    offer_areas(&server, 1).await;
    let ana = Uuid::now_v7();
    let mut known = create_candidate(ana, "Ana", "Souza", Some("ana@example.com"));
    if let Mutation::CandidateCreate { profile, .. } = &mut known {
        profile.phone = Some("+49 30 1234567".into());
    }
    server.push(&server.recruiter, &numbered(1, [known])).await;
    let before = server.candidate(ana).await;

    // A stranger types Ana's address with their own details, consent and a resume; someone new
    // sending the same with their own address gets the very same answer.
    let mallory = |email: &str| {
        Form::new("Mallory Evil", email)
            .with("phone", "+1 555 0100 999")
            .with("interests", "Data Science")
            .with("consent", "yes")
            .resume(RESUME, resume_bytes())
    };
    let (status, page) = send(&server, "/join/acme", &mallory("ANA@example.com ")).await;
    let (new_status, new_page) = send(&server, "/join/acme", &mallory("mallory@example.com")).await;
    assert_eq!((status, new_status), (StatusCode::OK, StatusCode::OK), "{page}");
    assert_eq!(page, new_page, "the answer tells nothing about the address");
    for theirs in ["Ana", "Souza", "1234567"] {
        assert!(!page.contains(theirs), "{theirs} leaked: {page}");
    }

    let after = server.candidate(ana).await;
    assert_eq!(with_email(&server, "ANA@example.com ").await.len(), 0, "no second candidate");
    let (b, a) = (&before.candidate, &after.candidate);
    assert_eq!((a.profile.first_name.as_str(), a.profile.phone.as_deref()), ("Ana", Some("+49 30 1234567")));
    assert_eq!(a.profile.interests, ["Data Science"], "an area of interest is what may be added");
    assert_eq!((a.engagements, a.subscribed, a.profile_type), (b.engagements, b.subscribed, b.profile_type));
    assert!(!a.engagements.contains(Engagement::CandidateOptIn), "a stranger's consent is not hers");
    let documents: Vec<Document> = server.records(RecordKind::Document).await;
    assert!(documents.iter().all(|d| d.candidate_id != ana), "no file of the stranger's on her profile");

    // Ana hears of it, at her address, without her details in it.
    let messages: Vec<Message> = server.records(RecordKind::Message).await;
    let to_ana: Vec<&Message> = messages.iter().filter(|m| m.candidate_id == ana).collect();
    let [mail] = &to_ana[..] else { panic!("one email to Ana: {messages:?}") };
    assert_eq!(mail.subject, "Your sign-up with Acme");
    assert!(mail.body.contains("someone, probably you") && !mail.body.contains("Mallory"), "{}", mail.body);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_answer_does_not_depend_on_whether_the_address_is_known_even_when_a_resume_cannot_be_kept() {
    // The org's documents are at their quota: a new person's resume cannot be stored, a known
    // person's is never stored. The page must not tell the two apart by that either.
    let server = TestServer::start_with(|c| Config {
        max_org_blob_bytes: 1_000,
        signup: talentdesk_server::signup::Settings {
            resume_reader: Some(env!("CARGO_BIN_EXE_talentdesk-server").into()),
            ..c.signup.clone()
        },
        ..c
    })
    .await;
    let ana = Uuid::now_v7();
    server
        .push(&server.recruiter, &numbered(1, [create_candidate(ana, "Ana", "Souza", Some("ana@example.com"))]))
        .await;

    let form = |email: &str| Form::new("Mallory Evil", email).with("consent", "yes").resume(RESUME, resume_bytes());
    let (known_status, known_page) = send_only(&server, "/join/acme", &form("ana@example.com")).await;
    let (new_status, new_page) = send_only(&server, "/join/acme", &form("mallory@example.com")).await;
    assert_eq!((known_status, new_status), (StatusCode::OK, StatusCode::OK), "{new_page}");
    assert_eq!(known_page.as_bytes(), new_page.as_bytes(), "the same bytes for a known and a new address");
    assert!(new_page.contains(THANKS), "{new_page}");

    // And the work is done: Mallory is a candidate (without the document the quota refused),
    // Ana is told someone used her address.
    server.sign_ups_applied().await;
    let [mallory] = &with_email(&server, "mallory@example.com").await[..] else { panic!("one new candidate") };
    let documents: Vec<Document> = server.records(RecordKind::Document).await;
    assert!(documents.is_empty(), "{documents:?}");
    let messages: Vec<Message> = server.records(RecordKind::Message).await;
    let subjects =
        |id: Uuid| messages.iter().filter(|m| m.candidate_id == id).map(|m| m.subject.clone()).collect::<Vec<_>>();
    assert_eq!(subjects(ana), ["Your sign-up with Acme"]);
    assert_eq!(subjects(mallory.id()), ["Welcome to the Acme talent community"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn two_processes_apply_each_form_once_and_one_left_by_a_dead_process_is_not_applied_twice() {
    let server = server().await;
    // A second process on the same database, as behind a balancer: both workers claim forms.
    let other = talentdesk_server::app::start(support::config(&server.database_url)).await.unwrap();
    let other_url = format!("http://{}", other.addr);
    let mut sent = Vec::new();
    for n in 0..12 {
        let form = Form::new(&format!("Person Number{n}"), &format!("p{n}@example.com"));
        let (content_type, body) = form.body();
        let base = if n % 2 == 0 { &server.url } else { &other_url };
        let request = server
            .http
            .post(format!("{base}/join/acme"))
            .header(reqwest::header::CONTENT_TYPE, content_type)
            .body(body);
        sent.push(tokio::spawn(request.send()));
    }
    for answer in sent {
        assert_eq!(answer.await.unwrap().unwrap().status(), StatusCode::OK);
    }
    server.sign_ups_applied().await;
    let all = candidates(&server).await;
    assert_eq!(all.len(), 12, "each once");
    let messages: Vec<Message> = server.records(RecordKind::Message).await;
    assert_eq!(messages.len(), 12, "one confirmation each");

    // A process died after applying a form but before forgetting it: its claim runs out, a
    // worker takes the form again, sees its confirmation there, and applies nothing twice.
    let applied = &messages[0];
    sqlx::query(
        "INSERT INTO signup_submissions
             (id, org_id, received_at, lang, form, send_id, candidate_id, attempts, next_attempt_at, claimed_until)
         SELECT $1, org_id, now(), 'en', $2, $3, $4, 1, now(), now() - interval '1 second'
         FROM records WHERE kind = 'message' LIMIT 1",
    )
    .bind(Uuid::now_v7())
    .bind(serde_json::json!({"checked": {
        "first_name": "Person", "last_name": "Again", "email": "p0@example.com", "phone": null,
        "location": {"city": "", "region": "", "country": ""}, "linkedin": null, "interests": [], "consent": false
    }, "resume_profile": null}))
    .bind(applied.send_id)
    .bind(Uuid::now_v7())
    .execute(&server.server.pool)
    .await
    .unwrap();
    server.sign_ups_applied().await;
    assert_eq!(candidates(&server).await.len(), 12);
    let messages: Vec<Message> = server.records(RecordKind::Message).await;
    assert_eq!(messages.len(), 12, "no second confirmation");
    // Seen as done, not tried and refused.
    let left: i64 =
        sqlx::query_scalar("SELECT count(*) FROM signup_submissions").fetch_one(&server.server.pool).await.unwrap();
    assert_eq!(left, 0);

    // A kept form this server cannot read (written by another version) is set aside with the
    // reason, and the forms after it are applied all the same.
    sqlx::query(
        "INSERT INTO signup_submissions (id, org_id, received_at, lang, form, send_id, candidate_id, next_attempt_at)
         SELECT $1, id, now(), 'en', '{\"checked\": 42}', $2, $3, now() FROM orgs WHERE slug = 'acme'",
    )
    .bind(Uuid::now_v7())
    .bind(Uuid::now_v7())
    .bind(Uuid::now_v7())
    .execute(&server.server.pool)
    .await
    .unwrap();
    send(&server, "/join/acme", &Form::new("Late Comer", "late@example.com")).await;
    assert_eq!(with_email(&server, "late@example.com").await.len(), 1);
    let refused: Vec<String> = sqlx::query_scalar("SELECT refused FROM signup_submissions WHERE refused IS NOT NULL")
        .fetch_all(&server.server.pool)
        .await
        .unwrap();
    assert!(matches!(&refused[..], [reason] if reason.contains("cannot be read")), "{refused:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_form_sent_from_another_site_is_refused_and_nothing_is_kept() {
    let server = server().await;
    let form = Form::new("Ivy Lane", "ivy@example.com");
    for headers in [
        &[("sec-fetch-site", "cross-site"), ("origin", "https://evil.example")][..],
        &[("sec-fetch-site", "same-site")][..],
        &[("origin", "https://evil.example")][..],
    ] {
        let (status, page) = send_with(&server, "/join/acme", &form, headers).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{headers:?}: {page}");
        assert!(
            page.contains("This form was sent from another site") && page.contains("nothing was changed"),
            "{page}"
        );
    }
    server.sign_ups_applied().await;
    assert!(candidates(&server).await.is_empty(), "nothing kept");
    let waiting: i64 =
        sqlx::query_scalar("SELECT count(*) FROM signup_submissions").fetch_one(&server.server.pool).await.unwrap();
    assert_eq!(waiting, 0);

    // From the page itself: taken.
    let origin = server.url.clone();
    let (status, page) =
        send_with(&server, "/join/acme", &form, &[("sec-fetch-site", "same-origin"), ("origin", &origin)]).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    server.sign_ups_applied().await;
    assert_eq!(with_email(&server, "ivy@example.com").await.len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_script_in_a_field_is_shown_as_text_everywhere() {
    let server = server().await;
    let script = "<script>alert(1)</script>";
    // Sent back with a problem: the typed name is in the page as text.
    let (status, page) = send(&server, "/join/acme", &Form::new(&format!("{script} Doe"), "not-an-email")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Doe"), "{page}");
    assert!(!page.contains(script), "{page}");
    assert!(page.contains("Please enter a valid email address"), "{page}");

    // Taken: stored as typed (a recruiter's window shows it as text), never echoed in HTML.
    let (status, page) = send(&server, "/join/acme", &Form::new(&format!("{script} Doe"), "x@example.com")).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(!page.contains("script"), "{page}");
    let [x] = &with_email(&server, "x@example.com").await[..] else { panic!("one candidate") };
    assert_eq!(x.candidate.profile.first_name, script);

    // An organisation's name is shown as text too, and makes its page's address.
    talentdesk_server::admin::create_org(&server.server.pool, "<b>Evil</b> & Co").await.unwrap();
    let page = server.http.get(format!("{}/join/b-evil-b-co", server.url)).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(page.contains("&lt;b&gt;Evil&lt;/b&gt; &amp; Co") && !page.contains("<b>Evil"), "{page}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_robot_filling_in_the_honeypot_is_thanked_and_nothing_is_kept() {
    let server = server().await;
    let robot = Form::new("Buy Now", "bot@example.com").with("website", "https://spam.example");
    let (status, page) = send(&server, "/join/acme", &robot).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(THANKS), "{page}");
    assert!(candidates(&server).await.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_ups_are_limited_per_address_and_per_email() {
    let server = server_with(|s| {
        s.per_address_per_hour = 3;
        s.per_email_per_hour = 1;
    })
    .await;
    let (first, _) = send(&server, "/join/acme", &Form::new("Bo One", "bo@example.com")).await;
    // The same address again: thanked, but nothing more happens (no second email to Bo).
    let (again, page) = send(&server, "/join/acme", &Form::new("Bo One", "bo@example.com")).await;
    assert_eq!((first, again), (StatusCode::OK, StatusCode::OK));
    assert!(page.contains(THANKS));
    let messages: Vec<Message> = server.records(RecordKind::Message).await;
    assert_eq!(messages.len(), 1, "one confirmation: {messages:?}");

    let (third, _) = send(&server, "/join/acme", &Form::new("Cy Two", "cy@example.com")).await;
    assert_eq!(third, StatusCode::OK);
    let (fourth, page) = send(&server, "/join/acme", &Form::new("Di Three", "di@example.com")).await;
    assert_eq!(fourth, StatusCode::TOO_MANY_REQUESTS);
    assert!(page.contains("Too many sign-ups came from your connection"), "{page}");
    assert!(with_email(&server, "di@example.com").await.is_empty());
}

/// A DOCX whose one part inflates to 64 MB of spaces (a zip bomb of a kind).
fn zip_bomb_docx() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(
        br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
    )
    .unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(b"<w:document><w:body><w:p><w:r><w:t>").unwrap();
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..64 {
        zip.write_all(&spaces).unwrap();
    }
    zip.write_all(b"</w:t></w:r></w:p></w:body></w:document>").unwrap();
    zip.finish().unwrap().into_inner()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_resume_too_large_not_a_resume_or_hostile_gets_a_clear_page_and_loses_nothing_typed() {
    let server = server_with(|s| s.max_resume_bytes = 200 * 1024).await;
    let typed = || Form::new("Eve Adams", "eve@example.com").with("location", "Lyon, France");
    let cases = [
        (
            "photo.pdf",
            vec![0x89, b'P', b'N', b'G', 13, 10, 26, 10, 0, 0, 0, 13],
            StatusCode::UNPROCESSABLE_ENTITY,
            "We could not read this file",
        ),
        ("cv.docx", zip_bomb_docx(), StatusCode::UNPROCESSABLE_ENTITY, "too large to read"),
        ("big.pdf", vec![b'%'; 300 * 1024], StatusCode::PAYLOAD_TOO_LARGE, "The file is larger than 1 MB"),
    ];
    for (file, bytes, status, said) in cases {
        let (got, page) = send(&server, "/join/acme", &typed().resume(file, bytes)).await;
        assert_eq!(got, status, "{file}: {page}");
        assert!(page.contains(said), "{file}: {said} in {page}");
        // The form comes back with what was typed, ready to send without the file.
        assert!(page.contains("value=\"Eve Adams\"") && page.contains("value=\"Lyon, France\""), "{file}: {page}");
        assert!(candidates(&server).await.is_empty(), "{file}: nothing kept");
    }
    let (status, page) = send(&server, "/join/acme", &typed()).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(with_email(&server, "eve@example.com").await.len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn without_consent_there_is_no_opt_in() {
    let server = server().await;
    let (status, _) = send(&server, "/join/acme", &Form::new("Fay Green", "fay@example.com")).await;
    assert_eq!(status, StatusCode::OK);
    let [fay] = &with_email(&server, "fay@example.com").await[..] else { panic!("one candidate") };
    assert!(fay.candidate.engagements.contains(Engagement::CandidateAuthenticated));
    assert!(!fay.candidate.engagements.contains(Engagement::CandidateOptIn));
    assert!(!fay.candidate.subscribed, "no campaigns without consent");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_page_speaks_german_words_the_admins_consent_and_is_not_found_elsewhere() {
    let server = server().await;
    let consent = "Acme darf mich kontaktieren. <Datenschutz>";
    server.push(&server.admin, &numbered(1, [Mutation::SetConsentText { text: Some(consent.into()) }])).await;
    let page = server
        .http
        .get(format!("{}/join/acme", server.url))
        .header(reqwest::header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9,en;q=0.5")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<html lang=\"de\">") && page.contains("Werden Sie Teil unseres Talent-Netzwerks"), "{page}");
    assert!(page.contains("Acme darf mich kontaktieren. &lt;Datenschutz&gt;"), "{page}");
    // A recruiter may not word it, nor claim from a desktop that someone signed up.
    let form = talentdesk_domain::signup::SignUpForm {
        candidate_id: Uuid::now_v7(),
        profile: talentdesk_domain::candidate::Profile { first_name: "Gus".into(), ..Default::default() },
        consent: true,
        event_id: None,
        resume: None,
        confirmation: None,
    };
    // Nor slipped inside an undo, nor take back someone's STOP to texts.
    let wrapped = Mutation::Undo { expect: Vec::new(), mutations: vec![Mutation::SignUp { form: form.clone() }] };
    let texts_back = Mutation::SetTextsOptedOut { candidate_id: form.candidate_id, opted_out: false };
    let refused = server
        .push(
            &server.recruiter,
            &numbered(1, [Mutation::SetConsentText { text: None }, Mutation::SignUp { form }, wrapped, texts_back]),
        )
        .await;
    assert_eq!(refused.results.len(), 4);
    for result in &refused.results {
        assert!(matches!(result.outcome, talentdesk_sync::wire::PushOutcome::Rejected { .. }), "{refused:?}");
    }
    assert!(candidates(&server).await.is_empty());

    // Where the page is, for the admin to publish.
    let address: talentdesk_sync::signup_page::SignUpPage = server
        .http
        .get(format!("{}/v1/sign-up-page", server.url))
        .bearer_auth(&server.recruiter.token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!((address.slug.as_str(), address.url.ends_with("/join/acme")), ("acme", true), "{address:?}");

    for path in ["/join/nobody", &format!("/join/acme/events/{}", Uuid::now_v7()), "/join/acme/events/not-an-id"] {
        let response = server.http.get(format!("{}{path}", server.url)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(response.text().await.unwrap().contains("There is no sign-up page at this address"), "{path}");
    }
}
