//! `corpus-lint test`: run the rules' examples.

use super::{Config, exit};
use crate::verify;

pub(super) fn run(config: &Config) -> u8 {
    let pack = match config.load_rules() {
        Ok(p) => p,
        Err(code) => return code,
    };
    let outcome = verify::run(&pack);
    for failure in &outcome.failures {
        println!("{}", config.human.render(failure));
    }
    println!(
        "{} passed, {} failed",
        outcome.passed,
        outcome.failures.len()
    );
    if outcome.failures.is_empty() {
        exit::CLEAN
    } else {
        exit::FINDINGS
    }
}
