//! Code128 barcodes drawn as filled bars, so a hand scanner at the packing table reads the
//! order reference straight off the packing slip.
//!
//! `barcoders` turns the text into modules (1 = bar, 0 = space); runs of bars become one
//! rectangle each. References are encoded in character set B (printable ASCII) and switch
//! to set C for a trailing run of digits, which packs two digits per symbol and keeps the
//! code short enough for a narrow column.
#![allow(
    clippy::float_arithmetic,
    reason = "page coordinates in points, never money"
)]

use barcoders::sym::code128::Code128;

use crate::canvas::{Canvas, Tone};
use crate::error::DocumentError;

const SET_B: char = '\u{0181}';
const SET_C: char = '\u{0106}';

/// The modules of `reference` as Code128: `true` for a bar, `false` for a space.
pub(crate) fn code128_modules(reference: &str) -> Result<Vec<bool>, DocumentError> {
    if reference.is_empty() || !reference.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
        return Err(DocumentError::Barcode {
            reference: reference.to_owned(),
            reason: "only printable ASCII can be encoded".to_owned(),
        });
    }
    let code =
        Code128::new(with_character_sets(reference)).map_err(|error| DocumentError::Barcode {
            reference: reference.to_owned(),
            reason: error.to_string(),
        })?;
    Ok(code
        .encode()
        .into_iter()
        .map(|module| module == 1)
        .collect())
}

/// Set B for the text, set C for a trailing even run of at least four digits.
fn with_character_sets(reference: &str) -> String {
    let digits = reference
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .count();
    let packed = if digits >= 4 { digits - digits % 2 } else { 0 };
    let split = reference.len() - packed;
    let (text, numbers) = reference.split_at(split);
    let mut data = String::with_capacity(reference.len() + 2);
    if text.is_empty() {
        data.push(SET_C);
    } else {
        data.push(SET_B);
        data.push_str(text);
        if !numbers.is_empty() {
            data.push(SET_C);
        }
    }
    data.push_str(numbers);
    data
}

/// Draws the modules with the top-left corner at (`x`, `top`); returns the width drawn.
pub(crate) fn draw(
    canvas: &mut Canvas<'_>,
    modules: &[bool],
    x: f32,
    top: f32,
    module_width: f32,
    height: f32,
) -> f32 {
    let mut position = 0.0;
    let mut run_start = None;
    for (index, is_bar) in modules.iter().chain(std::iter::once(&false)).enumerate() {
        match (run_start, *is_bar) {
            (None, true) => run_start = Some(index),
            (Some(start), false) => {
                let run = index - start;
                let bars = u16::try_from(run).unwrap_or(u16::MAX);
                canvas.fill(
                    x + position - f32::from(bars) * module_width,
                    top,
                    f32::from(bars) * module_width,
                    height,
                    Tone::Ink,
                );
                run_start = None;
            }
            _ => {}
        }
        position += module_width;
    }
    position - module_width
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_digits_switch_to_the_dense_set() {
        assert_eq!(
            with_character_sets("S01-R01-000042"),
            "\u{0181}S01-R01-\u{0106}000042"
        );
        assert_eq!(
            with_character_sets("S01-R01-0000421"),
            "\u{0181}S01-R01-0\u{0106}000421"
        );
        assert_eq!(
            with_character_sets("AB12"),
            "\u{0181}AB12",
            "two digits stay in set B"
        );
        assert_eq!(with_character_sets("123456"), "\u{0106}123456");
    }

    #[test]
    fn modules_start_and_end_with_a_bar() {
        let modules = code128_modules("S01-R01-000042").unwrap();
        assert_eq!(modules.first(), Some(&true));
        assert_eq!(modules.last(), Some(&true));
    }

    #[test]
    fn references_outside_ascii_are_refused_with_the_reason() {
        let error = code128_modules("Σ-1").unwrap_err();
        assert!(error.to_string().contains("printable ASCII"), "{error}");
    }
}
