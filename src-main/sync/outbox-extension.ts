import type { PublishProgress } from '../../src-shared/publish';
import { Outbox, type OutboxOptions } from './outbox';
import { keepDelivery } from './outbox-delivered';
import { outboxFilesDir } from './outbox-files';
import type { SyncExtensionFactory } from './sync-extension';

/**
 * The outbox of whoever is logged in, living in their sync session: the same cache file, the
 * same connectivity (it flushes when the server comes back), its waiting writes laid over the
 * cache's reads and counted in the sync state.
 */
export class OutboxExtension {
  private outbox: Outbox | null = null;

  constructor(
    private readonly options: OutboxOptions & {
      /** A publish moved on: the renderer's dialog follows it. */
      onPublishProgress?: (progress: PublishProgress) => void;
    } = {},
  ) {}

  /** The open session's outbox; null while nobody is logged in (or the cache could not open). */
  current(): Outbox | null {
    return this.outbox;
  }

  readonly factory: SyncExtensionFactory = (session) => {
    const outbox = new Outbox(
      {
        db: session.db,
        filesRoot: outboxFilesDir(session.cachePath),
        personId: session.personId,
        client: () => session.client(),
        online: () => session.online(),
        onOnline: (listener) => session.onOnline(listener),
        reportOffline: (error) => session.reportOffline(error),
        // In the delivery's transaction: the cache has the server's answer at once.
        onDelivered: (entry, body) =>
          keepDelivery(
            { db: session.db, keptReads: session.keptReads, store: outbox.store },
            entry,
            body,
          ),
        onChange: (taskIds) => session.localChange(taskIds),
        onPublishProgress: (progress) => this.options.onPublishProgress?.(progress),
      },
      this.options,
    );
    this.outbox = outbox;
    outbox.start();
    return {
      pendingCount: () => outbox.pendingCount(),
      conflicts: () => outbox.conflicts(),
      overlayTasks: (tasks) => outbox.overlayTasks(tasks),
      overlayComments: (taskId, comments) => outbox.overlayComments(taskId, comments),
      close: async () => {
        if (this.outbox === outbox) this.outbox = null;
        outbox.stop();
        // A lane awaiting an answer stops before touching the file again; give it a moment.
        await Promise.race([outbox.idle(), new Promise((resolve) => setTimeout(resolve, 2_000))]);
      },
    };
  };
}
