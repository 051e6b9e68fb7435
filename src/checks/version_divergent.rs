#![doc = include_str!("version_divergent.md")]

use super::{Context, Finding, Location, plural};
use crate::code::Code;
use crate::ids::ArticleId;
use crate::report::Severity;
use crate::versions::masked::Kind;
use crate::versions::stories::{Member, stories};
use rustc_hash::{FxHashMap, FxHashSet};

pub fn run(cx: &Context) -> Vec<Finding> {
    let Some(threshold) = cx.settings.versions else {
        return Vec::new();
    };
    stories(&cx.extraction.versions, threshold)
        .iter()
        .flat_map(|story| divergences(story))
        .collect()
}

use crate::versions::Tokened as Token;

/// One version's sentence with a given masked wording.
struct Said<'a> {
    member: &'a Member<'a>,
    tokens: Vec<Token<'a>>,
}

/// The findings of one story: for each masked wording its versions share once
/// each, the versions that give other tokens.
fn divergences<'a>(story: &'a [Member<'a>]) -> Vec<Finding> {
    let mut by_hash: FxHashMap<u64, Vec<Said>> = FxHashMap::default();
    for member in story {
        let mut seen: FxHashMap<u64, usize> = FxHashMap::default();
        let lines: Vec<_> = member.version.lines().collect();
        for (hash, _) in &lines {
            *seen.entry(*hash).or_default() += 1;
        }
        // A wording said twice in one version cannot be told apart: left out.
        for (hash, tokens) in lines {
            if seen[&hash] == 1 {
                by_hash
                    .entry(hash)
                    .or_default()
                    .push(Said { member, tokens });
            }
        }
    }
    let mut hashes: Vec<(&u64, &Vec<Said>)> = by_hash.iter().filter(|(_, s)| s.len() > 1).collect();
    // In the order of the first version's sentences, for stable output.
    hashes.sort_by_key(|(_, said)| said[0].tokens[0].1.start);
    let mut reported: FxHashSet<(ArticleId, Vec<String>)> = FxHashSet::default();
    let mut findings = Vec::new();
    for (_, said) in hashes {
        for finding in disagreement(said) {
            let first = finding.locations[0].article;
            let key: Vec<String> = finding.locations.iter().map(|l| l.label.clone()).collect();
            if reported.insert((first, key)) {
                findings.push(finding);
            }
        }
    }
    findings
}

/// A token's text as compared: case, spaces and thousands separators aside, and
/// scales written either way (`£4.5 billion`, `£4.5bn`).
fn folded(text: &str) -> String {
    text.to_lowercase()
        .replace("billion", "bn")
        .replace("million", "m")
        .replace([' ', ',', '\u{a0}'], "")
}

/// Whether two tokens say the same: equal once folded, or names of which one is
/// part of the other (`Blair`, `Tony Blair`).
fn same(a: &Token, b: &Token) -> bool {
    let (x, y) = (folded(a.2), folded(b.2));
    if x == y {
        return true;
    }
    let words = |t: &str| {
        t.to_lowercase()
            .split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let within = |short: &[String], long: &[String]| long.windows(short.len()).any(|w| w == short);
    matches!(a.0, Kind::Name | Kind::Title) && {
        let (wa, wb) = (words(a.2), words(b.2));
        within(&wa, &wb) || within(&wb, &wa)
    }
}

/// The findings for one masked wording, given each version's tokens.
fn disagreement(said: &[Said]) -> Vec<Finding> {
    // Versions that agree on every token, biggest group first, then in article order.
    let mut groups: Vec<Vec<&Said>> = Vec::new();
    for s in said {
        let agrees = |g: &Vec<&Said>| g[0].tokens.iter().zip(&s.tokens).all(|(a, b)| same(a, b));
        match groups.iter_mut().find(|g| agrees(g)) {
            Some(g) => g.push(s),
            None => groups.push(vec![s]),
        }
    }
    if groups.len() < 2 {
        return Vec::new();
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
    let majority = (groups[0].len() > groups[1].len()).then_some(0);
    let versions = said.len();
    // With a majority each other group is the odd one out; without, the first
    // version's group stands for all.
    let odd: Vec<usize> = match majority {
        Some(_) => (1..groups.len()).collect(),
        None => {
            let first = (0..groups.len())
                .min_by_key(|&g| groups[g][0].member.copies[0])
                .unwrap_or(0);
            vec![first]
        }
    };
    odd.into_iter()
        .map(|g| finding(&groups, g, majority, versions))
        .collect()
}

/// The finding for the odd group `odd` of `groups`.
fn finding(groups: &[Vec<&Said>], odd: usize, majority: Option<usize>, versions: usize) -> Finding {
    let suspect = groups[odd][0];
    let other = if odd == 0 { 1 } else { majority.unwrap_or(0) };
    let reference = groups[other][0];
    let differ: Vec<usize> = (0..suspect.tokens.len())
        .filter(|&k| !same(&suspect.tokens[k], &reference.tokens[k]))
        .collect();
    let shown = |s: &Said| {
        differ
            .iter()
            .map(|&k| format!("`{}`", s.tokens[k].2))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut kinds: Vec<&str> = differ
        .iter()
        .map(|&k| suspect.tokens[k].0.described())
        .collect();
    kinds.dedup();
    let kinds = match kinds.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    };
    let mut locations = Vec::new();
    // Each differing token, labelled with its text and what the label says of
    // its version (`too`, the majority's), and the version's identical copies.
    let mut place = |s: &Said, tag: &str, primary: bool| {
        let copies = s.member.copies.len() - 1;
        let copies = if copies > 0 {
            format!(
                " (and in {copies} identical {})",
                if copies == 1 { "copy" } else { "copies" }
            )
        } else {
            String::new()
        };
        for &k in &differ {
            locations.push(Location {
                article: s.member.copies[0],
                span: s.tokens[k].1.clone(),
                label: format!("`{}` here{tag}{copies}", s.tokens[k].2),
                primary,
            });
        }
    };
    place(suspect, "", true);
    for s in &groups[odd][1..] {
        place(s, " too", false);
    }
    for (g, group) in groups.iter().enumerate().filter(|&(g, _)| g != odd) {
        for s in group {
            let tag = if Some(g) == majority {
                ", as most versions give"
            } else {
                ""
            };
            place(s, tag, false);
        }
    }
    let count = if versions == 2 {
        "two".to_string()
    } else {
        versions.to_string()
    };
    let elsewhere = if versions == 2 {
        "in the other version".to_string()
    } else {
        format!("in {}", plural(groups[other].len(), "other version"))
    };
    let help = match majority {
        Some(m) => format!(
            "check which is right: {} of the {versions} versions give {}; correct the one that \
             is wrong, or say in the later version that the story was updated",
            groups[m].len(),
            shown(groups[m][0])
        ),
        None => "check which version is right and correct the other, or say in the later one that \
                 the story was updated"
            .to_string(),
    };
    Finding {
        code: Code::VersionDivergent,
        severity: Severity::Warning,
        message: format!(
            "{count} versions of one story differ in {kinds}: {} here, {} {elsewhere}",
            shown(suspect),
            shown(reference)
        ),
        help,
        locations,
        fix: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
