//! The note editor: title, tags and Markdown text, with a rendered preview. Every change goes
//! to the notebook at once (the saver writes it a moment after typing stops).

use egui_commonmark::{CommonMarkCache, CommonMarkViewer};

use super::NoteCommand;
use crate::model::Store;
use crate::notes::{Note, NoteDraft, NoteId, NoteTarget, Notebook, normalise_tags};
use crate::ui::{Command, theme};

/// The note being edited: a working copy of its fields.
pub struct Editor {
    /// The note.
    pub id: NoteId,
    title: String,
    tags: String,
    body: String,
    target: Option<NoteTarget>,
    author: String,
    /// The note's content hash when the working copy was last in step with it.
    seen: u64,
    /// An update was sent this frame and is not in the notebook yet.
    pending: bool,
    preview_cache: CommonMarkCache,
}

impl std::fmt::Debug for Editor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Editor")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl Clone for Editor {
    fn clone(&self) -> Self {
        Self {
            id: self.id.clone(),
            title: self.title.clone(),
            tags: self.tags.clone(),
            body: self.body.clone(),
            target: self.target.clone(),
            author: self.author.clone(),
            seen: self.seen,
            pending: self.pending,
            preview_cache: CommonMarkCache::default(),
        }
    }
}

impl Editor {
    /// Opens a note.
    pub fn new(note: &Note) -> Self {
        let mut e = Self {
            id: note.id.clone(),
            title: String::new(),
            tags: String::new(),
            body: String::new(),
            target: None,
            author: String::new(),
            seen: note.content_hash(),
            pending: false,
            preview_cache: CommonMarkCache::default(),
        };
        e.load(note);
        e
    }

    fn load(&mut self, note: &Note) {
        self.title = note.title.clone();
        self.tags = note.tags.join(", ");
        self.body = note.body.clone();
        self.target = note.target.clone();
        self.author = note.author.clone();
    }

    fn draft(&self) -> NoteDraft {
        NoteDraft {
            target: self.target.clone(),
            title: self.title.clone(),
            body: self.body.clone(),
            tags: normalise_tags(self.tags.split(',')),
            author: self.author.clone(),
        }
    }

    /// Draws the editor. `preview` toggles the rendered Markdown.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        book: &Notebook,
        store: &Store,
        preview: &mut bool,
        status: &str,
        commands: &mut Vec<Command>,
    ) {
        let Some(note) = book.get(&self.id) else {
            ui.label("This note no longer exists.");
            return;
        };
        // A change merged in from disk or an import replaces the working copy; our own
        // update of the last frame does not.
        let hash = note.content_hash();
        if self.pending {
            self.pending = false;
        } else if hash != self.seen {
            self.load(note);
        }
        self.seen = hash;
        let mut changed = false;
        if note.deleted {
            ui.horizontal(|ui| {
                ui.colored_label(theme::WARNING, "This note is in the trash.");
                if ui.button("Restore").clicked() {
                    commands.push(Command::Notes(NoteCommand::Undelete(self.id.clone())));
                }
            });
        }
        if let Some(original) = &note.conflict_of
            && let Some(mine) = book.get(original)
        {
            // The two versions side by side, differing lines marked; one click resolves.
            if let Some(resolution) = super::conflict::show(ui, mine, note) {
                commands.push(Command::Notes(NoteCommand::ResolveConflict {
                    copy: self.id.clone(),
                    original: original.clone(),
                    resolution,
                }));
            }
            if ui.link("Open the other version").clicked() {
                commands.push(Command::Notes(NoteCommand::Open(original.clone())));
            }
        }
        egui::Grid::new("note_fields")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let label = ui.label("Title");
                changed |= ui
                    .add(
                        egui::TextEdit::singleline(&mut self.title)
                            .hint_text("Untitled")
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id)
                    .changed();
                ui.end_row();
                ui.label("About");
                match &self.target {
                    Some(t) => {
                        if ui.link(store.display_name(&t.id)).clicked() {
                            commands.push(Command::Select(t.id.clone()));
                        }
                    }
                    None => {
                        ui.weak("Free note (not attached to a record)");
                    }
                }
                ui.end_row();
                let label = ui.label("Tags");
                changed |= ui
                    .add(
                        egui::TextEdit::singleline(&mut self.tags)
                            .hint_text("trip, sejong-2026, follow-up")
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id)
                    .changed();
                ui.end_row();
                ui.label("Written");
                // Wraps in a narrow view rather than push the editor over the details panel.
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(format!(
                            "{} by {} · changed {}",
                            note.created,
                            if note.author.is_empty() {
                                "—"
                            } else {
                                &note.author
                            },
                            note.updated
                        ))
                        .weak(),
                    )
                    .wrap(),
                );
                ui.end_row();
            });
        ui.horizontal_wrapped(|ui| {
            ui.toggle_value(preview, "Preview")
                .on_hover_text("Show the Markdown rendered beside the text");
            if ui.button("Save now").on_hover_text("Ctrl+S").clicked() {
                commands.push(Command::Notes(NoteCommand::SaveNow));
            }
            if !note.deleted
                && ui
                    .button("Delete")
                    .on_hover_text("Move to the trash (can be undone)")
                    .clicked()
            {
                commands.push(Command::Notes(NoteCommand::Delete(self.id.clone())));
            }
            if ui.button("Export as Markdown…").clicked() {
                commands.push(Command::Notes(NoteCommand::ExportDialog {
                    markdown: true,
                    target: self.target.as_ref().map(|t| t.id.clone()),
                }));
            }
            ui.weak(status);
        });
        ui.separator();
        let body_label = ui.label("Text (Markdown)");
        let height = ui.available_height();
        if *preview {
            ui.columns(2, |cols| {
                changed |= edit_body(&mut cols[0], &mut self.body, body_label.id, height);
                egui::ScrollArea::vertical()
                    .id_salt("note_preview")
                    .show(&mut cols[1], |ui| {
                        // Links show their full address on hover and open only on click;
                        // other schemes and images are shown as text (see `preview_markdown`).
                        ui.style_mut().url_in_tooltip = true;
                        let safe = crate::notes::preview_markdown(&self.body);
                        CommonMarkViewer::new().show(ui, &mut self.preview_cache, &safe);
                    });
            });
        } else {
            changed |= edit_body(ui, &mut self.body, body_label.id, height);
        }
        if changed {
            self.pending = true;
            commands.push(Command::Notes(NoteCommand::Update(
                self.id.clone(),
                self.draft(),
            )));
        }
    }
}

/// The Markdown text box; returns whether the text changed.
fn edit_body(ui: &mut egui::Ui, body: &mut String, label: egui::Id, height: f32) -> bool {
    egui::ScrollArea::vertical()
        .id_salt("note_body")
        .show(ui, |ui| {
            ui.add_sized(
                [ui.available_width(), height.max(120.0) - 8.0],
                egui::TextEdit::multiline(body)
                    .hint_text("Write here. **Markdown** works: lists, headings, links.")
                    .lock_focus(true),
            )
            .labelled_by(label)
            .changed()
        })
        .inner
}
