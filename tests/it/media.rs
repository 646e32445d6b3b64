//! Images, embeds and article metadata, end to end: the real binary on site folders with
//! image files made here.

use std::path::Path;

use crate::common::*;

fn size_of(path: &Path) -> (u32, u32) {
    image::image_dimensions(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const LEAD: &str = "---\ntitle: Talks resume\ndate: 2024-09-26\nimage: /images/harbour.jpg\nimage_alt: Boats in the harbour at dawn\nimage_caption: The harbour on Thursday\nimage_credit: Photo by Jane Doe\n---\n\nThe talks went on.\n\n![A map of the coast](map.png \"The coast\")\n\n![A remote picture](https://example.org/remote.jpg)\n";

fn site_with_images() -> tempfile::TempDir {
    let site = site_with(&[
        ("content/articles/talks.md", LEAD),
        (
            "content/articles/other.md",
            "---\ntitle: Other news\ndate: 2024-09-27\n---\n\nNothing else.\n",
        ),
    ]);
    write_image(site.path(), "static/images/harbour.jpg", 1200, 600);
    write_image(site.path(), "content/articles/map.png", 700, 400);
    site
}

#[test]
fn local_images_are_resized_with_srcset_and_sizes() {
    let site = site_with_images();
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = site.path().join("public");
    let page = read(public.join("articles/talks/index.html"));

    // The lead image: every width up to its own, never wider, and not lazy.
    let lead = page
        .split("<figure class=\"article-image\">")
        .nth(1)
        .and_then(|rest| rest.split("</figure>").next())
        .expect("the article page shows its image");
    assert!(lead.contains("width=\"1200\" height=\"600\""), "{lead}");
    assert!(
        lead.contains("alt=\"Boats in the harbour at dawn\""),
        "{lead}"
    );
    assert!(!lead.contains("loading=\"lazy\""), "{lead}");
    assert!(
        lead.contains("<figcaption>The harbour on Thursday <span class=\"credit\">Photo by Jane Doe</span></figcaption>"),
        "{lead}"
    );
    let srcset: Vec<&str> = lead
        .split("srcset=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .split(", ")
        .collect();
    assert_eq!(srcset.len(), 3, "{srcset:?}");
    for (candidate, width) in srcset.iter().zip([480, 960, 1200]) {
        let (url, descriptor) = candidate.split_once(' ').unwrap();
        assert_eq!(descriptor, format!("{width}w"));
        let file = public.join(url.trim_start_matches('/'));
        assert_eq!(size_of(&file), (width, width / 2), "{url}");
    }

    // A body image beside the article: its own width and the smaller one, lazy.
    assert!(
        page.contains("srcset=\"/images/map-") && page.contains("-700.png 700w\""),
        "{page}"
    );
    let body_image = page
        .split("<img src=\"/images/map-")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .expect("the body image");
    assert!(
        body_image.contains("width=\"700\" height=\"400\"")
            && body_image.contains("alt=\"A map of the coast\"")
            && body_image.contains("title=\"The coast\"")
            && body_image.contains("loading=\"lazy\""),
        "{body_image}"
    );
    // A remote image is left as it was written.
    assert!(
        page.contains("<img src=\"https://example.org/remote.jpg\" alt=\"A remote picture\" />"),
        "{page}"
    );

    // Cards show a lazy thumbnail; a card without an image has none.
    let day = read(public.join("briefings/2024-09-26/index.html"));
    let thumbnail = day
        .split("<img class=\"card-image\"")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .expect("a thumbnail");
    assert!(
        thumbnail.contains("srcset=\"/images/harbour-") && thumbnail.contains("loading=\"lazy\""),
        "{thumbnail}"
    );
    let next_day = read(public.join("briefings/2024-09-27/index.html"));
    assert!(next_day.contains("<article class=\"card") && !next_day.contains("card-image"));
    let og = "<meta property=\"og:image\" content=\"http://localhost/images/harbour-";
    assert!(page.contains(og), "social cards use the resized image");
    // Feed readers get every size at its absolute address.
    let feed = read(public.join("feed.xml"));
    assert!(
        feed.contains("srcset=&quot;http://localhost/images/map-")
            && !feed.contains("srcset=&quot;/images"),
        "{feed}"
    );
}

#[test]
fn resized_images_come_from_the_cache_on_rebuild() {
    let site = site_with_images();
    assert!(build(site.path(), &[]).status.success());
    let cache = site.path().join(".brief-cache/images");
    let cached: Vec<_> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(
        cached.len(),
        3,
        "480 and 960 of the photo, 480 of the map: {cached:?}"
    );
    // Put a different picture in place of one cached size: a rebuild must take it as it
    // is, which shows it does not resize again.
    let small = cached
        .iter()
        .find(|p| p.to_string_lossy().ends_with("-480-v1.jpg"))
        .unwrap();
    write_image(site.path(), "marker.jpg", 480, 7);
    std::fs::copy(site.path().join("marker.jpg"), small).unwrap();
    // Without the old output, every image file is written again.
    std::fs::remove_dir_all(site.path().join("public")).unwrap();
    assert!(build(site.path(), &[]).status.success());
    let output = walkdir::WalkDir::new(site.path().join("public/images"))
        .into_iter()
        .map(Result::unwrap)
        .find(|e| e.file_name().to_string_lossy().ends_with("-480.jpg"))
        .unwrap();
    assert_eq!(size_of(output.path()), (480, 7));
}

#[test]
fn a_site_without_images_makes_no_cache() {
    let site = site_with(&[("content/articles/a.md", ARTICLE)]);
    assert!(build(site.path(), &[]).status.success());
    assert!(!site.path().join(".brief-cache/images").exists());
    assert!(!site.path().join("public/images").exists());
}

#[test]
fn missing_images_and_descriptions_are_errors_at_their_lines() {
    let site = site_with(&[
        (
            "content/articles/a.md",
            "---\ntitle: A\ndate: 2024-09-26\nimage: /images/gone.jpg\nimage_alt: Gone\n---\n\nText.\n\n![Lost](lost.png)\n",
        ),
        (
            "content/articles/b.md",
            "---\ntitle: B\ndate: 2024-09-26\nimage: https://example.org/b.jpg\n---\n\nText.\n",
        ),
    ]);
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let errors = stderr(&out);
    for expected in [
        "content/articles/a.md:4:8: error: image file static/images/gone.jpg does not exist",
        "content/articles/a.md:10:1: error: image `lost.png` is neither beside the article (content/articles/lost.png) nor in static/",
        "content/articles/b.md:4:8: error: `image_alt:` is missing",
    ] {
        assert!(errors.contains(expected), "{expected}\n{errors}");
    }
    assert!(!site.path().join("public").exists());
}

#[test]
fn templates_ask_for_other_sizes_with_resize_image() {
    let site = site_with_images();
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    std::fs::write(
        site.path().join("templates/index.html"),
        "{% extends \"brief/index.html\" %}{% block head %}{% set small = resize_image(path=\"/images/harbour.jpg\", width=320) %}<link rel=\"preload\" as=\"image\" href=\"{{ small.url }}\" data-size=\"{{ small.width }}x{{ small.height }}\">{% endblock head %}",
    )
    .unwrap();
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let index = read(site.path().join("public/index.html"));
    let url = index
        .split("rel=\"preload\" as=\"image\" href=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap();
    assert!(index.contains("data-size=\"320x160\""), "{index}");
    let file = site.path().join("public").join(url.trim_start_matches('/'));
    assert_eq!(size_of(&file), (320, 160));
}

#[test]
fn shortcodes_render_built_in_and_site_templates() {
    let body = "Intro.\n\n{{ youtube(id=\"abc123\", title=\"The briefing\") }}\n\n{{ vimeo(id=\"42\") }}\n\n{{ chart(provider=\"flourish\", id=\"77\", title=\"Votes by region\", height=500) }}\n\n{{ figure(src=\"map.png\", alt=\"The coast\", caption=\"Where it happened\") }}\n\n{{ note(text=\"Updated at noon\") }}\n\n```\n{{ youtube(id=\"in-code\") }}\n```\n\nSay `{{ youtube(id=\"in-span\") }}` to embed.\n";
    let site = site_with(&[
        (
            "content/articles/a.md",
            &format!("---\ntitle: A\ndate: 2024-09-26\n---\n\n{body}"),
        ),
        (
            "templates/shortcodes/note.html",
            "<aside class=\"note\">{{ text }}</aside>",
        ),
    ]);
    write_image(site.path(), "content/articles/map.png", 400, 300);
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
    let page = read(site.path().join("public/articles/a/index.html"));
    for expected in [
        "<iframe src=\"https://www.youtube-nocookie.com/embed/abc123\" title=\"The briefing\" loading=\"lazy\"",
        "<iframe src=\"https://player.vimeo.com/video/42?dnt=1\" title=\"Vimeo video\" loading=\"lazy\"",
        "<iframe src=\"https://flo.uri.sh/visualisation/77/embed\" title=\"Votes by region\" height=\"500\" loading=\"lazy\"",
        "<figcaption>Where it happened</figcaption>",
        "width=\"400\" height=\"300\" alt=\"The coast\" loading=\"lazy\"",
        "<aside class=\"note\">Updated at noon</aside>",
        "{{ youtube(id=&quot;in-code&quot;) }}",
        "<code>{{ youtube(id=\"in-span\") }}</code>",
    ] {
        assert!(page.contains(expected), "{expected}\n{page}");
    }
    assert!(!page.contains("<p>{{"), "{page}");
}

#[test]
fn shortcode_output_survives_sanitising_and_removed_html_is_a_warning() {
    let site = site_with(&[(
        "content/articles/a.md",
        "---\ntitle: A\ndate: 2024-09-26\n---\n\nIntro with <b onclick=\"steal()\">bold</b> text.\n\n<iframe src=\"https://tracker.example/\"></iframe>\n\n{{ youtube(id=\"abc123\") }}\n",
    )]);
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let warnings = stderr(&out);
    for expected in [
        "content/articles/a.md:6:12: warning: raw HTML is removed from the page: the onclick attribute of <b>",
        "content/articles/a.md:8:1: warning: raw HTML is removed from the page: <iframe>",
    ] {
        assert!(warnings.contains(expected), "{expected}\n{warnings}");
    }
    let page = read(site.path().join("public/articles/a/index.html"));
    assert!(
        !page.contains("tracker.example") && !page.contains("steal()"),
        "{page}"
    );
    assert!(page.contains("youtube-nocookie.com/embed/abc123"), "{page}");
}

#[test]
fn unknown_shortcodes_and_bad_arguments_are_errors_at_their_lines() {
    let site = site_with(&[(
        "content/articles/a.md",
        "---\ntitle: A\ndate: 2024-09-26\n---\n\n{{ tweet(id=\"1\") }}\n\n{{ youtube(id=abc) }}\n\n{{ youtube(video=\"abc\") }}\n\n{{ youtube() }}\n\n{{ chart(provider=\"other\", id=\"1\", title=\"T\") }}\n",
    )]);
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let errors = stderr(&out);
    for expected in [
        "a.md:6:1: error: unknown shortcode `tweet`; there are: chart, figure, vimeo, youtube",
        "a.md:8:1: error: shortcode `youtube`: argument `id`: `abc` is not a quoted text",
        "a.md:10:1: error: shortcode `youtube` takes no argument `video`",
        "a.md:12:1: error: shortcode `youtube`:",
        "youtube needs id=",
        "a.md:14:1: error: shortcode `chart`:",
        "provider must be",
    ] {
        assert!(errors.contains(expected), "{expected}\n{errors}");
    }
}

#[test]
fn article_pages_carry_news_article_metadata() {
    let site = site_with(&[(
        "content/articles/a.md",
        "---\ntitle: \"Talks </script><script>alert(1)</script>\"\ndate: 2024-09-26T10:00:00Z\nupdated: 2024-09-27T08:30:00Z\nauthors: [Jane Doe, Sam Roe]\nimage: https://example.org/a.jpg\nimage_alt: A\n---\n\nThe talks went on.\n",
    )]);
    let out = build(site.path(), &["--base-url", "https://example.org/briefs/"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = read(site.path().join("public/articles/a/index.html"));
    assert!(
        page.contains(
            "<meta property=\"article:published_time\" content=\"2024-09-26T10:00:00Z\">"
        ) && page
            .contains("<meta property=\"article:modified_time\" content=\"2024-09-27T08:30:00Z\">"),
        "{page}"
    );
    let json = page
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("a JSON-LD script");
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(value["@type"], "NewsArticle");
    assert_eq!(
        value["headline"],
        "Talks </script><script>alert(1)</script>"
    );
    assert_eq!(value["datePublished"], "2024-09-26T10:00:00Z");
    assert_eq!(value["dateModified"], "2024-09-27T08:30:00Z");
    assert_eq!(value["author"][1]["name"], "Sam Roe");
    assert_eq!(value["image"][0], "https://example.org/a.jpg");
    assert_eq!(value["publisher"]["url"], "https://example.org/briefs/");
    assert_eq!(page.matches("<script").count(), 1, "{page}");
    let index = read(site.path().join("public/index.html"));
    assert!(!index.contains("ld+json") && !index.contains("article:published_time"));
}

#[test]
fn the_favicon_is_built_in_unless_the_site_has_its_own() {
    let site = site_with(&[("content/articles/a.md", ARTICLE)]);
    assert!(build(site.path(), &[]).status.success());
    let public = site.path().join("public");
    assert!(read(public.join("favicon.svg")).starts_with("<svg"));
    assert!(read(public.join("index.html")).contains("<link rel=\"icon\" href=\"/favicon.svg\">"));

    std::fs::create_dir_all(site.path().join("static")).unwrap();
    std::fs::write(site.path().join("static/favicon.ico"), b"ico").unwrap();
    assert!(build(site.path(), &[]).status.success());
    assert!(read(public.join("index.html")).contains("<link rel=\"icon\" href=\"/favicon.ico\">"));

    std::fs::write(site.path().join("static/favicon.svg"), "<svg id=\"own\"/>").unwrap();
    assert!(build(site.path(), &[]).status.success());
    assert_eq!(read(public.join("favicon.svg")), "<svg id=\"own\"/>");
    assert!(read(public.join("index.html")).contains("href=\"/favicon.svg\""));
}

#[test]
fn a_relative_image_not_beside_the_article_is_taken_from_static() {
    let site = site_with(&[(
        "content/articles/a.md",
        "---\ntitle: A\ndate: 2024-09-26\nimage: images/photo.png\nimage_alt: A photo\n---\n\nText.\n",
    )]);
    write_image(site.path(), "static/images/photo.png", 600, 300);
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = read(site.path().join("public/articles/a/index.html"));
    assert!(
        page.contains("width=\"600\" height=\"300\" alt=\"A photo\""),
        "{page}"
    );
}

#[test]
fn check_measures_images_without_resizing_them() {
    let site = site_with_images();
    let out = brief()
        .args(["check", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !site.path().join(".brief-cache").exists(),
        "check writes nothing"
    );
    std::fs::remove_file(site.path().join("content/articles/map.png")).unwrap();
    let out = brief()
        .args(["check", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert!(
        report.contains(
            "content/articles/talks.md:12:1: error: image `map.png` is neither beside the article"
        ),
        "{report}"
    );
}
