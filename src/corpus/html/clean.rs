//! The site's chrome taken off a page before its text is read, and the element the
//! page marks as its article.
//!
//! An element goes when its tag is chrome (`nav`, `header`, `footer`, `aside`,
//! `form`…), its role is, or a word of its class or id names a menu, share bar,
//! cookie banner, related list, ad and the like. A guard keeps the story: the
//! article container and everything around it stay (an ASP.NET page wraps the
//! whole body in a `<form>`, some themes put `has-share-bar` on the page wrapper);
//! on a page with no container, an element holding most of the page's text stays
//! unless it is mostly links (a mega-menu is long, but it is links). With a
//! container, a long comment thread next to a short report still goes.

use dom_query::{Document, NodeId, NodeRef};
use std::collections::HashSet;

/// Elements removed whatever they hold: never text a reader sees.
const NEVER_TEXT: &str = "script, style, noscript, template, svg, iframe, object, embed";

/// Elements that are chrome by tag or role, removed unless a guard keeps them.
const CHROME: &str = "nav, header, footer, aside, form, button, figure, figcaption, dialog, \
    menu, select, textarea, [hidden], [aria-hidden=true], [role=navigation], \
    [role=banner], [role=contentinfo], [role=complementary], [role=dialog], \
    [role=alertdialog], [role=menu], [role=menubar], [role=search], [role=toolbar]";

/// Words that make an element chrome when a part of its class or id (split at `-`
/// and `_`) is one of them.
const CHROME_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adslot",
    "advert",
    "advertisement",
    "alert",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "gdpr",
    "masthead",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "paywall",
    "popup",
    "promo",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsored",
    "subscribe",
    "taboola",
    "tags",
    "toolbar",
    "trending",
];

/// Pieces that make an element chrome when a part of its class or id contains one
/// (`sharebar`, `socialicons`, `mostread`).
const CHROME_PIECES: &[&str] = &[
    "advert",
    "breadcrumb",
    "cookie",
    "mostread",
    "newsletter",
    "related",
    "share",
    "sidebar",
    "social",
    "sponsor",
];

/// The element the page marks as its article: `[itemprop=articleBody]`, else the
/// `<article>` with the most text (teasers in a sidebar are `<article>`s too), else
/// `<main>`, else `[role=main]`.
pub fn container(doc: &Document) -> Option<NodeRef<'_>> {
    for selector in ["[itemprop=articleBody]", "article", "main", "[role=main]"] {
        let best = doc
            .select(selector)
            .nodes()
            .iter()
            .map(|node| (node.text().trim().len(), *node))
            .filter(|(len, _)| *len > 0)
            // The first of equals, for the same answer on every run.
            .reduce(|best, next| if next.0 > best.0 { next } else { best });
        if let Some((_, node)) = best {
            return Some(node);
        }
    }
    None
}

/// Removes the page's chrome (see the module documentation).
pub fn strip(doc: &Document) {
    doc.select(NEVER_TEXT).remove();
    let article = container(doc);
    let kept: HashSet<NodeId> = article
        .iter()
        .flat_map(|node| node.ancestors(None).into_iter().chain([*node]))
        .map(|node| node.id)
        .collect();
    // Without a container, a big enough block is kept as the story.
    let page_len = match article {
        Some(_) => usize::MAX,
        None => doc.body().map_or(0, |body| body.text().len()),
    };
    let chrome = doc.select(CHROME);
    let named = doc.select("[class], [id]");
    let doomed: Vec<NodeRef> = chrome
        .nodes()
        .iter()
        .chain(named.nodes().iter().filter(|node| chrome_named(node)))
        .filter(|node| !kept.contains(&node.id) && !holds_the_page(node, page_len))
        .copied()
        .collect();
    for node in doomed {
        node.remove_from_parent();
    }
}

/// Whether a word of `node`'s class or id names chrome.
fn chrome_named(node: &NodeRef) -> bool {
    let names = [node.attr("class"), node.attr("id")];
    names
        .iter()
        .flatten()
        .flat_map(|value| value.split_whitespace())
        .flat_map(|word| word.split(['-', '_']))
        .map(str::to_ascii_lowercase)
        .any(|part| {
            CHROME_WORDS.contains(&part.as_str())
                || CHROME_PIECES.iter().any(|piece| part.contains(piece))
        })
}

/// Whether `node` holds more than half the page's text and is not mostly links.
fn holds_the_page(node: &NodeRef, page_len: usize) -> bool {
    let len = node.text().len();
    if len <= page_len / 2 {
        return false;
    }
    let links: usize = node
        .descendants_it()
        .filter(|n| n.node_name().as_deref() == Some("a"))
        .map(|a| a.text().len())
        .sum();
    2 * links < len
}
