//! The command line: raw arguments (clap) are turned once into a validated
//! [`Config`] that the subcommands trust. Each subcommand is its own module.

mod check;
mod claims;
mod explain;
mod list;
mod test;

use crate::render::Human;
use crate::report::{Report, Severity};
use crate::rules::{self, RulePack};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Checks that the articles of a news corpus agree with each other.
#[derive(Debug, Parser)]
#[command(name = "corpus-lint", version, about)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
    /// Rule file or folder (repeatable). Default: the `rules/` folder beside the
    /// corpus (for `check news/`, `./rules/` next to `news/`), else `./rules/`.
    #[arg(long = "rules", global = true, value_name = "PATH")]
    rules: Vec<PathBuf>,
    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Print findings only: no summary, no warnings about input or rules.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Days two times may be apart and still overlap, for reporting lag.
    #[arg(long, global = true, value_name = "DAYS", default_value_t = rules::DEFAULT_TOLERANCE_DAYS)]
    tolerance_days: u32,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Lint articles (folders are walked for .txt and .md files).
    Check {
        /// Files or folders to check.
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// List every claim the rules extract: what the corpus asserts, and where.
    Claims {
        /// Files or folders to read.
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        /// Only claims of the rule with this id.
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
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ClaimsFormat {
    Human,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// Exit statuses, as in ruff.
pub mod exit {
    /// No findings at error level; every example passed.
    pub const CLEAN: u8 = 0;
    /// Findings at error level, or failing examples.
    pub const FINDINGS: u8 = 1;
    /// The tool could not run: bad rule, bad usage, no input.
    pub const BROKEN: u8 = 2;
}

/// Validated settings shared by the subcommands.
struct Config {
    rule_paths: Vec<PathBuf>,
    tolerance_days: u32,
    human: Human,
}

impl Config {
    /// `paths` are where the corpus is (to find rules beside it) or, for `test`,
    /// the rule files themselves.
    fn new(args: &Args, paths: &[PathBuf]) -> Config {
        let rule_paths = if !args.rules.is_empty() {
            args.rules.clone()
        } else {
            default_rule_dirs(paths)
        };
        let color = match args.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        };
        let width = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(100);
        Config {
            rule_paths,
            tolerance_days: args.tolerance_days,
            human: Human {
                color,
                quiet: args.quiet,
                width,
            },
        }
    }

    /// Prints a report to standard error.
    fn report(&self, report: &Report) {
        eprintln!("{}", self.human.render(report));
    }

    /// Loads the rules; on failure prints why and returns the exit status.
    fn load_rules(&self) -> Result<RulePack, u8> {
        if self.rule_paths.is_empty() && !self.human.quiet {
            self.report(
                &Report::plain(
                    Severity::Warning,
                    "rule/none",
                    "no rules found: only the built-in name checks run",
                )
                .with_help(
                    "put rule files in a `rules/` folder beside the corpus, or pass --rules PATH",
                ),
            );
        }
        match rules::load(&self.rule_paths) {
            Ok(mut pack) => {
                pack.tolerance_days = self.tolerance_days;
                if !self.human.quiet {
                    pack.warnings.iter().for_each(|w| self.report(w));
                }
                Ok(pack)
            }
            Err(errors) => {
                errors.iter().for_each(|e| self.report(e));
                Err(exit::BROKEN)
            }
        }
    }
}

/// `rules/` beside the first corpus path, else `./rules`; only those that exist.
fn default_rule_dirs(paths: &[PathBuf]) -> Vec<PathBuf> {
    let first = paths.first().map_or(Path::new("."), |p| p.as_path());
    let corpus_dir = if first.is_file() {
        first.parent().unwrap_or(Path::new("."))
    } else {
        first
    };
    let beside = corpus_dir
        .canonicalize()
        .ok()
        .and_then(|p| p.parent().map(|p| p.join("rules")));
    beside
        .into_iter()
        .chain(std::iter::once(PathBuf::from("rules")))
        .find(|p| p.is_dir())
        .map(|p| {
            std::env::current_dir()
                .ok()
                .and_then(|cwd| p.strip_prefix(&cwd).ok().map(Path::to_path_buf))
                .unwrap_or(p)
        })
        .into_iter()
        .collect()
}

/// Runs the command line and returns the exit status.
pub fn main() -> ExitCode {
    let args = Args::parse();
    ExitCode::from(match &args.command {
        Command::Check { paths, format } => check::run(&Config::new(&args, paths), paths, *format),
        Command::Claims {
            paths,
            rule,
            key,
            value,
            format,
        } => claims::run(
            &Config::new(&args, paths),
            paths,
            &claims::Filter {
                rule: rule.as_deref(),
                key: key.as_deref(),
                value: value.as_deref(),
            },
            *format,
        ),
        Command::Test { paths } => {
            let mut config = Config::new(&args, &[]);
            if !paths.is_empty() && args.rules.is_empty() {
                config.rule_paths = paths.clone();
            }
            test::run(&config)
        }
        Command::Rules { paths } => list::run(&Config::new(&args, paths)),
        Command::Rule { name } => explain::run(&Config::new(&args, &[]), name),
        Command::Schema { facts } => {
            if *facts {
                print!("{}", rules::schema::facts_json_schema());
            } else {
                print!("{}", rules::schema::json_schema());
            }
            exit::CLEAN
        }
    })
}
