import type { DayOff, IsoDate, TimeLogDay } from '../../src-shared/time-log';
import { AppError, isAppError } from '../kitsu/app-error';
import type { KitsuClient } from '../kitsu/kitsu-client';
import { readTimeLogDay } from './time-log-day';
import { removeTimeSpent, timeSpentPath } from './time-spent-writes';

/**
 * Marks the day as a day off: `POST /data/day-offs` for that one day. Kitsu then deletes the
 * person's time of the day without updating the tasks' time spent, so the time is removed
 * first through the time-spent route, which keeps each task's total right. Nothing changes
 * when a day off already covers the date. Answers the fresh day.
 */
export async function setDayOff(
  client: KitsuClient,
  personId: string,
  input: { date: IsoDate; description?: string },
): Promise<TimeLogDay> {
  const day = await readTimeLogDay(client, input.date);
  if (day.dayOff) return day;
  for (const entry of day.entries) {
    try {
      await removeTimeSpent(client, timeSpentPath(entry.taskId, input.date, personId));
    } catch (error) {
      // Time on a task no longer assigned cannot be removed that way; the day off removes it.
      if (!(isAppError(error) && error.code === 'forbidden')) throw error;
    }
  }
  try {
    await client.post('/data/day-offs', {
      person_id: personId,
      date: input.date,
      end_date: input.date,
      ...(input.description ? { description: input.description } : {}),
    });
  } catch (error) {
    // Kitsu refuses an overlap: a day off made meanwhile (elsewhere) covers the date.
    const now = await readTimeLogDay(client, input.date);
    if (now.dayOff) return now;
    throw error;
  }
  return readTimeLogDay(client, input.date);
}

/**
 * Makes the date a working day again. A one-day day off is deleted; a longer one (made in
 * Kitsu) loses only this date: it is shortened, or split in two around it.
 */
export async function clearDayOff(
  client: KitsuClient,
  personId: string,
  input: { date: IsoDate },
): Promise<TimeLogDay> {
  const { date } = input;
  const { dayOff } = await readTimeLogDay(client, date);
  if (dayOff) await removeDate(client, personId, dayOff, date);
  return readTimeLogDay(client, date);
}

async function removeDate(
  client: KitsuClient,
  personId: string,
  dayOff: DayOff,
  date: IsoDate,
): Promise<void> {
  const path = `/data/day-offs/${encodeURIComponent(dayOff.id)}`;
  if (dayOff.date === dayOff.endDate) {
    await client.request('DELETE', path);
  } else if (date === dayOff.date) {
    await client.put(path, { date: addDays(date, 1) });
  } else if (date === dayOff.endDate) {
    await client.put(path, { end_date: addDays(date, -1) });
  } else {
    // Shorten first: the second part would overlap the first one otherwise.
    await client.put(path, { end_date: addDays(date, -1) });
    try {
      await client.post('/data/day-offs', {
        person_id: personId,
        date: addDays(date, 1),
        end_date: dayOff.endDate,
        description: dayOff.description,
      });
    } catch (error) {
      await restoreEnd(client, path, dayOff, date, error);
      throw error;
    }
  }
}

/**
 * The second part of a split could not be made: the day off gets its end back, so that the
 * later dates are not lost and the same clear can be tried again. Should even that fail, the
 * person is told which dates are no longer off.
 */
async function restoreEnd(
  client: KitsuClient,
  path: string,
  dayOff: DayOff,
  date: IsoDate,
  cause: unknown,
): Promise<void> {
  try {
    await client.put(path, { end_date: dayOff.endDate });
  } catch {
    const reason = cause instanceof Error ? `${cause.message} ` : '';
    throw new AppError(
      isAppError(cause) ? cause.code : 'server-error',
      `${reason}Your days off from ${addDays(date, 1)} to ${dayOff.endDate} are no longer marked: mark them off again once the server answers.`,
    );
  }
}

/** Calendar arithmetic on `YYYY-MM-DD` (UTC, so no time zone shifts the day). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}
