//! Block elements to paragraphs: each block (`p`, `h1`–`h6`, `li`, `blockquote`,
//! a `div`'s own text…) becomes one line with its whitespace collapsed. Inside a
//! block, one `<br>` is a space and two in a row end the paragraph, as pages that
//! lay text out with `<br><br>` mean them.

use dom_query::NodeRef;

/// Elements that end the paragraph before them and start a new one.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Elements whose content is never the article's text, wherever they are.
const SKIPPED: &[&str] = &[
    "audio",
    "button",
    "canvas",
    "embed",
    "figcaption",
    "figure",
    "head",
    "iframe",
    "img",
    "input",
    "math",
    "noscript",
    "object",
    "option",
    "picture",
    "script",
    "select",
    "style",
    "svg",
    "template",
    "textarea",
    "title",
    "video",
];

/// One step of the walk: a node to read, or the end of a block.
enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave,
}

/// The paragraphs under `root`, in document order; none is empty or has spaces at
/// either end. The walk keeps its own stack, so nesting depth cannot overflow it.
pub fn paragraphs(root: &NodeRef) -> Vec<String> {
    let mut out = Builder::default();
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave => {
                out.end();
                continue;
            }
            Step::Enter(node) => node,
        };
        if node.is_text() {
            out.text(&node.text());
            continue;
        }
        if !(node.is_element() || node.is_document() || node.is_fragment()) {
            continue;
        }
        let name = node.node_name().unwrap_or_default();
        let name: &str = &name;
        if SKIPPED.contains(&name) {
            continue;
        }
        if name == "br" {
            out.br();
            continue;
        }
        if BLOCKS.contains(&name) {
            out.end();
            stack.push(Step::Leave);
        } else if matches!(name, "td" | "th") {
            // Table cells read as words apart, not run together.
            out.text(" ");
        }
        stack.extend(node.children_it(true).map(Step::Enter));
    }
    out.end();
    out.done
}

/// The characters in `paragraphs`, to compare two readings of a page.
pub fn length(paragraphs: &[String]) -> usize {
    paragraphs.iter().map(|p| p.chars().count()).sum()
}

/// Paragraphs being made: the finished ones and the one being read.
#[derive(Default)]
struct Builder {
    done: Vec<String>,
    line: String,
    /// Whether a `<br>` came last, with nothing but whitespace after it.
    after_br: bool,
}

impl Builder {
    fn text(&mut self, text: &str) {
        self.line.push_str(text);
        if !text.trim().is_empty() {
            self.after_br = false;
        }
    }

    fn br(&mut self) {
        if self.after_br {
            self.end();
        } else {
            self.line.push(' ');
            self.after_br = true;
        }
    }

    /// Ends the paragraph being read, keeping it if it has any text.
    fn end(&mut self) {
        let paragraph = collapse(&self.line);
        if !paragraph.is_empty() {
            self.done.push(paragraph);
        }
        self.line.clear();
        self.after_br = false;
    }
}

/// `text` with each run of whitespace (a no-break space included) one space, and
/// none at either end.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
