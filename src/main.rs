use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use brief::commands;
use brief::pipeline::BuildOptions;
use brief::serve::{self, ServeOptions};
use clap::{Args, Parser, Subcommand};

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
    /// Site folder (holding site.yaml and content/).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Include articles marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Base URL the site is served from (overrides site.yaml).
    #[arg(long)]
    base_url: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder.
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Output folder (default: site.yaml `output`, else public/).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Print how long each pipeline stage took, CPU time by page kind and peak memory.
        #[arg(long)]
        timings: bool,
    },
    /// Build the site into memory and preview it; rebuild and reload the browser on every save.
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Port to listen on (0 picks a free one).
        #[arg(long, default_value_t = 4000)]
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
    },
    /// Check content and templates without writing anything; list entity suggestions.
    /// With --output, check the links and anchors of a built site instead.
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// Machine-readable output.
        #[arg(long, conflicts_with = "output")]
        json: bool,
        /// A built site to check as served from the base URL: every internal link and
        /// #anchor must resolve.
        #[arg(long)]
        output: Option<PathBuf>,
        /// With --output: print the external links, one a line, for a link checker.
        #[arg(long, requires = "output")]
        external: bool,
    },
    /// Print what extraction finds in Markdown files.
    Extract {
        /// Site folder whose gazetteer is used.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Markdown files to read.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Create a new site in an empty folder.
    Init {
        /// Folder to create the site in.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Work with the built-in theme.
    Theme {
        #[command(subcommand)]
        action: ThemeAction,
    },
    /// Create a new article from its title.
    New {
        /// The article's title.
        title: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Subcommand)]
enum ThemeAction {
    /// Copy a built-in template (or all of them) into the site's templates/ to edit it.
    /// A site template may also extend the built-in one: {% extends "brief/NAME" %}.
    Eject {
        /// The template to copy, such as `article.html`; all of them when left out.
        name: Option<String>,
        /// Site folder (holding site.yaml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

fn build_options(site: SiteArgs, output: Option<PathBuf>) -> BuildOptions {
    BuildOptions {
        root: site.root,
        output,
        base_url: site.base_url,
        drafts: site.drafts,
    }
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build {
            site,
            output,
            timings,
        } => commands::build(&build_options(site, output), timings),
        Command::Serve {
            site,
            port,
            bind,
            open,
            poll,
            timings,
        } => serve::run(ServeOptions {
            build: build_options(site, None),
            bind,
            port,
            open,
            poll,
            timings,
        }),
        Command::Check {
            site,
            output: Some(output),
            external,
            ..
        } => commands::check_output(&build_options(site, None), &output, external),
        Command::Check { site, json, .. } => commands::check(&build_options(site, None), json),
        Command::Extract { root, files, json } => commands::extract(&root, &files, json),
        Command::Init { dir } => commands::init(&dir),
        Command::New { title, root } => commands::new(&root, &title),
        Command::Theme {
            action: ThemeAction::Eject { name, root },
        } => commands::eject(&root, name.as_deref()),
    }
}
