use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use brief::commands::{self, NewArticle};
use brief::load::Schedule;
use brief::pipeline::BuildOptions;
use brief::serve::{self, ServeOptions};
use clap::{Args, CommandFactory, Parser, Subcommand};
use clap_complete::Shell;

/// mimalloc keeps allocation fast in the long-running `brief serve`, where the system
/// allocator slows down as rebuilds free and reuse many small strings.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Brief: build cross-linked briefing sites from news articles in Markdown.
#[derive(Parser)]
#[command(name = "brief", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
struct SiteArgs {
    /// Site folder (holding site.yaml and content/); by default the nearest folder with a
    /// site.yaml, from the current folder up.
    #[arg(short, long)]
    root: Option<PathBuf>,
    /// Include articles marked `draft: true`.
    #[arg(short = 'D', long)]
    drafts: bool,
    /// Include articles dated in the future (`brief serve` always shows them, marked
    /// "Scheduled").
    #[arg(short = 'F', long)]
    future: bool,
    /// Include articles whose `expires` date has passed.
    #[arg(long)]
    expired: bool,
    /// Publish as of this moment (RFC 3339, such as 2025-03-01T09:00:00Z) instead of now:
    /// to preview tomorrow's site, or to rebuild an old one exactly.
    #[arg(long, value_name = "TIME")]
    now: Option<jiff::Timestamp>,
    /// Base URL the site is served from (overrides site.yaml).
    #[arg(short, long)]
    base_url: Option<String>,
    /// Print only errors and warnings.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder.
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Output folder (default: site.yaml `output`, else public/).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Print how long each pipeline stage took, CPU time by page kind and peak memory.
        #[arg(long)]
        timings: bool,
        /// Folder of the build cache, which lets a rebuild redo only what changed
        /// (default: .brief-cache in the site folder; safe to delete).
        #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
        cache_dir: Option<PathBuf>,
        /// Build everything anew, neither reading nor writing the build cache.
        #[arg(long)]
        no_cache: bool,
    },
    /// Build the site into memory and preview it; rebuild and reload the browser on every save.
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Port to listen on (0 picks a free one).
        #[arg(short, long, default_value_t = 4000)]
        port: u16,
        /// Address to listen on; any other than a loopback address opens the preview to the network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
        /// Look for changes by reading the files every second (for network drives and WSL).
        #[arg(long)]
        poll: bool,
        /// Print how long each stage of a rebuild took.
        #[arg(long)]
        timings: bool,
        /// Milliseconds a client may take to send a request's head (for tests).
        #[arg(long, hide = true, default_value_t = serve::connections::HEADER_READ_TIMEOUT.as_millis() as u64)]
        header_timeout_ms: u64,
    },
    /// Check content and templates without writing anything; list entity suggestions.
    /// With --output, check the links and anchors of a built site instead.
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// Machine-readable output.
        #[arg(long, conflicts_with = "output")]
        json: bool,
        /// A built site to check as served from its base URL (the one it was built for,
        /// unless --base-url says otherwise): every internal link and #anchor must resolve.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// With --output: print the external links, one a line, for a link checker.
        #[arg(long, requires = "output")]
        external: bool,
    },
    /// Print what extraction finds in Markdown files.
    Extract {
        /// Site folder whose gazetteer is used (by default the current folder's, if any).
        #[arg(short, long)]
        root: Option<PathBuf>,
        /// Markdown files to read.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Create a new site in an empty folder: a minimal one, or the full example.
    Init {
        /// Folder to create the site in.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Copy the example site (eight articles about the Middle East, with entities,
        /// a briefing note and standalone pages) instead of a minimal one.
        #[arg(long)]
        example: bool,
    },
    /// Create a new article from its title (a draft), and print its path.
    New {
        /// The article's title.
        title: String,
        /// Site folder; by default the nearest folder with a site.yaml, from here up.
        #[arg(short, long)]
        root: Option<PathBuf>,
        /// Publication date, YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
        /// Tags, comma-separated.
        #[arg(long, value_delimiter = ',')]
        tags: Vec<String>,
        /// Story thread id.
        #[arg(long)]
        story: Option<String>,
        /// Subfolder of content/articles/ to write into.
        #[arg(long)]
        path: Option<PathBuf>,
    },
    /// Convert another generator's posts into Brief articles (content/articles/*.md),
    /// copy their images, and say what changed and what needs a person.
    Import {
        /// The generator the source folder was written for.
        #[arg(long, value_enum)]
        from: brief::import::Generator,
        /// The other generator's site folder (or its content folder).
        source: PathBuf,
        /// The Brief site folder to write into (created if missing).
        #[arg(default_value = ".")]
        dest: PathBuf,
    },
    /// Work with the built-in theme.
    Theme {
        #[command(subcommand)]
        action: ThemeAction,
    },
    /// Print a shell completion script: `brief completions bash > ~/.local/share/bash-completion/completions/brief`.
    Completions {
        /// The shell to complete in.
        shell: Shell,
    },
}

#[derive(Subcommand)]
enum ThemeAction {
    /// Copy a built-in template (or all of them) into the site's templates/ to edit it.
    /// A site template may also extend the built-in one: {% extends "brief/NAME" %}.
    Eject {
        /// The template to copy, such as `article.html`; all of them when left out.
        name: Option<String>,
        /// Site folder; by default the nearest folder with a site.yaml, from here up.
        #[arg(short, long)]
        root: Option<PathBuf>,
    },
}

/// The site's folder: `--root`, else the nearest folder with a `site.yaml`.
fn site_root(root: Option<PathBuf>) -> Result<PathBuf, ExitCode> {
    match root {
        Some(root) => Ok(root),
        None => commands::find_site().map_err(|message| {
            eprintln!("error: {message}");
            ExitCode::from(commands::CONTENT_ERROR)
        }),
    }
}

fn build_options(site: SiteArgs, output: Option<PathBuf>) -> Result<BuildOptions, ExitCode> {
    Ok(BuildOptions {
        root: site_root(site.root)?,
        output,
        base_url: site.base_url,
        drafts: site.drafts,
        // The one place the clock is read: everything after works from this moment.
        schedule: Some(Schedule {
            now: site.now.unwrap_or_else(jiff::Timestamp::now),
            future: site.future,
            expired: site.expired,
        }),
    })
}

fn main() -> ExitCode {
    match run(Cli::parse().command) {
        Ok(code) | Err(code) => code,
    }
}

fn run(command: Command) -> Result<ExitCode, ExitCode> {
    Ok(match command {
        Command::Build {
            site,
            output,
            timings,
            cache_dir,
            no_cache,
        } => {
            let quiet = site.quiet;
            let options = build_options(site, output)?;
            let cache =
                (!no_cache).then(|| brief::build::cache_dir(&options, cache_dir.as_deref()));
            commands::build(&options, cache.as_deref(), timings, quiet)
        }
        Command::Serve {
            site,
            port,
            bind,
            open,
            poll,
            timings,
            header_timeout_ms,
        } => {
            let quiet = site.quiet;
            let mut build = build_options(site, None)?;
            // Editors preview scheduled pieces; they are marked as such.
            if let Some(schedule) = &mut build.schedule {
                schedule.future = true;
            }
            serve::run(ServeOptions {
                build,
                bind,
                port,
                open,
                poll,
                timings,
                quiet,
                header_timeout: std::time::Duration::from_millis(header_timeout_ms),
            })
        }
        Command::Check {
            site,
            output: Some(output),
            external,
            ..
        } => {
            let quiet = site.quiet;
            let explicit_base = site.base_url.is_some();
            commands::check_output(
                &build_options(site, None)?,
                &output,
                external,
                explicit_base,
                quiet,
            )
        }
        Command::Check { site, json, .. } => {
            let quiet = site.quiet;
            commands::check(&build_options(site, None)?, json, quiet)
        }
        Command::Extract { root, files, json } => {
            commands::extract(&root.unwrap_or_else(|| PathBuf::from(".")), &files, json)
        }
        Command::Init { dir, example } => commands::init(&dir, example),
        Command::Import { from, source, dest } => commands::import(from, &source, &dest),
        Command::New {
            title,
            root,
            date,
            tags,
            story,
            path,
        } => commands::new(
            &site_root(root)?,
            &NewArticle {
                title,
                date,
                tags,
                story,
                folder: path,
            },
        ),
        Command::Theme {
            action: ThemeAction::Eject { name, root },
        } => commands::eject(&site_root(root)?, name.as_deref()),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "brief", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
    })
}
