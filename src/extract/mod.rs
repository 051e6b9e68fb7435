//! Extraction: every rule run over every article, once, in parallel. Produces the
//! claims, entity mentions and name mentions that all checks work from; checks never
//! look at article text again.

mod claim;
mod mentions;
mod rule;

pub use claim::{Attached, Claim, Origin, Reject, StatedCount, Subject};
pub use mentions::{EntityMention, NameMention, PronounMention};

use crate::article::{Article, Articles};
use crate::ids::{ArticleId, Id, IdVec, RuleId};
use crate::names;
use crate::rules::RulePack;
use crate::sentences;
use crate::time::{self, Interval, Stated};
use crate::value::Value;
use mentions::EntityFinder;
use rayon::prelude::*;
use rule::Applied;
use rustc_hash::FxHashSet;

/// All that extraction found.
#[derive(Debug, Default)]
pub struct Extraction {
    pub claims: Vec<Claim>,
    pub rejects: Vec<Reject>,
    pub entities: Vec<EntityMention>,
    pub names: Vec<NameMention>,
    pub pronouns: Vec<PronounMention>,
    /// Sentence start offsets, per article.
    pub sentences: IdVec<ArticleId, Vec<usize>>,
    /// Articles without a date.
    pub undated: Vec<ArticleId>,
}

/// Runs every rule over every article. Articles without a date may get one from a
/// dateline rule, which is why they are borrowed mutably.
pub fn extract(articles: &mut Articles, pack: &RulePack) -> Extraction {
    let finder = EntityFinder::new(pack);
    articles
        .as_mut_slice()
        .par_iter_mut()
        .enumerate()
        .for_each(|(i, article)| {
            if let Some(date) = rule::dateline(ArticleId::new(i), article, pack) {
                article.meta.date = Some(date);
            }
        });
    let articles = articles.as_slice();
    let candidates: Vec<Vec<names::Candidate>> = articles
        .par_iter()
        .map(|a| names::candidates(a.body()))
        .collect();
    let wanted = articles
        .par_iter()
        .zip(&candidates)
        .fold(FxHashSet::default, |mut words, (a, c)| {
            names::leading_words(a.body(), c, &mut words);
            words
        })
        .reduce(FxHashSet::default, union);
    let common = articles
        .par_iter()
        .fold(names::Vocabulary::default, |mut words, a| {
            names::lowercase_among(a.body(), &wanted, &mut words);
            words
        })
        .reduce(names::Vocabulary::default, union);
    let parts: Vec<Extraction> = articles
        .par_iter()
        .enumerate()
        .map(|(index, article)| {
            let id = ArticleId::new(index);
            let mut out = Extraction::default();
            for (rule_id, rule) in pack.rules.enumerate() {
                Applied {
                    id: rule_id,
                    rule,
                    pack,
                    article_id: id,
                    article,
                }
                .run(&mut out);
            }
            let sentences: Vec<usize> = sentences::starts(article.body())
                .into_iter()
                .map(|s| s + article.body_start)
                .collect();
            place_in_time(id, article, &sentences, &mut out);
            out.pronouns = mentions::pronouns(id, article);
            out.sentences.push(sentences);
            if article.date().is_none() {
                out.undated.push(id);
            }
            out.entities = finder.find(id, article);
            out.names = names::finish(
                article.body(),
                article.body_start,
                &candidates[index],
                &common,
            )
            .into_iter()
            .map(|f| NameMention {
                article: id,
                form: f.form,
                span: f.span,
            })
            .collect();
            out
        })
        .collect();
    let mut all = Extraction::default();
    for part in parts {
        all.claims.extend(part.claims);
        all.rejects.extend(part.rejects);
        all.entities.extend(part.entities);
        all.names.extend(part.names);
        all.pronouns.extend(part.pronouns);
        all.sentences.extend(part.sentences);
        all.undated.extend(part.undated);
    }
    all
}

/// Gives each claim of the article its time — the nearest time stated in its
/// sentence, else the article's date — and adds the stated times as claims.
fn place_in_time(id: ArticleId, article: &Article, sentences: &[usize], out: &mut Extraction) {
    let base = article.body_start;
    let stated: Vec<(usize, Stated)> = time::stated_times(article.body(), article.date())
        .into_iter()
        .map(|mut t| {
            t.span = base + t.span.start..base + t.span.end;
            (sentences::index_of(sentences, t.span.start), t)
        })
        .collect();
    let own = article.date().and_then(Interval::of);
    for claim in out.claims.iter_mut() {
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
        out.claims.push(Claim {
            article: id,
            origin: Origin::StatedTime,
            subject: Subject::Standalone,
            value: t
                .interval
                .as_partial()
                .map_or(Value::Period(t.interval), Value::Date),
            raw: article.text[t.span.clone()].to_string(),
            matched: t.span.clone(),
            span: t.span,
            time: Some(t.interval),
            attached: None,
        });
    }
}

/// Merges two sets, keeping the larger one's allocation.
fn union<T: Eq + std::hash::Hash>(a: FxHashSet<T>, b: FxHashSet<T>) -> FxHashSet<T> {
    let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    big.extend(small);
    big
}

/// The claims (and rejects) one rule makes on one article: what `corpus-lint test`
/// compares with a rule's examples.
pub fn rule_claims(id: RuleId, pack: &RulePack, article: &Article) -> Extraction {
    let mut out = Extraction::default();
    Applied {
        id,
        rule: &pack.rules[id],
        pack,
        article_id: ArticleId::new(0),
        article,
    }
    .run(&mut out);
    out
}
