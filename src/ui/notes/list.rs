//! The left side of the Notes view: filters and the list of notes.

use super::{NoteCommand, NotesView};
use crate::model::Store;
use crate::notes::{Note, NoteQuery, NoteScope, NoteSort, Notebook, TargetKind};
use crate::ui::{Command, theme};

fn sort_label(s: NoteSort) -> &'static str {
    match s {
        NoteSort::UpdatedNewest => "Last changed",
        NoteSort::UpdatedOldest => "Least recently changed",
        NoteSort::CreatedNewest => "Newest",
        NoteSort::CreatedOldest => "Oldest",
        NoteSort::Title => "Title",
    }
}

/// The notes the view's filters select, in its order.
pub fn visible<'a>(book: &'a Notebook, view: &NotesView) -> Vec<&'a Note> {
    let query = NoteQuery {
        text: view.search.clone(),
        tag: view.tag.clone(),
        kind: view.kind,
        target: None,
        scope: view.scope,
        sort: view.sort,
    };
    let mut notes = book.query(&query);
    if view.free_only {
        notes.retain(|n| n.target.is_none());
    }
    notes
}

/// Draws the filters and the list.
pub fn show(
    ui: &mut egui::Ui,
    view: &mut NotesView,
    book: &Notebook,
    store: &Store,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        if ui
            .button("✚ New free note")
            .on_hover_text("A note not attached to any record, e.g. for a trip")
            .clicked()
        {
            commands.push(Command::Notes(NoteCommand::New(None)));
        }
        ui.menu_button("Share…", |ui| {
            if ui.button("Export notes for a colleague…").clicked() {
                commands.push(Command::Notes(NoteCommand::ExportDialog {
                    markdown: false,
                    target: None,
                }));
            }
            if ui.button("Export as Markdown…").clicked() {
                commands.push(Command::Notes(NoteCommand::ExportDialog {
                    markdown: true,
                    target: None,
                }));
            }
            if ui.button("Import a colleague's notes…").clicked() {
                commands.push(Command::Notes(NoteCommand::ImportDialog));
            }
        });
    });
    ui.horizontal(|ui| {
        let label = ui.label("Find");
        ui.add(
            egui::TextEdit::singleline(&mut view.search)
                .hint_text("words in English or 한국어")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    ui.horizontal_wrapped(|ui| {
        let tags = book.tags();
        let label = ui.label("Tag");
        egui::ComboBox::from_id_salt("note_tag")
            .selected_text(view.tag.clone().unwrap_or_else(|| "any".to_owned()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.tag, None, "any");
                for (tag, n) in &tags {
                    ui.selectable_value(&mut view.tag, Some(tag.clone()), format!("{tag} ({n})"));
                }
            })
            .response
            .labelled_by(label.id);
        let about = match (view.free_only, view.kind) {
            (true, _) => "free notes".to_owned(),
            (false, Some(k)) => k.label().to_owned(),
            (false, None) => "anything".to_owned(),
        };
        let label = ui.label("About");
        egui::ComboBox::from_id_salt("note_kind")
            .selected_text(about)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(!view.free_only && view.kind.is_none(), "anything")
                    .clicked()
                {
                    view.free_only = false;
                    view.kind = None;
                }
                if ui.selectable_label(view.free_only, "free notes").clicked() {
                    view.free_only = true;
                    view.kind = None;
                }
                for k in TargetKind::ALL {
                    if ui
                        .selectable_label(!view.free_only && view.kind == Some(k), k.label())
                        .clicked()
                    {
                        view.free_only = false;
                        view.kind = Some(k);
                    }
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label("Order");
        egui::ComboBox::from_id_salt("note_sort")
            .selected_text(sort_label(view.sort))
            .show_ui(ui, |ui| {
                for s in [
                    NoteSort::UpdatedNewest,
                    NoteSort::UpdatedOldest,
                    NoteSort::CreatedNewest,
                    NoteSort::CreatedOldest,
                    NoteSort::Title,
                ] {
                    ui.selectable_value(&mut view.sort, s, sort_label(s));
                }
            })
            .response
            .labelled_by(label.id);
        let trash = view.scope == NoteScope::Trash;
        if ui
            .selectable_label(trash, "Trash")
            .on_hover_text("Deleted notes, which can be restored")
            .clicked()
        {
            view.scope = if trash {
                NoteScope::Live
            } else {
                NoteScope::Trash
            };
        }
    });
    let notes = visible(book, view);
    ui.weak(format!(
        "{} note{}",
        notes.len(),
        if notes.len() == 1 { "" } else { "s" }
    ));
    ui.separator();
    let open = view.open.as_ref().map(|e| e.id.clone());
    egui::ScrollArea::vertical().id_salt("notes_list").auto_shrink(false).show(ui, |ui| {
        if notes.is_empty() {
            ui.weak(if book.live().next().is_none() {
                "No notes yet. Select a programme, partnership or place and press “New note”, or write a free note."
            } else {
                "No note matches."
            });
        }
        for note in notes {
            let selected = open.as_ref() == Some(&note.id);
            let frame = egui::Frame::group(ui.style()).fill(if selected {
                ui.visuals().selection.bg_fill.gamma_multiply(0.4)
            } else {
                egui::Color32::TRANSPARENT
            });
            let r = frame
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal(|ui| {
                        if note.conflict_of.is_some() {
                            ui.colored_label(theme::WARNING, "⚠ conflict");
                        }
                        ui.strong(note.display_title());
                    });
                    let about = match &note.target {
                        Some(t) => store.display_name(&t.id),
                        None => "free note".to_owned(),
                    };
                    ui.weak(format!("{about} · {}", note.updated));
                    if !note.tags.is_empty() {
                        ui.weak(note.tags.iter().map(|t| format!("#{t}")).collect::<Vec<_>>().join(" "));
                    }
                })
                .response
                .interact(egui::Sense::click());
            if r.clicked() {
                commands.push(Command::Notes(NoteCommand::Open(note.id.clone())));
            }
        }
    });
}
