//! Names across the corpus. A run of capitalised words is a name once the leading
//! words the corpus writes in lower case (`Interior`, `Speaking`) are removed, so
//! names are settled after every article has been read: runs are kept, interned,
//! until the corpus's lower-case vocabulary is complete.

use super::mentions::NameMention;
use super::vocabulary::Vocabulary;
use crate::ids::{ArticleId, FormId, Id, IdVec, RunId};
use crate::names;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Where each offset of a run's text is in the file, as (start, end) pairs from the
/// run's start: kept for the few runs whose text is not the file's bytes as they
/// are (a name across a line break).
pub type Offsets = Box<[(u32, u32)]>;

/// Names settled: the distinct forms, every mention, and the tickers by form.
pub type Settled = (
    IdVec<FormId, Box<str>>,
    Vec<NameMention>,
    FxHashMap<FormId, Vec<Box<str>>>,
);

/// Name candidates of the whole corpus, each distinct run stored once.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Runs {
    /// Runs by the hash of their text.
    index: FxHashMap<u64, RunId>,
    runs: IdVec<RunId, Box<str>>,
    /// Every candidate: its article, its run and where the run starts.
    found: Vec<(ArticleId, RunId, usize)>,
    /// The few candidates whose text is not the file's bytes as they are (a run
    /// across a line break): by article and start, where each offset of the run's
    /// text is in the file (see `Found::moved`).
    #[serde(default)]
    moved: Vec<(ArticleId, usize, Offsets)>,
    /// Stock tickers written right after runs, by article and run start.
    #[serde(default)]
    tickers: Vec<(ArticleId, usize, Box<str>)>,
}

impl Runs {
    /// Whether no candidate has been added.
    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    pub fn add(&mut self, article: ArticleId, start: usize, run: Box<str>) {
        let id = self.intern(run);
        self.found.push((article, id, start));
    }

    /// Where the text of the run found at `start` in `article` is in the file.
    pub fn moved(&mut self, article: ArticleId, start: usize, table: Offsets) {
        self.moved.push((article, start, table));
    }

    /// The tickers written right after a name, by the name's form: a ticker names
    /// the company only if the name runs up to it.
    fn tickers_by_form(
        &self,
        settled: &IdVec<RunId, Option<(FormId, std::ops::Range<usize>)>>,
    ) -> FxHashMap<FormId, Vec<Box<str>>> {
        let mut tickers: FxHashMap<FormId, Vec<Box<str>>> = FxHashMap::default();
        if self.tickers.is_empty() {
            return tickers;
        }
        let ticker_at: FxHashMap<(ArticleId, usize), &str> = self
            .tickers
            .iter()
            .map(|(a, start, ticker)| ((*a, *start), &**ticker))
            .collect();
        for &(article, run, start) in &self.found {
            let (Some(ticker), Some((form, at))) =
                (ticker_at.get(&(article, start)), &settled[run])
            else {
                continue;
            };
            if at.end == self.runs[run].len() {
                let known = tickers.entry(*form).or_default();
                if !known.iter().any(|t| **t == **ticker) {
                    known.push((*ticker).into());
                    known.sort_unstable();
                }
            }
        }
        tickers
    }

    /// The ticker written after the run found at `start` in `article`.
    pub fn ticker(&mut self, article: ArticleId, start: usize, ticker: Box<str>) {
        self.tickers.push((article, start, ticker));
    }

    /// The run's id, the run stored if it is new.
    fn intern(&mut self, run: Box<str>) -> RunId {
        let hash = xxhash_rust::xxh3::xxh3_64(run.as_bytes());
        match self.index.get(&hash) {
            Some(&id) if self.runs[id] == run => id,
            // Another run with the same hash: stored again, unindexed, which
            // settles it the same way.
            Some(_) => self.runs.push(run),
            None => {
                let id = self.runs.push(run);
                self.index.insert(hash, id);
                id
            }
        }
    }

    /// Runs of a previous gathering (renumbered; those of articles `renumber` drops
    /// are dropped) merged with `fresh`, whose distinct runs join this table.
    pub fn merge(mut self, fresh: Runs, renumber: &dyn Fn(ArticleId) -> Option<ArticleId>) -> Runs {
        let in_this: Vec<RunId> = fresh.runs.into_iter().map(|run| self.intern(run)).collect();
        let fresh_found = fresh
            .found
            .into_iter()
            .map(|(a, run, start)| (a, in_this[run.index()], start))
            .collect();
        let old = std::mem::take(&mut self.found);
        self.found = super::gathering::merged(fresh_found, old, renumber, |f| &mut f.0);
        let old = std::mem::take(&mut self.moved);
        self.moved = old
            .into_iter()
            .filter_map(|(a, start, table)| Some((renumber(a)?, start, table)))
            .chain(fresh.moved)
            .collect();
        let old = std::mem::take(&mut self.tickers);
        self.tickers = old
            .into_iter()
            .filter_map(|(a, start, ticker)| Some((renumber(a)?, start, ticker)))
            .chain(fresh.tickers)
            .collect();
        self
    }

    /// The names among the runs, given the corpus's vocabulary: each distinct run is
    /// settled once, then every candidate takes its run's name; and the tickers
    /// written right after a name, by its form.
    pub fn names(self, vocabulary: &Vocabulary) -> Settled {
        let mut forms: IdVec<FormId, Box<str>> = IdVec::default();
        let mut form_ids: FxHashMap<String, FormId> = FxHashMap::default();
        let settled: IdVec<RunId, Option<(FormId, std::ops::Range<usize>)>> = self
            .runs
            .iter()
            .map(|run| {
                let (form, at) = names::name_in(run, |w| vocabulary.contains(w))?;
                let id = *form_ids
                    .entry(form)
                    .or_insert_with_key(|f| forms.push(f.as_str().into()));
                Some((id, at))
            })
            .collect();
        let moved: FxHashMap<(ArticleId, usize), &[(u32, u32)]> = self
            .moved
            .iter()
            .map(|(a, start, table)| ((*a, *start), &**table))
            .collect();
        let tickers = self.tickers_by_form(&settled);
        // The corpus's every candidate, most of a warm run's work here: on all cores.
        let mentions = self
            .found
            .into_par_iter()
            .filter_map(|(article, run, start)| {
                let (form, at) = settled[run].clone()?;
                let span = match moved.get(&(article, start)) {
                    Some(table) => {
                        let (from, _) = table.get(at.start)?;
                        let (_, to) = table.get(at.end)?;
                        start + *from as usize..start + *to as usize
                    }
                    None => start + at.start..start + at.end,
                };
                Some(NameMention {
                    article,
                    form,
                    span,
                })
            })
            .collect();
        (forms, mentions, tickers)
    }
}
