//! `corpus-lint rules`: what is loaded.

use super::{Config, exit};
use crate::checks::{CHECKS, plural};
use std::io::Write;

pub(super) fn run(config: &Config) -> u8 {
    let pack = match config.load_rules() {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut rows: Vec<[String; 4]> = pack
        .rules
        .iter()
        .map(|r| {
            [
                r.id.clone(),
                r.kind.name().into(),
                r.severity.as_str().into(),
                r.description.clone(),
            ]
        })
        .collect();
    rows.extend(CHECKS.iter().map(|c| {
        [
            c.code.as_str().into(),
            "check".into(),
            "-".into(),
            c.code.summary().into(),
        ]
    }));
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
    let (w0, w1, w2) = (width(0).max(2), width(1).max(4), width(2).max(8));
    let mut lines = vec![format!(
        "{:w0$}  {:w1$}  {:w2$}  DESCRIPTION",
        "ID", "KIND", "SEVERITY"
    )];
    lines.extend(
        rows.iter()
            .map(|r| format!("{:w0$}  {:w1$}  {:w2$}  {}", r[0], r[1], r[2], r[3])),
    );
    if !config.human.quiet {
        let entities = pack.entities.len();
        lines.push(format!(
            "{} from {}; {entities} {} declared",
            plural(pack.rules.len(), "rule"),
            plural(pack.files.len(), "file"),
            if entities == 1 { "entity" } else { "entities" },
        ));
    }
    let mut out = std::io::stdout().lock();
    for line in lines {
        if writeln!(out, "{}", line.trim_end()).is_err() {
            return exit::BROKEN;
        }
    }
    exit::CLEAN
}
