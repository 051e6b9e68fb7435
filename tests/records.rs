//! Archives as records (issue: text as archives hold it): one small corpus as a
//! folder of files, as JSON Lines, as CSV and as HTML pages gives the same findings; a finding in
//! a record names the archive, the record and the place in its text; records that
//! are not articles are reported and the run goes on.
// Helpers of a test crate: a panic is a failing test with its message.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use serde_json::Value;
use std::collections::BTreeSet;

const RECORDS: &str = "tests/fixtures/records";

/// A finding with the article names left out: code, message, and for each place
/// its text, line and column in the article's text, and label.
type Seen = (String, String, Vec<(String, u64, u64, String)>);

fn seen(doc: &Value) -> BTreeSet<Seen> {
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
                    (
                        l["text"].as_str().unwrap().to_string(),
                        // A file's text starts after its front matter (4 lines),
                        // a page's after its headline (2); a record's is its text.
                        l["line"].as_u64().unwrap()
                            - match (&l["record"], &l["page"]) {
                                (Value::Null, Value::Null) => 4,
                                (Value::Null, _) => 2,
                                _ => 0,
                            },
                        l["column"].as_u64().unwrap(),
                        l["label"].as_str().unwrap().to_string(),
                    )
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

#[test]
fn one_corpus_as_folder_jsonl_csv_and_html_gives_the_same_findings() {
    let (code, folder) = check_json(&[
        &format!("{RECORDS}/folder"),
        "--rules",
        "rules",
        "--no-cache",
    ]);
    assert_eq!(code, 1);
    let expected = seen(&folder);
    assert_eq!(expected.len(), 3, "{folder:#}");
    for form in ["jsonl", "csv", "html"] {
        let (code, doc) = check_json(&[
            &format!("{RECORDS}/{form}"),
            "--rules",
            "rules",
            "--no-cache",
        ]);
        assert_eq!(code, 1, "{form}");
        assert_eq!(seen(&doc), expected, "{form}");
        assert_eq!(doc["summary"]["articles"], 4, "{form}");
        assert_eq!(
            doc["summary"]["claims"], folder["summary"]["claims"],
            "{form}"
        );
        assert!(
            doc["problems"].as_array().unwrap().is_empty(),
            "{form}: {doc:#}"
        );
    }
}

#[test]
fn a_place_in_a_page_is_in_its_main_text() {
    let (_, doc) = check_json(&[&format!("{RECORDS}/html"), "--rules", "rules", "--no-cache"]);
    let misspelt = &with_code(&doc, "spelling/variant")[0]["locations"][0];
    assert_eq!(misspelt["path"], format!("{RECORDS}/html/naqvi.html"));
    assert_eq!(misspelt["page"], true);
    assert_eq!(
        (misspelt["line"].as_u64(), misspelt["column"].as_u64()),
        (Some(3), Some(30))
    );
    assert!(
        misspelt["excerpt"]
            .as_str()
            .unwrap()
            .starts_with("ISLAMABAD: Interior Minister Mohin")
    );
    // The related links and the menus are not the article: Priti Patel is not in it.
    assert!(!doc.to_string().contains("Priti Patel"));
}

#[test]
fn a_place_in_a_record_names_the_archive_the_record_and_the_place() {
    let (_, doc) = check_json(&[&format!("{RECORDS}/csv"), "--rules", "rules", "--no-cache"]);
    let misspelt = &with_code(&doc, "spelling/variant")[0]["locations"][0];
    assert_eq!(misspelt["path"], format!("{RECORDS}/csv/archive.csv"));
    // The second record starts on line 5: the first one's text spans lines 2-4.
    assert_eq!(
        misspelt["record"],
        serde_json::json!({"number": 2, "line": 5, "field": "body", "id": "naqvi"})
    );
    assert_eq!(
        (misspelt["line"].as_u64(), misspelt["column"].as_u64()),
        (Some(1), Some(30))
    );
    assert_eq!(misspelt["text"], "Mohin Naqvi");
    assert!(
        misspelt["excerpt"]
            .as_str()
            .unwrap()
            .starts_with("ISLAMABAD: Interior Minister Mohin")
    );
    // `claims` gives pipelines the archive's path and, apart, the record's name.
    let out = corpus_lint()
        .args([
            "claims",
            &format!("{RECORDS}/csv"),
            "--rules",
            "rules",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &listed["claims"][0];
    assert_eq!(first["path"], format!("{RECORDS}/csv/archive.csv"));
    assert_eq!(
        first["article"],
        format!("{RECORDS}/csv/archive.csv#cleverly")
    );
    let out = corpus_lint()
        .args([
            "check",
            &format!("{RECORDS}/jsonl"),
            "--rules",
            "rules",
            "--no-cache",
        ])
        .output()
        .unwrap();
    let human = String::from_utf8(out.stdout).unwrap();
    insta::assert_snapshot!(human);
}

/// Writes `files` into a fresh folder and checks it, as JSON.
fn check_files(files: &[(&str, &str)], extra: &[&str]) -> (i32, Value) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let path = dir.path().display().to_string();
    let mut args = vec![path.as_str(), "--rules", "rules", "--no-cache"];
    args.extend(extra);
    check_json(&args)
}

fn problems(doc: &Value) -> Vec<(String, String)> {
    doc["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["code"].as_str().unwrap().to_string(),
                p["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn records_that_are_not_articles_are_reported_and_the_rest_checked() {
    let jsonl = concat!(
        r#"{"id": "a", "date": "2025-06-11", "text": "Interior Minister Mohin Naqvi spoke."}"#,
        "\n\n",
        r#"{"id": "b", "text": "cut off"#,
        "\n",
        r#"["not", "an", "object"]"#,
        "\n",
        r#"{"id": "d", "title": "no text here"}"#,
        "\n",
        r#"{"id": "e", "date": "someday", "body": ["Mohsin Naqvi met officials.", "Mohsin Naqvi left."]}"#,
        "\n",
        r#"{"id": "f", "date": 1749600000, "text": "Mohsin Naqvi returned home."}"#,
        "\n",
    );
    let (code, doc) = check_files(&[("news.jsonl", jsonl)], &[]);
    assert_eq!(code, 1, "{doc:#}");
    assert_eq!(doc["summary"]["articles"], 3);
    let problems = problems(&doc);
    let codes: Vec<&str> = problems.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(
        codes,
        [
            "input/bad-record",
            "input/bad-record",
            "input/bad-record",
            "input/bad-date"
        ],
        "{problems:#?}"
    );
    assert!(
        problems[0].1.contains("news.jsonl#L3 (record 2)")
            && problems[0].1.contains("not valid JSON")
    );
    assert!(problems[1].1.contains("record 3") && problems[1].1.contains("not a JSON object"));
    assert!(problems[2].1.contains("has no text field"));
    assert!(
        problems[3].1.contains("news.jsonl#e")
            && problems[3].1.contains("`someday` in field `date`")
    );
    let found = &with_code(&doc, "spelling/variant")[0];
    assert_eq!(found["locations"][0]["record"]["id"], "a");
}

#[test]
fn an_archive_read_with_the_wrong_field_names_is_one_warning_until_named() {
    let csv = "slug,when,copy\nx,2025-06-11,Interior Minister Mohin Naqvi spoke.\ny,2025-06-12,\"Mohsin Naqvi\nreplied.\"\n";
    let (code, doc) = check_files(&[("a.csv", csv), ("b.md", "Mohsin Naqvi spoke.")], &[]);
    assert_eq!(code, 0);
    let problems = problems(&doc);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].0, "input/bad-record");
    assert!(problems[0].1.contains("no record field holds the text"));
    let (code, doc) = check_files(
        &[("a.csv", csv), ("b.md", "Mohsin Naqvi spoke.")],
        &[
            "--field",
            "text=copy",
            "--field",
            "date=when",
            "--field",
            "id=slug",
        ],
    );
    assert_eq!(code, 1, "{doc:#}");
    assert_eq!(doc["summary"]["articles"], 3);
    let place = &with_code(&doc, "spelling/variant")[0]["locations"][0];
    assert_eq!(place["record"]["id"], "x");
    assert_eq!(place["record"]["line"], 2);
}

#[test]
fn a_field_setting_that_is_not_role_equals_name_stops_the_run() {
    corpus_lint()
        .args(["check", RECORDS, "--field", "body=story"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("roles are text"));
}

#[test]
fn archives_are_cached_and_an_edited_archive_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let archive = corpus.join("news.jsonl");
    let original = std::fs::read_to_string(format!("{RECORDS}/jsonl/archive.jsonl")).unwrap();
    std::fs::write(&archive, &original).unwrap();
    let cache = dir.path().join("cache").display().to_string();
    let path = corpus.display().to_string();
    let run = || check_json(&[&path, "--rules", "rules", "--cache-dir", &cache]);
    let cold = run();
    let warm = run();
    assert_eq!(cold, warm);
    assert_eq!(seen(&cold.1).len(), 3);
    // Correcting the misspelt record moves every record after it.
    std::fs::write(&archive, original.replace("Mohin Naqvi", "Mohsin Naqvi")).unwrap();
    let edited = run();
    assert_eq!(edited.0, 1);
    assert!(
        with_code(&edited.1, "spelling/variant").is_empty(),
        "{:#}",
        edited.1
    );
    assert_eq!(seen(&edited.1).len(), 2);
}
