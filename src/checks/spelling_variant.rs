#![doc = include_str!("spelling_variant.md")]

use super::{Check, Edit, Finding, Location, plural};
use crate::extract::{Extraction, NameMention};
use crate::names;
use crate::report::Severity;
use crate::rules::RulePack;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

/// Occurrences as (article, span).
type Spans = Vec<(usize, Range<usize>)>;

pub struct SpellingVariant;

/// How many other articles a finding shows as evidence.
const EVIDENCE_ARTICLES: usize = 3;

impl Check for SpellingVariant {
    fn code(&self) -> &'static str {
        "spelling/variant"
    }

    fn summary(&self) -> &'static str {
        "a name spelled differently from the form the corpus (or the entities file) uses"
    }

    fn explanation(&self) -> &'static str {
        include_str!("spelling_variant.md")
    }

    fn run(&self, extraction: &Extraction, pack: &RulePack) -> Vec<Finding> {
        let mut findings = declared(extraction, pack);
        findings.extend(discovered(extraction, pack));
        findings
    }
}

/// Where one spelling occurs.
#[derive(Default)]
struct Usage {
    spans: Spans,
    articles: BTreeSet<usize>,
}

impl Usage {
    fn add(&mut self, article: usize, span: Range<usize>) {
        self.spans.push((article, span));
        self.articles.insert(article);
    }

    fn evidence(&self, form: &str) -> String {
        format!(
            "{} in {} use{} `{form}`",
            plural(self.spans.len(), "mention"),
            plural(self.articles.len(), "article"),
            if self.spans.len() == 1 { "s" } else { "" }
        )
    }

    /// First occurrence in `article`, and in up to [`EVIDENCE_ARTICLES`] others.
    fn evidence_locations(&self, article: usize, form: &str) -> Vec<Location> {
        let mut seen = BTreeSet::new();
        let mut out: Vec<Location> = self
            .spans
            .iter()
            .filter(|(a, _)| seen.insert(*a))
            .filter(|(a, _)| *a != article)
            .take(EVIDENCE_ARTICLES)
            .map(|(a, span)| Location {
                article: *a,
                span: span.clone(),
                label: format!("spelled `{form}` here"),
                primary: false,
            })
            .collect();
        if let Some((a, span)) = self.spans.iter().find(|(a, _)| *a == article) {
            out.insert(
                0,
                Location {
                    article: *a,
                    span: span.clone(),
                    label: format!("spelled `{form}` here"),
                    primary: false,
                },
            );
        }
        out
    }
}

/// Builds the finding for `wrong` spans of a form in one article.
fn variant_finding(
    severity: Severity,
    message: String,
    help: String,
    wrong: &[(usize, Range<usize>)],
    right_form: &str,
    right: &Usage,
) -> Finding {
    let article = wrong[0].0;
    let mut locations: Vec<Location> = wrong
        .iter()
        .map(|(a, span)| Location {
            article: *a,
            span: span.clone(),
            label: "this spelling".into(),
            primary: true,
        })
        .collect();
    locations.extend(right.evidence_locations(article, right_form));
    Finding {
        code: "spelling/variant",
        severity,
        message,
        help,
        locations,
        fix: wrong
            .iter()
            .map(|(a, span)| Edit {
                article: *a,
                span: span.clone(),
                replacement: right_form.to_string(),
            })
            .collect(),
    }
}

fn declared(extraction: &Extraction, pack: &RulePack) -> Vec<Finding> {
    let mut right: HashMap<usize, Usage> = HashMap::new();
    let mut wrong: HashMap<(usize, usize, &str), Spans> = HashMap::new();
    for m in &extraction.entities {
        if m.wrong {
            wrong
                .entry((m.article, m.entity, m.form.as_str()))
                .or_default()
                .push((m.article, m.span.clone()));
        } else if m.form == pack.entities[m.entity].name {
            right
                .entry(m.entity)
                .or_default()
                .add(m.article, m.span.clone());
        }
    }
    let empty = Usage::default();
    wrong
        .into_iter()
        .map(|((_, entity, form), spans)| {
            let name = &pack.entities[entity].name;
            let usage = right.get(&entity).unwrap_or(&empty);
            let help = if usage.spans.is_empty() {
                format!("write `{name}`, the spelling declared in the entities file")
            } else {
                format!("write `{name}`: {}", usage.evidence(name))
            };
            variant_finding(
                Severity::Error,
                format!("`{form}` is a known misspelling of `{name}`"),
                help,
                &spans,
                name,
                usage,
            )
        })
        .collect()
}

/// Minimal union-find over form indices.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn discovered<'a>(extraction: &'a Extraction, pack: &RulePack) -> Vec<Finding> {
    let declared_forms: HashMap<&str, usize> = pack
        .entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .chain(&e.wrong)
                .map(move |f| (f.as_str(), i))
        })
        .collect();
    let mut usage: HashMap<&str, Usage> = HashMap::new();
    for NameMention {
        article,
        form,
        span,
    } in &extraction.names
    {
        usage.entry(form).or_default().add(*article, span.clone());
    }
    let mut forms: Vec<&str> = usage.keys().copied().collect();
    forms.sort_unstable();
    // A word used in several different names (`Davies`, `Thompson`) is a real name in
    // its own right: two such words are two names, not one misspelt.
    let mut names_with_word: HashMap<&str, usize> = HashMap::new();
    for form in &forms {
        for word in form.split(' ') {
            *names_with_word.entry(word).or_default() += 1;
        }
    }
    let established = |w: &str| names_with_word.get(w).is_some_and(|&n| n > 1);
    let mut buckets: HashMap<(usize, usize, String), Vec<usize>> = HashMap::new();
    for (i, form) in forms.iter().enumerate() {
        let words: Vec<&str> = form.split(' ').collect();
        for skip in 0..words.len() {
            let rest: Vec<&str> = words
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != skip)
                .map(|(_, w)| *w)
                .collect();
            buckets
                .entry((words.len(), skip, rest.join(" ")))
                .or_default()
                .push(i);
        }
    }
    let mut parent: Vec<usize> = (0..forms.len()).collect();
    for ((_, skip, _), members) in &buckets {
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                let word = |f: &'a str| f.split(' ').nth(*skip).unwrap_or_default();
                let (wa, wb) = (word(forms[a]), word(forms[b]));
                let both_declared =
                    declared_forms.contains_key(forms[a]) && declared_forms.contains_key(forms[b]);
                let both_names = established(wa) && established(wb);
                if !both_declared && !both_names && names::similar_words(wa, wb) {
                    let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                    parent[ra] = rb;
                }
            }
        }
    }
    let mut clusters: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..forms.len() {
        let r = root(&mut parent, i);
        clusters.entry(r).or_default().push(i);
    }
    let mut findings = Vec::new();
    for members in clusters.into_values().filter(|m| m.len() > 1) {
        let rank = |i: &usize| {
            let u = &usage[forms[*i]];
            let is_name = declared_forms
                .get(forms[*i])
                .is_some_and(|&e| pack.entities[e].name == forms[*i]);
            (is_name, u.spans.len(), u.articles.len())
        };
        let mut members = members;
        members.sort_by_key(|i| std::cmp::Reverse(rank(i)));
        let best = members[0];
        if rank(&members[0]) == rank(&members[1]) {
            findings.push(tie_finding(&members, &forms, &usage));
            continue;
        }
        let right_form = forms[best];
        let right = &usage[right_form];
        for &i in &members[1..] {
            let form = forms[i];
            if declared_forms.contains_key(form) {
                continue;
            }
            let mut by_article: HashMap<usize, Spans> = HashMap::new();
            for (a, span) in &usage[form].spans {
                by_article.entry(*a).or_default().push((*a, span.clone()));
            }
            for spans in by_article.into_values() {
                findings.push(variant_finding(
                    Severity::Warning,
                    format!("`{form}` looks like a misspelling of `{right_form}`"),
                    format!(
                        "write `{right_form}`: {}; if these are two people, declare both in an entities file",
                        right.evidence(right_form)
                    ),
                    &spans,
                    right_form,
                    right,
                ));
            }
        }
    }
    findings
}

/// Forms equally common: there is no majority to suggest, only the inconsistency.
fn tie_finding(members: &[usize], forms: &[&str], usage: &HashMap<&str, Usage>) -> Finding {
    let shown: Vec<String> = members.iter().map(|&i| format!("`{}`", forms[i])).collect();
    let mut locations: Vec<Location> = members
        .iter()
        .flat_map(|&i| {
            let mut seen = BTreeSet::new();
            usage[forms[i]]
                .spans
                .iter()
                .filter(move |(a, _)| seen.insert(*a))
                .map(move |(a, span)| Location {
                    article: *a,
                    span: span.clone(),
                    label: format!("spelled `{}` here", forms[i]),
                    primary: true,
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let first = locations
        .iter()
        .map(|l| l.article)
        .min()
        .unwrap_or_default();
    locations.sort_by_key(|l| (l.article != first, l.article, l.span.start));
    for l in locations.iter_mut().skip(1) {
        l.primary = false;
    }
    Finding {
        code: "spelling/variant",
        severity: Severity::Warning,
        message: format!(
            "{} look like one name spelled two ways",
            shown.join(" and ")
        ),
        help: format!(
            "no spelling is more common ({}); pick one, or list the accepted forms as an entity's aliases",
            members
                .iter()
                .map(|&i| usage[forms[i]].evidence(forms[i]))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        locations,
        fix: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::NameMention;
    use crate::rules::Entity;

    /// Mentions of `(article, form)`, each at its own span.
    fn mentions(items: &[(usize, &str)]) -> Extraction {
        Extraction {
            names: items
                .iter()
                .enumerate()
                .map(|(i, (article, form))| NameMention {
                    article: *article,
                    form: form.to_string(),
                    span: i * 100..i * 100 + form.len(),
                })
                .collect(),
            ..Extraction::default()
        }
    }

    fn messages(extraction: &Extraction, pack: &RulePack) -> Vec<String> {
        let mut m: Vec<String> = discovered(extraction, pack)
            .into_iter()
            .map(|f| f.message)
            .collect();
        m.sort();
        m
    }

    #[test]
    fn minority_form_is_flagged_once_per_article() {
        let x = mentions(&[
            (0, "Talal Chaudhry"),
            (1, "Talal Chaudhry"),
            (1, "Talal Chaudhary"),
            (1, "Talal Chaudhary"),
            (2, "Talal Chaudhry"),
        ]);
        let findings = discovered(&x, &RulePack::default());
        assert_eq!(findings.len(), 1);
        let f = &findings[0];
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(f.fix.len(), 2, "both occurrences in article 1 are fixed");
        assert!(
            f.help
                .contains("3 mentions in 3 articles use `Talal Chaudhry`")
        );
        // Primary labels first, then the right form in the same article, then others.
        let primaries: Vec<bool> = f.locations.iter().map(|l| l.primary).collect();
        assert_eq!(primaries, [true, true, false, false, false]);
        assert_eq!(f.locations[2].article, 1);
    }

    #[test]
    fn equally_common_forms_are_a_tie_without_a_fix() {
        let x = mentions(&[(0, "Mohammad Faisal"), (0, "Muhammad Faisal")]);
        let findings = discovered(&x, &RulePack::default());
        assert_eq!(findings.len(), 1);
        assert_eq!(
            findings[0].message,
            "`Mohammad Faisal` and `Muhammad Faisal` look like one name spelled two ways"
        );
        assert!(findings[0].fix.is_empty());
        assert_eq!(
            findings[0].locations.iter().filter(|l| l.primary).count(),
            1
        );
    }

    #[test]
    fn different_people_and_established_surnames_are_not_paired() {
        let x = mentions(&[
            (0, "Mohsin Naqvi"),
            (1, "Mohsin Khan"),
            (0, "Wajid Khan"),
            (1, "Moazzam Ahmad Khan"),
            (0, "David Davies"),
            (1, "David Davis"),
            (2, "Ron Davies"),
            (2, "Miles Davis"),
        ]);
        assert!(messages(&x, &RulePack::default()).is_empty());
    }

    #[test]
    fn declared_aliases_are_accepted() {
        let x = mentions(&[(0, "Mohammad Faisal"), (1, "Muhammad Faisal")]);
        let pack = RulePack {
            entities: vec![Entity {
                name: "Mohammad Faisal".into(),
                aliases: vec!["Muhammad Faisal".into()],
                wrong: vec![],
                pronouns: None,
            }],
            ..RulePack::default()
        };
        assert!(messages(&x, &pack).is_empty());
    }

    #[test]
    fn declared_canonical_form_wins_over_counts() {
        let x = mentions(&[
            (0, "Jane Marriott"),
            (1, "Jane Marriotte"),
            (2, "Jane Marriotte"),
        ]);
        let pack = RulePack {
            entities: vec![Entity {
                name: "Jane Marriott".into(),
                aliases: vec![],
                wrong: vec![],
                pronouns: None,
            }],
            ..RulePack::default()
        };
        assert_eq!(
            messages(&x, &pack),
            [
                "`Jane Marriotte` looks like a misspelling of `Jane Marriott`",
                "`Jane Marriotte` looks like a misspelling of `Jane Marriott`"
            ]
        );
    }
}
