//! Ages (issue: claims by meaning): an age beside a name is a claim about when the
//! person was born, and two ages no birth date fits are an `age/conflict`.
// Helpers of a test crate: a panic is a failing test with its message.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;

const AGES: &str = "tests/fixtures/ages/articles";

#[test]
fn ages_no_birth_date_fits_are_found_and_no_others() {
    let (code, doc) = check_json(&[AGES, "--rules", "rules", "--no-cache"]);
    assert_eq!(code, 0, "warnings only: {doc:#}");
    let ages = with_code(&doc, "age/conflict");
    // `Mr Ebbers, 65,` is Bernard Ebbers (the one full name of his article), and
    // two articles say 63. Anna Kowalska's 45 in May 2024 and 46 in April 2025 fit
    // one birth date; Sam Ebbers is someone else; London and Paris are no one. The
    // undated articles' 70 and 62 are compared with each other only, as if written
    // up to five years apart: no birth date fits both. `The 67-year-old` is the
    // Bernard Ebbers named just before it.
    assert_eq!(ages.len(), 3, "{doc:#}");
    assert_eq!(
        ages[0]["message"],
        "`Bernard Ebbers` is 67 here, but 63 in 2 other articles"
    );
    assert_eq!(ages[0]["locations"][0]["path"], format!("{AGES}/six.md"));
    let undated = ages[2];
    assert_eq!(
        undated["message"],
        "`Bernard Ebbers` is 62 here, but 70 in 1 other article"
    );
    assert_eq!(
        undated["locations"][0]["label"],
        "62, in an undated article"
    );
    assert!(
        undated["help"]
            .as_str()
            .unwrap()
            .contains("`--undated-range` compares undated ages closely")
    );
    let finding = ages[1];
    assert_eq!(
        finding["message"],
        "`Bernard Ebbers` is 65 here, but 63 in 2 other articles"
    );
    let places: Vec<(&str, &str, &str)> = finding["locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["path"].as_str().unwrap().rsplit('/').next().unwrap(),
                l["text"].as_str().unwrap(),
                l["label"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            ("two.md", "65", "65: born 1939–1940"),
            ("one.md", "63", "63: born 1941–1942"),
        ]
    );
}

#[test]
fn an_undated_range_compares_the_undated_ages() {
    let (_, doc) = check_json(&[
        AGES,
        "--rules",
        "rules",
        "--no-cache",
        "--undated-range",
        "2005..2006",
    ]);
    let messages: Vec<&str> = with_code(&doc, "age/conflict")
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "`Bernard Ebbers` is 67 here, but 63 in 3 other articles",
            "`Bernard Ebbers` is 65 here, but 63 in 3 other articles",
            "`Bernard Ebbers` is 70 here, but 63 in 3 other articles",
        ],
        "{doc:#}"
    );
    corpus_lint()
        .args(["check", AGES, "--undated-range", "2006..2005"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("ends before it starts"));
}

#[test]
fn ages_are_listed_as_claims() {
    let out = corpus_lint()
        .args(["claims", AGES, "--rules", "rules", "--rule", "age"])
        .output()
        .unwrap();
    let listed = String::from_utf8(out.stdout).unwrap();
    // `Mr Ebbers, 65,` is listed under the article's full name.
    for line in [
        "Bernard Ebbers\n",
        "  63  (age, age)",
        "  65  (age, age)",
        "Anna Kowalska",
    ] {
        assert!(listed.contains(line), "{line}: {listed}");
    }
    assert!(
        !listed.contains("London") && !listed.contains("\nEbbers"),
        "{listed}"
    );
}
