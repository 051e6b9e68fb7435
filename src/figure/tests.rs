use super::*;
use proptest::prelude::*;

fn fig(text: &str) -> Figure {
    Figure::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn agree(a: &str, b: &str) -> bool {
    fig(a)
        .bounds(DEFAULT_TOLERANCE)
        .overlaps(&fig(b).bounds(DEFAULT_TOLERANCE))
}

#[test]
fn digits_separators_decimals_and_words() {
    assert_eq!(fig("10,741").value(), 10741.0);
    assert_eq!(fig("10 741").value(), 10741.0);
    assert_eq!(fig("10741").value(), 10741.0);
    assert_eq!(fig("2.5").value(), 2.5);
    assert_eq!(fig("five").value(), 5.0);
    assert_eq!(fig("twenty-one").value(), 21.0);
    assert_eq!(fig("-4.5").value(), -4.5);
    assert_eq!(fig("minus 4").value(), -4.0);
    assert_eq!(fig("10,741 foreign national offenders").value(), 10741.0);
    assert_eq!(fig("totalling nearly 3 per cent").hedge, Hedge::Nearly);
}

#[test]
fn scales_and_units_are_kept_apart() {
    let pounds = fig("£22 million");
    assert_eq!((pounds.value(), &pounds.unit), (22e6, &Unit::Currency("£")));
    assert_eq!(fig("£22m"), pounds);
    assert_eq!(fig("22 million pounds").unit, Unit::Currency("£"));
    let tons = fig("4.3 tons");
    assert_eq!((tons.value(), &tons.unit), (4.3, &Unit::Measure("ton")));
    assert_eq!(fig("22 million tons").unit, Unit::Measure("ton"));
    assert_eq!(fig("$1.5bn").value(), 1.5e9);
    assert_eq!(fig("Rs5bn").unit, Unit::Currency("Rs "));
    for percent in ["3%", "3 %", "3 per cent", "3 percent", "three per cent"] {
        assert_eq!(fig(percent).unit, Unit::Percent, "{percent}");
        assert_eq!(fig(percent).value(), 3.0, "{percent}");
    }
    assert_eq!(fig("2 percentage points").unit, Unit::PercentagePoint);
    assert_eq!(fig("five years").unit, Unit::Measure("year"));
    assert_eq!(fig("2,500 prisoners").unit, Unit::Plain);
}

#[test]
fn wire_house_styles_read_as_the_symbol_forms() {
    let dollars = fig("$12.5 million");
    for wire in ["12.5 mln dlrs", "12.5 MLN DLRS", "12.5 million dollars"] {
        assert_eq!(fig(wire), dollars, "{wire}");
    }
    assert!(agree("12.5 mln dlrs", "$12,500,000"));
    assert!(!agree("12.5 mln dlrs", "13.5 mln dlrs"));
    assert_eq!(fig("1.2 billion dlrs"), fig("$1.2bn"));
    assert_eq!(fig("1.2 bln dlrs"), fig("$1.2bn"));
    assert_eq!(fig("400 mln stg"), fig("£400m"));
    assert_eq!(fig("3.5 pct of the vote"), fig("3.5%"));
    assert_eq!(fig("50 bln yen"), fig("¥50bn"));
    assert_eq!(fig("40 bln rupees"), fig("Rs40bn"));
    assert_eq!(fig("2 mln euros"), fig("€2m"));
    assert_eq!(fig("two mln dlrs"), fig("$2 million"));
    assert_eq!(fig("12.5 mln Canadian dlrs").unit, Unit::Plain);
    let tonnes = fig("12.5 mln tonnes");
    assert_eq!(
        (tonnes.value(), &tonnes.unit),
        (12.5e6, &Unit::Measure("tonne"))
    );
}

#[test]
fn cents_are_hundredths_of_a_dollar_exact_to_the_cent() {
    let cents = fig("45 cts a share");
    assert_eq!(cents, fig("$0.45"));
    assert_eq!(cents.to_string(), "$0.45");
    assert_eq!(cents.describe(0.1), "$0.445 up to $0.455");
    assert!(!agree("45 cts", "$0.48"));
    assert!(!agree("45 cts", "45"), "not the plain number 45");
    assert_eq!(fig("4.5 cts"), fig("$0.045"));
    assert_eq!(fig("about 45 cts").hedge, Hedge::About);
    let many = format!("1.{} cts", "1".repeat(17));
    assert_eq!(
        Figure::parse(&many),
        Err(FigureError::TooManyDecimals(many.clone())),
        "cents take a figure past the decimals a mantissa keeps"
    );
}

#[test]
fn barrels_per_day_are_a_rate_not_a_stock() {
    let rate = fig("1.2 mln bpd");
    assert_eq!(rate.unit, Unit::Measure("barrel per day"));
    assert_eq!(fig("1.2 million barrels per day"), rate);
    assert_eq!(fig("1.2 million barrels a day"), rate);
    assert_eq!(rate.to_string(), "1.2 million barrels per day");
    assert_eq!(fig("1.2 million barrels").unit, Unit::Measure("barrel"));
}

#[test]
fn new_units_survive_the_cache() {
    for text in ["45 cts", "400 mln stg", "1.2 mln bpd", "3.5 pct"] {
        let figure = fig(text);
        let stored = serde_json::to_string(&figure).unwrap();
        let back: Figure = serde_json::from_str(&stored).unwrap();
        assert_eq!(back, figure, "{text}");
    }
}

#[test]
fn ordinals_and_ranks() {
    let seventh = fig("seventh largest");
    assert_eq!(
        (seventh.value(), &seventh.unit),
        (7.0, &Unit::Rank("largest".into()))
    );
    assert_eq!(fig("7th largest"), seventh);
    assert_eq!(fig("7th biggest"), seventh);
    assert_eq!(fig("51st largest").value(), 51.0);
    assert_eq!(fig("third-largest").unit, Unit::Rank("largest".into()));
    assert_eq!(fig("fifth").unit, Unit::Rank(String::new()));
    assert_eq!(fig("twenty-first").value(), 21.0);
    assert_eq!(
        fig("the fourth most populous").unit,
        Unit::Rank("most populous".into())
    );
}

#[test]
fn hedges_make_intervals() {
    let b = fig("about 10,700").bounds(0.1);
    assert_eq!((b.lo.round(), b.hi.round()), (9630.0, 11770.0));
    let nearly = fig("nearly 3 per cent").bounds(0.1);
    assert!(nearly.contains(2.9) && nearly.contains(3.0) && !nearly.contains(3.01));
    assert!(fig("more than 500").bounds(0.1).contains(1e9));
    assert!(!fig("up to 500").bounds(0.1).contains(501.0));
    assert!(fig("just over 500").bounds(0.1).contains(540.0));
    assert!(!fig("just over 500").bounds(0.1).contains(560.0));
    assert_eq!(fig("some 2,500").hedge, Hedge::About);
    assert_eq!(fig("almost 3%").hedge, Hedge::Nearly);
    assert_eq!(fig("as many as 40").hedge, Hedge::AtMost);
    assert_eq!(fig("at least 40").hedge, Hedge::AtLeast);
}

#[test]
fn figures_agree_when_their_intervals_overlap() {
    assert!(agree("10,741", "10741"));
    assert!(agree("10,741", "about 10,700"));
    assert!(!agree("10,741", "11,741"));
    assert!(!agree("nearly 3 per cent", "3.4%"));
    assert!(agree("nearly 3 per cent", "2.9%"));
    assert!(!agree("seventh largest", "sixth largest"));
    assert!(agree("2.5 million", "2,512,000"), "a rounded figure");
    assert!(!agree("3%", "4%"), "3 rounds from below 3.5");
    assert!(agree("3%", "3.4%"));
}

#[test]
fn tolerance_is_a_fraction_of_the_figure() {
    assert!(!fig("about 100").bounds(0.05).contains(107.0));
    assert!(fig("about 100").bounds(0.1).contains(107.0));
}

#[test]
fn describes_intervals_in_the_unit() {
    assert_eq!(fig("nearly 3 per cent").describe(0.1), "2.7% to 3%");
    assert_eq!(fig("3.4%").describe(0.1), "3.35% up to 3.45%");
    assert_eq!(fig("10,741").describe(0.1), "10,741");
    assert_eq!(fig("about 10,700").describe(0.1), "9,630 to 11,770");
    assert_eq!(fig("more than £2m").describe(0.1), "£2 million or more");
    assert_eq!(fig("seventh largest").describe(0.1), "7th largest");
}

#[test]
fn not_figures() {
    for text in ["", "many", "a lot", "10-12%", "10 to 12 per cent", "7.5th"] {
        assert!(Figure::parse(text).is_err(), "{text:?}");
    }
    let err = |text: &str| Figure::parse(text).unwrap_err();
    let raw = |text: &str| text.to_string();
    assert_eq!(err("many"), FigureError::NoFigure(raw("many")));
    assert_eq!(err(""), FigureError::NoFigure(raw("")));
    assert_eq!(
        err("99999999999999999999999"),
        FigureError::TooManyDigits(raw("99999999999999999999999"))
    );
    let decimals = format!("1.{}", "1".repeat(19));
    assert_eq!(
        err(&decimals),
        FigureError::TooManyDecimals(decimals.clone())
    );
    // The error quotes the text as written, not as the parser folded it.
    assert_eq!(
        err("About 10\u{2013}12%"),
        FigureError::Range(raw("About 10\u{2013}12%"))
    );
    assert_eq!(
        err("10 to 12 per cent"),
        FigureError::Range(raw("10 to 12 per cent"))
    );
    assert_eq!(err("7.5th"), FigureError::BadOrdinal(raw("7.5th")));
    assert_eq!(err("£3rd"), FigureError::BadOrdinal(raw("£3rd")));
}

/// The messages reach users' screens and snapshot tests: a change of wording
/// must be deliberate.
#[test]
fn error_messages_are_stable() {
    let cases = [
        (
            FigureError::NoFigure("many".into()),
            "`many` has no figure in it",
        ),
        (
            FigureError::TooManyDecimals("1.5".into()),
            "`1.5`: too many decimal places",
        ),
        (
            FigureError::TooManyDigits("99".into()),
            "`99`: too many digits for a figure",
        ),
        (
            FigureError::Range("10-12".into()),
            "`10-12`: a range, not one figure: capture one figure, or each end by itself",
        ),
        (
            FigureError::BadOrdinal("7.5th".into()),
            "`7.5th`: an ordinal must be a whole number, without a currency",
        ),
    ];
    for (error, text) in cases {
        assert_eq!(error.to_string(), text);
    }
}

#[test]
fn display_is_canonical() {
    assert_eq!(fig("about 10,700").to_string(), "about 10,700");
    assert_eq!(fig("nearly 3 per cent").to_string(), "nearly 3%");
    assert_eq!(fig("£22m").to_string(), "£22 million");
    assert_eq!(fig("third-largest").to_string(), "3rd largest");
    assert_eq!(fig("eleventh").to_string(), "11th");
    assert_eq!(fig("twenty-one").to_string(), "21");
    assert_eq!(fig("1 ton").to_string(), "1 ton");
    assert_eq!(fig("2.50 tonnes").to_string(), "2.50 tonnes");
}

fn any_unit() -> impl Strategy<Value = Unit> {
    prop_oneof![
        Just(Unit::Plain),
        Just(Unit::Percent),
        Just(Unit::PercentagePoint),
        prop::sample::select(vec!["£", "$", "€", "¥", "Rs "]).prop_map(Unit::Currency),
        prop::sample::select(
            units::MEASURES
                .iter()
                .map(|(singular, ..)| *singular)
                .collect::<Vec<_>>()
        )
        .prop_map(Unit::Measure),
    ]
}

fn any_hedge() -> impl Strategy<Value = Hedge> {
    prop::sample::select(vec![
        Hedge::Exact,
        Hedge::About,
        Hedge::Nearly,
        Hedge::JustOver,
        Hedge::AtLeast,
        Hedge::AtMost,
    ])
}

fn any_scale() -> impl Strategy<Value = Scale> {
    prop::sample::select(vec![
        Scale::One,
        Scale::Thousand,
        Scale::Million,
        Scale::Billion,
        Scale::Trillion,
    ])
}

prop_compose! {
    fn any_quantity()(
        hedge in any_hedge(),
        negative in any::<bool>(),
        digits in any::<u64>(),
        decimals in 0u8..=18,
        scale in any_scale(),
        unit in any_unit(),
    ) -> Figure {
        Figure { hedge, negative: negative && digits != 0, mantissa: Mantissa { digits, decimals }, scale, unit }
    }
}

prop_compose! {
    fn any_rank()(
        hedge in any_hedge(),
        digits in any::<u64>(),
        superlative in prop::sample::select(vec!["", "largest", "smallest", "most populous", "worst"]),
    ) -> Figure {
        Figure {
            hedge,
            negative: false,
            mantissa: Mantissa { digits, decimals: 0 },
            scale: Scale::One,
            unit: Unit::Rank(superlative.into()),
        }
    }
}

proptest! {
    /// Every figure a wire service writes in its style is the figure its symbol
    /// form is, whatever the digits and however it is scaled.
    #[test]
    fn wire_forms_are_their_symbol_forms(
        digits in 0u64..10_000_000,
        decimals in 0u8..=4,
        scale in prop::sample::select(vec![("mln", "million"), ("bln", "billion")]),
        currency in prop::sample::select(vec![("dlrs", "$"), ("stg", "£"), ("yen", "¥")]),
    ) {
        let plain = |decimals| Figure {
            hedge: Hedge::Exact,
            negative: false,
            mantissa: Mantissa { digits, decimals },
            scale: Scale::One,
            unit: Unit::Plain,
        }
        .to_string();
        let written = plain(decimals);
        let wire = Figure::parse(&format!("{written} {} {}", scale.0, currency.0));
        let symbol = Figure::parse(&format!("{}{written} {}", currency.1, scale.1));
        prop_assert!(wire.is_ok());
        prop_assert_eq!(wire, symbol);
        // Cents are the dollar figure two places down, to as many digits.
        let cents = Figure::parse(&format!("{written} cts"));
        prop_assert_eq!(cents, Figure::parse(&format!("${}", plain(decimals + 2))));
    }

    #[test]
    fn formatting_then_parsing_is_the_identity(f in prop_oneof![any_quantity(), any_rank()]) {
        prop_assert_eq!(Figure::parse(&f.to_string()), Ok(f));
    }

    #[test]
    fn parsing_never_panics(text in ".{0,40}") {
        let _ = Figure::parse(&text);
    }

    #[test]
    fn parsing_figure_like_text_never_panics_and_is_stable(
        text in r"(about |nearly |over |-|£|Rs|\$| )*[0-9., ]{0,12}(st|th|%| per cent| million|m|bn| mln| bln| dlrs| stg| cts| pct| bpd| tons| largest|-| to |[a-z ]){0,4}"
    ) {
        if let Ok(f) = Figure::parse(&text) {
            prop_assert_eq!(Figure::parse(&f.to_string()), Ok(f));
        }
    }
}
