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

/**
 * What the person's cache knows, to keep studio-wide events to theirs: Zou sends every event
 * to every client, and names no task when a comment is acknowledged or gets a preview.
 */
export interface LiveScope {
  /** Whether events of this project may concern the person; true while their projects are unknown. */
  followsProject(projectId: string): boolean;
  /** The task of a comment in a thread the person has read; null for any other comment. */
  taskOfComment(commentId: string): string | null;
}

/**
 * `tableChangeOf`, kept to the person's scope: events of other projects are dropped (save
 * assignments, which may bring a new project), and a comment named without its task is
 * found in the cached threads, or dropped when no thread read holds it.
 */
export function scopedChangeOf(
  name: string,
  data: unknown,
  scope: LiveScope | null,
): TableChange | null {
  const change = tableChangeOf(name, data);
  if (!change || !scope) return change;
  const projectId = textField(data, 'project_id');
  const assignment = /:(un)?assign$/i.test(name);
  if (projectId !== null && !assignment && !scope.followsProject(projectId)) return null;
  if (change.table === 'comment' && change.taskId === null) {
    const commentId = textField(data, 'comment_id');
    const taskId = commentId === null ? null : scope.taskOfComment(commentId);
    return taskId === null ? null : { ...change, taskId };
  }
  return change;
}

function taskIdOf(data: unknown): string | null {
  return textField(data, 'task_id');
}

function textField(data: unknown, key: string): string | null {
  if (data === null || typeof data !== 'object') return null;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : null;
}
