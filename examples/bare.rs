//! A bare eframe app for comparing start-up times: a side panel, two egui_plot charts and a
//! painter canvas, with the same embedded fonts as Partnership Atlas (NanumGothic for Hangul,
//! DejaVu Sans), and no data. `scripts/startup.sh` runs it beside the app.
//!
//! ```text
//! cargo run --release --example bare -- [--smoke]
//! ```
//!
//! `--smoke` draws a few frames, prints `first frame: N ms` (from the start of `main` to the
//! end of the first frame's UI pass, as the app's `--smoke` does) and exits.

use std::time::Instant;

use egui_plot::{Bar, BarChart, Line, Plot, PlotPoints};
use partnership_atlas::ui::theme;

struct Bare {
    started: Instant,
    smoke: bool,
    frames: u32,
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::left("bare-side")
            .default_size(300.0)
            .show(ui, |ui| {
                ui.heading("세종 Sejong — Busan 부산");
                for i in 0..20 {
                    ui.label(format!("Row {i}: 한국 과학기술 협력 partnership"));
                }
            });
        egui::CentralPanel::default().show(ui, |ui| {
            let h = ui.available_height() / 3.0;
            Plot::new("bare-line").height(h).show(ui, |plot| {
                let points: PlotPoints = (0..50)
                    .map(|i| [f64::from(i), (f64::from(i) * 0.2).sin()])
                    .collect();
                plot.line(Line::new("sine", points));
            });
            Plot::new("bare-bars").height(h).show(ui, |plot| {
                let bars = (0..12)
                    .map(|i| Bar::new(f64::from(i), f64::from(i % 5 + 1)))
                    .collect();
                plot.bar_chart(BarChart::new("bars", bars));
            });
            let (rect, _) = ui.allocate_exact_size(ui.available_size(), egui::Sense::hover());
            let painter = ui.painter_at(rect);
            for i in 0..200 {
                let t = i as f32 / 200.0;
                let a = rect.lerp_inside(egui::vec2(t, 0.2));
                let b = rect.lerp_inside(egui::vec2(1.0 - t, 0.8));
                painter.line_segment([a, b], (1.0, egui::Color32::from_gray(120)));
                painter.circle_filled(a, 2.0, theme::KOREA);
            }
        });
        self.frames += 1;
        if self.smoke {
            if self.frames == 1 {
                println!("first frame: {} ms", self.started.elapsed().as_millis());
            }
            if self.frames >= 3 {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                ui.ctx().request_repaint();
            }
        }
    }
}

fn main() -> eframe::Result {
    let started = Instant::now();
    let smoke = std::env::args().any(|a| a == "--smoke");
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native(
        "bare",
        native,
        Box::new(move |cc| {
            theme::install(&cc.egui_ctx);
            Ok(Box::new(Bare {
                started,
                smoke,
                frames: 0,
            }))
        }),
    )
}
