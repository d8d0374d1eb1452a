// The fake backend's CSV reading for product imports: the core's columns and a few of its
// checks (a SKU on every row, a price that is a non-negative amount), enough for the
// import screen's preview, refusals and progress in the browser.
import type { ImportProblem } from '../bindings/ImportProblem';

export const PRODUCT_COLUMNS = [
  'sku',
  'name',
  'description',
  'parent_sku',
  'attributes',
  'category',
  'price',
  'tax_class',
  'barcodes',
  'stock',
  'weight_grams',
  'shippable',
  'kind',
  'active',
  'bin_location',
] as const;

export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

export interface CsvPreview {
  rows: CsvRow[];
  columns: string[];
  ignored: string[];
  problems: ImportProblem[];
}

function splitLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

/** Reads a product CSV and lists the rows it would refuse. */
export function previewCsv(text: string): CsvPreview {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const delimiter = [',', ';', '\t'].reduce(
    (best, d) => (header.split(d).length > header.split(best).length ? d : best),
    ',',
  );
  const names = splitLine(header, delimiter).map((name) => name.toLowerCase());
  const known: readonly string[] = PRODUCT_COLUMNS;
  const columns = names.filter((name) => known.includes(name));
  const ignored = names.filter((name) => !known.includes(name));
  const rows: CsvRow[] = [];
  const problems: ImportProblem[] = [];
  lines.slice(1).forEach((raw, index) => {
    if (raw.trim() === '') return;
    const line = index + 2;
    const values = splitLine(raw, delimiter);
    const cells: Record<string, string> = {};
    names.forEach((name, column) => (cells[name] = values[column] ?? ''));
    rows.push({ line, cells });
    if ((cells['sku'] ?? '') === '') problems.push({ line, column: 'sku', reason: 'Every row needs a SKU.' });
    const price = cells['price'] ?? '';
    if (price !== '' && !/^\d+([.,]\d{1,2})?$/.test(price))
      problems.push({
        line,
        column: 'price',
        reason: `The price “${price}” must be an amount of 0 or more.`,
      });
  });
  return { rows, columns, ignored, problems };
}
