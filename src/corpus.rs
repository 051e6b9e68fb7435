//! Loading the corpus: walking folders in a fixed order, decoding files, and reading
//! each article's metadata. Bad files become [`Report`]s and the run goes on.

use crate::article::{Article, Articles, DateOrigin, Metadata};
use crate::code::Code;
use crate::date::PartialDate;
use crate::report::{Report, Severity};
use rayon::prelude::*;
use regex::Regex;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use walkdir::WalkDir;

/// Extensions read as articles when walking a folder.
const EXTENSIONS: [&str; 2] = ["txt", "md"];

/// What loading produced: the readable articles, and a report for each file that was not.
pub struct Corpus {
    pub articles: Articles,
    pub problems: Vec<Report>,
}

/// A corpus path that does not exist: the run cannot mean anything, so it stops.
#[derive(Debug)]
pub struct MissingPath(pub PathBuf);

/// Loads every article under `paths`, in path order, reading files in parallel.
pub fn load(paths: &[PathBuf]) -> Result<Corpus, MissingPath> {
    let mut files = BTreeSet::new();
    let mut problems = Vec::new();
    for root in paths {
        if !root.exists() {
            return Err(MissingPath(root.clone()));
        }
        if root.is_file() {
            files.insert(root.clone());
            continue;
        }
        let walk = WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walk {
            match entry {
                Ok(e) if e.file_type().is_file() && has_article_extension(e.path()) => {
                    files.insert(e.into_path());
                }
                Ok(_) => {}
                Err(err) => {
                    let path = err.path().unwrap_or(root).display().to_string();
                    problems.push(
                        Report::plain(
                            Severity::Warning,
                            Code::InputUnreadable,
                            format!("cannot read {path}: skipped"),
                        )
                        .with_help(
                            err.io_error()
                                .map_or_else(|| err.to_string(), |e| e.to_string()),
                        ),
                    );
                }
            }
        }
    }
    let loaded: Vec<Result<Article, Report>> = files.into_par_iter().map(load_file).collect();
    let mut articles = Articles::default();
    for item in loaded {
        match item {
            Ok(article) => {
                problems.extend(article_problems(&article));
                articles.push(article);
            }
            Err(problem) => problems.push(problem),
        }
    }
    Ok(Corpus { articles, problems })
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Reads one file into an article, or says why it cannot be one.
fn load_file(path: PathBuf) -> Result<Article, Report> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(&path).map_err(|e| {
        Report::plain(
            Severity::Warning,
            Code::InputUnreadable,
            format!("cannot read {shown}: skipped"),
        )
        .with_help(e.to_string())
    })?;
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(Report::plain(
            Severity::Warning,
            Code::InputBinary,
            format!("{shown} looks like a binary file (it contains NUL bytes): skipped"),
        )
        .with_help("articles must be UTF-8 text; remove the file or move it out of the corpus"));
    }
    let (bytes, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest.to_vec(), 3),
        None => (bytes, 0),
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let good = &e.as_bytes()[..at];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        Report::plain(
            Severity::Warning,
            Code::InputNotUtf8,
            format!(
                "{shown} is not valid UTF-8 (byte 0x{:02X} at offset {}, line {line}): skipped",
                e.as_bytes()[at],
                at + bom
            ),
        )
        .with_help(format!(
            "re-encode it as UTF-8, e.g. `iconv -f latin1 -t utf-8 {shown}` if it is Latin-1"
        ))
    })?;
    let mut article = Article::new(path, text, bom);
    read_metadata(&mut article);
    Ok(article)
}

static DATE_FIRST_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*date[ \t]+(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)\b").expect("a valid regex")
});

/// Fills in metadata from front matter, or else from a ` date YYYY-MM-DD` first line.
fn read_metadata(article: &mut Article) {
    if let Some(fm) = front_matter(&article.text) {
        article.body_start = fm.body_start;
        let mut meta = Metadata::default();
        for (key, value, span) in fm.fields {
            match key.as_str() {
                "date" => {
                    if let Ok(d) = PartialDate::parse(&value) {
                        meta.date = Some((d, DateOrigin::FrontMatter));
                    } else {
                        article.bad_dates.push(span);
                    }
                }
                "source" => meta.source = Some(value),
                "url" => meta.url = Some(value),
                "title" => meta.title = Some(value),
                _ => {}
            }
        }
        article.meta = meta;
    } else if let Some(c) = DATE_FIRST_LINE.captures(&article.text) {
        let m = c.get(1).expect("group 1 always matches");
        match PartialDate::parse(m.as_str()) {
            Ok(d) => article.meta.date = Some((d, DateOrigin::DateLine)),
            Err(_) => article.bad_dates.push(m.range()),
        }
    }
}

/// Reports for an article that loaded but has something wrong in its metadata.
fn article_problems(article: &Article) -> Vec<Report> {
    let name = article.path.display().to_string();
    article
        .bad_dates
        .iter()
        .map(|span| {
            let raw = &article.text[span.clone()];
            let why = PartialDate::parse(raw.trim_matches(['"', '\'']))
                .err()
                .map_or_else(String::new, |e| e.to_string());
            Report::plain(
                Severity::Warning,
                Code::InputBadDate,
                format!("{name}: the article date `{raw}` cannot be read; the article is treated as undated"),
            )
            .with_help(format!("{why}. Write the date as YYYY, YYYY-MM or YYYY-MM-DD"))
            .with_label(&name, &article.text, span.clone(), "this date")
        })
        .collect()
}

struct FrontMatter {
    body_start: usize,
    /// Key, unquoted value, and the value's byte range in the text.
    fields: Vec<(String, String, std::ops::Range<usize>)>,
}

/// Parses a `---` block of `key: value` lines or a `+++` block of TOML.
fn front_matter(text: &str) -> Option<FrontMatter> {
    let fence = if text.starts_with("---") {
        "---"
    } else if text.starts_with("+++") {
        "+++"
    } else {
        return None;
    };
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != fence {
        return None;
    }
    let mut pos = first_end + 1;
    let mut fields = Vec::new();
    let mut block_end = None;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..end].trim_end_matches('\r');
        if line.trim_end() == fence {
            block_end = Some((pos, (end + 1).min(text.len())));
            break;
        }
        if let Some((key, value)) = line.split_once(if fence == "---" { ':' } else { '=' }) {
            let value_start = pos + key.len() + 1;
            let trimmed = value.trim();
            let lead = value.len() - value.trim_start().len();
            let span = value_start + lead..value_start + lead + trimmed.len();
            let unquoted = trimmed.trim_matches(['"', '\'']).to_string();
            fields.push((key.trim().to_lowercase(), unquoted, span));
        }
        pos = end + 1;
    }
    let (_, body_start) = block_end?;
    Some(FrontMatter { body_start, fields })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        let mut a = Article::new("t.md".into(), text.into(), 0);
        read_metadata(&mut a);
        a
    }

    #[test]
    fn yaml_front_matter_with_partial_date() {
        let a = article("---\ndate: 2022-08\nsource: Dawn\ntitle: \"A deal\"\n---\nBody here.\n");
        assert_eq!(a.date().unwrap().to_string(), "2022-08");
        assert_eq!(a.meta.source.as_deref(), Some("Dawn"));
        assert_eq!(a.meta.title.as_deref(), Some("A deal"));
        assert_eq!(a.body(), "Body here.\n");
    }

    #[test]
    fn toml_front_matter_and_crlf() {
        let a = article("+++\r\ndate = \"2025-04-17\"\r\n+++\r\nBody.\r\n");
        assert_eq!(a.date().unwrap().to_string(), "2025-04-17");
        assert_eq!(a.body(), "Body.\r\n");
    }

    #[test]
    fn scraped_first_line_date() {
        let a = article(" date 2025-04-17 ISLAMABAD – text");
        assert_eq!(a.meta.date.unwrap().1, DateOrigin::DateLine);
        assert_eq!(a.body_start, 0);
    }

    #[test]
    fn malformed_date_is_reported_at_its_value() {
        let a = article("---\ndate: 2024-02-31\n---\nBody.\n");
        assert_eq!(a.date(), None);
        let problems = article_problems(&a);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, Some(Code::InputBadDate));
        assert_eq!(a.bad_dates[0], 10..20);
    }

    #[test]
    fn unclosed_front_matter_is_body() {
        let a = article("---\ndate: 2022\nno closing fence\n");
        assert_eq!(a.date(), None);
        assert_eq!(a.body_start, 0);
    }
}
