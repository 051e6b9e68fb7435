//! Versions of one story: near-duplicate articles whose aligned sentences differ
//! only in a figure, a date, an ordinal, a weekday, a name or a title are a
//! `version/divergent` warning; wording changes alone are nothing.
// Helpers of a test crate: a panic is a failing test with its message.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;

const VERSIONS: &str = "tests/fixtures/versions";

fn check(fixture: &str, extra: &[&str]) -> (i32, serde_json::Value) {
    let path = format!("{VERSIONS}/{fixture}");
    let mut args = vec![
        path.as_str(),
        "--rules",
        "rules",
        "--no-cache",
        "--versions",
    ];
    args.extend(extra);
    check_json(&args)
}

#[test]
fn two_versions_differing_in_one_figure_are_one_finding_naming_both() {
    let (code, doc) = check("figure", &[]);
    assert_eq!(code, 0, "a warning only: {doc:#}");
    assert_eq!(
        finding_set(&doc),
        set(&[(
            "version/divergent",
            "tests/fixtures/versions/figure/business-101.txt",
            5
        )]),
        "{doc:#}"
    );
    let f = &with_code(&doc, "version/divergent")[0];
    assert_eq!(f["severity"], "warning");
    assert_eq!(
        f["message"],
        "two versions of one story differ in a figure: `£4.5bn` here, `£5.4bn` in the other version"
    );
    let places: Vec<(&str, &str, bool)> = f["locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["path"].as_str().unwrap(),
                l["text"].as_str().unwrap(),
                l["primary"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            (
                "tests/fixtures/versions/figure/business-101.txt",
                "£4.5bn",
                true
            ),
            (
                "tests/fixtures/versions/figure/business-102.txt",
                "£5.4bn",
                false
            ),
        ]
    );
}

#[test]
fn versions_differing_only_in_wording_are_nothing() {
    let (code, doc) = check("wording", &[]);
    assert_eq!(code, 0);
    assert!(doc["findings"].as_array().unwrap().is_empty(), "{doc:#}");
}

#[test]
fn of_three_versions_the_odd_one_out_is_primary_and_the_help_names_the_majority() {
    let (_, doc) = check("three", &[]);
    let found = with_code(&doc, "version/divergent");
    assert_eq!(found.len(), 1, "{doc:#}");
    let f = found[0];
    assert_eq!(
        f["message"],
        "3 versions of one story differ in a weekday: `Wednesday` here, `Tuesday` in 2 other versions"
    );
    let primary = &f["locations"][0];
    assert_eq!(
        primary["path"],
        "tests/fixtures/versions/three/business-102.txt"
    );
    assert_eq!(primary["primary"], true);
    assert_eq!(
        f["locations"][1]["label"],
        "`Tuesday` here, as most versions give"
    );
    assert!(
        f["help"]
            .as_str()
            .unwrap()
            .starts_with("check which is right: 2 of the 3 versions give `Tuesday`"),
        "{f:#}"
    );
}

#[test]
fn the_check_is_asked_for_and_can_be_made_stricter() {
    // Off unless `--versions` asks for it.
    let (_, off) = check_json(&[
        &format!("{VERSIONS}/figure"),
        "--rules",
        "rules",
        "--no-cache",
    ]);
    assert!(off["findings"].as_array().unwrap().is_empty(), "{off:#}");
    // The two versions share about 95% of their shingles.
    let (_, strict) = check("figure", &["--version-similarity", "0.99"]);
    assert!(
        strict["findings"].as_array().unwrap().is_empty(),
        "{strict:#}"
    );
    corpus_lint()
        .args(["check", VERSIONS, "--version-similarity", "1.5"])
        .assert()
        .code(2);
}

#[test]
fn rule_explains_the_check() {
    let out = corpus_lint()
        .args(["rule", "version/divergent"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("version/divergent"), "{text}");
    assert!(text.contains("--versions"), "{text}");
}

#[test]
fn a_divergence_reads_well() {
    let run = corpus_lint()
        .args([
            "check",
            &format!("{VERSIONS}/three"),
            "--rules",
            "rules",
            "--no-cache",
            "--versions",
        ])
        .args(["--color", "never", "--quiet"])
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8(run.stdout).unwrap());
}
