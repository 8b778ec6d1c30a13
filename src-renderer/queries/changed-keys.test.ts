import { describe, expect, it } from 'vitest';
import { queryKeysChangedBy } from './changed-keys';
import { queryKeys } from './keys';

describe('queryKeysChangedBy', () => {
  it('makes the task lists stale for a task change', () => {
    expect(queryKeysChangedBy({ tables: ['task'], taskIds: ['a'] })).toEqual([
      queryKeys.todo,
      queryKeys.done,
      queryKeys.toCheck,
    ]);
  });

  it('makes only the named tasks’ comments stale, or all comments when none is named', () => {
    expect(queryKeysChangedBy({ tables: ['comment'], taskIds: ['a', 'b'] })).toEqual([
      queryKeys.comments('a'),
      queryKeys.comments('b'),
    ]);
    expect(queryKeysChangedBy({ tables: ['comment'] })).toEqual([queryKeys.allComments]);
    expect(queryKeysChangedBy({ tables: ['comment'], taskIds: [] })).toEqual([
      queryKeys.allComments,
    ]);
  });

  it('makes the time log stale for time spents and days off, once', () => {
    expect(queryKeysChangedBy({ tables: ['time-spent', 'day-off'] })).toEqual([queryKeys.allTime]);
  });

  it('reloads a task’s thread (and its previews) when one of its previews changed', () => {
    expect(queryKeysChangedBy({ tables: ['preview-file'], taskIds: ['a'] })).toEqual([
      queryKeys.comments('a'),
    ]);
  });

  it('leaves everything alone for a table no query shows', () => {
    expect(queryKeysChangedBy({ tables: ['person'] })).toEqual([]);
  });
});
