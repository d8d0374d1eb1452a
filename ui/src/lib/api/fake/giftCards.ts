// Gift cards of the fake backend: codes as the core prints and reads them (16 Crockford
// base32 characters in groups of four; case, spaces and hyphens do not matter, O reads as
// 0 and I or L as 1), the balance with its ledger (issued, redeemed, refunded), and why a
// card cannot pay an amount.
import type { GiftCardDetail } from '../bindings/GiftCardDetail';
import type { GiftCardView } from '../bindings/GiftCardView';
import type { LedgerEntryView } from '../bindings/LedgerEntryView';
import { BackendError } from '../errors';
import { toDecimal } from '../../money/money';
import { STORE } from './catalog';
import { euros } from './orders';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_CHARS = 16;

/** A demo gift card with a known code and 50.00 on it, to try paying with a gift card. */
export const DEMO_GIFT_CARD = 'KASS-A000-0000-0050';

export interface FakeGiftCard {
  code: string;
  initialMinor: number;
  balanceMinor: number;
  expiresAt: string | null;
  active: boolean;
  orderReference: string | null;
  createdAt: string;
  /** Oldest first. */
  ledger: LedgerEntryView[];
}

function grouped(chars: string): string {
  return chars.match(/.{1,4}/g)?.join('-') ?? chars;
}

/** The printed form of a code as typed or read out, or null when it cannot be a code. */
export function normalizeCode(text: string): string | null {
  let chars = '';
  for (const raw of text.trim()) {
    if (/\s/.test(raw) || raw === '-') continue;
    const c = raw.toUpperCase().replace('O', '0').replace(/[IL]/, '1');
    if (!ALPHABET.includes(c)) return null;
    chars += c;
  }
  return chars.length === CODE_CHARS ? grouped(chars) : null;
}

/** A fresh random code. */
export function newCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(CODE_CHARS));
  return grouped([...bytes].map((b) => ALPHABET[b % 32] ?? '0').join(''));
}

export function unknownGiftCard(code: string): BackendError {
  return new BackendError(
    'gift_card_unknown',
    `No gift card has the code ${code.trim()}. Check the code printed on the card.`,
  );
}

export function findGiftCard(cards: readonly FakeGiftCard[], code: string): FakeGiftCard {
  const normal = normalizeCode(code);
  const card = normal === null ? undefined : cards.find((c) => c.code === normal);
  if (!card) throw unknownGiftCard(code);
  return card;
}

export function issueCard(
  code: string,
  valueMinor: number,
  at: Date,
  orderReference: string | null,
  validityDays = 365,
): FakeGiftCard {
  const createdAt = at.toISOString();
  return {
    code,
    initialMinor: valueMinor,
    balanceMinor: valueMinor,
    expiresAt: new Date(at.getTime() + validityDays * 86_400_000).toISOString(),
    active: true,
    orderReference,
    createdAt,
    ledger: [
      {
        kind: 'issued',
        amount: toDecimal(valueMinor),
        balance_after: toDecimal(valueMinor),
        order_reference: orderReference,
        note: '',
        at: createdAt,
      },
    ],
  };
}

/** Throws why the card cannot pay `amountMinor` now. */
export function checkRedemption(card: FakeGiftCard, amountMinor: number, now: Date): void {
  const refused = (code: 'gift_card_not_usable' | 'gift_card_insufficient', reason: string): never => {
    throw new BackendError(
      code,
      `Gift card ${card.code} not accepted: ${reason}. Nothing was charged or saved.`,
    );
  };
  if (amountMinor <= 0)
    throw new BackendError('payment_invalid', 'A gift card payment must be more than zero.');
  if (!card.active) refused('gift_card_not_usable', 'it is switched off');
  if (card.expiresAt !== null && now.getTime() > new Date(card.expiresAt).getTime()) {
    refused('gift_card_not_usable', `it expired on ${card.expiresAt.slice(0, 10)}`);
  }
  if (amountMinor > card.balanceMinor) {
    refused(
      'gift_card_insufficient',
      `it has ${euros(card.balanceMinor)} left, less than ${euros(amountMinor)}`,
    );
  }
}

/** Moves the balance and writes the ledger row. */
export function changeBalance(
  card: FakeGiftCard,
  kind: 'redeemed' | 'refunded',
  deltaMinor: number,
  orderReference: string | null,
  at: Date,
): void {
  card.balanceMinor += deltaMinor;
  card.ledger.push({
    kind,
    amount: toDecimal(deltaMinor),
    balance_after: toDecimal(card.balanceMinor),
    order_reference: orderReference,
    note: '',
    at: at.toISOString(),
  });
}

export function giftCardView(card: FakeGiftCard): GiftCardView {
  return {
    code: card.code,
    currency_code: STORE.currency,
    initial: toDecimal(card.initialMinor),
    balance: toDecimal(card.balanceMinor),
    expires_at: card.expiresAt,
    active: card.active,
    order_reference: card.orderReference,
    created_at: card.createdAt,
  };
}

export function giftCardDetail(card: FakeGiftCard): GiftCardDetail {
  return structuredClone({ card: giftCardView(card), ledger: card.ledger });
}

/** Cards whose code or order reference starts with `search`, newest first. */
export function searchGiftCards(cards: readonly FakeGiftCard[], search: string): GiftCardView[] {
  const needle = search.trim().toUpperCase();
  const plain = needle.replace(/[\s-]/g, '');
  return [...cards]
    .reverse()
    .filter(
      (card) =>
        needle === '' ||
        card.code.replaceAll('-', '').startsWith(plain) ||
        (card.orderReference ?? '').toUpperCase().startsWith(needle),
    )
    .slice(0, 200)
    .map(giftCardView);
}
