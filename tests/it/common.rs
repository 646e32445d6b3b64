//! Helpers shared by the integration tests: run the real binary on site folders.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The repository root, which is itself the example site.
pub fn example_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn brief() -> Command {
    Command::cargo_bin("brief").expect("the brief binary is built")
}

/// Copies the example site's content and config into a new temp dir.
pub fn example_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&example_root().join("content"), &dir.path().join("content"));
    std::fs::copy(
        example_root().join("site.yaml"),
        dir.path().join("site.yaml"),
    )
    .unwrap();
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A site with just the given files (path, content).
pub fn site_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, content) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

pub fn build(root: &Path, extra: &[&str]) -> Output {
    brief()
        .arg("build")
        .arg("--root")
        .arg(root)
        .args(extra)
        .output()
        .unwrap()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn read(path: impl AsRef<Path>) -> String {
    let path = path.as_ref();
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Every file under `dir` with its bytes, relative paths sorted.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Every folder below `dir`, relative and sorted: empty ones show in no `tree`.
pub fn folders(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_dir())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// Writes a `width`×`height` picture at `root/path`, in the format its extension names.
pub fn write_image(root: &Path, path: &str, width: u32, height: u32) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
    })
    .save(&path)
    .unwrap();
}

pub const ARTICLE: &str =
    "---\ntitle: A day in Beirut\ndate: 2024-09-26\n---\n\nThe talks went on.\n";

/// Debian's Chromium, which the browser checks drive.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// `tests/browser`, with its packages installed (`npm ci`) when they are missing. Chromium
/// must be installed: a browser check fails, never skips, without it.
pub fn browser_scripts() -> PathBuf {
    assert!(
        Path::new(CHROMIUM).exists(),
        "{CHROMIUM} is missing: install Chromium (apt-get install chromium) to run the browser checks"
    );
    let dir = example_root().join("tests/browser");
    if !dir.join("node_modules/playwright-core").exists()
        || !dir.join("node_modules/axe-core").exists()
    {
        let status = std::process::Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir)
            .status()
            .expect("npm installs the browser test packages");
        assert!(status.success(), "npm ci in tests/browser failed");
    }
    dir
}

/// A static file server over a built site, as a plain host would serve it.
pub struct StaticServer {
    child: std::process::Child,
    pub port: u16,
}

impl StaticServer {
    /// Serves `dir` on 127.0.0.1, on a port the OS picks; waits until it listens.
    pub fn start(dir: &Path) -> StaticServer {
        use std::io::BufRead;
        let mut child = std::process::Command::new("python3")
            .args(["-u", "-m", "http.server", "--bind", "127.0.0.1", "0"])
            .arg("--directory")
            .arg(dir)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("python3 runs the test's static file server");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut first_line = String::new();
        std::io::BufReader::new(stdout)
            .read_line(&mut first_line)
            .expect("the static server prints its address");
        // "Serving HTTP on 127.0.0.1 port 41235 (http://127.0.0.1:41235/) ..."
        let port = first_line
            .split_whitespace()
            .skip_while(|word| *word != "port")
            .nth(1)
            .and_then(|p| p.parse::<u16>().ok())
            .unwrap_or_else(|| panic!("no port in the server's first line: {first_line:?}"));
        StaticServer { child, port }
    }

    /// `http://127.0.0.1:PORT/`.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A small deterministic generator, so a failing sequence can be replayed.
pub struct Random(pub u64);

impl Random {
    pub fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below as u64) as usize
    }
}

const TAGS: [&str; 5] = ["diplomacy", "energy", "security", "aid", "economy"];
const STORIES: [&str; 3] = ["talks", "blockade", "us-lebanon-talks"];

/// A random article `n` of `count`, linking to another one, for the differential tests.
pub fn generated_article(random: &mut Random, n: usize, count: usize) -> String {
    let day = 1 + random.next(9);
    let tags: Vec<&str> = (0..random.next(3))
        .map(|_| TAGS[random.next(TAGS.len())])
        .collect();
    let mut front = format!(
        "---\ntitle: \"Item {n}, version {}\"\ndate: 2024-03-0{day} 0{}:00\ntags: [{}]\n",
        random.next(1000),
        random.next(10),
        tags.join(", ")
    );
    if random.next(2) == 0 {
        front.push_str(&format!("story: {}\n", STORIES[random.next(STORIES.len())]));
    }
    let other = random.next(count);
    let link = match other != n {
        true => format!(" See [item {other}](item-{other}.md)."),
        false => String::new(),
    };
    // Some articles write the hyphenated pair a story's title takes from its articles.
    let channel = match random.next(2) {
        0 => " The US-Lebanon channel stays open.",
        _ => "",
    };
    format!(
        "{front}---\n\nOfficials in Beirut met about Hezbollah and Lebanon.{channel}{link}\n\n## Details {}\n\nMore text.\n",
        random.next(5)
    )
}

/// A site of `count` random articles (`content/articles/item-N.md`) with two gazetteer
/// entities, for the differential tests.
pub fn generated_site(random: &mut Random, count: usize) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = vec![
        (
            "site.yaml".into(),
            "title: Random\ntimeline_page_size: 4\nfeed_length: 3\n".into(),
        ),
        (
            "content/entities/lebanon.md".into(),
            "---\nname: Lebanon\nkind: place\n---\n".into(),
        ),
        (
            "content/entities/hezbollah.md".into(),
            "---\nname: Hezbollah\nkind: organization\n---\n".into(),
        ),
    ];
    for n in 0..count {
        files.push((
            format!("content/articles/item-{n}.md"),
            generated_article(random, n, count),
        ));
    }
    files
}
