//! A scrolling list whose rows differ in height (a row of wrapped chips is
//! one line or three), drawing only the rows in view, so that thousands of
//! rows stay cheap. Each row's height is measured when it is drawn and
//! remembered; a row never drawn counts as the estimate.

/// Remembered row heights of one list.
#[derive(Default)]
pub struct RowHeights {
    heights: Vec<f32>,
    key: u64,
}

impl RowHeights {
    /// Draws `count` rows with `draw` inside a vertical scroll area. `key`
    /// names the list's content: when it changes the heights are measured
    /// afresh.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        id_salt: &str,
        key: u64,
        count: usize,
        mut draw: impl FnMut(&mut egui::Ui, usize),
    ) {
        let estimate = ui.text_style_height(&egui::TextStyle::Body) * 2.0;
        if self.key != key || self.heights.len() != count {
            self.heights = vec![estimate; count];
            self.key = key;
        }
        let gap = ui.spacing().item_spacing.y;
        egui::ScrollArea::vertical()
            .id_salt(id_salt)
            .auto_shrink([false, false])
            .show_viewport(ui, |ui, viewport| {
                let origin = ui.max_rect().min;
                let width = ui.available_width();
                let total: f32 = self.heights.iter().sum();
                let mut y = 0.0;
                let mut i = 0;
                while i < count && y + self.heights[i] < viewport.min.y {
                    y += self.heights[i];
                    i += 1;
                }
                while i < count && y < viewport.max.y {
                    let rect = egui::Rect::from_min_size(
                        origin + egui::vec2(0.0, y),
                        egui::vec2(width, f32::INFINITY),
                    );
                    let drawn = ui
                        .scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| draw(ui, i))
                        .response
                        .rect
                        .height();
                    self.heights[i] = drawn + gap;
                    y += self.heights[i];
                    i += 1;
                }
                let content = egui::Rect::from_min_size(origin, egui::vec2(width, total));
                ui.allocate_rect(content, egui::Sense::hover());
            });
    }
}
