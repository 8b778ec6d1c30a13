import type { SessionState } from '../../src-shared/session';
import type { OutboxConflict } from '../../src-shared/sync';
import { cacheFilePath, openCacheDb, type CacheDb } from '../cache/cache-db';
import { CachedReads } from '../cache/cached-reads';
import type { KitsuClient } from '../kitsu/kitsu-client';
import { Outbox, type OutboxOptions } from './outbox';
import { outboxFilesDir } from './outbox-files';
import { OutboxReachability } from './outbox-reachability';

export interface OutboxSessionOptions {
  userDataDir: string;
  /** better-sqlite3's addon built for Electron, when main runs from the source tree. */
  sqliteNativeBinding?: string;
  client(): Promise<KitsuClient>;
  /** After every change of the outbox or of reachability, with the tasks whose writes changed. */
  onChange(taskIds: string[]): void;
  fetch?: typeof fetch;
  outbox?: OutboxOptions;
}

interface Open {
  key: string;
  db: CacheDb;
  outbox: Outbox;
  reachability: OutboxReachability;
  reads: CachedReads;
}

/**
 * The logged-in person's outbox: opened with their cache file (one per server and person)
 * when a session starts or is restored, stopped when it ends. The file stays: logging in
 * again as the same person on the same server finds the writes still waiting.
 */
export class OutboxSession {
  private open: Open | null = null;

  constructor(private readonly options: OutboxSessionOptions) {}

  current(): Outbox | null {
    return this.open?.outbox ?? null;
  }

  /** The reads kept in the same cache file, answered from it when the server is unreachable. */
  cachedReads(): CachedReads | null {
    return this.open?.reads ?? null;
  }

  online(): boolean {
    return this.open?.reachability.online() ?? false;
  }

  pending(): number {
    return this.open?.outbox.pendingCount() ?? 0;
  }

  conflicts(): OutboxConflict[] {
    return this.open?.outbox.conflicts() ?? [];
  }

  /** Follows the session: open for a logged-in person, closed otherwise. */
  follow(state: SessionState): void {
    if (state.status !== 'logged-in') {
      this.close();
      return;
    }
    const key = cacheFilePath(this.options.userDataDir, state.server.apiUrl, state.user.id);
    if (this.open?.key === key) return;
    this.close();
    const db = openCacheDb(key, this.options.sqliteNativeBinding);
    const reachability = new OutboxReachability(state.server.apiUrl, {
      fetch: this.options.fetch,
    });
    const outbox = new Outbox(
      {
        db,
        filesRoot: outboxFilesDir(key),
        personId: state.user.id,
        client: this.options.client,
        online: () => reachability.online(),
        onOnline: (listener) => reachability.subscribe((online) => online && listener()),
        reportOffline: () => reachability.reportOffline(),
        onChange: (taskIds) => this.options.onChange(taskIds),
      },
      this.options.outbox,
    );
    reachability.subscribe(() => this.options.onChange([]));
    this.open = { key, db, outbox, reachability, reads: new CachedReads(db) };
    outbox.start();
  }

  /** Stops replaying and closes the cache file; a request in flight is checked next time. */
  close(): void {
    const open = this.open;
    if (!open) return;
    this.open = null;
    open.outbox.stop();
    open.reachability.close();
    // Whatever a lane still awaits ends on its own; the file closes once it has.
    void open.outbox.idle().finally(() => open.db.close());
  }
}
