// Tests the receipt printer settings' test print: it saves an edited form first, prints on
// the saved printer, and keeps a refusal with its code.
import { describe, expect, it } from 'vitest';
import { FakeBackend } from '../api/fake/fakeBackend';
import { PrinterSettingsStore, testPrintTitle } from './printerSettings.svelte';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

describe('PrinterSettingsStore test print', () => {
  it('refuses without a printer, with the code', async () => {
    const printer = new PrinterSettingsStore(backend());
    await printer.load();
    expect(printer.dirty).toBe(false);
    await printer.testPrint();
    expect(printer.tested).toBeNull();
    expect(printer.testProblem?.code).toBe('printer_not_configured');
    expect(testPrintTitle(printer.testProblem?.code ?? null)).toMatch(/No receipt printer/);
  });

  it('saves the edited settings first, then prints the test page', async () => {
    const api = backend();
    const printer = new PrinterSettingsStore(api);
    await printer.load();
    printer.address = ' file:/tmp/receipts.bin ';
    printer.paperMm = 58;
    printer.edited();
    expect(printer.dirty).toBe(true);
    const printing = printer.testPrint();
    expect(printer.testing).toBe(true);
    await printing;
    expect(printer.testing).toBe(false);
    expect(await api.printerSettings()).toEqual({ address: 'file:/tmp/receipts.bin', paper_mm: 58 });
    expect(printer.dirty).toBe(false);
    expect(printer.tested?.reference).toBeNull();
    expect(printer.tested?.bytes).toBeGreaterThan(0);
    expect(printer.testProblem).toBeNull();

    // The next edit makes the result stale.
    printer.edited();
    expect(printer.tested).toBeNull();
  });

  it('does not print when the edited settings are refused', async () => {
    const printer = new PrinterSettingsStore(backend());
    await printer.load();
    printer.address = 'lpt1';
    await printer.testPrint();
    expect(printer.error).not.toBeNull();
    expect(printer.tested).toBeNull();
    expect(printer.testProblem).toBeNull();
  });
});
