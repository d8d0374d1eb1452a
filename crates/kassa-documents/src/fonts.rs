//! The two embedded faces (DejaVu Sans and DejaVu Sans Bold), parsed once.
//!
//! Parsing a TTF takes milliseconds and the PDF library clones the parsed face into every
//! document, so the faces are parsed when the `DocumentMaker` is made and reused for every
//! document after that. printpdf gets the faces without their outlines (see
//! `font_subset`): it only measures and maps text, and each document's font program is a
//! subset made by this crate. DejaVu covers Latin with diacritics, Greek and Cyrillic, which the
//! PDF built-in fonts (WinAnsi only) would print as `?`. Text is measured from the fonts'
//! own advance widths, cached per character, so right-aligned amounts line up exactly.
#![allow(
    clippy::float_arithmetic,
    reason = "text widths are layout coordinates in points, never money"
)]

use printpdf::ParsedFont;

use crate::error::DocumentError;
use crate::font_compact;
use crate::font_subset::GlyphSource;

const REGULAR_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// Characters below this code point have their glyph id and advance cached: Latin, Greek
/// and Cyrillic all sit below it.
const CACHED_CHARS: u32 = 0x0530;

/// Which of the two faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
}

/// One parsed face with its advance widths.
pub(crate) struct FontFace {
    pub(crate) parsed: ParsedFont,
    /// The same face, ready for per-document subsetting.
    pub(crate) glyphs: GlyphSource,
    units_per_em: f32,
    /// Advance in font units for every code point below `CACHED_CHARS`.
    advances: Vec<u16>,
    /// Glyph id for every code point below `CACHED_CHARS`.
    glyph_ids: Vec<u16>,
}

impl FontFace {
    fn parse(bytes: &[u8], name: &'static str) -> Result<Self, DocumentError> {
        let unreadable = DocumentError::FontUnreadable { name };
        let original = GlyphSource::parse(bytes.to_vec()).ok_or(unreadable)?;
        let glyphs = font_compact::compact(&original)
            .and_then(GlyphSource::parse)
            .ok_or(DocumentError::FontUnreadable { name })?;
        let parsed = ParsedFont::from_bytes(&glyphs.skeleton(), 0, &mut Vec::new())
            .ok_or(DocumentError::FontUnreadable { name })?;
        let units_per_em = f32::from(parsed.font_metrics.units_per_em.max(1));
        let mut face = Self {
            parsed,
            glyphs,
            units_per_em,
            advances: Vec::new(),
            glyph_ids: Vec::new(),
        };
        face.glyph_ids = (0..CACHED_CHARS)
            .map(|code| char::from_u32(code).map_or(0, |c| face.lookup_glyph_id(c)))
            .collect();
        face.advances = (0..CACHED_CHARS)
            .map(|code| char::from_u32(code).map_or(0, |c| face.lookup_advance(c)))
            .collect();
        Ok(face)
    }

    fn lookup_glyph_id(&self, character: char) -> u16 {
        self.parsed
            .lookup_glyph_index(u32::from(character))
            .unwrap_or(0)
    }

    /// The glyph drawn for `character`: .notdef (0) when the font lacks it.
    pub(crate) fn glyph_id(&self, character: char) -> u16 {
        usize::try_from(u32::from(character))
            .ok()
            .and_then(|index| self.glyph_ids.get(index).copied())
            .unwrap_or_else(|| self.lookup_glyph_id(character))
    }

    fn lookup_advance(&self, character: char) -> u16 {
        self.parsed
            .get_horizontal_advance(self.lookup_glyph_id(character))
    }

    fn advance(&self, character: char) -> u16 {
        let code = u32::from(character);
        if code < CACHED_CHARS {
            usize::try_from(code)
                .ok()
                .and_then(|index| self.advances.get(index).copied())
                .unwrap_or(0)
        } else {
            self.lookup_advance(character)
        }
    }

    /// Width of `text` at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        // Sums of integer font units stay below 2^24, where f32 addition is exact.
        let units: f32 = text.chars().map(|c| f32::from(self.advance(c))).sum();
        units * size / self.units_per_em
    }
}

/// Both faces, parsed once and shared by every document.
pub(crate) struct Fonts {
    pub(crate) regular: FontFace,
    pub(crate) bold: FontFace,
}

impl Fonts {
    /// Parses the embedded TTFs.
    pub(crate) fn load() -> Result<Self, DocumentError> {
        Ok(Self {
            regular: FontFace::parse(REGULAR_TTF, "DejaVuSans.ttf")?,
            bold: FontFace::parse(BOLD_TTF, "DejaVuSans-Bold.ttf")?,
        })
    }

    pub(crate) fn face(&self, weight: Weight) -> &FontFace {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Width of `text` in `weight` at `size` points.
    pub(crate) fn width(&self, weight: Weight, size: f32, text: &str) -> f32 {
        self.face(weight).width(text, size)
    }

    /// `text` cut to fit `max_width`, with an ellipsis when something was cut.
    pub(crate) fn fit(&self, weight: Weight, size: f32, text: &str, max_width: f32) -> String {
        if self.width(weight, size, text) <= max_width {
            return text.to_owned();
        }
        let ellipsis = "…";
        let budget = max_width - self.width(weight, size, ellipsis);
        let mut fitted = String::new();
        let mut used = 0.0;
        for character in text.chars() {
            let step = self.width(weight, size, character.encode_utf8(&mut [0; 4]));
            if used + step > budget {
                break;
            }
            used += step;
            fitted.push(character);
        }
        fitted.truncate(fitted.trim_end().len());
        fitted.push_str(ellipsis);
        fitted
    }

    /// `text` broken into lines no wider than `max_width`, at spaces where possible.
    pub(crate) fn wrap(
        &self,
        weight: Weight,
        size: f32,
        text: &str,
        max_width: f32,
    ) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if self.width(weight, size, &candidate) <= max_width {
                line = candidate;
            } else if line.is_empty() {
                // A single word wider than the column is cut rather than overflowing.
                lines.push(self.fit(weight, size, word, max_width));
            } else {
                lines.push(std::mem::take(&mut line));
                if self.width(weight, size, word) <= max_width {
                    line = word.to_owned();
                } else {
                    lines.push(self.fit(weight, size, word, max_width));
                }
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_measures_wider_and_bold_is_wider_than_regular() {
        let fonts = Fonts::load().unwrap();
        let narrow = fonts.width(Weight::Regular, 10.0, "iii");
        let wide = fonts.width(Weight::Regular, 10.0, "WWW");
        assert!(wide > narrow, "W is wider than i");
        assert!(
            fonts.width(Weight::Bold, 10.0, "Total") > fonts.width(Weight::Regular, 10.0, "Total")
        );
        assert!(
            fonts.width(Weight::Regular, 10.0, "Ωμέγα Привет") > 0.0,
            "Greek and Cyrillic have glyphs"
        );
    }

    #[test]
    fn wrapping_keeps_every_word_and_respects_the_width() {
        let fonts = Fonts::load().unwrap();
        let text = "Handgemachte Keramiktasse mit Glasur in Ozeanblau, 350 ml";
        let lines = fonts.wrap(Weight::Regular, 9.0, text, 120.0);
        assert!(lines.len() > 1, "the name is longer than 120 pt");
        for line in &lines {
            assert!(
                fonts.width(Weight::Regular, 9.0, line) <= 120.0,
                "{line:?} overflows"
            );
        }
        assert_eq!(lines.join(" "), text, "no word may be lost");
    }
}
