#![doc = include_str!("../spelling_variant.md")]

mod discovered;
mod evidence;
#[cfg(test)]
mod tests;

use super::{Context, Finding};
use crate::extract::Extraction;
use crate::ids::{ArticleId, EntityId};
use crate::report::Severity;
use crate::rules::RulePack;
use evidence::{Spans, Usage, variant_finding};
use std::collections::HashMap;

pub fn run(cx: &Context) -> Vec<Finding> {
    let mut findings = declared(cx.extraction, cx.pack);
    findings.extend(discovered::discovered(cx.extraction, cx.pack));
    findings
}

fn declared(extraction: &Extraction, pack: &RulePack) -> Vec<Finding> {
    let mut right: HashMap<EntityId, Usage> = HashMap::new();
    let mut wrong: HashMap<(ArticleId, EntityId, &str), Spans> = HashMap::new();
    for m in &extraction.entities {
        if m.wrong {
            wrong
                .entry((m.article, m.entity, m.form.as_str()))
                .or_default()
                .push((m.article, m.span.clone()));
        } else if m.form == pack.entities[m.entity].name {
            right
                .entry(m.entity)
                .or_default()
                .add(m.article, m.span.clone());
        }
    }
    let empty = Usage::default();
    wrong
        .into_iter()
        .map(|((_, entity, form), spans)| {
            let name = &pack.entities[entity].name;
            let usage = right.get(&entity).unwrap_or(&empty);
            let help = if usage.spans.is_empty() {
                format!("write `{name}`, the spelling declared in the entities file")
            } else {
                format!("write `{name}`: {}", usage.evidence(name))
            };
            variant_finding(
                Severity::Error,
                format!("`{form}` is a known misspelling of `{name}`"),
                help,
                &spans,
                name,
                usage,
            )
        })
        .collect()
}
