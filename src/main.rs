//! The `partnership-atlas` command: open the desktop app, or check stores and manage notes from
//! the command line.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use partnership_atlas::app::{AtlasApp, StartOptions};
use partnership_atlas::desktop;
use partnership_atlas::notes;
use partnership_atlas::store::{self, LoadError};

/// Partnership Atlas: Korea–Europe science, technology and innovation partnerships, their
/// indicators, and your notes — offline.
///
/// Run without a command to open the window on the built-in default store.
#[derive(Parser, Debug)]
#[command(name = "partnership-atlas", about, long_about = None, disable_version_flag = true)]
struct Cli {
    /// Print the app version and the built-in store's version and date, then exit.
    #[arg(short = 'V', long)]
    version: bool,

    /// Open this store (a .ron file or a folder of .ron files) instead of the built-in one.
    #[arg(long, value_name = "PATH", global = true)]
    store: Option<PathBuf>,

    /// Keep notes in this file instead of the user's data folder.
    #[arg(long, value_name = "PATH", global = true)]
    notes: Option<PathBuf>,

    /// Open the window, draw every view once, print `first frame: <N> ms` and exit (for CI and
    /// start-up timing).
    #[arg(long)]
    smoke: bool,

    /// For the kill -9 soak test: save notes to PATH in a loop until killed.
    #[arg(long, value_name = "PATH", hide = true)]
    soak_notes: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check stores without opening a window.
    ///
    /// Exit status: 0 when every store is valid (one summary line each); 1 when any is invalid
    /// (every problem as PATH:LINE:COLUMN: message); 2 when a path cannot be read.
    Validate {
        /// Store files or folders to check.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Export or merge notes without opening a window (uses --notes or the user's data folder).
    Notes {
        #[command(subcommand)]
        action: NotesAction,
    },
    /// Write a trip briefing on one or several records as one offline HTML file.
    ///
    /// Exit status: 0 when written; 2 when an id is unknown (nothing is written) or the store
    /// cannot be read; 1 when a file cannot be written.
    Brief {
        /// Record ids (a partnership, place, organisation, cohort or programme).
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        /// The HTML file to write (replaced atomically).
        #[arg(long, value_name = "FILE.html")]
        out: PathBuf,
        /// Also write the briefing as Markdown, its map beside it as a PNG.
        #[arg(long, value_name = "FILE.md")]
        markdown: Option<PathBuf>,
    },
    /// Compare stores, write a change file, apply a colleague's change file (--store PATH).
    Store {
        #[command(subcommand)]
        action: store::cli::StoreAction,
    },
}

#[derive(Subcommand, Debug)]
enum NotesAction {
    /// Write all live notes to OUT: a notes file for a colleague, or Markdown for a report.
    Export {
        /// Write Markdown instead of a notes file.
        #[arg(long)]
        markdown: bool,
        /// The file to write.
        #[arg(value_name = "OUT")]
        out: PathBuf,
    },
    /// Merge a colleague's notes file into yours; prints what was added, updated and in
    /// conflict (both versions of a conflicting note are kept).
    Merge {
        /// The notes file to merge in.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// List every added, updated and conflicting note (by default at most 20 lines).
        #[arg(long)]
        verbose: bool,
    },
}

fn main() -> ExitCode {
    let started = Instant::now();
    let cli = Cli::parse();
    if cli.version {
        return print_version();
    }
    if let Some(path) = cli.soak_notes {
        partnership_atlas::app::notes::soak(path);
    }
    match cli.command {
        Some(Command::Validate { paths }) => validate(&paths),
        Some(Command::Notes { action }) => notes(cli.notes, action),
        Some(Command::Store { action }) => store::cli::run(action, cli.store.as_deref()),
        Some(Command::Brief { ids, out, markdown }) => {
            brief(cli.store, cli.notes, ids, out, markdown)
        }
        None => run_window(StartOptions {
            store: cli.store,
            smoke: cli.smoke,
            notes: cli.notes,
            started: Some(started),
            store_cache: store::cache::StoreCache::user(),
        }),
    }
}

fn print_version() -> ExitCode {
    let loaded = store::embedded();
    let store = loaded.as_ref().map(|l| &*l.store).map_err(Vec::len);
    let text = desktop::version_text(
        env!("CARGO_PKG_VERSION"),
        store,
        desktop::embedded_store_fingerprint(),
    );
    println!("{text}");
    ExitCode::SUCCESS
}

fn validate(paths: &[PathBuf]) -> ExitCode {
    let mut worst = 0u8;
    for path in paths {
        match store::load_path(path) {
            Ok(loaded) => println!("{}: valid — {}", path.display(), loaded.store.summary()),
            Err(LoadError::Invalid(problems)) => {
                for p in &problems {
                    println!("{p}");
                }
                eprintln!(
                    "{}: invalid — {} problem(s)",
                    path.display(),
                    problems.len()
                );
                worst = worst.max(1);
            }
            Err(e @ LoadError::Unreadable { .. }) => {
                eprintln!("partnership-atlas: {e}");
                worst = 2;
            }
        }
    }
    ExitCode::from(worst)
}

fn notes(path: Option<PathBuf>, action: NotesAction) -> ExitCode {
    let path = match path.map_or_else(notes::default_notes_path, Ok) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("partnership-atlas: {e}");
            return ExitCode::from(2);
        }
    };
    let result = match action {
        NotesAction::Export { markdown, out } => {
            // Name the records notes are about, from the built-in store.
            let store = store::embedded().ok().map(|l| l.store);
            notes::cli::export(&path, &out, markdown, store.as_deref())
        }
        NotesAction::Merge { file, verbose } => {
            notes::cli::merge(&path, &file).map(|r| notes::cli::merge_text(&r, verbose))
        }
    };
    match result {
        Ok(text) => {
            println!("{}", text.trim_end());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("partnership-atlas: {e}");
            ExitCode::from(1)
        }
    }
}

fn brief(
    store: Option<PathBuf>,
    notes_path: Option<PathBuf>,
    ids: Vec<String>,
    out: PathBuf,
    markdown: Option<PathBuf>,
) -> ExitCode {
    use partnership_atlas::briefing::cli;
    let notes = match notes_path.map_or_else(notes::default_notes_path, Ok) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("partnership-atlas: {e}");
            return ExitCode::from(2);
        }
    };
    let args = cli::BriefArgs {
        ids,
        out,
        markdown,
        store,
        notes,
        written: cli::today(),
    };
    match cli::brief(&args) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("partnership-atlas: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn run_window(options: StartOptions) -> ExitCode {
    partnership_atlas::app::warm_up();
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(desktop::APP_NAME)
            .with_app_id(desktop::APP_ID)
            .with_icon(desktop::icon())
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        // The app id would move eframe's window state to a new folder; keep it where it was.
        persistence_path: eframe::storage_dir(desktop::WINDOW_STATE_FOLDER)
            .map(|dir| dir.join("app.ron")),
        ..Default::default()
    };
    let result = eframe::run_native(
        "partnership-atlas",
        native,
        Box::new(move |cc| {
            // SIGTERM, SIGINT, SIGHUP close the window, so on_exit saves pending notes.
            if let Err(e) = partnership_atlas::app::signals::install(&cc.egui_ctx) {
                eprintln!("partnership-atlas: {e}");
            }
            Ok(Box::new(AtlasApp::from_creation_context(cc, &options)))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("partnership-atlas: cannot open the window: {e}");
            ExitCode::from(1)
        }
    }
}
