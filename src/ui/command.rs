//! The commands a menu item, a button or a keyboard shortcut can name, each with its words and
//! its shortcut in one place (as rerun's `UiCommand`): the menus, the buttons, the shortcut sheet
//! and the tests all read this table.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A command that needs no argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UiCommand {
    /// Open a store file or folder (asks for the path).
    OpenStore,
    /// Save the open store where it came from (asks for a path for the built-in store).
    SaveStore,
    /// Save the open store under a new path.
    SaveStoreAs,
    /// Save the open store as the user's own store: a folder (in the data folder by default).
    SaveMyStore,
    /// Show or hide the Changes panel (what the open store changes in the built-in one).
    ShowChanges,
    /// Export what the open store changes in the built-in one, as a change file.
    ExportChanges,
    /// Apply a colleague's change file (review and pick conflicts first).
    ApplyChanges,
    /// Read the open store again from where it came from.
    ReloadStore,
    /// Import newer indicator figures from a CSV file.
    ImportCsv,
    /// Undo the last change to the data.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Write a new note on the selected record (or a free note).
    NewNote,
    /// Save the notes now instead of a moment after typing stops.
    SaveNotes,
    /// Export every note as a notes file for a colleague.
    ExportNotes,
    /// Export every note as Markdown, for a report.
    ExportNotesMarkdown,
    /// Merge a colleague's notes file into yours.
    ImportNotes,
    /// Put the keyboard focus in the search box.
    FocusSearch,
    /// Clear the selection and close the selection card.
    ClearSelection,
    /// Show the network view.
    ShowNetwork,
    /// Show the timeline.
    ShowTimeline,
    /// Show the charts view.
    ShowCharts,
    /// Show the notes view.
    ShowNotes,
    /// Show the overview.
    ShowOverview,
    /// Show or hide the browse list.
    ToggleList,
    /// Show or hide the details panel.
    ToggleDetails,
    /// Show Hangul names where a record has one.
    ToggleHangul,
    /// Make everything larger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Back to the normal size.
    ZoomReset,
    /// Show the keyboard shortcuts.
    ShowShortcuts,
    /// About Partnership Atlas: version, data sources, licences, where notes are kept.
    ShowAbout,
    /// Close the window (asks first when the store has unsaved changes).
    Quit,
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl UiCommand {
    /// Every command, in the order of the shortcut sheet.
    pub const ALL: &'static [UiCommand] = &[
        UiCommand::OpenStore,
        UiCommand::SaveStore,
        UiCommand::SaveStoreAs,
        UiCommand::SaveMyStore,
        UiCommand::ShowChanges,
        UiCommand::ExportChanges,
        UiCommand::ApplyChanges,
        UiCommand::ReloadStore,
        UiCommand::ImportCsv,
        UiCommand::Undo,
        UiCommand::Redo,
        UiCommand::NewNote,
        UiCommand::SaveNotes,
        UiCommand::ExportNotes,
        UiCommand::ExportNotesMarkdown,
        UiCommand::ImportNotes,
        UiCommand::FocusSearch,
        UiCommand::ClearSelection,
        UiCommand::ShowNetwork,
        UiCommand::ShowTimeline,
        UiCommand::ShowCharts,
        UiCommand::ShowNotes,
        UiCommand::ShowOverview,
        UiCommand::ToggleList,
        UiCommand::ToggleDetails,
        UiCommand::ToggleHangul,
        UiCommand::ZoomIn,
        UiCommand::ZoomOut,
        UiCommand::ZoomReset,
        UiCommand::ShowShortcuts,
        UiCommand::ShowAbout,
        UiCommand::Quit,
    ];

    /// The words on a menu item or button.
    pub fn text(self) -> &'static str {
        match self {
            UiCommand::OpenStore => "Open store…",
            UiCommand::SaveStore => "Save store",
            UiCommand::SaveStoreAs => "Save store as…",
            UiCommand::SaveMyStore => "Save as my store…",
            UiCommand::ShowChanges => "Changes",
            UiCommand::ExportChanges => "Export my changes…",
            UiCommand::ApplyChanges => "Apply a colleague's changes…",
            UiCommand::ReloadStore => "Reload store",
            UiCommand::ImportCsv => "Import indicator CSV…",
            UiCommand::Undo => "Undo",
            UiCommand::Redo => "Redo",
            UiCommand::NewNote => "New note",
            UiCommand::SaveNotes => "Save notes now",
            UiCommand::ExportNotes => "Export notes…",
            UiCommand::ExportNotesMarkdown => "Export notes as Markdown…",
            UiCommand::ImportNotes => "Merge a colleague's notes…",
            UiCommand::FocusSearch => "Search",
            UiCommand::ClearSelection => "Clear selection",
            UiCommand::ShowNetwork => "Network",
            UiCommand::ShowTimeline => "Timeline",
            UiCommand::ShowCharts => "Charts",
            UiCommand::ShowNotes => "Notes",
            UiCommand::ShowOverview => "Overview",
            UiCommand::ToggleList => "Browse list",
            UiCommand::ToggleDetails => "Details panel",
            UiCommand::ToggleHangul => "한국어 names",
            UiCommand::ZoomIn => "Zoom in",
            UiCommand::ZoomOut => "Zoom out",
            UiCommand::ZoomReset => "Actual size",
            UiCommand::ShowShortcuts => "Keyboard shortcuts",
            UiCommand::ShowAbout => "About Partnership Atlas",
            UiCommand::Quit => "Quit",
        }
    }

    /// What the command does, for a tooltip.
    pub fn tooltip(self) -> &'static str {
        match self {
            UiCommand::OpenStore => {
                "Open a .ron store file or a folder of them (you can also drop one on the window)"
            }
            UiCommand::SaveStore => "Save the open store's changes where it came from",
            UiCommand::SaveStoreAs => "Save the open store as a new .ron file",
            UiCommand::SaveMyStore => {
                "Save the open store, with your edits, as your own store folder (the built-in \
                 store is read-only)"
            }
            UiCommand::ShowChanges => {
                "What the open store adds to, removes from and changes in the built-in store"
            }
            UiCommand::ExportChanges => {
                "Write what your store adds to, changes in and removes from the built-in store as \
                 a change file for a colleague"
            }
            UiCommand::ApplyChanges => {
                "Read a colleague's change file: see what it adds and changes, pick Mine or \
                 Theirs for each conflict, then apply it in one undoable step"
            }
            UiCommand::ReloadStore => "Read the open store again from where it came from",
            UiCommand::ImportCsv => {
                "Import newer indicator figures from a CSV file (previewed first, all or nothing)"
            }
            UiCommand::Undo => "Undo the last change to your notes or the store",
            UiCommand::Redo => "Redo the last change you undid",
            UiCommand::NewNote => "Write a note on the selected record, or a free note",
            UiCommand::SaveNotes => {
                "Save the notes now (they are also saved a moment after typing)"
            }
            UiCommand::ExportNotes => "Write your notes to a file to send to a colleague",
            UiCommand::ExportNotesMarkdown => "Write your notes as Markdown, for a report",
            UiCommand::ImportNotes => {
                "Merge a colleague's notes file into yours; conflicting edits keep both versions"
            }
            UiCommand::FocusSearch => "Put the cursor in the search box",
            UiCommand::ClearSelection => "Clear the selection and close its card",
            UiCommand::ShowNetwork => "Who is paired with whom: maps, schematic, institutions",
            UiCommand::ShowTimeline => "Programmes over the years: milestones, agreements, periods",
            UiCommand::ShowCharts => "R&D spending, patent shares, findings and policy budgets",
            UiCommand::ShowNotes => "Your notes",
            UiCommand::ShowOverview => "The programmes and the sources of the store",
            UiCommand::ToggleList => "Show or hide the browse list",
            UiCommand::ToggleDetails => "Show or hide the details panel",
            UiCommand::ToggleHangul => "Show Hangul names where a record has one",
            UiCommand::ZoomIn => "Make text and pictures larger",
            UiCommand::ZoomOut => "Make text and pictures smaller",
            UiCommand::ZoomReset => "Back to the normal size",
            UiCommand::ShowShortcuts => "Every keyboard shortcut",
            UiCommand::ShowAbout => "Version, data sources, licences and where notes are kept",
            UiCommand::Quit => "Close the window; asks first when the store has unsaved changes",
        }
    }

    /// The keyboard shortcut, if the command has one.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let k = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            UiCommand::OpenStore => k(CMD, Key::O),
            UiCommand::SaveStore => k(CMD_SHIFT, Key::S),
            UiCommand::Undo => k(CMD, Key::Z),
            UiCommand::Redo => k(CMD_SHIFT, Key::Z),
            UiCommand::NewNote => k(CMD, Key::N),
            UiCommand::SaveNotes => k(CMD, Key::S),
            UiCommand::FocusSearch => k(CMD, Key::F),
            UiCommand::ClearSelection => k(Modifiers::NONE, Key::Escape),
            UiCommand::ShowNetwork => k(CMD, Key::Num1),
            UiCommand::ShowTimeline => k(CMD, Key::Num2),
            UiCommand::ShowCharts => k(CMD, Key::Num3),
            UiCommand::ShowNotes => k(CMD, Key::Num4),
            UiCommand::ShowOverview => k(CMD, Key::Num5),
            UiCommand::ZoomIn => k(CMD, Key::Plus),
            UiCommand::ZoomOut => k(CMD, Key::Minus),
            UiCommand::ZoomReset => k(CMD, Key::Num0),
            UiCommand::ShowShortcuts => k(Modifiers::NONE, Key::F1),
            UiCommand::Quit => k(CMD, Key::Q),
            UiCommand::ReloadStore => k(Modifiers::NONE, Key::F5),
            _ => None,
        }
    }

    /// Other shortcuts that do the same (Ctrl+Y for redo, Ctrl+= for zoom in).
    pub fn alternative_shortcuts(self) -> &'static [KeyboardShortcut] {
        const REDO: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CMD, Key::Y)];
        const ZOOM_IN: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CMD, Key::Equals)];
        match self {
            UiCommand::Redo => &REDO,
            UiCommand::ZoomIn => &ZOOM_IN,
            _ => &[],
        }
    }

    /// Whether a focused text field keeps this shortcut for itself (Ctrl+Z undoes typing in
    /// the field; Escape leaves the field).
    pub fn yields_to_text_fields(self) -> bool {
        matches!(
            self,
            UiCommand::Undo | UiCommand::Redo | UiCommand::ClearSelection
        )
    }

    /// The shortcut as the platform writes it ("Ctrl+Shift+Z", "⌘⇧Z"), or "".
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcut()
            .map(|s| ctx.format_shortcut(&s))
            .unwrap_or_default()
    }

    /// A menu item for this command with its shortcut beside it; true when clicked.
    pub fn menu_item(self, ui: &mut egui::Ui, enabled: bool) -> bool {
        let shortcut = self.shortcut_text(ui.ctx());
        ui.add_enabled(
            enabled,
            egui::Button::new(self.text()).shortcut_text(shortcut),
        )
        .on_hover_text(self.tooltip())
        .on_disabled_hover_text(self.tooltip())
        .clicked()
    }

    /// A button for this command with its tooltip (and shortcut in the tooltip); true when
    /// clicked.
    pub fn button(self, ui: &mut egui::Ui) -> bool {
        let shortcut = self.shortcut_text(ui.ctx());
        let tip = if shortcut.is_empty() {
            self.tooltip().to_owned()
        } else {
            format!("{} ({shortcut})", self.tooltip())
        };
        ui.button(self.text()).on_hover_text(tip).clicked()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_command_has_words_and_no_two_share_a_shortcut() {
        let mut seen = BTreeSet::new();
        for c in UiCommand::ALL {
            assert!(!c.text().is_empty() && !c.tooltip().is_empty(), "{c:?}");
            let all = c
                .shortcut()
                .into_iter()
                .chain(c.alternative_shortcuts().iter().copied());
            for s in all {
                let key = format!("{:?}{:?}", s.modifiers, s.logical_key);
                assert!(seen.insert(key), "{c:?} shares a shortcut");
            }
        }
    }

    #[test]
    fn the_shortcuts_the_help_promises_are_in_the_table() {
        let has = |c: UiCommand, key: Key| c.shortcut().is_some_and(|s| s.logical_key == key);
        assert!(has(UiCommand::FocusSearch, Key::F));
        assert!(has(UiCommand::OpenStore, Key::O));
        assert!(has(UiCommand::Undo, Key::Z));
        assert!(has(UiCommand::Redo, Key::Z));
        assert!(has(UiCommand::ShowShortcuts, Key::F1));
        assert!(has(UiCommand::ZoomReset, Key::Num0));
    }
}

/// A file action that needs a path: the system dialog or a path field supplies it, then the
/// App does it (`Command::FileAt`).
#[derive(Clone, Debug, PartialEq)]
pub enum FileAction {
    /// Open a store file or folder.
    OpenStore,
    /// Save the open store as a RON file.
    SaveStoreAs,
    /// Save the open store as a folder (the user's own store).
    SaveMyStore,
    /// Write the open store's changes as a change file.
    ExportChanges,
    /// Read a colleague's change file to apply it.
    ApplyChanges,
    /// Import indicator figures from a CSV (previewed in the charts view first).
    ImportCsv,
    /// Export the chart shown as PNG.
    ExportChartPng,
    /// Export the data of the chart shown as CSV.
    ExportChartCsv,
    /// Export the network view as PNG.
    ExportNetworkPng {
        /// Pixels per point.
        scale: f32,
    },
    /// Export notes (all, or one record's).
    ExportNotes {
        /// Markdown for a report instead of a notes file for a colleague.
        markdown: bool,
        /// Only the notes on this record.
        target: Option<String>,
    },
    /// Merge a colleague's notes file.
    ImportNotes,
    /// Write a trip briefing (HTML, with a Markdown copy beside it) on these records.
    Briefing {
        /// The records: partnerships, places, organisations, cohorts or programmes.
        ids: Vec<String>,
    },
}

/// Whether a trip briefing covers this record: a partnership, place, organisation, cohort or
/// programme (the menus offer "Briefing…" only on those).
pub fn briefable(item: crate::model::ItemRef<'_>) -> bool {
    use crate::model::ItemRef;
    matches!(
        item,
        ItemRef::Partnership(_)
            | ItemRef::Place(_)
            | ItemRef::Organisation(_)
            | ItemRef::Cohort(_)
            | ItemRef::Programme(_)
    )
}

impl FileAction {
    /// What the dialog's title and the path field say.
    pub fn title(&self) -> &'static str {
        match self {
            FileAction::OpenStore => "Open a store",
            FileAction::SaveStoreAs => "Save the store as",
            FileAction::SaveMyStore => "Save as my store (a folder)",
            FileAction::ExportChanges => "Export my changes",
            FileAction::ApplyChanges => "Apply a colleague's changes",
            FileAction::ImportCsv => "Import indicator CSV",
            FileAction::ExportChartPng => "Export the chart as PNG",
            FileAction::ExportChartCsv => "Export the chart's data as CSV",
            FileAction::ExportNetworkPng { .. } => "Export the network view as PNG",
            FileAction::ExportNotes { markdown: true, .. } => "Export notes as Markdown",
            FileAction::ExportNotes { .. } => "Export notes",
            FileAction::ImportNotes => "Merge a colleague's notes",
            FileAction::Briefing { .. } => "Write a trip briefing",
        }
    }

    /// Whether the action writes a new file (a save dialog) rather than reading one.
    pub fn writes(&self) -> bool {
        !matches!(
            self,
            FileAction::OpenStore
                | FileAction::ImportCsv
                | FileAction::ImportNotes
                | FileAction::ApplyChanges
        )
    }

    /// The file type: its name in the dialog and its extension.
    pub fn filter(&self) -> (&'static str, &'static str) {
        match self {
            FileAction::OpenStore | FileAction::SaveStoreAs | FileAction::SaveMyStore => {
                ("Atlas store (RON)", "ron")
            }
            FileAction::ExportChanges | FileAction::ApplyChanges => ("Atlas changes (RON)", "ron"),
            FileAction::ImportCsv | FileAction::ExportChartCsv => ("CSV", "csv"),
            FileAction::ExportChartPng | FileAction::ExportNetworkPng { .. } => {
                ("PNG image", "png")
            }
            FileAction::ExportNotes { markdown: true, .. } => ("Markdown", "md"),
            FileAction::ExportNotes { .. } | FileAction::ImportNotes => ("Atlas notes", "ron"),
            FileAction::Briefing { .. } => ("Web page (HTML)", "html"),
        }
    }

    /// The file name a save dialog suggests.
    pub fn suggested_name(&self) -> &'static str {
        match self {
            FileAction::OpenStore | FileAction::SaveStoreAs => "store.ron",
            FileAction::SaveMyStore => "my-store",
            FileAction::ExportChanges | FileAction::ApplyChanges => "my-changes.ron",
            FileAction::ImportCsv => "indicators.csv",
            FileAction::ExportChartPng => "chart.png",
            FileAction::ExportChartCsv => "chart-data.csv",
            FileAction::ExportNetworkPng { .. } => "partnership-network.png",
            FileAction::ExportNotes { markdown: true, .. } => "notes.md",
            FileAction::ExportNotes { .. } => "notes-export.ron",
            FileAction::ImportNotes => "notes-export.ron",
            FileAction::Briefing { .. } => "briefing.html",
        }
    }
}
