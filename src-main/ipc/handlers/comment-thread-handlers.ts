import { downloadAttachment } from '../../attachments/attachment-download';
import { replyToComment, toggleAcknowledgement, updateChecklist } from '../../tasks/comment-thread';
import { PersonNameCache } from '../../tasks/person-names';
import { listTaskComments } from '../../tasks/task-comments';
import type { HandlerGroup, HandlerServices } from '../handler-group';

type ThreadChannel =
  | 'tasks:list-comments'
  | 'tasks:reply'
  | 'tasks:acknowledge'
  | 'tasks:update-checklist'
  | 'attachments:download';

/** A task's comment thread: reading, replies, acknowledgements, checklists, attachments. */
export function commentThreadHandlers(services: HandlerServices): HandlerGroup<ThreadChannel> {
  const { session } = services;
  // Mentioned people's names, once per session: a new login is a new client.
  const names = new PersonNameCache();
  // Even a failed write may have landed (the read-back failed): the thread reloads either way.
  const afterWrite = async <T>(taskId: string, write: Promise<T>): Promise<T> => {
    try {
      return await write;
    } finally {
      services.onCacheChanged?.(['comment'], [taskId]);
    }
  };
  return {
    'tasks:list-comments': async ({ taskId }) => {
      const client = await session.client();
      // From the offline cache at once (refreshed behind), the comments on their way on top.
      const cache = services.sync?.for(client) ?? null;
      if (cache) return cache.comments(taskId);
      return listTaskComments(client, taskId, names.resolverFor(client));
    },
    'tasks:reply': async (input) => {
      const client = await session.client();
      return afterWrite(input.taskId, replyToComment(client, input, names.resolverFor(client)));
    },
    'tasks:acknowledge': async (input) =>
      afterWrite(input.taskId, toggleAcknowledgement(await session.client(), input)),
    'tasks:update-checklist': async (input) =>
      afterWrite(input.taskId, updateChecklist(await session.client(), input)),
    'attachments:download': async ({ attachmentId }) => {
      const client = await session.client();
      const path = await downloadAttachment(client, attachmentId, services.downloadsDir);
      services.revealFile?.(path);
      return { path };
    },
  };
}
