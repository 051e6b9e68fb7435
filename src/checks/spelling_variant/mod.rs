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
    let mut right: HashMap<EntityId, Spans> = HashMap::new();
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
                .push((m.article, m.span.clone()));
        }
    }
    wrong
        .into_iter()
        .map(|((_, entity, form), spans)| {
            let name = &pack.entities[entity].name;
            let usage = Usage {
                spans: right.get(&entity).map_or(&[], Vec::as_slice),
            };
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
                &usage,
            )
        })
        .collect()
}
