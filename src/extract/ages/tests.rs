use super::*;

fn ages_in(text: &str) -> Vec<(String, u16)> {
    let mut doc = Document::new("a.txt".into(), text.into(), 0, 0);
    doc.meta.date = crate::date::PartialDate::parse("2005-03-15")
        .ok()
        .map(|d| (d, crate::article::DateOrigin::FrontMatter));
    ages(
        crate::ids::Id::new(0),
        &doc,
        &crate::names::candidates(doc.body()),
    )
    .into_iter()
    .map(|c| match (c.subject, c.value) {
        (Subject::Person(p), Value::Age(y)) => (p, y),
        other => panic!("{other:?}"),
    })
    .collect()
}

fn pairs(items: &[(&str, u16)]) -> Vec<(String, u16)> {
    items.iter().map(|(p, y)| (p.to_string(), *y)).collect()
}

#[test]
fn ages_beside_names_are_claimed() {
    assert_eq!(
        ages_in(
            "Former WorldCom boss Bernard Ebbers, 63, was convicted. Mr Ebbers, aged 63; he left."
        ),
        pairs(&[("Bernard Ebbers", 63), ("Bernard Ebbers", 63)])
    );
    assert_eq!(
        ages_in(
            "The 18-year-old Nadal beat 74-year-old Sir Clint Eastwood, said Lucy Smith, 34. Rafael Nadal won."
        ),
        pairs(&[
            ("Rafael Nadal", 18),
            ("Clint Eastwood", 74),
            ("Lucy Smith", 34)
        ])
    );
    assert_eq!(
        ages_in("The 46-year-old interior minister, Mohsin Naqvi, received him."),
        pairs(&[("Mohsin Naqvi", 46)])
    );
}

#[test]
fn numbers_that_are_no_ages_are_not_claimed() {
    for text in [
        "On Sunday, 12 people died.",
        "in March 3, 2004, at 10.",
        "the 40-year-old trade embargo on Cuba",
        "a team of 11, 12, 13 players",
        "Smith, 250, was",
        "Smith, 0, was",
        "smith, 30, was",
        "NEW YORK, 30, was",
        "London, 12, and Paris, 14, were not involved.",
    ] {
        assert_eq!(ages_in(text), [], "{text}");
    }
}

#[test]
fn the_claim_spans_the_name_and_the_age() {
    let text = "Then Kostas Kenteris, 31, arrived.";
    let doc = Document::new("a.txt".into(), text.into(), 0, 0);
    let claims = ages(
        crate::ids::Id::new(0),
        &doc,
        &crate::names::candidates(doc.body()),
    );
    let c = &claims[0];
    assert_eq!(&text[c.span.clone()], "31");
    assert_eq!(&text[c.matched.clone()], "Kostas Kenteris, 31");
    assert_eq!(c.time, None);
}

#[test]
fn an_age_after_the_person_is_named_is_kept_for_later() {
    let text = "Bernard Ebbers was convicted. The 63-year-old plans to appeal.";
    let doc = Document::new("a.txt".into(), text.into(), 0, 0);
    let claims = ages(
        crate::ids::Id::new(0),
        &doc,
        &crate::names::candidates(doc.body()),
    );
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].subject, Subject::Person(String::new()));
    assert_eq!(&text[claims[0].matched.clone()], "The 63-year-old");
    assert_eq!(ages_in("the 40-year-old trade embargo"), []);
    // Someone named before shocked Sampras: the age is not his.
    assert_eq!(
        ages_in("the 25-year-old shocked Pete Sampras"),
        [(String::new(), 25)]
    );
}
