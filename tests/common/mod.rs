//! Helpers shared by the end-to-end tests.
// Each test crate compiles this module on its own and uses a subset of it; its
// helpers are test code, where a panic is a failing test with its message.
#![allow(dead_code, clippy::unwrap_used)]

use assert_cmd::Command;
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::BTreeSet;

/// The day every test checks as of, so that terms of office still running end on
/// the same day whenever the tests run.
pub const TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 25) {
    Some(d) => d,
    None => panic!("a valid date"),
};

/// The binary, run from the repository root with a fixed width, no colour and a
/// fixed `--today`.
pub fn corpus_lint() -> Command {
    corpus_lint_as_of(TODAY)
}

/// The binary, checking as of `today`.
pub fn corpus_lint_as_of(today: NaiveDate) -> Command {
    let mut cmd = Command::cargo_bin("corpus-lint").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("COLUMNS", "100")
        .env_remove("NO_COLOR")
        .args(["--today", &today.to_string()]);
    cmd
}

/// Runs `check` with JSON output; returns the exit code and the document.
pub fn check_json(args: &[&str]) -> (i32, Value) {
    let out = corpus_lint()
        .arg("check")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let doc = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap(), doc)
}

/// (code, path, line) of every finding's first location.
pub fn finding_set(doc: &Value) -> BTreeSet<(String, String, u64)> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let loc = &f["locations"][0];
            (
                f["code"].as_str().unwrap().to_string(),
                loc["path"].as_str().unwrap().to_string(),
                loc["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Findings with the given code.
pub fn with_code<'a>(doc: &'a Value, code: &str) -> Vec<&'a Value> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code)
        .collect()
}

/// Owned (code, path, line) triples, for comparing with `finding_set`.
pub fn set(items: &[(&str, &str, u64)]) -> BTreeSet<(String, String, u64)> {
    items
        .iter()
        .map(|(c, p, l)| (c.to_string(), p.to_string(), *l))
        .collect()
}
