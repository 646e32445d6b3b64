//! How long each stage took and how much memory it reached, for `--timings`.

use std::collections::BTreeMap;
use std::time::Duration;

/// Wall time of each stage.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    pub load: Duration,
    /// Article files loading took as unchanged by their stamps, without reading them
    /// (see `load::Recall::unread`).
    pub unread: usize,
    pub extract: Duration,
    pub link: Duration,
    /// Whether the site graph was the last build's, taken instead of linking again (see
    /// `link::KeptGraph`).
    pub graph_kept: bool,
    /// Finding and resizing images, rendering shortcodes (see `media::prepare`).
    pub media: Duration,
    pub render: Duration,
    pub write: Duration,
    /// Of `render`: article cards, made once before the pages.
    pub prepare: Duration,
    /// Reading the build cache, before loading; and saving it, counted in `write`.
    pub cache_read: Duration,
    pub cache_save: Duration,
    /// CPU time of each kind of render job, summed over threads.
    pub render_jobs: BTreeMap<&'static str, Duration>,
    /// Peak memory in MiB reached by the end of each phase, where the platform reports it:
    /// shows which phase sets the build's peak.
    pub peak_memory: Vec<(&'static str, u64)>,
}

/// The process's peak resident memory so far in MiB (Linux `/proc`), 0 where unknown.
pub fn peak_memory_mib() -> u64 {
    resource_usage().map_or(0, |(_, peak)| peak)
}

/// The process's CPU time (user + system) and peak resident memory in MiB, where the
/// platform reports them (Linux `/proc`).
pub fn resource_usage() -> Option<(Duration, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let peak_kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at `state`; utime and
    // stime are the 12th and 13th of those, in USER_HZ ticks (100 a second on Linux).
    let after_name = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some((Duration::from_millis(ticks * 10), peak_kib / 1024))
}
