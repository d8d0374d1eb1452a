//! Gift cards for the owner: look one up by its code (also at the counter, before taking
//! it as payment), list them, and read a card's ledger.

use kassa_domain::gift_card::normalize_gift_card_code;
use kassa_domain::money::Currency;
use kassa_store::gift_cards::GiftCardRow;

use crate::api::{GiftCardDetail, GiftCardRequest, GiftCardView, ListGiftCardsRequest};
use crate::customers::ledger_view;
use crate::payments::unknown_gift_card;
use crate::{ApiResult, Kassa};

/// How many cards a list shows.
const LIST_LIMIT: i64 = 200;

pub(crate) fn gift_card_view(currency: &Currency, row: GiftCardRow) -> GiftCardView {
    GiftCardView {
        code: row.code,
        currency_code: row.currency_code,
        initial: currency.from_minor_units(row.initial_minor),
        balance: currency.from_minor_units(row.balance_minor),
        expires_at: row.expires_at,
        active: row.active,
        order_reference: row.order_reference,
        created_at: row.created_at,
    }
}

impl Kassa {
    /// A gift card and its ledger, by the code as typed or scanned.
    pub async fn gift_card(&self, request: GiftCardRequest) -> ApiResult<GiftCardDetail> {
        let settings = self.settings().await?;
        let code = normalize_gift_card_code(&request.code)
            .ok_or_else(|| unknown_gift_card(&request.code))?;
        let card = self
            .store
            .gift_card_by_code(&code)
            .await?
            .ok_or_else(|| unknown_gift_card(&request.code))?;
        let ledger = self.store.gift_card_ledger(card.id).await?;
        Ok(GiftCardDetail {
            card: gift_card_view(&settings.pricing.currency, card),
            ledger: ledger
                .into_iter()
                .map(|row| ledger_view(&settings, row))
                .collect(),
        })
    }

    /// Gift cards, newest first, optionally those whose code or order reference starts
    /// with the search.
    pub async fn list_gift_cards(
        &self,
        request: ListGiftCardsRequest,
    ) -> ApiResult<Vec<GiftCardView>> {
        let settings = self.settings().await?;
        let search = request.search.unwrap_or_default();
        let search = search.trim().to_uppercase();
        Ok(self
            .store
            .list_gift_cards(&search, LIST_LIMIT)
            .await?
            .into_iter()
            .map(|row| gift_card_view(&settings.pricing.currency, row))
            .collect())
    }
}
