use super::*;
use crate::article::LineCol;

fn article(text: &str) -> Document {
    let mut a = Document::new("t.md".into(), text.into(), 0, 0);
    read_metadata(&mut a);
    a
}

/// The one problem of an article: its span and reason.
fn only_problem(a: &Document) -> (Range<usize>, String) {
    assert_eq!(a.meta_problems.len(), 1, "{:?}", a.meta_problems);
    match &a.meta_problems[0] {
        MetaProblem::BadDate { span, why } | MetaProblem::BadFrontMatter { span, why, .. } => {
            (span.clone(), why.clone())
        }
        MetaProblem::BadDateField { .. } => panic!("front matter is in the text"),
    }
}

#[test]
fn yaml_front_matter_with_partial_date() {
    let a = article("---\ndate: 2022-08\nsource: Dawn\ntitle: \"A deal\"\n---\nBody here.\n");
    assert_eq!(a.date().unwrap().to_string(), "2022-08");
    assert_eq!(a.meta.source.as_deref(), Some("Dawn"));
    assert_eq!(a.meta.title.as_deref(), Some("A deal"));
    assert_eq!(a.body(), "Body here.\n");
    assert!(a.meta_problems.is_empty());
}

#[test]
fn toml_front_matter_and_crlf() {
    let a = article("+++\r\ndate = \"2025-04-17\"\r\n+++\r\nBody.\r\n");
    assert_eq!(a.date().unwrap().to_string(), "2025-04-17");
    assert_eq!(a.body(), "Body.\r\n");
}

#[test]
fn yaml_as_hugo_and_jekyll_write_it() {
    let text = "---\n\
        title: 'Talks: \"a new chapter\"'\n\
        date: 2024-05-31T10:00:00+05:00\n\
        tags:\n  - politics\n  - date: not this one\n\
        description: >\n  A summary\n  over two lines.\n\
        author:\n  - Ann Writer\n  - Bo Reporter\n\
        params:\n  date: 1999-01-01\n  url: /nested\n\
        url: https://example.org/talks\n\
        ---\nBody.\n";
    let a = article(text);
    assert!(a.meta_problems.is_empty(), "{:?}", a.meta_problems);
    assert_eq!(a.date().unwrap().to_string(), "2024-05-31");
    assert_eq!(a.meta.date.unwrap().1, DateOrigin::FrontMatter);
    assert_eq!(a.meta.title.as_deref(), Some("Talks: \"a new chapter\""));
    assert_eq!(a.meta.author.as_deref(), Some("Ann Writer, Bo Reporter"));
    assert_eq!(a.meta.url.as_deref(), Some("https://example.org/talks"));
    assert_eq!(a.body(), "Body.\n");
}

#[test]
fn yaml_quoted_multi_line_value_is_one_field() {
    let a = article(
        "---\ntitle: \"A long\n  date: 2020-01-01\n  title\"\ndate: 2025-06-02 09:30:00 +0100\n---\nBody.\n",
    );
    assert!(a.meta_problems.is_empty(), "{:?}", a.meta_problems);
    assert_eq!(
        a.meta.title.as_deref(),
        Some("A long date: 2020-01-01 title")
    );
    assert_eq!(a.date().unwrap().to_string(), "2025-06-02");
}

#[test]
fn toml_native_datetimes_tables_and_arrays() {
    let text = "+++\n\
        title = \"\"\"Talks\nin London\"\"\"\n\
        date = 2024-05-31T10:00:00+05:00\n\
        authors = [\"Ann Writer\", \"Bo Reporter\"]\n\
        tags = [\"a\", \"b\"]\n\
        [params]\n\
        date = 1999-01-01\n\
        +++\nBody.\n";
    let a = article(text);
    assert!(a.meta_problems.is_empty(), "{:?}", a.meta_problems);
    assert_eq!(a.date().unwrap().to_string(), "2024-05-31");
    assert_eq!(a.meta.title.as_deref(), Some("Talks\nin London"));
    assert_eq!(a.meta.author.as_deref(), Some("Ann Writer, Bo Reporter"));
    for (date, day) in [
        ("2024-05-31", "2024-05-31"),
        ("2024-05-31 10:00:00Z", "2024-05-31"),
        ("\"2024-05-31T23:00:00-07:00\"", "2024-05-31"),
        ("2024", "2024"),
    ] {
        let a = article(&format!("+++\ndate = {date}\n+++\n"));
        assert_eq!(a.date().unwrap().to_string(), day, "{date}");
    }
}

#[test]
fn malformed_date_is_reported_at_its_value() {
    let a = article("---\ndate: 2024-02-31\n---\nBody.\n");
    assert_eq!(a.date(), None);
    let problems = super::problems(&a);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].code, Some(Code::InputBadDate));
    assert_eq!(
        only_problem(&a),
        (10..20, "31 February 2024 does not exist".into())
    );
}

#[test]
fn malformed_datetimes_are_reported_at_line_and_column() {
    let text = "---\ntitle: A\ndate: \"2024-05-31T25:00:00+05:00\"\n---\nBody.\n";
    let a = article(text);
    let (span, why) = only_problem(&a);
    assert_eq!(&text[span.clone()], "\"2024-05-31T25:00:00+05:00\"");
    assert_eq!(a.line_col(span.start), LineCol { line: 3, column: 7 });
    assert_eq!(why, "`25:00:00+05:00` is not a time of day");
    assert_eq!(a.body(), "Body.\n");

    let text = "+++\ntitle = \"A\"\n  date   =   \"2024-13-01 10:00\"\n+++\n";
    let a = article(text);
    let (span, why) = only_problem(&a);
    assert_eq!(&text[span.clone()], "\"2024-13-01 10:00\"");
    assert_eq!(
        a.line_col(span.start),
        LineCol {
            line: 3,
            column: 14
        }
    );
    assert_eq!(why, "month 13 does not exist");
    assert_eq!(super::problems(&a)[0].code, Some(Code::InputBadDate));

    let a = article("---\ndate: [2024, 2025]\n---\n");
    assert_eq!(only_problem(&a).1, "a list is not a date");
    let a = article("+++\ndate = 10:00:00\n+++\n");
    assert_eq!(
        only_problem(&a).1,
        "`10:00:00` is a time of day without a date"
    );
}

#[test]
fn an_empty_date_is_no_date_and_no_problem() {
    for text in [
        "---\ndate:\n---\n",
        "---\ndate: ~\n---\n",
        "---\n---\nBody.\n",
    ] {
        let a = article(text);
        assert_eq!(a.date(), None, "{text}");
        assert!(a.meta_problems.is_empty(), "{text}");
    }
}

#[test]
fn invalid_yaml_is_reported_and_the_body_still_read() {
    let text = "---\ndate: 2024-05-31\ntitle: Pakistan: talks\n---\nBody.\n";
    let a = article(text);
    assert_eq!(a.date(), None, "a broken block gives no fields");
    assert_eq!(a.body(), "Body.\n");
    let (span, why) = only_problem(&a);
    assert_eq!(a.line_col(span.start).line, 3);
    assert!(why.contains("mapping values are not allowed"), "{why}");
    let problems = super::problems(&a);
    assert_eq!(problems[0].code, Some(Code::InputBadFrontMatter));
    assert!(problems[0].message.contains("not valid YAML"));

    let a = article("---\njust a line of text\n---\nBody.\n");
    assert!(
        only_problem(&a)
            .1
            .contains("not a list of `key: value` fields")
    );
    assert_eq!(a.body(), "Body.\n");
}

#[test]
fn invalid_toml_is_reported_and_the_body_still_read() {
    let text = "+++\ntitle = Talks in London\ndate = 2024-05-31\n+++\nBody.\n";
    let a = article(text);
    assert_eq!(a.date(), None);
    assert_eq!(a.body(), "Body.\n");
    let (span, why) = only_problem(&a);
    assert_eq!(a.line_col(span.start).line, 2);
    assert!(!why.is_empty());
    let problems = super::problems(&a);
    assert_eq!(problems[0].code, Some(Code::InputBadFrontMatter));
    assert!(problems[0].message.contains("not valid TOML"));
}

#[test]
fn an_impossible_native_toml_date_is_a_bad_date_not_a_broken_block() {
    let text = "+++\ntitle = \"Talks\"\ndate = 2024-02-31\n+++\nBody.\n";
    let a = article(text);
    assert_eq!(a.date(), None);
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Talks"),
        "the other fields are read"
    );
    let (span, why) = only_problem(&a);
    assert_eq!(&text[span.clone()], "2024-02-31");
    assert_eq!(a.line_col(span.start), LineCol { line: 3, column: 8 });
    assert!(why.contains("expected day between 01 and 29"), "{why}");
    assert_eq!(super::problems(&a)[0].code, Some(Code::InputBadDate));

    let a = article("+++\n[params]\ndate = 2024-02-31\n+++\n");
    let problems = super::problems(&a);
    assert_eq!(
        problems[0].code,
        Some(Code::InputBadFrontMatter),
        "not the article's date"
    );
}

#[test]
fn unclosed_front_matter_is_body() {
    let a = article("---\ndate: 2022\nno closing fence\n");
    assert_eq!(a.date(), None);
    assert_eq!(a.body_start, 0);
    assert!(a.meta_problems.is_empty());
}

#[test]
fn scraped_first_line_date() {
    let a = article(" date 2025-04-17 ISLAMABAD – text");
    assert_eq!(a.meta.date.unwrap().1, DateOrigin::DateLine);
    assert_eq!(a.body_start, 0);
}

#[test]
fn non_ascii_before_a_bad_value_keeps_its_position() {
    let text = "---\ntitle: “Pakistan–UK” talks\ndate: 31 Smarch 2024\n---\n";
    let a = article(text);
    let (span, why) = only_problem(&a);
    assert_eq!(&text[span.clone()], "31 Smarch 2024");
    assert_eq!(a.line_col(span.start), LineCol { line: 3, column: 7 });
    assert_eq!(why, "`Smarch` is not a month name");
}

proptest::proptest! {
    /// Whatever a block holds, reading it neither panics nor yields a span that
    /// reports could not slice, and the body starts after the closing fence.
    #[test]
    fn any_block_reads_and_reports_without_panicking(
        lines in proptest::collection::vec(
            r#"[ \t]{0,2}(date|title|author|tags|[a-z]{1,4})?[ \t]*[:=]?[ \t]*[-\[\]{}"'a-z0-9:+.TZ, é“”#|>&*!@~\r\t]{0,20}"#,
            0..6,
        ),
        toml in proptest::bool::ANY,
    ) {
        let fence = if toml { "+++" } else { "---" };
        proptest::prop_assume!(lines.iter().all(|l| l.trim_end() != fence));
        let text = format!("{fence}\n{}\n{fence}\nBody.\n", lines.join("\n"));
        let a = article(&text);
        proptest::prop_assert_eq!(a.body(), "Body.\n");
        for problem in &a.meta_problems {
            let (MetaProblem::BadDate { span, .. } | MetaProblem::BadFrontMatter { span, .. }) =
                problem
            else {
                panic!("front matter is in the text");
            };
            proptest::prop_assert!(span.start >= 4 && span.end <= a.body_start, "{problem:?}");
        }
        proptest::prop_assert_eq!(super::problems(&a).len(), a.meta_problems.len());
    }
}
