//! Finding person-name mentions in running text without any rule: runs of capitalised
//! words, cut down to the name itself (titles, possessors and common words removed).

use crate::value::{fold_text, strip_possessive};
use regex::Regex;
use rustc_hash::FxHashSet;
use std::collections::HashSet;
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
        r"\p{Lu}(?:\p{Ll}|['’]\p{Lu})[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*(?:['’]s\b|['’])?";
    Regex::new(&format!(r"{token}(?:[ ]+{token})*")).unwrap()
});

/// English stop words (`The`, `Then`, `Later`): capitalised only because they open
/// a sentence, so never the start of a name, even in a corpus too small to show them
/// in lower case.
static STOP_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| stop_words::get("en").iter().copied().collect());

/// The set of words a corpus writes in lower case, borrowed from article text.
pub type Vocabulary<'a> = FxHashSet<&'a str>;

/// Adds the lower-case words of `text` to `vocabulary`: a capitalised word that the
/// corpus also writes in lower case (`Home`, `Interior`, `Speaking`) is not taken
/// as the start of a name.
pub fn add_lowercase_words<'a>(vocabulary: &mut Vocabulary<'a>, text: &'a str) {
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.len() > 1 && word.starts_with(|c: char| c.is_lowercase()) {
            vocabulary.insert(word);
        }
    }
}

/// A name as written at one place: the folded form and its span in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub form: String,
    pub span: Range<usize>,
}

/// Person-name candidates of two to four words in `text`, offset by `base`.
pub fn find(text: &str, base: usize, common: &Vocabulary) -> Vec<Found> {
    let mut out = Vec::new();
    for run in RUN.find_iter(text) {
        let mut tokens: Vec<(usize, &str)> = Vec::new();
        let mut offset = run.start();
        for tok in run.as_str().split(' ') {
            if !tok.is_empty() {
                tokens.push((offset, tok));
            }
            offset += tok.len() + 1;
        }
        // A possessive before the end names a different thing ("Pakistan’s Federal ...").
        if let Some(cut) = tokens[..tokens.len() - 1]
            .iter()
            .rposition(|(_, t)| is_possessive(t))
        {
            tokens.drain(..=cut);
        }
        while let Some((_, t)) = tokens.first() {
            let lower = t.to_lowercase();
            if NOT_NAME.contains(&lower.as_str())
                || STOP_WORDS.contains(lower.as_str())
                || common.contains(lower.as_str())
            {
                tokens.remove(0);
            } else {
                break;
            }
        }
        if !(2..=4).contains(&tokens.len()) {
            continue;
        }
        let start = tokens[0].0;
        let (last_at, last) = tokens[tokens.len() - 1];
        let end = last_at + strip_possessive_raw(last).len();
        let form = fold_text(&text[start..end]);
        out.push(Found {
            form: strip_possessive(&form).to_string(),
            span: base + start..base + end,
        });
    }
    out
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

    fn forms(text: &str) -> Vec<String> {
        let mut common = Vocabulary::default();
        add_lowercase_words(&mut common, text);
        find(text, 0, &common).into_iter().map(|f| f.form).collect()
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
        let found = find(text, 10, &Vocabulary::default());
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
}
