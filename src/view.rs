//! The text extraction reads: an article's body as its sentences run, whatever the
//! file's line breaks. Much news text is hard-wrapped (wire copy, plain-text exports,
//! e-mailed releases), so a name or a title may run across a line break, with a
//! carriage return or an indent; rules and the name finder are written for words
//! separated by one space. In the view:
//!
//! - a run of whitespace inside a paragraph (line breaks, tabs, non-breaking and
//!   other Unicode spaces) is one space;
//! - a paragraph break (a blank line, or a line break before an indented line) is
//!   one blank line, `\n\n`;
//! - soft hyphens and zero-width characters are dropped;
//! - a word split by a hyphen at a line end is joined when the joined word is
//!   known (see [`View::of`]); otherwise the hyphen stays (`Kilroy-Silk`).
//!
//! Every offset in the view maps back to the file's exact bytes, so that what is
//! found in the view is reported where it is in the file.

use std::ops::Range;

/// An article body as extraction reads it, and the way back to the body's bytes.
#[derive(Debug)]
pub struct View {
    pub text: String,
    /// Where the view and the body stop being the same length, in order: from each
    /// piece's `view` offset on, view and body advance together (`copy`) or the
    /// piece stands for a different stretch of the body (a whitespace run written
    /// as one space, a dropped character). Empty when every offset is the same.
    pieces: Vec<Piece>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Piece {
    view: usize,
    body: usize,
    copy: bool,
}

/// Spaces that separate words like a space does.
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Characters that are not seen: soft hyphens and zero-width characters.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Bytes that may begin something the view writes differently, but for spaces:
/// ASCII whitespace other than a space, and the first bytes of the non-ASCII
/// spaces and invisible characters (U+00A0, U+00AD, U+1680, U+2000–U+206F,
/// U+3000, U+FEFF). Most articles have few of them.
static SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = [
        b'\t', b'\n', 0x0B, 0x0C, b'\r', 0xC2, 0xE1, 0xE2, 0xE3, 0xEF,
    ];
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

impl View {
    /// The view of `body`, or `None` when it is the body as it is (most articles
    /// that are not hard-wrapped). A word split by a hyphen at a line end is joined
    /// when `known` accepts the joined word, lower-cased, or the body writes it
    /// whole elsewhere: the corpus's own spelling cannot be known while an article
    /// is read on its own, so the article and the rules' names stand for it.
    pub fn of(body: &str, known: &dyn Fn(&str) -> bool) -> Option<View> {
        let bytes = body.as_bytes();
        // Spaces are everywhere: only two in a row are looked at, found apart.
        let mut doubles = memchr::memmem::find_iter(bytes, b"  ").peekable();
        let mut builder = Builder {
            body,
            text: String::new(),
            pieces: Vec::new(),
            copied: 0,
            changed: false,
            lower: None,
        };
        let mut at = 0;
        loop {
            let special = bytes[at..]
                .iter()
                .position(|&b| SPECIAL[usize::from(b)])
                .map(|i| at + i);
            while doubles.next_if(|&d| d < at).is_some() {}
            let next = match (special, doubles.peek()) {
                (Some(s), Some(&d)) => s.min(d),
                (Some(s), None) => s,
                (None, Some(&d)) => d,
                (None, None) => break,
            };
            let Some(c) = body[next..].chars().next() else {
                break;
            };
            if is_space(c) || is_invisible(c) {
                // From the start of the whitespace run the character is in.
                let mut start = next;
                while start > at && bytes[start - 1] == b' ' {
                    start -= 1;
                }
                at = builder.whitespace(start, known);
            } else {
                at = next + c.len_utf8();
            }
        }
        builder.finish()
    }

    /// Where in the body the view's `offset` is, as the start of a span.
    pub fn start(&self, offset: usize) -> usize {
        if self.pieces.is_empty() {
            return offset;
        }
        let i = self.pieces.partition_point(|p| p.view <= offset).max(1) - 1;
        let p = self.pieces[i];
        if p.copy {
            p.body + (offset - p.view)
        } else {
            p.body
        }
    }

    /// Where in the body the view's `offset` is, as the end of a span.
    pub fn end(&self, offset: usize) -> usize {
        if self.pieces.is_empty() || offset == 0 {
            return offset;
        }
        let i = self.pieces.partition_point(|p| p.view < offset).max(1) - 1;
        let p = self.pieces[i];
        if p.copy {
            p.body + (offset - p.view)
        } else {
            self.pieces.get(i + 1).map_or(p.body, |next| next.body)
        }
    }

    /// A span of the view as a span of the body.
    pub fn span(&self, span: &Range<usize>) -> Range<usize> {
        let start = self.start(span.start);
        start..self.end(span.end).max(start)
    }

    /// Whether view offsets are body offsets (only same-length changes, such as a
    /// line break written as a space).
    pub fn keeps_offsets(&self) -> bool {
        self.pieces.is_empty()
    }
}

/// Lines shorter than this on both sides of a line break are not wrapped prose:
/// an address, a record, a list of names.
const SHORT_LINE: usize = 30;

/// Whether the line break in the whitespace `at..end` ends a line that is not
/// wrapped prose: what follows is a list item, a table row, a heading or a field
/// (`N: 12`, `Date: …`), what comes before is a heading or introduces a list, or
/// both lines are short. Joining such lines would let a rule's `.` run from one
/// record into the next.
fn hard_break(body: &str, at: usize, end: usize) -> bool {
    let before = &body[body[..at].rfind('\n').map_or(0, |i| i + 1)..at];
    let after = &body[end..body[end..].find('\n').map_or(body.len(), |i| end + i)];
    let (before, after) = (before.trim(), after.trim());
    let item = after.starts_with(['-', '*', '•', '·', '+', '>', '|', '#'])
        || after.split_once([')', '.']).is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit())
        });
    let field = after.split_once(": ").is_some_and(|(label, _)| {
        label.chars().count() <= SHORT_LINE
            && label
                .chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
    });
    item || field
        || before.ends_with(':')
        || before.starts_with(['#', '|'])
        || (before.chars().count() < SHORT_LINE && after.chars().count() < SHORT_LINE)
}

struct Builder<'a> {
    body: &'a str,
    text: String,
    pieces: Vec<Piece>,
    /// How far into the body the view has been written.
    copied: usize,
    changed: bool,
    /// The body in lower case, made the first time a line-end hyphen needs it.
    lower: Option<String>,
}

impl Builder<'_> {
    /// Writes the whitespace (and invisible characters) starting at `at`; returns
    /// where it ends.
    fn whitespace(&mut self, at: usize, known: &dyn Fn(&str) -> bool) -> usize {
        let body = self.body;
        let mut end = at;
        let mut newlines = 0;
        let mut indented = false;
        let mut spaces = false;
        let mut soft_hyphen = false;
        for c in body[at..].chars() {
            soft_hyphen |= c == '\u{AD}';
            if c == '\n' {
                newlines += 1;
                indented = false;
            } else if is_space(c) {
                spaces = true;
                if newlines > 0 && c != '\r' {
                    indented = true;
                }
            } else if !is_invisible(c) {
                break;
            }
            end += c.len_utf8();
        }
        let edge = at == 0 || end == body.len();
        if !spaces && newlines == 0 {
            // Only invisible characters, inside a word: dropped.
            self.replace(at..end, "");
        } else if edge {
            // Leading and trailing whitespace is left as it is, but for what is
            // not seen.
            self.drop_invisible(at..end);
        } else if soft_hyphen && newlines == 1 && !indented {
            // A soft hyphen at a line end marks a word the line break split.
            self.replace(at..end, "");
        } else if newlines == 1 && !indented && hard_break(body, at, end) {
            // A line break that is not a wrap is left as it is.
            self.drop_invisible(at..end);
        } else if newlines >= 2 || (newlines == 1 && indented) {
            self.replace(at..end, "\n\n");
        } else if newlines == 1 && self.hyphen_before(at) {
            let joined = self.joined(at, end);
            match joined {
                Some(word) if known(&word) || self.written_whole(&word) => {
                    self.replace(at - 1..end, "");
                }
                _ => self.replace(at..end, ""),
            }
        } else {
            self.replace(at..end, " ");
        }
        end
    }

    /// Writes the body's `range` without its invisible characters.
    fn drop_invisible(&mut self, range: Range<usize>) {
        let kept: String = self.body[range.clone()]
            .chars()
            .filter(|&c| !is_invisible(c))
            .collect();
        self.replace(range, &kept);
    }

    /// Whether a hyphen that ends a word is just before `at`.
    fn hyphen_before(&self, at: usize) -> bool {
        let before = &self.body[..at];
        before.ends_with('-')
            && before[..before.len() - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
            && at > self.copied
    }

    /// The word the hyphen at `at - 1` and the line break up to `end` split,
    /// lower-cased, if letters follow.
    fn joined(&self, at: usize, end: usize) -> Option<String> {
        let body = self.body;
        let head_start = body[..at - 1]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map(|(i, _)| i)?;
        let tail_len: usize = body[end..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .map(char::len_utf8)
            .sum();
        (tail_len > 0).then(|| {
            format!(
                "{}{}",
                &body[head_start..at - 1],
                &body[end..end + tail_len]
            )
            .to_lowercase()
        })
    }

    /// Whether the body writes `word` (lower case) whole, as a word of its own.
    fn written_whole(&mut self, word: &str) -> bool {
        let body = self.body;
        let lower = self.lower.get_or_insert_with(|| body.to_lowercase());
        lower.match_indices(word).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + word.len()..].chars().next();
            !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
        })
    }

    /// Writes `with` for the body's `range`, copying what comes before it.
    fn replace(&mut self, range: Range<usize>, with: &str) {
        if &self.body[range.clone()] == with {
            return;
        }
        if !self.changed {
            self.changed = true;
            self.text.reserve(self.body.len());
        }
        self.text.push_str(&self.body[self.copied..range.start]);
        if range.len() == with.len() {
            // Same length: offsets are kept, only the text differs.
            self.text.push_str(with);
        } else {
            if self.pieces.is_empty() {
                self.pieces.push(Piece {
                    view: 0,
                    body: 0,
                    copy: true,
                });
            }
            self.piece(range.start, true);
            self.piece(range.start, false);
            self.text.push_str(with);
            self.piece(range.end, true);
        }
        self.copied = range.end;
    }

    /// Starts a piece at body offset `body` (and the view's current end).
    fn piece(&mut self, body: usize, copy: bool) {
        let view = self.text.len();
        let piece = Piece { view, body, copy };
        match self.pieces.last_mut() {
            // A piece that covers nothing is replaced by the one after it.
            Some(last) if last.view == view && last.body == body => *last = piece,
            Some(last) if last.copy && copy && last.view + (body - last.body) == view => {}
            _ => self.pieces.push(piece),
        }
    }

    fn finish(mut self) -> Option<View> {
        if !self.changed {
            return None;
        }
        self.text.push_str(&self.body[self.copied..]);
        Some(View {
            text: self.text,
            pieces: self.pieces,
        })
    }
}

#[cfg(test)]
mod tests;
