import type { PublishProgress } from '../../src-shared/publish';
import type { CacheDb } from '../cache/cache-db';
import type { AppError } from '../kitsu/app-error';
import type { KitsuClient } from '../kitsu/kitsu-client';
import type { OutboxEntry } from './outbox-entry';

/** What the outbox needs from the session that owns it (the sync service of a logged-in person). */
export interface OutboxHost {
  /** The person's open cache file (migrated: the outbox tables are in it). */
  db: CacheDb;
  /** The folder of kept attachment copies, beside the cache file (`outboxFilesDir`). */
  filesRoot: string;
  /** The logged-in person: the author of every write here. */
  personId: string;
  client(): Promise<KitsuClient>;
  /** Whether the server is thought reachable now (`syncing` counts as reachable). */
  online(): boolean;
  /** Called whenever the server becomes reachable again; answers the unsubscribe. */
  onOnline(listener: () => void): () => void;
  /** A write failed for want of the network: connectivity may turn offline and probe. */
  reportOffline?(error: AppError): void;
  /** Runs in the delivery's transaction: the cache may keep the server's row. */
  onDelivered?(entry: OutboxEntry, body: unknown): void;
  /** After every change of the outbox, with the tasks whose writes changed. */
  onChange(taskIds: string[]): void;
  /** A publish moved on (a step landed, bytes went, it was delivered). */
  onPublishProgress?(progress: PublishProgress): void;
}
