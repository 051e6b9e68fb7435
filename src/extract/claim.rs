//! What extraction finds: claims, each saying where it came from and what it is
//! about, and the values a rule matched that are not what it says they are.

use crate::figure::Figure;
use crate::ids::{ArticleId, OfficeId, RuleId};
use crate::rules::RulePack;
use crate::time::Interval;
use crate::value::{Value, ValueError};
use chrono::Weekday;
use std::ops::Range;

/// Something an article asserts.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Claim {
    pub article: ArticleId,
    pub origin: Origin,
    pub subject: Subject,
    pub value: Value,
    /// The value as written.
    pub raw: String,
    pub span: Range<usize>,
    /// Everything the rule's pattern matched.
    pub matched: Range<usize>,
    /// When the claim holds: a time its sentence states, else its article's date.
    pub time: Option<Interval>,
    /// What the text states beside the value, for checks that compare the two.
    pub attached: Option<Attached>,
}

/// Who made a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Origin {
    /// A rule of the pack.
    Rule(RuleId),
    /// corpus-lint itself: a time an article's sentence states ("in 2022", "last
    /// month"), resolved against the article's date.
    StatedTime,
    /// corpus-lint itself: a person's age ("Bernard Ebbers, 63,", "18-year-old
    /// Nadal"), as of the article's date.
    Age,
    /// corpus-lint itself: a sum and what it comes to in another currency, in a
    /// bracket after it (`$1.8 billion (£952 million)`), at the article's date.
    Conversion,
}

impl Origin {
    /// The name `claims` lists a claim's origin under: the rule's id, or `time`.
    pub fn name(self, pack: &RulePack) -> &str {
        match self {
            Origin::Rule(r) => &pack.rules[r].id,
            Origin::StatedTime => "time",
            Origin::Age => "age",
            Origin::Conversion => "conversion",
        }
    }
}

/// What a claim is about.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Subject {
    /// A fact compared across articles under its key.
    Fact(String),
    /// Who holds an office: the claim's value is the holder.
    Office(OfficeId),
    /// A person, as the text names them next to the claim (`Bernard Ebbers`, or
    /// a surname after a title: `Ebbers`), or not at all (empty: `the 63-year-old`,
    /// someone named before): `age/conflict` settles who it is.
    Person(String),
    /// A person named in a post (`England coach Andy Robinson`): the value is what
    /// the post is of (`England`); `office/title-conflict` compares them in time.
    /// Boxed: few claims are titles, and every claim is as large as its largest
    /// subject.
    Title(Box<Post>),
    /// Nothing compared across articles: checked on its own, if at all.
    Standalone,
}

/// A person's post, as a title rule names it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Post {
    /// The rule's key: the person and post, as `claims` lists it.
    pub key: String,
    pub person: String,
    pub post: String,
}

/// Something stated with a claim's value.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum Attached {
    /// A weekday stated with a date (`Thursday, 31 May 2024`), and where.
    Weekday(Weekday, Range<usize>),
    /// The count stated with a list (`four countries: …`).
    Count(StatedCount),
    /// What a sum is converted to, in the bracket after it (`(£952 million)`).
    Converted(Converted),
}

/// A count stated for a list, as its rule's `count` template found it.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct StatedCount {
    pub figure: Figure,
    /// As written.
    pub raw: String,
    pub span: Range<usize>,
}

/// The sum a money conversion gives in the bracket, as read by the figure parser.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Converted {
    pub figure: Figure,
    /// As written, with its hedge (`about £132`).
    pub raw: String,
    pub span: Range<usize>,
}

impl Claim {
    /// The rule that made the claim, unless corpus-lint did.
    pub fn rule(&self) -> Option<RuleId> {
        match self.origin {
            Origin::Rule(r) => Some(r),
            Origin::StatedTime | Origin::Age | Origin::Conversion => None,
        }
    }

    /// The office the claim names a holder of.
    pub fn office(&self) -> Option<OfficeId> {
        match self.subject {
            Subject::Office(o) => Some(o),
            _ => None,
        }
    }

    /// The key of a fact claim.
    pub fn fact(&self) -> Option<&str> {
        match &self.subject {
            Subject::Fact(key) => Some(key),
            _ => None,
        }
    }

    /// What the claim is about, as `claims` and the rule examples name it: the
    /// fact's key or the office's name.
    pub fn key<'a>(&'a self, pack: &'a RulePack) -> Option<&'a str> {
        match &self.subject {
            Subject::Fact(key) => Some(key),
            Subject::Office(o) => Some(&pack.offices.offices[*o].name),
            Subject::Person(name) => Some(name.as_str()).filter(|n| !n.is_empty()),
            Subject::Title(post) => Some(&post.key),
            Subject::Standalone => None,
        }
    }

    /// The count stated with a list claim.
    pub fn count(&self) -> Option<&StatedCount> {
        match &self.attached {
            Some(Attached::Count(c)) => Some(c),
            _ => None,
        }
    }

    /// What a money conversion converts its sum to.
    pub fn converted(&self) -> Option<&Converted> {
        match &self.attached {
            Some(Attached::Converted(c)) => Some(c),
            _ => None,
        }
    }

    /// The weekday stated with a date claim, and where.
    pub fn weekday(&self) -> Option<(Weekday, &Range<usize>)> {
        match &self.attached {
            Some(Attached::Weekday(day, span)) => Some((*day, span)),
            _ => None,
        }
    }
}

/// A rule matched text whose value does not parse as the rule's type.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Reject {
    pub rule: RuleId,
    pub article: ArticleId,
    pub raw: String,
    pub span: Range<usize>,
    pub reason: ValueError,
}

/// Matches of one rule in one article that made no claim because a template
/// needs the article's date at a precision the article lacks: `time/undated`
/// says so, once, as checks never read the text again.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Dateless {
    pub rule: RuleId,
    pub article: ArticleId,
    pub matches: usize,
    /// The first of them.
    pub span: Range<usize>,
}
