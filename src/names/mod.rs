//! Finding person-name mentions in running text without any rule: runs of capitalised
//! words, cut down to the name itself (titles, possessors and common words removed).

mod scan;
mod swar;
mod variants;
mod words;

pub use variants::{is_variant, similar_words};
pub use words::lowercase_words;

use crate::value::{fold_text, strip_possessive};
use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// Words that introduce or qualify a name but are never part of one. The corpus's own
/// lower-case vocabulary catches most others (`Interior`, `Home`); this list covers
/// titles that a small corpus may never write in lower case.
const NOT_NAME: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "baroness",
    "baron",
    "president",
    "minister",
    "secretary",
    "chancellor",
    "premier",
    "prime",
    "deputy",
    "under",
    "state",
    "federal",
    "interior",
    "home",
    "foreign",
    "high",
    "commissioner",
    "ambassador",
    "senator",
    "governor",
    "mayor",
    "general",
    "chief",
    "captain",
    "judge",
    "justice",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "saint",
    "st",
    "british",
    "pakistani",
    "american",
    "english",
    "scottish",
    "welsh",
    "irish",
    "european",
    "french",
    "german",
    "indian",
    "chinese",
    "afghan",
    "caretaker",
    "former",
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
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "parliamentary",
    "labour",
    "conservative",
    "tory",
];

/// Words that never start a name: [`NOT_NAME`] and English stop words (`The`,
/// `Then`, `Later`), capitalised only because they open a sentence, even in a
/// corpus too small to show them in lower case.
static NEVER_FIRST: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    stop_words::get("en")
        .iter()
        .chain(NOT_NAME)
        .copied()
        .collect()
});

/// Whether a word never starts a name, whatever its case.
pub(crate) fn never_first(word: &str) -> bool {
    // Most words are short and ASCII: lower-cased on the stack.
    let mut buffer = [0u8; 24];
    if word.len() <= buffer.len() && word.is_ascii() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).is_ok_and(|w| NEVER_FIRST.contains(w));
    }
    NEVER_FIRST.contains(word.to_lowercase().as_str())
}

/// The stock ticker a text starts with, after a space: `<SRD>`, `<BP.L>`, as wire
/// copy writes one after a company's name (`Standard Oil Co <SRD> said`).
pub fn ticker_after(text: &str) -> Option<&str> {
    let rest = text.strip_prefix(' ')?.strip_prefix('<')?;
    let end = rest.find('>')?;
    let ticker = &rest[..end];
    let (symbol, exchange) = ticker.split_once('.').unwrap_or((ticker, "A"));
    let upper = |s: &str, most: usize| {
        (1..=most).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    };
    (upper(symbol, 6) && symbol.as_bytes()[0].is_ascii_uppercase() && upper(exchange, 3))
        .then_some(ticker)
}

/// The candidate runs of `text`, as byte ranges: runs of capitalised words that
/// may hold a name, with everything up to a possessive ("Pakistan’s Federal …")
/// and the titles and stop words in front removed, and at least two words left.
/// Which of their leading words are names depends on the whole corpus (see
/// [`name_in`]), so runs are kept until it has been read.
pub fn candidates(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut words: Vec<Range<usize>> = Vec::new();
    for run in scan::runs(text) {
        words.clear();
        let mut offset = run.start;
        for word in text[run].split(' ') {
            if !word.is_empty() {
                words.push(offset..offset + word.len());
            }
            offset += word.len() + 1;
        }
        let after_possessive = words[..words.len() - 1]
            .iter()
            .rposition(|w| is_possessive(&text[w.clone()]))
            .map_or(0, |cut| cut + 1);
        let kept = &words[after_possessive..];
        let skip = kept
            .iter()
            .take_while(|w| never_first(&text[(*w).clone()]))
            .count();
        let kept = &kept[skip..];
        if kept.len() >= 2 {
            out.push(kept[0].start..kept[kept.len() - 1].end);
        }
    }
    out
}

/// The words of a candidate's run, with their byte ranges in it.
fn run_words(run: &str) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let mut offset = 0;
    for word in run.split(' ') {
        if !word.is_empty() {
            words.push(offset..offset + word.len());
        }
        offset += word.len() + 1;
    }
    words
}

/// The name in a run: two to four words once the leading words the corpus writes
/// in lower case (`common`) are removed. The form is folded; the range is where
/// the name is in the run.
pub fn name_in(run: &str, common: impl Fn(&str) -> bool) -> Option<(String, Range<usize>)> {
    let words = run_words(run);
    let skip = words
        .iter()
        .take_while(|w| common(run[(*w).clone()].to_lowercase().as_str()))
        .count();
    let words = &words[skip..];
    if !(2..=4).contains(&words.len()) {
        return None;
    }
    let start = words[0].start;
    let last = &words[words.len() - 1];
    let end = last.start + strip_possessive_raw(&run[last.clone()]).len();
    let form = fold_text(&run[start..end]);
    Some((strip_possessive(&form).to_string(), start..end))
}

/// `name` without title words in front (`Minister Mohsin Naqvi` → `Mohsin Naqvi`),
/// or `None` if fewer than two words remain.
pub fn strip_titles(name: &str) -> Option<&str> {
    let mut rest = name.trim();
    while let Some((first, tail)) = rest.split_once(' ') {
        if !NOT_NAME.contains(&first.to_lowercase().as_str()) {
            break;
        }
        rest = tail.trim_start();
    }
    rest.contains(' ').then_some(rest)
}

fn is_possessive(token: &str) -> bool {
    strip_possessive_raw(token).len() != token.len()
}

/// Strips `'s`, `’s`, or a trailing apostrophe, on unfolded text.
fn strip_possessive_raw(token: &str) -> &str {
    ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|s| token.strip_suffix(s))
        .unwrap_or(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name found, with its span in the text.
    struct Found {
        form: String,
        span: Range<usize>,
    }

    /// Names in one text, its own lower-case words being the corpus's.
    fn find(text: &str, base: usize) -> Vec<Found> {
        let mut lower = FxHashSet::default();
        lowercase_words(text, |w| {
            lower.insert(w);
        });
        candidates(text)
            .into_iter()
            .filter_map(|c| {
                let start = c.start;
                let (form, at) = name_in(&text[c], |w| lower.contains(w))?;
                Some(Found {
                    form,
                    span: base + start + at.start..base + start + at.end,
                })
            })
            .collect()
    }

    fn forms(text: &str) -> Vec<String> {
        find(text, 0).into_iter().map(|f| f.form).collect()
    }

    #[test]
    fn strips_titles_and_possessors() {
        assert_eq!(
            forms("met Pakistan’s Federal Interior Minister Mohsin Naqvi in the interior of"),
            ["Mohsin Naqvi"]
        );
        assert_eq!(
            forms("Minister of State for Interior Talal Chaudhary said"),
            ["Talal Chaudhary"]
        );
        assert_eq!(forms("He lauded Mohsin Naqvi’s work"), ["Mohsin Naqvi"]);
    }

    /// Wire copy's headlines are in capitals: none of their words is a name.
    #[test]
    fn tickers_are_read_after_a_name() {
        assert_eq!(ticker_after(" <SRD> said"), Some("SRD"));
        assert_eq!(ticker_after(" <BP.L>"), Some("BP.L"));
        assert_eq!(ticker_after(" <T2>"), Some("T2"));
        for not in [
            " <srd>",
            "<SRD>",
            " <>",
            " <TOOLONGX>",
            " <2X>",
            " <A.LONG>",
            " (SRD)",
        ] {
            assert_eq!(ticker_after(not), None, "{not}");
        }
    }

    #[test]
    fn headlines_in_capitals_name_no_one() {
        let headline = "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT\n\nNEW YORK, March 3";
        assert!(candidates(headline).is_empty());
        assert!(forms("MOHIN NAQVI MEETS COOPER IN LONDON").is_empty());
    }

    #[test]
    fn skips_acronyms_single_words_and_sentence_openers() {
        assert!(forms("ISLAMABAD, (UrduPoint) the UK and Naqvi met.").is_empty());
        assert_eq!(
            forms("the minister spoke. Minister Naqvi said. Speaking Alan Smith said speaking"),
            ["Alan Smith"]
        );
        assert_eq!(forms("Then Talal Chaudhary spoke."), ["Talal Chaudhary"]);
    }

    #[test]
    fn spans_cover_the_name_as_written() {
        let text = "by Lord Wajid Khan’s team";
        let found = find(text, 10);
        assert_eq!(found[0].form, "Wajid Khan");
        assert_eq!(
            &text[found[0].span.start - 10..found[0].span.end - 10],
            "Wajid Khan"
        );
    }

    #[test]
    fn titles_are_stripped_from_holders() {
        assert_eq!(strip_titles("Minister Mohsin Naqvi"), Some("Mohsin Naqvi"));
        assert_eq!(strip_titles("Lord Wajid Khan"), Some("Wajid Khan"));
        assert_eq!(strip_titles("Interior Minister Naqvi"), None);
        assert_eq!(strip_titles("Yvette Cooper"), Some("Yvette Cooper"));
    }
}
