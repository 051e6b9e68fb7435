//! A sentence with its figures, dates, ordinals, weekdays, names and titles
//! masked out: two versions of a story whose sentences have the same masked
//! wording say the same thing, so the tokens masked out must agree too. Wording
//! changes (a synonym, a clause dropped, words reordered) change the masked
//! wording, and such sentences are never compared.

use crate::date;
use crate::figure::words;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use xxhash_rust::xxh3::xxh3_64;

/// What a masked token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kind {
    Figure,
    Date,
    Ordinal,
    Weekday,
    Name,
    Title,
}

impl Kind {
    /// The kind as a message names it: `a figure`.
    pub fn described(self) -> &'static str {
        match self {
            Kind::Figure => "a figure",
            Kind::Date => "a date",
            Kind::Ordinal => "an ordinal",
            Kind::Weekday => "a weekday",
            Kind::Name => "a name",
            Kind::Title => "a title",
        }
    }
}

/// A token masked out of a sentence, at its offsets in the text given to [`mask`].
#[derive(Clone, Debug, PartialEq)]
pub struct Masked {
    pub kind: Kind,
    pub span: Range<usize>,
}

/// A sentence's masked wording, hashed, and its masked tokens in order.
#[derive(Debug, PartialEq)]
pub struct Sentence {
    pub hash: u64,
    pub tokens: Vec<Masked>,
}

/// Unmasked words a sentence needs before it is compared: shorter ones (`Chelsea
/// 2 Arsenal 1`, `He said on Monday`) may recur in one story about other things.
const MIN_WORDS: usize = 4;

/// Words that are titles before a name (lower-cased).
const TITLES: [&str; 24] = [
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "lord",
    "lady",
    "dame",
    "prof",
    "professor",
    "president",
    "prime",
    "minister",
    "chancellor",
    "secretary",
    "chairman",
    "chief",
    "executive",
    "king",
    "queen",
    "prince",
    "princess",
    "judge",
];

/// The masked form of `sentence`, made in `scratch`'s buffers; `None` when it
/// has nothing masked or too few other words to be worth comparing.
pub fn mask(sentence: &str, scratch: &mut Scratch) -> Option<Sentence> {
    let Scratch { words, wording } = scratch;
    words.clear();
    wording.clear();
    split_words(sentence, words);
    // Runs of adjacent masked words of kinds that go together are one token.
    let mut tokens: Vec<Masked> = Vec::new();
    let mut plain = 0;
    let mut after_token = false;
    for (i, word) in words.iter().enumerate() {
        let text = &sentence[word.clone()];
        let Some(kind) = kind_of(text, i == 0) else {
            plain += 1;
            after_token = false;
            if text.is_ascii() {
                wording.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                wording.extend(text.chars().flat_map(char::to_lowercase));
            }
            wording.push(' ');
            continue;
        };
        let joined = tokens.last_mut().filter(|t| {
            after_token
                && sentence[t.span.end..word.start]
                    .chars()
                    .all(char::is_whitespace)
                && joins(t.kind, kind)
        });
        after_token = true;
        match joined {
            Some(t) => {
                t.span.end = word.end;
                t.kind = merged(t.kind, kind);
            }
            None => {
                wording.push_str(placeholder(kind));
                tokens.push(Masked {
                    kind,
                    span: word.clone(),
                });
            }
        }
    }
    (!tokens.is_empty() && plain >= MIN_WORDS).then(|| Sentence {
        hash: xxh3_64(wording.as_bytes()),
        tokens,
    })
}

/// Buffers [`mask`] reuses from one sentence to the next: it runs on every
/// sentence of every article.
#[derive(Default)]
pub struct Scratch {
    words: Vec<Range<usize>>,
    wording: String,
}

/// Whether a masked word of kind `next` right after a token of kind `last` is
/// part of it: figures, dates and ordinals together (`12 March 2005`, `4.5
/// billion`), names together (`Tony Blair`), titles together (`Prime Minister`).
fn joins(last: Kind, next: Kind) -> bool {
    let numeric = |k: Kind| matches!(k, Kind::Figure | Kind::Date | Kind::Ordinal);
    (numeric(last) && numeric(next)) || (last == next && matches!(last, Kind::Name | Kind::Title))
}

/// The kind of a token joined from tokens of kinds `a` and `b`: a date if either
/// is one (`12 March`), else an ordinal if either is one, else `a`.
fn merged(a: Kind, b: Kind) -> Kind {
    if a == Kind::Date || b == Kind::Date {
        Kind::Date
    } else if a == Kind::Ordinal || b == Kind::Ordinal {
        Kind::Ordinal
    } else {
        a
    }
}

/// The placeholder of a masked token in the wording: tokens that join one
/// another share one, so `12 March` and `13th` mask alike.
fn placeholder(kind: Kind) -> &'static str {
    match kind {
        Kind::Figure | Kind::Date | Kind::Ordinal => "\u{1}n ",
        Kind::Weekday => "\u{1}w ",
        Kind::Name | Kind::Title => "\u{1}c ",
    }
}

/// What a word is, if it is masked. A capitalised word opening the sentence is
/// no name (`The`, `Shares`), unless it is a title, a weekday or a month.
fn kind_of(word: &str, opening: bool) -> Option<Kind> {
    let first = word.chars().next()?;
    if first.is_ascii_digit() || "£$€¥".contains(first) {
        let digits = word.trim_start_matches(['£', '$', '€', '¥']);
        let number = digits.trim_end_matches(|c: char| c.is_alphabetic());
        let suffix = &digits[number.len()..];
        if ["st", "nd", "rd", "th"]
            .iter()
            .any(|o| o.eq_ignore_ascii_case(suffix))
            && number.chars().all(|c| c.is_ascii_digit())
        {
            return Some(Kind::Ordinal);
        }
        let year = number.len() == 4
            && digits.len() == 4
            && number
                .parse::<u32>()
                .is_ok_and(|y| (1800..=2100).contains(&y));
        return Some(if year { Kind::Date } else { Kind::Figure });
    }
    match listed(word) {
        Some(Listed::Number) => Some(Kind::Figure),
        Some(Listed::Ordinal) => Some(Kind::Ordinal),
        _ if !first.is_uppercase() => None,
        Some(Listed::Weekday) => Some(Kind::Weekday),
        Some(Listed::Month) => Some(Kind::Date),
        Some(Listed::Title) => Some(Kind::Title),
        None => (!opening).then_some(Kind::Name),
    }
}

/// Which list a word is in.
#[derive(Clone, Copy)]
enum Listed {
    Number,
    Ordinal,
    Weekday,
    Month,
    Title,
}

/// The list `word` is in, whatever its case: one lookup, as it is made for
/// every word of every article.
fn listed(word: &str) -> Option<Listed> {
    static LISTS: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, Listed>> =
        std::sync::LazyLock::new(|| {
            // The words the figure and date parsers read, and the scales a figure
            // is written with (`4.5 bn`, `a dozen`).
            let numbers = words::UNITS[1..]
                .iter()
                .copied()
                .chain(words::TENS.iter().map(|(word, _, _)| *word))
                .chain(["hundred", "bn", "dozen"])
                .chain(words::SCALES.iter().map(|(word, _, _, _)| *word));
            let lists = [
                (numbers.collect::<Vec<_>>(), Listed::Number),
                (words::UNIT_ORDINALS[1..=12].to_vec(), Listed::Ordinal),
                (date::WEEKDAYS.to_vec(), Listed::Weekday),
                // `May` is as often a name, or the verb opening a sentence.
                (date::MONTHS[..4].to_vec(), Listed::Month),
                (date::MONTHS[5..].to_vec(), Listed::Month),
                (TITLES.to_vec(), Listed::Title),
            ];
            lists
                .into_iter()
                .flat_map(|(words, list)| words.into_iter().map(move |w| (w, list)))
                .collect()
        });
    let mut lower = [0u8; 12];
    if word.len() > lower.len() || !word.is_ascii() {
        return None;
    }
    for (l, b) in lower.iter_mut().zip(word.bytes()) {
        *l = b.to_ascii_lowercase();
    }
    LISTS
        .get(std::str::from_utf8(&lower[..word.len()]).ok()?)
        .copied()
}

/// Puts the words of `text` in `out`: runs of letters and digits, with a currency sign before
/// and a `%` after a figure, and the `.` or `,` inside one (`£4.5bn`, `1,000`)
/// or an apostrophe or hyphen inside a word (`O'Neill`, `co-operate`) — but not
/// a possessive `'s`, so that `Blair's` is the name `Blair`.
fn split_words(text: &str, out: &mut Vec<Range<usize>>) {
    // Offsets are bytes; `at` reads the character there, `past` skips it.
    let at = |i: usize| text.get(i..).and_then(|t| t.chars().next());
    let past = |i: usize| i + at(i).map_or(1, char::len_utf8);
    // Whether what follows an apostrophe, at `i`, makes it a possessive `'s`.
    let possessive = |i: usize| {
        matches!(at(i), Some('s' | 'S')) && !at(i + 1).is_some_and(char::is_alphanumeric)
    };
    let mut i = 0;
    while let Some(c) = at(i) {
        let currency = "£$€¥".contains(c) && at(past(i)).is_some_and(|n| n.is_ascii_digit());
        if !c.is_alphanumeric() && !currency {
            i = past(i);
            continue;
        }
        let start = i;
        let mut last = c;
        i = past(i);
        loop {
            match at(i) {
                Some(n) if n.is_alphanumeric() => {
                    last = n;
                    i = past(i);
                }
                Some('.' | ',')
                    if last.is_ascii_digit() && at(i + 1).is_some_and(|n| n.is_ascii_digit()) =>
                {
                    i += 1;
                }
                Some(mark @ ('\'' | '’' | '-'))
                    if at(i + mark.len_utf8()).is_some_and(char::is_alphanumeric)
                        && !(mark != '-' && possessive(i + mark.len_utf8())) =>
                {
                    i += mark.len_utf8();
                }
                Some('%') => {
                    i += 1;
                    break;
                }
                _ => break,
            }
        }
        out.push(start..i);
    }
}

#[cfg(test)]
mod tests;
