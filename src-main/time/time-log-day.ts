import type { DayOff, IsoDate, TimeLogDay, TimeLogEntry } from '../../src-shared/time-log';
import type { KitsuClient } from '../kitsu/kitsu-client';

type Row = Record<string, unknown>;

const asRow = (value: unknown): Row => (value && typeof value === 'object' ? (value as Row) : {});
const text = (row: Row, key: string): string | null =>
  typeof row[key] === 'string' && row[key] !== '' ? row[key] : null;

/** Where the offline cache keeps a day of the time log as the server last answered it. */
export const timeLogDayKey = (date: IsoDate): string => `time:day:${date}`;

/**
 * The person's time log of one day: `GET /data/user/time-spents/{date}` and
 * `GET /data/user/day-offs/{date}`, both the caller's own.
 */
export async function readTimeLogDay(client: KitsuClient, date: IsoDate): Promise<TimeLogDay> {
  const [timeSpents, dayOff] = await Promise.all([
    client.get<unknown>(`/data/user/time-spents/${date}`),
    client.get<unknown>(`/data/user/day-offs/${date}`),
  ]);
  const entries = toEntries(timeSpents);
  return {
    date,
    entries,
    totalMinutes: entries.reduce((total, entry) => total + entry.minutes, 0),
    dayOff: toDayOff(dayOff),
  };
}

/** One entry per task; Kitsu keeps one time spent per task, person and day, but sums are safe. */
function toEntries(body: unknown): TimeLogEntry[] {
  const minutesByTask = new Map<string, number>();
  for (const row of Array.isArray(body) ? body.map(asRow) : []) {
    const taskId = text(row, 'task_id');
    const minutes = typeof row.duration === 'number' ? row.duration : Number(row.duration);
    if (taskId === null || !Number.isFinite(minutes) || minutes <= 0) continue;
    minutesByTask.set(taskId, (minutesByTask.get(taskId) ?? 0) + minutes);
  }
  return [...minutesByTask].map(([taskId, minutes]) => ({ taskId, minutes }));
}

/** Kitsu answers `{}` when no day off covers the date. */
export function toDayOff(value: unknown): DayOff | null {
  const row = asRow(value);
  const id = text(row, 'id');
  const date = text(row, 'date')?.slice(0, 10);
  if (id === null || !date) return null;
  return {
    id,
    date,
    endDate: text(row, 'end_date')?.slice(0, 10) ?? date,
    description: text(row, 'description'),
  };
}
