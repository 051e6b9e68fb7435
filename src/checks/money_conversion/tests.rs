use super::*;
use crate::checks::testing::{context, pack};
use crate::extract::{Attached, Extraction, Subject};
use crate::ids::Id;
use crate::time::Interval;

/// A conversion of `from` into `to`, in article `article` dated in `year`.
fn conversion(article: usize, from: &str, to: &str, year: Option<i32>) -> Claim {
    let figure = |s: &str| Figure::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"));
    Claim {
        article: Id::new(article),
        origin: Origin::Conversion,
        subject: Subject::Standalone,
        value: Value::Number(figure(from)),
        raw: from.to_string(),
        span: 0..from.len(),
        matched: 0..from.len() + to.len() + 3,
        time: year.and_then(|y| {
            Interval::of(crate::date::PartialDate {
                year: y,
                month: None,
                day: None,
            })
        }),
        attached: Some(Attached::Converted(Converted {
            figure: figure(to),
            raw: to.to_string(),
            span: from.len() + 2..from.len() + 2 + to.len(),
        })),
    }
}

/// Five conversions at about $1.89 to the pound, some written the other way round.
fn typical(year: Option<i32>) -> Vec<Claim> {
    [
        ("$100m", "£53m"),
        ("$250", "£132"),
        ("£20", "$38"),
        ("$26m", "£13.8m"),
        ("$75,000", "£39,500"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (a, b))| conversion(i, a, b, year))
    .collect()
}

/// The findings on `typical` conversions of 2005 and `extra`.
fn findings(extra: Vec<Claim>) -> Vec<Finding> {
    let mut claims = typical(Some(2005));
    claims.extend(extra);
    let extraction = Extraction {
        claims,
        ..Extraction::default()
    };
    let pack = pack(Severity::Warning, crate::value::ValueType::Number, 0.1);
    run(&context(&extraction, &pack))
}

#[test]
fn conversions_at_the_corpus_rate_pass_whichever_way_they_go() {
    assert!(findings(vec![]).is_empty());
    // A year's rates move: $1.75 and $1.98 to the pound are fine.
    let ok = vec![
        conversion(9, "$1.75bn", "£1bn", Some(2005)),
        conversion(9, "£1m", "$1.98m", Some(2005)),
    ];
    assert!(findings(ok).is_empty());
}

#[test]
fn a_rate_far_off_is_a_warning_with_what_the_sum_comes_to() {
    let found = findings(vec![conversion(9, "$671.7bn", "£484bn", Some(2005))]);
    assert_eq!(found.len(), 1);
    let f = &found[0];
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(
        f.message,
        "`$671.7bn (£484bn)` converts at $1.39 to the pound, 27% off the $1.89 the corpus's other 2005 conversions give"
    );
    assert_eq!(
        f.help,
        "at $1.89 to the pound, `$671.7bn` comes to £355bn, not `£484bn`: check both sums"
    );
    assert!(f.locations[0].primary);
    assert_eq!(f.locations[0].label, "$1.39 to the pound");
    assert!(!f.locations[1].primary, "a typical conversion as evidence");
    assert_ne!(f.locations[1].article, f.locations[0].article);
}

#[test]
fn the_help_names_swapped_currencies_and_missing_scales() {
    let swapped = findings(vec![conversion(9, "$10m", "£19.2m", Some(2005))]);
    assert!(
        swapped[0]
            .help
            .starts_with("the sum looks converted the wrong way, or its currencies swapped"),
        "{}",
        swapped[0].help
    );
    let scale = findings(vec![conversion(9, "$6.3", "£3.35m", Some(2005))]);
    assert!(
        scale[0].help.starts_with("a scale looks missing or extra"),
        "{}",
        scale[0].help
    );
    let digit = findings(vec![conversion(
        9,
        "$1.8 billion",
        "£94 million",
        Some(2005),
    )]);
    assert_eq!(
        digit[0].help,
        "a digit or the decimal point looks wrong: at $1.89 to the pound, `$1.8 billion` comes \
         to £950m, 10 times `£94 million`"
    );
}

#[test]
fn rounding_of_the_written_sums_is_allowed_for() {
    // `$1 (53p)`: a dollar stated to the dollar allows $0.50 to $1.50.
    assert!(findings(vec![conversion(9, "$1", "£0.80", Some(2005))]).is_empty());
}

#[test]
fn a_sum_converted_into_its_own_currency_is_always_a_warning() {
    let found = findings(vec![
        conversion(9, "$3bn", "$1.6bn", Some(2005)),
        conversion(9, "£23bn", "£12m", Some(2005)),
    ]);
    assert_eq!(found.len(), 2);
    assert_eq!(
        found[0].message,
        "`$3bn ($1.6bn)` converts a sum into its own currency, the dollar"
    );
    assert_eq!(
        found[0].help,
        "a currency sign looks wrong: at the corpus's $1.89 to the pound, `$1.6bn` is probably in pounds"
    );
    assert!(
        found[1]
            .help
            .starts_with("one of the two currencies is wrong")
    );
    // Even with no group to compare with.
    let extraction = Extraction {
        claims: vec![conversion(0, "£35m", "£19m", None)],
        ..Extraction::default()
    };
    let pack = pack(Severity::Warning, crate::value::ValueType::Number, 0.1);
    assert_eq!(run(&context(&extraction, &pack)).len(), 1);
}

#[test]
fn groups_are_per_year_and_need_five_conversions() {
    // Three 2004 conversions say nothing about a fourth of 2004, however far off.
    let mut extra: Vec<Claim> = typical(Some(2004)).into_iter().take(3).collect();
    extra.push(conversion(9, "$671.7bn", "£484bn", Some(2004)));
    assert!(findings(extra).is_empty());
    // Undated articles are a group of their own.
    let mut undated = typical(None);
    undated.push(conversion(9, "$671.7bn", "£484bn", None));
    let found = findings(undated);
    assert_eq!(found.len(), 1);
    assert!(
        found[0]
            .message
            .ends_with("the corpus's other undated conversions give")
    );
}

#[test]
fn pairs_are_one_group_in_both_directions_and_apart_from_other_pairs() {
    // Euros to pounds are their own pair: €1.45 to the pound is no dollar rate.
    let euros: Vec<Claim> = (0..5)
        .map(|i| conversion(10 + i, "145m euros", "£100m", Some(2005)))
        .collect();
    assert!(findings(euros).is_empty());
}

#[test]
fn figures_read_as_news_writes_them() {
    assert_eq!(money(3.55e11, "£"), "£355bn");
    assert_eq!(money(1.59e9, "£"), "£1.59bn");
    assert_eq!(money(13_741.0, "£"), "£13,700");
    assert_eq!(money(3.333, "£"), "£3.33");
    assert_eq!(rate_digits(1.8912), "1.89");
    assert_eq!(rate_digits(105.2), "105");
    assert_eq!(rate_digits(0.00000188), "0.00000188");
    assert_eq!(compared(1.39, 1.89), "26% off");
    assert_eq!(compared(19.1, 1.89), "10 times");
    assert_eq!(compared(0.0000019, 1.89), "1/990,000 of");
}
