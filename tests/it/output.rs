//! The output folder: replaced in one step, so a build killed at any moment leaves the
//! old site or the new one; never a file Brief did not write removed; symbolic links and
//! the folders killed builds leave behind.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::*;

fn article(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: 2024-09-26\ntags: [talks]\n---\n\n{body}\n")
}

/// A site of `count` articles whose text depends on `version`.
fn versioned_site(version: &str, count: usize) -> tempfile::TempDir {
    let files: Vec<(String, String)> = (0..count)
        .map(|i| {
            (
                format!("content/articles/a{i}.md"),
                article(
                    &format!("Day {i} in Beirut"),
                    &format!("The talks went on ({version}), said Jane Doe."),
                ),
            )
        })
        .collect();
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_str()))
        .collect();
    site_with(&borrowed)
}

fn leftovers(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // The build cache and the site kept for the next build to update are meant to stay.
        .filter(|name| {
            name.contains(".brief-") && name != ".brief-cache" && !name.ends_with(".brief-prev")
        })
        .collect()
}

#[test]
fn a_build_with_nothing_to_do_still_removes_a_killed_builds_folder() {
    let site = versioned_site("first", 3);
    let place = tempfile::tempdir().unwrap();
    let out = place.path().join("out");
    let args = ["--output", out.to_str().unwrap()];
    assert!(build(site.path(), &args).status.success());
    // What a build killed early leaves: its temporary folder, named by its process, which
    // has ended.
    let mut ended = std::process::Command::new("true").spawn().unwrap();
    let pid = ended.id();
    ended.wait().unwrap();
    std::fs::create_dir_all(place.path().join(format!(".out.brief-tmp-{pid}/articles"))).unwrap();
    let again = build(site.path(), &args);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&again.stdout),
        stderr(&again)
    );
    assert!(again.status.success(), "{said}");
    assert!(said.contains("nothing changed"), "{said}");
    assert_eq!(leftovers(place.path()), Vec::<String>::new());
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_old_site_or_the_new_one() {
    let sites = [versioned_site("first", 12), versioned_site("second", 12)];
    let place = tempfile::tempdir().unwrap();
    let expected: Vec<_> = sites
        .iter()
        .enumerate()
        .map(|(i, site)| {
            let out = place.path().join(format!("expected{i}"));
            let built = build(site.path(), &["--output", out.to_str().unwrap()]);
            assert!(built.status.success(), "{}", stderr(&built));
            tree(&out)
        })
        .collect();
    assert_ne!(expected[0], expected[1]);

    let out = place.path().join("out");
    let started = Instant::now();
    assert!(
        build(sites[0].path(), &["--output", out.to_str().unwrap()])
            .status
            .success()
    );
    // Kills are spread over the time a build takes, which is learnt as the loop goes: a
    // kill that came too early to change the site lengthens the span, one that came
    // late enough shortens it, so kills gather around the swap. Nothing is asserted about
    // time; it only bounds the loop.
    let mut span = started.elapsed().as_micros().max(1000) as usize;
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    let mut current = 0;
    let mut kills = 0;
    let binary = assert_cmd::cargo::cargo_bin("brief");
    while kills < 400 && started.elapsed() < Duration::from_secs(5) {
        let which = random.next(2);
        let mut child = std::process::Command::new(&binary)
            .args(["build", "-q", "--root"])
            .arg(sites[which].path())
            .arg("--output")
            .arg(&out)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let moment = match random.next(2) {
            0 => random.next(span * 6 / 5),
            _ => span * 3 / 4 + random.next(span / 2),
        };
        std::thread::sleep(Duration::from_micros(moment as u64));
        let _ = child.kill();
        let _ = child.wait();
        kills += 1;
        let now = tree(&out);
        let state = expected.iter().position(|site| *site == now);
        assert!(
            state.is_some(),
            "after kill {kills}, the output is neither the old site nor the new one"
        );
        if which != current {
            match state == Some(which) {
                true => span = span * 19 / 20,
                false => span = span * 11 / 10,
            }
        }
        current = state.unwrap_or(current);
    }
    let finished = build(sites[1].path(), &["--output", out.to_str().unwrap()]);
    assert!(finished.status.success(), "{}", stderr(&finished));
    assert_eq!(tree(&out), expected[1]);
    assert_eq!(
        leftovers(place.path()),
        Vec::<String>::new(),
        "the folders of killed builds are removed"
    );
}

#[test]
fn folders_left_by_killed_builds_are_removed_and_live_ones_kept() {
    let site = site_with(&[("content/articles/a.md", ARTICLE)]);
    // Process ids above the kernel's limit never run.
    for stale in [
        ".public.brief-tmp-2147483000",
        ".public.brief-old-2147483001",
    ] {
        std::fs::create_dir_all(site.path().join(stale).join("articles")).unwrap();
        std::fs::write(site.path().join(stale).join("articles/x.html"), "old").unwrap();
    }
    // A folder a running build holds locked is not touched.
    let live = ".public.brief-tmp-2147483002".to_string();
    std::fs::create_dir(site.path().join(&live)).unwrap();
    let held = std::fs::File::open(site.path().join(&live)).unwrap();
    held.lock().unwrap();
    // One named after a running process of another program (this test), as when an
    // ended build's process id has been taken again, is removed when nobody holds it.
    let reused = format!(".public.brief-tmp-{}", std::process::id());
    std::fs::create_dir(site.path().join(&reused)).unwrap();
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(leftovers(site.path()), vec![live]);
    drop(held);
}

#[test]
fn a_copied_marker_never_makes_brief_remove_files_it_did_not_write() {
    let site = site_with(&[("content/articles/a.md", ARTICLE)]);
    assert!(build(site.path(), &[]).status.success());
    let elsewhere = site.path().join("uploads-site");
    std::fs::create_dir_all(elsewhere.join("uploads")).unwrap();
    std::fs::write(elsewhere.join("uploads/photo.jpg"), "JPEG").unwrap();
    std::fs::copy(
        site.path().join("public/.brief-output"),
        elsewhere.join(".brief-output"),
    )
    .unwrap();
    let out = build(site.path(), &["--output", elsewhere.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("uploads/photo.jpg") && err.contains("did not write"),
        "{err}"
    );
    assert_eq!(read(elsewhere.join("uploads/photo.jpg")), "JPEG");
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_is_written_through_to_its_target() {
    let site = site_with(&[("content/articles/a.md", ARTICLE)]);
    let target = site.path().join("real-output");
    std::fs::create_dir(&target).unwrap();
    let link = site.path().join("out");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    for round in 0..2 {
        let out = build(site.path(), &["--output", link.to_str().unwrap()]);
        assert!(out.status.success(), "round {round}: {}", stderr(&out));
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink(),
            "the link stays a link"
        );
        assert!(target.join("articles/a/index.html").exists());
        assert_eq!(leftovers(site.path()), Vec::<String>::new());
    }
    let checked = brief()
        .args(["check", "--output"])
        .arg(&link)
        .output()
        .unwrap();
    assert!(checked.status.success(), "{}", stderr(&checked));

    std::os::unix::fs::symlink(site.path().join("missing"), site.path().join("dangling")).unwrap();
    let out = build(
        site.path(),
        &["--output", site.path().join("dangling").to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("symbolic link"), "{}", stderr(&out));
}
