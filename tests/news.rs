//! The general news pack (`rules/news.toml`) on a small corpus written for it:
//! posts of two countries at once, deaths on two days, two editions of one event,
//! and a count its list does not have.
// Helpers of a test crate: a panic is a failing test with its message.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;

const NEWS: &str = "tests/fixtures/news/articles";

#[test]
fn the_general_pack_finds_what_its_rules_claim_and_no_more() {
    let (code, doc) = check_json(&[NEWS, "--rules", "rules", "--no-cache"]);
    assert_eq!(code, 0, "the pack only warns: {doc:#}");
    let found = finding_set(&doc);
    assert_eq!(
        found,
        set(&[
            ("claim/conflict", &format!("{NEWS}/miller.md"), 4),
            ("count/list-length", &format!("{NEWS}/cities.md"), 4),
            ("number/conflict", &format!("{NEWS}/oscars-a.md"), 4),
            ("office/title-conflict", &format!("{NEWS}/rugby-b.md"), 4),
        ]),
        "{doc:#}"
    );
}

#[test]
fn a_post_of_two_countries_at_once_is_a_title_conflict() {
    let (_, doc) = check_json(&[NEWS, "--rules", "rules", "--no-cache"]);
    let titles = with_code(&doc, "office/title-conflict");
    // Andy Robinson is England coach in two articles of that week and Scotland coach
    // in one; the 2007 article names him Scotland coach only once he is no longer
    // England's (`Former England coach`), so it claims nothing. Michael Owen the
    // forward and Michael Owen the number eight are two people. Jonny Wilkinson the
    // British captain and the England captain are one post: England is in the UK.
    assert_eq!(titles.len(), 1, "{doc:#}");
    let finding = titles[0];
    assert_eq!(
        finding["message"],
        "`Andy Robinson` is named Scotland coach and England coach at overlapping times"
    );
    assert_eq!(finding["severity"], "warning");
    assert_eq!(
        finding["help"],
        "check which is right: 2 articles make Andy Robinson England coach, 1 Scotland coach"
    );
    let labels: Vec<&str> = finding["locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["Scotland coach, 2005-02-09", "England coach, 2005-02-07"]
    );
}

#[test]
fn the_claims_of_the_pack_are_keyed_by_meaning() {
    let out = corpus_lint()
        .args(["claims", NEWS, "--rules", "rules", "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keyed: Vec<(String, String)> = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["rule"] == "country-role-after" || c["rule"] == "person-died")
        .map(|c| {
            (
                c["key"].as_str().unwrap().to_string(),
                c["value"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // `died on Thursday` is read against its article's date; `the British
    // captain` is the UK's.
    assert!(
        keyed.contains(&("date Arthur Miller died".into(), "2005-02-10".into())),
        "{keyed:?}"
    );
    assert!(
        keyed.contains(&("captain Jonny Wilkinson".into(), "UK".into())),
        "{keyed:?}"
    );
}

#[test]
fn a_title_conflict_reads_well() {
    let out = corpus_lint()
        .args([
            "check",
            NEWS,
            "--rules",
            "rules",
            "--no-cache",
            "--color",
            "never",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let finding = text
        .split("\n\n")
        .skip_while(|block| !block.starts_with("office/title-conflict"))
        .take(2)
        .collect::<Vec<_>>()
        .join("\n\n");
    insta::assert_snapshot!(finding);
}
