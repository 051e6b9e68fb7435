//! A page's metadata: date, author, canonical URL, site name and headline, from its
//! `<meta>` tags (Open Graph, Dublin Core, schema.org microdata), its JSON-LD, and
//! the markup of the article (`<h1>`, `<time>`, `rel=author`). Values are kept as
//! the page writes them, whitespace collapsed; an empty one counts as absent.

use super::text::collapse;
use dom_query::{Document, NodeRef};
use serde_json::Value;

/// What the page says about itself.
#[derive(Debug, Default)]
pub struct Meta {
    pub date: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    og_title: Option<String>,
    title: Option<String>,
}

/// `<meta>` keys for the publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
];

/// Where the article's own markup sits, for its `<time>` and `<h1>`.
const ARTICLE: &str = "article, main, [role=main], [itemprop=articleBody]";

/// Reads the metadata of `doc`, which must not have been cleaned yet.
pub fn read(doc: &Document) -> Meta {
    let metas = metas(doc);
    let find = |keys: &[&str]| {
        keys.iter()
            .find_map(|key| metas.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
    };
    let json_ld = json_ld(doc);
    let from_json = |key: &str| json_ld.iter().find_map(|v| find_key(v, key)).and_then(name);
    let date = find(DATE_KEYS)
        .or_else(|| from_json("datePublished"))
        .or_else(|| time_in_article(doc));
    let author = find(&["author"])
        .or_else(|| find(&["article:author"]).filter(|a| !is_link(a)))
        .or_else(|| from_json("author"))
        .or_else(|| first_text(doc, "a[rel~=author]"))
        .or_else(|| first_text(doc, "[itemprop=author] [itemprop=name], [itemprop=author]"));
    let url = doc
        .select("link[rel~=canonical]")
        .nodes()
        .iter()
        .find_map(|link| attr(link, "href"))
        .or_else(|| find(&["og:url"]));
    let source = find(&["og:site_name"]).or_else(|| from_json("publisher"));
    Meta {
        date,
        author,
        url,
        source,
        og_title: find(&["og:title"]),
        title: first_text(doc, "title"),
    }
}

/// The headline: the article's `<h1>`, else the first `<h1>` outside the site's
/// chrome, else `og:title`, else `<title>`; a title's `" - Site"` or `" | Site"`
/// suffix goes when it names the site.
pub fn headline(doc: &Document, meta: &Meta) -> Option<String> {
    let h1s = doc.select("h1");
    let nonempty = || {
        h1s.nodes()
            .iter()
            .map(|h1| (h1, collapse(&h1.text())))
            .filter(|(_, text)| !text.is_empty())
    };
    let in_article = nonempty().find(|(h1, _)| inside(h1, ARTICLE));
    let outside_chrome =
        || nonempty().find(|(h1, _)| !inside(h1, "header, nav, footer, aside, form"));
    if let Some((_, text)) = in_article.or_else(outside_chrome) {
        return Some(text);
    }
    let titled = meta.og_title.as_ref().or(meta.title.as_ref())?;
    Some(strip_site(titled, meta.source.as_deref()))
}

/// `title` less a suffix that names `site` after a separator.
fn strip_site(title: &str, site: Option<&str>) -> String {
    let Some(site) = site else {
        return title.to_string();
    };
    for separator in [" - ", " | ", " – ", " — "] {
        if let Some(head) = title
            .strip_suffix(site)
            .and_then(|rest| rest.strip_suffix(separator))
            .filter(|head| !head.trim().is_empty())
        {
            return head.trim().to_string();
        }
    }
    title.to_string()
}

/// Whether an ancestor of `node` matches `selector`.
fn inside(node: &NodeRef, selector: &str) -> bool {
    node.ancestors_it(None)
        .any(|a| a.is_element() && a.is(selector))
}

/// Every `<meta>` as (key lower-cased, content), once for each of its `property`,
/// `name` and `itemprop`; in page order.
fn metas(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for node in doc.select("meta[content]").nodes() {
        let Some(content) = attr(node, "content") else {
            continue;
        };
        for key in ["property", "name", "itemprop"] {
            if let Some(key) = node.attr(key) {
                out.push((key.trim().to_ascii_lowercase(), content.clone()));
            }
        }
    }
    out
}

/// The page's JSON-LD blocks that parse.
fn json_ld(doc: &Document) -> Vec<Value> {
    doc.select(r#"script[type="application/ld+json"]"#)
        .nodes()
        .iter()
        .filter_map(|script| serde_json::from_str(&script.text()).ok())
        .collect()
}

/// The first value under `key` in `value`, searching depth first (`@graph` arrays
/// and nested objects included). serde_json's recursion limit bounds the depth.
fn find_key<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    match value {
        Value::Object(map) => map
            .get(key)
            .or_else(|| map.values().find_map(|v| find_key(v, key))),
        Value::Array(items) => items.iter().find_map(|v| find_key(v, key)),
        _ => None,
    }
}

/// A JSON-LD value as a name: a string, an object's `name`, or an array's first.
fn name(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(collapse(s)).filter(|s| !s.is_empty()),
        Value::Object(map) => map.get("name").and_then(name),
        Value::Array(items) => items.iter().find_map(name),
        _ => None,
    }
}

/// The `datetime` of the first `<time>` in the article, or of an element marked
/// `itemprop=datePublished`.
fn time_in_article(doc: &Document) -> Option<String> {
    let times = doc.select("time[datetime]");
    let found = times.nodes().iter().find(|t| inside(t, ARTICLE));
    found.and_then(|t| attr(t, "datetime")).or_else(|| {
        doc.select("[itemprop=datePublished]")
            .nodes()
            .iter()
            .find_map(|n| attr(n, "datetime").or_else(|| attr(n, "content")))
    })
}

/// The collapsed text of the first element matching `selector` that has any.
fn first_text(doc: &Document, selector: &str) -> Option<String> {
    doc.select(selector)
        .nodes()
        .iter()
        .map(|n| collapse(&n.text()))
        .find(|t| !t.is_empty())
}

/// `node`'s attribute `name`, collapsed, if not empty.
fn attr(node: &NodeRef, name: &str) -> Option<String> {
    node.attr(name)
        .map(|v| collapse(&v))
        .filter(|v| !v.is_empty())
}

/// Whether an author value is a link to a profile rather than a name.
fn is_link(value: &str) -> bool {
    value.starts_with("http://") || value.starts_with("https://")
}
