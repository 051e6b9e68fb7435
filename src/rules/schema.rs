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
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExpectedClaim {
    /// The rendered key; omit for a rule without a key.
    pub key: Option<String>,
    /// The value, compared after normalisation by the rule's type.
    pub value: String,
    /// The text the whole pattern matched, if it should be checked too.
    pub matched: Option<String>,
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
}

/// The JSON Schema of rule files, for editors (Taplo / Even Better TOML).
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(RuleFile);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}
