#![doc = include_str!("date_weekday.md")]

use super::{Context, Finding, Location};
use crate::code::Code;
use crate::date::weekday_name;
use crate::report::Severity;
use crate::value::Value;

pub fn run(cx: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    for claim in &cx.extraction.claims {
        let (Value::Date(date), Some((stated, at))) = (&claim.value, claim.weekday()) else {
            continue;
        };
        let Some(actual) = date.weekday() else {
            continue;
        };
        if actual == stated {
            continue;
        }
        let (actual, stated) = (weekday_name(actual), weekday_name(stated));
        findings.push(Finding {
            code: Code::DateWeekday,
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
