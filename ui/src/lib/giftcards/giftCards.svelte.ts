// The owner's gift card screen: every card (newest first) searched by the start of its
// code or of the order reference that bought it, while typing; a card opened shows how
// its balance moved (issued, redeemed, refunded). Answers that are no longer wanted are
// dropped.
import type { Backend } from '../api/backend';
import type { GiftCardDetail } from '../api/bindings/GiftCardDetail';
import type { GiftCardView } from '../api/bindings/GiftCardView';
import { errorMessage } from '../api/errors';

export const GIFT_CARD_SEARCH_DEBOUNCE_MS = 200;

export class GiftCardsStore {
  search = $state('');
  cards = $state<GiftCardView[]>([]);
  loading = $state(false);
  loaded = $state(false);
  error = $state<string | null>(null);

  /** The card opened, with its ledger. */
  detail = $state<GiftCardDetail | null>(null);
  /** The code being opened. */
  opening = $state<string | null>(null);
  detailError = $state<string | null>(null);

  readonly #backend: Backend;
  #sequence = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  /** The search box changed: searches again after a pause in typing. */
  input(search: string): void {
    this.search = search;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.load(), GIFT_CARD_SEARCH_DEBOUNCE_MS);
  }

  async load(): Promise<void> {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    const sequence = ++this.#sequence;
    const search = this.search.trim();
    this.loading = true;
    this.error = null;
    try {
      const cards = await this.#backend.listGiftCards(search === '' ? {} : { search });
      if (sequence !== this.#sequence) return;
      this.cards = cards;
      this.loaded = true;
    } catch (error) {
      if (sequence === this.#sequence) this.error = errorMessage(error);
    } finally {
      if (sequence === this.#sequence) this.loading = false;
    }
  }

  async open(code: string): Promise<void> {
    this.opening = code;
    this.detailError = null;
    try {
      const detail = await this.#backend.giftCard({ code });
      if (this.opening === code) this.detail = detail;
    } catch (error) {
      if (this.opening === code) this.detailError = errorMessage(error);
    } finally {
      if (this.opening === code) this.opening = null;
    }
  }

  close(): void {
    this.detail = null;
    this.opening = null;
  }
}
