//! Which files are rule files and which are facts files, given the `--rules` paths.

use super::diagnostics::unreadable;
use crate::code::Code;
use crate::report::{Report, Severity};
use std::path::{Path, PathBuf};

/// Rule files under `paths`: each folder's `*.toml` (not its subfolders), or the
/// file itself. A path that cannot be read stops the run: a rule pack that is half
/// loaded would silently check less than the user asked.
pub(super) fn rule_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Vec<Report>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_file() {
            files.push(path.clone());
        } else if path.is_dir() {
            match toml_files(path) {
                Ok(found) => files.extend(found),
                Err(e) => errors.push(unreadable(
                    Code::RuleUnreadable,
                    format!("cannot read rule folder {}", path.display()),
                    &e,
                )),
            }
        } else {
            errors.push(
                Report::plain(
                    Severity::Error,
                    Code::RuleUnreadable,
                    format!("rule path {} does not exist", path.display()),
                )
                .with_help("pass an existing rule file or folder to --rules"),
            );
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

/// Facts files: `facts/*.toml` under each rule folder. A rule folder without a
/// `facts/` folder simply has no facts.
pub(super) fn facts_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths
        .iter()
        .filter(|p| p.is_dir())
        .flat_map(|p| toml_files(&p.join("facts")).unwrap_or_default())
        .collect()
}

/// The `*.toml` files directly in `dir`, sorted.
fn toml_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
        .collect();
    found.sort();
    Ok(found)
}
