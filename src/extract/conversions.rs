//! Money conversions, a claim corpus-lint makes itself: news gives a foreign sum
//! and, in a bracket right after it, what it comes to at home: `$1.8 billion
//! (£952 million)`, `836m euros (£581m)`, `$1 (53p)`. Every conversion states an
//! exchange rate, and the rates of one corpus and year should agree; one that does
//! not has a figure, a scale or a currency sign wrong (`money/conversion`).
//!
//! Only a bracket that holds nothing but sums is read (`($1.5bn; £800m)` gives two
//! conversions): one with more (`(£69 in the UK)`, `(£469 including VAT)`) is a
//! local price or another figure, no conversion. Sums are read by the figure
//! parser; the regex only finds where they are.

use super::claim::{Attached, Claim, Converted, Origin, Subject};
use crate::article::Document;
use crate::figure::{Figure, Unit};
use crate::ids::ArticleId;
use crate::time::Interval;
use crate::value::Value;
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;

/// Digits as news writes them (`1,125`, `5.15`).
const NUM: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";

/// The scales the figure parser reads; `458 m`, with a space, is read as `458m`.
const SCALE: &str =
    r"\s?(?:bn|mn|tn|m|k)(?-u:\b)|\s(?:million|billion|trillion|thousand|mln|bln)(?-u:\b)";

/// Hedges a converted sum may carry: `$250 (about £132)`.
const HEDGE: &str = r"(?:about|around|roughly|approximately|some|nearly|almost|just over|just under|more than|less than|over|under|up to)\s";

/// One sum: a currency sign with digits and a scale (`$1.8 billion`, `US$13m`,
/// `£3.90`, `$458 m`), digits and a scale with a currency name (`836m euros`,
/// `12.5 mln dlrs`), or pence (`53p`); its parts captured by name when `named`.
/// Boundaries are ASCII (`(?-u:\b)`), which keeps the regex on the fast engines.
///
/// Rupees are left out: India's, Pakistan's, Sri Lanka's and Nepal's differ
/// twofold, and `rupees` does not say which (`25bn rupees ($250m)` is right for
/// Sri Lanka).
fn sum_pattern(named: bool) -> String {
    let g = |name: &str| {
        if named {
            format!("?P<{name}>")
        } else {
            "?:".to_string()
        }
    };
    format!(
        r"(?:({sign}US\$|[$£€¥])\s?({num}{NUM})({scale}{SCALE})?|({wnum}{NUM})({wscale}{SCALE})?\s({name}euros?|dollars?|pounds?|yen|dlrs|stg)|({pence}\d{{1,3}})p)(?-u:\b)",
        sign = g("sign"),
        num = g("num"),
        scale = g("scale"),
        wnum = g("wnum"),
        wscale = g("wscale"),
        name = g("name"),
        pence = g("pence"),
    )
}

/// A sum in the text, then a bracket that holds only sums, one or more, apart by
/// `;`, `,` or `:`.
static CONVERSION: LazyLock<Regex> = LazyLock::new(|| {
    let sum = sum_pattern(false);
    let hedged = format!("(?:{HEDGE})?{sum}");
    Regex::new(&format!(
        r"(?P<first>{sum})\s?\(\s?(?P<inner>{hedged}(?:\s?[;,:]\s?{hedged})*)\s*\)"
    ))
    .expect("a valid regex")
});

/// One sum and its hedge, for reading its parts once [`CONVERSION`] has found it.
static ONE_SUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?P<hedge>{HEDGE})?{}", sum_pattern(true))).expect("a valid regex")
});

/// The money conversions `doc`'s body gives, as claims dated by the article: the
/// first sum is the value, the sum in the bracket is [`Attached::Converted`].
pub(super) fn conversions(id: ArticleId, doc: &Document) -> Vec<Claim> {
    let body = doc.body();
    if !likely(body) {
        return Vec::new();
    }
    let base = doc.body_start;
    let time = doc.date().and_then(Interval::of);
    let mut claims = Vec::new();
    for m in CONVERSION.captures_iter(body) {
        let (whole, first, inner) = (
            m.get(0).expect("the match"),
            m.name("first").expect("group"),
            m.name("inner").expect("group"),
        );
        if !stands_alone(&body[..whole.start()]) {
            continue;
        }
        let Some(from) = ONE_SUM.captures(first.as_str()).and_then(|c| sum(&c)) else {
            continue;
        };
        for c in ONE_SUM.captures_iter(inner.as_str()) {
            let Some(to) = sum(&c) else {
                continue;
            };
            let at = c.get(0).expect("the match").range();
            let span = inner.start() + at.start..inner.start() + at.end;
            claims.push(Claim {
                article: id,
                origin: Origin::Conversion,
                subject: Subject::Standalone,
                value: Value::Number(from.clone()),
                raw: first.as_str().to_string(),
                span: shifted(base, first.range()),
                matched: shifted(base, whole.range()),
                time,
                attached: Some(Attached::Converted(Converted {
                    figure: to,
                    raw: body[span.clone()].to_string(),
                    span: shifted(base, span),
                })),
            });
        }
    }
    claims
}

fn shifted(base: usize, r: Range<usize>) -> Range<usize> {
    base + r.start..base + r.end
}

/// Whether `body` may hold a conversion: a bracket after a space, and a currency
/// sign or name. Most articles have none, and cost no more than this.
fn likely(body: &str) -> bool {
    body.contains(" (")
        && (body.contains(['$', '£', '€', '¥'])
            || ["euro", "dollar", "pound", "yen", "dlrs", "stg"]
                .iter()
                .any(|w| body.contains(w)))
}

/// Whether a sum that starts after `before` is a sum by itself: not the end of a
/// range (`$5m-$10m`), another currency's sign (`A$10m`, `HK$5`) or a longer number.
fn stands_alone(before: &str) -> bool {
    !before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || "-–/.,$£€¥".contains(c))
}

/// The figure a sum's parts make, read by the figure parser; `None` if it is no
/// sum in a currency.
fn sum(c: &Captures) -> Option<Figure> {
    let part = |name: &str| c.name(name).map_or("", |m| m.as_str());
    let hedge = part("hedge");
    // `$458 m` is `$458m`; `mln` and the words keep their space.
    let scaled = |num: &str, scale: &str| {
        let scale = scale.trim_start();
        let glue = if scale.len() > 2 { " " } else { "" };
        format!("{num}{glue}{scale}")
    };
    let figure = if c.name("pence").is_some() {
        // Pence are hundredths of a pound, exact to the penny, as `cts` are of a
        // dollar for the parser.
        let mut f = Figure::parse(&format!("{hedge}£{}", part("pence"))).ok()?;
        f.mantissa.decimals += 2;
        f
    } else if c.name("sign").is_some() {
        let amount = scaled(part("num"), part("scale"));
        Figure::parse(&format!("{hedge}{}{amount}", part("sign"))).ok()?
    } else {
        let amount = scaled(part("wnum"), part("wscale"));
        Figure::parse(&format!("{hedge}{amount} {}", part("name"))).ok()?
    };
    matches!(figure.unit, Unit::Currency(_)).then_some(figure)
}

#[cfg(test)]
mod tests;
