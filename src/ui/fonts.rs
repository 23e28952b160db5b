//! Fonts that cover what news carries: egui's default font lacks arrows
//! ("→"), some dashes and quotes and many letters of European languages, which
//! then draw as empty boxes. DejaVu Sans (Bitstream Vera licence, credited in
//! the README) is added behind the default font as a fallback, so the look
//! stays and every such character draws.

use egui::{FontData, FontFamily, FontInsert, FontPriority, InsertFontFamily};

/// DejaVu Sans, shipped in `assets/fonts/` with its licence.
const DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Adds the fallback font to both families of `ctx`.
pub fn install(ctx: &egui::Context) {
    let families = [FontFamily::Proportional, FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(FontInsert {
        name: "DejaVuSans".into(),
        data: FontData::from_static(DEJAVU_SANS),
        families,
    });
}
