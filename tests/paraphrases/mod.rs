//! The paraphrase suite (`../shared/claims/paraphrases.toml`) scored exactly as its
//! header says, with the shipped rules: coverage (one key that every `said`
//! article of a fact yields), consistency (no finding between two `said`
//! articles), detection (each `contradicts` article is the primary place of a
//! finding that names `said` articles) and silence (a `silent` article yields no
//! claim with the fact's key and no finding).

use crate::common::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// One short article of the suite.
#[derive(serde::Deserialize)]
pub struct Entry {
    date: String,
    text: String,
}

#[derive(serde::Deserialize)]
pub struct Fact {
    about: String,
    said: Vec<Entry>,
    #[serde(default)]
    contradicts: Vec<Entry>,
    #[serde(default)]
    silent: Vec<Entry>,
}

#[derive(serde::Deserialize)]
struct Suite {
    fact: Vec<Fact>,
}

/// How the suite scores, and which facts and articles fail.
#[derive(Debug, Default)]
pub struct Score {
    pub covered: Vec<String>,
    pub facts: usize,
    pub detected: usize,
    pub contradictions: usize,
    pub silent_ok: usize,
    pub silent: usize,
    /// Findings between two `said` articles.
    pub inconsistencies: Vec<String>,
    /// The `contradicts` articles no finding points at.
    pub missed: Vec<String>,
}

pub fn load(path: &str) -> Vec<Fact> {
    let text = std::fs::read_to_string(path).unwrap();
    toml::from_str::<Suite>(&text).unwrap().fact
}

fn write(dir: &Path, name: &str, entry: &Entry) -> String {
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!("---\ndate: {}\n---\n{}\n", entry.date, entry.text),
    )
    .unwrap();
    path.display().to_string()
}

/// The claim keys of each article under `dir`, by path.
fn keys(dir: &Path) -> Vec<(String, String)> {
    let out = corpus_lint()
        .args(["claims"])
        .arg(dir)
        .args(["--rules", "rules", "--format", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| {
            Some((
                c["path"].as_str()?.to_string(),
                c["key"].as_str()?.to_string(),
            ))
        })
        .collect()
}

/// Findings at warning or error level, as (primary path, every path).
fn findings(dir: &Path) -> Vec<(String, BTreeSet<String>)> {
    let path = dir.display().to_string();
    let (_, doc) = check_json(&[&path, "--rules", "rules", "--no-cache"]);
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] != "info")
        .map(|f| {
            let paths: Vec<String> = f["locations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l["path"].as_str().unwrap().to_string())
                .collect();
            (paths[0].clone(), paths.into_iter().collect())
        })
        .collect()
}

pub fn score(facts: &[Fact]) -> Score {
    let mut score = Score {
        facts: facts.len(),
        ..Score::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let said: Vec<Vec<String>> = facts
        .iter()
        .enumerate()
        .map(|(f, fact)| {
            (fact.said.iter().enumerate())
                .map(|(i, e)| write(dir.path(), &format!("f{f}-said{i}.md"), e))
                .collect()
        })
        .collect();
    let all_keys = keys(dir.path());
    let mut fact_keys: Vec<BTreeSet<String>> = Vec::new();
    for (fact, paths) in facts.iter().zip(&said) {
        let mut common: Option<BTreeSet<String>> = None;
        for path in paths {
            let mine: BTreeSet<String> = all_keys
                .iter()
                .filter(|(p, _)| p == path)
                .map(|(_, k)| k.clone())
                .collect();
            common = Some(match common {
                None => mine,
                Some(c) => c.intersection(&mine).cloned().collect(),
            });
        }
        let common = common.unwrap_or_default();
        if !common.is_empty() {
            score.covered.push(fact.about.clone());
        }
        fact_keys.push(common);
    }
    let all_said: BTreeSet<&String> = said.iter().flatten().collect();
    for (_, paths) in findings(dir.path()) {
        if paths.iter().filter(|p| all_said.contains(p)).count() >= 2 {
            score.inconsistencies.push(format!("{paths:?}"));
        }
    }
    for (f, fact) in facts.iter().enumerate() {
        for (i, entry) in fact.contradicts.iter().enumerate() {
            score.contradictions += 1;
            let path = write(dir.path(), &format!("f{f}-contra{i}.md"), entry);
            let found = findings(dir.path()).into_iter().any(|(primary, paths)| {
                primary == path && paths.iter().any(|p| said[f].contains(p))
            });
            score.detected += usize::from(found);
            if !found {
                score.missed.push(entry.text.clone());
            }
            std::fs::remove_file(&path).unwrap();
        }
        for (i, entry) in fact.silent.iter().enumerate() {
            score.silent += 1;
            let path = write(dir.path(), &format!("f{f}-silent{i}.md"), entry);
            let keyed = keys(dir.path())
                .iter()
                .any(|(p, k)| *p == path && fact_keys[f].contains(k));
            let flagged = findings(dir.path())
                .iter()
                .any(|(_, paths)| paths.contains(&path));
            score.silent_ok += usize::from(!keyed && !flagged);
            std::fs::remove_file(&path).unwrap();
        }
    }
    score
}
