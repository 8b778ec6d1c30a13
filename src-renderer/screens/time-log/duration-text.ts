import { DAY_MINUTES_MAX } from '../../../src-shared/time-log';

export type ParsedDuration = { ok: true; minutes: number } | { ok: false; message: string };

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const HOURS = String.raw`(?:h|hr|hrs|hours?)`;
const MINUTES = String.raw`(?:m|min|mins|minutes?)`;

const PATTERNS: [RegExp, (match: RegExpExecArray) => number][] = [
  // 90: a bare whole number counts minutes.
  [/^(\d+)$/, (match) => Number(match[1])],
  // 1:30
  [/^(\d+):([0-5]\d)$/, (match) => Number(match[1]) * 60 + Number(match[2])],
  // 1.5h, 2h
  [new RegExp(`^${NUMBER}\\s*${HOURS}$`), (match) => decimal(match[1]!) * 60],
  // 90m, 90 min
  [new RegExp(`^${NUMBER}\\s*${MINUTES}$`), (match) => decimal(match[1]!)],
  // 1h30, 1h 30m, 1 h 30 min
  [
    new RegExp(`^(\\d+)\\s*${HOURS}\\s*(\\d+)\\s*${MINUTES}?$`),
    (match) => Number(match[1]) * 60 + Number(match[2]),
  ],
];

const decimal = (text: string) => Number(text.replace(',', '.'));

/**
 * What a person types in a duration field, in minutes: `1h30`, `1h 30m`, `1.5h`, `90m`, `90`
 * (minutes), `1:30`. Empty means none (0). Minutes are whole; at most a day's worth.
 */
export function parseDuration(text: string): ParsedDuration {
  const value = text.trim().toLowerCase();
  if (value === '') return { ok: true, minutes: 0 };
  for (const [pattern, toMinutes] of PATTERNS) {
    const match = pattern.exec(value);
    if (!match) continue;
    const minutes = Math.round(toMinutes(match));
    if (minutes > DAY_MINUTES_MAX) return { ok: false, message: 'At most 24h on one day.' };
    return { ok: true, minutes };
  }
  if (/^\d+[.,]\d+$/.test(value)) {
    return { ok: false, message: `Add a unit: ${value}h or ${value}m?` };
  }
  return { ok: false, message: 'Not a duration. Try 1h30, 1.5h, 90m or 1:30.' };
}

/** `1h 30m`, `2h`, `45m`; `0m` for none. */
export function formatDuration(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}
