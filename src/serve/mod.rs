//! `brief serve`: builds the site into memory, serves it over HTTP, and on every save
//! rebuilds what changed and reloads the open pages. A failed rebuild keeps the last good
//! site and shows its errors over the page; nothing is written to disk.

pub mod connections;
pub mod files;
pub mod http;
pub mod incremental;
pub mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use tokio::net::TcpListener;

use crate::commands;
use crate::pipeline::BuildOptions;
use http::Shared;
use incremental::{Engine, Update};
use watch::{Batch, Watcher};

/// How long open connections get to finish once the server is asked to stop.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(3);

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    /// Open the site in the default browser once it is built.
    pub open: bool,
    /// Poll the files instead of relying on the operating system's notifications.
    pub poll: bool,
    /// Print the time each stage of a rebuild took.
    pub timings: bool,
    /// Print only errors and warnings.
    pub quiet: bool,
    /// How long a client may take to send a request's head before its connection is closed.
    pub header_timeout: Duration,
}

/// Runs the preview server until Ctrl-C.
/// What a rebuild prints besides its problems.
#[derive(Debug, Clone, Copy)]
struct Reporting {
    timings: bool,
    quiet: bool,
}

pub fn run(options: ServeOptions) -> ExitCode {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build();
    match runtime {
        Ok(runtime) => runtime.block_on(serve(options)),
        Err(e) => {
            eprintln!("error: cannot start the server: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(options: ServeOptions) -> ExitCode {
    let address = SocketAddr::new(options.bind, options.port);
    let listener = match TcpListener::bind(address).await {
        Ok(listener) => listener,
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            eprintln!(
                "error: port {} is already in use on {}; stop the other server or choose another port with --port",
                options.port, options.bind
            );
            return ExitCode::FAILURE;
        }
        Err(e) => {
            eprintln!("error: cannot listen on {address}: {e}");
            return ExitCode::FAILURE;
        }
    };
    if !options.bind.is_loopback() {
        eprintln!(
            "warning: listening on {}: other machines on the network can open this preview (the default, --bind 127.0.0.1, keeps it on this machine)",
            options.bind
        );
    }
    let local = listener.local_addr().unwrap_or(address);
    let shared = Arc::new(Shared::new());
    let root = options.build.root.clone();
    let reporting = Reporting {
        timings: options.timings,
        quiet: options.quiet,
    };

    // Watching starts before the first build, so no save made during it is missed.
    let watch_root = std::fs::canonicalize(&root).unwrap_or_else(|_| crate::write::absolute(&root));
    let (sender, receiver) = std::sync::mpsc::channel();
    let watcher = match Watcher::start(&watch_root, options.poll, sender) {
        Ok(watcher) => watcher,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };

    let first = {
        let shared = shared.clone();
        let mut engine = Engine::new(options.build.clone());
        let root = root.clone();
        tokio::task::spawn_blocking(move || {
            rebuild(&mut engine, &shared, &root, &[], reporting);
            engine
        })
        .await
    };
    let Ok(engine) = first else {
        eprintln!("error: the first build stopped unexpectedly");
        return ExitCode::FAILURE;
    };

    let signals = StopSignals::listen();
    let url = format!("http://{}{}", browsable(local), base_path(&shared));
    println!("Serving at {url} (Ctrl-C to stop)");
    if options.open
        && let Err(e) = opener::open_browser(&url)
    {
        eprintln!("warning: cannot open a browser: {e}");
    }

    {
        let shared = shared.clone();
        std::thread::spawn(move || {
            let origin = format!("http://{}", browsable(local));
            rebuild_on_changes(
                engine, watcher, receiver, &shared, &root, &origin, reporting,
            )
        });
    }

    let server = connections::serve(
        listener,
        http::router(shared.clone(), options.bind),
        options.header_timeout,
        stop_requested(shared.clone(), signals),
    );
    let mut stopping = shared.shutdown.subscribe();
    tokio::select! {
        () = server => {}
        _ = async {
            let _ = stopping.wait_for(|stop| *stop).await;
            tokio::time::sleep(SHUTDOWN_GRACE).await;
        } => {}
    }
    println!("Stopped.");
    ExitCode::SUCCESS
}

/// The path the site is served under now.
fn base_path(shared: &Shared) -> String {
    let files = shared.files.read().unwrap_or_else(|e| e.into_inner());
    files.base_path().to_string()
}

/// An address a browser can open: a wildcard address becomes the loopback one.
fn browsable(address: SocketAddr) -> SocketAddr {
    match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => SocketAddr::from(([127, 0, 0, 1], address.port())),
        IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::from((std::net::Ipv6Addr::LOCALHOST, address.port()))
        }
        _ => address,
    }
}

/// Ctrl-C and termination signals, listened for from the moment this is made, so a signal
/// that arrives before the server's first poll still stops it cleanly.
struct StopSignals {
    #[cfg(unix)]
    interrupt: Option<tokio::signal::unix::Signal>,
    #[cfg(unix)]
    terminate: Option<tokio::signal::unix::Signal>,
}

impl StopSignals {
    fn listen() -> StopSignals {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            StopSignals {
                interrupt: signal(SignalKind::interrupt()).ok(),
                terminate: signal(SignalKind::terminate()).ok(),
            }
        }
        #[cfg(not(unix))]
        StopSignals {}
    }
}

/// Waits for Ctrl-C (or a termination signal), then tells the event streams to end.
async fn stop_requested(shared: Arc<Shared>, signals: StopSignals) {
    #[cfg(unix)]
    {
        let StopSignals {
            interrupt,
            terminate,
        } = signals;
        tokio::select! {
            _ = received(interrupt) => {}
            _ = received(terminate) => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = signals;
        let _ = tokio::signal::ctrl_c().await;
    }
    shared.shutdown.send_replace(true);
}

/// Resolves when `signal` arrives; never when it could not be listened for.
#[cfg(unix)]
async fn received(signal: Option<tokio::signal::unix::Signal>) {
    match signal {
        Some(mut signal) => {
            signal.recv().await;
        }
        None => std::future::pending::<()>().await,
    }
}

/// Rebuilds after each batch of changes the watcher reports, until the server stops.
fn rebuild_on_changes(
    mut engine: Engine,
    mut watcher: Watcher,
    receiver: Receiver<Batch>,
    shared: &Shared,
    root: &Path,
    origin: &str,
    reporting: Reporting,
) {
    while let Ok(batch) = receiver.recv() {
        let mut changed = Vec::new();
        // Batches that queued up during the last rebuild are handled together.
        for batch in std::iter::once(batch).chain(receiver.try_iter()) {
            match batch {
                Batch::Changed(paths) => changed.extend(paths),
                Batch::Failed(message) => eprintln!("warning: watching files: {message}"),
            }
        }
        if let Err(message) = watcher.refresh() {
            eprintln!("warning: {message}");
        }
        if !changed.is_empty() && engine.affected_by(&changed) {
            let before = base_path(shared);
            rebuild(&mut engine, shared, root, &changed, reporting);
            let now = base_path(shared);
            if now != before {
                println!("Serving at {origin}{now} (the base path changed)");
            }
        }
    }
}

/// Rebuilds, publishes the result to the server and prints what happened.
fn rebuild(
    engine: &mut Engine,
    shared: &Shared,
    root: &Path,
    changed: &[PathBuf],
    reporting: Reporting,
) {
    let timings = reporting.timings;
    let started = Instant::now();
    let publish = |update: Update| {
        let base_path = update.base_path.clone();
        let files_changed = {
            let mut files = shared.files.write().unwrap_or_else(|e| e.into_inner());
            files.apply(update)
        };
        shared.published(&files_changed, &base_path);
        files_changed.len()
    };
    let mut early_files = 0;
    let result = engine.rebuild_in_stages(changed, |update| {
        early_files = publish(update);
        if timings {
            println!(
                "  edited pages served after {:.1} ms",
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
    });
    match result {
        Ok(update) => {
            commands::print_report(&update.warnings);
            let summary = Summary::of(&update, root, changed);
            let files_changed = early_files + publish(update);
            if !reporting.quiet {
                summary.print(started.elapsed(), files_changed, timings);
            }
        }
        Err(report) => {
            commands::print_failure(&report);
            eprintln!("Still serving the last good build; fix the file and save.");
            shared.failed(&report);
        }
    }
}

/// What a rebuild line says.
struct Summary {
    first: bool,
    sources: Vec<String>,
    stats: incremental::Stats,
    pages: usize,
}

impl Summary {
    fn of(update: &Update, root: &Path, changed: &[PathBuf]) -> Summary {
        let absolute = crate::write::absolute(root);
        let canonical = std::fs::canonicalize(root).unwrap_or_else(|_| absolute.clone());
        let mut sources: Vec<String> = changed
            .iter()
            .map(|path| {
                let relative = path
                    .strip_prefix(&canonical)
                    .or_else(|_| path.strip_prefix(&absolute))
                    .unwrap_or(path);
                relative.display().to_string()
            })
            .collect();
        sources.sort();
        sources.dedup();
        Summary {
            first: changed.is_empty(),
            sources,
            stats: update.stats.clone(),
            pages: update
                .written
                .iter()
                .filter(|o| o.path.ends_with(".html"))
                .count(),
        }
    }

    fn print(&self, elapsed: Duration, files_changed: usize, timings: bool) {
        let ms = elapsed.as_millis();
        if self.first {
            println!(
                "Built {} articles ({} pages) in {ms} ms.",
                self.stats.articles, self.pages
            );
        } else {
            let shown: Vec<&str> = self.sources.iter().take(3).map(String::as_str).collect();
            let more = self.sources.len().saturating_sub(shown.len());
            println!(
                "Rebuilt {}{} in {ms} ms: {files_changed} file{} changed.",
                shown.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                },
                if files_changed == 1 { "" } else { "s" }
            );
        }
        if timings {
            let s = &self.stats;
            let link = if s.linked {
                format!("link {:.1} ms", s.link.as_secs_f64() * 1000.0)
            } else {
                "graph kept".to_string()
            };
            println!(
                "  read {:.1} ms ({} files), {link}, render {:.1} ms ({} jobs)",
                s.load.as_secs_f64() * 1000.0,
                s.reread,
                s.render.as_secs_f64() * 1000.0,
                s.jobs
            );
        }
    }
}
