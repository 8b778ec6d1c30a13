import { z } from 'zod';
import type { TimeLogDay } from '../../src-shared/time-log';
import { clearDayOff, setDayOff } from '../time/day-off-writes';
import { setTimeSpent } from '../time/time-spent-writes';
import type { OutboxEntry } from './outbox-entry';
import type { OutboxKind, ReplayOutcome } from './outbox-kind';

// The time log's writes. Both set a state rather than add to one (a day's minutes on a task;
// a day off or not), so sending one twice changes nothing: no look for an earlier landing.

/** The lane of every time-log write: a day off removes the day's time, so order matters. */
export const TIME_LOG_LANE = 'time-log';

export const timeSpentPayloadSchema = z.object({
  taskId: z.string(),
  date: z.string(),
  /** The day's minutes on the task; 0 removes them. */
  minutes: z.number().int().min(0),
  taskLabel: z.string().nullable(),
});

export const dayOffPayloadSchema = z.object({
  date: z.string(),
  dayOff: z.boolean(),
  description: z.string().optional(),
});

const timeSpentPayload = (entry: OutboxEntry) => timeSpentPayloadSchema.parse(entry.payload);
const dayOffPayload = (entry: OutboxEntry) => dayOffPayloadSchema.parse(entry.payload);

const deliveredDay = (serverId: string, day: TimeLogDay): ReplayOutcome => ({
  type: 'delivered',
  serverId,
  body: day,
  statusAfter: null,
  alreadyLanded: false,
});

const hours = (minutes: number) => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h}h${m > 0 ? ` ${m}m` : ''}` : `${m}m`;
};

const total = (entries: TimeLogDay['entries']) =>
  entries.reduce((sum, entry) => sum + entry.minutes, 0);

/** A task's time for a day. */
export const timeSpentKind: OutboxKind = {
  area: 'time-log',

  async replay(context, entry) {
    const payload = timeSpentPayload(entry);
    const day = await setTimeSpent(context.client, context.personId, payload);
    return deliveredDay(`${payload.taskId}/${payload.date}`, day);
  },

  summary(entry) {
    const { date, minutes, taskLabel } = timeSpentPayload(entry);
    const what = minutes > 0 ? `${hours(minutes)} logged on ${date}` : `Time removed on ${date}`;
    return taskLabel ? `${what} for ${taskLabel}` : what;
  },

  text: (entry) => timeSpentKind.summary(entry),

  expectedStatusAfter: () => null,
  optimisticStatus: () => null,

  overlayDay(entry, day) {
    const { taskId, date, minutes } = timeSpentPayload(entry);
    if (date !== day.date || day.dayOff) return day;
    const others = day.entries.filter((row) => row.taskId !== taskId);
    const entries = minutes > 0 ? [...others, { taskId, minutes }] : others;
    return {
      ...day,
      entries,
      totalMinutes: total(entries),
      pendingTaskIds: [...new Set([...(day.pendingTaskIds ?? []), taskId])],
    };
  },
};

/** Marking a day as a day off, or making it a working day again. */
export const dayOffKind: OutboxKind = {
  area: 'time-log',

  async replay(context, entry) {
    const { date, dayOff, description } = dayOffPayload(entry);
    const day = dayOff
      ? await setDayOff(context.client, context.personId, {
          date,
          ...(description ? { description } : {}),
        })
      : await clearDayOff(context.client, context.personId, { date });
    return deliveredDay(day.dayOff?.id ?? date, day);
  },

  summary(entry) {
    const { date, dayOff } = dayOffPayload(entry);
    return dayOff ? `Day off on ${date}` : `${date} back as a working day`;
  },

  text: (entry) => dayOffKind.summary(entry),

  expectedStatusAfter: () => null,
  optimisticStatus: () => null,

  overlayDay(entry, day) {
    const { date, dayOff, description } = dayOffPayload(entry);
    if (date !== day.date) return day;
    if (!dayOff) return { ...day, dayOff: null, dayOffPending: true };
    // The day off removes the day's time when it lands.
    return {
      ...day,
      entries: [],
      totalMinutes: 0,
      dayOff: day.dayOff ?? { id: entry.id, date, endDate: date, description: description ?? null },
      dayOffPending: true,
    };
  },
};
