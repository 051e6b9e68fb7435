//! Everything one article yields on its own: its claims, mentions and name
//! candidates. Nothing here depends on the rest of the corpus, so an article's
//! results can be computed in parallel, cached, or computed on another machine.

use super::claim::{Claim, Dateless, Origin, Reject, Subject};
use super::mentions::{self, EntityFinder, EntityMention, PronounMention};
use super::naming::Offsets;
use super::rule::{self, Applied};
use crate::article::Document;
use crate::ids::{ArticleId, Id};
use crate::names;
use crate::rules::RulePack;
use crate::rules::prefilter::Prefilter;
use crate::sentences;
use crate::time::{self, Interval, Stated};
use crate::value::Value;
use rustc_hash::FxHashSet;

/// What one article yields.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Found {
    pub claims: Vec<Claim>,
    pub rejects: Vec<Reject>,
    pub entities: Vec<EntityMention>,
    /// Runs of capitalised words that may hold a name, and where they start: which
    /// of their leading words are names depends on the whole corpus.
    pub runs: Vec<(usize, Box<str>)>,
    /// Gendered pronouns and sentence starts, kept only where a declared person
    /// with pronouns is named: nothing else uses them.
    pub pronouns: Vec<PronounMention>,
    pub sentences: Vec<usize>,
    pub undated: bool,
    /// Rules whose matches made no claim for want of the article's date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dateless: Vec<Dateless>,
    /// For runs whose text is not the file's bytes as they are (a name across a
    /// line break), where each offset of the run's text is in the file, as
    /// (start, end) pairs from the run's start: a name found in the run later is
    /// reported at its exact bytes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moved: Vec<(usize, Offsets)>,
    /// Stock tickers written right after a run (`Standard Oil Co <SRD>`), by the
    /// run's start: which company a name is, as wire copy says it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tickers: Vec<(usize, Box<str>)>,
    /// What the article keeps to be compared with its other versions, if it is
    /// long enough to be one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<Box<crate::versions::Version>>,
}

impl Found {
    /// Gives everything found the article's number in the corpus.
    pub fn number(&mut self, id: ArticleId) {
        self.claims.iter_mut().for_each(|c| c.article = id);
        self.rejects.iter_mut().for_each(|r| r.article = id);
        self.entities.iter_mut().for_each(|m| m.article = id);
        self.pronouns.iter_mut().for_each(|p| p.article = id);
        self.dateless.iter_mut().for_each(|d| d.article = id);
    }
}

/// What the extraction of one article needs besides the article.
pub struct Extractor<'a> {
    /// Whether to record what `version/divergent` needs: asked for, it costs
    /// about as much again as the rest.
    versions: bool,
    pub pack: &'a RulePack,
    entities: EntityFinder,
    prefilter: Prefilter,
    /// The words of declared names, lower-cased: a word a line-end hyphen splits
    /// is joined when it is one of them.
    known: FxHashSet<String>,
}

impl<'a> Extractor<'a> {
    /// An extractor of `pack`'s claims, and of version records if `versions`.
    pub fn new(pack: &'a RulePack, versions: bool) -> Extractor<'a> {
        Extractor {
            pack,
            versions,
            entities: EntityFinder::new(pack),
            prefilter: Prefilter::new(&pack.rules, &time::starts()),
            known: super::viewed::known_words(pack),
        }
    }

    /// Dates the document from a dateline rule if it has no date, then extracts
    /// from its body as [`View`](crate::view::View) shows it, reporting what it
    /// finds at the file's own bytes.
    pub fn extract(&self, id: ArticleId, doc: &mut Document) -> Found {
        if let Some(date) = rule::dateline(id, doc, self.pack) {
            doc.meta.date = Some(date);
        }
        super::viewed::through_view(doc, &self.known, |doc| self.extract_view(id, doc))
    }

    /// Extracts from `doc` as it is.
    fn extract_view(&self, id: ArticleId, doc: &Document) -> Found {
        let mut found = Found::default();
        let scan = self.prefilter.scan(doc.body());
        for (rule_id, rule) in self.pack.rules.enumerate() {
            if !scan.wanted[rule_id.index()] {
                continue;
            }
            Applied {
                id: rule_id,
                rule,
                pack: self.pack,
                article_id: id,
                article: doc,
                sentences: std::cell::OnceCell::new(),
            }
            .run(&mut found);
        }
        found.entities = self.entities.find(id, doc);
        let has_pronouns = found
            .entities
            .iter()
            .any(|m| !m.wrong && self.pack.entities[m.entity].pronouns.is_some());
        // Sentences tie a stated time to the claims of its sentence, and a pronoun
        // to the person named before it; most articles need neither.
        let stated = stated_times(doc, &scan.extra);
        let sentences: Vec<usize> =
            if has_pronouns || (!found.claims.is_empty() && !stated.is_empty()) {
                sentences::starts(doc.body())
                    .into_iter()
                    .map(|s| s + doc.body_start)
                    .collect()
            } else {
                Vec::new()
            };
        place_in_time(id, doc, stated, &sentences, &mut found);
        if has_pronouns {
            found.pronouns = mentions::pronouns(id, doc);
            found.sentences = sentences;
        }
        found.undated = doc.date().is_none();
        let body = doc.body();
        if self.versions {
            found.version = crate::versions::Version::of(body, doc.body_start).map(Box::new);
        }
        let candidates = names::candidates(body);
        // An age holds at the article's date, whatever time its sentence states;
        // one given with a surname takes the full name among the candidates.
        found.claims.extend(super::ages::ages(id, doc, &candidates));
        // So does a conversion: the rate it states is the day's, not the event's.
        found
            .claims
            .extend(super::conversions::conversions(id, doc));
        found.tickers = candidates
            .iter()
            .filter_map(|c| {
                Some((
                    doc.body_start + c.start,
                    names::ticker_after(&body[c.end..])?.into(),
                ))
            })
            .collect();
        found.runs = candidates
            .into_iter()
            .map(|c| (doc.body_start + c.start, Box::from(&body[c])))
            .collect();
        found
    }
}

/// The times the document's sentences state, at their places in its text, given
/// where time expressions may begin in the body.
fn stated_times(doc: &Document, starts: &[usize]) -> Vec<Stated> {
    let base = doc.body_start;
    time::stated_times_at(doc.body(), doc.date(), starts)
        .into_iter()
        .map(|mut t| {
            t.span = base + t.span.start..base + t.span.end;
            t
        })
        .collect()
}

/// Gives each claim of the article its time — the nearest time stated in its
/// sentence, else the article's date — and adds the stated times as claims.
fn place_in_time(
    id: ArticleId,
    doc: &Document,
    stated: Vec<Stated>,
    sentences: &[usize],
    found: &mut Found,
) {
    let stated: Vec<(usize, Stated)> = stated
        .into_iter()
        .map(|t| (sentences::index_of(sentences, t.span.start), t))
        .collect();
    let own = doc.date().and_then(Interval::of);
    for claim in found.claims.iter_mut() {
        let sentence = sentences::index_of(sentences, claim.span.start);
        let distance = |t: &Stated| t.span.start.abs_diff(claim.span.start);
        claim.time = stated
            .iter()
            .filter(|(s, _)| *s == sentence)
            .min_by_key(|(_, t)| distance(t))
            .map(|(_, t)| t.interval)
            .or(own);
    }
    for (_, t) in stated {
        found.claims.push(Claim {
            article: id,
            origin: Origin::StatedTime,
            subject: Subject::Standalone,
            value: t
                .interval
                .as_partial()
                .map_or(Value::Period(t.interval), Value::Date),
            raw: doc.text[t.span.clone()].to_string(),
            matched: t.span.clone(),
            span: t.span,
            time: Some(t.interval),
            attached: None,
        });
    }
}
