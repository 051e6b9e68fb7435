//! `corpus-lint claims`: every claim the rules extract, grouped by what it is about.
//! What an editor reads to see all the corpus asserts about one person or event,
//! and what a rule author reads to see what a rule caught. Claims are listed while
//! their article is read, so the listing needs no second pass over the texts.

use super::check::{extract, walk};
use super::{ClaimsFormat, Config, exit};
use crate::article::Document;
use crate::code::Code;
use crate::extract::{Claim, Found, Origin};
use crate::report::{Report, Severity};
use crate::rules::RulePack;
use crate::shard;
use regex::{Regex, RegexBuilder};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

/// One claim as listed: everything the formats show, owned, so that the article's
/// text can be dropped.
#[derive(Serialize)]
struct Listed {
    /// `claim`: in a shard, claims are one kind of line among others.
    record: &'static str,
    rule: String,
    key: Option<String>,
    value: String,
    #[serde(rename = "type")]
    value_type: &'static str,
    /// When the claim holds: a stated time or the article's date.
    time: Option<String>,
    path: String,
    /// How diagnostics name an article that is not a whole file (a record of an
    /// archive: `news.jsonl#bbc-017`); its line and column are in that record's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<String>,
    line: usize,
    column: usize,
    /// The value as written.
    text: String,
    /// Everything the rule's pattern matched.
    matched: String,
    /// For a list, the count stated with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    count: Option<String>,
    /// For a money conversion, the sum in the bracket (`value` is the first).
    #[serde(skip_serializing_if = "Option::is_none")]
    converted: Option<String>,
    /// Whether a rule made it (times the text states are listed without one).
    #[serde(skip)]
    by_rule: bool,
}

/// The claim's type: its rule's, or `date` for a time the text states.
fn value_type(claim: &Claim, pack: &RulePack) -> &'static str {
    match claim.origin {
        Origin::Rule(r) => pack.rules[r].value_type.as_str(),
        Origin::StatedTime => "date",
        Origin::Age => "age",
        Origin::Conversion => "money",
    }
}

fn listed(claim: &Claim, pack: &RulePack, doc: &Document) -> Listed {
    let at = doc.line_col(claim.span.start);
    Listed {
        record: "claim",
        rule: claim.origin.name(pack).to_string(),
        key: claim.key(pack).map(str::to_string),
        value: claim.value.to_string(),
        value_type: value_type(claim, pack),
        time: claim.time.map(|t| t.to_string()),
        path: doc.path.display().to_string(),
        article: matches!(doc.form, crate::article::Form::Record(_)).then(|| doc.name()),
        line: at.line,
        column: at.column,
        text: doc.text[claim.span.clone()].to_string(),
        matched: doc.text[claim.matched.clone()].to_string(),
        count: claim.count().map(|c| c.figure.to_string()),
        converted: claim.converted().map(|c| c.figure.to_string()),
        by_rule: claim.rule().is_some(),
    }
}

/// Which claims to list, as given on the command line.
pub(super) struct Filter<'a> {
    pub rule: Option<&'a str>,
    pub key: Option<&'a str>,
    pub value: Option<&'a str>,
}

/// The filter, checked and compiled.
struct Selection {
    origin: Option<Origin>,
    key: Option<Regex>,
    value: Option<Regex>,
}

impl Selection {
    fn new(config: &Config, filter: &Filter, pack: &RulePack) -> Result<Selection, u8> {
        let key = pattern(config, "key", filter.key)?;
        let value = pattern(config, "value", filter.value)?;
        let origin = match filter.rule {
            None => None,
            Some(id) => match pack.find(id) {
                Some(rule) => Some(Origin::Rule(rule)),
                None if id == Origin::StatedTime.name(pack) => Some(Origin::StatedTime),
                None if id == Origin::Age.name(pack) => Some(Origin::Age),
                None if id == Origin::Conversion.name(pack) => Some(Origin::Conversion),
                None => {
                    config.report(
                        &Report::plain(
                            Severity::Error,
                            Code::UsageUnknownRule,
                            format!("no rule has the id `{id}`"),
                        )
                        .with_help("`corpus-lint rules` lists the loaded rules"),
                    );
                    return Err(exit::BROKEN);
                }
            },
        };
        Ok(Selection { origin, key, value })
    }

    fn takes(&self, c: &Claim, pack: &RulePack) -> bool {
        self.origin.is_none_or(|o| c.origin == o)
            && self
                .key
                .as_ref()
                .is_none_or(|re| c.key(pack).is_some_and(|k| re.is_match(k)))
            && self
                .value
                .as_ref()
                .is_none_or(|re| re.is_match(&c.value.to_string()))
    }
}

/// A case-insensitive regex from a filter flag, or a report of why it is not one.
fn pattern(config: &Config, flag: &str, text: Option<&str>) -> Result<Option<Regex>, u8> {
    match text.map(|t| RegexBuilder::new(t).case_insensitive(true).build()) {
        Some(Err(e)) => {
            config.report(
                &Report::plain(
                    Severity::Error,
                    Code::UsageBadPattern,
                    format!("--{flag}: {e}"),
                )
                .with_help(format!(
                    "--{flag} takes a regex, e.g. `--{flag} 'interior minister'`"
                )),
            );
            Err(exit::BROKEN)
        }
        Some(Ok(re)) => Ok(Some(re)),
        None => Ok(None),
    }
}

pub(super) fn run(config: &Config, paths: &[PathBuf], filter: &Filter, format: ClaimsFormat) -> u8 {
    let pack = match config.load_rules() {
        Ok(p) => p,
        Err(code) => return code,
    };
    let selection = match Selection::new(config, filter, &pack) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let files = match walk(config, paths, false) {
        Ok(w) => w,
        Err(code) => return code,
    };
    // In JSON Lines, each article's record for the reduce step goes after its
    // claims: the output is a shard (see `crate::shard`).
    let jsonl = format == ClaimsFormat::Jsonl;
    let visit = |doc: &Document, found: &Found| -> (Vec<Listed>, Option<String>) {
        let claims = found
            .claims
            .iter()
            .filter(|c| selection.takes(c, &pack))
            .map(|c| listed(c, &pack, doc))
            .collect();
        (claims, jsonl.then(|| shard::article(doc, found)))
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut all: Vec<Listed> = Vec::new();
    let mut written: std::io::Result<()> = if jsonl {
        writeln!(out, "{}", shard::header(&pack))
    } else {
        Ok(())
    };
    let corpus = extract(
        files,
        &pack,
        &visit,
        &mut |(claims, record): (Vec<Listed>, Option<String>)| {
            if !jsonl {
                all.extend(claims);
                return;
            }
            // Lines are written as articles are read: the listing of a large
            // corpus is never held in memory.
            for c in claims {
                if written.is_ok() {
                    written = serde_json::to_writer(&mut out, &c)
                        .map_err(std::io::Error::from)
                        .and_then(|_| writeln!(out));
                }
            }
            if let Some(record) = record
                && written.is_ok()
            {
                written = writeln!(out, "{record}");
            }
        },
        &(),
        None,
        // A shard carries version records when the reduce step will ask for them.
        config.settings.versions.is_some(),
    );
    if !config.human.quiet {
        corpus.problems.iter().for_each(|p| config.report(p));
    }
    let written = written.and_then(|_| match format {
        ClaimsFormat::Jsonl => corpus
            .problems
            .iter()
            .try_for_each(|p| writeln!(out, "{}", shard::problem(p)))
            .and_then(|_| writeln!(out, "{}", shard::vocabulary(&corpus.vocabulary))),
        ClaimsFormat::Json => serde_json::to_writer_pretty(
            &mut out,
            &serde_json::json!({
                "version": crate::render::JSON_VERSION,
                "claims": all,
            }),
        )
        .map_err(std::io::Error::from)
        .and_then(|_| writeln!(out)),
        ClaimsFormat::Human => human(&mut out, &all, config.human.quiet),
    });
    if written.and_then(|_| out.flush()).is_err() {
        return exit::BROKEN;
    }
    exit::CLEAN
}

/// Claims grouped by key (claims without one last), each with where it was made.
fn human(out: &mut dyn Write, claims: &[Listed], quiet: bool) -> std::io::Result<()> {
    let mut by_key: BTreeMap<(bool, &str), Vec<&Listed>> = BTreeMap::new();
    for c in claims {
        let key = (c.key.is_none(), c.key.as_deref().unwrap_or("(no key)"));
        by_key.entry(key).or_default().push(c);
    }
    for ((_, key), group) in &by_key {
        writeln!(out, "{key}")?;
        for c in group {
            let time = match (c.by_rule, &c.time) {
                (true, Some(t)) => format!(", at {t}"),
                _ => String::new(),
            };
            let value = match &c.converted {
                Some(to) => format!("{} = {to}", c.value),
                None => c.value.clone(),
            };
            writeln!(
                out,
                "  {value}  ({}, {}{time})  {}:{}:{}  «{}»",
                c.value_type,
                c.rule,
                c.article.as_ref().unwrap_or(&c.path),
                c.line,
                c.column,
                c.matched.replace(['\n', '\r'], " "),
            )?;
        }
    }
    if !quiet {
        writeln!(
            out,
            "{} about {}",
            crate::checks::plural(claims.len(), "claim"),
            crate::checks::plural(by_key.len(), "key"),
        )?;
    }
    Ok(())
}
