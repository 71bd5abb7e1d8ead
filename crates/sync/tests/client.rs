//! The HTTP client's defences: no password over plain HTTP to another machine, time limits on
//! servers that go silent (without cutting long transfers that keep moving), and a sign-out
//! that ends the token on the real server.

use std::future::Future;
use std::time::{Duration, Instant};

use talentdesk_domain::user::Role;
use talentdesk_server::testing::{Instance, PASSWORD};
use talentdesk_sync::client::{Client, ClientError, Server, Timeouts};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use uuid::Uuid;

/// Short limits, so a test of them is quick.
const QUICK: Timeouts =
    Timeouts { connect: Duration::from_secs(2), request: Duration::from_millis(300), idle: Duration::from_millis(400) };

/// A web server on this computer: each connection's request is read, then `answer` writes
/// (or withholds) the reply. Returns its address.
async fn listen<F, Fut>(answer: F) -> String
where
    F: Fn(TcpStream) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let mut request = [0u8; 8192];
            let _ = stream.read(&mut request).await;
            tokio::spawn(answer(stream));
        }
    });
    url
}

/// Accepts, reads the request, and never answers (a hung server, or a network that drops
/// everything after the handshake).
async fn silent_server() -> String {
    listen(|stream| async move {
        tokio::time::sleep(Duration::from_secs(60)).await;
        drop(stream);
    })
    .await
}

const STREAM_HEADERS: &[u8] =
    b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n";

async fn send_chunk(stream: &mut TcpStream, data: &str) {
    let chunk = format!("{:x}\r\n{data}\r\n", data.len());
    stream.write_all(chunk.as_bytes()).await.unwrap();
}

/// Fails the test unless `call` fails as unreachable, naming the time limit, within `within`.
async fn fails_in_time<T: std::fmt::Debug>(
    call: impl Future<Output = Result<T, ClientError>>,
    limit: &str,
    within: Duration,
) {
    let started = Instant::now();
    let failure = tokio::time::timeout(Duration::from_secs(10), call).await.expect("the call hung").unwrap_err();
    assert!(started.elapsed() < within, "took {:?}", started.elapsed());
    assert!(failure.is_temporary(), "a silent server is worth retrying later: {failure:?}");
    assert!(failure.to_string().contains(&format!("no answer within {limit}")), "{failure}");
}

#[tokio::test]
async fn a_server_that_never_answers_fails_the_call_within_its_limit() {
    let url = silent_server().await;
    let server = Server::with_timeouts(&url, QUICK).unwrap();
    fails_in_time(server.login("rita@acme.test", PASSWORD), "300 ms", Duration::from_secs(2)).await;
    let client = server.client("token");
    fails_in_time(client.pull(Uuid::now_v7(), ""), "300 ms", Duration::from_secs(2)).await;
    fails_in_time(client.logout(), "300 ms", Duration::from_secs(2)).await;
    // Long transfers wait for their first bytes no longer than for any later ones.
    fails_in_time(client.next_version(0), "400 ms", Duration::from_secs(2)).await;
    fails_in_time(client.get_blob("00"), "400 ms", Duration::from_secs(2)).await;
}

#[tokio::test]
async fn a_live_stream_that_keeps_moving_outlives_the_call_limit_and_one_that_stalls_ends() {
    // Keep-alives every 100 ms for 1.2 s (four times the call limit), then a new version.
    let moving = listen(|mut stream| async move {
        stream.write_all(STREAM_HEADERS).await.unwrap();
        for _ in 0..12 {
            send_chunk(&mut stream, ":\n\n").await;
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        send_chunk(&mut stream, "data: {\"version\":7}\n\n").await;
        tokio::time::sleep(Duration::from_secs(5)).await;
    })
    .await;
    let client = Server::with_timeouts(&moving, QUICK).unwrap().client("token");
    assert_eq!(client.next_version(3).await.unwrap(), 7);

    // One keep-alive, then silence.
    let stalling = listen(|mut stream| async move {
        stream.write_all(STREAM_HEADERS).await.unwrap();
        send_chunk(&mut stream, ":\n\n").await;
        tokio::time::sleep(Duration::from_secs(60)).await;
    })
    .await;
    let client = Server::with_timeouts(&stalling, QUICK).unwrap().client("token");
    fails_in_time(client.next_version(3), "400 ms", Duration::from_secs(2)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_snapshot_download_that_stalls_ends_with_a_clear_error() {
    let stalling = listen(|mut stream| async move {
        let headers = b"HTTP/1.1 200 OK\r\ncontent-type: application/gzip\r\ntransfer-encoding: chunked\r\n\r\n";
        stream.write_all(headers).await.unwrap();
        tokio::time::sleep(Duration::from_secs(60)).await;
    })
    .await;
    let client = Server::with_timeouts(&stalling, QUICK).unwrap().client("token");
    let started = Instant::now();
    let mut reader = client.snapshot("").await.unwrap();
    let failure = tokio::task::spawn_blocking(move || reader.header()).await.unwrap().unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2), "took {:?}", started.elapsed());
    assert!(failure.is_temporary() && failure.to_string().contains("no answer within 400 ms"), "{failure}");
}

#[tokio::test]
async fn plain_http_to_another_machine_is_refused_before_anything_is_sent() {
    for address in ["http://evil.test", "http://10.0.0.1:8080", "http://localhost.evil.com"] {
        let refused = Client::login(address, "rita@acme.test", PASSWORD).await.unwrap_err();
        assert!(matches!(refused, ClientError::BadAddress(_)) && !refused.is_temporary(), "{refused:?}");
        assert!(refused.to_string().contains("sends your password unencrypted"), "{refused}");
        assert!(matches!(Client::with_token(address, "token"), Err(ClientError::BadAddress(_))));
    }
    // This computer's own server is spoken to over plain HTTP (here: nobody listens on port 9).
    let local = Client::login("http://localhost:9", "rita@acme.test", PASSWORD).await.unwrap_err();
    assert!(matches!(local, ClientError::Unreachable(_)), "{local:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn logout_ends_that_token_on_the_server_and_no_other() {
    let server = Instance::start().await;
    let rita = server.add_user("rita@acme.test", Role::Recruiter).await;
    let (laptop, _) = Client::login(&server.url, &rita.email, PASSWORD).await.unwrap();
    let (desktop, _) = Client::login(&server.url, &rita.email, PASSWORD).await.unwrap();
    laptop.pull(Uuid::now_v7(), "").await.unwrap();

    laptop.logout().await.unwrap();
    let refused = laptop.pull(Uuid::now_v7(), "").await.unwrap_err();
    assert!(matches!(refused, ClientError::SignedOut(_)), "{refused:?}");
    let again = laptop.logout().await.unwrap_err();
    assert!(matches!(again, ClientError::SignedOut(_)), "an ended token cannot end again: {again:?}");
    desktop.pull(Uuid::now_v7(), "").await.expect("the other sign-in goes on");
}

/// Behind a load balancer, a server process that is down or killed mid-call shows as the
/// gateway's 502 or 504 page: the desktop waits and tries again, as when offline, instead of
/// taking it for the server's refusal of its change.
#[tokio::test]
async fn a_gateway_without_a_server_behind_it_counts_as_unreachable() {
    for status in ["502 Bad Gateway", "504 Gateway Time-out"] {
        let page = format!(
            "HTTP/1.1 {status}\r\ncontent-type: text/html\r\ncontent-length: 24\r\nconnection: close\r\n\r\n<html>{}</html>",
            &status[..11]
        );
        let url = listen(move |mut stream| {
            let page = page.clone();
            async move {
                let _ = stream.write_all(page.as_bytes()).await;
            }
        })
        .await;
        let client = Client::with_token(&url, "token").unwrap();
        let error = client.pull(Uuid::now_v7(), "").await.unwrap_err();
        assert!(matches!(error, ClientError::Unreachable(_)), "{status}: {error:?}");
        assert!(error.is_temporary());
    }
}
