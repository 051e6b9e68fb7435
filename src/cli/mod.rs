//! The command line: raw arguments (`args`) are turned once into a validated
//! `config::Config` that the subcommands trust. Each subcommand is its own module.

mod args;
mod check;
mod claims;
mod config;
mod explain;
mod list;
mod progress;
mod test;

use crate::rules;
use args::{Args, ClaimsFormat, Command, Format};
use clap::Parser;
use config::Config;
use std::process::ExitCode;

/// Exit statuses, as in ruff.
pub mod exit {
    /// No findings at error level; every example passed.
    pub const CLEAN: u8 = 0;
    /// Findings at error level, or failing examples.
    pub const FINDINGS: u8 = 1;
    /// The tool could not run: bad rule, bad usage, no input.
    pub const BROKEN: u8 = 2;
}

/// Runs the command line and returns the exit status.
pub fn main() -> ExitCode {
    let args = Args::parse();
    let config = Config::new(&args);
    ExitCode::from(match &args.command {
        Command::Check {
            paths,
            format,
            shards,
        } if !shards.is_empty() => check::reduce(&config, shards, *format),
        Command::Check { paths, format, .. } => check::run(&config, paths, *format),
        Command::Claims {
            paths,
            rule,
            key,
            value,
            format,
        } => claims::run(
            &config,
            paths,
            &claims::Filter {
                rule: rule.as_deref(),
                key: key.as_deref(),
                value: value.as_deref(),
            },
            *format,
        ),
        Command::Test { .. } => test::run(&config),
        Command::Rules { format, .. } => list::run(&config, *format),
        Command::Rule { name } => explain::run(&config, name),
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
