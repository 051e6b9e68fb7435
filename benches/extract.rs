//! Extraction of single articles: every rule, the entity finder, stated times and name
//! candidates (`Extractor::extract`), and on their own the vocabulary count and the
//! name candidates.
//!
//! Two articles, each under its own label: `bbc`, the research corpus's
//! `../shared/corpora/bbc/politics/001.txt` (benchmarked only when the corpora are
//! checked out beside the repository), and `synthetic`, [`SYNTHETIC`], an article
//! of about the same size written for this benchmark, on the subjects the shipped
//! rules cover, so that their claims are made too.
//!
//! Run with `cargo bench --bench extract`.

use corpus_lint::article::Document;
use corpus_lint::extract::Extractor;
use corpus_lint::extract::vocabulary::Vocabularies;
use corpus_lint::ids::{ArticleId, Id};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A made-up news article (about 2.3 KB) with what the shipped rules and the name
/// finder look for: titles and holders, a dated weekday, figures, a list with a
/// count, and people named in full and by surname.
const SYNTHETIC: &str = "\
---
date: 2024-05-31
title: Britain and Pakistan agree faster returns of foreign offenders
---
ISLAMABAD, (Staff Report - 31st May, 2024) Minister for Interior, Mohsin Naqvi and \
Home Secretary of UK, James Cleverly on Friday attended the signing of a letter of \
intent on the return of foreign national offenders.

The document was signed on Friday, 31 May 2024 by Pakistan's Interior Secretary \
Khurram Agha and the British High Commissioner Jane Marriott at a ceremony in the \
capital. Officials said the arrangement would cut the time taken to confirm a \
prisoner's nationality from several months to about six weeks.

From January 2019 to December 2021, the UK removed about 10,700 foreign national \
offenders, according to figures quoted by the Home Office. Pakistani nationals make \
up the seventh largest number of foreign criminals in prisons in England and Wales, \
totalling nearly 3 per cent of the foreign national offender population, around \
2,500 prisoners.

The UK has signed similar deals with four countries: Serbia, Nigeria, Albania and \
India. Speaking to reporters after the ceremony, Mr Naqvi said his government would \
\"work closely with our British partners\" and that the first flights could leave \
before the end of the year. He added that 1,240 Pakistani citizens were currently \
held in British jails.

Mr Cleverly, who arrived in Islamabad on Thursday, described the agreement as a \
practical step. \"It is the fifth such agreement, after deals with Serbia, Nigeria, \
Albania and India,\" he said. Ms Marriott said the High Commission had processed \
more than 18,000 visa applications in the first quarter.

The visit comes weeks before a general election in Britain. Opposition spokesman \
Daniel Hartley questioned whether the plan would survive a change of government, \
telling the BBC that similar promises had been made in 2019 and 2022. Analysts at \
the Lahore Institute of Policy, including senior fellow Ayesha Rahman, said the \
real test would be how many removals took place over the next twelve months.

Interior Minister Mohsin Naqvi is due to visit London in September, when the two \
sides will review progress. Prime Minister Shehbaz Sharif welcomed the agreement in \
a statement on Saturday, 1 June 2024, calling it \"a milestone in a long and \
productive relationship\".
";

/// The articles to extract: the BBC's first politics article if the corpora are
/// there, and the synthetic one, each with a label for the benchmark names.
fn articles() -> Vec<(&'static str, Document)> {
    let bbc = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc/politics/001.txt");
    let mut articles = Vec::new();
    if let Ok(bytes) = std::fs::read(&bbc) {
        articles.push(("bbc", bbc, bytes));
    }
    articles.push((
        "synthetic",
        PathBuf::from("synthetic/001.txt"),
        SYNTHETIC.as_bytes().to_vec(),
    ));
    articles
        .into_iter()
        .map(|(label, path, bytes)| {
            let doc = corpus_lint::corpus::decode(&path, bytes).expect("the article is UTF-8 text");
            (label, doc)
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let pack =
        corpus_lint::rules::load(&[PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/rules"))])
            .expect("the shipped rules load");
    let extractor = Extractor::new(&pack, false);
    let id = ArticleId::new(0);
    for (label, doc) in articles() {
        let found = extractor.extract(id, &mut doc.clone());
        eprintln!(
            "extract/{label}: {} ({} bytes): {} claims, {} entity mentions, {} name runs",
            doc.path.display(),
            doc.text.len(),
            found.claims.len(),
            found.entities.len(),
            found.runs.len()
        );
        // The clone each call needs (`extract` may date the document) is made
        // outside the timed part.
        c.bench_function(&format!("extract/{label}/article"), |b| {
            b.iter_batched_ref(
                || doc.clone(),
                |doc| extractor.extract(black_box(id), doc),
                BatchSize::SmallInput,
            );
        });
        // One vocabulary counting the article again and again, each time as a new
        // article, as a run counts its corpus: fresh tables per call would time
        // their first use (the pages of the common-word table) instead.
        c.bench_function(&format!("extract/{label}/vocabulary"), |b| {
            let vocabularies = Vocabularies::new();
            let mut source = 0u32;
            b.iter(|| {
                source = source.wrapping_add(1);
                vocabularies.count(source, black_box(doc.body()));
            });
        });
        c.bench_function(&format!("extract/{label}/name-candidates"), |b| {
            b.iter(|| corpus_lint::names::candidates(black_box(doc.body())));
        });
    }
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1))
}

criterion_group! {
    name = extract;
    config = config();
    targets = benches
}
criterion_main!(extract);
