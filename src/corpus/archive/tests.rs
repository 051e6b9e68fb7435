use super::*;

fn at(n: u32, line: u32, bytes: (u64, u64)) -> (u32, u32, (u64, u64)) {
    (n, line, bytes)
}

fn places(records: &[At]) -> Vec<(u32, u32, (u64, u64))> {
    records
        .iter()
        .map(|r| at(r.number, r.line, r.bytes))
        .collect()
}

#[test]
fn json_lines_are_found_past_blank_lines_with_their_lines_and_bytes() {
    let text = "{\"text\": \"a\"}\n\n  \n{\"text\": \"b\"}\r\n{\"text\": \"c\"}";
    let (records, first) = jsonl::scan(text.as_bytes()).unwrap();
    assert_eq!(
        places(&records),
        [at(1, 1, (0, 14)), at(2, 4, (18, 33)), at(3, 5, (33, 46))]
    );
    assert_eq!(first.as_deref(), Some(&b"{\"text\": \"a\"}\n"[..]));
    for r in &records {
        let bytes = &text.as_bytes()[r.bytes.0 as usize..r.bytes.1 as usize];
        assert!(jsonl::fields(bytes).is_ok());
    }
}

#[test]
fn csv_rows_with_quoted_line_breaks_are_found_where_they_start() {
    let text = "id,body\na,\"one\n\ntwo\"\nb,three\n";
    let (header, found) = csv::scan(text.as_bytes(), text.as_bytes()).unwrap();
    assert_eq!(header, ["id", "body"]);
    let (records, _) = found.unwrap();
    assert_eq!(places(&records), [at(1, 2, (8, 21)), at(2, 5, (21, 29))]);
    let bytes = &text.as_bytes()[8..21];
    assert_eq!(
        csv::fields(&header, bytes).unwrap(),
        [
            ("id".to_string(), Value::Text("a".into())),
            ("body".to_string(), Value::Text("one\n\ntwo".into()))
        ]
    );
    assert!(csv::scan(&b""[..], &b""[..]).is_err());
    let crlf = "id,body\r\na,\"one\n\ntwo\"\r\nb,three\r\n";
    let (_, found) = csv::scan(crlf.as_bytes(), crlf.as_bytes()).unwrap();
    let lines: Vec<u32> = found.unwrap().0.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 5]);
}

fn archive(format: Format) -> Archive {
    Archive {
        format,
        fields: Arc::new(Fields::default()),
        header: Vec::new(),
    }
}

#[test]
fn a_record_becomes_an_article_with_its_metadata() {
    let bytes = br#"{"ID": 17, "Headline": "Talks", "published": 1749600000000, "body": ["One.", "Two."], "authors": ["A", "B"]}"#;
    let at = At {
        number: 3,
        line: 9,
        bytes: (100, 200),
    };
    let doc = document(Path::new("n.jsonl"), &archive(Format::Jsonl), &at, bytes).unwrap();
    assert_eq!(doc.text, "One.\n\nTwo.");
    assert_eq!(doc.name(), "n.jsonl#17");
    assert_eq!(doc.meta.title.as_deref(), Some("Talks"));
    assert_eq!(doc.meta.author.as_deref(), Some("A, B"));
    assert_eq!(
        doc.date().map(|d| d.to_string()).as_deref(),
        Some("2025-06-11")
    );
    let Form::Record(record) = &doc.form else {
        panic!("a record")
    };
    assert_eq!(
        (record.number, record.line, record.field.as_str()),
        (3, 9, "body")
    );
    let again = reread(Path::new("n.jsonl"), record, bytes, &Fields::default()).unwrap();
    assert_eq!(
        (&again.text, &again.meta.title, &again.form),
        (&doc.text, &doc.meta.title, &doc.form)
    );
}

#[test]
fn a_record_without_an_id_is_named_by_its_line() {
    let at = At {
        number: 1,
        line: 4,
        bytes: (0, 1),
    };
    let doc = document(
        Path::new("n.jsonl"),
        &archive(Format::Jsonl),
        &at,
        br#"{"text": "x", "date": "2024-05-31T10:00:00+05:00"}"#,
    )
    .unwrap();
    assert_eq!(doc.name(), "n.jsonl#L4");
    assert_eq!(
        doc.date().map(|d| d.to_string()).as_deref(),
        Some("2024-05-31")
    );
    let bad = document(
        Path::new("n.jsonl"),
        &archive(Format::Jsonl),
        &at,
        br#"{"text": 12}"#,
    )
    .unwrap_err();
    assert!(
        bad.message.contains("`text` is a number"),
        "{}",
        bad.message
    );
}
