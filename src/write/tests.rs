use std::path::Path;

use super::*;

fn site(files: &[(&str, &str)]) -> Vec<Output> {
    files
        .iter()
        .map(|(path, content)| Output::new(*path, *content))
        .collect()
}

/// Builds `files` into `output` as a build with the cache does, and gives the times it
/// keeps, newest first, as the cache keeps them.
fn build(output: &Path, files: &[(&str, &str)], known: &[FolderTimes]) -> Vec<FolderTimes> {
    // Folder times move with the file system's clock, which ticks in milliseconds.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let staging = Staging::begin(output, "/", true).unwrap();
    staging.add(&site(files)).unwrap();
    let committed = staging.commit(known).unwrap();
    let times = committed
        .times
        .expect("a build that keeps the replaced site gives times");
    std::iter::once(times)
        .chain(known.first().cloned())
        .collect()
}

#[test]
fn the_times_a_build_updating_the_kept_site_gives_are_the_folders_own() {
    let parent = tempfile::tempdir().unwrap();
    let output = parent.path().join("public");
    let first = [
        ("index.html", "front"),
        ("articles/a/index.html", "a"),
        ("articles/b/index.html", "b"),
        ("articles/b/deeper/note.html", "note"),
        ("topics/t/index.html", "t"),
        ("data/site.json", "{}"),
    ];
    let known = build(&output, &first, &[]);
    let known = build(&output, &first, &known);
    assert_eq!(Some(&known[0]), FolderTimes::of(&output).as_ref());
    // This build starts from the first one's site: one page changes, one folder goes
    // with its page, one folder is new, the rest stay as they were.
    let third = [
        ("index.html", "front"),
        ("articles/a/index.html", "a, edited"),
        ("topics/t/index.html", "t"),
        ("topics/u/index.html", "u"),
        ("data/site.json", "{}"),
    ];
    let known = build(&output, &third, &known);
    assert_eq!(Some(&known[0]), FolderTimes::of(&output).as_ref());
    let known = build(&output, &first, &known);
    assert_eq!(Some(&known[0]), FolderTimes::of(&output).as_ref());
}

#[test]
fn a_file_added_to_a_folder_a_build_left_as_it_was_is_still_found() {
    let parent = tempfile::tempdir().unwrap();
    let output = parent.path().join("public");
    let files = [("articles/a/index.html", "a"), ("topics/t/index.html", "t")];
    let known = build(&output, &files, &[]);
    let known = build(&output, &files, &known);
    let edited = [("articles/a/index.html", "a, edited"), files[1]];
    let known = build(&output, &edited, &known);
    std::fs::write(output.join("topics/t/stray.txt"), "not built").unwrap();
    let refused = check_output_dir(parent.path(), &output, &known).unwrap_err();
    assert!(
        refused.message.contains("topics/t/stray.txt"),
        "{refused:?}"
    );
}
