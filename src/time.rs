//! Time on claims: every claim happens during an [`Interval`] — its article's date at
//! that date's precision, or a time its own sentence states ("in 2022", "last month",
//! "a few months ago"), resolved against the article's date.

use crate::date::{PartialDate, parse_month, parse_weekday};
use aho_corasick::{AhoCorasick, MatchKind};
use chrono::{Datelike, Days, Months, NaiveDate};
use regex::{Captures, Regex};
use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

/// A closed range of days: a date at its precision (`2022-08` is 1–31 August) or a
/// span such as "a few months ago".
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Interval {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Interval {
    /// The days a partial date may be.
    pub fn of(date: PartialDate) -> Option<Interval> {
        let start =
            NaiveDate::from_ymd_opt(date.year, date.month.unwrap_or(1), date.day.unwrap_or(1))?;
        let end = match (date.month, date.day) {
            (_, Some(_)) => start,
            (Some(_), None) => start.checked_add_months(Months::new(1))?.pred_opt()?,
            (None, _) => NaiveDate::from_ymd_opt(date.year, 12, 31)?,
        };
        Some(Interval { start, end })
    }

    /// One day.
    pub fn day(day: NaiveDate) -> Interval {
        Interval {
            start: day,
            end: day,
        }
    }

    /// Whether the two are no more than `tolerance` days apart: the allowance for
    /// reporting lag (an article dated a few days after the fact it reports).
    pub fn overlaps(&self, other: &Interval, tolerance: u32) -> bool {
        let slack = Days::new(u64::from(tolerance));
        self.start <= other.end.checked_add_days(slack).unwrap_or(other.end)
            && other.start <= self.end.checked_add_days(slack).unwrap_or(self.end)
    }

    /// The same interval read as the partial date it is, if it is one.
    pub fn as_partial(&self) -> Option<PartialDate> {
        let (s, e) = (self.start, self.end);
        if s == e {
            return Some(PartialDate {
                year: s.year(),
                month: Some(s.month()),
                day: Some(s.day()),
            });
        }
        let whole_month = s.day() == 1
            && Interval::of(PartialDate {
                year: s.year(),
                month: Some(s.month()),
                day: None,
            }) == Some(*self);
        if whole_month {
            return Some(PartialDate {
                year: s.year(),
                month: Some(s.month()),
                day: None,
            });
        }
        (s.month() == 1 && s.day() == 1 && e.month() == 12 && e.day() == 31 && s.year() == e.year())
            .then_some(PartialDate {
                year: s.year(),
                month: None,
                day: None,
            })
    }
}

/// `2022`, `2022-08`, `2022-08-17`, or `2024-10-17..2025-03-17` for other spans.
impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.as_partial() {
            Some(p) => write!(f, "{p}"),
            None => write!(f, "{}..{}", self.start, self.end),
        }
    }
}

/// A time stated in an article, resolved against the article's date.
#[derive(Clone, Debug, PartialEq)]
pub struct Stated {
    pub span: Range<usize>,
    pub interval: Interval,
}

const MONTH: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";

const WEEKDAY: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

/// A time expression, matched where one of [`STARTS`] begins (after a word
/// boundary, which is checked first). Case is ignored for ASCII letters only.
static EXPRESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?i-u)(?:in (?P<m1>{MONTH}) (?P<y1>\d{{4}})|in (?P<m2>{MONTH}) last year|in (?P<y2>(?:19|20)\d\d)\b|(?P<lastmonth>last month)|(?P<lastweek>last week)|(?P<lastyear>last year)|(?P<few>a few months ago)|(?P<yesterday>yesterday)|on (?P<wd>{WEEKDAY})|last (?P<lastwd>{WEEKDAY}))\b"
    ))
    .expect("a valid regex")
});

/// How every time expression begins, in lower case. `in ` and `on ` are in most
/// sentences; with the word after them they are rare, so the expression is tried
/// only where one of these is.
pub fn starts() -> Vec<String> {
    let mut starts: Vec<String> = MONTH
        .split('|')
        .map(|m| format!("in {m}"))
        .chain(WEEKDAY.split('|').map(|d| format!("on {d}")))
        .chain(WEEKDAY.split('|').map(|d| format!("last {d}")))
        .map(|s| s.to_ascii_lowercase())
        .collect();
    starts.extend(
        [
            "in 19",
            "in 20",
            "last month",
            "last week",
            "last year",
            "a few months ago",
            "yesterday",
        ]
        .map(String::from),
    );
    starts
}

/// [`starts`] in one automaton, for callers that have not scanned the text.
static STARTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(starts())
        .expect("plain strings")
});

/// Where in `text` one of [`starts`] begins, in order.
pub fn start_positions(text: &str) -> Vec<usize> {
    let mut at: Vec<usize> = STARTS
        .find_overlapping_iter(text)
        .map(|m| m.start())
        .collect();
    at.sort_unstable();
    at.dedup();
    at
}

/// Each time expression in `text`, leftmost first, as a regex's `captures_iter`
/// would give them: tried only at `starts`, the places one may begin.
fn expressions<'t>(text: &'t str, starts: &[usize]) -> Vec<(usize, Captures<'t>)> {
    let mut out = Vec::new();
    let mut from = 0;
    for &at in starts {
        if at < from {
            continue;
        }
        let boundary = text.as_bytes()[..at]
            .last()
            .is_none_or(|b| !(b.is_ascii_alphanumeric() || *b == b'_'));
        if let Some(c) = EXPRESSION.captures(&text[at..]).filter(|_| boundary) {
            from = at + c.get(0).map_or(1, |m| m.end().max(1));
            out.push((at, c));
        }
    }
    out
}

/// Times stated in `text`, resolved against `today` (the article's date). Relative
/// expressions need the article's date at the precision they speak of: "on Monday"
/// needs a day, "last month" a month, "last year" a year.
pub fn stated_times(text: &str, today: Option<PartialDate>) -> Vec<Stated> {
    stated_times_at(text, today, &start_positions(text))
}

/// [`stated_times`], given where in `text` [`starts`] begin (found by a pass over
/// the text that is made anyway, so the text is not scanned twice).
pub fn stated_times_at(text: &str, today: Option<PartialDate>, starts: &[usize]) -> Vec<Stated> {
    let day = today.and_then(|d| d.naive());
    let month = today.and_then(|d| d.month.map(|m| (d.year, m)));
    let year = today.map(|d| d.year);
    let month_of = |y: i32, m: u32| {
        Interval::of(PartialDate {
            year: y,
            month: Some(m),
            day: None,
        })
    };
    let mut out = Vec::new();
    for (at, c) in expressions(text, starts) {
        let has = |n: &str| c.name(n).is_some();
        let interval = if let (Some(m), Some(y)) = (c.name("m1"), c.name("y1")) {
            month_of(
                y.as_str().parse().unwrap_or(0),
                parse_month(m.as_str()).unwrap_or(0),
            )
        } else if let Some(m) = c.name("m2") {
            year.and_then(|y| month_of(y - 1, parse_month(m.as_str()).unwrap_or(0)))
        } else if let Some(y) = c.name("y2") {
            Interval::of(PartialDate {
                year: y.as_str().parse().unwrap_or(0),
                month: None,
                day: None,
            })
        } else if has("lastmonth") {
            month.and_then(|(y, m)| {
                if m == 1 {
                    month_of(y - 1, 12)
                } else {
                    month_of(y, m - 1)
                }
            })
        } else if has("lastyear") {
            year.and_then(|y| {
                Interval::of(PartialDate {
                    year: y - 1,
                    month: None,
                    day: None,
                })
            })
        } else if has("lastweek") {
            day.map(|d| {
                let monday = d - Days::new(u64::from(d.weekday().num_days_from_monday()));
                let start = monday - Days::new(7);
                Interval {
                    start,
                    end: start + Days::new(6),
                }
            })
        } else if has("few") {
            day.or_else(|| month.and_then(|(y, m)| NaiveDate::from_ymd_opt(y, m, 15)))
                .and_then(|d| {
                    Some(Interval {
                        start: d.checked_sub_months(Months::new(6))?,
                        end: d.checked_sub_months(Months::new(1))?,
                    })
                })
        } else if has("yesterday") {
            day.and_then(|d| d.pred_opt()).map(Interval::day)
        } else if let Some((w, last)) = c
            .name("wd")
            .map(|w| (w, false))
            .or(c.name("lastwd").map(|w| (w, true)))
        {
            // `on Friday` on a Friday is that day; `last Friday`, a week before.
            day.zip(parse_weekday(w.as_str())).map(|(d, wd)| {
                let back = (7 + d.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
                let back = if last && back == 0 { 7 } else { back };
                Interval::day(d - Days::new(u64::from(back)))
            })
        } else {
            None
        };
        if let Some(interval) = interval {
            let m = c.get(0).expect("group 0 always matches");
            out.push(Stated {
                span: at + m.start()..at + m.end(),
                interval,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    fn interval(s: &str) -> Interval {
        Interval::of(date(s)).unwrap()
    }

    fn resolved(text: &str, today: &str) -> Vec<String> {
        stated_times(text, Some(date(today)))
            .iter()
            .map(|s| s.interval.to_string())
            .collect()
    }

    #[test]
    fn precision_becomes_a_range_of_days() {
        let aug = interval("2022-08");
        assert_eq!((aug.start.day(), aug.end.day()), (1, 31));
        assert_eq!(interval("2024-02").end.day(), 29);
        assert_eq!(interval("2022").to_string(), "2022");
        assert_eq!(interval("2022-08").to_string(), "2022-08");
        assert_eq!(interval("2022-08-17").to_string(), "2022-08-17");
    }

    #[test]
    fn overlap_respects_precision_and_tolerance() {
        let day = interval("2022-08-17");
        assert!(interval("2022-08").overlaps(&day, 7));
        assert!(day.overlaps(&interval("2022-08"), 0));
        assert!(!interval("2022-07").overlaps(&day, 7), "17 days apart");
        assert!(
            interval("2022-08-10").overlaps(&day, 7),
            "7 days apart, within tolerance"
        );
        assert!(!interval("2022-08-09").overlaps(&day, 7));
        assert!(!interval("2022-08-10").overlaps(&day, 0));
    }

    #[test]
    fn relative_dates_resolve_against_the_article() {
        assert_eq!(
            resolved("The UK signed a deal in 2022 under which", "2025-04-01"),
            ["2022"]
        );
        assert_eq!(
            resolved("In August last year Cooper met Naqvi", "2025-04-01"),
            ["2024-08"]
        );
        assert_eq!(
            resolved("Last month, Aurangzeb said", "2025-04-01"),
            ["2025-03"]
        );
        assert_eq!(
            resolved("Last month, Aurangzeb said", "2025-01-10"),
            ["2024-12"]
        );
        assert_eq!(
            resolved("as he said last week", "2025-04-17"),
            ["2025-04-07..2025-04-13"]
        );
        assert_eq!(
            resolved("the meeting a few months ago", "2025-04-01"),
            ["2024-10-01..2025-03-01"]
        );
        assert_eq!(
            resolved("Naqvi on Friday witnessed", "2024-05-31"),
            ["2024-05-31"]
        );
        assert_eq!(resolved("met on Wednesday", "2024-05-31"), ["2024-05-29"]);
        assert_eq!(resolved("met last Wednesday", "2024-05-31"), ["2024-05-29"]);
        assert_eq!(resolved("met last Friday", "2024-05-31"), ["2024-05-24"]);
        assert_eq!(
            resolved("in May 2024 and yesterday", "2024-06-02"),
            ["2024-05", "2024-06-01"]
        );
    }

    /// The expression as one regex searched everywhere, as it was before the
    /// starts were looked for first.
    fn by_regex(text: &str) -> Vec<Range<usize>> {
        let re = Regex::new(&format!(
            r"(?i-u)\b(?:in (?:{MONTH}) \d{{4}}|in (?:{MONTH}) last year|in (?:19|20)\d\d\b|last month|last week|last year|a few months ago|yesterday|on (?:{WEEKDAY})|last (?:{WEEKDAY}))\b"
        ))
        .unwrap();
        re.find_iter(text).map(|m| m.range()).collect()
    }

    proptest::proptest! {
        #[test]
        fn starts_find_what_the_whole_regex_finds(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "in", "In", "on", "May", "may", "maybe", "2004", "1999", "last", "year",
                    "month", "week", "a", "few", "months", "ago", "Yesterday", "Monday",
                    "xin", "in2004", "Mayday", ",", ".",
                ]),
                0..12,
            ),
            glue in proptest::sample::select(vec![" ", "", "  "]),
        ) {
            let text = words.join(glue);
            let found: Vec<Range<usize>> =
                expressions(&text, &start_positions(&text)).iter().map(|(at, c)| {
                    let m = c.get(0).unwrap();
                    at + m.start()..at + m.end()
                }).collect();
            proptest::prop_assert_eq!(found, by_regex(&text));
        }
    }

    #[test]
    fn relative_dates_need_the_precision_they_speak_of() {
        assert!(stated_times("met on Wednesday", Some(date("2024-05"))).is_empty());
        assert!(stated_times("last month", Some(date("2024"))).is_empty());
        assert!(stated_times("last month", None).is_empty());
        assert_eq!(
            stated_times("in 2022", None)[0].interval.to_string(),
            "2022"
        );
    }
}
