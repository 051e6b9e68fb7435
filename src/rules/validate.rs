//! Checks on rules that compile but are probably wrong: they warn, with a span in
//! the rule file, and the run goes on.

use super::template::{Piece, Template};
use super::{Rule, RulePack, inner_span};
use crate::code::Code;
use crate::report::{Report, Severity};
use crate::value::ValueType;
use std::collections::HashSet;
use std::ops::Range;

/// Every warning about the rules of `pack`.
pub fn warnings(pack: &RulePack) -> Vec<Report> {
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    for rule in &pack.rules {
        let defined = &rule.defined;
        let source = &pack.sources[&defined.file];
        let warn = |span: Range<usize>, code: Code, message: String, help: &str| {
            Report::plain(
                Severity::Warning,
                code,
                format!("rule `{}`: {message}", rule.id),
            )
            .with_help(help)
            .with_label(&defined.file.display().to_string(), source, span, "here")
        };
        if !ids.insert(rule.id.as_str()) {
            out.push(warn(
                defined.id_span.clone(),
                Code::RuleDuplicateId,
                "another rule has the same id".into(),
                "give every rule a unique id: findings and `--rule` filters name rules by id",
            ));
        }
        if unicode_boundary(rule) {
            out.push(warn(
                bare_boundary(source, &defined.pattern_span),
                Code::RuleSlowBoundary,
                "`\\b` is a Unicode word boundary, which makes the regex engine fall back to its slowest path on any non-ASCII text".into(),
                "write `(?-u:\\b)` (an ASCII word boundary): names and titles start and end with letters either way",
            ));
        }
        if matches_empty(rule) {
            out.push(warn(
                defined.pattern_span.clone(),
                Code::RuleEmptyMatch,
                "the pattern can match the empty string".into(),
                "require at least one character, e.g. `\\d+` rather than `\\d*`",
            ));
        }
        for name in unused_captures(rule) {
            let needle = ["(?P<", "(?<"]
                .iter()
                .map(|open| format!("{open}{name}>"))
                .find(|n| source[defined.pattern_span.clone()].contains(n.as_str()))
                .unwrap_or_else(|| name.to_string());
            out.push(warn(
                inner_span(source, &defined.pattern_span, &needle),
                Code::RuleUnusedCapture,
                format!("the capture `{name}` is used by no template (`key`, `value`, `count`)"),
                "use it in a template, or make the group non-capturing: `(?:...)`",
            ));
        }
        // With a window a fixed key is one fact as it stands at a time (the
        // figure as reported this year), compared only with claims near it.
        if let Some(key) = rule.kind.key()
            && is_constant(&key.template)
            && !is_constant(&rule.value)
            && rule.window.is_none()
        {
            out.push(warn(
                key.span.clone(),
                Code::RuleConstantKey,
                "the key has no capture, so every match is a claim about the same thing".into(),
                "put the capture that says what the claim is about in the key, e.g. `{office}`, or give the rule a `window` if it is one fact that changes over time; a fixed key is right only for a pattern that matches one fact",
            ));
        }
        if !rule.examples.iter().any(|e| e.claims.is_some()) {
            out.push(warn(
                defined.id_span.clone(),
                Code::RuleNoExamples,
                "the rule has no examples".into(),
                "add `[[rule.example]]` with a `text` and the `claims` it must yield, and run `corpus-lint test`",
            ));
        }
    }
    out
}

fn unicode_boundary(rule: &Rule) -> bool {
    regex_syntax::Parser::new()
        .parse(rule.regex.as_str())
        .is_ok_and(|hir| hir.properties().look_set().contains_word_unicode())
}

/// Where the first `\b` that is not already ASCII-only is written, else the
/// whole pattern (the boundary may come from `{titles}` or a flag).
fn bare_boundary(source: &str, pattern: &Range<usize>) -> Range<usize> {
    let text = &source[pattern.clone()];
    text.match_indices(r"\b")
        .find(|(i, _)| !text[..*i].ends_with("(?-u:"))
        .map_or(pattern.clone(), |(i, m)| {
            pattern.start + i..pattern.start + i + m.len()
        })
}

fn matches_empty(rule: &Rule) -> bool {
    regex_syntax::Parser::new()
        .parse(rule.regex.as_str())
        .is_ok_and(|hir| hir.properties().minimum_len() == Some(0))
}

/// Named captures no template uses (`weekday` in date rules and `not_current`
/// are used implicitly; a slot's repeat is used where the slot is).
fn unused_captures(rule: &Rule) -> Vec<&str> {
    let used: HashSet<&str> = rule.templates().flat_map(|t| t.captures()).collect();
    rule.regex
        .capture_names()
        .flatten()
        .filter(|n| !used.contains(n))
        .filter(|n| !rule.slots.iter().any(|s| s.is_repeat() && s.capture == *n))
        .filter(|n| !(*n == "weekday" && rule.value_type == ValueType::Date))
        .filter(|n| *n != "not_current")
        .collect()
}

/// A template that renders the same for every match.
fn is_constant(template: &Template) -> bool {
    template
        .pieces
        .iter()
        .all(|p| matches!(p, Piece::Literal(_)))
}
