//! Every diagnostic code corpus-lint can print, in one table: its stable name, what
//! it is about, a one-line summary and, for checks, the explanation that
//! `corpus-lint rule CODE` prints. The human and JSON printers, `rules`, `rule CODE`
//! and every check read codes from here, so a code is spelled once.

use serde::{Serialize, Serializer};
use std::fmt;

/// What a code is about; decides where a problem is shown and what it means for
/// the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// A finding about the articles, made by a built-in check.
    Check,
    /// A file of the corpus that could not be read as an article, or its metadata.
    Input,
    /// A rule file that is broken, or a rule that is probably wrong.
    Rule,
    /// A reference facts file that is broken.
    Facts,
    /// A command line that asks for something that does not exist.
    Usage,
}

/// Declares [`Code`]: variant, code, group, summary, and for checks the
/// explanation (the check module's own documentation).
macro_rules! codes {
    ($(
        $variant:ident = $code:literal, $group:ident, $summary:literal $(, $explanation:expr)?;
    )*) => {
        /// A stable diagnostic code, e.g. `spelling/variant`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(
                #[doc = $summary]
                $variant,
            )*
        }

        impl Code {
            /// Every code, checks first in the order `rules` lists them.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as users write and read it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                }
            }

            pub fn group(self) -> Group {
                match self {
                    $(Code::$variant => Group::$group,)*
                }
            }

            /// One line saying what the code reports.
            pub fn summary(self) -> &'static str {
                match self {
                    $(Code::$variant => $summary,)*
                }
            }

            /// What a check catches, an example, and how to silence it (Markdown);
            /// `None` for codes that are not checks.
            pub fn explanation(self) -> Option<&'static str> {
                match self {
                    $(Code::$variant => codes!(@explanation $($explanation)?),)*
                }
            }
        }
    };
    (@explanation $explanation:expr) => { Some($explanation) };
    (@explanation) => { None };
}

codes! {
    AgeConflict = "age/conflict", Check,
        "one person given ages that no birth date fits",
        include_str!("checks/age_conflict.md");
    ClaimConflict = "claim/conflict", Check,
        "articles that give different values for the same claim",
        include_str!("checks/claim_conflict.md");
    CountListLength = "count/list-length", Check,
        "a stated count that disagrees with the list it goes with",
        include_str!("checks/count_list_length.md");
    DateWeekday = "date/weekday", Check,
        "a weekday stated with a date it does not fall on",
        include_str!("checks/date_weekday.md");
    EntityPronoun = "entity/pronoun", Check,
        "a pronoun that can only refer to a declared person but is not theirs",
        include_str!("checks/entity_pronoun.md");
    MoneyConversion = "money/conversion", Check,
        "a money conversion whose exchange rate is far from the rate the corpus's others give",
        include_str!("checks/money_conversion.md");
    NumberConflict = "number/conflict", Check,
        "articles that give figures for the same claim that cannot both be true",
        include_str!("checks/number_conflict.md");
    OfficeHolderConflict = "office/holder-conflict", Check,
        "two people named holder of one single-holder office at overlapping times",
        include_str!("checks/office_holder_conflict.md");
    OfficeOutOfTerm = "office/out-of-term", Check,
        "a holder named outside their term of office, per the reference facts",
        include_str!("checks/office_out_of_term.md");
    OfficeTitleConflict = "office/title-conflict", Check,
        "one person given two different offices at overlapping times",
        include_str!("checks/office_title_conflict.md");
    SpellingVariant = "spelling/variant", Check,
        "a name spelled differently from the form the corpus (or the entities file) uses",
        include_str!("checks/spelling_variant.md");
    TimeUndated = "time/undated", Check,
        "an undated article whose office claims could only partly be checked",
        include_str!("checks/time_undated.md");
    ValueInvalid = "value/invalid", Check,
        "a value that cannot be what its rule says it is, e.g. a date that does not exist",
        include_str!("checks/value_invalid.md");
    VersionDivergent = "version/divergent", Check,
        "two versions of one story that differ in a figure, a date, an ordinal, a weekday, a name or a title",
        include_str!("checks/version_divergent.md");

    InputMissing = "input/missing", Input, "a corpus path that does not exist";
    InputEmpty = "input/empty", Input, "corpus paths under which no article was found";
    InputUnreadable = "input/unreadable", Input, "a file or folder of the corpus that cannot be read";
    InputBinary = "input/binary", Input, "a file of the corpus that looks binary";
    InputNotUtf8 = "input/not-utf8", Input, "a file of the corpus that is not valid UTF-8";
    InputBadDate = "input/bad-date", Input, "an article date in the metadata that cannot be read";
    InputBadFrontMatter = "input/bad-front-matter", Input, "a front-matter block that is not valid YAML or TOML";
    InputBadRecord = "input/bad-record", Input, "a record of a JSON Lines or CSV archive that is not an article: malformed, or without a text field";
    InputShard = "input/shard", Input, "a shard that cannot be merged: unreadable, malformed, or made with other rules";
    InputChanged = "input/changed", Input, "an article that changed, or went, after it was checked: its excerpts are not shown";

    RuleNone = "rule/none", Rule, "no rule files were found";
    RuleUnreadable = "rule/unreadable", Rule, "a rule file or folder that cannot be read";
    RuleSyntax = "rule/syntax", Rule, "a rule file that is not valid TOML or not in the rule format";
    RuleBadPattern = "rule/bad-pattern", Rule, "a rule pattern that is not a valid regex";
    RuleBadTemplate = "rule/bad-template", Rule, "a template (`key`, `value`, …) that cannot be parsed";
    RuleUnknownCapture = "rule/unknown-capture", Rule, "a template or table that names a capture the pattern lacks";
    RuleUnknownTable = "rule/unknown-table", Rule, "a rule that uses a table no file defines";
    RuleDuplicateTable = "rule/duplicate-table", Rule, "two tables with one name";
    RuleUnknownJurisdiction = "rule/unknown-jurisdiction", Rule, "an office in a jurisdiction no file declares";
    RuleOfficeKey = "rule/office-key", Rule, "an office rule with a `key`";
    RuleOfficeType = "rule/office-type", Rule, "an office rule whose value is not a name";
    RuleJurisdictionWithoutOffice = "rule/jurisdiction-without-office", Rule, "`jurisdiction` on a rule that is not an office rule";
    RuleToleranceWithoutNumber = "rule/tolerance-without-number", Rule, "`tolerance` on a rule whose value is not a number";
    RuleBadTolerance = "rule/bad-tolerance", Rule, "a tolerance that is not a fraction from 0 up to 1";
    RuleBadWindow = "rule/bad-window", Rule, "a `window` that is not a number and a unit of time (`6 months`)";
    RuleCountWithoutList = "rule/count-without-list", Rule, "`count` on a rule whose value is not a list";
    RuleCountOffsetWithoutCount = "rule/count-offset-without-count", Rule, "`count_offset` on a rule without `count`";
    RuleBadDateline = "rule/bad-dateline", Rule, "a dateline rule whose value is not a date";
    RuleBadTitle = "rule/bad-title", Rule, "a title rule without a key naming `{person}` and `{post}`";
    RuleBadExample = "rule/bad-example", Rule, "an example that cannot be read, such as a bad date";
    RuleExampleFailed = "rule/example-failed", Rule, "an example whose claims the rule does not yield";
    RuleDuplicateId = "rule/duplicate-id", Rule, "two rules with one id";
    RuleSlowBoundary = "rule/slow-boundary", Rule, "a Unicode `\\b` that makes the regex engine slow";
    RuleEmptyMatch = "rule/empty-match", Rule, "a pattern that can match the empty string";
    RuleUnusedCapture = "rule/unused-capture", Rule, "a named capture no template uses";
    RuleConstantKey = "rule/constant-key", Rule, "a key without a capture, so every match is about one thing";
    RuleNoExamples = "rule/no-examples", Rule, "a rule without examples";

    FactsUnreadable = "facts/unreadable", Facts, "a facts file that cannot be read";
    FactsSyntax = "facts/syntax", Facts, "a facts file that is not valid TOML or not in the facts format";
    FactsUnknownOffice = "facts/unknown-office", Facts, "a term of an office no rule file declares";
    FactsBadDate = "facts/bad-date", Facts, "a date in a facts file that cannot be read";
    FactsBadTerm = "facts/bad-term", Facts, "a term that ends before it begins";
    FactsOverlappingTerms = "facts/overlapping-terms", Facts, "two terms of a single-holder office that overlap";

    UsageUnknownRule = "usage/unknown-rule", Usage, "a check or rule asked for by a name that does not exist";
    UsageBadPattern = "usage/bad-pattern", Usage, "a filter on the command line that is not a valid regex";
}

impl Code {
    /// The code spelled `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == name)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_prefixed_by_their_group() {
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
        for code in Code::ALL {
            let prefix = code.as_str().split('/').next().unwrap_or_default();
            let expected = match code.group() {
                Group::Input => prefix == "input",
                Group::Rule => prefix == "rule",
                Group::Facts => prefix == "facts",
                Group::Usage => prefix == "usage",
                Group::Check => !["input", "rule", "facts", "usage"].contains(&prefix),
            };
            assert!(expected, "{code} is in {:?}", code.group());
            assert_eq!(Code::from_name(code.as_str()), Some(*code));
        }
    }

    #[test]
    fn checks_and_only_checks_have_explanations_titled_by_their_code() {
        for code in Code::ALL {
            match code.explanation() {
                Some(text) => {
                    assert_eq!(code.group(), Group::Check);
                    assert!(text.starts_with(&format!("# {code}\n")), "{code}");
                }
                None => assert_ne!(code.group(), Group::Check, "{code}"),
            }
        }
    }

    #[test]
    fn codes_order_as_their_names_do() {
        let checks: Vec<&Code> = Code::ALL
            .iter()
            .filter(|c| c.group() == Group::Check)
            .collect();
        assert!(checks.windows(2).all(|w| w[0].as_str() < w[1].as_str()));
    }
}
