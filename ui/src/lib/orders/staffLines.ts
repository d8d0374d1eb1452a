// The lines of a staff order being drafted and the requests it becomes: the draft the
// backend quotes, and the order with its payment. Line totals are unit price × quantity
// in integer minor units, for display only: the quote prices the real order. Pure
// functions, so the dialog's rules can be tested without a browser.
import type { AddressInput } from '../api/bindings/AddressInput';
import type { CheckoutDraft } from '../api/bindings/CheckoutDraft';
import type { NewCustomerInput } from '../api/bindings/NewCustomerInput';
import type { ProductSummary } from '../api/bindings/ProductSummary';
import type { StaffOrderRequest } from '../api/bindings/StaffOrderRequest';
import type { TenderInput } from '../api/bindings/TenderInput';
import { partTender, remainingAfter, type SplitPart } from '../checkout/split';
import { parseMinor, roundToIncrement, toDecimal, toMinor } from '../money/money';
import { addressRequest, isBlank, isComplete, missingParts } from './address';
import { CHECKOUT_STEPS, type CheckoutStep } from './checkoutSteps';

export const MAX_QUANTITY = 9999;

export interface DraftLine {
  product: ProductSummary;
  quantity: number;
}

export function clampQuantity(quantity: number): number {
  if (!Number.isFinite(quantity)) return 1;
  return Math.min(MAX_QUANTITY, Math.max(1, Math.trunc(quantity)));
}

export function lineTotalMinor(line: DraftLine, digits = 2): number {
  return toMinor(line.product.price, digits) * line.quantity;
}

export function draftTotalMinor(lines: readonly DraftLine[], digits = 2): number {
  return lines.reduce((sum, line) => sum + lineTotalMinor(line, digits), 0);
}

/** Adds units of a product: a product already in the draft gets more units, not a new line. */
export function addLine(lines: readonly DraftLine[], product: ProductSummary, quantity: number): DraftLine[] {
  const existing = lines.find((line) => line.product.id === product.id);
  if (existing) {
    return lines.map((line) =>
      line === existing ? { ...line, quantity: clampQuantity(line.quantity + quantity) } : line,
    );
  }
  return [...lines, { product, quantity: clampQuantity(quantity) }];
}

export function setLineQuantity(
  lines: readonly DraftLine[],
  productId: number,
  quantity: number,
): DraftLine[] {
  return lines.map((line) =>
    line.product.id === productId ? { ...line, quantity: clampQuantity(quantity) } : line,
  );
}

export function removeLine(lines: readonly DraftLine[], productId: number): DraftLine[] {
  return lines.filter((line) => line.product.id !== productId);
}

export type CustomerMode = 'existing' | 'guest' | 'account';
export type PaymentMode = 'now' | 'later' | 'awaiting';
export type RestMethod = 'cash' | 'card';

/** A customer typed in the checkout (a guest or a new account). */
export interface NewCustomerFields {
  name: string;
  email: string;
  phone: string;
  group: string;
}

/** What the order holds, as the checkout dialog has it. */
export interface DraftInput {
  customerMode: CustomerMode;
  /** The existing customer picked. */
  customerId: number | null;
  newCustomer: NewCustomerFields;
  lines: readonly DraftLine[];
  couponCodes: readonly string[];
  /** From the last quote; null while not known. */
  needsShipping: boolean | null;
  shipping: AddressInput;
  invoiceSame: boolean;
  invoice: AddressInput;
  /** None: in-store pickup. */
  carrierCode: string | null;
  /** The existing customer's own cart the order is made from (it becomes ordered with it). */
  sourceCartId?: number | null;
}

function newCustomerInput(input: DraftInput, forQuote: boolean): NewCustomerInput {
  const { name, email, phone, group } = input.newCustomer;
  const kind = input.customerMode === 'account' ? 'account' : 'guest';
  const customer: NewCustomerInput = { kind, name: name.trim() || (forQuote ? 'New customer' : '') };
  if (group.trim() !== '') customer.customer_group = group.trim();
  // Contact details do not change the price: the quote goes without them.
  if (!forQuote && email.trim() !== '') customer.email = email.trim();
  if (!forQuote && phone.trim() !== '') customer.phone = phone.trim();
  return customer;
}

/**
 * The draft as `quote_checkout` and `create_staff_order` take it. For a quote, what is
 * still being typed (an unfinished address, a new customer's contact details) is left out
 * so that the price follows the form without refusals on every key.
 */
export function checkoutDraft(input: DraftInput, forQuote = false): CheckoutDraft {
  const draft: CheckoutDraft = {
    lines: input.lines.map((line) => ({ product_id: line.product.id, quantity: line.quantity })),
    coupon_codes: [...input.couponCodes],
  };
  if (input.customerMode === 'existing') {
    if (input.customerId !== null) draft.customer_id = input.customerId;
    if (input.customerId !== null && typeof input.sourceCartId === 'number') {
      draft.source_cart_id = input.sourceCartId;
    }
  } else {
    draft.new_customer = newCustomerInput(input, forQuote);
  }
  if (input.needsShipping !== false) {
    const usable = (address: AddressInput): boolean => (forQuote ? isComplete(address) : !isBlank(address));
    if (usable(input.shipping)) draft.shipping_address = addressRequest(input.shipping);
    if (!input.invoiceSame && usable(input.invoice)) draft.invoice_address = addressRequest(input.invoice);
    if (input.carrierCode !== null) draft.carrier_code = input.carrierCode;
  }
  return draft;
}

/** How the order is paid, as the payment step has it. */
export interface PaymentInput {
  mode: PaymentMode;
  /** The pay-later method chosen (mode `later`). */
  payLater: string | null;
  /** What pays the rest now (mode `now`). */
  rest: RestMethod;
  /** Exact parts taken now: gift cards, store credit, a card. */
  parts: readonly SplitPart[];
  /** Cash handed over as typed; blank means the cash due. */
  tendered: string;
  terminalReference: string;
  /** The order's total (from the quote) in minor units. */
  totalMinor: number;
  /** The smallest coin (0: cash to the cent). */
  incrementMinor: number;
  digits: number;
}

/** What the rest costs in cash: what is left after the parts, rounded to the smallest coin. */
export function staffCashDue(payment: PaymentInput): number {
  return roundToIncrement(remainingAfter(payment.totalMinor, payment.parts), payment.incrementMinor);
}

/** The tenders (and pay-later method) of the payment step, or what is still missing. */
export function paymentRequest(
  payment: PaymentInput,
): { tenders: TenderInput[]; payLater: string | null } | { problem: string } {
  if (payment.mode === 'awaiting') return { tenders: [], payLater: null };
  const tenders = payment.parts.map((part) => partTender(part, payment.digits));
  if (payment.mode === 'later') {
    if (payment.payLater === null) return { problem: 'Choose how the rest will be paid.' };
    return { tenders, payLater: payment.payLater };
  }
  const remaining = remainingAfter(payment.totalMinor, payment.parts);
  if (remaining === 0 && tenders.length > 0) return { tenders, payLater: null };
  if (payment.rest === 'card') {
    const reference = payment.terminalReference.trim();
    const amount = toDecimal(remaining, payment.digits);
    tenders.push(
      reference === ''
        ? { method: 'card', amount }
        : { method: 'card', amount, terminal_reference: reference },
    );
    return { tenders, payLater: null };
  }
  const due = staffCashDue(payment);
  const typed = payment.tendered.trim();
  const minor = typed === '' ? due : parseMinor(typed, payment.digits);
  if (minor === null || minor <= 0) {
    return { problem: `Enter the cash received, for example ${toDecimal(due, payment.digits)}.` };
  }
  tenders.push({ method: 'cash', tendered: toDecimal(minor, payment.digits) });
  return { tenders, payLater: null };
}

export interface OrderInput {
  orderUuid: string;
  draft: DraftInput;
  payment: PaymentInput;
  newsletter: boolean;
  isTest: boolean;
}

export type OrderResult = { request: StaffOrderRequest } | { problem: string; step: CheckoutStep };

/** Why the draft cannot be placed yet, and at which step; null when it can. */
export function draftProblem(
  draft: DraftInput,
  upTo: CheckoutStep = 'payment',
): { problem: string; step: CheckoutStep } | null {
  const reached = (step: CheckoutStep): boolean =>
    CHECKOUT_STEPS.indexOf(step) <= CHECKOUT_STEPS.indexOf(upTo);
  if (draft.customerMode === 'existing' && draft.customerId === null) {
    return {
      problem: 'Pick the customer first, or take the order for a guest or a new account.',
      step: 'customer',
    };
  }
  if (draft.customerMode !== 'existing' && draft.newCustomer.name.trim() === '') {
    return { problem: "Enter the customer's name.", step: 'customer' };
  }
  if (!reached('products')) return null;
  if (draft.lines.length === 0) return { problem: 'Add at least one product.', step: 'products' };
  if (!reached('address') || draft.needsShipping === false) return null;
  if (!isBlank(draft.shipping) && !isComplete(draft.shipping)) {
    return {
      problem: `Complete the delivery address (${missingParts(draft.shipping).join(', ')}), or clear it for pickup in store.`,
      step: 'address',
    };
  }
  if (!draft.invoiceSame && !isComplete(draft.invoice)) {
    return {
      problem: `Complete the invoice address (${missingParts(draft.invoice).join(', ')}).`,
      step: 'address',
    };
  }
  return null;
}

/** The `create_staff_order` request for a draft, or what is still missing and where. */
export function staffOrderRequest(input: OrderInput): OrderResult {
  const missing = draftProblem(input.draft);
  if (missing) return missing;
  const paid = paymentRequest(input.payment);
  if ('problem' in paid) return { problem: paid.problem, step: 'payment' };
  const request: StaffOrderRequest = {
    order_uuid: input.orderUuid,
    tenders: paid.tenders,
    ...checkoutDraft(input.draft),
  };
  if (paid.payLater !== null) request.pay_later = paid.payLater;
  if (input.newsletter) request.newsletter = true;
  if (input.isTest) request.is_test = true;
  return { request };
}
