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

pub fn run(cx: &Context) -> Vec<Finding> {
    let (extraction, pack) = (cx.extraction, cx.pack);
    // Mentions of people with declared pronouns, and all names, by article: most
    // pronouns are in articles that mention no declared person and stop here.
    let mut declared: HashMap<ArticleId, Vec<&EntityMention>> = HashMap::new();
    for m in &extraction.entities {
        if !m.wrong && pack.entities[m.entity].pronouns.is_some() {
            declared.entry(m.article).or_default().push(m);
        }
    }
    let mut others: HashMap<ArticleId, Vec<Named>> = HashMap::new();
    for m in &extraction.entities {
        others
            .entry(m.article)
            .or_default()
            .push((m.span.start, "", Some(m.entity)));
    }
    for n in &extraction.names {
        others
            .entry(n.article)
            .or_default()
            .push((n.span.start, &extraction.forms[n.form], None));
    }
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
        let before = |start: usize| start < at && index_of(starts, start) == sentence;
        // The nearest declared person before the pronoun in its sentence.
        let Some(person) = candidates
            .iter()
            .filter(|m| before(m.span.start))
            .max_by_key(|m| m.span.start)
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
            list.iter().any(|(start, form, e)| {
                before(*start)
                    && match e {
                        Some(e) => *e != person.entity,
                        None => !entity.has_form(form),
                    }
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
