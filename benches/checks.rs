//! Each built-in check (`corpus_lint::checks::CHECKS`) on one synthetic extraction
//! of [`ARTICLES`] articles, built deterministically from a seed: fact claims of
//! every value type under a few hundred keys (some keys with conflicting values),
//! office claims over the shipped offices and terms, dates with weekdays, lists
//! with counts, money conversions (now and then a scale short), ages beside names,
//! rejects, entity and name mentions, and pronouns with sentences.
//!
//! The rules are the shipped pack (`rules/`, with its offices, entities and terms)
//! and `benches/rules/checks.toml`, which adds a text fact and a keyed date fact
//! that the shipped pack lacks; it is loaded last, so shipped rules keep their ids.
//!
//! Run with `cargo bench --bench checks`.

use chrono::NaiveDate;
use corpus_lint::checks::{CHECKS, Context};
use corpus_lint::date::PartialDate;
use corpus_lint::extract::{
    Attached, Claim, Converted, EntityMention, Extraction, NameMention, Origin, PronounMention,
    Reject, StatedCount, Subject,
};
use corpus_lint::figure::Figure;
use corpus_lint::ids::{ArticleId, EntityId, FormId, Id, OfficeId, RuleId};
use corpus_lint::rules::schema::Pronouns;
use corpus_lint::rules::{RuleKind, RulePack};
use corpus_lint::settings::Settings;
use corpus_lint::time::Interval;
use corpus_lint::value::{Value, ValueType};
use corpus_lint::versions::Version;
use criterion::{Criterion, criterion_group, criterion_main};
use std::collections::HashMap;
use std::hint::black_box;
use std::ops::Range;
use std::path::PathBuf;
use std::time::Duration;

mod common;

use common::Rng;

/// Articles in the synthetic corpus.
const ARTICLES: usize = 10_000;
/// Fact keys the claims are spread over.
const KEYS: usize = 300;
/// One key in this many has a conflicting value now and then.
const CONFLICTED_KEY_EVERY: usize = 6;
/// Distinct people the name mentions are drawn from.
const PEOPLE: usize = 3_000;
/// How far apart sentences start in articles with pronouns.
const SENTENCE: usize = 160;
/// One article in this many is a version of the one before.
const VERSIONS_EVERY: usize = 50;
/// The seed of everything.
const SEED: u64 = 0x00C0_FFEE;

const COUNTRIES: &[&str] = &[
    "Serbia", "Nigeria", "Albania", "India", "Ghana", "Vietnam", "Georgia", "Jamaica", "Kenya",
    "Egypt", "Morocco", "Brazil", "Romania", "Iraq",
];
const VENUES: &[&str] = &[
    "Lancaster House",
    "Downing Street",
    "Marlborough House",
    "Chevening House",
    "Aiwan Sadar",
    "Punjab House",
];
const FIRST_NAMES: &[&str] = &[
    "John", "Sarah", "Ahmed", "Fatima", "David", "Ayesha", "Imran", "Helen", "Omar", "Rachel",
    "Bilal", "Emma", "Hassan", "Sophie", "Usman", "Claire", "Tariq", "Laura", "Zainab", "Peter",
    "Nadia", "Michael", "Saima", "James", "Farah", "Daniel", "Amina", "Thomas", "Sana", "Robert",
];
const CARDINALS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];
const ORDINALS: &[&str] = &[
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth",
];

/// `12345` as `12,345`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `day` as `17 August 2022`.
fn spelled(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

fn partial(day: NaiveDate) -> PartialDate {
    use chrono::Datelike;
    PartialDate::new(day.year(), Some(day.month()), Some(day.day())).expect("a valid date")
}

/// What every claim about one key is drawn from: the right value as written a few
/// ways, and wrong values.
struct Fact {
    key: String,
    value_type: ValueType,
    /// The rules that make claims of this key, all of the key's type.
    rules: Vec<RuleId>,
    right: Vec<String>,
    wrong: Vec<String>,
    /// For list keys: how many items the right list has.
    items: usize,
}

impl Fact {
    fn new(k: usize, value_type: ValueType, rules: Vec<RuleId>, rng: &mut Rng) -> Fact {
        let (right, wrong, items) = match value_type {
            ValueType::Number => number_forms(rng),
            ValueType::Year => {
                let year = 1990 + rng.below(36);
                (
                    vec![year.to_string()],
                    vec![(year + 1).to_string(), (year - 2).to_string()],
                    0,
                )
            }
            ValueType::Date => {
                let day = rng.day();
                let other = day + chrono::Days::new(1 + rng.below(60) as u64);
                (
                    vec![
                        spelled(day),
                        day.to_string(),
                        day.format("%B %Y").to_string(),
                    ],
                    vec![spelled(other)],
                    0,
                )
            }
            ValueType::List => list_forms(rng),
            ValueType::Text | ValueType::Name => {
                let venue = rng.pick(VENUES);
                let other = rng.pick(VENUES);
                let wrong = if other == venue { VENUES[0] } else { other };
                (
                    vec![venue.to_string(), venue.to_uppercase()],
                    vec![wrong.to_string()],
                    0,
                )
            }
        };
        Fact {
            key: format!("synthetic fact {k} ({})", value_type.as_str()),
            value_type,
            rules,
            right,
            wrong,
            items,
        }
    }
}

/// A figure written exactly, and about; wrong ones far from it. Each key keeps one
/// unit: a count, a percentage or pounds.
fn number_forms(rng: &mut Rng) -> (Vec<String>, Vec<String>, usize) {
    match rng.below(3) {
        0 => {
            let n = 100 + rng.below(50_000) as u64;
            let magnitude = 10u64.pow((n.ilog10()).saturating_sub(1));
            let rounded = n / magnitude * magnitude;
            (
                vec![thousands(n), format!("about {}", thousands(rounded))],
                vec![thousands(n * 2), thousands(n / 3)],
                0,
            )
        }
        1 => {
            let tenths = 10 + rng.below(400);
            let pct = |t: usize| format!("{}.{}%", t / 10, t % 10);
            (
                vec![
                    pct(tenths),
                    format!("{} per cent", pct(tenths).trim_end_matches('%')),
                ],
                vec![pct(tenths * 2 + 7)],
                0,
            )
        }
        _ => {
            let tenths = 12 + rng.below(500);
            let pounds = |t: usize| format!("£{}.{} million", t / 10, t % 10);
            (vec![pounds(tenths)], vec![pounds(tenths * 3)], 0)
        }
    }
}

/// Three to five countries, listed in two orders; wrong lists lack one or have
/// another.
fn list_forms(rng: &mut Rng) -> (Vec<String>, Vec<String>, usize) {
    let n = 3 + rng.below(3);
    let mut items: Vec<&str> = Vec::new();
    while items.len() < n {
        let c = *rng.pick(COUNTRIES);
        if !items.contains(&c) {
            items.push(c);
        }
    }
    let join = |items: &[&str]| {
        let (last, rest) = items.split_last().expect("a list has items");
        format!("{} and {last}", rest.join(", "))
    };
    let mut reversed = items.clone();
    reversed.reverse();
    let shorter = join(&items[..n - 1]);
    let extra = COUNTRIES
        .iter()
        .find(|c| !items.contains(c))
        .expect("more countries than any list has");
    let mut longer = items.clone();
    longer.push(extra);
    (
        vec![join(&items), join(&reversed)],
        vec![shorter, join(&longer)],
        n,
    )
}

/// The rules of the pack by what they make claims of.
struct Rules {
    /// Keyed fact rules by value type.
    facts: Vec<(ValueType, Vec<RuleId>)>,
    /// Date rules without a key that read a weekday: claims checked on their own.
    weekday: Vec<RuleId>,
    /// Office rules (their value is the holder's name).
    office: Vec<RuleId>,
}

impl Rules {
    fn of(pack: &RulePack) -> Rules {
        let mut facts: Vec<(ValueType, Vec<RuleId>)> = Vec::new();
        let (mut weekday, mut office) = (Vec::new(), Vec::new());
        for (id, rule) in pack.rules.enumerate() {
            match &rule.kind {
                RuleKind::Claim { .. } => {
                    match facts.iter_mut().find(|(t, _)| *t == rule.value_type) {
                        Some((_, ids)) => ids.push(id),
                        None => facts.push((rule.value_type, vec![id])),
                    }
                }
                RuleKind::Extract if rule.value_type == ValueType::Date => weekday.push(id),
                RuleKind::Office { .. } => office.push(id),
                _ => {}
            }
        }
        assert!(!weekday.is_empty() && !office.is_empty() && facts.len() >= 5);
        Rules {
            facts,
            weekday,
            office,
        }
    }
}

/// A single-holder office with terms on record, and its terms as (holder, days).
struct Office {
    id: OfficeId,
    terms: Vec<(String, Interval)>,
}

fn offices(pack: &RulePack, today: NaiveDate) -> Vec<Office> {
    pack.offices
        .offices
        .enumerate()
        .filter(|(_, o)| o.single)
        .map(|(id, _)| Office {
            id,
            terms: pack
                .terms
                .iter()
                .filter(|t| t.office == id)
                .map(|t| (t.holder.clone(), t.widest(today)))
                .collect(),
        })
        .filter(|o| !o.terms.is_empty())
        .collect()
}

/// The synthetic extraction as it is built, article by article.
struct Builder<'a> {
    rng: Rng,
    pack: &'a RulePack,
    rules: Rules,
    facts: Vec<Fact>,
    offices: Vec<Office>,
    people: Vec<String>,
    extraction: Extraction,
    form_ids: HashMap<String, FormId>,
    /// The article being built and where its next item goes.
    article: ArticleId,
    cursor: usize,
    /// The text of the last story, of which the next article may be a version.
    story: String,
}

impl<'a> Builder<'a> {
    fn new(pack: &'a RulePack, today: NaiveDate) -> Builder<'a> {
        let mut rng = Rng::new(SEED);
        let rules = Rules::of(pack);
        let facts = (0..KEYS)
            .map(|k| {
                let (value_type, ids) = &rules.facts[k % rules.facts.len()];
                Fact::new(k, *value_type, ids.clone(), &mut rng)
            })
            .collect();
        let mut people = Vec::with_capacity(PEOPLE);
        while people.len() < PEOPLE {
            let name = format!("{} {}", rng.pick(FIRST_NAMES), rng.word(5, 10));
            if !people.contains(&name) {
                people.push(name);
            }
        }
        Builder {
            rng,
            pack,
            rules,
            facts,
            offices: offices(pack, today),
            people,
            extraction: Extraction::default(),
            form_ids: HashMap::new(),
            article: ArticleId::new(0),
            cursor: 0,
            story: String::new(),
        }
    }

    /// The next `len` bytes of the article, after a gap.
    fn span(&mut self, len: usize) -> Range<usize> {
        self.cursor += 20 + self.rng.below(200);
        let start = self.cursor;
        self.cursor += len;
        start..self.cursor
    }

    fn claim(&mut self, origin: Origin, subject: Subject, value: Value, raw: String) -> Claim {
        let span = self.span(raw.len());
        Claim {
            article: self.article,
            origin,
            subject,
            value,
            raw,
            matched: span.start.saturating_sub(30)..span.end + 10,
            span,
            time: None,
            attached: None,
        }
    }

    /// A name mention, its form interned as extraction interns forms.
    fn name(&mut self, form: &str, span: Range<usize>) {
        let form = match self.form_ids.get(form) {
            Some(&id) => id,
            None => {
                let id = self.extraction.forms.push(form.into());
                self.form_ids.insert(form.to_string(), id);
                id
            }
        };
        self.extraction.names.push(NameMention {
            article: self.article,
            form,
            span,
        });
    }

    fn build(mut self) -> Extraction {
        for a in 0..ARTICLES {
            self.article = ArticleId::new(a);
            self.cursor = 0;
            let day = self.rng.day();
            let dated = !self.rng.one_in(40);
            if !dated {
                self.extraction.undated.push(self.article);
            }
            let time = dated.then(|| Interval::day(day));
            for _ in 0..1 + self.rng.below(4) {
                self.fact(time);
            }
            for _ in 0..self.rng.below(3) {
                self.office(day, time);
            }
            if self.rng.one_in(5) {
                self.weekday();
            }
            if self.rng.one_in(3) {
                self.stated_time(day);
            }
            if self.rng.one_in(25) {
                self.reject();
            }
            if self.rng.one_in(4) {
                self.conversion(time);
            }
            if self.rng.one_in(3) {
                self.age(day, time);
            }
            for _ in 0..2 + self.rng.below(6) {
                self.person();
            }
            self.version(a);
            if self.rng.one_in(3) {
                self.entity_with_pronoun();
                // Sentence starts, kept (as extraction keeps them) for articles
                // with pronouns only.
                let starts = (0..=self.cursor).step_by(SENTENCE).collect();
                self.extraction.sentences.insert(self.article, starts);
            }
        }
        self.extraction
    }

    /// The version record of article `a`: a story of its own, or for one article
    /// in [`VERSIONS_EVERY`] a version of the article before with one figure
    /// changed, so that `version/divergent` has stories to align.
    fn version(&mut self, a: usize) {
        let text = if a % VERSIONS_EVERY == 1 {
            self.story.replace("£4.5bn", "£5.4bn")
        } else {
            let words: Vec<String> = (0..300)
                .map(|_| self.rng.word(3, 9).to_lowercase())
                .collect();
            self.story = format!(
                "{}.\nThe bank said pre-tax profits rose to £4.5bn in the year to March.\n{}.",
                words[..150].join(" "),
                words[150..].join(" ")
            );
            self.story.clone()
        };
        if let Some(version) = Version::of(&text, 0) {
            self.extraction.versions.push((self.article, version));
        }
    }

    /// A claim of a fact, right or (for a conflicted key, now and then) wrong.
    fn fact(&mut self, time: Option<Interval>) {
        let k = self.rng.below(KEYS);
        let wrong = k % CONFLICTED_KEY_EVERY == 0 && self.rng.one_in(8);
        let fact = &self.facts[k];
        let forms = if wrong { &fact.wrong } else { &fact.right };
        let raw = forms[self.rng.below(forms.len())].clone();
        let rule = fact.rules[self.rng.below(fact.rules.len())];
        let (key, items) = (fact.key.clone(), fact.items);
        let value = Value::parse(fact.value_type, &raw).expect("synthetic values parse");
        let mut claim = self.claim(Origin::Rule(rule), Subject::Fact(key), value, raw);
        claim.time = time;
        let pack = self.pack;
        if let (Some(count), Value::List(listed)) = (&pack.rules[rule].count, &claim.value) {
            // Most counts agree with the list the key's right value has.
            let wrong_count = self.rng.one_in(10);
            let n = listed.len().max(items) as i64 + count.offset + i64::from(wrong_count);
            let words = if count.offset == 0 {
                CARDINALS
            } else {
                ORDINALS
            };
            let raw = words[usize::try_from(n).expect("a positive count")].to_string();
            let figure = Figure::parse(&raw).expect("count words parse");
            let span = self.span(raw.len());
            claim.attached = Some(Attached::Count(StatedCount { figure, raw, span }));
        }
        self.extraction.claims.push(claim);
    }

    /// Who holds an office on `day`: mostly the holder on record, sometimes the one
    /// before or after, a holder of another office, or a misspelling.
    fn office(&mut self, day: NaiveDate, time: Option<Interval>) {
        let o = self.rng.below(self.offices.len());
        let office = &self.offices[o];
        let on_day = Interval::day(day);
        let current = office
            .terms
            .iter()
            .position(|(_, t)| t.overlaps(&on_day, 0));
        let holder = match (current, self.rng.below(50)) {
            (Some(i), 0) if i > 0 => office.terms[i - 1].0.clone(),
            (Some(i), 1) if i + 1 < office.terms.len() => office.terms[i + 1].0.clone(),
            (Some(i), 2) => {
                let name = office.terms[i].0.clone();
                let (first, last) = name.rsplit_once(' ').expect("a first and last name");
                format!("{first} {}", self.rng.misspell(last))
            }
            (_, 3) => {
                let other = &self.offices[self.rng.below(self.offices.len())];
                other.terms[self.rng.below(other.terms.len())].0.clone()
            }
            (Some(i), _) => office.terms[i].0.clone(),
            (None, _) => office.terms[self.rng.below(office.terms.len())].0.clone(),
        };
        let id = office.id;
        let rule = *self.rng.pick(&self.rules.office);
        let value = Value::parse(ValueType::Name, &holder).expect("names parse");
        let mut claim = self.claim(
            Origin::Rule(rule),
            Subject::Office(id),
            value,
            holder.clone(),
        );
        claim.time = time;
        self.name(&holder, claim.span.clone());
        self.extraction.claims.push(claim);
    }

    /// A date with its weekday, now and then the wrong one.
    fn weekday(&mut self) {
        let day = self.rng.day();
        let date = partial(day);
        let mut weekday = date.weekday().expect("a full date has a weekday");
        if self.rng.one_in(10) {
            weekday = weekday.succ();
        }
        let at = self.span(8);
        let rule = *self.rng.pick(&self.rules.weekday);
        let raw = spelled(day);
        let mut claim = self.claim(
            Origin::Rule(rule),
            Subject::Standalone,
            Value::Date(date),
            raw,
        );
        claim.time = Interval::of(date);
        claim.attached = Some(Attached::Weekday(weekday, at));
        self.extraction.claims.push(claim);
    }

    /// A year the text states, as extraction adds them.
    fn stated_time(&mut self, day: NaiveDate) {
        use chrono::Datelike;
        let date = PartialDate::new(day.year() - self.rng.below(3) as i32, None, None)
            .expect("a valid year");
        let interval = Interval::of(date).expect("a year is an interval");
        let raw = format!("in {}", date.year);
        let mut claim = self.claim(
            Origin::StatedTime,
            Subject::Standalone,
            Value::Date(date),
            raw,
        );
        claim.time = Some(interval);
        self.extraction.claims.push(claim);
    }

    /// Someone's age beside their name, as extraction reads `Bernard Ebbers, 63,`:
    /// from a birth year fixed per person, either side of the birthday (so that
    /// some ages a few days apart cannot both hold), now and then five years out.
    fn age(&mut self, day: NaiveDate, time: Option<Interval>) {
        use chrono::Datelike;
        let p = self.rng.below(PEOPLE);
        let form = self.people[p].clone();
        let born = 1940 + (p % 50) as i32;
        let mut years = day.year() - born - self.rng.below(2) as i32;
        if self.rng.one_in(100) {
            years += 5;
        }
        let named = self.span(form.len());
        self.name(&form, named.clone());
        let raw = years.to_string();
        let at = named.end + 2..named.end + 2 + raw.len();
        self.cursor = at.end;
        self.extraction.claims.push(Claim {
            article: self.article,
            origin: Origin::Age,
            subject: Subject::Person(form),
            value: Value::Age(u16::try_from(years).expect("a living person's age")),
            raw,
            matched: named.start..at.end,
            span: at,
            time,
            attached: None,
        });
    }

    /// A sum in dollars converted to pounds at about $1.85 to the pound, now and
    /// then with the scale of the pounds missing.
    fn conversion(&mut self, time: Option<Interval>) {
        let dollars = 10 + self.rng.below(990);
        let rate = 1.75 + self.rng.below(20) as f64 / 100.0;
        let pounds = dollars as f64 / rate;
        let scale = if self.rng.one_in(50) { "" } else { "m" };
        let (from, to) = (format!("${dollars}m"), format!("£{pounds:.1}{scale}"));
        let figure = |s: &str| Figure::parse(s).expect("synthetic sums parse");
        let value = Value::Number(figure(&from));
        let mut claim = self.claim(Origin::Conversion, Subject::Standalone, value, from);
        let span = claim.span.end + 2..claim.span.end + 2 + to.len();
        claim.time = time;
        claim.attached = Some(Attached::Converted(Converted {
            figure: figure(&to),
            raw: to,
            span,
        }));
        self.extraction.claims.push(claim);
    }

    /// Text a year or date rule matched that is no year or date.
    fn reject(&mut self) {
        let (value_type, rules) = self
            .rules
            .facts
            .iter()
            .find(|(t, _)| matches!(t, ValueType::Year | ValueType::Date))
            .expect("the pack has a year or date rule");
        let raw = match value_type {
            ValueType::Year => "22",
            _ => "31 Smarch 2024",
        };
        let reason = Value::parse(*value_type, raw).expect_err("not a valid value");
        let rule = rules[0];
        let span = self.span(raw.len());
        self.extraction.rejects.push(Reject {
            rule,
            article: self.article,
            raw: raw.to_string(),
            span,
            reason,
        });
    }

    /// Someone named, the popular more often; now and then misspelt.
    fn person(&mut self) {
        let popular = self.rng.below(PEOPLE) + 1;
        let p = self.rng.below(popular);
        let mut form = self.people[p].clone();
        if self.rng.one_in(200) {
            let (first, last) = form.split_once(' ').expect("a first and last name");
            form = format!("{first} {}", self.rng.misspell(last));
        }
        let span = self.span(form.len());
        self.name(&form, span);
    }

    /// A declared person with pronouns named at the start of a sentence, under
    /// one of their forms, and a pronoun later in that sentence: theirs, or now
    /// and then the other one.
    fn entity_with_pronoun(&mut self) {
        let with_pronouns: Vec<EntityId> = self
            .pack
            .entities
            .enumerate()
            .filter(|(_, e)| matches!(e.pronouns, Some(Pronouns::He | Pronouns::She)))
            .map(|(id, _)| id)
            .collect();
        let pack = self.pack;
        let entity = *self.rng.pick(&with_pronouns);
        let e = &pack.entities[entity];
        let (form, wrong) = match self.rng.below(20) {
            0 if !e.wrong.is_empty() => (self.rng.pick(&e.wrong).clone(), true),
            1 if !e.aliases.is_empty() => (self.rng.pick(&e.aliases).clone(), false),
            _ => (e.name.clone(), false),
        };
        let theirs = e.pronouns.expect("filtered on pronouns");
        let pronouns = match (theirs, self.rng.one_in(15)) {
            (Pronouns::He, false) | (Pronouns::She, true) => Pronouns::He,
            _ => Pronouns::She,
        };
        let word = if pronouns == Pronouns::He {
            "his"
        } else {
            "her"
        };
        // A sentence of its own (sentences start every `SENTENCE` bytes).
        let start = self.cursor.next_multiple_of(SENTENCE) + SENTENCE;
        let named = start + 5..start + 5 + form.len();
        let pronoun = named.end + 15..named.end + 15 + word.len();
        self.cursor = start + SENTENCE;
        self.name(&form, named.clone());
        self.extraction.entities.push(EntityMention {
            entity,
            article: self.article,
            form,
            wrong,
            span: named,
        });
        self.extraction.pronouns.push(PronounMention {
            article: self.article,
            word: word.to_string(),
            pronouns,
            span: pronoun,
        });
    }
}

fn benches(c: &mut Criterion) {
    let dir = env!("CARGO_MANIFEST_DIR");
    let pack = corpus_lint::rules::load(&[
        PathBuf::from(dir).join("rules"),
        PathBuf::from(dir).join("benches/rules/checks.toml"),
    ])
    .expect("the shipped rules and the bench's rules load");
    let today = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a valid date");
    let settings = Settings::new(today);
    let extraction = Builder::new(&pack, today).build();
    eprintln!(
        "checks: {ARTICLES} articles, {} claims, {} rejects, {} entity mentions, {} name \
         mentions of {} forms, {} pronouns",
        extraction.claims.len(),
        extraction.rejects.len(),
        extraction.entities.len(),
        extraction.names.len(),
        extraction.forms.len(),
        extraction.pronouns.len(),
    );
    let context = Context {
        extraction: &extraction,
        pack: &pack,
        settings: &settings,
    };
    // Every check must have work to do, or its benchmark measures nothing.
    for check in CHECKS {
        let findings = (check.run)(&context).len();
        eprintln!("checks: {:<24} {findings} findings", check.code.as_str());
        assert!(findings > 0, "{} finds nothing", check.code.as_str());
    }
    for check in CHECKS {
        c.bench_function(&format!("check/{}", check.code.as_str()), |b| {
            b.iter(|| (check.run)(black_box(&context)));
        });
    }
}

/// 20 samples in 4 s: the slowest check (about 15 ms a run on 2 cores) needs a
/// little more than 3 s for them.
fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1))
}

criterion_group! {
    name = checks;
    config = config();
    targets = benches
}
criterion_main!(checks);
