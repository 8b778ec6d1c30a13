import type { CrudCall } from '../crud/crud-call';
import { modelOf } from '../crud/model-of';
import { serializeById } from '../crud/present';
import { prepareCached } from '../crud/sql';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';
import { notFound } from '../http/errors';
import type { Json } from '../models/serialize';
import { addAttachments, type StoredFiles } from './attachments';
import { shortPersons } from './comment-list';
import type { CommentRow, TaskRow } from './lookups';
import { parseMentions } from './mentions';
import type { StagedFile } from './multipart-form';
import { notifyReply } from './notifications';

export function repliesOf(comment: CommentRow): Json[] {
  try {
    const replies = comment.replies ? (JSON.parse(comment.replies) as unknown) : [];
    return Array.isArray(replies) ? (replies as Json[]) : [];
  } catch {
    return [];
  }
}

function saveReplies(call: CrudCall, commentId: string, replies: Json[]): void {
  prepareCached(call.db, 'UPDATE comment SET replies = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify(replies),
    nowDateTime(),
    commentId,
  );
}

/**
 * `comments_service.reply_comment`: the reply appended to the comment (with its mentions),
 * its files attached, `comment:reply`, notifications. Answers the reply with its author.
 */
export function addReply(
  call: CrudCall,
  stored: StoredFiles,
  task: TaskRow,
  comment: CommentRow,
  text: string | null,
  files: readonly StagedFile[],
): Json {
  const now = nowDateTime();
  const mentions = parseMentions(call.db, task.project_id, text);
  const reply: Json = {
    id: newId(),
    date: now,
    person_id: call.personId,
    text,
    mentions: mentions.mentions,
    department_mentions: mentions.departmentMentions,
    created_at: now,
  };
  const replies = [...repliesOf(comment), reply];
  saveReplies(call, comment.id, replies);
  const answer: Json = { ...reply };
  if (files.length > 0) {
    const attachments = addAttachments(call, stored, comment.id, files, String(reply.id));
    answer.attachment_files = attachments.map((file) => ({ ...file, reply_id: reply.id }));
  }
  call.emit(
    'comment:reply',
    { task_id: task.id, comment_id: comment.id, reply_id: reply.id },
    task.project_id,
  );
  notifyReply(
    call,
    task,
    {
      id: comment.id,
      person_id: comment.person_id,
      replyAuthors: replies.map((item) => item.person_id).filter((id) => typeof id === 'string'),
    },
    { id: String(reply.id), person_id: call.personId, ...mentions },
  );
  answer.person = shortPersons(call.db, [call.personId]).get(call.personId) ?? null;
  return answer;
}

export function findReply(comment: CommentRow, replyId: string): Json {
  const reply = repliesOf(comment).find((item) => item.id === replyId);
  if (!reply) throw notFound();
  return reply;
}

/**
 * `comments_service.delete_reply`: the reply, its attachments and notifications go; live-only
 * `comment:delete-reply`. Answers the comment. Returns the removed attachment ids too.
 */
export function deleteReply(
  call: CrudCall,
  task: TaskRow,
  comment: CommentRow,
  replyId: string,
): { comment: Json; attachmentIds: string[] } {
  const attachments = prepareCached(
    call.db,
    'SELECT id FROM attachment_file WHERE comment_id = ? AND reply_id = ?',
  ).all(comment.id, replyId) as { id: string }[];
  prepareCached(call.db, 'DELETE FROM attachment_file WHERE comment_id = ? AND reply_id = ?').run(
    comment.id,
    replyId,
  );
  saveReplies(
    call,
    comment.id,
    repliesOf(comment).filter((reply) => reply.id !== replyId),
  );
  prepareCached(call.db, 'DELETE FROM notification WHERE reply_id = ?').run(replyId);
  call.emit(
    'comment:delete-reply',
    { task_id: task.id, comment_id: comment.id, reply_id: replyId },
    task.project_id,
    { persist: false },
  );
  return {
    comment: serializeById(call.db, modelOf('comment'), comment.id, false),
    attachmentIds: attachments.map((row) => row.id),
  };
}

/** `acknowledge_comment`: toggles the caller's acknowledgement (live-only events). */
export function toggleAcknowledgement(call: CrudCall, task: TaskRow, commentId: string): Json {
  const existing = prepareCached(
    call.db,
    'SELECT 1 FROM comment_acknoledgments WHERE comment = ? AND person = ?',
  ).get(commentId, call.personId);
  if (existing) {
    prepareCached(
      call.db,
      'DELETE FROM comment_acknoledgments WHERE comment = ? AND person = ?',
    ).run(commentId, call.personId);
  } else {
    prepareCached(
      call.db,
      'INSERT INTO comment_acknoledgments (comment, person) VALUES (?, ?)',
    ).run(commentId, call.personId);
  }
  call.emit(
    `comment:${existing ? 'unacknowledge' : 'acknowledge'}`,
    { comment_id: commentId, person_id: call.personId },
    task.project_id,
    { persist: false },
  );
  return serializeById(call.db, modelOf('comment'), commentId, true);
}
