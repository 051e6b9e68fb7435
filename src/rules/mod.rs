//! The rule pack: rule files read, validated and compiled once, so that extraction
//! can trust every regex, template and table it is given.

pub mod facts;
pub mod offices;
pub mod schema;
pub mod template;
mod validate;

use crate::date::PartialDate;
use crate::report::{Report, Severity};
use crate::value::{ValueType, fold_text};
use regex::Regex;
use schema::{ExpectedClaim, Pronouns, RuleFile, RuleSpec};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use template::Template;

/// A compiled rule.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub description: String,
    pub severity: Severity,
    pub regex: Regex,
    pub key: Option<Template>,
    pub value: Template,
    pub value_type: ValueType,
    /// Capture name → index into [`RulePack::tables`].
    pub tables: HashMap<String, usize>,
    pub dateline: bool,
    /// How far a hedged figure may be from the figure stated (a fraction of it).
    pub tolerance: f64,
    /// For list rules: the count the text states, and by how much it should
    /// exceed the list's length.
    pub count: Option<Template>,
    pub count_offset: i64,
    /// For office rules: the title as written, and the jurisdiction if stated.
    pub office: Option<Template>,
    pub jurisdiction: Option<Template>,
    /// The file the rule came from (a key of [`RulePack::sources`]).
    pub file: PathBuf,
    /// Where the rule's `id` and `pattern` are in that file.
    pub id_span: Range<usize>,
    pub pattern_span: Range<usize>,
    pub key_span: Option<Range<usize>>,
    /// Examples and counterexamples, for `corpus-lint test`.
    pub examples: Vec<Example>,
}

/// A text a rule is run over by `corpus-lint test`.
#[derive(Debug)]
pub struct Example {
    pub text: String,
    pub date: Option<PartialDate>,
    /// The claims it must yield; `None` for a counterexample, which must yield none.
    pub claims: Option<Vec<ExpectedClaim>>,
    /// Where the example is in the rule file.
    pub span: Range<usize>,
}

/// A compiled normalisation table: folded, lower-cased variant → canonical form.
#[derive(Debug)]
pub struct Table {
    pub name: String,
    map: HashMap<String, String>,
}

impl Table {
    /// The canonical form of `raw`, or `raw` folded when the table does not know it.
    pub fn canonical(&self, raw: &str) -> String {
        let folded = fold_text(raw);
        self.map
            .get(&folded.to_lowercase())
            .cloned()
            .unwrap_or(folded)
    }
}

/// A known entity, from an entities file.
#[derive(Debug)]
pub struct Entity {
    pub name: String,
    pub aliases: Vec<String>,
    pub wrong: Vec<String>,
    pub pronouns: Option<Pronouns>,
}

/// How many days apart two times may be and still count as overlapping: articles
/// report events a few days after they happen.
pub const DEFAULT_TOLERANCE_DAYS: u32 = 7;

/// Everything loaded from the rule files.
#[derive(Debug, Default)]
pub struct RulePack {
    pub rules: Vec<Rule>,
    pub tables: Vec<Table>,
    pub entities: Vec<Entity>,
    pub files: Vec<PathBuf>,
    /// Each rule file's text, for diagnostics that point into it.
    pub sources: BTreeMap<PathBuf, String>,
    /// Problems that do not stop the run (`corpus-lint test` and `check` show them).
    pub warnings: Vec<Report>,
    pub offices: offices::Offices,
    /// Terms of office from the facts files.
    pub terms: Vec<facts::Term>,
    /// See [`DEFAULT_TOLERANCE_DAYS`].
    pub tolerance_days: u32,
}

/// What a rule makes of its matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    /// Dates an undated article (and may make claims checked on their own).
    Dateline,
    /// Office claims, compared in time by the office checks.
    Office,
    /// Keyed claims, compared across articles.
    Claim,
    /// Claims without a key, checked on their own.
    Extract,
}

impl RuleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Dateline => "dateline",
            RuleKind::Office => "office",
            RuleKind::Claim => "claim",
            RuleKind::Extract => "extract",
        }
    }
}

impl Rule {
    pub fn kind(&self) -> RuleKind {
        if self.dateline {
            RuleKind::Dateline
        } else if self.office.is_some() {
            RuleKind::Office
        } else if self.key.is_some() {
            RuleKind::Claim
        } else {
            RuleKind::Extract
        }
    }
}

impl RulePack {
    /// The rule with this id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

/// Rule files under `paths`: each folder's `*.toml` (not its subfolders), or the file itself.
fn rule_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Vec<Report>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_file() {
            files.push(path.clone());
        } else if path.is_dir() {
            match std::fs::read_dir(path) {
                Ok(entries) => {
                    let mut found: Vec<PathBuf> = entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
                        .collect();
                    found.sort();
                    files.extend(found);
                }
                Err(e) => errors.push(
                    Report::plain(
                        Severity::Error,
                        "rule/unreadable",
                        format!("cannot read rule folder {}", path.display()),
                    )
                    .with_help(e.to_string()),
                ),
            }
        } else {
            errors.push(
                Report::plain(
                    Severity::Error,
                    "rule/unreadable",
                    format!("rule path {} does not exist", path.display()),
                )
                .with_help("pass an existing rule file or folder to --rules"),
            );
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

/// Reads and compiles every rule file under `paths`. Any error stops the run: a
/// rule pack that is half loaded would silently check less than the user asked.
pub fn load(paths: &[PathBuf]) -> Result<RulePack, Vec<Report>> {
    let files = rule_files(paths)?;
    let mut pack = RulePack::default();
    let mut errors = Vec::new();
    let mut parsed = Vec::new();
    for path in &files {
        let source = match std::fs::read_to_string(path) {
            Ok(s) => s,
            Err(e) => {
                errors.push(
                    Report::plain(
                        Severity::Error,
                        "rule/unreadable",
                        format!("cannot read rule file {}", path.display()),
                    )
                    .with_help(e.to_string()),
                );
                continue;
            }
        };
        match toml::from_str::<RuleFile>(&source) {
            Ok(file) => parsed.push((path.clone(), source, file)),
            Err(e) => errors.push(
                Report::plain(Severity::Error, "rule/syntax", e.message().to_string())
                    .with_help("see docs in README.md, section \"Rules\", for the rule format")
                    .with_label(
                        &path.display().to_string(),
                        &source,
                        e.span().unwrap_or(0..0),
                        "here",
                    ),
            ),
        }
    }
    // Offices, jurisdictions and tables first: rules in any file may use them.
    for (_, _, file) in &parsed {
        file.jurisdiction
            .iter()
            .for_each(|j| pack.offices.add_jurisdiction(j));
    }
    for (path, source, file) in &parsed {
        for office in &file.office {
            if !pack.offices.has_jurisdiction(&office.jurisdiction) {
                errors.push(error_at(
                    path,
                    source,
                    office.name.span(),
                    "rule/unknown-jurisdiction",
                    format!(
                        "office `{}` belongs to `{}`, which no [[jurisdiction]] declares",
                        office.name.get_ref(),
                        office.jurisdiction
                    ),
                    "declare the jurisdiction with its aliases, or fix the name",
                ));
            }
            pack.offices.add_office(office);
        }
    }
    for (path, source, file) in &parsed {
        for table in &file.table {
            let mut map = HashMap::new();
            for (canonical, variants) in &table.map {
                let canonical = fold_text(canonical);
                map.insert(canonical.to_lowercase(), canonical.clone());
                for v in variants {
                    map.insert(fold_text(v).to_lowercase(), canonical.clone());
                }
            }
            if pack.tables.iter().any(|t| t.name == *table.name.get_ref()) {
                errors.push(error_at(
                    path,
                    source,
                    table.name.span(),
                    "rule/duplicate-table",
                    format!(
                        "a table named `{}` is already defined",
                        table.name.get_ref()
                    ),
                    "give each table a unique name",
                ));
            }
            pack.tables.push(Table {
                name: table.name.get_ref().clone(),
                map,
            });
        }
    }
    for (path, source, file) in parsed {
        pack.sources.insert(path.clone(), source.clone());
        for spec in file.rule {
            match compile_rule(&path, &source, spec, &pack.tables, &pack.offices) {
                Ok(rule) => pack.rules.push(rule),
                Err(e) => errors.push(e),
            }
        }
        pack.entities
            .extend(file.entity.into_iter().map(|e| Entity {
                name: fold_text(e.name.get_ref()),
                aliases: e.aliases.iter().map(|a| fold_text(a)).collect(),
                wrong: e.wrong.iter().map(|w| fold_text(w)).collect(),
                pronouns: e.pronouns,
            }));
    }
    pack.files = files;
    pack.tolerance_days = DEFAULT_TOLERANCE_DAYS;
    if errors.is_empty() {
        match load_facts(paths, &pack.offices) {
            Ok(terms) => pack.terms = terms,
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        pack.warnings = validate::warnings(&pack);
        Ok(pack)
    } else {
        Err(errors)
    }
}

/// Terms from `facts/*.toml` under each rule folder.
fn load_facts(
    paths: &[PathBuf],
    offices: &offices::Offices,
) -> Result<Vec<facts::Term>, Vec<Report>> {
    let today = chrono::Local::now().date_naive();
    let mut terms = Vec::new();
    let mut errors = Vec::new();
    for dir in paths.iter().filter(|p| p.is_dir()).map(|p| p.join("facts")) {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        for file in files {
            match std::fs::read_to_string(&file) {
                Ok(source) => match facts::load(&file, &source, offices, today) {
                    Ok(t) => terms.extend(t),
                    Err(e) => errors.extend(e),
                },
                Err(e) => errors.push(
                    Report::plain(
                        Severity::Error,
                        "facts/unreadable",
                        format!("cannot read facts file {}", file.display()),
                    )
                    .with_help(e.to_string()),
                ),
            }
        }
    }
    if errors.is_empty() {
        Ok(terms)
    } else {
        Err(errors)
    }
}

fn error_at(
    path: &Path,
    source: &str,
    span: Range<usize>,
    code: &str,
    message: String,
    help: &str,
) -> Report {
    Report::plain(Severity::Error, code, message)
        .with_help(help)
        .with_label(&path.display().to_string(), source, span, "here")
}

/// The span of `needle` inside the TOML string at `span`, or the whole string.
pub(crate) fn inner_span(source: &str, span: &Range<usize>, needle: &str) -> Range<usize> {
    source[span.clone()].find(needle).map_or(span.clone(), |i| {
        span.start + i..span.start + i + needle.len()
    })
}

/// A regex error pointed at the offending part of the pattern when the TOML
/// string holds the pattern verbatim (literal strings do), else at the whole string.
fn pattern_error(
    path: &Path,
    source: &str,
    spec: &RuleSpec,
    expanded: &str,
    error: &regex::Error,
) -> Report {
    let pattern = spec.pattern.get_ref();
    let whole = spec.pattern.span();
    let (message, within) = match regex_syntax::Parser::new().parse(expanded) {
        Err(regex_syntax::Error::Parse(e)) => (e.kind().to_string(), Some(*e.span())),
        Err(regex_syntax::Error::Translate(e)) => (e.kind().to_string(), Some(*e.span())),
        _ => (error.to_string(), None),
    };
    let verbatim = (expanded == pattern.as_str())
        .then(|| source[whole.clone()].find(pattern.as_str()))
        .flatten();
    let span = match (within, verbatim) {
        (Some(at), Some(start)) => {
            let base = whole.start + start;
            base + at.start.offset..base + at.end.offset.max(at.start.offset + 1)
        }
        _ => whole,
    };
    Report::plain(
        Severity::Error,
        "rule/bad-pattern",
        format!("rule `{}`: invalid regex: {message}", spec.id.get_ref()),
    )
    .with_help("fix the regex; the syntax is that of the Rust `regex` crate")
    .with_label(&path.display().to_string(), source, span, message)
}

fn compile_rule(
    path: &Path,
    source: &str,
    spec: RuleSpec,
    tables: &[Table],
    offices: &offices::Offices,
) -> Result<Rule, Report> {
    let id = spec.id.get_ref().clone();
    let fail = |span: Range<usize>, code: &str, message: String, help: &str| {
        error_at(
            path,
            source,
            span,
            code,
            format!("rule `{id}`: {message}"),
            help,
        )
    };
    let expanded = offices.expand(spec.pattern.get_ref());
    let regex =
        Regex::new(&expanded).map_err(|e| pattern_error(path, source, &spec, &expanded, &e))?;
    let names: Vec<&str> = regex.capture_names().flatten().collect();
    let mut templates = Vec::new();
    for field in spec
        .office
        .iter()
        .chain(&spec.jurisdiction)
        .chain(&spec.key)
        .chain(&spec.count)
        .chain(std::iter::once(&spec.value))
    {
        let template = Template::parse(field.get_ref()).map_err(|e| {
            let needle = &field.get_ref()[e.offset..e.offset + e.len];
            fail(
                inner_span(source, &field.span(), needle),
                "rule/bad-template",
                e.message,
                "templates use `{capture}` for a named capture of the pattern",
            )
        })?;
        if let Some(missing) = template.captures().find(|c| !names.contains(c)) {
            return Err(fail(
                inner_span(source, &field.span(), &format!("{{{missing}}}")),
                "rule/unknown-capture",
                format!(
                    "the template uses `{{{missing}}}` but the pattern has no capture named `{missing}`"
                ),
                &format!(
                    "add `(?P<{missing}>...)` to the pattern, or use one of: {}",
                    if names.is_empty() {
                        "(none)".into()
                    } else {
                        names.join(", ")
                    }
                ),
            ));
        }
        templates.push(template);
    }
    let value = templates
        .pop()
        .expect("the value template is always parsed");
    let count = spec.count.as_ref().and_then(|_| templates.pop());
    let key = spec.key.as_ref().and_then(|_| templates.pop());
    let jurisdiction = spec.jurisdiction.as_ref().and_then(|_| templates.pop());
    let office = spec.office.as_ref().and_then(|_| templates.pop());
    if let Some(field) = &spec.office {
        if let Some(key) = &spec.key {
            return Err(fail(
                key.span(),
                "rule/office-key",
                "an office rule has no `key`: its claims are keyed by the office".into(),
                "remove `key`; the office named by `office` becomes the key",
            ));
        }
        if spec.value_type != ValueType::Name {
            return Err(fail(
                field.span(),
                "rule/office-type",
                "an office rule's value is the holder: `type` must be \"name\"".into(),
                "set `type = \"name\"` and `value = \"{holder}\"`",
            ));
        }
    } else if let Some(field) = &spec.jurisdiction {
        return Err(fail(
            field.span(),
            "rule/jurisdiction-without-office",
            "`jurisdiction` only has a meaning in an office rule".into(),
            "add `office = \"{title}\"`, or remove `jurisdiction`",
        ));
    }
    let mut table_refs = HashMap::new();
    for (capture, table) in &spec.tables {
        if !names.contains(&capture.as_str()) {
            return Err(fail(
                inner_span(source, &table.span(), table.get_ref()),
                "rule/unknown-capture",
                format!("`tables` names capture `{capture}`, which the pattern lacks"),
                "name a capture of the pattern",
            ));
        }
        let Some(index) = tables.iter().position(|t| t.name == *table.get_ref()) else {
            return Err(fail(
                table.span(),
                "rule/unknown-table",
                format!("no table named `{}` is defined", table.get_ref()),
                "define it with [[table]] in any rule file, or fix the name",
            ));
        };
        table_refs.insert(capture.clone(), index);
    }
    if let Some(t) = &spec.tolerance {
        if spec.value_type != ValueType::Number {
            return Err(fail(
                t.span(),
                "rule/tolerance-without-number",
                "`tolerance` is how far a hedged figure may be from the figure stated: it needs `type = \"number\"`".into(),
                "remove `tolerance`, or make the rule a number rule",
            ));
        }
        if !(0.0..1.0).contains(t.get_ref()) {
            return Err(fail(
                t.span(),
                "rule/bad-tolerance",
                format!(
                    "a tolerance of {} is not a fraction from 0 up to 1",
                    t.get_ref()
                ),
                "write the tolerance as a fraction of the figure: 0.1 is 10%",
            ));
        }
    }
    if let Some(c) = &spec.count
        && spec.value_type != ValueType::List
    {
        return Err(fail(
            c.span(),
            "rule/count-without-list",
            "`count` is checked against a list: it needs `type = \"list\"`".into(),
            "remove `count`, or capture the list as the rule's value",
        ));
    }
    if spec.count_offset != 0 && spec.count.is_none() {
        return Err(fail(
            spec.id.span(),
            "rule/count-offset-without-count",
            "`count_offset` is set but the rule has no `count`".into(),
            "add `count = \"{capture}\"`, or remove `count_offset`",
        ));
    }
    if spec.dateline && spec.value_type != ValueType::Date {
        return Err(fail(
            spec.id.span(),
            "rule/bad-dateline",
            "`dateline = true` needs `type = \"date\"`".into(),
            "a dateline rule must yield the article's date",
        ));
    }
    let mut examples = Vec::new();
    let date_of = |date: &Option<String>, span: &Range<usize>| match date {
        Some(d) => PartialDate::parse(d).map(Some).map_err(|e| {
            fail(
                inner_span(source, span, d),
                "rule/bad-example",
                format!("the example's date: {e}"),
                "write the date as YYYY, YYYY-MM or YYYY-MM-DD",
            )
        }),
        None => Ok(None),
    };
    for example in spec.example {
        let span = example.span();
        let example = example.into_inner();
        examples.push(Example {
            date: date_of(&example.date, &span)?,
            text: example.text,
            claims: Some(example.claims),
            span,
        });
    }
    for example in spec.counterexample {
        let span = example.span();
        let example = example.into_inner();
        examples.push(Example {
            date: date_of(&example.date, &span)?,
            text: example.text,
            claims: None,
            span,
        });
    }
    Ok(Rule {
        id_span: spec.id.span(),
        key_span: spec.key.as_ref().map(|k| k.span()),
        pattern_span: spec.pattern.span(),
        examples,
        id,
        description: spec.description,
        severity: spec.severity,
        regex,
        key,
        value,
        value_type: spec.value_type,
        tables: table_refs,
        dateline: spec.dateline,
        tolerance: spec
            .tolerance
            .map_or(crate::figure::DEFAULT_TOLERANCE, |t| *t.get_ref()),
        count,
        count_offset: spec.count_offset,
        office,
        jurisdiction,
        file: path.to_path_buf(),
    })
}
