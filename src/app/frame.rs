//! One frame: read the input (shortcuts, dropped files, a close request), draw the panels and
//! views with what they may read, then apply the commands they returned.

use std::path::PathBuf;

use crate::store::Origin;
use crate::ui::dialogs::{self, ConfirmChoice};
use crate::ui::status_bar::NotesStatus;
use crate::ui::top_bar::TopBar;
use crate::ui::{self, Command, UiCommand, View, ViewCtx};

use super::{AtlasApp, Pending};

impl AtlasApp {
    /// Draws one frame into `ui` and applies the commands it produced.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let mut commands = Vec::new();
        self.sync_theme(&ctx);
        self.notes.tick();
        self.poll_briefing(&ctx);
        self.poll_job(&ctx);
        self.poll_reading();
        if let Some(m) = self.notes.last_merge.take() {
            self.status = m;
        }
        if self.noted_revision != Some(self.notes.book.revision()) {
            self.noted = self.notes.noted_ids();
            self.noted_revision = Some(self.notes.book.revision());
        }
        commands.extend(shortcuts(&ctx, self.modal_open()));
        if ctx.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(true)))
        }) {
            self.notes.check_disk();
        }
        // Files dropped on the window open as a store.
        let dropped: Option<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
        });
        if let Some(path) = dropped {
            commands.push(Command::OpenStore(path));
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            // A signal cannot be answered: unsaved store changes go to a rescue file instead.
            let unattended = super::signals::requested() && self.close_unattended();
            if self.store_unsaved() && !self.close_confirmed && !unattended {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.confirm = Some(Pending::Quit);
            } else {
                // An export still being written finishes first (it takes a second at most).
                self.finish_job();
                // The notes are saved before the window goes; when neither the file nor a
                // rescue copy can be written, the window stays open and says where they are.
                let outcome = self.notes.flush();
                if !outcome.may_close() {
                    ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                    self.status = outcome
                        .message(&self.notes.path)
                        .unwrap_or_else(|| "Your notes could not be saved yet.".to_owned());
                }
            }
        }
        if let Some(smoke) = &self.smoke {
            // Show each view once, in turn.
            if let Some(v) = View::ALL.get(smoke.frame) {
                self.settings.view = *v;
            }
        }

        commands.extend(self.draw(ui));
        commands.extend(self.modals(&ctx));

        for c in commands {
            self.apply(c);
        }
        self.update_title(&ctx);
        self.smoke_step(&ctx);
    }

    /// The theme setting is the truth: the context follows it (in a harness as in the window);
    /// a change shows from the next frame, which it asks for.
    fn sync_theme(&self, ctx: &egui::Context) {
        let wanted = self.settings.theme.preference();
        if ctx.options(|o| o.theme_preference) != wanted {
            ctx.set_theme(wanted);
            ctx.request_repaint();
        }
    }

    fn modal_open(&self) -> bool {
        self.path_prompt.is_some()
            || self.confirm.is_some()
            || self.author_prompt.is_some()
            || self.disk_conflict.is_some()
            || self.review.is_some()
    }

    /// Draws the panels and the central view.
    fn draw(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        self.panel_fit = super::layout::fit_panels(
            ui.available_width(),
            !self.settings.hide_list,
            !self.settings.hide_details,
            self.prefer_details,
        );
        let origin = self.loaded.origin.to_string();
        let notes_path = self.notes.path.display().to_string();
        let bar = TopBar {
            store_name: &self.loaded.store.name,
            store_hover: format!(
                "{}\n{}",
                self.loaded.store.summary(),
                self.loaded.store.description
            ),
            origin,
            unsaved: self.store_unsaved(),
            problems: self.problems.len(),
            failure: self.failure.as_ref().map(|f| {
                format!(
                    "Could not open {} ({}); showing the store above.",
                    f.attempted, f.reason
                )
            }),
            view: self.settings.view,
            hangul: self.settings.hangul,
            show_list: self.panel_fit.list,
            show_details: self.panel_fit.details,
            author: &self.settings.author,
            notes_path,
            undo: self.history.undo_label(),
            redo: self.history.redo_label(),
            theme: self.settings.theme,
            scale: self.settings.scale.unwrap_or(1.0),
        };
        commands.extend(ui::top_bar::show(ui, &bar));
        if self.show_problems && !self.problems.is_empty() {
            commands.extend(ui::problems::show(
                ui,
                &self.problems,
                self.failure.as_ref(),
            ));
        }
        let notes_status = self.notes_status();
        commands.extend(ui::status_bar::show(
            ui,
            &self.status,
            &notes_status,
            self.last_deleted.as_ref(),
        ));
        commands.extend(self.edit_panels(ui));
        let ctx = ViewCtx {
            store: &self.loaded.store,
            selected: self.selected.as_deref(),
            noted: &self.noted,
            hangul: self.settings.hangul,
        };
        let fit = self.panel_fit;
        let before_list = ui.available_width();
        let full = ui.available_rect_before_wrap();
        if fit.list {
            if std::mem::take(&mut self.focus_search) {
                self.settings.list.focus_search = true;
            }
            commands.extend(ui::list::show_with_notes(
                ui,
                &ctx,
                &mut self.rows,
                &mut self.settings.list,
                Some(&self.notes.book),
                fit.list_max,
            ));
        }
        let after_list = ui.available_rect_before_wrap();
        if let Some(form) = &mut self.edit_form {
            commands.extend(ui::edit::form::panel(
                ui,
                form,
                &self.loaded.store,
                fit.details_max.max(280.0),
            ));
        } else if fit.details {
            commands.extend(ui::details::show(
                ui,
                &ctx,
                &self.notes.book,
                fit.details_beside(before_list - ui.available_width()),
            ));
        }
        if !self.settings.hint_seen && self.smoke.is_none() {
            commands.extend(ui::dialogs::first_run_hint(ui));
        }
        let after_details = ui.available_rect_before_wrap();
        let settings = &mut self.settings;
        let central = egui::CentralPanel::default().show(ui, |ui| {
            match settings.view {
                View::Network => commands.extend(settings.network.ui(ui, &ctx)),
                View::Timeline => commands.extend(settings.timeline.ui(
                    ui,
                    &ctx,
                    &settings.network.filter,
                    settings.network.filter.year,
                )),
                View::Charts => commands.extend(settings.charts.ui(ui, &ctx)),
                View::Notes => commands.extend(settings.notes.show(
                    ui,
                    &self.notes.book,
                    &self.loaded.store,
                    &notes_status.state,
                )),
                View::Overview => commands.extend(ui::overview::show(ui, &ctx)),
            }
            ui.min_rect()
        });
        self.drawn = super::layout::Drawn::from_rooms(
            fit,
            full,
            after_list,
            after_details,
            central.response.rect,
            central.inner,
        );
        commands
    }

    /// The path field, "unsaved changes", the shortcut sheet and the About box.
    fn modals(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        if let Some(prompt) = &mut self.path_prompt {
            match dialogs::path_prompt(ctx, &prompt.action, &mut prompt.text) {
                Some(Some(path)) => {
                    let action = prompt.action.clone();
                    self.path_prompt = None;
                    commands.push(Command::FileAt(action, path));
                }
                Some(None) => {
                    self.path_prompt = None;
                    self.status = "Nothing done: no path given.".to_owned();
                }
                None => {}
            }
        }
        if let Some(pending) = self.confirm.clone() {
            let what = match &pending {
                Pending::Reload => "reload the store".to_owned(),
                Pending::Open(p) => format!("open {}", p.display()),
                Pending::Quit => "quit".to_owned(),
            };
            match dialogs::confirm_unsaved(ctx, &what) {
                Some(ConfirmChoice::Save) => {
                    self.confirm = None;
                    match self.loaded.origin.clone() {
                        Origin::Path(p) if p.is_file() || p.is_dir() => {
                            commands.extend(self.save_open_store());
                            // Quitting after a failed save: the changes go to a rescue file.
                            if !self.store_unsaved()
                                || (pending == Pending::Quit && self.rescue_store().is_ok())
                            {
                                self.run_pending(pending);
                            }
                        }
                        _ => {
                            self.status =
                                "Save the store first (File → Save as my store…), then try again."
                                    .to_owned();
                            commands.push(Command::Ui(UiCommand::SaveMyStore));
                        }
                    }
                }
                Some(ConfirmChoice::Discard) => {
                    self.confirm = None;
                    // Dropping the changes: the store that is open again is saved as it is.
                    self.saved_generation = self.store_generation;
                    self.run_pending(pending);
                }
                Some(ConfirmChoice::Cancel) => self.confirm = None,
                None => {}
            }
        }
        if let Some(name) = &mut self.author_prompt
            && let Some(answer) = dialogs::author_prompt(ctx, name)
        {
            self.author_prompt = None;
            self.settings.author_asked = true;
            if let Some(name) = answer {
                commands.push(Command::Set(ui::Setting::Author(name.clone())));
                // The note just written carries the name too.
                if let Some(editor) = &self.settings.notes.open
                    && let Some(note) = self.notes.book.get(&editor.id)
                    && note.author.is_empty()
                {
                    let mut draft = note.draft();
                    draft.author = name;
                    commands.push(Command::Notes(ui::notes::NoteCommand::Update(
                        editor.id.clone(),
                        draft,
                    )));
                }
            }
        }
        self.edit_modals(ctx);
        if let Some(offer) = &self.rescue_offer
            && let Some(open) = super::rescue::offer_window(ctx, offer)
            && let Some(path) = self.answer_rescue_offer(open)
        {
            commands.push(Command::OpenStore(path));
        }
        if self.show_shortcuts {
            self.show_shortcuts = dialogs::shortcuts(ctx);
        }
        if self.show_about {
            let about = dialogs::About {
                version: env!("CARGO_PKG_VERSION"),
                store: format!(
                    "{} — {}",
                    self.loaded.store.name,
                    self.loaded.store.summary()
                ),
                notes_path: self.notes.path.display().to_string(),
                sources: self
                    .loaded
                    .store
                    .sources
                    .iter()
                    .map(|s| format!("{} — {} ({})", s.title, s.publisher, s.date))
                    .collect(),
            };
            self.show_about = dialogs::about(ctx, &about);
        }
        commands
    }

    /// The notes file's state as plain values for the status bar.
    pub fn notes_status(&self) -> NotesStatus {
        let notes = &self.notes;
        let state = if notes.load_error.is_some() {
            "Notes are not being saved (see below)".to_owned()
        } else if notes.save_error.is_some() {
            "Notes NOT saved yet — retrying".to_owned()
        } else if notes.all_saved() {
            match notes.last_saved {
                Some(t) => format!("Notes saved {t}"),
                None => "Notes saved".to_owned(),
            }
        } else {
            "Saving notes…".to_owned()
        };
        NotesStatus {
            state,
            path: notes.path.display().to_string(),
            load_error: notes.load_error.clone(),
            can_recover: notes.can_recover,
            save_error: notes.save_error.clone(),
        }
    }

    /// The window title names the open store, with ● while it has unsaved changes.
    fn update_title(&mut self, ctx: &egui::Context) {
        let name = if self.loaded.store.name.is_empty() {
            "Untitled store"
        } else {
            &self.loaded.store.name
        };
        let title = crate::desktop::window_title(name, self.store_unsaved());
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

/// The commands whose shortcuts were pressed this frame. Shortcuts with more modifiers are
/// tried first (Ctrl+Shift+Z before Ctrl+Z); a focused text field keeps Ctrl+Z and Escape;
/// while a modal dialog is open only the shortcut sheet and zoom work.
fn shortcuts(ctx: &egui::Context, modal: bool) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    let popup = egui::Popup::is_any_open(ctx);
    let mut table: Vec<(UiCommand, egui::KeyboardShortcut)> = UiCommand::ALL
        .iter()
        .flat_map(|&c| {
            c.shortcut()
                .into_iter()
                .chain(c.alternative_shortcuts().iter().copied())
                .map(move |s| (c, s))
        })
        .collect();
    let weight = |s: &egui::KeyboardShortcut| {
        u8::from(s.modifiers.shift) + u8::from(s.modifiers.alt) + u8::from(s.modifiers.command)
    };
    table.sort_by_key(|(_, s)| std::cmp::Reverse(weight(s)));
    let mut out = Vec::new();
    for (c, s) in table {
        if (typing || popup) && c.yields_to_text_fields() {
            continue;
        }
        if modal
            && !matches!(
                c,
                UiCommand::ShowShortcuts
                    | UiCommand::ZoomIn
                    | UiCommand::ZoomOut
                    | UiCommand::ZoomReset
            )
        {
            continue;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&s)) {
            out.push(Command::Ui(c));
        }
    }
    out
}
