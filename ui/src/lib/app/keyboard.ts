// The global keyboard shortcuts of the app. Function keys work everywhere (F6, the coupon
// entry, and F7, reprint the last receipt, on the counter only); single-key shortcuts (/ + - Delete ?) only when the
// clerk is not typing, i.e. the scan box is empty or nothing editable has the focus. On the
// receipt, Enter/Esc start a new sale, and so does any letter or digit (a scan), which then
// lands in the scan box. In the orders view
// Esc first leaves a field being typed in, then closes the order page, then a finished
// job's report, then goes back to the counter; in the settings (and the register, products
// and customers views) it leaves a field, then goes back to the counter.
import { flushSync } from 'svelte';
import type { AppModel } from './app.svelte';

function isEditable(target: EventTarget | null): target is HTMLElement {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** A field the clerk types into (not a checkbox or radio button). */
function isTyping(target: EventTarget | null): target is HTMLElement {
  if (!isEditable(target)) return false;
  return !(target instanceof HTMLInputElement && ['checkbox', 'radio'].includes(target.type));
}

function escapeOrders(event: KeyboardEvent, app: AppModel): void {
  if (isTyping(event.target)) event.target.blur();
  else if (app.orders.selectedUuid) app.orders.close();
  else if (app.jobs.job !== null && !app.jobs.running) app.jobs.dismiss();
  else app.show('counter');
}

/** True when a plain key may act as a shortcut instead of typing. */
function idle(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!isEditable(target)) return true;
  return target instanceof HTMLInputElement && target.dataset['scan'] === 'true' && target.value === '';
}

export function handleKeydown(event: KeyboardEvent, app: AppModel): void {
  if (app.phase !== 'ready' || event.defaultPrevented || event.isComposing) return;
  if (event.ctrlKey || event.altKey || event.metaKey) return;
  const done = (): void => event.preventDefault();

  if (app.modalOpen) return; // Dialogs handle their own keys.

  if (app.view === 'receipt') {
    if (event.key === 'Enter' || event.key === 'Escape') {
      done();
      app.newSale();
    } else if (event.key === 'F9') {
      done();
      app.show('orders');
    } else if (/^[\p{L}\p{N}]$/u.test(event.key)) {
      // Scanning or typing on the receipt starts the next sale with that key.
      done();
      app.newSale();
      flushSync();
      app.focus.now();
      app.search.input(event.key);
    }
    return;
  }

  switch (event.key) {
    case 'F1':
      done();
      app.toggleHelp(true);
      return;
    case 'F2':
      done();
      if (app.view !== 'counter') app.show('counter');
      app.coupon.release();
      app.focus.restore(true);
      return;
    case 'F3':
      done();
      if (app.view === 'counter') app.cartCustomer.show();
      return;
    case 'F5':
      done();
      if (app.view !== 'counter') return;
      if (event.shiftKey || app.cart.isEmpty) void app.parked.showList();
      else app.parked.startParking();
      return;
    case 'F4':
    case 'F8':
      done();
      if (app.view === 'counter') void app.openPayment(event.key === 'F4' ? 'cash' : 'card');
      return;
    case 'F6':
      done();
      if (app.view === 'counter') app.coupon.focus();
      return;
    case 'F7':
      done();
      if (app.view === 'counter') void app.reprintLast();
      return;
    case 'F9':
      done();
      app.show(app.view === 'orders' ? 'counter' : 'orders');
      return;
  }

  if (app.view === 'orders' && event.key === 'Escape') {
    done();
    escapeOrders(event, app);
    return;
  }
  if (['settings', 'products', 'customers', 'register'].includes(app.view) && event.key === 'Escape') {
    done();
    if (isTyping(event.target)) event.target.blur();
    else app.show('counter');
    return;
  }

  if (!idle(event)) return;
  switch (event.key) {
    case '?':
      done();
      app.toggleHelp(true);
      return;
    case '/':
      done();
      if (app.view !== 'counter') app.show('counter');
      app.focus.restore(true);
      return;
  }
  if (app.view !== 'counter' && app.view !== 'orders') return;
  if (app.view === 'orders') {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      done();
      app.orders.step(event.key === 'ArrowDown' ? 1 : -1);
    }
    return;
  }
  switch (event.key) {
    case '+':
      done();
      app.counter.adjustLast(1);
      return;
    case '-':
      done();
      app.counter.adjustLast(-1);
      return;
    case 'Delete':
      done();
      app.counter.removeLast();
      return;
    case 'Escape':
      app.counter.dismiss();
      return;
  }
}
