use std::path::Path;

use super::*;

/// What one build does, in the ways a build puts files into its folder.
#[derive(Default)]
struct Build<'a> {
    /// Files added whole.
    files: Vec<(&'a str, &'a str)>,
    /// Files kept from the output as they are.
    kept: Vec<(&'a str, &'a str)>,
    /// Files written in pieces.
    streamed: Vec<(&'a str, &'a str)>,
}

/// Builds into `output` as a build with the cache does, and gives the folder times it
/// keeps, newest first, as the cache keeps them.
fn build(output: &Path, site: &Build, known: &[FolderTimes]) -> Vec<FolderTimes> {
    // Folder times move with the file system's clock, which ticks in milliseconds.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let staging = Staging::begin(output, "/", true).unwrap();
    let files: Vec<Output> = site
        .files
        .iter()
        .map(|(path, content)| Output::new(*path, *content))
        .collect();
    staging.add(&files).unwrap();
    let kept: Vec<KeptFile> = site
        .kept
        .iter()
        .map(|(path, content)| KeptFile {
            path: path.to_string(),
            hash: xxh3_64(content.as_bytes()),
            size: content.len() as u64,
        })
        .collect();
    let pages: Vec<&[KeptFile]> = kept.iter().map(std::slice::from_ref).collect();
    assert!(staging.keep(&pages).unwrap().iter().all(|kept| *kept));
    for (path, content) in &site.streamed {
        let mut file = staging.create(path).unwrap();
        file.write(content.as_bytes()).unwrap();
        staging.finish(file).unwrap();
    }
    let committed = staging.commit(known).unwrap();
    let times = committed
        .times
        .expect("a build that keeps the replaced site gives times");
    std::iter::once(times)
        .chain(known.first().cloned())
        .collect()
}

const FIRST: [(&str, &str); 7] = [
    ("index.html", "front"),
    ("about/index.html", "about"),
    ("articles/a/index.html", "a"),
    ("articles/b/index.html", "b"),
    ("articles/b/deeper/note.html", "note"),
    ("topics/t/index.html", "t"),
    ("data/site.json", "{}"),
];

#[test]
fn the_times_a_build_updating_the_kept_site_gives_are_the_folders_own() {
    let parent = tempfile::tempdir().unwrap();
    let output = parent.path().join("public");
    let first = Build {
        files: FIRST.to_vec(),
        streamed: vec![("data/whole.json", "one")],
        ..Build::default()
    };
    let known = build(&output, &first, &[]);
    let second = Build {
        files: [
            FIRST.as_slice(),
            &[("extra/x/index.html", "x"), ("about/team.html", "team")],
        ]
        .concat(),
        streamed: vec![("data/whole.json", "two")],
        ..Build::default()
    };
    let known = build(&output, &second, &known);
    assert_eq!(Some(&known[0]), FolderTimes::of(&output).as_ref());
    // This build starts from the first one's site: a page changes, pages are kept from
    // the output (into a new folder and into one the site had), a folder goes with its
    // page, a folder is new, a file is written in pieces over the old one and then
    // linked to the output's.
    let third = Build {
        files: vec![
            ("index.html", "front"),
            ("about/index.html", "about"),
            ("articles/a/index.html", "a, edited"),
            ("topics/t/index.html", "t"),
            ("topics/u/index.html", "u"),
            ("data/site.json", "{}"),
        ],
        kept: vec![("extra/x/index.html", "x"), ("about/team.html", "team")],
        streamed: vec![("data/whole.json", "two")],
    };
    let known = build(&output, &third, &known);
    assert_eq!(Some(&known[0]), FolderTimes::of(&output).as_ref());
    let known = build(&output, &first, &known);
    assert_eq!(Some(&known[0]), FolderTimes::of(&output).as_ref());
}

#[test]
fn a_file_put_into_the_kept_site_is_found_after_the_build_that_updates_it() {
    let parent = tempfile::tempdir().unwrap();
    let output = parent.path().join("public");
    let site = Build {
        files: FIRST.to_vec(),
        ..Build::default()
    };
    let known = build(&output, &site, &[]);
    let known = build(&output, &site, &known);
    // The next build updates the kept site; this folder it leaves as it was.
    let kept = swap::previous_folder(&absolute(&output));
    std::fs::write(kept.join("topics/t/stray.txt"), "not built").unwrap();
    let edited = Build {
        files: [
            &FIRST[..2],
            &[("articles/a/index.html", "a, edited")],
            &FIRST[3..],
        ]
        .concat(),
        ..Build::default()
    };
    let known = build(&output, &edited, &known);
    let refused = check_output_dir(parent.path(), &output, &known).unwrap_err();
    assert!(
        refused.message.contains("topics/t/stray.txt"),
        "{refused:?}"
    );
}
