//! Tables of lines: a shaded header, rows with hairlines, text columns that wrap and numeric
//! columns that align right, and rows that flow onto further pages with the header repeated.
#![allow(
    clippy::float_arithmetic,
    reason = "page coordinates in points, never money"
)]

use crate::canvas::{Align, Canvas, TextStyle, Tone};
use crate::fonts::{Fonts, Weight};
use crate::pages::PageFlow;

/// Body text of table rows.
pub(crate) const CELL: TextStyle = TextStyle::new(Weight::Regular, 8.5, Tone::Ink);
/// Column titles.
const HEADING: TextStyle = TextStyle::new(Weight::Bold, 7.5, Tone::Muted);
const PAD_X: f32 = 5.0;
const PAD_Y: f32 = 5.0;
const LEADING: f32 = 11.0;
const HEADER_HEIGHT: f32 = 19.0;

/// What a column holds, which decides how its cells are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ColumnKind {
    /// Text that wraps onto further lines.
    Text,
    /// A code (SKU, bin) that stays on one line and is cut with an ellipsis if too long.
    Code,
    /// A number, right-aligned so the digits line up.
    Number,
    /// An empty box to tick by hand; the cell text is ignored.
    Checkbox,
}

/// One column: title, width in points and what it holds.
pub(crate) struct Column {
    pub(crate) title: &'static str,
    pub(crate) width: f32,
    pub(crate) align: Align,
    pub(crate) kind: ColumnKind,
}

impl Column {
    pub(crate) const fn text(title: &'static str, width: f32) -> Self {
        Self {
            title,
            width,
            align: Align::Left,
            kind: ColumnKind::Text,
        }
    }

    pub(crate) const fn code(title: &'static str, width: f32) -> Self {
        Self {
            title,
            width,
            align: Align::Left,
            kind: ColumnKind::Code,
        }
    }

    pub(crate) const fn checkbox(width: f32) -> Self {
        Self {
            title: "",
            width,
            align: Align::Left,
            kind: ColumnKind::Checkbox,
        }
    }

    pub(crate) const fn number(title: &'static str, width: f32) -> Self {
        Self {
            title,
            width,
            align: Align::Right,
            kind: ColumnKind::Number,
        }
    }
}

/// A row broken into lines per cell.
pub(crate) struct LaidOutRow {
    cells: Vec<Vec<String>>,
    height: f32,
}

impl LaidOutRow {
    pub(crate) fn height(&self) -> f32 {
        self.height
    }
}

/// Columns placed at `x`.
pub(crate) struct Table {
    pub(crate) x: f32,
    pub(crate) columns: Vec<Column>,
}

impl Table {
    /// A table whose `stretch` column takes whatever width the others leave of `width`.
    pub(crate) fn fitted(x: f32, width: f32, mut columns: Vec<Column>, stretch: usize) -> Self {
        let fixed: f32 = columns
            .iter()
            .enumerate()
            .filter(|(index, _)| *index != stretch)
            .map(|(_, column)| column.width)
            .sum();
        if let Some(column) = columns.get_mut(stretch) {
            column.width = (width - fixed).max(40.0);
        }
        Self { x, columns }
    }

    fn width(&self) -> f32 {
        self.columns.iter().map(|column| column.width).sum()
    }

    fn cell_x(left: f32, column: &Column) -> f32 {
        match column.align {
            Align::Left => left + PAD_X,
            Align::Right => left + column.width - PAD_X,
            Align::Center => left + column.width / 2.0,
        }
    }

    /// Draws the shaded header with its top at `top`; returns its height.
    pub(crate) fn draw_header(&self, canvas: &mut Canvas<'_>, top: f32) -> f32 {
        canvas.fill(self.x, top, self.width(), HEADER_HEIGHT, Tone::Band);
        let baseline = top + HEADER_HEIGHT / 2.0 + 2.7;
        let mut left = self.x;
        for column in &self.columns {
            canvas.text(
                Self::cell_x(left, column),
                baseline,
                HEADING,
                column.align,
                column.title,
            );
            left += column.width;
        }
        HEADER_HEIGHT
    }

    /// Breaks the cells of one row into lines.
    pub(crate) fn lay_out(&self, fonts: &Fonts, cells: &[String], style: TextStyle) -> LaidOutRow {
        let cells: Vec<Vec<String>> = self
            .columns
            .iter()
            .zip(cells)
            .map(|(column, text)| {
                let room = column.width - 2.0 * PAD_X;
                match column.kind {
                    // A line break starts a new paragraph in the cell (a line's discount
                    // under its name).
                    ColumnKind::Text => text
                        .split('\n')
                        .flat_map(|part| fonts.wrap(style.weight, style.size, part, room))
                        .collect(),
                    ColumnKind::Code | ColumnKind::Number => {
                        vec![fonts.fit(style.weight, style.size, text, room)]
                    }
                    ColumnKind::Checkbox => Vec::new(),
                }
            })
            .collect();
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let lines = u16::try_from(lines).unwrap_or(u16::MAX);
        let height = 2.0 * PAD_Y + f32::from(lines) * LEADING - 2.0;
        LaidOutRow { cells, height }
    }

    /// Draws a laid-out row with its top at `top`; returns its height.
    pub(crate) fn draw_row(
        &self,
        canvas: &mut Canvas<'_>,
        top: f32,
        row: &LaidOutRow,
        style: TextStyle,
    ) -> f32 {
        let mut left = self.x;
        for (column, lines) in self.columns.iter().zip(&row.cells) {
            if column.kind == ColumnKind::Checkbox {
                // Drawn, not a glyph: a box character would pull a high glyph id into
                // the font subset and needs a font that has it.
                let (x, y, side, line) = (left + PAD_X, top + PAD_Y, 7.5, 0.7);
                canvas.frame(x, y, side, side, line, Tone::Ink);
            }
            let mut baseline = top + PAD_Y + 7.0;
            for line in lines {
                canvas.text(
                    Self::cell_x(left, column),
                    baseline,
                    style,
                    column.align,
                    line,
                );
                baseline += LEADING;
            }
            left += column.width;
        }
        canvas.rule(
            self.x,
            top + row.height - 0.4,
            self.width(),
            0.4,
            Tone::Rule,
        );
        row.height
    }

    /// Draws the header and `rows` from the flow's cursor on, starting new pages as needed;
    /// on each new page `running_header` draws first, then the table header again.
    pub(crate) fn flow(
        &self,
        flow: &mut PageFlow<'_>,
        rows: &[Vec<String>],
        running_header: &dyn Fn(&mut PageFlow<'_>),
    ) {
        // Never leave a header alone at the foot of a page.
        if !flow.fits(HEADER_HEIGHT + 2.0 * LEADING) {
            flow.new_page();
            running_header(flow);
        }
        let top = flow.y;
        flow.y += self.draw_header(flow.canvas(), top);
        for cells in rows {
            let row = self.lay_out(flow.fonts(), cells, CELL);
            if !flow.fits(row.height) {
                flow.new_page();
                running_header(flow);
                let top = flow.y;
                flow.y += self.draw_header(flow.canvas(), top);
            }
            let top = flow.y;
            flow.y += self.draw_row(flow.canvas(), top, &row, CELL);
        }
    }
}
