#![doc = include_str!("value_invalid.md")]

use super::{Context, Finding, Location};
use crate::code::Code;
use crate::report::Severity;

pub fn run(cx: &Context) -> Vec<Finding> {
    cx.extraction
        .rejects
        .iter()
        .map(|r| {
            let rule = &cx.pack.rules[r.rule];
            Finding {
                code: Code::ValueInvalid,
                severity: Severity::Warning,
                message: format!("`{}` is not a valid {}", r.raw, rule.value_type.as_str()),
                help: format!(
                    "{}; correct the text, or tighten rule `{}` if it matched by mistake",
                    r.reason, rule.id
                ),
                locations: vec![Location {
                    article: r.article,
                    span: r.span.clone(),
                    label: format!("not a valid {}", rule.value_type.as_str()),
                    primary: true,
                }],
                fix: Vec::new(),
            }
        })
        .collect()
}
