import type { IsoDate, TimeLogDay } from '../../src-shared/time-log';
import { AppError, isAppError } from '../kitsu/app-error';
import type { KitsuClient } from '../kitsu/kitsu-client';
import { readTimeLogDay, toDayOff } from './time-log-day';

export interface TimeSpentInput {
  taskId: string;
  date: IsoDate;
  /** 0 removes the day's time on the task. */
  minutes: number;
}

const NOT_ASSIGNED =
  'You can log time only on tasks assigned to you, and this task is not assigned to you. ' +
  'Ask your supervisor to assign it to you, or log the time on one of your tasks.';

/**
 * Sets (replaces) the person's time on a task for a day:
 * `POST /actions/tasks/{tid}/time-spents/{date}/persons/{pid}`, or `DELETE` on the same path
 * for 0. Kitsu itself accepts time on a day off; Shotdesk refuses it, as the day off would
 * wipe it anyway the next time it is saved. Answers the fresh day.
 */
export async function setTimeSpent(
  client: KitsuClient,
  personId: string,
  input: TimeSpentInput,
): Promise<TimeLogDay> {
  const dayOff = toDayOff(await client.get<unknown>(`/data/user/day-offs/${input.date}`));
  if (dayOff) {
    throw new AppError(
      'invalid-input',
      `${input.date} is a day off: time cannot be logged on it. Clear the day off first.`,
    );
  }
  const path = timeSpentPath(input.taskId, input.date, personId);
  try {
    if (input.minutes > 0) await client.post(path, { duration: input.minutes });
    else await removeTimeSpent(client, path);
  } catch (error) {
    throw explainFailure(error);
  }
  return readTimeLogDay(client, input.date);
}

export function timeSpentPath(taskId: string, date: IsoDate, personId: string): string {
  return `/actions/tasks/${encodeURIComponent(taskId)}/time-spents/${date}/persons/${encodeURIComponent(personId)}`;
}

/** Kitsu answers 404 when there is nothing to remove: the wish is fulfilled all the same. */
export async function removeTimeSpent(client: KitsuClient, path: string): Promise<void> {
  try {
    await client.request('DELETE', path);
  } catch (error) {
    if (!(isAppError(error) && error.code === 'not-found')) throw error;
  }
}

/** Kitsu refuses time on a task the person is not assigned to with a bare 403. */
function explainFailure(error: unknown): unknown {
  if (!isAppError(error)) return error;
  if (error.code === 'forbidden') return new AppError('forbidden', NOT_ASSIGNED, error.status);
  if (error.code === 'not-found') {
    return new AppError(
      'not-found',
      'This task no longer exists on the server. Refresh your task lists.',
      error.status,
    );
  }
  return error;
}
