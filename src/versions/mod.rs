//! Versions of one story: articles that are near-duplicates of each other (an
//! update, a rewrite for another section, the same wire copy filed twice). What
//! an article needs for that is recorded as it is extracted ([`Version`]): its
//! MinHash signature, to find its near-duplicates ([`stories`]), and its
//! sentences' masked wording with the tokens masked out ([`masked`]), to align
//! the sentences of two versions and compare their figures, dates and names.

pub mod masked;
pub mod minhash;
pub mod stories;

use masked::Kind;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What one article keeps for comparing it with its other versions: 256 bytes
/// of signature, 16 bytes per sentence with masked tokens and 8 per token, and
/// the tokens' text. Every article keeps one, so it is kept small.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub signature: minhash::Signature,
    /// Sentences with masked tokens, in order.
    pub lines: Vec<Line>,
    /// The tokens of every line, in order.
    pub tokens: Vec<Token>,
    /// The text of every token, one after another, each ended by [`END`].
    pub text: Box<str>,
}

/// A sentence with masked tokens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// The hash of its masked wording.
    pub hash: u64,
    /// Where its tokens end in [`Version::tokens`]: they start where the previous
    /// line's end.
    pub end: u32,
}

/// A masked token as [`Version::lines`] gives it: its kind, its span in the file
/// and its text.
pub type Tokened<'a> = (Kind, Range<usize>, &'a str);

/// A masked token, at its bytes in the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Token {
    pub kind: Kind,
    pub start: u32,
    pub len: u16,
}

/// What ends each token's text in [`Version::text`]: a control character no
/// token holds.
const END: char = '\u{1f}';

impl Version {
    /// The version record of `body`, which starts at `base` in its file; `None`
    /// for a body too short to be a version of anything.
    pub fn of(body: &str, base: usize) -> Option<Version> {
        let signature = minhash::signature(body)?;
        let mut version = Version {
            signature,
            ..Version::default()
        };
        let mut text = String::new();
        let starts = crate::sentences::starts(body);
        let offset = |at: usize| u32::try_from(base + at).unwrap_or(u32::MAX);
        let mut scratch = masked::Scratch::default();
        for (i, &start) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(body.len());
            let Some(sentence) = masked::mask(&body[start..end], &mut scratch) else {
                continue;
            };
            for t in sentence.tokens {
                version.tokens.push(Token {
                    kind: t.kind,
                    start: offset(start + t.span.start),
                    len: u16::try_from(t.span.len()).unwrap_or(u16::MAX),
                });
                text.push_str(&body[start + t.span.start..start + t.span.end]);
                text.push(END);
            }
            version.lines.push(Line {
                hash: sentence.hash,
                end: u32::try_from(version.tokens.len()).unwrap_or(u32::MAX),
            });
        }
        version.text = text.into();
        Some(version)
    }

    /// Each line's hash and its tokens, as (kind, span in the file, text).
    pub fn lines(&self) -> impl Iterator<Item = (u64, Vec<Tokened<'_>>)> + '_ {
        let mut first = 0;
        let mut texts = self.text.split(END);
        self.lines.iter().map(move |line| {
            let tokens = self.tokens[first..line.end as usize]
                .iter()
                .map(|t| {
                    let start = t.start as usize;
                    (
                        t.kind,
                        start..start + usize::from(t.len),
                        texts.next().unwrap_or_default(),
                    )
                })
                .collect();
            first = line.end as usize;
            (line.hash, tokens)
        })
    }

    /// Moves every token's span with `span`, for a body read through a view whose
    /// offsets are not the file's.
    pub fn move_spans(&mut self, span: impl Fn(Range<usize>) -> Range<usize>) {
        for t in &mut self.tokens {
            let start = t.start as usize;
            let moved = span(start..start + usize::from(t.len));
            t.start = u32::try_from(moved.start).unwrap_or(u32::MAX);
            t.len = u16::try_from(moved.len()).unwrap_or(u16::MAX);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_tokens_of_each_line_at_their_file_offsets() {
        let body = "Shares in Vodafone rose 5% on Monday after the results.\nThe firm said that it was pleased.\nProfit rose to £4.5bn in the year to March.";
        let v = Version::of(body, 10).unwrap();
        let lines: Vec<Vec<Tokened>> = v.lines().map(|(_, t)| t).collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0].iter().map(|t| t.2).collect::<Vec<_>>(),
            ["Vodafone", "5%", "Monday"]
        );
        let (kind, span, text) = &lines[1][0];
        assert_eq!((*kind, *text), (Kind::Figure, "£4.5bn"));
        assert_eq!(&body[span.start - 10..span.end - 10], "£4.5bn");
    }
}
