//! Flowing content over pages and the running footer with "Page n of m".
//!
//! A document asks the flow for room before it places a block; when the block does not fit
//! the flow starts a new page and the document draws its running header (and repeats its
//! table header) there. Page numbers are drawn last, when the page count is known.
#![allow(
    clippy::float_arithmetic,
    reason = "page coordinates in points, never money"
)]

use crate::canvas::{Align, Canvas, TextStyle, Tone};
use crate::fonts::{Fonts, Weight};
use crate::locale::Paper;

/// Points per millimetre.
pub(crate) const PT_PER_MM: f32 = 72.0 / 25.4;

/// Page size and margins of a page document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PageGeometry {
    pub(crate) width: f32,
    pub(crate) height: f32,
    pub(crate) margin_x: f32,
    pub(crate) margin_top: f32,
    pub(crate) margin_bottom: f32,
}

impl PageGeometry {
    pub(crate) fn for_paper(paper: Paper) -> Self {
        let (width, height) = match paper {
            Paper::A4 => (210.0 * PT_PER_MM, 297.0 * PT_PER_MM),
            Paper::Letter => (612.0, 792.0),
        };
        Self {
            width,
            height,
            margin_x: 48.0,
            margin_top: 48.0,
            // Room for the footer line below the content.
            margin_bottom: 64.0,
        }
    }

    /// Usable width between the side margins.
    pub(crate) fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin_x
    }

    /// The right edge of the content.
    pub(crate) fn right(&self) -> f32 {
        self.width - self.margin_x
    }
}

/// The pages of one document and the cursor on the last of them.
pub(crate) struct PageFlow<'f> {
    fonts: &'f Fonts,
    pub(crate) geometry: PageGeometry,
    pages: Vec<Canvas<'f>>,
    current: Canvas<'f>,
    /// Distance of the cursor from the top of the current page.
    pub(crate) y: f32,
}

impl<'f> PageFlow<'f> {
    pub(crate) fn new(fonts: &'f Fonts, geometry: PageGeometry) -> Self {
        Self {
            fonts,
            geometry,
            pages: Vec::new(),
            current: Canvas::new(fonts, geometry.width),
            y: geometry.margin_top,
        }
    }

    pub(crate) fn canvas(&mut self) -> &mut Canvas<'f> {
        &mut self.current
    }

    pub(crate) fn fonts(&self) -> &'f Fonts {
        self.fonts
    }

    /// Whether `height` points still fit above the bottom margin.
    pub(crate) fn fits(&self, height: f32) -> bool {
        self.y + height <= self.geometry.height - self.geometry.margin_bottom
    }

    /// Closes the current page and puts the cursor at the top of a fresh one.
    pub(crate) fn new_page(&mut self) {
        let finished = std::mem::replace(
            &mut self.current,
            Canvas::new(self.fonts, self.geometry.width),
        );
        self.pages.push(finished);
        self.y = self.geometry.margin_top;
    }

    /// All pages with the footer drawn on each: `left` text and "Page n of m" at the right.
    pub(crate) fn finish(mut self, left: &str) -> Vec<SizedPage<'f>> {
        self.pages.push(self.current);
        let count = self.pages.len();
        let geometry = self.geometry;
        let style = TextStyle::new(Weight::Regular, 7.5, Tone::Muted);
        let line_top = geometry.height - geometry.margin_bottom + 22.0;
        let baseline = line_top + 13.0;
        self.pages
            .into_iter()
            .enumerate()
            .map(|(index, mut canvas)| {
                canvas.rule(
                    geometry.margin_x,
                    line_top,
                    geometry.content_width(),
                    0.5,
                    Tone::Rule,
                );
                canvas.text(geometry.margin_x, baseline, style, Align::Left, left);
                let number = format!("Page {} of {count}", index + 1);
                canvas.text(geometry.right(), baseline, style, Align::Right, &number);
                SizedPage {
                    canvas,
                    height: geometry.height,
                }
            })
            .collect()
    }
}

/// A finished page and its height.
pub(crate) struct SizedPage<'f> {
    pub(crate) canvas: Canvas<'f>,
    pub(crate) height: f32,
}
