//! The application: its state, the commands the panels ask for, and one frame.
//!
//! Panels and views only read state (through [`crate::ui::ViewCtx`]) and push
//! [`Command`]s; [`AtlasApp::apply`] is the one place that changes the store and the selection.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::store::{self, LoadError, Loaded, Origin, Problem};
use crate::ui::{self, Command, ViewCtx};

/// The central views, in tab order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    /// Programmes, the store's make-up and its sources.
    #[default]
    Overview,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 1] = [View::Overview];

    /// The tab label.
    pub fn label(self) -> &'static str {
        match self {
            View::Overview => "Overview",
        }
    }
}

/// The state we persist between runs (window size and panel widths are kept by eframe/egui).
#[derive(Debug, Default, Serialize, Deserialize)]
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
        let mut app = Self {
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
        let path = options.store.clone().or_else(|| app.settings.last_store.clone());
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
        Self::new(settings, options)
    }

    /// Rebuilds what is derived from the store.
    fn rebuild(&mut self) {
        self.rows = ui::list::rows(&self.loaded.store);
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
            Command::NewNote(_) => {}
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
        // Files dropped on the window open as a store.
        let dropped: Vec<PathBuf> = ui
            .ctx()
            .input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect());
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
            commands.extend(ui::problems::show(ui, &self.problems, self.failure.as_ref()));
        }
        ui::status_bar::show(ui, &self.status);
        let ctx = ViewCtx {
            store: &self.loaded.store,
            selected: self.selected.as_deref(),
            noted: &self.noted,
            hangul: self.settings.hangul,
        };
        commands.extend(ui::list::show(ui, &ctx, &self.rows, &mut self.settings.list));
        commands.extend(ui::details::show(ui, &ctx));
        egui::CentralPanel::default().show(ui, |ui| match self.settings.view {
            View::Overview => commands.extend(ui::overview::show(ui, &ctx)),
        });

        for c in commands {
            self.apply(c);
        }
        self.smoke_step(ui.ctx());
    }

    fn smoke_step(&mut self, ctx: &egui::Context) {
        let Some(smoke) = &mut self.smoke else { return };
        if smoke.first_frame_ms.is_none() {
            let ms = smoke.started.elapsed().as_millis();
            smoke.first_frame_ms = Some(ms);
            println!("first frame: {ms} ms");
        }
        smoke.frame += 1;
        if smoke.frame > View::ALL.len() {
            println!("smoke: drew {} views", View::ALL.len());
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ctx.request_repaint();
        }
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
