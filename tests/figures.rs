//! Figures that must agree: numbers with hedges and units, lists compared as sets,
//! and counts checked against their lists — on fixture corpora, with the shipped
//! rules.
// Helpers of a test crate: a panic is a failing test with its message.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;

const FIGURES: &str = "tests/fixtures/figures";

fn check(corpus: &str) -> (i32, serde_json::Value) {
    check_json(&[&format!("{FIGURES}/{corpus}"), "--rules", "rules"])
}

/// The located texts of a finding, primary ones first, with their labels.
fn located(finding: &serde_json::Value) -> Vec<(String, String, bool)> {
    finding["locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["text"].as_str().unwrap().to_string(),
                l["label"].as_str().unwrap().to_string(),
                l["primary"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_same_figure_written_three_ways_agrees() {
    // `10,741`, `10741` and `about 10,700`.
    let (code, doc) = check("agree");
    assert_eq!(code, 0);
    assert_eq!(doc["findings"], serde_json::json!([]));
    assert_eq!(doc["summary"]["claims"], 3);
}

#[test]
fn different_figures_conflict_and_the_majority_is_named() {
    let (code, doc) = check("removed");
    assert_eq!(code, 1);
    assert_eq!(
        finding_set(&doc),
        set(&[("number/conflict", "tests/fixtures/figures/removed/b.md", 4)])
    );
    let f = &doc["findings"][0];
    assert_eq!(
        f["message"],
        "articles disagree on foreign national offenders removed by the UK, January 2019 to December 2021: `10,741` (2 articles) vs `11,741` (1 article)"
    );
    assert_eq!(
        f["help"],
        "`11,741` and `10,741` are different figures; 2 of 3 articles give `10,741`: check the source and correct the others"
    );
    assert_eq!(
        located(f),
        [
            (
                "11,741".into(),
                "says `11,741`, against the majority".into(),
                true
            ),
            ("10,741".into(), "says `10,741`".into(), false),
            ("10741".into(), "says `10741`".into(), false),
        ]
    );
}

#[test]
fn hedged_shares_are_intervals() {
    // `nearly 3 per cent` allows 2.9% but not 3.4%.
    let (code, doc) = check("share");
    assert_eq!(code, 1);
    let conflicts = with_code(&doc, "number/conflict");
    assert_eq!(conflicts.len(), 1, "{doc:#}");
    let f = conflicts[0];
    assert_eq!(
        f["help"],
        "`3.4%` means 3.35% up to 3.45% and `nearly 3 per cent` means 2.7% to 3%: no figure is both; 2 of 3 articles give figures that agree (`nearly 3 per cent`, `2.9%`): check the source and correct the others"
    );
    let primary: Vec<String> = located(f)
        .into_iter()
        .filter(|(.., p)| *p)
        .map(|(t, ..)| t)
        .collect();
    assert_eq!(primary, ["3.4%"], "only 3.4% is against the majority");
    assert!(
        located(f).contains(&(
            "2.9%".into(),
            "says `2.9%`: 2.85% up to 2.95%".into(),
            false
        )),
        "{:?}",
        located(f)
    );
    // The same article's rank and count are claims too, and agree with nothing else.
    assert_eq!(doc["findings"].as_array().unwrap().len(), 1);
}

#[test]
fn ranks_conflict() {
    let (code, doc) = check("rank");
    assert_eq!(code, 1);
    let f = with_code(&doc, "number/conflict")[0];
    assert_eq!(
        f["help"],
        "`seventh largest` and `sixth-largest` are different figures; no figure has a majority: check the source and correct the articles that are wrong"
    );
    assert!(located(f).iter().all(|(.., primary)| *primary));
}

#[test]
fn lists_differ_as_sets_and_the_finding_names_what_is_missing() {
    let (code, doc) = check("lists");
    assert_eq!(code, 1);
    let f = with_code(&doc, "claim/conflict")[0];
    assert_eq!(
        f["help"],
        "`India, Nigeria and Albania` leaves out `Serbia`, which `Serbia, Nigeria, Albania and India` has; no value has a majority; check the source and correct the articles that are wrong"
    );
    assert!(located(f).contains(&(
        "India, Nigeria and Albania".into(),
        "says `India, Nigeria and Albania`, without `Serbia`".into(),
        true
    )));
}

#[test]
fn counts_that_do_not_match_their_lists() {
    let (code, doc) = check("counts");
    assert_eq!(code, 1);
    // `right.md` has the fifth agreement after four deals: no count finding. The
    // three lists are reported within six months of each other (the rules'
    // window), and the two short ones leave out a country.
    assert_eq!(
        finding_set(&doc),
        set(&[
            (
                "claim/conflict",
                "tests/fixtures/figures/counts/fifth.md",
                4
            ),
            (
                "count/list-length",
                "tests/fixtures/figures/counts/fifth.md",
                4
            ),
            (
                "count/list-length",
                "tests/fixtures/figures/counts/four.md",
                4
            ),
        ])
    );
    let messages: Vec<&str> = with_code(&doc, "count/list-length")
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "`fifth` does not follow from the list, which has 3 items: that makes it the 4th",
            "`four` does not match the list, which has 3 items",
        ]
    );
    let four = with_code(&doc, "count/list-length")[1];
    assert_eq!(located(four)[0].0, "four");
    assert_eq!(located(four)[1].0, "Serbia, Nigeria and India");
    assert!(four["help"].as_str().unwrap().starts_with("write `3`"));
}

#[test]
fn figures_in_different_units_are_not_compared() {
    // `£22 million` and `22 million tons` share a key; only the two costs clash.
    let (code, doc) = check_json(&[
        &format!("{FIGURES}/units/articles"),
        "--rules",
        &format!("{FIGURES}/units/rules"),
    ]);
    assert_eq!(code, 1);
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{doc:#}");
    let paths: Vec<&str> = findings[0]["locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["path"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    assert_eq!(paths, ["cost-later.md", "cost.md"]);
}

/// `check` on a corpus of `figures/wire`, with the rules beside it.
fn check_wire(corpus: &str) -> (i32, serde_json::Value) {
    check_json(&[
        &format!("{FIGURES}/wire/{corpus}"),
        "--rules",
        &format!("{FIGURES}/wire/rules"),
    ])
}

/// The finding whose message is about `key`.
fn about<'a>(doc: &'a serde_json::Value, key: &str) -> &'a serde_json::Value {
    let found: Vec<_> = with_code(doc, "number/conflict")
        .into_iter()
        .filter(|f| f["message"].as_str().unwrap().contains(key))
        .collect();
    assert_eq!(found.len(), 1, "one finding about {key}: {doc:#}");
    found[0]
}

#[test]
fn wire_figures_agree_with_their_symbol_forms() {
    // `12.5 mln dlrs`, `$12.5 million` and `$12,500,000`; `3.5 pct` and `3.5%`;
    // `45 cts` and `$0.45`; and `20 mln tonnes`, which would clash with the
    // dollar figures were it compared with them.
    let (code, doc) = check_wire("agree");
    assert_eq!(code, 0, "{doc:#}");
    assert_eq!(doc["findings"], serde_json::json!([]));
    assert_eq!(doc["summary"]["claims"], 8);
}

#[test]
fn a_different_wire_figure_conflicts_and_tonnes_are_not_compared() {
    let (code, doc) = check_wire("conflict");
    assert_eq!(code, 1);
    let f = about(&doc, "the grain deal's headline figure");
    assert_eq!(
        f["help"],
        "`13.5 mln dlrs` means $13.45 million up to $13.55 million and `$12.5 million` means $12.45 million up to $12.55 million: no figure is both; 2 of 3 articles give `$12.5 million`: check the source and correct the others"
    );
    assert_eq!(
        located(f),
        [
            (
                "13.5 mln dlrs".into(),
                "says `13.5 mln dlrs`: $13.45 million up to $13.55 million, against the majority"
                    .into(),
                true
            ),
            (
                "$12.5 million".into(),
                "says `$12.5 million`: $12.45 million up to $12.55 million".into(),
                false
            ),
            (
                "12.5 mln dlrs".into(),
                "says `12.5 mln dlrs`: $12.45 million up to $12.55 million".into(),
                false
            ),
        ],
        "`12.5 mln tonnes` shares the key but is in another unit"
    );
}

#[test]
fn wire_percentages_are_compared_with_per_cent_signs() {
    let (_, doc) = check_wire("conflict");
    let f = about(&doc, "share of the vote");
    assert!(
        located(f).contains(&(
            "3.5 pct".into(),
            "says `3.5 pct`: 3.45% up to 3.55%".into(),
            false
        )),
        "{:?}",
        located(f)
    );
    let primary: Vec<String> = located(f)
        .into_iter()
        .filter(|(.., p)| *p)
        .map(|(t, ..)| t)
        .collect();
    assert_eq!(primary, ["4.5%"], "`3.5 pct` sides with `3.5%`");
}

#[test]
fn cents_are_dollars_to_the_cent() {
    // `45 cts` agrees with `$0.45` and, like it, conflicts with `$0.48`.
    let (_, doc) = check_wire("conflict");
    let f = about(&doc, "Acme's dividend");
    assert_eq!(
        f["message"],
        "articles disagree on Acme's dividend in 2024: `$0.45` (2 articles) vs `$0.48` (1 article)"
    );
    assert!(
        located(f).contains(&(
            "45 cts".into(),
            "says `45 cts`: $0.445 up to $0.455".into(),
            false
        )),
        "{:?}",
        located(f)
    );
    assert_eq!(doc["findings"].as_array().unwrap().len(), 3, "{doc:#}");
}

#[test]
fn figure_findings_read_well() {
    let mut out = String::new();
    for corpus in ["share", "lists", "counts"] {
        let run = corpus_lint()
            .args(["check", &format!("{FIGURES}/{corpus}"), "--rules", "rules"])
            .args(["--color", "never", "--quiet"])
            .output()
            .unwrap();
        out.push_str(&String::from_utf8(run.stdout).unwrap());
    }
    insta::assert_snapshot!(out);
}
