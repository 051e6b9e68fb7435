#![doc = include_str!("date_weekday.md")]

use super::{Check, Finding, Location};
use crate::date::weekday_name;
use crate::extract::Extraction;
use crate::report::Severity;
use crate::rules::RulePack;
use crate::value::Value;

pub struct DateWeekday;

impl Check for DateWeekday {
    fn code(&self) -> &'static str {
        "date/weekday"
    }

    fn summary(&self) -> &'static str {
        "a weekday stated with a date it does not fall on"
    }

    fn explanation(&self) -> &'static str {
        include_str!("date_weekday.md")
    }

    fn run(&self, extraction: &Extraction, _pack: &RulePack) -> Vec<Finding> {
        let mut findings = Vec::new();
        for claim in &extraction.claims {
            let (Value::Date(date), Some((stated, at))) = (&claim.value, &claim.weekday) else {
                continue;
            };
            let Some(actual) = date.weekday() else {
                continue;
            };
            if actual == *stated {
                continue;
            }
            let (actual, stated) = (weekday_name(actual), weekday_name(*stated));
            findings.push(Finding {
                code: self.code(),
                severity: Severity::Error,
                message: format!("{} was a {actual}, not a {stated}", date.spelled()),
                help: format!(
                    "write `{actual}` if the date is right, or correct the date if the day is"
                ),
                locations: vec![
                    Location {
                        article: claim.article,
                        span: at.clone(),
                        label: format!("says {stated}"),
                        primary: true,
                    },
                    Location {
                        article: claim.article,
                        span: claim.span.clone(),
                        label: format!("this date is a {actual}"),
                        primary: false,
                    },
                ],
                fix: Vec::new(),
            });
        }
        findings
    }
}
