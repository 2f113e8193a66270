//! The application: its state, the commands the panels ask for, and one frame.
//!
//! Panels and views only read state (through [`crate::ui::ViewCtx`]) and push
//! [`Command`]s; [`AtlasApp::apply`] is the one place that changes the store and the selection.

pub mod notes;
pub mod signals;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::notes::{NoteDraft, NoteId, NoteTarget, Timestamp};
use crate::store::{self, LoadError, Loaded, Origin, Problem};
pub use crate::ui::View;
use crate::ui::notes::{Editor, NoteCommand, NotesView};
use crate::ui::{self, Command, ViewCtx};
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
    /// The charts view's choices.
    pub charts: ui::charts::ChartsView,
    /// The notes view's search, filters and sort.
    pub notes: NotesView,
}

/// A failed attempt to open a store: what was tried and what is shown instead.
#[derive(Clone, Debug)]
pub struct Failure {
    /// What the user tried to open.
    pub attempted: String,
    /// Why it failed, in one line.
    pub reason: String,
}

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
}

/// The whole application.
pub struct AtlasApp {
    /// Persisted settings.
    pub settings: Settings,
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
    /// Rows of the browse list, rebuilt when the store changes.
    pub rows: Vec<ui::list::Row>,
    /// Ids of records that have notes.
    pub noted: BTreeSet<String>,
    /// One-line message in the status bar.
    pub status: String,
    /// The user's notes and the state of their file.
    pub notes: NotesSession,
    /// The last note moved to the trash, for "Undo".
    pub last_deleted: Option<NoteId>,
    /// The notebook revision `noted` was computed at.
    noted_revision: Option<u64>,
    /// Wakes the UI from the notes saver thread.
    egui_ctx: Option<egui::Context>,
    smoke: Option<Smoke>,
}

/// Progress of a `--smoke` run: which view is drawn next.
struct Smoke {
    started: Instant,
    frame: usize,
    first_frame_ms: Option<u128>,
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
        let (loaded, problems, failure) = match store::embedded() {
            Ok(l) => (l, Vec::new(), None),
            Err(problems) => (
                Loaded {
                    store: crate::model::Store::default(),
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
            noted_revision: None,
            egui_ctx,
            settings,
            show_problems: !problems.is_empty(),
            loaded,
            problems,
            failure,
            selected: None,
            rows: Vec::new(),
            noted: BTreeSet::new(),
            status: String::new(),
            smoke: options.smoke.then(|| Smoke {
                started: options.started.unwrap_or_else(Instant::now),
                frame: 0,
                first_frame_ms: None,
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
        app
    }

    /// Creates the app inside eframe: fonts, persisted settings, command-line options.
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>, options: &StartOptions) -> Self {
        ui::theme::install(&cc.egui_ctx);
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        Self::with_context(settings, options, Some(cc.egui_ctx.clone()))
    }

    /// Rebuilds what is derived from the store.
    fn rebuild(&mut self) {
        self.rows = ui::list::rows(&self.loaded.store);
        // An import replaces the store in place; the network view must not keep its geometry.
        self.settings.network.store_changed();
        if let Some(id) = &self.selected
            && self.loaded.store.item(id).is_none()
        {
            self.selected = None;
        }
    }

    /// Opens a store from disk; on failure keeps the current store and lists the problems.
    pub fn open(&mut self, path: PathBuf) {
        match store::load_path(&path) {
            Ok(loaded) => {
                self.status = format!("Opened {}: {}", path.display(), loaded.store.summary());
                self.loaded = loaded;
                self.problems.clear();
                self.failure = None;
                self.show_problems = false;
                self.settings.last_store = Some(path);
                self.rebuild();
            }
            Err(err) => {
                let (problems, reason) = match err {
                    LoadError::Invalid(p) => {
                        let reason = format!("{} problem(s) found", p.len());
                        (p, reason)
                    }
                    LoadError::Unreadable { path, source } => (
                        vec![Problem {
                            file: path.display().to_string(),
                            line: 0,
                            column: 0,
                            message: format!("cannot be read: {source}"),
                        }],
                        format!("cannot be read: {source}"),
                    ),
                };
                if self.settings.last_store.as_ref() == Some(&path) {
                    // Do not retry a broken store at every start.
                    self.settings.last_store = None;
                }
                self.status = format!(
                    "Could not open {}: {reason}. Still showing {}.",
                    path.display(),
                    self.loaded.origin
                );
                self.problems = problems;
                self.failure = Some(Failure {
                    attempted: path.display().to_string(),
                    reason,
                });
                self.show_problems = true;
            }
        }
    }

    /// Applies one command. The only place that changes the store or the selection.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Select(id) => self.selected = Some(id),
            Command::ClearSelection => self.selected = None,
            Command::NewNote(target) => self.apply_note(NoteCommand::New(target)),
            Command::Notes(c) => self.apply_note(c),
            Command::Status(s) => self.status = s,
            Command::OpenStore(path) => self.open(path),
            Command::OpenStoreDialog => {
                if let Some(path) = rfd::FileDialog::new()
                    .set_title("Open a Partnership Atlas store")
                    .add_filter("Atlas store (RON)", &["ron"])
                    .pick_file()
                {
                    self.open(path);
                }
            }
            Command::ReloadStore => match self.loaded.origin.clone() {
                Origin::Path(p) => self.open(p),
                Origin::Embedded => match store::embedded() {
                    Ok(l) => {
                        self.loaded = l;
                        self.problems.clear();
                        self.failure = None;
                        self.status = "Reloaded the built-in store".to_owned();
                        self.rebuild();
                    }
                    Err(p) => self.problems = p,
                },
            },
            Command::ShowView(v) => self.settings.view = v,
            Command::ToggleProblems => self.show_problems = !self.show_problems,
        }
    }

    /// Draws one frame into `ui` and applies the commands it produced.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let mut commands = Vec::new();
        self.notes.tick();
        if let Some(m) = self.notes.last_merge.take() {
            self.status = m;
        }
        if self.noted_revision != Some(self.notes.book.revision()) {
            self.noted = self.notes.noted_ids();
            self.noted_revision = Some(self.notes.book.revision());
        }
        let save = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::S);
        if ui.ctx().input_mut(|i| i.consume_shortcut(&save)) {
            commands.push(Command::Notes(NoteCommand::SaveNow));
        }
        if ui.ctx().input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(true)))
        }) {
            self.notes.check_disk();
        }
        // Files dropped on the window open as a store.
        let dropped: Vec<PathBuf> = ui.ctx().input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            commands.push(Command::OpenStore(path));
        }
        if let Some(smoke) = &self.smoke {
            // Show each view once, in turn.
            if let Some(v) = View::ALL.get(smoke.frame) {
                self.settings.view = *v;
            }
        }

        commands.extend(ui::top_bar::show(ui, self));
        if self.show_problems && !self.problems.is_empty() {
            commands.extend(ui::problems::show(
                ui,
                &self.problems,
                self.failure.as_ref(),
            ));
        }
        commands.extend(ui::status_bar::show(
            ui,
            &self.status,
            &self.notes,
            self.last_deleted.as_ref(),
        ));
        let ctx = ViewCtx {
            store: &self.loaded.store,
            selected: self.selected.as_deref(),
            noted: &self.noted,
            hangul: self.settings.hangul,
        };
        if !self.settings.hide_list {
            commands.extend(ui::list::show(
                ui,
                &ctx,
                &self.rows,
                &mut self.settings.list,
            ));
        }
        if !self.settings.hide_details {
            commands.extend(ui::details::show(ui, &ctx, &self.notes.book));
        }
        let notes_status = ui::status_bar::notes_state(&self.notes);
        let settings = &mut self.settings;
        egui::CentralPanel::default().show(ui, |ui| match settings.view {
            View::Network => commands.extend(settings.network.ui(ui, &ctx)),
            View::Charts => commands.extend(settings.charts.ui(ui, &ctx)),
            View::Notes => commands.extend(settings.notes.show(
                ui,
                &self.notes.book,
                &self.loaded.store,
                &notes_status,
            )),
            View::Overview => commands.extend(ui::overview::show(ui, &ctx)),
        });

        for c in commands {
            self.apply(c);
        }
        if let Some((store, summary)) = self.settings.charts.take_store_replacement() {
            self.loaded.store = *store;
            self.status = format!(
                "{summary} — the open store now holds the imported figures; save it from the Charts view to keep them."
            );
            self.rebuild();
        }
        self.smoke_step(ui.ctx());
    }

    /// Applies a notes command.
    fn apply_note(&mut self, command: NoteCommand) {
        let now = Timestamp::now();
        match command {
            NoteCommand::New(target) => {
                let target = target
                    .as_deref()
                    .and_then(|id| self.loaded.store.item(id))
                    .and_then(|item| NoteTarget::from_item(&item));
                let draft = NoteDraft {
                    target,
                    title: String::new(),
                    body: String::new(),
                    tags: Vec::new(),
                    author: self.settings.author.clone(),
                };
                let id = self.notes.book.add(draft, now);
                self.open_note(&id);
            }
            NoteCommand::Open(id) => self.open_note(&id),
            NoteCommand::Update(id, draft) => {
                if let Err(e) = self.notes.book.update(&id, draft, now) {
                    self.status = e.to_string();
                }
            }
            NoteCommand::Delete(id) => match self.notes.book.delete(&id, now) {
                Ok(_) => {
                    let title = self
                        .notes
                        .book
                        .get(&id)
                        .map(|n| n.display_title().to_owned())
                        .unwrap_or_default();
                    self.status = format!("Moved “{title}” to the trash.");
                    self.last_deleted = Some(id);
                }
                Err(e) => self.status = e.to_string(),
            },
            NoteCommand::Undelete(id) => {
                match self.notes.book.undelete(&id, now) {
                    Ok(_) => self.status = "Note restored.".to_owned(),
                    Err(e) => self.status = e.to_string(),
                }
                if self.last_deleted.as_ref() == Some(&id) {
                    self.last_deleted = None;
                }
            }
            NoteCommand::KeepConflictVersion { copy, original } => {
                let Some(copy_note) = self.notes.book.get(&copy) else {
                    return;
                };
                let mut draft = copy_note.draft();
                draft.title = draft
                    .title
                    .trim_end_matches(crate::notes::CONFLICT_SUFFIX)
                    .to_owned();
                let result = self
                    .notes
                    .book
                    .update(&original, draft, now)
                    .and_then(|_| self.notes.book.delete(&copy, now));
                match result {
                    Ok(_) => {
                        self.status =
                            "Kept this version; the other copy is in the trash.".to_owned();
                        self.open_note(&original);
                    }
                    Err(e) => self.status = e.to_string(),
                }
            }
            NoteCommand::SaveNow => {
                self.notes.save_now();
                self.status = if self.notes.is_saving() {
                    format!("Saving notes to {}", self.notes.path.display())
                } else {
                    "Notes cannot be saved until the notes file problem is solved (see the status bar).".to_owned()
                };
            }
            NoteCommand::Export {
                path,
                markdown,
                target,
            } => {
                self.status = match self.export_notes(&path, markdown, target.as_deref()) {
                    Ok(n) => format!("Exported {n} note(s) to {}", path.display()),
                    Err(e) => format!("Could not export notes: {e}"),
                };
            }
            NoteCommand::ExportDialog { markdown, target } => {
                let (name, ext) = if markdown {
                    ("notes.md", "md")
                } else {
                    ("notes-export.ron", "ron")
                };
                if let Some(path) = rfd::FileDialog::new()
                    .set_title("Export notes")
                    .set_file_name(name)
                    .add_filter(if markdown { "Markdown" } else { "Atlas notes" }, &[ext])
                    .save_file()
                {
                    self.apply_note(NoteCommand::Export {
                        path,
                        markdown,
                        target,
                    });
                }
            }
            NoteCommand::Import(path) => {
                self.status = match self.notes.import(&path) {
                    Ok(report) => format!("Imported {}: {}", path.display(), report.summary()),
                    Err(e) => format!("Could not import notes: {e}"),
                };
            }
            NoteCommand::ImportDialog => {
                if let Some(path) = rfd::FileDialog::new()
                    .set_title("Import a colleague's notes")
                    .add_filter("Atlas notes", &["ron"])
                    .pick_file()
                {
                    self.apply_note(NoteCommand::Import(path));
                }
            }
            NoteCommand::RecoverBackup => {
                let w = waker(self.egui_ctx.as_ref());
                self.status = self
                    .notes
                    .recover_from_backup(w)
                    .unwrap_or_else(|e| format!("Could not open the backup: {e}"));
            }
            NoteCommand::StartFresh => {
                let w = waker(self.egui_ctx.as_ref());
                self.status = self
                    .notes
                    .start_fresh(w)
                    .unwrap_or_else(|e| format!("Could not start a new notes file: {e}"));
            }
        }
    }

    fn open_note(&mut self, id: &NoteId) {
        if let Some(note) = self.notes.book.get(id) {
            self.settings.notes.open = Some(Editor::new(note));
            self.settings.view = View::Notes;
        }
    }

    /// Writes live notes (all, or one record's) as a notes file or Markdown, atomically.
    pub fn export_notes(
        &self,
        path: &std::path::Path,
        markdown: bool,
        target: Option<&str>,
    ) -> Result<usize, String> {
        let notes: Vec<&crate::notes::Note> = self
            .notes
            .book
            .live()
            .filter(|n| target.is_none_or(|t| n.target.as_ref().is_some_and(|nt| nt.id == t)))
            .collect();
        let bytes = if markdown {
            crate::notes::export_markdown(notes.iter().copied(), Some(&self.loaded.store))
                .into_bytes()
        } else {
            crate::notes::to_ron(&crate::notes::export_file(notes.iter().copied()))
                .map_err(|e| e.to_string())?
                .into_bytes()
        };
        if crate::io::same_file(path, &self.notes.path) {
            return Err("that is the notes file itself; choose another file".to_owned());
        }
        crate::notes::write_atomic(path, &bytes, false).map_err(|e| e.to_string())?;
        Ok(notes.len())
    }

    fn smoke_step(&mut self, ctx: &egui::Context) {
        let Some(smoke) = &mut self.smoke else { return };
        if smoke.first_frame_ms.is_none() {
            let ms = smoke.started.elapsed().as_millis();
            smoke.first_frame_ms = Some(ms);
            println!("first frame: {ms} ms");
        }
        smoke.frame += 1;
        if smoke.frame == View::ALL.len() + 1 {
            println!("smoke: drew {} views", View::ALL.len());
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else if smoke.frame <= View::ALL.len() {
            ctx.request_repaint();
        }
    }
}

/// A waker for the notes saver: repaints the UI when a save finishes.
fn waker(ctx: Option<&egui::Context>) -> Option<Waker> {
    let ctx = ctx?.clone();
    Some(Box::new(move || ctx.request_repaint()))
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
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
