//! The rule-file format as serde reads it. Spans are kept on fields that later
//! validation may reject, so errors point at the exact line and column.

use crate::report::Severity;
use crate::value::ValueType;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// One `rules/*.toml` file: any mix of rules, normalisation tables and entities.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    #[serde(default)]
    pub rule: Vec<RuleSpec>,
    #[serde(default)]
    pub table: Vec<TableSpec>,
    #[serde(default)]
    pub entity: Vec<EntitySpec>,
}

/// A declarative extractor: a regex whose matches become claims.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub id: Spanned<String>,
    pub description: String,
    pub severity: Severity,
    /// A regex (Rust `regex` syntax) with named captures.
    pub pattern: Spanned<String>,
    /// What the claim is about; claims without a key are not compared across articles.
    pub key: Option<Spanned<String>>,
    /// The claimed value, built from captures.
    pub value: Spanned<String>,
    #[serde(rename = "type")]
    pub value_type: ValueType,
    /// Capture name → table name: the capture is replaced by its canonical form.
    #[serde(default)]
    pub tables: BTreeMap<String, Spanned<String>>,
    /// The first match, near the top of an undated article, gives the article its date.
    #[serde(default)]
    pub dateline: bool,
}

/// A normalisation table: each canonical form with the variants that mean it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    pub name: Spanned<String>,
    pub map: BTreeMap<String, Vec<String>>,
}

/// A known person or organisation: the canonical spelling, accepted aliases, and
/// forms known to be wrong.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntitySpec {
    pub name: Spanned<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub wrong: Vec<String>,
}
