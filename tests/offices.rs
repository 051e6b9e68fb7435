//! Offices that change hands: time-aware office checks on fixture corpora, with
//! the shipped rules and reference facts.
// Helpers of a test crate: a panic is a failing test with its message.
#![allow(clippy::unwrap_used)]

mod common;

use assert_cmd::Command;
use chrono::NaiveDate;
use common::*;
use std::fs;

const OFFICES: &str = "tests/fixtures/offices/articles";

fn messages(doc: &serde_json::Value) -> Vec<(String, String, String)> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let path = f["locations"][0]["path"].as_str().unwrap();
            (
                f["code"].as_str().unwrap().to_string(),
                path.rsplit('/').next().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn holders_out_of_term_and_in_conflict() {
    let (code, doc) = check_json(&[OFFICES, "--rules", "rules"]);
    assert_eq!(code, 1);
    let found = messages(&doc);
    let expect = |code: &str, file: &str, message: &str| {
        assert!(
            found.contains(&(code.into(), file.into(), message.into())),
            "missing {code} in {file}: {message}\nfound: {found:#?}"
        );
    };
    expect(
        "office/out-of-term",
        "cleverly-2025.md",
        "`James Cleverly` was not UK Home Secretary at 2025-03-10",
    );
    expect(
        "office/holder-conflict",
        "cleverly-2025.md",
        "`James Cleverly` and `Yvette Cooper` are both named UK Home Secretary at overlapping times (2025-03-10 and 2025-03-12)",
    );
    expect(
        "office/holder-conflict",
        "sanaullah-week.md",
        "`Rana Sanaullah` and `Mohsin Naqvi` are both named Pakistan Interior Minister at overlapping times (2025-04-17 and 2025-04-14)",
    );
    expect(
        "office/out-of-term",
        "sanaullah-week.md",
        "`Rana Sanaullah` was not Pakistan Interior Minister at 2025-04-17",
    );
    expect(
        "time/undated",
        "undated.txt",
        "this article has no date: office checks skip its claims unless their sentence states a time",
    );
    assert_eq!(found.len(), 5, "{found:#?}");
    let cleverly = with_code(&doc, "office/out-of-term")
        .into_iter()
        .find(|f| f["message"].as_str().unwrap().contains("Cleverly"))
        .unwrap();
    assert!(
        cleverly["help"]
            .as_str()
            .unwrap()
            .starts_with("the UK Home Secretary then was Yvette Cooper (2024-07-05 to 2025-09-05); James Cleverly held it 2023-11-13 to 2024-07-05"),
        "{}",
        cleverly["help"]
    );
    let conflict = with_code(&doc, "office/holder-conflict")[0];
    assert_eq!(conflict["locations"].as_array().unwrap().len(), 2);
}

#[test]
fn foreign_interior_ministers_make_no_pakistani_claim() {
    let out = corpus_lint()
        .args(["claims", OFFICES, "--rules", "rules", "--format", "jsonl"])
        .output()
        .unwrap();
    let claims: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|r| r["record"] == "claim")
        .collect();
    assert!(
        claims
            .iter()
            .all(|c| !c["path"].as_str().unwrap().ends_with("germany.md"))
    );
    // The undated article's second sentence states its own time, so it is checked.
    let braverman = claims
        .iter()
        .find(|c| c["value"] == "Suella Braverman")
        .unwrap();
    assert_eq!(braverman["time"], "2023");
    let cooper = claims
        .iter()
        .find(|c| {
            c["value"] == "Yvette Cooper" && c["path"].as_str().unwrap().ends_with("undated.txt")
        })
        .unwrap();
    assert_eq!(cooper["time"], serde_json::Value::Null);
}

#[test]
fn one_person_in_two_offices_at_once() {
    let (_, doc) = check_json(&["tests/fixtures/offices-title", "--rules", "rules"]);
    let found = messages(&doc);
    assert!(found.contains(&(
        "office/title-conflict".into(),
        "b.md".into(),
        "`Talal Chaudhry` is named Pakistan Interior Minister and Pakistan Minister of State for Interior at overlapping times".into()
    )), "{found:#?}");
    assert_eq!(
        with_code(&doc, "office/title-conflict")[0]["severity"],
        "warning"
    );
}

#[test]
fn precision_and_tolerance_decide_overlap() {
    let rules = "tests/fixtures/overlap/rules";
    let (code, doc) = check_json(&["tests/fixtures/overlap/same-month", "--rules", rules]);
    assert_eq!(code, 1, "2022-08 and 2022-08-17 overlap");
    assert_eq!(with_code(&doc, "office/holder-conflict").len(), 1);
    let (code, doc) = check_json(&["tests/fixtures/overlap/month-before", "--rules", rules]);
    assert_eq!(code, 0, "2022-07 and 2022-08-17 are 17 days apart: {doc}");
    let (code, _) = check_json(&[
        "tests/fixtures/overlap/month-before",
        "--rules",
        rules,
        "--tolerance-days",
        "20",
    ]);
    assert_eq!(code, 1, "with 20 days of tolerance they overlap");
}

#[test]
fn a_term_still_running_ends_on_the_day_given_by_today() {
    // Mahmood's term has no end: it covers March 2027 only when the check is run
    // as of a later day, and only then is Cleverly named out of term.
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("2027.md");
    fs::write(
        &article,
        "---\ndate: 2027-03-10\n---\nHome Secretary James Cleverly said the talks went well.\n",
    )
    .unwrap();
    let run = |today: NaiveDate| {
        let out = corpus_lint_as_of(today)
            .args(["check", "--format", "json", "--rules", "rules"])
            .arg(&article)
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (out.status.code(), messages(&doc))
    };
    let before = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let after = NaiveDate::from_ymd_opt(2027, 6, 1).unwrap();
    assert_eq!(run(before), (Some(0), vec![]));
    let (code, found) = run(after);
    assert_eq!(code, Some(1));
    assert_eq!(
        found,
        [(
            "office/out-of-term".to_string(),
            "2027.md".to_string(),
            "`James Cleverly` was not UK Home Secretary at 2027-03-10".to_string()
        )]
    );
    // The same day gives the same result, whenever the tests run.
    assert_eq!(run(after), (code, found));
}

#[test]
fn a_today_that_is_not_a_day_is_a_usage_error() {
    let out = Command::cargo_bin("corpus-lint")
        .unwrap()
        .args(["--today", "2026-13-01", "check", "corpus/"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("`2026-13-01` is not a date as YYYY-MM-DD"),
        "{err}"
    );
}

#[test]
fn overlapping_terms_in_the_facts_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    fs::create_dir_all(rules.join("facts")).unwrap();
    fs::copy("rules/offices.toml", rules.join("offices.toml")).unwrap();
    fs::write(
        rules.join("facts/terms.toml"),
        r#"[[term]]
office = "UK Home Secretary"
holder = "Priti Patel"
from = "2019-07-24"
to = "2022-09-06"

[[term]]
office = "UK Home Secretary"
holder = "Suella Braverman"
from = "2022-08-01"
"#,
    )
    .unwrap();
    let out = corpus_lint()
        .args(["check", "corpus/", "--color", "never", "--rules"])
        .arg(&rules)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("facts/overlapping-terms"), "{err}");
    assert!(err.contains("terms.toml:10:8]"), "{err}");
    assert!(
        err.contains("Suella Braverman's term as UK Home Secretary overlaps Priti Patel's"),
        "{err}"
    );
}

#[test]
fn pronouns_of_a_declared_person_unless_someone_else_is_named() {
    let (code, doc) = check_json(&["tests/fixtures/pronoun", "--rules", "rules"]);
    assert_eq!(code, 0, "a pronoun is a warning");
    // Line 4 only: on line 5 "his" may be Naqvi's, line 6 is right, and line 7's
    // "He" is in a sentence that names nobody.
    assert_eq!(
        finding_set(&doc),
        set(&[("entity/pronoun", "tests/fixtures/pronoun/cooper.md", 4)])
    );
    let f = &doc["findings"][0];
    assert_eq!(
        f["message"],
        "`his` cannot refer to Yvette Cooper (she/her)"
    );
    assert_eq!(f["fix"][0]["replacement"], "her");
    assert_eq!(f["locations"][1]["text"], "Yvette Cooper");
}
