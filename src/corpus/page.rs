//! HTML pages as articles: the page's main text ([`super::html`]) is the article's
//! text, and what the page says of itself (its date, title, byline, address) its
//! metadata. Spans index that text, which is what excerpts show.

use super::front_matter::parse_date;
use super::html;
use crate::article::{DateOrigin, Document, Form, MetaProblem, Metadata};
use std::path::Path;

/// Whether a file is read as an HTML page, by its extension.
pub(super) fn is_page(path: &Path) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| x.eq_ignore_ascii_case("html") || x.eq_ignore_ascii_case("htm"))
}

/// A page's text: UTF-8 (a byte-order mark dropped), else in the encoding its
/// `<meta charset>` declares, else Windows-1252, as browsers read undeclared
/// pages; bytes the encoding lacks become U+FFFD.
pub(super) fn decoded(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_lowercase();
    let declared = head.find("charset=").and_then(|at| {
        let label: String = head[at + "charset=".len()..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        encoding_rs::Encoding::for_label(label.as_bytes())
    });
    let encoding = declared.unwrap_or(encoding_rs::WINDOWS_1252);
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The article an HTML page holds. `fingerprint` is the hash of the file's bytes.
pub(super) fn document(path: &Path, source: &str, fingerprint: u64) -> Document {
    let page = html::page(source);
    let mut document = Document::new(path.to_path_buf(), page.text, 0, fingerprint);
    document.form = Form::Page;
    document.meta = Metadata {
        date: None,
        source: page.source,
        url: page.url,
        title: page.title,
        author: page.author,
    };
    if let Some(raw) = page.date {
        match parse_date(&raw) {
            Ok(date) => document.meta.date = Some((date, DateOrigin::FrontMatter)),
            Err(why) => document.meta_problems.push(MetaProblem::BadDateField {
                field: "the page's metadata".into(),
                raw,
                why,
            }),
        }
    }
    document
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_its_main_text_with_its_date() {
        let html = r#"<html><head><meta property="article:published_time" content="2024-05-31T10:00:00+05:00">
            <title>Talks</title></head><body><nav><a href="/">Home</a></nav>
            <article><h1>Talks</h1><p>Mohsin Naqvi met James Cleverly.</p></article></body></html>"#;
        let doc = document(Path::new("a.html"), html, 7);
        assert_eq!(doc.text, "Talks\n\nMohsin Naqvi met James Cleverly.");
        assert_eq!(
            doc.date().map(|d| d.to_string()).as_deref(),
            Some("2024-05-31")
        );
        assert_eq!(
            (&doc.form, doc.fingerprint, doc.name()),
            (&Form::Page, 7, "a.html".to_string())
        );
        let bad = document(
            Path::new("b.htm"),
            r#"<meta name="date" content="soon"><p>Text.</p>"#,
            0,
        );
        assert!(bad.date().is_none());
        assert!(
            matches!(&bad.meta_problems[..], [MetaProblem::BadDateField { raw, .. }] if raw == "soon")
        );
        assert!(is_page(Path::new("x/A.HTM")) && !is_page(Path::new("x.txt")));
    }

    #[test]
    fn pages_in_other_encodings_are_read_as_they_declare() {
        let latin = b"<meta charset=\"iso-8859-1\"><p>Caf\xe9 owner Ren\xe9e M\xfcller</p>";
        assert!(decoded(latin).contains("Café owner Renée Müller"));
        let undeclared = b"<p>\x93Quoted\x94 and caf\xe9</p>";
        assert_eq!(decoded(undeclared), "<p>“Quoted” and café</p>");
        let utf8 = "<p>Café</p>".as_bytes();
        assert_eq!(decoded(utf8), "<p>Café</p>");
        let http_equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcc\xee\xf1\xea\xe2\xe0</p>";
        assert!(decoded(http_equiv).contains("Москва"));
    }
}
