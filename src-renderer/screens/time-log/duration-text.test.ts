import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration-text';

describe('parseDuration', () => {
  it.each([
    ['1h30', 90],
    ['1h 30m', 90],
    ['1 h 30 min', 90],
    ['1H30M', 90],
    ['1.5h', 90],
    ['1,5h', 90],
    ['2h', 120],
    ['2 hours', 120],
    ['90m', 90],
    ['90 min', 90],
    ['90', 90],
    ['1:30', 90],
    ['0:05', 5],
    ['  45  ', 45],
    ['0.25h', 15],
    ['1.33h', 80],
    ['', 0],
    ['0', 0],
    ['24h', 1440],
  ])('reads %j as %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toEqual({ ok: true, minutes });
  });

  it.each(['abc', '-1h', '1:75', '1h30h', 'h', '1..5h', '1:3'])('refuses %j', (text) => {
    expect(parseDuration(text)).toEqual({ ok: false, message: expect.stringMatching(/duration/) });
  });

  it('refuses more than a day, and asks for a unit on a bare decimal', () => {
    expect(parseDuration('25h')).toEqual({ ok: false, message: 'At most 24h on one day.' });
    expect(parseDuration('1441')).toEqual({ ok: false, message: 'At most 24h on one day.' });
    expect(parseDuration('1.5')).toEqual({ ok: false, message: 'Add a unit: 1.5h or 1.5m?' });
  });

  it('reads back what formatDuration writes', () => {
    for (const minutes of [0, 5, 45, 60, 90, 125, 1440]) {
      expect(parseDuration(formatDuration(minutes))).toEqual({ ok: true, minutes });
    }
  });
});

describe('formatDuration', () => {
  it('writes hours and minutes', () => {
    expect(formatDuration(90)).toBe('1h 30m');
    expect(formatDuration(120)).toBe('2h');
    expect(formatDuration(45)).toBe('45m');
    expect(formatDuration(0)).toBe('0m');
    expect(formatDuration(89.6)).toBe('1h 30m');
  });
});
