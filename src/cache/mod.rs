//! The extraction cache (`.corpus-lint-cache/`): what the corpus yielded, kept so
//! that checking it again reads only the files that changed. An article is taken
//! from the cache only when its file's size and modification time are those
//! recorded (and, when the time is too close to the recording to be trusted, its
//! content hash), and the cache was made by this binary with these rules for these
//! corpus paths. What changed is taken out and read again; the corpus's vocabulary
//! is corrected exactly (see [`crate::extract::vocabulary`]).

mod file;

use crate::article::{Article, Form};
use crate::corpus::{Fields, Input};
use crate::extract::Gathering;
use crate::extract::vocabulary::{RARE, Vocabulary};
use crate::ids::{ArticleId, Id};
use crate::rules::RulePack;
use rayon::prelude::*;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The folder's name, beside the rules (the project's configuration).
pub const FOLDER: &str = ".corpus-lint-cache";

pub use crate::corpus::Stat;

/// Everything the cache knows.
#[derive(Serialize, Deserialize)]
pub struct Index {
    key: u64,
    /// When the run that wrote the file began: a file modified within a second of
    /// it is checked by content, since its time alone cannot show a change.
    started: (u64, u32),
    /// Articles changed or removed since the vocabulary was last counted whole.
    changes: u32,
    entries: Vec<Entry>,
    gathering: Gathering,
    /// The vocabulary, its rare words' users numbered by article.
    vocabulary: Vocabulary,
}

/// One article as recorded.
#[derive(Serialize, Deserialize)]
struct Entry {
    article: Article,
    /// Its file's size and time; `None` when it must be read again anyway (its
    /// metadata had problems to report).
    stat: Option<Stat>,
}

/// How a run uses the cache.
pub struct Plan {
    /// For each file, in order: the recorded article to reuse, or `None` to read
    /// it; and its size and time, taken before it is read.
    pub files: Vec<(Option<Article>, Option<Stat>)>,
    /// What the reused articles yielded, and how to number them in this run.
    pub previous: Option<Previous>,
    /// The vocabulary of the reused articles, users numbered by file.
    pub vocabulary: Vocabulary,
    /// Articles changed or removed since the vocabulary was counted whole.
    pub changes: u32,
    /// How many articles recorded were changed or removed.
    pub gone: usize,
}

/// The reused part of a previous run.
pub struct Previous {
    pub gathering: Gathering,
    /// For each recorded article, the file it is in this run, if it is reused.
    pub file_of: Vec<Option<u32>>,
}

/// The cache of one run.
pub struct Cache {
    path: PathBuf,
    key: u64,
    previous: Option<Index>,
}

/// A stable identity for everything extraction depends on besides the texts.
fn key(pack: &RulePack, corpus: &[PathBuf], fields: &Fields, versions: bool) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    // Entries made without version records cannot serve a run that needs them.
    h.update(&[u8::from(versions)]);
    // Any rebuild of the binary may change what it extracts.
    if let Some((len, modified)) = std::env::current_exe()
        .ok()
        .and_then(|p| crate::corpus::stat(&p))
    {
        h.update(&len.to_le_bytes());
        h.update(&modified.0.to_le_bytes());
        h.update(&modified.1.to_le_bytes());
    }
    for (path, source) in &pack.sources {
        h.update(path.to_string_lossy().as_bytes());
        h.update(source.as_bytes());
    }
    for path in corpus {
        h.update(path.to_string_lossy().as_bytes());
    }
    h.update(fields.digest().as_bytes());
    h.digest()
}

fn now() -> (u64, u32) {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or((0, 0), |d| (d.as_secs(), d.subsec_nanos()))
}

impl Cache {
    /// The cache for `corpus` checked with `pack`, in `dir`: opened and checked, or
    /// empty if there is none or it cannot be trusted.
    pub fn open(
        dir: &Path,
        pack: &RulePack,
        corpus: &[PathBuf],
        fields: &Fields,
        versions: bool,
    ) -> Cache {
        let key = key(pack, corpus, fields, versions);
        let mut name = xxhash_rust::xxh3::Xxh3::new();
        for path in corpus.iter().chain(&pack.files) {
            name.update(path.to_string_lossy().as_bytes());
        }
        let path = dir.join(format!("{:016x}.cache", name.digest()));
        // A cache that cannot be used is rebuilt: why does not matter to the run.
        let previous = file::open(&path, key).ok();
        Cache {
            path,
            key,
            previous,
        }
    }

    /// For each file, whether to take it from the cache, by its size and time
    /// (`stats`, read as the corpus was walked) only, except for files too recent
    /// to trust, which are looked at in parallel.
    pub fn plan(&mut self, files: &[Input], stats: Vec<Option<Stat>>) -> Plan {
        let fresh = |stats: Vec<Option<Stat>>| Plan {
            files: stats.into_iter().map(|s| (None, s)).collect(),
            previous: None,
            vocabulary: Vocabulary::default(),
            changes: 0,
            gone: 0,
        };
        let Some(index) = self.previous.take() else {
            return fresh(stats);
        };
        let recorded = same_paths(files, &index.entries);
        let reused: Vec<Option<usize>> = files
            .par_iter()
            .zip(&stats)
            .zip(recorded)
            .map(|((input, now), i)| {
                let path = &input.path;
                let entry = &index.entries[i?];
                let recorded = entry.stat?;
                let trusted = now.as_ref() == Some(&recorded)
                    && (recorded.1.0 + 1 < index.started.0 || same_content(path, &entry.article));
                trusted.then_some(i?)
            })
            .collect();
        let mut file_of = vec![None; index.entries.len()];
        for (f, entry) in reused.iter().enumerate() {
            if let Some(i) = entry {
                file_of[*i] = Some(f as u32);
            }
        }
        let gone: FxHashSet<u32> = (0..index.entries.len() as u32)
            .filter(|&i| file_of[i as usize].is_none())
            .collect();
        let changes = index.changes.saturating_add(gone.len() as u32);
        if changes >= RARE {
            // A common word might have lost its last user: count everything afresh.
            return fresh(stats);
        }
        let Index {
            entries,
            gathering,
            mut vocabulary,
            ..
        } = index;
        vocabulary.remove(&gone);
        vocabulary.renumber(|entry| file_of.get(entry as usize).copied().flatten());
        let mut entries: Vec<Option<Entry>> = entries.into_iter().map(Some).collect();
        Plan {
            files: reused
                .into_iter()
                .zip(stats)
                .map(|(i, stat)| (i.and_then(|i| entries[i].take()).map(|e| e.article), stat))
                .collect(),
            previous: Some(Previous { gathering, file_of }),
            vocabulary,
            changes,
            gone: gone.len(),
        }
    }

    /// What writes the cache for the next run; it can do so in a thread of its own.
    pub fn saver(&self) -> Saver {
        Saver {
            path: self.path.clone(),
            key: self.key,
        }
    }
}

/// Writes a cache file.
pub struct Saver {
    path: PathBuf,
    key: u64,
}

impl Saver {
    /// Writes the cache for the next run: the articles (with their files' sizes
    /// and times, `None` for those to read again), what they yielded, and the
    /// vocabulary, users numbered by article.
    pub fn save(
        self,
        changes: u32,
        started: (u64, u32),
        articles: Vec<(Article, Option<Stat>)>,
        gathering: &Gathering,
        vocabulary: &Vocabulary,
    ) -> std::io::Result<()> {
        #[derive(Serialize)]
        struct Saved<'a> {
            key: u64,
            started: (u64, u32),
            changes: u32,
            entries: Vec<Entry>,
            gathering: &'a Gathering,
            vocabulary: &'a Vocabulary,
        }
        let dir = self.path.parent().unwrap_or(Path::new("."));
        prepare(dir)?;
        let saved = Saved {
            key: self.key,
            started,
            changes,
            entries: articles
                .into_iter()
                .map(|(article, stat)| Entry { article, stat })
                .collect(),
            gathering,
            vocabulary,
        };
        file::write(&self.path, &saved)
    }
}

/// A cache being written in the background while the run goes on.
pub struct Saving(std::thread::JoinHandle<std::io::Result<()>>);

impl Saving {
    pub fn start(job: impl FnOnce() -> std::io::Result<()> + Send + 'static) -> Saving {
        Saving(std::thread::spawn(job))
    }

    /// Waits until the file is written (or has failed to be: the cache only saves
    /// time, so a run that cannot write it still checks).
    pub fn wait(self) -> std::io::Result<()> {
        self.0
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("the cache writer panicked")))
    }
}

/// When a run began, for [`Saver::save`].
pub fn started() -> (u64, u32) {
    now()
}

/// For each article, the entry recorded for the same path (and, in an archive,
/// the same record). Both lists are in path order, an archive's records in theirs
/// (files as walked, entries as the articles of the run that wrote them), so one
/// pass pairs them, with no map of 100,000 paths to build and hash. Were the
/// entries out of order, files would only be read again, never wrongly reused.
fn same_paths(files: &[Input], entries: &[Entry]) -> Vec<Option<usize>> {
    let key = |i: usize| {
        let article = &entries[i].article;
        let number = match &article.form {
            Form::Record(r) => r.number,
            Form::File | Form::Page => 0,
        };
        (article.path.as_os_str().as_encoded_bytes(), number)
    };
    let mut next = 0;
    files
        .iter()
        .map(|file| {
            let (path, number) = (file.path.as_os_str().as_encoded_bytes(), file.number());
            while next < entries.len() {
                let (recorded, recorded_number) = key(next);
                if recorded == path && recorded_number == number {
                    next += 1;
                    return Some(next - 1);
                }
                let order =
                    crate::corpus::path_order(recorded, path).then(recorded_number.cmp(&number));
                if order.is_gt() {
                    break;
                }
                // An article gone since.
                next += 1;
            }
            None
        })
        .collect()
}

/// Whether a file still has the content recorded for it.
fn same_content(path: &Path, article: &Article) -> bool {
    let bytes = match &article.form {
        Form::Record(r) => crate::corpus::archive::read_bytes(path, r.bytes),
        Form::File | Form::Page => std::fs::read(path),
    };
    bytes.is_ok_and(|bytes| crate::corpus::fingerprint(&bytes) == article.fingerprint)
}

/// Creates the cache folder, marked so that backups and version control skip it.
fn prepare(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join(".gitignore"), "# Made by corpus-lint.\n*\n")?;
    std::fs::write(
        dir.join("CACHEDIR.TAG"),
        "Signature: 8a477f597d28d172789f06886806bc55\n# corpus-lint's extraction cache: it can be deleted at any time.\n",
    )
}

/// Numbers a previous run's articles in this one: recorded article → file →
/// article of this run.
pub fn renumbering<'a>(
    file_of: &'a [Option<u32>],
    article_of: &'a [Option<ArticleId>],
) -> impl Fn(ArticleId) -> Option<ArticleId> + 'a {
    move |old: ArticleId| {
        let file = (*file_of.get(old.index())?)? as usize;
        *article_of.get(file)?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_meet_the_entries_of_their_paths_in_one_pass() {
        let entry = |path: &str| Entry {
            article: Article {
                path: PathBuf::from(path),
                form: Form::File,
                date: None,
                bom: 0,
                fingerprint: 0,
            },
            stat: None,
        };
        // `a/b` was removed, `a-b` and `c` are new; the rest are where they were.
        let entries = ["a/a", "a/b", "a/c/d", "b", "d"].map(entry);
        let files = ["a/a", "a/c/d", "a-b", "b", "c", "d"].map(|p| Input::file(p.into()));
        assert_eq!(
            same_paths(&files, &entries),
            [Some(0), Some(2), None, Some(3), None, Some(4)]
        );
        assert_eq!(same_paths(&files, &[]), [None; 6]);
    }
}
