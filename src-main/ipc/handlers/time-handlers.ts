import { randomUUID } from 'node:crypto';
import type { IsoDate, TimeLogDay } from '../../../src-shared/time-log';
import { readThrough } from '../../cache/cached-reads';
import { AppError, isAppError } from '../../kitsu/app-error';
import { clearDayOff, setDayOff } from '../../time/day-off-writes';
import { readTimeLogDay, timeLogDayKey } from '../../time/time-log-day';
import { setTimeSpent } from '../../time/time-spent-writes';
import type { Outbox } from '../../sync/outbox';
import type { OutboxKindName } from '../../sync/outbox-entry';
import { TIME_LOG_LANE } from '../../sync/outbox-time';
import { writeThroughOutbox } from '../../sync/outbox-write-through';
import type { HandlerGroup, HandlerServices } from '../handler-group';

type TimeChannel = 'time:get-day' | 'time:set' | 'time:set-day-off' | 'time:clear-day-off';

/**
 * The artist's time log and days off; each answers the day as it now is. With the offline
 * cache open, writes go through the outbox: offline they answer the day as it will be.
 */
export function timeHandlers(services: HandlerServices): HandlerGroup<TimeChannel> {
  const { session } = services;
  const changed = (tables: string[], taskIds?: string[]) =>
    services.onCacheChanged?.(tables, taskIds);
  const kept = (day: TimeLogDay): TimeLogDay => {
    services.offline.keptReads()?.keep(timeLogDayKey(day.date), day);
    return day;
  };
  const overlaid = (day: TimeLogDay) => services.offline.outbox()?.overlayDay(day) ?? day;
  /** The day as last known here, with the waiting writes: what an offline write shows. */
  const knownDay = (date: IsoDate): TimeLogDay =>
    overlaid(
      services.offline.keptReads()?.peek<TimeLogDay>(timeLogDayKey(date)) ?? {
        date,
        entries: [],
        totalMinutes: 0,
        dayOff: null,
      },
    );
  const write = async (
    outbox: Outbox,
    kind: Extract<OutboxKindName, 'time-spent' | 'day-off'>,
    date: IsoDate,
    taskId: string | null,
    payload: unknown,
  ) =>
    writeThroughOutbox<TimeLogDay>(
      outbox,
      { id: randomUUID(), lane: TIME_LOG_LANE, taskId, kind, payload, baseStatusId: null },
      // The delivery kept the server's day; later waiting writes still show on top.
      { delivered: (body) => overlaid(body as TimeLogDay), waiting: () => knownDay(date) },
    );

  return {
    'time:get-day': async ({ date }) => {
      try {
        return overlaid(
          await readThrough(services.offline.keptReads(), timeLogDayKey(date), async () =>
            readTimeLogDay(await session.client(), date),
          ),
        );
      } catch (error) {
        // Never read while online, but written offline: the waiting writes are the day.
        const outbox = services.offline.outbox();
        if (outbox && isAppError(error) && error.code === 'offline') return knownDay(date);
        throw error;
      }
    },
    'time:set': async (input) => {
      const client = await session.client();
      const personId = (await session.user()).id;
      const outbox = services.offline.outbox();
      let day: TimeLogDay;
      if (!outbox) {
        day = kept(await setTimeSpent(client, personId, input));
      } else {
        if (!outbox.online()) refuseOnDayOff(knownDay(input.date));
        day = await write(outbox, 'time-spent', input.date, input.taskId, {
          ...input,
          taskLabel: null,
        });
      }
      // The task's time spent is the sum of its time spents.
      changed(['time-spent', 'task'], [input.taskId]);
      return day;
    },
    'time:set-day-off': async (input) => {
      const client = await session.client();
      const outbox = services.offline.outbox();
      const day = outbox
        ? await write(outbox, 'day-off', input.date, null, { ...input, dayOff: true })
        : kept(await setDayOff(client, (await session.user()).id, input));
      // The day's time is gone, and with it some of its tasks' time spent.
      changed(['day-off', 'time-spent', 'task']);
      return day;
    },
    'time:clear-day-off': async (input) => {
      const client = await session.client();
      const outbox = services.offline.outbox();
      const day = outbox
        ? await write(outbox, 'day-off', input.date, null, { date: input.date, dayOff: false })
        : kept(await clearDayOff(client, (await session.user()).id, input));
      changed(['day-off']);
      return day;
    },
  };
}

/** The same refusal the server-side check gives, for a write made offline. */
function refuseOnDayOff(day: TimeLogDay): void {
  if (day.dayOff) {
    throw new AppError(
      'invalid-input',
      `${day.date} is a day off: time cannot be logged on it. Clear the day off first.`,
    );
  }
}
