//! The rule-file format as serde reads it, and as `corpus-lint schema` describes it
//! to TOML editors. Spans are kept on fields that later validation may reject, so
//! errors point at the exact line and column.

use crate::report::Severity;
use crate::value::ValueType;
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// A corpus-lint rule file: any mix of rules, normalisation tables and entities.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "corpus-lint rule file")]
pub struct RuleFile {
    /// Extractors: regexes whose matches become claims.
    #[serde(default)]
    pub rule: Vec<RuleSpec>,
    /// Normalisation tables that map variants to one canonical form.
    #[serde(default)]
    pub table: Vec<TableSpec>,
    /// Known people and organisations, with accepted and wrong spellings.
    #[serde(default)]
    pub entity: Vec<EntitySpec>,
    /// Offices (`UK Home Secretary`): the titles that name them, and where.
    #[serde(default)]
    pub office: Vec<OfficeSpec>,
    /// Countries and the words that name them (`British`, `UK's` → `UK`).
    #[serde(default)]
    pub jurisdiction: Vec<JurisdictionSpec>,
    /// Named events and topics (`UK-Pakistan returns agreement`): the words that
    /// name them, for the `{subject}` slot.
    #[serde(default)]
    pub subject: Vec<SubjectSpec>,
}

/// An event or topic that articles name in several ways, so that claims about it
/// from differently worded sentences get one key.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubjectSpec {
    /// The name keys give it: `UK-Pakistan returns agreement`.
    pub name: String,
    /// The words that name it in a sentence, in any case: `returns agreement`,
    /// `returns deal`, `agreement on the return of`.
    pub aliases: Vec<String>,
    /// Who must be named in the same sentence for the words to mean this subject:
    /// each group is one party, any of its words will do (`[["Pakistan",
    /// "Pakistani"]]`): a returns agreement with Vietnam is another subject.
    #[serde(default)]
    pub parties: Vec<Vec<String>>,
}

/// An office that one person (or, with `single = false`, several) holds at a time.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OfficeSpec {
    /// The canonical name, e.g. `UK Home Secretary`; office claims are keyed by it.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// The jurisdiction (a `[[jurisdiction]]` name) the office belongs to.
    pub jurisdiction: String,
    /// Titles that name this office even when no jurisdiction is stated
    /// (`Interior Minister` implies Pakistan's in this rule pack).
    #[serde(default)]
    pub titles: Vec<String>,
    /// Titles that name this office only with its jurisdiction stated
    /// (`Pakistan home secretary` is the interior secretary, not the UK office).
    #[serde(default)]
    pub qualified_titles: Vec<String>,
    /// Whether one person holds it at a time (checked by `office/holder-conflict`).
    #[serde(default = "single_holder")]
    pub single: bool,
}

fn single_holder() -> bool {
    true
}

/// A jurisdiction and the words that name it in text.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JurisdictionSpec {
    /// The canonical name, e.g. `UK`.
    pub name: String,
    /// Words that name it: `British`, `UK's`, `of the UK`, `United Kingdom`.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A reference facts file (`rules/facts/*.toml`): who held which office when.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "corpus-lint facts file")]
pub struct FactsFile {
    /// Terms of office.
    #[serde(default)]
    pub term: Vec<TermSpec>,
}

/// One person's term in one office.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermSpec {
    /// The office's canonical name (an `[[office]]` name).
    #[schemars(with = "String")]
    pub office: Spanned<String>,
    /// The holder's name as the entities file spells it.
    pub holder: String,
    /// First day in office: `2024-07-05`, or `2023-11` / `2023` when not known to the day.
    #[schemars(with = "String")]
    pub from: Spanned<String>,
    /// Last day in office (the successor's first day); omit while in office.
    #[schemars(with = "Option<String>")]
    pub to: Option<Spanned<String>>,
}

/// A declarative extractor: a regex whose matches become claims.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// A unique name for the rule, e.g. `office-holder`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// One line saying what the rule extracts.
    pub description: String,
    /// Severity of conflicts between this rule's claims.
    pub severity: Severity,
    /// A regex (Rust `regex` syntax) with named captures `(?P<name>...)`.
    #[schemars(with = "String")]
    pub pattern: Spanned<String>,
    /// What the claim is about: a template of `{capture}`s and `{article.year}`,
    /// `{article.month}`, `{article.date}`. Claims without a key are not compared
    /// across articles.
    #[schemars(with = "Option<String>")]
    pub key: Option<Spanned<String>>,
    /// How far apart in time two claims of one key may be and still be compared:
    /// `2 weeks`, `6 months`, `1 year`, `30 days`. The key's claims are sorted by
    /// time; a window opens at the earliest and holds those within the duration
    /// from it, the next claim after it opens another. Claims without a time are
    /// compared with each other. Without a window every claim of the key is
    /// compared: use it, not `{article.year}` in the key, for figures "as reported".
    #[schemars(with = "Option<String>")]
    pub window: Option<Spanned<String>>,
    /// The claimed value: a template like `key`.
    #[schemars(with = "String")]
    pub value: Spanned<String>,
    /// How the value is normalised and compared.
    #[serde(rename = "type")]
    pub value_type: ValueType,
    /// Capture name → table name: the capture is replaced by its canonical form.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    pub tables: BTreeMap<String, Spanned<String>>,
    /// The first match near the top of an undated article gives it its date.
    #[serde(default)]
    pub dateline: bool,
    /// Makes this a title rule: each match names a person (`{person}`) in a post
    /// (a `post` capture, `coach`) of a country or organisation, the value
    /// (`England`). One person given two incompatible values for one post at
    /// overlapping times is an `office/title-conflict`, not a `claim/conflict`.
    #[serde(default)]
    pub title: bool,
    /// For `number` rules: how far a hedged figure (`about 10,700`, `nearly 3 per
    /// cent`) may be from the figure stated, as a fraction of it (default 0.1).
    #[schemars(with = "Option<f64>", range(min = 0.0, max = 1.0))]
    pub tolerance: Option<Spanned<f64>>,
    /// For `list` rules: a template giving the count the text states for the list
    /// (`four` in `four countries: Serbia, Nigeria and India`), checked by
    /// `count/list-length`.
    #[schemars(with = "Option<String>")]
    pub count: Option<Spanned<String>>,
    /// How much the stated count exceeds the list's length: 1 for an ordinal that
    /// comes after the items listed (`the fifth deal, after deals with A, B, C and D`).
    #[serde(default)]
    pub count_offset: i64,
    /// Makes this an office rule: a template giving the office's title as written
    /// (`{title}`). The claim's key is then the canonical office, its value the holder.
    #[schemars(with = "Option<String>")]
    pub office: Option<Spanned<String>>,
    /// For office rules: a template giving the jurisdiction as written, if stated
    /// (`{jurisdiction}`); a capture that did not take part means "not stated".
    #[schemars(with = "Option<String>")]
    pub jurisdiction: Option<Spanned<String>>,
    /// Slots that may be anywhere in the match's sentence, not in the match: capture
    /// name → slot type (`near = { date = "date", subject = "subject" }`). The one
    /// nearest the match is taken; without one, no claim is made.
    #[serde(default)]
    pub near: BTreeMap<String, String>,
    /// Texts with the claims the rule must extract from them (`corpus-lint test`).
    #[serde(default)]
    #[schemars(with = "Vec<ExampleSpec>")]
    pub example: Vec<Spanned<ExampleSpec>>,
    /// Texts from which the rule must extract no claim (`corpus-lint test`).
    #[serde(default)]
    #[schemars(with = "Vec<CounterexampleSpec>")]
    pub counterexample: Vec<Spanned<CounterexampleSpec>>,
}

/// A text and the claims a rule must extract from it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExampleSpec {
    /// The article text the rule runs over.
    pub text: String,
    /// The article's date (`2025`, `2025-04`, `2025-04-17`) for `{article.*}` templates.
    pub date: Option<String>,
    /// Every claim the rule must extract, in order; no more, no fewer.
    pub claims: Vec<ExpectedClaim>,
}

/// One claim an example must yield.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExpectedClaim {
    /// The rendered key; omit for a rule without a key.
    pub key: Option<String>,
    /// The value, compared after normalisation by the rule's type.
    pub value: String,
    /// The text the whole pattern matched, if it should be checked too.
    pub matched: Option<String>,
    /// For `list` rules with a `count`: the count stated, if it should be checked too.
    pub count: Option<String>,
}

/// A text from which a rule must extract no claim.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CounterexampleSpec {
    /// The article text the rule runs over.
    pub text: String,
    /// The article's date, for `{article.*}` templates.
    pub date: Option<String>,
}

/// A normalisation table: each canonical form with the variants that mean it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    /// The name rules use in `tables`.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// Canonical form → variants; matching ignores case and typographic quotes.
    pub map: BTreeMap<String, Vec<String>>,
}

/// A known person or organisation.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EntitySpec {
    /// The spelling the corpus should use.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// Other accepted spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Spellings known to be wrong: each is a `spelling/variant` error.
    #[serde(default)]
    pub wrong: Vec<String>,
    /// The pronouns used for them, checked by `entity/pronoun`.
    pub pronouns: Option<Pronouns>,
}

/// A set of third-person pronouns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, serde::Serialize, JsonSchema)]
pub enum Pronouns {
    /// he, him, his, himself
    #[serde(rename = "he/him")]
    He,
    /// she, her, hers, herself
    #[serde(rename = "she/her")]
    She,
    /// they, them, their, themselves
    #[serde(rename = "they/them")]
    They,
}

/// The JSON Schema of rule files, for editors (Taplo / Even Better TOML).
pub fn json_schema() -> String {
    to_json(schemars::schema_for!(RuleFile))
}

/// The JSON Schema of facts files.
pub fn facts_json_schema() -> String {
    to_json(schemars::schema_for!(FactsFile))
}

fn to_json(schema: schemars::Schema) -> String {
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}
