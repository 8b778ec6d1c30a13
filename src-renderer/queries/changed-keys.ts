import type { QueryKey } from '@tanstack/react-query';
import type { EventPayload } from '../../src-shared/ipc';
import { queryKeys } from './keys';

/**
 * The queries a `cache:changed` push makes stale: the task lists for `task`, the comments of
 * the named tasks (all of them when the push names none) for `comment` and `preview-file`, the
 * time log for time spents and days off.
 */
export function queryKeysChangedBy({ tables, taskIds }: EventPayload<'cache:changed'>): QueryKey[] {
  const keys: QueryKey[] = [];
  if (tables.includes('task')) keys.push(queryKeys.todo, queryKeys.done, queryKeys.toCheck);
  // A preview shows in its comment: its thread changed.
  if (tables.includes('comment') || tables.includes('preview-file')) {
    if (taskIds && taskIds.length > 0) keys.push(...taskIds.map((id) => queryKeys.comments(id)));
    else keys.push(queryKeys.allComments);
  }
  if (tables.includes('time-spent') || tables.includes('day-off')) keys.push(queryKeys.allTime);
  return keys;
}
