//! A network between the server and PostgreSQL that can go silent the way a NAT or firewall
//! does when it drops an idle connection's state: bytes stop flowing both ways, and neither
//! end is told. A TCP relay in the test process; the server is given its address instead of
//! the database's.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// One relayed connection: whether it has asked to LISTEN, and whether it went silent.
#[derive(Default)]
struct Relayed {
    listens: AtomicBool,
    silent: AtomicBool,
}

pub struct SilentNetwork {
    /// The database URL that goes through the relay.
    pub database_url: String,
    connections: Arc<Mutex<Vec<Arc<Relayed>>>>,
}

impl SilentNetwork {
    /// A relay in front of the database at `database_url` (`postgres://user@host:port/name`).
    /// Called inside the tests' runtime.
    pub fn in_front_of(database_url: &str) -> Self {
        let (scheme_user, rest) = database_url.split_once('@').expect("a URL with a user");
        let (server, name) = rest.split_once('/').expect("a URL with a database");
        let server = server.to_owned();
        let relay = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        relay.set_nonblocking(true).unwrap();
        let database_url = format!("{scheme_user}@{}/{name}", relay.local_addr().unwrap());
        let relay = TcpListener::from_std(relay).unwrap();
        let connections: Arc<Mutex<Vec<Arc<Relayed>>>> = Default::default();
        let accepted = connections.clone();
        tokio::spawn(async move {
            while let Ok((client, _)) = relay.accept().await {
                let Ok(database) = TcpStream::connect(&server).await else { continue };
                let relayed = Arc::new(Relayed::default());
                accepted.lock().unwrap().push(relayed.clone());
                let (client_read, client_write) = client.into_split();
                let (database_read, database_write) = database.into_split();
                tokio::spawn(carry(client_read, database_write, relayed.clone(), true));
                tokio::spawn(carry(database_read, client_write, relayed, false));
            }
        });
        Self { database_url, connections }
    }

    /// How many connections have asked to LISTEN.
    pub fn listening(&self) -> usize {
        self.connections.lock().unwrap().iter().filter(|c| c.listens.load(Ordering::SeqCst)).count()
    }

    /// Every connection that listens now goes silent, both ways, and stays open; connections
    /// made from now on carry bytes as before.
    pub fn silence_listeners(&self) -> usize {
        let connections = self.connections.lock().unwrap();
        let listening: Vec<_> = connections.iter().filter(|c| c.listens.load(Ordering::SeqCst)).collect();
        for relayed in &listening {
            relayed.silent.store(true, Ordering::SeqCst);
        }
        listening.len()
    }
}

/// Carries bytes from one end to the other until either closes; once silent, what arrives is
/// dropped and the sockets are kept open, as a network that lost the connection does.
async fn carry(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    relayed: Arc<Relayed>,
    from_client: bool,
) {
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let n = match from.read(&mut buffer).await {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        // A simple query's text goes as it is: `LISTEN "channel"` in the client's bytes is a
        // listener (as sqlx's PgListener writes it).
        if from_client && buffer[..n].windows(8).any(|w| w == b"LISTEN \"") {
            relayed.listens.store(true, Ordering::SeqCst);
        }
        if relayed.silent.load(Ordering::SeqCst) {
            continue;
        }
        if to.write_all(&buffer[..n]).await.is_err() {
            return;
        }
    }
}
