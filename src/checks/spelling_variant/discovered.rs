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
    let chains = Chains::new(extraction);
    // In the order forms were first met, which is the corpus's order: no sort of
    // every form is needed, only of each cluster's few members.
    let (ids, forms): (Vec<FormId>, Vec<&str>) = extraction
        .forms
        .enumerate()
        .filter(|(id, _)| chains.first[id.index()] != NONE)
        .map(|(id, f)| (id, &**f))
        .unzip();
    let groups = clusters(&forms, &declared_forms);
    let clustered: Vec<FormId> = groups.iter().flatten().map(|&i| ids[i]).collect();
    let (placed, starts) = chains.spans(extraction, &clustered);
    let mut usage = vec![Usage::default(); forms.len()];
    for (k, &i) in groups.iter().flatten().enumerate() {
        usage[i] = Usage {
            spans: &placed[starts[k]..starts[k + 1]],
        };
    }
    let tickers = |i: usize| {
        extraction
            .tickers
            .get(&ids[i])
            .map_or(&[][..], Vec::as_slice)
    };
    let mut findings = Vec::new();
    for members in groups {
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
            for (a, span) in usage[i].spans {
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
                    &right,
                ));
            }
        }
    }
    findings
}

/// No mention.
const NONE: u32 = u32::MAX;

/// Each form's mentions as a chain of four-byte mention indices, in corpus order:
/// made in one pass over the mentions, so that the spans of the few forms in
/// clusters are then gathered without reading every mention again (at 40,000
/// mentions, each pass streams a megabyte that no longer fits in the caches).
struct Chains {
    /// Each form's first mention and last mention so far, or [`NONE`].
    first: Vec<u32>,
    last: Vec<u32>,
    /// Each mention's next mention of the same form, or [`NONE`].
    next: Vec<u32>,
}

impl Chains {
    fn new(extraction: &Extraction) -> Self {
        let forms = extraction.forms.len();
        let mut chains = Chains {
            first: vec![NONE; forms],
            last: vec![NONE; forms],
            next: vec![NONE; extraction.names.len()],
        };
        for (k, m) in extraction.names.iter().enumerate() {
            let f = m.form.index();
            match chains.last[f] {
                NONE => chains.first[f] = k as u32,
                last => chains.next[last as usize] = k as u32,
            }
            chains.last[f] = k as u32;
        }
        chains
    }

    /// The mentions of `forms`, grouped by form in their order, each form's in
    /// corpus order, and where each form's start.
    fn spans(&self, extraction: &Extraction, forms: &[FormId]) -> (Spans, Vec<usize>) {
        let mut placed: Spans = Vec::new();
        let mut starts = Vec::with_capacity(forms.len() + 1);
        for f in forms {
            starts.push(placed.len());
            let mut k = self.first[f.index()];
            while k != NONE {
                let NameMention { article, span, .. } = &extraction.names[k as usize];
                placed.push((*article, span.clone()));
                k = self.next[k as usize];
            }
        }
        starts.push(placed.len());
        (placed, starts)
    }
}

/// Groups of forms that look like one name: forms with all words but one equal
/// (found through buckets keyed by the other words), that one similar, unless
/// both forms are declared or both words are established names.
pub(super) fn clusters(
    forms: &[&str],
    declared_forms: &HashMap<&str, EntityId>,
) -> Vec<Vec<usize>> {
    // Pairs of forms that differ in one similar word, unless both are declared.
    let mut similar: Vec<(usize, usize, &str, &str)> = Vec::new();
    for bucket in buckets(forms)
        .chunk_by(|x, y| x.0 == y.0)
        .filter(|b| b.len() > 1)
    {
        let skip = (bucket[0].0.1 & 0xFFFF) as usize;
        let words: Vec<&str> = bucket
            .iter()
            .map(|&(_, i)| forms[i as usize].split(' ').nth(skip).unwrap_or_default())
            .collect();
        for (x, y) in similar::similar_pairs(&words) {
            let (a, b) = (bucket[x].1 as usize, bucket[y].1 as usize);
            let both_declared =
                declared_forms.contains_key(forms[a]) && declared_forms.contains_key(forms[b]);
            if !both_declared && same_others(forms[a], forms[b], skip) {
                similar.push((a, b, words[x], words[y]));
            }
        }
    }
    // A word used in several different names (`Davies`, `Thompson`) is a real name in
    // its own right: two such words are two names, not one misspelt. Counted for
    // the few words of the pairs only.
    let mut names_with_word: FxHashMap<&str, usize> = similar
        .iter()
        .flat_map(|&(_, _, x, y)| [(x, 0), (y, 0)])
        .collect();
    if !names_with_word.is_empty() {
        for word in forms.iter().flat_map(|form| form.split(' ')) {
            if let Some(n) = names_with_word.get_mut(word) {
                *n += 1;
            }
        }
    }
    let established = |w: &str| names_with_word.get(w).is_some_and(|&n| n > 1);
    let mut parent: Vec<usize> = (0..forms.len()).collect();
    for (a, b, x, y) in similar {
        if !(established(x) && established(y)) {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            parent[ra] = rb;
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

/// Every form under each of its buckets, (the hash of its words but one, its
/// number of words and which word is left out in one number: 16 bytes an entry,
/// not 24) with the form's index, sorted: the forms of a bucket side by side, in
/// order, with no map and no list per bucket (one bucket per word of every form,
/// most of them of one form only). Two forms of a bucket are checked to share
/// those words before they are joined.
fn buckets(forms: &[&str]) -> Vec<((u64, u32), u32)> {
    let mut keyed = Vec::with_capacity(forms.len() * 3);
    // Each word is hashed once, and each bucket's hash made from the words'.
    let mut words: Vec<u64> = Vec::new();
    for (i, form) in forms.iter().enumerate() {
        words.clear();
        words.extend(
            form.split(' ')
                .map(|w| xxhash_rust::xxh3::xxh3_64(w.as_bytes())),
        );
        let count = words.len() as u32;
        for skip in 0..words.len() {
            let others = words
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != skip)
                .fold(0, |h: u64, (_, &w)| {
                    (h.rotate_left(23) ^ w).wrapping_mul(0x9E37_79B9_7F4A_7C15)
                });
            keyed.push(((others, count << 16 | skip as u32), i as u32));
        }
    }
    similar::sort_by_hash(&keyed, |&((hash, _), _)| hash)
}

/// Whether two forms have the same words but the one at `skip`.
fn same_others(a: &str, b: &str, skip: usize) -> bool {
    a.split(' ')
        .zip(b.split(' '))
        .enumerate()
        .all(|(j, (x, y))| j == skip || x == y)
}
