// Keeps the keyboard focus in the scan box: a barcode scanner types into whatever has the
// focus, so after every action, click or closed dialog the focus goes back there.

export class FocusKeeper {
  #input: HTMLInputElement | null = null;
  readonly #blocked: () => boolean;

  /** `blocked` tells when the focus must stay where it is (a dialog is open). */
  constructor(blocked: () => boolean) {
    this.#blocked = blocked;
  }

  /** Registers the scan box; returns the function that unregisters it. */
  attach(input: HTMLInputElement): () => void {
    this.#input = input;
    return () => {
      if (this.#input === input) this.#input = null;
    };
  }

  /** Focuses the scan box synchronously (it must be rendered). */
  now(): void {
    if (this.#input?.isConnected && !this.#blocked()) this.#input.focus({ preventScroll: true });
  }

  /** Puts the focus back into the scan box once the current update has rendered. */
  restore(selectAll = false): void {
    requestAnimationFrame(() => {
      const input = this.#input;
      if (!input?.isConnected || this.#blocked()) return;
      if (document.activeElement !== input) input.focus({ preventScroll: true });
      if (selectAll) input.select();
    });
  }
}
