//! `{capture}` templates that build claim keys and values from a match.

use crate::article::Document;

/// A piece of a parsed template.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Literal(String),
    Capture(String),
    /// `{article.year}`, `{article.month}`, `{article.date}`: the article's date at
    /// that precision; a claim whose article lacks it is not made.
    ArticleDate(Precision),
}

#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Precision {
    /// The placeholder that asks for the article's date at this precision.
    pub fn placeholder(self) -> &'static str {
        match self {
            Precision::Year => "{article.year}",
            Precision::Month => "{article.month}",
            Precision::Day => "{article.date}",
        }
    }
}

/// A parsed template.
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    pub pieces: Vec<Piece>,
}

/// A template error with the byte range of the offending `{...}` inside the template.
#[derive(Debug, PartialEq)]
pub struct TemplateError {
    pub offset: usize,
    pub len: usize,
    pub kind: TemplateErrorKind,
}

/// What is wrong with a template.
#[derive(Debug, PartialEq, thiserror::Error)]
pub enum TemplateErrorKind {
    #[error("unclosed `{{` in template")]
    Unclosed,
    #[error("unknown article field `{0}` (known: article.year, article.month, article.date)")]
    UnknownArticleField(String),
    #[error("unmatched `}}` in template (write `}}}}` for a brace)")]
    UnmatchedClose,
}

impl Template {
    /// Parses `text`; `{{` and `}}` stand for literal braces.
    pub fn parse(text: &str) -> Result<Template, TemplateError> {
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '{' if chars.peek().map(|p| p.1) == Some('{') => {
                    chars.next();
                    literal.push('{');
                }
                '}' if chars.peek().map(|p| p.1) == Some('}') => {
                    chars.next();
                    literal.push('}');
                }
                '{' => {
                    let Some(close) = text[i..].find('}') else {
                        return Err(TemplateError {
                            offset: i,
                            len: text.len() - i,
                            kind: TemplateErrorKind::Unclosed,
                        });
                    };
                    let name = text[i + 1..i + close].trim();
                    if !literal.is_empty() {
                        pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                    }
                    pieces.push(match name {
                        "article.year" => Piece::ArticleDate(Precision::Year),
                        "article.month" => Piece::ArticleDate(Precision::Month),
                        "article.date" => Piece::ArticleDate(Precision::Day),
                        n if n.starts_with("article.") => {
                            return Err(TemplateError {
                                offset: i,
                                len: close + 1,
                                kind: TemplateErrorKind::UnknownArticleField(n.to_string()),
                            });
                        }
                        n => Piece::Capture(n.to_string()),
                    });
                    while chars.peek().is_some_and(|(j, _)| *j <= i + close) {
                        chars.next();
                    }
                }
                '}' => {
                    return Err(TemplateError {
                        offset: i,
                        len: 1,
                        kind: TemplateErrorKind::UnmatchedClose,
                    });
                }
                c => literal.push(c),
            }
        }
        if !literal.is_empty() {
            pieces.push(Piece::Literal(literal));
        }
        Ok(Template { pieces })
    }

    /// Capture names the template uses.
    pub fn captures(&self) -> impl Iterator<Item = &str> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Capture(n) => Some(n.as_str()),
            _ => None,
        })
    }

    /// The finest precision of the article's date the template needs, if it
    /// needs the date at all.
    pub fn article_date(&self) -> Option<Precision> {
        self.pieces
            .iter()
            .filter_map(|p| match p {
                Piece::ArticleDate(p) => Some(*p),
                _ => None,
            })
            .reduce(|a, b| if b > a { b } else { a })
    }

    /// Whether the template needs the article's date at a precision `article`
    /// lacks: then it gives nothing, whatever the match.
    pub fn lacks_date(&self, article: &Document) -> bool {
        self.article_date().is_some_and(|p| {
            let date = article.date();
            match p {
                Precision::Year => date.is_none(),
                Precision::Month => date.and_then(|d| d.month).is_none(),
                Precision::Day => date.and_then(|d| d.day).is_none(),
            }
        })
    }

    /// The single capture the template consists of, if it is exactly one.
    pub fn sole_capture(&self) -> Option<&str> {
        match self.pieces.as_slice() {
            [Piece::Capture(n)] => Some(n),
            _ => None,
        }
    }

    /// Fills the template, each capture's text as `capture` gives it (`None` where
    /// it did not take part) given to `lookup`; `None` when `lookup` gives nothing
    /// for one, or the article lacks the date precision asked for.
    pub fn render<'h>(
        &self,
        capture: &dyn Fn(&str) -> Option<&'h str>,
        article: &Document,
        lookup: impl Fn(&str, Option<&str>) -> Option<String>,
    ) -> Option<String> {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Literal(s) => out.push_str(s),
                Piece::Capture(n) => out.push_str(&lookup(n, capture(n))?),
                Piece::ArticleDate(p) => {
                    let d = article.date()?;
                    let s = match p {
                        Precision::Year => format!("{:04}", d.year),
                        Precision::Month => format!("{:04}-{:02}", d.year, d.month?),
                        Precision::Day => format!("{:04}-{:02}-{:02}", d.year, d.month?, d.day?),
                    };
                    out.push_str(&s);
                }
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_captures_literals_and_article_fields() {
        let t = Template::parse("{office} / holder in {article.month} {{x}}").unwrap();
        assert_eq!(
            t.pieces,
            vec![
                Piece::Capture("office".into()),
                Piece::Literal(" / holder in ".into()),
                Piece::ArticleDate(Precision::Month),
                Piece::Literal(" {x}".into()),
            ]
        );
        assert_eq!(
            Template::parse("{date}").unwrap().sole_capture(),
            Some("date")
        );
    }

    #[test]
    fn reports_where_a_template_breaks() {
        let e = Template::parse("abc {article.week}").unwrap_err();
        assert_eq!((e.offset, e.len), (4, 14));
        assert_eq!(
            e.kind.to_string(),
            "unknown article field `article.week` (known: article.year, article.month, article.date)"
        );
        assert_eq!(
            Template::parse("a {b").unwrap_err().kind.to_string(),
            "unclosed `{` in template"
        );
        assert_eq!(
            Template::parse("a } b").unwrap_err().kind.to_string(),
            "unmatched `}` in template (write `}}` for a brace)"
        );
        assert_eq!(Template::parse("a {b").unwrap_err().offset, 2);
        assert_eq!(Template::parse("a } b").unwrap_err().offset, 2);
    }
}
