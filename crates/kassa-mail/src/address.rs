//! Checking an e-mail address where it is entered.

use lettre::Address;
use lettre::address::AddressError;

use crate::error::{MailError, quoted};

/// Parses a bare e-mail address (`name@example.com`, no display name, no spaces around),
/// to check it where it is entered and to address messages.
///
/// # Errors
/// [`MailError::InvalidAddress`] with the text and the reason, for example
/// `"anna.example.com" is not an e-mail address: it needs a name, an @ and a domain`.
/// Line breaks and other control characters are always refused.
pub fn parse_address(input: &str) -> Result<Address, MailError> {
    let invalid = |reason: &str| MailError::InvalidAddress {
        input: quoted(input),
        reason: reason.to_owned(),
    };
    if input.is_empty() {
        return Err(invalid("it is empty"));
    }
    if input.chars().any(char::is_control) {
        return Err(invalid(
            "it contains a line break or another control character",
        ));
    }
    if input.trim() != input || input.chars().any(char::is_whitespace) {
        return Err(invalid("it contains spaces"));
    }
    input.parse::<Address>().map_err(|error| {
        invalid(match error {
            AddressError::MissingParts => "it needs a name, an @ and a domain",
            AddressError::Unbalanced => "it has an unbalanced angle bracket",
            AddressError::InvalidUser => "the part before the @ is not valid",
            AddressError::InvalidDomain => "the domain after the @ is not valid",
            _ => "it contains characters that are not allowed",
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_addresses_parse() {
        for input in [
            "anna@example.com",
            "a.b+shop@sub.example.de",
            "owner@xn--mller-kva.de",
        ] {
            assert_eq!(parse_address(input).unwrap().to_string(), input);
        }
    }

    #[test]
    fn bad_addresses_say_why() {
        let cases = [
            ("", "\"\" is not an e-mail address: it is empty"),
            (
                "anna.example.com",
                "\"anna.example.com\" is not an e-mail address: it needs a name, an @ and a domain",
            ),
            (
                "anna@",
                "\"anna@\" is not an e-mail address: the domain after the @ is not valid",
            ),
            (
                "@example.com",
                "\"@example.com\" is not an e-mail address: the part before the @ is not valid",
            ),
            (
                " anna@example.com",
                "\" anna@example.com\" is not an e-mail address: it contains spaces",
            ),
            (
                "Anna <anna@example.com>",
                "\"Anna <anna@example.com>\" is not an e-mail address: it contains spaces",
            ),
        ];
        for (input, message) in cases {
            assert_eq!(parse_address(input).unwrap_err().to_string(), message);
        }
    }

    #[test]
    fn line_breaks_are_refused() {
        for input in [
            "eve@example.com\r\nBcc: x@evil.test",
            "eve@example.com\n",
            "eve\r@example.com",
            "eve@exa\tmple.com",
        ] {
            let message = parse_address(input).unwrap_err().to_string();
            assert!(message.contains("control character"), "{message}");
            // The message itself stays on one line.
            assert!(
                !message.contains('\n') && !message.contains('\r'),
                "{message}"
            );
        }
    }
}
