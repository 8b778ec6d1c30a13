import { parseKitsuDateTime } from '../../../src-shared/kitsu/datetime';

/**
 * Kitsu sends naive UTC datetimes (`2024-05-02T10:00:00`): read them as UTC. Tolerates what
 * the shared parser refuses (fractions of a second, an explicit zone).
 */
export function parseServerDate(value: string): Date | null {
  if (value === '') return null;
  const plain = parseKitsuDateTime(value);
  if (plain) return plain;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(value);
  const date = new Date(hasZone ? value : `${value.replace(' ', 'T')}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 hours ago", "yesterday", "just now". */
export function relativeDate(value: string, now = new Date(), locale?: string): string {
  const date = parseServerDate(value);
  if (!date) return '';
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

/** The full local date and time, for a tooltip. */
export function fullDate(value: string, locale?: string): string {
  const date = parseServerDate(value);
  return date ? date.toLocaleString(locale) : value;
}
