//! Offices and jurisdictions: which canonical office a title names, given the
//! jurisdiction the text states (or the one the title implies).

use super::schema::{JurisdictionSpec, OfficeSpec};
use crate::ids::{IdVec, OfficeId};
use crate::value::{fold_text, strip_possessive};
use std::collections::HashMap;

/// A compiled office.
#[derive(Debug)]
pub struct Office {
    pub name: String,
    pub jurisdiction: String,
    /// Folded, lower-cased titles usable without a jurisdiction.
    titles: Vec<String>,
    /// Folded, lower-cased titles usable only with the jurisdiction stated.
    qualified: Vec<String>,
    pub single: bool,
}

/// All offices and jurisdictions of a rule pack.
#[derive(Debug, Default)]
pub struct Offices {
    pub offices: IdVec<OfficeId, Office>,
    /// Normalised alias → jurisdiction name.
    jurisdictions: HashMap<String, String>,
    /// Every title and alias as written, for `{titles}` and `{jurisdictions}`.
    title_words: Vec<String>,
    alias_words: Vec<String>,
}

/// Lower case, folded, without `of`/`to`/`in`/`the` in front or a possessive behind:
/// `of the UK`, `UK's` and `uk` all become `uk`.
fn normalise_jurisdiction(text: &str) -> String {
    let mut s = fold_text(text).to_lowercase();
    for prefix in ["of ", "to ", "in ", "the "] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.to_string();
        }
    }
    strip_possessive(&s).to_string()
}

fn normalise_title(text: &str) -> String {
    fold_text(text).to_lowercase()
}

/// A regex alternation of `words`, longest first, spaces as `\s+`, apostrophes
/// written straight: compiling a rule makes every quote of its pattern match the
/// typographic forms too (`rules/quotes.rs`).
fn alternation(words: &[String]) -> String {
    let mut sorted: Vec<&String> = words.iter().collect();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.len()));
    sorted.dedup();
    let parts: Vec<String> = sorted
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+").replace('’', "'"))
        .collect();
    format!("(?i:{})", parts.join("|"))
}

impl Offices {
    pub fn add_jurisdiction(&mut self, spec: &JurisdictionSpec) {
        for alias in std::iter::once(&spec.name).chain(&spec.aliases) {
            self.jurisdictions
                .insert(normalise_jurisdiction(alias), spec.name.clone());
            self.alias_words.push(alias.clone());
        }
    }

    pub fn add_office(&mut self, spec: &OfficeSpec) {
        self.title_words
            .extend(spec.titles.iter().chain(&spec.qualified_titles).cloned());
        self.offices.push(Office {
            name: spec.name.get_ref().clone(),
            jurisdiction: spec.jurisdiction.clone(),
            titles: spec.titles.iter().map(|t| normalise_title(t)).collect(),
            qualified: spec
                .qualified_titles
                .iter()
                .map(|t| normalise_title(t))
                .collect(),
            single: spec.single,
        });
    }

    /// The office with this canonical name.
    pub fn named(&self, name: &str) -> Option<OfficeId> {
        self.offices
            .enumerate()
            .find(|(_, o)| o.name == name)
            .map(|(id, _)| id)
    }

    /// Whether `name` is a declared jurisdiction.
    pub fn has_jurisdiction(&self, name: &str) -> bool {
        self.jurisdictions.values().any(|j| j == name)
    }

    /// The office a title names. With a jurisdiction stated, the office of that
    /// jurisdiction with that title; without, the one office whose title needs no
    /// jurisdiction. An unknown jurisdiction (`of Germany`) or an ambiguous bare
    /// title names no office.
    pub fn resolve(&self, title: &str, jurisdiction: Option<&str>) -> Option<OfficeId> {
        let title = normalise_title(title);
        let found: Vec<OfficeId> = match jurisdiction.filter(|j| !j.trim().is_empty()) {
            Some(text) => {
                let j = self.jurisdictions.get(&normalise_jurisdiction(text))?;
                self.offices
                    .enumerate()
                    .filter(|(_, o)| &o.jurisdiction == j)
                    .filter(|(_, o)| o.titles.contains(&title) || o.qualified.contains(&title))
                    .map(|(i, _)| i)
                    .collect()
            }
            None => self
                .offices
                .enumerate()
                .filter(|(_, o)| o.titles.contains(&title))
                .map(|(i, _)| i)
                .collect(),
        };
        match found.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// The office a title names as written, with or without its jurisdiction in
    /// front (`UK Home Secretary`, `Interior Minister`).
    pub fn resolve_written(&self, text: &str) -> Option<OfficeId> {
        let lower = fold_text(text).to_lowercase();
        let mut aliases: Vec<&String> = self.alias_words.iter().collect();
        aliases.sort_by_key(|a| std::cmp::Reverse(a.len()));
        aliases
            .iter()
            .find_map(|a| {
                let rest = lower.strip_prefix(&a.to_lowercase())?.strip_prefix(' ')?;
                self.resolve(rest, Some(a))
            })
            .or_else(|| self.resolve(text, None))
    }

    /// `pattern` with `{titles}` and `{jurisdictions}` replaced by alternations of
    /// every declared title and jurisdiction word, so that adding a title to an
    /// office is enough for every office rule to find it.
    pub fn expand(&self, pattern: &str) -> String {
        pattern
            .replace("{titles}", &alternation(&self.title_words))
            .replace("{jurisdictions}", &alternation(&self.alias_words))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offices() -> Offices {
        let mut o = Offices::default();
        let toml = r#"
            [[jurisdiction]]
            name = "UK"
            aliases = ["British", "United Kingdom"]
            [[jurisdiction]]
            name = "Pakistan"
            aliases = ["Pakistani"]
            [[office]]
            name = "UK Home Secretary"
            jurisdiction = "UK"
            titles = ["Home Secretary"]
            [[office]]
            name = "Pakistan Interior Secretary"
            jurisdiction = "Pakistan"
            titles = ["Interior Secretary"]
            qualified_titles = ["Home Secretary"]
            [[office]]
            name = "Pakistan Interior Minister"
            jurisdiction = "Pakistan"
            titles = ["Interior Minister", "Minister for Interior"]
        "#;
        let file: super::super::schema::RuleFile = toml::from_str(toml).unwrap();
        file.jurisdiction.iter().for_each(|j| o.add_jurisdiction(j));
        file.office.iter().for_each(|f| o.add_office(f));
        o
    }

    fn name(o: &Offices, title: &str, j: Option<&str>) -> Option<String> {
        o.resolve(title, j).map(|i| o.offices[i].name.clone())
    }

    #[test]
    fn titles_resolve_by_jurisdiction() {
        let o = offices();
        assert_eq!(
            name(&o, "home secretary", None).as_deref(),
            Some("UK Home Secretary")
        );
        assert_eq!(
            name(&o, "Home Secretary", Some("British")).as_deref(),
            Some("UK Home Secretary")
        );
        assert_eq!(
            name(&o, "Home Secretary", Some("of the UK")).as_deref(),
            Some("UK Home Secretary")
        );
        assert_eq!(
            name(&o, "home secretary", Some("Pakistan’s")).as_deref(),
            Some("Pakistan Interior Secretary")
        );
        assert_eq!(
            name(&o, "Minister for  Interior", None).as_deref(),
            Some("Pakistan Interior Minister")
        );
        assert_eq!(name(&o, "Interior Minister", Some("of Germany")), None);
        assert_eq!(name(&o, "Interior Minister", Some("British")), None);
    }

    #[test]
    fn placeholders_expand_to_every_title() {
        let o = offices();
        let re = regex::Regex::new(&o.expand(r"^(?:{jurisdictions}\s+)?{titles}$")).unwrap();
        assert!(re.is_match("Pakistani home  secretary"));
        assert!(re.is_match("British Home Secretary"));
        assert!(!re.is_match("German Home Secretary"));
    }
}
