//! Figures as news copy writes them — `10,741`, `about 10,700`, `nearly 3 per cent`,
//! `£22m`, `twenty-one`, `the seventh largest` — read into a [`Figure`] that keeps
//! what was said (the digits, the hedge, the unit) so that two figures can be
//! compared the way an editor compares them: as the ranges of values they allow.

mod parse;
mod units;
pub(crate) mod words;

pub use parse::FigureError;
pub use units::Unit;

use std::fmt;

/// How much a hedged figure (`about`, `nearly`) may differ from the figure stated,
/// as a fraction of it, unless a rule says otherwise.
pub const DEFAULT_TOLERANCE: f64 = 0.1;

/// A decimal as written: `2.50` is 250 with 2 decimals, so the precision the writer
/// gave is kept (a figure stated to one decimal stands for anything that rounds to it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Mantissa {
    pub digits: u64,
    pub decimals: u8,
}

impl Mantissa {
    fn value(self) -> f64 {
        self.digits as f64 / 10f64.powi(i32::from(self.decimals))
    }

    /// Half a unit of the last digit written: how far the true value may be from it.
    fn half_step(self) -> f64 {
        0.5 / 10f64.powi(i32::from(self.decimals))
    }
}

/// A scale word after the digits: `2.5 million`, `£22m`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Scale {
    One,
    Thousand,
    Million,
    Billion,
    Trillion,
}

impl Scale {
    fn factor(self) -> f64 {
        match self {
            Scale::One => 1.0,
            Scale::Thousand => 1e3,
            Scale::Million => 1e6,
            Scale::Billion => 1e9,
            Scale::Trillion => 1e12,
        }
    }

    fn word(self) -> &'static str {
        match self {
            Scale::One => "",
            Scale::Thousand => "thousand",
            Scale::Million => "million",
            Scale::Billion => "billion",
            Scale::Trillion => "trillion",
        }
    }
}

/// What a hedge word says about the true value relative to the figure stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Hedge {
    /// No hedge: anything that rounds to the figure as written.
    Exact,
    /// `about`, `around`, `roughly`, `some`, `approximately`: within the tolerance either side.
    About,
    /// `nearly`, `almost`, `just under`: at most the figure, within the tolerance below it.
    Nearly,
    /// `just over`: at least the figure, within the tolerance above it.
    JustOver,
    /// `over`, `more than`, `at least`: the figure or more.
    AtLeast,
    /// `up to`, `as many as`, `at most`: the figure or less.
    AtMost,
}

impl Hedge {
    /// The word `Display` writes, which reads back as the same hedge.
    fn word(self) -> &'static str {
        match self {
            Hedge::Exact => "",
            Hedge::About => "about",
            Hedge::Nearly => "nearly",
            Hedge::JustOver => "just over",
            Hedge::AtLeast => "at least",
            Hedge::AtMost => "up to",
        }
    }
}

/// A figure: a hedge, a signed decimal with a scale, and a unit.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Figure {
    pub hedge: Hedge,
    pub negative: bool,
    pub mantissa: Mantissa,
    pub scale: Scale,
    pub unit: Unit,
}

/// The values a figure allows: `lo` to `hi`, `hi` itself excluded when `hi_open`
/// (a figure stated exactly allows what rounds to it: `3` is 2.5 up to, not
/// including, 3.5).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub lo: f64,
    pub hi: f64,
    pub hi_open: bool,
}

impl Bounds {
    /// Whether some value lies in both.
    pub fn overlaps(&self, other: &Bounds) -> bool {
        let below = |a: &Bounds, b: &Bounds| {
            if b.hi_open { a.lo < b.hi } else { a.lo <= b.hi }
        };
        below(self, other) && below(other, self)
    }

    /// Whether `x` is one of the values.
    pub fn contains(&self, x: f64) -> bool {
        self.lo <= x && (x < self.hi || (!self.hi_open && x == self.hi))
    }
}

impl Figure {
    /// The value stated, before any hedge: `about 2.5 million` is 2,500,000.
    pub fn value(&self) -> f64 {
        let v = self.mantissa.value() * self.scale.factor();
        if self.negative { -v } else { v }
    }

    /// Whether the figure is a rank or an ordinal (`seventh largest`, `fifth`).
    pub fn is_ordinal(&self) -> bool {
        matches!(self.unit, Unit::Rank(_))
    }

    /// The values the figure allows, `tolerance` being how far a hedged figure may
    /// be from the figure stated (a fraction of it).
    pub fn bounds(&self, tolerance: f64) -> Bounds {
        let v = self.value();
        let slack = v.abs() * tolerance;
        let closed = |lo: f64, hi: f64| Bounds {
            lo,
            hi,
            hi_open: false,
        };
        match self.hedge {
            Hedge::Exact if self.is_ordinal() => closed(v, v),
            Hedge::Exact => {
                let half = self.mantissa.half_step() * self.scale.factor();
                Bounds {
                    lo: v - half,
                    hi: v + half,
                    hi_open: true,
                }
            }
            Hedge::About => closed(v - slack, v + slack),
            Hedge::Nearly => closed(v - slack, v),
            Hedge::JustOver => closed(v, v + slack),
            Hedge::AtLeast => closed(v, f64::INFINITY),
            Hedge::AtMost => closed(f64::NEG_INFINITY, v),
        }
    }

    /// The bounds in words, in the figure's unit: `2.7% to 3%`, `10,741`,
    /// `3% or more`.
    pub fn describe(&self, tolerance: f64) -> String {
        let b = self.bounds(tolerance);
        let show = |x: f64| self.unit.attach(&readable(x));
        let whole = self.mantissa.decimals == 0 && self.scale == Scale::One;
        match (b.lo.is_finite(), b.hi.is_finite()) {
            (true, true) if b.lo == b.hi => show(b.lo),
            (true, true) if self.hedge == Hedge::Exact && whole => show(self.value()),
            (true, true) if self.hedge == Hedge::Exact => {
                format!("{} up to {}", show(b.lo), show(b.hi))
            }
            (true, true) => format!("{} to {}", show(b.lo), show(b.hi)),
            (true, false) => format!("{} or more", show(b.lo)),
            (false, true) => format!("{} or less", show(b.hi)),
            (false, false) => "any value".into(),
        }
    }
}

/// `12345.678` as `12,345.678`, with at most 4 significant decimals and scale
/// words from a million up.
fn readable(x: f64) -> String {
    let (x, word) = match x.abs() {
        a if a >= 1e12 => (x / 1e12, " trillion"),
        a if a >= 1e9 => (x / 1e9, " billion"),
        a if a >= 1e6 => (x / 1e6, " million"),
        _ => (x, ""),
    };
    let rounded = format!("{:.4}", x);
    let trimmed = rounded.trim_end_matches('0').trim_end_matches('.');
    let (sign, unsigned) = match trimmed.strip_prefix('-') {
        Some(u) => ("-", u),
        None => ("", trimmed),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let sign = if int == "0" && frac.is_empty() {
        ""
    } else {
        sign
    };
    let frac = if frac.is_empty() {
        String::new()
    } else {
        format!(".{frac}")
    };
    format!("{sign}{}{frac}{word}", group_thousands(int))
}

/// `10741` as `10,741`.
pub(crate) fn group_thousands(int: &str) -> String {
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// The canonical form, which [`Figure::parse`] reads back as the same figure:
/// `about £2.5 million`, `nearly 3%`, `7th largest`.
impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.hedge != Hedge::Exact {
            write!(f, "{} ", self.hedge.word())?;
        }
        if self.negative {
            f.write_str("-")?;
        }
        let digits = format!(
            "{:0>width$}",
            self.mantissa.digits,
            width = usize::from(self.mantissa.decimals) + 1
        );
        let (int, frac) = digits.split_at(digits.len() - usize::from(self.mantissa.decimals));
        let mut number = group_thousands(int);
        if !frac.is_empty() {
            number.push('.');
            number.push_str(frac);
        }
        if self.scale != Scale::One {
            number.push(' ');
            number.push_str(self.scale.word());
        }
        f.write_str(&self.unit.attach(&number))
    }
}

#[cfg(test)]
mod tests;
