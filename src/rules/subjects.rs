//! Subjects: events and topics that rule files declare with the words that name
//! them (`returns agreement`, `returns deal`, `agreement on the return of`) and the
//! parties a sentence must name for the words to mean them. The `{subject}` slot
//! matches any of the words and gives keys the subject's one name.

use super::schema::SubjectSpec;

/// One declared subject.
#[derive(Clone, Debug)]
pub struct Subject {
    pub name: String,
    aliases: Vec<String>,
    /// Each party's words, lower-cased.
    parties: Vec<Vec<String>>,
}

/// Every declared subject.
#[derive(Clone, Debug, Default)]
pub struct Subjects {
    list: Vec<Subject>,
}

impl Subjects {
    /// No subject declared.
    pub const EMPTY: Subjects = Subjects { list: Vec::new() };

    pub fn add(&mut self, spec: &SubjectSpec) {
        self.list.push(Subject {
            name: spec.name.clone(),
            aliases: spec.aliases.iter().map(|a| a.to_lowercase()).collect(),
            parties: spec
                .parties
                .iter()
                .map(|p| p.iter().map(|w| w.to_lowercase()).collect())
                .collect(),
        });
    }

    /// A regex alternation of every alias, longest first, in any case; one that
    /// matches nothing when no subject is declared.
    pub fn pattern(&self) -> String {
        let mut aliases: Vec<&str> = self
            .list
            .iter()
            .flat_map(|s| s.aliases.iter().map(String::as_str))
            .collect();
        if aliases.is_empty() {
            return r"[^\s\S]".into();
        }
        aliases.sort_by_key(|a| std::cmp::Reverse(a.len()));
        let escaped: Vec<String> = aliases
            .iter()
            .map(|a| {
                regex::escape(a)
                    .replace("\\-", "[-–‑ ]")
                    .replace(' ', r"\s+")
            })
            .collect();
        format!("(?i:{})", escaped.join("|"))
    }

    /// The subject `words` name in `sentence`: the first whose alias they are and
    /// whose parties the sentence all names.
    pub fn resolve(&self, words: &str, sentence: &str) -> Option<&str> {
        let words = words
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let words = words.replace(['–', '‑'], "-");
        let sentence = sentence.to_lowercase();
        let names = |word: &str| {
            sentence.match_indices(word).any(|(at, _)| {
                let before = sentence[..at].chars().next_back();
                let after = sentence[at + word.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        };
        self.list
            .iter()
            .find(|s| {
                s.aliases.contains(&words)
                    && s.parties.iter().all(|party| party.iter().any(|w| names(w)))
            })
            .map(|s| s.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subjects() -> Subjects {
        let mut s = Subjects::default();
        s.add(&SubjectSpec {
            name: "UK-Pakistan returns agreement".into(),
            aliases: vec!["returns agreement".into(), "returns deal".into()],
            parties: vec![vec!["Pakistan".into(), "Pakistani".into()]],
        });
        s
    }

    #[test]
    fn aliases_name_a_subject_where_its_parties_are_named() {
        let s = subjects();
        let re = regex::Regex::new(&s.pattern()).unwrap();
        assert!(re.is_match("the Returns\\nDeal") || re.is_match("the Returns\nDeal"));
        assert_eq!(
            s.resolve(
                "Returns\nDeal",
                "Britain and Pakistan signed the returns deal."
            ),
            Some("UK-Pakistan returns agreement")
        );
        assert_eq!(
            s.resolve(
                "returns agreement",
                "The UK hopes to sign a returns agreement with Vietnam."
            ),
            None
        );
        assert_eq!(
            s.resolve("returns agreement", "A returns agreement with Pakistanis."),
            None
        );
        assert_eq!(Subjects::default().pattern(), r"[^\s\S]");
    }
}
