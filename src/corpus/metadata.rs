//! An article's metadata: a front-matter block, or a scraped page's ` date` first
//! line. A date that cannot be read is kept with its span, to be reported there.

use crate::article::{DateOrigin, Document, Metadata};
use crate::code::Code;
use crate::date::PartialDate;
use crate::report::{Report, Severity};
use regex::Regex;
use std::sync::LazyLock;

static DATE_FIRST_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*date[ \t]+(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)\b").expect("a valid regex")
});

/// Fills in metadata from front matter, or else from a ` date YYYY-MM-DD` first line.
pub(super) fn read_metadata(article: &mut Document) {
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
pub fn problems(article: &Document) -> Vec<Report> {
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

    fn article(text: &str) -> Document {
        let mut a = Document::new("t.md".into(), text.into(), 0, 0);
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
        let problems = super::problems(&a);
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
