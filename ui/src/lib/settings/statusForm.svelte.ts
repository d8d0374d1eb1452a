// The order status being edited in the settings: a copy of its fields (the code only for a
// new status, suggested from the label until typed), the summary of its flags, and the
// request for `save_order_status`. The backend checks everything again.
import type { OrderStatusView } from '../api/bindings/OrderStatusView';
import { summarizeFlags, suggestCode, type FlagSummary } from './statusRules';

export class StatusForm {
  /** A new status (its code can still be chosen) rather than an existing one. */
  readonly isNew: boolean;
  /** The label before editing, for the dialog's title. */
  readonly originalLabel: string;

  code = $state('');
  label = $state('');
  /** `null` while the number box is empty. */
  position = $state<number | null>(0);
  paid = $state(false);
  shipped = $state(false);
  delivered = $state(false);
  canceled = $state(false);
  refunded = $state(false);
  notifyCustomer = $state(false);
  colour = $state('#4a5568');

  saving = $state(false);
  error = $state<string | null>(null);
  #codeTyped = false;

  readonly summary: FlagSummary = $derived(
    summarizeFlags({
      paid: this.paid,
      shipped: this.shipped,
      delivered: this.delivered,
      canceled: this.canceled,
      refunded: this.refunded,
    }),
  );

  constructor(status: OrderStatusView, isNew: boolean) {
    this.isNew = isNew;
    this.originalLabel = status.label;
    this.code = status.code;
    this.label = status.label;
    this.position = status.position;
    this.paid = status.paid;
    this.shipped = status.shipped;
    this.delivered = status.delivered;
    this.canceled = status.canceled;
    this.refunded = status.refunded;
    this.notifyCustomer = status.notify_customer;
    this.colour = status.colour;
  }

  /** The label changed: a new status's code follows it until the owner types one. */
  labelEdited(): void {
    this.error = null;
    if (this.isNew && !this.#codeTyped) this.code = suggestCode(this.label);
  }

  codeEdited(): void {
    this.error = null;
    this.#codeTyped = this.code !== '';
  }

  /** The status to save, or what is wrong with the form before it can be sent. */
  request(): OrderStatusView | string {
    const position = this.position;
    if (position === null || !Number.isSafeInteger(position)) return 'The position must be a whole number.';
    return {
      code: this.code.trim(),
      label: this.label.trim(),
      position,
      paid: this.paid,
      shipped: this.shipped,
      delivered: this.delivered,
      canceled: this.canceled,
      refunded: this.refunded,
      notify_customer: this.notifyCustomer,
      colour: this.colour,
    };
  }
}
