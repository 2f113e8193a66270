//! Whether two paths name one file.

use std::path::{Path, PathBuf};

/// Whether `a` and `b` name the same file, also through symbolic links, `..`, a relative
/// path or (on Unix) a hard link. A path that does not exist yet is compared by its folder's
/// canonical path and its name. Used to refuse exporting over the notes file itself.
pub fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b))
            && x.dev() == y.dev()
            && x.ino() == y.ino()
        {
            return true;
        }
    }
    match (canonical(a), canonical(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

fn canonical(path: &Path) -> Option<PathBuf> {
    if let Ok(c) = std::fs::canonicalize(path) {
        return Some(c);
    }
    let name = path.file_name()?;
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Some(std::fs::canonicalize(parent).ok()?.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_symlink_to_a_file_is_the_same_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("notes.ron");
        std::fs::write(&file, "x").expect("write");
        let link = dir.path().join("link.ron");
        #[cfg(unix)]
        std::os::unix::fs::symlink(&file, &link).expect("symlink");
        #[cfg(unix)]
        assert!(same_file(&link, &file));
        let dotted = dir.path().join("sub/../notes.ron");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        assert!(same_file(&dotted, &file));
        assert!(!same_file(&dir.path().join("other.ron"), &file));
        assert!(!same_file(&dir.path().join("missing/x.ron"), &file));
    }
}
