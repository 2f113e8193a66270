//! Content that never grows its panel. egui reports a side panel as wide as its widest content
//! (up to the panel's maximum), and a right panel whose content runs past its right edge is
//! moved left by as much — under the central view, which then draws over it. Drawing a panel's
//! content through [`within`] clips what does not fit instead, so no panel ever draws over
//! another whatever a record's longest word or widest button row is.

/// Draws `add` in a child of `ui` bounded to the room `ui` has left, clipped to it, and
/// reports at most that room to `ui`.
pub fn within<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let room = ui.available_rect_before_wrap();
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .id_salt("bounded")
            .max_rect(room)
            .layout(*ui.layout()),
    );
    child.shrink_clip_rect(room);
    let inner = add(&mut child);
    let used = child.min_rect().intersect(room);
    if used.is_positive() {
        ui.advance_cursor_after_rect(used);
    }
    inner
}
