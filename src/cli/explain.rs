//! `corpus-lint rule CODE|ID`: what a built-in check or a loaded rule does.

use super::{Config, exit};
use crate::checks::{self, CHECKS};
use crate::code::Code;
use crate::report::{Report, Severity};
use crate::rules::{Rule, RulePack};
use std::fmt::Write;

pub(super) fn run(config: &Config, name: &str) -> u8 {
    if let Some(text) = Code::from_name(name).and_then(Code::explanation) {
        print!("{text}");
        return exit::CLEAN;
    }
    let pack = match config.load_rules() {
        Ok(p) => p,
        Err(code) => return code,
    };
    match pack.find(name) {
        Some(rule) => {
            print!("{}", explain(&pack.rules[rule], &pack));
            exit::CLEAN
        }
        None => {
            let known: Vec<String> = CHECKS
                .iter()
                .map(|c| c.code.to_string())
                .chain(pack.rules.iter().map(|r| r.id.clone()))
                .collect();
            config.report(
                &Report::plain(
                    Severity::Error,
                    Code::UsageUnknownRule,
                    format!("no check or rule is called `{name}`"),
                )
                .with_help(format!("known: {}", known.join(", "))),
            );
            exit::BROKEN
        }
    }
}

/// A loaded rule explained from its own fields and examples.
fn explain(rule: &Rule, pack: &RulePack) -> String {
    let defined = &rule.defined;
    let source = &pack.sources[&defined.file];
    let line = source[..defined.id_span.start].matches('\n').count() + 1;
    let mut s = String::new();
    let kind = rule.kind.described();
    let _ = writeln!(s, "# {}\n", rule.id);
    let _ = writeln!(s, "{}\n", rule.description);
    let _ = writeln!(
        s,
        "A {kind} of severity `{}`, defined in {}:{line}. Its claims are of type `{}`.\n",
        rule.severity.as_str(),
        defined.file.display(),
        rule.value_type.as_str(),
    );
    // The rule's own fields end where the next table header starts.
    let own = &source[defined.id_span.start..];
    let own = own.find("\n[[").map_or(own, |end| &own[..end]);
    let field = |name: &str| {
        own.lines()
            .find(|l| l.trim_start().starts_with(&format!("{name} =")))
            .map(|l| l.trim().to_string())
    };
    for name in [
        "pattern",
        "office",
        "jurisdiction",
        "key",
        "window",
        "value",
        "tables",
        "tolerance",
        "count",
        "count_offset",
        "near",
    ] {
        if let Some(l) = field(name) {
            let _ = writeln!(s, "    {l}");
        }
    }
    let slots: Vec<String> = rule
        .slots
        .iter()
        .filter(|slot| !slot.is_repeat())
        .map(|slot| format!("`{}` ({} in the match)", slot.name, slot.kind.name()))
        .chain(
            rule.near
                .iter()
                .map(|(slot, _)| format!("`{}` ({} in the sentence)", slot.name, slot.kind.name())),
        )
        .collect();
    if !slots.is_empty() {
        let _ = writeln!(
            s,
            "
Slots: {}. The pattern as it runs, slots expanded:

    {}",
            slots.join(", "),
            rule.regex.as_str()
        );
    }
    let examples: Vec<_> = rule
        .examples
        .iter()
        .filter(|e| e.claims.is_some())
        .collect();
    if let Some(example) = examples.first() {
        let _ = writeln!(
            s,
            "\n**Example.**\n\n```text\n{}\n```\n",
            example.text.trim_end()
        );
        for c in example.claims.iter().flatten() {
            let key = c
                .key
                .as_deref()
                .map_or(String::new(), |k| format!("`{k}` = "));
            let _ = writeln!(s, "→ {key}`{}`", c.value);
        }
    }
    let counter = rule.examples.iter().filter(|e| e.claims.is_none()).count();
    let _ = writeln!(
        s,
        "\n{} and {} (`corpus-lint test`).",
        checks::plural(examples.len(), "example"),
        checks::plural(counter, "counterexample"),
    );
    let _ = writeln!(
        s,
        "\n**How to silence it.** A finding about this rule's claims is resolved by correcting \
         the article. If the rule matched text it should not, tighten `pattern` and add the \
         text as a `[[rule.counterexample]]`; to turn the rule off, remove it from the rule \
         files passed with `--rules`."
    );
    s
}
