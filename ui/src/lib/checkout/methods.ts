// Payment method codes as people read them (receipts, order pages, payment dialogs).

const LABELS: Record<string, string> = {
  cash: 'Cash',
  card: 'Card',
  gift_card: 'Gift card',
  store_credit: 'Store credit',
  check: 'Check',
  wire_transfer: 'Wire transfer',
  cash_on_delivery: 'Cash on delivery',
};

/** `wire_transfer` → `Wire transfer`; an unknown code as it is. */
export function methodLabel(code: string): string {
  return LABELS[code] ?? code;
}
