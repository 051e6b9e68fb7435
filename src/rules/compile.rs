//! One rule as written ([`RuleSpec`]) compiled into a [`Rule`]: its pattern, its
//! templates, its kind, its tables and its examples, each checked, the first error
//! pointing at the field that is wrong.

use super::diagnostics::{error_at, inner_span, pattern_error};
use super::model::{Defined, Example, Key, ListCount, Rule, RuleKind, Table};
use super::offices::Offices;
use super::schema::RuleSpec;
use super::slots::{Declared, Slot, SlotType};
use super::subjects::Subjects;
use super::template::Template;
use super::window::Window;
use crate::code::Code;
use crate::date::PartialDate;
use crate::ids::{IdVec, TableId};
use crate::report::Report;
use crate::value::ValueType;
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use toml::Spanned;

/// The rule being compiled and the file it is in, for errors.
struct Site<'a> {
    path: &'a Path,
    source: &'a str,
    id: &'a str,
}

impl Site<'_> {
    fn fail(&self, span: Range<usize>, code: Code, message: String, help: &str) -> Report {
        error_at(
            self.path,
            self.source,
            span,
            code,
            format!("rule `{}`: {message}", self.id),
            help,
        )
    }
}

/// Compiles one rule. Offices and tables come first, from every rule file, so
/// that a rule may use those of any file.
pub(super) fn compile(
    path: &Path,
    source: &str,
    spec: RuleSpec,
    tables: &IdVec<TableId, Table>,
    offices: &Offices,
    subjects: &Subjects,
) -> Result<Rule, Report> {
    let site = Site {
        path,
        source,
        id: spec.id.get_ref(),
    };
    let declared = Declared { subjects, offices };
    let (expanded, slots) =
        super::slots::expand(&offices.expand(spec.pattern.get_ref()), &declared);
    let regex = Regex::new(&expanded)
        .map_err(|e| pattern_error(path, source, site.id, &spec.pattern, &expanded, &e))?;
    // Errors are reported in the pattern as written; the pattern run also matches
    // typographic quotes, and compiles whenever the one written does.
    let regex = Regex::new(&super::quotes::with_typographic_forms(&expanded)).unwrap_or(regex);
    let near = near_slots(&site, &spec, &declared)?;
    // A slot's repeats are not names of their own: templates name the slot.
    let repeat = |name: &str| slots.iter().any(|s| s.is_repeat() && s.capture == name);
    let names: Vec<&str> = regex
        .capture_names()
        .flatten()
        .filter(|n| !repeat(n))
        .chain(near.iter().map(|(slot, _)| slot.name.as_str()))
        .collect();
    let template = |field: &Spanned<String>| parse_template(&site, field, &names);
    let optional = |field: &Option<Spanned<String>>| field.as_ref().map(template).transpose();
    // Parsed in the order the fields are documented, so the first error reported
    // is the first a reader meets.
    let title = optional(&spec.office)?;
    let jurisdiction = optional(&spec.jurisdiction)?;
    let key = optional(&spec.key)?;
    let count = optional(&spec.count)?;
    let value = template(&spec.value)?;
    let key = key.zip(spec.key.as_ref()).map(|(template, field)| Key {
        template,
        span: field.span(),
    });
    let kind = kind(&site, &spec, title, jurisdiction, key)?;
    let table_refs = table_refs(&site, &spec, &names, tables)?;
    let window = window(&site, &spec, &kind)?;
    let tolerance = tolerance(&site, &spec)?;
    let count = list_count(&site, &spec, count)?;
    if spec.dateline && spec.value_type != ValueType::Date {
        return Err(site.fail(
            spec.id.span(),
            Code::RuleBadDateline,
            "`dateline = true` needs `type = \"date\"`".into(),
            "a dateline rule must yield the article's date",
        ));
    }
    let examples = examples(&site, &spec)?;
    Ok(Rule {
        id: site.id.to_string(),
        description: spec.description,
        severity: spec.severity,
        regex,
        kind,
        value,
        value_type: spec.value_type,
        tables: table_refs,
        slots,
        near,
        window,
        tolerance,
        count,
        defined: Defined {
            file: path.to_path_buf(),
            id_span: spec.id.span(),
            pattern_span: spec.pattern.span(),
        },
        examples,
    })
}

/// The slots a rule looks for in the match's sentence, each with its regex.
fn near_slots(
    site: &Site,
    spec: &RuleSpec,
    declared: &Declared,
) -> Result<Vec<(Slot, Regex)>, Report> {
    spec.near
        .iter()
        .map(|(name, kind)| {
            let Some(kind) = SlotType::named(kind) else {
                return Err(site.fail(
                    spec.pattern.span(),
                    Code::RuleSyntax,
                    format!("`near` gives `{name}` the type `{kind}`, which is no slot type"),
                    "slot types are person, org, number, ordinal, age, date, period, list, office, subject, country and place",
                ));
            };
            let regex = Regex::new(&format!("(?-u:\\b){}(?-u:\\b)", kind.pattern(declared)))
                .expect("slot patterns are valid");
            Ok((
                Slot {
                    name: name.clone(),
                    kind,
                    capture: name.clone(),
                },
                regex,
            ))
        })
        .collect()
}

/// A template whose captures the pattern has.
fn parse_template(
    site: &Site,
    field: &Spanned<String>,
    names: &[&str],
) -> Result<Template, Report> {
    let template = Template::parse(field.get_ref()).map_err(|e| {
        let needle = &field.get_ref()[e.offset..e.offset + e.len];
        site.fail(
            inner_span(site.source, &field.span(), needle),
            Code::RuleBadTemplate,
            e.kind.to_string(),
            "templates use `{capture}` for a named capture of the pattern",
        )
    })?;
    if let Some(missing) = template.captures().find(|c| !names.contains(c)) {
        let known = if names.is_empty() {
            "(none)".into()
        } else {
            names.join(", ")
        };
        return Err(site.fail(
            inner_span(site.source, &field.span(), &format!("{{{missing}}}")),
            Code::RuleUnknownCapture,
            format!(
                "the template uses `{{{missing}}}` but the pattern has no capture named `{missing}`"
            ),
            &format!("add `(?P<{missing}>...)` to the pattern, or use one of: {known}"),
        ));
    }
    Ok(template)
}

/// What the rule is, from the fields it sets: an office rule has a title and no
/// key, and its value is the holder's name.
fn kind(
    site: &Site,
    spec: &RuleSpec,
    title: Option<Template>,
    jurisdiction: Option<Template>,
    key: Option<Key>,
) -> Result<RuleKind, Report> {
    match (title, &spec.office) {
        (Some(title), Some(field)) => {
            if let Some(key) = &spec.key {
                return Err(site.fail(
                    key.span(),
                    Code::RuleOfficeKey,
                    "an office rule has no `key`: its claims are keyed by the office".into(),
                    "remove `key`; the office named by `office` becomes the key",
                ));
            }
            if spec.value_type != ValueType::Name {
                return Err(site.fail(
                    field.span(),
                    Code::RuleOfficeType,
                    "an office rule's value is the holder: `type` must be \"name\"".into(),
                    "set `type = \"name\"` and `value = \"{holder}\"`",
                ));
            }
            Ok(RuleKind::Office {
                title,
                jurisdiction,
            })
        }
        _ => {
            if let Some(field) = &spec.jurisdiction {
                return Err(site.fail(
                    field.span(),
                    Code::RuleJurisdictionWithoutOffice,
                    "`jurisdiction` only has a meaning in an office rule".into(),
                    "add `office = \"{title}\"`, or remove `jurisdiction`",
                ));
            }
            if spec.title {
                return title_kind(site, spec, key);
            }
            Ok(match (spec.dateline, key) {
                (true, key) => RuleKind::Dateline { key },
                (false, Some(key)) => RuleKind::Claim { key },
                (false, None) => RuleKind::Extract,
            })
        }
    }
}

/// A title rule: keyed, with the person and the post it names.
fn title_kind(site: &Site, spec: &RuleSpec, key: Option<Key>) -> Result<RuleKind, Report> {
    let Some(key) = key else {
        return Err(site.fail(
            spec.id.span(),
            Code::RuleBadTitle,
            "a title rule needs a `key`".into(),
            "key its claims by the person and the post: `key = \"{post} {person}\"`",
        ));
    };
    let captures: Vec<&str> = key.template.captures().collect();
    if !(captures.contains(&"person") && captures.contains(&"post")) {
        return Err(site.fail(
            key.span.clone(),
            Code::RuleBadTitle,
            "a title rule's key names the person and the post: `{person}` and `{post}`".into(),
            "write `key = \"{post} {person}\"`, with a `{person}` slot and a `post` capture in the pattern",
        ));
    }
    Ok(RuleKind::Title { key })
}

/// Capture name → table, for every capture the rule normalises with a table.
fn table_refs(
    site: &Site,
    spec: &RuleSpec,
    names: &[&str],
    tables: &IdVec<TableId, Table>,
) -> Result<HashMap<String, TableId>, Report> {
    let mut refs = HashMap::new();
    for (capture, table) in &spec.tables {
        if !names.contains(&capture.as_str()) {
            return Err(site.fail(
                inner_span(site.source, &table.span(), table.get_ref()),
                Code::RuleUnknownCapture,
                format!("`tables` names capture `{capture}`, which the pattern lacks"),
                "name a capture of the pattern",
            ));
        }
        let Some((id, _)) = tables.enumerate().find(|(_, t)| t.name == *table.get_ref()) else {
            return Err(site.fail(
                table.span(),
                Code::RuleUnknownTable,
                format!("no table named `{}` is defined", table.get_ref()),
                "define it with [[table]] in any rule file, or fix the name",
            ));
        };
        refs.insert(capture.clone(), id);
    }
    Ok(refs)
}

/// How far apart its claims may be and still be compared: only a rule with a key
/// has claims to compare.
fn window(site: &Site, spec: &RuleSpec, kind: &RuleKind) -> Result<Option<Window>, Report> {
    let Some(field) = &spec.window else {
        return Ok(None);
    };
    if kind.key().is_none() {
        return Err(site.fail(
            field.span(),
            Code::RuleBadWindow,
            "`window` says which claims of a key are compared, and the rule has no `key`".into(),
            "add a `key`, or remove `window`",
        ));
    }
    Window::parse(field.get_ref()).map(Some).map_err(|e| {
        let needle = &field.get_ref()[e.offset..e.offset + e.len];
        site.fail(
            inner_span(site.source, &field.span(), needle),
            Code::RuleBadWindow,
            format!("the window: {}", e.message),
            "write a number and a unit: `30 days`, `2 weeks`, `6 months`, `1 year`",
        )
    })
}

/// The rule's tolerance for hedged figures: only a number rule has one.
fn tolerance(site: &Site, spec: &RuleSpec) -> Result<f64, Report> {
    let Some(t) = &spec.tolerance else {
        return Ok(crate::figure::DEFAULT_TOLERANCE);
    };
    if spec.value_type != ValueType::Number {
        return Err(site.fail(
            t.span(),
            Code::RuleToleranceWithoutNumber,
            "`tolerance` is how far a hedged figure may be from the figure stated: it needs `type = \"number\"`".into(),
            "remove `tolerance`, or make the rule a number rule",
        ));
    }
    if !(0.0..1.0).contains(t.get_ref()) {
        return Err(site.fail(
            t.span(),
            Code::RuleBadTolerance,
            format!(
                "a tolerance of {} is not a fraction from 0 up to 1",
                t.get_ref()
            ),
            "write the tolerance as a fraction of the figure: 0.1 is 10%",
        ));
    }
    Ok(*t.get_ref())
}

/// The count a list rule reads, with its offset: only a list rule has one.
fn list_count(
    site: &Site,
    spec: &RuleSpec,
    template: Option<Template>,
) -> Result<Option<ListCount>, Report> {
    if let Some(c) = &spec.count
        && spec.value_type != ValueType::List
    {
        return Err(site.fail(
            c.span(),
            Code::RuleCountWithoutList,
            "`count` is checked against a list: it needs `type = \"list\"`".into(),
            "remove `count`, or capture the list as the rule's value",
        ));
    }
    if spec.count_offset != 0 && spec.count.is_none() {
        return Err(site.fail(
            spec.id.span(),
            Code::RuleCountOffsetWithoutCount,
            "`count_offset` is set but the rule has no `count`".into(),
            "add `count = \"{capture}\"`, or remove `count_offset`",
        ));
    }
    Ok(template.map(|template| ListCount {
        template,
        offset: spec.count_offset,
    }))
}

/// The examples, then the counterexamples, with their dates read.
fn examples(site: &Site, spec: &RuleSpec) -> Result<Vec<Example>, Report> {
    let date_of = |date: &Option<String>, span: &Range<usize>| match date {
        Some(d) => PartialDate::parse(d).map(Some).map_err(|e| {
            site.fail(
                inner_span(site.source, span, d),
                Code::RuleBadExample,
                format!("the example's date: {e}"),
                "write the date as YYYY, YYYY-MM or YYYY-MM-DD",
            )
        }),
        None => Ok(None),
    };
    let mut examples = Vec::new();
    for example in &spec.example {
        let span = example.span();
        let example = example.get_ref();
        examples.push(Example {
            date: date_of(&example.date, &span)?,
            text: example.text.clone(),
            claims: Some(example.claims.clone()),
            span,
        });
    }
    for example in &spec.counterexample {
        let span = example.span();
        let example = example.get_ref();
        examples.push(Example {
            date: date_of(&example.date, &span)?,
            text: example.text.clone(),
            claims: None,
            span,
        });
    }
    Ok(examples)
}
