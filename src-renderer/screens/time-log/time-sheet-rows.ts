import type { TimeLogEntry } from '../../../src-shared/time-log';
import type { TodoTask } from '../../../src-shared/todo-task';

export interface TimeSheetRow {
  taskId: string;
  /** null: a task with time that day that none of the person's lists holds any more. */
  task: TodoTask | null;
  minutes: number;
}

export interface TimeSheetRows {
  /** The open tasks, in the list's order. */
  open: TimeSheetRow[];
  /** Tasks with time that day outside those: done, filtered out, or unassigned since. */
  others: TimeSheetRow[];
}

/**
 * The rows of a day's sheet: every open task shown, then every other task with time that day,
 * so that the rows always add up to the day's total. Rows never move when time changes.
 */
export function timeSheetRows(
  openTasks: readonly TodoTask[],
  knownTasks: readonly TodoTask[],
  entries: readonly TimeLogEntry[],
): TimeSheetRows {
  const minutes = new Map(entries.map((entry) => [entry.taskId, entry.minutes]));
  const openIds = new Set(openTasks.map((task) => task.id));
  const known = new Map(knownTasks.map((task) => [task.id, task]));
  return {
    open: openTasks.map((task) => ({ taskId: task.id, task, minutes: minutes.get(task.id) ?? 0 })),
    others: entries
      .filter((entry) => !openIds.has(entry.taskId))
      .map((entry) => ({
        taskId: entry.taskId,
        task: known.get(entry.taskId) ?? null,
        minutes: entry.minutes,
      })),
  };
}
