import { normalizeDate } from '../corpus/normalize-date.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// RFC 822 as RSS writes it: "Mon, 14 Jul 2025 10:00:00 +0200".
const RFC822 = /^(?:\w{3},\s*)?(\d{1,2})\s+(\w{3})\w*\s+(\d{4})\b/;

/**
 * A feed date as `YYYY-MM-DD`: ISO 8601 (Atom, JSON Feed, sitemaps) or RFC 822 (RSS), the day
 * as written (not converted to UTC); null for anything else.
 */
export function feedDate(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const iso = normalizeDate(value);
  if (iso !== null) return iso;
  const match = RFC822.exec(value.trim());
  if (!match) return null;
  const month = MONTHS.indexOf((match[2] ?? '').toLowerCase()) + 1;
  if (month === 0) return null;
  return normalizeDate(`${match[3]}-${String(month).padStart(2, '0')}-${(match[1] ?? '').padStart(2, '0')}`);
}
