import type { TimeLogDay } from '../../../src-shared/time-log';
import { readThrough } from '../../cache/cached-reads';
import { AppError } from '../../kitsu/app-error';
import type { SessionService } from '../../session/session-service';
import { clearDayOff, setDayOff } from '../../time/day-off-writes';
import { readTimeLogDay } from '../../time/time-log-day';
import { setTimeSpent } from '../../time/time-spent-writes';
import type { HandlerGroup, HandlerServices } from '../handler-group';

type TimeChannel = 'time:get-day' | 'time:set' | 'time:set-day-off' | 'time:clear-day-off';

/** The artist's time log and days off; each answers the day as it now is. */
export function timeHandlers(services: HandlerServices): HandlerGroup<TimeChannel> {
  const { session } = services;
  const changed = (tables: string[], taskIds?: string[]) =>
    services.onCacheChanged?.(tables, taskIds);
  // The day as the server last answered, so that the time log still shows offline.
  const dayKey = (date: string) => `time:day:${date}`;
  const kept = (day: TimeLogDay): TimeLogDay => {
    services.cachedReads?.()?.keep(dayKey(day.date), day);
    return day;
  };
  return {
    'time:get-day': ({ date }) =>
      readThrough(services.cachedReads?.(), dayKey(date), async () =>
        readTimeLogDay(await session.client(), date),
      ),
    'time:set': async (input) => {
      const client = await session.client();
      const day = kept(await setTimeSpent(client, await currentPersonId(session), input));
      // The task's time spent is the sum of its time spents.
      changed(['time-spent', 'task'], [input.taskId]);
      return day;
    },
    'time:set-day-off': async (input) => {
      const client = await session.client();
      const day = kept(await setDayOff(client, await currentPersonId(session), input));
      // The day's time is gone, and with it some of its tasks' time spent.
      changed(['day-off', 'time-spent', 'task']);
      return day;
    },
    'time:clear-day-off': async (input) => {
      const client = await session.client();
      const day = kept(await clearDayOff(client, await currentPersonId(session), input));
      changed(['day-off']);
      return day;
    },
  };
}

async function currentPersonId(session: SessionService): Promise<string> {
  const state = await session.state();
  if (state.status !== 'logged-in') {
    throw new AppError('auth-expired', 'You are not logged in. Log in first.');
  }
  return state.user.id;
}
