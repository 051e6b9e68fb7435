//! Unit tests of discovered and declared spelling variants.

use super::discovered::discovered;
use super::*;
use crate::extract::NameMention;
use crate::ids::{Id, IdVec};
use crate::rules::Entity;

/// Mentions of `(article, form)`, each at its own span.
fn mentions(items: &[(usize, &str)]) -> Extraction {
    let mut forms: IdVec<crate::ids::FormId, Box<str>> = IdVec::default();
    let names = items
        .iter()
        .enumerate()
        .map(|(i, (article, form))| {
            let known = forms.enumerate().find(|(_, f)| &***f == *form).map(|(id, _)| id);
            let id = known.unwrap_or_else(|| forms.push((*form).into()));
            NameMention {
                article: Id::new(*article),
                form: id,
                span: i * 100..i * 100 + form.len(),
            }
        })
        .collect();
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
