import type { CrudCall } from '../crud/crud-call';
import { entityKindOf } from '../crud/entity-kind';
import { prepareCached } from '../crud/sql';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';
import type { TaskRow } from './lookups';
import { mentionedPeople, type Mentions } from './mentions';

type NotificationType = 'comment' | 'mention' | 'reply' | 'reply-mention';

interface NotificationFields {
  personId: string;
  authorId: string;
  type: NotificationType;
  task: TaskRow;
  commentId: string;
  replyId?: string | null;
  change?: boolean;
}

/** `create_notification` + `_emit_notification`: the row, and a live-only `notification:new`. */
function notify(call: CrudCall, fields: NotificationFields): void {
  const id = newId();
  const now = nowDateTime();
  prepareCached(
    call.db,
    `INSERT INTO notification (id, created_at, updated_at, read, change, type, person_id,
       author_id, comment_id, task_id, reply_id)
     VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    now,
    now,
    fields.change ? 1 : 0,
    fields.type,
    fields.personId,
    fields.authorId,
    fields.commentId,
    fields.task.id,
    fields.replyId ?? null,
  );
  call.emit(
    'notification:new',
    { notification_id: id, person_id: fields.personId },
    fields.task.project_id,
    { persist: false },
  );
}

/**
 * `get_notification_recipients`: the assignees, the task's subscribers and the subscribers of
 * the task type on the entity's parent (sequence subscriptions).
 */
function recipientsOf(call: CrudCall, task: TaskRow): Set<string> {
  const rows = prepareCached(
    call.db,
    `SELECT person_id FROM task_person_link WHERE task_id = ?
     UNION SELECT person_id FROM subscription WHERE task_id = ?
     UNION SELECT s.person_id FROM subscription s JOIN entity e ON e.parent_id = s.entity_id
       WHERE e.id = ? AND s.task_type_id = ?`,
  ).all(task.id, task.id, task.entity_id, task.task_type_id) as { person_id: string }[];
  return new Set(rows.map((row) => row.person_id));
}

/**
 * `create_notifications_for_task_and_comment`: "comment" to the recipients but the author
 * (flagged `change` when the status moved), "mention" to the people mentioned but the author.
 * A person mentioned twice (by name and through a department) gets one mention.
 */
export function notifyComment(
  call: CrudCall,
  task: TaskRow,
  comment: { id: string; person_id: string } & Mentions,
  change: boolean,
): void {
  const author = comment.person_id;
  const base = { authorId: author, task, commentId: comment.id };
  for (const personId of recipientsOf(call, task)) {
    if (personId !== author) notify(call, { ...base, personId, type: 'comment', change });
  }
  for (const personId of mentionedPeople(call.db, task.project_id, comment)) {
    if (personId !== author) notify(call, { ...base, personId, type: 'mention' });
  }
}

/**
 * `create_notifications_for_task_and_reply`: "reply" to the recipients, the other repliers and
 * the comment's author, "reply-mention" to the people the reply mentions; never to its author.
 */
export function notifyReply(
  call: CrudCall,
  task: TaskRow,
  comment: { id: string; person_id: string; replyAuthors: string[] },
  reply: { id: string; person_id: string } & Mentions,
): void {
  const recipients = recipientsOf(call, task);
  for (const personId of comment.replyAuthors) recipients.add(personId);
  recipients.add(comment.person_id);
  recipients.delete(reply.person_id);
  const base = { authorId: reply.person_id, task, commentId: comment.id, replyId: reply.id };
  for (const personId of recipients) notify(call, { ...base, personId, type: 'reply' });
  for (const personId of mentionedPeople(call.db, task.project_id, reply)) {
    if (personId !== reply.person_id) notify(call, { ...base, personId, type: 'reply-mention' });
  }
}

/**
 * `create_news_for_task_and_comment` (skipped for concepts, as Zou does): a news row dated
 * like the comment, and `news:new`.
 */
export function addCommentNews(
  call: CrudCall,
  task: TaskRow,
  comment: { id: string; person_id: string; created_at: string; task_status_id: string },
  change: boolean,
): void {
  const entity = prepareCached(call.db, 'SELECT entity_type_id FROM entity WHERE id = ?').get(
    task.entity_id,
  ) as { entity_type_id: string } | undefined;
  if (entityKindOf(call.db, entity?.entity_type_id) === 'Concept') return;
  const id = newId();
  prepareCached(
    call.db,
    `INSERT INTO news (id, created_at, updated_at, change, author_id, comment_id, task_id,
       preview_file_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`,
  ).run(
    id,
    comment.created_at,
    nowDateTime(),
    change ? 1 : 0,
    comment.person_id,
    comment.id,
    task.id,
  );
  call.emit(
    'news:new',
    { news_id: id, task_status_id: comment.task_status_id, task_type_id: task.task_type_id },
    task.project_id,
  );
}
