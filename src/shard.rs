//! Shards: the map step's output for archives too large for one machine.
//! `claims --format jsonl` writes, for part of a corpus, one JSON object per line:
//! a header naming the rules, the claims as listed, and for each article all it
//! yielded (with the lines of text its spans fall in, so that findings can be
//! shown even where the article cannot be read again), the problems met, and the
//! part's lower-case vocabulary. `check --claims FILE...` is the reduce step: the
//! shards' articles, put back in path order, give exactly the findings of one run.

use crate::article::{Article, Articles, Document, Form};
use crate::code::Code;
use crate::corpus::path_key;
use crate::extract::vocabulary::Vocabulary;
use crate::extract::{Found, Gathering};
use crate::report::{Report, Severity};
use crate::rules::RulePack;
use serde::{Deserialize, Serialize};
use std::io::BufRead;
use std::path::PathBuf;

/// The shard format's version: a reducer refuses another.
pub const VERSION: u32 = 1;

/// One line of a shard. Claims are written by `claims` itself, as it lists them.
#[derive(Serialize, Deserialize)]
#[serde(tag = "record", rename_all = "lowercase")]
enum Record {
    Shard {
        version: u32,
        /// The rule pack's fingerprint: shards are merged only under the same rules.
        rules: String,
    },
    /// Written by `claims` as it lists them; the reducer reads articles instead.
    #[serde(skip_serializing)]
    Claim(serde::de::IgnoredAny),
    Article {
        article: Box<Article>,
        found: Found,
        /// The lines the article's spans fall in: byte offset, line number, text.
        lines: Vec<(usize, usize, String)>,
    },
    Problem {
        code: Option<String>,
        severity: Severity,
        message: String,
        help: Option<String>,
    },
    Vocabulary {
        words: Vec<(String, u32)>,
    },
}

fn line(record: &Record) -> String {
    serde_json::to_string(record).unwrap_or_default()
}

/// The first line of a shard.
pub fn header(pack: &RulePack) -> String {
    line(&Record::Shard {
        version: VERSION,
        rules: format!("{:016x}", pack.fingerprint()),
    })
}

/// The line for one article: what it yielded, and the lines of text that show it.
pub fn article(doc: &Document, found: &Found) -> String {
    let mut spans: Vec<usize> = found
        .claims
        .iter()
        .flat_map(|c| [c.span.start, c.matched.start])
        .chain(
            found
                .claims
                .iter()
                .filter_map(|c| c.weekday().map(|(_, s)| s.start)),
        )
        .chain(
            found
                .claims
                .iter()
                .filter_map(|c| c.count().map(|n| n.span.start)),
        )
        .chain(
            found
                .claims
                .iter()
                .filter_map(|c| c.converted().map(|n| n.span.start)),
        )
        .chain(found.rejects.iter().map(|r| r.span.start))
        .chain(found.dateless.iter().map(|d| d.span.start))
        .chain(found.entities.iter().map(|m| m.span.start))
        .chain(found.pronouns.iter().map(|p| p.span.start))
        .chain(found.runs.iter().map(|(start, _)| *start))
        .collect();
    spans.sort_unstable();
    let mut lines: Vec<(usize, usize, String)> = Vec::new();
    for at in spans {
        let number = doc.line_col(at).line;
        if lines.last().is_some_and(|l| l.1 == number) {
            continue;
        }
        let text = doc.line_text(&(at..at));
        let start = text.as_ptr() as usize - doc.text.as_ptr() as usize;
        lines.push((start, number, text.to_string()));
    }
    line(&Record::Article {
        article: Box::new(doc.article()),
        found: found.clone(),
        lines,
    })
}

/// The line for a problem met reading the corpus.
pub fn problem(report: &Report) -> String {
    line(&Record::Problem {
        code: report.code.map(|c| c.as_str().to_string()),
        severity: report.severity,
        message: report.message.clone(),
        help: report.help.clone(),
    })
}

/// The last line: the part's vocabulary.
pub fn vocabulary(vocabulary: &Vocabulary) -> String {
    let mut words: Vec<(String, u32)> = vocabulary
        .counts()
        .map(|(w, n)| (w.to_string(), n))
        .collect();
    words.sort_unstable();
    line(&Record::Vocabulary { words })
}

/// Shards read back and merged.
pub struct Merged {
    pub articles: Articles,
    pub gathering: Gathering,
    pub vocabulary: Vocabulary,
    pub problems: Vec<Report>,
    /// Where each article's record is: shard and byte offset.
    pub records: Vec<(usize, u64)>,
}

/// Why shards could not be merged.
#[derive(Debug, thiserror::Error)]
pub enum Unmergeable {
    #[error("cannot read shard {0}: {1}")]
    Unreadable(PathBuf, std::io::Error),
    #[error("{0}, line {1}, is not a shard line: {2}")]
    Malformed(PathBuf, usize, serde_json::Error),
    #[error("{0} has no shard header: it was not written by `claims --format jsonl`")]
    NoHeader(PathBuf),
    #[error("{0} is a shard of format {1}; this corpus-lint reads format {VERSION}")]
    Version(PathBuf, u32),
    #[error("{0} was made with other rules than those loaded now")]
    Rules(PathBuf),
}

/// Reads `shards` and merges them: articles in path order (an article in two
/// shards is taken once), vocabularies added up.
pub fn merge(shards: &[PathBuf], pack: &RulePack) -> Result<Merged, Unmergeable> {
    let rules = format!("{:016x}", pack.fingerprint());
    let mut found: Vec<(Article, Found, (usize, u64))> = Vec::new();
    let mut vocabulary = Vocabulary::default();
    let mut problems = Vec::new();
    for (n, path) in shards.iter().enumerate() {
        let file =
            std::fs::File::open(path).map_err(|e| Unmergeable::Unreadable(path.clone(), e))?;
        let mut reader = std::io::BufReader::new(file);
        let (mut offset, mut number, mut text) = (0u64, 0, String::new());
        loop {
            text.clear();
            let read = reader
                .read_line(&mut text)
                .map_err(|e| Unmergeable::Unreadable(path.clone(), e))?;
            if read == 0 {
                break;
            }
            number += 1;
            let record: Record = serde_json::from_str(&text)
                .map_err(|e| Unmergeable::Malformed(path.clone(), number, e))?;
            match record {
                Record::Shard { version, .. } if version != VERSION => {
                    return Err(Unmergeable::Version(path.clone(), version));
                }
                Record::Shard { rules: theirs, .. } if theirs != rules => {
                    return Err(Unmergeable::Rules(path.clone()));
                }
                Record::Shard { .. } | Record::Claim(_) => {}
                _ if number == 1 => return Err(Unmergeable::NoHeader(path.clone())),
                Record::Article {
                    article, found: f, ..
                } => found.push((*article, f, (n, offset))),
                Record::Problem {
                    code,
                    severity,
                    message,
                    help,
                } => problems.push(problem_report(code.as_deref(), severity, message, help)),
                Record::Vocabulary { words } => {
                    for (word, count) in words {
                        vocabulary.add_counted(&word, count);
                    }
                }
            }
            offset += read as u64;
        }
        if number == 0 {
            return Err(Unmergeable::NoHeader(path.clone()));
        }
    }
    found.sort_by_cached_key(|a| (path_key(&a.0.path), record_number(&a.0)));
    found.dedup_by(|a, b| a.0.path == b.0.path && record_number(&a.0) == record_number(&b.0));
    let mut merged = Merged {
        articles: Articles::default(),
        gathering: Gathering::default(),
        vocabulary,
        problems,
        records: Vec::with_capacity(found.len()),
    };
    for (article, f, at) in found {
        let id = merged.articles.push(article);
        merged.gathering.add(id, f);
        merged.records.push(at);
    }
    Ok(merged)
}

/// A record's number in its archive, 0 for a file: records sort in their order.
fn record_number(article: &Article) -> u32 {
    match &article.form {
        Form::Record(r) => r.number,
        Form::File | Form::Page => 0,
    }
}

fn problem_report(
    code: Option<&str>,
    severity: Severity,
    message: String,
    help: Option<String>,
) -> Report {
    let report = Report::plain(severity, Code::InputUnreadable, message);
    Report {
        code: code.and_then(Code::from_name),
        help,
        ..report
    }
}

/// An article's text as far as its shard shows it: the lines its spans fall in, at
/// their places, with line breaks kept where they were, so that positions, line
/// numbers and excerpts are those of the article.
pub fn sparse_document(shards: &[PathBuf], at: (usize, u64)) -> Option<Document> {
    let mut file = std::fs::File::open(shards.get(at.0)?).ok()?;
    std::io::Seek::seek(&mut file, std::io::SeekFrom::Start(at.1)).ok()?;
    let mut text = String::new();
    std::io::BufReader::new(file).read_line(&mut text).ok()?;
    let Record::Article { article, lines, .. } = serde_json::from_str(&text).ok()? else {
        return None;
    };
    let mut sparse = String::new();
    let mut line = 1;
    for (start, number, content) in lines {
        let gap = start.checked_sub(sparse.len())?;
        let breaks = number.checked_sub(line)?;
        sparse.extend(std::iter::repeat_n(' ', gap.checked_sub(breaks)?));
        sparse.extend(std::iter::repeat_n('\n', breaks));
        sparse.push_str(&content);
        line = number;
    }
    let mut document = Document::new(
        article.path.clone(),
        sparse,
        article.bom,
        article.fingerprint,
    );
    document.form = article.form.clone();
    document.meta.date = article.date;
    Some(document)
}
