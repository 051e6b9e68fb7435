//! Spelling variants found without rules: person-name forms that are one word
//! apart, that word within an edit or two, grouped by union-find over buckets of
//! forms that share every other word, and within a bucket through an index of the
//! differing word ([`similar`]) — never all pairs of names.

use super::evidence::{Spans, Usage, tie_finding, variant_finding};
use crate::checks::{Finding, similar};
use crate::extract::{Extraction, NameMention};
use crate::ids::{ArticleId, EntityId, FormId, Id};
use crate::report::Severity;
use crate::rules::RulePack;
use rustc_hash::FxHashMap;
use std::collections::HashMap;

/// Minimal union-find over form indices.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

pub(super) fn discovered(extraction: &Extraction, pack: &RulePack) -> Vec<Finding> {
    let declared_forms: HashMap<&str, EntityId> = pack
        .entities
        .enumerate()
        .flat_map(|(i, e)| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .chain(&e.wrong)
                .map(move |f| (f.as_str(), i))
        })
        .collect();
    // Mentions by form, indexed by form: no string is hashed per mention.
    let mut by_form: Vec<Usage> = extraction.forms.iter().map(|_| Usage::default()).collect();
    for NameMention {
        article,
        form,
        span,
    } in &extraction.names
    {
        by_form[form.index()].add(*article, span.clone());
    }
    // In the order forms were first met, which is the corpus's order: no sort of
    // every form is needed, only of each cluster's few members.
    let (ids, (forms, usage)): (Vec<FormId>, (Vec<&str>, Vec<&Usage>)) = extraction
        .forms
        .enumerate()
        .map(|(id, f)| (id, (&**f, &by_form[id.index()])))
        .filter(|(_, (_, u))| !u.spans.is_empty())
        .unzip();
    let tickers = |i: usize| {
        extraction
            .tickers
            .get(&ids[i])
            .map_or(&[][..], Vec::as_slice)
    };
    let mut findings = Vec::new();
    for members in clusters(&forms, &declared_forms) {
        let rank = |i: &usize| {
            let u = usage[*i];
            let is_name = declared_forms
                .get(forms[*i])
                .is_some_and(|&e| pack.entities[e].name == forms[*i]);
            (is_name, u.spans.len(), u.articles())
        };
        let mut members = members;
        // Most used first; forms used alike in alphabetical order.
        members.sort_by(|a, b| rank(b).cmp(&rank(a)).then_with(|| forms[*a].cmp(forms[*b])));
        let best = members[0];
        if rank(&members[0]) == rank(&members[1]) {
            findings.push(tie_finding(&members, &forms, &usage));
            continue;
        }
        let right_form = forms[best];
        let right = usage[best];
        for &i in &members[1..] {
            let form = forms[i];
            if declared_forms.contains_key(form) {
                continue;
            }
            // Tickers say which company a name is: two different ones, two companies.
            let (theirs, ours) = (tickers(i), tickers(best));
            let shared = theirs.iter().find(|t| ours.contains(t));
            if !theirs.is_empty() && !ours.is_empty() && shared.is_none() {
                continue;
            }
            let listed =
                shared.map_or_else(String::new, |t| format!("; both are listed as `<{t}>`"));
            let mut by_article: HashMap<ArticleId, Spans> = HashMap::new();
            for (a, span) in &usage[i].spans {
                by_article.entry(*a).or_default().push((*a, span.clone()));
            }
            for spans in by_article.into_values() {
                findings.push(variant_finding(
                    Severity::Warning,
                    format!("`{form}` looks like a misspelling of `{right_form}`"),
                    format!(
                        "write `{right_form}`: {}{listed}; if these are two people, declare both in an entities file",
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

/// Groups of forms that look like one name: forms with all words but one equal
/// (found through buckets keyed by the other words), that one similar, unless
/// both forms are declared or both words are established names.
pub(super) fn clusters(
    forms: &[&str],
    declared_forms: &HashMap<&str, EntityId>,
) -> Vec<Vec<usize>> {
    // A word used in several different names (`Davies`, `Thompson`) is a real name in
    // its own right: two such words are two names, not one misspelt.
    let mut names_with_word: FxHashMap<&str, usize> = FxHashMap::default();
    for form in forms {
        for word in form.split(' ') {
            *names_with_word.entry(word).or_default() += 1;
        }
    }
    let established = |w: &str| names_with_word.get(w).is_some_and(|&n| n > 1);
    // Buckets by the other words' hash: two forms of one bucket are checked to
    // share those words before they are joined.
    let mut buckets: FxHashMap<(usize, usize, u64), Vec<usize>> = FxHashMap::default();
    for (i, form) in forms.iter().enumerate() {
        let count = form.split(' ').count();
        for skip in 0..count {
            buckets
                .entry((count, skip, others_hash(form, skip)))
                .or_default()
                .push(i);
        }
    }
    let mut parent: Vec<usize> = (0..forms.len()).collect();
    // Most buckets hold one form: nothing to pair.
    for ((_, skip, _), members) in buckets.iter().filter(|(_, m)| m.len() > 1) {
        let words: Vec<&str> = members
            .iter()
            .map(|&i| forms[i].split(' ').nth(*skip).unwrap_or_default())
            .collect();
        for (x, y) in similar::similar_pairs(&words) {
            let (a, b) = (members[x], members[y]);
            if !same_others(forms[a], forms[b], *skip) {
                continue;
            }
            let both_declared =
                declared_forms.contains_key(forms[a]) && declared_forms.contains_key(forms[b]);
            let both_names = established(words[x]) && established(words[y]);
            if !both_declared && !both_names {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra] = rb;
            }
        }
    }
    // Only forms joined to another make a cluster: most stand alone.
    let roots: Vec<usize> = (0..forms.len()).map(|i| root(&mut parent, i)).collect();
    let mut sizes = vec![0u32; forms.len()];
    roots.iter().for_each(|&r| sizes[r] += 1);
    let mut clusters: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (i, &r) in roots.iter().enumerate() {
        if sizes[r] > 1 {
            clusters.entry(r).or_default().push(i);
        }
    }
    clusters.into_values().collect()
}

/// A hash of a form's words but the one at `skip`.
fn others_hash(form: &str, skip: usize) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for (j, word) in form.split(' ').enumerate() {
        if j != skip {
            h.update(word.as_bytes());
            h.update(b" ");
        }
    }
    h.digest()
}

/// Whether two forms have the same words but the one at `skip`.
fn same_others(a: &str, b: &str, skip: usize) -> bool {
    a.split(' ')
        .zip(b.split(' '))
        .enumerate()
        .all(|(j, (x, y))| j == skip || x == y)
}
