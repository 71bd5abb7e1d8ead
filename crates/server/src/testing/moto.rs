//! A real S3-compatible server for one test: moto in server mode (`pip install 'moto[server]'`),
//! on a loopback port it picks itself, killed when the test drops it or the test process dies.
//! It keeps everything in memory; [`pause`](Moto::pause) plays a store that stops answering
//! (SIGSTOP) and keeps its contents, so a test sees what was stored before the outage after it.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Runs moto on a port it picks, killed (PR_SET_PDEATHSIG) when the thread that started it
/// ends, which a test process that is killed (a timeout, ^C) ends too, where Drop never runs:
/// a moto left behind would hold its memory, paused perhaps, for ever. Set in moto itself as
/// the workspace has no unsafe code for a pre_exec hook; the parent's pid in argv[1] catches a
/// parent that died before the signal was set.
const WITH_PARENT: &str = "\
import ctypes, os, runpy, signal, sys
ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)
if os.getppid() != int(sys.argv[1]):
    sys.exit('the test that started moto is gone')
sys.argv = ['moto_server', '-H', '127.0.0.1', '-p', '0']
runpy.run_module('moto.server', run_name='__main__')
";

pub struct Moto {
    port: u16,
    pid: u32,
    /// Dropped to have the keeper kill moto.
    stop: Option<mpsc::Sender<()>>,
    keeper: Option<JoinHandle<()>>,
}

impl Moto {
    /// Starts moto and waits until it says where it listens. Blocks: call it off the async runtime.
    pub fn start() -> Self {
        let (started_tx, started) = mpsc::sync_channel(1);
        let (stop, stopped) = mpsc::channel::<()>();
        // The keeper thread is moto's parent until moto is killed: the parent-death signal
        // follows the thread that spawned the child, not the process, so a thread of the
        // runtime's blocking pool (which ends when idle) must not spawn it. It keeps moto
        // unreaped until told to stop, so moto's pid stays its own for pause and resume.
        let keeper = std::thread::spawn(move || {
            let log = tempfile::NamedTempFile::new().expect("a file for moto's output");
            let mut child = Command::new("python3")
                .args(["-c", WITH_PARENT, &std::process::id().to_string()])
                .env("PYTHONUNBUFFERED", "1")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(log.reopen().expect("moto's output file"))
                .spawn()
                .expect("python3 runs moto (pip install 'moto[server]')");
            let started_at = Instant::now();
            let port = loop {
                let output = std::fs::read_to_string(log.path()).unwrap_or_default();
                if let Some(port) = listening_port(&output) {
                    break port;
                }
                if let Some(exited) = child.try_wait().unwrap() {
                    panic!("moto exited at start ({exited}); is it installed? pip install 'moto[server]'\n{output}");
                }
                if started_at.elapsed() > Duration::from_secs(30) {
                    let _ = child.kill();
                    panic!("moto did not say where it listens within 30 s:\n{output}");
                }
                std::thread::sleep(Duration::from_millis(50));
            };
            started_tx.send((port, child.id())).unwrap();
            let _ = stopped.recv();
            let _ = child.kill();
            let _ = child.wait();
        });
        let Ok((port, pid)) = started.recv() else {
            let panic = keeper.join().expect_err("the keeper ends early only by a panic");
            std::panic::resume_unwind(panic)
        };
        Self { port, pid, stop: Some(stop), keeper: Some(keeper) }
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Stops it answering (SIGSTOP): connections are taken by the kernel and then hang, as
    /// with a store that is overloaded or cut off. Everything stored stays.
    pub fn pause(&self) {
        self.signal("STOP");
    }

    /// Lets it answer again (SIGCONT), with everything it held before.
    pub fn resume(&self) {
        self.signal("CONT");
    }

    fn signal(&self, name: &str) {
        let sent = Command::new("kill").args([&format!("-{name}"), &self.pid.to_string()]).status();
        assert!(sent.as_ref().is_ok_and(|status| status.success()), "kill -{name} moto: {sent:?}");
    }

    /// Creates a bucket. Plain HTTP: moto takes requests without a signature, and the
    /// server's S3 client has no call for it (a bucket is the operator's to create).
    /// Blocks: call it off the async runtime.
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

/// The port in werkzeug's " * Running on http://127.0.0.1:PORT" line.
fn listening_port(output: &str) -> Option<u16> {
    let (_, after) = output.split_once("Running on http://127.0.0.1:")?;
    after.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

impl Drop for Moto {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(keeper) = self.keeper.take() {
            let _ = keeper.join();
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_port_is_read_from_what_moto_says() {
        let said = "WARNING: development server\n * Running on http://127.0.0.1:39551\nPress CTRL+C to quit\n";
        assert_eq!(super::listening_port(said), Some(39551));
        assert_eq!(super::listening_port("WARNING: development server\n"), None);
    }
}
