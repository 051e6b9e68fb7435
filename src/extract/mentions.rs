//! Mentions found without rules: declared entities under their forms, gendered
//! pronouns, and person-name candidates.

use crate::article::Document;
use crate::ids::{ArticleId, EntityId, FormId};
use crate::rules::RulePack;
use crate::rules::schema::Pronouns;
use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A mention of a declared entity under one of its forms.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct EntityMention {
    pub entity: EntityId,
    pub article: ArticleId,
    pub form: String,
    pub wrong: bool,
    pub span: Range<usize>,
}

/// A gendered third-person pronoun (`his`, `her`), for `entity/pronoun`.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct PronounMention {
    pub article: ArticleId,
    /// The pronoun as written.
    pub word: String,
    pub pronouns: Pronouns,
    pub span: Range<usize>,
}

/// A person's name found without rules, as one of the corpus's distinct forms.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct NameMention {
    pub article: ArticleId,
    pub form: FormId,
    pub span: Range<usize>,
}

static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?i:(?P<he>he|him|his|himself)|(?P<she>she|her|hers|herself))(?-u:\b)")
        .expect("a valid regex")
});

pub(super) fn pronouns(id: ArticleId, article: &Document) -> Vec<PronounMention> {
    let base = article.body_start;
    PRONOUN
        .captures_iter(article.body())
        .map(|c| {
            let m = c.get(0).expect("group 0 always matches");
            PronounMention {
                article: id,
                word: m.as_str().to_string(),
                pronouns: if c.name("he").is_some() {
                    Pronouns::He
                } else {
                    Pronouns::She
                },
                span: base + m.start()..base + m.end(),
            }
        })
        .collect()
}

/// One searchable form of a declared entity.
struct Form {
    text: String,
    entity: EntityId,
    wrong: bool,
}

/// Every form of every declared entity, found in one pass over an article.
pub(super) struct EntityFinder {
    matcher: AhoCorasick,
    forms: Vec<Form>,
}

impl EntityFinder {
    pub(super) fn new(pack: &RulePack) -> EntityFinder {
        let mut forms = Vec::new();
        for (id, e) in pack.entities.enumerate() {
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                forms.push(Form {
                    text: name.clone(),
                    entity: id,
                    wrong: false,
                });
            }
            forms.extend(e.wrong.iter().map(|name| Form {
                text: name.clone(),
                entity: id,
                wrong: true,
            }));
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(forms.iter().map(|f| f.text.as_str()))
            .expect("entity names are plain strings");
        EntityFinder { matcher, forms }
    }

    /// Whole-word mentions in the article's body.
    pub(super) fn find(&self, id: ArticleId, article: &Document) -> Vec<EntityMention> {
        let body = article.body();
        let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
        self.matcher
            .find_iter(body)
            .filter(|m| {
                !is_word(body[..m.start()].chars().next_back())
                    && !is_word(body[m.end()..].chars().next())
            })
            .map(|m| {
                let form = &self.forms[m.pattern().as_usize()];
                EntityMention {
                    entity: form.entity,
                    article: id,
                    form: form.text.clone(),
                    wrong: form.wrong,
                    span: article.body_start + m.start()..article.body_start + m.end(),
                }
            })
            .collect()
    }
}
