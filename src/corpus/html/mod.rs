//! Reading an HTML news page: the article's main text and its metadata, with the
//! site's navigation, banners, share buttons, related links and scripts left out.
//!
//! The main text comes from one of two readers, chosen per page:
//!
//! - The page's own article container (`[itemprop=articleBody]`, the longest
//!   `<article>`, `<main>`, `[role=main]`), read block by block. Most news sites
//!   mark their story this way, and then the container holds every paragraph of it.
//!   It is taken whenever it holds at least half as much text as Readability finds.
//! - [`dom_smoothie`], a port of Mozilla's Readability (the Firefox reader view),
//!   for the rest: pages with no such markup (`<div id="content">` soup, older
//!   sites), or whose `<article>` is a teaser while the story sits elsewhere.
//!   Readability scores blocks by text, commas and link density, so it finds the
//!   story where a container rule can only fall back to the whole `<body>`. It is
//!   not the first choice on marked-up pages because its cleaning drops what a
//!   fact-checker needs: a short paragraph without a full stop ("Fourth"), a list,
//!   a table; a lost paragraph costs more here than a kept subheading. It is the
//!   only maintained Rust port that follows readability.js closely, and its DOM
//!   crate ([`dom_query`]) sits on the same html5ever/selectors stack `scraper`
//!   would bring, so it adds 33 crates (itself included), most of them that stack,
//!   and no C code: about 23 s of CPU (+12%) on a clean release build.
//!   When it finds nothing, the container, else the `<body>`, is read.
//!
//! Both read the page after `clean::strip` has removed the site's chrome
//! (`nav`, `header`, `footer`, `aside`, forms, scripts, styles, figures, and blocks
//! whose class or id names a menu, share bar, cookie banner, related list, ad…),
//! so a short wire report, which Readability re-reads with its cleaning turned off,
//! does not pick the menus up. Paragraphs are then made by `text::paragraphs` in
//! one way for both, so that the text has one shape whatever found it.
//!
//! Metadata (`meta`) is read from the untouched page first, since the byline and
//! its `<time>` are chrome to the text but facts to the metadata.
//!
//! Nothing here panics on malformed HTML: html5ever repairs any input the way a
//! browser does, this module's walks are iterative (no stack depth to exhaust),
//! Readability, which recurses, is not given a page nested deeper than
//! `MAX_READABILITY_DEPTH` (256), and the output is a pure function of the input.

mod clean;
mod meta;
mod text;

#[cfg(test)]
mod tests;

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

/// What a page says, read from its HTML.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    /// The main text: the headline first (if any) then the paragraphs, each
    /// paragraph one line, paragraphs separated by a blank line (`"\n\n"`);
    /// whitespace inside a paragraph collapsed to single spaces (a no-break space
    /// is a space); HTML entities decoded.
    pub text: String,
    /// The headline: the article's `<h1>`, else `og:title`, else `<title>` (less a
    /// `" - Site"` or `" | Site"` suffix naming `og:site_name`).
    pub title: Option<String>,
    /// The publication date as the page writes it, e.g.
    /// `"2024-05-31T10:00:00+05:00"`: the caller parses it.
    pub date: Option<String>,
    pub author: Option<String>,
    /// The canonical link, else `og:url`.
    pub url: Option<String>,
    /// The publication's name: `og:site_name`, else the JSON-LD publisher's name.
    pub source: Option<String>,
}

/// Reads `html` as a news page. Any input gives a page; one with no readable text
/// and no headline gives an empty `text`.
pub fn page(html: &str) -> Page {
    let doc = Document::from(html);
    let meta = meta::read(&doc);
    let title = meta::headline(&doc, &meta);
    clean::strip(&doc);
    let container = clean::container(&doc);
    let marked = container.is_some();
    let own = container
        .or_else(|| doc.body())
        .map(|node| text::paragraphs(&node))
        .unwrap_or_default();
    let readable = if depth(&doc.root()) <= MAX_READABILITY_DEPTH {
        readability(doc)
    } else {
        Vec::new()
    };
    let mut paragraphs =
        if readable.is_empty() || (marked && 2 * text::length(&own) >= text::length(&readable)) {
            own
        } else {
            readable
        };
    if let Some(headline) = &title {
        if paragraphs.first() != Some(headline) {
            paragraphs.insert(0, headline.clone());
        }
    }
    Page {
        text: paragraphs.join("\n\n"),
        title,
        date: meta.date,
        author: meta.author,
        url: meta.url,
        source: meta.source,
    }
}

/// The deepest nesting Readability is given. Its walks recurse and cost the square of
/// the depth: 20,000 nested `<div>`s overflow a test thread's stack. News pages nest
/// 15 to 60 deep; a page deeper than this is read from its container alone.
const MAX_READABILITY_DEPTH: usize = 256;

/// How deep the tree under `root` nests, counted without recursing.
fn depth(root: &NodeRef) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(*root, 0)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        stack.extend(node.children_it(false).map(|child| (child, depth + 1)));
    }
    deepest
}

/// The paragraphs of what Readability takes for the article, or none if it finds
/// nothing.
fn readability(doc: Document) -> Vec<String> {
    let config = Config {
        // The metadata is read by `meta`, from the page before cleaning.
        disable_json_ld: true,
        ..Config::default()
    };
    let Ok(mut reader) = Readability::with_document(doc, None, Some(config)) else {
        return Vec::new();
    };
    match reader.parse() {
        Ok(article) => {
            let content = Document::from(article.content);
            text::paragraphs(&content.root())
        }
        Err(_) => Vec::new(),
    }
}
