//! How `money/conversion` writes rates and sums: as news does, `$1.89 to the
//! pound`, `£952m`, `£13,700`.

use crate::figure::Unit;

/// Orders currencies from the strongest, so a rate reads as news gives it: `$1.89
/// to the pound`, `¥105 to the dollar`.
pub(super) fn strength(symbol: &str) -> u8 {
    match symbol {
        "£" => 0,
        "€" => 1,
        "$" => 2,
        "Rs " => 3,
        "¥" => 4,
        _ => 5,
    }
}

/// A currency's name in `$1.89 to the pound`.
pub(super) fn name(symbol: &str) -> &'static str {
    match symbol {
        "£" => "pound",
        "€" => "euro",
        "$" => "dollar",
        "Rs " => "rupee",
        "¥" => "yen",
        _ => "unit",
    }
}

/// Its plural: `in pounds`, `in yen`.
pub(super) fn names(symbol: &str) -> String {
    match name(symbol) {
        "yen" => "yen".to_string(),
        one => format!("{one}s"),
    }
}

/// A rate's digits to three figures: `1.89`, `105`, `0.000529`.
pub(super) fn rate_digits(rate: f64) -> String {
    let decimals = (2 - rate.log10().floor() as i32).clamp(0, 12) as usize;
    let text = format!("{rate:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// How `x` compares with `reference`: `26% off`, `1,000 times`, `1/10 of`.
pub(super) fn compared(x: f64, reference: f64) -> String {
    let ratio = x / reference;
    let times = |x: f64| {
        let step = 10f64.powi((x.log10().floor() as i32 - 1).max(0));
        crate::figure::group_thousands(&format!("{:.0}", (x / step).round() * step))
    };
    if ratio >= 2.0 {
        format!("{} times", times(ratio))
    } else if ratio <= 0.5 {
        format!("1/{} of", times(1.0 / ratio))
    } else {
        format!("{:.0}% off", ((ratio - 1.0).abs() * 100.0).round())
    }
}

/// A rate as news writes it: `$1.89 to the pound`, `¥105 to the dollar`.
pub(super) fn rate_text(rate: f64, strong: &str, weak: &'static str) -> String {
    format!(
        "{} to the {}",
        Unit::Currency(weak).attach(&rate_digits(rate)),
        name(strong)
    )
}

/// A sum to three figures, as news writes it: `£952m`, `£1.59bn`, `£13,700`, `£3.33`.
pub(super) fn money(x: f64, symbol: &'static str) -> String {
    let three = |y: f64| {
        let decimals = if y < 10.0 {
            2
        } else if y < 100.0 {
            1
        } else {
            0
        };
        let s = format!("{y:.decimals$}");
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    let number = if x >= 1e9 {
        format!("{}bn", three(x / 1e9))
    } else if x >= 1e6 {
        format!("{}m", three(x / 1e6))
    } else if x >= 1000.0 {
        let step = 10f64.powi(x.log10().floor() as i32 - 2);
        let whole = format!("{:.0}", (x / step).round() * step);
        crate::figure::group_thousands(&whole)
    } else if x >= 100.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.2}")
    };
    Unit::Currency(symbol).attach(&number)
}
