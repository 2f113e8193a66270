//! The charts view alone in a window, on the default store: for looking at the charts and
//! taking screenshots of them.
//!
//! ```text
//! cargo run --example charts_demo -- [--chart rd|patent-trend|patent-sectors|tech|markets|budgets]
//!     [--source SOURCE_ID] [--show KOR,EUU,USA] [--pick SERIES_ID:YEAR] [--png OUT.png]
//!     [--print-point SERIES_ID:YEAR] [--tab chart|table] [--details-width POINTS]
//! ```
//!
//! `--pick` picks a point as a click would; `--png` exports the chart card once it is drawn;
//! `--print-point` prints where a point is drawn (for moving the pointer onto it).

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

use partnership_atlas::model::Store;
use partnership_atlas::ui::charts::{ChartKind, ChartsView, Tab};
use partnership_atlas::ui::{Command, ViewCtx, theme};

/// The demo's state.
struct Demo {
    view: ChartsView,
    store: Store,
    selected: Option<String>,
    status: String,
    noted: BTreeSet<String>,
    pick: Option<(String, i32)>,
    print_point: Option<(String, i32)>,
    png: Option<PathBuf>,
    frames: u32,
    /// Width of the details panel (the app's is 360 points beside a 430-point list).
    details_width: f32,
}

impl eframe::App for Demo {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frames += 1;
        egui::Panel::bottom("demo-status").show(ui, |ui| {
            ui.label(&self.status);
        });
        egui::Panel::right("demo-details")
            .exact_size(self.details_width)
            .show(ui, |ui| {
                ui.heading("Details");
                match self.selected.as_deref().and_then(|id| self.store.item(id)) {
                    Some(item) => {
                        ui.label(egui::RichText::new(item.kind()).weak());
                        ui.label(egui::RichText::new(item.name()).strong());
                        ui.label(item.id());
                    }
                    None => {
                        ui.weak("Nothing selected.");
                    }
                }
            });
        let ctx = ViewCtx {
            store: &self.store,
            selected: self.selected.as_deref(),
            noted: &self.noted,
            hangul: true,
        };
        let mut commands = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| {
            commands = self.view.ui(ui, &ctx);
        });
        for c in commands {
            match c {
                Command::Select(id) => self.selected = Some(id),
                Command::WriteFile { path, bytes, what } => match std::fs::write(&path, bytes) {
                    Ok(()) => println!("status: Saved {what} — {}", path.display()),
                    Err(e) => println!("status: cannot write {}: {e}", path.display()),
                },
                Command::ReplaceStore { store, label } => {
                    self.store = *store;
                    self.status = label;
                }
                Command::Status(s) => {
                    println!("status: {s}");
                    self.status = s;
                }
                other => println!("command: {other:?}"),
            }
        }
        if self.frames == 3 {
            if let Some((id, year)) = self.pick.take() {
                self.view.pick(&id, year);
                self.selected = Some(id);
            }
            if let Some((id, year)) = &self.print_point {
                match self.view.point_position(id, *year) {
                    Some(p) => println!("point {id} {year}: {:.0} {:.0}", p.x, p.y),
                    None => println!("point {id} {year}: not drawn"),
                }
            }
        }
        if self.frames == 5
            && let Some(path) = self.png.take()
        {
            self.view.request_png(path);
        }
        if self.frames < 8 {
            ui.ctx().request_repaint();
        }
    }
}

fn parse_point(text: &str) -> Option<(String, i32)> {
    let (id, year) = text.rsplit_once(':')?;
    Some((id.to_owned(), year.parse().ok()?))
}

fn main() -> ExitCode {
    let mut view = ChartsView::default();
    let mut pick = None;
    let mut print_point = None;
    let mut png = None;
    let mut details_width = 240.0;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_default();
        match arg.as_str() {
            "--chart" => view.set_kind(match value.as_str() {
                "rd" => ChartKind::RdSpending,
                "patent-trend" => ChartKind::PatentTrend,
                "patent-sectors" => ChartKind::PatentSectors,
                "tech" => ChartKind::TechnologyFindings,
                "markets" => ChartKind::MarketFindings,
                "budgets" => ChartKind::PolicyBudgets,
                other => {
                    eprintln!("unknown chart {other}");
                    return ExitCode::FAILURE;
                }
            }),
            "--source" => view.set_rd_source(&value),
            "--show" => {
                for code in ["KOR", "EUU"] {
                    view.set_shown(code, false);
                }
                for code in value.split(',') {
                    view.set_shown(code.trim(), true);
                }
            }
            "--pick" => pick = parse_point(&value),
            "--print-point" => print_point = parse_point(&value),
            "--png" => png = Some(PathBuf::from(value)),
            "--tab" => view.set_tab(match value.as_str() {
                "table" => Tab::Table,
                _ => Tab::Chart,
            }),
            "--details-width" => details_width = value.parse().unwrap_or(240.0),
            other => {
                eprintln!("unknown option {other}");
                return ExitCode::FAILURE;
            }
        }
    }
    let store = match partnership_atlas::store::embedded() {
        Ok(loaded) => loaded.into_store(),
        Err(problems) => {
            for p in problems {
                eprintln!("{p}");
            }
            return ExitCode::FAILURE;
        }
    };
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Partnership Atlas — charts")
            .with_inner_size([1400.0, 880.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "charts-demo",
        native,
        Box::new(move |cc| {
            theme::install(&cc.egui_ctx);
            Ok(Box::new(Demo {
                view,
                store,
                selected: None,
                status: "Charts demo on the default store".to_owned(),
                noted: BTreeSet::new(),
                pick,
                print_point,
                png,
                frames: 0,
                details_width,
            }))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
