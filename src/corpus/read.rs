//! Reading an article: a file's bytes as UTF-8 text with its metadata, an HTML
//! page's main text, or a record of an archive; and reading it again for a
//! printer, refusing one that is no longer what was checked.

use super::{Fields, Input, archive, front_matter, page};
use crate::article::{Article, Document, Form};
use crate::code::Code;
use crate::report::{Report, Severity};
use std::path::Path;

/// A fast hash of a file's bytes: enough to tell that a file changed.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// Reads one article: a file, or a record of an archive.
pub fn read(input: &Input) -> Result<Document, Report> {
    let path = &input.path;
    let cannot = |e: std::io::Error| {
        Report::plain(
            Severity::Warning,
            Code::InputUnreadable,
            format!("cannot read {}: skipped", path.display()),
        )
        .with_help(e.to_string())
    };
    match &input.record {
        None => decode(path, read_bytes(path).map_err(cannot)?),
        Some((archive, at)) => {
            let bytes = archive::read_bytes(path, at.bytes).map_err(cannot)?;
            archive::document(path, archive, at, &bytes)
        }
    }
}

/// A file's bytes. Unlike `std::fs::read`, it does not ask the file's size first:
/// news articles fit the first buffer, and the saved system call is a few percent
/// of reading a large corpus. Each thread reads into one buffer it keeps, and the
/// article gets an exact copy: a fresh buffer per article, freed once its text is
/// dropped, leaves holes between the claims kept and costs a million-article run
/// a seventh more memory.
fn read_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::cell::RefCell;
    use std::io::{ErrorKind, Read};
    thread_local! {
        static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    const KEPT: usize = 1 << 16;
    let mut file = std::fs::File::open(path)?;
    BUFFER.with_borrow_mut(|buffer| {
        let mut len = 0;
        let read = loop {
            if len == buffer.len() {
                buffer.resize((len * 2).max(KEPT), 0);
            }
            match file.read(&mut buffer[len..]) {
                Ok(0) => break Ok(buffer[..len].to_vec()),
                Ok(n) => len += n,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => break Err(e),
            }
        };
        // One large file must not hold its size in memory for the rest of the run.
        if buffer.len() > KEPT {
            buffer.truncate(KEPT);
            buffer.shrink_to_fit();
        }
        read
    })
}

/// A file's bytes as a document: UTF-8 text, with its metadata read; an HTML page's
/// main text, with the metadata the page gives.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<Document, Report> {
    if page::is_page(path) {
        // A page's positions are in the text read out of it, so any encoding it
        // declares will do.
        not_binary(path, &bytes)?;
        let text = page::decoded(&bytes);
        return Ok(page::document(path, &text, fingerprint(&bytes)));
    }
    let (text, bom, fingerprint) = text_of(path, bytes)?;
    let mut document = Document::new(path.to_path_buf(), text, bom, fingerprint);
    front_matter::read_metadata(&mut document);
    Ok(document)
}

/// A file's text (less a byte-order mark, whose length comes with it) and the
/// hash of its bytes, or why it is no text.
fn text_of(path: &Path, bytes: Vec<u8>) -> Result<(String, usize, u64), Report> {
    let shown = || path.display().to_string();
    not_binary(path, &bytes)?;
    let fingerprint = fingerprint(&bytes);
    let (bytes, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest.to_vec(), 3),
        None => (bytes, 0),
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let good = &e.as_bytes()[..at];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let shown = shown();
        Report::plain(
            Severity::Warning,
            Code::InputNotUtf8,
            format!(
                "{shown} is not valid UTF-8 (byte 0x{:02X} at offset {}, line {line}): skipped",
                e.as_bytes()[at],
                at + bom
            ),
        )
        .with_help(format!(
            "re-encode it as UTF-8, e.g. `iconv -f latin1 -t utf-8 {shown}` if it is Latin-1"
        ))
    })?;
    Ok((text, bom, fingerprint))
}

/// Refuses a file with NUL bytes in its start: no article has them.
fn not_binary(path: &Path, bytes: &[u8]) -> Result<(), Report> {
    // `contains` on bytes is a word-at-a-time search; a byte-by-byte `any` costs
    // as much as the rest of reading an article.
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(Report::plain(
            Severity::Warning,
            Code::InputBinary,
            format!(
                "{} looks like a binary file (it contains NUL bytes): skipped",
                path.display()
            ),
        )
        .with_help("articles must be UTF-8 text; remove the file or move it out of the corpus"));
    }
    Ok(())
}

/// Why an article could not be read again to show it.
#[derive(Debug, thiserror::Error)]
pub enum Reread {
    #[error("it cannot be read any more: {0}")]
    Unreadable(#[from] std::io::Error),
    #[error("it changed after it was checked")]
    Changed,
}

/// Reads an article again, for a printer; refuses a file that is no longer the one
/// that was checked, so no excerpt points at the wrong text. A record's fields are
/// named by `fields`, as when it was read.
pub fn reread(article: &Article, fields: &Fields) -> Result<Document, Reread> {
    let mut document = match &article.form {
        Form::File | Form::Page => {
            let bytes = read_bytes(&article.path)?;
            if fingerprint(&bytes) != article.fingerprint {
                return Err(Reread::Changed);
            }
            decode(&article.path, bytes).map_err(|_| Reread::Changed)?
        }
        Form::Record(record) => {
            let bytes = archive::read_bytes(&article.path, record.bytes)?;
            if fingerprint(&bytes) != article.fingerprint {
                return Err(Reread::Changed);
            }
            archive::reread(&article.path, record, &bytes, fields).map_err(|_| Reread::Changed)?
        }
    };
    // The date may have come from a dateline rule, which reading does not apply.
    document.meta.date = article.date;
    Ok(document)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_read_whole_at_any_size() {
        let dir = tempfile::tempdir().unwrap();
        for len in [0, 1, 65_535, 65_536, 65_537, 200_000, 10] {
            let path = dir.path().join(format!("{len}.txt"));
            let bytes: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
            std::fs::write(&path, &bytes).unwrap();
            assert_eq!(read_bytes(&path).unwrap(), bytes, "{len} bytes");
        }
        assert!(read_bytes(&dir.path().join("missing.txt")).is_err());
    }
}
