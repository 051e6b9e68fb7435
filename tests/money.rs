//! Money conversions: a sum with what it comes to in a bracket states an exchange
//! rate, and one far from the rate the corpus's other conversions of its year give
//! is a `money/conversion` warning, with the likely cause.
// Helpers of a test crate: a panic is a failing test with its message.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;

const MONEY: &str = "tests/fixtures/money";

fn check(extra: &[&str]) -> (i32, serde_json::Value) {
    let mut args = vec![MONEY, "--rules", "rules"];
    args.extend(extra);
    check_json(&args)
}

#[test]
fn conversions_off_the_corpus_rate_are_found_and_no_others() {
    let (code, doc) = check(&["--no-cache"]);
    assert_eq!(code, 0, "warnings only: {doc:#}");
    assert_eq!(
        finding_set(&doc),
        set(&[
            (
                "money/conversion",
                "tests/fixtures/money/04-box-office.md",
                4
            ),
            (
                "money/conversion",
                "tests/fixtures/money/06-settlement.md",
                4
            ),
            ("money/conversion", "tests/fixtures/money/07-deal.md", 4),
        ]),
        "{doc:#}"
    );
    let found = with_code(&doc, "money/conversion");
    let said: Vec<(&str, &str)> = found
        .iter()
        .map(|f| (f["message"].as_str().unwrap(), f["help"].as_str().unwrap()))
        .collect();
    assert_eq!(
        said,
        [
            (
                "`$6.3 (£3.35m)` converts at $0.00000188 to the pound, 1/1,000,000 of the $1.89 \
                 the corpus's other 2005 conversions give",
                "a scale looks missing or extra: at $1.89 to the pound, `$6.3` comes to £3.34, \
                 1/1,000,000 of `£3.35m`",
            ),
            (
                "`$10m (£19.2m)` converts at $0.521 to the pound, 1/4 of the $1.89 the corpus's \
                 other 2005 conversions give",
                "the sum looks converted the wrong way, or its currencies swapped: the inverse \
                 rate, $1.92 to the pound, fits; at $1.89 to the pound, `$10m` comes to £5.3m",
            ),
            (
                "`$3bn ($1.6bn)` converts a sum into its own currency, the dollar",
                "a currency sign looks wrong: at the corpus's $1.88 to the pound, `$1.6bn` is \
                 probably in pounds",
            ),
        ]
    );
    assert!(found.iter().all(|f| f["severity"] == "warning"));
    let primary = &found[0]["locations"][0];
    assert_eq!(primary["text"], "$6.3 (£3.35m)");
    assert_eq!(primary["label"], "$0.00000188 to the pound");
    let evidence = &found[0]["locations"][1];
    assert_eq!(evidence["primary"], false);
    assert_ne!(evidence["path"], primary["path"]);
}

#[test]
fn claims_lists_each_conversion_with_the_sum_it_converts_to() {
    let out = corpus_lint()
        .args(["claims", MONEY, "--rules", "rules", "--rule", "conversion"])
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = doc["claims"].as_array().unwrap();
    // `$99 (£69 in the UK)` is a local price, no conversion; `836m euros (£581m;
    // $1.1bn)` is two.
    assert_eq!(claims.len(), 14, "{doc:#}");
    // A conversion across a line break of hard-wrapped text is read as one line,
    // and placed at the file's own lines.
    let wrapped = claims.last().unwrap();
    assert_eq!(
        (&wrapped["matched"], &wrapped["line"], &wrapped["converted"]),
        (
            &serde_json::json!("$500m\n(£275m)"),
            &serde_json::json!(5),
            &serde_json::json!("£275 million")
        )
    );
    let exports: Vec<(&str, &str, &str)> = claims
        .iter()
        .filter(|c| c["path"].as_str().unwrap().ends_with("05-exports.md"))
        .map(|c| {
            (
                c["text"].as_str().unwrap(),
                c["value"].as_str().unwrap(),
                c["converted"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        exports,
        [
            ("836m euros", "€836 million", "£581 million"),
            ("836m euros", "€836 million", "$1.1 billion"),
        ]
    );
    assert!(
        claims
            .iter()
            .all(|c| c["rule"] == "conversion" && c["type"] == "money" && c["time"].is_string())
    );
}

#[test]
fn a_warm_run_finds_what_a_cold_one_does() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().to_str().unwrap();
    let cold = check(&["--no-cache"]);
    assert_eq!(check(&["--cache-dir", cache]), cold, "cache written");
    assert_eq!(check(&["--cache-dir", cache]), cold, "from the cache");
}

#[test]
fn a_conversion_finding_reads_well() {
    let run = corpus_lint()
        .args(["check", MONEY, "--rules", "rules", "--no-cache"])
        .args(["--color", "never", "--quiet"])
        .output()
        .unwrap();
    let out = String::from_utf8(run.stdout).unwrap();
    let one = out
        .split("money/conversion\n")
        .find(|f| f.contains("$6.3 (£3.35m)"))
        .unwrap();
    insta::assert_snapshot!(format!("money/conversion\n{one}"));
}
