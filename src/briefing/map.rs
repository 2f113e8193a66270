//! The briefing's map picture: the network view's own offscreen rendering, focused on the
//! briefing's items.

use std::collections::BTreeSet;

use crate::model::{ItemRef, Store};
use crate::ui::ViewCtx;
use crate::ui::network::{ExportError, ExportOptions, LayoutKind, NetworkView};

/// Draws the Europe | Korea map with the briefing's items emphasised and the programmes they
/// do not belong to faded, and returns it as PNG bytes. `ids` are the briefing's records (the
/// first is the one emphasised).
pub fn map_png(store: &Store, ids: &[String]) -> Result<Vec<u8>, ExportError> {
    let mut view = NetworkView::default();
    view.layout = LayoutKind::Regions;
    view.legend_open = true;
    let involved = programmes_of(store, ids);
    if !involved.is_empty() {
        view.filter.hidden_programmes = store
            .programmes
            .iter()
            .map(|p| p.id.clone())
            .filter(|p| !involved.contains(p))
            .collect();
    }
    let noted = BTreeSet::new();
    let ctx = ViewCtx {
        store,
        selected: ids.first().map(String::as_str),
        noted: &noted,
        hangul: true,
    };
    view.render_png(
        &ctx,
        ExportOptions {
            size: Some([1200.0, 620.0]),
            scale: 1.25,
            dark: false,
        },
    )
}

/// The programmes the records belong to (a place or organisation: every programme of its
/// partnerships and cohorts).
fn programmes_of(store: &Store, ids: &[String]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for id in ids {
        match store.item(id) {
            Some(ItemRef::Programme(p)) => {
                out.insert(p.id.clone());
            }
            Some(ItemRef::Partnership(p)) => {
                out.insert(p.programme.clone());
            }
            Some(ItemRef::Cohort(c)) => {
                out.insert(c.programme.clone());
            }
            Some(ItemRef::Agreement(a)) => out.extend(a.programme.clone()),
            Some(ItemRef::Place(_) | ItemRef::Organisation(_)) => {
                for p in store
                    .partnerships
                    .iter()
                    .filter(|p| p.a == *id || p.b == *id)
                {
                    out.insert(p.programme.clone());
                }
                for c in store.cohorts.iter().filter(|c| c.members.contains(id)) {
                    out.insert(c.programme.clone());
                }
            }
            _ => {}
        }
    }
    out
}
