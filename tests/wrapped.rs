//! Hard-wrapped text (issue: text as archives hold it): names and titles across line
//! breaks, carriage returns and line-end hyphens are found as on one line, and
//! reported at the file's own lines and columns.
// Helpers of a test crate: a panic is a failing test with its message.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use proptest::prelude::*;
use std::collections::BTreeSet;

const WRAPPED: &str = "tests/fixtures/wrapped/articles";

/// The located text of a finding's primary location, and where it starts and ends.
fn primary(finding: &serde_json::Value) -> (String, u64, u64, u64, u64) {
    let l = &finding["locations"][0];
    let n = |k: &str| l[k].as_u64().unwrap();
    (
        l["text"].as_str().unwrap().to_string(),
        n("line"),
        n("column"),
        n("end_line"),
        n("end_column"),
    )
}

#[test]
fn names_and_titles_across_line_breaks_are_found() {
    let (code, doc) = check_json(&[WRAPPED, "--rules", "rules"]);
    assert_eq!(code, 1);
    let cleverly = format!("{WRAPPED}/cleverly.md");
    let naqvi = format!("{WRAPPED}/naqvi.md");
    let crlf = format!("{WRAPPED}/crlf.md");
    assert_eq!(
        finding_set(&doc),
        set(&[
            ("office/out-of-term", &cleverly, 5),
            ("spelling/variant", &naqvi, 4),
            ("spelling/variant", &crlf, 4),
        ])
    );
    let variants = with_code(&doc, "spelling/variant");
    let located: BTreeSet<_> = variants.iter().map(|f| primary(f)).collect();
    assert_eq!(
        located,
        BTreeSet::from([
            // `Mohin` ends line 4, `Naqvi` begins line 5.
            ("Mohin\nNaqvi".to_string(), 4, 30, 5, 6),
            // A line-end hyphen, with a carriage return: the joined name is the
            // declared misspelling.
            ("Mohin Naq-\r\nvi".to_string(), 4, 57, 5, 3),
        ])
    );
    // `Kilroy-\nSilk` stays the compound `Kilroy-Silk`, which another article
    // writes on one line: no variant of it.
    let text = doc.to_string();
    assert!(!text.contains("KilroySilk") && !text.contains("Kilroy Silk"));
}

/// The test corpus with every paragraph on one line.
const ARTICLES: &[(&str, &str, &str)] = &[
    (
        "cleverly.md",
        "2025-06-10",
        "LONDON: The Home Secretary James Cleverly met Pakistan's Interior Minister Mohsin Naqvi on Tuesday to discuss the returns agreement.\n\nRobert Kilroy-Silk, who sat in on the talks, said the two men got on well.",
    ),
    (
        "naqvi.md",
        "2025-06-11",
        "ISLAMABAD: Interior Minister Mohin Naqvi said the talks with the United Kingdom went well and that more meetings would follow in the autumn.",
    ),
    (
        "whole.md",
        "2025-06-13",
        "Interior Minister Mohsin Naqvi and Robert Kilroy-Silk spoke after the meeting in London, where Home Secretary Yvette Cooper said the deal would stand.",
    ),
];

/// `paragraph` broken at spaces into lines of at most `width` characters.
fn wrapped(paragraph: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in paragraph.split(' ') {
        if line > 0 && line + 1 + word.len() > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += word.len();
    }
    out
}

/// Writes the corpus, each article wrapped at its width (none: one line per
/// paragraph), with CRLF line ends if asked; checks it.
fn check_wrapped(widths: &[Option<usize>], crlf: bool) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    for ((name, date, body), width) in ARTICLES.iter().zip(widths) {
        let body: Vec<String> = body
            .split("\n\n")
            .map(|p| width.map_or_else(|| p.to_string(), |w| wrapped(p, w)))
            .collect();
        let mut text = format!("---\ndate: {date}\n---\n{}\n", body.join("\n\n"));
        if crlf {
            text = text.replace('\n', "\r\n");
        }
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let (_, doc) = check_json(&[dir.path().to_str().unwrap(), "--rules", "rules"]);
    doc
}

/// A finding's code, message, and each location's file and text.
type Meaning = (String, String, Vec<(String, String)>);

/// Each finding's code, message, file and located texts (with runs of whitespace as
/// one space): what must not change when only line breaks move.
fn meaning(doc: &serde_json::Value) -> BTreeSet<Meaning> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let places = f["locations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| {
                    let path = l["path"].as_str().unwrap();
                    let file = path.rsplit('/').next().unwrap().to_string();
                    let text = l["text"].as_str().unwrap();
                    (file, text.split_whitespace().collect::<Vec<_>>().join(" "))
                })
                .collect();
            (
                f["code"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
                places,
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Re-wrapping the articles at any width, with or without carriage returns,
    /// changes where findings are, never which they are or what they point at.
    #[test]
    fn rewrapping_changes_no_finding(
        widths in prop::collection::vec(prop::option::of(45usize..100), ARTICLES.len()),
        crlf in any::<bool>(),
    ) {
        let unwrapped = meaning(&check_wrapped(&[None, None, None], false));
        prop_assert!(unwrapped.len() >= 2, "{unwrapped:?}");
        prop_assert_eq!(meaning(&check_wrapped(&widths, crlf)), unwrapped);
    }
}
