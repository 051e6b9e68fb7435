//! Extraction: every rule run over every article, once, in parallel. Produces the
//! claims, entity mentions and name mentions that all checks work from; checks never
//! look at article text again.

use crate::article::{Article, DateOrigin};
use crate::date::parse_weekday;
use crate::names;
use crate::rules::{Rule, RulePack};
use crate::value::{Value, ValueType, fold_text};
use aho_corasick::{AhoCorasick, MatchKind};
use chrono::Weekday;
use rayon::prelude::*;
use regex::Captures;
use rustc_hash::FxHashSet;
use std::ops::Range;

/// Something an article asserts, as found by one rule.
#[derive(Clone, Debug)]
pub struct Claim {
    /// Index into [`RulePack::rules`].
    pub rule: usize,
    /// Index into the corpus's articles.
    pub article: usize,
    /// What the claim is about; `None` for claims that are not compared across articles.
    pub key: Option<String>,
    pub value: Value,
    /// The value as written.
    pub raw: String,
    pub span: Range<usize>,
    /// Everything the rule's pattern matched.
    pub matched: Range<usize>,
    /// A weekday stated with a date value (`Thursday, 31 May 2024`), and where.
    pub weekday: Option<(Weekday, Range<usize>)>,
}

/// A rule matched text whose value does not parse as the rule's type.
#[derive(Clone, Debug)]
pub struct Reject {
    pub rule: usize,
    pub article: usize,
    pub raw: String,
    pub span: Range<usize>,
    pub reason: String,
}

/// A mention of a declared entity under one of its forms.
#[derive(Clone, Debug)]
pub struct EntityMention {
    pub entity: usize,
    pub article: usize,
    pub form: String,
    pub wrong: bool,
    pub span: Range<usize>,
}

/// A person-name candidate found without rules.
#[derive(Clone, Debug)]
pub struct NameMention {
    pub article: usize,
    pub form: String,
    pub span: Range<usize>,
}

/// All that extraction found.
#[derive(Debug, Default)]
pub struct Extraction {
    pub claims: Vec<Claim>,
    pub rejects: Vec<Reject>,
    pub entities: Vec<EntityMention>,
    pub names: Vec<NameMention>,
}

/// How far into the body a dateline may start.
const DATELINE_WINDOW: usize = 400;

/// Runs every rule over every article. Articles without a date may get one from a
/// dateline rule, which is why they are borrowed mutably.
pub fn extract(articles: &mut [Article], pack: &RulePack) -> Extraction {
    let forms = entity_forms(pack);
    let matcher = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(forms.iter().map(|f| f.text.as_str()))
        .expect("entity names are plain strings");
    articles
        .par_iter_mut()
        .for_each(|article| apply_dateline(article, pack));
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
            let mut out = Extraction::default();
            for (rule_index, rule) in pack.rules.iter().enumerate() {
                run_rule(rule_index, rule, index, article, pack, &mut out);
            }
            find_entities(index, article, &matcher, &forms, &mut out);
            out.names = names::finish(
                article.body(),
                article.body_start,
                &candidates[index],
                &common,
            )
            .into_iter()
            .map(|f| NameMention {
                article: index,
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
    }
    all
}

/// Merges two sets, keeping the larger one's allocation.
fn union<T: Eq + std::hash::Hash>(a: FxHashSet<T>, b: FxHashSet<T>) -> FxHashSet<T> {
    let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    big.extend(small);
    big
}

/// The claims (and rejects) one rule makes on one article: what `corpus-lint test`
/// compares with a rule's examples.
pub fn rule_claims(rule_index: usize, pack: &RulePack, article: &Article) -> Extraction {
    let mut out = Extraction::default();
    run_rule(
        rule_index,
        &pack.rules[rule_index],
        0,
        article,
        pack,
        &mut out,
    );
    out
}

/// Gives an undated article the date of the first dateline-rule match near its top.
fn apply_dateline(article: &mut Article, pack: &RulePack) {
    if article.meta.date.is_some() {
        return;
    }
    let body = article.body();
    let found = pack
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| r.dateline)
        .find_map(|(i, rule)| {
            let caps = rule.regex.captures(body)?;
            if caps.get(0)?.start() > DATELINE_WINDOW {
                return None;
            }
            let mut scratch = Extraction::default();
            claim_from(i, rule, 0, article, pack, &caps, &mut scratch);
            match scratch.claims.first()?.value {
                Value::Date(d) => Some(d),
                _ => None,
            }
        });
    if let Some(d) = found {
        article.meta.date = Some((d, DateOrigin::Dateline));
    }
}

fn run_rule(
    rule_index: usize,
    rule: &Rule,
    index: usize,
    article: &Article,
    pack: &RulePack,
    out: &mut Extraction,
) {
    for caps in rule.regex.captures_iter(article.body()) {
        claim_from(rule_index, rule, index, article, pack, &caps, out);
    }
}

/// Turns one match into a claim (or a reject), applying the rule's tables.
fn claim_from(
    rule_index: usize,
    rule: &Rule,
    index: usize,
    article: &Article,
    pack: &RulePack,
    caps: &Captures,
    out: &mut Extraction,
) {
    let base = article.body_start;
    let lookup = |name: &str, raw: &str| match rule.tables.get(name) {
        Some(&t) => pack.tables[t].canonical(raw),
        None => fold_text(raw),
    };
    let Some(raw) = rule.value.render(caps, article, lookup) else {
        return;
    };
    let key = match &rule.key {
        Some(t) => match t.render(caps, article, lookup) {
            Some(k) => Some(k),
            None => return,
        },
        None => None,
    };
    let whole = caps.get(0).expect("group 0 always matches");
    let span = rule
        .value
        .sole_capture()
        .and_then(|n| caps.name(n))
        .unwrap_or(whole)
        .range();
    let span = base + span.start..base + span.end;
    let weekday = caps
        .name("weekday")
        .filter(|_| rule.value_type == ValueType::Date)
        .and_then(|m| parse_weekday(m.as_str()).map(|d| (d, base + m.start()..base + m.end())));
    match Value::parse(rule.value_type, &raw) {
        Ok(value) => out.claims.push(Claim {
            rule: rule_index,
            article: index,
            key,
            value,
            raw,
            span,
            matched: base + whole.start()..base + whole.end(),
            weekday,
        }),
        Err(reason) => out.rejects.push(Reject {
            rule: rule_index,
            article: index,
            raw,
            span,
            reason,
        }),
    }
}

/// One searchable form of a declared entity.
struct Form {
    text: String,
    entity: usize,
    wrong: bool,
}

fn entity_forms(pack: &RulePack) -> Vec<Form> {
    let mut forms = Vec::new();
    for (i, e) in pack.entities.iter().enumerate() {
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            forms.push(Form {
                text: name.clone(),
                entity: i,
                wrong: false,
            });
        }
        for name in &e.wrong {
            forms.push(Form {
                text: name.clone(),
                entity: i,
                wrong: true,
            });
        }
    }
    forms
}

fn find_entities(
    index: usize,
    article: &Article,
    matcher: &AhoCorasick,
    forms: &[Form],
    out: &mut Extraction,
) {
    let body = article.body();
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    for m in matcher.find_iter(body) {
        if is_word(body[..m.start()].chars().next_back()) || is_word(body[m.end()..].chars().next())
        {
            continue;
        }
        let form = &forms[m.pattern().as_usize()];
        out.entities.push(EntityMention {
            entity: form.entity,
            article: index,
            form: form.text.clone(),
            wrong: form.wrong,
            span: article.body_start + m.start()..article.body_start + m.end(),
        });
    }
}
