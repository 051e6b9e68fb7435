//! Synthetic person-name mentions, for the tests and benchmarks of
//! `spelling/variant`: deterministic, so that every run sees the same names.

pub(crate) use crate::checks::testing::Rng;
use crate::extract::Extraction;
use std::collections::HashSet;

/// `n` distinct surnames of five to ten letters a–z.
pub(crate) fn surnames(n: usize, rng: &mut Rng) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let w = rng.word(b"abcdefghijklmnopqrstuvwxyz", 5, 10);
        if seen.insert(w.clone()) {
            out.push(w);
        }
    }
    out
}

/// Mentions of `John <surname>` for `n` distinct surnames, each one to three
/// times in articles of about four names each, and a misspelling (one edit) of
/// every fiftieth surname, mentioned once: the shape of a bucket that holds every
/// name sharing a first name.
pub(crate) fn john_mentions(n: usize, seed: u64) -> Extraction {
    let mut rng = Rng::new(seed);
    let names = surnames(n, &mut rng);
    let articles = n.div_ceil(4);
    let mut forms: Vec<String> = Vec::new();
    for (i, surname) in names.iter().enumerate() {
        for _ in 0..1 + rng.below(3) {
            forms.push(format!("John {surname}"));
        }
        if i % 50 == 0 {
            forms.push(format!("John {}", rng.misspell(surname)));
        }
    }
    let placed: Vec<(usize, &str, std::ops::Range<usize>)> = forms
        .iter()
        .enumerate()
        .map(|(i, form)| {
            (
                rng.below(articles),
                form.as_str(),
                i * 100..i * 100 + form.len(),
            )
        })
        .collect();
    let (forms, names) = crate::checks::testing::names(placed);
    Extraction {
        names,
        forms,
        ..Extraction::default()
    }
}
