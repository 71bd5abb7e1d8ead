//! A candidate's own preferences, reached by the signed link every email carries: the email's
//! `List-Unsubscribe` header and footer (read from a real SMTP server), the one-click
//! unsubscribe a mail provider POSTs, the preferences page (areas of interest, asking to be
//! forgotten), and links that are forged, expired or someone else's, which open nothing.
//! Every change is the candidate's own (the self-service actor's) and reaches the desktops.

mod support;

use reqwest::StatusCode;
use support::smtp::{first_email, sending_to, smtp_sink};
use support::{TestServer, create_candidate, desktop, numbered, org_id};
use talentdesk_domain::activity::Engagement;
use talentdesk_domain::history::HistoryEntry;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_server::preferences::{self, Holder, Purpose, Secret};
use talentdesk_sync::wire::RecordKind;
use uuid::Uuid;

/// A client that shows each answer as it comes (no following of redirects).
fn browser() -> reqwest::Client {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

/// The token of a link to the candidate's preferences, as an email would carry it.
async fn token_for(server: &TestServer, candidate: Uuid) -> String {
    let org = org_id(server, "Acme").await;
    let config = support::config(&server.database_url);
    let mut conn = server.server.pool.acquire().await.unwrap();
    let link = preferences::link(&mut conn, &config, org, candidate).await.unwrap();
    link.rsplit_once("/preferences/").unwrap().1.to_owned()
}

/// A mail provider's RFC 8058 one-click POST of the link's `/unsubscribe` address.
async fn one_click(server: &TestServer, token: &str) -> reqwest::Response {
    browser()
        .post(format!("{}/unsubscribe/{token}", server.url))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap()
}

async fn history_of(server: &TestServer, candidate: Uuid) -> Vec<HistoryEntry> {
    let all: Vec<HistoryEntry> = server.records(RecordKind::History).await;
    all.into_iter().filter(|h| h.candidate_id == candidate).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_email_carries_a_one_click_unsubscribe_that_works_without_a_page() {
    let sink = smtp_sink();
    let server = TestServer::start_with(sending_to(&sink)).await;
    let ana = Uuid::now_v7();
    let send = Mutation::EmailSend {
        send_id: Uuid::now_v7(),
        selection: Selection::ids([ana]),
        subject: "A role for you".into(),
        body: "Hi Ana, see https://acme.example/jobs/1".into(),
    };
    let created = create_candidate(ana, "Ana", "Souza", Some("ana@example.com"));
    server.push(&server.recruiter, &numbered(1, [created, send])).await;
    let eml = first_email(&sink).await;

    // RFC 8058: the address to POST, and that a POST is all it takes.
    let header = eml.lines().find(|l| l.starts_with("List-Unsubscribe: ")).expect("a List-Unsubscribe header");
    let token = header
        .strip_prefix("List-Unsubscribe: <http://crm.example/unsubscribe/")
        .and_then(|rest| rest.strip_suffix('>'))
        .unwrap_or_else(|| panic!("one https address in angle brackets: {header}"));
    assert!(eml.lines().any(|l| l == "List-Unsubscribe-Post: List-Unsubscribe=One-Click"), "{eml}");
    // The footer leads to the person's page, in the text and in the HTML, untracked.
    let page = format!("http://crm.example/preferences/{token}");
    assert!(eml.contains(&format!("Unsubscribe or manage your preferences: {page}")), "{eml}");
    assert!(eml.contains(&format!("<a href=\"{page}\">Unsubscribe or manage your preferences</a>")), "{eml}");

    // A person following the header's address is led to the page; nothing changes by a GET.
    let http = browser();
    let followed = http.get(format!("{}/unsubscribe/{token}", server.url)).send().await.unwrap();
    assert_eq!(followed.status(), StatusCode::SEE_OTHER);
    assert_eq!(followed.headers()["location"], format!("/preferences/{token}"));
    assert!(server.candidate(ana).await.candidate.subscribed);

    // The mail provider's POST, as RFC 8058 has it: unsubscribed, no page in between.
    let one_click = one_click(&server, token).await;
    assert_eq!(one_click.status(), StatusCode::OK);
    assert!(one_click.text().await.unwrap().contains("You are unsubscribed"));
    let after = server.candidate(ana).await;
    assert!(!after.candidate.subscribed);
    assert!(after.engagement_times.contains_key(&Engagement::CandidateOptOut), "{:?}", after.engagement_times);
    // The candidate did it themselves, and history says so.
    let entry = history_of(&server, ana).await.into_iter().last().unwrap();
    assert_eq!(
        (entry.actor_email.as_str(), entry.summary.as_deref()),
        ("Candidate (self-service)", Some("Unsubscribed"))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn forged_expired_and_other_peoples_links_open_nothing_and_change_nothing() {
    let server = TestServer::start().await;
    let (ana, bo) = (Uuid::now_v7(), Uuid::now_v7());
    let people =
        [create_candidate(ana, "Ana", "Souza", Some("ana@example.com")), create_candidate(bo, "Bo", "Berg", None)];
    server.push(&server.recruiter, &numbered(1, people)).await;
    let good = token_for(&server, ana).await;
    let http = browser();
    let get = |token: String| http.get(format!("{}/preferences/{token}", server.url)).send();

    let ok = get(good.clone()).await.unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    assert!(ok.text().await.unwrap().contains("Hello Ana"));

    // One character changed anywhere: the candidate's id (someone else's page), the expiry,
    // the signature. Each is refused with a page that names nobody.
    let mut refused = Vec::new();
    for at in [30, 50, good.len() - 3] {
        let mut chars: Vec<char> = good.chars().collect();
        chars[at] = if chars[at] == 'A' { 'B' } else { 'A' };
        refused.push(chars.into_iter().collect::<String>());
    }
    refused.push(good[..good.len() - 1].to_owned());
    // A link this server signed with a secret that is not its own (another server's).
    let org = org_id(&server, "Acme").await;
    let until = chrono::Utc::now() + chrono::Duration::days(1);
    let foreign = Secret::new(b"another server's secret".to_vec());
    refused.push(foreign.sign(Holder { org, candidate: bo, purpose: Purpose::Preferences }, until));
    for token in refused {
        let page = get(token.clone()).await.unwrap();
        assert_eq!(page.status(), StatusCode::NOT_FOUND, "{token}");
        let html = page.text().await.unwrap();
        assert!(html.contains("This link does not work"), "{html}");
        assert!(!html.contains("Ana") && !html.contains("Bo"), "{html}");
        let posted = http.post(format!("{}/unsubscribe/{token}", server.url)).send().await.unwrap();
        assert_eq!(posted.status(), StatusCode::NOT_FOUND);
    }

    // Signed here, but its time is over.
    let config = support::config(&server.database_url);
    let secret = Secret::get(&mut server.server.pool.acquire().await.unwrap(), &config).await.unwrap();
    let past = chrono::Utc::now() - chrono::Duration::minutes(1);
    let expired = secret.sign(Holder { org, candidate: ana, purpose: Purpose::Preferences }, past);
    let page = get(expired.clone()).await.unwrap();
    assert_eq!(page.status(), StatusCode::GONE);
    let html = page.text().await.unwrap();
    assert!(html.contains("This link has expired") && !html.contains("Ana"), "{html}");
    let posted = http.post(format!("{}/preferences/{expired}", server.url)).form(&[("action", "unsubscribe")]).send();
    assert_eq!(posted.await.unwrap().status(), StatusCode::GONE);

    // Nothing was changed by any of them.
    for id in [ana, bo] {
        assert!(server.candidate(id).await.candidate.subscribed);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_person_chooses_areas_and_asks_to_be_forgotten_which_reaches_a_desktop_and_an_admin_approves() {
    let server = TestServer::start().await;
    let ana = Uuid::now_v7();
    let areas = Mutation::SetInterests { interests: vec!["Data".into(), "Design".into(), "Sales".into()] };
    server.push(&server.admin, &numbered(1, [areas])).await;
    let created = create_candidate(ana, "Ana <script>", "Souza", Some("ana@example.com"));
    server.push(&server.recruiter, &numbered(1, [created])).await;
    let token = token_for(&server, ana).await;
    let http = browser();
    let page_url = format!("{}/preferences/{token}", server.url);

    let html = http.get(&page_url).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Hello Ana &lt;script&gt;") && !html.contains("<script>"), "{html}");
    for area in ["Data", "Design", "Sales"] {
        assert!(html.contains(&format!("name=\"interest\" value=\"{area}\">")), "{area} offered unchecked: {html}");
    }
    let german = http.get(&page_url).header("accept-language", "de-DE,de;q=0.9").send().await.unwrap();
    assert!(german.text().await.unwrap().contains("Ihre Einstellungen"));

    // Areas chosen: saved as hers, and the page says so.
    let form = [("action", "interests"), ("interest", "Data"), ("interest", "design")];
    let saved = http.post(&page_url).form(&form).send().await.unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(saved.headers()["location"], format!("/preferences/{token}?done=interests"));
    let html = http.get(format!("{page_url}?done=interests")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Your areas of interest are saved."));
    assert!(html.contains("value=\"Design\" checked>") && html.contains("value=\"Sales\">"), "{html}");
    assert_eq!(server.candidate(ana).await.candidate.profile.interests, ["Data", "Design"]);
    // One the organisation does not offer: refused in words, nothing lost.
    let odd = http.post(&page_url).form(&[("action", "interests"), ("interest", "Astrology")]).send().await.unwrap();
    assert_eq!(odd.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(odd.text().await.unwrap().contains("Astrology"));
    assert_eq!(server.candidate(ana).await.candidate.profile.interests, ["Data", "Design"]);

    // Asking to be forgotten needs the box ticked.
    let unticked = http.post(&page_url).form(&[("action", "forget")]).send().await.unwrap();
    assert_eq!(unticked.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(server.candidate(ana).await.erasure_request.is_none());
    let asked = http.post(&page_url).form(&[("action", "forget"), ("confirm", "yes")]).send().await.unwrap();
    assert_eq!(asked.status(), StatusCode::SEE_OTHER);
    let html = http.get(&page_url).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("You asked to be forgotten on"), "{html}");
    let history = history_of(&server, ana).await;
    assert!(
        history
            .iter()
            .any(|h| h.summary.as_deref() == Some("Asked to be forgotten")
                && h.actor_email == "Candidate (self-service)")
    );

    // The admin's desktop has the request by sync, and approving it is the erasure.
    let dir = tempfile::tempdir().unwrap();
    let mut desk = desktop(dir.path(), &server.admin.user);
    let cursor = server.pull_into(&server.admin, &mut desk, String::new()).await;
    let open = desk.open_erasure_requests().unwrap();
    assert_eq!(open.iter().map(|r| r.candidate_id).collect::<Vec<_>>(), [ana]);
    assert_eq!(open[0].email.as_deref(), Some("ana@example.com"));
    let approve = Mutation::CandidateDelete { selection: Selection::ids([ana]) };
    server.push(&server.admin, &numbered(2, [approve])).await;
    server.pull_into(&server.admin, &mut desk, cursor).await;
    assert!(desk.open_erasure_requests().unwrap().is_empty());
    // Her link now finds nothing to show.
    let gone = http.get(&page_url).send().await.unwrap();
    assert_eq!(gone.status(), StatusCode::GONE);
    let html = gone.text().await.unwrap();
    assert!(html.contains("Nothing to manage") && !html.contains("Ana"), "{html}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_preferences_form_sent_from_another_site_is_refused_and_the_one_click_post_still_works() {
    let server = TestServer::start().await;
    let ana = Uuid::now_v7();
    server
        .push(&server.recruiter, &numbered(1, [create_candidate(ana, "Ana", "Souza", Some("ana@example.com"))]))
        .await;
    let token = token_for(&server, ana).await;
    let http = browser();
    let unsubscribe = |headers: &[(&str, &str)]| {
        let mut request = http
            .post(format!("{}/preferences/{token}", server.url))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("action=unsubscribe");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send()
    };

    // A page on another site that posts the form with a leaked link: refused, nothing changed,
    // whether the browser says so in Sec-Fetch-Site or (an older one) only in Origin.
    for headers in [
        &[("sec-fetch-site", "cross-site"), ("origin", "https://evil.example")][..],
        &[("sec-fetch-site", "same-site"), ("origin", "https://other.crm.example")][..],
        &[("origin", "https://evil.example")][..],
        &[("origin", "null")][..],
    ] {
        let refused = unsubscribe(headers).await.unwrap();
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{headers:?}");
        assert!(refused.text().await.unwrap().contains("This form was sent from another site"), "{headers:?}");
        assert!(server.candidate(ana).await.candidate.subscribed, "{headers:?}: nothing changed");
    }

    // The page itself, as a browser sends its form: taken.
    let origin = server.url.clone();
    let taken = unsubscribe(&[("sec-fetch-site", "same-origin"), ("origin", &origin)]).await.unwrap();
    assert_eq!(taken.status(), StatusCode::SEE_OTHER);
    assert!(!server.candidate(ana).await.candidate.subscribed);

    // A mail provider's RFC 8058 POST comes from its own servers, with no Origin: it still works.
    let bo = Uuid::now_v7();
    server.push(&server.recruiter, &numbered(2, [create_candidate(bo, "Bo", "Berg", Some("bo@example.com"))])).await;
    let one_click = one_click(&server, &token_for(&server, bo).await).await;
    assert_eq!(one_click.status(), StatusCode::OK);
    assert!(!server.candidate(bo).await.candidate.subscribed);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_link_of_a_candidate_merged_since_leads_to_the_one_they_were_merged_into() {
    let server = TestServer::start().await;
    let (ana, ana_twin) = (Uuid::now_v7(), Uuid::now_v7());
    let people = [
        create_candidate(ana, "Ana", "Souza", Some("ana@example.com")),
        create_candidate(ana_twin, "Anna", "Souza", Some("ana.souza@example.com")),
    ];
    server.push(&server.recruiter, &numbered(1, people)).await;
    // An email went to the duplicate; then an admin merged the duplicate into Ana.
    let token = token_for(&server, ana_twin).await;
    let merge = Mutation::CandidateMerge { survivor_id: ana, merged_ids: vec![ana_twin], changes: Vec::new() };
    let merged = server.push(&server.admin, &numbered(1, [merge])).await;
    assert!(matches!(merged.results[0].outcome, talentdesk_sync::wire::PushOutcome::Applied { .. }), "{merged:?}");

    // The page is Ana's, and the email's one-click unsubscribe unsubscribes Ana.
    let page = browser().get(format!("{}/preferences/{token}", server.url)).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Hello Ana"));
    let one_click = one_click(&server, &token).await;
    assert_eq!(one_click.status(), StatusCode::OK, "{:?}", one_click.text().await);
    assert!(!server.candidate(ana).await.candidate.subscribed, "the survivor is unsubscribed");
    let entry = history_of(&server, ana).await.into_iter().last().unwrap();
    assert_eq!(entry.summary.as_deref(), Some("Unsubscribed"));
}
