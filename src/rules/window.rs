//! A rule's `window`: how far apart in time two claims of one key may be and still
//! be compared (`2 weeks`, `6 months`, `1 year`). Statistics and lists "as
//! reported" change from year to year; a window says so by meaning, where a key
//! holding `{article.year}` said it by the calendar (and gave nothing for an
//! undated article).

use chrono::{Days, Months, NaiveDate};

/// A duration of whole days, weeks, months or years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    count: u32,
    unit: Unit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    const ALL: [(Unit, &'static str); 4] = [
        (Unit::Day, "day"),
        (Unit::Week, "week"),
        (Unit::Month, "month"),
        (Unit::Year, "year"),
    ];

    fn named(word: &str) -> Option<Unit> {
        let singular = word.strip_suffix('s').unwrap_or(word);
        Unit::ALL
            .into_iter()
            .find(|(_, name)| *name == singular)
            .map(|(unit, _)| unit)
    }
}

/// What is wrong with a window, and where in its text (byte offset and length).
#[derive(Debug, PartialEq)]
pub struct WindowError {
    pub offset: usize,
    pub len: usize,
    pub message: String,
}

impl Window {
    /// Reads `2 weeks`, `6 months`, `1 year`, `30 days` (singular or plural, any
    /// spaces between); an error points at the part that is wrong.
    pub fn parse(text: &str) -> Result<Window, WindowError> {
        let words: Vec<(usize, &str)> = text
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .collect();
        let fail = |offset: usize, len: usize, message: String| WindowError {
            offset,
            len,
            message,
        };
        let [(at_count, count), (at_unit, unit)] = words[..] else {
            let (offset, len) = match words.get(2) {
                Some(&(at, _)) => (at, text.trim_end().len() - at),
                None => (0, text.len()),
            };
            return Err(fail(
                offset,
                len,
                format!("`{}` is not a number and a unit", text.trim()),
            ));
        };
        let count = match count.parse::<u32>() {
            Ok(n) if n > 0 => n,
            _ => {
                return Err(fail(
                    at_count,
                    count.len(),
                    format!("`{count}` is not a whole number above zero"),
                ));
            }
        };
        let Some(unit) = Unit::named(&unit.to_lowercase()) else {
            return Err(fail(
                at_unit,
                unit.len(),
                format!("`{unit}` is not a unit of time a window can have"),
            ));
        };
        Ok(Window { count, unit })
    }

    /// The first day after a window opened on `from`: a claim of that day or later
    /// is in the next window.
    pub fn closes(&self, from: NaiveDate) -> NaiveDate {
        let n = self.count;
        let end = match self.unit {
            Unit::Day => from.checked_add_days(Days::new(n.into())),
            Unit::Week => from.checked_add_days(Days::new(u64::from(n) * 7)),
            Unit::Month => from.checked_add_months(Months::new(n)),
            Unit::Year => n
                .checked_mul(12)
                .and_then(|months| from.checked_add_months(Months::new(months))),
        };
        end.unwrap_or(NaiveDate::MAX)
    }

    /// The wider of two windows (`1 year` over `30 days`): claims of a key that
    /// rules with different windows make are compared as the widest allows.
    pub fn wider(self, other: Window) -> Window {
        let from = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN);
        if other.closes(from) > self.closes(from) {
            other
        } else {
            self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn reads_a_number_and_a_unit() {
        for (text, closes) in [
            ("2 weeks", "2022-08-29"),
            ("6 months", "2023-02-15"),
            ("1 year", "2023-08-15"),
            ("30 days", "2022-09-14"),
            ("  1   Years ", "2023-08-15"),
            ("1 day", "2022-08-16"),
        ] {
            let w = Window::parse(text).unwrap();
            assert_eq!(w.closes(day("2022-08-15")), day(closes), "{text}");
        }
        // A month from the 31st ends on the last day the next month has.
        let month = Window::parse("1 month").unwrap();
        assert_eq!(month.closes(day("2023-01-31")), day("2023-02-28"));
    }

    #[test]
    fn errors_point_at_the_wrong_part() {
        fn at(text: &str) -> (&str, String) {
            let e = Window::parse(text).unwrap_err();
            (&text[e.offset..e.offset + e.len], e.message)
        }
        assert_eq!(
            at("2 fortnights"),
            (
                "fortnights",
                "`fortnights` is not a unit of time a window can have".into()
            )
        );
        assert_eq!(
            at("0 days"),
            ("0", "`0` is not a whole number above zero".into())
        );
        assert_eq!(
            at("six months"),
            ("six", "`six` is not a whole number above zero".into())
        );
        assert_eq!(
            at("1 year ago"),
            ("ago", "`1 year ago` is not a number and a unit".into())
        );
        assert_eq!(
            at("yearly"),
            ("yearly", "`yearly` is not a number and a unit".into())
        );
    }

    #[test]
    fn the_wider_of_two_windows() {
        let w = |t| Window::parse(t).unwrap();
        assert_eq!(w("30 days").wider(w("1 year")), w("1 year"));
        assert_eq!(w("6 months").wider(w("2 weeks")), w("6 months"));
        assert_eq!(w("5 weeks").wider(w("1 month")), w("5 weeks"));
    }
}
