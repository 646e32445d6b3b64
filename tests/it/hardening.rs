//! Failures that used to pass quietly or hold resources: `serve` closes connections that
//! never finish their headers.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::common::*;

/// `brief serve` with a short header deadline, killed when dropped.
struct Preview {
    child: Child,
    port: u16,
}

impl Preview {
    fn start(root: &std::path::Path, header_timeout_ms: u64) -> Preview {
        let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
            .arg("serve")
            .arg("--root")
            .arg(root)
            .args(["--port", "0", "-q"])
            .arg(format!("--header-timeout-ms={header_timeout_ms}"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("brief serve starts");
        let stdout = child.stdout.take().unwrap();
        let line = BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .find(|line| line.contains("Serving at "))
            .expect("brief serve prints its address");
        let port = line
            .split("127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|port| port.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        Preview { child, port }
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads until the server closes the connection; the socket's own timeout only bounds
/// the wait, so a connection held open fails the test instead of hanging it.
fn closed_by_server(stream: &mut TcpStream) -> bool {
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut buffer = [0u8; 1024];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => return true,
            Err(_) => return false,
        }
    }
}

#[test]
fn serve_closes_connections_that_never_finish_their_headers() {
    let site = site_with(&[("content/articles/a.md", ARTICLE)]);
    let preview = Preview::start(site.path(), 200);
    let mut trickling: Vec<TcpStream> = (0..20)
        .map(|_| {
            let mut stream = TcpStream::connect(("127.0.0.1", preview.port)).unwrap();
            stream
                .write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                .unwrap();
            stream
        })
        .collect();
    for (i, stream) in trickling.iter_mut().enumerate() {
        assert!(closed_by_server(stream), "connection {i} was left open");
    }
    // The preview still answers whole requests.
    let mut stream = TcpStream::connect(("127.0.0.1", preview.port)).unwrap();
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
}
