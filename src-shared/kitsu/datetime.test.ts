import { describe, expect, it } from 'vitest';
import { formatKitsuDate, formatKitsuDateTime, parseKitsuDateTime } from './datetime';

describe('Kitsu datetimes', () => {
  it('formats naive UTC without zone or fraction', () => {
    const date = new Date(Date.UTC(2026, 10, 28, 9, 5, 7, 123));
    expect(formatKitsuDateTime(date)).toBe('2026-11-28T09:05:07');
    expect(formatKitsuDate(date)).toBe('2026-11-28');
  });

  it('parses dates and datetimes as UTC and refuses impossible ones', () => {
    expect(parseKitsuDateTime('2026-11-28T09:05:07')?.toISOString()).toBe(
      '2026-11-28T09:05:07.000Z',
    );
    expect(parseKitsuDateTime('2026-11-28')?.toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(parseKitsuDateTime('2026-02-30')).toBeNull();
    expect(parseKitsuDateTime('2026-11-28T25:00:00')).toBeNull();
    expect(parseKitsuDateTime('yesterday')).toBeNull();
  });
});
