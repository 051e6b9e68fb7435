#![doc = include_str!("money_conversion.md")]

use super::{Context, Finding, Location};
use crate::code::Code;
use crate::extract::{Claim, Converted, Origin};
use crate::figure::{DEFAULT_TOLERANCE, Figure, Unit};
use crate::report::Severity;
use crate::value::Value;
use chrono::Datelike;
use rustc_hash::FxHashMap;
use written::{compared, money, name, names, rate_digits, rate_text, strength};

mod written;

/// How many conversions of one pair and year it takes before their median rate is
/// the corpus's: fewer say too little about what the rate was.
const ENOUGH: usize = 5;

/// How far from the corpus's rate a conversion may be, as a fraction of it: rates
/// of a year move by 10% or so, and news rounds them.
const LEEWAY: f64 = 0.25;

/// How close a rate must come to the corpus's once inverted or shifted by a power
/// of ten for that to be named the cause: as close as a year's rates are to each
/// other. Looser, a wrong sum beside a right one (`2.4bn euros ($3.1bn; £2.9bn)`)
/// would read as swapped currencies.
const CAUSE: f64 = 0.1;

/// Rates each conversion, groups them by pair and year, and compares each with
/// its group's others; sums "converted" into their own currency are reported
/// whatever the group.
pub fn run(cx: &Context) -> Vec<Finding> {
    let rated: Vec<Rated> = cx
        .extraction
        .claims
        .iter()
        .filter(|c| c.origin == Origin::Conversion)
        .filter_map(Rated::new)
        .collect();
    let mut groups: FxHashMap<Group, Members> = FxHashMap::default();
    for r in rated.iter().filter(|r| r.strong != r.weak) {
        groups.entry(r.group()).or_default().sorted.push(r);
    }
    groups.retain(|_, members| members.sorted.len() >= ENOUGH);
    for members in groups.values_mut() {
        members.sorted.sort_by(|a, b| a.rate.total_cmp(&b.rate));
    }
    let mut findings: Vec<Finding> = rated
        .iter()
        .filter(|r| r.strong == r.weak)
        .map(|r| own_currency(r, &groups))
        .collect();
    for (group, members) in &groups {
        for (k, r) in members.sorted.iter().enumerate() {
            let median = members.median_without(k);
            if !r.fits(median) {
                findings.push(off_rate(r, group.1, median, members));
            }
        }
    }
    findings
}

/// The conversions of one group, sorted by rate: each is compared with the median
/// of the others, found in the sorted list without sorting again.
#[derive(Default)]
struct Members<'a> {
    sorted: Vec<&'a Rated<'a>>,
}

impl Members<'_> {
    /// The median rate of the whole group.
    fn median(&self) -> f64 {
        middle(self.sorted.len(), |j| self.sorted[j].rate)
    }

    /// The median rate of all but the `k`th conversion.
    fn median_without(&self, k: usize) -> f64 {
        let at = |j: usize| self.sorted[if j < k { j } else { j + 1 }].rate;
        middle(self.sorted.len() - 1, at)
    }

    /// A conversion of another article than `r`'s at about the group's median
    /// rate: the one nearest the middle of the sorted list.
    fn typical(&self, r: &Rated) -> Option<&Rated<'_>> {
        let mid = self.sorted.len() / 2;
        (0..self.sorted.len())
            .flat_map(|d| [mid.checked_add(d), mid.checked_sub(d + 1)])
            .flatten()
            .filter_map(|i| self.sorted.get(i).copied())
            .find(|o| o.claim.article != r.claim.article)
    }
}

/// The median of `n` sorted values, the `j`th being `at(j)`.
fn middle(n: usize, at: impl Fn(usize) -> f64) -> f64 {
    if n % 2 == 0 {
        (at(n / 2 - 1) + at(n / 2)) / 2.0
    } else {
        at(n / 2)
    }
}

/// A currency pair (the stronger currency first, as [`strength`] orders them) and
/// the year of the articles, or `None` for undated ones.
type Group = ((&'static str, &'static str), Option<i32>);

/// A conversion and the rate it states: units of the weaker currency to one of
/// the stronger, and the lowest and highest rates the rounding of its two sums
/// allows.
struct Rated<'a> {
    claim: &'a Claim,
    from: &'a Figure,
    to: &'a Converted,
    strong: &'static str,
    weak: &'static str,
    rate: f64,
    lo: f64,
    hi: f64,
}

impl<'a> Rated<'a> {
    fn new(claim: &'a Claim) -> Option<Rated<'a>> {
        let (Value::Number(from), Some(to)) = (&claim.value, claim.converted()) else {
            return None;
        };
        let (Unit::Currency(a), Unit::Currency(b)) = (&from.unit, &to.figure.unit) else {
            return None;
        };
        let (strong, weak) = if strength(a) <= strength(b) {
            (*a, *b)
        } else {
            (*b, *a)
        };
        let (s, w) = if *a == strong {
            (from, &to.figure)
        } else {
            (&to.figure, from)
        };
        let (sb, wb) = (s.bounds(DEFAULT_TOLERANCE), w.bounds(DEFAULT_TOLERANCE));
        if s.value() <= 0.0 || w.value() <= 0.0 {
            return None;
        }
        let ratio = |n: f64, d: f64| {
            if d > 0.0 {
                n.max(0.0) / d
            } else {
                f64::INFINITY
            }
        };
        Some(Rated {
            claim,
            from,
            to,
            strong,
            weak,
            rate: w.value() / s.value(),
            lo: ratio(wb.lo, sb.hi),
            hi: ratio(wb.hi, sb.lo),
        })
    }

    fn group(&self) -> Group {
        (
            (self.strong, self.weak),
            self.claim.time.map(|t| t.start.year()),
        )
    }

    /// Whether some rate the rounding allows is within [`LEEWAY`] of `median`.
    fn fits(&self, median: f64) -> bool {
        within(self.lo, self.hi, median, LEEWAY)
    }

    /// The conversion as written: `$1.8 billion (£952 million)`.
    fn written(&self) -> String {
        format!("{} ({})", self.claim.raw, self.to.raw)
    }

    /// What the first sum comes to in the bracket's currency at `rate`.
    fn expected(&self, rate: f64) -> f64 {
        if self.from.unit == Unit::Currency(self.strong) {
            self.from.value() * rate
        } else {
            self.from.value() / rate
        }
    }
}

/// Whether some rate from `lo` to `hi` is within `leeway` of `median`.
fn within(lo: f64, hi: f64, median: f64, leeway: f64) -> bool {
    hi >= median * (1.0 - leeway) && lo <= median * (1.0 + leeway)
}

/// `the corpus's other 2004 conversions`, or its undated ones.
fn others_of(year: Option<i32>) -> String {
    match year {
        Some(y) => format!("the corpus's other {y} conversions"),
        None => "the corpus's other undated conversions".to_string(),
    }
}

/// A conversion whose rate is far from its group's.
fn off_rate(r: &Rated, year: Option<i32>, median: f64, members: &Members) -> Finding {
    let (strong, weak) = (r.strong, r.weak);
    let typical = rate_text(median, strong, weak);
    let expected = r.expected(median);
    let comes_to = format!(
        "at {typical}, `{}` comes to {}",
        r.claim.raw,
        money(expected, bracket_symbol(r))
    );
    let help = if r.hi > 0.0 && within(1.0 / r.hi, 1.0 / r.lo, median, CAUSE) {
        format!(
            "the sum looks converted the wrong way, or its currencies swapped: the inverse \
             rate, {}, fits; {comes_to}",
            rate_text(1.0 / r.rate, strong, weak)
        )
    } else if let Some(times) = power_of_ten(r, median) {
        let what = if times % 3 == 0 {
            "a scale looks missing or extra"
        } else {
            "a digit or the decimal point looks wrong"
        };
        format!(
            "{what}: {comes_to}, {} `{}`",
            compared(expected, r.to.figure.value()),
            r.to.raw
        )
    } else {
        format!("{comes_to}, not `{}`: check both sums", r.to.raw)
    };
    let mut locations = vec![Location {
        article: r.claim.article,
        span: r.claim.matched.clone(),
        label: rate_text(r.rate, strong, weak),
        primary: true,
    }];
    locations.extend(members.typical(r).map(|typical| Location {
        article: typical.claim.article,
        span: typical.claim.matched.clone(),
        label: format!("{} here", rate_text(typical.rate, strong, weak)),
        primary: false,
    }));
    Finding {
        code: Code::MoneyConversion,
        severity: Severity::Warning,
        message: format!(
            "`{}` converts at {}, {} the {} {} give",
            r.written(),
            rate_text(r.rate, strong, weak),
            compared(r.rate, median),
            Unit::Currency(weak).attach(&rate_digits(median)),
            others_of(year),
        ),
        help,
        locations,
        fix: Vec::new(),
    }
}

/// The symbol of the bracket's currency.
fn bracket_symbol(r: &Rated) -> &'static str {
    if r.from.unit == Unit::Currency(r.strong) {
        r.weak
    } else {
        r.strong
    }
}

/// By how many powers of ten the rate is off, if that makes it fit: `$6.3
/// (£3.35m)` is 6 (a missing scale), `$1.8 billion (£94 million)` is 1.
fn power_of_ten(r: &Rated, median: f64) -> Option<i32> {
    let times = (r.rate / median).log10().round() as i32;
    let shift = 10f64.powi(times);
    (times != 0 && within(r.lo / shift, r.hi / shift, median, CAUSE)).then_some(times)
}

/// A sum "converted" into its own currency: `$3bn ($1.6bn)`. One of the signs is
/// wrong; the help says which sum, in which currency, fits the corpus's rates, if
/// one does.
fn own_currency(r: &Rated, groups: &FxHashMap<Group, Members>) -> Finding {
    let year = r.claim.time.map(|t| t.start.year());
    let symbol = r.strong;
    let given = r.to.figure.value() / r.from.value();
    // (how far off, the sum whose sign is wrong, its currency, the rate's text):
    // the bracket's sum in another currency, or the first sum.
    let mut fits: Vec<(f64, &str, &'static str, String)> = Vec::new();
    for (((s, w), y), members) in groups {
        if *y != year || (*s != symbol && *w != symbol) {
            continue;
        }
        let other = if *s == symbol { *w } else { *s };
        let m = members.median();
        // Units of `other` to one of `symbol`.
        let per = if *s == symbol { m } else { 1.0 / m };
        for (sum, off) in [
            (r.to.raw.as_str(), (given / per - 1.0).abs()),
            (r.claim.raw.as_str(), (given * per - 1.0).abs()),
        ] {
            if off <= LEEWAY {
                fits.push((off, sum, other, rate_text(m, s, w)));
            }
        }
    }
    let help = match fits.iter().min_by(|a, b| a.0.total_cmp(&b.0)) {
        Some((_, sum, other, rate)) => format!(
            "a currency sign looks wrong: at the corpus's {rate}, `{sum}` is probably in {}",
            names(other),
        ),
        None => "one of the two currencies is wrong, or the bracket is no conversion: check \
                 the source"
            .to_string(),
    };
    Finding {
        code: Code::MoneyConversion,
        severity: Severity::Warning,
        message: format!(
            "`{}` converts a sum into its own currency, the {}",
            r.written(),
            name(symbol)
        ),
        help,
        locations: vec![Location {
            article: r.claim.article,
            span: r.claim.matched.clone(),
            label: "the same currency twice".to_string(),
            primary: true,
        }],
        fix: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
