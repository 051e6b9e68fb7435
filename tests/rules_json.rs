//! `rules --format json`: the loaded rules with their expanded regexes, for scripts
//! such as `bench/run.sh` that search a corpus with the rules' own patterns.
// Helpers of a test crate: a panic is a failing test with its message.
#![allow(clippy::unwrap_used)]

mod common;

use common::corpus_lint;
use corpus_lint::checks::CHECKS;
use serde_json::Value;

#[test]
fn rules_json_lists_every_rule_with_its_expanded_regex_and_every_check() {
    let out = corpus_lint()
        .args(["rules", "--rules", "rules", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["version"], 1);

    let pack = corpus_lint::rules::load(&["rules".into()]).unwrap();
    let rules = doc["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let shipped: Vec<&str> = pack.rules.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, shipped);

    let mut placeholders = 0;
    for (json, rule) in rules.iter().zip(&pack.rules) {
        let id = &rule.id;
        for field in ["kind", "severity", "description", "file", "pattern"] {
            assert!(
                json[field].as_str().is_some_and(|s| !s.is_empty()),
                "{id}: no {field}"
            );
        }
        assert!(
            json["file"].as_str().unwrap().ends_with(".toml"),
            "{id}: {}",
            json["file"]
        );
        let pattern = json["pattern"].as_str().unwrap();
        let regex = json["regex"].as_str().unwrap();
        assert_eq!(regex, rule.regex.as_str(), "{id}");
        for placeholder in ["{titles}", "{jurisdictions}"] {
            assert!(!regex.contains(placeholder), "{id}: {placeholder} left");
            placeholders += usize::from(pattern.contains(placeholder));
        }
        // The shipped rules write patterns as literal strings: verbatim in the file.
        let source = std::fs::read_to_string(json["file"].as_str().unwrap()).unwrap();
        assert!(source.contains(pattern), "{id}: not as written: {pattern}");
        regex::Regex::new(regex).unwrap_or_else(|e| panic!("{id}: {e}"));
    }
    assert!(
        placeholders > 0,
        "no shipped pattern shows its placeholders"
    );

    let codes: Vec<&str> = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            assert!(c["summary"].as_str().is_some_and(|s| !s.is_empty()));
            c["code"].as_str().unwrap()
        })
        .collect();
    let known: Vec<&str> = CHECKS.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, known);
}
