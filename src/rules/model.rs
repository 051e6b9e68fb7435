//! The compiled rule pack: what extraction and the checks are given, every regex,
//! template and table already validated.

use super::facts::Term;
use super::offices::Offices;
use super::schema::{ExpectedClaim, Pronouns};
use super::template::Template;
use crate::date::PartialDate;
use crate::ids::{EntityId, IdVec, RuleId, TableId};
use crate::report::{Report, Severity};
use crate::value::{ValueType, fold_text};
use regex::Regex;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

/// A compiled rule.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub description: String,
    pub severity: Severity,
    pub regex: Regex,
    /// What the rule's claims are about, with the fields only that kind has.
    pub kind: RuleKind,
    pub value: Template,
    pub value_type: ValueType,
    /// Capture name → the table that gives its canonical form.
    pub tables: HashMap<String, TableId>,
    /// The pattern's typed slots, whose captures are checked and normalised.
    pub slots: Vec<super::slots::Slot>,
    /// Slots looked for in the match's sentence, with their regexes.
    pub near: Vec<(super::slots::Slot, Regex)>,
    /// How far apart in time its claims may be and still be compared; `None`:
    /// every claim of a key is compared.
    pub window: Option<super::window::Window>,
    /// How far a hedged figure may be from the figure stated (a fraction of it).
    pub tolerance: f64,
    /// For list rules: the count the text states for the list.
    pub count: Option<ListCount>,
    /// Where the rule is written, for diagnostics that point into its file.
    pub defined: Defined,
    /// Examples and counterexamples, for `corpus-lint test`.
    pub examples: Vec<Example>,
}

/// What a rule makes of its matches.
#[derive(Debug)]
pub enum RuleKind {
    /// Keyed claims, compared across articles.
    Claim { key: Key },
    /// Claims without a key, checked on their own.
    Extract,
    /// Office claims, compared in time by the office checks: the claim is about
    /// the office the title names (in the jurisdiction, if stated), its value is
    /// the holder.
    Office {
        title: Template,
        jurisdiction: Option<Template>,
    },
    /// Dates an undated article; its claims are keyed when it has a key.
    Dateline { key: Option<Key> },
    /// A person named in a post (`England coach Andy Robinson`): the claim is
    /// about the person's post, its value what the post is of, compared in time
    /// by `office/title-conflict`.
    Title { key: Key },
}

impl RuleKind {
    /// The name `rules` lists the kind under.
    pub fn name(&self) -> &'static str {
        match self {
            RuleKind::Dateline { .. } => "dateline",
            RuleKind::Office { .. } => "office",
            RuleKind::Claim { .. } => "claim",
            RuleKind::Extract => "extract",
            RuleKind::Title { .. } => "title",
        }
    }

    /// What the kind makes of its matches, as `rule ID` says it.
    pub fn described(&self) -> &'static str {
        match self {
            RuleKind::Office { .. } => {
                "office rule (claims are keyed by the office, valued by the holder)"
            }
            RuleKind::Extract => "extract rule (claims are not compared across articles)",
            RuleKind::Dateline { .. } => "dateline rule",
            RuleKind::Claim { .. } => "claim rule",
            RuleKind::Title { .. } => {
                "title rule (a person's post, valued by what it is of; compared by office/title-conflict)"
            }
        }
    }

    /// The key template, for kinds that have one.
    pub fn key(&self) -> Option<&Key> {
        match self {
            RuleKind::Claim { key }
            | RuleKind::Title { key }
            | RuleKind::Dateline { key: Some(key) } => Some(key),
            _ => None,
        }
    }
}

/// A claim key template and where it is written.
#[derive(Debug)]
pub struct Key {
    pub template: Template,
    pub span: Range<usize>,
}

/// The count a list rule reads beside its list, and by how much it should exceed
/// the list's length (1 for "the fifth, after A, B, C and D").
#[derive(Debug)]
pub struct ListCount {
    pub template: Template,
    pub offset: i64,
}

/// Where a rule is written.
#[derive(Debug)]
pub struct Defined {
    /// The file (a key of [`RulePack::sources`]).
    pub file: PathBuf,
    pub id_span: Range<usize>,
    pub pattern_span: Range<usize>,
}

impl Rule {
    /// Every template of the rule: kind's, count's, then the value's.
    pub fn templates(&self) -> impl Iterator<Item = &Template> {
        let (key, title, jurisdiction) = match &self.kind {
            RuleKind::Office {
                title,
                jurisdiction,
            } => (None, Some(title), jurisdiction.as_ref()),
            kind => (kind.key().map(|k| &k.template), None, None),
        };
        key.into_iter()
            .chain(title)
            .chain(jurisdiction)
            .chain(self.count.as_ref().map(|c| &c.template))
            .chain(std::iter::once(&self.value))
    }

    /// Whether the first match near the top of an undated article dates it.
    pub fn is_dateline(&self) -> bool {
        matches!(self.kind, RuleKind::Dateline { .. })
    }
}

/// A text a rule is run over by `corpus-lint test`.
#[derive(Debug)]
pub struct Example {
    pub text: String,
    pub date: Option<PartialDate>,
    /// The claims it must yield; `None` for a counterexample, which must yield none.
    pub claims: Option<Vec<ExpectedClaim>>,
    /// Where the example is in the rule file.
    pub span: Range<usize>,
}

/// A compiled normalisation table: folded, lower-cased variant → canonical form.
#[derive(Debug)]
pub struct Table {
    pub name: String,
    pub(super) map: HashMap<String, String>,
}

impl Table {
    /// The canonical form of `raw`, or `raw` folded when the table does not know it.
    pub fn canonical(&self, raw: &str) -> String {
        let folded = fold_text(raw);
        self.map
            .get(&folded.to_lowercase())
            .cloned()
            .unwrap_or(folded)
    }
}

/// A known entity, from an entities file.
#[derive(Debug)]
pub struct Entity {
    pub name: String,
    pub aliases: Vec<String>,
    pub wrong: Vec<String>,
    pub pronouns: Option<Pronouns>,
}

impl Entity {
    /// Whether `form` is one of the entity's forms, right or wrong.
    pub fn has_form(&self, form: &str) -> bool {
        self.name == form || self.aliases.iter().chain(&self.wrong).any(|f| f == form)
    }
}

/// Everything loaded from the rule files.
#[derive(Debug, Default)]
pub struct RulePack {
    pub rules: IdVec<RuleId, Rule>,
    pub tables: IdVec<TableId, Table>,
    pub entities: IdVec<EntityId, Entity>,
    pub files: Vec<PathBuf>,
    /// Each rule file's text, for diagnostics that point into it.
    pub sources: BTreeMap<PathBuf, String>,
    /// Problems that do not stop the run (`corpus-lint test` and `check` show them).
    pub warnings: Vec<Report>,
    pub offices: Offices,
    /// Declared events and topics, for `{subject}` slots.
    pub subjects: super::subjects::Subjects,
    /// Terms of office from the facts files.
    pub terms: Vec<Term>,
    /// Every entity form → the first entity declaring it: built on first use by
    /// [`RulePack::entity_by_form`], so leave it to `Default`. The entities must not
    /// change once it is built.
    pub entity_forms: OnceLock<HashMap<String, EntityId>>,
}

impl RulePack {
    /// A hash of what the rule files say, in the order they are read: two packs
    /// with the same fingerprint number their rules, tables and entities alike.
    pub fn fingerprint(&self) -> u64 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for (path, source) in &self.sources {
            h.update(path.file_name().map_or(&[][..], |n| n.as_encoded_bytes()));
            h.update(&[0]);
            h.update(source.as_bytes());
            h.update(&[0]);
        }
        h.digest()
    }

    /// The rule with this id.
    pub fn find(&self, id: &str) -> Option<RuleId> {
        self.rules
            .enumerate()
            .find(|(_, r)| r.id == id)
            .map(|(i, _)| i)
    }

    /// The first declared entity that has `form` as its name, an alias or a known
    /// wrong form, as a scan with [`Entity::has_form`] would find it.
    pub fn entity_by_form(&self, form: &str) -> Option<EntityId> {
        self.entity_forms
            .get_or_init(|| {
                let mut forms = HashMap::new();
                for (id, e) in self.entities.enumerate() {
                    for f in std::iter::once(&e.name).chain(&e.aliases).chain(&e.wrong) {
                        forms.entry(f.clone()).or_insert(id);
                    }
                }
                forms
            })
            .get(form)
            .copied()
    }
}
