import { AppError } from '../../kitsu/app-error';
import { publishKind } from '../../publish/publish-kind';
import { checkPublishFile } from '../../publish/publish-files';
import { queuePublish } from '../../publish/queue-publish';
import type { ComposerContext } from '../../tasks/composer-context';
import type { HandlerGroup, HandlerServices } from '../handler-group';

type PublishChannel = 'publish:check-files' | 'publish:submit' | 'publish:progress';

/** Publishing previews: checking dropped files, queueing the publish, following it. */
export function publishHandlers(
  services: HandlerServices,
  composer: ComposerContext,
): HandlerGroup<PublishChannel> {
  const { session, grantedFiles } = services;
  const outboxOrFail = () => {
    const outbox = services.offline.outbox();
    if (!outbox) {
      throw new AppError(
        'server-error',
        'Publishing needs this computer’s cache of your tasks, which could not be opened. Log out and in again.',
      );
    }
    return outbox;
  };
  return {
    'publish:check-files': async ({ files }) =>
      Promise.all(files.map((ref) => checkPublishFile(grantedFiles, ref))),

    'publish:submit': async ({ baseStatusId, ...input }) => {
      const client = await session.client();
      const outbox = outboxOrFail();
      const online = outbox.online();
      const people = await composer.peopleFor(client, input.taskId, input.text, online);
      const context = await composer.writeContext(
        client,
        input,
        people,
        online,
        baseStatusId ?? null,
      );
      const entry = await queuePublish(outbox, grantedFiles, input, context);
      // Sent in the background: uploads take long, and the dialog follows publish:progress.
      outbox.flush({ now: true });
      services.onCacheChanged?.(['task', 'comment'], [input.taskId]);
      return { entryId: entry.id, comment: publishKind.optimisticComment!(entry)! };
    },

    'publish:progress': async ({ entryId }) =>
      services.offline.outbox()?.publishProgress(entryId) ?? null,
  };
}
