//! A real S3-compatible server for one test: moto in server mode (`pip install 'moto[server]'`),
//! on a free loopback port, killed when the test drops it. It keeps everything in memory:
//! stopped and started again (on the same port, to play a store that was down), it starts empty.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Moto {
    port: u16,
    child: Option<Child>,
}

impl Moto {
    /// Starts moto and waits until it answers.
    pub fn start() -> Self {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let mut moto = Self { port, child: None };
        moto.start_again();
        moto
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Kills it: requests are refused until [`start_again`](Self::start_again).
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts it again on the same port (empty: moto kept nothing).
    pub fn start_again(&mut self) {
        if self.child.is_some() {
            return;
        }
        let mut child = Command::new("python3")
            .args(["-m", "moto.server", "-H", "127.0.0.1", "-p", &self.port.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 runs moto (pip install 'moto[server]')");
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            let exited = child.try_wait().unwrap();
            assert!(exited.is_none(), "moto exited at start ({exited:?}): is it installed? pip install 'moto[server]'");
            assert!(Instant::now() < deadline, "moto did not answer on port {} within 30 s", self.port);
            std::thread::sleep(Duration::from_millis(50));
        }
        self.child = Some(child);
    }

    /// Creates a bucket. Plain HTTP: moto takes requests without a signature, and the
    /// server's S3 client has no call for it (a bucket is the operator's to create).
    pub fn create_bucket(&self, bucket: &str) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect to moto");
        let request = format!(
            "PUT /{bucket} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            self.port
        );
        stream.write_all(request.as_bytes()).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        assert!(answer.starts_with("HTTP/1.1 200"), "moto did not create the bucket {bucket}: {answer}");
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        self.stop();
    }
}
