//! Settings for one run, derived once from the command line and never changed:
//! which rule files, what the checks are told, how output looks.

use super::args::{Args, Color, Command};
use super::exit;
use crate::code::Code;
use crate::corpus::Fields;
use crate::render::Human;
use crate::report::{Report, Severity};
use crate::rules::{self, RulePack};
use crate::settings::Settings;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Validated settings shared by the subcommands.
pub(super) struct Config {
    pub rule_paths: Vec<PathBuf>,
    pub settings: Settings,
    pub human: Human,
    /// Where `check` keeps its extraction cache; `None` with `--no-cache`.
    pub cache_dir: Option<PathBuf>,
    /// Which fields of archive records hold what.
    pub fields: Arc<Fields>,
}

impl Config {
    pub fn new(args: &Args) -> Config {
        let rule_paths = if !args.rules.is_empty() {
            args.rules.clone()
        } else {
            match &args.command {
                Command::Check { paths, .. }
                | Command::Claims { paths, .. }
                | Command::Rules { paths, .. } => default_rule_dirs(paths),
                // `test` takes rule paths themselves.
                Command::Test { paths } if !paths.is_empty() => paths.clone(),
                _ => default_rule_dirs(&[]),
            }
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
        let today = args
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        let cache_dir = (!args.no_cache).then(|| {
            args.cache_dir
                .clone()
                .unwrap_or_else(|| project_dir(&rule_paths).join(crate::cache::FOLDER))
        });
        Config {
            cache_dir,
            fields: Arc::new(Fields::new(&args.fields)),
            rule_paths,
            settings: Settings {
                tolerance_days: args.tolerance_days,
                today,
                undated: args.undated_range,
                versions: args.versions.then_some(args.version_similarity),
            },
            human: Human {
                color,
                quiet: args.quiet,
                width,
            },
        }
    }

    /// Prints a report to standard error.
    pub fn report(&self, report: &Report) {
        eprintln!("{}", self.human.render(report));
    }

    /// Loads the rules; on failure prints why and returns the exit status.
    pub fn load_rules(&self) -> Result<RulePack, u8> {
        if self.rule_paths.is_empty() && !self.human.quiet {
            self.report(
                &Report::plain(
                    Severity::Warning,
                    Code::RuleNone,
                    "no rules found: only the built-in name checks run",
                )
                .with_help(
                    "put rule files in a `rules/` folder beside the corpus, or pass --rules PATH",
                ),
            );
        }
        match rules::load(&self.rule_paths) {
            Ok(pack) => {
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

/// The folder the rules are in, the project's configuration: the cache goes beside
/// it, never into the corpus. The current folder when there are no rules.
fn project_dir(rule_paths: &[PathBuf]) -> PathBuf {
    rule_paths
        .first()
        .and_then(|p| p.parent())
        .map_or_else(PathBuf::new, Path::to_path_buf)
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
