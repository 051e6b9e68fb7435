//! Which rules can match an article at all, found in one pass over its text: each
//! rule's pattern is read for literals one of which every match must contain
//! (`Secretary`, `nationals`), and one automaton over all of them says which rules
//! are worth running. Most rules never run on most articles.

use super::Rule;
use crate::ids::{Id, IdVec, RuleId};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_syntax::hir::{Class, Hir, HirKind};

/// Literals shorter than this say too little to be worth a lookup.
const SHORTEST: usize = 3;

/// A set of lower-cased literals, one of which is in every match.
type Literals = Vec<Vec<u8>>;

/// The rules an article may need.
#[derive(Debug)]
pub struct Prefilter {
    /// Every rule's literals, and the extra literals, in one case-insensitive
    /// automaton.
    matcher: Option<AhoCorasick>,
    /// For each literal of the automaton, the rules that need it.
    rules_of: Vec<Vec<RuleId>>,
    /// For each literal of the automaton, whether it is an extra one.
    extra: Vec<bool>,
    /// Rules without literals: run on every article.
    always: Vec<RuleId>,
    rules: usize,
}

/// What one pass over an article found.
pub struct Scan {
    /// Whether each rule may match, by rule id.
    pub wanted: Vec<bool>,
    /// Where extra literals begin, in order.
    pub extra: Vec<usize>,
}

impl Prefilter {
    /// The prefilter of `rules`, also finding where the `extra` literals (lower
    /// case; case is ignored) begin: one pass over an article serves both.
    pub fn new(rules: &IdVec<RuleId, Rule>, extra: &[String]) -> Prefilter {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut rules_of: Vec<Vec<RuleId>> = Vec::new();
        let mut always = Vec::new();
        for (id, rule) in rules.enumerate() {
            let Some(set) = required(rule.regex.as_str()) else {
                always.push(id);
                continue;
            };
            for literal in set {
                match literals.iter().position(|l| *l == literal) {
                    Some(i) => rules_of[i].push(id),
                    None => {
                        literals.push(literal);
                        rules_of.push(vec![id]);
                    }
                }
            }
        }
        let mut is_extra = vec![false; literals.len()];
        for literal in extra {
            literals.push(literal.as_bytes().to_ascii_lowercase());
            rules_of.push(Vec::new());
            is_extra.push(true);
        }
        let matcher = (!literals.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&literals)
                .expect("literals are plain strings")
        });
        Prefilter {
            matcher,
            rules_of,
            extra: is_extra,
            always,
            rules: rules.len(),
        }
    }

    /// Which rules may match `text`, and where the extra literals begin.
    pub fn scan(&self, text: &str) -> Scan {
        let mut wanted = vec![false; self.rules];
        for id in &self.always {
            wanted[id.index()] = true;
        }
        let mut extra = Vec::new();
        if let Some(matcher) = &self.matcher {
            for m in matcher.find_overlapping_iter(text) {
                let pattern = m.pattern().as_usize();
                for id in &self.rules_of[pattern] {
                    wanted[id.index()] = true;
                }
                if self.extra[pattern] {
                    extra.push(m.start());
                }
            }
        }
        extra.sort_unstable();
        extra.dedup();
        Scan { wanted, extra }
    }
}

/// The literals one of which every match of `pattern` contains, if there are
/// any worth looking for.
pub fn required(pattern: &str) -> Option<Literals> {
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    needs(&hir).filter(|set| set.iter().all(|l| l.len() >= SHORTEST))
}

/// The fixed string `hir` always matches, if it matches only one (case aside).
fn fixed(hir: &Hir) -> Option<Vec<u8>> {
    match hir.kind() {
        HirKind::Literal(l) => Some(l.0.to_ascii_lowercase()),
        HirKind::Class(c) => letter(c).map(|b| vec![b]),
        HirKind::Capture(c) => fixed(&c.sub),
        HirKind::Concat(parts) => parts.iter().try_fold(Vec::new(), |mut s, p| {
            s.extend(fixed(p)?);
            Some(s)
        }),
        _ => None,
    }
}

/// The ASCII letter a class stands for when it is one letter in either case
/// (`(?i)h` is `[Hh]`). A class with any other character is not a letter here:
/// `(?i)k` also matches the Kelvin sign, which an ASCII search would miss.
fn letter(class: &Class) -> Option<u8> {
    let mut chars: Vec<u32> = Vec::new();
    match class {
        Class::Unicode(c) => {
            for r in c.ranges() {
                chars.extend(u32::from(r.start())..=u32::from(r.end()));
                if chars.len() > 2 {
                    return None;
                }
            }
        }
        Class::Bytes(c) => {
            for r in c.ranges() {
                chars.extend(u32::from(r.start())..=u32::from(r.end()));
                if chars.len() > 2 {
                    return None;
                }
            }
        }
    }
    let bytes: Vec<u8> = chars
        .iter()
        .map(|&c| u8::try_from(c).ok().filter(u8::is_ascii_alphabetic))
        .collect::<Option<_>>()?;
    let lower = bytes[0].to_ascii_lowercase();
    bytes
        .iter()
        .all(|b| b.to_ascii_lowercase() == lower)
        .then_some(lower)
}

/// The literals one of which every match of `hir` contains.
fn needs(hir: &Hir) -> Option<Literals> {
    if let Some(s) = fixed(hir) {
        return (!s.is_empty()).then(|| vec![s]);
    }
    match hir.kind() {
        HirKind::Capture(c) => needs(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => needs(&r.sub),
        HirKind::Alternation(alts) => {
            let mut all = Vec::new();
            for alt in alts {
                for l in needs(alt)? {
                    if !all.contains(&l) {
                        all.push(l);
                    }
                }
            }
            Some(all)
        }
        HirKind::Concat(parts) => best_of_concat(parts),
        _ => None,
    }
}

/// In a sequence every part is needed: the most telling of the parts' literals,
/// adjacent fixed parts read as one literal.
fn best_of_concat(parts: &[Hir]) -> Option<Literals> {
    let mut options: Vec<Literals> = Vec::new();
    let mut run: Vec<u8> = Vec::new();
    for part in parts {
        match fixed(part) {
            Some(s) => run.extend(s),
            None => {
                if !run.is_empty() {
                    options.push(vec![std::mem::take(&mut run)]);
                }
                options.extend(needs(part));
            }
        }
    }
    if !run.is_empty() {
        options.push(vec![run]);
    }
    options.into_iter().max_by_key(|set| {
        let shortest = set.iter().map(Vec::len).min().unwrap_or(0);
        (shortest.min(8), std::cmp::Reverse(set.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(pattern: &str) -> Option<Vec<String>> {
        required(pattern).map(|set| {
            set.into_iter()
                .map(|l| String::from_utf8(l).unwrap())
                .collect()
        })
    }

    #[test]
    fn literals_every_match_contains() {
        assert_eq!(
            strings(r"(?P<n>\p{Lu}\p{Ll}+) nationals (?:are|form)"),
            Some(vec![" nationals ".to_string()])
        );
        assert_eq!(
            strings(r"(?i:Home\s+Secretary|Interior\s+Minister)"),
            Some(vec!["ecretary".to_string(), "interior".to_string()])
        );
        assert_eq!(strings(r"\p{Lu}\p{Ll}+ \d+"), None, "nothing fixed");
        assert_eq!(
            strings(r"(?:UK|Britain) has"),
            Some(vec![" has".to_string()])
        );
        assert_eq!(
            strings(r"(?:former )?Minister"),
            Some(vec!["minister".to_string()])
        );
        assert_eq!(strings(r"ab|cde"), None, "too short to be worth it");
    }

    #[test]
    fn a_rule_runs_where_its_literal_is() {
        let pack = crate::rules::load(&["rules".into()]).unwrap();
        let prefilter = Prefilter::new(&pack.rules, &[]);
        let office = pack.find("office-title-name").unwrap();
        let text = "The HOME SECRETARY, Yvette Cooper, said.";
        assert!(prefilter.scan(text).wanted[office.index()]);
        assert!(!prefilter.scan("Nothing about offices here.").wanted[office.index()]);
    }

    #[test]
    fn the_same_pass_finds_where_time_expressions_may_begin() {
        let pack = crate::rules::load(&["rules".into()]).unwrap();
        let prefilter = Prefilter::new(&pack.rules, &crate::time::starts());
        let text = "In March 2022 the Home Secretary said last year, on Monday, \
                    IN 2019 and yesterday: a few months ago in March.";
        let scan = prefilter.scan(text);
        assert_eq!(scan.extra, crate::time::start_positions(text));
        assert_eq!(scan.extra.len(), 7, "{:?}", scan.extra);
    }
}
