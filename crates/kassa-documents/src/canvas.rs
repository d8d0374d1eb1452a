//! A page being drawn, in top-down coordinates, turned into printpdf operations at the end.
//!
//! Documents are laid out from the top of the page down, but PDF measures from the bottom;
//! and a receipt only knows its height once everything is placed. So marks are collected in
//! top-down points and converted once the page height is known. Text goes into a single
//! text object per page with absolute text matrices, fills are drawn before it so that
//! backgrounds never cover text.
#![allow(
    clippy::float_arithmetic,
    reason = "page coordinates in points, never money"
)]

use printpdf::{
    Color, FontId, Greyscale, Op, PaintMode, PdfFontHandle, PdfPage, Pt, Rect, Rgb, TextItem,
    TextMatrix,
};

use crate::fonts::{Fonts, Weight};

/// Colours, named for what they are used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    /// Body text.
    Ink,
    /// Labels and secondary text.
    Muted,
    /// Document titles and the grand-total band.
    Accent,
    /// White text on the accent band.
    Paper,
    /// Hairlines between table rows.
    Rule,
    /// Background of table headers.
    Band,
}

impl Tone {
    fn color(self) -> Color {
        match self {
            Self::Ink => grey(0.12),
            Self::Muted => grey(0.42),
            Self::Rule => grey(0.80),
            Self::Band => grey(0.93),
            Self::Paper => grey(1.0),
            Self::Accent => Color::Rgb(Rgb::new(0.09, 0.23, 0.40, None)),
        }
    }
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale::new(level, None))
}

/// Face, size and colour of a piece of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextStyle {
    pub(crate) weight: Weight,
    pub(crate) size: f32,
    pub(crate) tone: Tone,
}

impl TextStyle {
    pub(crate) const fn new(weight: Weight, size: f32, tone: Tone) -> Self {
        Self { weight, size, tone }
    }
}

/// Horizontal alignment relative to the x given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    /// Text starts at x.
    Left,
    /// Text ends at x (amounts).
    Right,
    /// Text is centred on x.
    Center,
}

enum Mark {
    Text {
        x: f32,
        baseline: f32,
        width: f32,
        style: TextStyle,
        text: String,
    },
    Fill {
        x: f32,
        top: f32,
        width: f32,
        height: f32,
        tone: Tone,
    },
}

/// Handles of the two faces inside one PDF document.
pub(crate) struct FontHandles {
    pub(crate) regular: FontId,
    pub(crate) bold: FontId,
}

/// One page's marks.
pub(crate) struct Canvas<'f> {
    fonts: &'f Fonts,
    width: f32,
    marks: Vec<Mark>,
}

impl<'f> Canvas<'f> {
    pub(crate) fn new(fonts: &'f Fonts, width: f32) -> Self {
        Self {
            fonts,
            width,
            marks: Vec::with_capacity(128),
        }
    }

    /// Places `text` with its baseline at `baseline` (from the top of the page).
    pub(crate) fn text(
        &mut self,
        x: f32,
        baseline: f32,
        style: TextStyle,
        align: Align,
        text: &str,
    ) {
        if text.is_empty() {
            return;
        }
        let width = self.fonts.width(style.weight, style.size, text);
        let x = match align {
            Align::Left => x,
            Align::Right => x - width,
            Align::Center => x - width / 2.0,
        };
        self.marks.push(Mark::Text {
            x,
            baseline,
            width,
            style,
            text: text.to_owned(),
        });
    }

    /// A filled rectangle whose top edge is at `top` (from the top of the page).
    pub(crate) fn fill(&mut self, x: f32, top: f32, width: f32, height: f32, tone: Tone) {
        self.marks.push(Mark::Fill {
            x,
            top,
            width,
            height,
            tone,
        });
    }

    /// A horizontal line, drawn as a thin filled rectangle (no stroke state to manage).
    pub(crate) fn rule(&mut self, x: f32, top: f32, width: f32, thickness: f32, tone: Tone) {
        self.fill(x, top, width, thickness, tone);
    }

    /// The outline of a rectangle whose top edge is at `top`, its sides `thickness` thick
    /// and drawn inside the rectangle.
    pub(crate) fn frame(
        &mut self,
        x: f32,
        top: f32,
        width: f32,
        height: f32,
        thickness: f32,
        tone: Tone,
    ) {
        self.rule(x, top, width, thickness, tone);
        self.rule(x, top + height - thickness, width, thickness, tone);
        self.fill(x, top, thickness, height, tone);
        self.fill(x + width - thickness, top, thickness, height, tone);
    }

    /// Marks the glyphs of every character on the page as used, per face (indexed by
    /// glyph id).
    pub(crate) fn collect_glyphs(&self, regular: &mut [bool], bold: &mut [bool]) {
        for mark in &self.marks {
            if let Mark::Text { style, text, .. } = mark {
                let face = self.fonts.face(style.weight);
                let used = match style.weight {
                    Weight::Regular => &mut *regular,
                    Weight::Bold => &mut *bold,
                };
                for character in text.chars() {
                    if let Some(flag) = used.get_mut(usize::from(face.glyph_id(character))) {
                        *flag = true;
                    }
                }
            }
        }
    }

    /// The page as printpdf operations, for a page `height` points tall.
    pub(crate) fn into_page(self, height: f32, handles: &FontHandles) -> PdfPage {
        let mut ops = Vec::with_capacity(self.marks.len() * 3 + 8);
        let mut fill_tone = None;
        for mark in &self.marks {
            if let Mark::Fill {
                x,
                top,
                width,
                height: h,
                tone,
            } = mark
            {
                if fill_tone != Some(*tone) {
                    ops.push(Op::SetFillColor { col: tone.color() });
                    fill_tone = Some(*tone);
                }
                let mut rect = Rect::from_xywh(Pt(*x), Pt(height - top - h), Pt(*width), Pt(*h));
                rect.mode = Some(PaintMode::Fill);
                ops.push(Op::DrawRectangle { rectangle: rect });
            }
        }
        ops.push(Op::StartTextSection);
        let mut font = None;
        let mut text_tone = None;
        // Text on one baseline in one style (a table row's cells) becomes one TJ with
        // spacing offsets instead of one positioned string per cell: far fewer operations
        // for printpdf to translate and a smaller content stream.
        let mut run: Option<(TextStyle, f32, f32, Vec<TextItem>)> = None;
        for mark in self.marks {
            let Mark::Text {
                x,
                baseline,
                width,
                style,
                text,
            } = mark
            else {
                continue;
            };
            if let Some((run_style, run_baseline, run_end, items)) = run.as_mut()
                && *run_style == style
                && *run_baseline == baseline
                && x >= *run_end
            {
                // TJ offsets are in thousandths of the font size, positive to the left.
                items.push(TextItem::Offset(-(x - *run_end) * 1000.0 / style.size));
                items.push(TextItem::Text(text));
                *run_end = x + width;
                continue;
            }
            if let Some((_, _, _, items)) = run.take() {
                ops.push(Op::ShowText { items });
            }
            if font != Some((style.weight, style.size)) {
                let id = match style.weight {
                    Weight::Regular => handles.regular.clone(),
                    Weight::Bold => handles.bold.clone(),
                };
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(id),
                    size: Pt(style.size),
                });
                font = Some((style.weight, style.size));
            }
            if text_tone != Some(style.tone) {
                ops.push(Op::SetFillColor {
                    col: style.tone.color(),
                });
                text_tone = Some(style.tone);
            }
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(x), Pt(height - baseline)),
            });
            run = Some((style, baseline, x + width, vec![TextItem::Text(text)]));
        }
        if let Some((_, _, _, items)) = run.take() {
            ops.push(Op::ShowText { items });
        }
        ops.push(Op::EndTextSection);
        let media_box = Rect::from_wh(Pt(self.width), Pt(height));
        PdfPage {
            trim_box: media_box.clone(),
            crop_box: media_box.clone(),
            media_box,
            ops,
        }
    }
}
