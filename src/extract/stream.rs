//! The corpus read and extracted as a stream: files are taken in chunks, each chunk
//! read and extracted in parallel while the previous one is gathered, and every
//! text is dropped once its article has yielded its claims. Memory grows with the
//! claims, not with the texts. With a cache, unchanged articles are not read.

use super::vocabulary::Vocabularies;
use super::{Extraction, Extractor, Found, Gathering};
use crate::article::{Article, Articles, Document};
use crate::cache::{self, Cache, Stat};
use crate::corpus;
use crate::ids::{ArticleId, Id};
use crate::report::Report;
use crate::rules::RulePack;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// How many files are read and extracted together: enough to keep every core busy,
/// few enough that a chunk's texts and results stay small.
const CHUNK: usize = 1024;

/// A corpus read and extracted.
pub struct Corpus {
    pub articles: Articles,
    pub extraction: Extraction,
    /// Problems with the input, in path order.
    pub problems: Vec<Report>,
}

/// Told, after each chunk, how many articles have been read and claims made.
pub trait Progress {
    fn advance(&self, articles: usize, claims: usize);
}

impl Progress for () {
    fn advance(&self, _: usize, _: usize) {}
}

/// What became of one file.
enum Outcome<T> {
    Read {
        article: Article,
        found: Found,
        problems: Vec<Report>,
        visited: T,
    },
    /// Taken from the cache, unchanged.
    Reused(Article),
    Skipped(Report),
}

/// Reads and extracts `files`, in order. `visit` sees each document while its text
/// is still there (e.g. to list claims with their text); what it returns is given
/// to `consume`, in article order. With a `cache`, articles unchanged since it was
/// written are taken from it (and not visited), and it is written again.
pub fn extract_files<T: Send>(
    files: &[PathBuf],
    pack: &RulePack,
    visit: &(dyn Fn(&Document, &Found) -> T + Sync),
    consume: &mut dyn FnMut(T),
    progress: &dyn Progress,
    mut cache: Option<&mut Cache>,
) -> Corpus {
    let started = cache::started();
    let mut plan = cache.as_deref_mut().map(|c| c.plan(files));
    let mut reused: Vec<Option<Article>> = match plan.as_mut() {
        Some(p) => p.files.iter_mut().map(|(a, _)| a.take()).collect(),
        None => Vec::new(),
    };
    let extractor = Extractor::new(pack);
    let vocabularies = Vocabularies::new();
    let mut gathering = Gathering::default();
    let mut articles = Articles::default();
    let mut recorded: Vec<Option<Stat>> = Vec::new();
    let mut problems = Vec::new();
    // Whether this run read an article the cache did not have as it is now.
    let mut news = false;
    // The article each file became, to number what the cache kept by article.
    let mut article_of: Vec<Option<ArticleId>> = Vec::with_capacity(files.len());
    std::thread::scope(|scope| {
        let (chunks, received) = mpsc::sync_channel::<Vec<Outcome<T>>>(1);
        let (extractor, vocabularies) = (&extractor, &vocabularies);
        let reused = &mut reused;
        scope.spawn(move || {
            for (n, chunk) in files.chunks(CHUNK).enumerate() {
                let start = n * CHUNK;
                let taken: Vec<Option<Article>> = (start..start + chunk.len())
                    .map(|f| reused.get_mut(f).and_then(Option::take))
                    .collect();
                let outcomes = chunk
                    .par_iter()
                    .zip(taken)
                    .enumerate()
                    .map(|(i, (path, kept))| match kept {
                        Some(article) => Outcome::Reused(article),
                        None => read(start + i, path, extractor, vocabularies, visit),
                    })
                    .collect();
                if chunks.send(outcomes).is_err() {
                    return;
                }
            }
        });
        for outcomes in received {
            for outcome in outcomes {
                let file = article_of.len();
                let stat = plan.as_ref().and_then(|p| p.files[file].1);
                let article = match outcome {
                    Outcome::Read {
                        article,
                        found,
                        problems: own,
                        visited,
                    } => {
                        let id = articles.push(article);
                        // An article with problems to report is read every time.
                        let stat = stat.filter(|_| own.is_empty());
                        news |= stat.is_some();
                        recorded.push(stat);
                        problems.extend(own);
                        consume(visited);
                        gathering.add(id, found);
                        Some(id)
                    }
                    Outcome::Reused(article) => {
                        recorded.push(stat);
                        Some(articles.push(article))
                    }
                    Outcome::Skipped(problem) => {
                        problems.push(problem);
                        None
                    }
                };
                article_of.push(article);
            }
            progress.advance(articles.len(), gathering.claims());
        }
    });
    let mut vocabulary = vocabularies.into_vocabulary();
    if let Some(plan) = plan {
        vocabulary.merge(plan.vocabulary);
        if let Some(previous) = plan.previous {
            let renumber = cache::renumbering(&previous.file_of, &article_of);
            gathering = gathering.merge(previous.gathering, &renumber);
        }
        if let Some(cache) = cache
            && (news || plan.changed)
        {
            let mut by_article = vocabulary.clone();
            by_article.renumber(|file| {
                article_of
                    .get(file as usize)
                    .copied()
                    .flatten()
                    .map(|a| a.index() as u32)
            });
            let entries = articles.iter().cloned().zip(recorded).collect();
            // The cache only saves time: a run that cannot write it still checks.
            let _ = cache.save(plan.changes, started, entries, &gathering, &by_article);
        }
    }
    Corpus {
        articles,
        extraction: gathering.finish(&vocabulary),
        problems,
    }
}

/// Reads and extracts one file, the `file`th of the corpus.
fn read<T>(
    file: usize,
    path: &Path,
    extractor: &Extractor,
    vocabularies: &Vocabularies,
    visit: &(dyn Fn(&Document, &Found) -> T + Sync),
) -> Outcome<T> {
    let mut doc = match corpus::read(path) {
        Ok(doc) => doc,
        Err(problem) => return Outcome::Skipped(problem),
    };
    // The article's place is known only once the chunk is gathered; its claims
    // are numbered then.
    let found = extractor.extract(ArticleId::new(0), &mut doc);
    vocabularies.count(u32::try_from(file).unwrap_or(u32::MAX), doc.body());
    Outcome::Read {
        visited: visit(&doc, &found),
        problems: corpus::problems(&doc),
        article: doc.article(),
        found,
    }
}
