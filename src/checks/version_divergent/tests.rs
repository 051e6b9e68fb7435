use super::*;
use crate::checks::testing::{Rng, context, pack};
use crate::extract::Extraction;
use crate::ids::Id;
use crate::value::ValueType;
use crate::versions::Version;

/// A story: made-up filler words, with `sentences` in between.
fn story(seed: u64, sentences: &[&str]) -> String {
    let mut rng = Rng::new(seed);
    let mut text = String::new();
    for s in sentences {
        for _ in 0..40 {
            text.push_str(&rng.word(b"abcdefghijklmnopqrstuvwxyz", 3, 9).to_lowercase());
            text.push(' ');
        }
        text.push_str(".\n");
        text.push_str(s);
        text.push('\n');
    }
    text
}

fn findings(texts: &[String]) -> Vec<Finding> {
    let extraction = Extraction {
        versions: texts
            .iter()
            .enumerate()
            .map(|(i, t)| (Id::new(i), Version::of(t, 0).unwrap()))
            .collect(),
        ..Extraction::default()
    };
    let pack = pack(Severity::Warning, ValueType::Text, 0.0);
    run(&context(&extraction, &pack))
}

const SAID: &str = "The bank said pre-tax profits rose to £4.5bn in the year to March.";

#[test]
fn versions_that_differ_in_a_figure_are_found_once() {
    let a = story(1, &[SAID, "It was a good year, the chairman said."]);
    let b = a.replace("£4.5bn", "£5.4bn");
    let found = findings(&[a.clone(), b]);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "two versions of one story differ in a figure: `£4.5bn` here, `£5.4bn` in the other version"
    );
    let labels: Vec<(usize, &str, bool)> = found[0]
        .locations
        .iter()
        .map(|l| (l.article.index(), l.label.as_str(), l.primary))
        .collect();
    assert_eq!(
        labels,
        [(0, "`£4.5bn` here", true), (1, "`£5.4bn` here", false)]
    );
    let at = &found[0].locations[0].span;
    assert_eq!(&a[at.clone()], "£4.5bn");
}

#[test]
fn wording_changes_and_copies_are_not_findings() {
    let a = story(2, &[SAID]);
    let reworded = a.replace("rose to", "climbed to");
    assert!(findings(&[a.clone(), reworded, a.clone()]).is_empty());
    let unrelated = story(3, &[&SAID.replace("£4.5bn", "£5.4bn")]);
    assert!(findings(&[a, unrelated]).is_empty());
}

#[test]
fn the_odd_one_out_of_three_is_primary_and_the_help_names_the_majority() {
    let a = story(4, &[SAID, "It was a good year, the chairman said."]);
    let odd = a.replace("£4.5bn", "£5.4bn");
    let found = findings(&[a.clone(), odd, a.replace("good year", "fine year")]);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].locations[0].article.index(), 1);
    assert!(found[0].locations[0].primary);
    assert_eq!(
        found[0].message,
        "3 versions of one story differ in a figure: `£5.4bn` here, `£4.5bn` in 2 other versions"
    );
    assert!(
        found[0].help.contains("2 of the 3 versions give `£4.5bn`"),
        "{}",
        found[0].help
    );
}
