//! The application: its state, the commands the panels ask for, and one frame.
//!
//! Panels and views only read state (through [`crate::ui::ViewCtx`] and plain values built
//! here) and return [`Command`]s; [`AtlasApp::apply`] is the one place that changes the store,
//! the notes, the selection and the settings, and [`files`] the one place that reads and
//! writes files and opens dialogs. Every change to data is recorded for undo ([`history`]).

pub mod files;
mod frame;
pub mod history;
pub mod jobs;
pub mod layout;
mod note_commands;
pub mod notes;
mod opening;
pub mod reading;
pub mod rescue;
pub mod signals;
mod smoke;
mod store_changes;
pub mod store_edit;
pub mod store_save;
mod ui_commands;
mod undo;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::notes::NoteId;
use crate::store::{self, Loaded, Origin, Problem};
pub use crate::ui::View;
use crate::ui::notes::{NoteCommand, NotesView};
use crate::ui::{self, Command, Setting, UiCommand};
use history::History;
use notes::{NotesSession, Waker};

/// The state we persist between runs (window size and panel widths are kept by eframe/egui).
#[derive(Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Show Hangul names where a record has one.
    pub hangul: bool,
    /// The central view last shown.
    pub view: View,
    /// The browse list's search, filter and sort.
    pub list: ui::list::ListState,
    /// The store last opened from disk, reopened at start when it still loads.
    pub last_store: Option<PathBuf>,
    /// The author name written on new notes.
    pub author: String,
    /// Hide the browse list (more room for the view).
    pub hide_list: bool,
    /// Hide the details panel.
    pub hide_details: bool,
    /// The network view's layout, filters and toggles.
    pub network: ui::network::NetworkView,
    /// The timeline's visible years.
    pub timeline: ui::timeline::TimelineView,
    /// The charts view's choices.
    pub charts: ui::charts::ChartsView,
    /// The notes view's search, filters and sort.
    pub notes: NotesView,
    /// Light, dark, or as the system says.
    pub theme: ui::ThemeChoice,
    /// How large text and pictures are (egui's zoom factor; 1.0 = normal).
    pub scale: Option<f32>,
    /// The first-run hint was dismissed.
    pub hint_seen: bool,
    /// The user was asked once for the name written on notes.
    pub author_asked: bool,
}

pub use crate::store::Failure;

/// Options from the command line.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// `--store PATH`: open this store instead of the default one.
    pub store: Option<PathBuf>,
    /// `--smoke`: render every view once, print the first-frame time and exit.
    pub smoke: bool,
    /// `--notes PATH`: keep notes there instead of the user's data folder.
    pub notes: Option<PathBuf>,
    /// When the process started, for the first-frame time.
    pub started: Option<Instant>,
    /// Where checked copies of large stores are kept, so that reopening one is quick
    /// ([`crate::store::cache`]); none: every store is read from its files.
    pub store_cache: Option<crate::store::cache::StoreCache>,
}

/// At most this many rounds of follow-up commands are applied for one command.
const MAX_ROUNDS: usize = 8;

/// The whole application.
pub struct AtlasApp {
    /// Persisted settings.
    pub settings: Settings,
    /// Checked copies of large stores (see [`StartOptions::store_cache`]).
    pub store_cache: Option<crate::store::cache::StoreCache>,
    /// The open store.
    pub loaded: Loaded,
    /// Problems of the last store that failed to load (shown in the problems panel).
    pub problems: Vec<Problem>,
    /// The last failed open, shown in the top bar until the next successful one.
    pub failure: Option<Failure>,
    /// Whether the problems panel is open.
    pub show_problems: bool,
    /// The selected record id.
    pub selected: Option<String>,
    /// Rows of the browse list, rebuilt when the store changes (a large store's on a worker).
    pub rows: ui::list::Rows,
    /// Ids of records that have notes.
    pub noted: BTreeSet<String>,
    /// One-line message in the status bar.
    pub status: String,
    /// The user's notes and the state of their file.
    pub notes: NotesSession,
    /// The last note moved to the trash, for "Undo delete" in the status bar.
    pub last_deleted: Option<NoteId>,
    /// What can be undone and redone.
    pub history: History,
    /// Use the system file dialogs (off in tests, and where they cannot open).
    pub system_dialogs: bool,
    /// A path field shown where the system dialog gave no path.
    pub path_prompt: Option<files::PathPrompt>,
    /// An action waiting for the user to say what to do with unsaved store changes.
    pub confirm: Option<Pending>,
    /// Whether the keyboard shortcut sheet is open.
    pub show_shortcuts: bool,
    /// Whether the About box is open.
    pub show_about: bool,
    /// Put the keyboard focus in the search box on the next frame.
    focus_search: bool,
    /// Where only one side panel fits, show the details (else the list).
    prefer_details: bool,
    /// The side panels drawn this frame.
    panel_fit: layout::PanelFit,
    /// Where the last frame drew its panels.
    drawn: layout::Drawn,
    /// A briefing being written on a worker thread (its own slot, so an export can run too).
    briefing: Option<jobs::StatusJob>,
    /// An export or file write running on a worker thread ([`jobs`]).
    job: Option<jobs::StatusJob>,
    /// The name typed in the "your name" prompt, while it is open.
    pub author_prompt: Option<String>,
    /// The store-editing form shown in the details panel, while one is open.
    pub edit_form: Option<ui::edit::Form>,
    /// The open store's files as they were when read or saved (to notice changes on disk).
    pub disk_stamp: store_save::DiskStamp,
    /// A save that found the files changed on disk, waiting for the user's choice.
    pub disk_conflict: Option<store_save::DiskConflict>,
    /// Whether the Changes panel is open.
    pub show_changes: bool,
    /// A colleague's change file being reviewed before it is applied.
    pub review: Option<ui::edit::review::Review>,
    /// The Changes panel's list, with the store generation it was made for.
    changes: Option<(u64, Vec<ui::edit::changes::Change>)>,
    /// Which version of the store is open: changes on every edit, undo and redo.
    store_generation: u64,
    /// The generation last saved (or opened); unsaved when it differs.
    saved_generation: u64,
    next_generation: u64,
    /// The user confirmed closing with unsaved changes.
    close_confirmed: bool,
    /// The store generation last written to a rescue file, and where ([`rescue`]).
    store_rescued: Option<(u64, PathBuf)>,
    /// A rescued store found at start, offered to the user.
    pub rescue_offer: Option<rescue::RescueOffer>,
    /// A store or notes file being read on a worker thread ([`reading`]).
    reading: Option<reading::Reading>,
    /// Read opened stores and imported notes on a worker (on with a window; tests may set it).
    pub read_in_background: bool,
    /// The window title last sent.
    title: String,
    /// The notebook revision `noted` was computed at.
    noted_revision: Option<u64>,
    /// Wakes the UI from the notes saver thread.
    egui_ctx: Option<egui::Context>,
    smoke: Option<smoke::Smoke>,
}

/// Something that would drop unsaved store changes, waiting for the user's word.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Read the store again.
    Reload,
    /// Open another store.
    Open(PathBuf),
    /// Close the window.
    Quit,
}

/// Starts, on a thread of its own, the work the first frame needs that needs no window:
/// reading and indexing the built-in store, and the map outlines with their land borders. Call it before
/// opening the window: creating the window and its renderer keeps the main thread busy for a
/// while, and the app then finds these ready (or waits for the rest; nothing is read twice).
pub fn warm_up() {
    // The thread is left to finish on its own; without one, the same work is done on first use.
    let _ = std::thread::Builder::new()
        .name("warm-up".to_owned())
        .spawn(|| {
            let _ = ui::list::Rows::built_in();
            crate::analysis::network::geo::warm_up();
        });
}

impl AtlasApp {
    /// Builds the app on the embedded store, then opens `--store` (or the last store) if given.
    /// A store that fails to load leaves the embedded one open and its problems listed.
    pub fn new(settings: Settings, options: &StartOptions) -> Self {
        Self::with_context(settings, options, None)
    }

    /// Like [`AtlasApp::new`], with the egui context that the notes saver wakes.
    pub fn with_context(
        settings: Settings,
        options: &StartOptions,
        egui_ctx: Option<egui::Context>,
    ) -> Self {
        let created = options.started.map(|t| t.elapsed().as_millis());
        let (loaded, problems, failure) = match store::embedded() {
            Ok(l) => (l, Vec::new(), None),
            Err(problems) => (
                Loaded {
                    store: Default::default(),
                    origin: Origin::Embedded,
                },
                problems,
                Some(Failure {
                    attempted: "built-in default store".to_owned(),
                    reason: "the built-in store has problems".to_owned(),
                }),
            ),
        };
        let waker = waker(egui_ctx.as_ref());
        let notes = match options
            .notes
            .clone()
            .map_or_else(crate::notes::default_notes_path, Ok)
        {
            Ok(path) => NotesSession::open(path, waker),
            Err(e) => NotesSession::in_memory(&format!("{e}; notes are kept in memory only")),
        };
        let mut app = Self {
            notes,
            last_deleted: None,
            history: History::default(),
            system_dialogs: egui_ctx.is_some() && !options.smoke,
            path_prompt: None,
            confirm: None,
            show_shortcuts: false,
            show_about: false,
            focus_search: false,
            prefer_details: false,
            briefing: None,
            job: None,
            panel_fit: layout::fit_panels(1400.0, true, true, false),
            drawn: layout::Drawn::default(),
            author_prompt: None,
            edit_form: None,
            disk_stamp: None,
            disk_conflict: None,
            show_changes: false,
            review: None,
            changes: None,
            store_generation: 0,
            saved_generation: 0,
            next_generation: 0,
            close_confirmed: false,
            store_rescued: None,
            rescue_offer: None,
            reading: None,
            read_in_background: false,
            title: String::new(),
            noted_revision: None,
            egui_ctx,
            settings,
            store_cache: options.store_cache.clone(),
            show_problems: !problems.is_empty(),
            loaded,
            problems,
            failure,
            selected: None,
            rows: ui::list::Rows::default(),
            noted: BTreeSet::new(),
            status: String::new(),
            smoke: options.smoke.then(|| smoke::Smoke {
                started: options.started.unwrap_or_else(Instant::now),
                frame: 0,
                first_frame_ms: None,
                stages: [created.unwrap_or(0), 0, 0],
            }),
        };
        app.rebuild();
        let path = options
            .store
            .clone()
            .or_else(|| app.settings.last_store.clone());
        if let Some(path) = path {
            app.open(path);
        }
        if !options.smoke {
            app.find_rescued_store();
        }
        app.read_in_background = app.egui_ctx.is_some() && !options.smoke;
        if let Some(smoke) = &mut app.smoke {
            smoke.stages[1] = smoke.started.elapsed().as_millis();
        }
        app
    }

    /// Creates the app inside eframe: fonts, persisted settings, command-line options.
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>, options: &StartOptions) -> Self {
        ui::theme::install(&cc.egui_ctx);
        // Ctrl+± and Ctrl+0 are commands of the table (listed on the shortcut sheet).
        cc.egui_ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        cc.egui_ctx.set_theme(settings.theme.preference());
        if let Some(f) = settings.scale {
            cc.egui_ctx.set_zoom_factor(f.clamp(0.5, 3.0));
        }
        Self::with_context(settings, options, Some(cc.egui_ctx.clone()))
    }

    /// Applies one command and the follow-ups it asks for (a menu item asks for a path, the
    /// path names a file action): the only place that changes the store, the notes, the
    /// selection and the settings.
    pub fn apply(&mut self, command: Command) {
        let mut queue = vec![command];
        for _ in 0..MAX_ROUNDS {
            if queue.is_empty() {
                return;
            }
            for c in std::mem::take(&mut queue) {
                queue.extend(self.apply_one(c));
            }
        }
    }

    /// Applies one command; returns its follow-ups.
    fn apply_one(&mut self, command: Command) -> Vec<Command> {
        match command {
            Command::Ui(c) => return self.run_ui_command(c),
            Command::Select(id) => {
                self.selected = Some(id);
                self.prefer_details = true;
            }
            Command::SetAsOfYear(year) => self.settings.network.filter.year = year,
            Command::ClearSelection => self.selected = None,
            Command::NewNote(target) => return self.apply_note(NoteCommand::New(target)),
            Command::Notes(c) => return self.apply_note(c),
            Command::Status(s) => self.status = s,
            Command::OpenStore(path) => self.guard(Pending::Open(path)),
            Command::ShowView(v) => self.settings.view = v,
            Command::ToggleProblems => self.show_problems = !self.show_problems,
            Command::AskPath(action) => return self.ask_path(action),
            Command::FileAt(action, path) => return self.file_at(action, path),
            Command::WriteFile { path, bytes, what } => self.write_file(&path, &bytes, &what),
            Command::SaveChartPng(png) => self.save_chart_png(*png),
            Command::ReplaceStore { store, label } => {
                self.status = format!(
                    "{label} — the open store now holds it (unsaved: File → Save store as… keeps it)."
                );
                self.replace_store(*store, label);
            }
            Command::EditStore(edit) => self.edit_store(*edit),
            Command::EditForm(request) => self.open_form(&request),
            Command::Set(setting) => match setting {
                Setting::Hangul(on) => self.settings.hangul = on,
                Setting::ShowList(on) => {
                    self.settings.hide_list = !on;
                    self.prefer_details = !on;
                }
                Setting::ShowDetails(on) => {
                    self.settings.hide_details = !on;
                    self.prefer_details = on;
                }
                Setting::Author(name) => self.settings.author = name,
                Setting::Theme(t) => {
                    self.settings.theme = t;
                    if let Some(ctx) = &self.egui_ctx {
                        ctx.set_theme(t.preference());
                    }
                }
                Setting::Scale(f) => self.set_scale(f),
                Setting::HintSeen => self.settings.hint_seen = true,
            },
        }
        Vec::new()
    }
}

/// A waker for the notes saver: repaints the UI when a save finishes.
fn waker(ctx: Option<&egui::Context>) -> Option<Waker> {
    let ctx = ctx?.clone();
    Some(Box::new(move || ctx.request_repaint()))
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(smoke) = self.smoke.as_mut().filter(|s| s.frame == 0) {
            smoke.stages[2] = smoke.started.elapsed().as_millis();
        }
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.smoke.is_some() {
            // A smoke run must not change the user's remembered settings.
            return;
        }
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    fn on_exit(&mut self) {
        // Also reached on SIGTERM, SIGINT and SIGHUP (see `signals`): pending edits are saved.
        let outcome = self.notes.flush();
        if let Some(message) = outcome.message(&self.notes.path) {
            eprintln!("partnership-atlas: {message}");
        }
        if self.store_unsaved() {
            // Not asked (a signal) or not saved: the store's changes go to a rescue file.
            match self.rescue_store() {
                Ok(path) => eprintln!(
                    "partnership-atlas: the store's unsaved changes were written to {}",
                    path.display()
                ),
                Err(e) => eprintln!(
                    "partnership-atlas: the store's unsaved changes are LOST: no rescue file could be written ({e})"
                ),
            }
        }
        if !outcome.may_close() {
            // The last place left: the notes as Markdown on the standard error stream.
            eprintln!("partnership-atlas: your notes follow, as Markdown:\n");
            eprintln!(
                "{}",
                crate::notes::export_markdown(self.notes.book.live(), Some(&self.loaded.store))
            );
        }
    }
}
