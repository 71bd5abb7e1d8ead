//! An installation that outgrew one machine, for tests: several `talentdesk-server serve`
//! processes on one database behind nginx, configured by the file the package ships
//! (`debian/nginx.conf`), so that what is tested is what an admin installs. A process can be
//! killed (SIGKILL, in the middle of whatever it does) and started again on its port.
//!
//! A process is whatever command the test gives for a configuration file: the server's own
//! executable (`talentdesk-server --config FILE serve`), or, from a crate whose tests cannot
//! name that executable, the test binary running the server's library in a child process.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use talentdesk_domain::user::{Role, User};

use crate::admin::{self, NewUser};
use crate::testing::{PASSWORD, postgres};

/// The nginx site the server package installs as an example.
const SITE: &str = include_str!("../../debian/nginx.conf");

/// The command that runs one server process with the configuration file it is given.
pub type ServerCommand = Box<dyn Fn(&Path) -> Command + Send + Sync>;

/// `talentdesk-server --config FILE serve`, from the executable at `binary`.
pub fn executable(binary: &Path) -> ServerCommand {
    let binary = binary.to_owned();
    Box::new(move |config| {
        let mut command = Command::new(&binary);
        command.arg("--config").arg(config).arg("serve");
        command
    })
}

pub struct Balanced {
    /// Where desktops reach the installation: nginx.
    pub url: String,
    pub database_url: String,
    pool: sqlx::PgPool,
    command: ServerCommand,
    /// More settings (TOML lines) every process gets.
    settings: String,
    ports: Vec<u16>,
    /// nginx's port.
    front: u16,
    processes: Vec<Option<Child>>,
    nginx: Child,
    _dir: tempfile::TempDir,
}

impl Balanced {
    /// `count` processes run by `command` on a fresh database with the org Acme, behind nginx.
    pub async fn start(command: ServerCommand, count: usize) -> Self {
        Self::start_with(command, count, "").await
    }

    /// [`start`](Self::start), every process also given `settings` (lines of its TOML file).
    pub async fn start_with(command: ServerCommand, count: usize, settings: &str) -> Self {
        let database_url = postgres::new_database().await;
        let dir = tempfile::tempdir().unwrap();
        let ports: Vec<u16> = (0..count).map(|_| free_port()).collect();
        let front = free_port();
        let mut processes = Vec::new();
        for &port in &ports {
            processes.push(Some(spawn(&command, &database_url, port, dir.path(), settings)));
        }
        for &port in &ports {
            wait_ready(port).await;
        }
        let nginx = start_nginx(dir.path(), front, &ports);
        wait_ready(front).await;
        let pool = crate::db::connect(&database_url, 4).await.unwrap();
        admin::create_org(&pool, "Acme").await.unwrap();
        Self {
            url: format!("http://127.0.0.1:{front}"),
            database_url,
            pool,
            command,
            settings: settings.to_owned(),
            ports,
            front,
            processes,
            nginx,
            _dir: dir,
        }
    }

    pub async fn add_user(&self, email: &str, role: Role) -> User {
        let new = NewUser { org: "Acme", email, name: email, role, ats_id: None, password: PASSWORD };
        admin::create_user(&self.pool, new).await.unwrap()
    }

    /// The database, for admin commands (the demo data, users).
    pub fn pool(&self) -> &sqlx::PgPool {
        &self.pool
    }

    pub fn is_up(&self, process: usize) -> bool {
        self.processes[process].is_some()
    }

    /// Kills the process at once: requests it was serving end mid-way, as in a crash.
    pub fn kill(&mut self, process: usize) {
        if let Some(mut child) = self.processes[process].take() {
            child.kill().unwrap();
            child.wait().unwrap();
        }
    }

    /// Starts the process again on its port, and waits until it is ready, and nginx too: after
    /// a failure nginx leaves a process alone for a few seconds (`fail_timeout`), and with every
    /// process left alone it answers 502 until then.
    pub async fn start_again(&mut self, process: usize) {
        if self.processes[process].is_none() {
            let port = self.ports[process];
            let spawned = spawn(&self.command, &self.database_url, port, self._dir.path(), &self.settings);
            self.processes[process] = Some(spawned);
            wait_ready(port).await;
            wait_ready(self.front).await;
        }
    }
}

impl Drop for Balanced {
    fn drop(&mut self) {
        for child in self.processes.iter_mut().flatten() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = self.nginx.kill();
        let _ = self.nginx.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A server process; its log goes to a file in `dir` (read it when a test fails).
fn spawn(command: &ServerCommand, database_url: &str, port: u16, dir: &Path, settings: &str) -> Child {
    let log = std::fs::File::create(dir.join(format!("server-{port}.log"))).unwrap();
    let config = dir.join(format!("server-{port}.toml"));
    let quoted = |text: &str| toml::Value::String(text.to_owned()).to_string();
    let settings = format!(
        "database_url = {}\nlisten = {}\nblob_dir = {}\n\
         # nginx is the proxy: sign-in throttling must count the desktops, not it.\n\
         trusted_proxies = [\"127.0.0.1\"]\n{settings}\n",
        quoted(database_url),
        quoted(&format!("127.0.0.1:{port}")),
        quoted(&dir.join("blobs").display().to_string()),
    );
    std::fs::write(&config, settings).unwrap();
    command(&config).stdout(Stdio::null()).stderr(log).spawn().expect("start a server process")
}

/// nginx in the foreground with the shipped site, its upstream and port rewritten to these
/// processes, and every file it writes kept in `dir`.
fn start_nginx(dir: &Path, port: u16, upstream: &[u16]) -> Child {
    let site = site_for(port, upstream);
    let conf = format!(
        "worker_processes 1;\nerror_log {dir}/nginx-error.log;\npid {dir}/nginx.pid;\n\
         events {{ worker_connections 1024; }}\n\
         http {{\n  access_log off;\n  client_body_temp_path {dir}/body;\n  proxy_temp_path {dir}/proxy;\n\
         fastcgi_temp_path {dir}/fastcgi;\n  uwsgi_temp_path {dir}/uwsgi;\n  scgi_temp_path {dir}/scgi;\n\
         {site}\n}}\n",
        dir = dir.display()
    );
    let path = dir.join("nginx.conf");
    std::fs::write(&path, conf).unwrap();
    Command::new(nginx_binary())
        .args(["-p", &dir.display().to_string(), "-c", &path.display().to_string(), "-g", "daemon off;"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start nginx (scripts/prerequisites.sh installs it)")
}

fn nginx_binary() -> &'static str {
    if Path::new("/usr/sbin/nginx").exists() { "/usr/sbin/nginx" } else { "nginx" }
}

/// The shipped site with its `listen` and upstream servers replaced, everything else as shipped.
fn site_for(port: u16, upstream: &[u16]) -> String {
    let mut out = String::new();
    let mut listed = false;
    for line in SITE.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("server 127.0.0.1:") {
            if !listed {
                for p in upstream {
                    out.push_str(&format!("    server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;\n"));
                }
                listed = true;
            }
        } else if trimmed.starts_with("listen ") {
            out.push_str(&format!("    listen 127.0.0.1:{port};\n"));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    assert!(listed, "the shipped nginx site lists no upstream servers");
    out
}

/// Waits until `GET /ready` on the port answers 200 (the database and document store reached).
async fn wait_ready(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if ready(port) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("127.0.0.1:{port} did not become ready");
}

/// Whether `GET /ready` answers 200 (a short blocking exchange on this machine).
fn ready(port: u16) -> bool {
    use std::io::{Read, Write};
    let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) else { return false };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = format!("GET /ready HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    answer.starts_with(b"HTTP/1.1 200") || answer.starts_with(b"HTTP/1.0 200")
}
