import {
  COMMENT_ATTACHMENT_BYTES_MAX,
  type CommentChecklistItem,
  type TaskComment,
} from '../../src-shared/task-comment';
import type { GrantedFiles, OpenedFile } from '../files/granted-files';
import type { KitsuClient } from '../kitsu/kitsu-client';
import { toTaskComment, type PersonNames } from './task-comment-row';

export interface NewTaskComment {
  taskId: string;
  text: string;
  taskStatusId: string;
  checklist?: CommentChecklistItem[];
  /** File refs: absolute paths, read only when granted. */
  attachments?: string[];
}

/**
 * Posts a comment with a status, a checklist and attached files: `POST
 * /actions/tasks/{id}/comment`, as JSON, or multipart when files go with it. Every file is
 * checked (granted, a regular file, small enough) before anything is sent, so a refusal posts
 * nothing.
 */
export async function postTaskComment(
  client: KitsuClient,
  files: GrantedFiles,
  input: NewTaskComment,
  names?: PersonNames,
): Promise<TaskComment> {
  const refs = [...new Set(input.attachments ?? [])];
  const opened = [];
  for (const ref of refs) opened.push(await files.open(ref, COMMENT_ATTACHMENT_BYTES_MAX));
  return toTaskComment(await sendTaskComment(client, input, opened), names);
}

/** The request itself, with files already opened; answers the server's comment row. */
export async function sendTaskComment(
  client: KitsuClient,
  input: Omit<NewTaskComment, 'attachments'>,
  files: readonly OpenedFile[],
): Promise<unknown> {
  const path = `/actions/tasks/${encodeURIComponent(input.taskId)}/comment`;
  if (files.length === 0) {
    return client.post<unknown>(path, {
      task_status_id: input.taskStatusId,
      comment: input.text,
      ...(input.checklist ? { checklist: input.checklist } : {}),
    });
  }
  const form = new FormData();
  form.append('task_status_id', input.taskStatusId);
  form.append('comment', input.text);
  // Multipart carries lists as JSON strings (REFERENCE §6).
  form.append('checklist', JSON.stringify(input.checklist ?? []));
  // The server keeps the first file of each field name: one name per file, as gazu does.
  files.forEach((file, index) => {
    form.append(index === 0 ? 'file' : `file-${index}`, file.blob, file.name);
  });
  return client.postForm<unknown>(path, form);
}
