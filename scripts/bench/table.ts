/**
 * A plain-text table: columns padded to their widest cell, the first column left-aligned and
 * the others right-aligned (they hold numbers), two spaces between columns, a dashed rule under
 * the header. Rows shorter than the header are padded with empty cells.
 */
export function formatTable(header: string[], rows: string[][], indent = '  '): string {
  const all = [header, ...rows].map((row) => header.map((_, i) => row[i] ?? ''));
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    indent +
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const [head, ...body] = all;
  const rule = indent + widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(head ?? []), rule, ...body.map(line)].join('\n');
}

/** A number for a table cell: fixed decimals, thousands separated; '–' for NaN or null. */
export function formatNumber(value: number | null, decimals = 0): string {
  if (value === null || Number.isNaN(value)) return '–';
  return value.toLocaleString('en', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
