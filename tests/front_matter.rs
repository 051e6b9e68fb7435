//! Front matter as content systems write it (Hugo's YAML and TOML, Jekyll's YAML):
//! RFC 3339 and Jekyll dates give articles their dates, so office checks run on
//! them; broken dates and broken blocks are reported where they are written.
// Helpers of a test crate: a panic is a failing test with its message.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;

const FRONT_MATTER: &str = "tests/fixtures/front-matter";

/// Checked with no tolerance for reporting lag, so that the day an article is
/// dated decides whether a holder is out of term.
const ARGS: [&str; 5] = [FRONT_MATTER, "--rules", "rules", "--tolerance-days", "0"];

/// (code, file name, message) of every finding or problem.
fn entries(doc: &serde_json::Value, what: &str) -> Vec<(String, String, String)> {
    doc[what]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let message = f["message"].as_str().unwrap();
            let path = f["locations"][0]["path"].as_str().unwrap_or(message);
            let file = path.split(':').next().unwrap().rsplit('/').next().unwrap();
            (
                f["code"].as_str().unwrap().to_string(),
                file.to_string(),
                message.to_string(),
            )
        })
        .collect()
}

#[test]
fn dates_as_hugo_and_jekyll_write_them_let_office_checks_run() {
    let (code, doc) = check_json(&ARGS);
    assert_eq!(code, 1, "out-of-term findings are errors");
    let out_of_term = |file: &str, day: &str| {
        (
            "office/out-of-term".to_string(),
            file.to_string(),
            format!("`James Cleverly` was not UK Home Secretary at {day}"),
        )
    };
    let undated = |file: &str| {
        (
            "time/undated".to_string(),
            file.to_string(),
            "this article has no date: office checks skip its claims unless their sentence states a time".to_string(),
        )
    };
    let mut expected = vec![
        // `2025-06-02T09:00:00+01:00`, beside a list, a nested `params.date` and a
        // quoted title over two lines.
        out_of_term("hugo-yaml.md", "2025-06-02"),
        // A native TOML datetime; `[params] date` is not the article's.
        out_of_term("hugo-toml.md", "2025-03-10"),
        // `2024-07-06 01:00:00 +0500` is the 6th where it was written (the 5th in
        // UTC, Cleverly's last day): the date as written is the article's.
        out_of_term("jekyll.md", "2024-07-06"),
        undated("bad-date.md"),
        undated("bad-toml.md"),
        undated("bad-yaml.md"),
    ];
    let mut found = entries(&doc, "findings");
    expected.sort();
    found.sort();
    assert_eq!(found, expected);
}

#[test]
fn bad_dates_and_broken_blocks_are_reported_and_the_run_goes_on() {
    let (_, doc) = check_json(&ARGS);
    assert_eq!(doc["summary"]["articles"], 6, "every article is read");
    let problems: Vec<(String, String)> = entries(&doc, "problems")
        .into_iter()
        .map(|(code, file, _)| (code, file))
        .collect();
    assert_eq!(
        problems,
        [
            ("input/bad-date".to_string(), "bad-date.md".to_string()),
            ("input/bad-front-matter".into(), "bad-toml.md".into()),
            ("input/bad-front-matter".into(), "bad-yaml.md".into()),
        ]
    );
    let messages = doc["problems"].to_string();
    assert!(
        messages.contains("31 June 2025 does not exist"),
        "{messages}"
    );
    assert!(
        messages.contains("not valid YAML: mapping values are not allowed"),
        "{messages}"
    );
    assert!(
        messages.contains("not valid TOML: string values must be quoted"),
        "{messages}"
    );
}

#[test]
fn problems_point_at_the_line_and_column_of_what_is_wrong() {
    let out = corpus_lint()
        .arg("check")
        .args(ARGS)
        .args(["--color", "never"])
        .output()
        .unwrap();
    // Problems with the input are printed to stderr, findings to stdout.
    let text = String::from_utf8(out.stderr).unwrap();
    for place in [
        // `date: "2025-06-31T10:00:00+01:00"`: the quoted value.
        "front-matter/bad-date.md:3:7]",
        // `title: Pakistan: talks in London`: the second `:`.
        "front-matter/bad-yaml.md:2:16]",
        // `title = Talks in London`: the unquoted string.
        "front-matter/bad-toml.md:2:9]",
    ] {
        assert!(text.contains(place), "no label at {place} in:\n{text}");
    }
}
