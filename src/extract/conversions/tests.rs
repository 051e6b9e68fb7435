use super::*;

/// The conversions in `text`: (first sum as written, its figure, bracket's sum as
/// written, its figure), figures in their canonical form.
fn in_text(text: &str) -> Vec<(String, String, String, String)> {
    let mut doc = Document::new("a.txt".into(), text.into(), 0, 0);
    doc.meta.date = crate::date::PartialDate::parse("2005-03-15")
        .ok()
        .map(|d| (d, crate::article::DateOrigin::FrontMatter));
    conversions(crate::ids::Id::new(0), &doc)
        .into_iter()
        .map(|c| {
            assert_eq!(&text[c.span.clone()], c.raw);
            assert!(c.time.is_some(), "dated by the article");
            let to = c.converted().expect("a converted sum");
            assert_eq!(&text[to.span.clone()], to.raw);
            (
                c.raw.clone(),
                c.value.to_string(),
                to.raw.clone(),
                to.figure.to_string(),
            )
        })
        .collect()
}

/// The canonical figures of each conversion in `text`.
fn figures(text: &str) -> Vec<(String, String)> {
    in_text(text)
        .into_iter()
        .map(|(_, a, _, b)| (a, b))
        .collect()
}

fn pair(a: &str, b: &str) -> Vec<(String, String)> {
    vec![(a.to_string(), b.to_string())]
}

#[test]
fn the_wordings_news_uses_are_read() {
    let cases = [
        (
            "It paid $1.8 billion (£952 million) for it.",
            "$1.8 billion",
            "£952 million",
        ),
        (
            "Profit was 836m euros (£581m) last year.",
            "€836 million",
            "£581 million",
        ),
        ("The wage is $5.15 (£3.90) an hour.", "$5.15", "£3.90"),
        (
            "It took $458 m (£242.7m).",
            "$458 million",
            "£242.7 million",
        ),
        (
            "Acme earned 12.5 mln dlrs (6.6 mln stg).",
            "$12.5 million",
            "£6.6 million",
        ),
        ("A share is $1 (53p).", "$1", "£0.53"),
        ("It raised US$13m (€10m).", "$13 million", "€10 million"),
        ("It cost 19,800 yen (£98).", "¥19,800", "£98"),
        (
            "Fees of $250,000 (£133,000) were paid.",
            "$250,000",
            "£133,000",
        ),
        (
            "A bill of $2m ( £1.04m ) was sent.",
            "$2 million",
            "£1.04 million",
        ),
    ];
    for (text, a, b) in cases {
        assert_eq!(figures(text), pair(a, b), "{text}");
    }
}

#[test]
fn a_bracket_of_several_sums_is_one_conversion_each() {
    assert_eq!(
        figures("Net profit rose to 1.16bn euros ($1.5bn; £800m), it said."),
        vec![
            ("€1.16 billion".to_string(), "$1.5 billion".to_string()),
            ("€1.16 billion".to_string(), "£800 million".to_string()),
        ]
    );
    assert_eq!(figures("It is 300bn yen ($2.9bn, £1.5bn).").len(), 2);
}

#[test]
fn a_hedged_sum_keeps_its_hedge() {
    assert_eq!(
        in_text("Each costs $250 (about £132)."),
        vec![(
            "$250".to_string(),
            "$250".to_string(),
            "about £132".to_string(),
            "about £132".to_string()
        )]
    );
}

#[test]
fn brackets_with_more_than_sums_are_no_conversions() {
    for text in [
        "It sells for $99 (£69 in the UK).",
        "It costs £399 (£469 including VAT).",
        "Shares rose $2 (AP) on Monday.",
        "It lifted 700 pounds (320kg).",
        "Sales of $4.9m (£2m to £2.6m) are expected.",
        "It was 1,125 rupees ($24-$26) a share.",
        "Loans of 25bn rupees ($250m; £135m) are at risk.",
        "It was worth $5m (2004).",
        "The year 2004 (£3m) is no sum.",
    ] {
        assert_eq!(in_text(text), vec![], "{text}");
    }
}

#[test]
fn another_countrys_dollar_or_a_range_is_no_sum_alone() {
    for text in [
        "It paid A$10m (£4m) for it.",
        "It paid HK$5m (£340,000).",
        "Fees of $5m-$10m (£3m) are due.",
    ] {
        assert_eq!(in_text(text), vec![], "{text}");
    }
}

#[test]
fn an_article_without_a_bracket_or_a_currency_costs_nothing() {
    assert!(!likely("No money here (none at all)."));
    assert!(!likely("It cost $5, or £3."));
    assert!(likely("It cost $5 (£3)."));
    assert!(likely("It cost 5m euros (3m stg)."));
}
