//! The file actions of the charts view: export the chart as PNG or its data as CSV, import
//! newer indicator figures from a CSV (with a preview, all or nothing), and save the store.
//!
//! The view only asks: the App finds the path (dialog or path field), reads the CSV and writes
//! the files. What stays here is the view's own part: the screenshot of the chart card (a
//! frame or two later) and the import preview the user looks at before applying it.

use std::path::PathBuf;
use std::sync::{Arc, mpsc};

use egui::{ColorImage, Rect, RichText, Ui};

use super::export;
use crate::model::Store;
use crate::store::csv_import::{self, ImportOptions, ImportOutcome, SourceTarget};
use crate::ui::{Command, FileAction, UiCommand, ViewCtx, theme};

/// A PNG waiting for its screenshot.
struct PendingPng {
    path: PathBuf,
    /// Frames drawn since the request (the first one is drawn without hover marks).
    frames: u32,
    receiver: Option<mpsc::Receiver<Arc<ColorImage>>>,
    /// The card, cut to the part of it the scroll area shows.
    rect: Option<Rect>,
    /// Whether part of the card was off screen.
    partial: bool,
    pixels_per_point: f32,
}

/// An import parsed and waiting for the user to apply it.
struct Preview {
    path: PathBuf,
    /// The file's bytes, read by the App (parsed again when the user maps a source).
    bytes: Arc<[u8]>,
    options: ImportOptions,
    outcome: ImportOutcome,
}

/// File actions in progress. Not saved.
#[derive(Default)]
pub struct FilesState {
    png: Option<PendingPng>,
    preview: Option<Preview>,
    /// Problems of the last import, shown until the next one.
    import_errors: Vec<String>,
    /// The last message, shown next to the buttons.
    message: Option<(String, bool)>,
    /// Title and source line of the chart shown, for PNG text chunks.
    title_source: (String, String),
}

impl FilesState {
    /// Whether a PNG is being captured (hover marks and tooltips are left out).
    pub fn capturing(&self) -> bool {
        self.png.is_some()
    }

    /// Asks for a PNG of the chart card at `path`.
    pub fn request_png(&mut self, path: PathBuf) {
        self.png = Some(PendingPng {
            path,
            frames: 0,
            receiver: None,
            rect: None,
            partial: false,
            pixels_per_point: 1.0,
        });
    }

    fn say(&mut self, commands: &mut Vec<Command>, text: String, ok: bool) {
        commands.push(Command::Status(text.clone()));
        self.message = Some((text, ok));
    }

    /// Advances a pending PNG: sends the screenshot request once a clean frame has been drawn,
    /// and saves the image when it arrives. Call at the start of every frame.
    pub fn poll_png(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(png) = &mut self.png else { return };
        if let Some(rx) = &png.receiver {
            match rx.try_recv() {
                Ok(image) => {
                    let path = png.path.clone();
                    let partial = png.partial;
                    let ppp = png.pixels_per_point;
                    // Only the cheap check here; the App crops, encodes and writes on a worker.
                    let rect = png
                        .rect
                        .filter(|r| export::crop_bounds(image.size, *r, ppp).is_some());
                    self.png = None;
                    match rect {
                        Some(rect) => {
                            let part = if partial {
                                " (the part on screen; the chart is taller than the window, so its source is printed under the title)"
                            } else {
                                ""
                            };
                            self.message = None;
                            commands.push(Command::SaveChartPng(Box::new(export::ChartPng {
                                path,
                                screenshot: image,
                                rect,
                                pixels_per_point: ppp,
                                title: self.title_source.0.clone(),
                                source: self.title_source.1.clone(),
                                what: format!("the chart as PNG{part}"),
                            })));
                        }
                        None => {
                            let e = export::ExportError::OffScreen;
                            self.say(commands, format!("PNG not saved: {e}"), false);
                        }
                    }
                }
                Err(mpsc::TryRecvError::Empty) => {
                    png.frames += 1;
                    if png.frames > 120 {
                        self.png = None;
                        self.say(
                            commands,
                            "PNG not saved: no screenshot came back from the window system"
                                .to_owned(),
                            false,
                        );
                    } else {
                        ctx.request_repaint();
                    }
                }
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.png = None;
                    self.say(
                        commands,
                        "PNG not saved: the screenshot was dropped".to_owned(),
                        false,
                    );
                }
            }
        }
    }

    /// Scrolls the card into view, then asks for a screenshot of the next frame (drawn without
    /// hover marks). `card` is the card and the visible part of the scroll area.
    fn send_screenshot(&mut self, ui: &Ui, card: Option<(Rect, Rect)>) {
        let Some(png) = &mut self.png else { return };
        if png.receiver.is_some() {
            return;
        }
        if png.frames == 0 {
            if let Some((c, visible)) = card
                && !visible.contains_rect(c)
            {
                ui.scroll_to_rect_animation(
                    c,
                    Some(egui::Align::TOP),
                    egui::style::ScrollAnimation::none(),
                );
            }
            png.frames = 1;
            png.rect = card.map(|(c, _)| c);
            ui.ctx().request_repaint();
            return;
        }
        // Wait until the card stands still (scrolling done, layout settled).
        let now = card.map(|(c, _)| c);
        if now != png.rect && png.frames < 30 {
            png.frames += 1;
            png.rect = now;
            ui.ctx().request_repaint();
            return;
        }
        let (tx, rx) = mpsc::channel();
        let repaint = ui.ctx().clone();
        ui.ctx().request_screenshot(move |image| {
            let _ = tx.send(image);
            repaint.request_repaint();
        });
        png.receiver = Some(rx);
        png.rect = card.map(|(c, visible)| c.intersect(visible));
        png.partial = card.is_some_and(|(c, visible)| !visible.contains_rect(c));
        png.pixels_per_point = ui.ctx().pixels_per_point();
    }

    /// Parses an import and keeps it for the user to look at before applying.
    pub fn preview(
        &mut self,
        store: &Store,
        path: PathBuf,
        bytes: Arc<[u8]>,
        options: ImportOptions,
        commands: &mut Vec<Command>,
    ) {
        match csv_import::import_bytes(store, &bytes, &path, &options) {
            Ok(outcome) => {
                self.import_errors.clear();
                self.message = None;
                self.preview = Some(Preview {
                    path,
                    bytes,
                    options,
                    outcome,
                });
            }
            Err(e) => {
                self.preview = None;
                let errors = e.row_errors();
                self.import_errors = if errors.is_empty() {
                    vec![e.to_string()]
                } else {
                    errors.iter().map(ToString::to_string).collect()
                };
                let first = self.import_errors.first().cloned().unwrap_or_default();
                let more = match self.import_errors.len() {
                    0 | 1 => String::new(),
                    n => format!(" (and {} more)", n - 1),
                };
                self.say(
                    commands,
                    format!("Nothing imported: {first}{more} — {}", path.display()),
                    false,
                );
            }
        }
    }

    /// Draws the file actions.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewCtx<'_>,
        title_source: &(String, String),
        card: Option<(Rect, Rect)>,
        commands: &mut Vec<Command>,
    ) {
        self.title_source = title_source.clone();
        self.send_screenshot(ui, card);
        egui::CollapsingHeader::new("Export, import and save")
            .id_salt("charts-files")
            .default_open(true)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    for action in [FileAction::ExportChartPng, FileAction::ExportChartCsv] {
                        let busy = action == FileAction::ExportChartPng && self.png.is_some();
                        if ui
                            .add_enabled(!busy, egui::Button::new(format!("{}…", action.title())))
                            .clicked()
                        {
                            commands.push(Command::AskPath(action));
                        }
                    }
                    for c in [UiCommand::ImportCsv, UiCommand::SaveStoreAs] {
                        if c.button(ui) {
                            commands.push(Command::Ui(c));
                        }
                    }
                });
                if let Some((text, ok)) = &self.message {
                    let colour = if *ok {
                        ui.visuals().text_color()
                    } else {
                        theme::ERROR
                    };
                    ui.label(RichText::new(text).color(colour));
                }
                self.errors_ui(ui);
                self.preview_ui(ui, ctx, commands);
            });
    }

    fn errors_ui(&mut self, ui: &mut Ui) {
        if self.import_errors.is_empty() {
            return;
        }
        ui.label(
            RichText::new(format!(
                "Nothing was imported. Fix these {} problem(s) in the file and import it again:",
                self.import_errors.len()
            ))
            .color(theme::ERROR),
        );
        egui::ScrollArea::vertical()
            .id_salt("import-errors")
            .max_height(160.0)
            .show(ui, |ui| {
                for e in &self.import_errors {
                    ui.label(RichText::new(e).monospace().color(theme::ERROR));
                }
            });
        if ui.small_button("Dismiss").clicked() {
            self.import_errors.clear();
        }
    }

    fn preview_ui(&mut self, ui: &mut Ui, ctx: &ViewCtx<'_>, commands: &mut Vec<Command>) {
        let Some(preview) = &self.preview else { return };
        let mut remap: Option<(String, SourceTarget)> = None;
        let mut apply = false;
        let mut cancel = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            let o = &preview.outcome;
            ui.label(
                RichText::new(format!("Import preview — {}", preview.path.display())).strong(),
            );
            ui.label(o.summary());
            ui.label("Where the rows of each source go (sources are never mixed in one series):");
            egui::Grid::new("import-sources")
                .striped(true)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    ui.label(RichText::new("Source in the file").strong());
                    ui.label(RichText::new("Rows").strong());
                    ui.label(RichText::new("Store source").strong());
                    ui.end_row();
                    for (i, m) in o.sources.iter().enumerate() {
                        let label = ui.add(
                            egui::Label::new(RichText::new(&m.text).size(super::SMALL_TEXT)).wrap(),
                        );
                        ui.label(m.rows.to_string());
                        let current = match &m.target {
                            SourceTarget::New => format!("new source ({})", m.source_id),
                            SourceTarget::Existing(id) => ctx.store.display_name(id),
                        };
                        egui::ComboBox::from_id_salt(("import-map", i))
                            .selected_text(current)
                            .width(320.0)
                            .truncate()
                            .show_ui(ui, |ui| {
                                ui.set_min_width(480.0);
                                if ui
                                    .selectable_label(m.target == SourceTarget::New, "a new source")
                                    .clicked()
                                {
                                    remap = Some((m.text.clone(), SourceTarget::New));
                                }
                                for s in &ctx.store.sources {
                                    let on = m.target == SourceTarget::Existing(s.id.clone());
                                    if ui
                                        .add(egui::Button::selectable(on, s.title.as_str()).wrap())
                                        .clicked()
                                    {
                                        remap = Some((
                                            m.text.clone(),
                                            SourceTarget::Existing(s.id.clone()),
                                        ));
                                    }
                                }
                            })
                            .response
                            .labelled_by(label.id);
                        ui.end_row();
                    }
                });
            if !o.changed.is_empty() {
                ui.label(RichText::new("Values that change:").strong());
                for c in o.changed.iter().take(12) {
                    ui.label(
                        RichText::new(format!(
                            "{} {}: {} → {}",
                            c.series_id,
                            c.year,
                            crate::analysis::charts::format_value(c.old),
                            crate::analysis::charts::format_value(c.new)
                        ))
                        .color(theme::WARNING),
                    );
                }
                if o.changed.len() > 12 {
                    ui.weak(format!("… and {} more", o.changed.len() - 12));
                }
            }
            ui.horizontal(|ui| {
                apply = ui.button("Apply import").clicked();
                cancel = ui.button("Cancel").clicked();
            });
        });
        if let Some((text, target)) = remap {
            let path = preview.path.clone();
            let bytes = Arc::clone(&preview.bytes);
            let mut options = preview.options.clone();
            options.sources.insert(text, target);
            self.preview(ctx.store, path, bytes, options, commands);
        } else if apply {
            if let Some(p) = self.preview.take() {
                let summary = p.outcome.summary();
                self.message = Some((summary.clone(), true));
                commands.push(Command::ReplaceStore {
                    store: Box::new(p.outcome.store),
                    label: format!("CSV import ({summary})"),
                });
            }
        } else if cancel {
            self.preview = None;
        }
    }
}
