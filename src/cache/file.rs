//! The cache file: a magic number, the index, and a checksum of everything before
//! it. A file that is torn, corrupt, of another format or for other rules fails to
//! open and is rebuilt, never trusted.

use super::Index;
use std::path::Path;

/// The first bytes of every cache file, with the format's version: a file of
/// another format is never read as this one.
const MAGIC: &[u8; 8] = b"CLCACHE4";

/// Why a cache file was not used.
#[derive(Debug, thiserror::Error)]
pub enum Unusable {
    #[error("there is none yet")]
    Missing,
    #[error("it cannot be read: {0}")]
    Unreadable(std::io::Error),
    #[error("it is not a corpus-lint cache of this version")]
    Foreign,
    #[error("it is torn or corrupt")]
    Corrupt,
    #[error("it was made with other rules or another corpus-lint")]
    Stale,
}

/// Reads and checks the cache file at `path`, made for `key`.
pub fn open(path: &Path, key: u64) -> Result<Index, Unusable> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Unusable::Missing,
        _ => Unusable::Unreadable(e),
    })?;
    if bytes.len() < MAGIC.len() + 8 || &bytes[..MAGIC.len()] != MAGIC {
        return Err(Unusable::Foreign);
    }
    let (body, tail) = bytes.split_at(bytes.len() - 8);
    let checksum = u64::from_le_bytes(tail.try_into().unwrap_or([0; 8]));
    if xxhash_rust::xxh3::xxh3_64(body) != checksum {
        return Err(Unusable::Corrupt);
    }
    let index: Index = postcard::from_bytes(&body[MAGIC.len()..]).map_err(|_| Unusable::Corrupt)?;
    if index.key != key {
        return Err(Unusable::Stale);
    }
    Ok(index)
}

/// Writes `index` to `path`: beside it first, then put in place, so that a reader
/// sees the old file or the new one, never part of one. No sync: a cache need not
/// survive a crash, and a torn file is refused by its checksum.
pub fn write(path: &Path, index: &impl serde::Serialize) -> std::io::Result<()> {
    let temporary = path.with_extension(format!("tmp{}", std::process::id()));
    let mut bytes = MAGIC.to_vec();
    bytes = postcard::to_extend(index, bytes).map_err(std::io::Error::other)?;
    let checksum = xxhash_rust::xxh3::xxh3_64(&bytes);
    bytes.extend_from_slice(&checksum.to_le_bytes());
    let written =
        std::fs::write(&temporary, &bytes).and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Tiny {
        key: u64,
    }

    #[test]
    fn each_kind_of_bad_file_is_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.cache");
        assert!(matches!(open(&path, 1), Err(Unusable::Missing)));
        std::fs::write(&path, b"something else entirely").unwrap();
        assert!(matches!(open(&path, 1), Err(Unusable::Foreign)));
        write(&path, &Tiny { key: 1 }).unwrap();
        let good = std::fs::read(&path).unwrap();
        let mut bad = good.clone();
        bad[MAGIC.len()] ^= 1;
        std::fs::write(&path, &bad).unwrap();
        assert!(matches!(open(&path, 1), Err(Unusable::Corrupt)));
        std::fs::write(&path, &good[..good.len() - 1]).unwrap();
        assert!(matches!(open(&path, 1), Err(Unusable::Corrupt)));
        // A whole file whose index is not an index is as corrupt as a torn one.
        std::fs::write(&path, &good).unwrap();
        assert!(matches!(open(&path, 1), Err(Unusable::Corrupt)));
    }
}
