//! What the open store adds to, removes from and changes in the built-in store (the "Changes"
//! panel), and the choice shown when a store changed on disk since it was read.

use crate::model::Store;
use crate::ui::Command;

/// One record that differs from the base store.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// "added", "removed" or "changed".
    pub what: &'static str,
    /// The kind of record ("Partnership").
    pub kind: &'static str,
    pub id: String,
    pub name: String,
    /// The edit mark's words, where the record has one.
    pub mark: Option<String>,
}

/// Every record added to, removed from or changed in `base` by `open`: added and changed in
/// the open store's order, then removed in the base's.
pub fn changes(base: &Store, open: &Store) -> Vec<Change> {
    let text = |s: &Store, id: &str| s.item(id).map(|i| format!("{i:?}"));
    let mark =
        |id: &str| super::mark(open, id).map(|m| format!("{} — {}", super::mark_words(m), m.what));
    let mut out = Vec::new();
    for i in open.items() {
        let what = match text(base, i.id()) {
            None => "added",
            Some(t) if Some(&t) != text(open, i.id()).as_ref() => "changed",
            Some(_) => continue,
        };
        out.push(Change {
            what,
            kind: i.kind(),
            id: i.id().to_owned(),
            name: i.name().to_owned(),
            mark: mark(i.id()),
        });
    }
    for i in base.items() {
        if open.item(i.id()).is_none() {
            out.push(Change {
                what: "removed",
                kind: i.kind(),
                id: i.id().to_owned(),
                name: i.name().to_owned(),
                mark: None,
            });
        }
    }
    out
}

/// The built-in store, read once, as the base of the Changes panel.
pub fn embedded_base() -> &'static Store {
    static BASE: std::sync::OnceLock<Store> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        crate::store::embedded()
            .map(crate::store::Loaded::into_store)
            .unwrap_or_default()
    })
}

/// Draws the Changes panel at the bottom; a click on a change selects its record.
pub fn panel(ui: &mut egui::Ui, list: &[Change], store: &Store) -> Vec<Command> {
    let mut out = Vec::new();
    egui::Panel::bottom("changes_panel")
        .resizable(true)
        .default_size(160.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong("Changes");
                ui.weak(match list.len() {
                    0 => "the open store holds exactly the built-in records".to_owned(),
                    1 => "1 record differs from the built-in store".to_owned(),
                    n => format!("{n} records differ from the built-in store"),
                });
                if ui.small_button("Close").clicked() {
                    out.push(Command::Ui(crate::ui::UiCommand::ShowChanges));
                }
            });
            egui::ScrollArea::vertical()
                .id_salt("changes_scroll")
                .auto_shrink(false)
                .show(ui, |ui| {
                    for c in list {
                        ui.horizontal_wrapped(|ui| {
                            let colour = match c.what {
                                "removed" => crate::ui::theme::ERROR,
                                _ => crate::ui::theme::EDITED,
                            };
                            ui.colored_label(colour, c.what);
                            ui.weak(c.kind);
                            let link = ui.link(&c.name);
                            if link.clicked() {
                                if store.item(&c.id).is_some() {
                                    out.push(Command::Select(c.id.clone()));
                                } else {
                                    out.push(Command::Status(format!(
                                        "“{}” is not in the open store (it was removed); \
                                         Ctrl+Z brings it back if you removed it just now.",
                                        c.name
                                    )));
                                }
                            }
                            if let Some(m) = &c.mark {
                                link.on_hover_text(m);
                            }
                        });
                    }
                });
        });
    out
}

/// A save that would overwrite files someone else changed, waiting for the user's choice.
#[derive(Clone, Debug, PartialEq)]
pub struct DiskConflict {
    /// The store's file or folder.
    pub path: std::path::PathBuf,
    /// What differs between the open store and the one on disk, in words.
    pub differences: Vec<String>,
}

/// What to do with a store that changed on disk since it was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskChoice {
    /// Keep mine and overwrite the files.
    KeepMine,
    /// Read the store on disk; my unsaved changes are dropped.
    TakeTheirs,
    /// Save mine somewhere else.
    SaveElsewhere,
    /// Do nothing now.
    Cancel,
}

/// The dialog: what differs, and the three choices.
pub fn disk_conflict(ctx: &egui::Context, conflict: &DiskConflict) -> Option<DiskChoice> {
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("store_disk_conflict")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("The store changed on disk");
        ui.label(format!(
            "Someone or something changed {} since you opened it. Nothing was overwritten. \
             What differs (+ only in yours, − only on disk, ~ changed: disk → yours):",
            conflict.path.display()
        ));
        egui::ScrollArea::vertical()
            .max_height(220.0)
            .show(ui, |ui| {
                if conflict.differences.is_empty() {
                    ui.weak("The records are the same; only the files changed.");
                }
                for d in &conflict.differences {
                    ui.label(d);
                }
            });
        ui.horizontal_wrapped(|ui| {
            if ui.button("Keep mine and overwrite").clicked() {
                choice = Some(DiskChoice::KeepMine);
            }
            if ui.button("Take theirs (drop my changes)").clicked() {
                choice = Some(DiskChoice::TakeTheirs);
            }
            if ui.button("Save mine elsewhere…").clicked() {
                choice = Some(DiskChoice::SaveElsewhere);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(DiskChoice::Cancel);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(DiskChoice::Cancel);
    }
    choice
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_list_added_changed_and_removed_records() {
        let base = embedded_base().clone();
        let mut open = base.clone();
        open.partnerships[0].since = Some(2003);
        let removed = open.sources.pop().expect("source");
        let mut place = open.places[0].clone();
        place.id = "place-new".into();
        open.places.push(place);
        let got = changes(&base, &open);
        let find = |what: &str, id: &str| got.iter().any(|c| c.what == what && c.id == id);
        assert!(find("changed", &base.partnerships[0].id));
        assert!(find("added", "place-new"));
        assert!(find("removed", &removed.id));
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(changes(&base, &base).is_empty());
    }
}
