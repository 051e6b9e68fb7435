//! `corpus-lint test`: every rule run over its own examples and counterexamples.
//! A rule whose examples pass does what its author wrote down.

use crate::article::{DateOrigin, Document};
use crate::code::Code;
use crate::extract::{Found, rule_claims};
use crate::figure::Figure;
use crate::report::{Report, Severity};
use crate::rules::{Example, Rule, RulePack};
use crate::value::Value;

/// What running the examples found.
pub struct Outcome {
    pub passed: usize,
    /// One report per failing example, pointing at it in the rule file.
    pub failures: Vec<Report>,
}

/// Runs every example of every rule in `pack`.
pub fn run(pack: &RulePack) -> Outcome {
    let mut outcome = Outcome {
        passed: 0,
        failures: Vec::new(),
    };
    for (id, rule) in pack.rules.enumerate() {
        for (n, example) in rule.examples.iter().enumerate() {
            let mut article = Document::new(
                format!("example {} of {}", n + 1, rule.id).into(),
                example.text.clone(),
                0,
                0,
            );
            article.meta.date = example.date.map(|d| (d, DateOrigin::FrontMatter));
            let got = rule_claims(id, pack, &article);
            match diff(pack, rule, example, &article, &got) {
                None => outcome.passed += 1,
                Some(diff) => outcome.failures.push(failure(pack, rule, example, diff)),
            }
        }
    }
    outcome
}

/// One claim as the diff shows it.
fn describe(key: Option<&str>, value: &str, count: Option<&str>, matched: Option<&str>) -> String {
    let mut s = String::new();
    if let Some(k) = key {
        s.push_str(&format!("key `{k}`, "));
    }
    s.push_str(&format!("value `{value}`"));
    if let Some(c) = count {
        s.push_str(&format!(", count `{c}`"));
    }
    if let Some(m) = matched {
        s.push_str(&format!(", matched `{m}`"));
    }
    s
}

/// A count as the diff shows it: its canonical figure, or as written if it is none.
fn canonical_count(written: &str) -> String {
    Figure::parse(written).map_or_else(|e| format!("{written} (invalid: {e})"), |f| f.to_string())
}

/// `None` when the rule yields exactly what the example lists; else the diff,
/// one line per claim: `  ` equal, `- ` expected only, `+ ` got only.
fn diff(
    pack: &RulePack,
    rule: &Rule,
    example: &Example,
    article: &Document,
    got: &Found,
) -> Option<String> {
    let expected = example.claims.as_deref().unwrap_or_default();
    let mut lines = Vec::new();
    let mut ok = got.rejects.is_empty() && expected.len() == got.claims.len();
    for i in 0..expected.len().max(got.claims.len()) {
        let want = expected.get(i).map(|e| {
            let value = Value::parse(rule.value_type, &e.value).map_or_else(
                |err| format!("{} (invalid: {err})", e.value),
                |v| v.to_string(),
            );
            (e, value)
        });
        let have = got.claims.get(i).map(|c| {
            (
                c.key(pack),
                c.value.to_string(),
                c.count().map(|n| n.figure.to_string()),
                &article.text[c.matched.clone()],
            )
        });
        match (want, have) {
            (Some((e, value)), Some((key, got_value, count, matched)))
                if e.key.as_deref() == key
                    && value == got_value
                    && e.count
                        .as_deref()
                        .is_none_or(|n| Some(canonical_count(n)) == count)
                    && e.matched.as_deref().is_none_or(|m| m == matched) =>
            {
                lines.push(format!(
                    "  {}",
                    describe(key, &got_value, count.as_deref(), Some(matched))
                ));
            }
            (want, have) => {
                ok = false;
                if let Some((e, value)) = want {
                    let count = e.count.as_deref().map(canonical_count);
                    lines.push(format!(
                        "- {}",
                        describe(
                            e.key.as_deref(),
                            &value,
                            count.as_deref(),
                            e.matched.as_deref()
                        )
                    ));
                }
                if let Some((key, value, count, matched)) = have {
                    lines.push(format!(
                        "+ {}",
                        describe(key, &value, count.as_deref(), Some(matched))
                    ));
                }
            }
        }
    }
    for r in &got.rejects {
        lines.push(format!("+ an invalid value `{}`: {}", r.raw, r.reason));
    }
    if ok {
        return None;
    }
    let head = match (example.claims.is_some(), expected.len(), got.claims.len()) {
        (false, ..) => "a counterexample must yield no claim (+ got):".to_string(),
        (true, e, g) if e == g => "the claims differ (- expected, + got):".to_string(),
        (true, e, g) => format!(
            "expected {}, got {g} (- expected, + got):",
            crate::checks::plural(e, "claim")
        ),
    };
    Some(format!("{head}\n{}", lines.join("\n")))
}

fn failure(pack: &RulePack, rule: &Rule, example: &Example, diff: String) -> Report {
    let kind = if example.claims.is_some() {
        "example"
    } else {
        "counterexample"
    };
    Report::plain(
        Severity::Error,
        Code::RuleExampleFailed,
        format!("rule `{}`: this {kind} fails", rule.id),
    )
    .with_help(diff)
    .with_label(
        &rule.defined.file.display().to_string(),
        &pack.sources[&rule.defined.file],
        example.span.clone(),
        format!("this {kind}"),
    )
}
