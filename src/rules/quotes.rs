//! Straight and typographic quotes and dashes as one: a rule author types `'`, `"`
//! and `-`, and articles are written with `’`, `“”` and `–` as often as not
//! (`Pakistan’s`, `“desperate”`, `2019–2021`). Every quote in a pattern, outside a
//! class or in one, and every literal hyphen, also matches its typographic forms,
//! so that a rule says what it means whichever the article uses, and the text it
//! captures stays as the article wrote it. A `-` that makes a range in a class
//! (`[a-z]`) or turns a flag off (`(?-i)`) is syntax, and is kept.

/// The characters that count as each ASCII form: the hyphen also stands for the
/// Unicode hyphens, the figure dash, the en and em dashes and the minus sign.
const FORMS: &[(char, &str)] = &[('\'', "'‘’"), ('"', "\"“”"), ('-', "\\-‐‑‒–—−")];

/// `pattern` with each quote and literal hyphen matching its typographic forms too.
pub(super) fn with_typographic_forms(pattern: &str) -> String {
    if !pattern.contains(['\'', '"', '-']) {
        return pattern.to_string();
    }
    let mut out = String::with_capacity(pattern.len() + 16);
    // Depth of character classes (`[a[:alpha:]]` nests), and whether the previous
    // character was the start of a class, where `]` is a literal.
    let mut class = 0usize;
    let mut class_start = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        let opened = class_start;
        class_start = false;
        let quote = |c: char| FORMS.iter().find(|(q, _)| *q == c).map(|(_, forms)| *forms);
        match c {
            // Flags (`(?i-u)`, `(?-i:…)`): copied as they are.
            '(' if class == 0 && chars.peek() == Some(&'?') => {
                out.push('(');
                while let Some(&f) = chars.peek() {
                    if !(f == '?' || f == '-' || f.is_ascii_alphabetic()) {
                        break;
                    }
                    out.push(f);
                    chars.next();
                }
            }
            // In a class, a hyphen is literal only first or last.
            '-' if class > 0 && !opened && chars.peek() != Some(&']') => out.push('-'),
            '\\' => match chars.next() {
                Some(q) if quote(q).is_some() => push_quote(&mut out, quote(q), class > 0),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '[' => {
                class += 1;
                out.push('[');
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                class_start = true;
            }
            ']' if class > 0 && !opened => {
                class -= 1;
                out.push(']');
            }
            _ if quote(c).is_some() => push_quote(&mut out, quote(c), class > 0),
            _ => out.push(c),
        }
    }
    out
}

/// Writes the forms of a quote: as a class, or into the class being written.
fn push_quote(out: &mut String, forms: Option<&str>, in_class: bool) {
    let forms = forms.unwrap_or_default();
    if in_class {
        out.push_str(forms);
    } else {
        out.push('[');
        out.push_str(forms);
        out.push(']');
    }
}

#[cfg(test)]
mod tests {
    use super::with_typographic_forms as quotes;
    use regex::Regex;

    #[test]
    fn quotes_match_their_typographic_forms() {
        let re = Regex::new(&quotes(r#"Pakistan's (?P<q>"[^"]+")"#)).unwrap();
        for text in [
            "Pakistan's \"deal\"",
            "Pakistan’s “deal”",
            "Pakistan‘s ”deal“",
        ] {
            let caps = re.captures(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(caps["q"].chars().count(), 6, "{text}");
        }
        assert!(!re.is_match("Pakistans \"deal\""));
    }

    #[test]
    fn escapes_and_classes_are_kept() {
        assert_eq!(quotes(r"a\'b"), "a['‘’]b");
        assert_eq!(quotes(r"[^']"), "[^'‘’]");
        assert_eq!(quotes(r"[]']"), "[]'‘’]");
        assert_eq!(quotes(r"[[:alpha:]']x"), "[[:alpha:]'‘’]x");
        assert_eq!(quotes(r"\\'"), r"\\['‘’]");
        assert_eq!(quotes(r"\[' \d"), r"\[['‘’] \d");
        assert_eq!(quotes("no quotes"), "no quotes");
        assert_eq!(quotes("[a-z]"), "[a-z]");
        assert_eq!(quotes("(?i-u:x)(?-i)(?P<n>y)"), "(?i-u:x)(?-i)(?P<n>y)");
        let negated = Regex::new(&quotes(r"^[^']+$")).unwrap();
        assert!(!negated.is_match("Naqvi’s"));
    }

    #[test]
    fn hyphens_match_typographic_dashes() {
        let re = Regex::new(&quotes(r"(?P<a>\d{4})-(?P<b>\d{4}) [-x] [x-] Kilroy\-Silk")).unwrap();
        for text in [
            "2019-2021 - x Kilroy-Silk",
            "2019–2021 — – Kilroy‑Silk",
            "2019—2021 ‐ ‒ Kilroy−Silk",
        ] {
            assert!(re.is_match(text), "{text}");
        }
        assert!(!re.is_match("2019 2021 - - Kilroy-Silk"));
        let range = Regex::new(&quotes("^[0-9]+$")).unwrap();
        assert!(range.is_match("2019") && !range.is_match("–"));
    }
}
