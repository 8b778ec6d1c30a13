import type { CommentChecklistItem, CommentReply } from '../../src-shared/task-comment';
import { AppError } from '../kitsu/app-error';
import { explainFailure } from '../kitsu/explain-failure';
import type { KitsuClient } from '../kitsu/kitsu-client';
import { mentionedIds, noNames, type NameResolver } from './person-names';
import { asRow, text, toChecklistItem, toCommentReply, type Row } from './task-comment-row';

// Writes on an existing comment of a task's thread: replies, acknowledgements, checklist ticks.

interface CommentRef {
  taskId: string;
  commentId: string;
}

const commentPath = ({ taskId, commentId }: CommentRef) =>
  `/data/tasks/${encodeURIComponent(taskId)}/comments/${encodeURIComponent(commentId)}`;

const GONE = 'This comment no longer exists: it may have been deleted. Refresh the thread.';

/** `POST …/comments/{id}/reply {text}`: the reply as the server stored it, with its author. */
export async function replyToComment(
  client: KitsuClient,
  input: CommentRef & { text: string },
  resolveNames: NameResolver = noNames,
): Promise<CommentReply> {
  return toReply(await sendReply(client, input), resolveNames);
}

/** The bare `POST …/reply`: the server's row of the reply. */
export async function sendReply(
  client: KitsuClient,
  input: CommentRef & { text: string },
): Promise<unknown> {
  return explainFailure(client.post<unknown>(`${commentPath(input)}/reply`, { text: input.text }), {
    'not-found': GONE,
    forbidden: 'You may not reply in this thread. Ask your production manager for access.',
  });
}

/** A reply row of the server as the thread shows it, mentioned people named. */
export async function toReply(answer: unknown, resolveNames: NameResolver): Promise<CommentReply> {
  const row = asRow(answer);
  const names = await resolveNames(mentionedIds([row]));
  const files = Array.isArray(row.attachment_files) ? row.attachment_files.map(asRow) : [];
  return toCommentReply(row, files, names);
}

/**
 * `POST …/comments/{id}/ack` toggles the person's acknowledgement; the list comes from the
 * comment read back afterwards, as Kitsu draws it (the toggle's own answer is not its source).
 */
export async function toggleAcknowledgement(
  client: KitsuClient,
  input: CommentRef,
): Promise<{ commentId: string; acknowledgedBy: string[] }> {
  await postAck(client, input);
  return { commentId: input.commentId, acknowledgedBy: await readAcknowledgers(client, input) };
}

/** The bare toggle. */
export async function postAck(client: KitsuClient, input: CommentRef): Promise<void> {
  await explainFailure(client.post<unknown>(`${commentPath(input)}/ack`), {
    'not-found': GONE,
    forbidden: 'You may not acknowledge comments of this task.',
  });
}

/** Who acknowledged the comment, as the server has it now. */
export async function readAcknowledgers(client: KitsuClient, input: CommentRef): Promise<string[]> {
  const comment = await readComment(client, input);
  const acks = Array.isArray(comment.acknowledgements) ? comment.acknowledgements : [];
  return acks.flatMap((ack) => {
    // Ids, as `relations=true` serializes them; tolerate embedded persons.
    const id = typeof ack === 'string' ? ack : text(asRow(ack), 'id');
    return id === null ? [] : [id];
  });
}

/**
 * `PUT /data/comments/{id} {checklist}`. When the items are the stored ones with only their
 * ticks changed, the stored items are sent back with the new ticks, so that any key another
 * client keeps on an item survives and the server sees a tick-only change (which assignees
 * may make on others' comments).
 */
export async function updateChecklist(
  client: KitsuClient,
  input: CommentRef & { checklist: CommentChecklistItem[] },
): Promise<{ commentId: string; checklist: CommentChecklistItem[] }> {
  const comment = await readComment(client, input);
  const stored = Array.isArray(comment.checklist) ? comment.checklist.map(asRow) : [];
  const sameItems =
    stored.length === input.checklist.length &&
    stored.every((item, index) => item.text === input.checklist[index]!.text);
  const checklist = sameItems
    ? stored.map((item, index) => ({ ...item, checked: input.checklist[index]!.checked }))
    : input.checklist;
  const answer = await explainFailure(
    client.put<unknown>(`/data/comments/${encodeURIComponent(input.commentId)}`, { checklist }),
    {
      'not-found': GONE,
      forbidden: sameItems
        ? 'Only the author, the task’s assignees and its supervisors may tick this checklist.'
        : 'Only the author may change the items of this checklist.',
    },
  );
  const saved = asRow(answer).checklist;
  return {
    commentId: input.commentId,
    checklist: Array.isArray(saved) ? saved.flatMap(toChecklistItem) : input.checklist,
  };
}

/** `GET /data/comments/{id}`, checked to belong to the task (else it is not this thread's). */
export async function readComment(client: KitsuClient, input: CommentRef): Promise<Row> {
  const comment = asRow(
    await explainFailure(
      client.get<unknown>(`/data/comments/${encodeURIComponent(input.commentId)}`),
      { 'not-found': GONE, forbidden: 'You may not read this comment.' },
    ),
  );
  if (text(comment, 'object_id')?.toLowerCase() !== input.taskId.toLowerCase()) {
    throw new AppError('not-found', GONE, 404);
  }
  return comment;
}
