//! Wire copy (issue: text as archives hold it): a headline in capitals names no one,
//! and a stock ticker after a company's name (`Texaco Inc <TX>`) says which company
//! it is — the same ticker is evidence that two spellings are one company, two
//! different tickers that they are two.
// Helpers of a test crate: a panic is a failing test with its message.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;

const TICKERS: &str = "tests/fixtures/tickers/articles";

#[test]
fn tickers_tell_one_company_from_two() {
    let (code, doc) = check_json(&[TICKERS, "--rules", "rules", "--no-cache"]);
    assert_eq!(code, 0, "{doc:#}");
    let variants = with_code(&doc, "spelling/variant");
    // `Comdesco Inc <CDE>` is another company than `Comdisco Inc <CDO>`; the
    // capitals of the headlines (`TEXACO <TX> TO SELL CANADIAN UNIT`) are no names.
    assert_eq!(variants.len(), 1, "{doc:#}");
    assert_eq!(variants[0]["locations"][0]["text"], "Texacco Inc");
    let help = variants[0]["help"].as_str().unwrap();
    assert!(help.contains("both are listed as `<TX>`"), "{help}");
}

#[test]
fn without_tickers_the_two_companies_look_like_one() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.txt", "b.txt"] {
        let text = std::fs::read_to_string(format!("{TICKERS}/{name}")).unwrap();
        let stripped = text
            .replace(" <TX>", "")
            .replace(" <CDO>", "")
            .replace(" <CDE>", "");
        std::fs::write(dir.path().join(name), stripped).unwrap();
    }
    let path = dir.path().display().to_string();
    let (_, doc) = check_json(&[&path, "--rules", "rules", "--no-cache"]);
    let texts: Vec<&str> = with_code(&doc, "spelling/variant")
        .iter()
        .map(|f| f["locations"][0]["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["Texacco Inc", "Comdesco Inc"], "{doc:#}");
}
