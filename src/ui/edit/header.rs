//! The editing buttons and the edit mark at the top of the details panel, and the list's
//! "New" menu.

use super::{FormRequest, mark, mark_words};
use crate::model::Store;

/// The mark of a record a user added or changed, and the buttons that edit it, for the top of
/// the details panel.
pub fn details_header(
    ui: &mut egui::Ui,
    store: &Store,
    item: crate::model::ItemRef<'_>,
    commands: &mut Vec<crate::ui::Command>,
) {
    use crate::model::ItemRef;
    use crate::ui::Command;
    if let Some(m) = mark(store, item.id()) {
        let source = item
            .citations()
            .last()
            .map(|c| format!(", source: {}", store.display_name(&c.source)))
            .unwrap_or_default();
        let words = format!("✎ {}{source}", mark_words(m));
        ui.add(
            egui::Label::new(
                egui::RichText::new(words)
                    .color(crate::ui::theme::EDITED)
                    .strong(),
            )
            .wrap(),
        )
        .on_hover_text(format!(
            "Not part of the curated store: {}. The Changes panel lists every edit.",
            m.what
        ));
    }
    let editable = matches!(
        item,
        ItemRef::Partnership(_)
            | ItemRef::Place(_)
            | ItemRef::Organisation(_)
            | ItemRef::Agreement(_)
            | ItemRef::Source(_)
    );
    ui.horizontal_wrapped(|ui| {
        if editable
            && ui
                .button("Edit")
                .on_hover_text("Change this record's fields and sources")
                .clicked()
        {
            commands.push(Command::EditForm(FormRequest::Edit(item.id().to_owned())));
        }
        if matches!(
            item,
            ItemRef::Programme(_) | ItemRef::Partnership(_) | ItemRef::Cohort(_)
        ) && ui
            .button("Add milestone")
            .on_hover_text("Record a dated event, with its source")
            .clicked()
        {
            commands.push(Command::EditForm(FormRequest::AddMilestone(
                item.id().to_owned(),
            )));
        }
        if matches!(item, ItemRef::Place(_) | ItemRef::Organisation(_))
            && ui
                .button("New partnership…")
                .on_hover_text("Add a partnership with this as one end")
                .clicked()
        {
            commands.push(Command::EditForm(FormRequest::NewPartnership(Some(
                item.id().to_owned(),
            ))));
        }
        if ui
            .button("Delete…")
            .on_hover_text("Remove this record from the open store (asks first; Ctrl+Z undoes)")
            .clicked()
        {
            commands.push(Command::EditForm(FormRequest::Delete(item.id().to_owned())));
        }
    });
}

/// The "New ▾" menu of the browse list: add a partnership, place, organisation, agreement or
/// source to the open store.
pub fn new_menu(ui: &mut egui::Ui) -> Option<crate::ui::Command> {
    let mut out = None;
    ui.menu_button("New ▾", |ui| {
        for (text, request) in [
            ("New partnership…", FormRequest::NewPartnership(None)),
            ("New place…", FormRequest::NewPlace),
            ("New organisation…", FormRequest::NewOrganisation),
            ("New agreement…", FormRequest::NewAgreement),
            ("New source…", FormRequest::NewSource),
        ] {
            if ui.button(text).clicked() {
                out = Some(crate::ui::Command::EditForm(request));
            }
        }
    })
    .response
    .on_hover_text("Add a record to the open store (every fact with its source)");
    out
}

/// A bar above the status bar while the store has unsaved edits: says so, and offers where to
/// save them — "Save as my store…" for the read-only built-in store, "Save store" otherwise.
pub fn unsaved_bar(ui: &mut egui::Ui, built_in: bool) -> Vec<crate::ui::Command> {
    use crate::ui::{Command, UiCommand};
    let mut out = Vec::new();
    egui::Panel::bottom("unsaved_store_bar").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(crate::ui::theme::EDITED, "● Unsaved store edits");
            if built_in {
                ui.label("The built-in store is read-only; keep your edits in your own store:");
                if UiCommand::SaveMyStore.button(ui) {
                    out.push(Command::Ui(UiCommand::SaveMyStore));
                }
            } else if UiCommand::SaveStore.button(ui) {
                out.push(Command::Ui(UiCommand::SaveStore));
            }
            if UiCommand::ShowChanges.button(ui) {
                out.push(Command::Ui(UiCommand::ShowChanges));
            }
        });
    });
    out
}
