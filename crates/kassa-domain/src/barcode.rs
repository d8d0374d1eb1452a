//! Barcodes: EAN-13 check digits (also covers UPC-A, which is EAN-13 with a leading 0).

/// The check digit for the first 12 digits of an EAN-13, or `None` if the input is not
/// exactly 12 ASCII digits.
pub fn ean13_check_digit(first_twelve: &str) -> Option<char> {
    if first_twelve.len() != 12 {
        return None;
    }
    let mut sum = 0_u32;
    for (index, character) in first_twelve.chars().enumerate() {
        let digit = character.to_digit(10)?;
        sum += if index % 2 == 0 { digit } else { digit * 3 };
    }
    char::from_digit((10 - sum % 10) % 10, 10)
}

/// Whether `code` is a valid EAN-13 (13 digits with a correct check digit).
pub fn is_valid_ean13(code: &str) -> bool {
    match (code.get(..12), code.chars().nth(12)) {
        (Some(first), Some(check)) if code.len() == 13 => ean13_check_digit(first) == Some(check),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_ean13_codes_validate() {
        assert_eq!(ean13_check_digit("400638133393"), Some('1'));
        assert!(is_valid_ean13("4006381333931"));
        assert!(is_valid_ean13("5449000000996"), "a real drinks-can barcode");
        assert!(
            !is_valid_ean13("4006381333932"),
            "a wrong check digit must fail"
        );
        assert!(!is_valid_ean13("40063813339"), "too short");
        assert_eq!(ean13_check_digit("40063813339x"), None);
    }
}
