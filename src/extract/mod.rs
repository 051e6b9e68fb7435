//! Extraction: every rule, and the built-in finders, run over every article once.
//! Each article is read, extracted and dropped (`article.rs`); what it yields is
//! gathered here ([`Extraction`]), and names are settled once the whole corpus has
//! been read ([`naming`]). Checks never look at article text again.

mod ages;
mod article;
mod claim;
mod conversions;
mod gathering;
mod mentions;
pub mod naming;
mod rule;
mod stream;
mod viewed;
pub mod vocabulary;

pub use article::{Extractor, Found};
pub use claim::{Attached, Claim, Converted, Dateless, Origin, Post, Reject, StatedCount, Subject};
pub use gathering::Gathering;
pub use mentions::{EntityMention, NameMention, PronounMention};
pub use stream::{Corpus, Progress, extract_files};

use crate::article::Document;
use crate::ids::{ArticleId, FormId, IdVec, RuleId};
use crate::rules::RulePack;
use rustc_hash::FxHashMap;

/// All that extraction found in the corpus.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Extraction {
    pub claims: Vec<Claim>,
    pub rejects: Vec<Reject>,
    pub entities: Vec<EntityMention>,
    pub names: Vec<NameMention>,
    /// The distinct forms names take, which [`NameMention::form`] indexes.
    pub forms: IdVec<FormId, Box<str>>,
    /// The stock tickers written after forms (`<SRD>`), sorted: which company a
    /// name is. Most forms have none.
    pub tickers: FxHashMap<FormId, Vec<Box<str>>>,
    pub pronouns: Vec<PronounMention>,
    /// Sentence start offsets of the articles that have pronouns.
    pub sentences: FxHashMap<ArticleId, Vec<usize>>,
    /// Articles without a date.
    pub undated: Vec<ArticleId>,
    /// Rules whose matches made no claim for want of the article's date, by article.
    #[serde(default)]
    pub dateless: Vec<Dateless>,
    /// What each article long enough keeps for `version/divergent`, in article
    /// order.
    pub versions: Vec<(ArticleId, crate::versions::Version)>,
}

/// The claims (and rejects) one rule makes on one document, read through its
/// [`View`](crate::view::View) as `check` reads it: what `corpus-lint test` compares
/// with a rule's examples.
pub fn rule_claims(id: RuleId, pack: &RulePack, doc: &Document) -> Found {
    let run = |doc: &Document| {
        let mut found = Found::default();
        rule::Applied {
            id,
            rule: &pack.rules[id],
            pack,
            article_id: crate::ids::Id::new(0),
            article: doc,
            sentences: std::cell::OnceCell::new(),
        }
        .run(&mut found);
        found
    };
    viewed::through_view(doc, &viewed::known_words(pack), run)
}
