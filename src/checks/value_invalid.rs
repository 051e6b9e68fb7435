#![doc = include_str!("value_invalid.md")]

use super::{Check, Finding, Location};
use crate::extract::Extraction;
use crate::report::Severity;
use crate::rules::RulePack;

pub struct ValueInvalid;

impl Check for ValueInvalid {
    fn code(&self) -> &'static str {
        "value/invalid"
    }

    fn summary(&self) -> &'static str {
        "a value that cannot be what its rule says it is, e.g. a date that does not exist"
    }

    fn explanation(&self) -> &'static str {
        include_str!("value_invalid.md")
    }

    fn run(&self, extraction: &Extraction, pack: &RulePack) -> Vec<Finding> {
        extraction
            .rejects
            .iter()
            .map(|r| {
                let rule = &pack.rules[r.rule];
                Finding {
                    code: self.code(),
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
}
