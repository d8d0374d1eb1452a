//! A real SMTP server for tests: `aiosmtpd` (PyPI) started as a child process on a free
//! loopback port, delivering into a Maildir in a temporary folder, and killed when the
//! [`SmtpServer`] is dropped. Its `Mailbox` handler adds `X-RcptTo` (the envelope's
//! recipients), `X-MailFrom` and `X-Peer` to every message it stores. It can be stopped
//! and started again on the same port and Maildir (a mail server that goes away).
//!
//! Shared by kassa-mail's tests and kassa-core's mail tests (`#[path]`), so there is one
//! way to run the server.
//!
//! Needs `python3` with aiosmtpd (`pip install aiosmtpd`; `scripts/setup.sh` installs
//! it). Without it the tests fail and say so; they never skip silently.

#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test support: each test binary uses some of it, and it fails loudly"
)]

use std::fs::File;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The Python interpreter that runs aiosmtpd; `KASSA_PYTHON` overrides it.
fn python() -> String {
    std::env::var("KASSA_PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

/// How long aiosmtpd may take to start listening.
const START_TIMEOUT: Duration = Duration::from_secs(20);

/// A running aiosmtpd that stores what it receives in a Maildir.
pub struct SmtpServer {
    child: Option<Child>,
    port: u16,
    maildir: PathBuf,
    handler: String,
    python_path: Option<PathBuf>,
    folder: tempfile::TempDir,
}

impl SmtpServer {
    /// aiosmtpd with its stock `Mailbox` handler.
    pub fn start() -> Self {
        Self::start_with_handler("aiosmtpd.handlers.Mailbox", None)
    }

    /// aiosmtpd with the handler class `handler` (`module.Class`, taking the Maildir as
    /// its one argument, like `Mailbox`), imported from `python_path` when given.
    pub fn start_with_handler(handler: &str, python_path: Option<&Path>) -> Self {
        check_aiosmtpd();
        let folder = tempfile::tempdir().unwrap();
        let mut server = Self {
            child: None,
            port: free_port(),
            // aiosmtpd's Mailbox creates the Maildir itself.
            maildir: folder.path().join("maildir"),
            handler: handler.to_owned(),
            python_path: python_path.map(Path::to_path_buf),
            folder,
        };
        server.resume();
        server
    }

    /// Starts the server again (after [`SmtpServer::stop`]) on the same port and Maildir.
    pub fn resume(&mut self) {
        let log_path = self.folder.path().join("aiosmtpd.log");
        let mut command = Command::new(python());
        command
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{}", self.port))
            .args(["-c", &self.handler])
            .arg(&self.maildir)
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(File::create(&log_path).unwrap());
        if let Some(path) = &self.python_path {
            command.env("PYTHONPATH", path);
        }
        let child = command
            .spawn()
            .unwrap_or_else(|error| panic!("could not start {}: {error}", python()));
        self.child = Some(child);
        self.wait_until_listening(&log_path);
    }

    /// Stops the server; the mails it took stay in its Maildir. Returns once the port
    /// refuses connections.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, self.port));
        let started = Instant::now();
        while TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
            assert!(started.elapsed() < START_TIMEOUT, "aiosmtpd did not stop");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The port it listens on, at 127.0.0.1.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The messages received so far, oldest first, as stored (with the `X-…` headers).
    pub fn messages(&self) -> Vec<Vec<u8>> {
        let new = self.maildir.join("new");
        let Ok(entries) = std::fs::read_dir(&new) else {
            return Vec::new();
        };
        let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
            .map(|entry| {
                let path = entry.unwrap().path();
                (path.metadata().unwrap().modified().unwrap(), path)
            })
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|(_, path)| std::fs::read(path).unwrap())
            .collect()
    }

    /// The one message received so far; fails when there is not exactly one.
    pub fn only_message(&self) -> Vec<u8> {
        let mut messages = self.messages();
        assert_eq!(messages.len(), 1, "expected exactly one message");
        messages.pop().unwrap()
    }

    fn wait_until_listening(&mut self, log_path: &Path) {
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, self.port));
        let started = Instant::now();
        loop {
            if let Some(status) = self
                .child
                .as_mut()
                .and_then(|child| child.try_wait().unwrap())
            {
                panic!(
                    "aiosmtpd exited with {status} before listening on port {}:\n{}",
                    self.port,
                    std::fs::read_to_string(log_path).unwrap_or_default()
                );
            }
            if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
                return;
            }
            assert!(
                started.elapsed() < START_TIMEOUT,
                "aiosmtpd did not listen on port {} within {START_TIMEOUT:?}:\n{}",
                self.port,
                std::fs::read_to_string(log_path).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A port nobody listens on right now: the OS picks it for a listener that is then
/// closed.
pub fn free_port() -> u16 {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    listener.local_addr().unwrap().port()
}

/// Fails with the fix when aiosmtpd cannot be imported.
fn check_aiosmtpd() {
    let found = Command::new(python())
        .args(["-c", "import aiosmtpd.smtp"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    assert!(
        found,
        "these tests need a real SMTP server: `{} -m aiosmtpd` is missing. Run \
         `pip install aiosmtpd` (scripts/setup.sh does), then run the tests again.",
        python()
    );
}
