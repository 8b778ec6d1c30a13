import { describe, expect, it } from 'vitest';
import { parseServerDate, relativeDate } from './comment-format';

describe('comment dates', () => {
  it('reads Kitsu’s naive datetimes as UTC', () => {
    expect(parseServerDate('2024-05-02T10:00:00')?.toISOString()).toBe('2024-05-02T10:00:00.000Z');
    expect(parseServerDate('2024-05-02 10:00:00')?.toISOString()).toBe('2024-05-02T10:00:00.000Z');
    expect(parseServerDate('2024-05-02T10:00:00+02:00')?.toISOString()).toBe(
      '2024-05-02T08:00:00.000Z',
    );
    expect(parseServerDate('2024-05-02T10:00:00.250000')?.toISOString()).toBe(
      '2024-05-02T10:00:00.250Z',
    );
    expect(parseServerDate('')).toBeNull();
    expect(parseServerDate('garbage')).toBeNull();
  });

  it('says how long ago', () => {
    const now = new Date('2024-05-02T12:00:00Z');
    expect(relativeDate('2024-05-02T11:59:40', now, 'en')).toBe('just now');
    expect(relativeDate('2024-05-02T09:00:00', now, 'en')).toBe('3 hours ago');
    expect(relativeDate('2024-05-01T12:00:00', now, 'en')).toBe('yesterday');
    expect(relativeDate('2024-03-01T12:00:00', now, 'en')).toBe('2 months ago');
  });
});
