//! The command line as clap reads it: raw, unvalidated, and only ever read by
//! `Config::new`, which turns it into settings once.

use crate::corpus::Fields;
use crate::corpus::archive::Role;
use crate::date::PartialDate;
use crate::settings::{DEFAULT_TOLERANCE_DAYS, DEFAULT_VERSION_SIMILARITY};
use crate::time::Interval;
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Checks that the articles of a news corpus agree with each other.
#[derive(Debug, Parser)]
#[command(name = "corpus-lint", version, about)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
    /// Rule file or folder (repeatable). Default: the `rules/` folder beside the
    /// corpus (for `check news/`, `./rules/` next to `news/`), else `./rules/`.
    #[arg(long = "rules", global = true, value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Print findings only: no summary, no warnings about input or rules.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Days two times may be apart and still overlap, for reporting lag.
    #[arg(long, global = true, value_name = "DAYS", default_value_t = DEFAULT_TOLERANCE_DAYS)]
    pub tolerance_days: u32,
    /// The day to check as of (YYYY-MM-DD): terms of office with no end run until
    /// then. Default: today's date, from the clock.
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_day)]
    pub today: Option<NaiveDate>,
    /// When the corpus's undated articles were written, as FROM..TO (`2004..2005`,
    /// `2004-06..2005-03`): ages stated in them are then compared with others.
    #[arg(long, global = true, value_name = "FROM..TO", value_parser = parse_range)]
    pub undated_range: Option<Interval>,
    /// How similar two articles must be to be versions of one story, for
    /// `version/divergent`: the share of their five-word shingles they have in
    /// common, from 0 to 1.
    #[arg(long, global = true, value_name = "SHARE", default_value_t = DEFAULT_VERSION_SIMILARITY, value_parser = parse_share)]
    pub version_similarity: f64,
    /// Look for versions of one story (`version/divergent`). Off by default:
    /// each article's version record costs about half again the CPU and memory
    /// of the rest of extraction, until records are kept only for the articles
    /// that have other versions.
    #[arg(long, global = true)]
    pub versions: bool,
    /// Read every article again: neither use nor write the extraction cache.
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Where `check` keeps its extraction cache. Default: `.corpus-lint-cache/`
    /// beside the rules folder.
    #[arg(long, global = true, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Which field of a JSON Lines or CSV record holds what (repeatable), e.g.
    /// `--field text=story --field date=pubDate`. Roles: text, date, title, url,
    /// id, author, source. Default: text is `text`, `body` or `content`; date
    /// is `date` or `published`; id is `id` or `guid`; and so on.
    #[arg(long = "field", global = true, value_name = "ROLE=NAME", value_parser = Fields::setting)]
    pub fields: Vec<(Role, String)>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint articles (folders are walked for .txt, .md and .html files, and .jsonl and .csv archives).
    Check {
        /// Files or folders to check.
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Check shards written by `claims --format jsonl` (the map step) instead
        /// of reading articles: the reduce step of a corpus split across runs.
        #[arg(long = "claims", value_name = "FILE", num_args = 1.., conflicts_with = "paths")]
        shards: Vec<PathBuf>,
    },
    /// List every claim the rules extract: what the corpus asserts, and where.
    Claims {
        /// Files or folders to read.
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        /// Only claims of the rule with this id (`time` for times stated in the text).
        #[arg(long = "rule", value_name = "ID")]
        rule: Option<String>,
        /// Only claims whose key matches this regex (case-insensitive).
        #[arg(long = "key", value_name = "PATTERN")]
        key: Option<String>,
        /// Only claims whose normalised value matches this regex (case-insensitive),
        /// e.g. everything said about one person.
        #[arg(long = "value", value_name = "PATTERN")]
        value: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ClaimsFormat::Human)]
        format: ClaimsFormat,
    },
    /// Run every rule's examples and counterexamples.
    Test {
        /// Rule files or folders (default: those `check` would use).
        paths: Vec<PathBuf>,
    },
    /// List the loaded rules and the built-in checks.
    Rules {
        /// Where the corpus is, to find the `rules/` folder beside it.
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        /// Output format (`json` adds each rule's file, pattern and expanded regex).
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Explain a built-in check (`spelling/variant`) or a loaded rule (by id).
    Rule {
        /// A check code or a rule id.
        name: String,
    },
    /// Print the JSON Schema of rule files, for TOML editors.
    Schema {
        /// The schema of facts files (`rules/facts/*.toml`) instead.
        #[arg(long)]
        facts: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ClaimsFormat {
    Human,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// An `--undated-range` value: from the first day of one date to the last of another.
fn parse_range(text: &str) -> Result<Interval, String> {
    let (from, to) = text
        .split_once("..")
        .ok_or_else(|| format!("`{text}` is not FROM..TO, e.g. `2004..2005`"))?;
    let day = |d: &str| {
        PartialDate::parse(d.trim())
            .ok()
            .and_then(Interval::of)
            .ok_or_else(|| format!("`{d}` is not a date as YYYY, YYYY-MM or YYYY-MM-DD"))
    };
    let (from, to) = (day(from)?, day(to)?);
    if from.start > to.end {
        return Err(format!("`{text}` ends before it starts"));
    }
    Ok(Interval {
        start: from.start,
        end: to.end,
    })
}

/// A `--today` value: a whole date, since a term's end is a day.
/// A share from 0 to 1, exclusive of 0: at 0 every article would be a version of
/// every other.
fn parse_share(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(share) if share > 0.0 && share <= 1.0 => Ok(share),
        _ => Err(format!(
            "`{text}` is not a share above 0 and up to 1, e.g. `0.5`"
        )),
    }
}

fn parse_day(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| format!("`{text}` is not a date as YYYY-MM-DD: {e}"))
}
