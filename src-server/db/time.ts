/** Kitsu's wire format for datetimes: naive UTC, no zone, no fraction. */
export function formatDateTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function nowDateTime(): string {
  return formatDateTime(new Date());
}
