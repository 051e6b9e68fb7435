//! Finding person-name mentions in running text without any rule: runs of capitalised
//! words, cut down to the name itself (titles, possessors and common words removed).

use crate::value::{fold_text, strip_possessive};
use regex::Regex;
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

static RUN: LazyLock<Regex> = LazyLock::new(|| {
    let token =
        r"\p{Lu}(?:\p{Ll}|['’]\p{Lu})[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*(?:['’]s(?-u:\b)|['’])?";
    Regex::new(&format!(r"{token}(?:[ ]+{token})*")).expect("a valid regex")
});

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

/// Words a corpus writes in lower case, borrowed from article text: a capitalised
/// word that the corpus also writes in lower case (`Home`, `Interior`, `Speaking`)
/// is not taken as the start of a name.
pub type Vocabulary<'a> = FxHashSet<&'a str>;

/// A run of capitalised words that may hold a name, with titles, stop words and
/// everything up to a possessive already removed: byte ranges of its words.
#[derive(Clone, Debug)]
pub struct Candidate {
    words: Vec<Range<usize>>,
}

/// The candidate runs of `text`: the first of three passes. The corpus-wide
/// vocabulary is only consulted for words these runs could start with, so it stays
/// small however large the corpus is.
pub fn candidates(text: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    for run in RUN.find_iter(text) {
        let mut words: Vec<Range<usize>> = Vec::new();
        let mut offset = run.start();
        for word in run.as_str().split(' ') {
            if !word.is_empty() {
                words.push(offset..offset + word.len());
            }
            offset += word.len() + 1;
        }
        // A possessive before the end names a different thing ("Pakistan’s Federal ...").
        if let Some(cut) = words[..words.len() - 1]
            .iter()
            .rposition(|w| is_possessive(&text[w.clone()]))
        {
            words.drain(..=cut);
        }
        let skip = words
            .iter()
            .take_while(|w| NEVER_FIRST.contains(text[(*w).clone()].to_lowercase().as_str()))
            .count();
        words.drain(..skip);
        if words.len() >= 2 {
            out.push(Candidate { words });
        }
    }
    out
}

/// Adds to `into` the lower-cased words that could be stripped from the start of
/// `candidates` (all but each run's last word): the second pass.
pub fn leading_words(text: &str, candidates: &[Candidate], into: &mut FxHashSet<String>) {
    for c in candidates {
        for w in &c.words[..c.words.len() - 1] {
            into.insert(text[w.clone()].to_lowercase());
        }
    }
}

/// Adds to `vocabulary` the words of `text` written in lower case that are among
/// `wanted`: the third pass.
pub fn lowercase_among<'a>(
    text: &'a str,
    wanted: &FxHashSet<String>,
    vocabulary: &mut Vocabulary<'a>,
) {
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.len() > 1 && word.starts_with(|c: char| c.is_lowercase()) && wanted.contains(word) {
            vocabulary.insert(word);
        }
    }
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

/// A name as written at one place: the folded form and its span in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub form: String,
    pub span: Range<usize>,
}

/// The names among `candidates`: two to four words once words the corpus writes
/// in lower case are removed from the start. Spans are offset by `base`.
pub fn finish(
    text: &str,
    base: usize,
    candidates: &[Candidate],
    common: &Vocabulary,
) -> Vec<Found> {
    candidates
        .iter()
        .filter_map(|c| {
            let skip = c
                .words
                .iter()
                .take_while(|w| common.contains(text[(*w).clone()].to_lowercase().as_str()))
                .count();
            let words = &c.words[skip..];
            if !(2..=4).contains(&words.len()) {
                return None;
            }
            let start = words[0].start;
            let last = &words[words.len() - 1];
            let end = last.start + strip_possessive_raw(&text[last.clone()]).len();
            let form = fold_text(&text[start..end]);
            Some(Found {
                form: strip_possessive(&form).to_string(),
                span: base + start..base + end,
            })
        })
        .collect()
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

/// Endings that make another word of the same name, not a misspelling of it:
/// `Awards`/`Award`, `American`/`America`, `Rooneys`/`Rooney`.
const INFLECTIONS: [&str; 4] = ["s", "es", "n", "an"];

/// Whether two words that differ between otherwise equal names look like one word
/// misspelt: same first letter, at least four letters, one edit apart (two for
/// words of eight letters or more), and not one word inflected.
pub fn similar_words(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) < 4 || a.chars().next() != b.chars().next() {
        return false;
    }
    let (short, long) = if la < lb { (&a, &b) } else { (&b, &a) };
    if long
        .strip_prefix(short.as_str())
        .is_some_and(|end| INFLECTIONS.contains(&end))
    {
        return false;
    }
    let allowed = if la.max(lb) >= 8 { 2 } else { 1 };
    strsim::damerau_levenshtein(&a, &b) <= allowed
}

/// Whether two names are spellings of one name: same number of words, all equal
/// but one, and that one [`similar_words`].
pub fn is_variant(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    if wa.len() != wb.len() {
        return false;
    }
    let differing: Vec<(&&str, &&str)> = wa.iter().zip(&wb).filter(|(x, y)| x != y).collect();
    match differing.as_slice() {
        [] => true,
        [(x, y)] => similar_words(x, y),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// All three passes over one text.
    fn find(text: &str, base: usize) -> Vec<Found> {
        let found = candidates(text);
        let mut wanted = FxHashSet::default();
        leading_words(text, &found, &mut wanted);
        let mut common = Vocabulary::default();
        lowercase_among(text, &wanted, &mut common);
        finish(text, base, &found, &common)
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
    fn variants_differ_in_one_similar_word() {
        assert!(is_variant("Talal Chaudhary", "Talal Chaudhry"));
        assert!(is_variant("Mohin Naqvi", "Mohsin Naqvi"));
        assert!(is_variant("Jane Marriot", "Jane Marriott"));
        assert!(!is_variant("Mohsin Naqvi", "Mohsin Khan"));
        assert!(!is_variant("Wajid Khan", "Moazzam Ahmad Khan"));
        assert!(!is_variant("Ali Khan", "Alo Khan"));
        assert!(!is_variant("Mohsin Naqvi", "Nohsin Naqvi"));
        assert!(!is_variant("Jane Marriot", "June Marriott"));
        assert!(!is_variant("Brit Award", "Brit Awards"));
        assert!(!is_variant("Latin America", "Latin American"));
    }

    #[test]
    fn titles_are_stripped_from_holders() {
        assert_eq!(strip_titles("Minister Mohsin Naqvi"), Some("Mohsin Naqvi"));
        assert_eq!(strip_titles("Lord Wajid Khan"), Some("Wajid Khan"));
        assert_eq!(strip_titles("Interior Minister Naqvi"), None);
        assert_eq!(strip_titles("Yvette Cooper"), Some("Yvette Cooper"));
    }
}
