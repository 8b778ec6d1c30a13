import type { CrudCall } from './crud-call';
import { modelOf } from './model-of';
import { insertModelRow } from './rows';

export interface NotificationFields {
  personId: string;
  authorId: string;
  type: 'comment' | 'mention' | 'assignation' | 'reply' | 'reply-mention' | 'playlist-ready';
  taskId?: string | null;
  commentId?: string | null;
  projectId: string | null;
}

/**
 * `notifications_service.create_notification` + `_emit_notification`: the row is the record,
 * `notification:new` only the live signal (not persisted).
 */
export function createNotification(call: CrudCall, fields: NotificationFields): string {
  const id = insertModelRow(call.db, modelOf('notification'), {
    read: false,
    change: false,
    person_id: fields.personId,
    author_id: fields.authorId,
    task_id: fields.taskId ?? null,
    comment_id: fields.commentId ?? null,
    type: fields.type,
  });
  call.emit(
    'notification:new',
    { notification_id: id, person_id: fields.personId },
    fields.projectId,
    { persist: false },
  );
  return id;
}
