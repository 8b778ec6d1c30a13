import type { TodoLastComment, TodoTask } from '../../src-shared/todo-task';

type Row = Record<string, unknown>;

const text = (row: Row, key: string): string | null => {
  const value = row[key];
  return typeof value === 'string' && value !== '' ? value : null;
};

const number = (row: Row, key: string): number | null => {
  const value = row[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

/** One `/data/user/tasks` row (REFERENCE §5) as the list shows it; tolerant of missing keys. */
export function toTodoTask(value: unknown): TodoTask {
  const row = (value && typeof value === 'object' ? value : {}) as Row;
  return {
    id: text(row, 'id') ?? '',
    projectId: text(row, 'project_id') ?? '',
    projectName: text(row, 'project_name') ?? '',
    entityId: text(row, 'entity_id') ?? '',
    entityName: text(row, 'entity_name') ?? '',
    entityTypeName: text(row, 'entity_type_name') ?? '',
    entityKind: text(row, 'task_type_for_entity') ?? '',
    sequenceName: text(row, 'sequence_name'),
    episodeName: text(row, 'episode_name'),
    taskTypeId: text(row, 'task_type_id') ?? '',
    taskTypeName: text(row, 'task_type_name') ?? '',
    taskTypeColor: text(row, 'task_type_color') ?? '#999999',
    taskStatusId: text(row, 'task_status_id') ?? '',
    taskStatusName: text(row, 'task_status_name') ?? '',
    taskStatusShortName: text(row, 'task_status_short_name') ?? '',
    taskStatusColor: text(row, 'task_status_color') ?? '#999999',
    dueDate:
      text(row, 'task_due_date')?.slice(0, 10) ?? text(row, 'due_date')?.slice(0, 10) ?? null,
    estimation: number(row, 'task_estimation') ?? number(row, 'estimation'),
    duration: number(row, 'task_duration') ?? number(row, 'duration'),
    priority: number(row, 'priority') ?? 0,
    previewFileId: text(row, 'entity_preview_file_id'),
    updatedAt: text(row, 'updated_at'),
    endDate: text(row, 'end_date'),
    lastComment: toLastComment(row.last_comment),
  };
}

function toLastComment(value: unknown): TodoLastComment | null {
  if (!value || typeof value !== 'object') return null;
  const comment = value as Row;
  const body = typeof comment.text === 'string' ? comment.text : null;
  const date = text(comment, 'date');
  if (body === null || date === null) return null;
  return { text: body, date, personId: text(comment, 'person_id') ?? '' };
}
