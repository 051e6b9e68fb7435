//! Where each spelling is used, and the findings that show it: the suspect
//! spelling first, then the majority spelling in the same article and a few others.

use crate::checks::{Edit, Finding, Location, plural};
use crate::code::Code;
use crate::ids::ArticleId;
use crate::report::Severity;
use std::collections::BTreeSet;
use std::ops::Range;

/// Occurrences as (article, span).
pub(super) type Spans = Vec<(ArticleId, Range<usize>)>;

/// How many other articles a finding shows as evidence.
const EVIDENCE_ARTICLES: usize = 3;

/// Where one spelling occurs, in corpus order.
#[derive(Clone, Copy, Default)]
pub(super) struct Usage<'a> {
    pub(super) spans: &'a [(ArticleId, Range<usize>)],
}

impl Usage<'_> {
    /// How many articles use it: counted when asked, which is only for the few
    /// forms that look like misspellings of others.
    pub(super) fn articles(&self) -> usize {
        let mut articles: Vec<ArticleId> = self.spans.iter().map(|(a, _)| *a).collect();
        articles.sort_unstable();
        articles.dedup();
        articles.len()
    }

    pub(super) fn evidence(&self, form: &str) -> String {
        format!(
            "{} in {} use{} `{form}`",
            plural(self.spans.len(), "mention"),
            plural(self.articles(), "article"),
            if self.spans.len() == 1 { "s" } else { "" }
        )
    }

    /// First occurrence in `article`, and in up to [`EVIDENCE_ARTICLES`] others.
    fn evidence_locations(&self, article: ArticleId, form: &str) -> Vec<Location> {
        let mut seen = BTreeSet::new();
        let mut out: Vec<Location> = self
            .spans
            .iter()
            .filter(|(a, _)| seen.insert(*a))
            .filter(|(a, _)| *a != article)
            .take(EVIDENCE_ARTICLES)
            .map(|(a, span)| Location {
                article: *a,
                span: span.clone(),
                label: format!("spelled `{form}` here"),
                primary: false,
            })
            .collect();
        if let Some((a, span)) = self.spans.iter().find(|(a, _)| *a == article) {
            out.insert(
                0,
                Location {
                    article: *a,
                    span: span.clone(),
                    label: format!("spelled `{form}` here"),
                    primary: false,
                },
            );
        }
        out
    }
}

/// Builds the finding for `wrong` spans of a form in one article.
pub(super) fn variant_finding(
    severity: Severity,
    message: String,
    help: String,
    wrong: &[(ArticleId, Range<usize>)],
    right_form: &str,
    right: &Usage,
) -> Finding {
    let article = wrong[0].0;
    let mut locations: Vec<Location> = wrong
        .iter()
        .map(|(a, span)| Location {
            article: *a,
            span: span.clone(),
            label: "this spelling".into(),
            primary: true,
        })
        .collect();
    locations.extend(right.evidence_locations(article, right_form));
    Finding {
        code: Code::SpellingVariant,
        severity,
        message,
        help,
        locations,
        fix: wrong
            .iter()
            .map(|(a, span)| Edit {
                article: *a,
                span: span.clone(),
                replacement: right_form.to_string(),
            })
            .collect(),
    }
}

/// Forms equally common: there is no majority to suggest, only the inconsistency.
pub(super) fn tie_finding(members: &[usize], forms: &[&str], usage: &[Usage]) -> Finding {
    let shown: Vec<String> = members.iter().map(|&i| format!("`{}`", forms[i])).collect();
    let mut locations: Vec<Location> = members
        .iter()
        .flat_map(|&i| {
            let mut seen = BTreeSet::new();
            usage[i]
                .spans
                .iter()
                .filter(move |(a, _)| seen.insert(*a))
                .map(move |(a, span)| Location {
                    article: *a,
                    span: span.clone(),
                    label: format!("spelled `{}` here", forms[i]),
                    primary: true,
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let first = locations
        .iter()
        .map(|l| l.article)
        .min()
        .expect("a tie has locations");
    locations.sort_by_key(|l| (l.article != first, l.article, l.span.start));
    for l in locations.iter_mut().skip(1) {
        l.primary = false;
    }
    Finding {
        code: Code::SpellingVariant,
        severity: Severity::Warning,
        message: format!(
            "{} look like one name spelled two ways",
            shown.join(" and ")
        ),
        help: format!(
            "no spelling is more common ({}); pick one, or list the accepted forms as an entity's aliases",
            members
                .iter()
                .map(|&i| usage[i].evidence(forms[i]))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        locations,
        fix: Vec::new(),
    }
}
