//! The command line: raw arguments (clap) are turned once into a validated [`Config`]
//! that the rest of the program trusts.

use crate::checks;
use crate::corpus;
use crate::extract;
use crate::render::{Human, Json, Printer, Run};
use crate::report::{Report, Severity};
use crate::rules::{self, RulePack};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
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
    /// Print findings only: no summary, no input warnings.
    #[arg(long, short, global = true)]
    quiet: bool,
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
    /// List the loaded rules and the built-in checks.
    Rules {
        /// Where the corpus is, to find the `rules/` folder beside it.
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// Exit statuses, as in ruff.
pub mod exit {
    /// No findings at error level.
    pub const CLEAN: u8 = 0;
    /// Findings at error level.
    pub const FINDINGS: u8 = 1;
    /// The tool could not run: bad rule, bad usage, no input.
    pub const BROKEN: u8 = 2;
}

/// Validated settings for one run.
struct Config {
    paths: Vec<PathBuf>,
    rule_paths: Vec<PathBuf>,
    format: Format,
    human: Human,
}

impl Config {
    fn new(args: &Args, paths: &[PathBuf], format: Format) -> Config {
        let rule_paths = if args.rules.is_empty() {
            default_rule_dirs(paths)
        } else {
            args.rules.clone()
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
            paths: paths.to_vec(),
            rule_paths,
            format,
            human: Human {
                color,
                quiet: args.quiet,
                width,
            },
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
        Command::Check { paths, format } => check(&Config::new(&args, paths, *format)),
        Command::Rules { paths } => list_rules(&Config::new(&args, paths, Format::Human)),
    })
}

fn load_rules(config: &Config) -> Result<RulePack, u8> {
    if config.rule_paths.is_empty() && !config.human.quiet {
        eprint!(
            "{}",
            config.human.render(
                &Report::plain(
                    Severity::Warning,
                    "rule/none",
                    "no rules found: only the built-in name checks run",
                )
                .with_help(
                    "put rule files in a `rules/` folder beside the corpus, or pass --rules PATH"
                )
            )
        );
    }
    rules::load(&config.rule_paths).map_err(|errors| {
        for e in errors {
            eprint!("{}", config.human.render(&e));
        }
        exit::BROKEN
    })
}

fn check(config: &Config) -> u8 {
    let pack = match load_rules(config) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut corpus = match corpus::load(&config.paths) {
        Ok(c) => c,
        Err(corpus::MissingPath(p)) => {
            eprint!(
                "{}",
                config.human.render(
                    &Report::plain(
                        Severity::Error,
                        "input/missing",
                        format!("{} does not exist", p.display()),
                    )
                    .with_help("pass the corpus folder, e.g. `corpus-lint check corpus/`")
                )
            );
            return exit::BROKEN;
        }
    };
    if corpus.articles.is_empty() && corpus.problems.is_empty() {
        eprint!(
            "{}",
            config.human.render(
                &Report::plain(
                    Severity::Error,
                    "input/empty",
                    "no articles found (.txt or .md)"
                )
                .with_help("check the path; hidden files and folders are skipped")
            )
        );
        return exit::BROKEN;
    }
    let extraction = extract::extract(&mut corpus.articles, &pack);
    let findings = checks::run_all(&extraction, &pack);
    let run = Run {
        articles: &corpus.articles,
        claims: extraction.claims.len(),
        findings: &findings,
        problems: &corpus.problems,
    };
    let printer: &dyn Printer = match config.format {
        Format::Human => &config.human,
        Format::Json => &Json,
    };
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    if printer
        .print(&run, &mut out, &mut err)
        .and_then(|_| out.flush())
        .is_err()
    {
        return exit::BROKEN;
    }
    if run.count(Severity::Error) > 0 {
        exit::FINDINGS
    } else {
        exit::CLEAN
    }
}

fn list_rules(config: &Config) -> u8 {
    let pack = match load_rules(config) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut rows: Vec<[String; 4]> = pack
        .rules
        .iter()
        .map(|r| {
            let kind = if r.dateline {
                "dateline"
            } else if r.key.is_some() {
                "claim"
            } else {
                "extract"
            };
            [
                r.id.clone(),
                kind.into(),
                r.severity.as_str().into(),
                r.description.clone(),
            ]
        })
        .collect();
    rows.extend(checks::registry().iter().map(|c| {
        [
            c.code().into(),
            "check".into(),
            "-".into(),
            c.summary().into(),
        ]
    }));
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
    let (w0, w1, w2) = (width(0).max(2), width(1).max(4), width(2).max(8));
    let mut out = std::io::stdout().lock();
    let mut lines = vec![format!(
        "{:w0$}  {:w1$}  {:w2$}  DESCRIPTION",
        "ID", "KIND", "SEVERITY"
    )];
    lines.extend(
        rows.iter()
            .map(|r| format!("{:w0$}  {:w1$}  {:w2$}  {}", r[0], r[1], r[2], r[3])),
    );
    if !config.human.quiet {
        lines.push(format!(
            "{} from {}; {} declared",
            checks::plural(pack.rules.len(), "rule"),
            checks::plural(pack.files.len(), "file"),
            checks::plural(pack.entities.len(), "entity").replace("entitys", "entities"),
        ));
    }
    for line in lines {
        if writeln!(out, "{}", line.trim_end()).is_err() {
            return exit::BROKEN;
        }
    }
    exit::CLEAN
}
