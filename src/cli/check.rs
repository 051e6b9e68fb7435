//! `corpus-lint check`: the whole pipeline.

use super::{Config, Format, exit};
use crate::article::Document;
use crate::cache::Cache;
use crate::checks;
use crate::checks::Context;
use crate::code::Code;
use crate::corpus;
use crate::extract::{self, Corpus, Found, Progress};
use crate::render::{Json, Printer, Run, Texts};
use crate::report::{Report, Severity};
use crate::rules::RulePack;
use std::io::Write;
use std::path::PathBuf;

/// Finds the corpus's files, or says why there is nothing to check.
pub(super) fn walk(config: &Config, paths: &[PathBuf]) -> Result<corpus::Walk, u8> {
    let walk = corpus::walk(paths).map_err(|corpus::MissingPath(p)| {
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
    if walk.files.is_empty() && walk.problems.is_empty() {
        config.report(
            &Report::plain(
                Severity::Error,
                Code::InputEmpty,
                "no articles found (.txt or .md)",
            )
            .with_help("check the path; hidden files and folders, and files that .ignore or .gitignore exclude, are skipped"),
        );
        return Err(exit::BROKEN);
    }
    Ok(walk)
}

/// Reads and extracts the corpus, problems with it first.
pub(super) fn extract<T: Send>(
    walk: corpus::Walk,
    pack: &RulePack,
    visit: &(dyn Fn(&Document, &Found) -> T + Sync),
    consume: &mut dyn FnMut(T),
    progress: &dyn Progress,
    cache: Option<&mut Cache>,
) -> Corpus {
    let mut corpus = extract::extract_files(&walk.files, pack, visit, consume, progress, cache);
    let mut problems = walk.problems;
    problems.append(&mut corpus.problems);
    corpus.problems = problems;
    corpus
}

pub(super) fn run(config: &Config, paths: &[PathBuf], format: Format) -> u8 {
    let pack = match config.load_rules() {
        Ok(p) => p,
        Err(code) => return code,
    };
    let walk = match walk(config, paths) {
        Ok(w) => w,
        Err(code) => return code,
    };
    let mut cache = config
        .cache_dir
        .as_deref()
        .map(|dir| Cache::open(dir, &pack, paths));
    let corpus = extract(walk, &pack, &|_, _| (), &mut |()| {}, &(), cache.as_mut());
    let findings = checks::run_all(&Context {
        extraction: &corpus.extraction,
        pack: &pack,
        settings: &config.settings,
    });
    let texts = Texts::read(&corpus.articles, &findings);
    let mut problems = corpus.problems;
    problems.extend(texts.problems(&corpus.articles));
    let run = Run {
        articles: &corpus.articles,
        claims: corpus.extraction.claims.len(),
        findings: &findings,
        texts: &texts,
        problems: &problems,
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
