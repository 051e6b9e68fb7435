//! How `spelling/variant` grows with the names that share a first name: `John
//! <surname>` for 5,000 and for 20,000 distinct surnames, every one in the same
//! bucket of candidates. Comparing all pairs in a bucket would take 16 times as
//! long for four times the names; the check must stay near 4×.
//!
//! Each surname is mentioned one to three times, in articles of about four names
//! each; every fiftieth is also misspelt once (one letter after the first), so the
//! check has variants to find. The names are built from a seed: every run sees the
//! same.
//!
//! Run with `cargo bench --bench spelling`; the ratio is the 20,000 time over the
//! 5,000 time that criterion prints.

use corpus_lint::checks::{CHECKS, Context};
use corpus_lint::code::Code;
use corpus_lint::extract::{Extraction, NameMention};
use corpus_lint::ids::{FormId, Id};
use corpus_lint::rules::RulePack;
use corpus_lint::settings::Settings;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::collections::{HashMap, HashSet};
use std::hint::black_box;
use std::time::Duration;

mod common;

use common::Rng;

const SIZES: [usize; 2] = [5_000, 20_000];
const SEED: u64 = 42;

/// Mentions of `John <surname>` for `n` distinct surnames, in article order as
/// extraction gives them.
fn john_mentions(n: usize) -> Extraction {
    let mut rng = Rng::new(SEED);
    let mut seen = HashSet::new();
    let mut forms: Vec<String> = Vec::new();
    while seen.len() < n {
        let surname = rng.word(5, 10);
        if !seen.insert(surname.clone()) {
            continue;
        }
        for _ in 0..1 + rng.below(3) {
            forms.push(format!("John {surname}"));
        }
        if seen.len() % 50 == 1 {
            forms.push(format!("John {}", rng.misspell(&surname)));
        }
    }
    let articles = n.div_ceil(4);
    let mut placed: Vec<(usize, usize, &str)> = forms
        .iter()
        .enumerate()
        .map(|(i, form)| (rng.below(articles), i * 100, form.as_str()))
        .collect();
    placed.sort_unstable();
    let mut extraction = Extraction::default();
    let mut ids: HashMap<&str, FormId> = HashMap::new();
    for (article, at, form) in placed {
        let form_id = *ids
            .entry(form)
            .or_insert_with(|| extraction.forms.push(form.into()));
        extraction.names.push(NameMention {
            article: Id::new(article),
            form: form_id,
            span: at..at + form.len(),
        });
    }
    extraction
}

fn benches(c: &mut Criterion) {
    let check = CHECKS
        .iter()
        .find(|check| check.code == Code::SpellingVariant)
        .expect("spelling/variant is registered");
    let pack = RulePack::default();
    let settings = Settings::new(chrono::NaiveDate::MIN);
    let mut group = c.benchmark_group("spelling/variant/john");
    for n in SIZES {
        let extraction = john_mentions(n);
        let context = Context {
            extraction: &extraction,
            pack: &pack,
            settings: &settings,
        };
        // The check must find the planted misspellings, or the bench times nothing.
        let findings = (check.run)(&context).len();
        eprintln!(
            "spelling: {n} surnames, {} mentions, {} forms: {findings} findings",
            extraction.names.len(),
            extraction.forms.len()
        );
        assert!(findings >= n / 100, "{n} surnames: {findings} findings");
        group.bench_with_input(BenchmarkId::from_parameter(n), &context, |b, context| {
            b.iter(|| (check.run)(black_box(context)));
        });
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1))
}

criterion_group! {
    name = spelling;
    config = config();
    targets = benches
}
criterion_main!(spelling);
