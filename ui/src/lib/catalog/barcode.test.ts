// Tests of barcode recognition in the scan box.
import { describe, expect, it } from 'vitest';
import { looksLikeBarcode } from './barcode';

describe('looksLikeBarcode', () => {
  it('accepts 8 to 14 digits', () => {
    expect(looksLikeBarcode('96385074')).toBe(true);
    expect(looksLikeBarcode('5412345000075')).toBe(true);
    expect(looksLikeBarcode(' 5412345000075 ')).toBe(true);
    expect(looksLikeBarcode('12345678901234')).toBe(true);
  });

  it('rejects names, SKUs and short or long numbers', () => {
    for (const text of ['milk', 'DAI-001', '1234567', '123456789012345', '5412 345', '']) {
      expect(looksLikeBarcode(text), text).toBe(false);
    }
  });
});
