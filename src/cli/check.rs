//! `corpus-lint check`: the whole pipeline.

use super::{Config, Format, exit};
use crate::checks::Context;
use crate::code::Code;
use crate::render::{Json, Printer, Run};
use crate::report::{Report, Severity};
use crate::{checks, corpus, extract};
use std::io::Write;
use std::path::PathBuf;

/// Loads the corpus, or says why there is nothing to check.
pub(super) fn load_corpus(config: &Config, paths: &[PathBuf]) -> Result<corpus::Corpus, u8> {
    let corpus = corpus::load(paths).map_err(|corpus::MissingPath(p)| {
        config.report(
            &Report::plain(
                Severity::Error,
                Code::InputMissing,
                format!("{} does not exist", p.display()),
            )
            .with_help("pass the corpus folder, e.g. `corpus-lint check corpus/`"),
        );
        exit::BROKEN
    })?;
    if corpus.articles.is_empty() && corpus.problems.is_empty() {
        config.report(
            &Report::plain(
                Severity::Error,
                Code::InputEmpty,
                "no articles found (.txt or .md)",
            )
            .with_help("check the path; hidden files and folders are skipped"),
        );
        return Err(exit::BROKEN);
    }
    Ok(corpus)
}

pub(super) fn run(config: &Config, paths: &[PathBuf], format: Format) -> u8 {
    let pack = match config.load_rules() {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut corpus = match load_corpus(config, paths) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let extraction = extract::extract(&mut corpus.articles, &pack);
    let findings = checks::run_all(&Context {
        extraction: &extraction,
        pack: &pack,
        settings: &config.settings,
    });
    let run = Run {
        articles: &corpus.articles,
        claims: extraction.claims.len(),
        findings: &findings,
        problems: &corpus.problems,
    };
    let printer: &dyn Printer = match format {
        Format::Human => &config.human,
        Format::Json => &Json,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut err = std::io::stderr().lock();
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
