// The lines of a staff order being drafted and the request they become. Line totals are
// unit price × quantity in integer minor units, for display only: the backend prices the
// real order. Pure functions, so the dialog's rules can be tested without a browser.
import type { ProductSummary } from '../api/bindings/ProductSummary';
import type { StaffOrderRequest } from '../api/bindings/StaffOrderRequest';
import type { TenderInput } from '../api/bindings/TenderInput';
import { parseMinor, toDecimal, toMinor } from '../money/money';

export const MAX_QUANTITY = 9999;

export interface DraftLine {
  product: ProductSummary;
  quantity: number;
}

export type PaymentTiming = 'paid' | 'awaiting';
export type TenderMethod = 'cash' | 'card';

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

export interface DraftInput {
  orderUuid: string;
  customerId: number | null;
  lines: readonly DraftLine[];
  timing: PaymentTiming;
  method: TenderMethod;
  /** Cash handed over as typed; blank means the estimated total. */
  tendered: string;
  terminalReference: string;
  isTest: boolean;
  digits: number;
}

export type DraftResult = { request: StaffOrderRequest } | { problem: string };

/** The `create_staff_order` request for a draft, or what is still missing. */
export function staffOrderRequest(input: DraftInput): DraftResult {
  if (input.customerId === null) return { problem: 'Pick the customer first.' };
  if (input.lines.length === 0) return { problem: 'Add at least one product.' };
  const estimate = draftTotalMinor(input.lines, input.digits);
  const tenders: TenderInput[] = [];
  if (input.timing === 'paid') {
    if (input.method === 'cash') {
      const typed = input.tendered.trim();
      const minor = typed === '' ? estimate : parseMinor(typed, input.digits);
      if (minor === null || minor <= 0) {
        return { problem: `Enter the cash received, for example ${toDecimal(estimate, input.digits)}.` };
      }
      tenders.push({ method: 'cash', tendered: toDecimal(minor, input.digits) });
    } else {
      const reference = input.terminalReference.trim();
      const amount = toDecimal(estimate, input.digits);
      tenders.push(
        reference === ''
          ? { method: 'card', amount }
          : { method: 'card', amount, terminal_reference: reference },
      );
    }
  }
  return {
    request: {
      order_uuid: input.orderUuid,
      customer_id: input.customerId,
      lines: input.lines.map((line) => ({ product_id: line.product.id, quantity: line.quantity })),
      tenders,
      ...(input.isTest ? { is_test: true } : {}),
    },
  };
}
