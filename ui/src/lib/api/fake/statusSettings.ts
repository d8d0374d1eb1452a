// Saving an order status in the fake backend, checked as the core checks it: the code
// (1–40 lowercase letters, digits, underscores), the label (1–60 characters), the colour
// (#rrggbb, stored in lower case) and coherent flags. A known code is updated, a new one
// added; the table stays in display order (position, then code).
import type { OrderStatusView } from '../bindings/OrderStatusView';
import { BackendError } from '../errors';

function invalid(message: string): never {
  throw new BackendError('invalid_input', message);
}

/** The status as it would be stored, or `invalid_input` saying what is wrong. */
export function checkStatus(status: OrderStatusView): OrderStatusView {
  const code = status.code.trim();
  if (!/^[a-z0-9_]{1,40}$/.test(code)) {
    invalid(`The status code \`${code}\` must be 1–40 lowercase letters, digits or underscores.`);
  }
  const label = status.label.trim();
  const length = [...label].length;
  if (length === 0 || length > 60) invalid('The status label must be 1–60 characters.');
  if (!Number.isSafeInteger(status.position)) invalid('The position must be a whole number.');
  const colour = status.colour.trim();
  if (!/^#[0-9a-fA-F]{6}$/.test(colour)) invalid(`The colour \`${colour}\` must look like #2f855a.`);
  if (status.canceled && (status.paid || status.shipped || status.delivered)) {
    invalid('A canceled status cannot also be paid, shipped or delivered.');
  }
  if (status.delivered && !status.shipped) invalid('A delivered status must also be shipped.');
  return {
    code,
    label,
    position: status.position,
    paid: status.paid,
    shipped: status.shipped,
    delivered: status.delivered,
    canceled: status.canceled,
    refunded: status.refunded,
    notify_customer: status.notify_customer,
    colour: colour.toLowerCase(),
  };
}

/** The table with `status` saved into it (checked first), in display order. */
export function saveStatus(table: readonly OrderStatusView[], status: OrderStatusView): OrderStatusView[] {
  const saved = checkStatus(status);
  return [...table.filter((s) => s.code !== saved.code), saved].sort(
    (a, b) => a.position - b.position || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
