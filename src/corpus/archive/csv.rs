//! CSV: a header row naming the columns, then one article per row. Fields may be
//! quoted and hold line breaks, so records are found by a real CSV reader.

use super::{At, Value};
use std::io::{BufReader, Read};

/// The header row and where the records are (with the first record's bytes, for
/// symmetry with JSON Lines: a CSV archive's fields are its header).
pub(super) type Scanned = (Vec<String>, std::io::Result<(Vec<At>, Option<Vec<u8>>)>);

/// The header and the records of a CSV archive; an error if it has no header.
/// Records' lines are counted afresh in `again` (the same bytes): the reader's own
/// count differs from an editor's where rows end in CRLF and fields hold breaks.
pub(super) fn scan(file: impl Read, again: impl Read) -> Result<Scanned, String> {
    let mut reader = reader(true, BufReader::with_capacity(1 << 16, file));
    let header = header_of(&mut reader)?;
    let mut records = Vec::new();
    let mut record = csv::ByteRecord::new();
    let result = loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break Ok(()),
            Ok(true) => {
                let Some(start) = record.position() else {
                    continue;
                };
                let end = reader.position().byte();
                records.push(At {
                    number: u32::try_from(records.len() + 1).unwrap_or(u32::MAX),
                    line: 0,
                    bytes: (start.byte(), end),
                });
            }
            Err(e) => break Err(std::io::Error::other(e.to_string())),
        }
    };
    let result = result.and_then(|()| number_lines(again, &mut records));
    Ok((header, result.map(|()| (records, None))))
}

/// Sets each record's line: one more than the line breaks before its first byte.
/// After a CRLF row end the reader starts the next record at the `\n`; the
/// record starts after it.
fn number_lines(mut bytes: impl Read, records: &mut [At]) -> std::io::Result<()> {
    let mut buffer = vec![0; 1 << 16];
    let (mut offset, mut breaks) = (0u64, 0u32);
    let mut records = records.iter_mut().peekable();
    loop {
        let read = bytes.read(&mut buffer)?;
        let chunk = &buffer[..read];
        while let Some(r) = records.next_if(|r| r.bytes.0 < offset + read as u64 || read == 0) {
            let within = usize::try_from(r.bytes.0.saturating_sub(offset))
                .unwrap_or(read)
                .min(read);
            r.line = breaks + memchr::memchr_iter(b'\n', &chunk[..within]).count() as u32 + 1;
            if chunk.get(within) == Some(&b'\n') {
                r.line += 1;
                r.bytes.0 += 1;
            }
        }
        if read == 0 {
            return Ok(());
        }
        breaks += memchr::memchr_iter(b'\n', chunk).count() as u32;
        offset += read as u64;
    }
}

fn reader<R: Read>(headers: bool, from: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(headers)
        .flexible(true)
        .from_reader(from)
}

fn header_of<R: Read>(reader: &mut csv::Reader<R>) -> Result<Vec<String>, String> {
    let header = reader
        .headers()
        .map_err(|e| format!("its header row cannot be read: {e}"))?;
    if header.is_empty() {
        return Err("it has no header row naming its columns".into());
    }
    Ok(header.iter().map(|h| h.trim().to_string()).collect())
}

/// The header row of a CSV archive, read again.
pub(super) fn header(file: impl Read) -> Result<Vec<String>, String> {
    header_of(&mut reader(true, BufReader::new(file)))
}

/// A row's fields, named by the header.
pub(super) fn fields(header: &[String], bytes: &[u8]) -> Result<Vec<(String, Value)>, String> {
    let mut reader = reader(false, bytes);
    let mut record = csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) => Ok(header
            .iter()
            .zip(record.iter())
            .map(|(k, v)| (k.clone(), Value::Text(v.to_string())))
            .collect()),
        Ok(false) => Err("it is empty".into()),
        Err(e) => Err(format!("it is not a CSV row ({e})")),
    }
}
