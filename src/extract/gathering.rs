//! An extraction being gathered, article by article, in article order; and the
//! gathering a cache kept from the last run, merged with what this run read again.

use super::naming::Runs;
use super::vocabulary::Vocabulary;
use super::{Extraction, Found};
use crate::ids::ArticleId;
use serde::{Deserialize, Serialize};

/// Everything the articles yielded, names not yet settled (that needs the whole
/// corpus's vocabulary).
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct Gathering {
    extraction: Extraction,
    runs: Runs,
}

impl Gathering {
    /// Adds what one article yielded, numbering it `id`; articles come in order.
    pub fn add(&mut self, id: ArticleId, mut found: Found) {
        found.number(id);
        let x = &mut self.extraction;
        x.claims.extend(found.claims);
        x.rejects.extend(found.rejects);
        x.entities.extend(found.entities);
        if !found.pronouns.is_empty() {
            x.pronouns.extend(found.pronouns);
            x.sentences.insert(id, found.sentences);
        }
        if found.undated {
            x.undated.push(id);
        }
        x.dateless.extend(found.dateless);
        if let Some(version) = found.version {
            x.versions.push((id, *version));
        }
        for (start, run) in found.runs {
            self.runs.add(id, start, run);
        }
        for (start, table) in found.moved {
            self.runs.moved(id, start, table);
        }
        for (start, ticker) in found.tickers {
            self.runs.ticker(id, start, ticker);
        }
    }

    /// Whether no article has been added.
    pub fn is_empty(&self) -> bool {
        let x = &self.extraction;
        x.claims.is_empty()
            && x.rejects.is_empty()
            && x.entities.is_empty()
            && x.pronouns.is_empty()
            && x.sentences.is_empty()
            && x.undated.is_empty()
            && x.dateless.is_empty()
            && x.versions.is_empty()
            && self.runs.is_empty()
    }

    /// How many claims have been gathered so far.
    pub fn claims(&self) -> usize {
        self.extraction.claims.len()
    }

    /// The extraction, names settled against the corpus's vocabulary.
    pub fn finish(self, vocabulary: &Vocabulary) -> Extraction {
        let mut extraction = self.extraction;
        (extraction.forms, extraction.names, extraction.tickers) = self.runs.names(vocabulary);
        extraction
    }

    /// This run's gathering of the articles it read, merged with a previous one
    /// whose articles `renumber` places in this run (or drops, for articles that
    /// changed or went). Both are in article order, and an article is in one of
    /// them only, so each list is merged in one pass.
    pub fn merge(
        self,
        previous: Gathering,
        renumber: &dyn Fn(ArticleId) -> Option<ArticleId>,
    ) -> Gathering {
        let (new, old) = (self.extraction, previous.extraction);
        let extraction = Extraction {
            claims: merged(new.claims, old.claims, renumber, |c| &mut c.article),
            rejects: merged(new.rejects, old.rejects, renumber, |r| &mut r.article),
            entities: merged(new.entities, old.entities, renumber, |m| &mut m.article),
            pronouns: merged(new.pronouns, old.pronouns, renumber, |p| &mut p.article),
            sentences: new
                .sentences
                .into_iter()
                .chain(
                    old.sentences
                        .into_iter()
                        .filter_map(|(a, s)| Some((renumber(a)?, s))),
                )
                .collect(),
            undated: merged(new.undated, old.undated, renumber, |a| a),
            dateless: merged(new.dateless, old.dateless, renumber, |d| &mut d.article),
            versions: merged(new.versions, old.versions, renumber, |(a, _)| a),
            names: Vec::new(),
            forms: Default::default(),
            tickers: Default::default(),
        };
        Gathering {
            extraction,
            runs: previous.runs.merge(self.runs, renumber),
        }
    }
}

/// Two lists in article order, the old one renumbered, as one in article order.
pub(super) fn merged<T>(
    new: Vec<T>,
    old: Vec<T>,
    renumber: &dyn Fn(ArticleId) -> Option<ArticleId>,
    article: impl Fn(&mut T) -> &mut ArticleId,
) -> Vec<T> {
    let mut out = Vec::with_capacity(new.len() + old.len());
    let mut old = old.into_iter().filter_map(|mut item| {
        let id = article(&mut item);
        *id = renumber(*id)?;
        Some(item)
    });
    let mut next_old = old.next();
    for mut item in new {
        let at = *article(&mut item);
        while let Some(mut o) = next_old.take() {
            if *article(&mut o) < at {
                out.push(o);
                next_old = old.next();
            } else {
                next_old = Some(o);
                break;
            }
        }
        out.push(item);
    }
    out.extend(next_old);
    out.extend(old);
    out
}
