import { formatDate } from '../db/time';
import type { Random } from './random';
import {
  APPROVE_TEXTS,
  READY_TEXTS,
  REREVIEW_TEXTS,
  RESTART_TEXTS,
  retakeTexts,
  REVIEW_TEXTS,
  START_TEXTS,
} from './demo-texts';

/** The status a demo task ends on; its comment history is built to arrive there. */
export type TaskState = 'todo' | 'ready' | 'wip' | 'wfa' | 'retake' | 'done';

export const OPEN_STATES: readonly TaskState[] = ['todo', 'ready', 'wip', 'wfa', 'retake'];

export interface PlannedComment {
  at: Date;
  status: TaskState;
  personId: string;
  text: string;
}

/** A comment history and the task fields Zou derives from it (tasks_service.reset_task_data). */
export interface TaskTimeline {
  comments: PlannedComment[];
  status: TaskState;
  retakeCount: number;
  realStartDate: Date | null;
  endDate: Date | null;
  doneDate: Date | null;
  lastCommentDate: Date | null;
}

export interface HistoryPeople {
  artistId: string;
  reviewerId: string;
  managerId: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const SHORT_PATHS: Record<TaskState, TaskState[]> = {
  todo: [],
  ready: ['ready'],
  wip: ['wip'],
  wfa: ['wip', 'wfa'],
  retake: ['wip', 'wfa', 'retake'],
  done: ['wip', 'wfa', 'done'],
};

const RETAKE_ROUND: TaskState[] = ['wip', 'wfa', 'retake'];

function statusPath(state: TaskState, random: Random): TaskState[] {
  const path = [...SHORT_PATHS[state]];
  if (state !== 'todo' && state !== 'ready') {
    if (random.chance(0.35)) path.unshift(...RETAKE_ROUND);
    if (random.chance(0.3)) path.unshift('ready');
  }
  return path;
}

/**
 * Builds the history of one task so that its newest comment is `endAgo` work minutes before
 * now, each earlier one up to `maxGap` work minutes before the next.
 */
export function planTimeline(
  state: TaskState,
  taskTypeName: string,
  people: HistoryPeople,
  random: Random,
  clock: WorkClock,
  endAgo: number,
  maxGap: number,
): TaskTimeline & { firstAgo: number } {
  const path = statusPath(state, random);
  const agos: number[] = [];
  let ago = endAgo;
  for (let index = 0; index < path.length; index += 1) {
    agos.unshift(ago);
    ago += random.int(MIN_GAP, Math.max(MIN_GAP, maxGap));
  }
  const comments: PlannedComment[] = [];
  let seenReview = false;
  let seenRetake = false;
  path.forEach((status, index) => {
    const at = clock.at(agos[index] as number);
    switch (status) {
      case 'ready':
        comments.push({ at, status, personId: people.managerId, text: random.pick(READY_TEXTS) });
        break;
      case 'wip':
        comments.push({
          at,
          status,
          personId: people.artistId,
          text: random.pick(seenRetake ? RESTART_TEXTS : START_TEXTS),
        });
        break;
      case 'wfa':
        comments.push({
          at,
          status,
          personId: people.artistId,
          text: random.pick(seenReview ? REREVIEW_TEXTS : REVIEW_TEXTS),
        });
        seenReview = true;
        break;
      case 'retake':
        comments.push({
          at,
          status,
          personId: people.reviewerId,
          text: random.pick(retakeTexts(taskTypeName)),
        });
        seenRetake = true;
        break;
      case 'done':
        comments.push({
          at,
          status,
          personId: people.reviewerId,
          text: random.pick(APPROVE_TEXTS),
        });
        break;
      case 'todo':
        break;
    }
  });
  return { ...deriveTaskFields(comments), firstAgo: agos[0] ?? endAgo };
}

/** Replays a history the way Zou does to get the task's status, dates and retake count. */
export function deriveTaskFields(comments: PlannedComment[]): TaskTimeline {
  let retakeCount = 0;
  let previousIsRetake = false;
  let realStartDate: Date | null = null;
  let endDate: Date | null = null;
  let doneDate: Date | null = null;
  for (const comment of comments) {
    const isRetake = comment.status === 'retake';
    if (isRetake && !previousIsRetake) retakeCount += 1;
    previousIsRetake = isRetake;
    if (comment.status === 'wip' && realStartDate === null) realStartDate = comment.at;
    if (comment.status === 'wfa' && endDate === null) endDate = comment.at;
    if (comment.status === 'done') doneDate = comment.at;
  }
  const last = comments.at(-1);
  return {
    comments,
    status: last?.status ?? 'todo',
    retakeCount,
    realStartDate,
    endDate,
    doneDate,
    lastCommentDate: last?.at ?? null,
  };
}

export const WORK_DAY_MINUTES = 570;
const WORK_DAY_START = 9 * 60;
const MIN_GAP = 30;

/**
 * Counts time in minutes of the 09:00–18:29 (UTC) working day backwards from the latest working
 * moment before now, so that every demo comment lands in office hours and in the past.
 */
export class WorkClock {
  private readonly anchor: number;

  constructor(now: Date) {
    const latest = new Date(now.getTime() - 5 * 60_000);
    let day = Math.floor(latest.getTime() / DAY_MS);
    let minute = latest.getUTCHours() * 60 + latest.getUTCMinutes() - WORK_DAY_START;
    if (minute < 0) {
      day -= 1;
      minute = WORK_DAY_MINUTES - 1;
    }
    this.anchor = day * WORK_DAY_MINUTES + Math.min(minute, WORK_DAY_MINUTES - 1);
  }

  at(workMinutesAgo: number): Date {
    const position = this.anchor - Math.round(workMinutesAgo);
    const day = Math.floor(position / WORK_DAY_MINUTES);
    const minute = WORK_DAY_START + position - day * WORK_DAY_MINUTES;
    return new Date(day * DAY_MS + minute * 60_000);
  }
}

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export interface PlannedTimeSpent {
  date: string;
  minutes: number;
}

/**
 * A few logged days between the start and the last hand-in (today for work in progress),
 * never more than eight hours a day for one person across all their tasks.
 */
export function planTimeSpents(
  timeline: TaskTimeline,
  personId: string,
  dayBudget: Map<string, number>,
  random: Random,
  now: Date,
): PlannedTimeSpent[] {
  if (!timeline.realStartDate) return [];
  const first = startOfUtcDay(timeline.realStartDate);
  const stillWorking = timeline.status === 'wip';
  const last = startOfUtcDay(stillWorking ? now : (timeline.lastCommentDate ?? now));
  const spanDays = Math.round((last.getTime() - first.getTime()) / DAY_MS);
  const wanted = random.int(1, 3);
  const days = new Set<number>();
  for (let attempt = 0; attempt < wanted * 3 && days.size < wanted; attempt += 1) {
    days.add(random.int(0, spanDays));
  }
  const entries: PlannedTimeSpent[] = [];
  for (const offset of [...days].sort((a, b) => a - b)) {
    const day = addDays(first, offset);
    const weekday = day.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const date = formatDate(day);
    const key = `${personId}|${date}`;
    const used = dayBudget.get(key) ?? 0;
    const minutes = Math.min(random.int(2, 12) * 30, 480 - used);
    if (minutes <= 0) continue;
    dayBudget.set(key, used + minutes);
    entries.push({ date, minutes });
  }
  return entries;
}

/** Planned dates and effort: due dates mix overdue, this week and later for open work. */
export interface TaskSchedule {
  startDate: Date | null;
  dueDate: Date | null;
  estimationMinutes: number;
}

const ESTIMATION_DAYS = [0.5, 1, 1, 2, 2, 3, 5];
const MINUTES_PER_DAY = 8 * 60;

export function planSchedule(timeline: TaskTimeline, random: Random, now: Date): TaskSchedule {
  const today = startOfUtcDay(now);
  const estimationDays = random.pick(ESTIMATION_DAYS);
  const estimationMinutes = estimationDays * MINUTES_PER_DAY;
  if (timeline.status === 'done') {
    const done = startOfUtcDay(timeline.doneDate ?? today);
    return {
      startDate: timeline.realStartDate ? startOfUtcDay(timeline.realStartDate) : null,
      dueDate: addDays(done, random.int(-2, 4)),
      estimationMinutes,
    };
  }
  const roll = random.next();
  let dueDate: Date | null;
  if (roll < 0.15) dueDate = null;
  else if (roll < 0.35) dueDate = addDays(today, -random.int(1, 8));
  else if (roll < 0.65) dueDate = addDays(today, random.int(0, 6));
  else dueDate = addDays(today, random.int(7, 45));
  const startDate = timeline.realStartDate
    ? startOfUtcDay(timeline.realStartDate)
    : dueDate && addDays(dueDate, -Math.ceil(estimationDays) - 1);
  return { startDate, dueDate, estimationMinutes };
}
