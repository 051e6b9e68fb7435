//! Typed slots in rule patterns: `{person}`, `{number}`, `{date}`, `{period}`,
//! `{ordinal}` (or `{name:type}` for a capture of another name). A slot says *what*
//! a rule looks for; the engine supplies the wording (`between January 2019 and
//! December 2021`, `from 2019 to the end of 2021`, `in the three years to December
//! 2021` are one `{period}`), checks what it matched (a `{person}` is a name, not a
//! sentence opener), and gives templates its normalised value, so that claims from
//! differently worded sentences get one key.

use super::offices::Offices;
use super::subjects::Subjects;
use crate::date::PartialDate;
use crate::figure::Figure;
use crate::places;
use crate::time::Interval;
use chrono::{Datelike, Months, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

/// What a slot holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotType {
    Person,
    Number,
    Ordinal,
    Date,
    Period,
    /// A declared event or topic ([`super::subjects`]).
    Subject,
    /// An age in years: `45`, `45-year-old`.
    Age,
    /// An enumeration: `Serbia, Nigeria, Albania and India`.
    List,
    /// A declared office's title, with its jurisdiction if written.
    Office,
    /// A company or organisation: capitalised words ending in `Corp`, `Inc`,
    /// `Ltd`, `plc`, `Group`, `Bank` and the like.
    Org,
    /// A country, by any of its names or its people's word (`British` is the UK).
    Country,
    /// A country, city, state or region of the gazetteer ([`crate::places`]).
    Place,
}

impl SlotType {
    const ALL: [SlotType; 12] = [
        SlotType::Person,
        SlotType::Number,
        SlotType::Ordinal,
        SlotType::Date,
        SlotType::Period,
        SlotType::Subject,
        SlotType::Age,
        SlotType::List,
        SlotType::Office,
        SlotType::Org,
        SlotType::Country,
        SlotType::Place,
    ];

    /// The type a name gives, as rule files write it.
    pub fn named(name: &str) -> Option<SlotType> {
        SlotType::ALL.into_iter().find(|k| k.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            SlotType::Person => "person",
            SlotType::Number => "number",
            SlotType::Ordinal => "ordinal",
            SlotType::Date => "date",
            SlotType::Period => "period",
            SlotType::Subject => "subject",
            SlotType::Age => "age",
            SlotType::List => "list",
            SlotType::Office => "office",
            SlotType::Org => "org",
            SlotType::Country => "country",
            SlotType::Place => "place",
        }
    }

    /// The regex a slot of this type stands for (no captures of its own), given
    /// the declared subjects and offices.
    pub fn pattern(self, declared: &Declared) -> String {
        let month = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?";
        let day = r"\d{1,2}(?:st|nd|rd|th)?";
        let year = r"(?:1[89]|20)\d\d";
        let weekday = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
        let point = format!(r"(?:{month},? )?{year}");
        let count = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
        match self {
            SlotType::Person => {
                // A middle initial (`George W Bush`) is part of the name.
                r"(?:(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady)\.? )?\p{Lu}[\p{L}'’-]+(?: \p{Lu}\.?)?(?: \p{Lu}[\p{L}'’-]+){1,3}".into()
            }
            SlotType::Number => concat!(
                r"(?:(?:about|around|roughly|some|approximately|nearly|almost|over|more than|at least|fewer than|less than|up to) )?",
                r"[$£€¥]?\d[\d,]*(?:\.\d+)?",
                r"(?: ?(?:thousand|million|billion|mln|bln|bn|m|per cent|percent|pct|%))?",
            )
            .into(),
            SlotType::Ordinal => r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)".into(),
            // The first word may open the sentence, and so be capitalised: a slot
            // looked for with `near` is matched without the rule's `(?i)`.
            SlotType::Date => format!(
                r"(?:{day} {month},? {year}|{month} {day},? {year}|\d{{4}}-\d{{2}}-\d{{2}}|(?:{weekday},? )?{day} {month}|{month} {day}|{month} {year}|(?:[Oo]n |[Ll]ast )?{weekday}|[Yy]esterday|[Tt]oday|(?:[Ii]n )?{month} last year|[Ii]n {year})"
            ),
            SlotType::Period => format!(
                r"(?:[Bb]etween (?:the start of )?{point} and (?:the end of )?{point}|[Ff]rom (?:the start of )?{point} (?:to|until|through) (?:the end of |the year ending )?{point}|[Ii]n the {count} (?:years|months) to {point}|[Ii]n {point})"
            ),
            SlotType::Subject => declared.subjects.pattern(),
            SlotType::Age => r"\d{1,3}(?:-year-old)?".into(),
            SlotType::List => {
                let item = r"\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,2}";
                format!(r"{item}(?:(?:, (?:and )?| and ){item})+")
            }
            SlotType::Office => declared.offices.expand(r"(?:(?:{jurisdictions})\s+)?(?:{titles})"),
            SlotType::Org => concat!(
                r"\p{Lu}[\p{L}&'’.-]*\s(?:(?:\p{Lu}[\p{L}&'’.-]*|of|and|&)\s){0,4}",
                r"(?:Corp|Corporation|Inc|Ltd|plc|PLC|Group|Holdings|Bank|Company|Co|Airlines|Motors|Industries|Partners|Associates|Foundation|Trust|Council|Agency|Authority|Commission)\b\.?",
            )
            .into(),
            SlotType::Country => places::gazetteer().pattern(&[places::Kind::Country]),
            SlotType::Place => {
                places::gazetteer().pattern(&[places::Kind::Country, places::Kind::City])
            }
        }
    }
}

/// A slot in a pattern: the name templates give it, its type, and the capture
/// it becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    pub name: String,
    pub kind: SlotType,
    /// The regex group: the name itself, or `name__1`, `name__2` … for the slot
    /// written again in another alternative of the pattern (a regex may name a
    /// group once).
    pub capture: String,
}

impl Slot {
    /// Whether this is a repeat of a slot written earlier in the pattern.
    pub fn is_repeat(&self) -> bool {
        self.capture != self.name
    }
}

/// `pattern` with each `{type}` or `{name:type}` replaced by a named capture of
/// that type's regex, and the slots found. Other braces (`\d{4}`, `{titles}`) are
/// left alone. A slot may be written in several alternatives of the pattern
/// (`removed {count:number} foreign criminals|{count:number} foreign criminals
/// were removed`): whichever takes part gives `{count}` its value.
pub fn expand(pattern: &str, declared: &Declared) -> (String, Vec<Slot>) {
    static SLOT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\{(?:(?P<name>[a-z_][a-z0-9_]*):)?(?P<kind>[a-z]+)\}").expect("a valid regex")
    });
    let mut slots = Vec::new();
    let expanded = SLOT.replace_all(pattern, |c: &regex::Captures| {
        let whole = c[0].to_string();
        let Some(kind) = SlotType::named(&c["kind"]) else {
            return whole;
        };
        // A `{…}` right after an escape is the escaped brace's text.
        if pattern[..c.get(0).expect("the match").start()].ends_with('\\') {
            return whole;
        }
        let name = c
            .name("name")
            .map_or(kind.name(), |n| n.as_str())
            .to_string();
        let repeats = slots.iter().filter(|s: &&Slot| s.name == name).count();
        let capture = match repeats {
            0 => name.clone(),
            n => format!("{name}__{n}"),
        };
        let regex = format!("(?P<{capture}>{})", kind.pattern(declared));
        slots.push(Slot {
            name,
            kind,
            capture,
        });
        regex
    });
    (expanded.into_owned(), slots)
}

/// What the rule files declare that slots read: subjects and offices.
pub struct Declared<'a> {
    pub subjects: &'a Subjects,
    pub offices: &'a Offices,
}

/// What a slot's text is read against: the article's date (for relative dates),
/// the declarations and the sentence the slot is in (for subjects' parties).
pub struct Around<'a> {
    pub today: Option<PartialDate>,
    pub declared: Declared<'a>,
    pub sentence: &'a str,
}

/// What a slot matched, normalised for keys and values; `None` when it is not
/// what its type says.
pub fn normalise(kind: SlotType, text: &str, around: &Around) -> Option<String> {
    let today = around.today;
    match kind {
        SlotType::Subject => around
            .declared
            .subjects
            .resolve(text, around.sentence)
            .map(str::to_string),
        SlotType::Age => text
            .trim_end_matches("-year-old")
            .parse::<u16>()
            .ok()
            .filter(|y| (1..=120).contains(y))
            .map(|y| y.to_string()),
        // `and` inside an item (`Marks and Spencer, Next and Boots`) cannot be told
        // from `and` between items: such a list has no length to check.
        SlotType::List if text.matches(" and ").count() > 1 => None,
        SlotType::List => crate::value::Value::parse(crate::value::ValueType::List, text)
            .ok()
            .map(|v| v.to_string()),
        SlotType::Office => around
            .declared
            .offices
            .resolve_written(text)
            .map(|o| around.declared.offices.offices[o].name.clone()),
        SlotType::Org => Some(crate::value::fold_text(text.trim_end_matches('.'))),
        SlotType::Person => person(text),
        SlotType::Country => places::gazetteer().country(text).map(str::to_string),
        SlotType::Place => places::gazetteer().find(text).map(|p| p.name.to_string()),
        SlotType::Number => Figure::parse(text).ok().map(|f| f.to_string()),
        SlotType::Ordinal => ordinal(text).map(|n| n.to_string()),
        SlotType::Date => date(text, today).map(|d| d.to_string()),
        SlotType::Period => period(text).map(|p| show_period(&p)),
    }
}

/// A person's name: two to four capitalised words once a title is removed, the
/// first of them not a word that opens sentences (`But Bellamy` is no name).
fn person(text: &str) -> Option<String> {
    // `Vladimir Putin's` is Vladimir Putin.
    let text = ["'s", "’s"]
        .iter()
        .find_map(|s| text.strip_suffix(s))
        .unwrap_or(text);
    let name = crate::names::strip_titles(text)?;
    let words: Vec<&str> = name.split(' ').collect();
    ((2..=4).contains(&words.len()) && !crate::names::never_first(words[0]))
        .then(|| name.to_string())
}

fn ordinal(text: &str) -> Option<u32> {
    Figure::parse(text)
        .ok()
        .filter(Figure::is_ordinal)
        .and_then(|f| whole(&f))
}

/// A figure's value as a whole number above zero (`three`, `12`).
fn whole(figure: &Figure) -> Option<u32> {
    let v = figure.value();
    (v >= 1.0 && v.fract() == 0.0 && v <= f64::from(u32::MAX)).then_some(v as u32)
}

/// A date as written, or resolved against the article's date (`on Wednesday`).
fn date(text: &str, today: Option<PartialDate>) -> Option<PartialDate> {
    let lower = text.to_lowercase();
    let text = lower.as_str();
    // `in 2022` is the year; `in August last year` is resolved below.
    let bare = text
        .strip_prefix("in ")
        .unwrap_or(text)
        .trim_start_matches("on ")
        .trim();
    if let Ok(d) = PartialDate::parse(bare) {
        return Some(d);
    }
    // `Wednesday, 17 August`, `August 17`: the year is the article's.
    let year = today.map(|t| t.year)?;
    let without_weekday = bare.split_once(", ").map_or(bare, |(_, rest)| rest);
    if let Ok(d) = PartialDate::parse(&format!("{without_weekday} {year}")) {
        return Some(d);
    }
    let phrase = if ["last ", "on ", "in "].iter().any(|p| text.starts_with(p))
        || matches!(text, "yesterday" | "today")
    {
        text.to_string()
    } else {
        format!("on {text}")
    };
    if phrase == "today" {
        return today;
    }
    crate::time::stated_times(&phrase, today)
        .first()
        .and_then(|t| t.interval.as_partial())
}

/// The days a period spans.
fn period(text: &str) -> Option<Interval> {
    static FORMS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:between (?:the start of )?(?P<a>.+?) and (?:the end of )?(?P<b>.+)|from (?:the start of )?(?P<c>.+?) (?:to|until|through) (?:the end of |the year ending )?(?P<d>.+)|in the (?P<n>\S+) (?P<unit>years|months) to (?P<e>.+)|in (?P<f>.+))$")
            .expect("a valid regex")
    });
    let c = FORMS.captures(text)?;
    let point = |name: &str| {
        let raw = c.name(name)?.as_str().replace(',', "");
        PartialDate::parse(raw.trim()).ok().and_then(Interval::of)
    };
    if let (Some(a), Some(b)) = (
        point("a").or_else(|| point("c")),
        point("b").or_else(|| point("d")),
    ) {
        return (a.start <= b.end).then_some(Interval {
            start: a.start,
            end: b.end,
        });
    }
    if let Some(end) = point("e") {
        let n = Figure::parse(c.name("n")?.as_str())
            .ok()
            .as_ref()
            .and_then(whole)?;
        let months = if c["unit"].eq_ignore_ascii_case("years") {
            12 * n
        } else {
            n
        };
        let start = NaiveDate::from_ymd_opt(end.end.year(), end.end.month(), 1)?
            .checked_sub_months(Months::new(months - 1))?;
        return Some(Interval {
            start,
            end: end.end,
        });
    }
    point("f")
}

/// A period as keys show it, whatever the wording: its first and last months
/// (`January 2019 to December 2021`), or days where it starts or ends within one.
fn show_period(p: &Interval) -> String {
    let whole_months = p.start.day() == 1
        && p.end
            .checked_add_days(chrono::Days::new(1))
            .is_some_and(|d| d.day() == 1);
    if whole_months {
        let month = |d: NaiveDate| d.format("%B %Y").to_string();
        format!("{} to {}", month(p.start), month(p.end))
    } else {
        let day = |d: NaiveDate| d.format("%-d %B %Y").to_string();
        format!("{} to {}", day(p.start), day(p.end))
    }
}

#[cfg(test)]
mod tests;
