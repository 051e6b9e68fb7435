//! Extraction: every rule run over every article, once, in parallel. Produces the
//! claims, entity mentions and name mentions that all checks work from; checks never
//! look at article text again.

use crate::article::{Article, DateOrigin};
use crate::date::parse_weekday;
use crate::figure::Figure;
use crate::names;
use crate::rules::schema::Pronouns;
use crate::rules::template::Template;
use crate::rules::{Rule, RulePack};
use crate::sentences;
use crate::time::{self, Interval, Stated};
use crate::value::{Value, ValueError, ValueType, fold_text, set_of};
use aho_corasick::{AhoCorasick, MatchKind};
use chrono::Weekday;
use rayon::prelude::*;
use regex::{Captures, Regex};
use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// Something an article asserts, as found by one rule (or, for times its sentences
/// state, by corpus-lint itself).
#[derive(Clone, Debug)]
pub struct Claim {
    /// Index into [`RulePack::rules`]; `None` for a stated time.
    pub rule: Option<usize>,
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
    /// For office claims, the office (index into the pack's offices); the key is
    /// its name and the value its holder.
    pub office: Option<usize>,
    /// When the claim holds: a time its sentence states, else its article's date.
    pub time: Option<Interval>,
    /// For a list, the count the text states for it (`four countries: …`).
    pub count: Option<StatedCount>,
}

/// A count stated for a list, as its rule's `count` template found it.
#[derive(Clone, Debug)]
pub struct StatedCount {
    pub figure: Figure,
    /// As written.
    pub raw: String,
    pub span: Range<usize>,
}

/// A rule matched text whose value does not parse as the rule's type.
#[derive(Clone, Debug)]
pub struct Reject {
    pub rule: usize,
    pub article: usize,
    pub raw: String,
    pub span: Range<usize>,
    pub reason: ValueError,
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

/// A gendered third-person pronoun (`his`, `her`), for `entity/pronoun`.
#[derive(Clone, Debug)]
pub struct PronounMention {
    pub article: usize,
    /// The pronoun as written.
    pub word: String,
    pub pronouns: Pronouns,
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
    pub pronouns: Vec<PronounMention>,
    /// Sentence start offsets, per article (index = article index).
    pub sentences: Vec<Vec<usize>>,
    /// Articles without a date.
    pub undated: Vec<usize>,
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
            let sentences: Vec<usize> = sentences::starts(article.body())
                .into_iter()
                .map(|s| s + article.body_start)
                .collect();
            place_in_time(index, article, &sentences, &mut out);
            find_pronouns(index, article, &mut out);
            out.sentences = vec![sentences];
            if article.date().is_none() {
                out.undated.push(index);
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
        all.pronouns.extend(part.pronouns);
        all.sentences.extend(part.sentences);
        all.undated.extend(part.undated);
    }
    all
}

/// Gives each claim of the article its time — the nearest time stated in its
/// sentence, else the article's date — and adds the stated times as claims.
fn place_in_time(index: usize, article: &Article, sentences: &[usize], out: &mut Extraction) {
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
            rule: None,
            article: index,
            key: None,
            value: t
                .interval
                .as_partial()
                .map_or(Value::Period(t.interval), Value::Date),
            raw: article.text[t.span.clone()].to_string(),
            matched: t.span.clone(),
            span: t.span,
            weekday: None,
            office: None,
            time: Some(t.interval),
            count: None,
        });
    }
}

static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?i:(?P<he>he|him|his|himself)|(?P<she>she|her|hers|herself))(?-u:\b)")
        .unwrap()
});

fn find_pronouns(index: usize, article: &Article, out: &mut Extraction) {
    let base = article.body_start;
    for c in PRONOUN.captures_iter(article.body()) {
        let m = c.get(0).expect("group 0 always matches");
        out.pronouns.push(PronounMention {
            article: index,
            word: m.as_str().to_string(),
            pronouns: if c.name("he").is_some() {
                Pronouns::He
            } else {
                Pronouns::She
            },
            span: base + m.start()..base + m.end(),
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
    // A list's table applies to each item, once the list is split.
    let item_table = (rule.value_type == ValueType::List)
        .then(|| rule.value.sole_capture().and_then(|c| rule.tables.get(c)))
        .flatten()
        .map(|&t| &pack.tables[t]);
    let value_lookup = |name: &str, raw: &str| match item_table {
        Some(_) => fold_text(raw),
        None => lookup(name, raw),
    };
    let Some(mut raw) = rule.value.render(caps, article, value_lookup) else {
        return;
    };
    let mut office = None;
    if rule.office.is_some() {
        // A former or shadow holder ("former Home Secretary", "shadow home secretary")
        // does not hold the office; a title word caught before the name ("Minister
        // Mohsin Naqvi") is not the name.
        if caps.name("not_current").is_some() {
            return;
        }
        match names::strip_titles(&raw) {
            Some(name) => raw = name.to_string(),
            None => return,
        }
    }
    let key = match (&rule.office, &rule.key) {
        (Some(title), _) => {
            let Some(title) = title.render(caps, article, lookup) else {
                return;
            };
            let jurisdiction = rule
                .jurisdiction
                .as_ref()
                .and_then(|j| j.render(caps, article, lookup));
            let Some(found) = pack.offices.resolve(&title, jurisdiction.as_deref()) else {
                return;
            };
            office = Some(found);
            Some(pack.offices.offices[found].name.clone())
        }
        (None, Some(t)) => match t.render(caps, article, lookup) {
            Some(k) => Some(k),
            None => return,
        },
        (None, None) => None,
    };
    let whole = caps.get(0).expect("group 0 always matches");
    // Where a template's text is: its sole capture, else the whole match.
    let located = |template: &Template| {
        let m = template
            .sole_capture()
            .and_then(|n| caps.name(n))
            .unwrap_or(whole);
        base + m.start()..base + m.end()
    };
    let span = located(&rule.value);
    let weekday = caps
        .name("weekday")
        .filter(|_| rule.value_type == ValueType::Date)
        .and_then(|m| parse_weekday(m.as_str()).map(|d| (d, base + m.start()..base + m.end())));
    let mut count = None;
    if let Some(template) = &rule.count
        && let Some(written) = template.render(caps, article, lookup)
    {
        let at = located(template);
        match Figure::parse(&written) {
            Ok(figure) => {
                count = Some(StatedCount {
                    figure,
                    raw: written,
                    span: at,
                })
            }
            Err(reason) => out.rejects.push(Reject {
                rule: rule_index,
                article: index,
                raw: written,
                span: at,
                reason: reason.into(),
            }),
        }
    }
    let value = Value::parse(rule.value_type, &raw).map(|v| match (v, item_table) {
        (Value::List(items), Some(table)) => {
            Value::List(set_of(items.iter().map(|i| table.canonical(i))))
        }
        (v, _) => v,
    });
    match value {
        Ok(value) => out.claims.push(Claim {
            rule: Some(rule_index),
            article: index,
            key,
            value,
            raw,
            span,
            matched: base + whole.start()..base + whole.end(),
            weekday,
            office,
            time: None,
            count,
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
