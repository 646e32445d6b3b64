//! Failures that used to pass quietly or hold resources: `serve` closes connections that
//! never finish their headers; symbolic links skipped and raw HTML sanitised away are
//! warnings naming them.

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

#[cfg(unix)]
#[test]
fn symbolic_links_under_content_and_static_are_warnings_naming_them() {
    let site = site_with(&[
        ("content/articles/a.md", ARTICLE),
        ("elsewhere/b.md", ARTICLE),
        ("elsewhere/logo.png", "PNG"),
    ]);
    let link = |target: &str, at: &str| {
        std::fs::create_dir_all(site.path().join(at).parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(site.path().join(target), site.path().join(at)).unwrap();
    };
    link("elsewhere/b.md", "content/articles/b.md");
    link("elsewhere", "content/articles/more");
    link("elsewhere/logo.png", "static/logo.png");
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for path in [
        "content/articles/b.md",
        "content/articles/more",
        "static/logo.png",
    ] {
        assert!(
            err.contains(&format!("{path}: warning: skipped: it is a symbolic link")),
            "{path} named: {err}"
        );
    }
    assert!(!site.path().join("public/logo.png").exists());
}

#[test]
fn raw_html_the_sanitiser_removes_is_a_warning_at_its_line() {
    let site = site_with(&[(
        "content/articles/a.md",
        "---\ntitle: Embeds\ndate: 2024-09-26\n---\n\nFirst paragraph <em>kept</em>.\n\n<iframe src=\"https://video.example\"></iframe>\n\nA <a href=\"#x\" onclick=\"steal()\">link</a>.\n\n<script>alert(1)</script>\n",
    )]);
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("content/articles/a.md:8:"), "{err}");
    assert!(err.contains("<iframe>"), "{err}");
    assert!(err.contains("content/articles/a.md:10:"), "{err}");
    assert!(err.contains("the onclick attribute of <a>"), "{err}");
    assert!(err.contains("content/articles/a.md:12:"), "{err}");
    assert!(err.contains("<script>"), "{err}");
    assert!(!err.contains("<em>"), "{err}");
    // A site that allows raw HTML hears nothing about it.
    std::fs::write(
        site.path().join("site.yaml"),
        "markdown: { allow_html: true }\n",
    )
    .unwrap();
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("raw HTML"), "{}", stderr(&out));
}
