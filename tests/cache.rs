//! The extraction cache: a warm run finds exactly what a cold one does, after an
//! edit, a new article or a removed one too; a cache that is corrupt, torn or
//! foreign is rebuilt, never trusted; and it is written only where it belongs.
// Helpers of a test crate: a panic is a failing test with its message.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};

/// A copy of the bundled corpus and its rules in a temporary folder.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy(Path::new("corpus"), &dir.path().join("corpus"));
    copy(Path::new("rules"), &dir.path().join("rules"));
    dir
}

fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// `check` on the project's corpus, with the cache in `cache` (or none), as JSON.
fn check(dir: &Path, cache: Option<&Path>) -> (i32, serde_json::Value) {
    let mut cmd = corpus_lint();
    cmd.current_dir(dir)
        .args(["check", "corpus", "--rules", "rules", "--format", "json"]);
    match cache {
        Some(c) => cmd.arg("--cache-dir").arg(c),
        None => cmd.arg("--no-cache"),
    };
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap(),
        serde_json::from_slice(&out.stdout).unwrap(),
    )
}

/// The cache files in a folder.
fn cache_files(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "cache"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn warm_runs_find_what_cold_runs_find() {
    let dir = project();
    let cache = dir.path().join("cache");
    let cold = check(dir.path(), None);
    assert_eq!(
        check(dir.path(), Some(&cache)),
        cold,
        "first run, cache written"
    );
    assert_eq!(cache_files(&cache).len(), 1);
    assert_eq!(
        check(dir.path(), Some(&cache)),
        cold,
        "second run, from the cache"
    );

    // An edit that adds a misspelling, a new article and a removed one.
    let article = dir
        .path()
        .join("corpus/001-border-security-summit-london.txt");
    let text = fs::read_to_string(&article).unwrap();
    fs::write(&article, text.replace("Mohsin Naqvi", "Mohin Naqvi")).unwrap();
    fs::write(
        dir.path().join("corpus/005-new.txt"),
        "---\ndate: 2025-05-02\n---\nInterior Minister Mohsin Naqvi met Home Secretary Yvette Cooper.\n",
    )
    .unwrap();
    fs::remove_file(dir.path().join("corpus/004-wajid-khan-meets-naqvi.txt")).unwrap();
    let cold = check(dir.path(), None);
    let untouched = project();
    assert_ne!(
        cold.1["findings"],
        check(untouched.path(), None).1["findings"]
    );
    assert_eq!(check(dir.path(), Some(&cache)), cold, "after the edits");
    assert_eq!(check(dir.path(), Some(&cache)), cold, "and once more");
}

#[test]
fn a_word_leaving_the_vocabulary_changes_names_as_a_cold_run_would() {
    // `Speaking` is stripped from `Speaking Alan Smith` while another article
    // writes `speaking` in lower case; once that article goes, the run is a name
    // of three words, and the variant found is another.
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(
        corpus.join("a.txt"),
        "Speaking Alan Smith said it. Alan Smith left.\n",
    )
    .unwrap();
    fs::write(corpus.join("b.txt"), "Speaking Alan Smyth said it.\n").unwrap();
    let lower = "He was speaking.\n";
    fs::write(corpus.join("c.txt"), lower).unwrap();
    let run = |cache: Option<&Path>| {
        let mut cmd = corpus_lint();
        cmd.current_dir(dir.path())
            .args(["check", "corpus", "--format", "json"]);
        match cache {
            Some(c) => cmd.arg("--cache-dir").arg(c),
            None => cmd.arg("--no-cache"),
        };
        let out = cmd.output().unwrap();
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["findings"].clone()
    };
    let cache = dir.path().join("cache");
    let with = run(None);
    assert_eq!(run(Some(&cache)), with);
    fs::remove_file(corpus.join("c.txt")).unwrap();
    let without = run(None);
    assert_ne!(with, without, "the test needs the vocabulary to matter");
    assert_eq!(run(Some(&cache)), without);
    fs::write(corpus.join("c.txt"), lower).unwrap();
    assert_eq!(run(Some(&cache)), with);
}

#[test]
fn a_corrupt_torn_or_foreign_cache_is_rebuilt() {
    let dir = project();
    let cache = dir.path().join("cache");
    let cold = check(dir.path(), None);
    check(dir.path(), Some(&cache));
    let file = cache_files(&cache).pop().unwrap();
    let good = fs::read(&file).unwrap();
    let middle = good.len() / 2;
    let mut flipped = good.clone();
    flipped[middle] ^= 0xFF;
    for (what, bytes) in [
        ("corrupt", flipped),
        ("torn", good[..middle].to_vec()),
        ("foreign", b"not a cache at all".to_vec()),
        ("empty", Vec::new()),
    ] {
        fs::write(&file, &bytes).unwrap();
        assert_eq!(check(dir.path(), Some(&cache)), cold, "{what}");
        // Rebuilt: a valid cache, which an unchanged corpus leaves as it is.
        let rebuilt = fs::read(&file).unwrap();
        assert!(rebuilt.starts_with(b"CLCACHE"), "{what}");
        assert_eq!(
            check(dir.path(), Some(&cache)),
            cold,
            "{what}, from the cache"
        );
        assert_eq!(
            fs::read(&file).unwrap(),
            rebuilt,
            "{what}: used, not rewritten"
        );
    }
}

#[test]
fn the_cache_goes_beside_the_rules_and_never_into_the_corpus() {
    let dir = project();
    let out = corpus_lint()
        .current_dir(dir.path())
        .args(["check", "corpus", "-q"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let folder = dir.path().join(".corpus-lint-cache");
    assert_eq!(cache_files(&folder).len(), 1);
    assert!(folder.join("CACHEDIR.TAG").is_file());
    assert_eq!(
        fs::read_to_string(folder.join(".gitignore"))
            .unwrap()
            .lines()
            .last(),
        Some("*")
    );
    assert!(!dir.path().join("corpus/.corpus-lint-cache").exists());
    // --no-cache neither reads nor writes one.
    let dir = project();
    corpus_lint()
        .current_dir(dir.path())
        .args(["check", "corpus", "-q", "--no-cache"])
        .output()
        .unwrap();
    assert!(!dir.path().join(".corpus-lint-cache").exists());
}
