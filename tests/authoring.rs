//! The rule author's loop: examples, `test`, the schema, validation warnings,
//! `claims` and `rule`.
// Helpers of a test crate: a panic is a failing test with its message.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use std::fs;

fn stdout(args: &[&str]) -> (i32, String, String) {
    let out = corpus_lint()
        .args(args)
        .args(["--color", "never"])
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn shipped_rules_pass_their_examples_without_warnings() {
    let (code, out, err) = stdout(&["test"]);
    assert_eq!(code, 0, "{out}");
    assert!(err.is_empty(), "the shipped rules warn:\n{err}");
    let pack = corpus_lint::rules::load(&["rules".into()]).unwrap();
    let examples: usize = pack.rules.iter().map(|r| r.examples.len()).sum();
    assert_eq!(
        out.lines().last(),
        Some(format!("{examples} passed, 0 failed").as_str())
    );
    for rule in &pack.rules {
        assert!(
            rule.examples.iter().any(|e| e.claims.is_some()),
            "{} has no example",
            rule.id
        );
        assert!(
            rule.examples.iter().any(|e| e.claims.is_none()),
            "{} has no counterexample",
            rule.id
        );
    }
}

#[test]
fn shipped_schemas_are_current_and_referenced() {
    for (dir, flags) in [("rules", &[][..]), ("rules/facts", &["--facts"][..])] {
        let (code, schema, _) = stdout(&[&["schema"][..], flags].concat());
        assert_eq!(code, 0);
        let shipped = fs::read_to_string(format!("{dir}/schema.json")).unwrap();
        assert!(
            schema == shipped,
            "{dir}/schema.json is stale: run `cargo run -- schema {} > {dir}/schema.json`",
            flags.join(" ")
        );
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                let text = fs::read_to_string(&path).unwrap();
                assert!(
                    text.starts_with("#:schema ./schema.json\n"),
                    "{}",
                    path.display()
                );
            }
        }
    }
    let (_, schema, _) = stdout(&["schema"]);
    let parsed: serde_json::Value = serde_json::from_str(&schema).unwrap();
    assert!(parsed["$defs"]["RuleSpec"]["properties"]["example"].is_object());
    let (_, facts, _) = stdout(&["schema", "--facts"]);
    let parsed: serde_json::Value = serde_json::from_str(&facts).unwrap();
    assert!(parsed["$defs"]["TermSpec"]["properties"]["holder"].is_object());
}

const LOI_RULE: &str = r#"[[rule]]
id = "loi-signed"
description = "When the UK-Pakistan Letter of Intent was signed"
severity = "error"
pattern = '''(?P<doc>Letter of Intent)(?: \(LOI\))? (?:was )?signed on (?P<date>\d{1,2}(?:st|nd|rd|th)? \p{Lu}\p{Ll}+,? \d{4})'''
key = "date the {doc} was signed"
value = "{date}"
type = "date"

[[rule.example]]
text = "The Letter of Intent (LOI) signed on 31st May, 2024 covers extradition."
claims = [{ key = "date the Letter of Intent was signed", value = "2024-05-31" }]

[[rule.counterexample]]
text = "A Letter of Intent will be signed next month."
"#;

#[test]
fn a_new_rule_is_tested_then_finds_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    let news = dir.path().join("news");
    fs::create_dir_all(&rules).unwrap();
    fs::create_dir_all(&news).unwrap();
    fs::write(rules.join("loi.toml"), LOI_RULE).unwrap();
    fs::write(
        news.join("a.txt"),
        "Pakistan and the UK signed a Letter of Intent (LOI) on 31st May, 2024.\nThe Letter of Intent signed on 31st May, 2024 covers extradition.\n",
    )
    .unwrap();
    fs::write(
        news.join("b.txt"),
        "Officials said the Letter of Intent was signed on 30 May 2024 in London.\n",
    )
    .unwrap();

    let rule_file = rules.join("loi.toml");
    let (code, out, err) = stdout(&["test", rule_file.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.is_empty(), "{err}");
    assert_eq!(out.trim_end(), "2 passed, 0 failed");

    let (code, doc) = check_json(&[news.to_str().unwrap()]);
    assert_eq!(code, 1);
    let conflicts = with_code(&doc, "claim/conflict");
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        conflicts[0]["message"],
        "articles disagree on date the Letter of Intent was signed: `31st May, 2024` (1 article) vs `30 May 2024` (1 article)"
    );
    let places: Vec<(String, u64, &str)> = conflicts[0]["locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let path = l["path"].as_str().unwrap();
            (
                path.rsplit('/').next().unwrap().to_string(),
                l["line"].as_u64().unwrap(),
                l["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            ("a.txt".to_string(), 2, "31st May, 2024"),
            ("b.txt".to_string(), 1, "30 May 2024")
        ]
    );
}

#[test]
fn a_failing_example_points_at_itself_with_a_diff() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("loi.toml");
    fs::write(
        &file,
        LOI_RULE.replace(r#"value = "2024-05-31" }]"#, r#"value = "2024-05-30" }]"#),
    )
    .unwrap();
    let (code, out, _) = stdout(&["test", file.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains(&format!("[{}:10:1]", file.display())), "{out}");
    assert!(
        out.contains("rule `loi-signed`: this example fails"),
        "{out}"
    );
    assert!(
        out.contains("- key `date the Letter of Intent was signed`, value `2024-05-30`"),
        "{out}"
    );
    assert!(
        out.contains("+ key `date the Letter of Intent was signed`, value `2024-05-31`"),
        "{out}"
    );
    assert_eq!(out.lines().last(), Some("1 passed, 1 failed"));
}

#[test]
fn rules_that_compile_but_look_wrong_warn_with_spans() {
    let (code, _, err) = stdout(&["test", "tests/fixtures/authoring/warnings.toml"]);
    assert_eq!(code, 0, "warnings do not fail the run");
    let file = "tests/fixtures/authoring/warnings.toml";
    let mut found = Vec::new();
    let mut code_seen = "";
    for line in err.lines() {
        let line = line.trim();
        if line.starts_with("rule/") {
            code_seen = line;
        } else if let Some(at) = line.strip_prefix(&format!("╭─[{file}:")) {
            found.push(format!("{code_seen} {}", at.trim_end_matches(']')));
        }
    }
    assert_eq!(
        found,
        [
            "rule/empty-match 5:11",
            "rule/unused-capture 5:27",
            "rule/constant-key 6:7",
            "rule/no-examples 2:6",
            "rule/duplicate-id 11:6",
            "rule/slow-boundary 14:40",
            "rule/constant-key 15:7",
        ]
    );
}

#[test]
fn claims_lists_what_the_corpus_asserts() {
    let (code, out, _) = stdout(&[
        "claims",
        "corpus/",
        "--key",
        "interior minister",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let claims = doc["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 9);
    let values: std::collections::BTreeSet<&str> = claims
        .iter()
        .map(|c| c["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        values.into_iter().collect::<Vec<_>>(),
        ["Mohin Naqvi", "Mohsin Naqvi"]
    );
    assert!(
        claims
            .iter()
            .all(|c| c["rule"] == "office-title-name" && c["type"] == "name")
    );
    assert!(
        claims
            .iter()
            .all(|c| c["key"] == "Pakistan Interior Minister")
    );
    let times: Vec<&str> = claims.iter().map(|c| c["time"].as_str().unwrap()).collect();
    assert!(times.contains(&"2024-08"), "In August last year: {times:?}");
    assert!(
        times.contains(&"2024-10-01..2025-03-01"),
        "a few months ago: {times:?}"
    );

    let (_, out, _) = stdout(&[
        "claims",
        "corpus/",
        "--rule",
        "agency-dateline",
        "--format",
        "jsonl",
    ]);
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // JSON Lines is a shard: a header, the claims asked for, every article's
    // record, and the vocabulary last.
    assert_eq!(records[0]["record"], "shard");
    assert_eq!(records.last().unwrap()["record"], "vocabulary");
    let kind = |k: &str| records.iter().filter(|r| r["record"] == k).count();
    assert_eq!(kind("article"), 5);
    let lines: Vec<&serde_json::Value> =
        records.iter().filter(|r| r["record"] == "claim").collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["value"], "2024-05-31");
    assert_eq!(lines[0]["text"], "31st May, 2024");
    assert_eq!(lines[0]["line"], 6);

    let (_, out, _) = stdout(&["claims", "corpus/", "--value", "patel|cleverly|cooper"]);
    assert!(out.starts_with("UK Home Secretary\n  Priti Patel  (name, office-title-name, at 2022-08)  corpus/000-uk-pakistan-returns-agreement.txt:6:24  «British home secretary Priti Patel»"), "{out}");
    assert!(out.ends_with("5 claims about 1 key\n"), "{out}");

    let (code, _, err) = stdout(&["claims", "corpus/", "--key", "("]);
    assert_eq!(code, 2);
    assert!(err.contains("--key"));
    let (code, _, err) = stdout(&["claims", "corpus/", "--rule", "nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("no rule has the id `nope`"));
}

#[test]
fn rule_explains_checks_and_loaded_rules() {
    let (code, out, _) = stdout(&["rule", "spelling/variant"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        fs::read_to_string("src/checks/spelling_variant.md").unwrap()
    );
    let (code, out, _) = stdout(&["rule", "office-title-of-country-name"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("# office-title-of-country-name\n"), "{out}");
    assert!(out.contains("defined in rules/offices.toml:"), "{out}");
    assert!(
        out.contains("→ `UK Home Secretary` = `James Cleverly`"),
        "{out}"
    );
    assert!(out.contains("**How to silence it.**"), "{out}");
    assert!(out.contains("    office = \"{title}\"\n"), "{out}");
    // A rule's own fields only: the first has no key, the second has.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("two.toml");
    fs::write(
        &file,
        "[[rule]]\nid = \"a\"\ndescription = \"A\"\nseverity = \"info\"\npattern = '(?P<d>\\d{4})'\nvalue = \"{d}\"\ntype = \"year\"\n\n\
         [[rule]]\nid = \"b\"\ndescription = \"B\"\nseverity = \"info\"\npattern = '(?P<d>\\d{4})'\nkey = \"k\"\nvalue = \"{d}\"\ntype = \"year\"\n",
    )
    .unwrap();
    let (code, out, _) = stdout(&["rule", "a", "--rules", file.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        out.contains("    value = \"{d}\"") && !out.contains("key ="),
        "{out}"
    );
    let (_, out, _) = stdout(&["rule", "returns-deal-ordinal"]);
    assert!(out.contains("    count_offset = 1\n"), "{out}");
    // Slots are named, and the pattern shown as it runs, slots expanded.
    // A slot written in two alternatives is listed once, and runs as two groups.
    let (_, out, _) = stdout(&["rule", "offenders-removed"]);
    assert!(
        out.contains("Slots: `count` (number in the match), `period` (period in the sentence)."),
        "{out}"
    );
    assert!(
        out.contains("(?P<count>(?:(?:about|") && out.contains("(?P<count__1>"),
        "{out}"
    );
    let (_, out, _) = stdout(&["rule", "event-signed"]);
    assert!(out.contains("`date` (date in the sentence)"), "{out}");
    let (code, _, err) = stdout(&["rule", "no/such-check"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no check or rule is called `no/such-check`"),
        "{err}"
    );
}

#[test]
fn the_guides_first_rule_works_as_written() {
    let guide = fs::read_to_string("docs/rules.md").unwrap();
    let start = guide.find("```toml\n").unwrap() + "```toml\n".len();
    let rule = &guide[start..start + guide[start..].find("```").unwrap()];
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("loi.toml");
    fs::write(&file, rule).unwrap();
    let file = file.to_str().unwrap();
    let (code, out, err) = stdout(&["test", file]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "2 passed, 0 failed\n", "")
    );
    let (code, out, _) = stdout(&["claims", "corpus/", "--rules", file, "--rule", "loi-signed"]);
    assert_eq!(code, 0);
    assert!(
        guide.contains(&out),
        "the guide's `claims` output is out of date; it is now:\n{out}"
    );
}

#[test]
fn every_rule_in_the_guide_passes_its_examples() {
    let guide = fs::read_to_string("docs/rules.md").unwrap();
    let blocks: Vec<&str> = guide
        .split("```toml\n")
        .skip(1)
        .map(|b| &b[..b.find("```").unwrap()])
        .filter(|b| b.contains("[[rule.example]]"))
        .collect();
    assert_eq!(
        blocks.len(),
        6,
        "first rule, figure, count, table, office rule, raw regex"
    );
    let dir = tempfile::tempdir().unwrap();
    for (i, block) in blocks.iter().enumerate() {
        // Beside the shipped rules: the office rule needs their offices.
        let file = dir.path().join(format!("guide-{i}.toml"));
        fs::write(&file, block).unwrap();
        let (code, out, err) = stdout(&["test", "rules", file.to_str().unwrap()]);
        assert_eq!(code, 0, "block {i}:\n{block}\n{out}{err}");
        assert!(err.is_empty(), "block {i} warns:\n{err}");
        assert!(out.ends_with(" 0 failed\n"), "{out}");
    }
}
