//! Keys from meaning, not from the article's date: a rule's `window` compares a
//! figure with those reported near it in time, claims of undated articles with
//! each other, and a key that still needs the date says so once per article.
// Helpers of a test crate: a panic is a failing test with its message.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;

const WINDOWS: &str = "tests/fixtures/windows";

fn check(corpus: &str) -> (i32, serde_json::Value) {
    check_json(&[
        &format!("{WINDOWS}/{corpus}"),
        "--rules",
        &format!("{WINDOWS}/rules"),
        "--no-cache",
    ])
}

/// The files a finding points into, in its order.
fn files(finding: &serde_json::Value) -> Vec<&str> {
    finding["locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["path"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect()
}

#[test]
fn figures_in_one_window_conflict() {
    // 1,200 on 1 March 2024 and 1,500 on 10 June 2024: within a year.
    let (code, doc) = check("near");
    assert_eq!(code, 1);
    let conflicts = with_code(&doc, "number/conflict");
    assert_eq!(conflicts.len(), 1, "{doc:#}");
    assert_eq!(
        conflicts[0]["message"],
        "articles disagree on cars Acme sold in a quarter: `1,200` (1 article) vs `1,500` (1 article)"
    );
    assert_eq!(files(conflicts[0]), ["b.md", "a.md"]);
    // Lists too: three months apart, in a window of six.
    let lists = with_code(&doc, "claim/conflict");
    assert_eq!(lists.len(), 1, "{doc:#}");
    assert_eq!(
        lists[0]["message"],
        "articles disagree on countries Acme sells cars in: `France, Italy, Spain` (1 article) vs `France, Spain` (1 article)"
    );
}

#[test]
fn the_same_figures_two_years_apart_do_not() {
    // The same pairs, the first reported in March 2022: another window.
    let (code, doc) = check("apart");
    assert_eq!(code, 0, "{doc:#}");
    assert_eq!(doc["findings"], serde_json::json!([]));
    assert_eq!(doc["summary"]["claims"], 4, "every claim is made");
}

#[test]
fn undated_claims_are_compared_with_each_other_only() {
    // a.md and b.md are undated and disagree; dated.md's 1,900 is compared with
    // neither.
    let (code, doc) = check("undated");
    assert_eq!(code, 1);
    let conflicts = with_code(&doc, "number/conflict");
    assert_eq!(conflicts.len(), 1, "{doc:#}");
    assert_eq!(files(conflicts[0]), ["b.md", "a.md"]);
}

#[test]
fn a_key_that_needs_the_missing_date_is_noted_once() {
    // Two matches of `car-price` in undated a.md: one note, at the first.
    let (_, doc) = check("undated");
    let notes = with_code(&doc, "time/undated");
    assert_eq!(notes.len(), 1, "{doc:#}");
    let note = notes[0];
    assert_eq!(note["severity"], "info");
    assert_eq!(
        note["message"],
        "rule `car-price`'s key needs the article's date (`{article.year}`), so 2 matches here make no claim"
    );
    assert!(
        note["help"].as_str().unwrap().contains("`window`"),
        "{note:#}"
    );
    let at = &note["locations"][0];
    assert_eq!(at["path"], "tests/fixtures/windows/undated/a.md");
    assert_eq!(
        (at["line"].as_u64(), at["column"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(at["text"], "Acme's cars cost $20,000 on average");
}

#[test]
fn the_note_survives_the_cache_and_shards() {
    // A second run from the cache, and a shard reduced, give the same note.
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let corpus = format!("{WINDOWS}/undated");
    let rules = format!("{WINDOWS}/rules");
    let cached = |_: usize| {
        check_json(&[
            &corpus,
            "--rules",
            &rules,
            "--cache-dir",
            cache.to_str().unwrap(),
        ])
        .1
    };
    let (first, second) = (cached(0), cached(1));
    assert_eq!(first["findings"], second["findings"]);
    assert_eq!(with_code(&second, "time/undated").len(), 1);
    let out = corpus_lint()
        .args(["claims", &corpus, "--rules", &rules, "--format", "jsonl"])
        .output()
        .unwrap();
    let shard = dir.path().join("part.jsonl");
    std::fs::write(&shard, out.stdout).unwrap();
    let (_, reduced) = check_json(&["--claims", shard.to_str().unwrap(), "--rules", &rules]);
    assert_eq!(reduced["findings"], first["findings"]);
}
