// The one error type the UI sees from the backend: the core's `ApiError` ({code,
// message}) as a real Error. Anything else a call rejects with (a transport failure, a
// string from the shell) is wrapped as `internal`, so callers only ever branch on `code`.
import type { ApiError } from './bindings/ApiError';
import type { ErrorCode } from './bindings/ErrorCode';

// A record rather than a list, so that svelte-check fails when the core adds a code.
const CODES: Record<ErrorCode, true> = {
  invalid_input: true,
  not_found: true,
  unknown_barcode: true,
  empty_cart: true,
  cart_not_open: true,
  payment_short: true,
  payment_invalid: true,
  out_of_stock: true,
  store_not_empty: true,
  transition_forbidden: true,
  not_a_test_order: true,
  printer_not_configured: true,
  printer_failed: true,
  coupon_unknown: true,
  coupon_expired: true,
  coupon_not_yet_valid: true,
  coupon_minimum_not_reached: true,
  coupon_used_up: true,
  coupon_not_combinable: true,
  coupon_not_for_customer: true,
  gift_card_unknown: true,
  gift_card_not_usable: true,
  gift_card_insufficient: true,
  store_credit_insufficient: true,
  carrier_unavailable: true,
  payment_method_unavailable: true,
  address_required: true,
  choose_variation: true,
  product_inactive: true,
  duplicate_sku: true,
  duplicate_barcode: true,
  invalid_barcode: true,
  duplicate_category: true,
  import_file_invalid: true,
  import_rejected: true,
  store_busy: true,
  register_not_open: true,
  register_already_open: true,
  sign_in_required: true,
  permission_denied: true,
  wrong_credentials: true,
  account_locked: true,
  mail_not_configured: true,
  invalid_email: true,
  mail_failed: true,
  secret_store: true,
  database: true,
  internal: true,
};
const KNOWN_CODES: ReadonlySet<string> = new Set(Object.keys(CODES));

export class BackendError extends Error implements ApiError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN_CODES.has(value);
}

/** Turns whatever a backend call rejected with into a `BackendError`. */
export function toBackendError(error: unknown): BackendError {
  if (error instanceof BackendError) return error;
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    const { code, message } = error;
    if (isErrorCode(code) && typeof message === 'string') return new BackendError(code, message);
  }
  if (typeof error === 'string' && error.trim() !== '') return new BackendError('internal', error);
  if (error instanceof Error) return new BackendError('internal', error.message);
  return new BackendError('internal', 'Something went wrong. Please try again.');
}

/** The message to show a person for any failure. */
export function errorMessage(error: unknown): string {
  return toBackendError(error).message;
}

/** What the UI shows for a failure: the code to branch on and the backend's message. */
export interface Problem {
  /** The backend's code, or null for a problem found before calling it. */
  code: ErrorCode | null;
  message: string;
}

/** The problem to show for any failure. */
export function problemOf(error: unknown): Problem {
  const { code, message } = toBackendError(error);
  return { code, message };
}

/** Whether `error` is a backend failure with one of `codes`. */
export function hasCode(error: unknown, ...codes: ErrorCode[]): boolean {
  return error instanceof BackendError && codes.includes(error.code);
}
