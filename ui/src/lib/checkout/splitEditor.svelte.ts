// The parts of a split payment as the clerk enters them, at the counter and in the
// back-office checkout alike: a gift card (its balance checked on request, which fills the
// amount with what the card can pay of the rest), store credit (when there is a customer
// with some), a card; each charged exactly, never more than is still due. The dialog that
// owns the editor decides what pays the rest.
import type { Backend } from '../api/backend';
import type { GiftCardView } from '../api/bindings/GiftCardView';
import { problemOf, type Problem } from '../api/errors';
import { parseMinor, toDecimal, toMinor } from '../money/money';
import { addPart, giftCardFill, partProblem, remainingAfter, removePart, type SplitPart } from './split';

export class SplitEditor {
  parts = $state<SplitPart[]>([]);

  giftCode = $state('');
  giftAmount = $state('');
  /** The card whose balance was checked last. */
  giftCard = $state<GiftCardView | null>(null);
  giftChecking = $state(false);
  giftProblem = $state<Problem | null>(null);

  creditAmount = $state('');
  creditProblem = $state<Problem | null>(null);

  cardAmount = $state('');
  cardReference = $state('');
  cardProblem = $state<string | null>(null);

  readonly digits: number;
  readonly #backend: Backend;
  readonly #total: () => number;
  readonly #change: (apply: () => void) => void;

  /**
   * `total` is what the parts and the rest pay together; `change` wraps every change of
   * the parts (the owner may follow it, e.g. the cash tendered).
   */
  constructor(
    backend: Backend,
    digits: number,
    total: () => number,
    change: (apply: () => void) => void = (apply) => apply(),
  ) {
    this.#backend = backend;
    this.digits = digits;
    this.#total = total;
    this.#change = change;
  }

  get totalMinor(): number {
    return this.#total();
  }

  /** What is still due after the parts. */
  get remainingMinor(): number {
    return remainingAfter(this.#total(), this.parts);
  }

  /** The store credit already used by the parts. */
  get creditUsedMinor(): number {
    return this.parts.reduce((sum, part) => sum + (part.method === 'store_credit' ? part.amountMinor : 0), 0);
  }

  /** Looks up the gift card typed and fills the amount with what it can pay of the rest. */
  async checkGiftCard(): Promise<boolean> {
    const code = this.giftCode.trim();
    if (code === '') {
      this.giftProblem = { code: null, message: 'Enter or scan the gift card code.' };
      return false;
    }
    if (this.giftChecking) return false;
    this.giftChecking = true;
    this.giftProblem = null;
    try {
      const { card } = await this.#backend.giftCard({ code });
      this.giftCard = card;
      this.giftCode = card.code;
      const fill = giftCardFill(toMinor(card.balance, this.digits), this.remainingMinor);
      this.giftAmount = toDecimal(fill, this.digits);
      return true;
    } catch (error) {
      this.giftCard = null;
      this.giftProblem = problemOf(error);
      return false;
    } finally {
      this.giftChecking = false;
    }
  }

  /** Adds the gift card part as entered (the backend checks the card again when paying). */
  addGiftCard(): boolean {
    const code = this.giftCode.trim();
    if (code === '') {
      this.giftProblem = { code: null, message: 'Enter or scan the gift card code.' };
      return false;
    }
    const amount = parseMinor(this.giftAmount, this.digits);
    const problem = partProblem(amount, this.remainingMinor, this.digits);
    if (problem !== null || amount === null) {
      this.giftProblem = { code: null, message: problem ?? 'Enter an amount above zero.' };
      return false;
    }
    const checked = this.giftCard;
    if (checked && checked.code === code && amount > toMinor(checked.balance, this.digits)) {
      this.giftProblem = {
        code: 'gift_card_insufficient',
        message: `This card has ${checked.balance} left: take at most that from it.`,
      };
      return false;
    }
    this.#apply(addPart(this.parts, { method: 'gift_card', code, amountMinor: amount }));
    this.giftCode = '';
    this.giftAmount = '';
    this.giftCard = null;
    this.giftProblem = null;
    return true;
  }

  /** Adds store credit: what was typed, or as much as the customer has and is due. */
  addStoreCredit(availableMinor: number): boolean {
    const left = Math.max(0, availableMinor - this.creditUsedMinor);
    const typed = this.creditAmount.trim();
    const amount = typed === '' ? Math.min(left, this.remainingMinor) : parseMinor(typed, this.digits);
    if (amount !== null && amount > left) {
      this.creditProblem = {
        code: 'store_credit_insufficient',
        message: `The customer has ${toDecimal(left, this.digits)} store credit left.`,
      };
      return false;
    }
    const problem = partProblem(amount, this.remainingMinor, this.digits);
    if (problem !== null || amount === null) {
      this.creditProblem = { code: null, message: problem ?? 'Enter an amount above zero.' };
      return false;
    }
    this.#apply(addPart(this.parts, { method: 'store_credit', amountMinor: amount }));
    this.creditAmount = '';
    this.creditProblem = null;
    return true;
  }

  /** Adds a card part. */
  addCard(): boolean {
    const amount = parseMinor(this.cardAmount, this.digits);
    const problem = partProblem(amount, this.remainingMinor, this.digits);
    if (problem !== null || amount === null) {
      this.cardProblem = problem;
      return false;
    }
    this.#apply(addPart(this.parts, { method: 'card', amountMinor: amount, reference: this.cardReference }));
    this.cardAmount = '';
    this.cardReference = '';
    this.cardProblem = null;
    return true;
  }

  remove(index: number): void {
    if (this.parts[index]?.method === 'store_credit') this.creditProblem = null;
    this.#apply(removePart(this.parts, index));
  }

  /**
   * Shows a refusal of the whole payment at the part it concerns: the store credit part for
   * `store_credit_insufficient`. False when it concerns no part entered here.
   */
  placeRefusal(problem: Problem): boolean {
    if (problem.code === 'store_credit_insufficient' && this.creditUsedMinor > 0) {
      this.creditProblem = problem;
      return true;
    }
    return false;
  }

  /** Drops the store credit parts (another customer was picked). */
  dropStoreCredit(): void {
    if (this.creditUsedMinor > 0) this.#apply(this.parts.filter((part) => part.method !== 'store_credit'));
  }

  #apply(parts: SplitPart[]): void {
    this.#change(() => {
      this.parts = parts;
    });
  }
}
