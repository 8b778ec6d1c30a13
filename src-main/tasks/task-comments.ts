import type { SettableTaskStatus, TaskComment } from '../../src-shared/task-comment';
import type { KitsuClient } from '../kitsu/kitsu-client';
import { asRow, toStatusRef, toTaskComment, type Row } from './task-comment-row';
import { mentionedIds, noNames, type NameResolver } from './person-names';

/** A task's comments, newest first, mentions named: `GET /data/tasks/{id}/comments`. */
export async function listTaskComments(
  client: KitsuClient,
  taskId: string,
  resolveNames: NameResolver = noNames,
): Promise<TaskComment[]> {
  const body = await client.get<unknown>(`/data/tasks/${encodeURIComponent(taskId)}/comments`);
  const rows = Array.isArray(body) ? (body as unknown[]) : [];
  const names = await resolveNames(mentionedIds(rows));
  return rows.map((row) => toTaskComment(row, names));
}

/**
 * The statuses this person may set, from `/data/user/context` `task_status`: artists
 * (role user) only `is_artist_allowed` ones; archived and concept statuses never.
 */
export async function listSettableStatuses(
  client: KitsuClient,
  role: string,
): Promise<SettableTaskStatus[]> {
  const context = asRow(await client.get<unknown>('/data/user/context'));
  return settableStatusesOf(context.task_status, role);
}

/** Of the context's `task_status` (as the server or the cache holds it), those `role` may set. */
export function settableStatusesOf(contextStatuses: unknown, role: string): SettableTaskStatus[] {
  const statuses = Array.isArray(contextStatuses) ? contextStatuses.map(asRow) : [];
  return (
    statuses
      // Concept statuses belong to concept tasks, which the todo list does not hold.
      .filter((status) => status.archived !== true && status.for_concept !== true)
      .filter((status) => role !== 'user' || status.is_artist_allowed === true)
      .filter((status) => role !== 'client' || status.is_client_allowed === true)
      .sort((a, b) => order(a) - order(b))
      .flatMap((row): SettableTaskStatus[] => {
        const status = toStatusRef(row);
        return status ? [{ ...status, isFeedbackRequest: row.is_feedback_request === true }] : [];
      })
  );
}

const order = (status: Row): number =>
  typeof status.priority === 'number' ? status.priority : Number.MAX_SAFE_INTEGER;
