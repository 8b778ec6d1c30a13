// Date parsing as Zou does it, in its three flavours: Python's strptime for the time-spent
// writes, Postgres's `CAST(x AS DATE)` for the reads, and `int()` for the path segments of the
// calendar routes. All answer null (or throw the caller's 400) instead of Python's exceptions.

/** `YYYY-MM-DD` day strings sort and compare like the dates they name. */
export type DayString = string;

const STRPTIME_DATE = /^(\d{4})-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\d|0[1-9]|[1-9]| [1-9])$/;
const STRPTIME_MONTH = /^(\d{4})-(1[0-2]|0[1-9]|[1-9])$/;
const SQL_DATE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*$/;
const PYTHON_INT = /^\s*\+?\d+\s*$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

export function dayString(year: number, month: number, day: number): DayString {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1-12) of a proleptic Gregorian year, as Python's `monthrange`. */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (MONTH_LENGTHS[month - 1] ?? 0);
}

function validDay(year: number, month: number, day: number): DayString | null {
  if (year < 1 || year > 9999 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return dayString(year, month, day);
}

/** `datetime.strptime(value, "%Y-%m-%d")`, as the time-spent writes parse their path date. */
export function parseStrptimeDate(value: string): DayString | null {
  const match = STRPTIME_DATE.exec(value);
  if (!match) return null;
  return validDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** `datetime.strptime(value, "%Y-%m")`: [year, month], or null. */
export function parseStrptimeMonth(value: string): [number, number] | null {
  const match = STRPTIME_MONTH.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  return year < 1 ? null : [year, Number(match[2])];
}

/** What Postgres accepts as a date in the ISO forms clients send (a time part is dropped). */
export function parseSqlDate(value: unknown): DayString | null {
  if (typeof value !== 'string') return null;
  const match = SQL_DATE.exec(value);
  if (!match) return null;
  return validDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Python's `int(text)` for a path segment; null where it would raise. */
export function parsePythonInt(value: string): number | null {
  if (!PYTHON_INT.test(value)) return null;
  const number = Number(value.trim());
  return Number.isSafeInteger(number) ? number : null;
}

/** Adds days to a day string (UTC arithmetic, no time zone involved). */
export function addDays(day: DayString, days: number): DayString {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A half-open interval [start, end) of days. */
export interface DayInterval {
  start: DayString;
  end: DayString;
}

const FOUR_DIGIT_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Python's date arithmetic overflows past the year 9999: such an interval does not exist. */
function interval(start: DayString, end: DayString): DayInterval | null {
  return FOUR_DIGIT_DAY.test(end) ? { start, end } : null;
}

/** `date_helpers.get_year_interval`. */
export function yearInterval(yearText: string): DayInterval | null {
  const year = parsePythonInt(yearText);
  if (year === null || year < 1 || year > 9999) return null;
  return interval(dayString(year, 1, 1), dayString(year + 1, 1, 1));
}

/** `date_helpers.get_month_interval`. */
export function monthInterval(yearText: string, monthText: string): DayInterval | null {
  const year = parsePythonInt(yearText);
  const month = parsePythonInt(monthText);
  if (year === null || month === null || year < 1 || year > 9999) return null;
  if (month < 1 || month > 12) return null;
  const start = dayString(year, month, 1);
  return interval(start, addDays(start, daysInMonth(year, month)));
}

/** `date_helpers.get_week_interval`: the ISO week's Monday to the next Monday. */
export function weekInterval(yearText: string, weekText: string): DayInterval | null {
  const year = parsePythonInt(yearText);
  const week = parsePythonInt(weekText);
  if (year === null || week === null || year < 1 || year > 9999) return null;
  if (week < 1 || week > isoWeeksInYear(year)) return null;
  const start = addDays(isoWeekOneMonday(year), (week - 1) * 7);
  return FOUR_DIGIT_DAY.test(start) ? interval(start, addDays(start, 7)) : null;
}

/** `date_helpers.get_day_interval`. */
export function dayInterval(
  yearText: string,
  monthText: string,
  dayText: string,
): DayInterval | null {
  const [year, month, day] = [yearText, monthText, dayText].map(parsePythonInt);
  if (year == null || month == null || day == null) return null;
  const start = validDay(year, month, day);
  return start ? interval(start, addDays(start, 1)) : null;
}

/** The interval's last day, for the inclusive day-off overlap queries. */
export function lastDayOf(interval: DayInterval): DayString {
  return addDays(interval.end, -1);
}

function weekdayIndex(day: DayString): number {
  // 0 = Monday … 6 = Sunday, as Python's `weekday()`.
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

function isoWeekOneMonday(year: number): DayString {
  const january4 = dayString(year, 1, 4);
  return addDays(january4, -weekdayIndex(january4));
}

function isoWeeksInYear(year: number): number {
  const december28 = dayString(year, 12, 28);
  return isoWeekOf(december28);
}

/** `date.isocalendar()[1]`: the ISO week number of a day. */
export function isoWeekOf(day: DayString): number {
  // The Thursday of the day's week decides which ISO year the week belongs to.
  const thursday = addDays(day, 3 - weekdayIndex(day));
  const isoYear = Number(thursday.slice(0, 4));
  const firstMonday = isoWeekOneMonday(isoYear);
  const days = (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${firstMonday}T00:00:00Z`)) / 864e5;
  return Math.floor(days / 7) + 1;
}
