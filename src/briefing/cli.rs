//! `partnership-atlas brief ID [ID…] --out FILE.html [--markdown FILE.md]`, as a plain
//! function the binary calls.

use std::path::{Path, PathBuf};

use crate::io::{AtomicError, Backup, prepare_write};
use crate::model::Store;
use crate::notes::{self, Note, NotesError};
use crate::store::{self, LoadError};

use super::{BuildOptions, Images, UnknownId, build, map_png, render_html, render_markdown};

/// Why `brief` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum BriefError {
    /// An id is not in the store.
    #[error("{0}; nothing was written")]
    Unknown(#[from] UnknownId),
    /// The store could not be read at all.
    #[error("{0}")]
    StoreUnreadable(LoadError),
    /// The store was read but is invalid.
    #[error("the store is invalid; run `partnership-atlas validate {}` to see why", .0.display())]
    StoreInvalid(PathBuf),
    /// The built-in store is invalid (a build problem).
    #[error("the built-in store is invalid ({0} problem(s))")]
    EmbeddedInvalid(usize),
    /// The notes could not be read.
    #[error("{0}")]
    Notes(#[from] NotesError),
    /// A file could not be written (none was replaced).
    #[error("{0}")]
    Write(#[from] AtomicError),
}

impl BriefError {
    /// The exit status: 2 for an unknown id or an unreadable store, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Unknown(_) | Self::StoreUnreadable(_) => 2,
            _ => 1,
        }
    }
}

/// What to brief and where to write it.
#[derive(Clone, Debug)]
pub struct BriefArgs {
    /// Record ids.
    pub ids: Vec<String>,
    /// The HTML file.
    pub out: PathBuf,
    /// The Markdown file, if wanted (its map is written beside it as `<stem>-map.png`).
    pub markdown: Option<PathBuf>,
    /// The store; `None` is the built-in one.
    pub store: Option<PathBuf>,
    /// The notes file (a missing file is no notes).
    pub notes: PathBuf,
    /// The date to print as "written".
    pub written: String,
}

/// Writes the briefing; returns a line for the terminal. Nothing is written unless every id
/// is known, and every file is prepared before any is replaced.
pub fn brief(args: &BriefArgs) -> Result<String, BriefError> {
    let loaded = match &args.store {
        Some(path) => store::load_path(path).map_err(|e| match e {
            LoadError::Invalid(_) => BriefError::StoreInvalid(path.clone()),
            e => BriefError::StoreUnreadable(e),
        })?,
        None => store::embedded().map_err(|p| BriefError::EmbeddedInvalid(p.len()))?,
    };
    let notes: Vec<Note> = match notes::read_notes(&args.notes)? {
        Some((file, _)) => file.notes,
        None => Vec::new(),
    };
    let options = BuildOptions {
        origin: loaded.origin.to_string(),
        written: args.written.clone(),
    };
    write_briefing(
        &loaded.store,
        &notes,
        &args.ids,
        &options,
        &args.out,
        args.markdown.as_deref(),
    )
}

/// Builds the briefing for `ids` and writes it to `out` (HTML) and, if asked, `markdown` with
/// its map beside it; returns a line for the user. The one call the app and the command line
/// share. Nothing is written unless every id is known, every file is prepared before any is
/// replaced, and each is replaced atomically. Drawing the map takes a moment (software
/// rendering): call it off the UI thread.
pub fn write_briefing<'n>(
    store: &Store,
    notes: impl IntoIterator<Item = &'n Note>,
    ids: &[String],
    options: &BuildOptions,
    out: &Path,
    markdown: Option<&Path>,
) -> Result<String, BriefError> {
    let briefing = build(store, notes, ids, options)?;
    let map = map_png(store, ids).map_err(|e| e.to_string());
    let html = render_html(&briefing, &Images { map: map.clone() });
    let mut writes = vec![prepare_write(out, html.as_bytes())?];
    let mut written = vec![out.display().to_string()];
    if let Some(md_path) = markdown {
        let png_path = map_path(md_path);
        let png_name = png_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = match &map {
            Ok(bytes) => {
                writes.push(prepare_write(&png_path, bytes)?);
                written.push(png_path.display().to_string());
                render_markdown(&briefing, Ok(&png_name))
            }
            Err(why) => render_markdown(&briefing, Err(why)),
        };
        writes.push(prepare_write(md_path, text.as_bytes())?);
        written.push(md_path.display().to_string());
    }
    for w in writes {
        w.commit(Backup::None)?;
    }
    let mut line = format!(
        "Wrote the briefing on {} ({} source(s), {} note(s)) to {}",
        briefing.title.en,
        briefing.sources.len(),
        briefing.notes.len(),
        written.join(", ")
    );
    if let Err(why) = map {
        line.push_str(&format!(" — without a map: {why}"));
    }
    Ok(line)
}

/// The map picture beside a Markdown file: `trip.md` → `trip-map.png`.
pub fn map_path(markdown: &Path) -> PathBuf {
    let stem = markdown
        .file_stem()
        .map_or_else(|| "briefing".into(), |s| s.to_string_lossy().into_owned());
    markdown.with_file_name(format!("{stem}-map.png"))
}

/// Today's date (UTC) as a briefing prints it: "2026-12-01".
pub fn today() -> String {
    let c = notes::Timestamp::now().civil();
    format!("{:04}-{:02}-{:02}", c.year, c.month, c.day)
}
