//! One rule's matches in one article turned into claims: templates filled,
//! tables applied, values parsed by the rule's type.

use super::article::Found;
use super::claim::{Attached, Claim, Dateless, Origin, Post, Reject, StatedCount, Subject};
use crate::article::{DateOrigin, Document};
use crate::date::{PartialDate, parse_weekday};
use crate::figure::Figure;
use crate::ids::{ArticleId, RuleId};
use crate::names;
use crate::rules::slots::{self, SlotType};
use crate::rules::template::Template;
use crate::rules::{Rule, RuleKind, RulePack, Table};
use crate::value::{Value, ValueError, ValueType, fold_text, set_of};
use regex::Captures;
use std::cell::OnceCell;
use std::ops::Range;

/// A slot's capture name, type, normalised value and where it is in the body.
type SlotValue<'r> = (&'r str, SlotType, String, Range<usize>);

/// What each of the rule's slots matched, normalised (capture name, type, value),
/// those of the match and those looked for in its sentence (the one nearest the
/// match); `None` when a slot matched something other than its type, or a slot
/// looked for is not in the sentence: no claim is made.
fn slot_values<'r>(
    rule: &'r Rule,
    pack: &RulePack,
    caps: &Captures,
    article: &Document,
    sentences: &OnceCell<Vec<usize>>,
) -> Option<Vec<SlotValue<'r>>> {
    if rule.slots.is_empty() && rule.near.is_empty() {
        return Some(Vec::new());
    }
    let body = article.body();
    let whole = caps.get(0).expect("group 0 always matches");
    let starts = sentences.get_or_init(|| crate::sentences::starts(body));
    let index = crate::sentences::index_of(starts, whole.start());
    let sentence = starts.get(index).copied().unwrap_or(0)
        ..starts.get(index + 1).copied().unwrap_or(body.len());
    let around = slots::Around {
        today: article.date(),
        declared: slots::Declared {
            subjects: &pack.subjects,
            offices: &pack.offices,
        },
        sentence: &body[sentence.clone()],
    };
    let mut values = Vec::with_capacity(rule.slots.len() + rule.near.len());
    for slot in &rule.slots {
        if let Some(m) = caps.name(&slot.capture) {
            let value = slots::normalise(slot.kind, m.as_str(), &around)?;
            values.push((slot.name.as_str(), slot.kind, value, m.range()));
        }
    }
    for (slot, regex) in &rule.near {
        let nearest = regex
            .find_iter(&body[sentence.clone()])
            .filter_map(|m| {
                let at = sentence.start + m.start()..sentence.start + m.end();
                let value = slots::normalise(slot.kind, m.as_str(), &around)?;
                Some((at.start.abs_diff(whole.start()), value, at))
            })
            .min_by_key(|(distance, _, _)| *distance)?;
        values.push((slot.name.as_str(), slot.kind, nearest.1, nearest.2));
    }
    Some(values)
}

/// Capture `name` of a match, or the repeat of the slot so named that took part.
fn capture<'h>(rule: &Rule, caps: &Captures<'h>, name: &str) -> Option<regex::Match<'h>> {
    caps.name(name).or_else(|| {
        rule.slots
            .iter()
            .filter(|s| s.is_repeat() && s.name == name)
            .find_map(|s| caps.name(&s.capture))
    })
}

/// How far into the body a dateline may start.
const DATELINE_WINDOW: usize = 400;

/// A rule applied to an article.
pub(super) struct Applied<'a> {
    pub id: RuleId,
    pub rule: &'a Rule,
    pub pack: &'a RulePack,
    pub article_id: ArticleId,
    pub article: &'a Document,
    /// Where the body's sentences start, found once the rule's slots need them.
    pub sentences: OnceCell<Vec<usize>>,
}

impl Applied<'_> {
    /// Every claim (and reject) the rule makes in the article.
    pub(super) fn run(&self, out: &mut Found) {
        for caps in self.rule.regex.captures_iter(self.article.body()) {
            self.claim(&caps, out);
        }
    }

    /// Turns one match into a claim (or a reject), applying the rule's tables.
    fn claim(&self, caps: &Captures, out: &mut Found) {
        let (rule, pack, article) = (self.rule, self.pack, self.article);
        let text = |name: &str| capture(rule, caps, name).map(|m| m.as_str());
        // A slot that matched something other than its type makes no claim.
        let Some(slots) = slot_values(rule, pack, caps, article, &self.sentences) else {
            return;
        };
        let slot = |name: &str| slots.iter().find(|(n, _, _, _)| *n == name);
        // Keys take a slot's normalised value; a value keeps a figure or a name as
        // written (findings show it), and takes a time resolved. A slot found in
        // the sentence, not the match, has no capture: its value stands for it.
        let lookup = |name: &str, raw: Option<&str>| match (rule.tables.get(name), slot(name), raw)
        {
            (Some(&t), _, Some(raw)) => Some(pack.tables[t].canonical(raw)),
            (_, Some((_, _, value, _)), _) => Some(value.clone()),
            (_, None, raw) => raw.map(fold_text),
        };
        let value_slot = |name: &str, raw: Option<&str>| match (slot(name), raw) {
            (
                Some((_, SlotType::Number | SlotType::Ordinal | SlotType::Person, _, _)),
                Some(raw),
            ) => Some(fold_text(raw)),
            _ => lookup(name, raw),
        };
        // A list's table applies to each item, once the list is split.
        let item_table: Option<&Table> = (rule.value_type == ValueType::List)
            .then(|| rule.value.sole_capture().and_then(|c| rule.tables.get(c)))
            .flatten()
            .map(|&t| &pack.tables[t]);
        let value_lookup = |name: &str, raw: Option<&str>| match item_table {
            Some(_) => raw.map(fold_text),
            None => value_slot(name, raw),
        };
        let Some(mut raw) = rule.value.render(&text, article, value_lookup) else {
            self.dateless(&rule.value, caps, out);
            return;
        };
        let Some(subject) = self.subject(caps, &text, &mut raw, &lookup) else {
            if let Some(key) = rule.kind.key() {
                self.dateless(&key.template, caps, out);
            }
            return;
        };
        let base = article.body_start;
        let whole = caps.get(0).expect("group 0 always matches");
        // Where a template's text is: its sole capture (or the slot found in the
        // sentence for it), else the whole match.
        let located = |template: &Template| {
            let at = template.sole_capture().and_then(|n| {
                capture(rule, caps, n)
                    .map(|m| m.range())
                    .or_else(|| slot(n).map(|(_, _, _, at)| at.clone()))
            });
            let at = at.unwrap_or(whole.range());
            base + at.start..base + at.end
        };
        let span = located(&rule.value);
        let weekday = caps
            .name("weekday")
            .filter(|_| rule.value_type == ValueType::Date)
            .and_then(|m| {
                parse_weekday(m.as_str())
                    .map(|d| Attached::Weekday(d, base + m.start()..base + m.end()))
            });
        let count = rule.count.as_ref().and_then(|count| {
            let written = count.template.render(&text, article, lookup)?;
            let at = located(&count.template);
            match Figure::parse(&written) {
                Ok(figure) => Some(Attached::Count(StatedCount {
                    figure,
                    raw: written,
                    span: at,
                })),
                Err(reason) => {
                    out.rejects.push(self.reject(written, at, reason.into()));
                    None
                }
            }
        });
        let value = Value::parse(rule.value_type, &raw).map(|v| match (v, item_table) {
            (Value::List(items), Some(table)) => {
                Value::List(set_of(items.iter().map(|i| table.canonical(i))))
            }
            (v, _) => v,
        });
        match value {
            Ok(value) => out.claims.push(Claim {
                article: self.article_id,
                origin: Origin::Rule(self.id),
                subject,
                value,
                raw,
                span,
                matched: base + whole.start()..base + whole.end(),
                time: None,
                attached: weekday.or(count),
            }),
            Err(reason) => out.rejects.push(self.reject(raw, span, reason)),
        }
    }

    /// What a match is about: the office its title names (its value, `raw`, then
    /// the holder's name without titles), or the fact its key names.
    fn subject<'h>(
        &self,
        caps: &Captures,
        text: &dyn Fn(&str) -> Option<&'h str>,
        raw: &mut String,
        lookup: &dyn Fn(&str, Option<&str>) -> Option<String>,
    ) -> Option<Subject> {
        let (pack, article) = (self.pack, self.article);
        // A former or shadow holder ("former Home Secretary", "ex-England coach")
        // does not hold the post now, whatever the rule claims.
        if caps.name("not_current").is_some() {
            return None;
        }
        match &self.rule.kind {
            RuleKind::Office {
                title,
                jurisdiction,
            } => {
                // A title word caught before the name ("Minister Mohsin Naqvi") is
                // not the name.
                *raw = names::strip_titles(raw)?.to_string();
                let title = title.render(text, article, lookup)?;
                let jurisdiction = jurisdiction
                    .as_ref()
                    .and_then(|j| j.render(text, article, lookup));
                pack.offices
                    .resolve(&title, jurisdiction.as_deref())
                    .map(Subject::Office)
            }
            RuleKind::Title { key } => Some(Subject::Title(Box::new(Post {
                key: key.template.render(text, article, lookup)?,
                person: lookup("person", text("person"))?,
                post: lookup("post", text("post"))?,
            }))),
            kind => match kind.key() {
                Some(key) => key
                    .template
                    .render(text, article, lookup)
                    .map(Subject::Fact),
                None => Some(Subject::Standalone),
            },
        }
    }

    /// Counts a match that made no claim, if that is for want of the article's
    /// date (a template that failed for another reason is not told apart).
    fn dateless(&self, template: &Template, caps: &Captures, out: &mut Found) {
        if !template.lacks_date(self.article) {
            return;
        }
        let whole = caps.get(0).expect("group 0 always matches");
        let base = self.article.body_start;
        match out.dateless.last_mut() {
            Some(last) if last.rule == self.id => last.matches += 1,
            _ => out.dateless.push(Dateless {
                rule: self.id,
                article: self.article_id,
                matches: 1,
                span: base + whole.start()..base + whole.end(),
            }),
        }
    }

    fn reject(&self, raw: String, span: Range<usize>, reason: ValueError) -> Reject {
        Reject {
            rule: self.id,
            article: self.article_id,
            raw,
            span,
            reason,
        }
    }
}

/// The date of the first dateline-rule match near the top of an undated article.
pub(super) fn dateline(
    article_id: ArticleId,
    article: &Document,
    pack: &RulePack,
) -> Option<(PartialDate, DateOrigin)> {
    if article.meta.date.is_some() {
        return None;
    }
    let body = article.body();
    pack.rules
        .enumerate()
        .filter(|(_, r)| r.is_dateline())
        .find_map(|(id, rule)| {
            let caps = rule.regex.captures(body)?;
            if caps.get(0)?.start() > DATELINE_WINDOW {
                return None;
            }
            let mut scratch = Found::default();
            let applied = Applied {
                id,
                rule,
                pack,
                article_id,
                article,
                sentences: OnceCell::new(),
            };
            applied.claim(&caps, &mut scratch);
            match scratch.claims.first()?.value {
                Value::Date(d) => Some((d, DateOrigin::Dateline)),
                _ => None,
            }
        })
}
