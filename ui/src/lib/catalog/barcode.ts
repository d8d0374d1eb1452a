// Recognises what a barcode scanner types: only digits, 8 to 14 of them (EAN-8, UPC-A,
// EAN-13, ITF-14). Anything else typed into the scan box is a search.

const BARCODE = /^\d{8,14}$/;

export function looksLikeBarcode(text: string): boolean {
  return BARCODE.test(text.trim());
}
