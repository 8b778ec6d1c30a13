import type {
  CommentChecklistItem,
  SettableTaskStatus,
  TaskComment,
  TaskStatusRef,
} from '../../src-shared/task-comment';
import type { KitsuClient } from '../kitsu/kitsu-client';

type Row = Record<string, unknown>;

const asRow = (value: unknown): Row => (value && typeof value === 'object' ? value : {}) as Row;
const text = (row: Row, key: string): string | null => {
  const value = row[key];
  return typeof value === 'string' && value !== '' ? value : null;
};

/** A task's comments, newest first: `GET /data/tasks/{id}/comments`. */
export async function listTaskComments(
  client: KitsuClient,
  taskId: string,
): Promise<TaskComment[]> {
  const body = await client.get<unknown>(`/data/tasks/${encodeURIComponent(taskId)}/comments`);
  return Array.isArray(body) ? body.map(toTaskComment) : [];
}

/** Posts a comment with a status: `POST /actions/tasks/{id}/comment`. */
export async function postTaskComment(
  client: KitsuClient,
  input: { taskId: string; text: string; taskStatusId: string },
): Promise<TaskComment> {
  const body = await client.post<unknown>(
    `/actions/tasks/${encodeURIComponent(input.taskId)}/comment`,
    { task_status_id: input.taskStatusId, comment: input.text },
  );
  return toTaskComment(body);
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
  const statuses = Array.isArray(context.task_status) ? context.task_status.map(asRow) : [];
  return (
    statuses
      // Concept statuses belong to concept tasks, which the todo list does not hold.
      .filter((status) => status.archived !== true && status.for_concept !== true)
      .filter((status) => role !== 'user' || status.is_artist_allowed === true)
      .filter((status) => role !== 'client' || status.is_client_allowed === true)
      .sort((a, b) => order(a) - order(b))
      .map(toStatusRef)
      .filter((status): status is TaskStatusRef => status !== null)
  );
}

const order = (status: Row): number =>
  typeof status.priority === 'number' ? status.priority : Number.MAX_SAFE_INTEGER;

function toStatusRef(value: unknown): TaskStatusRef | null {
  const row = asRow(value);
  const id = text(row, 'id');
  if (id === null) return null;
  return {
    id,
    name: text(row, 'name') ?? '',
    shortName: text(row, 'short_name') ?? '',
    color: text(row, 'color') ?? '#999999',
  };
}

/** One comment row (REFERENCE §5), tolerant of missing keys; the POST answer has the same shape. */
export function toTaskComment(value: unknown): TaskComment {
  const row = asRow(value);
  const person = asRow(row.person);
  const fullName =
    text(person, 'full_name') ??
    [text(person, 'first_name'), text(person, 'last_name')].filter(Boolean).join(' ');
  return {
    id: text(row, 'id') ?? '',
    text: typeof row.text === 'string' ? row.text : '',
    createdAt: text(row, 'created_at') ?? '',
    person: { id: text(person, 'id') ?? text(row, 'person_id') ?? '', fullName },
    taskStatus: toStatusRef(row.task_status),
    checklist: Array.isArray(row.checklist) ? row.checklist.flatMap(toChecklistItem) : [],
    replyCount: Array.isArray(row.replies) ? row.replies.length : 0,
    attachmentNames: Array.isArray(row.attachment_files)
      ? row.attachment_files.map((file) => text(asRow(file), 'name') ?? '').filter(Boolean)
      : [],
  };
}

function toChecklistItem(value: unknown): CommentChecklistItem[] {
  const row = asRow(value);
  return typeof row.text === 'string' ? [{ text: row.text, checked: row.checked === true }] : [];
}
