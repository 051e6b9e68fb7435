//! The texts findings point into, read again for printing: checks keep no text, so
//! a printer reads the few articles it shows, in parallel, and refuses any file
//! that is no longer the one that was checked.

use crate::article::{Articles, Document};
use crate::checks::Finding;
use crate::code::Code;
use crate::corpus::{self, Fields, Reread};
use crate::ids::ArticleId;
use crate::report::{Report, Severity};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

/// The documents of every article the findings point into.
pub struct Texts {
    documents: FxHashMap<ArticleId, Result<Document, Reread>>,
}

impl Texts {
    /// Reads again every article `findings` have a location or an edit in (records
    /// with their fields named by `fields`); one that cannot be read as it was
    /// checked is taken from `fallback` if it has it (a shard keeps the lines of
    /// text its spans fall in).
    pub fn read(
        articles: &Articles,
        findings: &[Finding],
        fields: &Fields,
        fallback: &(dyn Fn(ArticleId) -> Option<Document> + Sync),
    ) -> Texts {
        let wanted: BTreeSet<ArticleId> = findings
            .iter()
            .flat_map(|f| {
                f.locations
                    .iter()
                    .map(|l| l.article)
                    .chain(f.fix.iter().map(|e| e.article))
            })
            .collect();
        let wanted: Vec<ArticleId> = wanted.into_iter().collect();
        let documents = wanted
            .par_iter()
            .map(|&id| {
                let document =
                    corpus::reread(&articles[id], fields).or_else(|why| fallback(id).ok_or(why));
                (id, document)
            })
            .collect();
        Texts { documents }
    }

    /// The document of `id`, if it could be read as it was checked.
    pub fn get(&self, id: ArticleId) -> Option<&Document> {
        self.documents.get(&id).and_then(|d| d.as_ref().ok())
    }

    /// One warning per article that could not be read again, in article order.
    pub fn problems(&self, articles: &Articles) -> Vec<Report> {
        let mut failed: Vec<(&ArticleId, &Reread)> = self
            .documents
            .iter()
            .filter_map(|(id, d)| d.as_ref().err().map(|e| (id, e)))
            .collect();
        failed.sort_by_key(|(id, _)| **id);
        failed
            .into_iter()
            .map(|(&id, why)| {
                Report::plain(
                    Severity::Warning,
                    Code::InputChanged,
                    format!(
                        "{}: {why}; its findings are shown without excerpts",
                        articles[id].name()
                    ),
                )
                .with_help("run the check again to see the article as it is now")
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Location;
    use crate::ids::Id;

    #[test]
    fn a_file_changed_since_it_was_checked_is_not_shown() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "Mohin Naqvi said.").unwrap();
        let article = corpus::read(&corpus::Input::file(path.clone()))
            .unwrap()
            .article();
        let articles: Articles = vec![article].into();
        let finding = Finding {
            code: Code::SpellingVariant,
            severity: Severity::Warning,
            message: String::new(),
            help: String::new(),
            locations: vec![Location {
                article: Id::new(0),
                span: 0..11,
                label: String::new(),
                primary: true,
            }],
            fix: Vec::new(),
        };
        let texts = Texts::read(
            &articles,
            std::slice::from_ref(&finding),
            &Default::default(),
            &|_| None,
        );
        assert!(texts.get(Id::new(0)).is_some());
        assert!(texts.problems(&articles).is_empty());
        std::fs::write(&path, "Mohsin Naqvi said.").unwrap();
        let texts = Texts::read(
            &articles,
            std::slice::from_ref(&finding),
            &Default::default(),
            &|_| None,
        );
        assert!(texts.get(Id::new(0)).is_none());
        let problems = texts.problems(&articles);
        assert_eq!(problems[0].code, Some(Code::InputChanged));
        assert!(problems[0].message.contains("changed after it was checked"));
    }
}
