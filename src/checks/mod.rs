//! Checks: small self-contained units that read the extraction and report findings.
//! Each is one function registered here under its [`Code`]; none reads article text.

mod age_conflict;
mod claim_conflict;
mod conflict;
mod count_list_length;
mod date_weekday;
mod entity_pronoun;
mod money_conversion;
mod number_conflict;
mod office_holder_conflict;
mod office_out_of_term;
mod office_title_conflict;
mod overlap;
mod people;
mod similar;
mod spelling_variant;
mod time_undated;
mod value_invalid;
mod version_divergent;

use crate::code::Code;
use crate::extract::Extraction;
use crate::ids::ArticleId;
use crate::report::Severity;
use crate::rules::RulePack;
use crate::settings::Settings;
use std::ops::Range;

/// One place a finding points at.
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    pub article: ArticleId,
    pub span: Range<usize>,
    pub label: String,
    /// The suspect text itself, as opposed to evidence elsewhere.
    pub primary: bool,
}

/// A text replacement that would resolve a finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub article: ArticleId,
    pub span: Range<usize>,
    pub replacement: String,
}

/// A reported inconsistency.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    /// Primary locations first, all in the first location's article.
    pub locations: Vec<Location>,
    /// Safe edits that resolve the finding, if any.
    pub fix: Vec<Edit>,
}

/// Everything a check may read.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub extraction: &'a Extraction,
    pub pack: &'a RulePack,
    pub settings: &'a Settings,
}

/// A built-in check: its code (which holds its summary and explanation) and the
/// function that runs it.
pub struct Check {
    pub code: Code,
    pub run: fn(&Context) -> Vec<Finding>,
}

/// Every built-in check, in the order their codes are listed: the one place a
/// check is registered.
pub const CHECKS: &[Check] = &[
    Check {
        code: Code::AgeConflict,
        run: age_conflict::run,
    },
    Check {
        code: Code::ClaimConflict,
        run: claim_conflict::run,
    },
    Check {
        code: Code::CountListLength,
        run: count_list_length::run,
    },
    Check {
        code: Code::DateWeekday,
        run: date_weekday::run,
    },
    Check {
        code: Code::EntityPronoun,
        run: entity_pronoun::run,
    },
    Check {
        code: Code::MoneyConversion,
        run: money_conversion::run,
    },
    Check {
        code: Code::NumberConflict,
        run: number_conflict::run,
    },
    Check {
        code: Code::OfficeHolderConflict,
        run: office_holder_conflict::run,
    },
    Check {
        code: Code::OfficeOutOfTerm,
        run: office_out_of_term::run,
    },
    Check {
        code: Code::OfficeTitleConflict,
        run: office_title_conflict::run,
    },
    Check {
        code: Code::SpellingVariant,
        run: spelling_variant::run,
    },
    Check {
        code: Code::TimeUndated,
        run: time_undated::run,
    },
    Check {
        code: Code::ValueInvalid,
        run: value_invalid::run,
    },
    Check {
        code: Code::VersionDivergent,
        run: version_divergent::run,
    },
];

/// Runs every check and orders findings by where their primary location is, so
/// output is stable from run to run.
pub fn run_all(cx: &Context) -> Vec<Finding> {
    use rayon::prelude::*;
    let mut findings: Vec<Finding> = CHECKS.par_iter().flat_map(|c| (c.run)(cx)).collect();
    findings.sort_by(|a, b| {
        let key = |f: &Finding| {
            (
                f.locations[0].article,
                f.locations[0].span.start,
                f.code.as_str(),
            )
        };
        key(a).cmp(&key(b)).then_with(|| a.message.cmp(&b.message))
    });
    findings
}

/// `1 article`, `2 articles`.
pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::Group;

    #[test]
    fn every_check_code_has_exactly_one_check() {
        let registered: Vec<Code> = CHECKS.iter().map(|c| c.code).collect();
        let codes: Vec<Code> = Code::ALL
            .iter()
            .copied()
            .filter(|c| c.group() == Group::Check)
            .collect();
        assert_eq!(registered, codes);
    }
}

/// Claims and rule packs made by hand, for the checks' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::Context;
    use crate::extract::{Claim, Extraction, Origin, Subject};
    use crate::ids::{Id, IdVec};
    use crate::report::Severity;
    use crate::rules::template::Template;
    use crate::rules::{Defined, Key, Rule, RuleKind, RulePack};
    use crate::settings::Settings;
    use crate::value::{Value, ValueType};
    use chrono::NaiveDate;

    /// Name mentions of `(article, form, span)`, their forms interned as
    /// extraction interns them.
    pub fn names<'a>(
        items: impl IntoIterator<Item = (usize, &'a str, std::ops::Range<usize>)>,
    ) -> (
        IdVec<crate::ids::FormId, Box<str>>,
        Vec<crate::extract::NameMention>,
    ) {
        let mut forms: IdVec<crate::ids::FormId, Box<str>> = IdVec::default();
        let mut ids = std::collections::HashMap::new();
        let mentions = items
            .into_iter()
            .map(|(article, form, span)| crate::extract::NameMention {
                article: Id::new(article),
                form: *ids.entry(form).or_insert_with(|| forms.push(form.into())),
                span,
            })
            .collect();
        (forms, mentions)
    }

    /// A pack with one rule, `r`, keyed `k`.
    pub fn pack(severity: Severity, value_type: ValueType, tolerance: f64) -> RulePack {
        let rule = Rule {
            id: "r".into(),
            description: String::new(),
            severity,
            regex: regex::Regex::new("(?P<v>x)").expect("a valid regex"),
            kind: RuleKind::Claim {
                key: Key {
                    template: Template::parse("k").expect("a valid template"),
                    span: 0..0,
                },
            },
            value: Template::parse("{v}").expect("a valid template"),
            value_type,
            tables: Default::default(),
            slots: Vec::new(),
            near: Vec::new(),
            window: None,
            tolerance,
            count: None,
            defined: Defined {
                file: "r.toml".into(),
                id_span: 0..0,
                pattern_span: 0..0,
            },
            examples: Vec::new(),
        };
        RulePack {
            rules: IdVec::from(vec![rule]),
            ..RulePack::default()
        }
    }

    /// Claims of rule `r` with key `k`: (article, as written, value).
    pub fn claims_of(items: impl IntoIterator<Item = (usize, String, Value)>) -> Extraction {
        Extraction {
            claims: items
                .into_iter()
                .enumerate()
                .map(|(i, (article, raw, value))| Claim {
                    article: Id::new(article),
                    origin: Origin::Rule(Id::new(0)),
                    subject: Subject::Fact("k".into()),
                    value,
                    raw,
                    span: i..i + 1,
                    matched: i..i + 1,
                    time: None,
                    attached: None,
                })
                .collect(),
            ..Extraction::default()
        }
    }

    /// Settings fixed for tests.
    pub const SETTINGS: Settings = Settings {
        tolerance_days: crate::settings::DEFAULT_TOLERANCE_DAYS,
        today: match NaiveDate::from_ymd_opt(2026, 11, 25) {
            Some(d) => d,
            None => panic!("a valid date"),
        },
        undated: None,
        versions: Some(crate::settings::DEFAULT_VERSION_SIMILARITY),
    };

    /// A context over `extraction` and `pack`.
    pub fn context<'a>(extraction: &'a Extraction, pack: &'a RulePack) -> Context<'a> {
        Context {
            extraction,
            pack,
            settings: &SETTINGS,
        }
    }

    /// A small seeded generator (xorshift64*): enough for test data, and the same
    /// sequence on every platform.
    pub(crate) struct Rng(u64);

    impl Rng {
        pub(crate) fn new(seed: u64) -> Self {
            Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
        }

        pub(crate) fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        /// A number below `n`.
        pub(crate) fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        /// A capitalised word of `min..=max` letters from `letters`.
        pub(crate) fn word(&mut self, letters: &[u8], min: usize, max: usize) -> String {
            let len = min + self.below(max - min + 1);
            let mut w: String = (0..len)
                .map(|_| letters[self.below(letters.len())] as char)
                .collect();
            w[..1].make_ascii_uppercase();
            w
        }

        /// `word` (two letters or more) with one edit after its first letter: a
        /// letter changed, dropped, added, or swapped with the next.
        pub(crate) fn misspell(&mut self, word: &str) -> String {
            let mut chars: Vec<char> = word.chars().collect();
            let at = 1 + self.below(chars.len() - 1);
            let letter = (b'a' + self.below(26) as u8) as char;
            match self.below(4) {
                0 => chars[at] = letter,
                1 => {
                    chars.remove(at);
                }
                2 => chars.insert(at, letter),
                _ if at + 1 < chars.len() => chars.swap(at, at + 1),
                _ => chars.push(letter),
            }
            chars.into_iter().collect()
        }
    }
}
