//! `corpus-lint claims`: every claim the rules extract, grouped by what it is about.
//! What an editor reads to see all the corpus asserts about one person or event,
//! and what a rule author reads to see what a rule caught.

use super::check::load_corpus;
use super::{ClaimsFormat, Config, exit};
use crate::article::{Article, Articles};
use crate::code::Code;
use crate::extract::{self, Claim, Origin};
use crate::report::{Report, Severity};
use crate::rules::RulePack;
use regex::{Regex, RegexBuilder};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

/// The JSON form of one claim.
#[derive(Serialize)]
struct JsonClaim<'a> {
    rule: &'a str,
    key: Option<&'a str>,
    value: String,
    #[serde(rename = "type")]
    value_type: &'a str,
    /// When the claim holds: a stated time or the article's date.
    time: Option<String>,
    path: String,
    line: usize,
    column: usize,
    /// The value as written.
    text: &'a str,
    /// Everything the rule's pattern matched.
    matched: &'a str,
    /// For a list, the count stated with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    count: Option<String>,
}

/// The name of what made a claim (a rule's id, or `time` for a time the text
/// states) and the claim's type.
fn origin<'a>(claim: &Claim, pack: &'a RulePack) -> (&'a str, &'static str) {
    let value_type = match claim.origin {
        Origin::Rule(r) => pack.rules[r].value_type.as_str(),
        Origin::StatedTime => "date",
    };
    (claim.origin.name(pack), value_type)
}

fn json_claim<'a>(claim: &'a Claim, pack: &'a RulePack, article: &'a Article) -> JsonClaim<'a> {
    let at = article.line_col(claim.span.start);
    let (rule, value_type) = origin(claim, pack);
    JsonClaim {
        rule,
        key: claim.key(pack),
        value: claim.value.to_string(),
        value_type,
        time: claim.time.map(|t| t.to_string()),
        path: article.path.display().to_string(),
        line: at.line,
        column: at.column,
        text: &article.text[claim.span.clone()],
        matched: &article.text[claim.matched.clone()],
        count: claim.count().map(|c| c.figure.to_string()),
    }
}

/// Which claims to list, as given on the command line.
pub(super) struct Filter<'a> {
    pub rule: Option<&'a str>,
    pub key: Option<&'a str>,
    pub value: Option<&'a str>,
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
    let (key_filter, value_filter) = match (
        pattern(config, "key", filter.key),
        pattern(config, "value", filter.value),
    ) {
        (Ok(k), Ok(v)) => (k, v),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let pack = match config.load_rules() {
        Ok(p) => p,
        Err(code) => return code,
    };
    let origin = match filter.rule {
        None => None,
        Some(id) => match pack.find(id) {
            Some(rule) => Some(Origin::Rule(rule)),
            None if id == Origin::StatedTime.name(&pack) => Some(Origin::StatedTime),
            None => {
                config.report(
                    &Report::plain(
                        Severity::Error,
                        Code::UsageUnknownRule,
                        format!("no rule has the id `{id}`"),
                    )
                    .with_help("`corpus-lint rules` lists the loaded rules"),
                );
                return exit::BROKEN;
            }
        },
    };
    let mut corpus = match load_corpus(config, paths) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if !config.human.quiet {
        corpus.problems.iter().for_each(|p| config.report(p));
    }
    let extraction = extract::extract(&mut corpus.articles, &pack);
    let claims: Vec<&Claim> = extraction
        .claims
        .iter()
        .filter(|c| origin.is_none_or(|o| c.origin == o))
        .filter(|c| {
            key_filter
                .as_ref()
                .is_none_or(|re| c.key(&pack).is_some_and(|k| re.is_match(k)))
        })
        .filter(|c| {
            value_filter
                .as_ref()
                .is_none_or(|re| re.is_match(&c.value.to_string()))
        })
        .collect();
    let articles = &corpus.articles;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match format {
        ClaimsFormat::Json => serde_json::to_writer_pretty(
            &mut out,
            &serde_json::json!({
                "version": crate::render::JSON_VERSION,
                "claims": claims
                    .iter()
                    .map(|c| json_claim(c, &pack, &articles[c.article]))
                    .collect::<Vec<_>>(),
            }),
        )
        .map_err(std::io::Error::from)
        .and_then(|_| writeln!(out)),
        ClaimsFormat::Jsonl => claims.iter().try_for_each(|c| {
            serde_json::to_writer(&mut out, &json_claim(c, &pack, &articles[c.article]))
                .map_err(std::io::Error::from)
                .and_then(|_| writeln!(out))
        }),
        ClaimsFormat::Human => human(&mut out, &claims, &pack, articles, config.human.quiet),
    };
    if written.and_then(|_| out.flush()).is_err() {
        return exit::BROKEN;
    }
    exit::CLEAN
}

/// Claims grouped by key (claims without one last), each with where it was made.
fn human(
    out: &mut dyn Write,
    claims: &[&Claim],
    pack: &RulePack,
    articles: &Articles,
    quiet: bool,
) -> std::io::Result<()> {
    let mut by_key: BTreeMap<(bool, &str), Vec<&Claim>> = BTreeMap::new();
    for c in claims {
        let key = c.key(pack);
        let key = (key.is_none(), key.unwrap_or("(no key)"));
        by_key.entry(key).or_default().push(c);
    }
    for ((_, key), group) in &by_key {
        writeln!(out, "{key}")?;
        for c in group {
            let a = &articles[c.article];
            let at = a.line_col(c.span.start);
            let (rule, value_type) = origin(c, pack);
            let time = match (c.rule(), c.time) {
                (Some(_), Some(t)) => format!(", at {t}"),
                _ => String::new(),
            };
            writeln!(
                out,
                "  {}  ({value_type}, {rule}{time})  {}:{}:{}  «{}»",
                c.value,
                a.path.display(),
                at.line,
                at.column,
                a.text[c.matched.clone()].replace(['\n', '\r'], " "),
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
