//! Gift cards: their codes, and whether an amount may be paid with one.
//!
//! A code carries 80 random bits (passed in by the caller) as 16 Crockford base32
//! characters, printed in groups of four: `7K3M-Q9XZ-0B4T-HN2W`. Crockford's alphabet has
//! no `I`, `L`, `O` or `U`, so a code read out or typed by hand is forgiving: `O` is
//! read as `0`, `I` and `L` as `1`, and case, spaces and hyphens do not matter.
//!
//! A card's balance never goes below zero: a redemption above it is refused.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Crockford's base32 alphabet: digits and capitals without `I`, `L`, `O` and `U`.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Characters of a code, not counting the hyphens.
const CODE_CHARS: usize = 16;

/// Characters per printed group.
const GROUP: usize = 4;

/// Turns 80 random bits into a gift card code `XXXX-XXXX-XXXX-XXXX` (16 Crockford base32
/// characters, most significant bits first).
pub fn gift_card_code(random: [u8; 10]) -> String {
    let bits = random
        .iter()
        .fold(0u128, |acc, &byte| (acc << 8) | u128::from(byte));
    let chars = (0..CODE_CHARS).rev().map(|position| {
        let index = (bits >> (position * 5)) & 0b1_1111;
        usize::try_from(index)
            .ok()
            .and_then(|index| ALPHABET.get(index))
            .map_or('0', |&byte| char::from(byte))
    });
    format_code(chars)
}

/// Reads a code as typed or read out: trims it, ignores case, spaces and hyphens, and
/// reads `O` as `0` and `I` or `L` as `1`. Gives the code in its printed form when what
/// is left is 16 valid characters, `None` otherwise.
pub fn normalize_gift_card_code(input: &str) -> Option<String> {
    let mut chars = Vec::with_capacity(CODE_CHARS);
    for c in input.trim().chars() {
        if c.is_whitespace() || c == '-' {
            continue;
        }
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        };
        if !c.is_ascii() || !ALPHABET.contains(&u8::try_from(c).ok()?) {
            return None;
        }
        chars.push(c);
    }
    (chars.len() == CODE_CHARS).then(|| format_code(chars))
}

/// Prints characters in hyphen-separated groups of four.
fn format_code(chars: impl IntoIterator<Item = char>) -> String {
    let mut code = String::with_capacity(CODE_CHARS + CODE_CHARS / GROUP);
    for (position, c) in chars.into_iter().enumerate() {
        if position > 0 && position % GROUP == 0 {
            code.push('-');
        }
        code.push(c);
    }
    code
}

/// A gift card as the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GiftCardState {
    /// What is left on the card.
    pub balance: Decimal,
    /// ISO code of the card's currency.
    pub currency: String,
    /// The moment the card stops being valid; `None` means it never expires.
    pub expires_at: Option<DateTime<Utc>>,
    /// Whether the card is usable (not blocked by the shop).
    pub active: bool,
}

/// Why a gift card cannot pay an amount.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GiftCardRejection {
    /// The shop blocked the card.
    #[error("this gift card is blocked")]
    Disabled,
    /// The card is past its expiry.
    #[error("this gift card expired on {}", .expires_at.format("%Y-%m-%d %H:%M UTC"))]
    Expired {
        /// The moment it expired.
        expires_at: DateTime<Utc>,
    },
    /// The card is in another currency than the order.
    #[error("this gift card is in {card} and cannot pay an order in {order}")]
    WrongCurrency {
        /// The card's currency.
        card: String,
        /// The order's currency.
        order: String,
    },
    /// The amount is more than what is left on the card.
    #[error("this gift card has {balance} left, less than the {asked} asked")]
    InsufficientBalance {
        /// What is left on the card.
        balance: Decimal,
        /// The amount asked.
        asked: Decimal,
    },
    /// An amount of zero or less.
    #[error("the amount to pay with a gift card must be positive, got {0}")]
    NotPositive(Decimal),
}

/// Checks that `amount` in `currency` may be paid with the card at `now`.
///
/// Checks, in order: blocked, expired (at or after `expires_at`), currency (ISO codes
/// compared without regard to case), then that `0 < amount <= balance`, so a card never
/// goes below zero.
pub fn check_redemption(
    card: &GiftCardState,
    amount: Decimal,
    currency: &str,
    now: DateTime<Utc>,
) -> Result<(), GiftCardRejection> {
    if !card.active {
        return Err(GiftCardRejection::Disabled);
    }
    if let Some(expires_at) = card.expires_at
        && now >= expires_at
    {
        return Err(GiftCardRejection::Expired { expires_at });
    }
    if !card.currency.eq_ignore_ascii_case(currency) {
        return Err(GiftCardRejection::WrongCurrency {
            card: card.currency.clone(),
            order: currency.to_owned(),
        });
    }
    if amount <= Decimal::ZERO {
        return Err(GiftCardRejection::NotPositive(amount));
    }
    if amount > card.balance {
        return Err(GiftCardRejection::InsufficientBalance {
            balance: card.balance,
            asked: amount,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use rust_decimal_macros::dec;

    fn card() -> GiftCardState {
        GiftCardState {
            balance: dec!(25.00),
            currency: "EUR".into(),
            expires_at: Some(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()),
            active: true,
        }
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 6, 1, 10, 0, 0).unwrap()
    }

    #[test]
    fn codes_spell_the_bits_in_crockford_base32() {
        assert_eq!(gift_card_code([0; 10]), "0000-0000-0000-0000");
        assert_eq!(gift_card_code([0xFF; 10]), "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        // 0x00…01 is the last character; 0x80 in the first byte is the first character's
        // top bit (16 → `G`).
        let mut one = [0; 10];
        one[9] = 1;
        assert_eq!(gift_card_code(one), "0000-0000-0000-0001");
        let mut top = [0; 10];
        top[0] = 0x80;
        assert_eq!(gift_card_code(top), "G000-0000-0000-0000");
    }

    #[test]
    fn generated_codes_normalize_to_themselves() {
        let code = gift_card_code([1, 35, 69, 103, 137, 171, 205, 239, 17, 250]);
        assert_eq!(code.len(), 19);
        assert_eq!(normalize_gift_card_code(&code), Some(code.clone()));
        assert_eq!(
            normalize_gift_card_code(&code.to_lowercase().replace('-', " ")),
            Some(code)
        );
    }

    #[test]
    fn typed_codes_forgive_case_spaces_and_look_alikes() {
        assert_eq!(
            normalize_gift_card_code("  abcd efgh-jkmn pqoi  "),
            Some("ABCD-EFGH-JKMN-PQ01".to_owned())
        );
        assert_eq!(
            normalize_gift_card_code("l0l0-l0l0-l0l0-l0l0"),
            Some("1010-1010-1010-1010".to_owned())
        );
    }

    #[test]
    fn invalid_codes_are_refused() {
        assert_eq!(normalize_gift_card_code(""), None);
        assert_eq!(normalize_gift_card_code("ABCD-EFGH-JKMN-PQR"), None);
        assert_eq!(normalize_gift_card_code("ABCD-EFGH-JKMN-PQRST"), None);
        assert_eq!(normalize_gift_card_code("ABCD-EFGH-JKMN-PQRU"), None);
        assert_eq!(normalize_gift_card_code("ABCD-EFGH-JKMN-PQR!"), None);
        assert_eq!(normalize_gift_card_code("ABCD-EFGH-JKMN-PQRÉ"), None);
    }

    #[test]
    fn a_redemption_up_to_the_balance_is_accepted() {
        assert_eq!(check_redemption(&card(), dec!(25.00), "EUR", now()), Ok(()));
        assert_eq!(check_redemption(&card(), dec!(0.01), "eur", now()), Ok(()));
    }

    #[test]
    fn a_redemption_above_the_balance_is_refused() {
        let refusal = check_redemption(&card(), dec!(25.01), "EUR", now()).unwrap_err();
        assert_eq!(
            refusal.to_string(),
            "this gift card has 25.00 left, less than the 25.01 asked"
        );
    }

    #[test]
    fn blocked_expired_and_foreign_cards_are_refused() {
        let blocked = GiftCardState {
            active: false,
            ..card()
        };
        assert_eq!(
            check_redemption(&blocked, dec!(1), "EUR", now()),
            Err(GiftCardRejection::Disabled)
        );
        let expiry = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let refusal = check_redemption(&card(), dec!(1), "EUR", expiry).unwrap_err();
        assert_eq!(
            refusal.to_string(),
            "this gift card expired on 2026-01-01 00:00 UTC"
        );
        assert_eq!(
            check_redemption(&card(), dec!(1), "USD", now()),
            Err(GiftCardRejection::WrongCurrency {
                card: "EUR".into(),
                order: "USD".into()
            })
        );
        assert_eq!(
            check_redemption(&card(), Decimal::ZERO, "EUR", now()),
            Err(GiftCardRejection::NotPositive(Decimal::ZERO))
        );
    }
}
