//! Front-matter dates as content systems write them: RFC 3339 (`2024-05-31T10:00:00+05:00`,
//! Hugo and most CMS exports), Jekyll's `2024-05-31 10:00:00 +0500`, YAML timestamps
//! (`2024-05-31 10:00:00.5 -5`), a bare `2024-05-31 10:00`, and every form
//! [`PartialDate::parse`] reads (`2024-05`, `31 May 2024`).

use crate::date::PartialDate;
use regex::Regex;
use std::sync::LazyLock;

/// A day, then a time of day, then perhaps a UTC offset or zone letter.
static DATE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\d{4}-\d{1,2}-\d{1,2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:[ \t]*(?:[Zz]|UTC|GMT|([+-])(\d{1,2})(?::?(\d{2}))?))?$",
    )
    .expect("a valid regex")
});

/// Reads a front-matter date, or says why it cannot.
///
/// A time with an offset gives the calendar date *as written*, the local date at
/// that offset, not the date in UTC: an article stamped `2024-05-31T01:00:00+05:00`
/// was written on the 31st where it was written, and its text ("on Friday",
/// "today", the dateline) counts days there. Converting to UTC would move it to the
/// 30th and make every check that reads days against the article's date disagree
/// with the text. The time only has to exist.
pub(in crate::corpus) fn parse(text: &str) -> Result<PartialDate, String> {
    let text = text.trim();
    let Some(c) = DATE_TIME.captures(text) else {
        return PartialDate::parse(text).map_err(|e| e.to_string());
    };
    let date = PartialDate::parse(&c[1]).map_err(|e| e.to_string())?;
    // At most two digits each: they always parse.
    let number = |i: usize| {
        c.get(i)
            .map_or(0, |m| m.as_str().parse().unwrap_or(u32::MAX))
    };
    let [hour, minute, second, offset_hours, offset_minutes] = [2, 3, 4, 6, 7].map(number);
    if hour > 23 || minute > 59 || second > 60 {
        let time = text[c[1].len()..].trim_start_matches(['T', 't', ' ', '\t']);
        return Err(format!("`{time}` is not a time of day"));
    }
    if c.get(5).is_some() && (offset_hours > 23 || offset_minutes > 59) {
        let offset = &text[c.get(5).map_or(text.len(), |m| m.start())..];
        return Err(format!("`{offset}` is not an offset from UTC"));
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> String {
        parse(text).unwrap().to_string()
    }

    #[test]
    fn forms_content_systems_write() {
        assert_eq!(day("2024-05-31T10:00:00+05:00"), "2024-05-31");
        assert_eq!(day("2024-05-31T10:00:00Z"), "2024-05-31");
        assert_eq!(day("2024-05-31t10:00:00.123-07:00"), "2024-05-31");
        assert_eq!(day("2024-05-31 10:00:00 +0500"), "2024-05-31");
        assert_eq!(day("2024-05-31 10:00"), "2024-05-31");
        assert_eq!(day("2001-12-14 21:59:43.10 -5"), "2001-12-14");
        assert_eq!(day("2024-05-31 10:00:00 UTC"), "2024-05-31");
    }

    #[test]
    fn the_date_is_the_one_written_not_the_one_in_utc() {
        assert_eq!(day("2024-05-31T01:00:00+05:00"), "2024-05-31");
        assert_eq!(day("2024-05-31T23:30:00-04:00"), "2024-05-31");
    }

    #[test]
    fn plain_and_partial_dates_still_read() {
        assert_eq!(day("2022-08"), "2022-08");
        assert_eq!(day("2022"), "2022");
        assert_eq!(day("31 May 2024"), "2024-05-31");
    }

    #[test]
    fn impossible_dates_and_times_say_why() {
        assert_eq!(
            parse("2024-02-31T10:00:00Z").unwrap_err(),
            "31 February 2024 does not exist"
        );
        assert_eq!(
            parse("2024-05-31T25:00:00Z").unwrap_err(),
            "`25:00:00Z` is not a time of day"
        );
        assert_eq!(
            parse("2024-05-31 10:00 +3000").unwrap_err(),
            "`+3000` is not an offset from UTC"
        );
        assert!(
            parse("2024-05-31 at ten")
                .unwrap_err()
                .contains("not a date")
        );
    }
}
