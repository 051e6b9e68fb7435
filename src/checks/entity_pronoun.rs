#![doc = include_str!("entity_pronoun.md")]

use super::{Context, Edit, Finding, Location};
use crate::code::Code;
use crate::extract::EntityMention;
use crate::ids::{ArticleId, EntityId};
use crate::report::Severity;
use crate::rules::schema::Pronouns;
use crate::sentences::index_of;
use std::collections::HashMap;

/// Someone named in an article: where, as what form, and which entity if declared.
type Named<'a> = (usize, &'a str, Option<EntityId>);

/// The pronoun of the other set with the same role, where there is only one.
fn counterpart(word: &str, to: Pronouns) -> Option<&'static str> {
    let lower = word.to_lowercase();
    let replacement = match (lower.as_str(), to) {
        ("he", Pronouns::She) => "she",
        ("his", Pronouns::She) => "her",
        ("him", Pronouns::She) => "her",
        ("himself", Pronouns::She) => "herself",
        ("she", Pronouns::He) => "he",
        ("hers", Pronouns::He) => "his",
        ("herself", Pronouns::He) => "himself",
        _ => return None,
    };
    Some(if word.starts_with(char::is_uppercase) {
        match replacement {
            "she" => "She",
            "he" => "He",
            "her" => "Her",
            "his" => "His",
            "herself" => "Herself",
            _ => "Himself",
        }
    } else {
        replacement
    })
}

fn set_name(p: Pronouns) -> &'static str {
    match p {
        Pronouns::He => "he/him",
        Pronouns::She => "she/her",
        Pronouns::They => "they/them",
    }
}

/// The items of `list`, sorted by `position`, in sentence `sentence` of `starts`
/// and before `at`: a run of the list.
fn in_sentence_before<'a, T>(
    list: &'a [T],
    position: impl Fn(&T) -> usize,
    starts: &[usize],
    sentence: usize,
    at: usize,
) -> &'a [T] {
    let from = list.partition_point(|m| index_of(starts, position(m)) < sentence);
    let to = list.partition_point(|m| position(m) < at);
    &list[from..to.max(from)]
}

/// Mentions of declared people with pronouns, and everyone named, by article and
/// by position; only articles that name a declared person are kept, since a
/// pronoun elsewhere cannot be checked.
type People<'a> = (
    HashMap<ArticleId, Vec<&'a EntityMention>>,
    HashMap<ArticleId, Vec<Named<'a>>>,
);

fn people<'a>(cx: &Context<'a>) -> People<'a> {
    let (extraction, pack) = (cx.extraction, cx.pack);
    let mut declared: HashMap<ArticleId, Vec<&EntityMention>> = HashMap::new();
    for m in &extraction.entities {
        if !m.wrong && pack.entities[m.entity].pronouns.is_some() {
            declared.entry(m.article).or_default().push(m);
        }
    }
    let mut others: HashMap<ArticleId, Vec<Named>> = HashMap::new();
    let entities = extraction
        .entities
        .iter()
        .map(|m| (m.article, (m.span.start, "", Some(m.entity))));
    let names = extraction
        .names
        .iter()
        .map(|n| (n.article, (n.span.start, &*extraction.forms[n.form], None)));
    for (article, named) in entities.chain(names) {
        if declared.contains_key(&article) {
            others.entry(article).or_default().push(named);
        }
    }
    // By position, so that those in a pronoun's sentence before it are found by
    // binary search, not by reading every mention of the article.
    for list in declared.values_mut() {
        list.sort_by_key(|m| m.span.start);
    }
    for list in others.values_mut() {
        list.sort_by_key(|(start, _, _)| *start);
    }
    (declared, others)
}

pub fn run(cx: &Context) -> Vec<Finding> {
    let (extraction, pack) = (cx.extraction, cx.pack);
    let (declared, others) = people(cx);
    let mut findings = Vec::new();
    for pronoun in &extraction.pronouns {
        let (article, at) = (pronoun.article, pronoun.span.start);
        let Some(candidates) = declared.get(&article) else {
            continue;
        };
        let Some(starts) = extraction.sentences.get(&article) else {
            continue;
        };
        let sentence = index_of(starts, at);
        // The nearest declared person before the pronoun in its sentence (the last
        // listed, of several at one place).
        let Some(person) =
            in_sentence_before(candidates, |m| m.span.start, starts, sentence, at).last()
        else {
            continue;
        };
        let entity = &pack.entities[person.entity];
        let Some(theirs) = entity.pronouns else {
            continue;
        };
        if theirs == Pronouns::They || theirs == pronoun.pronouns {
            continue;
        }
        let someone_else = others.get(&article).is_some_and(|list| {
            in_sentence_before(list, |(start, _, _)| *start, starts, sentence, at)
                .iter()
                .any(|(_, form, e)| match e {
                    Some(e) => *e != person.entity,
                    None => !entity.has_form(form),
                })
        });
        if someone_else {
            continue;
        }
        let replacement = counterpart(&pronoun.word, theirs);
        let instead = replacement.map_or_else(
            || format!("use {}'s pronouns ({})", entity.name, set_name(theirs)),
            |r| format!("write `{r}`"),
        );
        findings.push(Finding {
            code: Code::EntityPronoun,
            severity: Severity::Warning,
            message: format!(
                "`{}` cannot refer to {} ({})",
                pronoun.word,
                entity.name,
                set_name(theirs)
            ),
            help: format!("{instead}, or name the person meant if it is someone else"),
            locations: vec![
                Location {
                    article,
                    span: pronoun.span.clone(),
                    label: format!("refers to {}", entity.name),
                    primary: true,
                },
                Location {
                    article,
                    span: person.span.clone(),
                    label: format!("{} is {}", entity.name, set_name(theirs)),
                    primary: false,
                },
            ],
            fix: replacement
                .map(|replacement| Edit {
                    article,
                    span: pronoun.span.clone(),
                    replacement: replacement.to_string(),
                })
                .into_iter()
                .collect(),
        });
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{Rng, context};
    use crate::extract::{Extraction, PronounMention};
    use crate::ids::{Id, IdVec};
    use crate::rules::{Entity, RulePack};

    /// The (article, pronoun, person) of each finding, by reading every mention of
    /// the article for each pronoun, as the check did.
    fn by_scanning(x: &Extraction, pack: &RulePack) -> Vec<(ArticleId, usize, usize)> {
        let mut out = Vec::new();
        for pronoun in &x.pronouns {
            let (article, at) = (pronoun.article, pronoun.span.start);
            let starts = &x.sentences[&article];
            let sentence = index_of(starts, at);
            let before = |start: usize| start < at && index_of(starts, start) == sentence;
            let Some(person) = x
                .entities
                .iter()
                .filter(|m| m.article == article && !m.wrong)
                .filter(|m| pack.entities[m.entity].pronouns.is_some())
                .filter(|m| before(m.span.start))
                .max_by_key(|m| m.span.start)
            else {
                continue;
            };
            let entity = &pack.entities[person.entity];
            let theirs = entity.pronouns.expect("declared");
            if theirs == Pronouns::They || theirs == pronoun.pronouns {
                continue;
            }
            let others = x
                .entities
                .iter()
                .filter(|m| m.article == article && before(m.span.start))
                .any(|m| m.entity != person.entity);
            let names = x
                .names
                .iter()
                .filter(|n| n.article == article && before(n.span.start))
                .any(|n| !entity.has_form(&x.forms[n.form]));
            if !others && !names {
                out.push((article, at, person.span.start));
            }
        }
        out.sort_unstable();
        out
    }

    #[test]
    fn findings_are_those_of_reading_every_mention() {
        let entity = |name: &str, pronouns| Entity {
            name: name.into(),
            aliases: vec![format!("{name} Jr")],
            wrong: vec![],
            pronouns,
        };
        let pack = RulePack {
            entities: IdVec::from(vec![
                entity("Ann", Some(Pronouns::She)),
                entity("Bob", Some(Pronouns::He)),
                entity("Cy", Some(Pronouns::They)),
                entity("Di", None),
            ]),
            ..RulePack::default()
        };
        let forms = ["Ann", "Ann Jr", "Bob", "Zed", "Cy"];
        let mut rng = Rng::new(9);
        let articles = 30;
        // Mentions at few places, so that several share one.
        let at = |rng: &mut Rng| 5 * rng.below(120);
        let (name_forms, names) = crate::checks::testing::names(
            (0..200)
                .map(|_| {
                    let start = at(&mut rng);
                    (
                        rng.below(articles),
                        forms[rng.below(forms.len())],
                        start..start + 3,
                    )
                })
                .collect::<Vec<_>>(),
        );
        let x = Extraction {
            entities: (0..600)
                .map(|_| {
                    let start = at(&mut rng);
                    EntityMention {
                        entity: Id::new(rng.below(4)),
                        article: Id::new(rng.below(articles)),
                        form: String::new(),
                        wrong: rng.below(8) == 0,
                        span: start..start + 3,
                    }
                })
                .collect(),
            names,
            forms: name_forms,
            pronouns: (0..1500)
                .map(|_| {
                    let start = at(&mut rng) + rng.below(5);
                    let (word, pronouns) =
                        [("he", Pronouns::He), ("She", Pronouns::She)][rng.below(2)];
                    PronounMention {
                        article: Id::new(rng.below(articles)),
                        word: word.into(),
                        pronouns,
                        span: start..start + word.len(),
                    }
                })
                .collect(),
            sentences: (0..articles)
                .map(|a| {
                    let mut starts: Vec<usize> = (0..8).map(|_| 10 * rng.below(60)).collect();
                    starts.push(0);
                    starts.sort_unstable();
                    starts.dedup();
                    (Id::new(a), starts)
                })
                .collect(),
            ..Extraction::default()
        };
        let mut found: Vec<(ArticleId, usize, usize)> = run(&context(&x, &pack))
            .iter()
            .map(|f| {
                (
                    f.locations[0].article,
                    f.locations[0].span.start,
                    f.locations[1].span.start,
                )
            })
            .collect();
        found.sort_unstable();
        let expected = by_scanning(&x, &pack);
        assert!(expected.len() > 30, "{}", expected.len());
        assert_eq!(found, expected);
    }
}
