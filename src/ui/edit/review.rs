//! "Apply a colleague's changes": what a change file adds, changes and removes, what is
//! already the same, and each conflict with both values and a Mine/Theirs pick; then one
//! undoable apply.

use crate::store::changes::{ApplyOutcome, Choice};
use crate::store::kind::short;

/// A change file read and checked against the open store, waiting for the user's picks.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    /// The file's name, for the words.
    pub name: String,
    pub outcome: ApplyOutcome,
    /// One pick per conflict, in order (Mine until the user says otherwise).
    pub choices: Vec<Choice>,
}

impl Review {
    /// A review of an outcome, every conflict on "mine".
    pub fn new(name: String, outcome: ApplyOutcome) -> Self {
        let choices = vec![Choice::Mine; outcome.conflicts.len()];
        Self {
            name,
            outcome,
            choices,
        }
    }
}

/// What the user decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewAnswer {
    Apply,
    Cancel,
}

/// The review dialog. Returns the user's answer once given.
pub fn show(ctx: &egui::Context, review: &mut Review) -> Option<ReviewAnswer> {
    let mut answer = None;
    let o = &review.outcome;
    let modal = egui::Modal::new(egui::Id::unique("apply_changes_review")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading(format!("Apply the changes in {}", review.name));
        if !o.base_matches {
            ui.colored_label(
                crate::ui::theme::WARNING,
                "The file was made against another version of the store; each change is \
                 compared field by field.",
            );
        }
        ui.label(format!(
            "{} added, {} changed field(s), {} removed, {} already identical, {} conflict(s).",
            o.added.len(),
            o.changed.len(),
            o.removed.len(),
            o.identical,
            o.conflicts.len()
        ));
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                for k in &o.added {
                    ui.label(format!("added {} {}", k.kind, k.id));
                }
                for k in &o.changed {
                    ui.label(format!("changed {} {} {}", k.kind, k.id, k.field));
                }
                for k in &o.removed {
                    ui.label(format!("removed {} {}", k.kind, k.id));
                }
                for (i, c) in o.conflicts.iter().enumerate() {
                    ui.separator();
                    ui.strong(format!("Conflict: {} {} — {}", c.kind, c.id, c.field));
                    let Some(choice) = review.choices.get_mut(i) else {
                        continue;
                    };
                    ui.radio_value(
                        choice,
                        Choice::Mine,
                        format!("Mine: {}", short(c.mine.as_ref(), 200)),
                    );
                    ui.radio_value(
                        choice,
                        Choice::Theirs,
                        format!("Theirs: {}", short(c.theirs.as_ref(), 200)),
                    );
                    ui.weak(format!("Before either: {}", short(c.base.as_ref(), 200)));
                }
            });
        ui.horizontal(|ui| {
            if ui.button("Apply").clicked() {
                answer = Some(ReviewAnswer::Apply);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(ReviewAnswer::Cancel);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(ReviewAnswer::Cancel);
    }
    answer
}
