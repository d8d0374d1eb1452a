// The keyboard shortcuts, as shown in the footer and the help overlay.

export interface Shortcut {
  keys: string[];
  action: string;
  /** Short label for the footer; shortcuts without one appear only in the help. */
  short?: string;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: ['F2', '/'], action: 'Focus the scan / search box', short: 'Search' },
  { keys: ['↑', '↓', 'Enter'], action: 'Pick a search result and add it' },
  { keys: ['F4'], action: 'Pay by cash (split with a gift card or card in the dialog)', short: 'Cash' },
  { keys: ['F8'], action: 'Pay by card', short: 'Card' },
  { keys: ['F3'], action: 'Customer on the sale: find, attach or create one', short: 'Customer' },
  { keys: ['F5'], action: 'Park the sale, or resume a parked one', short: 'Park' },
  { keys: ['F6'], action: 'Enter a coupon code (Enter applies, Esc goes back to scanning)', short: 'Coupon' },
  { keys: ['F7'], action: 'Reprint the last receipt on the receipt printer', short: 'Reprint' },
  { keys: ['F9'], action: 'Orders (press again for the counter)', short: 'Orders' },
  { keys: ['↑', '↓'], action: 'Orders: open the previous / next order' },
  { keys: ['+', '−'], action: 'One more / one less of the last line', short: 'Qty' },
  { keys: ['Del'], action: 'Remove the last line', short: 'Remove last' },
  {
    keys: ['Esc'],
    action: 'Close a dialog or the order page · clear the search, then the category filter',
  },
  { keys: ['Enter'], action: 'Confirm a payment · start a new sale from the receipt' },
  { keys: ['?', 'F1'], action: 'Show this help', short: 'Help' },
];

/** Plain keys (+ − Del ? /) act as shortcuts only while the scan box is empty. */
export const PLAIN_KEY_NOTE = '+ − Del ? and / work while the scan box is empty.';
