//! Ages, a claim corpus-lint makes itself: news gives a person's age beside their
//! name, as `Bernard Ebbers, 63,` or `18-year-old Nadal`, or once they are named,
//! as `the 63-year-old`; and an age at an
//! article's date says when the person was born, which other articles can
//! contradict. Only the two forms that tie the number to a name are read: an age
//! with words between it and the name (`the 25-year-old shocked Pete Sampras`) may
//! be anyone's. Who the person is is settled by `age/conflict`, once names are.

use super::claim::{Claim, Origin, Subject};
use crate::article::Document;
use crate::ids::ArticleId;
use crate::time::Interval;
use crate::value::Value;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// An age after a name and a comma, closed by a comma, semicolon or full stop.
static AFTER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r", (?:aged )?(?P<age>\d{1,3})(?:[,;]|\.(?:\s|$))").expect("a valid regex")
});

/// An age in front of a name: `63-year-old Bernard Ebbers`, or with what the
/// person is between them, the name set off by a comma: `the 46-year-old interior
/// minister, Mohsin Naqvi`.
static BEFORE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<age>\d{1,3})-year-old (?:(?:\p{Ll}+ ){0,3}\p{Ll}+, )?")
        .expect("a valid regex")
});

/// The most words a name is taken to have.
const MOST_WORDS: usize = 4;

/// The ages `doc`'s body gives, as claims dated by the article; `candidates` are
/// the body's name candidates ([`crate::names::candidates`]).
pub(super) fn ages(id: ArticleId, doc: &Document, candidates: &[Range<usize>]) -> Vec<Claim> {
    let body = doc.body();
    if !body.contains(", ") && !body.contains("-year-old ") {
        return Vec::new();
    }
    let base = doc.body_start;
    let time = doc.date().and_then(Interval::of);
    let claim = |age: Range<usize>, name: Range<usize>, person: String| {
        let years: u16 = body[age.clone()]
            .parse()
            .ok()
            .filter(|y| (1..=120).contains(y))?;
        Some(Claim {
            article: id,
            origin: Origin::Age,
            subject: Subject::Person(person),
            value: Value::Age(years),
            raw: body[age.clone()].to_string(),
            span: base + age.start..base + age.end,
            matched: base + name.start.min(age.start)..base + name.end.max(age.end),
            time,
            attached: None,
        })
    };
    let mut claims = Vec::new();
    for c in AFTER_NAME.captures_iter(body) {
        let (whole, age) = (c.get(0).expect("the match"), c.name("age").expect("group"));
        if let Some((name, person)) = name_before(body, whole.start()) {
            claims.extend(claim(age.range(), name, person));
        }
    }
    for c in BEFORE_NAME.captures_iter(body) {
        let (whole, age) = (c.get(0).expect("the match"), c.name("age").expect("group"));
        if let Some((name, person)) = name_after(body, whole.end()) {
            claims.extend(claim(age.range(), name, person));
        } else if (body[..whole.start()].ends_with("the ")
            || body[..whole.start()].ends_with("The "))
            && acts(&body[whole.end()..])
        {
            // `the 63-year-old`, after the person is named: whose age it is is
            // settled once names are (`age/conflict`), or not at all.
            let phrase = whole.start() - 4..age.end() + "-year-old".len();
            claims.extend(claim(age.range(), phrase, String::new()));
        }
    }
    claims.sort_by_key(|c| c.span.start);
    full_names(body, candidates, &mut claims);
    claims
}

/// Gives each age stated with a surname alone (`Mr Ebbers, 65,`, `Thanou, 30,`) the
/// one full name of the article that ends with it (`Bernard Ebbers`), and drops the
/// ages of single words no name of the article ends with: `London, 12,` is no
/// one's age.
fn full_names(body: &str, candidates: &[Range<usize>], claims: &mut Vec<Claim>) {
    let single =
        |c: &Claim| matches!(&c.subject, Subject::Person(p) if !p.is_empty() && !p.contains(' '));
    if !claims.iter().any(single) {
        return;
    }
    let runs: Vec<&str> = candidates.iter().map(|r| &body[r.clone()]).collect();
    claims.retain_mut(|claim| {
        let Subject::Person(surname) = &claim.subject else {
            return true;
        };
        if surname.is_empty() || surname.contains(' ') {
            return true;
        }
        let mut full: Vec<&str> = runs
            .iter()
            .copied()
            .filter(|run| run.rsplit(' ').next() == Some(surname.as_str()))
            .collect();
        full.sort_unstable();
        full.dedup();
        match full[..] {
            [] => false,
            [one] => {
                claim.subject = Subject::Person(one.to_string());
                true
            }
            // Several people of one surname: `age/conflict` may still tell which.
            _ => true,
        }
    });
}

/// Whether the words after `the 63-year-old` make it a person who acts (`plans
/// to appeal`, `was convicted`, `, who`), not a thing (`the 40-year-old trade
/// embargo`).
fn acts(after: &str) -> bool {
    const VERBS: [&str; 14] = [
        "is", "was", "has", "had", "will", "would", "said", "says", "told", "who", "faces",
        "plans", "won", "lost",
    ];
    if after.starts_with([',', '.']) {
        return true;
    }
    let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    VERBS.contains(&word.as_str()) || word.len() > 3 && word.ends_with("ed")
}

/// A word of a name: a capital, then letters, apostrophes and hyphens.
fn is_name_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).any(char::is_lowercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
}

/// The capitalised words right before `end` (one space apart), titles and sentence
/// openers in front removed: where they are and the name they leave.
fn name_before(text: &str, end: usize) -> Option<(Range<usize>, String)> {
    let mut words: Vec<Range<usize>> = Vec::new();
    let mut at = end;
    while words.len() < MOST_WORDS {
        let Some(start) = text[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
            .last()
            .map(|(i, _)| i)
        else {
            break;
        };
        if !is_name_word(&text[start..at]) {
            break;
        }
        words.push(start..at);
        match text[..start].strip_suffix(' ') {
            Some(before) if !before.ends_with(' ') => at = before.len(),
            _ => break,
        }
    }
    words.reverse();
    named(text, &words)
}

/// The capitalised words from `start` on (one space apart): where they are and the
/// name they make, titles in front removed.
fn name_after(text: &str, start: usize) -> Option<(Range<usize>, String)> {
    let mut words: Vec<Range<usize>> = Vec::new();
    let mut at = start;
    while words.len() < MOST_WORDS {
        let len: usize = text[at..]
            .chars()
            .take_while(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
            .map(char::len_utf8)
            .sum();
        let word = &text[at..at + len];
        if len == 0 || !is_name_word(word) {
            break;
        }
        words.push(at..at + len);
        at += len;
        match text[at..].strip_prefix(' ') {
            Some(rest) if rest.starts_with(|c: char| c.is_uppercase()) => at += 1,
            _ => break,
        }
    }
    named(text, &words)
}

/// The name `words` make once titles and sentence openers in front are removed
/// (`Mr Ebbers` is `Ebbers`, `But Bellamy` is `Bellamy`).
fn named(text: &str, words: &[Range<usize>]) -> Option<(Range<usize>, String)> {
    let kept = words
        .iter()
        .skip_while(|w| crate::names::never_first(&text[(*w).clone()]))
        .collect::<Vec<_>>();
    let (first, last) = (kept.first()?, kept.last()?);
    let name: Vec<&str> = kept.iter().map(|w| &text[(*w).clone()]).collect();
    Some((first.start..last.end, name.join(" ")))
}

#[cfg(test)]
mod tests;
