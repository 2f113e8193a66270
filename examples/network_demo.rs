//! The network view on its own, for looking at it and taking screenshots.
//!
//! ```text
//! cargo run --example network_demo -- [--sample] [--layout world|regions|schematic|institutions]
//!     [--hangul] [--select ID] [--year YEAR] [--dark] [--png OUT.png] [--size WxH]
//! ```
//!
//! `--sample` uses the small sample store (`tests/fixtures/good/sample_network.ron`) instead of
//! the built-in default store; `--synthetic N` uses every city of
//! `../shared/data/cities/cities15000.csv` with N random pairs (the benchmark's large store,
//! `benches/support/large_store.rs`); `--png` writes the view to a PNG through the export
//! function and exits without a window.

#[path = "../benches/support/large_store.rs"]
mod large_store;
#[path = "../tests/support/sample_store.rs"]
mod sample_store;

use std::collections::BTreeSet;

use partnership_atlas::model::Store;
use partnership_atlas::ui::network::{ExportOptions, LayoutKind, NetworkView};
use partnership_atlas::ui::{Command, ViewCtx, theme};

use sample_store::sample_store;

struct Demo {
    store: Store,
    view: NetworkView,
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
            ui.label(format!(
                "Selected: {} · {}",
                self.selected.as_deref().unwrap_or("nothing"),
                self.status
            ));
        });
        egui::CentralPanel::default().show(ui, |ui| {
            let ctx = ViewCtx {
                store: &self.store,
                selected: self.selected.as_deref(),
                noted: &self.noted,
                hangul: self.hangul,
            };
            for c in self.view.ui(ui, &ctx) {
                match c {
                    Command::Select(id) => self.selected = Some(id),
                    Command::ClearSelection => self.selected = None,
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
    let synthetic = arg(&args, "--synthetic").and_then(|n| n.parse::<usize>().ok());
    let store = if let Some(pairs) = synthetic {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/data/cities/cities15000.csv");
        match std::fs::read_to_string(&path) {
            Ok(text) => large_store::synthetic_store(&text, pairs, 0x9E37_79B9_7F4A_7C15),
            Err(e) => {
                eprintln!("{e}: {}; showing the sample store", path.display());
                sample_store()
            }
        }
    } else if args.iter().any(|a| a == "--sample") {
        sample_store()
    } else {
        match partnership_atlas::store::embedded() {
            Ok(loaded) => loaded.into_store(),
            Err(problems) => {
                eprintln!(
                    "the built-in store has {} problems; showing the sample store",
                    problems.len()
                );
                sample_store()
            }
        }
    };
    let mut view = NetworkView::default();
    view.layout = match arg(&args, "--layout").as_deref() {
        Some("world") => LayoutKind::World,
        Some("schematic") => LayoutKind::Schematic,
        Some("institutions") => LayoutKind::Institutions,
        _ => LayoutKind::Regions,
    };
    view.filter.year = arg(&args, "--year").and_then(|y| y.parse().ok());
    let hangul = args.iter().any(|a| a == "--hangul");
    let dark = args.iter().any(|a| a == "--dark");
    let selected = arg(&args, "--select");
    let noted = BTreeSet::new();
    if let Some(out) = arg(&args, "--png") {
        let ctx = ViewCtx {
            store: &store,
            selected: selected.as_deref(),
            noted: &noted,
            hangul,
        };
        let options = ExportOptions {
            size: Some([1280.0, 760.0]),
            scale: 1.0,
            dark,
        };
        match view.render_png(&ctx, options) {
            Ok(bytes) => match std::fs::write(&out, bytes) {
                Ok(()) => println!("wrote {out}"),
                Err(e) => eprintln!("cannot write {out}: {e}"),
            },
            Err(e) => eprintln!("export failed: {e}"),
        }
        return Ok(());
    }
    // `--size 1024x640` (default 1400x860): the window's inner size.
    let size = arg(&args, "--size")
        .and_then(|s| {
            let (w, h) = s.split_once('x')?;
            Some([w.parse::<f32>().ok()?, h.parse::<f32>().ok()?])
        })
        .unwrap_or([1400.0, 860.0]);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size(size),
        ..Default::default()
    };
    eframe::run_native(
        "Partnership Atlas — network demo",
        options,
        Box::new(move |cc| {
            theme::install(&cc.egui_ctx);
            Ok(Box::new(Demo {
                store,
                view,
                selected,
                hangul,
                dark,
                noted,
                status: String::new(),
            }))
        }),
    )
}
