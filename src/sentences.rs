//! Sentence boundaries, so that a time, a pronoun or a name can be tied to the
//! claims of its own sentence.

/// Words that end with a full stop without ending a sentence (`Dr. Mohammad Faisal`).
const ABBREVIATIONS: [&str; 16] = [
    "mr", "mrs", "ms", "dr", "st", "prof", "gen", "lt", "col", "sgt", "capt", "rev", "hon", "jr",
    "sr", "no",
];

/// Start offsets of the sentences of `text`, the first being 0. A sentence ends at a
/// line break, or at `.`, `!` or `?` (and any closing quotes) followed by a space and
/// a capital letter, digit or quote — unless the word before is an abbreviation or an
/// initial.
pub fn starts(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    // The marks are ASCII, so scanning bytes finds them at character boundaries.
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let next = i + 1;
        if b == b'\n' {
            if next < text.len() {
                out.push(next);
            }
            continue;
        }
        if !matches!(b, b'.' | b'!' | b'?') {
            continue;
        }
        let rest = &text[next..];
        let after_quotes = rest.trim_start_matches(['"', '\'', '”', '’', ')']);
        let gap = after_quotes.len() - after_quotes.trim_start_matches([' ', '\t']).len();
        let opener = after_quotes[gap..].chars().next();
        if gap == 0
            || !opener
                .is_some_and(|o| o.is_uppercase() || o.is_ascii_digit() || "\"“'‘".contains(o))
        {
            continue;
        }
        if b == b'.' {
            let word_start = text[..i]
                .rfind(|ch: char| !ch.is_alphanumeric())
                .map_or(0, |j| {
                    j + text[j..].chars().next().map_or(1, char::len_utf8)
                });
            let word = &text[word_start..i];
            if ABBREVIATIONS.contains(&word.to_lowercase().as_str())
                || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
            {
                continue;
            }
        }
        let start = next + (rest.len() - after_quotes.len()) + gap;
        if start < text.len() {
            out.push(start);
        }
    }
    out.dedup();
    out
}

/// The index of the sentence holding `offset`, given [`starts`].
pub fn index_of(starts: &[usize], offset: usize) -> usize {
    starts.partition_point(|&s| s <= offset).saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let s = starts(text);
        s.iter()
            .enumerate()
            .map(|(i, &a)| text[a..s.get(i + 1).copied().unwrap_or(text.len())].trim_end())
            .collect()
    }

    #[test]
    fn splits_on_stops_and_lines_but_not_titles() {
        assert_eq!(
            split(
                "High Commissioner, Dr. Mohammad Faisal signed. He said “Yes.” Then\nNew line. J. K. Rowling wrote 3 books. 4 more"
            ),
            [
                "High Commissioner, Dr. Mohammad Faisal signed.",
                "He said “Yes.”",
                "Then",
                "New line.",
                "J. K. Rowling wrote 3 books.",
                "4 more"
            ]
        );
        assert_eq!(
            split("Version 2.5 is out. ok. Fine"),
            ["Version 2.5 is out. ok.", "Fine"]
        );
    }

    #[test]
    fn finds_the_sentence_of_an_offset() {
        let text = "One. Two. Three.";
        let s = starts(text);
        assert_eq!(index_of(&s, 0), 0);
        assert_eq!(index_of(&s, text.find("Two").unwrap()), 1);
        assert_eq!(index_of(&s, text.len() - 1), 2);
    }
}
