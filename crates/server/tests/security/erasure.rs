//! Erasure that is complete: no trace of a deleted person in any table or the document store
//! (a folder, or S3: the test runs on both).
//! A candidate is given everything that can hold their data on the server (a note, a resume,
//! emails sent and put off, a tracked link, refused changes that quote them, a conflict), then
//! deleted; every text of every table and every content kept is searched for them.

use std::time::Duration;

use reqwest::StatusCode;
use sqlx::PgPool;
use talentdesk_domain::candidate::{FieldValue, Profile, ProfileType};
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_server::config::Config;
use talentdesk_server::testing::Backend;
use talentdesk_sync::wire::PushOutcome;
use uuid::Uuid;

use crate::blobs::{attach, download, eventually, sha256, stored, upload};
use crate::support::smtp::{received, smtp_sink, unfold};
use crate::support::{TestServer, create_candidate, numbered, on_each_backend};

const FIRST: &str = "Wilhelmina";
const LAST: &str = "Quorrelsby";
const FULL_NAME: &str = "Wilhelmina Quorrelsby";
/// Delivered: the email with the tracked link goes here.
const EMAIL: &str = "w.quorrelsby@example.org";
/// The relay puts this one off, quoting it in its error ("later…", see `smtp_sink.py`).
const LATER_EMAIL: &str = "later.quorrelsby@example.org";
const PHONE: &str = "+44 20 7946 0958";
/// The values of a conflict: a teammate's phone and the one written over it.
const THEIR_PHONE: &str = "+44 20 7946 0959";
const OUR_PHONE: &str = "+44 20 7946 0960";
const NEEDLES: [&str; 7] = [LAST, FULL_NAME, EMAIL, LATER_EMAIL, PHONE, THEIR_PHONE, OUR_PHONE];

/// Every text, JSON and bytes column of every table, as (table, column, expression as text).
async fn columns(pool: &PgPool) -> Vec<(String, String, String)> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT c.table_name::text, c.column_name::text, c.data_type::text FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
         WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
           AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    rows.into_iter()
        .map(|(table, column, kind)| {
            let text = match kind.as_str() {
                "bytea" => format!("encode(\"{column}\", 'escape')"),
                _ => format!("\"{column}\"::text"),
            };
            (table, column, text)
        })
        .collect()
}

/// Where in the database and the document store a needle is found, ignoring case.
async fn traces(server: &TestServer) -> Vec<String> {
    let mut found = Vec::new();
    for (table, column, text) in columns(&server.server.pool).await {
        for needle in NEEDLES {
            let sql = format!("SELECT count(*) FROM \"{table}\" WHERE {text} ILIKE '%' || $1 || '%'");
            let count: i64 =
                sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(needle).fetch_one(&server.server.pool).await.unwrap();
            if count > 0 {
                found.push(format!("{table}.{column}: {needle}"));
            }
        }
    }
    for (kept, bytes) in server.blobs.contents().await {
        let bytes = bytes.to_ascii_lowercase();
        for needle in NEEDLES {
            let lower = needle.to_ascii_lowercase().into_bytes();
            if bytes.windows(lower.len()).any(|w| w == lower) {
                found.push(format!("document store {}/{}: {needle}", kept.org, kept.sha256));
            }
        }
    }
    found
}

fn update(candidate_id: Uuid, from: FieldValue, to: FieldValue) -> Mutation {
    Mutation::CandidateUpdate { candidate_id, changes: vec![FieldChange { from, to }] }
}

fn phone(value: &str) -> FieldValue {
    FieldValue::Phone(Some(value.into()))
}

fn email_to(candidate: Uuid, body: &str) -> Mutation {
    Mutation::EmailSend {
        send_id: Uuid::now_v7(),
        selection: Selection::ids([candidate]),
        subject: "A role for you".into(),
        body: body.into(),
    }
}

on_each_backend!(a_deleted_candidate_leaves_no_trace_in_any_table_or_the_document_store);

async fn a_deleted_candidate_leaves_no_trace_in_any_table_or_the_document_store(backend: Backend) {
    let sink = smtp_sink();
    let server = TestServer::start_on(backend, |c| Config {
        smtp_url: Some(format!("smtp://127.0.0.1:{}", sink.port)),
        delivery_interval_ms: 50,
        public_url: "http://crm.example".into(),
        ..c
    })
    .await;
    let (rita, omar, admin) = (&server.recruiter, &server.other_recruiter, &server.admin);
    let (person, other) = (Uuid::now_v7(), Uuid::now_v7());
    let profile = Profile {
        first_name: FIRST.into(),
        last_name: LAST.into(),
        email: Some(EMAIL.into()),
        phone: Some(PHONE.into()),
        ..Profile::default()
    };
    let resume = format!("%PDF-1.4 {FULL_NAME} {EMAIL} {PHONE}").into_bytes();
    let kept_resume = b"%PDF-1.4 Bo Lindqvist".to_vec();
    assert_eq!(upload(&server, rita, &resume).await.0, StatusCode::CREATED);
    assert_eq!(upload(&server, rita, &kept_resume).await.0, StatusCode::CREATED);
    server
        .push(
            rita,
            &numbered(
                1,
                [
                    Mutation::CandidateCreate {
                        candidate_id: person,
                        profile,
                        profile_type: ProfileType::RecruiterGenerated,
                    },
                    create_candidate(other, "Bo", "Lindqvist", Some("bo@example.org")),
                    Mutation::NoteAdd {
                        note_id: Uuid::now_v7(),
                        candidate_id: person,
                        body: format!("Called {FIRST} on {PHONE}"),
                        private: false,
                    },
                    attach(person, &format!("{LAST} CV.pdf"), &resume),
                    attach(other, "cv.pdf", &kept_resume),
                    email_to(person, "Dear Wilhelmina, see https://acme.example/jobs/7"),
                ],
            ),
        )
        .await;

    // The email is delivered with a tracked link, which leads on.
    let mut eml = String::new();
    eventually("the email is delivered", async || {
        eml = received(&sink).into_iter().find(|m| m.contains(EMAIL)).unwrap_or_default();
        !eml.is_empty()
    })
    .await;
    let token: String =
        unfold(&eml).split("http://crm.example/t/c/").nth(1).expect("a tracked link").chars().take(32).collect();
    let plain = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let click = format!("{}/t/c/{token}/0", server.url);
    assert_eq!(plain.get(&click).send().await.unwrap().status(), StatusCode::FOUND);

    // Refused changes whose reasons quote them: a tag spelled as their name, an email to them
    // while deactivated, an email address with a typo.
    server.push(admin, &numbered(1, [Mutation::SetActive { candidate_id: person, active: false }])).await;
    let refusals = numbered(
        7,
        [
            Mutation::TagsAdd { selection: Selection::ids([person]), tags: vec![FULL_NAME.into()] },
            email_to(person, "Hello again"),
            update(person, FieldValue::Email(Some(EMAIL.into())), FieldValue::Email(Some(format!("{EMAIL} x")))),
        ],
    );
    let refused = server.push(rita, &refusals).await;
    assert!(refused.results.iter().all(|r| matches!(r.outcome, PushOutcome::Rejected { .. })), "{refused:?}");
    server.push(admin, &numbered(2, [Mutation::SetActive { candidate_id: person, active: true }])).await;

    // A conflict: Omar changes the phone, Rita then writes over it from the old value.
    server.push(omar, &numbered(1, [update(person, phone(PHONE), phone(THEIR_PHONE))])).await;
    let conflicted = server.push(rita, &numbered(10, [update(person, phone(PHONE), phone(OUR_PHONE))])).await;
    assert!(
        matches!(&conflicted.results[0].outcome, PushOutcome::Applied { conflicts, .. } if !conflicts.is_empty()),
        "{conflicted:?}"
    );

    // An email the relay puts off, its error quoting the new address.
    let new_email = update(person, FieldValue::Email(Some(EMAIL.into())), FieldValue::Email(Some(LATER_EMAIL.into())));
    server.push(rita, &numbered(11, [new_email, email_to(person, "Are you there?")])).await;
    let pool = server.server.pool.clone();
    eventually("the relay puts the second email off", async || {
        let errors: Vec<String> = sqlx::query_scalar("SELECT last_error FROM deliveries WHERE last_error IS NOT NULL")
            .fetch_all(&pool)
            .await
            .unwrap();
        errors.iter().any(|e| e.contains(LATER_EMAIL))
    })
    .await;

    let before = traces(&server).await;
    for (needle, place) in [
        (LAST, "records"),
        (LATER_EMAIL, "deliveries.last_error"),
        (THEIR_PHONE, "mutations.outcome"),
        (FULL_NAME, "mutations.outcome"),
        (LAST, "document store"),
    ] {
        assert!(
            before.iter().any(|t| t.contains(place) && t.ends_with(needle)),
            "the scan finds {needle} in {place} before the deletion: {before:#?}"
        );
    }

    server.push(admin, &numbered(3, [Mutation::CandidateDelete { selection: Selection::ids([person]) }])).await;

    let resume_hash = sha256(&resume);
    eventually("the resume's bytes are removed", async || !stored(&server, &resume_hash).await).await;
    // Emails put off are not tried again meanwhile (their message is gone).
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(traces(&server).await, Vec::<String>::new(), "no trace after the deletion");
    assert_eq!(plain.get(&click).send().await.unwrap().status(), StatusCode::NOT_FOUND, "the link leads nowhere");
    assert_eq!(download(&server, rita, &resume_hash).await.0, StatusCode::NOT_FOUND);
    assert_eq!(download(&server, rita, &sha256(&kept_resume)).await, (StatusCode::OK, kept_resume));

    // A replay still gets its answer, without the person in it.
    let replay = server.push(rita, &refusals[..1]).await;
    let PushOutcome::Rejected { reason } = &replay.results[0].outcome else { panic!("{replay:?}") };
    assert!(reason.to_string().contains("[erased]"), "{reason}");
}
