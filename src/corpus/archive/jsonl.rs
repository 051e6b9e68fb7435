//! JSON Lines: one JSON object per line, as scrapers write them.

use super::{At, Value};
use std::io::{BufRead, BufReader, Read};

/// Where the records are (one per line that is not blank), and the first record's
/// bytes, to see which fields the archive has.
pub(super) fn scan(file: impl Read) -> std::io::Result<(Vec<At>, Option<Vec<u8>>)> {
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let (mut records, mut first) = (Vec::new(), None);
    let (mut offset, mut line) = (0u64, 0u32);
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        let read = reader.read_until(b'\n', &mut buffer)?;
        if read == 0 {
            break;
        }
        line += 1;
        if !buffer.iter().all(u8::is_ascii_whitespace) {
            if first.is_none() {
                first = Some(buffer.clone());
            }
            records.push(At {
                number: u32::try_from(records.len() + 1).unwrap_or(u32::MAX),
                line,
                bytes: (offset, offset + read as u64),
            });
        }
        offset += read as u64;
    }
    Ok((records, first))
}

/// The top-level keys of a record, if it is an object.
pub(super) fn keys(bytes: &[u8]) -> Vec<String> {
    fields(bytes).map_or_else(|_| Vec::new(), |f| f.into_iter().map(|(k, _)| k).collect())
}

/// A record's top-level fields, in the order written.
pub(super) fn fields(bytes: &[u8]) -> Result<Vec<(String, Value)>, String> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| format!("it is not valid JSON ({e})"))?;
    let serde_json::Value::Object(map) = value else {
        return Err("it is not a JSON object".into());
    };
    Ok(map
        .into_iter()
        .map(|(k, v)| {
            let value = match v {
                serde_json::Value::String(s) => Value::Text(s),
                serde_json::Value::Number(n) => {
                    n.as_f64().map_or(Value::Other("a number"), Value::Number)
                }
                serde_json::Value::Array(items) => {
                    let texts: Vec<String> = items
                        .into_iter()
                        .filter_map(|i| match i {
                            serde_json::Value::String(s) => Some(s),
                            _ => None,
                        })
                        .collect();
                    if texts.is_empty() {
                        Value::Other("a list")
                    } else {
                        Value::List(texts)
                    }
                }
                serde_json::Value::Null => Value::Text(String::new()),
                serde_json::Value::Bool(_) => Value::Other("true or false"),
                serde_json::Value::Object(_) => Value::Other("an object"),
            };
            (k, value)
        })
        .collect())
}
