import type { TaskComment } from '../../../src-shared/task-comment';
import { postCommentThroughOutbox } from '../../sync/outbox-post-comment';
import type { ComposerContext } from '../../tasks/composer-context';
import { postTaskComment } from '../../tasks/post-task-comment';
import type { HandlerGroup, HandlerServices } from '../handler-group';

type ComposerChannel = 'tasks:post-comment' | 'tasks:list-statuses' | 'tasks:list-mentionable';

/** Writing a comment: the statuses one may set, `@` mentions, posting with checklist and files. */
export function commentComposerHandlers(
  services: HandlerServices,
  composer: ComposerContext,
): HandlerGroup<ComposerChannel> {
  const { session, grantedFiles } = services;
  return {
    'tasks:post-comment': async ({ baseStatusId, ...input }) => {
      const client = await session.client();
      const outbox = services.offline.outbox();
      const online = outbox?.online() ?? true;
      // Names for the mentions the answer lists by id, when there may be some.
      const people = await composer.peopleFor(client, input.taskId, input.text, online);
      const names = new Map(people.map((candidate) => [candidate.id, candidate.name]));
      const nameOf = (id: string) => names.get(id) ?? null;
      let comment: TaskComment;
      if (!outbox) {
        comment = await postTaskComment(client, grantedFiles, input, nameOf);
      } else {
        const context = await composer.writeContext(
          client,
          input,
          people,
          online,
          baseStatusId ?? null,
        );
        comment = await postCommentThroughOutbox(outbox, grantedFiles, input, context, nameOf);
      }
      services.onCacheChanged?.(['task', 'comment'], [input.taskId]);
      return comment;
    },
    'tasks:list-statuses': ({ projectId }) => composer.settableStatuses(projectId),
    'tasks:list-mentionable': async ({ taskId }) =>
      composer.mentionableFor(await session.client(), taskId),
  };
}
