//! YAML front matter (`---`), read from `saphyr-parser`'s events: every event
//! carries its span, so a value is found exactly where it is written, however it
//! is quoted or folded over lines. Scalars are kept as written text: YAML's own
//! typing (`2024` an integer, `2024-05-31` a timestamp) is left to the fields that
//! read them.

use super::{Field, Syntax, Value, byte_of_char};
use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError, Span};
use std::ops::Range;

type Events<'a> = Parser<'a, saphyr_parser::StrInput<'a>>;

/// The top-level fields of a block, or why the block is not YAML, or not a mapping.
pub(super) fn fields(block: &str) -> Result<Vec<Field>, Syntax> {
    let mut events = Parser::new_from_str(block);
    let syntax = |e: ScanError| Syntax {
        span: point(block, e.marker()),
        why: e.info().to_string(),
    };
    let mut fields = Vec::new();
    loop {
        let (event, span) = next(&mut events).map_err(syntax)?;
        match event {
            Event::StreamStart | Event::DocumentStart(_) | Event::Nothing => {}
            Event::MappingStart(..) => {
                mapping(&mut events, block, &mut fields).map_err(syntax)?;
                // Whatever follows must parse too: a block is valid whole or not at all.
                while !matches!(next(&mut events).map_err(syntax)?.0, Event::StreamEnd) {}
                return Ok(fields);
            }
            Event::Scalar(ref text, ScalarStyle::Plain, ..) if is_null(text) => {}
            Event::StreamEnd => return Ok(fields),
            Event::DocumentEnd => {}
            _ => {
                return Err(Syntax {
                    span: range(block, span),
                    why: "it is not a list of `key: value` fields".into(),
                });
            }
        }
    }
}

/// Reads the entries of the top-level mapping, its `MappingStart` already read.
fn mapping(events: &mut Events, block: &str, fields: &mut Vec<Field>) -> Result<(), ScanError> {
    loop {
        let (event, _) = next(events)?;
        let key = match event {
            Event::MappingEnd => return Ok(()),
            Event::Scalar(key, ..) => Some(key.to_lowercase()),
            // A list or table as a key (`? [a, b]`) names no field of ours.
            other => {
                skip(events, &other)?;
                None
            }
        };
        let (event, span) = next(events)?;
        let value = value(events, event)?;
        if let Some(key) = key {
            fields.push(Field {
                key,
                value,
                span: range(block, span),
            });
        }
    }
}

/// A value node, its first event already read; nested nodes are read through.
fn value(events: &mut Events, first: Event) -> Result<Value, ScanError> {
    Ok(match first {
        Event::Scalar(text, ScalarStyle::Plain, ..) if is_null(&text) => Value::Null,
        Event::Scalar(text, ..) => Value::Text(text.into_owned()),
        Event::SequenceStart(..) => {
            let mut items = Vec::new();
            loop {
                match next(events)?.0 {
                    Event::SequenceEnd => break,
                    Event::Scalar(text, ..) => items.push(text.into_owned()),
                    other => skip(events, &other)?,
                }
            }
            Value::List(items)
        }
        other => {
            skip(events, &other)?;
            Value::Other("a table")
        }
    })
}

/// Reads through the rest of a node that began with `first`.
fn skip(events: &mut Events, first: &Event) -> Result<(), ScanError> {
    let mut depth = usize::from(matches!(
        first,
        Event::SequenceStart(..) | Event::MappingStart(..)
    ));
    while depth > 0 {
        match next(events)?.0 {
            Event::SequenceStart(..) | Event::MappingStart(..) => depth += 1,
            Event::SequenceEnd | Event::MappingEnd => depth -= 1,
            _ => {}
        }
    }
    Ok(())
}

/// The next event; the end of the input where the parser has none left, which
/// cannot happen before `StreamEnd` in a block that parses.
fn next<'a>(events: &mut Events<'a>) -> Result<(Event<'a>, Span), ScanError> {
    events
        .next_event()
        .unwrap_or(Ok((Event::StreamEnd, Span::empty(Marker::new(0, 1, 0)))))
}

/// YAML's null: an empty plain value, `~` or `null`.
fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

/// A span as a byte range of `block`.
fn range(block: &str, span: Span) -> Range<usize> {
    byte_of_char(block, span.start.index())..byte_of_char(block, span.end.index())
}

/// The character at a marker, as a byte range (empty at the end of a line or of
/// the block), for an error the parser reports at one place.
fn point(block: &str, marker: &Marker) -> Range<usize> {
    let start = byte_of_char(block, marker.index());
    let width = block[start..]
        .chars()
        .next()
        .filter(|c| !matches!(c, '\r' | '\n'))
        .map_or(0, char::len_utf8);
    start..start + width
}
