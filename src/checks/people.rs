//! Who a name refers to, for the office checks: declared entities by any of their
//! forms, and spellings of one name, count as one person.

use super::similar::SimilarIndex;
use crate::ids::OfficeId;
use crate::names::{is_variant, similar_words};
use crate::rules::RulePack;
use crate::rules::facts::Term;
use std::collections::HashMap;

/// The name a person goes by: the declared name if `name` is one of an entity's
/// forms (canonical, alias or known wrong form), else `name` itself.
pub fn canonical<'a>(name: &'a str, pack: &'a RulePack) -> &'a str {
    pack.entity_by_form(name)
        .map_or(name, |e| pack.entities[e].name.as_str())
}

/// Whether two names refer to one person.
pub fn same_person(a: &str, b: &str, pack: &RulePack) -> bool {
    let (a, b) = (canonical(a, pack), canonical(b, pack));
    a == b || is_variant(a, b)
}

/// The terms of office of the facts files, by office, each list in file order.
pub fn terms_by_office(pack: &RulePack) -> HashMap<OfficeId, Vec<&Term>> {
    let mut by_office: HashMap<OfficeId, Vec<&Term>> = HashMap::new();
    for t in &pack.terms {
        by_office.entry(t.office).or_default().push(t);
    }
    by_office
}

/// Names gathered into people as they come: a name joins the first person (in
/// the order they were first named) it is [`same_person`] with, else it starts a
/// new one. Found through indexes, never by comparing with every person so far.
pub struct People<'a> {
    pack: &'a RulePack,
    /// Each person's name: the first name that was theirs.
    pub names: Vec<&'a str>,
    /// [`canonical`] of each person's name.
    keys: Vec<&'a str>,
    /// Person by key.
    exact: HashMap<&'a str, usize>,
    /// Keys by (word count, one word's position, the other words): each indexed
    /// by that word, as [`is_variant`] compares keys differing in one word.
    spellings: HashMap<(usize, usize, String), SimilarIndex>,
}

impl<'a> People<'a> {
    pub fn new(pack: &'a RulePack) -> Self {
        People {
            pack,
            names: Vec::new(),
            keys: Vec::new(),
            exact: HashMap::new(),
            spellings: HashMap::new(),
        }
    }

    /// The person `name` refers to, added if new.
    pub fn person(&mut self, name: &'a str) -> usize {
        let key = canonical(name, self.pack);
        let words: Vec<&str> = key.split(' ').collect();
        let mut found = self.exact.get(key).copied();
        for skip in 0..words.len() {
            let Some(index) = self.spellings.get(&bucket(&words, skip)) else {
                continue;
            };
            for p in index.candidates(words[skip]) {
                let theirs = self.keys[p].split(' ').nth(skip).unwrap_or_default();
                if found.is_none_or(|f| p < f) && similar_words(theirs, words[skip]) {
                    found = Some(p);
                }
            }
        }
        if let Some(p) = found {
            return p;
        }
        let p = self.names.len();
        self.names.push(name);
        self.keys.push(key);
        self.exact.insert(key, p);
        for skip in 0..words.len() {
            self.spellings
                .entry(bucket(&words, skip))
                .or_default()
                .insert(words[skip], p);
        }
        p
    }
}

/// The bucket of names with `words` but the one at `skip`.
pub(super) fn bucket(words: &[&str], skip: usize) -> (usize, usize, String) {
    let rest: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|(j, _)| *j != skip)
        .map(|(_, w)| *w)
        .collect();
    (words.len(), skip, rest.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::IdVec;
    use crate::rules::Entity;

    #[test]
    fn a_form_declared_twice_is_the_first_entitys() {
        let entity = |name: &str, aliases: &[&str], wrong: &[&str]| Entity {
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            wrong: wrong.iter().map(|w| w.to_string()).collect(),
            pronouns: None,
        };
        let pack = RulePack {
            entities: IdVec::from(vec![
                entity("Ann Lee", &["A. Lee"], &["Anne Lee"]),
                entity("Anne Lee", &["A. Lee"], &[]),
                entity("Bo Lee", &["Ann Lee"], &["Bo Le"]),
            ]),
            ..RulePack::default()
        };
        // As a scan of the entities in order finds them.
        let scan = |name: &str| {
            pack.entities
                .iter()
                .find(|e| e.has_form(name))
                .map_or(name.to_string(), |e| e.name.clone())
        };
        for form in ["Ann Lee", "A. Lee", "Anne Lee", "Bo Lee", "Bo Le", "Cy Lee"] {
            assert_eq!(canonical(form, &pack), scan(form), "{form}");
        }
        assert_eq!(canonical("Anne Lee", &pack), "Ann Lee");
        assert!(same_person("Bo Le", "Bo Lee", &pack));
    }
}
