const PARTIAL_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
// A full timestamp keeps the date its author wrote, whatever the time zone.
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An article date as `YYYY-MM` or `YYYY-MM-DD`, from such a string, an ISO timestamp string
 * (its date part) or a Date (its UTC day, as YAML parsers give `2025-07-14`). Anything else,
 * including impossible dates such as `2025-13-40` or `2025-02-30`, gives null. Never throws.
 */
export function normalizeDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  const candidate = TIMESTAMP.exec(trimmed)?.[1] ?? trimmed;
  const match = PARTIAL_DATE.exec(candidate);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return candidate;
  const day = Number(match[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth ? candidate : null;
}
