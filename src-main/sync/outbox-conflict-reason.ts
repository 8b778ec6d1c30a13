import type { TaskStatusRef } from '../../src-shared/task-comment';
import type { KitsuClient } from '../kitsu/kitsu-client';
import { asRow, toStatusRef } from '../tasks/task-comment-row';
import type { ServerStatus } from './outbox-entry';
import type { ServerComment } from './outbox-landed';

/**
 * Why a status change stopped, in words: who set which status meanwhile, from the newest
 * comment that set the status the task has now; else just that status.
 */
export async function describeStatusConflict(
  client: KitsuClient,
  comments: readonly ServerComment[],
  serverStatusId: string,
): Promise<{ reason: string; serverStatus: TaskStatusRef | null }> {
  const setter = comments.find(({ comment }) => comment.taskStatus?.id === serverStatusId);
  const serverStatus =
    setter?.comment.taskStatus ??
    toStatusRef(
      asRow(
        await client
          .get<unknown>(`/data/task-status/${encodeURIComponent(serverStatusId)}`)
          .catch(() => ({ id: serverStatusId })),
      ),
    );
  const name = serverStatus?.name || 'another status';
  const who = setter?.comment.person.fullName;
  return {
    reason: who
      ? `${who} set the status to ${name} meanwhile.`
      : `The task’s status changed to ${name} on the server meanwhile.`,
    serverStatus,
  };
}

/**
 * A comment that was to keep the task's status, refused because the status set meanwhile is
 * one this person may not post with (Zou checks the status of every comment, changed or not):
 * a conflict that says so, or null when that status is not the cause.
 */
export async function describeForbiddenStatus(
  client: KitsuClient,
  comments: readonly ServerComment[],
  serverStatusId: string,
  ownStatusName: string | null,
): Promise<{ reason: string; serverStatus: ServerStatus | null } | null> {
  const status = asRow(
    await client
      .get<unknown>(`/data/task-status/${encodeURIComponent(serverStatusId)}`)
      .catch(() => null),
  );
  if (status.is_artist_allowed !== false) return null;
  const conflict = await describeStatusConflict(client, comments, serverStatusId);
  const own = ownStatusName ? ` with ${ownStatusName}, which the task goes back to,` : '';
  return {
    reason:
      `${conflict.reason} Comments may not be posted with that status by you: ` +
      `post anyway to send it${own} or discard it.`,
    serverStatus: conflict.serverStatus && { ...conflict.serverStatus, keepable: false },
  };
}
