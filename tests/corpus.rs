//! The bundled corpus: exact findings, and how they read.

mod common;

use common::*;
use corpus_lint::code::Code;

#[test]
fn bundled_corpus_has_exactly_the_known_findings() {
    let (code, doc) = check_json(&["corpus/"]);
    assert_eq!(code, 1, "an error-level finding makes the exit status 1");
    assert_eq!(
        finding_set(&doc),
        set(&[
            (
                "spelling/variant",
                "corpus/001-border-security-summit-london.txt",
                7
            ),
            (
                "spelling/variant",
                "corpus/002-counter-illegal-immigration.txt",
                14
            ),
            (
                "entity/pronoun",
                "corpus/001-border-security-summit-london.txt",
                11
            ),
            (
                "spelling/variant",
                "corpus/003-letter-of-intent-signed.txt",
                28
            ),
        ])
    );
    assert_eq!(doc["summary"]["articles"], 5);
    assert_eq!(doc["summary"]["errors"], 2);
    assert_eq!(doc["summary"]["warnings"], 2);
}

#[test]
fn misspelt_names_point_at_the_majority_form() {
    let (_, doc) = check_json(&["corpus/"]);
    let messages: Vec<&str> = with_code(&doc, "spelling/variant")
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(messages.contains(&"`Mohin Naqvi` is a known misspelling of `Mohsin Naqvi`"));
    assert!(messages.contains(&"`Talal Chaudhary` looks like a misspelling of `Talal Chaudhry`"));
    let naqvi = with_code(&doc, "spelling/variant")
        .into_iter()
        .find(|f| f["message"].as_str().unwrap().contains("Mohin"))
        .unwrap();
    assert_eq!(
        naqvi["help"],
        "write `Mohsin Naqvi`: 9 mentions in 3 articles use `Mohsin Naqvi`"
    );
    assert_eq!(naqvi["fix"][0]["replacement"], "Mohsin Naqvi");
    assert_eq!(naqvi["locations"][0]["text"], "Mohin Naqvi");
    // Every other article that spells it right is shown as evidence.
    let paths: Vec<&str> = naqvi["locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 4, "{paths:?}");
}

#[test]
fn office_holders_over_time_are_not_conflicts() {
    let pack = corpus_lint::rules::load(&["rules".into()]).unwrap();
    let walk = corpus_lint::corpus::walk(&["corpus".into()], false, &Default::default()).unwrap();
    let corpus = corpus_lint::extract::extract_files(
        &walk.files,
        walk.stats,
        &corpus_lint::extract::Extractor::new(&pack, false),
        &|_, _| (),
        &mut |()| {},
        &(),
        None,
    );
    let extraction = corpus.extraction;
    // (holder, time) of every claim about an office, in order of appearance.
    let holders = |office: &str| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = extraction
            .claims
            .iter()
            .filter(|c| c.office().is_some() && c.key(&pack) == Some(office))
            .map(|c| (c.value.to_string(), c.time.unwrap().to_string()))
            .collect();
        v.dedup();
        v
    };
    let pairs = |items: &[(&str, &str)]| -> Vec<(String, String)> {
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    // Each holder is named at a time within their own term, so none conflicts.
    assert_eq!(
        holders("UK Home Secretary"),
        pairs(&[
            ("Priti Patel", "2022-08"),
            ("Yvette Cooper", "2025-04-01"),
            ("Yvette Cooper", "2024-08"),
            ("James Cleverly", "2024-05-31"),
        ])
    );
    assert_eq!(
        holders("Pakistan High Commissioner to the UK"),
        pairs(&[
            ("Moazzam Ahmad Khan", "2022-08"),
            ("Muhammad Faisal", "2024-05-31")
        ])
    );
    assert_eq!(
        holders("British High Commissioner to Pakistan"),
        pairs(&[
            ("Jane Marriot", "2024-05-31"),
            ("Jane Marriott", "2025-04-17")
        ])
    );
    // Every title Naqvi is given maps to one office.
    let naqvi_keys: std::collections::BTreeSet<&str> = extraction
        .claims
        .iter()
        .filter(|c| c.value.to_string().ends_with("Naqvi"))
        .filter_map(|c| c.key(&pack))
        .collect();
    assert_eq!(
        naqvi_keys.into_iter().collect::<Vec<_>>(),
        ["Pakistan Interior Minister"]
    );
    let settings = corpus_lint::settings::Settings::new(TODAY);
    let findings = corpus_lint::checks::run_all(&corpus_lint::checks::Context {
        extraction: &extraction,
        pack: &pack,
        settings: &settings,
    });
    assert!(
        findings
            .iter()
            .all(|f| f.code != Code::ClaimConflict && !f.code.as_str().starts_with("office/")),
        "{findings:#?}"
    );
    // The seed 003 dateline's "on Friday" is right: 31 May 2024 was a Friday.
    assert!(findings.iter().all(|f| f.code != Code::DateWeekday));
    assert!(
        extraction.claims.iter().any(|c| c.weekday().is_some()),
        "the dateline's weekday is extracted"
    );
}

#[test]
fn human_output_on_the_bundled_corpus() {
    let out = corpus_lint()
        .args(["check", "corpus/", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn rules_lists_the_shipped_rules_and_checks() {
    let out = corpus_lint().args(["rules", "corpus/"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let first_words: Vec<&str> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    for id in [
        "agency-dateline",
        "office-title-name",
        "office-title-of-country-name",
        "office-name-title",
        "entity/pronoun",
        "office/holder-conflict",
        "office/out-of-term",
        "office/title-conflict",
        "time/undated",
        "offenders-removed",
        "claim/conflict",
        "count/list-length",
        "number/conflict",
        "foreign-prisoners-share",
        "returns-deal-ordinal",
        "date/weekday",
        "spelling/variant",
    ] {
        assert!(first_words.contains(&id), "{id} missing from:\n{text}");
    }
    assert!(text.contains("6 entities declared"), "{text}");
}
