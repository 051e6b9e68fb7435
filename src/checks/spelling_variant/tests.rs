//! Unit tests of discovered and declared spelling variants.

use super::discovered::discovered;
use super::*;
use crate::ids::{Id, IdVec};
use crate::rules::Entity;
use std::collections::HashMap;

/// Mentions of `(article, form)`, each at its own span.
fn mentions(items: &[(usize, &str)]) -> Extraction {
    let (forms, names) = crate::checks::testing::names(
        items
            .iter()
            .enumerate()
            .map(|(i, (article, form))| (*article, *form, i * 100..i * 100 + form.len())),
    );
    Extraction {
        names,
        forms,
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
    assert_eq!(f.locations[2].article, Id::new(1));
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
        entities: IdVec::from(vec![Entity {
            name: "Mohammad Faisal".into(),
            aliases: vec!["Muhammad Faisal".into()],
            wrong: vec![],
            pronouns: None,
        }]),
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
        entities: IdVec::from(vec![Entity {
            name: "Jane Marriott".into(),
            aliases: vec![],
            wrong: vec![],
            pronouns: None,
        }]),
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

/// Clusters as sorted lists, in order, for comparing.
fn normalised(mut clusters: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    for c in &mut clusters {
        c.sort_unstable();
    }
    clusters.sort();
    clusters
}

/// What [`discovered::clusters`] must find, by comparing every pair of forms:
/// same number of words, one differing and similar, not both declared, not both
/// established words.
fn clusters_by_all_pairs(forms: &[&str], declared: &HashMap<&str, EntityId>) -> Vec<Vec<usize>> {
    let mut names_with_word: HashMap<&str, usize> = HashMap::new();
    for form in forms {
        for word in form.split(' ') {
            *names_with_word.entry(word).or_default() += 1;
        }
    }
    let established = |w: &str| names_with_word.get(w).is_some_and(|&n| n > 1);
    let mut cluster: Vec<usize> = (0..forms.len()).collect();
    for a in 0..forms.len() {
        for b in a + 1..forms.len() {
            let (wa, wb): (Vec<&str>, Vec<&str>) =
                (forms[a].split(' ').collect(), forms[b].split(' ').collect());
            if wa.len() != wb.len() {
                continue;
            }
            let differing: Vec<usize> = (0..wa.len()).filter(|&i| wa[i] != wb[i]).collect();
            let [i] = differing[..] else {
                continue;
            };
            let both_declared = declared.contains_key(forms[a]) && declared.contains_key(forms[b]);
            let both_names = established(wa[i]) && established(wb[i]);
            if !both_declared && !both_names && crate::names::similar_words(wa[i], wb[i]) {
                let (from, to) = (cluster[a], cluster[b]);
                cluster
                    .iter_mut()
                    .filter(|c| **c == from)
                    .for_each(|c| *c = to);
            }
        }
    }
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, c) in cluster.into_iter().enumerate() {
        by_root.entry(c).or_default().push(i);
    }
    normalised(by_root.into_values().filter(|m| m.len() > 1).collect())
}

#[test]
fn indexed_clusters_are_those_of_all_pairs() {
    use crate::checks::testing::Rng;
    for seed in 1..=4 {
        let mut rng = Rng::new(seed);
        // Few letters, so that many surnames are one or two edits apart, each
        // mostly in one name (a word in several is an established name); first
        // names that are variants of each other, some rare; names of three words.
        let firsts = [
            "John",
            "Jon",
            "Johnn",
            "Mary",
            "Marie",
            "Maria",
            "Ann Marie",
        ];
        let rare = ["Jonathan", "Jonathon", "Johnathan", "Rebecca", "Rebeca"];
        let surnames: Vec<String> = (0..450).map(|_| rng.word(b"abcde", 4, 9)).collect();
        let mut owned: Vec<String> = Vec::new();
        for surname in &surnames {
            let first = match rng.below(10) {
                0 => rare[rng.below(rare.len())],
                _ => firsts[rng.below(firsts.len())],
            };
            owned.push(format!("{first} {surname}"));
            // Planted: one edit, or two, in the same name.
            if rng.below(4) == 0 {
                let mut planted = rng.misspell(surname);
                if rng.below(2) == 0 {
                    planted = rng.misspell(&planted);
                }
                owned.push(format!("{first} {planted}"));
            }
        }
        owned.sort_unstable();
        owned.dedup();
        let forms: Vec<&str> = owned.iter().map(String::as_str).collect();
        let declared: HashMap<&str, EntityId> = forms
            .iter()
            .step_by(7)
            .enumerate()
            .map(|(i, f)| (*f, Id::new(i)))
            .collect();
        let expected = clusters_by_all_pairs(&forms, &declared);
        assert!(
            expected.len() > 10,
            "the data has variants to find: {expected:?}"
        );
        assert_eq!(
            normalised(super::discovered::clusters(&forms, &declared)),
            expected,
            "seed {seed}"
        );
    }
}
