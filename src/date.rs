//! Dates as news articles state them: often partial (`2022`, `August 2022`), so every
//! date keeps its precision and two dates only disagree when no single day satisfies both.

use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;
use std::fmt;
use std::sync::LazyLock;

/// A calendar date known to year, month or day precision.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

/// Month names, lower-cased, in calendar order.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$").expect("a valid regex")
});
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{4})$")
        .expect("a valid regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$").expect("a valid regex")
});
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^([a-z]+)\.?,?\s+(\d{4})$").expect("a valid regex"));

/// Why a piece of text could not be read as a date. The text is shown to the user
/// verbatim (in findings, rule errors and `test` diffs), so each reason keeps what
/// its message quotes.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum DateError {
    /// A date form whose month word is no month (`31 Smarch 2024`).
    #[error("`{0}` is not a month name")]
    NotAMonth(String),
    /// Text in none of the forms [`PartialDate::parse`] reads.
    #[error("`{0}` is not a date I can read (try `2024-05-31`, `31 May 2024` or `May 31, 2024`)")]
    Unreadable(String),
    /// A month number outside 1 to 12 (`2024-13`).
    #[error("month {0} does not exist")]
    NoSuchMonth(u32),
    /// A day the month does not have (`31 February 2024`); the date is kept as
    /// written so that the message can spell it.
    #[error("{} does not exist", .0.spelled())]
    NoSuchDay(PartialDate),
    /// A day given without its month.
    #[error("a day needs a month")]
    DayWithoutMonth,
}

/// Reads a month name or its common abbreviation (`Aug`, `Sept`).
pub fn parse_month(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    if lower.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == lower || (lower.len() <= 4 && m.starts_with(&lower)))
        .map(|i| i as u32 + 1)
}

/// Weekday names, lower-cased, from Monday.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Reads a weekday name or its common abbreviation (`Thu`, `Thurs`).
pub fn parse_weekday(name: &str) -> Option<Weekday> {
    const DAYS: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    let lower = name.trim().trim_end_matches('.').to_lowercase();
    if lower.len() < 3 {
        return None;
    }
    WEEKDAYS
        .iter()
        .position(|full| *full == lower || full.starts_with(&lower))
        .map(|i| DAYS[i])
}

/// The English name of a weekday, as an editor would write it.
pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

impl PartialDate {
    /// Parses the forms found in news copy: ISO (`2025-04-17`, `2022-08`, `2022`),
    /// `31st May, 2024`, `17 August 2022`, `August 17, 2022` and `May 2024`.
    /// A date that does not exist (`31 February 2024`) is an error, not a guess.
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        let text = text.trim();
        let month_of =
            |name: &str| parse_month(name).ok_or_else(|| DateError::NotAMonth(name.to_string()));
        let number = |s: &str| s.parse::<u32>().unwrap_or(0);
        let (year, month, day) = if let Some(c) = ISO.captures(text) {
            (
                c[1].parse::<i32>().unwrap_or(0),
                c.get(2).map(|m| number(m.as_str())),
                c.get(3).map(|m| number(m.as_str())),
            )
        } else if let Some(c) = DAY_MONTH_YEAR.captures(text) {
            (
                number(&c[3]) as i32,
                Some(month_of(&c[2])?),
                Some(number(&c[1])),
            )
        } else if let Some(c) = MONTH_DAY_YEAR.captures(text) {
            (
                number(&c[3]) as i32,
                Some(month_of(&c[1])?),
                Some(number(&c[2])),
            )
        } else if let Some(c) = MONTH_YEAR.captures(text) {
            (number(&c[2]) as i32, Some(month_of(&c[1])?), None)
        } else {
            return Err(DateError::Unreadable(text.to_string()));
        };
        PartialDate::new(year, month, day)
    }

    /// Builds a date, checking that the month and day exist in that year.
    pub fn new(year: i32, month: Option<u32>, day: Option<u32>) -> Result<PartialDate, DateError> {
        let date = PartialDate { year, month, day };
        match (month, day) {
            (Some(m), _) if !(1..=12).contains(&m) => Err(DateError::NoSuchMonth(m)),
            (Some(_), Some(_)) if date.naive().is_none() => Err(DateError::NoSuchDay(date)),
            (None, Some(_)) => Err(DateError::DayWithoutMonth),
            _ => Ok(date),
        }
    }

    /// The exact day, when the date is known to the day.
    pub fn naive(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }

    /// The weekday of a date known to the day.
    pub fn weekday(&self) -> Option<Weekday> {
        self.naive().map(|d| d.weekday())
    }

    /// Whether every day this date could be is also a day `other` could be,
    /// i.e. `self` is at least as precise and agrees on what both state.
    pub fn within(&self, other: &PartialDate) -> bool {
        self.year == other.year
            && (other.month.is_none() || self.month == other.month)
            && (other.day.is_none() || self.day == other.day)
    }

    /// Two dates agree when one day could satisfy both (`2022` and `2022-08-17` agree).
    pub fn agrees(&self, other: &PartialDate) -> bool {
        self.within(other) || other.within(self)
    }

    /// The date as an editor writes it: `31 May 2024`, `May 2024`, `2024`.
    pub fn spelled(&self) -> String {
        let month = |m: u32| {
            let name = MONTHS[(m - 1) as usize];
            let mut s = name[..1].to_uppercase();
            s.push_str(&name[1..]);
            s
        };
        match (self.month, self.day) {
            (Some(m), Some(d)) if (1..=12).contains(&m) => {
                format!("{d} {} {}", month(m), self.year)
            }
            (Some(m), None) if (1..=12).contains(&m) => format!("{} {}", month(m), self.year),
            _ => self.year.to_string(),
        }
    }
}

/// ISO form with the date's own precision: `2022`, `2022-08`, `2022-08-17`.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: Option<u32>, day: Option<u32>) -> PartialDate {
        PartialDate {
            year: y,
            month: m,
            day,
        }
    }

    #[test]
    fn parses_the_seed_forms() {
        let may31 = d(2024, Some(5), Some(31));
        assert_eq!(PartialDate::parse("31st May, 2024"), Ok(may31));
        assert_eq!(PartialDate::parse("2024-05-31"), Ok(may31));
        assert_eq!(PartialDate::parse("May 31, 2024"), Ok(may31));
        assert_eq!(
            PartialDate::parse("17 August 2022"),
            Ok(d(2022, Some(8), Some(17)))
        );
        assert_eq!(
            PartialDate::parse("August 17, 2022"),
            Ok(d(2022, Some(8), Some(17)))
        );
        assert_eq!(PartialDate::parse("Sept 2022"), Ok(d(2022, Some(9), None)));
    }

    #[test]
    fn keeps_precision() {
        assert_eq!(PartialDate::parse("2022"), Ok(d(2022, None, None)));
        assert_eq!(PartialDate::parse("2022-08"), Ok(d(2022, Some(8), None)));
        assert_eq!(
            PartialDate::parse("2022-08").unwrap().to_string(),
            "2022-08"
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(
            PartialDate::parse("31 February 2024"),
            Err(DateError::NoSuchDay(d(2024, Some(2), Some(31))))
        );
        assert_eq!(
            PartialDate::parse("2024-13"),
            Err(DateError::NoSuchMonth(13))
        );
        assert_eq!(
            PartialDate::parse("31 Smarch 2024"),
            Err(DateError::NotAMonth("Smarch".into()))
        );
        assert_eq!(
            PartialDate::parse(" yesterday "),
            Err(DateError::Unreadable("yesterday".into()))
        );
        assert_eq!(
            PartialDate::new(2024, None, Some(3)),
            Err(DateError::DayWithoutMonth)
        );
    }

    /// The messages reach users' screens and snapshot tests: a change of wording
    /// must be deliberate.
    #[test]
    fn error_messages_are_stable() {
        let cases = [
            (
                DateError::NotAMonth("Smarch".into()),
                "`Smarch` is not a month name",
            ),
            (
                DateError::Unreadable("yesterday".into()),
                "`yesterday` is not a date I can read (try `2024-05-31`, `31 May 2024` or `May 31, 2024`)",
            ),
            (DateError::NoSuchMonth(13), "month 13 does not exist"),
            (
                DateError::NoSuchDay(d(2024, Some(2), Some(31))),
                "31 February 2024 does not exist",
            ),
            (DateError::DayWithoutMonth, "a day needs a month"),
        ];
        for (error, text) in cases {
            assert_eq!(error.to_string(), text);
        }
    }

    #[test]
    fn agreement_respects_precision() {
        let month = d(2022, Some(8), None);
        let day = d(2022, Some(8), Some(17));
        assert!(month.agrees(&day));
        assert!(day.agrees(&d(2022, None, None)));
        assert!(!d(2022, Some(7), None).agrees(&day));
        assert!(!day.agrees(&d(2022, Some(8), Some(18))));
    }

    #[test]
    fn knows_weekdays() {
        assert_eq!(
            PartialDate::parse("31 May 2024").unwrap().weekday(),
            Some(Weekday::Fri)
        );
        assert_eq!(parse_weekday("Thurs"), Some(Weekday::Thu));
        assert_eq!(parse_weekday("Fr"), None);
    }
}
