import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChangeBatcher } from './change-batcher';

let pushes: { tables: string[]; taskIds?: string[] }[];
let batcher: ChangeBatcher;

beforeEach(() => {
  vi.useFakeTimers();
  pushes = [];
  batcher = new ChangeBatcher((tables, taskIds) => {
    pushes.push(taskIds ? { tables, taskIds } : { tables });
  }, 300);
});
afterEach(() => vi.useRealTimers());

describe('ChangeBatcher', () => {
  it('pushes the changes of one window once, merged, at the end of the window', () => {
    batcher.add({ table: 'task', taskId: 'a' });
    batcher.add({ table: 'comment', taskId: 'b' });
    batcher.add({ table: 'task', taskId: 'a' });
    vi.advanceTimersByTime(299);
    expect(pushes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(pushes).toEqual([{ tables: ['task', 'comment'], taskIds: ['a', 'b'] }]);
    batcher.add({ table: 'comment', taskId: 'c' });
    vi.advanceTimersByTime(300);
    expect(pushes).toHaveLength(2);
    expect(pushes[1]).toEqual({ tables: ['comment'], taskIds: ['c'] });
  });

  it('names no task when one change of the window did not say which task', () => {
    batcher.add({ table: 'comment', taskId: 'a' });
    batcher.add({ table: 'comment', taskId: null });
    vi.advanceTimersByTime(300);
    expect(pushes).toEqual([{ tables: ['comment'] }]);
  });

  it('keeps the task scope for a day off, which belongs to no task', () => {
    batcher.add({ table: 'day-off', taskId: null });
    batcher.add({ table: 'task', taskId: 'a' });
    vi.advanceTimersByTime(300);
    expect(pushes).toEqual([{ tables: ['day-off', 'task'], taskIds: ['a'] }]);
  });

  it('pushes every table for every task after a gap', () => {
    batcher.add({ table: 'task', taskId: 'a' });
    batcher.addAll(['task', 'comment', 'day-off']);
    vi.advanceTimersByTime(300);
    expect(pushes).toEqual([{ tables: ['task', 'comment', 'day-off'] }]);
  });

  it('drops what is pending when discarded', () => {
    batcher.add({ table: 'task', taskId: 'a' });
    batcher.discard();
    vi.advanceTimersByTime(1_000);
    expect(pushes).toEqual([]);
  });
});
