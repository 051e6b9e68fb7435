//! The rule pack: rule files read, validated and compiled once, so that extraction
//! can trust every regex, template and table it is given.

mod compile;
mod diagnostics;
mod discover;
pub mod facts;
mod model;
pub mod offices;
pub mod prefilter;
mod quotes;
pub mod schema;
pub mod slots;
pub mod subjects;
pub mod template;
mod validate;
pub mod window;

pub(crate) use diagnostics::inner_span;
pub use model::{Defined, Entity, Example, Key, ListCount, Rule, RuleKind, RulePack, Table};

use crate::code::Code;
use crate::report::Report;
use crate::value::fold_text;
use diagnostics::{error_at, unreadable};
use schema::RuleFile;
use std::collections::HashMap;
use std::path::PathBuf;

/// A rule file as read and parsed.
struct Parsed {
    path: PathBuf,
    source: String,
    file: RuleFile,
}

/// Reads and compiles every rule file under `paths`, then the facts beside them.
/// Any error stops the run: a rule pack that is half loaded would silently check
/// less than the user asked.
pub fn load(paths: &[PathBuf]) -> Result<RulePack, Vec<Report>> {
    let files = discover::rule_files(paths)?;
    let mut errors = Vec::new();
    let parsed: Vec<Parsed> = files
        .iter()
        .filter_map(|path| match parse(path) {
            Ok(p) => Some(p),
            Err(e) => {
                errors.push(e);
                None
            }
        })
        .collect();
    let mut pack = RulePack::default();
    declare_offices(&mut pack, &parsed, &mut errors);
    declare_tables(&mut pack, &parsed, &mut errors);
    parsed
        .iter()
        .flat_map(|p| &p.file.subject)
        .for_each(|s| pack.subjects.add(s));
    for Parsed { path, source, file } in parsed {
        for spec in file.rule {
            match compile::compile(
                &path,
                &source,
                spec,
                &pack.tables,
                &pack.offices,
                &pack.subjects,
            ) {
                Ok(rule) => {
                    pack.rules.push(rule);
                }
                Err(e) => errors.push(e),
            }
        }
        pack.entities
            .extend(file.entity.into_iter().map(|e| Entity {
                name: fold_text(e.name.get_ref()),
                aliases: e.aliases.iter().map(|a| fold_text(a)).collect(),
                wrong: e.wrong.iter().map(|w| fold_text(w)).collect(),
                pronouns: e.pronouns,
            }));
        pack.sources.insert(path, source);
    }
    pack.files = files;
    if errors.is_empty() {
        match facts::load_all(paths, &pack.offices) {
            Ok(terms) => pack.terms = terms,
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        pack.warnings = validate::warnings(&pack);
        Ok(pack)
    } else {
        Err(errors)
    }
}

/// Reads one rule file and parses its TOML.
fn parse(path: &PathBuf) -> Result<Parsed, Report> {
    let source = std::fs::read_to_string(path).map_err(|e| {
        unreadable(
            Code::RuleUnreadable,
            format!("cannot read rule file {}", path.display()),
            &e,
        )
    })?;
    match toml::from_str::<RuleFile>(&source) {
        Ok(file) => Ok(Parsed {
            path: path.clone(),
            source,
            file,
        }),
        Err(e) => Err(error_at(
            path,
            &source,
            e.span().unwrap_or(0..0),
            Code::RuleSyntax,
            e.message().to_string(),
            "see docs in README.md, section \"Rules\", for the rule format",
        )),
    }
}

/// Jurisdictions, then offices, from every file: an office may belong to a
/// jurisdiction declared in another file.
fn declare_offices(pack: &mut RulePack, parsed: &[Parsed], errors: &mut Vec<Report>) {
    for p in parsed {
        p.file
            .jurisdiction
            .iter()
            .for_each(|j| pack.offices.add_jurisdiction(j));
    }
    for Parsed { path, source, file } in parsed {
        for office in &file.office {
            if !pack.offices.has_jurisdiction(&office.jurisdiction) {
                errors.push(error_at(
                    path,
                    source,
                    office.name.span(),
                    Code::RuleUnknownJurisdiction,
                    format!(
                        "office `{}` belongs to `{}`, which no [[jurisdiction]] declares",
                        office.name.get_ref(),
                        office.jurisdiction
                    ),
                    "declare the jurisdiction with its aliases, or fix the name",
                ));
            }
            pack.offices.add_office(office);
        }
    }
}

/// Normalisation tables from every file, each name once.
fn declare_tables(pack: &mut RulePack, parsed: &[Parsed], errors: &mut Vec<Report>) {
    for Parsed { path, source, file } in parsed {
        for table in &file.table {
            let mut map = HashMap::new();
            for (canonical, variants) in &table.map {
                let canonical = fold_text(canonical);
                map.insert(canonical.to_lowercase(), canonical.clone());
                for v in variants {
                    map.insert(fold_text(v).to_lowercase(), canonical.clone());
                }
            }
            if pack.tables.iter().any(|t| t.name == *table.name.get_ref()) {
                errors.push(error_at(
                    path,
                    source,
                    table.name.span(),
                    Code::RuleDuplicateTable,
                    format!(
                        "a table named `{}` is already defined",
                        table.name.get_ref()
                    ),
                    "give each table a unique name",
                ));
            }
            pack.tables.push(Table {
                name: table.name.get_ref().clone(),
                map,
            });
        }
    }
}
