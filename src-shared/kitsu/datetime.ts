/**
 * Kitsu's wire formats (REFERENCE §0): a datetime is naive UTC `YYYY-MM-DDTHH:MM:SS` (no zone,
 * no fraction), a date is `YYYY-MM-DD`. Server and app both read and write them.
 */
export function formatKitsuDateTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

export function formatKitsuDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const KITSU_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A Kitsu date or datetime as a Date (read as UTC); null when it is not one. */
export function parseKitsuDateTime(value: string): Date | null {
  const match = KITSU_DATETIME.exec(value);
  if (!match) return null;
  const [, year, month, day, hour = '00', minute = '00', second = '00'] = match;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
  if (Number.isNaN(date.getTime())) return null;
  // Date rolls 2026-02-30 over to March; Kitsu would refuse it.
  return formatKitsuDateTime(date) === `${year}-${month}-${day}T${hour}:${minute}:${second}`
    ? date
    : null;
}
