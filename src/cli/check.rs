//! `corpus-lint check`: the whole pipeline.

use super::{Config, Format, exit, progress};
use crate::article::Document;
use crate::cache::{Cache, Saving};
use crate::checks;
use crate::checks::Context;
use crate::code::Code;
use crate::corpus;
use crate::extract::{self, Corpus, Found, Progress};
use crate::ids::{ArticleId, Id};
use crate::render::{Json, Printer, Run, Texts};
use crate::report::{Report, Severity};
use crate::rules::RulePack;
use crate::shard;
use std::io::IsTerminal;
use std::io::Write;
use std::path::PathBuf;

/// Finds the corpus's files, or says why there is nothing to check.
pub(super) fn walk(config: &Config, paths: &[PathBuf], stats: bool) -> Result<corpus::Walk, u8> {
    walked(config, corpus::walk(paths, stats, &config.fields))
}

/// The corpus's files, or a report of why there is nothing to check.
fn walked(
    config: &Config,
    walk: Result<corpus::Walk, corpus::MissingPath>,
) -> Result<corpus::Walk, u8> {
    let walk = walk.map_err(|corpus::MissingPath(p)| {
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
                "no articles found (.txt, .md, .html, .jsonl or .csv)",
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
    versions: bool,
) -> Corpus {
    let mut corpus = extract::extract_files(
        &walk.files,
        walk.stats,
        &extract::Extractor::new(pack, versions),
        visit,
        consume,
        progress,
        cache,
    );
    let mut problems = walk.problems;
    problems.append(&mut corpus.problems);
    corpus.problems = problems;
    corpus
}

pub(super) fn run(config: &Config, paths: &[PathBuf], format: Format) -> u8 {
    let versions = config.settings.versions.is_some();
    // The corpus is walked while the rules are loaded and the cache is read.
    let (walk, loaded) = std::thread::scope(|scope| {
        let walking =
            scope.spawn(|| corpus::walk(paths, config.cache_dir.is_some(), &config.fields));
        let loaded = config.load_rules().map(|pack| {
            let cache = config
                .cache_dir
                .as_deref()
                .map(|dir| Cache::open(dir, &pack, paths, &config.fields, versions));
            (pack, cache)
        });
        let walk = walking
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (walk, loaded)
    });
    let (pack, mut cache) = match loaded {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let walk = match walked(config, walk) {
        Ok(w) => w,
        Err(code) => return code,
    };
    let bar = progress::Bar::new(walk.files.len());
    let watched = progress::wanted(
        format == Format::Human,
        config.human.quiet,
        std::io::stderr().is_terminal(),
    );
    let shown: &dyn Progress = if watched { &bar } else { &() };
    let mut corpus = extract(
        walk,
        &pack,
        &|_, _| (),
        &mut |()| {},
        shown,
        cache.as_mut(),
        versions,
    );
    bar.clear();
    let saving = corpus.saving.take();
    let code = conclude(config, &pack, corpus, format, &|_| None);
    // The cache only saves time: a run that cannot write it still checks.
    let _ = saving.map(Saving::wait);
    code
}

/// `check --claims SHARD...`: the reduce step, from shards instead of articles.
pub(super) fn reduce(config: &Config, shards: &[PathBuf], format: Format) -> u8 {
    let pack = match config.load_rules() {
        Ok(p) => p,
        Err(code) => return code,
    };
    let merged = match shard::merge(shards, &pack) {
        Ok(m) => m,
        Err(why) => {
            config.report(
                &Report::plain(Severity::Error, Code::InputShard, why.to_string()).with_help(
                    "pass files written by `corpus-lint claims --format jsonl`, made with the rules loaded now",
                ),
            );
            return exit::BROKEN;
        }
    };
    let corpus = Corpus {
        articles: merged.articles,
        extraction: merged.gathering.finish(&merged.vocabulary),
        problems: merged.problems,
        vocabulary: merged.vocabulary,
        saving: None,
    };
    let records = merged.records;
    conclude(config, &pack, corpus, format, &|id: ArticleId| {
        shard::sparse_document(shards, *records.get(id.index())?)
    })
}

/// Runs the checks on an extracted corpus and prints the findings, with excerpts
/// read again from the articles (or from `fallback`); returns the exit status.
fn conclude(
    config: &Config,
    pack: &RulePack,
    corpus: Corpus,
    format: Format,
    fallback: &(dyn Fn(ArticleId) -> Option<Document> + Sync),
) -> u8 {
    let findings = checks::run_all(&Context {
        extraction: &corpus.extraction,
        pack,
        settings: &config.settings,
    });
    let texts = Texts::read(&corpus.articles, &findings, &config.fields, fallback);
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
    let printed = printer
        .print(&run, &mut out, &mut err)
        .and_then(|_| out.flush());
    let code = if printed.is_err() {
        exit::BROKEN
    } else if run.count(Severity::Error) > 0 {
        exit::FINDINGS
    } else {
        exit::CLEAN
    };
    // The process ends here: freeing a large corpus's claims one by one would only
    // make it end later.
    std::mem::forget((corpus.articles, corpus.extraction, findings, texts));
    code
}
