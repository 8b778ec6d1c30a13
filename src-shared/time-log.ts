/**
 * The artist's time log for one day, as main hands it to the renderer: Kitsu's time spents
 * (`/data/user/time-spents/{date}`, minutes) and the day off covering the date, if any.
 */

/** `YYYY-MM-DD`. */
export type IsoDate = string;

/** The most minutes one task may log on one day. */
export const DAY_MINUTES_MAX = 24 * 60;

export interface TimeLogEntry {
  taskId: string;
  minutes: number;
}

export interface DayOff {
  id: string;
  /** First day off, `YYYY-MM-DD`. */
  date: IsoDate;
  /** Last day off (inclusive), `YYYY-MM-DD`. */
  endDate: IsoDate;
  description: string | null;
}

export interface TimeLogDay {
  date: IsoDate;
  entries: TimeLogEntry[];
  totalMinutes: number;
  /** The day off covering the date; time cannot be logged on it. */
  dayOff: DayOff | null;
  /** Tasks whose time of the day waits in the outbox (shown as it will be). */
  pendingTaskIds?: string[];
  /** Setting or clearing the day off waits in the outbox. */
  dayOffPending?: boolean;
}
