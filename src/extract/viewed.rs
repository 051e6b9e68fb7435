//! What was found in an article's [`View`] moved to the file's own bytes: every
//! span, sentence start and name run, so that checks and printers never see the
//! view.

use super::article::Found;
use super::claim::Attached;
use super::naming::Offsets;
use crate::article::Document;
use crate::rules::RulePack;
use crate::view::View;
use rustc_hash::FxHashSet;
use std::ops::Range;

/// The words of the pack's declared names, lower-cased: a word a line-end hyphen
/// splits is joined when it is one of them.
pub(super) fn known_words(pack: &RulePack) -> FxHashSet<String> {
    pack.entities
        .iter()
        .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases).chain(&e.wrong))
        .flat_map(|form| form.split_whitespace())
        .map(str::to_lowercase)
        .collect()
}

/// What `extract` finds in `doc`'s body as its [`View`] shows it, moved to the
/// document's own bytes; `doc` as it is when the view is the body.
pub(super) fn through_view(
    doc: &Document,
    known: &FxHashSet<String>,
    extract: impl FnOnce(&Document) -> Found,
) -> Found {
    let Some(view) = View::of(doc.body(), &|w| known.contains(w)) else {
        return extract(doc);
    };
    let mut viewed = doc.clone();
    viewed.text.truncate(doc.body_start);
    viewed.text.push_str(&view.text);
    let mut found = extract(&viewed);
    found.move_to_body(&view, doc.body_start);
    found
}

/// A view of the body that starts at `base` in the document.
struct Placed<'a> {
    view: &'a View,
    base: usize,
}

impl Placed<'_> {
    fn start(&self, at: usize) -> usize {
        match at.checked_sub(self.base) {
            Some(offset) => self.base + self.view.start(offset),
            None => at,
        }
    }

    fn end(&self, at: usize) -> usize {
        match at.checked_sub(self.base) {
            Some(offset) => self.base + self.view.end(offset),
            None => at,
        }
    }

    fn span(&self, span: &mut Range<usize>) {
        if let Some(from) = span.start.checked_sub(self.base) {
            let moved = self.view.span(&(from..span.end - self.base));
            *span = self.base + moved.start..self.base + moved.end;
        }
    }
}

impl Found {
    /// Moves what was found in `view` (the body, from `base` in the document) to
    /// the document's bytes.
    fn move_to_body(&mut self, view: &View, base: usize) {
        let placed = Placed { view, base };
        for claim in &mut self.claims {
            placed.span(&mut claim.span);
            placed.span(&mut claim.matched);
            match &mut claim.attached {
                Some(Attached::Weekday(_, span)) => placed.span(span),
                Some(Attached::Count(count)) => placed.span(&mut count.span),
                Some(Attached::Converted(sum)) => placed.span(&mut sum.span),
                None => {}
            }
        }
        for reject in &mut self.rejects {
            placed.span(&mut reject.span);
        }
        for mention in &mut self.entities {
            placed.span(&mut mention.span);
        }
        for pronoun in &mut self.pronouns {
            placed.span(&mut pronoun.span);
        }
        for start in &mut self.sentences {
            *start = placed.start(*start);
        }
        if let Some(version) = &mut self.version {
            version.move_spans(|mut span| {
                placed.span(&mut span);
                span
            });
        }
        for (start, _) in &mut self.tickers {
            *start = placed.start(*start);
        }
        for (start, run) in &mut self.runs {
            let from = placed.start(*start);
            if !view.keeps_offsets() {
                let offset = |at: usize, end: bool| {
                    let moved = if end {
                        placed.end(at)
                    } else {
                        placed.start(at)
                    };
                    u32::try_from(moved - from).unwrap_or(u32::MAX)
                };
                let table: Offsets = (*start..=*start + run.len())
                    .map(|at| (offset(at, false), offset(at, true)))
                    .collect();
                let unmoved = table
                    .iter()
                    .enumerate()
                    .all(|(k, &(s, e))| s as usize == k && (k == 0 || e as usize == k));
                if !unmoved {
                    self.moved.push((from, table));
                }
            }
            *start = from;
        }
    }
}
