//! The corpus read and extracted as a stream: files are taken in chunks, each chunk
//! read and extracted in parallel while the previous one is gathered, and every
//! text is dropped once its article has yielded its claims. Memory grows with the
//! claims, not with the texts. With a cache, unchanged articles are not read.

use super::vocabulary::{Vocabularies, Vocabulary};
use super::{Extraction, Extractor, Found, Gathering};
use crate::article::{Article, Articles, Document};
use crate::cache::{self, Cache, Plan, Saving, Stat};
use crate::corpus::{self, Input};
use crate::ids::{ArticleId, Id};
use crate::report::Report;
use rayon::prelude::*;
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
    /// The corpus's lower-case vocabulary, which names were settled against.
    pub vocabulary: Vocabulary,
    /// The cache for the next run, being written.
    pub saving: Option<Saving>,
}

/// Told, after each chunk, how many articles have been read and claims made.
pub trait Progress {
    fn advance(&self, articles: usize, claims: usize);
}

impl Progress for () {
    fn advance(&self, _: usize, _: usize) {}
}

/// What became of one file.
// Nearly every outcome is the large variant: boxing it would add an allocation per
// article and save nothing.
#[allow(clippy::large_enum_variant)]
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

/// What has been gathered so far, in article order.
#[derive(Default)]
struct Gathered {
    gathering: Gathering,
    articles: Articles,
    /// Each article's file size and time, for the next cache (`None`: read again).
    recorded: Vec<Option<Stat>>,
    problems: Vec<Report>,
    /// How many articles were read that the cache did not have as they are now.
    news: usize,
    /// The article each file became, to number what the cache kept by article.
    article_of: Vec<Option<ArticleId>>,
}

impl Gathered {
    /// Takes what became of the next file, whose size and time are `stat`.
    fn take<T>(&mut self, outcome: Outcome<T>, stat: Option<Stat>, consume: &mut dyn FnMut(T)) {
        let article = match outcome {
            Outcome::Read {
                article,
                found,
                problems,
                visited,
            } => {
                let id = self.articles.push(article);
                // An article with problems to report is read every time.
                let stat = stat.filter(|_| problems.is_empty());
                self.news += usize::from(stat.is_some());
                self.recorded.push(stat);
                self.problems.extend(problems);
                consume(visited);
                self.gathering.add(id, found);
                Some(id)
            }
            Outcome::Reused(article) => {
                self.recorded.push(stat);
                Some(self.articles.push(article))
            }
            Outcome::Skipped(problem) => {
                self.problems.push(problem);
                None
            }
        };
        self.article_of.push(article);
    }

    /// Merges in what the cache kept and, when worth it, writes the next cache in
    /// the background; returns the writing.
    fn settle(
        &mut self,
        vocabulary: &mut Vocabulary,
        plan: Plan,
        cache: &Cache,
        started: (u64, u32),
    ) -> Option<Saving> {
        vocabulary.merge(plan.vocabulary);
        let previous_missing = plan.previous.is_none();
        if let Some(previous) = plan.previous {
            let renumber = cache::renumbering(&previous.file_of, &self.article_of);
            // Nothing read and every article where it was: what the cache kept is
            // this run's gathering as it is.
            let same = self.gathering.is_empty()
                && (0..previous.file_of.len())
                    .all(|i| renumber(ArticleId::new(i)) == Some(ArticleId::new(i)));
            self.gathering = if same {
                previous.gathering
            } else {
                std::mem::take(&mut self.gathering).merge(previous.gathering, &renumber)
            };
        }
        // Rewriting the whole file to record a few changed articles costs more
        // than reading them again next time, until they are more than 1 in 100.
        let stale = self.news + plan.gone;
        if !previous_missing && stale * 100 <= self.articles.len() {
            return None;
        }
        let mut by_article = vocabulary.clone();
        let article_of = &self.article_of;
        by_article.renumber(|file| {
            article_of
                .get(file as usize)
                .copied()
                .flatten()
                .map(|a| a.index() as u32)
        });
        let entries = self
            .articles
            .iter()
            .cloned()
            .zip(std::mem::take(&mut self.recorded))
            .collect();
        let (saver, kept, changes) = (cache.saver(), self.gathering.clone(), plan.changes);
        Some(Saving::start(move || {
            saver.save(changes, started, entries, &kept, &by_article)
        }))
    }
}

/// Reads and extracts `files` (whose sizes and times are `stats`, if known), in
/// order. `visit` sees each document while its text is still there (e.g. to list
/// claims with their text); what it returns is given to `consume`, in article
/// order. With a `cache`, articles unchanged since it was written are taken from
/// it (and not visited), and it is written again when enough has changed.
pub fn extract_files<T: Send>(
    files: &[Input],
    stats: Vec<Option<Stat>>,
    extractor: &Extractor,
    visit: &(dyn Fn(&Document, &Found) -> T + Sync),
    consume: &mut dyn FnMut(T),
    progress: &dyn Progress,
    mut cache: Option<&mut Cache>,
) -> Corpus {
    let started = cache::started();
    let mut plan = cache.as_deref_mut().map(|c| c.plan(files, stats));
    let mut reused: Vec<Option<Article>> = match plan.as_mut() {
        Some(p) => p.files.iter_mut().map(|(a, _)| a.take()).collect(),
        None => Vec::new(),
    };
    let vocabularies = Vocabularies::new();
    let mut gathered = Gathered::default();
    std::thread::scope(|scope| {
        let (chunks, received) = mpsc::sync_channel::<Vec<Outcome<T>>>(1);
        let vocabularies = &vocabularies;
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
                    .map(|(i, (input, kept))| match kept {
                        Some(article) => Outcome::Reused(article),
                        None => read(start + i, input, extractor, vocabularies, visit),
                    })
                    .collect();
                if chunks.send(outcomes).is_err() {
                    return;
                }
            }
        });
        for outcomes in received {
            for outcome in outcomes {
                let stat = plan
                    .as_ref()
                    .and_then(|p| p.files[gathered.article_of.len()].1);
                gathered.take(outcome, stat, consume);
            }
            progress.advance(gathered.articles.len(), gathered.gathering.claims());
        }
    });
    let mut vocabulary = vocabularies.into_vocabulary();
    let saving = plan
        .zip(cache)
        .and_then(|(plan, cache)| gathered.settle(&mut vocabulary, plan, cache, started));
    Corpus {
        articles: gathered.articles,
        extraction: gathered.gathering.finish(&vocabulary),
        problems: gathered.problems,
        vocabulary,
        saving,
    }
}

/// Reads and extracts one article, the `file`th of the corpus.
fn read<T>(
    file: usize,
    input: &Input,
    extractor: &Extractor,
    vocabularies: &Vocabularies,
    visit: &(dyn Fn(&Document, &Found) -> T + Sync),
) -> Outcome<T> {
    let mut doc = match corpus::read(input) {
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
