//! The timeline view on its own, for looking at it and taking screenshots.
//!
//! ```text
//! cargo run --example timeline_demo -- [--hangul] [--dark] [--year YEAR] [--select ID]
//!     [--hide-programme ID] [--zoom FROM TO] [--size WxH]
//! ```
//!
//! The demo plays the app's part: it keeps the selection and the as-of year and applies the
//! commands the view returns.

use std::collections::BTreeSet;

use partnership_atlas::analysis::network::Filter;
use partnership_atlas::model::Store;
use partnership_atlas::ui::timeline::{TimeCamera, TimelineView};
use partnership_atlas::ui::{Command, ViewCtx, theme};

struct Demo {
    store: Store,
    view: TimelineView,
    filter: Filter,
    as_of_year: Option<i32>,
    selected: Option<String>,
    hangul: bool,
    dark: bool,
    noted: BTreeSet<String>,
    status: String,
}

impl eframe::App for Demo {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ui.ctx().set_visuals(if self.dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.checkbox(&mut self.hangul, "한국어 names");
                ui.label(format!(
                    "Selected: {} · as of {} · {}",
                    self.selected.as_deref().unwrap_or("nothing"),
                    self.as_of_year
                        .map_or_else(|| "—".to_owned(), |y| y.to_string()),
                    self.status
                ));
            });
        });
        egui::CentralPanel::default().show(ui, |ui| {
            let ctx = ViewCtx {
                store: &self.store,
                selected: self.selected.as_deref(),
                noted: &self.noted,
                hangul: self.hangul,
            };
            for c in self.view.ui(ui, &ctx, &self.filter, self.as_of_year) {
                match c {
                    Command::Select(id) => self.selected = Some(id),
                    Command::ClearSelection => self.selected = None,
                    Command::SetAsOfYear(y) => self.as_of_year = y,
                    Command::Status(s) => self.status = s,
                    other => self.status = format!("{other:?}"),
                }
            }
        });
    }
}

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

fn main() -> eframe::Result {
    let args: Vec<String> = std::env::args().collect();
    let store = match partnership_atlas::store::embedded() {
        Ok(loaded) => loaded.into_store(),
        Err(problems) => {
            eprintln!("the built-in store has {} problems", problems.len());
            Store::default()
        }
    };
    let mut filter = Filter::default();
    if let Some(p) = arg(&args, "--hide-programme") {
        filter.hidden_programmes.insert(p);
    }
    let mut view = TimelineView::default();
    if let Some(i) = args.iter().position(|a| a == "--zoom") {
        let year = |k: usize| args.get(i + k).and_then(|s| s.parse::<f64>().ok());
        if let (Some(start), Some(end)) = (year(1), year(2)) {
            view.camera = Some(TimeCamera { start, end });
            view.moved = true;
        }
    }
    let demo = Demo {
        store,
        view,
        filter,
        as_of_year: arg(&args, "--year").and_then(|y| y.parse().ok()),
        selected: arg(&args, "--select"),
        hangul: args.iter().any(|a| a == "--hangul"),
        dark: args.iter().any(|a| a == "--dark"),
        noted: BTreeSet::new(),
        status: String::new(),
    };
    let size = arg(&args, "--size")
        .and_then(|s| {
            let (w, h) = s.split_once('x')?;
            Some([w.parse::<f32>().ok()?, h.parse::<f32>().ok()?])
        })
        .unwrap_or([1400.0, 860.0]);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size(size)
            .with_position([0.0, 0.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Partnership Atlas — timeline demo",
        options,
        Box::new(move |cc| {
            theme::install(&cc.egui_ctx);
            Ok(Box::new(demo))
        }),
    )
}
