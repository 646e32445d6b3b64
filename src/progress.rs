//! The progress bar of a long build: one line on standard error, redrawn in place, naming
//! the stage (articles read, extracted, pages rendered, files written) and how far it is.
//! It appears only once a build has taken a second, only on a terminal, and is cleared
//! before the build's summary line.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a build runs before its progress is shown: shorter builds print only their
/// summary line.
const SHOWN_AFTER: Duration = Duration::from_secs(1);

/// Redraws a second, so a stage that goes quickly does not cost more in drawing.
const REDRAWS_PER_SECOND: u8 = 10;

/// A handle on the progress bar; clones show on the same line. Hidden, it does nothing.
#[derive(Clone)]
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// Shows nothing: for `--quiet`, tests and every command but `build`.
    pub fn hidden() -> Progress {
        Progress { bar: None }
    }

    /// A bar on standard error when it is a terminal, appearing once the build has run
    /// for a second; otherwise nothing.
    pub fn on_terminal() -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        let shown = bar.clone();
        std::thread::spawn(move || {
            std::thread::sleep(SHOWN_AFTER);
            if !shown.is_finished() {
                shown.set_draw_target(ProgressDrawTarget::stderr_with_hz(REDRAWS_PER_SECOND));
                shown.enable_steady_tick(Duration::from_millis(200));
            }
        });
        Progress { bar: Some(bar) }
    }

    /// Starts a stage of `total` steps: a bar, or a count when the total is not known
    /// beforehand.
    pub fn stage(&self, name: &'static str, total: Option<usize>) {
        let Some(bar) = &self.bar else {
            return;
        };
        let template = match total {
            Some(_) => "{msg:>20} [{bar:30}] {pos}/{len}",
            None => "{msg:>20} {spinner} {pos}",
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(name);
        bar.set_position(0);
        bar.set_length(total.unwrap_or(0) as u64);
    }

    /// Starts a stage that is one step, such as putting the new site in place.
    pub fn step(&self, name: &'static str) {
        if let Some(bar) = &self.bar {
            if let Ok(style) = ProgressStyle::with_template("{msg:>20} {spinner}") {
                bar.set_style(style);
            }
            bar.set_message(name);
        }
    }

    /// `done` more steps of the stage are done.
    pub fn advance(&self, done: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(done as u64);
        }
    }

    /// Clears the bar, before the summary line is printed.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
