import { describe, expect, it } from 'vitest';
import type { TodoTask } from '../../../src-shared/todo-task';
import { timeSheetRows } from './time-sheet-rows';

const task = (id: string) => ({ id, entityName: `Shot ${id}` }) as TodoTask;

describe('timeSheetRows', () => {
  it('lists the open tasks with their time, then other tasks with time that day', () => {
    const [a, b, done] = [task('a'), task('b'), task('done')];
    const rows = timeSheetRows(
      [a, b],
      [a, b, done],
      [
        { taskId: 'gone', minutes: 15 },
        { taskId: 'b', minutes: 30 },
        { taskId: 'done', minutes: 60 },
      ],
    );
    expect(rows.open).toEqual([
      { taskId: 'a', task: a, minutes: 0 },
      { taskId: 'b', task: b, minutes: 30 },
    ]);
    expect(rows.others).toEqual([
      { taskId: 'gone', task: null, minutes: 15 },
      { taskId: 'done', task: done, minutes: 60 },
    ]);
  });

  it('is empty for no tasks and no time', () => {
    expect(timeSheetRows([], [], [])).toEqual({ open: [], others: [] });
  });
});
