//! Shards: `claims --format jsonl` as the map step and `check --claims` as the
//! reduce step give exactly the findings of one run, even where the articles can no
//! longer be read; shards made with other rules are refused.
// Helpers of a test crate: a panic is a failing test with its message.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use std::fs;
use std::path::Path;

/// Writes the shard of `paths` to `to`.
fn map(paths: &[&str], to: &Path, rules: &str) {
    let out = corpus_lint()
        .arg("claims")
        .args(paths)
        .args(["--rules", rules, "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    fs::write(to, out.stdout).unwrap();
}

#[test]
fn merged_shards_give_the_findings_of_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let parts = [
        vec!["corpus/"],
        vec![
            "tests/fixtures/conflict/articles",
            "tests/fixtures/weekday/articles",
        ],
        vec![
            "tests/fixtures/names/articles",
            "tests/fixtures/offices/articles",
            "tests/fixtures/wrapped/articles",
            "tests/fixtures/money",
        ],
        vec!["tests/fixtures/records/jsonl", "tests/fixtures/records/csv"],
    ];
    let mut shards = Vec::new();
    for (i, paths) in parts.iter().enumerate() {
        let shard = dir.path().join(format!("part{i}.jsonl"));
        map(paths, &shard, "rules");
        shards.push(shard);
    }
    let all: Vec<&str> = parts.iter().flatten().copied().collect();
    let one = corpus_lint()
        .arg("check")
        .args(&all)
        .args(["--rules", "rules", "--format", "json", "--no-cache"])
        .output()
        .unwrap();
    // Shards given in another order, one of them twice: articles are merged in
    // path order, each once.
    let reduced = corpus_lint()
        .args(["check", "--rules", "rules", "--format", "json", "--claims"])
        .args([&shards[2], &shards[0], &shards[3], &shards[1], &shards[0]])
        .output()
        .unwrap();
    assert_eq!(reduced.status.code(), one.status.code());
    let (one, reduced): (serde_json::Value, serde_json::Value) = (
        serde_json::from_slice(&one.stdout).unwrap(),
        serde_json::from_slice(&reduced.stdout).unwrap(),
    );
    assert!(!one["findings"].as_array().unwrap().is_empty());
    assert_eq!(reduced["findings"], one["findings"]);
    assert_eq!(reduced["summary"], one["summary"]);
}

#[test]
fn findings_are_shown_from_the_shard_when_the_articles_are_gone() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    for entry in fs::read_dir("corpus").unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), corpus.join(entry.file_name())).unwrap();
    }
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let shard = dir.path().join("corpus.jsonl");
    let human = |args: &[&str]| {
        let out = corpus_lint()
            .current_dir(dir.path())
            .args(args)
            .arg("--rules")
            .arg(&rules)
            .args(["--color", "never", "--no-cache"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let out = corpus_lint()
        .current_dir(dir.path())
        .args(["claims", "corpus", "--format", "jsonl", "--rules"])
        .arg(&rules)
        .output()
        .unwrap();
    fs::write(&shard, out.stdout).unwrap();
    let one = human(&["check", "corpus"]);
    fs::remove_dir_all(&corpus).unwrap();
    let reduced = human(&["check", "--claims", "corpus.jsonl"]);
    assert!(one.contains("Mohin Naqvi"), "{one}");
    assert_eq!(reduced, one);
}

#[test]
fn shards_of_other_rules_or_no_shard_at_all_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let shard = dir.path().join("fixture.jsonl");
    map(
        &["tests/fixtures/conflict/articles"],
        &shard,
        "tests/fixtures/conflict/rules",
    );
    let refused = |file: &Path| {
        let out = corpus_lint()
            .args(["check", "--rules", "rules", "--claims"])
            .arg(file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8(out.stderr).unwrap()
    };
    let err = refused(&shard);
    assert!(
        err.contains("input/shard") && err.contains("other rules"),
        "{err}"
    );
    let not_json = dir.path().join("notes.txt");
    fs::write(&not_json, "just some notes\n").unwrap();
    assert!(refused(&not_json).contains("is not a shard line"));
    let headless = dir.path().join("headless.jsonl");
    fs::write(&headless, "{\"record\":\"vocabulary\",\"words\":[]}\n").unwrap();
    assert!(refused(&headless).contains("no shard header"));
    assert!(refused(&dir.path().join("missing.jsonl")).contains("cannot read shard"));
}
