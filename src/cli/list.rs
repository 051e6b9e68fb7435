//! `corpus-lint rules`: what is loaded.

use super::args::Format;
use super::{Config, exit};
use crate::checks::{CHECKS, plural};
use crate::rules::{Rule, RulePack};
use serde::Serialize;
use std::io::Write;

/// The version of `rules --format json`'s document, bumped when a field changes
/// meaning or goes away.
const JSON_VERSION: u32 = 1;

pub(super) fn run(config: &Config, format: Format) -> u8 {
    let pack = match config.load_rules() {
        Ok(p) => p,
        Err(code) => return code,
    };
    match format {
        Format::Human => human(config, &pack),
        Format::Json => json(&pack),
    }
}

/// A table of the rules, then the checks, then a summary line.
fn human(config: &Config, pack: &RulePack) -> u8 {
    let mut rows: Vec<[String; 4]> = pack
        .rules
        .iter()
        .map(|r| {
            [
                r.id.clone(),
                r.kind.name().into(),
                r.severity.as_str().into(),
                r.description.clone(),
            ]
        })
        .collect();
    rows.extend(CHECKS.iter().map(|c| {
        [
            c.code.as_str().into(),
            "check".into(),
            "-".into(),
            c.code.summary().into(),
        ]
    }));
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
    let (w0, w1, w2) = (width(0).max(2), width(1).max(4), width(2).max(8));
    let mut lines = vec![format!(
        "{:w0$}  {:w1$}  {:w2$}  DESCRIPTION",
        "ID", "KIND", "SEVERITY"
    )];
    lines.extend(
        rows.iter()
            .map(|r| format!("{:w0$}  {:w1$}  {:w2$}  {}", r[0], r[1], r[2], r[3])),
    );
    if !config.human.quiet {
        let entities = pack.entities.len();
        lines.push(format!(
            "{} from {}; {entities} {} declared",
            plural(pack.rules.len(), "rule"),
            plural(pack.files.len(), "file"),
            if entities == 1 { "entity" } else { "entities" },
        ));
    }
    let mut out = std::io::stdout().lock();
    for line in lines {
        if writeln!(out, "{}", line.trim_end()).is_err() {
            return exit::BROKEN;
        }
    }
    exit::CLEAN
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    version: u32,
    rules: Vec<JsonRule<'a>>,
    checks: Vec<JsonCheck>,
}

#[derive(Serialize)]
struct JsonRule<'a> {
    id: &'a str,
    kind: &'static str,
    severity: &'static str,
    description: &'a str,
    file: String,
    /// The pattern as the rule file writes it, placeholders and all.
    pattern: String,
    /// The regex compiled from it: placeholders expanded.
    regex: &'a str,
}

#[derive(Serialize)]
struct JsonCheck {
    code: &'static str,
    summary: &'static str,
}

/// The rules and checks as one JSON document, for scripts (e.g. `bench/run.sh`
/// searches the corpus with the rules' regexes).
fn json(pack: &RulePack) -> u8 {
    let doc = JsonDoc {
        version: JSON_VERSION,
        rules: pack
            .rules
            .iter()
            .map(|r| JsonRule {
                id: &r.id,
                kind: r.kind.name(),
                severity: r.severity.as_str(),
                description: &r.description,
                file: r.defined.file.display().to_string(),
                pattern: written_pattern(r, pack),
                regex: r.regex.as_str(),
            })
            .collect(),
        checks: CHECKS
            .iter()
            .map(|c| JsonCheck {
                code: c.code.as_str(),
                summary: c.code.summary(),
            })
            .collect(),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = serde_json::to_writer_pretty(&mut out, &doc)
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out))
        .and_then(|()| out.flush());
    match written {
        Ok(()) => exit::CLEAN,
        Err(_) => exit::BROKEN,
    }
}

/// The rule's pattern as written: its TOML string, read back from the rule file.
/// Falls back to the compiled regex should the span not hold a TOML string.
fn written_pattern(rule: &Rule, pack: &RulePack) -> String {
    let defined = &rule.defined;
    pack.sources
        .get(&defined.file)
        .and_then(|source| source.get(defined.pattern_span.clone()))
        .and_then(|literal| toml::from_str::<toml::Table>(&format!("p = {literal}")).ok())
        .and_then(|mut table| match table.remove("p") {
            Some(toml::Value::String(s)) => Some(s),
            _ => None,
        })
        .unwrap_or_else(|| rule.regex.as_str().to_string())
}
