//! Each check both ways on small fixture corpora, bad input, and broken rules.

mod common;

use common::*;

const CONFLICT: &str = "tests/fixtures/conflict/articles";
const WEEKDAY: &str = "tests/fixtures/weekday/articles";
const NAMES: &str = "tests/fixtures/names/articles";
const BAD: &str = "tests/fixtures/bad-input/articles";

#[test]
fn claim_conflict_found_with_majority_and_near_misses_pass() {
    // No --rules: the `rules/` folder beside the corpus folder is used.
    let (code, doc) = check_json(&[CONFLICT]);
    assert_eq!(code, 1);
    assert_eq!(
        finding_set(&doc),
        set(&[
            ("claim/conflict", "tests/fixtures/conflict/articles/a.md", 6),
            (
                "number/conflict",
                "tests/fixtures/conflict/articles/b.md",
                4
            ),
        ])
    );
    let numbers = with_code(&doc, "number/conflict")[0];
    assert_eq!(
        numbers["message"],
        "articles disagree on foreign national offenders removed: `10,741` (2 articles) vs `11,741` (1 article)"
    );
    assert_eq!(
        numbers["help"],
        "`11,741` and `10,741` are different figures; 2 of 3 articles give `10,741`: check the source and correct the others"
    );
    // Primary location: the minority value; then the agreeing articles.
    let locs = numbers["locations"].as_array().unwrap();
    assert_eq!(locs.len(), 3);
    assert_eq!(locs[0]["text"], "11,741");
    assert_eq!(locs[0]["primary"], true);
    assert_eq!(locs[1]["primary"], false);
    // `31 May 2024`, `May 2024` and `2024` can all be true; `Jane Doe` in
    // September is not the same claim as in August.
    let all = serde_json::to_string(&doc).unwrap();
    assert!(!all.contains("Letter of Intent"));
    assert!(!all.contains("Jane Do`"));
}

#[test]
fn weekday_mismatches_found_and_right_weekdays_pass() {
    let (code, doc) = check_json(&[WEEKDAY]);
    assert_eq!(code, 1);
    assert_eq!(
        finding_set(&doc),
        set(&[
            (
                "claim/conflict",
                "tests/fixtures/weekday/articles/dateline-right.txt",
                2
            ),
            (
                "date/weekday",
                "tests/fixtures/weekday/articles/dateline-wrong.txt",
                1
            ),
            (
                "date/weekday",
                "tests/fixtures/weekday/articles/wrong.txt",
                1
            ),
            (
                "value/invalid",
                "tests/fixtures/weekday/articles/right.txt",
                2
            ),
        ])
    );
    let wrong = with_code(&doc, "date/weekday")
        .into_iter()
        .find(|f| {
            f["locations"][0]["path"]
                .as_str()
                .unwrap()
                .ends_with("/wrong.txt")
        })
        .unwrap();
    assert_eq!(wrong["message"], "31 May 2024 was a Friday, not a Thursday");
    assert!(
        wrong["help"]
            .as_str()
            .unwrap()
            .starts_with("write `Friday`")
    );
    assert_eq!(wrong["locations"][0]["text"], "Thursday");
    assert_eq!(wrong["locations"][1]["text"], "31 May 2024");
    let dateline = with_code(&doc, "date/weekday")
        .into_iter()
        .find(|f| {
            f["locations"][0]["path"]
                .as_str()
                .unwrap()
                .ends_with("dateline-wrong.txt")
        })
        .unwrap();
    assert_eq!(
        dateline["message"],
        "30 May 2024 was a Thursday, not a Friday"
    );
    // Undated articles take their date from the dateline: the probe rule keys
    // each article's date, so two datelines of different days conflict.
    let probe = &with_code(&doc, "claim/conflict")[0];
    assert_eq!(
        probe["message"],
        "articles disagree on agreement signed, reported in 2024: `2024-05-31` (1 article) vs `2024-05-30` (1 article)"
    );
    let invalid = &with_code(&doc, "value/invalid")[0];
    assert_eq!(invalid["message"], "`31 February 2024` is not a valid date");
}

#[test]
fn name_variants_found_and_different_people_kept_apart() {
    let (code, doc) = check_json(&[NAMES]);
    assert_eq!(code, 1, "a declared wrong form is an error");
    let findings = doc["findings"].as_array().unwrap();
    let messages: Vec<&str> = findings
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "`Talal Chaudhary` looks like a misspelling of `Talal Chaudhry`",
            "`Mohin Naqvi` is a known misspelling of `Mohsin Naqvi`",
        ]
    );
    assert_eq!(findings[0]["severity"], "warning");
    assert_eq!(findings[1]["severity"], "error");
    assert_eq!(
        findings[0]["help"],
        "write `Talal Chaudhry`: 3 mentions in 2 articles use `Talal Chaudhry`; if these are two people, declare both in an entities file"
    );
    // Khan/Naqvi, Wajid Khan/Moazzam Ahmad Khan, `Naqvi's` and sentence openers
    // (`Speaking Mohsin Naqvi`) never appear as variants.
    for f in findings {
        for loc in f["locations"].as_array().unwrap() {
            let text = loc["text"].as_str().unwrap();
            assert!(!text.contains("Khan") && !text.contains('\''), "{text}");
        }
    }
}

#[test]
fn bad_files_are_reported_and_the_run_goes_on() {
    let (code, doc) = check_json(&[BAD, "--rules", "tests/fixtures/names/rules"]);
    assert_eq!(code, 0, "warnings only");
    assert_eq!(
        doc["summary"]["articles"], 4,
        "bom, crlf, empty and bad-date; not the hidden folder, the .csv or the bad files"
    );
    let problems: Vec<(String, String)> = doc["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["code"].as_str().unwrap().to_string(),
                p["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let codes: Vec<&str> = problems.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(codes, ["input/binary", "input/bad-date", "input/not-utf8"]);
    assert!(
        problems[2]
            .1
            .contains("latin1.txt is not valid UTF-8 (byte 0xE9 at offset 3, line 1)")
    );
    assert!(!serde_json::to_string(&doc).unwrap().contains("Chaudharyy"));
}

#[test]
fn spans_are_exact_with_a_bom_and_crlf() {
    let (_, doc) = check_json(&[BAD, "--rules", "tests/fixtures/names/rules"]);
    let primaries: Vec<&serde_json::Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| &f["locations"][0])
        .collect();
    assert_eq!(primaries.len(), 2);
    for (loc, file, line, column) in [
        (primaries[0], "bom.txt", 2, 6),
        (primaries[1], "crlf.txt", 2, 7),
    ] {
        assert!(loc["path"].as_str().unwrap().ends_with(file));
        assert_eq!(
            (loc["line"].as_u64(), loc["column"].as_u64()),
            (Some(line), Some(column))
        );
        let bytes = std::fs::read(format!("{}/{BAD}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let [start, end] = [0, 1].map(|i| loc["byte_range"][i].as_u64().unwrap() as usize);
        assert_eq!(&bytes[start..end], b"Talal Chaudhary", "{file}");
        assert!(!loc["excerpt"].as_str().unwrap().ends_with('\r'));
    }
}

#[test]
fn broken_rules_point_at_line_and_column() {
    for (file, at, message) in [
        ("syntax.toml", "3:37", "invalid basic string"),
        ("unknown-field.toml", "8:1", "unknown field `severty`"),
        ("bad-regex.toml", "5:14", "unclosed group"),
        (
            "missing-capture.toml",
            "7:10",
            "the template uses `{total}`",
        ),
        (
            "title-key.toml",
            "7:7",
            "a title rule's key names the person and the post",
        ),
        (
            "bad-window.toml",
            "7:13",
            "the window: `fortnights` is not a unit of time a window can have",
        ),
        (
            "window-without-key.toml",
            "6:10",
            "`window` says which claims of a key",
        ),
    ] {
        let path = format!("tests/fixtures/broken-rules/{file}");
        let out = corpus_lint()
            .args(["check", "corpus/", "--color", "never", "--rules", &path])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{file}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains(&format!("[{path}:{at}]")),
            "{file}: {stderr}"
        );
        assert!(stderr.contains(message), "{file}: {stderr}");
        assert!(
            out.stdout.is_empty(),
            "nothing is checked with a broken rule"
        );
    }
}

#[test]
fn unusable_input_exits_2() {
    let out = corpus_lint()
        .args(["check", "no/such/folder", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("no/such/folder does not exist")
    );
    let empty = tempfile::tempdir().unwrap();
    let out = corpus_lint()
        .args(["check", "--rules", "rules", "--color", "never"])
        .arg(empty.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("no articles found")
    );
    let out = corpus_lint()
        .args(["check", "--format", "xml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "bad usage");
}

#[test]
fn quiet_and_colour_flags() {
    let run = |args: &[&str]| {
        let out = corpus_lint()
            .arg("check")
            .arg(NAMES)
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let plain = run(&["--color", "never"]);
    assert!(plain.contains("3 articles read"));
    assert!(!plain.contains('\u{1b}'));
    assert!(run(&["--color", "always"]).contains('\u{1b}'));
    let quiet = run(&["--color", "never", "--quiet"]);
    assert!(!quiet.contains("articles read"));
    assert!(quiet.contains("Mohin Naqvi"));
}
