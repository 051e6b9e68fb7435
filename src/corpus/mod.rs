//! Loading the corpus: finding the article files (in parallel, in a fixed order,
//! honouring `.ignore` and `.gitignore`), reading one into a document ([`read`]), and
//! reading it again for a printer. Bad files become [`Report`]s and the run goes on.

pub mod archive;
mod front_matter;
pub mod html;
mod page;
mod read;

pub use archive::Fields;
pub use front_matter::problems;
pub use read::{Reread, decode, fingerprint, read, reread};

use crate::code::Code;
use crate::report::{Report, Severity};
use ignore::{WalkBuilder, WalkState};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Extensions read as articles when walking a folder: text files, HTML pages, and
/// archives of records ([`archive::Format`]).
const EXTENSIONS: [&str; 7] = ["txt", "md", "html", "htm", "jsonl", "ndjson", "csv"];

/// One article to read: a file, or a record of an archive.
#[derive(Clone, Debug)]
pub struct Input {
    pub path: PathBuf,
    pub record: Option<(Arc<archive::Archive>, archive::At)>,
}

impl Input {
    pub fn file(path: PathBuf) -> Input {
        Input { path, record: None }
    }

    /// Its record's number in the archive; 0 for a file.
    pub fn number(&self) -> u32 {
        self.record.as_ref().map_or(0, |(_, at)| at.number)
    }
}

/// The articles under the corpus paths, in path order (an archive's records in
/// their order), and the problems met finding them.
pub struct Walk {
    pub files: Vec<Input>,
    /// Each article's file's size and modification time, when they were asked for.
    pub stats: Vec<Option<Stat>>,
    pub problems: Vec<Report>,
}

/// A file's size and modification time (seconds and nanoseconds since 1970).
pub type Stat = (u64, (u64, u32));

/// The size and modification time in `meta`.
fn stat_of(meta: &std::fs::Metadata) -> Option<Stat> {
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::SystemTime::UNIX_EPOCH)
        .ok()?;
    Some((meta.len(), (modified.as_secs(), modified.subsec_nanos())))
}

/// A file's size and modification time.
pub fn stat(path: &Path) -> Option<Stat> {
    stat_of(&std::fs::metadata(path).ok()?)
}

/// A corpus path that does not exist: the run cannot mean anything, so it stops.
#[derive(Debug)]
pub struct MissingPath(pub PathBuf);

/// Every article file under `paths`: a path that is a file is taken as it is; a
/// folder is walked for article files ([`EXTENSIONS`]), skipping hidden files and folders
/// and what `.ignore` and `.gitignore` files exclude. Folders are walked in
/// parallel; the result is sorted, so articles are numbered the same every run.
/// With `stats`, each file's size and time are read as it is found (for a cache).
/// Archives are scanned for their records, read with `fields`.
pub fn walk(paths: &[PathBuf], stats: bool, fields: &Arc<Fields>) -> Result<Walk, MissingPath> {
    let found = Mutex::new(Vec::new());
    let problems = Mutex::new(Vec::new());
    for root in paths {
        if !root.exists() {
            return Err(MissingPath(root.clone()));
        }
        if root.is_file() {
            lock(&found).push((root.clone(), stats.then(|| stat(root)).flatten()));
            continue;
        }
        WalkBuilder::new(root)
            .git_global(false)
            .git_exclude(false)
            .build_parallel()
            .run(|| {
                Box::new(|entry| {
                    match entry {
                        Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                            if has_article_extension(e.path()) {
                                let stat = stats
                                    .then(|| e.metadata().ok().as_ref().and_then(stat_of))
                                    .flatten();
                                lock(&found).push((e.into_path(), stat));
                            }
                        }
                        Ok(_) => {}
                        Err(err) => lock(&problems).push(walk_problem(root, &err)),
                    }
                    WalkState::Continue
                })
            });
    }
    let mut found: Vec<(PathBuf, Option<Stat>)> =
        found.into_inner().unwrap_or_else(|e| e.into_inner());
    found = in_path_order(found);
    found.dedup_by(|a, b| a.0.as_os_str() == b.0.as_os_str());
    let mut problems = problems.into_inner().unwrap_or_else(|e| e.into_inner());
    problems.sort_by(|a, b| a.message.cmp(&b.message));
    let (files, stats) = expand(found, fields, &mut problems);
    Ok(Walk {
        files,
        stats,
        problems,
    })
}

/// Each file as the articles it holds: itself, or an archive's records (which
/// share its size and time: when the archive changes, they are all read again).
fn expand(
    found: Vec<(PathBuf, Option<Stat>)>,
    fields: &Arc<Fields>,
    problems: &mut Vec<Report>,
) -> (Vec<Input>, Vec<Option<Stat>>) {
    use rayon::prelude::*;
    if !found.iter().any(|(p, _)| archive::Format::of(p).is_some()) {
        return found.into_iter().map(|(p, s)| (Input::file(p), s)).unzip();
    }
    type Inputs = Vec<(Input, Option<Stat>)>;
    let expanded: Vec<Result<Inputs, Report>> = found
        .into_par_iter()
        .map(|(path, stat)| {
            let Some(format) = archive::Format::of(&path) else {
                return Ok(vec![(Input::file(path), stat)]);
            };
            let (archive, records) = archive::scan(&path, format, fields)?;
            Ok(records
                .into_iter()
                .map(|at| {
                    let record = Some((Arc::clone(&archive), at));
                    (
                        Input {
                            path: path.clone(),
                            record,
                        },
                        stat,
                    )
                })
                .collect())
        })
        .collect();
    let mut inputs = Vec::new();
    for result in expanded {
        match result {
            Ok(found) => inputs.extend(found),
            Err(problem) => problems.push(problem),
        }
    }
    inputs.into_iter().unzip()
}

/// A key that sorts paths in [`Path`]'s own order (component by component): the
/// bytes with each separator taken as the lowest byte, so that `a/b` comes before
/// `a-b` as its shorter first component says. Keys compare with one `memcmp`;
/// parsing components, or mapping bytes in every comparison, is slow on a large
/// corpus.
pub fn path_key(path: &Path) -> Vec<u8> {
    let mut key = Vec::new();
    push_key(path, &mut key);
    key
}

/// Appends `path`'s [`path_key`] to `out`.
fn push_key(path: &Path, out: &mut Vec<u8>) {
    out.extend(path.as_os_str().as_encoded_bytes().iter().map(|&b| {
        if std::path::is_separator(char::from(b)) {
            0
        } else {
            b
        }
    }));
}

/// `found` sorted by path as [`path_key`] orders them (equal keys as they came).
/// The keys are written into one buffer: a key apiece would be an allocation and
/// a free for every file of the corpus, in the one part of the walk not shared
/// between threads.
fn in_path_order<T>(found: Vec<(PathBuf, T)>) -> Vec<(PathBuf, T)> {
    let mut keys = Vec::new();
    let mut starts = Vec::with_capacity(found.len() + 1);
    starts.push(0);
    for (path, _) in &found {
        push_key(path, &mut keys);
        starts.push(keys.len());
    }
    let key = |i: usize| &keys[starts[i]..starts[i + 1]];
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_unstable_by(|&a, &b| key(a).cmp(key(b)).then(a.cmp(&b)));
    let mut slots: Vec<Option<(PathBuf, T)>> = found.into_iter().map(Some).collect();
    order
        .into_iter()
        .map(|i| slots[i].take().expect("`order` holds each place once"))
        .collect()
}

/// How two paths (as bytes) compare in [`path_key`]'s order, without building the
/// keys.
pub fn path_order(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    let key = |&byte: &u8| {
        if std::path::is_separator(char::from(byte)) {
            0
        } else {
            byte
        }
    };
    a.iter().map(key).cmp(b.iter().map(key))
}

/// The lock, even if a thread panicked holding it: the data is a list of paths.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn walk_problem(root: &Path, err: &ignore::Error) -> Report {
    let path = error_path(err).unwrap_or(root).display().to_string();
    Report::plain(
        Severity::Warning,
        Code::InputUnreadable,
        format!("cannot read {path}: skipped"),
    )
    .with_help(
        err.io_error()
            .map_or_else(|| err.to_string(), |e| e.to_string()),
    )
}

/// The path an error of the walk is about, if it says.
fn error_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

/// Whether the file name ends in one of [`EXTENSIONS`], in any case. Read from the bytes
/// of the path: parsing its components for every file of a large corpus is slow.
fn has_article_extension(path: &Path) -> bool {
    let bytes = path.as_os_str().as_encoded_bytes();
    EXTENSIONS.iter().any(|x| {
        bytes.len() > x.len() + 1
            && bytes[bytes.len() - x.len() - 1] == b'.'
            && bytes[bytes.len() - x.len()..].eq_ignore_ascii_case(x.as_bytes())
            && !std::path::is_separator(char::from(bytes[bytes.len() - x.len() - 2]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_extensions_in_any_case() {
        for (path, is) in [
            ("a/page.HTML", true),
            ("news.jsonl", true),
            ("data.csv", true),
            ("data.json", false),
            ("a/b.txt", true),
            ("a/b.TXT", true),
            ("b.md", true),
            ("a/.md", false),
            ("a/b.txt.bak", false),
            ("a/btxt", false),
            ("md", false),
        ] {
            assert_eq!(has_article_extension(Path::new(path)), is, "{path}");
        }
    }

    #[test]
    fn paths_sort_by_key_as_path_order_does() {
        let mut paths: Vec<PathBuf> = [
            "a-b/x.txt",
            "a/b.txt",
            "a/b/c.txt",
            "a.b",
            "a",
            "ab/c",
            "/z",
            "b",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        let mut by_key = paths.clone();
        let walked: Vec<(PathBuf, ())> = paths.iter().rev().map(|p| (p.clone(), ())).collect();
        paths.sort();
        by_key.sort_by_cached_key(|p| path_key(p));
        assert_eq!(paths, by_key);
        let ordered: Vec<PathBuf> = in_path_order(walked).into_iter().map(|(p, ())| p).collect();
        assert_eq!(paths, ordered);
    }

    proptest::proptest! {
        #[test]
        fn path_keys_order_as_paths_do(
            a in proptest::collection::vec("[ab-][ab.-]{0,2}", 1..4),
            b in proptest::collection::vec("[ab-][ab.-]{0,2}", 1..4),
        ) {
            let (a, b) = (PathBuf::from(a.join("/")), PathBuf::from(b.join("/")));
            proptest::prop_assert_eq!(path_key(&a).cmp(&path_key(&b)), a.cmp(&b));
            let bytes = |p: &PathBuf| p.as_os_str().as_encoded_bytes().to_vec();
            proptest::prop_assert_eq!(path_order(&bytes(&a), &bytes(&b)), a.cmp(&b));
        }
    }
}
