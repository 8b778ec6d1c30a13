/** The tables of main's data that `cache:changed` names; the renderer invalidates by them. */
export const LIVE_TABLES = ['task', 'comment', 'time-spent', 'day-off', 'preview-file'] as const;

export type LiveTable = (typeof LIVE_TABLES)[number];

/** What one Kitsu event changed: a table, and the task when the payload names it. */
export interface TableChange {
  table: LiveTable;
  taskId: string | null;
}

const COMMENT_ACTIONS = new Set([
  'new',
  'update',
  'delete',
  'reply',
  'delete-reply',
  'acknowledge',
  'unacknowledge',
]);
const TASK_ACTIONS = new Set([
  'new',
  'update',
  'delete',
  'assign',
  'unassign',
  'status-changed',
  'to-review',
]);

/**
 * Maps a socket.io event of Kitsu's `/events` namespace (REFERENCE.md §7: `<model>:<action>`,
 * payloads of ids only) to the table it changes; null for events the artist's views ignore.
 */
export function tableChangeOf(name: string, data: unknown): TableChange | null {
  const [model, action] = name.toLowerCase().split(':', 2);
  if (action === undefined) return null;
  const taskId = taskIdOf(data);
  if (model === 'comment' && COMMENT_ACTIONS.has(action)) return { table: 'comment', taskId };
  if (model === 'task' && TASK_ACTIONS.has(action)) return { table: 'task', taskId };
  if (model === 'time-spent') return { table: 'time-spent', taskId };
  if (model === 'day-off') return { table: 'day-off', taskId: null };
  if (model === 'preview-file') return { table: 'preview-file', taskId };
  return null;
}

function taskIdOf(data: unknown): string | null {
  if (data === null || typeof data !== 'object') return null;
  const taskId = (data as { task_id?: unknown }).task_id;
  return typeof taskId === 'string' && taskId !== '' ? taskId : null;
}
